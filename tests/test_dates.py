"""Tests for diplograph.dates: relative date expressions resolved against an article date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from diplograph.dates import DateRange, resolve

THU_0727 = date(2023, 7, 27)  # Thursday
WED_0726 = date(2023, 7, 26)  # Wednesday
THU_0914 = date(2023, 9, 14)  # Thursday
MON_0911 = date(2023, 9, 11)  # Monday
TUE_0102 = date(2024, 1, 2)  # Tuesday, just after a year boundary


def day(d: date) -> DateRange:
    """A single-day DateRange."""
    return DateRange(d, d, "day")


def season(first: date, last: date) -> DateRange:
    """A season-precision DateRange."""
    return DateRange(first, last, "season")


def span(first: date, last: date) -> DateRange:
    """An interval-precision DateRange."""
    return DateRange(first, last, "interval")


CASES = [
    # weekdays (the four required anchors)
    ("on Wednesday", THU_0727, None, day(date(2023, 7, 26))),
    ("late Tuesday", WED_0726, None, day(date(2023, 7, 25))),
    ("later on Wednesday", WED_0726, "future", day(date(2023, 7, 26))),
    ("on Wednesday", THU_0914, None, day(date(2023, 9, 13))),
    ("sometime on Wednesday", THU_0727, None, day(date(2023, 7, 26))),
    ("Wednesday", THU_0727, None, day(date(2023, 7, 26))),
    ("On WEDNESDAY", THU_0727, "past", day(date(2023, 7, 26))),
    ("on Thursday", THU_0727, "past", day(THU_0727)),
    ("on Wednesday", THU_0727, "future", day(date(2023, 8, 2))),
    ("later on Wednesday", THU_0727, None, day(date(2023, 8, 2))),
    ("Wednesday", WED_0726, "past", day(WED_0726)),
    ("last Wednesday", WED_0726, None, day(date(2023, 7, 19))),
    ("next Thursday", THU_0727, None, day(date(2023, 8, 3))),
    ("on Tuesday of last week", THU_0727, None, day(date(2023, 7, 18))),
    ("by Friday", THU_0727, "future", day(date(2023, 7, 28))),
    # explicit dates
    ("July 27", THU_0727, None, day(date(2023, 7, 27))),
    ("27 July", THU_0727, None, day(date(2023, 7, 27))),
    ("on July 27, 2023", THU_0914, None, day(date(2023, 7, 27))),
    ("on 27 July 2023", THU_0914, None, day(date(2023, 7, 27))),
    ("September 14", THU_0914, None, day(date(2023, 9, 14))),
    ("2023-09-14", THU_0727, None, day(date(2023, 9, 14))),
    ("(September 14)", THU_0914, None, day(date(2023, 9, 14))),
    ("Sept. 12", THU_0914, None, day(date(2023, 9, 12))),
    ("on July 4th", THU_0727, None, day(date(2023, 7, 4))),
    # weekday plus explicit date: the explicit date wins
    ("on Thursday (September 14)", THU_0914, None, day(date(2023, 9, 14))),
    ("on Monday (September 14)", THU_0914, None, day(date(2023, 9, 14))),
    # day words
    ("today", THU_0727, None, day(THU_0727)),
    ("yesterday", THU_0727, None, day(date(2023, 7, 26))),
    ("tomorrow", THU_0727, None, day(date(2023, 7, 28))),
    ("this morning", THU_0727, None, day(THU_0727)),
    ("tonight", THU_0727, None, day(THU_0727)),
    ("at midnight", THU_0727, None, day(THU_0727)),
    ("last night", THU_0727, None, day(date(2023, 7, 26))),
    # weeks
    ("this week", THU_0727, None, span(date(2023, 7, 24), THU_0727)),
    ("this week", THU_0727, "past", span(date(2023, 7, 24), THU_0727)),
    ("this week", THU_0727, "future", span(date(2023, 7, 24), date(2023, 7, 30))),
    ("later this week", THU_0727, None, span(date(2023, 7, 28), date(2023, 7, 30))),
    ("last week", THU_0727, None, span(date(2023, 7, 17), date(2023, 7, 23))),
    ("next week", THU_0727, None, span(date(2023, 7, 31), date(2023, 8, 6))),
    # months
    ("this month", THU_0727, None, span(date(2023, 7, 1), THU_0727)),
    ("earlier this month", THU_0727, None, span(date(2023, 7, 1), date(2023, 7, 26))),
    ("last month", THU_0727, None, DateRange(date(2023, 6, 1), date(2023, 6, 30), "month")),
    ("next month", THU_0727, None, DateRange(date(2023, 8, 1), date(2023, 8, 31), "month")),
    ("in July 2023", THU_0914, None, DateRange(date(2023, 7, 1), date(2023, 7, 31), "month")),
    ("in February 2024", THU_0914, None, DateRange(date(2024, 2, 1), date(2024, 2, 29), "month")),
    # years
    ("in 1991", THU_0727, None, DateRange(date(1991, 1, 1), date(1991, 12, 31), "year")),
    ("last year", THU_0727, None, DateRange(date(2022, 1, 1), date(2022, 12, 31), "year")),
    ("in early 2020", THU_0727, None, span(date(2020, 1, 1), date(2020, 4, 30))),
    ("in mid-2020", THU_0727, None, span(date(2020, 5, 1), date(2020, 8, 31))),
    ("in late 2020", THU_0727, None, span(date(2020, 9, 1), date(2020, 12, 31))),
    ("in the 1990s", THU_0727, None, span(date(1990, 1, 1), date(1999, 12, 31))),
    # seasons
    ("in the fall of 1950", THU_0727, None, season(date(1950, 9, 1), date(1950, 11, 30))),
    ("autumn 1950", THU_0727, None, season(date(1950, 9, 1), date(1950, 11, 30))),
    ("in the spring of 1950", THU_0727, None, season(date(1950, 3, 1), date(1950, 5, 31))),
    ("summer 1950", THU_0727, None, season(date(1950, 6, 1), date(1950, 8, 31))),
    ("in the winter of 1950", THU_0727, None, season(date(1949, 12, 1), date(1950, 2, 28))),
    ("winter 2024", THU_0727, None, season(date(2023, 12, 1), date(2024, 2, 29))),
    # other anchors: a Monday, and the turn of a year
    ("on Monday", MON_0911, None, day(MON_0911)),
    ("on Sunday", MON_0911, None, day(date(2023, 9, 10))),
    ("on Tuesday", MON_0911, "future", day(date(2023, 9, 12))),
    ("this week", MON_0911, None, span(MON_0911, MON_0911)),
    ("December 30", TUE_0102, None, day(date(2023, 12, 30))),
    ("January 5", date(2023, 12, 30), "future", day(date(2024, 1, 5))),
    ("last week", TUE_0102, None, span(date(2023, 12, 25), date(2023, 12, 31))),
    ("last month", TUE_0102, None, DateRange(date(2023, 12, 1), date(2023, 12, 31), "month")),
    ("yesterday", date(2024, 1, 1), None, day(date(2023, 12, 31))),
    ("the day before yesterday", THU_0727, None, day(date(2023, 7, 25))),
    ("the day after tomorrow", THU_0727, None, day(date(2023, 7, 29))),
    ("on Friday", TUE_0102, None, day(date(2023, 12, 29))),
    ("next week", date(2023, 12, 28), None, span(date(2024, 1, 1), date(2024, 1, 7))),
    ("February 29", date(2025, 1, 10), None, day(date(2024, 2, 29))),
    # a date without a year exactly half a year from the anchor: the tense breaks the tie
    ("on July 2", date(2024, 1, 1), "past", day(date(2023, 7, 2))),
    ("on July 2", date(2024, 1, 1), "future", day(date(2024, 7, 2))),
    # a month alone in the anchor's own month is this year's, in either tense
    ("in July", THU_0727, "future", DateRange(date(2023, 7, 1), date(2023, 7, 31), "month")),
    ("in July", THU_0727, "past", DateRange(date(2023, 7, 1), date(2023, 7, 31), "month")),
    ("in August", THU_0727, "past", DateRange(date(2022, 8, 1), date(2022, 8, 31), "month")),
    # days of one month: an interval from the first to the last
    (
        "from 2 to 4 December 2024",
        date(2024, 12, 3),
        None,
        span(date(2024, 12, 2), date(2024, 12, 4)),
    ),
    (
        "on August 25 and 26",
        date(2023, 8, 20),
        "future",
        span(date(2023, 8, 25), date(2023, 8, 26)),
    ),
    (
        "from October 28 to 30",
        date(2024, 10, 28),
        None,
        span(date(2024, 10, 28), date(2024, 10, 30)),
    ),
    ("March 12-15", date(2024, 3, 16), None, span(date(2024, 3, 12), date(2024, 3, 15))),
    (
        "between 3rd and 5th of May",
        date(2024, 5, 1),
        "future",
        span(date(2024, 5, 3), date(2024, 5, 5)),
    ),
    # two weekdays joined: the first as a weekday alone, to the second after it
    ("on Monday and Tuesday", THU_0727, "past", span(date(2023, 7, 24), date(2023, 7, 25))),
    ("from Monday to Wednesday", THU_0727, "future", span(date(2023, 7, 31), date(2023, 8, 2))),
    ("on Wednesday and Friday", THU_0727, "past", span(date(2023, 7, 19), date(2023, 7, 21))),
    # a part of last or next month: its first, middle or last ten days
    ("late last month", THU_0727, None, span(date(2023, 6, 21), date(2023, 6, 30))),
    ("at the end of last month", THU_0727, None, span(date(2023, 6, 21), date(2023, 6, 30))),
    ("early next month", THU_0727, None, span(date(2023, 8, 1), date(2023, 8, 10))),
]


@pytest.mark.parametrize(("expression", "anchor", "tense", "expected"), CASES)
def test_resolve(expression: str, anchor: date, tense: str | None, expected: DateRange) -> None:
    """Each expression resolves to exactly the expected range."""
    assert resolve(expression, anchor, tense) == expected


@pytest.mark.parametrize(
    "expression",
    [
        "the same day",
        "soon",
        "",
        "   ",
        "at a convenient time",
        "on Wednesdays",
        "February 30",
        "in the coming days",
        "5000 troops were deployed",
        "the minister may resign",
        "!!!((",
    ],
)
def test_unresolvable_returns_none(expression: str) -> None:
    """Text that fixes no date yields None rather than a guess or an exception."""
    assert resolve(expression, THU_0727) is None


@pytest.mark.parametrize(
    "expression", ["9999-12-31 tomorrow", "0000-01-01", "December 31 tomorrow", "next year"]
)
def test_edge_of_calendar_never_raises(expression: str) -> None:
    """Calendar overflow at date.max is absorbed instead of raised."""
    resolve(expression, date.max)


def test_is_day() -> None:
    """is_day distinguishes single days from intervals."""
    assert resolve("yesterday", THU_0727).is_day
    assert not resolve("last week", THU_0727).is_day


def test_datetime_anchor_is_reduced_to_date() -> None:
    """A datetime anchor behaves like its date."""
    assert resolve("yesterday", datetime(2023, 7, 27, 15, 30)) == day(date(2023, 7, 26))


def test_since_a_past_day_lasts_until_the_article():
    """ "since March 2014": from its first day to the article's day; a future "since" stays."""
    found = resolve("since March 2014", date(2024, 6, 24))
    assert (found.earliest, found.latest, found.precision) == (
        date(2014, 3, 1),
        date(2024, 6, 24),
        "interval",
    )
    assert resolve("since", date(2024, 6, 24)) is None


