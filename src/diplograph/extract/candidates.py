"""Candidate stage: turns one sentence's event-rule matches into candidate events.

Reads the matches of the `events` rules on a sentence's units, its date units, attribution,
modality cues and event anaphora, and the article's discourse so far; writes Candidates with
their roles (a capital standing for its government in an actor role, "we" for the speaker's
side), attributes (quotation, transport, value in dollars, name), date, modality and
attestation. It also builds the content of invitations, acceptances, accusations and denials,
and links events to the meeting or visit "during" which they happened.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from rdflib import URIRef

from diplograph.dates import resolve
from diplograph.dates import words as date_words
from diplograph.extract.attribution import modality_at
from diplograph.extract.contents import (
    SentenceContext,
    build_content,
    contents_ahead,
    event_anaphora,
    resolve_contents,
)
from diplograph.extract.coref import PLACEHOLDER
from diplograph.extract.dates import (
    NEXT_EVENT,
    anaphoric,
    attach,
    day_offset,
    held_ahead,
    in_month,
    is_date,
    is_dateline,
    joined_between,
    last_time,
    lies_ahead,
    onward,
    overlaps,
    period_shift,
    resolve_words,
    shifted_period,
    soon_after,
    sounds_future,
)
from diplograph.extract.derive import ENTAILED
from diplograph.extract.events import (
    Attest,
    Candidate,
    Context,
    compatible,
    missing,
    new_event,
    spec,
)
from diplograph.extract.frames import frame_matches, joined_phrase, separate, word_in_clause
from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.matcher import Match, find, match_end
from diplograph.extract.rules import RuleSet, as_list
from diplograph.extract.sentences import Unit, clause_ids, place_phrase, quotations
from diplograph.iris import local_name, slug
from diplograph.namespaces import ID

_MONEY = re.compile(r"\$\s?(\d+(?:[.,]\d+)?)\s*(trillion|billion|million|bn|m)?", re.IGNORECASE)
_SCALE = {"trillion": 10**12, "billion": 10**9, "bn": 10**9, "million": 10**6, "m": 10**6}


PARTIES = ("host", "traveller", "participant", "agent", "target", "sender", "recipient")


def dedup(values: list[URIRef]) -> list[URIRef]:
    """Values without repeats, in order."""
    return list(dict.fromkeys(values))


def role_values(
    unit: Unit,
    role: str,
    ctx: SentenceContext,
    speaks: bool = False,
    for_state: frozenset[str] = frozenset({"target"}),
) -> list[URIRef]:
    """What a unit contributes to a role: a place, a thing, or an actor; a body that `speaks`
    (the speaker of a statement: "the Polish government said") is itself, not the state it
    acts for; in a role of `for_state`, a person named by a title only is the title's state."""
    mention = unit.mention
    if mention is None:
        return []
    if "we" in mention.classes:
        return list(ctx.speaker_side)
    if role == "place" or role == "theme":
        return list(mention.refs or mention.agents)
    if speaks and "org" in mention.classes and mention.refs:
        return list(mention.refs)
    if role in for_state and not mention.agents and not mention.refs and mention.title:
        return list(mention.owner)  # "ordered the French ambassador to leave": France's envoy
    return list(mention.agents or mention.refs)


RELATIVE_REACH = 4  # how many units a relative word may stand before the match
JOINED_REACH = 12  # ... when the match's verb is joined by "and" to the clause's first


def _relative_subject(match: Match, ctx: SentenceContext, rules: RuleSet) -> bool:
    """Whether the match stands in a relative clause about an entity named right before it
    ("Anwar, who held talks with X": `relative_word`), within a few words of its start; a day
    between them is no actor ("Duda, who on Thursday held talks with X"), nor anyone named in a
    verb phrase the match's is joined to ("Anwar, who made a visit to Uzbekistan in May and
    held talks with X")."""
    relatives = rules.word_class("relative_word")
    start = min([match.start, match.trigger])
    joined = False
    for at in range(start - 1, max(0, start - JOINED_REACH) - 1, -1):
        unit = ctx.units[at]
        if unit.lower in relatives:
            before = [u for u in ctx.units[max(0, at - 2) : at] if u.text != ","]
            return (
                bool(before) and before[-1].mention is not None and bool(before[-1].mention.agents)
            )
        joined = joined or unit.lower == "and"
        if unit.boundary or (start - at >= RELATIVE_REACH and not joined):
            return False
        if unit.mention is not None and unit.mention.date_words is None and not joined:
            return False
    return False


def _mouthpieces(ctx: SentenceContext, rules: RuleSet) -> set[URIRef]:
    """The sentence's named spokespersons: a name titled with a `mouthpiece_word` ("spokesman
    X") or told after a set-off phrase with one ("Kyiv, a spokesman for the government, X,")."""
    words = rules.word_class("mouthpiece_word")
    found: set[URIRef] = set()
    for at, unit in enumerate(ctx.units):
        if unit.mention is None or not unit.mention.refs:
            continue
        between = ctx.text[ctx.units[at - 1].end : unit.begin] if at else ""  # words set off
        told = re.findall(r"[a-z]+", (unit.lower + " " + between).lower())
        if any(w in words for w in told):
            found.update(unit.mention.refs)
    return found


def _default(
    source: str,
    role: str,
    roles: dict[str, list[URIRef]],
    ctx: SentenceContext,
    previous: Candidate | None,
    when: tuple[date, date | None] | None = None,
) -> list[URIRef]:
    """Role values from context, for a `defaults` or `add` source."""
    if source == "speaker":  # who took part, not the agency that reported it
        agencies = {
            r
            for u in ctx.units
            if u.mention and "agency" in u.mention.classes
            for r in u.mention.refs
        }
        return [s for s in ctx.attribution.sources if s not in agencies]
    if source == "issuer":  # "1. Strongly condemns ...": the body whose communique it is
        return [ctx.issuer] if ctx.issuer is not None else []
    if source == "context_place":
        return [ctx.place] if ctx.place is not None else []
    if source in ("previous_subject", "previous_first") and previous is not None:
        for key in ("traveller", "agent", "participant", "sender", "inviter"):
            if previous.roles.get(key):  # first: "..., followed by a meeting with B": A only
                found = list(previous.roles[key])
                return found[:1] if source == "previous_first" else found
    if source == "previous_parties" and previous is not None:  # "received X for talks"
        # all of the previous match's events: "met A and B separately before sitting down
        # for talks" (one meeting with each, the talks of all three)
        told = [c for c in ctx.current if (c.trigger, c.kind) == (previous.trigger, previous.kind)]
        return dedup(
            [v for c in told or [previous] for key in PARTIES for v in c.roles.get(key, ())]
        )
    if source.startswith("last:"):
        kind, _, wanted = source[5:].partition(".")
        for cand in reversed(ctx.earlier + ctx.current):
            if cand.kind == kind and cand.roles.get(wanted):
                return list(cand.roles[wanted])
    if source.startswith("partner:"):  # "partner:Meeting,Talks.carrier": whom the carrier met
        kinds, _, own = source[8:].partition(".")
        mine = set(roles.get(own, ()))
        day = when or ctx.last_date
        for cand in reversed(ctx.earlier + ctx.current):
            theirs = [v for key in PARTIES for v in cand.roles.get(key, ())]
            if cand.kind in kinds.split(",") and mine and mine <= set(theirs):
                same = cand in ctx.current or overlaps(cand.date, day)  # the same sentence's
                return dedup([v for v in theirs if v not in mine]) if same and cand.happened else []
    if source.startswith("parties_of:"):  # "agreements were signed": by who met that day
        day = when or ctx.last_date
        for cand in reversed(ctx.earlier + ctx.current):
            if cand.kind in source[11:].split(",") and cand.happened:
                dated = cand.date is not None and day is not None and overlaps(cand.date, day)
                same = cand in ctx.current or dated
                return (
                    dedup([v for key in PARTIES for v in cand.roles.get(key, ())]) if same else []
                )
    if source.startswith("met:"):  # "met:Meeting,Talks.place": where these parties last met
        kinds, _, wanted = source[4:].partition(".")
        mine = {v for r, vs in roles.items() if r not in ("place", "theme") for v in vs}
        day = when or ctx.last_date  # an undated event is told on the story's day
        told = ctx.earlier + ctx.current
        landed = {
            (c.trigger[0], p) for c in told if c.kind == "Arrival" for p in c.roles.get("place", ())
        }
        for cand in reversed(told):
            theirs = {v for vs in cand.roles.values() for v in vs}
            if cand.kind == "Hosting" and any(
                (cand.trigger[0], p) in landed for p in cand.roles.get("place", ())
            ):
                continue  # a welcome at the airport they landed at: not where they met
            if cand.kind in kinds.split(",") and cand.roles.get(wanted) and mine <= theirs:
                same = overlaps(cand.date, day) and cand.happened
                return list(cand.roles[wanted]) if same else []
    return []


