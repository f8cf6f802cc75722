"""Corpus evaluation stage: scores the rule layer of each corpus article against what a careful
reader annotated in its NAME.expected.yaml (tests/data/corpus/README.md).

Reads an article's rule graph, the article's text and its annotation; writes a CorpusScore with
events (kind and parties right; then place and date right on the found ones), statements
(captured with the right speaker), entities (by type) and position holdings, and the misses and
false alarms that explain them.

Entities are aligned by IRI, else by label (the annotation's label or aliases against the rule
layer's label), because a reader and the rules may spell a new entity's key differently. An event
is found when a rule event of the same kind family has exactly the annotated parties in every
party role (roles other than place and theme; the host of a visit is where one goes, not a
party); its place is right when every place the rules give is one the reader gave (the city
of a palace, or the palace, or both). A statement is captured when a rule statement with the
annotated speaker is attested in the sentence that holds the annotation's quoted words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rdflib import RDF, RDFS, Graph, URIRef

from diplograph.errors import InputError
from diplograph.iris import entity_segment, local_name, slug
from diplograph.namespaces import DIP, ID
from diplograph.output import titled_lists
from diplograph.quality.evaluate import PARENT, Score, event_kind, participant_roles

STATEMENT_KINDS = frozenset(k for k, parent in PARENT.items() if parent == "Statement") | {
    "Statement"
}
FAMILY = {"Talks": "Meeting", "ExhibitionVisit": "Visit", "Ratification": "AgreementSigning"}
HOST_NOT_PARTY = frozenset({"Visit", "ExhibitionVisit", "Arrival"})
SECTIONS = ("entities", "events", "statements", "holdings")
SEGMENTS_OF_TYPE = {
    "Person": {"person"},
    "Country": {"country"},
    "City": {"city", "place"},
    "Place": {"place", "city"},
    "Organisation": {"org"},
    "GovernmentBody": {"org"},
    "PoliticalParty": {"org"},
    "NewsAgency": {"org"},
    "Materiel": {"materiel"},
}


@dataclass(frozen=True)
class Entity:
    """An annotated entity: its IRI, type, and the names it may go by."""

    iri: URIRef
    type: str
    names: frozenset[str]


@dataclass
class CorpusScore:
    """The figures of a set of corpus articles, and what explains them."""

    articles: int = 0
    silent_articles: int = 0
    events: Score = field(default_factory=Score)
    events_two: Score = field(default_factory=Score)  # no wrong party, two right (or all)
    event_kinds: dict[str, Score] = field(default_factory=dict)  # exact events by family
    place_right: int = 0
    place_total: int = 0
    date_right: int = 0
    date_total: int = 0
    overdated: int = 0  # found events given a date the reader did not give them
    undated_total: int = 0
    statements: Score = field(default_factory=Score)
    statement_kinds_right: int = 0
    entities: Score = field(default_factory=Score)
    entity_types: dict[str, Score] = field(default_factory=dict)
    holdings: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    # what stands in a missed event's sentence, and beside a false alarm (SENTENCE_CLASSES):
    # figures that say where the misses are without showing them (safe on the test split)
    missed_beside: dict[str, int] = field(default_factory=dict)
    alarms_beside: dict[str, int] = field(default_factory=dict)
    # of the misses beside the same family: how the nearest such event's parties differ
    # (PARTY_CLASSES; figures, safe on the test split)
    missed_parties: dict[str, int] = field(default_factory=dict)


SENTENCE_CLASSES = ("nothing", "another kind", "the same family, other parties")
PARTY_CLASSES = ("a party missing", "a party too many", "a party wrong", "the roles swapped")


def norm(name: str) -> str:
    """A name folded for comparison: ASCII, lower case, words only, no leading article, one
    spelling of "defence".

    >>> norm("The Élysée  Palace")
    'elysee palace'
    >>> norm("Defense ministry of China")
    'defence ministry of china'
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"\bdefense\b", "defence", re.sub(r"^the ", "", text))