WED_0605 = date(2024, 6, 5)  # Wednesday


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        # a part of a month: its first, middle or last ten days (the readers' "early October")
        ("in mid-May", None, span(date(2024, 5, 11), date(2024, 5, 20))),
        ("in early October", None, span(date(2023, 10, 1), date(2023, 10, 10))),
        ("at the end of May", None, span(date(2024, 5, 21), date(2024, 5, 31))),
        ("in the middle of june", None, span(date(2024, 6, 11), date(2024, 6, 20))),
        ("at the beginning of july", "future", span(date(2024, 7, 1), date(2024, 7, 10))),
        # a week or half of a month: its days ("in the first week of May": 1 to 7)
        ("in the first week of May", None, span(date(2024, 5, 1), date(2024, 5, 7))),
        ("in the second half of May", None, span(date(2024, 5, 16), date(2024, 5, 31))),
        ("during the third week of march", None, span(date(2024, 3, 15), date(2024, 3, 21))),
        ("in the last week of February", None, span(date(2024, 2, 25), date(2024, 2, 29))),
        ("in the first half of july", "future", span(date(2024, 7, 1), date(2024, 7, 15))),
        ("in the last days of May", None, span(date(2024, 5, 21), date(2024, 5, 31))),
        ("in the third half of May", None, None),  # no such part: no date (not an error)
        # the year named after the month
        ("in May last year", None, DateRange(date(2023, 5, 1), date(2023, 5, 31), "month")),
        ("in late May last year", None, span(date(2023, 5, 21), date(2023, 5, 31))),
        ("in May next year", None, DateRange(date(2025, 5, 1), date(2025, 5, 31), "month")),
        # weekends: the last one (past), the next one (future or "next")
        ("over the weekend", None, span(date(2024, 6, 1), date(2024, 6, 2))),
        ("last weekend", None, span(date(2024, 6, 1), date(2024, 6, 2))),
        ("this weekend", "future", span(date(2024, 6, 8), date(2024, 6, 9))),
        ("next weekend", None, span(date(2024, 6, 8), date(2024, 6, 9))),
        # "ago": the day, or the week, month or year that day falls in
        ("three days ago", None, day(date(2024, 6, 2))),
        ("two weeks ago", None, span(date(2024, 5, 20), date(2024, 5, 26))),
        ("a month ago", None, DateRange(date(2024, 5, 1), date(2024, 5, 31), "month")),
        # a season without a year: the one under way, the last begun or the next to end
        ("in the autumn", "future", season(date(2024, 9, 1), date(2024, 11, 30))),
        ("in the autumn", None, season(date(2023, 9, 1), date(2023, 11, 30))),
        ("last summer", None, season(date(2023, 6, 1), date(2023, 8, 31))),
        ("this summer", "future", season(date(2024, 6, 1), date(2024, 8, 31))),
        ("next winter", None, season(date(2024, 12, 1), date(2025, 2, 28))),
        # "a few days ago", "in recent days": the seven days before the article's
        ("a few days ago", None, span(date(2024, 5, 29), date(2024, 6, 4))),
        ("several days ago", None, span(date(2024, 5, 29), date(2024, 6, 4))),
        ("in recent days", None, span(date(2024, 5, 29), date(2024, 6, 4))),
        ("over the past few days", None, span(date(2024, 5, 29), date(2024, 6, 4))),
        ("in the past week", None, span(date(2024, 5, 29), date(2024, 6, 4))),
        ("this past week", None, span(date(2024, 5, 29), date(2024, 6, 4))),
        ("in the past month", None, span(date(2024, 5, 6), date(2024, 6, 4))),
        ("over the past few weeks", None, span(date(2024, 5, 6), date(2024, 6, 4))),
        ("in recent weeks", None, span(date(2024, 5, 6), date(2024, 6, 4))),
        # a day of the month: this month's, or the last month's if still to come
        ("on the 3rd", None, day(date(2024, 6, 3))),
        ("on the 15th", None, day(date(2024, 5, 15))),
        ("on the 15th", "future", day(date(2024, 6, 15))),
    ],
)
def test_month_parts_weekends_ago_and_days_of_the_month(expression, tense, expected):
    """dates.py `_parse_month_only`, `_parse_weekend`, `_parse_ago`, `_parse_day_of_month`."""
    assert resolve(expression, WED_0605, tense) == expected


