"""Evaluation stage: compares the rule layer with the hand layer, article by article.

Reads two mappings of seed stem -> Graph (rule layer, hand layer); writes an Evaluation with
precision, recall and F1 per event kind and overall, for entities, for attribution (dip:claimedBy
and dip:relayedBy of matched events) and modality, date accuracy on matched events, delegations
and position holdings, and the misses and false alarms.

Matching is by meaning, not by IRI. A rule event matches a hand event when
  * the kinds are the same or one is a sub-class of the other (Talks is a Meeting);
  * the same parties fill the same key roles: every role but dip:theme and dip:place, and
    dip:host except for visits and arrivals (where the host is where one goes, not who acts);
    a delegation counts as its leader (dip:ledBy), since articles name either for the same act;
  * the dates can be the same: equal, overlapping, or missing on one side.
Date accuracy then asks for the very same date (day, or interval) on the matched pairs, both
undated counting as equal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef

from diplograph.namespaces import DIP
from diplograph.output import titled_lists
from diplograph.vocabulary import vocabulary

PARENT = {
    "Talks": "Meeting",
    "ExhibitionVisit": "Visit",
    "StatementOfSupport": "Statement",
    "Criticism": "Statement",
    "Accusation": "Statement",
    "Denial": "Statement",
    "PledgeOfHelp": "Statement",
    "SanctionThreat": "Statement",
}  # mirrors rdfs:subClassOf in ontology/diplo.ttl (tests/test_extract_evaluate.py checks it)
EVENT_KINDS = frozenset(
    "Visit Arrival Hosting ExhibitionVisit Meeting Talks LetterDelivery Invitation "
    "InvitationAcceptance Ceremony MilitaryParade Exhibition MilitaryExercise Statement "
    "StatementOfSupport Criticism Accusation Denial PledgeOfHelp SanctionThreat "
    "SanctionImposition ArmsSaleApproval MilitaryAid AgreementSigning Ratification "
    "DiplomatExpulsion "
    "BorderClosure BorderCrossing".split()
)
HOST_NOT_KEY = frozenset({"Visit", "ExhibitionVisit", "Arrival"})
ENTITY_PROPERTIES = (  # besides the participant roles
    "theme",
    "place",
    "claimedBy",
    "relayedBy",
    "ledBy",
    "sentBy",
    "hasMember",
    "holder",
    "position",
)


@dataclass(frozen=True)
class View:
    """An event as evaluation sees it."""

    article: str
    iri: URIRef
    kind: str
    roles: frozenset[tuple[str, frozenset[URIRef]]]
    when: tuple[date, date | None] | None
    label: str
    sources: frozenset[tuple[str, URIRef]]
    modalities: frozenset[URIRef]


@dataclass
class Score:
    """Counts and the precision, recall and F1 they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of rule facts that are right (1.0 when there are none)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of hand facts found (1.0 when there are none)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        """Add another score's counts."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class Evaluation:
    """The whole comparison: scores, date accuracy, and what was missed or wrongly found."""

    kinds: dict[str, Score] = field(default_factory=dict)
    events: Score = field(default_factory=Score)
    entities: Score = field(default_factory=Score)
    attribution: Score = field(default_factory=Score)
    modality: Score = field(default_factory=Score)
    delegations: Score = field(default_factory=Score)
    holdings: Score = field(default_factory=Score)
    dates_right: int = 0
    dates_total: int = 0
    articles: dict[str, Score] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        """Share of matched events with exactly the hand layer's date."""
        return self.dates_right / self.dates_total if self.dates_total else 1.0


def _day(graph: Graph, node: URIRef, prop: URIRef) -> date | None:
    """A date-valued property as a date."""
    value = graph.value(node, prop)
    return value.toPython() if value is not None else None


def _when(graph: Graph, node: URIRef) -> tuple[date, date | None] | None:
    """(earliest, latest) of an event; latest None when only a start is known."""
    day = _day(graph, node, DIP.date)
    if day is not None:
        return day, day
    earliest = _day(graph, node, DIP.earliestDate)
    return (earliest, _day(graph, node, DIP.latestDate)) if earliest else None