def _iri(value: str) -> URIRef:
    """An annotation's IRI (type/slug) as a full IRI."""
    return ID[value]


def load_expected(path: Path) -> dict[str, Any]:
    """An annotation file, checked for its sections; an error names the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the annotation: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: an annotation is a mapping of {', '.join(SECTIONS)}")
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise InputError(f"{path}: unknown section(s): {', '.join(sorted(unknown))}")
    return {key: data.get(key) or [] for key in SECTIONS}


def entities_of(expected: dict[str, Any]) -> list[Entity]:
    """The annotated entities."""
    found = []
    for item in expected["entities"]:
        names = {norm(item["label"]), *(norm(a) for a in item.get("aliases", []))}
        found.append(Entity(_iri(item["id"]), item["type"], frozenset(names)))
    return found


def found_entities(graph: Graph) -> set[URIRef]:
    """Every entity the rule graph of an article refers to."""
    nodes = {s for s in graph.subjects() if entity_segment(s)}
    return nodes | {o for o in graph.objects() if entity_segment(o)}


def align(
    found: set[URIRef],
    expected: list[Entity],
    labels: dict[URIRef, str],
    graph: Graph,
    names: dict[URIRef, list[str]] | None = None,
) -> dict[URIRef, URIRef]:
    """Rule-layer entity -> annotated entity, by IRI, else by a name they share (and a type
    that fits: a person is never aligned with a place of the same name); `names`: the other
    names the gazetteer gives its entities (the reader's "AFP" is Agence France-Presse)."""
    by_iri = {e.iri: e for e in expected}
    by_name: dict[tuple[str, str], URIRef] = {}
    for entity in expected:
        for segment in SEGMENTS_OF_TYPE.get(entity.type, set()):
            for name in entity.names:
                by_name.setdefault((segment, name), entity.iri)
    mapping = {}
    for node in found:
        if node in by_iri:
            mapping[node] = node
            continue
        label = graph.value(node, RDFS.label) or labels.get(node)
        known = {norm(str(label))} if label else set()
        known |= {norm(n) for n in (names or {}).get(node, [])}
        segment, key = local_name(node).split("/", 1)
        known.add(norm(key.replace("-", " ")))
        hit = next((by_name[(segment, n)] for n in sorted(known) if (segment, n) in by_name), None)
        if hit is not None:
            mapping[node] = hit
    return mapping


def _family(kind: str) -> str:
    """The kind's family for matching (Talks are a Meeting, an exhibition visit a Visit)."""
    return FAMILY.get(kind, kind)


def _parties(kind: str, roles: dict[str, frozenset[URIRef]]) -> dict[str, frozenset[URIRef]]:
    """The party roles of an event (place, theme and a visit's host left out)."""
    left_out = {"place", "theme"} | ({"host"} if kind in HOST_NOT_PARTY else set())
    return {r: v for r, v in roles.items() if r not in left_out and v}


@dataclass(frozen=True)
class FoundEvent:
    """A rule-layer event seen through the alignment."""

    iri: URIRef
    kind: str
    roles: dict[str, frozenset[URIRef]]
    date: str | None
    spans: tuple[tuple[int, int], ...]
    label: str


def _date_text(graph: Graph, node: URIRef) -> str | None:
    """An event's date as the annotation writes it: a day, an interval, or None."""
    day = graph.value(node, DIP.date)
    if day is not None:
        return str(day)
    earliest, latest = graph.value(node, DIP.earliestDate), graph.value(node, DIP.latestDate)
    return f"{earliest}..{latest or ''}" if earliest is not None else None


def _sentence_spans(graph: Graph, node: URIRef) -> tuple[tuple[int, int], ...]:
    """The character spans of the sentences that attest an event."""
    spans = set()
    for attestation in graph.subjects(DIP.attests, node):
        sentence = graph.value(attestation, DIP.sentence)
        begin, end = graph.value(sentence, DIP.beginIndex), graph.value(sentence, DIP.endIndex)
        if begin is not None and end is not None:
            spans.add((int(begin), int(end)))
    return tuple(sorted(spans))


def found_events(
    graph: Graph, aligned: dict[URIRef, URIRef], roles: tuple[str, ...]
) -> list[FoundEvent]:
    """The rule graph's events, their parties (in `roles`, place and theme) replaced by the
    annotated entities they align to."""
    leaders = dict(graph.subject_objects(DIP.ledBy))
    events = []
    for node in sorted({o for o in graph.objects(None, DIP.attests) if isinstance(o, URIRef)}):
        kind = event_kind(graph, node)
        if kind is None:
            continue
        parties = {}
        for role in (*roles, "place", "theme"):
            values = graph.objects(node, getattr(DIP, role))
            mapped = frozenset(aligned.get(leaders.get(v, v), leaders.get(v, v)) for v in values)
            if mapped:
                parties[role] = mapped
        label = str(graph.value(node, RDFS.label) or local_name(node))
        spans = _sentence_spans(graph, node)
        events.append(FoundEvent(node, kind, parties, _date_text(graph, node), spans, label))
    return events


def _expected_roles(item: dict[str, Any], roles: tuple[str, ...]) -> dict[str, frozenset[URIRef]]:
    """The roles of an annotated event or statement."""
    return {
        role: frozenset(_iri(v) for v in item[role])
        for role in (*roles, "place", "theme")
        if item.get(role)
    }


def _describe(item: dict[str, Any], roles: tuple[str, ...]) -> str:
    """An annotated fact as one line."""
    named = " ".join(
        f"{r}={','.join(item[r])}" for r in (*roles, "place") if item.get(r) and r in item
    )
    return f"{item['kind']} {named} ({item.get('date') or 'undated'}) “{item.get('text', '')}”"


def _date_of(item: dict[str, Any]) -> str | None:
    """An annotated fact's date as the rule events give theirs (`None` when undated).

    >>> _date_of({"date": "2024-09-02..2024-09-04"}), _date_of({})
    ('2024-09-02..2024-09-04', None)
    """
    return str(item["date"]) if item.get("date") else None


def _place_agrees(found: FoundEvent, want: frozenset) -> bool:
    """Whether a rule event names a place and every place it names is one the reader gave."""
    return bool(found.roles.get("place")) and found.roles["place"] <= want


def _match_events(
    stem: str,
    expected: list[dict],
    found: list[FoundEvent],
    score: CorpusScore,
    roles: tuple[str, ...],
    text: str = "",
) -> None:
    """Pair annotated events with rule events (each used once) and count what is right: first
    the pairs that agree on the date too, then the rest, so that the order of the annotations
    does not decide which of two rule events of the same parties a date is checked against; of
    rule events equal so far, one whose place the reader gives, not the first by IRI."""
    used: set[URIRef] = set()
    pairs: dict[int, FoundEvent] = {}
    for same_date in (True, False):
        for number, item in enumerate(expected):
            if number in pairs:
                continue
            parties = _parties(item["kind"], _expected_roles(item, roles))
            hits = [
                f
                for f in found
                if f.iri not in used
                and _family(f.kind) == _family(item["kind"])
                and _parties(f.kind, f.roles) == parties
                and (not same_date or f.date == _date_of(item))
            ]
            if hits:
                want = _expected_roles(item, roles).get("place", frozenset())
                pairs[number] = min(hits, key=lambda f: (not _place_agrees(f, want), str(f.iri)))
                used.add(pairs[number].iri)
    for number, item in enumerate(expected):
        hit = pairs.get(number)
        per_kind = score.event_kinds.setdefault(_family(item["kind"]), Score())
        if hit is None:
            per_kind.fn += 1
            score.events.fn += 1
            score.misses.append(f"{stem}: {_describe(item, roles)}")
            continue
        want = _expected_roles(item, roles)
        per_kind.tp += 1
        score.events.tp += 1
        if item.get("place"):
            score.place_total += 1
            if hit.roles.get("place") and hit.roles["place"] <= want["place"]:
                score.place_right += 1
            else:
                place = ",".join(sorted(local_name(p) for p in hit.roles.get("place", ())))
                score.wrong.append(f"{stem}: place {place or 'none'}: {_describe(item, roles)}")
        if not item.get("date"):
            score.undated_total += 1
        if not item.get("date") and hit.date:
            score.overdated += 1
            score.wrong.append(f"{stem}: date {hit.date}, told undated: {_describe(item, roles)}")
        if item.get("date"):
            score.date_total += 1
            if hit.date == _date_of(item):
                score.date_right += 1
            else:
                score.wrong.append(f"{stem}: date {hit.date or 'none'}: {_describe(item, roles)}")
    for f in found:
        if f.iri not in used:
            score.event_kinds.setdefault(_family(f.kind), Score()).fp += 1
            score.events.fp += 1
            score.false_alarms.append(f"{stem}: {f.kind} {f.label} ({f.date or 'undated'})")
    missed = [item for number, item in enumerate(expected) if number not in pairs]
    alarms = [f for f in found if f.iri not in used]
    _count_beside(text, missed, alarms, found, expected, score, roles)


def _count_beside(
    text: str,
    missed: list[dict],
    alarms: list[FoundEvent],
    found: list[FoundEvent],
    expected: list[dict],
    score: CorpusScore,
    roles: tuple[str, ...],
) -> None:
    """Count what the rules found in each missed event's sentence, and what the reader
    annotated in each false alarm's (SENTENCE_CLASSES); of the misses beside their family, how
    the parties differ (PARTY_CLASSES)."""
    for item in missed:
        at = text.find(item.get("text") or "\0")
        here = [f for f in found if at >= 0 and any(b <= at < e for b, e in f.spans)]
        key = _sentence_class(item["kind"], [f.kind for f in here])
        score.missed_beside[key] = score.missed_beside.get(key, 0) + 1
        if key == SENTENCE_CLASSES[2]:
            kin = [f for f in here if _family(f.kind) == _family(item["kind"])]
            how = _party_class(_parties(item["kind"], _expected_roles(item, roles)), kin)
            score.missed_parties[how] = score.missed_parties.get(how, 0) + 1
    for alarm in alarms:
        spots = [(text.find(i.get("text") or "\0"), i["kind"]) for i in expected]
        here = [k for at, k in spots if at >= 0 and any(b <= at < e for b, e in alarm.spans)]
        key = _sentence_class(alarm.kind, here)
        score.alarms_beside[key] = score.alarms_beside.get(key, 0) + 1


def _party_class(want: dict[str, frozenset[URIRef]], kin: list[FoundEvent]) -> str:
    """Which of PARTY_CLASSES says how the nearest event of the family misses the parties: the
    nearest is the one whose parties differ from the annotation's by the fewest entities."""
    every = frozenset().union(*want.values())

    def parties(event: FoundEvent) -> frozenset[URIRef]:
        """The event's parties, whatever their roles."""
        return frozenset().union(*_parties(event.kind, event.roles).values())

    near = parties(min(kin, key=lambda f: (len(parties(f) ^ every), str(f.iri))))
    if near == every:
        return PARTY_CLASSES[3]
    if near < every:
        return PARTY_CLASSES[0]
    return PARTY_CLASSES[1] if near > every else PARTY_CLASSES[2]


def _sentence_class(kind: str, beside: list[str]) -> str:
    """Which of SENTENCE_CLASSES the kinds beside an event make."""
    if any(_family(k) == _family(kind) for k in beside):
        return SENTENCE_CLASSES[2]
    return SENTENCE_CLASSES[1] if beside else SENTENCE_CLASSES[0]


def _fits(found: dict[str, frozenset[URIRef]], want: dict[str, frozenset[URIRef]]) -> bool:
    """No party the reader did not name, and two the reader named (all, if fewer): the issue's
    "both parties right" for events with many participants."""
    if any(not values <= want.get(role, frozenset()) for role, values in found.items()):
        return False
    right = sum(len(values) for values in found.values())
    return right >= min(2, sum(len(values) for values in want.values()))


def _match_two_parties(
    expected: list[dict], found: list[FoundEvent], score: CorpusScore, roles: tuple[str, ...]
) -> None:
    """Pair annotated and rule events by kind and the two-parties criterion (figures only)."""
    used: set[URIRef] = set()
    for item in expected:
        parties = _parties(item["kind"], _expected_roles(item, roles))
        hit = next(
            (
                f
                for f in found
                if f.iri not in used
                and _family(f.kind) == _family(item["kind"])
                and _fits(_parties(f.kind, f.roles), parties)
            ),
            None,
        )
        if hit is None:
            score.events_two.fn += 1
        else:
            used.add(hit.iri)
            score.events_two.tp += 1
    score.events_two.fp += sum(1 for f in found if f.iri not in used)


def _match_statements(
    stem: str,
    text: str,
    expected: list[dict],
    found: list[FoundEvent],
    score: CorpusScore,
    roles: tuple[str, ...],
) -> None:
    """Pair annotated speech acts with rule statements by speaker and sentence."""
    used: set[URIRef] = set()
    for item in expected:
        at = text.find(item.get("text") or "\0")
        speakers = frozenset(_iri(v) for v in item.get("agent", []))
        hits = [
            f
            for f in found
            if f.iri not in used
            and f.roles.get("agent", frozenset()) & speakers
            and any(b <= at < e for b, e in f.spans)
        ]
        hits.sort(key=lambda f: (f.kind != item["kind"], str(f.iri)))
        if not hits:
            score.statements.fn += 1
            score.misses.append(f"{stem}: {_describe(item, roles)}")
            continue
        used.add(hits[0].iri)
        score.statements.tp += 1
        score.statement_kinds_right += hits[0].kind == item["kind"]
    for f in found:
        if f.iri not in used:
            score.statements.fp += 1
            score.false_alarms.append(f"{stem}: {f.kind} {f.label}")


# One office, several spellings: gendered words, US and British spelling, and the synonyms of
# wire copy for the same office ("Chinese Premier" is the prime minister of China, a "vice
# foreign minister" the deputy one, "Foreign Ministry spokesperson" the ministry's spokesperson).
SAME_OFFICE = (
    (r"\bspokesman\b", "spokesperson"),
    (r"\bspokeswoman\b", "spokesperson"),
    (r"\bchairwoman\b", "chairman"),
    (r"\bchairperson\b", "chairman"),
    (r"\bdefense\b", "defence"),
    (r"\badvisor\b", "adviser"),
    (r"\bvice-premier\b", "deputy-prime-minister"),
    (r"\bpremier\b", "prime-minister"),
    (r"\bvice-foreign-minister\b", "deputy-foreign-minister"),
    (r"/foreign-ministry-spokesperson-of-", "/spokesperson-of-foreign-ministry-of-"),
    (r"/secretary-of-defence-of-", "/defence-secretary-of-"),
)


def position_key(key: str) -> str:
    """A position key with the spellings of one office made one (`SAME_OFFICE`).

    >>> position_key("position/spokeswoman-of-foreign-ministry-of-russia")
    'position/spokesperson-of-foreign-ministry-of-russia'
    >>> position_key("position/foreign-ministry-spokesperson-of-china")
    'position/spokesperson-of-foreign-ministry-of-china'
    >>> position_key("position/premier-of-china")
    'position/prime-minister-of-china'
    >>> position_key("position/secretary-of-defence-of-united-states")
    'position/defence-secretary-of-united-states'
    """
    for pattern, common in SAME_OFFICE:
        key = re.sub(pattern, common, key)
    return key


def owner_key(graph: Graph, position: URIRef, aligned: dict[URIRef, URIRef]) -> str | None:
    """A rule position's key with its owner as the reader named it: "<title>-of-<the aligned
    owner's IRI tail>" ("Secretary general of North Atlantic Treaty Organization", owned by
    the annotation's org/nato: position/secretary-general-of-nato); None when the label does
    not end with the owner's label."""
    owner = graph.value(position, DIP.positionOf)
    label, owned = graph.value(position, RDFS.label), graph.value(owner, RDFS.label)
    if owner is None or label is None or owned is None:
        return None
    suffix = f" of {owned}".lower()
    if not str(label).lower().endswith(suffix):
        return None
    title = str(label)[: -len(suffix)]
    tail = local_name(aligned.get(owner, owner)).split("/", 1)[-1]
    return position_key(f"position/{slug(title)}-of-{tail}")


def _holdings(
    graph: Graph, aligned: dict[URIRef, URIRef], wanted: set[tuple[URIRef, str]] | None = None
) -> set[tuple[URIRef, str]]:
    """(holder, position key) pairs of the rule graph; a pair the reader wrote with the owner
    as the reader named it (`owner_key`) counts under the reader's key."""
    found = set()
    for node in graph.subjects(RDF.type, DIP.PositionHolding):
        holder, position = graph.value(node, DIP.holder), graph.value(node, DIP.position)
        if holder is not None and position is not None:
            who = aligned.get(holder, holder)
            key = position_key(local_name(position))
            other = owner_key(graph, position, aligned)
            if other is not None and (who, other) in (wanted or set()):
                key = other
            found.add((who, key))
    return found


def score_article(
    stem: str,
    text: str,
    graph: Graph,
    expected: dict[str, Any],
    labels: dict[URIRef, str],
    roles: tuple[str, ...] | None = None,
    names: dict[URIRef, list[str]] | None = None,
) -> CorpusScore:
    """The figures of one corpus article; `roles`: the participant roles (default: those of the
    project's ontology); `names`: the gazetteer's names of its entities (see `align`)."""
    roles = roles or participant_roles()
    score = CorpusScore(articles=1)
    annotated = entities_of(expected)
    found = found_entities(graph)
    aligned = align(found, annotated, labels, graph, names)
    hit = set(aligned.values())
    for entity in annotated:
        per_type = score.entity_types.setdefault(entity.type, Score())
        if entity.iri in hit:
            per_type.tp += 1
        else:
            per_type.fn += 1
            score.misses.append(f"{stem}: entity {local_name(entity.iri)} ({entity.type})")
    wrong = sorted(local_name(n) for n in found if n not in aligned)
    score.entities = Score(len(hit), len(wrong), len(annotated) - len(hit))
    score.false_alarms += [f"{stem}: entity {n}" for n in wrong]
    events = found_events(graph, aligned, roles)
    wanted = [e for e in expected["events"] if e["kind"] not in STATEMENT_KINDS]
    acts = [e for e in events if e.kind not in STATEMENT_KINDS]
    _match_events(stem, wanted, acts, score, roles, text)
    _match_two_parties(wanted, acts, score, roles)
    spoken = list(expected["statements"]) + [
        e for e in expected["events"] if e["kind"] in STATEMENT_KINDS
    ]
    _match_statements(
        stem, text, spoken, [e for e in events if e.kind in STATEMENT_KINDS], score, roles
    )
    want = {(_iri(h.split()[0]), position_key(h.split()[1])) for h in expected["holdings"]}
    got = _holdings(graph, aligned, want)
    score.holdings = Score(len(got & want), len(got - want), len(want - got))
    score.misses += [f"{stem}: holding {local_name(h)} {p}" for h, p in sorted(want - got)]
    score.false_alarms += [f"{stem}: holding {local_name(h)} {p}" for h, p in sorted(got - want)]
    score.silent_articles = int(not events)
    return score


def add(total: CorpusScore, part: CorpusScore) -> None:
    """Add one article's figures to a total."""
    for name in ("articles", "silent_articles", "place_right", "place_total", "date_right"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.date_total += part.date_total
    total.overdated += part.overdated
    total.undated_total += part.undated_total
    total.statement_kinds_right += part.statement_kinds_right
    for name in ("events", "events_two", "statements", "entities", "holdings"):
        getattr(total, name).add(getattr(part, name))
    for mine, theirs in (
        (total.entity_types, part.entity_types),
        (total.event_kinds, part.event_kinds),
    ):
        for kind, score in theirs.items():
            mine.setdefault(kind, Score()).add(score)
    total.misses += part.misses
    total.false_alarms += part.false_alarms
    total.wrong += part.wrong
    for mine, theirs in (
        (total.missed_beside, part.missed_beside),
        (total.alarms_beside, part.alarms_beside),
        (total.missed_parties, part.missed_parties),
    ):
        for key, count in theirs.items():
            mine[key] = mine.get(key, 0) + count


def _share(right: int, total: int) -> str:
    """A share as 'r/t = 0.00'."""
    return f"{right}/{total} = {right / total if total else 1.0:.2f}"


def _classes(counts: dict[str, int], classes: tuple[str, ...] = SENTENCE_CLASSES) -> str:
    """Counts of classes (SENTENCE_CLASSES unless given) in their order, as one line."""
    return ", ".join(f"{key} {counts.get(key, 0)}" for key in classes)


def format_corpus_score(name: str, score: CorpusScore, misses: bool) -> str:
    """The figures as a table; the misses and false alarms only when asked for."""
    e, s, n, h = score.events, score.statements, score.entities, score.holdings
    two = score.events_two
    lines = [
        f"Rule layer on the {name} split: {score.articles} articles "
        f"({score.silent_articles} with no event)",
        "",
        "| measure | found / annotated | recall | precision | F1 |",
        "|---|---|---|---|---|",
        f"| events (kind + exactly the parties) | {e.tp}/{e.tp + e.fn} | {e.recall:.2f} "
        f"| {e.precision:.2f} | {e.f1:.2f} |",
    ]
    for kind, per in sorted(score.event_kinds.items()):
        lines.append(
            f"| … {kind} | {per.tp}/{per.tp + per.fn} | {per.recall:.2f} | {per.precision:.2f} "
            f"| {per.f1:.2f} |"
        )
    lines += [
        f"| events (kind + two parties right, none wrong) | {two.tp}/{two.tp + two.fn} "
        f"| {two.recall:.2f} | {two.precision:.2f} | {two.f1:.2f} |",
        f"| statements (right speaker) | {s.tp}/{s.tp + s.fn} | {s.recall:.2f} "
        f"| {s.precision:.2f} | {s.f1:.2f} |",
        f"| entities | {n.tp}/{n.tp + n.fn} | {n.recall:.2f} | {n.precision:.2f} | {n.f1:.2f} |",
    ]
    for kind, per in sorted(score.entity_types.items()):
        lines.append(f"| … {kind} | {per.tp}/{per.tp + per.fn} | {per.recall:.2f} | | |")
    lines += [
        f"| positions held | {h.tp}/{h.tp + h.fn} | {h.recall:.2f} | {h.precision:.2f} "
        f"| {h.f1:.2f} |",
        "",
        "place right on found events that have one: "
        + _share(score.place_right, score.place_total),
        "date right on found events that have one:  " + _share(score.date_right, score.date_total),
        "dated where the reader gives no date:      "
        + _share(score.overdated, score.undated_total),
        f"statement kind right on captured ones:     {_share(score.statement_kinds_right, s.tp)}",
        "missed events, by what the rules found in their sentence: "
        + _classes(score.missed_beside),
        "missed events beside their family, by how the parties differ: "
        + _classes(score.missed_parties, PARTY_CLASSES),
        "false alarms, by what the reader annotated in their sentence: "
        + _classes(score.alarms_beside),
    ]
    if misses:
        lines += titled_lists(
            [
                ("Misses (annotated, not found)", score.misses),
                ("False alarms (found, not annotated)", score.false_alarms),
                ("Wrong place or date on found events", score.wrong),
            ]
        )
    return "\n".join(lines)
