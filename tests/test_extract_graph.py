"""The graph stage names one reported event alike in every article: an accusation, denial or
accepted invitation is named by what it is about (kinds.yaml `key: [..., content]`), and what it
is about is named undated, however an article dates it. So the rule graphs of articles that
report one speech act, built together, keep one dip:content per speech act
(dsh:AccusationShape-content and its like) and nothing is quarantined; two speech acts about
different things are two nodes. See docs/decisions/20261203-shared-event-content.md."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Dataset, Graph

from diplograph.cli import cli
from diplograph.extract import extract_article
from diplograph.extract.clean import article_from_text
from diplograph.iris import content_key
from diplograph.namespaces import DIP, ID

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = date(2023, 3, 10)
ARTICLES = {  # as the generated benchmark corpus words them (benchmarks/corpus.py)
    "910_accusation": (  # the alleged event dated (at its claim's day) in its IRI until now
        "Iranian President Ebrahim Raisi accused Russia of supplying weapons for the war in "
        "Ukraine on Tuesday. Russian Defence Minister Sergei Shoigu denied the accusation. Iran "
        "accused Russia of sending troops to the United Kingdom, according to Anadolu Agency. "
        "The accusation that Russia denied was first made on Tuesday (March 7)."
    ),
    "911_accusation": (  # ... and undated
        "Iran accused Russia of sending troops to the United Kingdom, state media reported. The "
        "accusation that Russia denied was first made on Tuesday (March 7)."
    ),
    "912_denial": (  # Germany's denials of two different things: two denials
        "Turkey accused Germany on Wednesday of supplying weapons to North Korea, the foreign "
        "ministry said in a statement. Germany denied that it had supplied weapons to North Korea."
    ),
    "913_denial": (
        "Turkey accused Germany on Sunday of supplying weapons to India. Germany denied that it "
        "had supplied weapons to India."
    ),
    "917_denial": (  # what is denied dated otherwise by the rules (the accusation's day)
        "Turkey accused Germany late Friday of supplying weapons to North Korea. Germany denied "
        "that it had supplied weapons to North Korea."
    ),
    "914_acceptance": (  # an invitation with an extra invitee: another invitation accepted
        "Olaf Scholz invited Kassym-Jomart Tokayev and Shavkat Mirziyoyev to visit Germany. "
        "Tokayev accepted the invitation."
    ),
    "915_acceptance": (
        "Kassym-Jomart Tokayev accepted an invitation from Olaf Scholz to visit Germany, state "
        "media reported."
    ),
    "919_acceptance": (  # a place of its own
        "In Astana, Kazakh President Kassym-Jomart Tokayev accepted an invitation from Olaf Scholz "
        "to visit Germany, his office said."
    ),
    "916_acceptance": (  # the visit's date words date the visit: 915's undated invitation
        "In Astana, Kassym-Jomart Tokayev accepted an invitation from Olaf Scholz to visit Germany "
        "next year."
    ),
    "918_acceptance": (  # date words the rules give the invitation: a dated invitation
        "Kassym-Jomart Tokayev accepted an invitation from Olaf Scholz on Wednesday to visit "
        "Germany."
    ),
}
KINDS = (DIP.Accusation, DIP.Denial, DIP.InvitationAcceptance)
ACCUSATION_UK = "event/accusation/undated/iran-russia-military-aid-russia-united-kingdom"
DENIAL_UK = "event/denial/2023-03-07/russia-military-aid-russia-united-kingdom"
AID_UK = "event/military-aid/undated/russia-united-kingdom"
ACCEPTANCE = (
    "event/invitation-acceptance/undated/kassym-jomart-tokayev-olaf-scholz-invitation-"
    "olaf-scholz-kassym-jomart-tokayev"
)
INVITATION = "event/invitation/undated/olaf-scholz-kassym-jomart-tokayev"
SPEECH_ACTS = [
    (
        "event/accusation/2023-03-07/ebrahim-raisi-russia-military-aid-russia-united-kingdom",
        AID_UK,
    ),
    (ACCUSATION_UK, AID_UK),
    ("event/denial/2023-03-07/russia-military-aid-russia-united-kingdom", AID_UK),
    (
        "event/denial/undated/germany-military-aid-germany-india",
        "event/military-aid/undated/germany-india",
    ),
    (  # "Turkey accused Germany on Sunday of ...": the accusation, dated by its own words
        "event/accusation/2023-03-05/turkey-germany-military-aid-germany-india",
        "event/military-aid/undated/germany-india",
    ),
    (
        "event/accusation/2023-03-08/turkey-germany-military-aid-germany-north-korea",
        "event/military-aid/undated/germany-north-korea",
    ),
    (
        "event/accusation/2023-03-10/turkey-germany-military-aid-germany-north-korea",
        "event/military-aid/undated/germany-north-korea",
    ),
    (
        "event/denial/undated/germany-military-aid-germany-north-korea",
        "event/military-aid/undated/germany-north-korea",
    ),
    (ACCEPTANCE, INVITATION),
    (
        "event/invitation-acceptance/undated/kassym-jomart-tokayev-olaf-scholz-invitation-"
        "2023-03-15-olaf-scholz-kassym-jomart-tokayev",
        "event/invitation/2023-03-15/olaf-scholz-kassym-jomart-tokayev",
    ),
    (
        "event/invitation-acceptance/undated/kassym-jomart-tokayev-olaf-scholz-invitation-"
        "olaf-scholz-kassym-jomart-tokayev-shavkat-mirziyoyev",
        "event/invitation/undated/olaf-scholz-kassym-jomart-tokayev-shavkat-mirziyoyev",
    ),
]


def _local(node: object) -> str:
    """An IRI relative to the instance namespace."""
    return str(node).removeprefix(str(ID))


def speech_acts(graph: Graph) -> set[tuple[str, str]]:
    """(speech act, its dip:content) of every accusation, denial and acceptance of a graph."""
    return {
        (_local(act), _local(content))
        for kind in KINDS
        for act in graph.subjects(RDF.type, kind)
        for content in graph.objects(act, DIP.content)
    }


def extract(stems: list[str], layer) -> set[tuple[str, str]]:
    """The speech acts and contents of some of the articles' rule layers, one by one."""
    rules, gazetteer = layer
    found = set()
    for stem in stems:
        article = article_from_text(Path(f"{stem}.txt"), ARTICLES[stem], PUBLISHED, rules)
        found |= speech_acts(extract_article(article, rules, gazetteer))
    return found


