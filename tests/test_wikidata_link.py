"""The linker: ranking and decisions, the link files, the report, and `diplograph link`.

Unit tests build entities and candidates by hand. Server tests run the linker against a real
SPARQL server (oxigraph) loaded with tests/fixtures/wikidata/: the seed entities with their
real identifiers and distractors with invented ones (Q900000001 and up). CLI failure tests use
a local server that misbehaves; each checks exit code 3, the message and that the link files
keep their bytes.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal

from diplograph.export import analysis_graph
from diplograph.iris import ENTITIES_GRAPH
from diplograph.namespaces import DIP, ID
from diplograph.wikidata.candidates import Candidate, Entity, entities_to_link, fetch_candidates
from diplograph.wikidata.endpoint import SparqlClient
from diplograph.wikidata.link import (
    LINKS_CSV,
    LINKS_TTL,
    link_entities,
    links_csv,
    links_turtle,
    load_hand_links,
    load_links,
)
from diplograph.wikidata.rank import CLASSES, THRESHOLD, decide, rank
from diplograph.wikidata.report import format_measure, load_reference, measure

pytest_plugins = ["wikidata_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
MAPPINGS = ROOT / "mappings"
REFERENCE = ROOT.parent / "shared" / "reference" / "wikidata-qids.csv"
needs_reference = pytest.mark.skipif(
    not REFERENCE.is_file(), reason=f"the shared reference list {REFERENCE} is not there"
)
FAKE = re.compile(r"^Q9\d{8}$")  # the fixture's invented identifiers


def person(label: str, **context: object) -> Entity:
    """A person to link, with optional context."""
    return Entity(ID[f"person/{label.lower().replace(' ', '-')}"], "person", label, (), **context)


def item(qid: str, label: str, classes: set[str], facts=(), description=None) -> Candidate:
    """A candidate found by its label."""
    return Candidate(qid, label, (), description, frozenset(classes), tuple(facts), (label,))


# -- ranking and decisions ---------------------------------------------------------------


def test_an_item_of_the_wrong_type_is_no_candidate():
    city = Entity(ID["city/washington"], "city", "Washington", ())
    state = item("Q900000010", "Washington", {"Q900000907"})
    person_ = item("Q900000008", "Washington", {"Q5"})
    assert rank(city, [state, person_], {}) == []
    assert decide(city, [], 2) == (
        "no-candidate",
        None,
        "2 item(s) by that name, none of them a city",
    )


def test_a_person_is_never_linked_on_name_and_country_alone():
    king = person("Travis King", countries=(ID["country/us"],))
    ranked = rank(
        king,
        [item("Q900000007", "Travis King", {"Q5"}, [("P27", "Q30")])],
        {ID["country/us"]: "Q30"},
    )
    assert ranked[0].points >= THRESHOLD
    outcome, qid, reason = decide(king, ranked, 0)
    assert (outcome, qid) == ("ambiguous", None)
    assert "namesake" in reason


def test_a_position_held_confirms_a_person():
    putin = person("Vladimir Putin", positions=(ID["position/president-of-russia"],))
    links = {ID["position/president-of-russia"]: "Q218295"}
    ranked = rank(putin, [item("Q7747", "Vladimir Putin", {"Q5"}, [("P39", "Q218295")])], links)
    assert decide(putin, ranked, 0)[:2] == ("linked", "Q7747")


def test_close_candidates_are_left_for_a_person():
    country = Entity(ID["country/georgia"], "country", "Georgia", ())
    ranked = rank(
        country,
        [item("Q900000011", "Georgia", {"Q6256"}), item("Q900000019", "Georgia", {"Q3624078"})],
        {},
    )
    outcome, qid, reason = decide(country, ranked, 0)
    assert (outcome, qid) == ("ambiguous", None)
    assert "Q900000011" in reason and "Q900000019" in reason


def test_another_country_costs_points():
    kim = person("Kim Jong Un", countries=(ID["country/north-korea"],))
    links = {ID["country/north-korea"]: "Q423"}
    ours = item("Q56226", "Kim Jong Un", {"Q5"}, [("P27", "Q423")])
    footballer = item("Q900000004", "Kim Jong-un", {"Q5"}, [("P27", "Q884")])
    best, other = rank(kim, [footballer, ours], links)
    assert (best.qid, other.qid) == ("Q56226", "Q900000004")
    assert best.points - other.points == 60
    assert "P27 Q884, not ours" in other.evidence


def test_earlier_passes_give_context_and_hand_links_win():
    north_korea = Entity(ID["country/north-korea"], "country", "North Korea", ())
    kim = person(
        "Kim Jong Un",
        countries=(north_korea.iri,),
        position_labels=("leader of North Korea",),
    )
    candidates = {
        north_korea.iri: [item("Q423", "North Korea", {"Q3624078"})],
        kim.iri: [
            item(
                "Q56226", "Kim Jong Un", {"Q5"}, [("P27", "Q423")], "Supreme Leader of North Korea"
            ),
            item("Q900000004", "Kim Jong-un", {"Q5"}, [("P27", "Q884")], "South Korean footballer"),
        ],
    }
    alone = {d.entity: d for d in link_entities([kim, north_korea], candidates, {})}
    assert (alone[north_korea.iri].decision, alone[north_korea.iri].qid) == ("linked", "Q423")
    assert (alone[kim.iri].decision, alone[kim.iri].qid) == ("linked", "Q56226")
    hand = {
        d.entity: d for d in link_entities([kim, north_korea], candidates, {kim.iri: "Q900000004"})
    }
    assert (hand[kim.iri].decision, hand[kim.iri].qid) == ("hand", "Q900000004")
    assert hand[kim.iri].proposal == "Q56226"
    assert hand[kim.iri].reason == "hand link; the linker would link Q56226"


def test_link_files_are_sorted_deterministic_and_parse_back():
    candidates = {
        ID["country/russia"]: [item("Q159", "Russia", {"Q6256"})],
        ID["country/china"]: [item("Q148", "China", {"Q6256"})],
    }
    entities = [Entity(iri, "country", iri.split("/")[-1].title(), ()) for iri in candidates]
    decisions = link_entities(entities, candidates, {})
    ttl = links_turtle(decisions)
    assert ttl == links_turtle(list(reversed(decisions)))
    body = [line for line in ttl.decode().splitlines() if line.startswith("<")]
    assert body == [
        "<country/china> skos:exactMatch wd:Q148 .",
        "<country/russia> skos:exactMatch wd:Q159 .",
    ]
    graph = Graph().parse(data=ttl.decode(), format="turtle")
    assert len(graph) == 2
    rows = links_csv(decisions).decode().splitlines()
    assert rows[0] == "entity,label,qid,score,decision,reason,candidates"
    assert rows[1].startswith("country/china,China,Q148,0.70,linked,")


def test_load_links_lets_hand_links_win(tmp_path):
    (tmp_path / "links").mkdir()
    (tmp_path / "links" / "hand.ttl").write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://w3id.org/diplograph/id/city/washington> skos:exactMatch "
        "<http://www.wikidata.org/entity/Q61> .\n"
    )
    (tmp_path / LINKS_TTL).write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://w3id.org/diplograph/id/city/washington> skos:exactMatch "
        "<http://www.wikidata.org/entity/Q900000010> .\n"
        "<https://w3id.org/diplograph/id/city/moscow> skos:exactMatch "
        "<http://www.wikidata.org/entity/Q649> .\n"
    )
    graph, files = load_links(tmp_path)
    assert {
        (s.split("/")[-1], o.split("/")[-1]) for s, o in graph.subject_objects(SKOS.exactMatch)
    } == {
        ("washington", "Q61"),
        ("moscow", "Q649"),
    }
    assert [f.name for f in files] == ["hand.ttl", LINKS_TTL]


def test_measure_counts_wrong_links_and_misses(tmp_path):
    reference = tmp_path / "reference.csv"
    reference.write_text(
        "entity,qid,label,aliases,type,description,status,sources\n"
        "Russia,Q159,Russia,Russian Federation,country,,verified,\n"
        "China,Q148,People's Republic of China,China,country,,verified,\n"
        "KCNA,Q326804,Korean Central News Agency,KCNA,org,,single-source,\n"
        "Matthew Miller (spokesperson),,Matthew Miller,,person,,unverified,\n",
        encoding="utf-8",
    )
    rows = load_reference(reference)
    entities = [
        Entity(ID["country/russia"], "country", "Russia", ()),
        Entity(ID["country/china"], "country", "China", ()),
        Entity(ID["org/kcna"], "organisation", "Korean Central News Agency", ()),
        person("Matthew Miller"),
    ]
    candidates = {
        ID["country/russia"]: [item("Q159", "Russia", {"Q6256"})],
        ID["org/kcna"]: [item("Q326804", "Korean Central News Agency", {"Q43229"})],
        ID["person/matthew-miller"]: [
            item("Q900000001", "Matthew Miller", {"Q5"}, description="Matthew Miller")
        ],
    }
    decisions = link_entities(entities, candidates, {})
    result = measure(decisions, entities, rows, {})
    assert (result.proposed, result.correct, result.with_qid) == (1, 1, 2)
    assert result.missed == ((ID["country/china"], "Q148"),)
    assert result.unscored == (ID["org/kcna"],)
    assert (result.precision, result.recall) == (1.0, 0.5)
    assert "missed  https://w3id.org/diplograph/id/country/china: expected Q148" in format_measure(
        result, reference
    )


# -- against the Wikidata-shaped fixture --------------------------------------------------


@pytest.fixture(scope="module")
def entities(built) -> list[Entity]:
    """The seed entities to link, with their context from the built graph."""
    return entities_to_link(built.store.graph(ENTITIES_GRAPH), analysis_graph(built.store))


@pytest.fixture(scope="module")
def fetched(wikidata_endpoint, entities):
    """The candidates of every entity, from the fixture server."""
    return fetch_candidates(SparqlClient(wikidata_endpoint, interval=0), entities, CLASSES)


@pytest.fixture(scope="module")
def alone(entities, fetched):
    """The linker's decisions without any hand link."""
    return {d.entity: d for d in link_entities(entities, fetched, {})}