def _beside(
    source: str,
    roles: dict[str, list[URIRef]],
    ctx: SentenceContext,
    gaz: Gazetteer,
    moved: frozenset[str],
) -> list[URIRef]:
    """A `beside:Kinds.place` default: the place of an event of those kinds told before in the
    sentence of one of these parties ("a welcoming ceremony for X at the Government House,
    after which A and X held a meeting"); only its town in a sentence with a word of `moved`
    (the lexicon's `tribute_noun`: "laid a wreath in Madrid, before meeting Sanchez": Madrid; a
    wreath at a mausoleum the gazetteer puts in no town says nothing of where the call that
    followed was paid)."""
    kinds, _, wanted = source[7:].partition(".")
    mine = {v for r, vs in roles.items() if r not in ("place", "theme") for v in vs}
    town_only = any(u.lower in moved for u in ctx.units)
    for cand in reversed(ctx.current):
        theirs = {v for r, vs in cand.roles.items() if r not in ("place", "theme") for v in vs}
        if cand.kind in kinds.split(",") and cand.happened and mine & theirs:
            if not town_only:
                return list(cand.roles.get(wanted, ()))
            towns = [
                p if gaz.is_town(p) else gaz.located_in.get(p) for p in cand.roles.get(wanted, ())
            ]
            return [t for t in towns if t is not None and gaz.is_town(t)]
    return []


def _attrs(match: Match, ctx: SentenceContext) -> dict[str, list[str]]:
    """Transport, name, quotation and value of a match."""
    attrs: dict[str, list[str]] = {}
    for name, indices in match.attrs.items():
        first, last = ctx.units[indices[0]], ctx.units[indices[-1]]
        if name == "name" and first.mention is not None and first.mention.refs:
            attrs["name"] = [str(first.mention.refs[0])]
        else:
            attrs[name] = [ctx.text[first.begin : last.end]]
    if match.rule.get("quotation"):
        quotes = quotations(ctx.units, ctx.text)
        if quotes:
            attrs["quotation"] = quotes
    if match.rule.get("topic"):  # "accused X of committing war crimes": what is alleged
        topic = _topic(match, ctx, str(match.rule.get("topic")))
        if topic:
            attrs["topic"] = [topic]
    if match.rule.get("value"):
        begin, end = match.span(ctx.units)
        money = _MONEY.search(ctx.text[begin:end])
        if money:
            amount = Decimal(money[1].replace(",", "")) * _SCALE.get((money[2] or "").lower(), 1)
            attrs["valueUSD"] = [str(amount)]
    return attrs


def _topic(match: Match, ctx: SentenceContext, where: str) -> str | None:
    """The words a speech act is about, to the end of its clause: after the whole match
    (`rest`: "accused X of [committing war crimes in Gaza]") or after the trigger (`object`:
    "denied [arming the M23]", "denied that [Oslo had given up its role]": the clause, which
    stands for the content when it tells no event); None when a clause boundary follows at once
    ("accused X of ..., saying")."""
    units = ctx.units
    start = match.end if where == "rest" else match.trigger + 1
    if where == "object" and start < len(units) and units[start].lower == "that":
        start += 1
    end = start
    while end < len(units) and not units[end].boundary and units[end].text not in ",;:.()":
        end += 1
    if end <= start:
        return None
    words = ctx.text[units[start].begin : units[end - 1].end].strip()
    return words or None


def new_materiel(match: Match, ctx: SentenceContext, rules: RuleSet) -> tuple[URIRef, str] | None:
    """Materiel the gazetteer does not know, from the words a rule marks `attr: materiel` ("12
    CH-47 helicopters" -> materiel/ch-47-helicopter, "CH-47 helicopter"), if any."""
    indices = match.attrs.get("materiel")
    if not indices:
        return None
    words = [ctx.units[i].text for i in range(indices[0], indices[-1] + 1)]
    counts = rules.listed("materiel_counts")  # "about 12", "more than 20": no part of its name
    while words and (words[0].lower() in counts or words[0].replace(",", "").isdigit()):
        words = words[1:]
    if not words:
        return None
    if words[-1].islower():
        words[-1] = rules.lemma(words[-1])
    label = " ".join(words)
    return materiel_iri(label), label


def materiel_iri(label: str) -> URIRef:
    """The IRI of materiel the rule layer names: materiel/<slug of its label>."""
    return ID[f"materiel/{slug(label)}"]


def _modality(match: Match, ctx: SentenceContext, words: str | None, rules: RuleSet) -> str | None:
    """Happened, Expected, Denied, or None when the event is not to be recorded."""
    fixed = match.rule.get("modality")
    if fixed and fixed != "previous":
        return str(fixed)
    cue = modality_at(match.trigger, ctx.cues, ctx.units, rules.word_class("event_noun"))
    if cue == "none":  # "called for talks with India": no event, whatever was told before
        return None
    if fixed == "previous" and ctx.current:  # "will travel to Moscow for talks": as the travel
        return ctx.current[-1].attest.modality
    if cue:
        return cue
    if ctx.current and (match.purpose or _sequel(match, ctx, rules)):
        return ctx.current[-1].attest.modality  # "is due to leave ... before travelling on"
    if words and _noun_ahead(match, ctx, words, rules):
        return "Expected"  # "X's visit to Turkey on March 20 will focus on Syria", told March 7
    return "Expected" if words and sounds_future(words) else "Happened"


NOUN_AHEAD_DAYS = 31  # how far ahead a noun event's own day may lie to be one still to come


def _noun_ahead(match: Match, ctx: SentenceContext, words: str, rules: RuleSet) -> bool:
    """Whether an event told as a noun (lexicon.yaml `event_noun`), with no verb of its mood,
    has date words naming a day of the month soon after the article ("the talks on March 20",
    told on 7 March): one still to come, not last year's ("later on Monday" is the last one)."""
    if ctx.units[match.trigger].lower not in rules.word_class("event_noun"):
        return False
    found = resolve(words, ctx.anchor, "past")  # "later on Monday": no day to come
    return (
        found is not None
        and found.is_day
        and 0 < (found.earliest - ctx.anchor).days <= NOUN_AHEAD_DAYS
    )


def _sequel(match: Match, ctx: SentenceContext, rules: RuleSet) -> bool:
    """Whether the trigger is a gerund after a `sequence_word` ("before travelling on to
    Paris"): an event told as following the one before it, in its mood."""
    if match.trigger == 0:
        return False
    unit, before = ctx.units[match.trigger], ctx.units[match.trigger - 1]
    sequence = frozenset(rules.classes.get("sequence_word", ()))
    return unit.lower.endswith("ing") and before.lower in sequence


def _dated(
    unit_index: int | None, ctx: SentenceContext, expected: bool, trigger: int | None = None
) -> tuple[Any, str | None]:
    """The (earliest, latest) date a date unit gives, and its words; a date that dates the
    event told after it (`dates_next`: "a day before X met Y") dates one before it, at the
    end of its sentence, the other way ("had voted to ratify it the day before": the day
    before the one told before)."""
    if unit_index is None:
        return None, None
    mention = ctx.units[unit_index].mention
    words = mention.date_words if mention else None
    if mention is not None and anaphoric(mention.anaphor):  # "the next day", "that month"
        last = ctx.last_plan if expected and ctx.last_plan is not None else ctx.last_date
        last = _told_before(unit_index, ctx, expected) or last  # "arrived on Tuesday and ..."
        period = period_shift(mention.anaphor)
        if period is not None:  # "later that month": the whole month of the time told last
            told = last_time(ctx.units, ctx.anchor, ctx.last_time or ctx.last_date, unit_index)
            if told is None:
                return None, None
            return in_month(shifted_period(told[0], *period), words or ""), words
        offset = day_offset(mention.anaphor) or 0
        if NEXT_EVENT in mention.classes and trigger is not None and trigger < unit_index:
            offset = -offset  # "had arrived the day before": before the day told before
        if last is None or not offset:
            return last, words
        shift = timedelta(days=offset)
        return (last[0] + shift, last[1] + shift if last[1] else None), words
    if not expected and soon_after(words or "", ctx.anchor):
        return None, None  # "expelled X and gave them until March 12 to leave": a deadline
    found = resolve_words(words or "", ctx.anchor, expected)
    return ((found.earliest, found.latest), words) if found else (None, None)


