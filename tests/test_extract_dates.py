"""Date phrases: each is found in a sentence, given to the event it dates, resolved against the
article's date with the precision the text supports, and kept as dip:dateExpression."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from diplograph.extract import extract_article
from diplograph.extract.clean import article_from_text
from diplograph.namespaces import DIP

ROOT = Path(__file__).resolve().parents[1]


def extract(text: str, published: date, layer) -> Graph:
    """The rule layer of one text dated `published`."""
    rules, gazetteer = layer
    return extract_article(
        article_from_text(Path("t.txt"), text, published, rules), rules, gazetteer
    )


def dated(graph: Graph, kind: str) -> tuple[str, str]:
    """(date or earliest..latest, date words) of the one event of a kind."""
    (event,) = set(graph.subjects(RDF.type, getattr(DIP, kind)))
    words = {str(graph.value(a, DIP.dateExpression)) for a in graph.subjects(DIP.attests, event)}
    words.discard("None")
    day = graph.value(event, DIP.date)
    if day is not None:
        return str(day), "|".join(sorted(words))
    span = f"{graph.value(event, DIP.earliestDate)}..{graph.value(event, DIP.latestDate)}"
    return span, "|".join(sorted(words))


@pytest.mark.parametrize(
    ("text", "published", "kind", "expected"),
    [
        (
            "Kim Jong Un arrived in Moscow late Tuesday.",
            date(2023, 7, 26),
            "Arrival",
            ("2023-07-25", "late Tuesday"),
        ),
        (
            "At midnight, Kim Jong Un attended a ceremony with Sergei Shoigu.",
            date(2023, 7, 27),
            "Ceremony",
            ("2023-07-27", "At midnight"),
        ),
        (
            "Vladimir Putin on Thursday (September 14) accepted the invitation by Kim Jong Un.",
            date(2023, 9, 14),
            "InvitationAcceptance",
            ("2023-09-14", "on Thursday (September 14)"),
        ),
        (
            "China closed its border with North Korea earlier this month.",
            date(2023, 7, 26),
            "BorderClosure",
            ("2023-07-01..2023-07-25", "earlier this month"),
        ),
        (
            "North Korea had sealed the country off in early 2020.",
            date(2023, 7, 26),
            "BorderClosure",
            ("2020-01-01..2020-04-30", "in early 2020"),
        ),
        (
            "Beijing sent troops in the fall of 1950 to support North Korea.",
            date(2023, 7, 26),
            "MilitaryAid",
            ("1950-09-01..1950-11-30", "in the fall of 1950"),
        ),
        (  # AP style: a month abbreviated with a full stop
            "Ethiopian Prime Minister Abiy Ahmed met Muse Bihi Abdi on Jan. 1.",
            date(2024, 4, 4),
            "Meeting",
            ("2024-01-01", "on Jan. 1"),
        ),
        (
            "Xi Jinping will visit Pyongyang next week.",
            date(2023, 7, 26),
            "Visit",
            ("2023-07-31..2023-08-06", "next week"),
        ),
        (  # the year the words name, not the one nearest the article's date
            "Abiy Ahmed last met William Ruto in Nairobi on March 2 this year.",
            date(2024, 11, 20),
            "Meeting",
            ("2024-03-02", "on March 2 this year"),
        ),
        (
            "Abiy Ahmed met William Ruto in Nairobi on 20 January last year.",
            date(2024, 11, 20),
            "Meeting",
            ("2023-01-20", "on 20 January last year"),
        ),
        (  # date.month-ordinal: "3rd" was no day of a month
            "Kenyan President William Ruto met Xi Jinping on March 3rd.",
            date(2025, 3, 7),
            "Meeting",
            ("2025-03-03", "on March 3rd"),
        ),
        (  # the day the month names, not the weekday's (the article's date was read)
            "Kenyan President William Ruto met Xi Jinping on Thursday, February 20.",
            date(2025, 3, 7),
            "Meeting",
            ("2025-02-20", "on Thursday, February 20"),
        ),
        (  # date.weekday-span: both days, not the first alone
            "Kenyan President William Ruto met Xi Jinping on Monday and Tuesday.",
            date(2025, 3, 7),
            "Meeting",
            ("2025-03-03..2025-03-04", "on Monday and Tuesday"),
        ),
        (  # date.weekday-of-week: the Thursday of last week, not yesterday
            "Kenyan President William Ruto met Xi Jinping on Thursday last week.",
            date(2025, 3, 7),
            "Meeting",
            ("2025-02-27", "on Thursday last week"),
        ),
    ],
)
def test_date_phrases(layer, text, published, kind, expected):
    assert dated(extract(text, published, layer), kind) == expected


def test_the_same_day_is_the_previous_events_day(layer):
    text = (
        "Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday. "
        "Kim Jong Un and Sergei Shoigu signed an agreement the same day."
    )
    graph = extract(text, date(2023, 7, 28), layer)
    assert dated(graph, "AgreementSigning") == ("2023-07-26", "the same day")


def test_a_dateline_and_a_reporting_date_do_not_date_the_event(layer):
    text = "Seoul, July 27 (IANS) Kim Jong Un met Sergei Shoigu, state media said on Thursday."
    graph = extract(text, date(2023, 7, 27), layer)
    assert list(graph.subjects(DIP.date, None)) == []


def test_an_undated_event_takes_the_date_of_the_meeting_it_happened_during(layer):
    text = (
        "Kim Jong Un met Li Hongzhong in Pyongyang on Wednesday. "
        "During the meeting, Li Hongzhong gave Kim Jong Un a letter from Xi Jinping."
    )
    graph = extract(text, date(2023, 7, 27), layer)
    assert dated(graph, "LetterDelivery")[0] == "2023-07-26"


def test_a_day_before_its_month_and_year_is_one_date_phrase(layer):
    """ "today, 3 December 2024,": the day, month and year are one phrase; the year is never
    read as the month's day ("December 2024")."""
    from diplograph.extract.dates import date_spans
    from diplograph.extract.pipeline import find_boilerplate, mappable_sentences
    from diplograph.extract.sentences import tokenize

    rules, _ = layer
    text = "President Cyril Ramaphosa today, 3 December 2024, hosted Bola Tinubu."
    article = article_from_text(Path("t.txt"), text, date(2024, 12, 3), rules)
    (sentence,) = mappable_sentences(article, find_boilerplate(article.text, rules))
    units, doc = tokenize(sentence, rules)
    spans = date_spans(units, rules, doc)
    words = sorted(" ".join(u.text for u in units[start:end]) for start, end, _ in spans)
    assert words == ["3 December 2024", "today"]


def test_a_planned_visits_date_is_not_the_storys_day(layer):
    """An undated one-day event after a sentence whose only date is a planned visit's ("next
    year") took place on the story's last day, not in the planned visit's year."""
    text = (
        "Foreign Minister Wang Yi met Japanese Foreign Minister Takeshi Iwaya in Beijing on "
        "Monday. Iwaya invited Wang Yi to visit Japan next year. The two ministers signed a plan "
        "of consultations."
    )
    graph = extract(text, date(2024, 12, 4), layer)
    assert dated(graph, "AgreementSigning") == ("2024-12-02", "")
    assert dated(graph, "Visit") == ("2025-01-01..2025-12-31", "next year")


def test_an_arrival_with_no_date_words_is_on_the_storys_last_day(layer):
    """kinds.yaml: an arrival is a one-day event (`narrative_date`): "who arrived at Argyle"
    after a sentence that names Thursday arrived on Thursday; in the lede its own date words
    alone date it (`lede_date: false`: a headline's "arrives" may be yesterday's)."""
    text = (
        "Guyana's President Irfaan Ali met Venezuela's President Nicolas Maduro in Kingstown on "
        "Thursday. Ali, who arrived at Argyle International Airport shortly after 9 am, was "
        "greeted by Ralph Gonsalves."
    )
    graph = extract(text, date(2023, 12, 15), layer)
    assert dated(graph, "Arrival") == ("2023-12-14", "")


def test_a_past_event_of_several_days_leaves_the_storys_day(layer):
    """ "set up during X's visit to New Delhi earlier this month" is background: the talks told
    after it took place on the story's day (Sunday), not in no day at all."""
    text = (
        "Narendra Modi met Emir Meshal Al-Ahmad Al-Jaber Al-Sabah in Kuwait City on Sunday. "
        "The commission was set up during Abdullah Ali Al-Yahya's visit to New Delhi earlier "
        "this month. Modi later held talks with Ahmad Al-Abdullah Al-Ahmad Al-Sabah."
    )
    graph = extract(text, date(2024, 12, 22), layer)
    assert dated(graph, "Talks") == ("2024-12-22", "")
    assert dated(graph, "Visit") == ("2024-12-01..2024-12-21", "earlier this month")


def test_a_past_day_further_back_than_a_week_leaves_the_storys_day(layer):
    """pipeline._background: "after talks between Iran and the United States in Muscat on
    April 12", told on April 22 beside a meeting of the story's day, is background: the
    invitation told next is of the story's day (it had no day: April 12 is too far back for a
    narrative day). A sentence of that old day alone still moves the story ("Lula arrived in
    Shanghai on April 10. The next day, ...")."""
    text = (
        "MOSCOW, April 22 (ONA) -- Sultan Haitham bin Tarik and Russian President Vladimir "
        "Putin held talks today at the Kremlin. The Sultan also met Prime Minister Mikhail "
        "Mishustin on Tuesday, after talks between Iran and the United States in Muscat on "
        "April 12. The Sultan extended an invitation to President Putin to visit Oman."
    )
    graph = extract(text, date(2025, 4, 22), layer)
    assert dated(graph, "Invitation") == ("2025-04-22", "")


def test_a_bare_invitation_told_again_takes_no_story_day(layer):
    """ "The invitation also comes amid ...": a rule with `narrative_date: false`
    (invitation.bare) names an invitation made before; the story's day (Tuesday) is not its."""
    text = (
        "Sergei Shoigu arrived in Pyongyang on Tuesday. The invitation also comes amid tensions "
        "with the United States."
    )
    graph = extract(text, date(2023, 7, 26), layer)
    (invitation,) = graph.subjects(RDF.type, DIP.Invitation)
    assert graph.value(invitation, DIP.date) is None


@pytest.mark.parametrize("words", ["Earlier in the day", "Later that day"])
def test_earlier_in_the_day_is_the_previous_events_day(words, layer):
    """ "Earlier in the day, X laid a wreath": the day of the event told before."""
    text = (
        "Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday. "
        f"{words}, Sergei Shoigu laid a wreath at the Friendship Tower."
    )
    graph = extract(text, date(2023, 7, 28), layer)
    assert dated(graph, "Ceremony") == ("2023-07-26", words)


PLANNED = (
    "Brazilian President Luiz Inacio Lula da Silva will pay a state visit to Angola next week. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an itinerary names each day once, at the head of its sentence
            PLANNED + "On August 26, Lula will be received by Angolan President Joao Lourenco. "
            "He will also lay a wreath at the Agostinho Neto Memorial.",
            ("2023-08-26", ""),
        ),
        (  # a day that does not open its sentence dates only its own event
            PLANNED + "Lula will be received by Angolan President Joao Lourenco on August 26. "
            "He will also lay a wreath at the Agostinho Neto Memorial.",
            ("None..None", ""),
        ),
    ],
)
def test_a_planned_day_dates_the_plans_of_the_next_sentence(text, expected, layer):
    """ "On August 26, X will be received ... He will also lay a wreath": the wreath is laid
    that day."""
    assert dated(extract(text, date(2023, 8, 22), layer), "Ceremony") == expected


def test_a_days_still_to_come_dates_no_past_event_of_its_sentence(layer):
    """ "invited X to attend the parade in Moscow on May 9, 2025": the day is the parade's; the
    invitation took place on the story's day."""
    text = (
        "Russian President Vladimir Putin met Belarusian President Alexander Lukashenko in "
        "Minsk on Friday. Putin invited Lukashenko to attend a military parade in Moscow on "
        "May 9, 2025."
    )
    graph = extract(text, date(2024, 12, 7), layer)
    assert dated(graph, "Invitation") == ("2024-12-06", "")


@pytest.mark.parametrize(
    ("text", "published", "invitation", "visit"),
    [
        (  # the invited visit has no date words: it stays undated
            "Georgian Prime Minister Irakli Kobakhidze met Armenian Prime Minister Nikol "
            "Pashinyan in Yerevan on Tuesday. Kobakhidze invited Pashinyan to pay an official "
            "visit to Georgia.",
            date(2024, 3, 27),
            "2024-03-26",
            ("None..None", ""),
        ),
        (  # "to visit Pretoria next year": the date words are the visit's alone
            "Nigerian President Bola Tinubu met South African President Cyril Ramaphosa in Cape "
            "Town on Tuesday. Ramaphosa invited Tinubu to visit Pretoria next year.",
            date(2024, 12, 4),
            "2024-12-03",
            ("2025-01-01..2025-12-31", "next year"),
        ),
    ],
)
def test_an_invitation_is_extended_on_the_storys_day(text, published, invitation, visit, layer):
    """An invitation with no date words of its own was extended on the story's day (the
    Tuesday before publication); the visit it invites to keeps its own date, if any."""
    graph = extract(text, published, layer)
    assert dated(graph, "Invitation") == (invitation, "")
    assert dated(graph, "Visit") == visit


