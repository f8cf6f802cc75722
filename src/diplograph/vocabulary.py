"""Vocabulary: the event kinds, their parent kinds, the event roles and the modalities, read from
the ontology so that Python keeps no copy of them.

Reads ontology/diplo.ttl (Turtle); returns a Vocabulary, once per file contents and process, and
from the on-disk cache (cache.py) while the file's bytes are unchanged, wherever the file is (a
copy of the project elsewhere hits). Kinds are the sub-classes of dip:Event; roles are the
object properties of events whose values are things the text names (dip:participant and its
sub-properties, then the others such as dip:place and dip:theme, but not the links between
events such as dip:content); modalities are the dip:Modality individuals. Each list is in the
order the ontology declares its terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from diplograph import cache, paths

ONTOLOGY_FILE = "diplo.ttl"
NAMESPACE = "https://w3id.org/diplograph/ontology#"


@dataclass(frozen=True)
class Vocabulary:
    """The ontology's terms that rules, extraction and evaluation name."""

    kinds: tuple[str, ...]  # sub-classes of dip:Event, transitively
    parents: dict[str, str]  # kind -> the kind it specialises (dip:Event left out)
    participants: tuple[str, ...]  # dip:participant's sub-properties, then dip:participant
    roles: tuple[str, ...]  # participants, then the other roles (dip:place, dip:theme)
    modalities: tuple[str, ...]  # the dip:Modality individuals


def ontology_file(root: Path | None = None) -> Path:
    """The ontology file of a project (default: the project found from the working directory)."""
    return paths.ontology_dir(root) / ONTOLOGY_FILE


# The vocabularies this process has read, by the digest of their ontology file's bytes
READ: dict[str, Vocabulary] = {}


def vocabulary(path: Path | None = None) -> Vocabulary:
    """The vocabulary of an ontology file (default: the project's), once per process and file
    contents: a copy of the project elsewhere, or an edited file, is keyed by its bytes."""
    path = (path or ontology_file()).resolve()
    key = cache.digest(path.read_bytes())
    found = READ.get(key)
    if found is None:
        found = READ[key] = cache.cached("vocabulary", key, Vocabulary, lambda: read(path))
    return found


def event_kinds(path: Path | None = None) -> frozenset[str]:
    """The event kinds: the local names of dip:Event's sub-classes."""
    return frozenset(vocabulary(path).kinds)


def parent_kinds(path: Path | None = None) -> dict[str, str]:
    """Event kind -> the kind it specialises (Talks -> Meeting), for kinds below another."""
    return dict(vocabulary(path).parents)


def event_roles(path: Path | None = None) -> tuple[str, ...]:
    """The roles an event has: participants first, then dip:place and dip:theme."""
    return vocabulary(path).roles


def _declared(text: str) -> dict[str, int]:
    """Local name -> position of its block in the Turtle text (a line starting `dip:Name`)."""
    order: dict[str, int] = {}
    for found in re.finditer(r"^dip:(\w+)\s*$", text, re.MULTILINE):
        order.setdefault(found.group(1), len(order))
    return order


def read(path: Path) -> Vocabulary:
    """Parse an ontology file into its vocabulary (a malformed file is an InputError)."""
    from rdflib import OWL, RDF, RDFS, URIRef

    from diplograph.store import parse_turtle

    graph = parse_turtle(path)
    order = _declared(path.read_text(encoding="utf-8"))

    def name(term: URIRef) -> str:
        return str(term)[len(NAMESPACE) :]

    def ordered(terms: set[URIRef]) -> tuple[str, ...]:
        names = {name(t) for t in terms if str(t).startswith(NAMESPACE)}
        return tuple(sorted(names, key=lambda n: (order.get(n, len(order)), n)))

    event, participant = URIRef(NAMESPACE + "Event"), URIRef(NAMESPACE + "participant")
    kinds = set(graph.transitive_subjects(RDFS.subClassOf, event)) - {event}
    parents = {
        name(kind): name(parent)
        for kind in kinds
        for parent in graph.objects(kind, RDFS.subClassOf)
        if parent in kinds
    }
    below = set(graph.transitive_subjects(RDFS.subPropertyOf, participant)) - {participant}
    others = {
        prop
        for prop in graph.subjects(RDFS.domain, event)
        if (prop, RDF.type, OWL.ObjectProperty) in graph
        and prop != participant
        and prop not in below
        and event not in set(graph.objects(prop, RDFS.range))
    }
    modalities = set(graph.subjects(RDF.type, URIRef(NAMESPACE + "Modality")))
    participants = (*ordered(below), name(participant))
    return Vocabulary(
        kinds=ordered(kinds),
        parents=dict(sorted(parents.items())),
        participants=participants,
        roles=(*participants, *ordered(others)),
        modalities=ordered(modalities),
    )
