"""graph.trig spliced (incremental/trigfile.py): the earlier file's unchanged blocks and the
inferred graph's unchanged statements copied by spans, only what changed written again, gives
the bytes, SHA-256 and layout (statementindex.StatementIndex) that export.write_trig gives for
the whole store. Speed is measured by benchmarks/add_article.py, never here."""

from __future__ import annotations

import hashlib
from pathlib import Path

from rdflib import RDF, RDFS, Literal, URIRef

from diplograph.export import write_trig
from diplograph.incremental.trigfile import _Parts, splice_trig
from diplograph.iris import INFERRED_GRAPH
from diplograph.namespaces import DIP, ID
from diplograph.store import new_store
from diplograph.store.delta import matcher, update_graphs

ARTICLE = "https://w3id.org/diplograph/id/graph/article/"


def _country(code: str) -> URIRef:
    """A country node."""
    return ID[f"country/{code}"]


def _event(n: int) -> URIRef:
    """An event node."""
    return ID[f"event/e{n:03d}"]


def _inferred() -> set:
    """An inferred graph: events naming countries (how often each is named orders them)."""
    triples = set()
    for n in range(40):
        triples.add((_event(n), RDF.type, DIP.Event))
        for code in ("fr", "de", "it")[: 1 + n % 3]:
            triples.add((_event(n), DIP.participant, _country(code)))
    for code in ("fr", "de", "it", "es"):
        triples.add((_country(code), RDFS.label, Literal(code.upper())))
    return triples


def _write(store, names: list, path: Path) -> tuple[str, dict]:  # noqa: ANN001
    """The whole file as a full build writes it: its SHA-256 and layout."""
    layout: dict = {}
    digest = write_trig(store, names, path, layout, [INFERRED_GRAPH])
    return digest, layout


def test_a_splice_gives_the_bytes_and_layout_of_the_whole_file(tmp_path: Path) -> None:
    store = new_store("oxigraph")
    names = [URIRef(f"{ARTICLE}{stem}") for stem in ("a", "c", "d")]
    for name in names:
        store.add_graph(name, {(URIRef(f"{name}/x"), RDFS.label, Literal(str(name)[-1]))})
    store.add_graph(INFERRED_GRAPH, _inferred())
    names.append(INFERRED_GRAPH)
    _, layout = _write(store, names, tmp_path / "old.trig")
    # an article graph added between two others, one changed, and the inferred graph changed:
    # a new subject, a subject gone, one whose statement changes, one named more and less often
    added = URIRef(f"{ARTICLE}b")
    store.add_graph(added, {(URIRef(f"{added}/x"), RDFS.label, Literal("b"))})
    changed_article = names[1]
    update_graphs(
        store,
        {changed_article: (set(), {(URIRef(f"{changed_article}/y"), RDFS.label, Literal("y"))})},
    )
    gone = sorted(
        {(_event(7), RDF.type, DIP.Event), (_event(7), DIP.participant, _country("fr"))}
        | {
            (_event(8), DIP.participant, _country("de")),
            (_event(8), DIP.participant, _country("it")),
        }
        | {(_event(8), RDF.type, DIP.Event), (_event(8), DIP.participant, _country("fr"))},
        key=str,
    )
    came = [
        (_event(99), RDF.type, DIP.Event),
        (_event(99), DIP.participant, _country("es")),
        (_event(5), DIP.participant, _country("es")),
        (_country("it"), RDFS.comment, Literal("named")),
    ]
    update_graphs(store, {INFERRED_GRAPH: (set(gone), set(came))})
    names = sorted([*names, added])
    nodes = {t[0] for t in (*gone, *came)} | {t[2] for t in (*gone, *came) if type(t[2]) is URIRef}
    counted: dict = {}
    for triple in came:
        counted[triple[2]] = counted.get(triple[2], 0) + 1
    for triple in gone:
        counted[triple[2]] = counted.get(triple[2], 0) - 1
    subjects = {t[0] for t in (*gone, *came)}
    touched = {INFERRED_GRAPH: (nodes, matcher(store, {str(INFERRED_GRAPH)}), counted, subjects)}
    digest, spliced = splice_trig(
        store,
        names,
        {added, changed_article, INFERRED_GRAPH},
        tmp_path / "old.trig",
        layout,
        tmp_path / "new.trig",
        touched,
    )
    expected_digest, expected = _write(store, names, tmp_path / "whole.trig")
    data = (tmp_path / "new.trig").read_bytes()
    assert data == (tmp_path / "whole.trig").read_bytes()
    assert digest == expected_digest == hashlib.sha256(data).hexdigest()
    assert spliced == expected
    index = spliced[INFERRED_GRAPH][3]
    assert len(index) == 40 - 1 + 1 + 4  # event 8 gone (7 still names de), 99 new; 4 countries
    assert "\n_:" not in data.decode()


def test_spans_that_continue_each_other_are_one() -> None:
    parts = _Parts()
    parts.text(b"head\n")
    parts.span(10, 5)
    parts.span(15, 3)
    parts.text(b"")
    parts.span(30, 2)
    parts.text(b"x")
    assert parts.pieces == [b"head\n", (10, 8), (30, 2), b"x"]
    assert parts.size == 5 + 8 + 2 + 1