def test_an_invitation_is_accepted_on_the_storys_day(layer):
    """An acceptance with no date words of its own was given on the story's day, as the
    invitation it answers."""
    text = (
        "Mongolian President Ukhnaagiin Khurelsukh met Vietnamese leader To Lam in Ulaanbaatar on "
        "Saturday. To Lam invited Khurelsukh to visit Vietnam. Khurelsukh accepted the invitation."
    )
    graph = extract(text, date(2024, 9, 23), layer)
    assert dated(graph, "InvitationAcceptance") == ("2024-09-21", "")


TALKS = (
    " Turkish Foreign Minister Hakan Fidan held talks with Azerbaijani Foreign Minister "
    "Jeyhun Bayramov."
)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [  # a sentence that names one recent day with no event of its own sets the story's day
        ("The trilateral forum opened on Monday in Antalya.", ("2024-03-04", "")),
        ("The forum was first held in 2016 in Antalya.", ("2024-03-05", "")),
        ("The forum will open on Friday in Antalya.", ("2024-03-05", "")),
        ("The forum opened on Monday, February 12 in Antalya.", ("2024-03-05", "")),
    ],
)
def test_a_day_named_without_an_event_is_the_storys_day(opening, expected, layer):
    """ "The meeting was held today": the undated talks that follow took place that day; a
    day long past, one ahead or more than a week back is no story day, and the talks, in the
    lede, are the article's day's news (`LEDE_SENTENCES`)."""
    graph = extract(opening + TALKS, date(2024, 3, 5), layer)
    assert dated(graph, "Talks") == expected


def test_an_acceptance_told_again_keeps_the_day_the_article_gave_it(layer):
    """ "Putin accepted the invitation with pleasure" after a day the story moved back to is
    the acceptance the article dated already, told again: one acceptance, on its own day."""
    text = (
        "Russian President Vladimir Putin on Thursday accepted the invitation by Kim Jong Un to "
        "visit North Korea. On Wednesday Kim invited Putin to visit Pyongyang during their talks. "
        "Putin accepted the invitation with pleasure."
    )
    graph = extract(text, date(2023, 9, 14), layer)
    assert dated(graph, "InvitationAcceptance") == ("2023-09-14", "on Thursday")


VISIT_SPAN = (
    "Nigerian President Bola Tinubu {verb} in South Africa on a State Visit from 2 to 4 December "
    "2024. Tinubu and South African President Cyril Ramaphosa held talks."
)


@pytest.mark.parametrize(
    ("verb", "published", "talks"),
    [  # the article appears during the visit: the talks it tells of took place that day
        ("is", date(2024, 12, 3), ("2024-12-03", "")),
        # after the visit: which of its days the talks took is not said
        ("was", date(2024, 12, 5), ("None..None", "")),
    ],
)
def test_a_visit_of_several_days_and_the_talks_during_it(verb, published, talks, layer):
    """ "from 2 to 4 December": the visit runs from its first day to its last; an undated
    one-day event told while the visit goes on took place on the article's day."""
    graph = extract(VISIT_SPAN.format(verb=verb), published, layer)
    assert dated(graph, "Visit") == ("2024-12-02..2024-12-04", "from 2 to 4 December 2024")
    assert dated(graph, "Talks") == talks


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [  # the dateline's date, brackets read past, dates no event of its own
        (
            "NEW DELHI, Aug 1 (PTI) Vietnamese Prime Minister Pham Minh Chinh met Vice President "
            "Jagdeep Dhankhar on Tuesday.",
            "Meeting",
            ("2024-07-30", "on Tuesday"),
        ),
        # but it is the story's day, for a one-day event with no date words of its own
        (
            "CANBERRA, Aug 1 AAP - Anthony Albanese says Australia will cooperate with China "
            "after hosting Premier Li Qiang at Parliament House.",
            "Hosting",
            ("2024-08-01", ""),
        ),
    ],
)
def test_the_datelines_day_is_the_storys_day_not_an_events_date(text, kind, expected, layer):
    """ "NEW DELHI, Aug 1 (PTI) X met Y on Tuesday": the meeting was on Tuesday; "CANBERRA,
    Aug 1 AAP - X says ... after hosting Y": the undated hosting took place on the dateline's
    day."""
    assert dated(extract(text, date(2024, 8, 1), layer), kind) == expected


LEDE = (
    "Turkish Foreign Minister Hakan Fidan held talks with Azerbaijani Foreign Minister Jeyhun "
    "Bayramov."
)
FILLER = " The two countries are close allies. Both belong to the Organization of Turkic States."


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (LEDE, "Talks", ("2024-03-05", "")),  # the lede's undated talks: the article's day
        (  # past the lede, an undated event stays undated
            "The forum was first held in 2016." + FILLER + " " + LEDE,
            "Talks",
            ("None..None", ""),
        ),
        (  # an invitation keeps to its own date words (kinds.yaml `lede_date: false`)
            "Turkish Foreign Minister Hakan Fidan invited Azerbaijani Foreign Minister Jeyhun "
            "Bayramov to visit Ankara.",
            "Invitation",
            ("None..None", ""),
        ),
    ],
)
def test_the_ledes_undated_events_are_the_articles_days_news(text, kind, expected, layer):
    """Before the story names a day, an undated event of its first sentences took place on the
    article's own day (told on Tuesday 5 March 2024)."""
    graph = extract(text, date(2024, 3, 5), layer)
    assert dated(graph, kind) == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # told as done in December: this March, not the nearer March to come
        ("Abiy Ahmed met William Ruto in Nairobi on March 20.", "Meeting", "2024-03-20"),
        ("Abiy Ahmed met William Ruto in Nairobi in March.", "Meeting", "2024-03-01..2024-03-31"),
        # days of one month told as done: last year's too ("held talks on July 25-26", in May)
        (
            "Abiy Ahmed met William Ruto in Nairobi on March 20-21.",
            "Meeting",
            "2024-03-20..2024-03-21",
        ),
        (
            "Abiy Ahmed met William Ruto in Nairobi from 20 to 22 March.",
            "Meeting",
            "2024-03-20..2024-03-22",
        ),
        # to come: the next March; a year given is kept as given
        ("Abiy Ahmed will meet William Ruto in Nairobi on March 20.", "Meeting", "2025-03-20"),
        ("Abiy Ahmed met William Ruto in Nairobi on March 20, 2023.", "Meeting", "2023-03-20"),
    ],
)
def test_a_day_without_its_year_lies_on_the_side_of_its_modality(layer, text, kind, expected):
    """A month and day with no year date what happened on or before the article, what is to
    come after it (`resolve_words`)."""
    assert dated(extract(text, date(2024, 12, 4), layer), kind)[0] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a plan told in February for "Dec 15 to 17": this year's December, not the last
        (
            "Abiy Ahmed will pay an official visit to Kenya from Dec 15 to 17.",
            date(2025, 2, 7),
            "2025-12-15..2025-12-17",
        ),
        ("Abiy Ahmed will visit Kenya on Dec 15.", date(2025, 2, 7), "2025-12-15"),
        # guard: a plan a few days overdue keeps its day; what happened stays in the past
        ("Abiy Ahmed was due to visit Kenya on Dec 15.", date(2025, 12, 20), "2025-12-15"),
        ("Abiy Ahmed visited Kenya on Dec 15.", date(2025, 2, 7), "2024-12-15"),
    ],
)
def test_a_plan_whose_day_lies_long_past_is_next_years(layer, text, published, expected):
    """A plan's day and month with no year that fell more than two weeks before the article
    is next year's (`dates.PLAN_OVERDUE`); `_nearest` had given the nearer one, in the past."""
    assert dated(extract(text, published, layer), "Visit")[0] == expected


def test_an_invitation_to_a_day_to_come_is_dated_by_the_story(layer):
    """ "invited X to attend his inauguration on October 20", told on 29 August: the day is the
    inauguration's, still to come (`lies_ahead`), so the invitation takes the story's day."""
    text = (
        "Abiy Ahmed met William Ruto in Nairobi on Thursday. Abiy invited Ruto to attend a "
        "ceremony in Addis Ababa on October 20."
    )
    graph = extract(text, date(2024, 8, 29), layer)
    assert dated(graph, "Invitation")[0] == "2024-08-29"


def test_an_opening_phrase_gives_its_date_and_place_to_the_main_clause(layer):
    """ "On the sidelines of the summit in New York on Wednesday, X met Y": the phrase holds no
    event, so its date and its place are the meeting's (`attach`, `fronted_place`)."""
    text = (
        "On the sidelines of the African Union summit in Addis Ababa on Wednesday, Kenyan "
        "President William Ruto met Somali President Hassan Sheikh Mohamud."
    )
    graph = extract(text, date(2024, 12, 6), layer)
    assert dated(graph, "Meeting") == ("2024-12-04", "on Wednesday")
    (meeting,) = set(graph.subjects(RDF.type, DIP.Meeting))
    assert [str(p).rsplit("/", 2)[-2:] for p in graph.objects(meeting, DIP.place)] == [
        ["city", "addis-ababa"]
    ]


@pytest.mark.parametrize(
    "signing",
    [
        "After the talks, Xi and Macron signed 18 agreements.",
        # the phrase closing the event's clause ties it too (contents.event_anaphora)
        "Xi and Macron signed 18 agreements after the talks.",
    ],
)
def test_an_event_after_the_talks_is_on_their_day_not_the_storys(signing, layer):
    """derive.inherit_dates: an event only the story's day dated (Tuesday, the day of the
    sentence before) that its sentence ties to earlier talks ("after the talks") took place on
    the talks' day (Monday)."""
    text = (
        "Xi Jinping and Emmanuel Macron held talks in Paris on Monday. On Tuesday Xi visited "
        "Lyon. " + signing
    )
    graph = extract(text, date(2025, 2, 12), layer)
    assert dated(graph, "AgreementSigning")[0] == "2025-02-10"


def test_an_event_the_story_dated_within_its_anchor_keeps_its_day(layer):
    """... but one the story's day dates within the event it is tied to keeps that day (the
    meeting on the visit's second day)."""
    text = (
        "Xi Jinping began a three-day state visit to France on Monday. On Tuesday he toured "
        "Lyon. During the visit, Xi met Emmanuel Macron."
    )
    graph = extract(text, date(2025, 2, 12), layer)
    assert dated(graph, "Meeting")[0] == "2025-02-11"


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("in mid-May", ("2024-05-11..2024-05-20", "in mid-May")),
        ("mid-May", ("2024-05-11..2024-05-20", "mid-May")),
        ("late May", ("2024-05-21..2024-05-31", "late May")),
        ("at the end of May", ("2024-05-21..2024-05-31", "at the end of May")),
        ("in May last year", ("2023-05-01..2023-05-31", "in May last year")),
        ("over the weekend", ("2024-06-01..2024-06-02", "over the weekend")),
        ("two weeks ago", ("2024-05-20..2024-05-26", "two weeks ago")),
        ("on the 15th", ("2024-05-15", "on the 15th")),
    ],
)
def test_the_date_rules_read_month_parts_weekends_ago_and_days(when, expected, layer):
    """dates.yaml date.month, date.weekend, date.ago, date.day-of-month: the words become the
    event's date expression, resolved against the article's date (Wednesday 5 June 2024),
    where the meeting had taken the article's own day."""
    graph = extract(f"Putin met Xi Jinping in Beijing {when}.", date(2024, 6, 5), layer)
    assert dated(graph, "Meeting") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # dates.yaml date.next-day: the day after the one told before, and no plan for it
            "Putin arrived in Beijing on Monday. He met Xi Jinping the next day.",
            ("2024-06-04", "the next day"),
        ),
        (
            "Putin met Xi Jinping in Beijing on Monday. Li Qiang had met Sergei Lavrov a day "
            "earlier.",
            ("2024-06-02", "a day earlier"),
        ),
        (  # a plan's next day is the planned day's (the last plan the story told)
            "Putin will arrive in Beijing on Monday. He will meet Xi Jinping the next day.",
            ("2024-06-11", "the next day"),
        ),
        (
            "Putin will arrive in Beijing on Monday. He will meet Xi Jinping the same day.",
            ("2024-06-10", "the same day"),
        ),
    ],
)
def test_the_next_and_previous_day_count_from_the_day_told_before(text, expected, layer):
    """Anaphoric dates with an `offset` (extract/dates.py `day_offset`): from the date of the
    event told before, or of the plan told before for an event still to come."""
    graph = extract(text, date(2024, 6, 5), layer)
    found = {
        (str(graph.value(event, DIP.date)), str(graph.value(attest, DIP.dateExpression)))
        for attest, event in graph.subject_objects(DIP.attests)
        if (event, RDF.type, DIP.Meeting) in graph
        and graph.value(attest, DIP.dateExpression) is not None
    }
    assert {day for day, words in found if words == expected[1]} == {expected[0]}


def test_a_past_meeting_the_next_day_is_no_plan(layer):
    """extract/dates.py sounds_future: "the next day" does not point ahead of the article (a
    guard: before date.next-day the words were no date at all)."""
    graph = extract(
        "Putin arrived in Beijing on Monday. He met Xi Jinping the next day.",
        date(2024, 6, 5),
        layer,
    )
    (meeting,) = set(graph.subjects(RDF.type, DIP.Meeting))
    modalities = {graph.value(a, DIP.modality) for a in graph.subjects(DIP.attests, meeting)}
    assert modalities == {DIP.Happened}