HAND = load_hand_links(MAPPINGS / "links")


@pytest.mark.server
def test_the_linker_alone_finds_every_hand_linked_entity_and_nothing_else(alone):
    linked = {e: d.qid for e, d in alone.items() if d.qid}
    assert linked == HAND


@pytest.mark.server
def test_no_invented_identifier_is_ever_linked(alone):
    assert not [d for d in alone.values() if d.qid and FAKE.match(d.qid)]


@pytest.mark.server
def test_matthew_miller_is_left_for_a_person_with_his_namesakes_listed(alone):
    miller = alone[ID["person/matthew-miller"]]
    assert (miller.decision, miller.qid) == ("ambiguous", None)
    assert [c.qid for c in miller.candidates] == ["Q900000001", "Q900000002", "Q900000003"]
    assert "a person must decide" in miller.reason
    row = next(
        r
        for r in links_csv(alone.values()).decode().splitlines()
        if r.startswith("person/matthew-miller,")
    )
    assert "Q900000001 Matthew Miller (0.90); Q900000002 Matthew Miller (0.90)" in row


@pytest.mark.server
@pytest.mark.parametrize(
    ("entity", "decision", "qid", "listed"),
    [
        ("person/travis-king", "ambiguous", None, ["Q900000007"]),
        ("person/kim-yo-jong", "no-candidate", None, ["Q900000005"]),
        ("person/kim-jong-un", "linked", "Q56226", ["Q56226", "Q900000004"]),
        ("city/washington", "linked", "Q61", ["Q61"]),
        ("city/moscow", "linked", "Q649", ["Q649", "Q900000015"]),
        ("country/china", "linked", "Q148", ["Q148", "Q865"]),
        ("country/taiwan", "linked", "Q865", ["Q865"]),
        ("position/president-of-china", "linked", "Q655407", ["Q655407", "Q900000016"]),
        ("position/president-of-russia", "linked", "Q218295", ["Q218295"]),
    ],
)
def test_the_traps_of_the_fixture(alone, entity, decision, qid, listed):
    found = alone[ID[entity]]
    assert (found.decision, found.qid) == (decision, qid)
    assert [c.qid for c in found.candidates] == listed


