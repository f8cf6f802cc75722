"""IRI minting: deterministic IRIs for articles, sentences, attestations, entities and events.

IRIs are built from a type segment and a key derived from what the node is (never a counter or a
random id), so that the same real-world event reported by two articles, or mapped by hand and by
rules, gets one IRI. See docs/decisions/20261123-iri-scheme.md. `iri_problem` checks an IRI that
comes from outside (an endpoint's answer, an --endpoint option) before it is used or written.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

from rdflib import URIRef

from diplograph import names
from diplograph.names import iri_problem as iri_problem  # re-exported
from diplograph.namespaces import ID

_NON_SLUG = re.compile(r"[^a-z0-9]+")

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def slug(text: str) -> str:
    """Lower-case ASCII kebab-case key of a name.

    >>> slug("Kim Jong-un")
    'kim-jong-un'
    >>> slug("Weaponry Exhibition-2023")
    'weaponry-exhibition-2023'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")


def kind_slug(class_name: str) -> str:
    """Kebab-case segment of an event class's local name.

    >>> kind_slug("LetterDelivery")
    'letter-delivery'
    """
    return _CAMEL.sub("-", class_name).lower()


def article_iri(stem: str) -> URIRef:
    """IRI of a seed article, from its file stem."""
    return ID[f"article/{stem}"]


ARTICLE_GRAPHS = ID["graph/article/"]
RULES_GRAPHS = ID["graph/rules/"]
CANDIDATES_GRAPHS = URIRef(names.CANDIDATES_GRAPHS)


def article_graph_iri(stem: str) -> URIRef:
    """IRI of the named graph that holds one article's assertions."""
    return URIRef(f"{ARTICLE_GRAPHS}{stem}")


def rules_graph_iri(stem: str) -> URIRef:
    """IRI of the named graph of an article's rule layer, when no hand mapping exists."""
    return URIRef(f"{RULES_GRAPHS}{stem}")


def candidates_graph_iri(stem: str) -> URIRef:
    """IRI of the named graph of a hand-mapped article's rule layer, kept for review."""
    return URIRef(f"{CANDIDATES_GRAPHS}{stem}")


def sentence_iri(stem: str, number: int) -> URIRef:
    """IRI of the n-th sentence (from 1) of an article.

    >>> str(sentence_iri("000_ec5e95d0bf243a61", 7))
    'https://w3id.org/diplograph/id/sentence/000_ec5e95d0bf243a61/s07'
    """
    return ID[f"sentence/{stem}/s{number:02d}"]


def attestation_iri(stem: str, begin: int, end: int, attested: URIRef) -> URIRef:
    """IRI of the attestation of a thing by the span [begin, end) of an article.

    >>> str(attestation_iri("004_x", 10, 42, ID["event/meeting/2023-09-13/kim-putin"]))
    'https://w3id.org/diplograph/id/attestation/004_x/10-42-7eff267405'
    """
    digest = hashlib.sha1(str(attested).encode()).hexdigest()[:10]
    return ID[f"attestation/{stem}/{begin}-{end}-{digest}"]


def entity_iri(kind: str, name: str) -> URIRef:
    """IRI of a named entity: its type segment (person, country, city, place, org, position,
    materiel) and the slug of its name.

    >>> str(entity_iri("person", "Pak Jong-chon"))
    'https://w3id.org/diplograph/id/person/pak-jong-chon'
    """
    return ID[f"{kind}/{slug(name)}"]


ENTITY_SEGMENTS = frozenset({"person", "country", "city", "place", "org", "materiel"})


def local_name(iri: object) -> str:
    """An IRI relative to the instance namespace, the inverse of the minting functions.

    >>> local_name(entity_iri("person", "Kim Jong Un"))
    'person/kim-jong-un'
    """
    return str(iri).removeprefix(str(ID))


def entity_segment(node: object) -> str | None:
    """The type segment of an entity IRI (person, country, city, place, org, materiel), else
    None (events, sentences, positions, holdings, literals).

    >>> entity_segment(entity_iri("org", "Hamas")), entity_segment(sentence_iri("x", 1))
    ('org', None)
    """
    if not isinstance(node, URIRef) or not str(node).startswith(str(ID)):
        return None
    segment = local_name(node).split("/", 1)[0]
    return segment if segment in ENTITY_SEGMENTS else None


def event_iri(kind: str, when: date | None, key: str) -> URIRef:
    """IRI of an event: kind, day (or 'undated') and a key naming its principal participants.

    >>> str(event_iri("LetterDelivery", date(2023, 7, 26), "putin-shoigu-kim"))
    'https://w3id.org/diplograph/id/event/letter-delivery/2023-07-26/putin-shoigu-kim'
    """
    day = when.isoformat() if when else "undated"
    return ID[f"event/{kind_slug(kind)}/{day}/{slug(key)}"]


EVENT_IRI = re.compile(
    r"^https://w3id\.org/diplograph/id/event/(?P<kind>[a-z-]+)/"
    r"(?P<day>\d{4}-\d{2}-\d{2}|undated)/(?P<key>[a-z0-9-]+)$"
)


def content_key(content: URIRef) -> str:
    """The part of a speech act's key that names what it is about (kinds.yaml `key: [...,
    content]`): the content event's kind, day (when it has one) and key, so that one speech-act
    IRI always means one content (dsh:AccusationShape-content and its like: at most one).

    >>> content_key(ID["event/military-aid/undated/russia-kazakhstan"])
    'military-aid-russia-kazakhstan'
    >>> content_key(ID["event/visit/2023-10-01/putin-china"])
    'visit-2023-10-01-putin-china'
    """
    match = EVENT_IRI.match(str(content))
    if match is None:  # not an event the scheme minted: its last segment
        return slug(str(content).rstrip("/").rsplit("/", 1)[-1])
    day = "" if match["day"] == "undated" else f"-{match['day']}"
    return f"{match['kind']}{day}-{match['key']}"


ONTOLOGY_GRAPH = URIRef(names.ONTOLOGY_GRAPH)
ENTITIES_GRAPH = ID["graph/entities"]
INFERRED_GRAPH = URIRef(names.INFERRED_GRAPH)
WIKIDATA_GRAPH = URIRef(names.WIKIDATA_GRAPH)