def test_a_sentence_of_earlier_or_repeated_events_takes_no_day_of_the_story(layer):
    """lexicon.yaml background_word: "Modi has previously met Xi at several summits" is no
    event of the story's day (the meeting told before keeps its day)."""
    text = (
        "Xi Jinping met Putin in Beijing on Tuesday. Modi has previously met Xi at several summits."
    )
    graph = extract(text, date(2024, 6, 5), layer)
    days = {
        frozenset(str(p).rsplit("/", 1)[-1] for p in graph.objects(m, DIP.participant)): str(
            graph.value(m, DIP.date)
        )
        for m in graph.subjects(RDF.type, DIP.Meeting)
    }
    assert days == {
        frozenset({"vladimir-putin", "xi-jinping"}): "2024-06-04",
        frozenset({"narendra-modi", "xi-jinping"}): "None",
    }


def test_the_next_day_counts_from_a_day_its_own_sentence_names(layer):
    """ "arrived on Tuesday and met Xi the next day": the day after Tuesday, not after the day
    the sentence before named (Sunday)."""
    text = (
        "Kenyan President William Ruto left Nairobi on Sunday. He arrived in Beijing on Tuesday "
        "and met Xi Jinping the next day."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "Meeting") == ("2025-03-05", "the next day")


def test_a_day_before_a_possessive_dates_the_event_it_names(layer):
    """ "Tuesday's talks": the talks were on Tuesday."""
    text = "Tuesday's talks between Xi Jinping and William Ruto in Beijing focused on trade."
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "Talks") == ("2025-03-04", "Tuesday")


def test_a_relative_clauses_day_leaves_the_storys_day(layer):
    """ "Traore, who arrived on Monday evening, was received by ...": Monday dates the arrival
    only; the story goes on on its own day (Tuesday), where the next meeting took place."""
    text = (
        "John Mahama was sworn in as Ghana's president in Accra on Tuesday. Captain Ibrahim "
        "Traore, who arrived in Accra on Monday evening, was received by Foreign Minister "
        "Shirley Ayorkor Botchwey. Mahama also met Senegal's President Bassirou Diomaye Faye."
    )
    graph = extract(text, date(2025, 1, 7), layer)
    assert dated(graph, "Arrival") == ("2025-01-06", "on Monday evening")
    assert dated(graph, "Meeting") == ("2025-01-07", "")


def test_a_day_after_dates_the_event_it_introduces_the_day_before(layer):
    """ "met Y on Thursday, a day after X arrived": the arrival was on Wednesday, and the story's
    day stays Thursday (date.day-after-clause, `dates_next`)."""
    text = (
        "Japanese Prime Minister Shigeru Ishiba met South Korean President Yoon Suk Yeol in Tokyo "
        "on Thursday, a day after Yoon arrived in Tokyo. Ishiba and Yoon signed an agreement."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "Arrival")[0] == "2025-03-05"
    assert dated(graph, "AgreementSigning")[0] == "2025-03-06"


def test_a_storys_words_count_from_its_datelines_day(layer):
    """A story written on its dateline's day (Thursday, March 6) and published after midnight:
    "yesterday" is Wednesday and "tomorrow" Friday, not a day later."""
    text = (
        "ANKARA, March 6 (AFP) - Turkish President Recep Tayyip Erdogan met Russian Foreign "
        "Minister Sergei Lavrov in Ankara on Thursday. Lavrov arrived in Ankara yesterday. He "
        "will visit Tehran tomorrow."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "Arrival") == ("2025-03-05", "yesterday")
    visits = {str(graph.value(v, DIP.date)) for v in graph.subjects(RDF.type, DIP.Visit)}
    assert "2025-03-07" in visits


def test_an_event_before_the_talks_is_on_the_talks_day(layer):
    """ "Before the talks, X laid a wreath": on the day of the talks (Tuesday), not of the
    arrival told last (Monday); the wreath is no part of the talks (anaphora.before, `link:
    date`)."""
    text = (
        "Russian Foreign Minister Sergey Lavrov and Kazakh Foreign Minister Murat Nurtleu held "
        "talks in Moscow on Tuesday. Nurtleu arrived in Moscow on Monday evening. Before the "
        "talks, Nurtleu laid a wreath at the Tomb of the Unknown Soldier."
    )
    graph = extract(text, date(2023, 10, 24), layer)
    assert dated(graph, "Ceremony") == ("2023-10-24", "")
    (ceremony,) = graph.subjects(RDF.type, DIP.Ceremony)
    assert graph.value(ceremony, DIP.subEventOf) is None


def test_a_relative_clauses_event_takes_the_day_of_its_main_clauses_party(layer):
    """candidates._main_clause_dates, the one rule that dates a relative clause's events from
    its main clause: "received Rubio, who is on an official visit to Guatemala", told in a
    sentence the story's day (Wednesday) dated, is a visit of that day."""
    text = (
        "Guatemalan President Bernardo Arevalo met U.S. Secretary of State Marco Rubio in "
        "Guatemala City on Wednesday. Arevalo also received Rubio, who is on an official visit "
        "to Guatemala, at the National Palace."
    )
    graph = extract(text, date(2025, 2, 6), layer)
    assert dated(graph, "Visit") == ("2025-02-05", "")


def test_a_visit_its_words_date_a_day_lasts_the_days_that_size_it(layer):
    """ "Jaishankar, who arrived here on Tuesday on a three-day visit, ...": Tuesday to
    Thursday, not Tuesday alone (derive.durations)."""
    text = (
        "MOSCOW, Aug 21 (PTI) External Affairs Minister S Jaishankar held talks with Russian "
        "Foreign Minister Sergei Lavrov in Moscow on Thursday. Jaishankar, who arrived here on "
        "Tuesday on a three-day visit, on Wednesday co-chaired a session of the "
        "intergovernmental commission with First Deputy Prime Minister Denis Manturov."
    )
    graph = extract(text, date(2025, 8, 21), layer)
    assert dated(graph, "Visit") == ("2025-08-19..2025-08-21", "on Tuesday")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "External Affairs Minister S Jaishankar will travel to Sri Lanka on Thursday for a "
            "two-day visit.",
            ("2025-03-13..2025-03-14", "on Thursday"),
        ),
        (
            "Japanese Prime Minister Fumio Kishida left for India on Tuesday on a three-day "
            "official visit.",
            ("2025-03-04..2025-03-06", "on Tuesday"),
        ),
        (  # guard: another visit's days size no visit told before them
            "Prime Minister Pham Minh Chinh visited Laos on Tuesday before a three-day visit.",
            ("2025-03-04", "on Tuesday"),
        ),
    ],
)
def test_a_visit_sized_by_days_after_its_words_lasts_them(text, expected, layer):
    """ "will travel to Sri Lanka on Thursday for a two-day visit": Thursday and Friday, not
    Thursday alone (derive.durations: the days stand after the visit's words, "on" or "for" and
    an article between; told on Friday 7 March 2025)."""
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "Visit") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Saudi Foreign Minister Prince Faisal bin Farhan wrapped up a three-day visit to "
            "Egypt on Thursday.",
            ("2025-03-04..2025-03-06", "on Thursday"),
        ),
        (
            "Indonesian President Prabowo Subianto concluded his two-day state visit to India "
            "on Friday.",
            ("2025-03-06..2025-03-07", "on Friday"),
        ),
        (
            "Philippine President Ferdinand Marcos returned to Manila on Thursday after a "
            "five-day state visit to Japan.",
            ("2025-03-02..2025-03-06", ""),
        ),
        (
            "Philippine President Ferdinand Marcos returned home on Thursday after a five-day "
            "visit to Japan.",
            ("2025-03-02..2025-03-06", "on Thursday"),
        ),
        (
            "Philippine President Ferdinand Marcos on Thursday returned home after a five-day "
            "visit to Japan.",
            ("2025-03-02..2025-03-06", "on Thursday"),
        ),
        (
            "Kenyan President William Ruto flew back to Nairobi on Thursday after a three-day "
            "state visit to China.",
            ("2025-03-04..2025-03-06", ""),
        ),
    ],
)
def test_a_visit_ended_on_a_day_began_the_days_that_size_it_before(text, expected, layer):
    """ "wrapped up a three-day visit to Egypt on Thursday": Tuesday to Thursday, not Thursday
    to Saturday (derive.durations, lexicon stay_end_word); so did one that an event of the day
    told followed ("returned to Manila on Thursday after a five-day visit")."""
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "Visit") == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "The visit will be the first by a Brazilian president since 2011, when President "
            "Dilma Rousseff travelled to Luanda.",
            "Visit",
            ("2011-01-01..2011-12-31", "2011"),
        ),
        (
            "Relations sank to a low in 2020 when Beijing imposed trade sanctions on Australia.",
            "SanctionImposition",
            ("2020-01-01..2020-12-31", "in 2020"),
        ),
    ],
)
def test_a_date_a_when_clause_follows_dates_its_event(text, kind, expected, layer):
    """dates.yaml date_clause_word: "since 2011, when X travelled", "in 2020 when X imposed":
    the year dates the event of the clause it introduces."""
    assert dated(extract(text, date(2024, 6, 17), layer), kind) == expected


def test_a_dateline_of_an_ordinal_day_and_a_year_is_the_storys_day(layer):
    """ "ABU DHABI, 4th March, 2025 (WAM) --" is a dateline (date.month-ordinal with its
    year): published two days later, "yesterday" is March 3."""
    text = (
        "ABU DHABI, 4th March, 2025 (WAM) -- President Sheikh Mohamed bin Zayed Al Nahyan today "
        "received Indian Prime Minister Narendra Modi at Qasr Al Watan in Abu Dhabi. Modi "
        "arrived in Abu Dhabi yesterday."
    )
    graph = extract(text, date(2025, 3, 6), layer)
    assert dated(graph, "Arrival") == ("2025-03-03", "yesterday")


def test_a_date_after_after_dates_the_event_before_it(layer):
    """dates.yaml date_sequel_word: "broke off relations after police stormed the embassy
    late Friday" (no event in the clause of "after"): Friday; "before" reads nothing."""
    text = (
        "Mexico broke off diplomatic relations with Ecuador after police stormed the Mexican "
        "Embassy in Quito late Friday."
    )
    graph = extract(text, date(2024, 4, 6), layer)
    assert dated(graph, "DiplomatExpulsion") == ("2024-04-05", "late Friday")


def test_an_invitation_takes_no_day_of_the_summit_it_invites_to(layer):
    """ "invited X to attend a summit ... in October": the invitation was made on the story's
    day (Tuesday), not in October (candidates._share_dates)."""
    text = (
        "Putin met Khurelsukh in Ulaanbaatar on Tuesday. Putin also invited Khurelsukh to attend "
        "a summit of the BRICS group in the Russian city of Kazan in October."
    )
    graph = extract(text, date(2024, 9, 3), layer)
    (invitation,) = graph.subjects(RDF.type, DIP.Invitation)
    assert graph.value(invitation, DIP.earliestDate) is None
    assert str(graph.value(invitation, DIP.date)) in ("None", "2024-09-03")


def test_a_meeting_on_the_sidelines_is_on_the_days_of_the_meeting(layer):
    """ "On the sidelines, Son held talks with Lavrov": part of the two-day meeting told before,
    and on its days, not on the story's day alone (anaphora.during, derive.inherit_dates)."""
    text = (
        "VIENTIANE, July 26 (VNA) - Vietnamese Foreign Minister Bui Thanh Son attended the ASEAN "
        "Foreign Ministers' Meeting in Vientiane from July 25 to 26. On the sidelines, Son held "
        "bilateral talks with Russian Foreign Minister Sergey Lavrov."
    )
    graph = extract(text, date(2024, 7, 26), layer)
    assert dated(graph, "Talks") == ("2024-07-25..2024-07-26", "")


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "Lavrov visited Yerevan in early June. Later that month, Lavrov met Ararat Mirzoyan "
            "in Moscow.",
            "Later that month",
            "2024-06-01..2024-06-30",
        ),
        (  # the time a statement's sentence names, with no event dated by it
            "Albanese told parliament in September 2023 that the talks would go ahead. The "
            "following month, Albanese met Xi Jinping in Beijing.",
            "The following month",
            "2023-10-01..2023-10-31",
        ),
        (
            "Putin visited Beijing in May 2023. Putin met Xi Jinping in Kazan the following year.",
            "the following year",
            "2024-01-01..2024-12-31",
        ),
        (  # a period told from one that was itself told from the one before
            "Putin visited Beijing in May 2023. Xi Jinping visited Moscow the following year. "
            "Later that year, Xi Jinping met Narendra Modi in Kazan.",
            "Later that year",
            "2024-01-01..2024-12-31",
        ),
        (
            "Putin visited Pyongyang on June 19. A week later, Kim Jong Un met Sergei Lavrov in "
            "Pyongyang.",
            "A week later",
            "2024-06-26",
        ),
        (  # date.month-of-that-year: the month named, in the year of the time told last
            "Putin visited Beijing in 2023. Xi Jinping met Putin in Moscow in March of that year.",
            "in March of that year",
            "2023-03-01..2023-03-31",
        ),
    ],
)
def test_that_month_and_the_following_year_count_from_the_time_told_last(
    text, words, expected, layer
):
    """dates.yaml anaphoric dates with a `period` ("later that month", "the following year"):
    the whole month or year of the time the article named last (extract/dates.py last_time),
    or the one after it, not the story's day; "a week later" is seven days after the day."""
    graph = extract(text, date(2024, 9, 3), layer)
    found = {
        _span(graph, event)
        for attest, event in graph.subject_objects(DIP.attests)
        if (event, RDF.type, DIP.Meeting) in graph
        and str(graph.value(attest, DIP.dateExpression)) == words
    }
    assert found == {expected}