def _told_before(
    unit_index: int, ctx: SentenceContext, expected: bool
) -> tuple[date, date | None] | None:
    """The day the last date words of the sentence before `unit_index` give ("arrived on
    Tuesday and met Xi the next day": Tuesday), as the event they dated took them ("will meet
    Y on Sunday, a day before X visits Manila": the Sunday to come), or None when the sentence
    names none."""
    for index in range(unit_index - 1, -1, -1):
        mention = ctx.units[index].mention
        if not is_date(ctx.units[index]) or is_dateline(ctx.units, index) or mention is None:
            continue
        if anaphoric(mention.anaphor):
            return None  # "the same day ... the next day": the one told before them both
        for cand in reversed(ctx.current):  # "will meet Y on Sunday, a day before X visits"
            if cand.attest.date_words == mention.date_words and cand.date is not None:
                return cand.date if cand.date[1] == cand.date[0] else None
        found = resolve_words(mention.date_words or "", ctx.anchor, expected)
        return (found.earliest, found.latest) if found is not None and found.is_day else None
    return None


def _here(match: Match, ctx: SentenceContext, rules: RuleSet) -> bool:
    """Whether a `here_word` stands in the match or right after it, in its clause."""
    words = frozenset(rules.classes.get("here_word", ()))
    for unit in ctx.units[match.start : match.end + 3]:
        if unit.lower in words:
            return True
        if unit.boundary and unit.begin >= ctx.units[match.end - 1].end:
            return False
    return False


def _without_press(
    roles: dict[str, list[URIRef]], press_free: Iterable[str], gaz: Gazetteer
) -> dict[str, list[URIRef]]:
    """The roles without the news agencies in those of kinds.yaml `no_press` ("Reuters
    travelled to Rafah", "An AFP journalist travelled to Kyiv": the press is no traveller)."""
    banned = set(map(str, press_free))
    kept = {
        r: [v for v in values if r not in banned or "agency" not in gaz.classes.get(v, ())]
        for r, values in roles.items()
    }
    return {r: v for r, v in kept.items() if v}


def build(
    match: Match,
    ctx: SentenceContext,
    rules: RuleSet,
    gaz: Gazetteer,
    dates: dict[int, int],
    previous: Candidate | None,
) -> list[Candidate]:
    """The candidates one match makes (one per member of a distributed group)."""
    rule = match.rule
    date_unit = dates.get(match.trigger)
    inner_unit = next((dates[i] for i in sorted(match.consumed) if i in dates), None)
    kind = str(rule.get("kind"))
    statement = bool(spec(rules.kinds, kind).get("statement"))
    for_state = frozenset({"target", *map(str, rule.get("title_for_state") or ())})
    roles = {
        role: dedup(
            [
                v
                for i in indices
                for v in role_values(
                    ctx.units[i], role, ctx, statement and role == "agent", for_state
                )
            ]
        )
        for role, indices in match.roles.items()
    }
    roles = {r: v for r, v in roles.items() if v}
    roles = _without_press(roles, spec(rules.kinds, kind).get("no_press") or (), gaz)
    made = new_materiel(match, ctx, rules) if not roles.get("theme") else None
    if made is not None:
        roles["theme"] = [made[0]]
    told = ctx.units[date_unit].mention if date_unit is not None else None
    # a day told from the one before ("the next day") says nothing of the tense
    words = told.date_words if told is not None and not anaphoric(told.anaphor) else None
    modality = _modality(match, ctx, words, rules)
    if modality is None or (rule.get("one_body") and modality != "Expected"):
        return []  # `one_body`: a body's session to come (one told as held names who met)
    partial = missing(kind, roles, rules.kinds)
    when, words = _dated(date_unit, ctx, modality == "Expected", match.trigger)
    if rule.get("content") and modality == "Happened" and _month_ahead(words, ctx.anchor):
        when = _dated(date_unit, ctx, True, match.trigger)[0]  # "invited X to it on May 9"
    _fill_defaults(roles, rule.get("defaults") or {}, [], ctx, gaz, previous, None)
    least = spec(rules.kinds, kind).get("min") or {}
    for role, sources in (rule.get("add") or {}).items():  # a source, or the first that gives
        if role in least and len(roles.get(role, [])) >= int(least[role]):
            continue  # "the two leaders held talks, X's press service said": enough parties
        for source in sources if isinstance(sources, list) else [sources]:
            if source in ("speaker", "own_speaker") and _relative_subject(match, ctx, rules):
                continue  # "from Anwar, who held talks with X": Anwar's, not the speaker's
            if source == "own_speaker":  # "..., a spokesman said": no party
                mouthpieces = _mouthpieces(ctx, rules)
                found = _default("speaker", role, roles, ctx, previous)
                found = [s for s in found if s not in mouthpieces]
            else:
                found = _default(str(source), role, roles, ctx, previous)
            if found:
                roles[role] = dedup(roles.get(role, []) + found)
                break
    if not roles.get("place") and ctx.dateline is not None and _here(match, ctx, rules):
        roles["place"] = [ctx.dateline]  # "arrived here", "met X here": the dateline's city
    content_only = [str(r) for r in rule.get("content_only") or []]
    unfilled = [str(r) for r in rule.get("no_defaults") or []]  # told as made elsewhere
    kind_defaults = spec(rules.kinds, kind).get("defaults") or {}
    named_places = tuple(roles.get("place", ()))  # before the kind's defaults fill it
    _fill_defaults(
        roles,
        kind_defaults,
        content_only + unfilled,
        ctx,
        gaz,
        previous,
        when,
        rules.word_class("tribute_noun"),
    )
    roles = {r: v for r, v in roles.items() if v}
    begin, end = match.span(ctx.units)
    attest = Attest(
        ctx.sentence,
        begin,
        end,
        rule.id,
        float(rule.get("confidence", 0.8)),
        modality,
        date_words=words,
    )
    base = Candidate(
        kind,
        roles,
        attest,
        when,
        _attrs(match, ctx),
        partial,
        from_visits=bool(rule.get("from_visits")),
        trigger=(ctx.sentence.number, match.trigger),
        aside=told is not None and NEXT_EVENT in told.classes,
        named_places=named_places,
        joined=joined_phrase(ctx.units, match.trigger, rules),
    )
    base.attrs.pop("materiel", None)
    if rule.get("with_home"):  # the pipeline adds the countries the fillers serve
        base.attrs["with_home"] = [str(rule.get("with_home"))]
    if rule.get("sort"):  # a wreath laid is no banquet given the same day (events.compatible)
        base.attrs["sort"] = [str(rule.get("sort"))]
    if rule.get("as_home"):  # the pipeline puts the countries the fillers serve in their place
        base.attrs["as_home"] = [str(rule.get("as_home"))]
    if rule.get("one_body"):  # "the Council will meet in Accra": the body alone, if no party
        base.attrs["one_body"] = [str(rule.get("one_body"))]  # of it joins it
    if rule.get("apart") and "place" in match.roles:  # its events join only this rule's:
        base.attrs["apart"] = [str(rule.get("id"))]  # a wreath laid at a memorial, no welcome
    if rule.get("home_of"):  # the pipeline fills an empty role with the countries they serve
        base.attrs["home_of"] = [f"{r}:{src}" for r, src in rule.get("home_of").items()]
    if made is not None:  # the pipeline makes it a new entity, the graph stage writes it
        base.attrs["materiel"] = [made[1]]
    for role in match.distribute:
        spread = [i for i in match.roles[role] if i in match.spread]  # "with A, and with B"
        units = spread if len(spread) > 1 else match.roles[role][-1:]
        split = dedup([v for i in units for v in role_values(ctx.units[i], role, ctx)])
        if len(split) == 1 and separate(ctx.units, match.trigger, rules):
            # "Li Qiang and Zhao Leji met with Lula separately": one event each of the others
            others = [i for i in match.roles[role] if i not in units]
            split = dedup([v for i in others for v in role_values(ctx.units[i], role, ctx)])
        kept = [v for v in roles.get(role, []) if v not in split]
        if len(split) > 1 and not word_in_clause(ctx.units, match.trigger, "together_word", rules):
            made = [_copy(base, {**roles, role: [*kept, v]}) for v in split]
            if not separate(ctx.units, match.trigger, rules):
                for cand in made:  # `join_one_side` may join them again (one state's people)
                    cand.attrs["split_from"] = [role]
            return made
    for role in _spread_roles(kind, roles, rules):
        if len(roles.get(role, [])) > 1:  # one event per member (of each role, in turn)
            return [
                c for v in roles[role] for c in _split(_copy(base, {**roles, role: [v]}), rules)
            ]
    role = spec(rules.kinds, kind).get("per_country")
    values = roles.get(str(role), []) if role else []
    states = [v if "country" in gaz.classes.get(v, ()) else gaz.country_of(v) for v in values]
    if len(values) > 1 and None not in states and len(set(states)) == len(states):
        # "visited Egypt and Jordan", "visited Bamako and Ouagadougou": one visit each
        others = {r: v for r, v in roles.items() if r not in (role, "host")}  # each its host
        hosts = [h for h in roles.get("host", []) if h not in values and h not in states]
        return [
            _copy(base, {**others, str(role): [v], **({"host": hosts} if hosts else {})})
            for v in values
        ]
    _answering(base.roles, spec(rules.kinds, kind).get("answers"), ctx)
    content = rule.get("content")
    if isinstance(content, dict) and "kind" in content:
        made = build_content(content, roles, attest, rule.id, rules)
        if made is not None and inner_unit is not None:  # "to visit X next year": the visit's
            dated = _innermost(made)
            ahead = _dated(inner_unit, ctx, True)
            gone = ahead[0] is not None and (ahead[0][1] or ahead[0][0]) <= ctx.anchor
            if dated.attest.modality != "Expected" or not gone:
                dated.date, dated.attest.date_words = ahead
            elif base.date is None:  # a day gone by is no day of a visit to come: the invitation's
                base.date, words = _dated(inner_unit, ctx, False)
                base.attest = replace(base.attest, date_words=words)
        if made is not None and inner_unit is None and base.happened and _after(base.date, ctx):
            _give_content_date(base, made)  # "invited X to Abuja for the session in 2026"
        if made is not None:
            base.content.append(made)
    if rule.get("content") and base.happened and _after(base.date, ctx):
        base.date = None  # "invited X to the parade on May 9": the parade's day, none of its own
        base.attest = replace(base.attest, date_words=None)
    for role in content_only:  # the content's own; the event's from context ("invited X here")
        base.roles.pop(role, None)
    kept = [r for r in kind_defaults if r not in content_only]
    _fill_defaults(
        base.roles,
        kind_defaults,
        kept + unfilled,
        ctx,
        gaz,
        previous,
        when,
        rules.word_class("tribute_noun"),
    )
    base.roles = {r: v for r, v in base.roles.items() if v}
    return [base]


