"""Quarantine: an article whose rule layer cannot be made, or breaks a shape, is set aside.

Reads what went wrong while an article was read or mapped by the rules (an unreadable file, bad
metadata, an exception, the time or memory limit), the rule graphs (id:graph/rules/STEM in effect,
id:graph/candidates/STEM beside a hand mapping) with the entities they name, the ontology and the
shapes, and the rows of the whole graph's validation; returns one Quarantined record per article
set aside: why (file, sentence, node, shape, message) and its rule graph, which the build leaves
out of graph.trig and writes to OUT/quarantine/STEM.ttl for review. The hand layer is never set
aside: its violations fail the build. Also the per-article time and memory limits of the rule
layer (their settings; worker.py enforces them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from diplograph.export import serialize_graphs
from diplograph.iris import ONTOLOGY_GRAPH
from diplograph.namespaces import DIP
from diplograph.output import compact
from diplograph.shaclgate import finds_in_text, nt_text, validator
from diplograph.store import Store, new_store
from diplograph.validate import ReportRow, shacl_rows
from diplograph.worker import limit

FOLDER = "quarantine"
DEFAULT_TIMEOUT = 60.0
TIMEOUT_VARIABLE = "DIPLOGRAPH_ARTICLE_TIMEOUT"
DEFAULT_MEMORY = 2048  # MiB
MEMORY_VARIABLE = "DIPLOGRAPH_ARTICLE_MEMORY"
_QUOTE = 60  # characters of a sentence quoted in a problem line


@dataclass(frozen=True, eq=False)
class Quarantined:
    """An article whose rule layer is set aside: the article file, the graph it would have
    been (id:graph/rules/STEM or id:graph/candidates/STEM), why, and what the rules made of it
    (None when they made nothing: unreadable article, exception, time limit)."""

    stem: str
    source: str  # the article file, relative to the project: seeds/STEM.txt
    problems: tuple[str, ...]  # one line each, starting with the file
    graph_name: URIRef | None = None
    graph: Graph | None = field(default=None, repr=False)

    def summary(self) -> dict:
        """The article's entry in summary.json."""
        return {
            "article": self.source,
            "graph": str(self.graph_name) if self.graph_name else None,
            "file": f"{FOLDER}/{self.stem}.ttl",
            "problems": list(self.problems),
        }


def article_timeout(seconds: float | None = None) -> float | None:
    """The time limit of one article's rule layer: the argument, else $DIPLOGRAPH_ARTICLE_TIMEOUT,
    else 60 s; 0 means none.

    >>> article_timeout(2.5), article_timeout(0)
    (2.5, None)
    """
    return limit(seconds, TIMEOUT_VARIABLE, DEFAULT_TIMEOUT, "article time")


def article_memory(mib: int | None = None) -> int | None:
    """The memory limit of the rule layer, in MiB beyond what the build had loaded when its
    worker started: the argument, else $DIPLOGRAPH_ARTICLE_MEMORY, else 2048; 0 means none.

    >>> article_memory(512), article_memory(0)
    (512, None)
    """
    found = limit(mib, MEMORY_VARIABLE, DEFAULT_MEMORY, "article memory", whole=True)
    return None if found is None else int(found)


def _sentence(graph: Graph, node: URIRef) -> tuple[int, str] | None:
    """The first sentence that reports a node (number and text): its own dip:sentence, that of
    an attestation of it, or one that mentions it."""
    found = set(graph.objects(node, DIP.sentence))
    for attestation in graph.subjects(DIP.attests, node):
        found.update(graph.objects(attestation, DIP.sentence))
    if not found:
        found.update(graph.subjects(DIP.mentions, node))
    if graph.value(node, DIP.inArticle) is not None:  # the node is a sentence
        found.add(node)
    numbered = sorted(
        (int(str(s).rsplit("/s", 1)[-1]), s) for s in found if str(s).rsplit("/s", 1)[-1].isdigit()
    )
    if not numbered:
        return None
    number, sentence = numbered[0]
    return number, str(graph.value(sentence, DIP.text) or "")


def describe(row: ReportRow, graph: Graph, source: str) -> str:
    """One line for a validation row of a rule graph: file, sentence, node, shape, message.

    The sentence is quoted up to 60 characters.
    """
    focus = URIRef(row.focus) if row.focus and not row.focus.startswith("_:") else None
    found = _sentence(graph, focus) if focus is not None else None
    where = f"{source}: "
    if found is not None:
        number, text = found
        text = " ".join(text.split())
        quoted = text if len(text) <= _QUOTE else text[: _QUOTE - 1].rstrip() + "…"
        where += f"sentence {number} “{quoted}”: "
    node = compact(focus) if focus is not None else row.focus or "(no node)"
    path = f" {row.path}" if row.path else ""
    return f"{where}{node}{path} breaks {row.shape or row.component}: {row.message}"