def _span(graph: Graph, event) -> str:
    """An event's date, or its earliest..latest dates."""
    day = graph.value(event, DIP.date)
    if day is not None:
        return str(day)
    return f"{graph.value(event, DIP.earliestDate)}..{graph.value(event, DIP.latestDate)}"


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        (  # the time attached to the invitation's own words: the visit's
            "CAPE TOWN, Sept 3 (SAnews) - President Tinubu invited President Ramaphosa to Abuja "
            "for the next session of the Bi-National Commission in 2026.",
            "2026-01-01..2026-12-31",
        ),
        (  # the time of the summit it invites to, with a party of the visit
            "ULAANBAATAR, Sept 3 (Reuters) - Putin met Khurelsukh in Ulaanbaatar on Tuesday. "
            "Putin also invited Khurelsukh to attend a summit of the BRICS group in the Russian "
            "city of Kazan in October, the Kremlin said.",
            "2024-10-01..2024-10-31",
        ),
        (  # the time of the parade it invites to, at the visit's place
            "MOSCOW, Sept 3 (TASS) - Putin invited Alexander Lukashenko to attend the Victory "
            "Day parade in Moscow on May 9, 2025.",
            "2025-05-09",
        ),
    ],
)
def test_an_invitations_time_to_come_is_the_visits_and_the_invitation_is_the_storys(
    text, visit, layer
):
    """candidates._give_content_date and _contents_to_come: a time still to come in an
    invitation's sentence dates the visit it invites to, not the invitation, which was made on
    the story's day (Tuesday 3 September)."""
    graph = extract(text, date(2024, 9, 3), layer)
    (invitation,) = graph.subjects(RDF.type, DIP.Invitation)
    visits = {_span(graph, v) for v in graph.subjects(RDF.type, DIP.Visit)}
    assert (_span(graph, invitation), visits) == ("2024-09-03", {visit})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the trip its arrival began on Sunday, told as a whole in Monday's story
            "SEOUL, Jan. 6 (Yonhap) -- U.S. Secretary of State Antony Blinken held talks with "
            "Foreign Minister Cho Tae-yul in Seoul on Monday. Blinken, who arrived in Seoul on "
            "Sunday on his last trip to Asia as secretary of state, also met acting President "
            "Choi Sang-mok.",
            "2025-01-05..2025-01-06",
        ),
        (  # guard: passes before too; a day named by the stay's own verb ("toured") keeps
            # to that day (no stay word: the stay is not reopened from the arrival)
            "SEOUL, Jan. 6 (Yonhap) -- U.S. Secretary of State Antony Blinken arrived in Seoul on "
            "Sunday. He toured the Demilitarized Zone on Monday.",
            "2025-01-06",
        ),
    ],
)
def test_a_stay_an_arrival_began_told_again_as_a_whole_goes_on_from_the_arrival(
    text, expected, layer
):
    """derive.durations (`_begun`, lexicon stay_word): a visit an arrival began, told again on
    a day of it as a whole ("on his last trip to Asia", "visiting X"), began on the arrival's
    day and lasts to the last day its traveller is reported there (derive.close_stays), not
    the one day of that telling."""
    graph = extract(text, date(2025, 1, 6), layer)
    spans = {
        _span(graph, v).replace("None", "")
        for v in graph.subjects(RDF.type, DIP.Visit)
        if "seoul" in str(graph.value(v, DIP.place))
    }
    assert spans == {expected}


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "On Friday, Foreign Office spokesperson Mumtaz Zahra Baloch told a weekly briefing in "
            "Islamabad that Pakistan was expelling two Afghan diplomats.",
            "DiplomatExpulsion",
            "2024-07-05",
        ),
        (  # a decision announced: of the day it was announced
            "Indian Foreign Secretary Vikram Misri said on Friday that India would expel two "
            "Pakistani diplomats.",
            "DiplomatExpulsion",
            "2024-07-05",
        ),
        (  # guard: passes before too; a date of its own stays its own
            "The ministry said on Friday that India had expelled two Pakistani diplomats last "
            "month.",
            "DiplomatExpulsion",
            "2024-06-01..2024-06-30",
        ),
    ],
)
def test_an_announced_decision_is_of_the_day_its_announcement_names(text, kind, expected, layer):
    """candidates._said_dates (kinds.yaml `announced_date`): an expulsion, a sanction or a
    border closure a speaker announces, with no date of its own, is of the day the sentence's
    words date the speech act (Friday 5 July), not undated."""
    graph = extract(text, date(2024, 7, 6), layer)
    assert {_span(graph, e) for e in graph.subjects(RDF.type, getattr(DIP, kind))} == {expected}


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (  # "hours before": the event told after the words, on the day told before them
            "ULAANBAATAR, Sept 3 (Reuters) - Police led protesters away from the square on "
            "Monday, hours before Putin landed at Chinggis Khaan International Airport.",
            "Arrival",
            "2024-09-02",
        ),
        (  # "a day before X": X is the day after the day told before the words
            "ROME, Sept 3 (ANSA) - Pope Francis received Zelensky at the Vatican on Monday, a "
            "day before Zelensky met Giorgia Meloni in Rome.",
            "Meeting",
            "2024-09-03",
        ),
    ],
)
def test_hours_and_a_day_before_date_the_event_they_introduce(text, kind, expected, layer):
    """dates.yaml date.hours-after-clause ("hours before") and date.day-before-clause ("a day
    before", `dates_next`, offset +1): the event told after the words, counted from the day
    its sentence named before them (Monday 2 September); "a day earlier" stays the day before
    the event told before."""
    graph = extract(text, date(2024, 9, 3), layer)
    assert {_span(graph, e) for e in graph.subjects(RDF.type, getattr(DIP, kind))} == {expected}


def test_a_reception_is_on_the_day_of_the_arrival_its_relative_clause_dates(layer):
    """kinds.yaml Hosting `day_of: [Arrival]` (candidates.days_of_clauses): "X, who arrived on
    Monday evening, was received by Y" was received on Monday, not on the story's day (the
    article's Tuesday), and that day leaves the story's day as it was (the meeting after)."""
    text = (
        "DAKAR, Jan 7 (APS) - Guinea-Bissau's President Umaro Sissoco Embalo, who arrived at "
        "Blaise Diagne International Airport on Monday evening, was received by Foreign "
        "Minister Yassine Fall. Embalo met President Bassirou Diomaye Faye at the palace."
    )
    graph = extract(text, date(2025, 1, 7), layer)
    assert dated(graph, "Hosting")[0] == "2025-01-06"
    assert dated(graph, "Meeting")[0] == "2025-01-07"


@pytest.mark.parametrize(
    "text",
    [
        "LUANDA (Angop) - President Ramaphosa is currently in Brasilia, where he is taking part "
        "in the summit of the G20, from August 22 to 24.",
        "LUANDA (Angop) - President Ramaphosa is currently in Brasilia, where he is taking part "
        "in the G20 Summit from August 22 to 24.",
    ],
)
def test_a_date_of_a_where_clause_dates_the_stay_before_it(text, layer):
    """dates.yaml date_sequel_word `where` (dates._sequel_start): "is in Brasilia, where he is
    taking part in the summit, from August 22 to 24" dates the stay in Brasilia, and the summit
    with it (a party shared), where the date, alone in its clause after the comma, dated
    nothing."""
    graph = extract(text, date(2023, 8, 23), layer)
    assert dated(graph, "Visit")[0] == "2023-08-22..2023-08-24"


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "The summit between Biden and Xi will take place on Nov. 15 in Woodside.",
            "Meeting",
            "2025-11-15",
        ),
        (
            "Talks between Sergei Lavrov and Marco Rubio will be held in Riyadh on Tuesday.",
            "Talks",
            "2025-03-11",
        ),
        (  # guard: passes before too; a cue before the trigger still decides
            "Lavrov met Rubio in Riyadh on Tuesday and the talks will continue next week.",
            "Meeting",
            "2025-03-04",
        ),
    ],
)
def test_an_event_told_as_a_noun_is_to_come_by_the_predicate_after_it(text, kind, expected, layer):
    """attribution.yaml modality.future-predicate (`follows`, lexicon event_noun): "the talks
    ... will be held on Tuesday" are to come, so their day is the coming one (told on Friday 7
    March), not the one gone by."""
    graph = extract(text, date(2025, 3, 7), layer)
    assert {_span(graph, e) for e in graph.subjects(RDF.type, getattr(DIP, kind))} == {expected}


def test_an_event_told_before_the_talks_puts_the_story_back_on_their_day(layer):
    """pipeline._remember_events: "Before the talks, X laid a wreath" (event anaphora with a
    link) puts the story back on the day of the talks, so the undated events told after it are
    of that day (Tuesday), not of the arrival told in between (Monday)."""
    text = (
        "ANKARA, Oct 24 (AA) - Turkish Foreign Minister Hakan Fidan and Azerbaijani Foreign "
        "Minister Jeyhun Bayramov held talks in Ankara on Tuesday. Bayramov arrived in Ankara on "
        "Monday evening on a two-day working visit. Before the talks, Bayramov laid a wreath at "
        "Anitkabir. The two ministers signed a plan of consultations."
    )
    graph = extract(text, date(2023, 10, 24), layer)
    assert dated(graph, "AgreementSigning")[0] == "2023-10-24"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This week Xi Jinping met Vladimir Putin in Kazan on Tuesday.", "2025-01-07"),
        ("Earlier this month Xi Jinping met Vladimir Putin in Kazan on Tuesday.", "2025-01-07"),
        (  # guard: passes before too; a date set off by a comma keeps its event
            "On Monday, Xi Jinping met Vladimir Putin in Kazan for the first time since March "
            "2023.",
            "2025-01-06",
        ),
    ],
)
def test_a_date_after_its_event_takes_it_from_one_before_it(text, expected, layer):
    """dates.attach: of two dates of one event in its clause, the one after it ("met Putin in
    Kazan on Tuesday") takes it from one before it that no comma set off ("This week"); not
    one a `since_word` opens ("for the first time since March 2023")."""
    graph = extract(text, date(2025, 1, 8), layer)
    assert dated(graph, "Meeting")[0] == expected


def test_a_date_of_an_event_missing_its_parties_dates_the_one_it_would_without_it(layer):
    """candidates._lost_dates: "met Xi after the APEC leaders' meeting in Lima on Saturday":
    the leaders' meeting misses its parties (no event of its own), so "on Saturday" dates the
    meeting with Xi too, which it skipped for the nearer trigger."""
    text = "Albanese met Xi after the APEC leaders' meeting in Lima on Saturday."
    graph = extract(text, date(2024, 11, 20), layer)
    assert dated(graph, "Meeting")[0] == "2024-11-16"


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Xi Jinping will travel to Moscow later in the week.", "Visit", "2025-03-08..2025-03-09"),
        (
            "Earlier in the week, Sergei Lavrov held talks with Hakan Fidan in Ankara.",
            "Talks",
            "2025-03-03..2025-03-06",
        ),
    ],
)
def test_later_in_the_week_is_later_this_week(text, kind, expected, layer):
    """dates.yaml date.period and diplograph.dates: "later in the week", "earlier in the
    month" read as "later this week", "earlier this month" (told on Friday 7 March)."""
    graph = extract(text, date(2025, 3, 7), layer)
    assert {_span(graph, e) for e in graph.subjects(RDF.type, getattr(DIP, kind))} == {expected}