def _after(when: tuple[date, date | None] | None, ctx: SentenceContext) -> bool:
    """Whether a date lies wholly after the article's date ("in 2026", "in October" of a plan)."""
    return when is not None and when[0] > ctx.anchor


def _innermost(cand: Candidate) -> Candidate:
    """The event a content chain ends in ("accepted an invitation to visit": the visit)."""
    while cand.content:
        cand = cand.content[-1]
    return cand


def _month_ahead(words: str | None, anchor: date) -> bool:
    """Whether date words naming a month without its year are nearer read ahead of the article
    than before it ("on May 9", told in January): of what an act is about, to come, not the
    act's (an invitation told in January was not sent last May)."""
    if not words or re.search(r"\b\d{4}\b", words) or not date_words().month_start.search(words):
        return False
    return lies_ahead(words, anchor)


def _give_content_date(base: Candidate, made: Candidate) -> None:
    """A time still to come that the words gave an event that happened is its content's ("invited
    X to Abuja for the session in 2026": the visit is of 2026, the invitation of the story's
    day), when the content has none of its own."""
    dated = _innermost(made)
    if dated.date is None:
        dated.date, dated.attest.date_words = base.date, base.attest.date_words
        base.date = None
        base.attest = replace(base.attest, date_words=None)


def _answering(roles: dict[str, list[URIRef]], answers: Any, ctx: SentenceContext) -> None:
    """The roles of an event that answers the last event of a kind (kinds.yaml `answers`: an
    acceptance answers an invitation): where its first role names a party of that event in
    another of the mapped roles, all mapped roles are that event's ("X invited Y to visit, and
    he accepted the invitation": "he", read as the sentence's subject X, is Y)."""
    if not isinstance(answers, dict):
        return
    mapping = {str(mine): str(theirs) for mine, theirs in answers["roles"].items()}
    first = next(iter(mapping))
    mine = set(roles.get(first, ()))
    for cand in reversed(ctx.earlier + ctx.current):
        if cand.kind != answers["kind"] or not all(cand.roles.get(r) for r in mapping.values()):
            continue
        if mine and not mine & set(cand.roles[mapping[first]]):
            others = {v for r in mapping.values() if r != mapping[first] for v in cand.roles[r]}
            if mine <= others:
                roles.update({r: list(cand.roles[theirs]) for r, theirs in mapping.items()})
        return


def _fill_defaults(
    roles: dict[str, list[URIRef]],
    defaults: dict[str, Any],
    skip: list[str],
    ctx: SentenceContext,
    gaz: Gazetteer,
    previous: Candidate | None,
    when: tuple[date, date | None] | None,
    moved: frozenset[str] = frozenset(),
) -> None:
    """Fill the empty roles a kind's `defaults` name (but those in `skip`) from context
    (`moved`: the words after which a `beside:` source gives only a town)."""
    for role, source in sorted(defaults.items(), key=lambda item: "context_place" not in item[1]):
        unless = source.get("unless") if isinstance(source, dict) else None
        source = source.get("from") if isinstance(source, dict) else source
        if role in skip or roles.get(role) or (unless and roles.get(unless)):
            continue
        for one in source if isinstance(source, list) else [source]:  # the first that gives
            if one == "country_of_place":
                countries = [gaz.country_of(p) for p in roles.get("place", [])]
                roles[role] = [c for c in countries if c is not None][:1]
            elif str(one).startswith("beside:"):
                roles[role] = _beside(str(one), roles, ctx, gaz, moved)
            else:
                roles[role] = _default(str(one), role, roles, ctx, previous, when)
            if roles[role]:
                break


def _split(cand: Candidate, rules: RuleSet) -> list[Candidate]:
    """A candidate made one per member of each `distribute` role still filled by several."""
    for role in _spread_roles(cand.kind, cand.roles, rules):
        if len(cand.roles.get(role, [])) > 1:
            made = [_copy(cand, {**cand.roles, role: [v]}) for v in cand.roles[role]]
            return [c for m in made for c in _split(m, rules)]
    return [cand]


def _spread_roles(kind: str, roles: dict[str, list[URIRef]], rules: RuleSet) -> list[str]:
    """The roles whose fillers make one event each: the kind's `distribute` roles, and its
    `groups_apart` roles when a delegation fills them (people named together go together)."""
    entry = spec(rules.kinds, kind)
    apart = [
        role
        for role in as_list(entry.get("groups_apart") or [])
        if any(str(v).startswith(PLACEHOLDER) for v in roles.get(role, []))
    ]
    return [*as_list(entry.get("distribute") or []), *apart]


def _copy(base: Candidate, roles: dict[str, list[URIRef]]) -> Candidate:
    """A copy of a candidate with other roles and fresh link lists."""
    return replace(base, roles=roles, content=[], parent=[], date_from=[], attrs=dict(base.attrs))


def _to_come(unit_index: int, ctx: SentenceContext) -> bool:
    """Whether a date unit names a time after the article's date ("in 2026", "on May 9, 2025",
    "next week")."""
    mention = ctx.units[unit_index].mention
    if mention is None or mention.date_words is None or anaphoric(mention.anaphor):
        return False
    return lies_ahead(mention.date_words, ctx.anchor)


def _share_dates(
    made: list[tuple[Match, Candidate]],
    ahead: set[int],
    anchor: date,
    joined: Callable[[int, int], bool] = lambda trigger, other: False,
) -> None:
    """An undated event takes the date of a dated one in its sentence with a shared party; not
    an invitation or another event about one to come, made, the date of one still to come
    ("invited X to attend a summit in Kazan in October": the invitation is not of October);
    nor one before a clause that a date `joined` to the sentence opens ("met Putin in Kazan,
    and on Wednesday he held talks with Modi": the meeting is not of Wednesday)."""
    for match, cand in made:
        if cand.date is not None or match.trigger in ahead:
            continue
        mine = {v for r, vs in cand.roles.items() if r not in ("place", "theme") for v in vs}
        for other_match, other in made:
            theirs = {v for r, vs in other.roles.items() if r not in ("place", "theme") for v in vs}
            if joined(match.trigger, other_match.trigger):
                continue
            if other.date is not None and other.date[1] is not None and mine & theirs:
                if cand.happened and cand.content and other.date[0] > anchor:
                    continue
                cand.date = other.date
                break


