"""Public figures named with no title (src/diplograph/extract/figures.py): people.yaml's
`people_countries`, `people_aliases` and `people_not_bare` make "Scholz met Meloni" a meeting
of two people, and never make a person of "Hunter Biden", "Harris" or "Jordan"."""

from __future__ import annotations

from rdflib import RDF, Graph
from test_extract_gazetteer import extract
from test_extract_gazetteer import labelled_people as people

from diplograph.extract.coref import Discourse, holder_country
from diplograph.extract.figures import figures
from diplograph.namespaces import DIP, ID


def roles(graph: Graph, kind: str) -> set[tuple[str, str]]:
    """The (role, id path) pairs of the one event of a kind in a graph."""
    (event,) = graph.subjects(RDF.type, DIP[kind])
    return {
        (str(p).removeprefix(str(DIP)), str(o).removeprefix(str(ID)))
        for p, o in graph.predicate_objects(event)
        if str(o).startswith(str(ID)) and str(p).startswith(str(DIP))
    }


def test_two_surnames_of_listed_figures_make_a_meeting_of_two_people(layer):
    graph = extract("Scholz met Meloni in Rome on Monday.", layer)
    assert people(graph) == {
        "person/olaf-scholz": "Olaf Scholz",
        "person/giorgia-meloni": "Giorgia Meloni",
    }
    assert roles(graph, "Meeting") == {
        ("participant", "person/olaf-scholz"),
        ("participant", "person/giorgia-meloni"),
        ("place", "city/rome"),
    }


def test_a_headline_in_title_case_names_its_two_figures(layer):
    graph = extract("Sanchez Meets Starmer in London\n\nIt rained all day.", layer)
    assert roles(graph, "Meeting") == {
        ("participant", "person/pedro-sanchez"),
        ("participant", "person/keir-starmer"),
        ("place", "city/london"),
    }


def test_an_alias_names_the_listed_figure_and_a_one_word_alias_wins_a_shared_surname(layer):
    graph = extract("Lula flew to Luanda on Thursday. Macron stayed in Paris.", layer)
    assert people(graph) == {
        "person/luiz-inacio-lula-da-silva": "Luiz Inacio Lula da Silva",
        "person/emmanuel-macron": "Emmanuel Macron",
    }


def test_a_full_name_then_its_surname_with_or_without_accents_are_one_person(layer):
    text = "Recep Tayyip Erdogan opened the forum in Istanbul. Later Erdoğan arrived in Ankara."
    graph = extract(text, layer)
    assert people(graph) == {"person/recep-tayyip-erdogan": "Recep Tayyip Erdogan"}
    assert roles(graph, "Arrival") == {
        ("traveller", "person/recep-tayyip-erdogan"),
        ("place", "city/ankara"),
    }


def test_no_person_from_another_name_a_shared_surname_a_place_or_a_given_name(layer):
    """A surname before or after another capitalised name word, or in a compound, is none."""
    text = (
        "Hunter Biden spoke in Washington on Monday. Harris arrived in Dublin. "
        "Francis and Jordan sent envoys to Georgia. Martin thanked Dan for the invitation. "
        "Trump arrived in Ottawa. Sanchez Energy filed for bankruptcy as Meloni-style reforms "
        "were debated."
    )
    assert sorted(people(extract(text, layer))) == ["person/donald-trump", "person/hunter-biden"]


def test_short_names_are_kept_only_where_one_figure_has_them(layer):
    rules, gazetteer = layer
    short = figures(gazetteer, rules).short
    assert short[("Meloni",)] == (ID["person/giorgia-meloni"], "Giorgia Meloni")
    assert short[("Macron",)] == (ID["person/emmanuel-macron"], "Emmanuel Macron")
    assert short[("al", "-", "Sisi")] == (ID["person/abdel-fattah-al-sisi"], "Abdel Fattah al-Sisi")
    absent = [("Harris",), ("Francis",), ("Martin",), ("Abbas",), ("Wang",), ("II",)]
    assert [name for name in absent if name in short] == []


def test_a_listed_figure_serves_their_country_where_the_article_gives_no_title(layer):
    rules, gazetteer = layer
    erdogan = ID["person/recep-tayyip-erdogan"]
    assert holder_country(erdogan, Discourse(), gazetteer, rules) == ID["country/turkey"]
    assert holder_country(ID["person/hunter-biden"], Discourse(), gazetteer, rules) is None


def test_a_listed_full_name_wins_a_shorter_name_inside_it(layer):
    """ "Wagner" alone is the group; in a listed figure's full name, and in the last two names
    of it, it is part of the name."""
    text = "Therese Kayikwamba Wagner flew to Kigali on Monday. Kayikwamba Wagner said so."
    graph = extract(text, layer)
    named = {str(o).removeprefix(str(ID)) for o in graph.objects(None, DIP.mentions)}
    assert named == {"city/kigali", "person/therese-kayikwamba-wagner"}  # "to Kigali": a place
    assert roles(graph, "Statement") == {("agent", "person/therese-kayikwamba-wagner")}


def test_a_listed_figures_government_is_the_government_of_their_country(layer):
    """ "Trudeau's government": the body of the country the figure serves; he is still named."""
    graph = extract("Trudeau's government said it would respond on Monday.", layer)
    named = {str(o).removeprefix(str(ID)) for o in graph.objects(None, DIP.mentions)}
    assert named == {"country/canada", "org/government-of-canada", "person/justin-trudeau"}
    assert roles(graph, "Statement") == {("agent", "org/government-of-canada")}
