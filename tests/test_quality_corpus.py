"""The corpus scorer and split: exact figures on a small hand-made article and rule graph, the
split follows its seeded hash, and every annotation quotes words its article holds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import XSD

from diplograph.errors import InputError
from diplograph.namespaces import DIP, ID
from diplograph.quality.corpus import format_corpus_score, load_expected, score_article
from diplograph.quality.splits import SPLITS, assign, corpus_dir, corpus_names, load_split

ROOT = Path(__file__).resolve().parents[1]
CORPUS = corpus_dir(ROOT)
TEXT = "Ana Pereira met Lula in Brasilia on Monday. Pereira said the talks went well."
EXPECTED = {
    "entities": [
        {"id": "person/ana-pereira", "type": "Person", "label": "Ana Pereira"},
        {
            "id": "person/lula",
            "type": "Person",
            "label": "Luiz Inacio Lula da Silva",
            "aliases": ["Lula"],
        },
        {"id": "city/brasilia", "type": "City", "label": "Brasilia"},
    ],
    "events": [
        {
            "kind": "Meeting",
            "participant": ["person/ana-pereira", "person/lula"],
            "place": ["city/brasilia"],
            "date": "2024-03-11",
            "modality": "Happened",
            "text": "met Lula",
        },
    ],
    "statements": [
        {"kind": "Statement", "agent": ["person/ana-pereira"], "text": "Pereira said"},
    ],
    "holdings": [],
}


def _rule_graph() -> Graph:
    """A rule layer that finds the meeting (wrong day), the statement, a made-up entity."""
    g = Graph()
    pereira, lula, brasilia = ID["person/pereira-ana"], ID["person/lula"], ID["city/brasilia"]
    g.add((pereira, RDF.type, DIP.Person))
    g.add((pereira, RDFS.label, Literal("Ana Pereira", lang="en")))
    g.add((ID["person/monday-news"], RDF.type, DIP.Person))
    meeting, said = ID["event/meeting/x"], ID["event/statement/y"]
    g.add((meeting, RDF.type, DIP.Meeting))
    g.add((meeting, DIP.participant, pereira))
    g.add((meeting, DIP.participant, lula))
    g.add((meeting, DIP.place, brasilia))
    g.add((meeting, DIP.date, Literal("2024-03-10", datatype=XSD.date)))
    g.add((said, RDF.type, DIP.Statement))
    g.add((said, DIP.agent, pereira))
    for event, number, begin, end in ((meeting, 1, 0, 43), (said, 2, 44, 77)):
        attestation, sentence = ID[f"attestation/{number}"], ID[f"sentence/{number}"]
        g.add((attestation, DIP.attests, event))
        g.add((attestation, DIP.sentence, sentence))
        g.add((sentence, DIP.beginIndex, Literal(begin)))
        g.add((sentence, DIP.endIndex, Literal(end)))
    return g


def test_score_of_one_article_is_exact():
    score = score_article("x", TEXT, _rule_graph(), EXPECTED, {})
    assert (score.events.tp, score.events.fp, score.events.fn) == (1, 0, 0)
    assert (score.place_right, score.place_total) == (1, 1)
    assert (score.date_right, score.date_total) == (0, 1)
    assert (score.statements.tp, score.statements.fp, score.statements.fn) == (1, 0, 0)
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (3, 1, 0)
    assert score.false_alarms == ["x: entity person/monday-news"]
    assert score.wrong == [
        "x: date 2024-03-10: Meeting participant=person/ana-pereira,person/lula "
        "place=city/brasilia (2024-03-11) “met Lula”"
    ]
    table = format_corpus_score("dev", score, False)
    assert "| events (kind + exactly the parties) | 1/1 | 1.00 | 1.00 | 1.00 |" in table
    assert "| events (kind + two parties right, none wrong) | 1/1 | 1.00 | 1.00 | 1.00 |" in table
    assert "| … Meeting | 1/1 | 1.00 | 1.00 | 1.00 |" in table.splitlines()
    assert "| entities | 3/3 | 1.00 | 0.75 | 0.86 |" in table
    assert "Misses" not in table


def test_a_wrong_party_is_a_miss_and_a_false_alarm():
    expected = {**EXPECTED, "events": [{**EXPECTED["events"][0], "participant": ["person/lula"]}]}
    score = score_article("x", TEXT, _rule_graph(), expected, {})
    assert (score.events.tp, score.events.fp, score.events.fn) == (0, 1, 1)
    # where the miss is, as figures: a meeting with other parties stands in its sentence
    same = "the same family, other parties"
    assert (score.missed_beside, score.alarms_beside) == ({same: 1}, {same: 1})
    table = format_corpus_score("test", score, False)
    assert "| … Meeting | 0/1 | 0.00 | 0.00 | 0.00 |" in table.splitlines()
    assert (
        "missed events, by what the rules found in their sentence: nothing 0, another kind 0, "
        "the same family, other parties 1"
    ) in table.splitlines()
    # and how the parties differ: the rule event has Pereira besides Lula
    assert score.missed_parties == {"a party too many": 1}
    assert (
        "missed events beside their family, by how the parties differ: a party missing 0, "
        "a party too many 1, a party wrong 0, the roles swapped 0"
    ) in table.splitlines()


@pytest.mark.parametrize(
    ("participants", "how"),
    [
        (["person/ana-pereira", "person/lula", "person/celso-amorim"], "a party missing"),
        (["person/ana-pereira", "person/celso-amorim"], "a party wrong"),
    ],
)
def test_a_miss_beside_its_family_says_how_the_parties_differ(participants, how):
    entities = [
        *EXPECTED["entities"],
        {"id": "person/celso-amorim", "type": "Person", "label": "Celso Amorim"},
    ]
    event = {**EXPECTED["events"][0], "participant": participants}
    expected = {**EXPECTED, "entities": entities, "events": [event]}
    score = score_article("x", TEXT, _rule_graph(), expected, {})
    assert (score.events.fn, score.missed_parties) == (1, {how: 1})


def test_a_miss_with_no_event_in_its_sentence_is_counted_so():
    graph = _rule_graph()
    graph.remove((ID["event/meeting/x"], None, None))
    graph.remove((None, None, ID["event/meeting/x"]))
    score = score_article("x", TEXT, graph, EXPECTED, {})
    assert (score.missed_beside, score.alarms_beside) == ({"nothing": 1}, {})


def test_of_two_events_of_the_same_parties_the_date_decides_the_pairing():
    """The first annotation, whose date no rule event has, must not take the rule event that has
    the second's date: pairs that agree on the date are made first, whatever the order."""
    graph = _rule_graph()
    other = ID["event/meeting/z-undated"]  # sorts after event/meeting/x (2024-03-10)
    graph.add((other, RDF.type, DIP.Meeting))
    for party in (ID["person/pereira-ana"], ID["person/lula"]):
        graph.add((other, DIP.participant, party))
    graph.add((ID["attestation/3"], DIP.attests, other))
    graph.add((ID["attestation/3"], DIP.sentence, ID["sentence/1"]))
    first = {key: value for key, value in EXPECTED["events"][0].items() if key != "place"}
    second = {**first, "date": "2024-03-10"}
    score = score_article("x", TEXT, graph, {**EXPECTED, "events": [first, second]}, {})
    assert (score.events.tp, score.events.fp, score.events.fn) == (2, 0, 0)
    assert (score.date_right, score.date_total) == (1, 2)
    assert score.wrong == [
        "x: date none: Meeting participant=person/ana-pereira,person/lula (2024-03-11) “met Lula”"
    ]