def test_is_to_meet_is_a_plan_on_the_coming_day(layer):
    """attribution.yaml modality.future ("is to", "are to"): "Xi is to meet Putin on Sunday",
    told on Friday 7 March, is a plan for the coming Sunday, not the one gone by."""
    graph = extract(
        "Xi Jinping is to meet Vladimir Putin in Moscow on Sunday.", date(2025, 3, 7), layer
    )
    assert dated(graph, "Meeting")[0] == "2025-03-09"


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (  # at the end of its sentence: the event before it, the day before the one told
            "Tajikistan's parliament ratified the border treaty on March 19, and Kyrgyzstan's "
            "parliament had ratified it the day before.",
            "Ratification",
            {"2025-03-18", "2025-03-19"},
        ),
        (  # before the event it introduces: that event, the day after the one told
            "Vladimir Putin met Xi Jinping in Moscow on Tuesday, the day before Xi Jinping met "
            "Mikhail Mishustin.",
            "Meeting",
            {"2025-03-18", "2025-03-19"},
        ),
    ],
)
def test_the_day_before_at_the_end_dates_the_event_before_it(text, kind, expected, layer):
    """dates.yaml date.day-before-clause (`dates_next`) and candidates._dated: "the day
    before X met Y" dates X's meeting the day after the day told before; at the end of its
    sentence, with no event after it, it dates the event before it the other way ("had
    ratified it the day before": 18 March)."""
    graph = extract(text, date(2025, 3, 20), layer)
    assert {_span(graph, e) for e in graph.subjects(RDF.type, getattr(DIP, kind))} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xi Jinping met Vladimir Putin in Kazan, Russia, on Tuesday.", "2024-10-22"),
        ("Xi Jinping met Vladimir Putin in Kazan, Russia on Tuesday.", "2024-10-22"),
        (
            "Xi Jinping met Joe Biden in Woodside, California, in November 2023.",
            "2023-11-01..2023-11-30",
        ),
        (
            "Xi Jinping met Vladimir Putin in Kazan, Russia, on Tuesday, the Kremlin said.",
            "2024-10-22",
        ),
        (
            "Xi Jinping met Vladimir Putin in Kazan, Russia on Tuesday, Xinhua reported in a "
            "dispatch.",
            "2024-10-22",
        ),
        (  # "the capital of Tatarstan" is one place: a region's apposition too
            "Xi Jinping met Vladimir Putin in Kazan, the capital of Tatarstan, on Tuesday.",
            "2024-10-22",
        ),
    ],
)
def test_a_date_after_a_citys_country_dates_the_event_before_them(text, expected, layer):
    """dates._after_its_country: "met Putin in Kazan, Russia, on Tuesday." dates the meeting,
    where the date, alone in its clause after the country's, dated nothing; so does one a
    source's clause follows (dates._told_after: "..., the Kremlin said.")."""
    graph = extract(text, date(2024, 10, 24), layer)
    assert {_span(graph, e) for e in graph.subjects(RDF.type, DIP.Meeting)} == {expected}


def test_a_date_after_a_comma_and_and_dates_the_clause_it_opens(layer):
    """dates.yaml date_join_word (dates._joined): "met Putin on Tuesday, but on Wednesday, he
    held talks with Xi": Wednesday dates the talks, where it dated nothing (the talks took
    Tuesday from the meeting's party)."""
    text = "Modi met Putin on Tuesday, but on Wednesday, he held talks with Xi Jinping."
    graph = extract(text, date(2024, 10, 24), layer)
    assert (dated(graph, "Meeting")[0], dated(graph, "Talks")[0]) == ("2024-10-22", "2024-10-23")


def test_a_date_that_opens_a_joined_clause_is_no_earlier_events_date(layer):
    """candidates._share_dates with dates.joined_between: "met Putin in Kazan, and on Wednesday
    he held talks with Modi" dates the talks only; the meeting, which shared Xi with them, took
    Wednesday too."""
    text = (
        "Xi Jinping met Vladimir Putin in Kazan, and on Wednesday he held talks with Narendra Modi."
    )
    graph = extract(text, date(2024, 10, 24), layer)
    assert (dated(graph, "Meeting")[0], dated(graph, "Talks")[0]) == ("None..None", "2024-10-23")


def test_a_carrier_told_on_a_day_dates_the_letter_the_story_dated(layer):
    """events.extend_earlier (`_dates_better`): "The message was handed over by Z in Port Sudan
    on Wednesday", after a letter its words left undated, dates the letter Wednesday, where it
    kept the story's day."""
    text = (
        "Sovereignty Council chairman Abdel Fattah al-Burhan received a letter from President "
        "Recep Tayyip Erdogan of Turkey. The message was handed over by Turkish envoy Ahmet "
        "Yildiz in Port Sudan on Wednesday."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "LetterDelivery") == ("2025-03-05", "on Wednesday")


@pytest.mark.parametrize(
    "told",
    [
        "The message was handed over in Port Sudan on Wednesday by Turkish envoy Ahmet Yildiz.",
        "The message was delivered on Wednesday by Turkish envoy Ahmet Yildiz.",
    ],
)
def test_a_carrier_told_after_a_place_and_a_day_dates_the_letter(told, layer):
    """letters-invitations.yaml letter.delivered-by: "The message was handed over in Port Sudan
    on Wednesday by Z" names the carrier and dates the letter Wednesday, where it matched no
    rule and the letter kept the story's day."""
    text = (
        "Sovereignty Council chairman Abdel Fattah al-Burhan received a letter from President "
        f"Recep Tayyip Erdogan of Turkey. {told}"
    )
    graph = extract(text, date(2025, 3, 7), layer)
    (letter,) = set(graph.subjects(RDF.type, DIP.LetterDelivery))
    carriers = {str(c).rsplit("/", 1)[-1] for c in graph.objects(letter, DIP.carrier)}
    assert (dated(graph, "LetterDelivery")[0], carriers) == ("2025-03-05", {"ahmet-yildiz"})


@pytest.mark.parametrize(
    "text",
    [
        "Defence Secretary Gilberto Teodoro and Japanese Defence Minister Gen Nakatani agreed "
        "Sunday to step up joint exercises, during talks in Manila.",
        "Defence Secretary Gilberto Teodoro and Japanese Defence Minister Gen Nakatani agreed on "
        "Sunday to step up joint exercises, during talks in Manila.",
    ],
)
def test_a_date_with_no_event_before_it_dates_the_during_clause_after_it(text, layer):
    """dates.yaml date_during_word (dates._during_next): "agreed Sunday to step up joint
    exercises, during talks in Manila" dates the talks Sunday, where the date dated nothing."""
    graph = extract(text, date(2025, 3, 10), layer)
    assert dated(graph, "Talks")[0] == "2025-03-09"


def test_a_date_after_a_person_in_apposition_dates_the_event_before_them(layer):
    """dates._after_its_country with APPOSED: "received a written message from his brother,
    King Abdullah II of Jordan, on Monday." dates the letter Monday, where the date, alone in
    its clause after the person's, dated nothing and the letter kept the story's day."""
    text = (
        "Qatar's Emir Sheikh Tamim bin Hamad Al Thani received a written message from his "
        "brother, King Abdullah II of Jordan, on Monday."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "LetterDelivery") == ("2025-03-03", "on Monday")


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Crown Prince Mohammed bin Salman received US Secretary of State Marco Rubio in "
        "Riyadh, Wednesday.",
        "Saudi Crown Prince Mohammed bin Salman received US Secretary of State Marco Rubio in "
        "Riyadh, on Wednesday, the Saudi Press Agency reported.",
    ],
)
def test_a_date_alone_after_a_comma_at_the_end_dates_the_event_before_it(text, layer):
    """dates._trailing_alone: "received Rubio in Riyadh, Wednesday." (a date alone after a
    comma that ends its sentence, or that only its source's clause follows) dates the event of
    the clause before it, where it dated nothing."""
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "Hosting")[0] == "2025-03-05"


def test_an_event_told_in_the_pluperfect_moves_neither_the_storys_day_nor_its_place(layer):
    """candidates.flashback (lexicon flashback_word): "Ramgoolam had received Modi at the
    airport on Tuesday" looks back; the undated signing and meeting told after it stay on the
    story's day and in its place (Wednesday, Port Louis), where they took Tuesday and the
    airport."""
    text = (
        "PORT LOUIS, March 6 (PTI) Prime Minister Narendra Modi held talks with his Mauritian "
        "counterpart Navin Ramgoolam in Port Louis on Wednesday. Ramgoolam had received Modi at "
        "Sir Seewoosagur Ramgoolam International Airport on Tuesday. The two leaders witnessed "
        "the signing of eight agreements. Modi also met President Dharam Gokhool."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    (signing,) = set(graph.subjects(RDF.type, DIP.AgreementSigning))
    places = {str(p).rsplit("/", 1)[-1] for p in graph.objects(signing, DIP.place)}
    assert (dated(graph, "AgreementSigning")[0], places) == ("2025-03-05", {"port-louis"})
    assert dated(graph, "Meeting")[0] == "2025-03-05"


@pytest.mark.parametrize(
    "lookback",
    [
        "The summit was preceded by a meeting of the two foreign ministers on Monday.",
        # guard: the pluperfect kept the story's day before too; kept beside the new verb
        "The two foreign ministers had met on Monday to prepare the summit.",
    ],
)
def test_a_sentence_that_looks_back_names_no_day_of_the_story(lookback, layer):
    """candidates.flashback (lexicon flashback_verb, flashback_word): a sentence with no event
    found that tells what came before ("The summit was preceded by a meeting on Monday", "had
    met on Monday") does not move the story's day: the undated signing told after it is of
    the summit's day (Tuesday), not of Monday."""
    text = (
        "PRETORIA (SAnews) - President Cyril Ramaphosa today hosted President Bola Tinubu of "
        f"Nigeria in Cape Town. {lookback} Ronald Lamola and Yusuf Tuggar signed a memorandum "
        "of understanding on trade."
    )
    assert dated(extract(text, date(2024, 12, 3), layer), "AgreementSigning")[0] == "2024-12-03"


@pytest.mark.parametrize(
    "text",
    [
        "President Cyril Ramaphosa today, 3 December 2024, hosted President Bola Ahmed Tinubu "
        "in Cape Town.",
        "President Cyril Ramaphosa on Tuesday, 3 December 2024, hosted President Bola Ahmed "
        "Tinubu in Cape Town.",
    ],
)
def test_a_day_restated_between_commas_after_the_subject_dates_the_verb_after_it(text, layer):
    """dates._restated: "X today, 3 December 2024, hosted Y" (a press statement's day said
    twice, set off by commas after the subject) dates the event after it; the two dates were
    orphans of clauses with no event."""
    graph = extract(text, date(2024, 12, 3), layer)
    assert dated(graph, "Hosting")[0] == "2024-12-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ASTANA (Kazinform) - Kazakh President Kassym-Jomart Tokayev will pay a state visit to "
            "China on June 5-7. "
            "During the visit, he will hold talks with President Xi Jinping.",
            "2024-06-05..2024-06-07",
        ),
        (
            "ANKARA (AA) - Turkish President Recep Tayyip Erdogan will visit Iraq next week. "
            "During his visit, Erdogan will hold talks with Prime Minister "
            "Mohammed Shia al-Sudani.",
            "2024-06-10..2024-06-16",
        ),
    ],
)
def test_during_the_visit_to_come_are_its_days(layer, text, expected):
    """ "During the visit" after a planned visit names that visit: the talks to come in it are
    of its days (told on Tuesday 4 June 2024), not of a visit in the dateline's city."""
    assert dated(extract(text, date(2024, 6, 4), layer), "Talks")[0] == expected


def dated_at(graph: Graph, kind: str, place: str) -> str:
    """The date (or earliest..latest) of the one event of a kind at a place (its IRI's end)."""
    (event,) = [
        e
        for e in set(graph.subjects(RDF.type, getattr(DIP, kind)))
        if str(graph.value(e, DIP.place)).endswith("/" + place)
    ]
    day = graph.value(event, DIP.date)
    if day is not None:
        return str(day)
    return f"{graph.value(event, DIP.earliestDate)}..{graph.value(event, DIP.latestDate)}"


@pytest.mark.parametrize(
    ("text", "kind", "place", "expected"),
    [
        (
            "BANGKOK (Reuters) - Thai Prime Minister Srettha Thavisin met Cambodian Prime Minister "
            "Hun Manet on Monday, a week after Hun Manet visited Laos.",
            "Visit",
            "laos",
            "2024-06-10",
        ),
        (
            "MANILA (PNA) - Philippine President Ferdinand Marcos Jr. met Chinese Foreign Minister "
            "Wang Yi on Sunday, a week before Japanese Prime Minister Fumio Kishida visited "
            "Manila.",
            "Visit",
            "manila",
            "2024-06-23",
        ),
        (  # guard: a day of its own words in the event's clause dates it, not "a week after"
            "RABAT (MAP) - French President Emmanuel Macron arrived in Rabat on Monday. The visit "
            "comes a week after the French President, in a message addressed to King "
            "Mohammed VI on June 3, affirmed his support for the autonomy plan.",
            "LetterDelivery",
            "rabat",
            "2024-06-03",
        ),
    ],
)
def test_a_week_after_dates_the_event_told_after_it(text, kind, place, expected, layer):
    """ "met Y on Monday, a week after X visited Laos": X's visit is a week before Monday; "on
    Sunday, a week before X visited Tokyo": a week after Sunday (dates.yaml
    date.week-after-clause, date.week-before-clause; told on Monday 17 June 2024)."""
    assert dated_at(extract(text, date(2024, 6, 17), layer), kind, place) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Russian President Vladimir Putin will pay a state visit to Vietnam from June 30 to "
            "July 2.",
            date(2024, 6, 19),
            "2024-06-30..2024-07-02",
        ),
        (
            "Russian President Vladimir Putin will pay a state visit to Vietnam from 30 June to "
            "2 July.",
            date(2024, 6, 19),
            "2024-06-30..2024-07-02",
        ),
        (
            "Russian President Vladimir Putin will pay a state visit to Vietnam from June 19 "
            "through June 20.",
            date(2024, 6, 17),
            "2024-06-19..2024-06-20",
        ),
        (  # the year after the last day: December's first day is of the year before
            "Russian President Vladimir Putin paid a state visit to Vietnam from Dec 30 to "
            "Jan 2, 2024.",
            date(2024, 6, 19),
            "2023-12-30..2024-01-02",
        ),
    ],
)
def test_days_of_two_months_are_one_span(text, published, expected, layer):
    """ "from June 30 to July 2", "from 30 June to 2 July", "from June 19 through June 20":
    the days from the first to the last, not the first alone (dates.yaml date.day-span,
    diplograph.dates._parse_months_span)."""
    assert dated(extract(text, published, layer), "Visit")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "NEW DELHI, March 7 (PTI) -- Prime Minister Narendra Modi is on a five-day official "
            "visit to Japan.",
            ("2025-03-07..2025-03-11", ""),
        ),
        (
            "TASHKENT, March 7 (Bernama) -- Dewan Rakyat Speaker Johari Abdul is leading a "
            "Malaysian parliamentary delegation on a three-day official visit to Uzbekistan.",
            ("2025-03-07..2025-03-09", ""),
        ),
    ],
)
def test_a_stay_told_as_going_on_is_dated_from_the_storys_day(text, expected, layer):
    """ "X is on a five-day official visit to Y": the N days from the story's day, or from the
    day its traveller arrived just before (derive.durations, lexicon present_stay_word)."""
    assert dated(extract(text, date(2025, 3, 7), layer), "Visit") == expected