def test_days_of_one_month_told_with_the_ordinals_the_words_name():
    """ "from the 10th to the 12th of March": the three days (the second "the" read past)."""
    found = resolve("from the 10th to the 12th of March", date(2025, 3, 7), "future")
    assert found == span(date(2025, 3, 10), date(2025, 3, 12))


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("late last year", span(date(2024, 9, 1), date(2024, 12, 31))),
        ("at the end of last year", span(date(2024, 9, 1), date(2024, 12, 31))),
        ("early next year", span(date(2026, 1, 1), date(2026, 4, 30))),
        ("at the beginning of next year", span(date(2026, 1, 1), date(2026, 4, 30))),
    ],
)
def test_a_part_of_last_or_next_year_is_its_four_months(expression, expected):
    """ "late last year", "early next year": that year's last or first four months, as "late
    2024" is (not the whole year)."""
    assert resolve(expression, date(2025, 3, 7)) == expected


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        # "this past weekend": the last one, even where the tense reads ahead
        ("this past weekend", None, span(date(2024, 6, 1), date(2024, 6, 2))),
        ("over the past weekend", "future", span(date(2024, 6, 1), date(2024, 6, 2))),
    ],
)
def test_the_past_weekend_is_the_last_one(expression, tense, expected):
    """dates.py `_parse_weekend`: "past" before "weekend"."""
    assert resolve(expression, WED_0605, tense) == expected


