"""Date stage: finds date expressions with the `dates` rules and gives each to one event.

Reads a sentence's units and the article's date; merges every date expression ("late Tuesday",
"on Thursday (September 14)", "in the fall of 1950", "the same day") into one date unit, and
attaches it to the nearest event trigger of its clause (the one before it, else the one after);
a sentence-initial expression followed by a comma ("At midnight, ...") dates the main clause.
The words are resolved by diplograph.dates.resolve, in the future tense for expected events, with
the precision the text supports (a day, or an interval: month, season, year, "this week").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from diplograph.dates import DateRange, resolve
from diplograph.dates import words as date_words
from diplograph.extract.matcher import find
from diplograph.extract.rules import RuleSet
from diplograph.extract.sentences import POSSESSIVE_S, Mention, Unit, clause_ids

SAME_DAY = "same_day"
Span = tuple[date, date | None]  # an event's (earliest, latest) dates
PERIODS = ("week", "month", "year")  # an anaphoric date's `period`: "later that month"
NEXT_EVENT = "dates_next"  # a date unit that dates the event told after it ("a day after X ...")


def date_spans(units: list[Unit], rules: RuleSet, doc: Doc) -> list[tuple[int, int, Mention]]:
    """Date expressions of a sentence as (start, end, mention), longest first."""
    spans = []
    clause_words = rules.word_class("date_clause_word")  # "2011, when": matched, not the date's
    for match in find("dates", units, rules, doc):
        start, end = match.start, match.end
        while end > start + 1 and (
            units[end - 1].text in (",", "(") or units[end - 1].lower in clause_words
        ):
            end -= 1
        offset = int(match.rule.get("offset", 0))  # "the next day": the day after that one
        anaphor = None
        if match.rule.get("anaphoric"):
            period = str(match.rule.get("period") or "day")  # "the following month": "month"
            anaphor = f"same_{period}{offset:+d}" if offset else f"same_{period}"
        classes = {"date", NEXT_EVENT} if match.rule.get("dates_next") else {"date"}
        spans.append((start, end, Mention(frozenset(classes), anaphor=anaphor)))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    return spans


def day_offset(anaphor: str | None) -> int | None:
    """The days an anaphoric date lies after the day told before ("the same day": 0, "the
    next day": 1), or None for a date of its own words or of a period."""
    if anaphor is None or not anaphor.startswith(SAME_DAY):
        return None
    return int(anaphor.removeprefix(SAME_DAY) or 0)


def anaphoric(anaphor: str | None) -> bool:
    """Whether a date unit's time is told from the one before ("the next day", "later that
    month"), not by its own words."""
    return anaphor is not None and anaphor.startswith("same_")


def period_shift(anaphor: str | None) -> tuple[str, int] | None:
    """The period an anaphoric date names and how many of them it lies after the one told
    before ("later that month": ("month", 0), "the following year": ("year", 1)), or None for
    a day or a date of its own words."""
    for period in PERIODS:
        if anaphor is not None and anaphor.startswith(f"same_{period}"):
            return period, int(anaphor.removeprefix(f"same_{period}") or 0)
    return None


def in_month(span: tuple[date, date], words: str) -> tuple[date, date]:
    """The month the words name within a year's span ("in June of that year"), else the span."""
    found = resolve(words.lower().split(" of ")[0], span[1], "past")
    if found is None or found.precision != "month" or found.earliest.year != span[0].year:
        return span
    return found.earliest, found.latest


def shifted_period(day: date, period: str, offset: int) -> tuple[date, date]:
    """The first and last day of the week, month or year `offset` of them after the one
    `day` falls in ("the following month" of 14 September: 1 to 31 October)."""
    if period == "week":
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    if period == "month":
        months = day.year * 12 + day.month - 1 + offset
        first = date(months // 12, months % 12 + 1, 1)
        return first, _next_month(first) - timedelta(days=1)
    return date(day.year + offset, 1, 1), date(day.year + offset, 12, 31)


def _next_month(first: date) -> date:
    """The first day of the month after the one `first` opens."""
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def is_date(unit: Unit) -> bool:
    """True for a merged date unit."""
    return unit.mention is not None and unit.mention.date_words is not None


FRONTED_WORDS = 3  # plain words a fronted date may follow ("Later on", "Earlier that")


def attach(
    units: list[Unit],
    triggers: list[int],
    openers: frozenset[str] = frozenset(),
    clause_words: frozenset[str] = frozenset(),
    sequels: frozenset[str] = frozenset(),
    since: frozenset[str] = frozenset(),
    joins: frozenset[str] = frozenset(),
    speech: frozenset[str] = frozenset(),
    during: frozenset[str] = frozenset(),
    counts: frozenset[str] = frozenset(),
    gatherings: frozenset[str] = frozenset(),
    adverbial: frozenset[str] = frozenset(),
    ahead: frozenset[str] = frozenset(),
) -> dict[int, int]:
    """Trigger index -> the date unit that dates it (each date unit dates one trigger); a date
    that ends an opening phrase dates the main clause's first event ("On Monday, ...", "On the
    sidelines of the summit in New York on Wednesday, X met Y": `openers` may open it); one
    that a `clause_words` clause follows dates that clause's event ("since 2011, when X
    travelled to Luanda"); one of a clause with no event that a `sequels` word opens dates the
    event before it ("broke off ties after police stormed the embassy late Friday"); a date
    after a trigger in its clause takes it from one before it there that no comma set off
    ("This week Xi met Putin in Kazan on Tuesday": Tuesday), unless a `since` word opens it;
    one after a comma and a `joins` word dates the event after it ("..., and on Wednesday he
    held talks with Xi"); `speech` verbs may tell a source after a date that ends its sentence
    ("met Putin in Kazan, Russia, on Tuesday, the Kremlin said."); one with no event before
    it in its sentence dates the event of the clause after it that a comma and a `during`
    word open ("agreed Sunday to step up joint exercises, during talks in Manila"); a date of
    its own words after an event that a date told from another dated ("a week after X, in a
    message on July 30, ...") dates it instead; a `since` date after an event that a `counts`
    word numbers ("his ninth trip to the region since October 7", "their first talks since
    2023") dates nothing: it tells the period counted, not the event; a clause of `sequels`
    words after one of the `gatherings` ("on the sidelines of the summit, which took place on
    Tuesday") dates the event told before it; a date told from the next event ("a day before
    X met Y") that ends its sentence or an `adverbial` word follows dates the event before it
    instead ("had arrived the day before on an official visit"); a date after an `ahead` word
    that follows the event before it in its clause tells the time of what the event prepared
    ("met Duda ahead of the NATO summit in June"): it dates nothing."""
    clauses = _past_named_appositions(units, clause_ids(units))
    found: dict[int, int] = {}
    soft: set[int] = set()  # triggers dated by a date before them, no comma after it
    told_from: set[int] = set()  # dated from the time told before ("a week after X ...")
    orphans: list[int] = []
    for index, unit in enumerate(units):
        possessive = index + 1 < len(units) and units[index + 1].lower in POSSESSIVE_S
        if not is_date(unit) or is_dateline(units, index):
            continue
        if _restated_next(units, index) and not any(t < index for t in triggers):
            continue  # "X today, 3 December 2024, hosted Y": the day restated after it dates it
        if _restated(units, index) and not any(t < index for t in triggers):
            after = [t for t in triggers if t > index and t not in found]
            if after:
                found[after[0]] = index
            continue
        if possessive:  # "Tuesday's talks": the event it names, else none
            if index + 2 in triggers:
                found.setdefault(index + 2, index)
            continue
        told_next = NEXT_EVENT in unit.mention.classes and not _adverbial(units, index, adverbial)
        if told_next or _introduces(units, index, clause_words):
            # "met Y on Thursday, a day after X arrived", "in 2020, when X imposed ..."
            after = [t for t in triggers if t > index and t not in found]
            if after:
                found[after[0]] = index
                told_from.add(after[0])
            continue  # at the end: "had voted to ratify it the day before" (below)
        if _joined(units, index, joins):  # "met Putin, and on Wednesday, he held talks"
            after = [t for t in triggers if t > index and t not in found]
            if after:
                found[after[0]] = index
                continue
        opening = units[:index]  # "On Monday, ...", "Later on September 21, ...": fronted
        leading = len(opening) <= FRONTED_WORDS and all(_fronted(u) for u in opening)
        leading = leading or _opening_phrase(units, index, triggers, openers)
        if leading and index + 1 < len(units) and units[index + 1].text == ",":
            inside = [t for t in triggers if t < index]  # "Meeting in Riyadh on Tuesday, ..."
            after = [t for t in triggers if t > index]
            if inside or after:
                found.setdefault(inside[-1] if inside else after[0], index)
            continue
        same = [t for t in triggers if clauses[t] == clauses[index]]
        before = [t for t in same if t < index]
        after = [t for t in same if t > index]
        chosen = before[-1] if before else (after[0] if after else None)
        words = (unit.mention.date_words or "").lower().split()
        if before and _after_ahead_word(units, before[-1], index, ahead):
            continue  # "met Duda ahead of the NATO summit in June": the summit's month
        if before and words[:1] and words[0] in since and _counted(units, before[-1], counts):
            continue  # "his ninth trip to the region since October 7": not of October 7
        if chosen is not None and chosen not in found:
            found[chosen] = index
            if not before and chosen != index + 1:  # "the March 3-4 visit ... this year": firm
                soft.add(chosen)
        elif chosen in soft and before and words[:1] and words[0] not in since:
            found[chosen] = index  # "This week Xi met Putin on Tuesday": Tuesday
            soft.discard(chosen)
        elif chosen in told_from and not anaphoric(unit.mention.anaphor):
            found[chosen] = index  # "a week after X, in a message on July 30, ...": July 30
            told_from.discard(chosen)
        elif chosen is None:
            orphans.append(index)
    for index in orphans:  # "broke off ties after police stormed the embassy late Friday"
        start = _sequel_start(units, clauses, index, sequels, triggers, gatherings)
        if start is None and _after_its_country(units, clauses, index, speech):
            start = clauses.index(clauses[index])  # "met Putin in Kazan, Russia, on Tuesday."
        if start is None and _trailing_alone(units, clauses, index, triggers, speech):
            start = clauses.index(clauses[index])  # "received X in Riyadh, Wednesday."
        before = [t for t in triggers if start is not None and t < start and t not in found]
        if before:
            found[before[-1]] = index
        elif start is None and not any(t < index for t in triggers):
            after = _during_next(units, clauses, index, during)
            inside = [t for t in triggers if after is not None and clauses[t] == clauses[after]]
            if inside and inside[0] not in found:
                found[inside[0]] = index
    return found


COUNT_REACH = 4  # words a `counts` word may stand before its event ("their first in-person talks")


def _after_ahead_word(units: list[Unit], trigger: int, index: int, words: frozenset[str]) -> bool:
    """Whether one of `words` stands between the event trigger at `trigger` and the date at
    `index` ("met Duda ahead of the NATO summit in June"; "in the run-up to": a hyphened word
    of `words` spans three units)."""
    between = " ".join(u.lower for u in units[trigger + 1 : index]).replace(" - ", "-")
    return any(word in words for word in between.split())


def held_ahead(units: list[Unit], triggers: list[int], index: int, words: frozenset[str]) -> bool:
    """Whether the unit at `index` is a date an `ahead` word (`words`) sets apart from the last
    event before it in its clause ("met Duda ahead of the NATO summit in June"): the time of
    what the event was held ahead of, which dates no event of the sentence."""
    if not is_date(units[index]):
        return False
    clauses = clause_ids(units)
    before = [t for t in triggers if t < index and clauses[t] == clauses[index]]
    return bool(before) and _after_ahead_word(units, before[-1], index, words)


def _adverbial(units: list[Unit], index: int, words: frozenset[str]) -> bool:
    """Whether the date at `index` ends its sentence or one of `words` follows it: no clause of
    an event it is told from follows ("had voted to ratify it the day before.", "arrived in
    Tashkent the day before on an official visit")."""
    return _ends(units, index) or (index + 1 < len(units) and units[index + 1].lower in words)


def _counted(units: list[Unit], trigger: int, counts: frozenset[str]) -> bool:
    """Whether a `counts` word ("first", "ninth") numbers the event noun at `trigger`."""
    return any(u.lower in counts for u in units[max(0, trigger - COUNT_REACH) : trigger])


def _past_named_appositions(units: list[Unit], clauses: list[int]) -> list[int]:
    """Clause numbers with a list of people set off by commas joined to the clause around it
    ("met his Chinese and South Korean counterparts, Wang Yi and Cho Tae-yul, in Tokyo on
    Saturday": the day is the meeting's)."""
    ids, shift, index = list(clauses), 0, 0
    while index < len(units):
        end = _named_apposition_end(units, index)
        if end is not None:
            for at in range(index, end + 1):
                ids[at] = clauses[at] - shift - (1 if at < end else 2)
            shift += 2
            index = end + 1
            continue
        ids[index] = clauses[index] - shift
        index += 1
    return ids


def _named_apposition_end(units: list[Unit], index: int) -> int | None:
    """The closing comma of a list of people that the comma at `index` opens, else None."""
    if units[index].text != "," or not units[index].boundary or index == 0:
        return None
    at = index + 1
    while at < len(units) and (_named_person(units[at]) or units[at].lower in ("and", ",")):
        if units[at].text == "," and at > index + 1 and units[at].boundary:
            break
        at += 1
    closing = at < len(units) and units[at].text == "," and units[at].boundary
    return at if closing and at > index + 1 and _named_person(units[at - 1]) else None


def _named_person(unit: Unit) -> bool:
    """Whether a unit names one or more people."""
    return unit.mention is not None and "person" in unit.mention.classes


def _restated(units: list[Unit], index: int) -> bool:
    """Whether the date at `index` restates the one before it, set off by commas ("today, 3
    December 2024, hosted")."""
    return (
        index >= 2
        and index + 1 < len(units)
        and units[index - 1].text == ","
        and units[index + 1].text == ","
        and is_date(units[index - 2])
    )


def _restated_next(units: list[Unit], index: int) -> bool:
    """Whether a date restating the one at `index` follows it ("today, 3 December 2024,")."""
    return index + 2 < len(units) and is_date(units[index + 2]) and _restated(units, index + 2)


def _during_next(
    units: list[Unit], clauses: list[int], index: int, during: frozenset[str]
) -> int | None:
    """Where the clause after the date at `index` starts when a comma and a `during` word
    open it ("agreed Sunday to step up exercises, during talks in Manila"), else None."""
    ends = [i for i in range(index + 1, len(units)) if clauses[i] != clauses[index]]
    if not ends:
        return None
    start = ends[0]
    opener = start + 1 if units[start].text == "," else start
    return start if opener < len(units) and units[opener].lower in during else None


# What a date alone after an apposition may follow: "in Kazan, Russia, on Tuesday", "in Houston,
# Texas, on Sunday", "from his brother, King X, on Monday"
APPOSED = frozenset({"country", "place", "person"})


def _after_its_country(
    units: list[Unit], clauses: list[int], index: int, speech: frozenset[str] = frozenset()
) -> bool:
    """Whether the date at `index` ends its sentence, or only its source's clause follows it
    (`_told_after`), after a city's country or region or a person in apposition set off by a
    comma, alone or in that one's clause ("met Putin in Kazan, Russia, on Tuesday.", "in
    Kazan, Russia on Tuesday.", "..., Russia, on Tuesday, the Kremlin said.", "a message from
    his brother, King X, on Monday.", "in Houston, Texas, on Sunday."): it dates the event
    before them (`APPOSED`)."""
    start = clauses.index(clauses[index])
    ends = _ends(units, index) or _told_after(units, index, speech)
    if not ends or units[start].text != "," or not start:
        return False
    told = _told_after(units, index, speech)
    own = [
        u
        for i, u in enumerate(units)
        if clauses[i] == clauses[index] and i != index and not (told and i > index)
    ]
    words = [u for u in own if u.text not in ",."]
    if not words:  # the date alone in its clause: the country is the clause's before it
        words = [u for i, u in enumerate(units) if clauses[i] == clauses[start - 1]]
        words = [u for u in words if u.text not in ","]
    return (
        len(words) == 1
        and words[0].mention is not None
        and bool(APPOSED & words[0].mention.classes)
    )


def _trailing_alone(
    units: list[Unit],
    clauses: list[int],
    index: int,
    triggers: list[int],
    speech: frozenset[str] = frozenset(),
) -> bool:
    """Whether the date at `index` stands alone after a comma at the end of its sentence, or
    before its source's clause only, right after a clause with an event ("received Rubio in
    Riyadh, Wednesday.", "met Xi in Beijing, on Friday, Xinhua reported.")."""
    start = clauses.index(clauses[index])
    if not start or units[start].text != ",":
        return False
    if not (_ends(units, index) or _told_after(units, index, speech)):
        return False
    own = [u for i, u in enumerate(units[:index]) if clauses[i] == clauses[index]]
    if any(u.text not in "," for u in own):
        return False
    return any(clauses[t] == clauses[start - 1] for t in triggers)


SOURCE_WORDS = 8  # words a source's clause after a date may have ("the Kremlin said")


def _told_after(units: list[Unit], index: int, speech: frozenset[str]) -> bool:
    """Whether only a comma and a source's clause with a `speech` verb and no date follow the
    date at `index` in its sentence ("..., on Tuesday, the Kremlin said.")."""
    rest = units[index + 1 :]
    words = [u for u in rest if u.text[:1].isalnum()]
    return (
        bool(words)
        and rest[0].text == ","
        and len(words) <= SOURCE_WORDS
        and any(u.lemma in speech for u in words)
        and not any(is_date(u) for u in rest)
    )


SEQUEL_REACH = 4  # units a clause of two sequel words may follow its event's trigger by


def _sequel_start(
    units: list[Unit],
    clauses: list[int],
    index: int,
    sequels: frozenset[str],
    triggers: list[int] | None = None,
    gatherings: frozenset[str] = frozenset(),
) -> int | None:
    """Where the clause of the date at `index` starts when a `sequels` word opens it ("...
    after police stormed the embassy late Friday"), or two right after an event's trigger
    ("talks in Johannesburg that ended on Friday"; not "discussed the railway, which began
    operating in October 2023"), or opens the clause before one the date stands in alone ("is
    in Johannesburg, where he is taking part in the summit, from August 22 to 24"), else
    None."""
    start = clauses.index(clauses[index])
    opener = start + 1 if units[start].text == "," and start + 1 < index else start
    pair = " ".join(u.lower for u in units[opener : opener + 2])  # "that ended on Friday"
    triple = " ".join(u.lower for u in units[opener : opener + 3])  # "which was held on ..."
    near = any(start - SEQUEL_REACH <= t < start for t in triggers or ())  # "talks that ended"
    # "met X on the sidelines of the G20 summit, which took place on Tuesday": the summit's
    near = near or (
        any(t < start for t in triggers or ())
        and any(u.lower in gatherings for u in units[max(0, start - SEQUEL_REACH) : start])
    )
    if units[opener].lower in sequels or ((pair in sequels or triple in sequels) and near):
        return start
    own = [u for i, u in enumerate(units) if clauses[i] == clauses[index] and i != index]
    if not start or any(u.text not in ",.;" for u in own):
        return None
    return _sequel_start(units, clauses, start - 1, sequels, triggers, gatherings)


def _joined(units: list[Unit], index: int, joins: frozenset[str]) -> bool:
    """Whether the date at `index` opens a clause joined to the one before by a comma and a
    `joins` word ("met Putin in Kazan, and on Wednesday he held talks with Xi")."""
    return index >= 2 and units[index - 1].lower in joins and units[index - 2].text == ","


def joined_between(
    units: list[Unit], start: int, date_unit: int | None, joins: frozenset[str]
) -> bool:
    """Whether the date unit at `date_unit` opens a clause a comma and a `joins` word join to
    the sentence after the unit at `start` ("met Putin in Kazan, and on Wednesday he held
    talks": not the meeting's date)."""
    return date_unit is not None and date_unit > start and _joined(units, date_unit, joins)


def onward(units: list[Unit], trigger: int, other: int, words: frozenset[str]) -> bool:
    """Whether the event at `trigger` is told after the one at `other` in a clause an `onward`
    word opens right before it ("arrived in Hanoi on Sunday, before heading to Singapore": the
    next leg is not of Sunday)."""
    return other < trigger and trigger > 0 and units[trigger - 1].lower in words


def _ends(units: list[Unit], index: int) -> bool:
    """Whether only punctuation follows the unit at `index` in its sentence."""
    return all(not u.text[:1].isalnum() for u in units[index + 1 :])


def _introduces(units: list[Unit], index: int, clause_words: frozenset[str]) -> bool:
    """Whether a clause of `clause_words` follows the date at `index` ("in 2020 when ...",
    "2011, when ...")."""
    after = [u.lower for u in units[index + 1 : index + 3]]
    if after[:1] == [","]:
        after = after[1:]
    return bool(after) and after[0] in clause_words


def _opening_phrase(
    units: list[Unit], index: int, triggers: list[int], openers: frozenset[str]
) -> bool:
    """Whether the units before `index` are one phrase that an opener opens, with no event and
    no comma in it ("On the sidelines of the UN General Assembly in New York")."""
    if not index or units[0].lower not in openers:
        return False
    inside = units[1:index]
    return not any(t < index for t in triggers) and not any(u.text in (",", ";") for u in inside)


def opens_with_date(units: list[Unit]) -> bool:
    """Whether a sentence opens with its date and a comma ("On August 26, ...")."""
    for index, unit in enumerate(units[: FRONTED_WORDS + 1]):
        if is_date(unit):
            after = units[index + 1].text if index + 1 < len(units) else ""
            return after == "," and all(_fronted(u) for u in units[:index])
    return False


def _fronted(unit: Unit) -> bool:
    """A plain word or a place may come before a fronted date ("In Luanda on Friday, ...")."""
    return unit.mention is None or "place" in unit.mention.classes


DATELINE_ENDS = ("(", "-", "--", "–", "—", "/")


def is_dateline(units: list[Unit], index: int) -> bool:
    """A date in a dateline ("Seoul, July 27 (IANS)", "TOKYO, March 3 (Reuters) -") dates the
    article, not an event: the sentence opens with a place or capitalised words (no date, no
    person), a comma and the date, followed by an agency in brackets, a dash or, the brackets
    read past, the lede's first capitalised word ("NEW DELHI, Aug 1 (PTI) Vietnamese ...")."""
    opening = dateline_opening(units, index)
    if opening is None:
        return False
    after = units[index + 1].text if index + 1 < len(units) else ""
    ends = after in DATELINE_ENDS or after[:1].isupper()
    return opening or ends


def dateline_opening(units: list[Unit], index: int) -> bool | None:
    """Whether the sentence opens as a dateline up to a date at `index`: None if not (no
    place or capitalised words and a comma before it), True when it opens with a known place
    ("Seoul, July 27"), False when with capitalised words only ("KHUJAND, March 31")."""
    if not 2 <= index <= 4 or units[index - 1].text != ",":
        return None
    first = units[0].mention
    if index == 2 and first is not None and "place" in first.classes:
        return True
    place = all(
        (u.mention is not None and "place" in u.mention.classes)
        or (u.text[:1].isupper() and not (u.mention and u.mention.classes & {"date", "person"}))
        for u in units[: index - 1]
    )
    return False if place else None


def last_time(
    units: list[Unit], anchor: date, before: Span | None, end: int | None = None
) -> Span | None:
    """The time the last date words of a sentence name (before `end`), from which "later that
    month" counts: `before` (the time told before the sentence) when it names none; a period
    told from the one before ("the following year") is that period; no dateline's day."""
    time = before
    for index, unit in enumerate(units[:end]):
        if not is_date(unit) or is_dateline(units, index) or unit.mention is None:
            continue
        period = period_shift(unit.mention.anaphor)
        if period is not None and time is not None:
            time = in_month(shifted_period(time[0], *period), unit.mention.date_words or "")
        elif period is not None:
            time = None
        elif not anaphoric(unit.mention.anaphor):
            found = resolve_words(unit.mention.date_words or "", anchor, False)
            time = (found.earliest, found.latest) if found is not None else time
    return time


def resolve_words(words: str, anchor: date, expected: bool) -> DateRange | None:
    """The date range the words give, against the article's date; what happened happened on
    or before it, so a day or month named without its year that would fall after the article
    is last year's ("held talks on March 20", told in December: this March, not next; so are
    days of one month, "on March 20-21")."""
    future = expected or sounds_future(words)
    found = resolve(words, anchor, tense="future" if future else "past")
    if found is None or _YEAR.search(words) or found.latest.year != found.earliest.year:
        return found
    if future and found.latest < anchor - PLAN_OVERDUE and found.precision in ("day", "interval"):
        return DateRange(_year_after(found.earliest), _year_after(found.latest), found.precision)
    if future or found.earliest <= anchor:
        return found
    if found.precision not in ("day", "month") and not _day_span(found, words):
        return found
    return DateRange(_year_before(found.earliest), _year_before(found.latest), found.precision)


_YEAR = re.compile(r"\b\d{4}\b")
_DAY_NUMBER = re.compile(r"\d")


def _day_span(found: DateRange, words: str) -> bool:
    """Whether an interval is days of one month its words number ("July 25-26", "from 2 to 4
    December"), not a part of a period ("later this week", "in late July")."""
    return found.precision == "interval" and _DAY_NUMBER.search(words) is not None


# A plan whose day, named without its year, fell this long before the article is next year's
# ("will visit Japan from Dec 15 to 17", told in February); a plan a few days overdue stays.
PLAN_OVERDUE = timedelta(days=14)


def soon_after(words: str, anchor: date) -> bool:
    """Whether date words name a day of the month, without its year or a weekday, that falls
    at most `PLAN_OVERDUE` after the article's date ("by 11:59 p.m. on Oct. 19", told on 14
    October): a time still to come (a deadline), not the day of an event that happened, which
    would be read as last year's ("on the 15th" of early June is May's: not soon after)."""
    weekday = date_words().weekday_word.search(words)
    if _YEAR.search(words) or weekday or not _DAY_NUMBER.search(words):
        return False
    found = resolve(words, anchor, tense="future")
    past = resolve_words(words, anchor, False)  # "on the 15th": last month's, not last year's
    return (
        found is not None
        and past is not None
        and found.is_day
        and timedelta(0) < found.earliest - anchor <= PLAN_OVERDUE
        and past.earliest.year < anchor.year
        and "year" not in words.lower().split()
    )


def _year_after(day: date) -> date:
    """The same day a year later (28 February for a 29th)."""
    return day.replace(year=day.year + 1, day=min(day.day, 28 if day.month == 2 else day.day))


def _year_before(day: date) -> date:
    """The same day a year earlier (28 February for a 29th)."""
    return day.replace(year=day.year - 1, day=min(day.day, 28 if day.month == 2 else day.day))


def lies_ahead(words: str, anchor: date) -> bool:
    """Whether date words name a time after the article's date, read with no tense: the nearest
    such day ("on October 20", told on 29 August: this October), or a year or week ahead."""
    found = resolve(words, anchor)
    return found is not None and found.earliest > anchor


def sounds_future(words: str) -> bool:
    """True when a date expression itself points ahead ("next week", "tomorrow"); "later on
    Wednesday" does not: a past verb tells it as often as a future one."""
    return not date_words().ahead_words.isdisjoint(words.lower().split())


def overlaps(a: tuple[date, date | None] | None, b: tuple[date, date | None] | None) -> bool:
    """Two (earliest, latest) ranges can be the same time (a missing one fits anything)."""
    if a is None or b is None:
        return True
    a_end = a[1] or date.max
    b_end = b[1] or date.max
    return a[0] <= b_end and b[0] <= a_end