def test_a_stay_told_as_going_on_began_when_its_traveller_arrived(layer):
    """ "X is in Fiji on a three-day state visit" after "arrived at Nadi airport yesterday": the
    three days from the arrival (derive.durations `_arrived`), not from the story's day."""
    text = (
        "SUVA, March 7 (Reuters) - Indian President Droupadi Murmu is in Fiji on a three-day "
        "state visit. Murmu arrived at Nadi International Airport yesterday afternoon."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    spans = sorted(
        (
            str(graph.value(e, DIP.place)).rsplit("/", 1)[-1],
            f"{graph.value(e, DIP.earliestDate)}..{graph.value(e, DIP.latestDate)}",
        )
        for e in graph.subjects(RDF.type, DIP.Visit)
    )
    assert spans == [
        ("fiji", "2025-03-06..2025-03-08"),
        ("nadi-international-airport", "2025-03-06..None"),  # an arrival's: open
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Indonesian President Prabowo Subianto has accepted an invitation from Russian "
            "President Vladimir Putin to visit Russia, the Kremlin said on Monday.",
            ("2025-03-03", ""),
        ),
        (
            "The Kremlin said on Monday that Indonesian President Prabowo Subianto has accepted "
            "an invitation to visit Moscow.",
            ("2025-03-03", ""),
        ),
        (
            "MOSCOW, March 7 (TASS) - Indonesian President Prabowo Subianto has accepted an "
            "invitation to visit Russia, Kremlin spokesman Dmitry Peskov told reporters on "
            "Thursday.",
            ("2025-03-06", ""),
        ),
        # guard: passes before too; the pluperfect tells an acceptance before the speech's day
        (
            "Iranian officials said on Monday that King Salman had sent a letter inviting "
            "President Ebrahim Raisi to visit Riyadh, and that Raisi had welcomed the invitation.",
            ("None..None", ""),
        ),
    ],
)
def test_an_acceptance_a_speaker_announces_is_of_the_speechs_day(text, expected, layer):
    """kinds.yaml `announced_date` on InvitationAcceptance: "has accepted an invitation ..., the
    Kremlin said on Monday": Monday (candidates._said_dates), not undated."""
    assert dated(extract(text, date(2025, 3, 7), layer), "InvitationAcceptance") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japanese Foreign Minister Takeshi Iwaya will meet his Philippine counterpart "
            "Enrique Manalo in Tokyo on Sunday, a day before Iwaya visits Manila.",
            "2025-03-10",
        ),
        (
            "Japanese Foreign Minister Takeshi Iwaya is scheduled to meet Enrique Manalo on "
            "Sunday, two days before he visits Manila.",
            "2025-03-11",
        ),
        # guard: passes before too; a past main clause's Sunday is the one gone by
        (
            "Japanese Foreign Minister Takeshi Iwaya met his Philippine counterpart Enrique "
            "Manalo on Sunday, a day before Iwaya visited Manila.",
            "2025-03-03",
        ),
    ],
)
def test_a_day_told_from_a_planned_event_counts_from_its_day(text, expected, layer):
    """ "will meet Y on Sunday, a day before X visits Manila" (told on Friday 7 March): the
    Monday after the Sunday to come, as the meeting took it (candidates._told_before), not
    the Monday after the Sunday gone by."""
    assert dated(extract(text, date(2025, 3, 7), layer), "Visit")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Modi met Ishiba in Tokyo the day before yesterday.",
            ("2025-03-05", "the day before yesterday"),
        ),
        (
            "Modi will meet Ishiba in Tokyo the day after tomorrow.",
            ("2025-03-09", "the day after tomorrow"),
        ),
    ],
)
def test_the_day_before_yesterday_is_two_days_back(text, expected, layer):
    """dates.yaml date.day-word: "the day before yesterday", "the day after tomorrow": two
    days from the story's day (told on Friday 7 March), not yesterday or tomorrow."""
    assert dated(extract(text, date(2025, 3, 7), layer), "Meeting") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "President Cyril Ramaphosa is on a state visit to the UAE from 6th to 8th March.",
            ("2025-03-06..2025-03-08", "from 6th to 8th March"),
        ),
        (
            "President William Ruto will pay a state visit to Qatar from the 10th to the 12th of "
            "March.",
            ("2025-03-10..2025-03-12", "from the 10th to the 12th of March"),
        ),
        (
            "President William Ruto will pay a state visit to Qatar on March 10th to 12th, 2025.",
            ("2025-03-10..2025-03-12", "March 10th to 12th, 2025"),
        ),
    ],
)
def test_days_of_one_month_told_by_ordinals_are_one_span(text, expected, layer):
    """date.day-span: "from 6th to 8th March" (WAM, PTI) is the three days, not the last one
    alone (a 8 March, read as a day still to come told in the present, went to last year)."""
    assert dated(extract(text, date(2025, 3, 7), layer), "Visit") == expected


@pytest.mark.parametrize(
    "background",
    ["the pact the three juntas formed in September 2023", "which was founded in 2001"],
)
def test_a_date_of_no_event_set_off_after_the_main_clause_leaves_the_storys_day(background, layer):
    """candidates._idle_dates: a time well past, set off after the main clause, that dates none
    of the sentence's events is of something else: the summit is of the story's day."""
    text = (
        "NIAMEY, July 6 (Reuters) - Niger's General Abdourahamane Tiani hosted Mali's Colonel "
        "Assimi Goita and Burkina Faso's Captain Ibrahim Traore at the summit of the Alliance "
        f"of Sahel States, {background}."
    )
    assert dated(extract(text, date(2024, 7, 6), layer), "Meeting") == ("2024-07-06", "")


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "MOSCOW, March 7 (TASS) - Russian Foreign Minister Sergey Lavrov's upcoming visit to "
            "Turkey on March 20 will focus on Syria.",
            "Visit",
            ("2025-03-20", "on March 20"),
        ),
        (
            "MOSCOW, March 7 (TASS) - Preparations are under way for the forthcoming talks "
            "between Russian Foreign Minister Sergey Lavrov and Turkish Foreign Minister Hakan "
            "Fidan on Monday.",
            "Talks",
            ("2025-03-10", "on Monday"),
        ),
    ],
)
def test_an_upcoming_events_day_lies_ahead(text, kind, expected, layer):
    """attribution.yaml `modality.upcoming`: "X's upcoming visit on March 20", "the forthcoming
    talks on Monday" are still to come: this March 20 (not last year's), next Monday."""
    assert dated(extract(text, date(2025, 3, 7), layer), kind) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MOSCOW, March 7 (TASS) - Russian Foreign Minister Sergey Lavrov's visit to Turkey on "
            "March 20 will focus on Syria.",
            ("2025-03-20", "on March 20"),
        ),
        (
            "MOSCOW, March 7 (TASS) - Ahead of Russian Foreign Minister Sergey Lavrov's visit to "
            "Turkey on March 20, the two sides agreed on an agenda.",
            ("2025-03-20", "on March 20"),
        ),
        # guard: a noun event's day just past stays this year's
        (
            "MOSCOW, March 7 (TASS) - Russian Foreign Minister Sergey Lavrov's visit to Turkey on "
            "March 2 focused on Syria.",
            ("2025-03-02", "on March 2"),
        ),
    ],
)
def test_a_noun_events_day_soon_after_the_article_is_still_to_come(text, expected, layer):
    """candidates._noun_ahead: "X's visit to Turkey on March 20", told on 7 March with no verb of
    its mood, is this March's visit to come (not last year's, as a past one's would be)."""
    assert dated(extract(text, date(2025, 3, 7), layer), "Visit") == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "JOHANNESBURG, March 7 (Reuters) - Chinese Foreign Minister Wang Yi and Indian "
            "External Affairs Minister S. Jaishankar held two days of talks in Johannesburg that "
            "ended on Friday.",
            "Talks",
            ("2025-03-07", "on Friday"),
        ),
        (
            "RIYADH, March 7 (Reuters) - The talks between Russian Foreign Minister Sergey Lavrov "
            "and Secretary of State Marco Rubio, held in Riyadh on Tuesday, lasted four hours.",
            "Talks",
            ("2025-03-04", "on Tuesday"),
        ),
        (
            "RIYADH, March 7 (Reuters) - The meeting between Russian Foreign Minister Sergey "
            "Lavrov and Secretary of State Marco Rubio that took place in Riyadh on Tuesday "
            "lasted four hours.",
            "Meeting",
            ("2025-03-04", "on Tuesday"),
        ),
    ],
)
def test_a_clause_that_tells_when_the_event_before_it_ended_or_was_held_dates_it(
    text, kind, expected, layer
):
    """dates.yaml `date_sequel_word` of two words: "talks that ended on Friday", "the talks,
    held in Riyadh on Tuesday,", "the meeting that took place on Tuesday" are of that day (the
    date dated nothing, and the sentence had no day of the story either)."""
    assert dated(extract(text, date(2025, 3, 7), layer), kind) == expected


def test_a_clause_of_two_sequel_words_far_from_the_event_dates_it_not(layer):
    """guard: "discussed the railway, which began operating in October 2023": the clause
    follows the railway, not the talks (dates.SEQUEL_REACH), which keep the day told before."""
    text = (
        "JAKARTA, Nov 10 (ANTARA) - President Prabowo Subianto met Chinese Premier Li Qiang on "
        "Saturday. Prabowo and Li discussed Chinese investment in the Jakarta-Bandung "
        "high-speed railway, which began operating in October 2023."
    )
    graph = extract(text, date(2024, 11, 10), layer)
    days = {str(graph.value(t, DIP.date)) for t in graph.subjects(RDF.type, DIP.Talks)}
    assert days == {"2024-11-09"}


def test_a_recent_day_after_an_apposition_leaves_the_storys_day(layer):
    """candidates._idle_dates: "was conferred the Order, the country's highest honour, by X at
    State House in Suva this morning": the day, set off after the main clause, dates no event
    where it stands; the honour is the story's day (it had none)."""
    text = (
        "SUVA, Aug 6 (Fijivillage) - Indian President Droupadi Murmu has been conferred the "
        "Companion of the Order of Fiji, the country's highest honour, by President Ratu Wiliame "
        "Katonivere at State House in Suva this morning."
    )
    assert dated(extract(text, date(2024, 8, 6), layer), "Ceremony")[0] == "2024-08-06"


def test_a_recent_day_of_a_relative_clause_leaves_the_event_undated(layer):
    """guard: "a letter to King X, which the Royal Cabinet made public on Tuesday": the day the
    clause gives is the publishing's, not the letter's (candidates._idle_dates)."""
    text = (
        "ALGIERS, July 31 (APS) - French President Emmanuel Macron set out the new position in a "
        "letter to King Mohammed VI, which the Moroccan Royal Cabinet made public on Tuesday."
    )
    assert dated(extract(text, date(2024, 7, 31), layer), "LetterDelivery")[0] == "None..None"


def test_the_date_rules_read_a_part_of_last_year(layer):
    """dates.yaml `date.period`: "late last year" is one date phrase, its last four months."""
    text = "Kenyan President William Ruto met Xi Jinping in Beijing late last year."
    assert dated(extract(text, date(2025, 3, 7), layer), "Meeting") == (
        "2024-09-01..2024-12-31",
        "late last year",
    )


def test_a_recent_day_opening_its_own_phrase_after_an_apposition_leaves_the_storys_day(layer):
    """candidates._idle_dates: "at the sports centre, Kasarani, on Tuesday" (a place no stage
    knows between): the day that dated nothing leaves the honour on the story's day (told
    that Tuesday), where before the sentence's date words left it none."""
    text = (
        "NAIROBI, Sept 13 (Reuters) - Somali President Hassan Sheikh Mohamud attended the "
        "swearing-in of President William Ruto at the Moi International Sports Centre, "
        "Kasarani, on Tuesday."
    )
    assert dated(extract(text, date(2022, 9, 13), layer), "Ceremony")[0] == "2022-09-13"


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "ANKARA, March 7 (AA) - Turkish President Recep Tayyip Erdogan met Russian President "
            "Vladimir Putin in Sochi on Thursday and Friday last week.",
            "Meeting",
            ("2025-02-27..2025-02-28", "on Thursday and Friday last week"),
        ),
        (
            "RIYADH, March 7 (SPA) - Saudi Foreign Minister Prince Faisal bin Farhan met US "
            "Secretary of State Marco Rubio in Riyadh this past weekend.",
            "Meeting",
            ("2025-03-01..2025-03-02", "this past weekend"),
        ),
    ],
)
def test_the_date_rules_read_the_past_weekend_and_weekdays_of_last_week(
    text, kind, expected, layer
):
    """dates.yaml `date.weekday-span` with "last week" after it, `date.weekend` with "past"."""
    assert dated(extract(text, date(2025, 3, 7), layer), kind) == expected