def _leaders(graph: Graph) -> dict[URIRef, URIRef]:
    """Delegation -> its leader."""
    return {s: o for s, o in graph.subject_objects(DIP.ledBy)}


def event_kind(graph: Graph, node: URIRef) -> str | None:
    """The event kind (local name of a dip: event class) a node is typed with, if any."""
    kinds = [str(t).split("#")[-1] for t in graph.objects(node, RDF.type)]
    return next((k for k in kinds if k in EVENT_KINDS), None)


def participant_roles(ontology: Path | None = None) -> tuple[str, ...]:
    """The participant roles of events, dip:participant's sub-properties and itself, as the
    ontology file declares them (default: the project's; vocabulary.py)."""
    return vocabulary(ontology).participants


def views(stem: str, graph: Graph, roles: tuple[str, ...] | None = None) -> list[View]:
    """The events of an article graph, with their participants in `roles` (default: those of
    the project's ontology)."""
    roles = roles or participant_roles()
    leaders = _leaders(graph)
    found = []
    for node in sorted({s for s in graph.objects(None, DIP.attests) if isinstance(s, URIRef)}):
        kind = event_kind(graph, node)
        if kind is None:
            continue
        parties = []
        for role in roles:
            if role == "host" and kind in HOST_NOT_KEY:
                continue
            values = frozenset(leaders.get(o, o) for o in graph.objects(node, getattr(DIP, role)))
            if values:
                parties.append((role, values))
        attests = list(graph.subjects(DIP.attests, node))
        sources = {("claimedBy", o) for a in attests for o in graph.objects(a, DIP.claimedBy)}
        sources |= {("relayedBy", o) for a in attests for o in graph.objects(a, DIP.relayedBy)}
        modalities = frozenset(o for a in attests for o in graph.objects(a, DIP.modality))
        label = str(graph.value(node, RDFS.label) or node)
        found.append(
            View(
                stem,
                node,
                kind,
                frozenset(parties),
                _when(graph, node),
                label,
                frozenset(sources),
                modalities,
            )
        )
    return found


def same_kind(a: str, b: str) -> bool:
    """Equal kinds, or one a sub-class of the other."""
    return a == b or PARENT.get(a) == b or PARENT.get(b) == a


def _overlap(a: View, b: View) -> bool:
    """The two events' dates can be the same."""
    if a.when is None or b.when is None:
        return True
    return a.when[0] <= (b.when[1] or date.max) and b.when[0] <= (a.when[1] or date.max)


def match(rule: list[View], gold: list[View]) -> list[tuple[View, View]]:
    """Pairs (rule, gold) of the same event, each used once, exact dates preferred."""
    pairs = [
        (r.when == g.when, r, g)
        for r in rule
        for g in gold
        if same_kind(r.kind, g.kind) and r.roles == g.roles and _overlap(r, g)
    ]
    pairs.sort(key=lambda p: (not p[0], str(p[2].iri), str(p[1].iri)))
    used_rule: set[URIRef] = set()
    used_gold: set[URIRef] = set()
    matched = []
    for _, r, g in pairs:
        if r.iri not in used_rule and g.iri not in used_gold:
            used_rule.add(r.iri)
            used_gold.add(g.iri)
            matched.append((r, g))
    return matched


def _entities(graph: Graph, roles: tuple[str, ...]) -> set[URIRef]:
    """Entities an article graph refers to (events and provenance nodes excluded)."""
    events = set(graph.objects(None, DIP.attests))
    found = set()
    for prop in (*roles, *ENTITY_PROPERTIES):
        for o in graph.objects(None, getattr(DIP, prop)):
            if isinstance(o, URIRef) and o not in events and "/event/" not in str(o):
                found.add(o)
    return found


def _set_score(rule: set, gold: set) -> Score:
    """Counts for two sets of facts."""
    return Score(len(rule & gold), len(rule - gold), len(gold - rule))


def _things(graph: Graph) -> tuple[set, set]:
    """Delegations as (senders, leader) and holdings as (holder, position)."""
    delegations = {
        (frozenset(graph.objects(d, DIP.sentBy)), graph.value(d, DIP.ledBy))
        for d in graph.subjects(RDF.type, DIP.Delegation)
    }
    holdings = {
        (graph.value(h, DIP.holder), graph.value(h, DIP.position))
        for h in graph.subjects(RDF.type, DIP.PositionHolding)
    }
    return delegations, holdings