@pytest.mark.server
def test_georgia_the_country_is_linked_and_georgia_the_place_is_not(wikidata_endpoint):
    graph = Graph()
    for iri, cls in ((ID["country/georgia"], DIP.Country), (ID["place/georgia"], DIP.Place)):
        graph.add((iri, RDF.type, cls))
        graph.add((iri, RDFS.label, Literal("Georgia", lang="en")))
    entities = entities_to_link(graph, graph)
    client = SparqlClient(wikidata_endpoint, interval=0)
    decisions = {
        d.entity: d
        for d in link_entities(entities, fetch_candidates(client, entities, CLASSES), {})
    }
    assert decisions[ID["country/georgia"]].qid == "Q900000011"
    place = decisions[ID["place/georgia"]]
    assert (place.decision, [c.qid for c in place.candidates]) == (
        "ambiguous",
        ["Q900000011", "Q900000012"],
    )


@pytest.mark.server
@needs_reference
def test_precision_and_recall_on_the_fixture_are_one(alone, entities):
    result = measure(list(alone.values()), entities, load_reference(REFERENCE), HAND)
    assert (result.precision, result.recall) == (1.0, 1.0)
    assert result.with_qid == len(HAND) == 25


@needs_reference
def test_hand_links_are_verified_rows_of_the_reference():
    verified = {r.qid for r in load_reference(REFERENCE) if r.status == "verified"}
    assert set(HAND.values()) <= verified