def test_of_two_events_of_the_same_parties_and_day_the_place_decides_the_pairing():
    """Of two rule events with the same parties and day, the annotation takes the one whose place
    it gives, whatever their IRIs' order; the other is a false alarm."""
    graph = _rule_graph()
    other = ID["event/meeting/a-sao-paulo"]  # sorts before event/meeting/x (in Brasilia)
    graph.add((other, RDF.type, DIP.Meeting))
    for party in (ID["person/pereira-ana"], ID["person/lula"]):
        graph.add((other, DIP.participant, party))
    graph.add((other, DIP.place, ID["city/sao-paulo"]))
    graph.add((other, DIP.date, Literal("2024-03-10", datatype=XSD.date)))
    graph.add((ID["attestation/3"], DIP.attests, other))
    graph.add((ID["attestation/3"], DIP.sentence, ID["sentence/1"]))
    score = score_article("x", TEXT, graph, EXPECTED, {})
    assert (score.events.tp, score.events.fp, score.events.fn) == (1, 1, 0)
    assert (score.place_right, score.place_total) == (1, 1)
    assert [line for line in score.false_alarms if "entity" not in line] == [
        "x: Meeting event/meeting/a-sao-paulo (2024-03-10)"
    ]


def test_a_position_counts_under_the_owner_the_reader_named():
    """A rule position labelled with its owner's full name ("Secretary general of North Atlantic
    Treaty Organization") is the reader's position/secretary-general-of-nato when the owner is
    the reader's org/nato; a different title is still a miss and a false alarm."""
    graph = _rule_graph()
    nato, pereira = ID["org/north-atlantic-treaty-organization"], ID["person/pereira-ana"]
    graph.add((nato, RDF.type, DIP.Organisation))
    graph.add((nato, RDFS.label, Literal("North Atlantic Treaty Organization", lang="en")))
    for title, number in (("Secretary general", 1), ("Deputy", 2)):
        position = ID[f"position/p{number}"]
        graph.add((position, RDFS.label, Literal(f"{title} of North Atlantic Treaty Organization")))
        graph.add((position, DIP.positionOf, nato))
        holding = ID[f"holding/h{number}"]
        graph.add((holding, RDF.type, DIP.PositionHolding))
        graph.add((holding, DIP.holder, pereira))
        graph.add((holding, DIP.position, position))
    entity = {
        "id": "org/nato",
        "type": "Organisation",
        "label": "NATO",
        "aliases": ["North Atlantic Treaty Organization"],
    }
    expected = {
        **EXPECTED,
        "entities": [*EXPECTED["entities"], entity],
        "holdings": ["person/ana-pereira position/secretary-general-of-nato"],
    }
    score = score_article("x", TEXT, graph, expected, {})
    assert (score.holdings.tp, score.holdings.fp, score.holdings.fn) == (1, 1, 0)
    assert [a for a in score.false_alarms if "holding" in a] == [
        "x: holding person/ana-pereira position/p2"
    ]


