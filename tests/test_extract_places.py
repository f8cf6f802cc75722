"""Places given to events from context (mappings/rules/kinds.yaml `defaults`,
src/diplograph/extract/candidates.py): where the story is when a sentence names no place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from diplograph.extract import extract_article
from diplograph.extract.clean import article_from_text
from diplograph.namespaces import DIP, ID


def extract(text: str, layer) -> Graph:
    """The rule layer of one text dated 3 December 2024 (a Tuesday)."""
    rules, gazetteer = layer
    article = article_from_text(Path("t.txt"), text, date(2024, 12, 3), rules)
    return extract_article(article, rules, gazetteer)


def places(text: str, kind: str, layer) -> list[list[str]]:
    """The sorted place ids of every event of one kind, sorted."""
    graph = extract(text, layer)
    found = []
    for node in set(graph.subjects(RDF.type, DIP[kind])):
        found.append(sorted(str(p).removeprefix(str(ID)) for p in graph.objects(node, DIP.place)))
    return sorted(found)


ARRIVED = "Kenyan President William Ruto arrived in Addis Ababa on Monday. "


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (  # the invitation is made where the story is; the visit it asks for is elsewhere
            ARRIVED + "Ruto invited Ethiopian Prime Minister Abiy Ahmed to visit Nairobi.",
            "Invitation",
            [["city/addis-ababa"]],
        ),
        (
            ARRIVED + "Ruto invited Ethiopian Prime Minister Abiy Ahmed to visit Nairobi.",
            "Visit",
            [["city/addis-ababa"], ["city/nairobi"]],
        ),
        (
            ARRIVED + "Ethiopian Prime Minister Abiy Ahmed invited Ruto to visit Gondar. Ruto "
            "accepted the invitation.",
            "InvitationAcceptance",
            [["city/addis-ababa"]],
        ),
        (
            ARRIVED + "Ruto handed Ethiopian Prime Minister Abiy Ahmed a letter from Somali "
            "President Hassan Sheikh Mohamud.",
            "LetterDelivery",
            [["city/addis-ababa"]],
        ),
    ],
)
def test_invitations_and_letters_take_the_storys_place(text, kind, expected, layer):
    """An invitation, its acceptance or a letter handed over with no place of its own is where
    the story is."""
    assert places(text, kind, layer) == expected


def test_an_invitation_is_made_where_its_parties_met(layer):
    """An invitation follows the talks of its two parties: their place, not the dateline's."""
    text = (
        "NAIROBI, Dec 2 (Reuters) - Ethiopian Prime Minister Abiy Ahmed held talks with Somali "
        "President Hassan Sheikh Mohamud in Ankara on Monday. Abiy invited Hassan Sheikh "
        "Mohamud to visit Addis Ababa."
    )
    assert places(text, "Invitation", layer) == [["city/ankara"]]


def test_an_invitation_a_visit_was_made_at_has_no_place(layer):
    """ "Visiting X at the invitation of Y": the invitation came before, from elsewhere."""
    text = (
        ARRIVED
        + "Ruto is visiting Ethiopia at the invitation of Ethiopian Prime Minister Abiy Ahmed."
    )
    assert places(text, "Invitation", layer) == [[]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the fronted place, and the day after it, set the meeting
            "BERLIN, Dec 3 (Reuters) - Ethiopian Prime Minister Abiy Ahmed held talks with German "
            "Chancellor Olaf Scholz on Tuesday. In Cairo on Sunday, Abiy met with Egyptian "
            "President Abdel Fattah al-Sisi.",
            [("2024-12-01", ["city/cairo"]), ("2024-12-03", ["city/berlin"])],
        ),
        (  # a fronted place alone
            "BERLIN, Dec 3 (Reuters) - Ethiopian Prime Minister Abiy Ahmed held talks with German "
            "Chancellor Olaf Scholz on Tuesday. In Cairo, Abiy met with Egyptian President Abdel "
            "Fattah al-Sisi on Sunday.",
            [("2024-12-01", ["city/cairo"]), ("2024-12-03", ["city/berlin"])],
        ),
    ],
)
def test_a_sentence_opening_with_a_place_is_set_there(text, expected, layer):
    """ "In Cairo on Sunday, X met Y": the fronted place and day are the meeting's."""
    graph = extract(text, layer)
    found = []
    for node in set(graph.subjects(RDF.type, DIP.Meeting)) | set(
        graph.subjects(RDF.type, DIP.Talks)
    ):
        where = sorted(str(p).removeprefix(str(ID)) for p in graph.objects(node, DIP.place))
        found.append((str(graph.value(node, DIP.date)), where))
    assert sorted(found) == expected