@needs_reference
def test_committed_links_hold_only_verified_identifiers():
    graph = Graph().parse(MAPPINGS / LINKS_TTL, format="turtle")
    committed = {s: o.split("/")[-1] for s, o in graph.subject_objects(SKOS.exactMatch)}
    verified = {r.qid for r in load_reference(REFERENCE) if r.status == "verified"}
    assert set(committed.values()) <= verified
    assert all(committed[e] == q for e, q in HAND.items())


@pytest.mark.server
def test_committed_link_files_are_a_run_against_the_real_items_of_the_fixture(
    entities, real_items_endpoint
):
    """Regenerate with DIPLOGRAPH_UPDATE_LINKS=1 after changing entities, links or fixture.

    The distractors are left out so that no invented identifier reaches a committed file.
    """
    client = SparqlClient(real_items_endpoint, interval=0)
    decisions = link_entities(entities, fetch_candidates(client, entities, CLASSES), HAND)
    assert not re.search(r"Q9\d{8}", links_csv(decisions).decode())
    expected = {LINKS_TTL: links_turtle(decisions), LINKS_CSV: links_csv(decisions)}
    if os.environ.get("DIPLOGRAPH_UPDATE_LINKS") == "1":
        for name, data in expected.items():
            (MAPPINGS / name).write_bytes(data)
    for name, data in expected.items():
        assert (MAPPINGS / name).read_bytes() == data, f"mappings/{name} is stale"


# -- the command ------------------------------------------------------------------------


def _files(root: Path) -> dict[str, bytes | None]:
    """The bytes of the link files, None for a missing one."""
    paths = [root / "mappings" / n for n in (LINKS_TTL, LINKS_CSV)]
    return {p.name: p.read_bytes() if p.exists() else None for p in paths}


@pytest.mark.server
def test_link_command_writes_both_files_deterministically(
    wikidata_cli, wikidata_endpoint, link_root
):
    args = ("link", "--endpoint", wikidata_endpoint, "--interval", "0")
    first = wikidata_cli(*args)
    assert first.exit_code == 0, first.output
    assert "25 hand, 0 linked, 2 ambiguous" in first.stderr
    written = _files(link_root)
    assert wikidata_cli(*args).exit_code == 0
    assert _files(link_root) == written
    assert written[LINKS_TTL] == (MAPPINGS / LINKS_TTL).read_bytes()