def _said_dates(made: list[tuple[Match, Candidate]], rules: RuleSet) -> None:
    """An undated decision (kinds.yaml `announced_date`) that happened or is announced,
    reported in a sentence whose speech act its own words dated, is of that day ("Misri told a
    briefing on Wednesday that India was expelling Pakistan's military advisers", "said on
    Friday that India would expel two diplomats": that day); not one told in the pluperfect
    ("said last month that ... Raisi had welcomed the invitation": before it)."""
    said = [
        c
        for _, c in made
        if spec(rules.kinds, c.kind).get("statement") and c.date and c.attest.date_words
    ]
    if not said:
        return
    for _, cand in made:
        announced = spec(rules.kinds, cand.kind).get("announced_date")
        told = cand.attest.modality in ("Happened", "Expected") and not cand.owned
        # "said ... it would expel": that day's
        if cand.date is None and told and announced and not cand.flashback:
            cand.date = said[0].date


def _contents_to_come(made: list[tuple[Match, Candidate]], ctx: SentenceContext) -> None:
    """An undated event still to come that another is about takes the time still to come of an
    event of its sentence with a shared party or place ("invited X to attend a summit of the
    BRICS in Kazan in October": X's visit to Kazan is of October, as the summit; "to attend the
    parade in Moscow on May 9": of May 9)."""
    for _, cand in made:
        if not cand.content:
            continue
        inner = _innermost(cand)
        if inner.date is not None or inner.attest.modality != "Expected":
            continue
        mine = _parties(inner) | set(inner.roles.get("place", ()))
        for _, other in made:
            theirs = _parties(other) | set(other.roles.get("place", ()))
            if other is not cand and _after(other.date, ctx) and mine & theirs:
                inner.date = other.date
                break


def _main_clause_dates(made: list[tuple[Match, Candidate]], ctx: SentenceContext) -> None:
    """In a clause read apart from its sentence, an undated event takes the date of a dated
    event of its main clause with a shared party ("X arrived in Tashkent on Friday, ..., Y,
    who met him at the airport": Friday; "Li, who is on an official visit to Malaysia", told
    in a sentence the story's day dated): the one rule that dates a relative clause's events
    from its main clause."""
    mine = {id(c) for _, c in made}
    main = [c for c in ctx.current if id(c) not in mine and c.attest.sentence == ctx.sentence]
    for _, cand in made:
        if cand.date is not None:
            continue
        for other in main:
            dated = other.date is not None and other.date[1] is not None
            if dated and _parties(cand) & _parties(other):
                cand.date = other.date
                break


def days_of_clauses(found: list[Candidate], main: int, rules: RuleSet) -> None:
    """A main-clause event the story's day dated, or none, of a kind with `day_of` takes the
    day its sentence's relative clause gives an event of those kinds of the same traveller
    ("X, who arrived at the airport on Monday evening, was received by Y": Monday); that day,
    a clause's, leaves the story's day as it was."""
    for cand in found[:main]:
        kinds = spec(rules.kinds, cand.kind).get("day_of") or ()
        if not kinds or (cand.date is not None and not cand.storied):
            continue
        mine = set(cand.roles.get("traveller", ()))
        for other in found[main:]:
            theirs = set(other.roles.get("traveller", ()))
            dated = other.date is not None and not other.storied and other.attest.date_words
            if other.kind in kinds and dated and mine & theirs:
                # no words of its own, and no story's day: the clause's day leaves it as it was
                cand.date, cand.storied, cand.aside = other.date, True, True
                break


NARRATIVE_DAYS = 7  # how far before the article's date the story's last day may lie


def _narrative_dates(
    made: list[tuple[Match, Candidate]], ctx: SentenceContext, rules: RuleSet, gaz: Gazetteer
) -> None:
    """In a sentence with no date words, a one-day event (kinds.yaml `narrative_date`) reported
    as having happened took place on the story's last day, when that day is recent: wire copy
    tells one day's events in order and dates only the first ("He was welcomed at the
    airport"), or on the article's own day while an event of several days it falls in goes
    on; not when it can be an event of its kind the article dated on another day ("Putin
    accepted the invitation with pleasure", told again)."""
    last, lede = (ctx.last_date, False) if ctx.last_date or not ctx.today else (ctx.today, True)
    if last is not None and last[0] != last[1] and last[0] <= ctx.anchor <= (last[1] or last[0]):
        last = (ctx.anchor, ctx.anchor)  # a visit going on as the article appears: its day
    if last is None or last[0] != last[1]:
        return
    if not 0 <= (ctx.anchor - last[0]).days <= NARRATIVE_DAYS:
        return
    merging = Context(rules.kinds, gaz, {})
    background = rules.word_class("background_word")
    if any(u.lower in background for u in ctx.units):
        return  # "Modi has previously met Xi at several summits": no day of the story
    speech = rules.word_class("inverted_speech_verb")  # "said it would expel": announced
    said = any(u.lemma in speech for u in ctx.units)
    for match, cand in made:
        punctual = _punctual(match, cand, rules)
        if lede and spec(rules.kinds, cand.kind).get("lede_date") is False:
            continue  # named across articles by what it is, dated by its own words only
        announced = said and _announced(cand, rules)  # a speaker's claim: its announcement
        own = cand.happened and not cand.attest.claimed_by
        if cand.date is None and (own or announced) and punctual:
            told = (
                e
                for e in ctx.earlier
                if e.kind == cand.kind and e.happened and e.date and not overlaps(e.date, last)
            )
            if not any(compatible(merging, new_event(e), cand) for e in told):
                cand.date, cand.storied = last, True


def _announced(cand: Candidate, rules: RuleSet) -> bool:
    """Whether a candidate is a decision still to come (kinds.yaml `announced_date`) that its
    sentence's speaker announces ("Phnom Penh said it would withdraw all its diplomats"): of
    the day it was announced."""
    entry = spec(rules.kinds, cand.kind)
    return (
        bool(entry.get("announced_date"))
        and cand.attest.modality == "Expected"
        and not (cand.owned or cand.flashback)
    )


def fronted_place(units: list[Unit], rules: RuleSet) -> URIRef | None:
    """The place of a phrase a sentence opens with, before its first comma: after a
    `fronted_place_word` ("In Samarkand, ...", "In N'Djamena on Thursday, ...", "On the
    sidelines of the summit in New York on Wednesday, ..."), the last such place in a phrase a
    `fronting_word` opens: where the main clause's events took place."""
    words = frozenset(rules.classes.get("fronted_place_word", ()))
    openers = words | rules.word_class("fronting_word")
    if len(units) < 4 or units[0].lower not in openers:
        return None
    comma = next((i for i, u in enumerate(units) if u.text in (",", ";")), None)
    if comma is None:
        return None
    places = [
        i
        for i in range(1, comma)
        if units[i].mention is not None
        and "place" in units[i].mention.classes
        and units[i - 1].lower in words
        and not is_date(units[i])
    ]
    if not places:
        return None
    mention = units[places[-1]].mention
    found = list(mention.refs or mention.agents)
    return found[0] if len(found) == 1 else None


def _planned_dates(
    made: list[tuple[Match, Candidate]], ctx: SentenceContext, rules: RuleSet
) -> None:
    """In a sentence with no date words, a one-day event still to come (kinds.yaml
    `narrative_date`) takes the day of the planned event the sentence before dated: an
    itinerary tells each day once ("On August 26, Lula will be received ... He will also lay a
    wreath")."""
    for match, cand in made:
        punctual = _punctual(match, cand, rules)
        expected = cand.attest.modality == "Expected" and not cand.owned
        if cand.date is None and expected and punctual and ctx.plan is not None:
            cand.date = ctx.plan


def _punctual(match: Match, cand: Candidate, rules: RuleSet) -> bool:
    """Whether a candidate takes a day from the story (its kind's `narrative_date`, or
    `site_narrative_date` when each of its places is a site, no town or state: "Modi also
    visited a labour camp in Mina Abdullah"; unless its rule says `narrative_date: false`)."""
    entry = spec(rules.kinds, cand.kind)
    places = cand.roles.get("place", [])
    sites = bool(places) and all(local_name(p).startswith("place/") for p in places)
    kind_says = bool(entry.get("narrative_date") or (sites and entry.get("site_narrative_date")))
    return kind_says and match.rule.get("narrative_date") is not False