def test_talks_after_a_welcome_at_a_venue_are_held_there_that_day(layer):
    """The talks of two who were received at a palace that day took place at the palace; their
    talks of another year did not."""
    text = (
        "ADDIS ABABA, Dec 3 (Reuters) - Ethiopian Prime Minister Abiy Ahmed received Kenyan "
        "President William Ruto at the National Palace on Tuesday. The two leaders held talks "
        "on trade. Abiy and Ruto last held talks on 3 May 2023."
    )
    graph = extract(text, layer)
    found = sorted(
        (str(graph.value(node, DIP.date)), str(graph.value(node, DIP.place)).removeprefix(str(ID)))
        for node in graph.subjects(RDF.type, DIP.Talks)
    )
    assert found == [("2023-05-03", "city/addis-ababa"), ("2024-12-03", "place/national-palace")]


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        ("the Sheraton Hotel", "place/sheraton-hotel"),
        ("the Royal Staff College", "place/royal-staff-college"),
        ("the Army Headquarters", "place/army-headquarters"),
    ],
)
def test_a_hotel_a_college_and_headquarters_are_sites(venue, expected, layer):
    """A name ending in a site's head word (names.yaml `site_heads`: hotel, college,
    headquarters, ...) is a place where the talks were held, not a person taking part."""
    text = ARRIVED + f"Ruto held talks with Prime Minister Abiy Ahmed at {venue}."
    assert places(text, "Talks", layer) == [[expected]]


def _mentioned(text: str, layer) -> set[str]:
    """The entities the sentences of a text mention, without the namespace."""
    graph = extract(text, layer)
    return {str(o).removeprefix(str(ID)) for o in graph.objects(None, DIP.mentions)}


def test_a_city_after_a_preposition_of_place_names_the_city_not_its_state(layer):
    """pipeline._mentioned: "told reporters in Brussels" names the city; "Kyiv said" names the
    state the capital stands for as well."""
    text = "The spokesperson told reporters in Brussels that the talks would go on."
    assert {"city/brussels"} <= _mentioned(text, layer)
    assert "country/belgium" not in _mentioned(text, layer)
    assert {"city/kyiv", "country/ukraine"} <= _mentioned("Kyiv said it would respond.", layer)


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("Mongolia is a party to the Rome Statute.", "city/rome", "country/italy"),
        (
            "The minister said the raid breached the Vienna Convention on Diplomatic Relations.",
            "city/vienna",
            "country/austria",
        ),
    ],
)
def test_a_city_opening_a_documents_name_is_no_place(text, city, country, layer):
    """names.yaml `document_heads`: a city right before a capitalised head of a document's name
    is part of the name, not the city (gazetteer.name_spans)."""
    assert not {city, country} & _mentioned(text, layer)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (  # the clause set off before the main verb: not where the main clause went
            "Marco Rubio arrived in Jerusalem on Saturday. Rubio, who met Netanyahu on Sunday, "
            "flew to Riyadh on Monday.",
            "Meeting",
            [["city/jerusalem"]],
        ),
        (  # a guard: a clause after the main verb stays where the main clause is
            ARRIVED + "Abiy received Ruto, who delivered a letter from Kenya's parliament.",
            "LetterDelivery",
            [["city/addis-ababa"]],
        ),
    ],
)
def test_a_relative_clause_before_the_verb_keeps_the_place_the_sentence_opened_in(
    text, kind, expected, layer
):
    """pipeline._set_off_before: "X, who met Y on Sunday, flew to Riyadh" met Y where the
    story was, not in Riyadh."""
    assert places(text, kind, layer) == expected


def test_a_new_place_is_located_where_the_text_puts_it(layer):
    """pipeline.locate_new_places: a place the gazetteer does not know lies in the city named
    right after it, else in the country where the story is (dip:locatedIn)."""
    graph = extract(
        "GEORGETOWN, Nov 20 (Reuters) - Modi arrived at the Cheddi Jagan International Airport "
        "on Tuesday. He later visited the Providence Stadium in Georgetown.",
        layer,
    )
    located = sorted(
        (str(s).removeprefix(str(ID)), str(o).removeprefix(str(ID)))
        for s, o in graph.subject_objects(DIP.locatedIn)
        if "/place/" in str(s)
    )
    assert located == [
        ("place/cheddi-jagan-international-airport", "country/guyana"),
        ("place/providence-stadium", "city/georgetown"),
    ]


def test_talks_at_a_site_are_not_the_talks_planned_in_another_town(layer):
    """events._elsewhere reads a site as the town it lies in: talks held at Hyderabad House (New
    Delhi) are not the next round planned in Hanoi, though the site names no town."""
    text = (
        "Indian Prime Minister Narendra Modi held talks with Vietnamese Prime Minister Pham Minh "
        "Chinh at Hyderabad House on Tuesday. Chinh invited Modi to hold the next round of talks "
        "in Hanoi, and Modi accepted the invitation."
    )
    assert places(text, "Talks", layer) == [["place/hyderabad-house"]]


def test_talks_held_where_the_story_is_are_not_the_round_planned_elsewhere(layer):
    """events._elsewhere: a planned event's named town against the place a held one was given
    (here the dateline's): the talks are in Warsaw, the next round is to be in Kyiv."""
    text = (
        "WARSAW, Dec 3 (Reuters) - Polish Prime Minister Donald Tusk held talks with Ukrainian "
        "Prime Minister Denys Shmyhal on Tuesday. Shmyhal invited Tusk to hold the next round of "
        "talks in Kyiv, and Tusk accepted the invitation."
    )
    assert places(text, "Talks", layer) == [["city/warsaw"]]