def test_two_weekdays_of_last_week_are_that_weeks():
    """dates.py `_parse_weekday_span`: told on Friday, "on Monday and Tuesday last week" is
    the week before's (it was this week's Monday and Tuesday)."""
    found = resolve("on Monday and Tuesday last week", date(2024, 6, 7))
    assert found == span(date(2024, 5, 27), date(2024, 5, 28))


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        # two months: the first's first day to the second's last
        ("in January and February", None, span(date(2024, 1, 1), date(2024, 2, 29))),
        ("from November to January", None, span(date(2023, 11, 1), date(2024, 1, 31))),
        ("between March and May 2022", None, span(date(2022, 3, 1), date(2022, 5, 31))),
        # the article's own month, before or after its day; another month whole
        ("earlier in June", None, span(date(2024, 6, 1), date(2024, 6, 4))),
        ("later in June", "future", span(date(2024, 6, 6), date(2024, 6, 30))),
        ("earlier in May", None, DateRange(date(2024, 5, 1), date(2024, 5, 31), "month")),
    ],
)
def test_two_months_and_the_days_of_the_articles_month_before_its_day(expression, tense, expected):
    """dates.py `_parse_two_months`, `_parse_month_side`."""
    assert resolve(expression, WED_0605, tense) == expected


def _words_file(tmp_path, old: str = "", new: str = ""):
    """A copy of the package's date-words.yaml with `old` replaced by `new`."""
    from diplograph.dates import WORDS_FILE

    path = tmp_path / "date-words.yaml"
    text = WORDS_FILE.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_resolver_reads_its_words_from_date_words_yaml(tmp_path):
    """A day word, a month's abbreviation and a season added to the data file are resolved."""
    from diplograph.dates import words

    path = _words_file(tmp_path, "  today: 0\n", "  today: 0\n  overmorrow: 2\n")
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("3: [march, mar]", "3: [march, mar, mrz]")
        .replace("  winter: [12, 2]", "  winter: [12, 2]\n  monsoon: [6, 9]"),
        encoding="utf-8",
    )
    mine = words(path)
    assert resolve("overmorrow", THU_0727) is None
    assert resolve("overmorrow", THU_0727, w=mine) == day(date(2023, 7, 29))
    assert resolve("on 3 Mrz 2024", THU_0727, w=mine) == day(date(2024, 3, 3))
    assert resolve("the monsoon of 2024", THU_0727, w=mine) == season(
        date(2024, 6, 1), date(2024, 9, 30)
    )


