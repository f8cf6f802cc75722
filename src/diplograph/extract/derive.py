"""Derivation stage: events and roles that follow from other events of the article.

Reads merged events and the `kinds` rules; writes implied candidates (an arrival is part of a
visit that starts that day: `implies`), the roles of a bare "invitation" (the visits' hosts
invited their travellers) and dates inherited from the event a sentence said it happened
"during".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from diplograph.extract.events import (
    STAY_REACH,
    Attest,
    Candidate,
    Context,
    Event,
    missing,
    spec,
    within,
)

ENTAILED = ".entails"  # the rule suffix of an event another entailed (candidates.entailed)


def implied(ctx: Context, events: list[Event]) -> list[Candidate]:
    """Candidates for the events the merged events imply, linked as their parents."""
    made: list[Candidate] = []
    for event in events:
        entry = spec(ctx.kinds, event.kind).get("implies")
        if not isinstance(entry, dict) or any(a.rule.endswith(ENTAILED) for a in event.attests):
            continue  # an arrival told by a reception at the airport: its visit is told apart
        kind = str(entry["kind"])
        roles = {
            r: list(event.roles[src]) for r, src in entry["roles"].items() if event.roles.get(src)
        }
        when = event.date
        if entry.get("date") == "earliest" and when is not None:
            when = (when[0], None)
        first: Candidate | None = None
        for attest in event.attests:
            confidence = round(attest.confidence * 0.9, 2)
            made_attest = replace(attest, rule=f"{attest.rule}.implies", confidence=confidence)
            attrs = {k: list(v) for k, v in event.attrs.items() if k in entry.get("attrs", [])}
            attrs["implied_by"] = [str(id(event))]  # one event's implied events are one
            cand = Candidate(
                kind,
                {r: list(v) for r, v in roles.items()},
                made_attest,
                when,
                attrs,
                partial=missing(kind, roles, ctx.kinds),
            )
            made.append(cand)
            first = first or cand
        if first is not None and entry.get("link") == "subEventOf":
            for member in event.members:
                member.parent.append(first)
    return made


def invitations_from_visits(events: list[Event]) -> None:
    """A bare invitation: the hosts of the article's visits invited their travellers; those of
    the visits told in its sentences, if any ("had visited Delhi at the invitation of the
    government": that visit's, not the trip the story is about)."""
    every = [e for e in events if e.kind == "Visit" and e.roles.get("host")]
    for event in events:
        told = {a.sentence for a in event.attests}
        visits = [v for v in every if told & {a.sentence for a in v.attests}] or every
        if event.kind != "Invitation" or not event.from_visits or not visits:
            continue
        if not event.roles.get("inviter"):
            event.roles["inviter"] = list(dict.fromkeys(h for v in visits for h in v.roles["host"]))
        if not event.roles.get("invitee"):
            travellers = (t for v in visits for t in v.roles.get("traveller", []))
            event.roles["invitee"] = list(dict.fromkeys(travellers))
        event.content.extend(v for v in visits if v not in event.content)


def inherit_dates(events: list[Event]) -> None:
    """An undated event takes the date of the event it happened during; so does one that only
    the story's day dated, outside that event's dates ("held a brief meeting after the
    ceremony", told after a sentence of the day before)."""
    for event in events:
        if event.date is not None and _storied_outside(event):
            event.date = None
        if event.date is None:
            for source in event.date_from:
                if source.date is not None and source.date[1] is not None:
                    event.date = source.date
                    break


def _storied_outside(event: Event) -> bool:
    """Whether only the story's day dated an event, and the event it is tied to was dated on
    other days, or on several ("On the sidelines, X met Y", of a two-day meeting: its days)."""
    dated = [m for m in event.members if m.date is not None]
    anchor = next((a.date for a in event.date_from if a.date and a.date[1] is not None), None)
    if anchor is None or not dated or not all(m.storied for m in dated):
        return False
    return anchor[0] != anchor[1] or not anchor[0] <= event.date[0] <= anchor[1]


def durations(
    events: list[Event],
    kinds: dict,
    numbers: list[str],
    day_long: list[str] | None = None,
    stay_words: frozenset[str] = frozenset(),
    end_words: frozenset[str] = frozenset(),
    today: date | None = None,
    present_words: frozenset[str] = frozenset(),
) -> None:
    """An event that began on a day and lasts "N days" by its sentence ("a three-day state
    visit", "a 2-day trip", `day_long`: "a day-long visit") ends N - 1 days later (kinds with
    `duration: true`); so does one its words dated a single day, when the N days size it
    ("arrived here on Tuesday on a three-day visit": Tuesday to Thursday); one an `end_words`
    verb ended on its day began N - 1 days before ("wrapped up a three-day visit on Thursday":
    Tuesday to Thursday). A stay an arrival began, told again as a whole (`stay_words`) on a
    day of it, began that day (`_begun`). An undated one its N days size, told in the present
    (`present_words`: "X is on a five-day official visit to Y"), goes on on the story's day
    (`today`): it is dated from that day, as "X, who is in Y on a five-day visit, met Z"."""
    words = "|".join(re.escape(w) for w in numbers)
    single = "|".join(re.escape(w) for w in day_long or ())
    pattern = re.compile(
        rf"\b(\d+|{words})[- ]day\b" + (rf"|\b({single})\b" if single else ""), re.IGNORECASE
    )
    for event in events:
        if not spec(kinds, event.kind).get("duration"):
            continue
        event.date = _begun(event, stay_words)
        if event.date is None and today is not None:
            event.date = _going_on(event, pattern, today, present_words)
            event.date = event.date and _arrived(event, events, event.date)
        if event.date is None or event.date[1] not in (None, event.date[0]):
            continue
        for attest in event.attests:
            found = pattern.search(attest.sentence.text)
            if found is None:
                continue
            if event.date[1] is not None and not _names_it(found, attest):
                continue  # a day of its own: only "a three-day visit" itself makes it three
            word = (found[1] or "1").lower()  # a `day_long` word: one day
            days = int(word) if word.isdigit() else numbers.index(word) + 1
            if 1 <= days <= 31 and event.date[1] is not None and _ended(found, attest, end_words):
                event.date = (event.date[0] - timedelta(days=days - 1), event.date[0])
                break
            if 1 <= days <= 31:
                event.date = (event.date[0], event.date[0] + timedelta(days=days - 1))
                break


def _going_on(
    event: Event, pattern: re.Pattern[str], today: date, present_words: frozenset[str]
) -> tuple[date, date] | None:
    """The story's day, for a stay its N days size that a present verb of its clause tells
    as going on ("X is on a five-day visit", "is leading a delegation on a three-day visit");
    else None."""
    for attest in event.attests:
        found = pattern.search(attest.sentence.text)
        if attest.modality != "Happened" or found is None or not _names_it(found, attest):
            continue
        before = attest.sentence.text[: found.start()]
        clause = re.split(r"[,;:]|\b(?:and|but|after|before|since|when)\b", before)[-1]
        if present_words & set(re.findall(r"[a-z']+", clause.lower())):
            return (today, today)
    return None


ARRIVAL_REACH = 3  # days before the story's day an arrival may begin a stay told as going on


def _arrived(stay: Event, events: list[Event], today: tuple[date, date]) -> tuple[date, date]:
    """The day a stay told as going on on the story's day began: the earliest day within
    ARRIVAL_REACH days before it that an arrival of its traveller (or the visit one began)
    tells ("arrived at Nadi yesterday"), else the story's day."""
    travellers = set(stay.roles.get("traveller", ()))
    starts = [
        other.date[0]
        for other in events
        if other is not stay
        and other.kind in ("Arrival", stay.kind)
        and other.date is not None
        and travellers & set(other.roles.get("traveller", ()))
        and any(a.rule.startswith("arrival.") for a in other.attests)
        and 0 < (today[0] - other.date[0]).days <= ARRIVAL_REACH
    ]
    start = min(starts, default=today[0])
    return (start, start)


DURATION_REACH = 25  # characters between "a three-day" and the words of the event it sizes


def _names_it(found: re.Match[str], attest: Attest) -> bool:
    """Whether a duration's words ("a three-day") stand in an attestation's words or right
    before them ("arrived on Tuesday on a three-day visit"), or right after them, "on" or
    "for" and an article between ("will travel to Sri Lanka on Thursday for a two-day visit",
    "left for India on Friday on a three-day visit"; not "before a three-day visit to X"),
    not elsewhere in its sentence."""
    start = attest.sentence.begin + found.start()
    end = attest.sentence.begin + found.end()
    if attest.begin - DURATION_REACH <= end and start <= attest.end:
        return True
    after = attest.sentence.text[attest.end - attest.sentence.begin : found.start()]
    return 0 <= start - attest.end <= DURATION_REACH and bool(_SIZES_IT.search(after))


_DETERMINER = r"\s+(?:a|an|his|her|their)\s*$"  # "a", "his" before "three-day visit"
# What stands between an event's words and a duration that sizes it: "on Friday on a",
# "on Thursday for a", "for an"
_SIZES_IT = re.compile(r"\b(?:on|for)" + _DETERMINER, re.IGNORECASE)


def _ended(found: re.Match[str], attest: Attest, end_words: frozenset[str]) -> bool:
    """Whether an `end_words` verb stands right before a duration's words ("wrapped up a
    three-day visit", "concluded his two-day trip"), or "after" or "from" and an article
    ("returned to Manila on Saturday after a five-day visit"): the day told is the stay's
    last."""
    before = attest.sentence.text[max(0, found.start() - DURATION_REACH) : found.start()]
    return bool(end_words & set(re.findall(r"[a-z]+", before.lower()))) or bool(
        _FOLLOWS_IT.search(before)
    )


# What stands between the words of an event that follows a stay and the duration that sizes
# the stay: "after a", "from his"
_FOLLOWS_IT = re.compile(r"\b(?:after|from)" + _DETERMINER, re.IGNORECASE)


def close_stays(ctx: Context, events: list[Event], today: date | None = None) -> None:
    """A stay that began on a day and has no end (the visit an arrival begins) lasted until the
    last day its traveller is reported doing something there within STAY_REACH days (kinds with
    `duration: true`); with nothing reported after its first day it keeps no end, unless that
    day is the story's own (`today`) and the stay happened: then it is that day, all the story
    can know of it ("X arrived in Warsaw on Thursday" in Thursday's story)."""
    for event in events:
        if not spec(ctx.kinds, event.kind).get("duration"):
            continue
        if event.date is None or event.date[1] is not None:
            continue
        start = event.date[0]
        ends = [
            other.date[1] or other.date[0]
            for other in events
            if other is not event and _during(ctx, event, other, start)
        ]
        end = max(ends, default=None)
        if end is not None and end > start:
            event.date = (start, end)
        elif start == today and event.attests[0].modality == "Happened":
            event.date = (start, start)


def _begun(stay: Event, stay_words: frozenset[str]) -> tuple[date, date | None] | None:
    """A stay dated one day that a report of it began that day or before with no end (the
    visit an arrival began on Sunday) and another tells as a whole (`stay_words`: "visiting X"
    on Monday, "on his first trip abroad") began that earlier day, its end open."""
    day = stay.date
    if (
        day is None
        or day[1] != day[0]
        or not any(_whole(m.attest, stay_words) for m in stay.members)
    ):
        return day
    begun = [m.date for m in stay.members if m.date and m.date[1] is None and m.date[0] <= day[0]]
    return min(begun, default=day)


def _whole(attest: Attest, stay_words: frozenset[str]) -> bool:
    """Whether an attestation's words tell a stay as a whole ("his first trip abroad")."""
    start = attest.begin - attest.sentence.begin
    words = re.findall(
        r"[a-z-]+", attest.sentence.text[start : attest.end - attest.sentence.begin].lower()
    )
    return bool(stay_words & set(words))


def _during(ctx: Context, stay: Event, other: Event, start: date) -> bool:
    """Whether another reported event is the traveller's, there, within STAY_REACH days."""
    if other.date is None or not start <= other.date[0] <= start + timedelta(STAY_REACH):
        return False
    if other.attests[0].modality != "Happened" or other.kind == stay.kind:
        return False
    travellers = set(stay.roles.get("traveller", []))
    if not travellers & {v for values in other.roles.values() for v in values}:
        return False
    places = stay.roles.get("place", [])
    there = other.roles.get("place", [])
    return all(any(p == q or within(ctx.gazetteer, p, q) for q in places) for p in there)
