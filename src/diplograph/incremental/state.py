"""Incremental build, its state: what a build leaves in OUT/state.pickle for the next build to
start from, beside the outputs it describes (written in the same staging folder, swapped into
place with them).

Holds the environment the build ran in (package code, library versions, limits), the digests of
its inputs (as manifest.json) and their stamps (stamps.py), each minted entity's description in
each rule graph before the rule graphs were reconciled (reconcile.py), the entailed triples the
inferred graph does not keep (entail.kept), the review candidates of each hand-mapped article,
the articles set aside and why, and where each named graph's block lies in graph.trig with the
prefixes it uses. A state that is missing, unreadable or of another environment means a full
build.
"""

from __future__ import annotations

import logging
import os
import pickle
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path

from rdflib import URIRef

from diplograph import cache
from diplograph.memory import collector_paused
from diplograph.quarantine import Quarantined

log = logging.getLogger(__name__)

STATE_FILE = "state.pickle"
FORMAT = 4  # 3: the layout's statements packed; 4: by column (statementindex.StatementIndex)
_LIBRARIES = ("rdflib", "pyoxigraph", "pyshacl", "spacy", "spacy-lookups-data", "PyYAML")
_SETTINGS = ("DIPLOGRAPH_SHACL", "DIPLOGRAPH_ARTICLE_TIMEOUT", "DIPLOGRAPH_ARTICLE_MEMORY")


@dataclass
class Ledger:
    """What a build knows that its outputs do not say, for the next incremental build."""

    minted: dict = field(default_factory=dict)  # entity -> rule graph -> (labels, confidences)
    dropped: list = field(default_factory=list)  # entailed triples the inferred graph leaves out
    candidates: dict[URIRef, int] = field(default_factory=dict)  # candidates graph -> count
    by_shape: tuple[URIRef, ...] = ()  # rule graphs set aside for breaking a shape alone
    by_conflict: tuple[URIRef, ...] = ()  # rule graphs set aside for a conflict with another
    aside: dict[URIRef, list] = field(default_factory=dict)  # the triples of those set aside
    rounds: tuple = ()  # the conflict loop's rounds: (rows without sources, graphs set aside)


@dataclass
class State:
    """A build's state as the next build reads it."""

    environment: str
    inputs: dict[str, str]
    ledger: Ledger
    quarantined: tuple[Quarantined, ...]  # without their graphs (quarantine/STEM.ttl has them)
    layout: dict  # graph name -> (offset, size, prefix lines, StatementIndex or None) in graph.trig
    stamps: dict = field(default_factory=dict)  # input name -> its stat when hashed (stamps.py)
    format: int = FORMAT


def environment() -> str:
    """A digest of what a build's outputs depend on besides its inputs: the package's code,
    the libraries' versions and the settings of the rule layer and the validator."""
    versions = []
    for name in _LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    settings = [f"{name}={os.environ.get(name, '')}" for name in _SETTINGS]
    return cache.digest(*versions, *settings)


def bare(item: Quarantined) -> Quarantined:
    """A quarantine record without its graph."""
    return Quarantined(item.stem, item.source, item.problems, item.graph_name, None)


def iri(value: str) -> URIRef:
    """An IRI the state held, made without checking it again (it was an IRI when written)."""
    return str.__new__(URIRef, value)


class _Pickler(pickle.Pickler):
    """Pickles an IRI as its text, remade by `iri` (URIRef's own pickling checks it again)."""

    def reducer_override(self, obj: object) -> object:
        """An IRI's text; anything else as pickle does."""
        if type(obj) is URIRef:
            return iri, (str(obj),)
        return NotImplemented


def shared(minted: dict) -> dict:
    """The minted entities' descriptions with each distinct description (labels, confidences)
    one object, so that pickle writes it once and reading the state makes it once (at 1,000
    articles 12,178 descriptions, 86 distinct literals). Descriptions are the same when their
    terms' text, language and datatype are (Literal's == ignores the language's case); one met
    before as the same object is found by its id, without hashing its literals again.

    >>> from rdflib import Literal
    >>> one, two = (Literal("A", lang="en"),), (Literal("A", lang="EN"),)
    >>> same = shared({"e": {"g1": (one, ()), "g2": ((Literal("A", lang="en"),), ())}})
    >>> same["e"]["g1"] is same["e"]["g2"]
    True
    >>> differ = shared({"e": {"g1": (one, ()), "g2": (two, ())}})
    >>> differ["e"]["g1"] is differ["e"]["g2"]
    False
    """
    by_id: dict[int, tuple] = {}
    by_text: dict[tuple, tuple] = {}
    result = {}
    for node, by in minted.items():
        described = {}
        for graph, value in by.items():
            found = by_id.get(id(value))
            if found is None:
                key = tuple(tuple((str(t), t.language, t.datatype) for t in part) for part in value)
                found = by_id[id(value)] = by_text.setdefault(key, value)
            described[graph] = found
        result[node] = described
    return result


def write_state(folder: Path, state: State) -> None:
    """Write the state into a build's staging folder."""
    ledger = replace(state.ledger, minted=shared(state.ledger.minted))
    with (folder / STATE_FILE).open("wb") as stream:
        _Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(replace(state, ledger=ledger))


def read_state(out: Path) -> State | None:
    """The state a build left in its folder, or None (none, unreadable, another format)."""
    with collector_paused():
        try:
            with (out / STATE_FILE).open("rb") as stream:
                state = pickle.load(stream)  # noqa: S301 (the build folder this program wrote)
        except FileNotFoundError:
            return None
        except Exception as exc:  # a truncated or foreign file: build in full
            log.info("%s: unreadable (%s)", out / STATE_FILE, exc)
            return None
        if not isinstance(state, State) or state.format != FORMAT:
            return None
    return state