def _lone_speech(
    made: list[tuple[Match, Candidate]], rules: RuleSet
) -> list[tuple[Match, Candidate]]:
    """Drop a speech act of a rule marked `alone` where another speech act of the sentence was
    found ("Wang said ... and warned ...": the speaker of "said" is the one who warned)."""
    speech = [m for m, c in made if spec(rules.kinds, c.kind).get("statement")]
    return [
        (m, c)
        for m, c in made
        if not (m.rule.get("alone") and any(other is not m for other in speech))
    ]


def _trailing_places(
    made: list[tuple[Match, Candidate]], ctx: SentenceContext, rules: RuleSet
) -> None:
    """An event whose match names no place took place at one named right after the match ("in
    Accra", "at the Great Hall of the People"), when its kind has places and the event is not
    a content of another: what the rule's own words did not reach."""
    words = rules.word_class("trailing_place_word")
    units = ctx.units
    for match, cand in made:
        entry = spec(rules.kinds, cand.kind)
        if "place" in match.roles or cand.owned or "place" not in (entry.get("defaults") or {}):
            continue
        end = match_end(match)
        at = place_phrase(units, end, words)
        if at is None:  # "met on the sidelines of the SCO summit in Tianjin": past the occasion
            at = place_phrase(units, _past_occasion(units, end, rules), words)
        place = units[at].mention if at is not None else None
        if place is not None and len(place.refs) == 1:
            cand.roles["place"] = [place.refs[0]]


def _past_occasion(units: list[Unit], index: int, rules: RuleSet) -> int:
    """Where a place phrase stands after an occasion phrase opening at `index` ("on the
    sidelines of the SCO summit in Tianjin": at "in"; lexicon `occasion_opener`,
    `occasion_noun`), within its clause; else `index`."""
    if index >= len(units) or units[index].lower not in rules.word_class("occasion_opener"):
        return index
    nouns, words = rules.word_class("occasion_noun"), rules.word_class("trailing_place_word")
    seen = False
    for at in range(index + 1, min(index + 9, len(units))):
        if units[at].boundary or units[at].text in (",", ";"):
            return index
        if seen and place_phrase(units, at, words) is not None:
            return at
        seen = seen or units[at].lemma in nouns or units[at].lower in nouns
    return index


def _purpose_places(
    purposed: list[tuple[Match, Candidate, Candidate]], ctx: SentenceContext, rules: RuleSet
) -> None:
    """A purpose frame's event ("before the three leaders sat down for talks") that names no
    place after its words took place where the event before it did ("held separate meetings
    with A and B at the Presidential Complex"), once that one has its trailing place."""
    words = rules.word_class("trailing_place_word")
    for match, cand, previous in purposed:
        named = place_phrase(ctx.units, match_end(match), words) is not None
        if not named and previous.roles.get("place"):
            cand.roles["place"] = list(previous.roles["place"])


def _where_places(
    made: list[tuple[Match, Candidate]], ctx: SentenceContext, rules: RuleSet
) -> None:
    """An event told after ", where" that names no place of its own took place at the place
    right before the comma ("arrived in Washington from Paris, where he met Macron": Paris), or
    before a day told after that place, and on that day when its own words give none ("was at
    the White House on Tuesday, where he met Trump": Tuesday; "will travel to St Petersburg on
    Thursday, where he will meet X")."""
    units, words = ctx.units, rules.word_class("place_relative")
    for match, cand in made:
        if "place" in match.roles:
            continue
        for at in range(match.trigger - 1, 1, -1):
            if units[at].lower in words and units[at - 1].text == ",":
                day = at - 2 if is_date(units[at - 2]) else None
                place = _place_before(units, at - 2 if day is None else at - 3)
                if place is not None:
                    cand.roles["place"] = [place]
                if place is not None and day is not None and cand.date is None:
                    expected = cand.attest.modality == "Expected"
                    cand.date, told = _dated(day, ctx, expected, match.trigger)
                    cand.attest = replace(cand.attest, date_words=told)
                break
            if units[at].boundary or units[at].text in (",", ";"):
                break  # the clause the trigger is in opens after the relative word, if any


def _place_before(units: list[Unit], at: int) -> URIRef | None:
    """The place a unit names, or the city before it when it is that city's country
    ("Johannesburg, South Africa"): the most specific."""
    mention = units[at].mention
    if mention is None or "place" not in mention.classes or len(mention.refs) != 1:
        return None
    city = units[at - 2].mention if at >= 2 and units[at - 1].text == "," else None
    if city is not None and "city" in city.classes and len(city.refs) == 1:
        return city.refs[0]
    return mention.refs[0]


def _places_from(made: list[tuple[Match, Candidate]], rules: RuleSet) -> None:
    """An event of a kind with `place_from: [KIND]` that names no place took place where an
    event of those kinds in its sentence received the same traveller ("arrived late on Saturday
    and was met at Tocumen International Airport by X": the arrival was there)."""
    for _, cand in made:
        kinds = spec(rules.kinds, cand.kind).get("place_from") or []
        travellers = set(cand.roles.get("traveller", []))
        if not kinds or cand.roles.get("place") or not travellers:
            continue
        for _, other in made:
            shared = travellers & set(other.roles.get("traveller", []))
            if other.kind in kinds and other.roles.get("place") and shared:
                cand.roles["place"] = list(other.roles["place"])
                cand.partial = missing(cand.kind, cand.roles, rules.kinds)
                break


def places_with(found: list[Candidate], rules: RuleSet, gaz: Gazetteer) -> None:
    """An event of a kind with `place_with: [KIND]` whose words name no place took place where
    an event of those kinds told before it in its sentence (any clause), on a day that may be
    its own, took one of its parties by its words ("X, visiting Beijing, met Y": in Beijing, not
    at the dateline's Tokyo; not "met Y before leaving for Shanghai"), unless the place it has
    lies in that one (the dateline's Beijing, "who is on a visit to China")."""
    for cand in found:
        kinds = spec(rules.kinds, cand.kind).get("place_with") or []
        people = set(cand.roles.get("participant", []))
        if not kinds or cand.named_places or not people:
            continue
        for other in found:
            shared = people & set(other.roles.get("traveller", []))
            if other.kind not in kinds or not other.named_places or not shared:
                continue
            if not overlaps(cand.date, other.date) or other.attest.end >= cand.attest.end:
                continue  # "met Y before leaving for Shanghai": not in Shanghai
            place = cand.roles.get("place", [None])[0]
            if place is None or gaz.country_of(place) not in other.named_places:
                cand.roles["place"] = list(other.named_places)
            break


def entailed(
    found: list[Candidate], units: list[Unit], ctx: SentenceContext, rules: RuleSet, gaz: Gazetteer
) -> list[Candidate]:
    """The events that a sentence's events of a kind with `entails` (kinds.yaml) make when the
    sentence holds a word of its `words` class, with their roles mapped (the place: the one the
    sentence names with such a word, "Sunan International Airport", if any), unless the sentence
    or the story tells one of that kind of the same first mapped role on a day that may be the
    same, or of another at its place that day ("He was welcomed at the airport by X": he
    arrived there)."""
    words = {w for u in units for w in u.lower.split()}
    made: list[Candidate] = []
    for cand in found:
        entry = spec(rules.kinds, cand.kind).get("entails")
        marks = rules.word_class(entry["words"]) if entry else frozenset()
        if not entry or not cand.happened or not words & marks:
            continue
        kind, mapping = str(entry["kind"]), entry["roles"]
        roles = {r: list(cand.roles[src]) for r, src in mapping.items() if cand.roles.get(src)}
        first = str(next(iter(mapping)))
        defaults = spec(rules.kinds, kind).get("defaults") or {}
        _fill_defaults(roles, defaults, [], ctx, gaz, None, None)
        places = set(roles.get("place", ()))
        site = _site_named(units, marks)
        if site is not None and "place" in mapping:
            roles["place"] = [site]
        here = {id(c) for c in found}
        told = [c for c in [*made, *found, *ctx.earlier] if c.kind == kind]
        if not roles.get(first) or any(
            _told(c, first, roles, places | {site}, cand, id(c) in here) for c in told
        ):
            continue
        rule, confidence = cand.attest.rule + ENTAILED, round(cand.attest.confidence * 0.9, 2)
        attest = replace(cand.attest, rule=rule, confidence=confidence)
        partial = missing(kind, roles, rules.kinds)
        made.append(replace(_copy(cand, roles), kind=kind, attest=attest, partial=partial))
    return made


