"""Content stage: what statements, invitations and acceptances are about, and the events a
sentence points back to.

Reads a sentence's candidates, the matches that made them and the article's earlier candidates;
builds the content an invitation or acceptance names (the invited visit, the accepted
invitation), takes an accusation's or denial's content from the sentence (the following event,
or the claim the sentence denies), links events to the meeting or visit "during" which they
happened, and attests an earlier event again where a sentence names it ("the move").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from rdflib import URIRef

from diplograph.extract.attribution import Attribution, Cue
from diplograph.extract.events import Attest, Candidate, missing, spec
from diplograph.extract.matcher import Match, find
from diplograph.extract.rules import RuleSet
from diplograph.extract.sentences import Unit, clause_ids
from diplograph.seeds import Sentence


@dataclass
class SentenceContext:
    """Everything about one sentence that its candidates need."""

    sentence: Sentence
    units: list[Unit]
    text: str
    anchor: date
    attribution: Attribution
    cues: list[Cue]
    speaker_side: list[URIRef]
    place: URIRef | None
    last_date: tuple[date, date | None] | None
    doc: Any = None  # the units as a spaCy Doc, shared by the sections run on them
    earlier: list[Candidate] = field(default_factory=list)  # the article's candidates so far
    current: list[Candidate] = field(default_factory=list)  # this sentence's, so far
    dateline: URIRef | None = None  # where the article was filed: what "here" means
    plan: tuple[date, date | None] | None = None  # the day of the last sentence's planned event
    last_plan: tuple[date, date | None] | None = None  # of the last planned event told so far
    today: tuple[date, date | None] | None = None  # a lede's day (the article's), naming none
    last_time: tuple[date, date | None] | None = None  # the last date words' ("that month")
    issuer: URIRef | None = None  # the first body the article names (a communique's)


def contents_ahead(matches: list[Match], rules: RuleSet) -> set[int]:
    """Triggers of events that will be another event's content ("accused X of supplying")."""
    found = set()
    for position, match in enumerate(matches):
        if (match.rule.get("content") or {}).get("from") == "following":
            later = [
                m
                for m in matches[position + 1 :]
                if not spec(rules.kinds, str(m.rule.get("kind"))).get("statement")
            ]
            if later:
                found.add(later[0].trigger)
    return found


def build_content(
    entry: dict[str, Any],
    roles: dict[str, list[URIRef]],
    attest: Attest,
    rule_id: str,
    rules: RuleSet,
) -> Candidate | None:
    """The event an invitation or acceptance is about, built from the match's roles."""
    when = entry.get("when")
    if when and not roles.get(when):
        return None
    kind = str(entry["kind"])
    made_roles = {
        r: list(roles[src]) for r, src in (entry.get("roles") or {}).items() if roles.get(src)
    }
    modality = entry.get("modality", "same")
    made_modality = attest.modality if modality == "same" else str(modality)
    made_attest = replace(
        attest, rule=f"{rule_id}.content", modality=made_modality, date_words=None
    )
    made = Candidate(
        kind, made_roles, made_attest, None, {}, missing(kind, made_roles, rules.kinds), owned=True
    )
    nested = entry.get("content")
    if isinstance(nested, dict):
        inner = build_content(nested, roles, attest, f"{rule_id}.content", rules)
        if inner is not None:
            made.content.append(inner)
    return made


def resolve_contents(
    made: list[tuple[Match, Candidate]], ctx: SentenceContext, rules: RuleSet
) -> None:
    """Contents taken from the sentence: the following event, or the previous claim."""
    for position, (match, cand) in enumerate(made):
        entry = match.rule.get("content")
        if not isinstance(entry, dict) or "from" not in entry:
            continue
        source = entry["from"]
        target: Candidate | None = None
        if source == "following":
            later = [
                c for m, c in made[position + 1 :] if not spec(rules.kinds, c.kind).get("statement")
            ]
            target = later[0] if later else None
        elif source == "previous_claim":
            pool = [c for _, c in reversed(made[:position])] + list(reversed(ctx.earlier))
            claimed = [c for c in pool if c.attest.modality == "Claimed"]
            if claimed:
                original = claimed[0]
                target = replace(
                    original,
                    roles={r: list(v) for r, v in original.roles.items()},
                    attest=replace(cand.attest, rule=f"{match.rule.id}.content"),
                    content=[],
                    parent=[],
                    date_from=[],
                )
        if target is None:
            continue
        for role, src in (entry.get("fill") or {}).items():
            if not target.roles.get(role) and cand.roles.get(src):
                target.roles[role] = list(cand.roles[src])
        target.partial = missing(target.kind, target.roles, rules.kinds)
        if "modality" in entry:
            target.attest = replace(target.attest, modality=str(entry["modality"]))
        if entry.get("claimed_by"):
            target.attest = replace(
                target.attest, claimed_by=tuple(cand.roles.get(str(entry["claimed_by"]), []))
            )
        target.owned = True
        cand.content.append(target)