@pytest.mark.server
@needs_reference
def test_link_report_prints_precision_and_recall(wikidata_cli, wikidata_endpoint):
    result = wikidata_cli(
        "link",
        "--endpoint",
        wikidata_endpoint,
        "--interval",
        "0",
        "--report",
        "--reference",
        str(REFERENCE),
    )
    assert result.exit_code == 0, result.output
    assert "precision        1.00" in result.stdout
    assert "recall           1.00 (25 of 25 entities with a known QID)" in result.stdout


def test_link_waits_out_a_429_and_succeeds(wikidata_cli, fake_endpoint, link_root):
    fake_endpoint.script = ["429:1", "ok"]
    result = wikidata_cli(
        "link", "--endpoint", fake_endpoint.url, "--interval", "0", "--retries", "1"
    )
    assert result.exit_code == 0, result.output
    assert len(fake_endpoint.requests) >= 2 and "HTTP 429" not in result.stdout
    assert _files(link_root)[LINKS_CSV].startswith(
        b"entity,label,qid,score,decision,reason,candidates\n"
    )


@pytest.mark.parametrize(
    ("script", "options", "message"),
    [
        (["429"], ("--retries", "1"), "HTTP 429 on each of 2 attempts; giving up"),
        (["500"], ("--retries", "1"), "HTTP 500 (internal server error) on each of 2 attempts"),
        (["malformed"], (), "answered with malformed SPARQL JSON results"),
        (["slow"], ("--timeout", "1"), "no answer within 1 s (timeout)"),
        (None, (), "cannot connect"),
    ],
    ids=["429-forever", "500", "malformed-json", "timeout", "down"],
)
def test_a_failing_endpoint_exits_3_and_leaves_the_files_alone(
    wikidata_cli, fake_endpoint, down_url, link_root, script, options, message
):
    mappings = link_root / "mappings"
    (mappings / LINKS_TTL).write_bytes(b"# links before the failed run\n")
    (mappings / LINKS_CSV).write_bytes(b"entity,label\nbefore,the failed run\n")
    before = _files(link_root)
    url = down_url if script is None else fake_endpoint.url
    if script is not None:
        fake_endpoint.script = script
    result = wikidata_cli("link", "--endpoint", url, "--interval", "0", *options)
    assert result.exit_code == 3, result.output
    assert f"error: {url}: " in result.stderr
    assert message in result.stderr
    assert _files(link_root) == before


def test_the_timeout_bounds_the_whole_request_of_a_trickling_endpoint(
    wikidata_cli, trickle_url, link_root
):
    mappings = link_root / "mappings"
    before = _files(link_root)
    started = time.monotonic()
    result = wikidata_cli("link", "--endpoint", trickle_url, "--timeout", "3", "--retries", "0")
    elapsed = time.monotonic() - started
    assert result.exit_code == 3, result.output
    assert f"error: {trickle_url}: no answer within 3 s (timeout)" in result.stderr
    assert elapsed < 8, f"took {elapsed:.1f} s"
    assert _files(link_root) == before and not list(mappings.glob(".wikidata-links*"))


@pytest.mark.parametrize("command", ["link", "enrich"])
@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1/sparql", "http://127.0.0.1/a b", "/etc/passwd"]
)
def test_only_http_endpoints_are_asked(wikidata_cli, command, url):
    result = wikidata_cli(command, "--endpoint", url, "--interval", "0", "--retries", "0")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: --endpoint {url!r}: not an http(s) URL (")
    assert len(result.stderr.splitlines()) == 1 and "root:" not in result.output


def test_entities_only_the_rule_layer_names_are_linked_too():
    entities, graph = Graph(), Graph()
    entities.add((ID["country/russia"], RDF.type, DIP.Country))
    entities.add((ID["country/russia"], RDFS.label, Literal("Russia", lang="en")))
    graph += entities
    graph.add((ID["city/astana"], RDF.type, DIP.City))
    graph.add((ID["city/astana"], RDFS.label, Literal("Astana", lang="en")))
    graph.add((ID["event/visit/2024-03-04/x"], RDF.type, DIP.Visit))
    found = {(e.iri, e.kind, e.label) for e in entities_to_link(entities, graph)}
    assert found == {
        (ID["country/russia"], "country", "Russia"),
        (ID["city/astana"], "city", "Astana"),
    }