def test_a_since_date_after_a_numbered_visit_dates_nothing(layer):
    """dates.attach, `date_count_word`: "his ninth trip to the region since October 7" counts
    trips since then; the visit keeps the day of the arrival, not October 7 to the story's day."""
    text = (
        "TEL AVIV, March 7 (AFP) - US Secretary of State Antony Blinken arrived in Israel on "
        "Wednesday, his ninth trip to the region since October 7."
    )
    assert dated(extract(text, date(2025, 3, 7), layer), "Visit")[0] == "2025-03-05..None"


def test_a_since_date_after_numbered_talks_leaves_the_day_told_after(layer):
    """dates.attach, `date_count_word`: "their first in-person talks since November 2023 in Lima
    on Saturday": the talks are Saturday's, not November 2023 to the story's day."""
    text = (
        "LIMA, March 7 (Reuters) - Chinese President Xi Jinping and US President Joe Biden held "
        "their first in-person talks since November 2023 in Lima on Saturday."
    )
    assert dated(extract(text, date(2025, 3, 7), layer), "Talks")[0] == "2025-03-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "HANOI, March 7 (VNA) - Prime Minister Pham Minh Chinh visited Laos earlier in March.",
            ("2025-03-01..2025-03-06", "earlier in March"),
        ),
        (
            "HANOI, March 7 (VNA) - Prime Minister Pham Minh Chinh visited Laos in January and "
            "February.",
            ("2025-01-01..2025-02-28", "in January and February"),
        ),
    ],
)
def test_the_date_rules_read_two_months_and_earlier_in_the_articles_month(text, expected, layer):
    """dates.yaml `date.month`: "in January and February" is one date phrase (it was January);
    "earlier in March" told on March 7 is March 1 to 6 (it was the whole month)."""
    assert dated(extract(text, date(2025, 3, 7), layer), "Visit") == expected


def test_the_next_leg_after_before_takes_no_day_from_the_event_before_it(layer):
    """candidates._share_dates, `date_onward_word`: "arrived in Hanoi on Sunday, before heading
    to Singapore": the Singapore leg shares the traveller but not Sunday (it took Sunday)."""
    text = (
        "HANOI, May 27 (AFP) - French President Emmanuel Macron arrived in Hanoi on Sunday, "
        "before heading to Singapore."
    )
    graph = extract(text, date(2025, 5, 27), layer)
    days = {
        str(graph.value(v, DIP.place)).rsplit("/", 1)[-1]: [
            str(graph.value(v, p)) for p in (DIP.date, DIP.earliestDate, DIP.latestDate)
        ]
        for v in graph.subjects(RDF.type, DIP.Visit)
    }
    assert days == {"hanoi": ["None", "2025-05-25", "None"], "singapore": ["None"] * 3}


def test_the_leg_after_will_then_takes_no_day_from_the_event_before_it(layer):
    """`date_onward_word` "then": "is due to fly to El Salvador on Monday ..., and will then
    visit Costa Rica": the later legs are not Monday's (they took Monday)."""
    text = (
        "PANAMA CITY, Feb 2 (Reuters) - U.S. Secretary of State Marco Rubio met Panama's "
        "President Jose Raul Mulino on Sunday. Rubio is due to fly to El Salvador on Monday to "
        "meet President Nayib Bukele, and will then visit Costa Rica and Guatemala."
    )
    graph = extract(text, date(2025, 2, 2), layer)
    days = {
        str(graph.value(v, DIP.place)).rsplit("/", 1)[-1]: str(graph.value(v, DIP.date))
        for v in graph.subjects(RDF.type, DIP.Visit)
    }
    assert days == {"el-salvador": "2025-02-03", "costa-rica": "None", "guatemala": "None"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US Secretary of State Marco Rubio met Saudi Foreign Minister Prince Faisal bin "
            "Farhan on the sidelines of the G20 summit, which was held in Johannesburg on "
            "February 20-21.",
            "2025-02-20..2025-02-21",
        ),
        (
            "US Secretary of State Marco Rubio met Saudi Foreign Minister Prince Faisal bin "
            "Farhan on the sidelines of the G20 summit, which took place in Johannesburg on "
            "Tuesday.",
            "2025-03-04",
        ),
    ],
)
def test_a_clause_after_the_summit_dates_the_meeting_on_its_sidelines(text, expected, layer):
    """dates._sequel_start, `date_gathering_noun`, "which was held"/"which took": the clause
    after the summit tells when the meeting on its sidelines was (it was undated)."""
    assert dated(extract(text, date(2025, 3, 7), layer), "Meeting")[0] == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "Chinese Premier Li Qiang will be received by Sultan Ibrahim, King of Malaysia, at "
            "Istana Negara this evening, according to a statement from Wisma Putra.",
            "Hosting",
            ("2024-06-19", "istana-negara"),
        ),
        (
            "Wang Yi met Sergei Lavrov, the Russian foreign minister, in Beijing on Tuesday, "
            "according to a readout from the Chinese Foreign Ministry.",
            "Meeting",
            ("2024-06-18", "beijing"),
        ),
    ],
)
def test_a_source_after_a_phrase_past_an_apposition_sets_no_phrase_off(text, kind, expected, layer):
    """lexicon.yaml `clause_opener` "according": "X met Y, TITLE, in Beijing on Tuesday,
    according to ...": the phrase after the apposition is the main clause's (its day and
    place the event's), not one set off like "Abiy, on his first trip abroad, arrived"."""
    graph = extract(text, date(2024, 6, 19), layer)
    (event,) = set(graph.subjects(RDF.type, getattr(DIP, kind)))
    place = str(graph.value(event, DIP.place)).rsplit("/", 1)[-1]
    assert (dated(graph, kind)[0], place) == expected


@pytest.mark.parametrize(
    "announced",
    [
        "Phnom Penh said it would withdraw all its diplomats from Bangkok.",
        "The foreign ministry said Cambodia would expel the Thai ambassador.",
    ],
)
def test_a_decision_announced_with_no_day_is_of_the_storys_day(announced, layer):
    """candidates._narrative_dates, `_announced`: a decision still to come (kinds.yaml
    `announced_date`) that a speaker announces in a sentence with no date words was announced
    on the story's day, as wire copy tells the day once (Thursday, 24 July)."""
    text = "Cambodia lowered ties with Thailand on Thursday. " + announced
    graph = extract(text, date(2025, 7, 24), layer)
    assert dated(graph, "DiplomatExpulsion")[0] == "2025-07-24"


def test_a_decision_to_come_nobody_announces_takes_no_story_day(layer):
    """# guard: an expulsion still to come that no speech verb announces keeps no date."""
    text = "Cambodia lowered ties with Thailand on Thursday. Cambodia will expel the Thai envoy."
    graph = extract(text, date(2025, 7, 24), layer)
    assert dated(graph, "DiplomatExpulsion")[0] == "None..None"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day the invitation is to comes after "to attend": not the invitation's (it had
        # been read as last year's 9 May)
        ("Putin invited Xi Jinping to attend the Victory Day parade on May 9.", "None..None"),
        # the story's day dates it as a sentence with no date words of its own would
        (
            "Putin met Xi Jinping on Thursday. Putin invited Xi Jinping to attend the Victory "
            "Day parade on May 9.",
            "2025-01-02",
        ),
        (
            "Putin on Thursday invited Xi Jinping to attend the Victory Day celebrations on May 9.",
            "2025-01-02",
        ),
    ],
)
def test_the_day_of_what_an_invitation_is_to_is_not_the_invitations(text, expected, layer):
    """candidates._content_verbs, lexicon.yaml `content_verb`: "to attend" after an invitation
    takes the date told after it, as a trigger would."""
    assert dated(extract(text, date(2025, 1, 3), layer), "Invitation")[0] == expected


@pytest.mark.parametrize(
    ("text", "invitation", "visit"),
    [
        ("Putin invited Xi Jinping to the Victory Day celebrations on May 9.", "None..None", None),
        ("Putin invited Xi Jinping for talks on February 10.", "None..None", None),
        (  # the visit is of the day to come, the invitation of none
            "Putin invited Xi Jinping to Moscow for the Victory Day celebrations on May 9.",
            "None..None",
            "2025-05-09",
        ),
    ],
)
def test_a_month_day_ahead_after_an_invitation_is_not_its_day(text, invitation, visit, layer):
    """candidates._month_ahead: a day named by its month, no year, nearer ahead of the article
    (told 3 January) than behind it, after an invitation that happened, is the day of what it
    is to (its visit, if any), not the invitation's (it had been read as last year's)."""
    graph = extract(text, date(2025, 1, 3), layer)
    assert dated(graph, "Invitation")[0] == invitation
    visits = [str(graph.value(v, DIP.date)) for v in graph.subjects(RDF.type, DIP.Visit)]
    assert visits == ([visit] if visit else [])


def test_a_month_day_gone_by_still_dates_the_invitation(layer):
    """# guard: "on December 20", told 3 January, lies nearer behind: the invitation's day."""
    graph = extract(
        "Putin on December 20 invited Xi Jinping to visit Russia.", date(2025, 1, 3), layer
    )
    assert dated(graph, "Invitation")[0] == "2024-12-20"


@pytest.mark.parametrize(
    "source",
    ["the Chinese foreign ministry said", "officials said"],
)
def test_a_source_clause_after_a_phrase_past_an_apposition_sets_no_phrase_off(source, layer):
    """sentences._source_clause: "X met Y, TITLE, in Moscow on Tuesday, officials said.": the
    phrase after the apposition is the main clause's (its day and place the meeting's), the
    clause after it a source's, not the verb that follows a phrase set off."""
    text = (
        f"Wang Yi met Sergei Lavrov, the Russian foreign minister, in Moscow on Tuesday, {source}."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    (meeting,) = set(graph.subjects(RDF.type, DIP.Meeting))
    place = str(graph.value(meeting, DIP.place)).rsplit("/", 1)[-1]
    assert (dated(graph, "Meeting")[0], place) == ("2025-03-04", "moscow")


def test_a_participle_phrase_before_said_is_still_set_off(layer):
    """# guard: "X, reporting from Tehran, said ...": "said" opens no source's clause (its
    subject comes first), so the phrase is set off and X is the speaker."""
    graph = extract(
        "Sergei Lavrov, speaking in Moscow, said the talks were useful.", date(2025, 3, 7), layer
    )
    speakers = {
        str(graph.value(s, DIP.agent)).rsplit("/", 1)[-1]
        for s in graph.subjects(RDF.type, DIP.Statement)
    }
    assert speakers == {"sergei-lavrov"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chinese Foreign Minister Wang Yi's March 3-4 visit to India was his first this year.",
            "2025-03-03..2025-03-04",
        ),
        ("Wang Yi's Tuesday visit to India was his first this year.", "2025-03-04"),
    ],
)
def test_a_date_right_before_its_event_noun_keeps_it(text, expected, layer):
    """dates.attach: a date that stands right before its event noun ("X's March 3-4 visit")
    names that event's days: a wider date after it ("his first this year") does not take it,
    as "This week" gives way to "on Tuesday" when it opens the clause."""
    graph = extract(text, date(2025, 3, 7), layer)
    assert {_span(graph, e) for e in graph.subjects(RDF.type, DIP.Visit)} == {expected}


def test_a_date_before_a_participle_that_ends_a_stay_dates_its_last_day(layer):
    """dates.yaml date_during_word: "left Astana on Thursday, concluding his three-day state
    visit": the date of a clause with no event dates the visit the participle ends, whose last
    day it is (derive.durations): Tuesday to Thursday."""
    text = "Xi Jinping left Astana on Thursday, concluding his three-day state visit to Kazakhstan."
    graph = extract(text, date(2025, 3, 7), layer)
    assert {_span(graph, e) for e in graph.subjects(RDF.type, DIP.Visit)} == {
        "2025-03-04..2025-03-06"
    }


