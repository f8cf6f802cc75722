"""Review stage, one article: numbers the rule layer's facts and describes each for a reviewer.

Reads one seed article, its rule graph, its hand mapping (mappings/gold/STEM.ttl, if any), the
project's entities and the article's rejected list (mappings/gold/STEM.rejected.txt); returns a
Sheet. Every fact of the rule layer (event, delegation, position holding) gets a number, 1..N in
a fixed order (most confident first, then kind and IRI), so that a number keeps its meaning after
others are accepted or rejected; the open rows are those the hand layer lacks and no one
rejected. Each row carries kind, parties (labels and IRIs, entities minted by the rules marked
new), modality, date, confidence, the supporting words and, for statements and claims, the
speaker. `format_row` renders one row as lines of text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, URIRef

from diplograph.namespaces import DIP, ID
from diplograph.quality.evaluate import PARENT, views
from diplograph.quality.review import Candidate, candidate_of, review_candidates
from diplograph.seeds import Article

REJECTED_SUFFIX = ".rejected.txt"
OTHER_ROLES = ("place", "theme", "content", "subEventOf", "occasion")  # besides participants
THING_ROLES = {
    "Delegation": ("sentBy", "ledBy", "hasMember"),
    "PositionHolding": ("holder", "position"),
}


@dataclass(frozen=True)
class Party:
    """An entity (or delegation) in a role of a fact."""

    role: str
    iri: URIRef
    label: str
    new: bool  # minted by the rule layer: dip:confidence on the entity itself


@dataclass(frozen=True)
class Support:
    """One attestation of a fact: its sentence, modality, words and date words."""

    sentence: str
    modality: str
    text: str
    date_words: str | None
    claimed_by: tuple[Party, ...]


@dataclass(frozen=True)
class Row:
    """A numbered rule fact as a reviewer sees it."""

    number: int
    candidate: Candidate
    parties: tuple[Party, ...]
    date: str
    supports: tuple[Support, ...]

    @property
    def label(self) -> str:
        """The fact's label, or its parties' when it has none (a holding: `holder as position`)."""
        cand = self.candidate
        if cand.label != str(cand.iri):
            return cand.label
        labels = [p.label for p in self.parties]
        return " as ".join(labels) if cand.kind == "PositionHolding" else ", ".join(labels)

    @property
    def modalities(self) -> tuple[str, ...]:
        """The modalities of its attestations, sorted."""
        return tuple(sorted({s.modality for s in self.supports}))


@dataclass
class Sheet:
    """The review of one article: its graphs, every numbered row and the open ones."""

    article: Article
    rule: Graph
    gold: Graph
    entities: Graph
    mapping: Path
    rows: list[Row]
    open: list[Row]
    rejected: frozenset[URIRef]
    roles: tuple[str, ...]
    kinds: dict[str, dict[str, Any]] = field(default_factory=dict)  # the rules' event kinds
    reference: Graph = field(default_factory=Graph)  # the reference gazetteer's entities
    # entities the project's other hand mappings describe, and the file that describes each
    elsewhere: Graph = field(default_factory=Graph)
    described_in: dict[URIRef, Path] = field(default_factory=dict)
    project: Path | None = None  # the project's folder: its shapes check a correction

    @property
    def rejected_path(self) -> Path:
        """The sidecar that lists the facts rejected in review."""
        return rejected_path(self.mapping)


def rejected_path(mapping: Path) -> Path:
    """Where the rejected facts of a hand mapping are listed.

    >>> rejected_path(Path("mappings/gold/004_x.ttl")).as_posix()
    'mappings/gold/004_x.rejected.txt'
    """
    return mapping.with_name(mapping.stem + REJECTED_SUFFIX)


def read_rejected(path: Path) -> frozenset[URIRef]:
    """The IRIs a rejected list names: the first word of each line that is not a comment."""
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(URIRef(w.split()[0]) for w in lines if w.strip() and not w.startswith("#"))


def short(iri: URIRef) -> str:
    """An IRI as the README writes it: `id:...` under the instance namespace.

    >>> short(URIRef("https://w3id.org/diplograph/id/person/kim-jong-un"))
    'id:person/kim-jong-un'
    """
    text = str(iri)
    return "id:" + text.removeprefix(str(ID)) if text.startswith(str(ID)) else f"<{text}>"


def local(iri: URIRef) -> str:
    """The last segment of an IRI (after # or /)."""
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def label_of(iri: URIRef, *graphs: Graph) -> str:
    """The first rdfs:label a graph gives, else the IRI's last segment."""
    for graph in graphs:
        label = graph.value(iri, RDFS.label)
        if label is not None:
            return str(label)
    return local(iri)


def numbered(rule: Graph, roles: tuple[str, ...]) -> list[Candidate]:
    """Every fact of a rule graph, most confident first, then by kind and IRI."""
    found = [candidate_of(rule, v.iri, v.kind) for v in views("", rule, roles)]
    for kind in (DIP.Delegation, DIP.PositionHolding):
        found += [candidate_of(rule, n, local(kind)) for n in sorted(rule.subjects(RDF.type, kind))]
    return sorted(found, key=lambda c: (-c.confidence, c.kind, str(c.iri)))


def _when(rule: Graph, node: URIRef) -> str:
    """A fact's date, interval or 'undated'."""
    day = rule.value(node, DIP.date)
    if day is not None:
        return str(day)
    earliest, latest = rule.value(node, DIP.earliestDate), rule.value(node, DIP.latestDate)
    if earliest is None and latest is None:
        return "undated"
    return f"{earliest or '?'}..{latest or '?'}"


def _parties(sheet_graphs: tuple[Graph, ...], node: URIRef, kind: str, roles: tuple[str, ...]):
    """The parties of a fact, role by role in the ontology's order."""
    rule = sheet_graphs[0]
    found = []
    for role in THING_ROLES.get(kind, (*roles, *OTHER_ROLES)):
        for value in sorted(o for o in rule.objects(node, DIP[role]) if isinstance(o, URIRef)):
            new = rule.value(value, DIP.confidence) is not None
            found.append(Party(role, value, label_of(value, *sheet_graphs), new))
    return tuple(found)


def _supports(graphs: tuple[Graph, ...], node: URIRef) -> tuple[Support, ...]:
    """The attestations of a fact in the rule graph, by sentence and words."""
    rule = graphs[0]
    found = set()
    for attestation in rule.subjects(DIP.attests, node):
        sources = tuple(
            Party(local(p), o, label_of(o, *graphs), rule.value(o, DIP.confidence) is not None)
            for p in (DIP.claimedBy, DIP.relayedBy)
            for o in sorted(rule.objects(attestation, p))
        )
        sentence = rule.value(attestation, DIP.sentence)
        date_words = rule.value(attestation, DIP.dateExpression)
        found.add(
            Support(
                local(sentence) if sentence is not None else "?",
                local(rule.value(attestation, DIP.modality) or DIP.Happened),
                str(rule.value(attestation, DIP.text)),
                str(date_words) if date_words is not None else None,
                sources,
            )
        )
    return tuple(sorted(found, key=lambda s: (s.sentence, s.text, s.modality, s.claimed_by)))


def review_sheet(
    article: Article,
    rule: Graph,
    gold: Graph,
    entities: Graph,
    mapping: Path,
    roles: tuple[str, ...],
    kinds: dict[str, dict[str, Any]] | None = None,
    reference: Graph | None = None,
    elsewhere: dict[URIRef, tuple[Path, list]] | None = None,
    project: Path | None = None,
) -> Sheet:
    """The numbered rows of one article and the open ones (not in the hand layer, not rejected);
    `kinds` and `reference` (the rules' event kinds, the reference gazetteer) serve corrections,
    `elsewhere` (entity -> the other hand mapping that describes it, and its triples) keeps an
    entity described once."""
    rejected = read_rejected(rejected_path(mapping))
    lacking = {c.iri for c in review_candidates(rule, gold, roles)}
    graphs = (rule, entities, gold)
    rows, still = [], []
    for number, cand in enumerate(numbered(rule, roles), start=1):
        node = cand.iri
        row = Row(
            number,
            cand,
            _parties(graphs, node, cand.kind, roles),
            _when(rule, node),
            _supports(graphs, node),
        )
        rows.append(row)
        in_gold = (node, RDF.type, DIP[cand.kind]) in gold
        if node in lacking and node not in rejected and not in_gold:
            still.append(row)
    return Sheet(
        article,
        rule,
        gold,
        entities,
        mapping,
        rows,
        still,
        rejected,
        roles,
        kinds or {},
        reference if reference is not None else Graph(),
        *_elsewhere(elsewhere or {}),
        project,
    )


def _elsewhere(found: dict[URIRef, tuple[Path, list]]) -> tuple[Graph, dict[URIRef, Path]]:
    """The entity descriptions of other hand mappings as one graph, and their files."""
    graph = Graph()
    for _, triples in found.values():
        for triple in triples:
            graph.add(triple)
    return graph, {entity: path for entity, (path, _) in found.items()}


def is_statement(kind: str) -> bool:
    """Whether an event kind is a statement (its agent is a speaker).

    >>> is_statement("Accusation"), is_statement("Visit")
    (True, False)
    """
    return kind == "Statement" or PARENT.get(kind) == "Statement"


def _party_text(party: Party) -> str:
    """A party as `label (id:...)`, marked when the rules minted it."""
    mark = " [new]" if party.new else ""
    return f"{party.label} ({short(party.iri)}){mark}"


def format_row(row: Row, indent: str = "") -> list[str]:
    """The lines that show one row: number, confidence, kind, label, IRI, parties, date,
    modality, rules, then each supporting sentence with its words (and claim sources)."""
    cand = row.candidate
    lines = [f"#{row.number:<3} {cand.confidence:.2f}  {cand.kind:<20} {row.label}"]
    lines.append(f"     {short(cand.iri)}")
    roles: dict[str, list[str]] = {}
    for party in row.parties:
        role = "speaker" if party.role == "agent" and is_statement(cand.kind) else party.role
        roles.setdefault(role, []).append(_party_text(party))
    lines += [f"     {role:<11} {'; '.join(texts)}" for role, texts in roles.items()]
    lines.append(f"     {'date':<11} {row.date}")
    lines.append(f"     {'modality':<11} {', '.join(row.modalities) or '-'}")
    lines.append(f"     {'rules':<11} {', '.join(cand.rules)}")
    for support in row.supports:
        when = f" (date words: {support.date_words!r})" if support.date_words else ""
        lines.append(f"     {support.sentence:<11} “{support.text}”{when}")
        for source in support.claimed_by:
            role = "claimed by" if source.role == "claimedBy" else "relayed by"
            lines.append(f"     {'':<11} {role} {_party_text(source)}")
    return [indent + line for line in lines]