def test_an_accusation_dated_in_one_article_and_not_in_another_keeps_one_content(layer):
    """One article's rules read the claim's day near what is alleged, the other's do not: the
    accusation and the alleged event are named alike in both."""
    found = extract(["910_accusation", "911_accusation"], layer)
    assert {c for a, c in found if a == ACCUSATION_UK} == {AID_UK}
    assert found == {p for p in SPEECH_ACTS if p[1] == AID_UK}


def test_two_denials_by_one_state_of_different_things_are_two_denials(layer):
    """Germany denies supplying weapons to North Korea, and to India: each denial is named by
    what it denies, not by its speaker alone."""
    found = extract(["912_denial", "913_denial"], layer)
    assert {p for p in found if p[0].startswith("event/denial/")} == {
        p for p in SPEECH_ACTS if p[0].startswith("event/denial/undated/germany")
    }


def date_words(graph: Graph, node: object) -> set[str]:
    """The date words of a node's attestations."""
    return {
        str(w)
        for a in graph.subjects(DIP.attests, node)
        for w in graph.objects(a, DIP.dateExpression)
    }


def test_what_is_denied_is_written_without_the_date_articles_disagree_on(layer):
    """The accusation's date words, Wednesday here and Friday there, date the accusation, each
    its own day: the event denied is named and written undated (dsh:EventShape-date allows one
    dip:date), and the one denial is named alike."""
    rules, gazetteer = layer
    aid = ID["event/military-aid/undated/germany-north-korea"]
    days = {
        "912_denial": ("2023-03-08", "on Wednesday"),
        "917_denial": ("2023-03-10", "late Friday"),
    }
    denial = "event/denial/undated/germany-military-aid-germany-north-korea"
    for stem, (day, said) in days.items():
        article = article_from_text(Path(f"{stem}.txt"), ARTICLES[stem], PUBLISHED, rules)
        graph = extract_article(article, rules, gazetteer)
        accusation = f"event/accusation/{day}/turkey-germany-military-aid-germany-north-korea"
        assert speech_acts(graph) == {(accusation, _local(aid)), (denial, _local(aid))}
        dates = [graph.value(aid, p) for p in (DIP.date, DIP.earliestDate, DIP.latestDate)]
        assert dates == [None, None, None]

        assert (date_words(graph, aid), date_words(graph, ID[accusation])) == (set(), {said})


def test_an_acceptance_is_named_by_the_invitation_it_accepts(layer):
    """Reported with a place of its own: one acceptance. An invitation of two people, or one
    the rules date (its IRI keeps its day, as any reported event's), is another invitation, so
    its acceptance is another acceptance, each with its one content."""
    stems = ["914_acceptance", "915_acceptance", "916_acceptance", "918_acceptance"]
    stems.append("919_acceptance")
    assert extract(stems, layer) == {p for p in SPEECH_ACTS if "acceptance" in p[0]}
    assert extract(["915_acceptance", "919_acceptance"], layer) == {(ACCEPTANCE, INVITATION)}


def test_content_key_names_kind_day_and_key():
    assert content_key(ID[AID_UK]) == "military-aid-russia-united-kingdom"
    assert content_key(ID["event/visit/2024-01-01/x-y"]) == "visit-2024-01-01-x-y"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, object]:
    """A copy of the project with the articles as its only seeds, built."""
    project = tmp_path_factory.mktemp("shared")
    for name in ("ontology", "mappings", "queries"):
        shutil.copytree(ROOT / name, project / name)
    shutil.rmtree(project / "mappings" / "gold")
    (project / "seeds").mkdir()
    for stem, text in ARTICLES.items():
        marker = f"date {PUBLISHED.isoformat()}\n"
        (project / "seeds" / f"{stem}.txt").write_text(marker + text + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--root", str(project), "build"])
    return project, result


def test_articles_reporting_one_speech_act_build_together_with_none_quarantined(built):
    project, result = built
    assert result.exit_code == 0, result.output
    summary = json.loads((project / "out" / "summary.json").read_text(encoding="utf-8"))
    assert (summary["quarantined"], summary["rule_layer_articles"]) == ([], 10)
    dataset = Dataset()
    dataset.parse(project / "out" / "graph.trig", format="trig")
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert sorted(speech_acts(union)) == sorted(SPEECH_ACTS)
