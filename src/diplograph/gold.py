"""Gold stage: reads a hand mapping (mappings/gold/STEM.ttl) into the article's named graph.

Hand-written attestations are blank nodes that quote the supporting words (dip:text). This stage
finds the words in the seed file, links the attestation to the sentence that contains them, adds
their character offsets, and replaces the blank node with a deterministic IRI, so the author never
types an offset and a changed seed is caught as an error naming the mapping file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef

from diplograph.dates import resolve
from diplograph.errors import InputError
from diplograph.iris import attestation_iri, sentence_iri
from diplograph.namespaces import DIP, ID
from diplograph.seeds import Article
from diplograph.store import parse_turtle

__all__ = ["gold_path", "load_gold", "parse_turtle"]

ATTESTATION_TYPES = (DIP.Attestation, DIP.Claim)


def _line_of(source: str, words: str, attested: URIRef | None) -> int:
    """1-based line of an attestation's words in its file (0 if not found).

    Where the same words stand in several attestations, the one right after the attested
    thing's IRI is meant.
    """
    places = [m.start() for m in re.finditer(re.escape(f'"{words}"'), source)]
    places = places or [m.start() for m in re.finditer(re.escape(words), source)]
    if not places:
        return 0
    local = str(attested).removeprefix(str(ID)) if attested is not None else ""
    anchors = [m.end() for m in re.finditer(re.escape(f"<{local}>"), source)] if local else []
    after = [p for p in places if any(a <= p for a in anchors)]
    best = min(after, key=lambda p: p - max(a for a in anchors if a <= p)) if after else places[0]
    return source.count("\n", 0, best) + 1


def _where(path: Path, source: str, words: object, attested: URIRef | None) -> str:
    """file:line of quoted words in a mapping (the file alone when they are not found)."""
    line = _line_of(source, str(words), attested) if words is not None else 0
    return f"{path}:{line}" if line else str(path)


def _check_dates(graph: Graph, article: Article, path: Path, source: str) -> None:
    """Resolve each attestation's date words against the article's date.

    A day fills in a missing dip:date of the attested event; a day or interval that disagrees
    with the event's date is an error naming the file and line.
    """
    anchor = article.date_published
    for node in sorted(graph.subjects(DIP.dateExpression, None)):
        words = str(graph.value(node, DIP.dateExpression))
        event = graph.value(node, DIP.attests)
        tense = "future" if graph.value(node, DIP.modality) == DIP.Expected else "past"
        resolved = resolve(words, anchor, tense)
        if resolved is None or event is None:
            continue
        day = graph.value(event, DIP.date)
        if day is None and resolved.is_day:
            graph.add((event, DIP.date, Literal(resolved.earliest, datatype=XSD.date)))
        elif day is not None and not resolved.earliest <= day.toPython() <= resolved.latest:
            where = f"{path}:{_line_of(source, words, event)}"
            raise InputError(
                f"{where}: {words!r} resolves to {resolved.earliest}..{resolved.latest} against "
                f"the article's date {anchor}, but {event} has dip:date {day}"
            )


def _locate(article: Article, words: str, hint: Literal | None) -> tuple[int, int]:
    """Offsets of the quoted words in the article; they must occur once or be pinned by a hint."""
    starts = [m.start() for m in re.finditer(re.escape(words), article.text)]
    if hint is not None:
        starts = [s for s in starts if s == int(hint)]
    if len(starts) != 1:
        problem = "not found in" if not starts else f"found {len(starts)} times in"
        raise ValueError(f"the quoted words are {problem} {article.path.name}")
    return starts[0], starts[0] + len(words)


def _attestations(graph: Graph) -> list[BNode | URIRef]:
    """The attestation nodes of a hand mapping, sorted."""
    nodes = {s for t in ATTESTATION_TYPES for s in graph.subjects(RDF.type, t)}
    return sorted(nodes)


def _resolve(graph: Graph, node: BNode | URIRef, article: Article, source: str, path: Path) -> None:
    """Give one attestation its sentence, offsets and IRI, in place."""
    words = graph.value(node, DIP.text)
    attested = graph.value(node, DIP.attests)
    where = lambda: _where(path, source, words, attested)  # noqa: E731 (for an error only)
    if words is None or attested is None:
        raise InputError(f"{where()}: an attestation needs dip:attests and dip:text")
    try:
        begin, end = _locate(article, str(words), graph.value(node, DIP.beginIndex))
    except ValueError as exc:
        raise InputError(f"{where()}: {exc}: {str(words)[:80]!r} (attesting {attested})") from exc
    sentence = article.sentence_at(begin, end)
    if sentence is None:
        raise InputError(f"{where()}: the quoted words span more than one sentence or boilerplate")
    iri = attestation_iri(article.stem, begin, end, attested)
    for p, o in list(graph.predicate_objects(node)):
        graph.remove((node, p, o))
        if p not in (DIP.beginIndex, DIP.endIndex):
            graph.add((iri, p, o))
    graph.add((iri, DIP.sentence, sentence_iri(article.stem, sentence.number)))
    graph.add((iri, DIP.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
    graph.add((iri, DIP.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))


def _check_quoting_nodes(graph: Graph, path: Path, source: str) -> None:
    """Quoted words (dip:text) and dip:attests belong to attestations only: on any other node
    ("<delegation/x> rdfs:a dip:Claim ; dip:text ...", a typo for `a`) they would reach the
    graph with no sentence and no offsets, so they are an error naming the file and line."""
    attestations = set(_attestations(graph))
    quoting = {s for p in (DIP.text, DIP.attests) for s in graph.subjects(p, None)}
    for node in sorted(quoting - attestations):
        where = _where(path, source, graph.value(node, DIP.text), None)
        raise InputError(
            f"{where}: {node} has dip:text or dip:attests but is no dip:Attestation or "
            "dip:Claim (a quote is an attestation: `[] a dip:Attestation ; ...`)"
        )


def load_gold(path: Path, article: Article) -> Graph:
    """The hand mapping of one article, with resolved, IRI-named attestations."""
    graph = parse_turtle(path)
    source = path.read_text(encoding="utf-8")
    _check_quoting_nodes(graph, path, source)
    for node in _attestations(graph):
        _resolve(graph, node, article, source, path)
    _check_dates(graph, article, path, source)
    leftover = {s for s in graph.subjects() if isinstance(s, BNode)}
    if leftover:
        raise InputError(f"{path}: blank nodes are allowed only for attestations")
    return graph


def gold_path(mappings: Path, stem: str) -> Path:
    """Where the hand mapping of an article lives."""
    return mappings / "gold" / f"{stem}.ttl"