def test_the_date_words_are_read_once_per_process():
    """The package's words are read and compiled once: every call shares them."""
    from diplograph.dates import words

    assert words() is words()


def test_a_misspelt_key_of_date_words_yaml_names_the_file_and_line(tmp_path):
    from diplograph.dates import words
    from diplograph.errors import InputError

    path = _words_file(tmp_path, "\nweekdays:", "\nweekdyas:")
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("weekdyas:"))
    with pytest.raises(InputError, match=rf"{path}:{line}: .*'weekdyas'.*'weekdays'"):
        words(path)


def test_a_part_word_of_no_part_is_an_error_naming_its_line(tmp_path):
    from diplograph.dates import words
    from diplograph.errors import InputError

    path = _words_file(tmp_path, "  middle: mid\n", "  middle: midd\n")
    line = path.read_text(encoding="utf-8").splitlines().index("  middle: midd") + 1
    with pytest.raises(InputError, match=rf"{path}:{line}: part_words: 'midd'"):
        words(path)


def test_a_day_span_of_a_wrong_type_is_an_error_naming_its_line(tmp_path):
    from diplograph.dates import words
    from diplograph.errors import InputError

    path = _words_file(tmp_path, "  first week: [1, 7]\n", "  first week: [1, seven]\n")
    line = path.read_text(encoding="utf-8").splitlines().index("  first week: [1, seven]") + 1
    with pytest.raises(InputError, match=rf"{path}:{line}: date-words.yaml: .*first week"):
        words(path)