def recast(found: list[Candidate], units: list[Unit], rules: RuleSet) -> None:
    """Make an event of a kind with `recast` (kinds.yaml), told in a sentence holding a word of
    its `words` class and none of its `unless` class, an event of its `kind`, its roles mapped
    (the others dropped): "X was welcomed at the airport by Y with a guard of honour" is Y's
    reception of X, no welcome ceremony."""
    words = {w for u in units for w in u.lower.split()}
    for cand in found:
        entry = spec(rules.kinds, cand.kind).get("recast")
        if not entry or not words & rules.word_class(entry["words"]):
            continue
        if entry.get("unless") and words & rules.word_class(entry["unless"]):
            continue
        mapping = {**entry["roles"], "place": "place"}
        cand.roles = {mapping[r]: v for r, v in cand.roles.items() if r in mapping}
        cand.kind = str(entry["kind"])


def _site_named(units: list[Unit], marks: frozenset[str]) -> URIRef | None:
    """The one place a sentence names with a word of `marks` in its name, if any."""
    sites = {
        ref
        for u in units
        if u.mention is not None and "place" in u.mention.classes and marks & set(u.lower.split())
        for ref in u.mention.refs
    }
    return next(iter(sites)) if len(sites) == 1 else None


def _told(
    earlier: Candidate,
    first: str,
    roles: dict[str, list[URIRef]],
    places: set[URIRef | None],
    cand: Candidate,
    here: bool,
) -> bool:
    """Whether an event told before is the one a candidate entails: of a party it names (in the
    sentence, or on a day that may be the same), or another's at its places that day ("Modi
    arrived here on Saturday. He was received at the airport by X")."""
    day = not earlier.date or not cand.date or overlaps(earlier.date, cand.date)
    if set(earlier.roles.get(first, ())) & set(roles[first]):
        return here or day
    dated = earlier.date is not None and cand.date is not None and earlier.roles.get(first)
    return bool(dated and day and places & set(earlier.roles.get("place", ())))


def _yielding(made: list[tuple[Match, Candidate]], rules: RuleSet) -> list[tuple[Match, Candidate]]:
    """Drop an event of a kind with `yields_to` (kinds.yaml) whose required roles its clause
    names where the clause tells an event of that kind whose parties hold its own ("Xi welcomed
    Lula with an official ceremony": the welcome is the ceremony, no hosting beside it; "X was
    welcomed with a ceremony", the host taken from the story, stays)."""
    kept = []
    for match, cand in made:
        kind = spec(rules.kinds, cand.kind).get("yields_to")
        named = all(r in match.roles for r in spec(rules.kinds, cand.kind).get("required", ()))
        if not (
            kind
            and named
            and any(other.kind == kind and _parties(cand) <= _parties(other) for _, other in made)
        ):
            kept.append((match, cand))
    return kept


def _parties(cand: Candidate) -> set[URIRef]:
    """The entities of a candidate's roles but its place and theme."""
    return {v for r, vs in cand.roles.items() if r not in ("place", "theme") for v in vs}


def flashback(units: list[Unit], rules: RuleSet) -> bool:
    """Whether a sentence tells its events in the pluperfect: a `flashback_word` ("had") then a
    past participle (in -ed, or a `flashback_participle`: "met", "held"), with at most one
    `flashback_adverb` between ("had earlier received", "had arrived", not "had talks"); or
    with a `flashback_verb`, which tells an event before the one it names ("The session was
    preceded by a ministerial meeting on Monday")."""
    verbs = rules.word_class("flashback_verb")
    if any(u.lower in verbs for u in units):
        return True
    words = rules.word_class("flashback_word")
    adverbs = rules.word_class("flashback_adverb")
    participles = rules.word_class("flashback_participle")
    for index, unit in enumerate(units[:-1]):
        if unit.lower not in words:
            continue
        after = index + 2 if units[index + 1].lower in adverbs else index + 1
        word = units[after].lower if after < len(units) else ""
        if units[after].mention is None and (word.endswith("ed") or word in participles):
            return True
    return False


def _attach(ctx: SentenceContext, triggers: set[int], rules: RuleSet) -> dict[int, int]:
    """Trigger index -> the date unit that dates it (dates.attach with the rules' words)."""
    return attach(
        ctx.units,
        sorted(triggers),
        rules.word_class("fronting_word"),
        rules.word_class("date_clause_word"),
        rules.word_class("date_sequel_word"),
        rules.word_class("since_word"),
        rules.word_class("date_join_word"),
        rules.word_class("inverted_speech_verb"),
        rules.word_class("date_during_word"),
        rules.word_class("date_count_word"),
        rules.word_class("date_gathering_noun"),
        rules.word_class("date_adverbial_follower"),
        rules.word_class("date_ahead_word"),
    )


def _content_verbs(matches: list[Match], units: list[Unit], rules: RuleSet) -> set[int]:
    """The verbs of what an event with a content is about, "to" and a `content_verb` right
    after its match ("invited X to attend the Victory Day parade on May 9"): a date after
    one dates what it tells, not the invitation (it takes a day the same way a trigger does)."""
    verbs = rules.word_class("content_verb")
    return {
        m.end + 1
        for m in matches
        if m.rule.get("content")
        and m.end + 1 < len(units)
        and units[m.end].lower == "to"
        and units[m.end + 1].mention is None
        and units[m.end + 1].lemma in verbs
    }


def _lost_dates(
    made: list[tuple[Match, Candidate]],
    matches: list[Match],
    triggers: set[int],
    dates: dict[int, int],
    ctx: SentenceContext,
    rules: RuleSet,
) -> None:
    """A date unit given to a trigger whose match made no event, or only one that misses a
    role (`partial`), goes also to the trigger it dates without it ("Albanese met Xi after the
    APEC leaders' meeting in Lima on Saturday": the meeting of the leaders, missing its
    parties, is no event of its own; the one with Xi is of Saturday)."""
    alive = {m.trigger for m, c in made if not c.partial}
    dead = {m.trigger for m in matches} - alive
    lost = {unit for trigger, unit in dates.items() if trigger in dead}
    if not lost:
        return
    again = _attach(ctx, triggers - dead, rules)
    for match, cand in made:
        unit = again.get(match.trigger)
        if cand.date is None and unit in lost:
            words = ctx.units[unit].mention.date_words if ctx.units[unit].mention else None
            if match.rule.get("content") and cand.happened and _month_ahead(words, ctx.anchor):
                continue  # "invited X for talks on February 10", told in January: the talks'
            expected = cand.attest.modality == "Expected"
            cand.date, words = _dated(unit, ctx, expected, match.trigger)
            cand.attest = replace(cand.attest, date_words=words)


