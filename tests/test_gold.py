"""The hand layer: every fact traceable to article, sentence and offsets; dates resolved against
the article's date; claims kept as claims; one node per real-world event."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF

from diplograph.dates import resolve
from diplograph.errors import InputError
from diplograph.export import analysis_graph
from diplograph.gold import load_gold
from diplograph.namespaces import DIP, ID
from diplograph.seeds import load_article, load_articles

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = {a.stem: a for a in load_articles(ROOT / "seeds")}


def _graph(built):
    """The union of every graph of the build."""
    return analysis_graph(built.store)


def test_every_attestation_points_at_its_exact_words(built):
    graph = _graph(built)
    attestations = set(graph.subjects(DIP.attests, None))
    assert len(attestations) == 100
    for node in attestations:
        sentence = graph.value(node, DIP.sentence)
        stem = str(graph.value(sentence, DIP.inArticle)).rsplit("/", 1)[-1]
        text = ARTICLES[stem].text
        begin, end = int(graph.value(node, DIP.beginIndex)), int(graph.value(node, DIP.endIndex))
        assert text[begin:end] == str(graph.value(node, DIP.text))
        s_begin = int(graph.value(sentence, DIP.beginIndex))
        s_end = int(graph.value(sentence, DIP.endIndex))
        assert s_begin <= begin < end <= s_end
        assert text[s_begin:s_end] == str(graph.value(sentence, DIP.text))


def test_date_expressions_resolve_to_the_event_dates(built):
    graph = _graph(built)
    checked = 0
    for node in graph.subjects(DIP.dateExpression, None):
        words = str(graph.value(node, DIP.dateExpression))
        stem = str(graph.value(graph.value(node, DIP.sentence), DIP.inArticle)).rsplit("/", 1)[-1]
        event = graph.value(node, DIP.attests)
        resolved = resolve(words, ARTICLES[stem].date_published)
        if resolved is None:
            continue
        day = graph.value(event, DIP.date)
        if day is not None:
            assert resolved.earliest <= day.toPython() <= resolved.latest, (words, event)
        else:
            assert resolved.earliest == graph.value(event, DIP.earliestDate).toPython()
            assert resolved.latest == graph.value(event, DIP.latestDate).toPython()
        checked += 1
    assert checked >= 12


def test_wednesday_resolves_against_the_article_date(built):
    graph = _graph(built)
    visit = ID[
        "event/exhibition-visit/2023-07-26/kim-jong-un-sergei-shoigu-weaponry-exhibition-2023"
    ]
    assert graph.value(visit, DIP.date).toPython() == date(2023, 7, 26)
    assert resolve("on Wednesday", date(2023, 7, 27)).earliest == date(2023, 7, 26)
    arrival = ID["event/arrival/2023-07-25/russian-delegation-pyongyang"]
    assert graph.value(arrival, DIP.date).toPython() == date(2023, 7, 25)


def test_one_event_two_articles_keeps_both_sentences(built):
    graph = _graph(built)
    arrival = ID["event/arrival/2023-07-26/chinese-delegation-pyongyang"]
    sources = {
        (
            str(graph.value(graph.value(a, DIP.sentence), DIP.inArticle)).rsplit("/", 1)[-1][:3],
            str(graph.value(a, DIP.modality)).split("#")[-1],
        )
        for a in graph.subjects(DIP.attests, arrival)
    }
    assert sources == {("000", "Happened"), ("002", "Expected")}
    assert len(set(graph.subjects(RDF.type, DIP.Arrival))) == 3


def test_alleged_aid_is_a_claim_never_a_fact(built):
    graph = _graph(built)
    aid = ID["event/military-aid/undated/north-korea-russia"]
    reports = list(graph.subjects(DIP.attests, aid))
    assert {str(graph.value(a, DIP.modality)).split("#")[-1] for a in reports} == {
        "Claimed",
        "Denied",
    }
    assert all((a, RDF.type, DIP.Claim) in graph for a in reports)
    claimants = {graph.value(a, DIP.claimedBy) for a in reports}
    assert ID["country/united-states"] in claimants


def test_kcna_claims_carry_the_reporting_chain(built):
    graph = _graph(built)
    letter = ID["event/letter-delivery/2023-07-26/xi-jinping-li-hongzhong-kim-jong-un"]
    (claim,) = graph.subjects(DIP.attests, letter)
    assert graph.value(claim, DIP.claimedBy) == ID["org/kcna"]
    assert graph.value(claim, DIP.relayedBy) == ID["org/yonhap"]
    article = graph.value(graph.value(claim, DIP.sentence), DIP.inArticle)
    from diplograph.namespaces import SCHEMA

    assert graph.value(article, SCHEMA.publisher) == ID["org/ians"]


def test_boilerplate_is_recorded_not_mapped(built):
    graph = _graph(built)
    article = ID["article/002_bb8ed0e65c7195c3"]
    lines = {str(o) for o in graph.objects(article, DIP.boilerplate)}
    assert {"Must read", "More articles", "Latest article"} <= lines
    for node in graph.subjects(DIP.attests, None):
        assert "Please enter" not in str(graph.value(node, DIP.text))


# -- errors name the file and line ------------------------------------------------------------

HEADER = (
    "@base <https://w3id.org/diplograph/id/> .\n"
    "@prefix dip: <https://w3id.org/diplograph/ontology#> .\n"
)


def _mapping(tmp_path: Path, body: str) -> Path:
    """A hand mapping file for seed 000 in a temporary folder."""
    path = tmp_path / "000_ec5e95d0bf243a61.ttl"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _attestation(words: str) -> str:
    """A minimal attestation of the Kim-Shoigu talks quoting some words."""
    return (
        "\n[] a dip:Attestation ;\n"
        "    dip:attests <event/talks/2023-07-26/kim-jong-un-sergei-shoigu> ;\n"
        "    dip:modality dip:Happened ;\n"
        f'    dip:text "{words}" .\n'
    )


ARTICLE = load_article(ROOT / "seeds" / "000_ec5e95d0bf243a61.txt")


def test_quote_not_in_the_article_names_file_and_line(tmp_path):
    path = _mapping(tmp_path, _attestation("Kim and Shoigu played golf"))
    with pytest.raises(
        InputError, match=r"000_ec5e95d0bf243a61.ttl:7: the quoted words are not found"
    ):
        load_gold(path, ARTICLE)


def test_ambiguous_quote_is_an_error_unless_pinned(tmp_path):
    path = _mapping(tmp_path, _attestation("Kim and Shoigu"))
    with pytest.raises(InputError, match="found 2 times"):
        load_gold(path, ARTICLE)
    pinned = _attestation("Kim and Shoigu").replace(" .\n", " ;\n    dip:beginIndex 1485 .\n")
    graph = load_gold(_mapping(tmp_path, pinned), ARTICLE)
    (node,) = graph.subjects(DIP.attests, None)
    assert str(node).endswith("/attestation/000_ec5e95d0bf243a61/1485-1499-" + str(node)[-10:])


def test_quote_across_two_sentences_is_an_error(tmp_path):
    path = _mapping(tmp_path, _attestation("on the topics discussed.\\n\\nNorth Korea"))
    with pytest.raises(InputError, match="span more than one sentence"):
        load_gold(path, ARTICLE)


def test_malformed_turtle_names_file_and_line(tmp_path):
    path = _mapping(
        tmp_path, "\n<event/x> a dip:Visit ;\n    dip:place <city/pyongyang>\n<y> a dip:Visit .\n"
    )
    with pytest.raises(InputError) as error:
        load_gold(path, ARTICLE)
    assert str(error.value) == (
        f"{path}:6:1: malformed Turtle: expected '.' or '}}' or ']' at end of statement"
    )


def test_a_missing_mapping_is_reported_as_missing_not_malformed(tmp_path):
    path = tmp_path / "000_ec5e95d0bf243a61.ttl"
    with pytest.raises(InputError) as error:
        load_gold(path, ARTICLE)
    assert str(error.value) == f"{path}: cannot read: No such file or directory"


def test_attestation_without_words_is_an_error(tmp_path):
    body = "\n[] a dip:Attestation ;\n    dip:attests <event/x> .\n"
    with pytest.raises(InputError, match="needs dip:attests and dip:text"):
        load_gold(_mapping(tmp_path, body), ARTICLE)


def test_orphan_mapping_is_an_error(tmp_path):
    from diplograph.build import assemble

    for folder in ("ontology", "seeds", "mappings", "queries"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "mappings" / "gold" / "999_missing.ttl").write_text(HEADER, encoding="utf-8")
    with pytest.raises(InputError, match="999_missing.ttl: hand mapping without a seed article"):
        assemble(tmp_path)


def _dated(day: str | None, words: str = "on Wednesday") -> str:
    """An exhibition visit quoting the 'on Wednesday' words, with or without a hand date."""
    date_line = f'    dip:date "{day}"^^<http://www.w3.org/2001/XMLSchema#date> ;\n' if day else ""
    return (
        "\n<event/exhibition-visit/x> a dip:ExhibitionVisit ;\n"
        f"{date_line}"
        "    dip:traveller <person/kim-jong-un> .\n"
        "\n[] a dip:Attestation ;\n"
        "    dip:attests <event/exhibition-visit/x> ;\n"
        "    dip:modality dip:Happened ;\n"
        '    dip:text "Kim and Shoigu on Wednesday visited" ;\n'
        f'    dip:dateExpression "{words}" .\n'
    )


def test_weekday_words_fill_in_the_event_date(tmp_path):
    graph = load_gold(_mapping(tmp_path, _dated(None)), ARTICLE)
    event = ID["event/exhibition-visit/x"]
    assert graph.value(event, DIP.date).toPython() == date(2023, 7, 26)


def test_date_words_that_contradict_the_hand_date_are_an_error(tmp_path):
    path = _mapping(tmp_path, _dated("2023-07-20"))
    with pytest.raises(
        InputError,
        match=r"\.ttl:12: 'on Wednesday' resolves to 2023-07-26\.\.2023-07-26 against the "
        r"article's date 2023-07-27, but .*exhibition-visit/x has dip:date 2023-07-20",
    ):
        load_gold(path, ARTICLE)


def test_error_line_names_the_right_one_of_two_identical_quotes(tmp_path):
    first = _attestation("Kim and Shoigu")
    second = first.replace("talks/2023-07-26/kim-jong-un-sergei-shoigu", "talks/other")
    path = _mapping(tmp_path, first + second)
    with pytest.raises(InputError, match="found 2 times") as caught:
        load_gold(path, ARTICLE)
    message = str(caught.value)
    line = int(re.search(r"\.ttl:(\d+):", message)[1])
    attested = re.search(r"\(attesting (\S+)\)", message)[1].removeprefix(str(ID))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[line - 1].strip().startswith("dip:text")
    assert f"<{attested}>" in lines[line - 3]


def test_quoted_words_on_a_node_that_is_no_attestation_name_file_and_line(tmp_path):
    """A typo for `a` ("rdfs:a dip:Claim") leaves the quote on the attested thing itself: an
    error naming the file and the quote's line, not a quote with no sentence and no offsets."""
    body = (
        "\n<delegation/china-2023-07-li-hongzhong> a dip:Delegation ;\n"
        "    rdfs:a dip:Claim ;\n"
        "    dip:attests <delegation/china-2023-07-li-hongzhong> ;\n"
        '    dip:text "Li Hongzhong" .\n'
    )
    path = _mapping(tmp_path, "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" + body)
    with pytest.raises(InputError) as error:
        load_gold(path, ARTICLE)
    assert str(error.value) == (
        f"{path}:8: https://w3id.org/diplograph/id/delegation/china-2023-07-li-hongzhong has "
        "dip:text or dip:attests but is no dip:Attestation or dip:Claim (a quote is an "
        "attestation: `[] a dip:Attestation ; ...`)"
    )