def test_the_rule_layers_ahead_words_are_read_from_date_words_yaml(tmp_path):
    """extract/dates.py's words that tell a time ahead ("the upcoming summit") are the data's."""
    from diplograph.dates import words
    from diplograph.extract.dates import sounds_future

    assert words().ahead_words == {"next", "tomorrow", "upcoming", "coming"}
    assert sounds_future("at the Upcoming summit") and not sounds_future("later on Wednesday")
    path = _words_file(tmp_path, "ahead_words: [next,", "ahead_words: [forthcoming, next,")
    assert "forthcoming" in words(path).ahead_words


def test_the_rule_layers_weekday_and_month_tests_read_date_words_yaml(tmp_path):
    """extract/dates.soon_after's weekday test and candidates._month_ahead's month test are made
    of the data's weekdays and months (the first three letters of a month's name)."""
    from diplograph.dates import words

    path = _words_file(tmp_path, "weekdays: [monday,", "weekdays: [montag,")
    text = path.read_text(encoding="utf-8").replace("2: [february,", "2: [hornung,")
    path.write_text(text, encoding="utf-8")
    mine = words(path)
    assert mine.weekday_word.search("on MONTAG") and not mine.weekday_word.search("on Monday")
    assert words().weekday_word.search("on Monday") and words().month_start.search("Feb 3")
    assert mine.month_start.search("Hornung 3") and not mine.month_start.search("Feb 3")


def test_the_words_that_open_an_expression_are_the_datas(tmp_path):
    """date-words.yaml `openers`: a word added before a year or a month opens one."""
    from diplograph.dates import words

    path = _words_file(tmp_path, "  year: [in,", "  year: [circa, in,")
    text = path.read_text(encoding="utf-8").replace("  month: [in,", "  month: [throughout, in,")
    path.write_text(text, encoding="utf-8")
    mine = words(path)
    assert resolve("circa 1991", THU_0727) is None
    assert resolve("circa 1991", THU_0727, w=mine) == DateRange(
        date(1991, 1, 1), date(1991, 12, 31), "year"
    )
    assert resolve("throughout May", THU_0727) is None
    assert resolve("throughout May", THU_0727, w=mine) == DateRange(
        date(2023, 5, 1), date(2023, 5, 31), "month"
    )