def _travel_in(cand: Candidate, referent: Candidate, rules: RuleSet) -> bool:
    """Whether a candidate of a kind that moves the story (`sets_place`: a visit, an arrival)
    would be linked under one that does not ("Speaking in Ankara after meeting X, Z": Z's stay
    in Ankara is no part of the meeting)."""
    sets = [spec(rules.kinds, c.kind).get("sets_place") for c in (cand, referent)]
    return bool(sets[0]) and not sets[1]


def _planned_before(cand: Candidate, ctx: SentenceContext) -> Candidate | None:
    """The planned event told before that a noun of this sentence names again, when the noun
    names no place of its own and shares a party with it ("will pay a state visit to China on
    June 5-7. During the visit, he will hold talks with Xi": that visit, not one where the
    story is)."""
    if cand.named_places:
        return None
    parties = {v for r, vs in cand.roles.items() if r not in ("place", "theme") for v in vs}
    for told in reversed(ctx.earlier):
        if told.echo or told.kind != cand.kind:
            continue
        theirs = {v for r, vs in told.roles.items() if r not in ("place", "theme") for v in vs}
        if parties & theirs:
            planned = told.attest.modality == "Expected" and not told.owned
            return told if planned else None
    return None


def event_anaphora(
    made: list[tuple[Match, Candidate]], ctx: SentenceContext, rules: RuleSet
) -> list[Candidate]:
    """'During the meeting' links the sentence's events to it; 'the move' attests it again."""
    extra: list[Candidate] = []
    here = {m.trigger: c for m, c in made}
    for match in find("event_anaphora", ctx.units, rules, ctx.doc):
        unit = ctx.units[match.trigger]
        refers = match.rule.get("refers") or {}
        kinds = refers.get(unit.lower) or refers.get(unit.lemma) or []
        referents: list[Candidate] = []
        if match.trigger in here:
            referents = [_planned_before(here[match.trigger], ctx) or here[match.trigger]]
        else:
            pool = [  # an echo is its original again: with echoes, each "the talks" doubled them
                c
                for c in reversed(ctx.earlier)
                if not c.echo and ("any" in kinds or c.kind in kinds)
            ]
            if match.rule.get("link") == "date":  # "before the talks": talks that took place
                pool = [c for c in pool if c.happened]
            plural = unit.lower != unit.lemma and unit.lower.endswith("s")
            referents = pool if plural else pool[:1]
        if not referents:
            continue
        if match.rule.get("link"):
            clauses = clause_ids(ctx.units)
            leading = match.start == 0 or all(
                not u.text.isalnum() for u in ctx.units[: match.start]
            )
            for rule_match, cand in made:
                same = clauses[rule_match.trigger] == clauses[match.trigger]
                # "held a meeting after the ceremony": the phrase closes the event's clause
                before = clauses[match.start - 1] if match.start > 0 else None
                trailing = before == clauses[rule_match.trigger]
                if cand is not referents[0] and (leading or same or trailing):
                    part = not _travel_in(cand, referents[0], rules)  # a stay is no part of
                    if match.rule.get("link") == "subEventOf" and part:  # a meeting; "date":
                        cand.parent.append(referents[0])  # its day only
                    cand.date_from.append(referents[0])
        for rule_match, cand in made:
            wants = (rule_match.rule.get("content") or {}).get("from") == "anaphor"
            if wants and not cand.content and cand is not referents[0]:
                cand.content.append(referents[0])
        if match.rule.get("attest") and match.trigger not in here:
            begin, end = match.span(ctx.units)
            for ref in referents:  # "the visit" is as real as the visit it refers to
                modality = ref.attest.modality
                attest = Attest(ctx.sentence, begin, end, match.rule.id, 0.6, modality)
                extra.append(
                    replace(
                        ref,
                        attest=attest,
                        content=[],
                        parent=[],
                        date_from=[],
                        owned=False,
                        date=None,
                        echo=True,
                    )
                )
    return extra
