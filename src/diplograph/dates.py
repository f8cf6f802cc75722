"""Date resolution: reads a date expression from a news article plus the article's
publication date (the anchor), returns a DateRange with the precision the text supports.

Conventions (decisions, not accidents):
- ``tense=None`` is inferred: "future" if the text has will/next/later/tomorrow/expected.
- A weekday resolves to the most recent such day on or before the anchor (past)
  or the next one on or after it (future). "last Friday" / "next Friday" exclude
  the anchor itself; "Friday of last week" picks the Friday of the previous ISO week.
- An explicit date beats a weekday in the same expression: in
  "Thursday (September 14)" the weekday is ignored, even if the two disagree.
- A date without a year takes the year that puts it nearest the anchor; "this/last/next
  year" after it names its year ("April 1 this year").
- "at midnight" means the midnight that starts the anchor day: the anchor itself.
- "this week/month/year" runs from the period's start to the anchor when the tense
  is past, and covers the whole period otherwise; "later this ..." runs from the
  day after the anchor to the period's end; "earlier this ..." from the start to the
  day before the anchor (the article's own day is "today", not "earlier").
- Seasons are northern-hemisphere meteorological; winter of Y is Dec Y-1 .. Feb Y.
  A season without a year ("in the autumn", "last summer") is the one under way ("this"), else
  the last one begun (past) or the next one to end (future); "last" ends before the anchor's
  day, "next" begins after it.
- Days of one month ("August 25 to 27", "from 2 to 4 December") are an interval from the
  first day to the last; the first day takes the year that puts it nearest the anchor.
- "early", "mid" and "late" before a month (and "the beginning", "middle", "end of" it) are
  its first ten days, the next ten, and the rest (so too before "last month", "next month");
  before "last year", "next year" (as before "2024"), its first, middle or last four months;
  "in May last year" is May of the year named; "in January and February" runs from the first
  month's first day to the second's last; "earlier in March" told in March is "earlier this
  month" ("later in March", "later this month"); "the first week of May" is its days 1 to 7
  (second 8-14, third 15-21, fourth 22-28, last 25-31), "the first/second half" days 1-15/16-31,
  "the first/last days of May" as "early/late May".
- Two weekdays joined ("on Monday and Tuesday", "from Monday to Wednesday") are an interval
  from the first, resolved as a weekday alone, to the next such last day after it (a week
  earlier in the past tense when the last day would fall after the anchor); "last week" or
  "next week" after them ("on Thursday and Friday last week") names their week.
- "the weekend" is the last Saturday and Sunday on or before the anchor (the next ones in the
  future tense, or after "next"; "this past weekend" is always the last ones); "N days ago" is
  that day, "N weeks/months/years ago" the week, month or year it falls in ("a few days ago",
  "in recent days", "over the past few days", "in the past week": the seven days before the
  anchor; "in the past month", "over the past few weeks", "in recent weeks": the thirty days);
  "on the 15th" is the last such day (the next one, future).
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

WORDS_FILE = Path(__file__).with_name("date-words.yaml")  # the resolver's words

_ISO_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR_AFTER = r"(?:,?\s*(\d{4})\b)?"  # ", 2024" after a day
_PERIOD_RE = re.compile(
    r"\b(earlier this|later this|earlier in the|later in the|this|last|next)\s+(week|month|year)\b"
)
_MONTH_PART = r"\b({})\s*-?\s*(?:of\s+)?(last|next|this|the)\s+month\b"
_YEAR_NAMED_PART = r"\b({})\s*-?\s*(?:of\s+)?(last|next|this)\s+year\b"
_MONTH_ONLY = (  # "in May", "at the end of May", "mid-May" (a part needs no "in")
    r"^(?:(?:{})\s+(?:the\s+)?|(?=(?:{})\b))(?:({})\s*-?\s*(?:of\s+)?)?"
    r"{}(?:\s+(this|last|next)\s+year)?$"
)
_WEEKEND_RE = re.compile(r"\b(?:(this|last|next|the)\s+)(?:past\s+)?weekend\b")
_FEW_DAYS_RE = re.compile(  # "a few days ago", "in recent days", "over the past few days"
    r"\b(?:a\s+few|several|some)\s+days\s+ago\b|\b(?:recent|(?:past|last)\s+(?:few|several))\s+days\b"
    r"|\b(?:the|this)\s+past\s+week\b"
)
_FEW_WEEKS_RE = re.compile(  # "in the past month", "over the past few weeks", "in recent weeks"
    r"\bthe\s+past\s+month\b|\b(?:recent|(?:past|last)\s+(?:few|several))\s+weeks\b"
)
_DAY_OF_MONTH_RE = re.compile(r"^(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)$")
_NAMED_YEAR_RE = re.compile(r"\b(this|last|next)\s+year\b")
_YEAR_OFFSETS = {"last": -1, "this": 0, "next": 1}
_DECADE_RE = re.compile(r"\b(\d{3})0s\b")


def _either(words: Any) -> str:
    """A regex alternation of words (a space between two words matches any)."""
    return "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in words)


class Words:
    """The resolver's words (date-words.yaml) as tables, and the patterns made of them."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Tables and patterns of a parsed, checked date-words.yaml."""
        self.months = {w: number for number, words in data["months"].items() for w in words}
        self.weekdays = tuple(data["weekdays"])
        self.day_words = dict(data["day_words"])
        self.seasons, self.year_parts = dict(data["seasons"]), dict(data["year_parts"])
        self.part_words, thirds = dict(data["part_words"]), data["month_parts"]
        other = {w: thirds[part] for w, part in self.part_words.items()}
        self.month_parts = {**thirds, **other, **data["month_spans"]}
        self.number_words = tuple(data["number_words"])
        month = r"\b(" + _either(self.months) + r")\b\.?"
        span = r"\s*(?:" + _either(data["span_words"]) + r")\s*"  # what joins a span's two ends
        day_span = _ORDINAL + span + r"(?:the\s+)?" + _ORDINAL  # "6 to 8", "the 6th to the 8th"
        days, seasons = _either(self.weekdays), _either(self.seasons)
        parts = _either([*thirds, *self.part_words])
        opens = {kind: _either(openers) for kind, openers in data["openers"].items()}
        self.month_day = re.compile(month + r"\s*(\d{1,2})(?:st|nd|rd|th)?\b" + _YEAR_AFTER)
        self.day_month = re.compile(
            r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + month + _YEAR_AFTER
        )
        self.month_days = re.compile(month + r"\s*" + day_span + r"\b" + _YEAR_AFTER)
        self.days_month = re.compile(r"\b" + day_span + r"\s+(?:of\s+)?" + month + _YEAR_AFTER)
        self.months_days = re.compile(  # "June 30 to July 2", "June 19 through June 20, 2024"
            month + r"\s*" + _ORDINAL + span + month + r"\s*" + _ORDINAL + r"\b" + _YEAR_AFTER
        )
        self.days_months = re.compile(  # "30 June to 2 July 2024"
            rf"\b{_ORDINAL}\s+(?:of\s+)?{month}{span}{_ORDINAL}\s+(?:of\s+)?{month}{_YEAR_AFTER}"
        )
        self.weekday = re.compile(r"\b(?:(last|next|this)\s+)?(" + days + r")\b")
        self.weekday_span = re.compile(r"\b(" + days + ")" + span + "(" + days + r")\b")
        day_words = sorted(self.day_words, key=len, reverse=True)
        self.day_word = re.compile(r"\b(" + _either(day_words) + r")\b")
        self.season = re.compile(r"\b(" + seasons + r")\s+(?:of\s+)?(\d{4})\b")
        self.named_season = re.compile(  # "in the autumn", "last summer": the nearest season
            rf"^(?:(?:{opens['season']})\s+(?:the\s+)?|(this|last|next)\s+)({seasons})$"
        )
        self.year = re.compile(rf"^(?:(?:{opens['year']})\s+)?(?:the\s+year\s+)?(\d{{4}})$")
        self.year_part = re.compile(r"\b(" + _either(self.year_parts) + r")[-\s]?(\d{4})\b")
        self.month_year = re.compile(month + r",?\s+(?:of\s+)?(\d{4})\b")
        self.month_only = re.compile(
            _MONTH_ONLY.format(opens["month"], _either(thirds), _either(self.month_parts), month)
        )
        self.two_months = re.compile(  # "in January and February", "between March and May 2024"
            rf"^(?:{opens['two_months']})\s+{month}{span}{month}"
            r"(?:\s+(?:(this|last|next)\s+year|(\d{4})))?$"
        )
        self.month_side = re.compile(rf"^(earlier|later)\s+in\s+{month}$")  # "earlier in March"
        self.month_part = re.compile(_MONTH_PART.format(parts))
        self.year_named_part = re.compile(_YEAR_NAMED_PART.format(parts))
        numbers = "|".join(self.number_words)
        self.ago = re.compile(r"\b(an|\d{1,2}|" + numbers + r")\s+(day|week|month|year)s?\s+ago\b")
        self.future = re.compile(r"\b(" + _either(data["future_words"]) + r")\b")
        self.ahead_words = frozenset(data["ahead_words"])  # the rule layer's (extract/dates.py)
        self.weekday_word = re.compile(rf"\b(?:{days})\b", re.IGNORECASE)  # in text as written
        starts = "|".join(names[0][:3] for names in data["months"].values())  # "Jan", "Janet"
        self.month_start = re.compile(rf"\b({starts})", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def words(path: Path = WORDS_FILE) -> Words:
    """The resolver's words of a date-words file (default: the package's), read and checked
    against its schema (extract/schema.py DATE_WORDS) once per process."""
    from diplograph.extract.rulefiles import read_data_file
    from diplograph.extract.schema import check_date_words

    data = read_data_file(path)
    check_date_words(path, data)
    return Words(data)


@dataclass(frozen=True)
class DateRange:
    """A resolved date: a single day when earliest == latest, otherwise an interval."""

    earliest: date
    latest: date
    precision: str  # one of "day", "month", "season", "year", "interval"

    @property
    def is_day(self) -> bool:
        """True when the range is a single day."""
        return self.earliest == self.latest


def _day(day: date) -> DateRange:
    """Wrap a single day as a DateRange of day precision."""
    return DateRange(day, day, "day")


def _month_end(year: int, month: int) -> date:
    """Last day of the given month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _period(day: date, unit: str) -> tuple[date, date]:
    """First and last day of the ISO week, month or year containing ``day``."""
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return day.replace(day=1), _month_end(day.year, day.month)
    return date(day.year, 1, 1), date(day.year, 12, 31)


def _infer_tense(text: str, w: Words) -> str:
    """Guess the tense of an expression: future if it has a future marker, else past."""
    return "future" if w.future.search(text) else "past"


def _nearest(month: int, day: int, anchor: date, tense: str) -> date:
    """The valid date with this month and day nearest the anchor (ties follow the tense)."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ValueError(f"no valid date for month {month}, day {day}")
    later_last = tense == "past"
    return min(candidates, key=lambda d: (abs((d - anchor).days), (d > anchor) == later_last))


def _parse_iso(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve an ISO date such as 2023-09-14."""
    m = _ISO_RE.search(text)
    return _day(date(int(m[1]), int(m[2]), int(m[3]))) if m else None


def _parse_month_day(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'July 27', '27 July' or 'July 27, 2023'."""
    m = w.month_day.search(text)
    if m:
        month, day, year = m[1], m[2], m[3]
    elif m := w.day_month.search(text):
        day, month, year = m[1], m[2], m[3]
    else:
        return None
    month_number = w.months[month]
    if year:
        return _day(date(int(year), month_number, int(day)))
    if named := _NAMED_YEAR_RE.search(text):  # "April 1 this year": the year the words name
        return _day(date(anchor.year + _YEAR_OFFSETS[named[1]], month_number, int(day)))
    return _day(_nearest(month_number, int(day), anchor, tense))


def _parse_day_span(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve days of one month: 'August 25 to 27', 'from 2 to 4 December 2024'."""
    m = w.month_days.search(text)
    if m:
        month, first, last, year = m[1], m[2], m[3], m[4]
    elif m := w.days_month.search(text):
        first, last, month, year = m[1], m[2], m[3], m[4]
    else:
        return None
    month_number = w.months[month]
    if int(first) >= int(last):
        return None
    if year:
        start = date(int(year), month_number, int(first))
    else:
        start = _nearest(month_number, int(first), anchor, tense)
    return DateRange(start, start.replace(day=int(last)), "interval")


def _parse_months_span(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve days of two months, or of one named twice: 'June 30 to July 2', '30 June to 2
    July 2024' (the year after the last day: a December's first day is of the year before)."""
    if m := w.months_days.search(text):
        first_month, first, last_month, last, year = m[1], m[2], m[3], m[4], m[5]
    elif m := w.days_months.search(text):
        first, first_month, last, last_month, year = m[1], m[2], m[3], m[4], m[5]
    else:
        return None
    months = w.months[first_month], w.months[last_month]
    if year:
        end = date(int(year), months[1], int(last))
        start = date(end.year - (months[0] > months[1]), months[0], int(first))
    else:
        start = _nearest(months[0], int(first), anchor, tense)
        end = date(start.year + (months[0] > months[1]), months[1], int(last))
    return DateRange(start, end, "interval") if start < end else None


def _parse_weekday(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve a weekday name relative to the anchor."""
    m = w.weekday.search(text)
    if not m:
        return None
    target = w.weekdays.index(m[2])
    week = _PERIOD_RE.search(text)
    if week and week[2] == "week" and week[1] in ("last", "next"):
        monday = _period(anchor, "week")[0] + timedelta(weeks=-1 if week[1] == "last" else 1)
        return _day(monday + timedelta(days=target))
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if m[1] == "last":
        return _day(anchor - timedelta(days=back or 7))
    if m[1] == "next":
        return _day(anchor + timedelta(days=ahead or 7))
    return _day(anchor + timedelta(days=-back if tense == "past" else ahead))


def _parse_weekday_span(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'on Monday and Tuesday', 'from Monday to Wednesday': the first day as a weekday
    alone, to the next such last day after it."""
    m = w.weekday_span.search(text)
    if not m or w.month_day.search(text) or w.day_month.search(text):
        return None
    week = _PERIOD_RE.search(text, m.end())  # "on Thursday and Friday last week": that week's
    named = week is not None and week[2] == "week" and week[1] in ("last", "next")
    first = _parse_weekday(text[: m.end(1)] + (f" {week[0]}" if named else ""), anchor, tense, w)
    if first is None:
        return None
    days = (w.weekdays.index(m[2]) - w.weekdays.index(m[1])) % 7
    if not days:
        return None
    start = first.earliest
    if not named and tense == "past" and start + timedelta(days=days) > anchor:  # told on day 1
        start -= timedelta(weeks=1)
    return DateRange(start, start + timedelta(days=days), "interval")


def _parse_day_word(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve today, yesterday, tomorrow, tonight, this morning, at midnight."""
    m = w.day_word.search(text)
    return _day(anchor + timedelta(days=w.day_words[m[1]])) if m else None


def _parse_month_part(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'late last month', 'at the end of last month', 'early next month': the first,
    middle or last ten days of that month."""
    m = w.month_part.search(text)
    if not m:
        return None
    which = "this" if m[2] == "the" else m[2]  # "at the end of the month": this one's
    month = _parse_period(f"{which} month", anchor, tense, w)
    if month is None or month.precision != "month":
        return None
    first, last = w.month_parts[m[1]]
    end = min(month.earliest + timedelta(days=last - 1), month.latest)
    return DateRange(month.earliest.replace(day=first), end, "interval")


def _parse_year_named_part(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'late last year', 'early next year', 'at the end of last year': the first, middle
    or last four months of that year."""
    m = w.year_named_part.search(text)
    if not m:
        return None
    year = anchor.year + _YEAR_OFFSETS[m[2]]
    first, last = w.year_parts[w.part_words.get(m[1], m[1])]
    return DateRange(date(year, first, 1), _month_end(year, last), "interval")


def _parse_period(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve this/last/next/earlier this/later this ("later in the") week, month or year."""
    m = _PERIOD_RE.search(text)
    if not m:
        return None
    which, unit = m[1].replace(" in the", " this"), m[2]  # "later in the week": this week's
    start, end = _period(anchor, unit)
    whole = "interval" if unit == "week" else unit
    if which == "last":
        return DateRange(*_period(start - timedelta(days=1), unit), whole)
    if which == "next":
        return DateRange(*_period(end + timedelta(days=1), unit), whole)
    if which == "earlier this":
        return DateRange(start, max(start, anchor - timedelta(days=1)), "interval")
    if which == "later this":
        return DateRange(min(end, anchor + timedelta(days=1)), end, "interval")
    if tense == "past" and which == "this":
        return DateRange(start, anchor, "interval")
    return DateRange(start, end, whole)


def _parse_season(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'the fall of 1950', 'summer 2023' (meteorological seasons)."""
    m = w.season.search(text)
    return DateRange(*_season_of(m[1], int(m[2]), w), "season") if m else None


def _season_of(name: str, year: int, w: Words) -> tuple[date, date]:
    """The first and last day of a season of a year; one whose last month comes before its first
    began the year before (winter of Y: December Y-1 to February Y)."""
    first, last = w.seasons[name]
    return date(year - (first > last), first, 1), _month_end(year, last)


def _parse_named_season(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'in the autumn', 'last summer', 'next spring', 'this winter': the one under way
    ('this'), else the last one begun (past) or the next one to end (future); 'last' ends
    before the anchor, 'next' begins after it."""
    m = w.named_season.match(text)
    if not m:
        return None
    spans = [_season_of(m[2], year, w) for year in range(anchor.year - 1, anchor.year + 3)]
    under_way = [s for s in spans if s[0] <= anchor <= s[1]]
    if m[1] == "this" and under_way:
        return DateRange(*under_way[0], "season")
    if m[1] == "last" or (m[1] != "next" and tense != "future"):
        past = [s for s in spans if (s[1] < anchor if m[1] == "last" else s[0] <= anchor)]
        return DateRange(*past[-1], "season")
    ahead = [s for s in spans if (s[0] > anchor if m[1] == "next" else s[1] >= anchor)]
    return DateRange(*ahead[0], "season")


def _parse_year_part(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'early 2020', 'mid-2020', 'late 2020' as four-month intervals."""
    m = w.year_part.search(text)
    if not m:
        return None
    year = int(m[2])
    first, last = w.year_parts[m[1]]
    return DateRange(date(year, first, 1), _month_end(year, last), "interval")


def _parse_month_year(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'July 2023' as the whole month."""
    m = w.month_year.search(text)
    if not m:
        return None
    year, month = int(m[2]), w.months[m[1]]
    return DateRange(date(year, month, 1), _month_end(year, month), "month")


def _parse_month_only(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'in April' as the whole month: the last April up to the article's month (the
    next one from it, in the future tense), or the year named after it ('in May last year');
    'in early April', 'at the end of April': its first, middle or last ten days."""
    m = w.month_only.match(text)
    if not m:
        return None
    month = w.months[m[2]]
    if m[3]:
        year = anchor.year + _YEAR_OFFSETS[m[3]]
    elif tense == "future":
        year = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    if m[1] is None:
        return DateRange(date(year, month, 1), _month_end(year, month), "month")
    first, last = w.month_parts[" ".join(m[1].split())]  # "the third half of May": no match
    end = min(date(year, month, 1) + timedelta(days=last - 1), _month_end(year, month))
    return DateRange(date(year, month, first), end, "interval")


def _parse_two_months(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'in January and February', 'from March to May 2024': the first day of the first
    month to the last of the second, which takes the year 'in May' would (or the one named)."""
    m = w.two_months.match(text)
    if not m:
        return None
    first, last = w.months[m[1]], w.months[m[2]]
    if m[4]:
        year = int(m[4])
    else:
        named = f" {m[3]} year" if m[3] else ""
        found = _parse_month_only(f"in {m[2]}{named}", anchor, tense, w)
        if found is None:
            return None
        year = found.earliest.year
    start = date(year - (first > last), first, 1)
    return DateRange(start, _month_end(year, last), "interval")


def _parse_month_side(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'earlier in March', 'later in March': of the article's own month, its days before
    (after) the article's day, as 'earlier this month'; of another, the whole month."""
    m = w.month_side.match(text)
    if not m:
        return None
    later = "future" if m[1] == "later" else tense
    month = _parse_month_only(f"in {m[2]}", anchor, later, w)
    if month is None or not month.earliest <= anchor <= month.latest:
        return month
    return _parse_period(f"{m[1]} this month", anchor, tense, w)


def _parse_weekend(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'over the weekend', 'last weekend' (the Saturday and Sunday on or before the
    anchor) and 'next weekend', 'this weekend' in the future tense (the next ones)."""
    m = _WEEKEND_RE.search(text)
    if not m:
        return None
    past = "past" in m[0]  # "this past weekend": the last one, whatever the tense
    ahead = m[1] == "next" or (tense == "future" and m[1] in ("this", "the") and not past)
    if ahead:
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7 * (m[1] == "next"))
    else:
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    return DateRange(saturday, saturday + timedelta(days=1), "interval")


def _parse_ago(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'three days ago' (that day), 'two weeks ago', 'a month ago', 'a year ago' (the
    week, month or year that day falls in); 'a few days ago', 'in recent days': the week before
    the anchor's day."""
    if _FEW_DAYS_RE.search(text):
        return DateRange(anchor - timedelta(days=7), anchor - timedelta(days=1), "interval")
    if _FEW_WEEKS_RE.search(text):
        return DateRange(anchor - timedelta(days=30), anchor - timedelta(days=1), "interval")
    m = w.ago.search(text)
    if not m:
        return None
    count = int(m[1]) if m[1].isdigit() else max(1, w.number_words.index(m[1].replace("an", "a")))
    if m[2] == "day":
        return _day(anchor - timedelta(days=count))
    if m[2] == "week":
        return DateRange(*_period(anchor - timedelta(weeks=count), "week"), "interval")
    if m[2] == "month":
        month = (anchor.year * 12 + anchor.month - 1) - count
        return DateRange(*_period(date(month // 12, month % 12 + 1, 1), "month"), "month")
    return DateRange(*_period(date(anchor.year - count, 1, 1), "year"), "year")


def _parse_day_of_month(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'on the 15th': that day of the anchor's month, or of the month before (after,
    in the future tense) when it would fall on the wrong side of the anchor."""
    m = _DAY_OF_MONTH_RE.match(text)
    if not m:
        return None
    day = int(m[1])
    month = anchor.year * 12 + anchor.month - 1
    if tense == "future" and day < anchor.day:
        month += 1
    elif tense != "future" and day > anchor.day:
        month -= 1
    return _day(date(month // 12, month % 12 + 1, day))


def _parse_decade(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve 'the 1990s' as a ten-year interval."""
    m = _DECADE_RE.search(text)
    if not m:
        return None
    start = int(m[1]) * 10
    return DateRange(date(start, 1, 1), date(start + 9, 12, 31), "interval")


def _parse_year(text: str, anchor: date, tense: str, w: Words) -> DateRange | None:
    """Resolve a bare year such as 'in 1991' (the whole expression must be the year)."""
    m = w.year.match(text)
    return DateRange(date(int(m[1]), 1, 1), date(int(m[1]), 12, 31), "year") if m else None


_PARSERS: tuple[Callable[[str, date, str, Words], DateRange | None], ...] = (
    _parse_iso,
    _parse_months_span,  # before a month's day: "June 30 to July 2" is no June 30
    _parse_day_span,
    _parse_month_day,
    _parse_weekday_span,
    _parse_weekday,
    _parse_day_word,
    _parse_two_months,
    _parse_month_side,
    _parse_month_only,  # before the period: "in May last year" is May's
    _parse_month_part,  # before the period: "late last month" is its last days
    _parse_year_named_part,  # before the period: "late last year" is its last months
    _parse_period,
    _parse_season,
    _parse_named_season,
    _parse_year_part,
    _parse_month_year,
    _parse_weekend,
    _parse_ago,
    _parse_day_of_month,
    _parse_decade,
    _parse_year,
)


def resolve(
    expression: str, anchor: date, tense: str | None = None, w: Words | None = None
) -> DateRange | None:
    """Resolve a date expression against the article date with the resolver's words (default:
    the package's date-words.yaml); None when the text fixes no date.

    >>> r = resolve("on Wednesday", date(2023, 7, 27))  # article dated Thursday
    >>> r.earliest, r.precision, r.is_day
    (datetime.date(2023, 7, 26), 'day', True)
    >>> resolve("later on Wednesday", date(2023, 7, 26), tense="future").earliest
    datetime.date(2023, 7, 26)
    >>> r = resolve("in the fall of 1950", date(2023, 7, 27))
    >>> str(r.earliest), str(r.latest), r.precision
    ('1950-09-01', '1950-11-30', 'season')
    >>> r = resolve("in April", date(2024, 5, 10))
    >>> str(r.earliest), str(r.latest), r.precision
    ('2024-04-01', '2024-04-30', 'month')
    >>> r = resolve("from 2 to 4 December 2024", date(2024, 12, 3))
    >>> str(r.earliest), str(r.latest), r.precision
    ('2024-12-02', '2024-12-04', 'interval')
    >>> resolve("soon", date(2023, 7, 27)) is None
    True
    >>> r = resolve("since March 2014", date(2024, 6, 24))  # from then until the article
    >>> str(r.earliest), str(r.latest), r.precision
    ('2014-03-01', '2024-06-24', 'interval')
    """
    if not isinstance(expression, str) or not isinstance(anchor, date):
        return None
    w = w or words()
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    text = " ".join(expression.lower().split()).strip(" .,;:()[]")
    if not text:
        return None
    if text.startswith("since "):  # an ongoing state since a past day: until the article
        start = resolve(text[len("since ") :], anchor, "past", w)
        if start is None or start.earliest >= anchor:
            return start
        return DateRange(start.earliest, anchor, "interval")
    if tense not in ("past", "future"):
        tense = _infer_tense(text, w)
    for parser in _PARSERS:
        try:
            found = parser(text, anchor, tense, w)
        except (ValueError, OverflowError):
            continue
        if found is not None:
            return found
    return None