def _closure(graph: Graph, entities: Graph) -> Graph:
    """The rule graph and the entity triples it reaches (the types and owners that its
    sh:class constraints look at), not the whole entities graph."""
    data = Graph()
    data += graph
    for triple in _reached(graph, entities):
        data.add(triple)
    return data


def _reached(graph: Graph, entities: Graph) -> Iterator[tuple[Node, Node, Node]]:
    """The entity triples a rule graph reaches: those about the IRIs it names, then about the
    IRIs those name, and so on."""
    todo = {o for o in graph.objects() if isinstance(o, URIRef)}
    todo |= {s for s in graph.subjects() if isinstance(s, URIRef)}
    seen: set[URIRef] = set()
    while todo:
        node = todo.pop()
        seen.add(node)
        for triple in entities.triples((node, None, None)):
            yield triple
            if isinstance(triple[2], URIRef) and triple[2] not in seen:
                todo.add(triple[2])


def shape_problems(
    graph: Graph, entities: Graph, ontology: Graph, shapes: Graph, source: str
) -> tuple[str, ...]:
    """Why one article's rule graph, with the entities it names, breaks the shapes (none if it
    conforms). With the `shacl` validator the engine is given the closure as N-Triples written
    from the triples, and only if it finds something is the closure built as an rdflib graph
    for pySHACL (the ontology mixed into it, not into a copy)."""
    if validator() == "shacl":
        text = nt_text(chain(graph, _reached(graph, entities)))
        if not finds_in_text(text, shapes, ontology, None):
            return ()
    _, rows = shacl_rows(_closure(graph, entities), shapes, ontology, own=True)
    return tuple(sorted({describe(row, graph, source) for row in rows}))


def conflicts(
    rows: tuple[ReportRow, ...],
    store: Store,
    rule_graphs: list[URIRef],
    read: Callable[[URIRef], Graph] | None = None,
) -> dict[URIRef, list[tuple[ReportRow, URIRef | None]]]:
    """The rule graphs to set aside for rows of the whole graph's validation, each row with the
    graph it conflicts with (None: the hand layer or the entities).

    A row's node named by a rule graph that conforms on its own means a conflict with another
    graph. Where the node is in the hand layer or the entities too, or in one rule graph only,
    every rule graph naming it goes (the hand layer wins); where it is in several rule graphs
    only, all but the first by name go. Rows whose node no rule graph names are the hand
    layer's and stay. `read`: how to read a graph of the store (default: store.graph).
    """
    if not rule_graphs or not rows:
        return {}
    read = read or store.graph
    kept = [n for n in store.graph_names() if n not in rule_graphs and n != ONTOLOGY_GRAPH]
    hand = {str(t) for name in kept for triple in read(name) for t in triple}
    names: dict[str, list[URIRef]] = {}
    for name in sorted(rule_graphs):
        for term in {str(t) for triple in read(name) for t in triple}:
            names.setdefault(term, []).append(name)
    found: dict[URIRef, list[tuple[ReportRow, URIRef | None]]] = {}
    for row in rows:
        assign(found, row, names.get(row.focus, []), row.focus in hand)
    return found


def assign(
    found: dict[URIRef, list[tuple[ReportRow, URIRef | None]]],
    row: ReportRow,
    involved: list[URIRef],
    by_hand: bool,
) -> None:
    """Put a row with the rule graphs its focus node is in: each alone against the hand layer
    (`by_hand`) or when only one holds it, else each but the first against the first."""
    if by_hand or len(involved) == 1:
        for name in involved:
            found.setdefault(name, []).append((row, None))
    else:
        for name in involved[1:]:
            found.setdefault(name, []).append((row, involved[0]))


def write_quarantine(folder: Path, items: list[Quarantined]) -> None:
    """One Turtle file per article set aside: why (comments), then its rule graph, if any."""
    if not items:
        return
    folder.mkdir()
    for item in items:
        lines = [
            f"# diplograph quarantine: the rule layer of {item.source}, left out of graph.trig",
        ]
        if item.graph_name is not None:
            lines.append(f"# (it would be the named graph <{item.graph_name}>)")
        lines += ["# why:"] + [f"#   {' '.join(p.split())}" for p in item.problems]
        body = b""
        if item.graph is not None and len(item.graph):
            store = new_store()
            store.add_graph(item.graph_name or URIRef(f"urn:x-diplograph:{item.stem}"), item.graph)
            body = serialize_graphs(store, "turtle", store.graph_names())
        else:
            lines.append("# (the rules made no graph of it)")
        text = "\n".join(lines).encode("utf-8") + b"\n\n" + body
        (folder / f"{item.stem}.ttl").write_bytes(text)


def format_quarantined(items: tuple[Quarantined, ...]) -> str:
    """The quarantine section of the validation report ("" when nothing was set aside)."""
    if not items:
        return ""
    lines = [
        "",
        f"Quarantined: {len(items)} article(s), their rule layer left out of graph.trig "
        f"(see {FOLDER}/):",
    ]
    for item in items:
        lines += ["", item.source] + [f"  {p}" for p in item.problems]
    return "\n".join(lines)