def test_the_final_day_of_a_stay_is_its_last(layer):
    """lexicon.yaml stay_end_word: "on Thursday, the final day of his two-day state visit": the
    visit ended on Thursday (Wednesday to Thursday), not began then."""
    text = (
        "Xi Jinping held talks with Kassym-Jomart Tokayev in Astana on Thursday, the final day "
        "of his two-day state visit to Kazakhstan."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    assert {_span(graph, e) for e in graph.subjects(RDF.type, DIP.Visit)} == {
        "2025-03-05..2025-03-06"
    }


def test_an_event_told_as_what_another_followed_leaves_the_story_on_its_day(layer):
    """pipeline._antecedent: "The idea of the meeting emerged after a telephone conversation
    between Putin and Trump on March 2": the call (of March 2) is background, so an undated
    meeting told later is of the story's day (Friday 7 March), not of the call's."""
    text = (
        "PARIS, March 7 (AFP) - French President Emmanuel Macron met German Chancellor Olaf "
        "Scholz in Paris on Friday. The idea of the meeting emerged after a telephone "
        "conversation between Vladimir Putin and Donald Trump on March 2.\n\nKyiv was not "
        "invited to the talks. Speaking in Warsaw after meeting Polish President Andrzej Duda, "
        "Ukrainian President Volodymyr Zelensky said Ukraine would not accept any deal."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    assert (dated_at(graph, "Meeting", "warsaw"), dated(graph, "Talks")[0]) == (
        "2025-03-07",
        "2025-03-02",
    )


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("Wang Yi had arrived in Tashkent the day before on an official visit.", "2025-03-04"),
        # guard: "a day earlier" (date.previous-day) was read so before and must stay so
        ("Wang Yi had arrived in Tashkent a day earlier.", "2025-03-04"),
        ("Wang Yi had arrived in Tashkent the day before, and met Saidov.", "2025-03-04"),
    ],
)
def test_the_day_before_told_as_an_adverb_dates_the_event_before_it(second, expected, layer):
    """dates.yaml date_adverbial_follower: "arrived in Tashkent the day before on an official
    visit": no clause of another event follows "the day before" (as in "a day before X met
    Y"), so it dates the arrival, the day before the one told before (Wednesday 5 March)."""
    text = (
        "Uzbek President Shavkat Mirziyoyev received Chinese Foreign Minister Wang Yi in "
        f"Tashkent on Wednesday. {second}"
    )
    graph = extract(text, date(2025, 3, 5), layer)
    assert dated(graph, "Arrival")[0] == expected


@pytest.mark.parametrize("verb", ["wrapping up", "concluding", "ending"])
def test_a_stay_a_participle_phrase_ends_is_the_main_subjects(verb, layer):
    """frames._after_participle: "left Paris on Tuesday, wrapping up a three-day visit to
    France": the visit told with "a" after a comma and a participle is the main clause's
    subject's, as "his visit" is, and it ended on Tuesday (Sunday to Tuesday); before, the
    visit had no traveller and was lost."""
    text = (
        f"Saudi Crown Prince Mohammed bin Salman left Paris on Tuesday, {verb} a three-day "
        "visit to France."
    )
    graph = extract(text, date(2025, 3, 5), layer)
    visits = list(graph.subjects(RDF.type, DIP.Visit))
    assert [_span(graph, e) for e in visits] == ["2025-03-02..2025-03-04"]
    assert [str(graph.value(e, DIP.traveller)).rsplit("/", 1)[-1] for e in visits] == [
        "mohammed-bin-salman"
    ]


@pytest.mark.parametrize(
    "tail",
    [
        "met in Vilnius ahead of the alliance's summit in The Hague in June",
        "held talks in Vilnius in preparation for the NATO summit in June",
        "met in Vilnius on the eve of the NATO summit in July",
        "met in Vilnius in the run-up to the NATO summit in July",
    ],
)
def test_the_time_of_what_an_event_was_held_ahead_of_is_not_its_own(tail, layer):
    """dates.yaml date_ahead_word: "Nauseda met Duda ahead of the NATO summit in June", told on
    9 February 2025: June is the summit's (to come), not the meeting's (before, June 2024); the
    meeting keeps the story's day, that of the ceremony told before (dates.held_ahead)."""
    text = (
        "VILNIUS, Feb 9 (Reuters) - Lithuanian President Gitanas Nauseda hosted a ceremony in "
        f"Vilnius on Sunday. Nauseda and Polish President Andrzej Duda also {tail}."
    )
    graph = extract(text, date(2025, 2, 9), layer)
    kind = "Talks" if "talks" in tail else "Meeting"
    assert dated(graph, kind)[0] == "2025-02-09"


def test_a_time_to_come_that_dates_no_event_leaves_the_storys_day(layer):
    """candidates.sentence_candidates: "India announced it was expelling six Canadian
    diplomats, and ordered them to leave India by Oct. 19", told on 14 October: the deadline
    still to come dates no event of its sentence, so the expulsion keeps the story's day, as
    in a sentence with no date words (before, it was left undated)."""
    text = (
        "OTTAWA, Oct 14 (Reuters) - Canada expelled six Indian diplomats on Monday. Later, "
        "India announced it was expelling six Canadian diplomats, and ordered them to leave "
        "India by 11:59 p.m. on Oct. 19."
    )
    graph = extract(text, date(2024, 10, 14), layer)
    days = sorted(
        str(graph.value(e, DIP.date)) for e in graph.subjects(RDF.type, DIP.DiplomatExpulsion)
    )
    assert days == ["2024-10-14", "2024-10-14"]


def test_a_deadline_days_after_the_article_is_no_past_events_day(layer):
    """dates.soon_after: "Russia expelled two British diplomats and gave them until March 12 to
    leave", told on 5 March: a day without its year that falls at most two weeks after the
    article is a deadline still to come, not the expulsion's day read as last year's (before,
    12 March 2024); the expulsion keeps the story's day."""
    text = (
        "MOSCOW, March 5 (Reuters) - Sergei Lavrov met Wang Yi on Wednesday. Russia expelled "
        "two British diplomats and gave them until March 12 to leave."
    )
    graph = extract(text, date(2025, 3, 5), layer)
    assert dated(graph, "DiplomatExpulsion")[0] == "2025-03-05"


@pytest.mark.parametrize(
    ("request_words", "kind"),
    [
        ("invited Putin to visit China during talks in Moscow", "Talks"),
        ("urged Putin to end the war during their talks", "Talks"),
        ("asked Putin to visit China at their meeting", "Meeting"),
    ],
)
def test_the_occasion_of_a_request_is_past_not_to_come(request_words, kind, layer):
    """attribution.yaml modality.asked `stops`: "Xi invited Putin to visit China during talks
    in Moscow on Tuesday", told on Wednesday 5 March: the talks the invitation was made at
    were held last Tuesday (4 March), not next Tuesday as a plan (before, 11 March)."""
    text = (
        "MOSCOW, March 5 (Reuters) - Xi Jinping met Sergei Lavrov on Wednesday. Xi "
        f"{request_words} on Tuesday."
    )
    graph = extract(text, date(2025, 3, 5), layer)
    days = {
        str(graph.value(e, DIP.date))
        for e in graph.subjects(RDF.type, getattr(DIP, kind))
        if str(graph.value(e, DIP.date)) != "2025-03-05"
    }
    assert days == {"2025-03-04"}


@pytest.mark.parametrize(
    ("words", "span"),
    [
        ("in the first week of February", "2025-02-01..2025-02-07"),
        ("in the second half of January", "2025-01-16..2025-01-31"),
        ("in the last days of February", "2025-02-21..2025-02-28"),
    ],
)
def test_a_week_or_half_of_a_month_dates_its_days_not_the_storys(words, span, layer):
    """dates.yaml date.month "in the first week of February": the meeting was held on those
    days (before, the unread words left the story's day, 7 March)."""
    text = (
        "BEIJING, March 7 (Xinhua) -- Chinese President Xi Jinping met Brazilian President "
        f"Luiz Inacio Lula da Silva in Beijing {words}."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "Meeting")[0] == span


@pytest.mark.parametrize(
    "words", ["a few days ago", "in recent days", "over the past few days", "in the past week"]
)
def test_a_few_days_ago_is_the_week_before_not_the_storys_day(words, layer):
    """dates.yaml date.ago "a few days ago", "in recent days": the meeting was held in the
    seven days before the story (before, the unread words left the story's day, 7 March)."""
    text = (
        "ANKARA, March 7 (Reuters) - Turkish President Tayyip Erdogan met Syrian leader Ahmed "
        f"al-Sharaa in Ankara {words}, officials said."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "Meeting")[0] == "2025-02-28..2025-03-06"


@pytest.mark.parametrize(
    "words", ["in the past month", "over the past few weeks", "in recent weeks"]
)
def test_the_past_month_is_the_thirty_days_before_not_the_storys_day(words, layer):
    """dates.yaml date.ago "in the past month", "in recent weeks": the meeting was held in the
    thirty days before the story (before, the unread words left the story's day, 7 March)."""
    text = (
        "MOSCOW, March 7 (Reuters) - Russian President Vladimir Putin met Indian Prime Minister "
        f"Narendra Modi {words}, the Kremlin said."
    )
    graph = extract(text, date(2025, 3, 7), layer)
    assert dated(graph, "Meeting")[0] == "2025-02-05..2025-03-06"


@pytest.mark.parametrize("plan", ["he would visit Russia again", "he planned to visit Russia"])
def test_the_day_a_plan_was_told_is_not_the_plans_day(plan, layer):
    """candidates._share_dates: "Xi said on Tuesday he would visit Russia again": the speech
    is of Tuesday, the visit still to come is undated (before, it took the speech's day)."""
    text = f"MOSCOW, March 22 (Reuters) - Chinese President Xi Jinping said on Tuesday {plan}."
    graph = extract(text, date(2023, 3, 22), layer)
    (visit,) = set(graph.subjects(RDF.type, DIP.Visit))
    assert graph.value(visit, DIP.date) is None
    assert graph.value(visit, DIP.earliestDate) is None


def test_a_plan_told_in_speech_still_takes_a_decisions_day(layer):
    """# guard: candidates._said_dates still dates an announced decision with the speech's day
    ("said on Tuesday Russia would expel two British diplomats": Tuesday)."""
    text = (
        "MOSCOW, March 22 (Reuters) - Russian Foreign Minister Sergei Lavrov said on Tuesday "
        "Russia would expel two British diplomats."
    )
    graph = extract(text, date(2023, 3, 22), layer)
    assert dated(graph, "DiplomatExpulsion")[0] == "2023-03-21"


@pytest.mark.parametrize(
    ("words", "span"),
    [
        ("will visit China next spring", "2024-03-01..2024-05-31"),
        ("visited China last summer", "2022-06-01..2022-08-31"),
    ],
)
def test_a_season_without_a_year_dates_its_event(words, span, layer):
    """dates.yaml date.season "next spring", "last summer": the season nearest the story's day
    (before, the words were unread: the plan undated, the past visit of the story's day)."""
    text = f"MOSCOW, March 22 (Reuters) - Russian President Vladimir Putin {words}."
    graph = extract(text, date(2023, 3, 22), layer)
    assert dated(graph, "Visit")[0] == span


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "Xi arrived in Moscow on Monday. He had met Putin in Beijing two weeks earlier.",
            "two weeks earlier",
            "2024-08-19",
        ),
        (
            "Xi met Putin in Moscow on Monday. A week earlier, Lavrov met Wang Yi in Beijing.",
            "A week earlier",
            "2024-08-26",
        ),
        (
            "Wang Yi visited Cairo on Monday. Two days earlier he met Lavrov in Moscow.",
            "Two days earlier",
            "2024-08-31",
        ),
        (
            "Wang Yi visited Cairo on Monday. Three days earlier he met Lavrov in Moscow.",
            "Three days earlier",
            "2024-08-30",
        ),
        (
            "Xi met Putin on August 12. Two weeks later, Lavrov met Wang Yi in Beijing.",
            "Two weeks later",
            "2024-08-26",
        ),
        (
            "Xi met Putin on August 12. A fortnight later, Lavrov met Wang Yi in Beijing.",
            "A fortnight later",
            "2024-08-26",
        ),
        (
            "Xi arrived in Moscow on Monday. He had met Putin in Beijing a fortnight earlier.",
            "a fortnight earlier",
            "2024-08-19",
        ),
    ],
)
def test_days_and_weeks_earlier_count_from_the_day_told_before(text, words, expected, layer):
    """dates.yaml date.week-earlier, date.two-weeks-earlier/later, date.two/three-days-earlier:
    that many days from the day the article told before, not the story's day (before, the
    words were unread and the meeting took the story's day)."""
    graph = extract(text, date(2024, 9, 3), layer)
    found = {
        _span(graph, event)
        for attest, event in graph.subject_objects(DIP.attests)
        if (event, RDF.type, DIP.Meeting) in graph
        and str(graph.value(attest, DIP.dateExpression)) == words
    }
    assert found == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Xi will visit Russia at the end of the month, the Kremlin said.",
            "2024-09-21..2024-09-30",
        ),
        ("Xi is expected to visit Russia towards the end of this month.", "2024-09-21..2024-09-30"),
        # guard: told in the past, "the month" is one named before: no date of the story's month
        ("Putin visited China in May. Xi visited Russia at the end of the month.", "None..None"),
    ],
)
def test_the_end_of_the_month_in_a_plan_is_the_last_days_of_the_articles(text, expected, layer):
    """dates.yaml date.period "at the end of the month" (dates.py `_parse_month_part`): a plan
    told for the end of the month is the last days of the article's month, as "at the end of
    next month" is of the next; before, the words were unread and the plan undated."""
    graph = extract(text, date(2024, 9, 3), layer)
    found = {
        _span(graph, event)
        for event in graph.subjects(RDF.type, DIP.Visit)
        if "xi" in str(graph.value(event, DIP.traveller))
    }
    assert found == {expected}