def sentence_candidates(ctx: SentenceContext, rules: RuleSet, gaz: Gazetteer) -> list[Candidate]:
    """Every candidate event of one sentence, attributed, with contents and links resolved."""
    matches = find("events", ctx.units, rules, ctx.doc)
    matches = frame_matches(ctx.units, rules, matches)
    triggers = {m.trigger for m in matches if m.rule.get("dated", True)} - contents_ahead(
        matches, rules
    )
    triggers |= {
        i
        for m in matches
        if m.rule.get("content")
        for i in m.consumed
        if ctx.units[i].mention is None
    }
    told = _content_verbs(matches, ctx.units, rules)  # "to attend the parade on May 9"
    triggers |= told
    dates = _attach(ctx, triggers, rules)
    ctx.place = fronted_place(ctx.units, rules) or ctx.place
    made: list[tuple[Match, Candidate]] = []
    previous: Candidate | None = None
    purposed: list[tuple[Match, Candidate, Candidate]] = []
    for match in matches:
        for cand in build(match, ctx, rules, gaz, dates, previous):
            made.append((match, cand))
            ctx.current.append(cand)
            purpose = match.purpose or match.rule.get("modality") == "previous"
            if purpose and previous is not None and "place" not in match.roles:
                cand.roles["place"] = previous.roles.get("place") or cand.roles.get("place", [])
            if match.rule.get("purpose") and previous is not None:
                purposed.append((match, cand, previous))
            if not match.purpose:  # "flew to A to meet B and will visit C": the flyer visits
                previous = cand
            if (
                spec(rules.kinds, cand.kind).get("sets_place")
                and cand.roles.get("place")
                and cand.happened
            ):
                ctx.place = cand.roles["place"][0]
    _lost_dates(made, matches, triggers, dates, ctx, rules)
    if flashback(ctx.units, rules):  # "Lamola had earlier received Tinubu on Monday"
        for _, cand in made:
            cand.flashback = True
    _places_from(made, rules)
    _where_places(made, ctx, rules)
    _trailing_places(made, ctx, rules)
    _purpose_places(purposed, ctx, rules)
    made = _yielding(made, rules)
    made = _lone_speech(made, rules)
    joins, onwards = rules.word_class("date_join_word"), rules.word_class("date_onward_word")
    legs = {m.trigger for m, c in made if c.kind.lower() in rules.word_class("date_onward_kind")}
    # "said on Tuesday he would visit Russia": the day of the speech is not the plan's
    speech = {m.trigger for m, c in made if spec(rules.kinds, c.kind).get("statement")}
    plans = {m.trigger for m, c in made if c.attest.modality == "Expected"} - speech
    plan_onwards = rules.word_class("date_plan_onward_word")  # "and will then visit X"
    _share_dates(
        made,
        contents_ahead(matches, rules),
        ctx.anchor,
        lambda trigger, other: (
            joined_between(ctx.units, trigger, dates.get(other), joins)
            or (trigger in legs and onward(ctx.units, trigger, other, onwards))
            or (trigger in legs & plans and onward(ctx.units, trigger, other, plan_onwards))
            or (trigger in plans and other in speech)
        ),
    )
    _contents_to_come(made, ctx)
    _said_dates(made, rules)
    _main_clause_dates(made, ctx)
    inner = {i for m in matches if m.rule.get("content") for i in m.consumed} | told
    content_dates = {d for t, d in dates.items() if t in inner}  # "to visit X next year"
    # "invited X to attend a summit ... in October": in a sentence of an event about one to
    # come, the time of an event to come is none of its own ("is expected to meet X in April,
    # after talks": the talks are no story's)
    about = any(c.content and c.happened for _, c in made)
    planned = {m.trigger for m, c in made if about and _after(c.date, ctx)}
    ahead = {i for t, i in dates.items() if _to_come(i, ctx) or t in planned}
    # "met Duda ahead of the NATO summit in June": the summit's time, no event's; "ordered
    # them to leave India by Oct. 19": a time to come that dates no event
    held = rules.word_class("date_ahead_word")
    ahead |= {i for i in range(len(ctx.units)) if held_ahead(ctx.units, sorted(triggers), i, held)}
    ahead |= {i for i, u in enumerate(ctx.units) if is_date(u) and _to_come(i, ctx)} - set(
        dates.values()
    )
    idle = _idle_dates(  # "the pact the juntas formed last September"
        ctx.units,
        set(dates.values()),
        ctx.anchor,
        rules.word_class("since_word"),
        rules.word_class("date_tail_word"),
    )
    own = (  # the days of events still to come ("the parade on May 9") date no past one
        u
        for i, u in enumerate(ctx.units)
        if i not in content_dates | ahead | idle and not is_dateline(ctx.units, i)
    )
    if not any(is_date(u) for u in own):
        _narrative_dates(made, ctx, rules, gaz)
        _planned_dates(made, ctx, rules)
    resolve_contents(made, ctx, rules)
    extra = event_anaphora(made, ctx, rules)
    candidates = [c for _, c in made] + extra
    queue = list(candidates)
    while queue:
        for inner in queue.pop(0).content:
            fresh = all(inner is not c for c in candidates)
            if fresh and inner.owned and inner.attest.sentence == ctx.sentence:
                candidates.append(inner)
                queue.append(inner)
    candidates = _records(candidates, ctx, rules)
    for cand in candidates:
        _attribute(cand, ctx, rules)
    return candidates


def _idle_dates(
    units: list[Unit], used: set[int], anchor: date, since: frozenset[str], tails: frozenset[str]
) -> set[int]:
    """The date units of a sentence that date none of its events, in a clause after the main
    one that no `since_word` opens, naming a past time: a time well before the article ("hosted
    X at the summit of the alliance, the pact the juntas formed last September": something
    else's), or a recent one in a phrase a `date_tail_word` opens or that it opens itself ("was
    conferred the Order, the country's highest honour, by X at State House this morning", "at
    the sports centre, Kasarani, on Tuesday": the event's, told as the story's day; not "a
    letter, which the Cabinet made public on Tuesday", "..., his office said on Thursday");
    they leave the story's day ("since X was sworn in on Jan. 20" bounds the event)."""
    clauses = clause_ids(units)
    idle = set()
    for i, unit in enumerate(units):
        if not is_date(unit) or i in used or clauses[i] == clauses[0] or unit.mention is None:
            continue
        start = clauses.index(clauses[i])
        first = start + 1 if units[start].text == "," else start
        opener = units[first].lower
        if anaphoric(unit.mention.anaphor) or opener in since:
            continue
        found = resolve(unit.mention.date_words or "", anchor)  # "on Oct. 19": the nearest
        if found is None or found.latest > anchor:
            continue
        if (anchor - found.latest).days > NARRATIVE_DAYS or opener in tails or first == i:
            idle.add(i)
    return idle


def _records(candidates: list[Candidate], ctx: SentenceContext, rules: RuleSet) -> list[Candidate]:
    """A record told of an event ("the first French leader to visit Vietnam since X in 2016",
    "No Iranian president has visited Yerevan since X") tells of `previous`'s (the one who did
    it last) event of its kinds, dated by the date after X: the event found is X's, and with
    `keep` also stays as it is (the visit the record is about); with no X ("since 2017") it
    is only kept with `keep`."""
    for match in find("records", ctx.units, rules, ctx.doc):
        kinds = set(match.rule.get("kinds") or ())
        previous = [a for i in match.roles.get("previous", []) for a in _agents_of(ctx.units[i])]
        end = min(len(ctx.units), match.end + 5)  # "since X came in 2017": the date after X
        dated = [i for i in range(match.start, end) if is_date(ctx.units[i])]
        when = _dated(dated[0], ctx, False)[0] if dated else None
        since = frozenset(rules.classes.get("since_word", ()))
        opened = dated and ctx.units[dated[0]].lower.split()[0] in since  # "since 2017"
        if not previous and not opened:
            continue
        kept = []
        for cand in candidates:
            here = cand.trigger[0] == ctx.sentence.number
            inside = here and match.start <= cand.trigger[1] < match.end
            if not (inside and cand.kind in kinds):
                kept.append(cand)
                continue
            if match.rule.get("keep"):  # "X's visit, the first by a premier since Y": X's too
                cand.date = None if opened and cand.date == when else cand.date  # not "since"'s
                kept.append(cand)
            if previous:
                earlier = _copy(cand, dict(cand.roles)) if match.rule.get("keep") else cand
                role = (spec(rules.kinds, cand.kind).get("required") or ["traveller"])[0]
                earlier.roles[str(role)] = list(previous)
                earlier.date = when
                kept.append(earlier)
        candidates = kept
    return candidates


def _agents_of(unit: Unit) -> tuple[URIRef, ...]:
    """The entities a unit names (none for a plain word)."""
    return unit.mention.agents if unit.mention is not None else ()


def join_companions(
    candidates: list[Candidate], units: list[Unit], sentence: object, rules: RuleSet
) -> None:
    """Add both people of a `companions` match in a sentence's units (its set-off phrases too)
    to every role of the sentence's acts that holds one of them ("Xi, accompanied by his wife
    Peng Liyuan, arrived": both arrive; no speech act: the companion did not say it)."""
    for match in find("companions", units, rules):
        found = [i for role in ("lead", "companion") for i in match.roles.get(role, [])]
        pair = [a for i in found for a in _agents_of(units[i])]
        for cand in candidates:
            if cand.attest.sentence != sentence or spec(rules.kinds, cand.kind).get("statement"):
                continue
            for role, values in cand.roles.items():
                if role not in ("place", "theme") and set(pair) & set(values):
                    values.extend(m for m in pair if m not in values)


def _attribute(cand: Candidate, ctx: SentenceContext, rules: RuleSet) -> None:
    """Make the candidate's attestation a claim of the sentence's sources, where it is one."""
    if cand.attest.claimed_by or cand.attest.sentence != ctx.sentence:
        return
    sources = tuple(ctx.attribution.sources)
    if not sources:
        return
    agents = {
        v
        for r in ("agent", "sender", "inviter", "participant", "traveller", "host")
        for v in cand.roles.get(r, [])
    }
    if spec(rules.kinds, cand.kind).get("statement") and agents & set(sources):
        return
    if agents and agents == set(sources):
        return
    generic = any(s in ctx.attribution.generic for s in sources)
    cand.attest = replace(cand.attest, claimed_by=sources, generic_source=generic)