def test_spellings_of_one_office_are_one_position():
    """The reader's "Premier" and "Foreign Ministry spokesperson" are the rules' prime minister
    and spokesperson of the foreign ministry; a different office is still a miss."""
    graph = _rule_graph()
    pereira = ID["person/pereira-ana"]
    for number, key in enumerate(
        ("prime-minister-of-china", "spokesperson-of-foreign-ministry-of-china", "envoy-of-china")
    ):
        holding = ID[f"holding/h{number}"]
        graph.add((holding, RDF.type, DIP.PositionHolding))
        graph.add((holding, DIP.holder, pereira))
        graph.add((holding, DIP.position, ID[f"position/{key}"]))
    expected = {
        **EXPECTED,
        "holdings": [
            "person/ana-pereira position/premier-of-china",
            "person/ana-pereira position/foreign-ministry-spokeswoman-of-china",
            "person/ana-pereira position/special-envoy-of-china",
        ],
    }
    score = score_article("x", TEXT, graph, expected, {})
    assert (score.holdings.tp, score.holdings.fp, score.holdings.fn) == (2, 1, 1)


def test_an_entity_aligns_by_another_name_the_gazetteer_gives_it():
    """The reader's org/afp is the gazetteer's Agence France-Presse, whose other name is AFP."""
    graph = _rule_graph()
    afp = ID["org/agence-france-presse"]
    graph.add((afp, RDF.type, DIP.NewsAgency))
    graph.add((afp, RDFS.label, Literal("Agence France-Presse", lang="en")))
    entity = {"id": "org/afp", "type": "NewsAgency", "label": "AFP"}
    expected = {**EXPECTED, "entities": [*EXPECTED["entities"], entity]}
    names = {afp: ["Agence France-Presse", "AFP"]}
    score = score_article("x", TEXT, graph, expected, {}, names=names)
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (4, 1, 0)
    score = score_article("x", TEXT, graph, expected, {})
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (3, 2, 1)


def test_two_right_parties_of_three_count_only_for_the_two_parties_figure():
    three = ["person/ana-pereira", "person/lula", "city/brasilia"]
    expected = {**EXPECTED, "events": [{**EXPECTED["events"][0], "participant": three}]}
    score = score_article("x", TEXT, _rule_graph(), expected, {})
    assert (score.events.tp, score.events.fp, score.events.fn) == (0, 1, 1)
    assert (score.events_two.tp, score.events_two.fp, score.events_two.fn) == (1, 0, 0)


def test_a_statement_in_another_sentence_is_not_captured():
    expected = {**EXPECTED, "statements": [{**EXPECTED["statements"][0], "text": "met Lula"}]}
    score = score_article("x", TEXT, _rule_graph(), expected, {})
    assert (score.statements.tp, score.statements.fp, score.statements.fn) == (0, 1, 1)


def test_annotation_with_an_unknown_section_is_an_error(tmp_path):
    path = tmp_path / "a.expected.yaml"
    path.write_text("entities: []\nevents: []\nfacts: []\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a.expected.yaml: unknown section\(s\): facts"):
        load_expected(path)


def test_the_split_follows_the_seeded_hash_and_covers_the_corpus():
    split = load_split(CORPUS)
    names = corpus_names(CORPUS)
    assert len(names) >= 45
    assert sorted(split["dev"] + split["test"]) == names
    for name in SPLITS:
        assert all(assign(article) == name for article in split[name])
    assert 0.25 <= len(split["test"]) / len(names) <= 0.4


@pytest.mark.parametrize("name", corpus_names(CORPUS))
def test_every_annotation_quotes_its_article(name):
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    assert text.startswith("date 20")
    assert 250 <= len(text.split()) <= 620
    data = yaml.safe_load((CORPUS / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    assert set(data) == {"entities", "events", "statements", "holdings"}
    for item in (data["events"] or []) + (data["statements"] or []):
        assert item["text"] in text, item["text"]


def test_a_date_the_reader_did_not_give_is_counted_as_such():
    """A found event dated where the reader's is undated: one of one undated events dated, and
    listed with the wrong ones (date accuracy counts only events the reader dated)."""
    undated = {key: value for key, value in EXPECTED["events"][0].items() if key != "date"}
    score = score_article("x", TEXT, _rule_graph(), {**EXPECTED, "events": [undated]}, {})
    assert (score.overdated, score.undated_total) == (1, 1)
    assert (score.date_right, score.date_total) == (0, 0)
    assert [w for w in score.wrong if "told undated" in w] == [
        "x: date 2024-03-10, told undated: Meeting participant=person/ana-pereira,person/lula "
        "place=city/brasilia (undated) “met Lula”"
    ]