def _when_text(view: View) -> str:
    """A date or interval as text."""
    if view.when is None:
        return "undated"
    if view.when[0] == view.when[1]:
        return str(view.when[0])
    return f"{view.when[0]}..{view.when[1] or ''}"


def evaluate(
    rule_graphs: Mapping[str, Graph],
    gold_graphs: Mapping[str, Graph],
    roles: tuple[str, ...] | None = None,
) -> Evaluation:
    """Compare the rule layer with the hand layer on every article both have; `roles`: the
    participant roles (default: those of the project's ontology)."""
    roles = roles or participant_roles()
    result = Evaluation()
    for stem in sorted(set(rule_graphs) & set(gold_graphs)):
        rule_graph, gold_graph = rule_graphs[stem], gold_graphs[stem]
        rule, gold = views(stem, rule_graph, roles), views(stem, gold_graph, roles)
        pairs = match(rule, gold)
        matched_rule = {r.iri for r, _ in pairs}
        matched_gold = {g.iri for _, g in pairs}
        article = Score()
        for r, g in pairs:
            result.kinds.setdefault(g.kind, Score()).tp += 1
            article.tp += 1
            result.dates_total += 1
            if r.when == g.when:
                result.dates_right += 1
            else:
                result.wrong_dates.append(
                    f"{stem}: {g.kind} {g.label}: {_when_text(r)}, hand {_when_text(g)}"
                )
            result.attribution.add(_set_score(set(r.sources), set(g.sources)))
            result.modality.add(_set_score(set(r.modalities), set(g.modalities)))
        for g in gold:
            if g.iri not in matched_gold:
                result.kinds.setdefault(g.kind, Score()).fn += 1
                article.fn += 1
                result.misses.append(f"{stem}: {g.kind} {g.label} ({_when_text(g)})")
        for r in rule:
            if r.iri not in matched_rule:
                result.kinds.setdefault(r.kind, Score()).fp += 1
                article.fp += 1
                result.false_alarms.append(f"{stem}: {r.kind} {r.label} ({_when_text(r)})")
        result.articles[stem] = article
        result.events.add(article)
        result.entities.add(_set_score(_entities(rule_graph, roles), _entities(gold_graph, roles)))
        (rule_d, rule_h), (gold_d, gold_h) = _things(rule_graph), _things(gold_graph)
        result.delegations.add(_set_score(rule_d, gold_d))
        result.holdings.add(_set_score(rule_h, gold_h))
    return result


def _row(name: str, score: Score) -> str:
    """One table row."""
    return (
        f"  {name:<22} {score.tp:>4} {score.fp:>4} {score.fn:>4}"
        f"  {score.precision:>5.2f} {score.recall:>5.2f} {score.f1:>5.2f}"
    )


def format_evaluation(evaluation: Evaluation) -> str:
    """The evaluation as text: P/R/F1 per kind and per aspect, then misses and false alarms."""
    head = f"  {'':<22} {'tp':>4} {'fp':>4} {'fn':>4}  {'P':>5} {'R':>5} {'F1':>5}"
    lines = ["Events per kind (rule layer vs hand layer)", head]
    lines += [_row(kind, score) for kind, score in sorted(evaluation.kinds.items())]
    lines += [_row("all events", evaluation.events), "", "Per article", head]
    lines += [_row(stem, score) for stem, score in sorted(evaluation.articles.items())]
    lines += ["", "Other facts", head]
    for name in ("entities", "attribution", "modality", "delegations", "holdings"):
        lines.append(_row(name, getattr(evaluation, name)))
    lines += [
        "",
        f"Date accuracy on matched events: {evaluation.date_accuracy:.2f} "
        f"({evaluation.dates_right}/{evaluation.dates_total})",
    ]
    lines += titled_lists(
        [
            ("Misses (in the hand layer, not found by rules)", evaluation.misses),
            ("False alarms (found by rules, not in the hand layer)", evaluation.false_alarms),
            ("Wrong dates on matched events", evaluation.wrong_dates),
        ]
    )
    return "\n".join(lines)
