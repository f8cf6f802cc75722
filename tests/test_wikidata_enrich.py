"""Enrichment from Wikidata (`diplograph enrich`) and the stored federated queries.

The facts come from a real SPARQL server (oxigraph) loaded with tests/fixtures/wikidata/; the
federated queries run on rdflib with their SERVICE pointed at that server instead of Wikidata.
"""

from __future__ import annotations

import difflib
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rdflib import RDFS, XSD, Dataset, Literal, Namespace, URIRef

from diplograph import cli_wikidata
from diplograph.export import analysis_graph
from diplograph.namespaces import WD, WDT
from diplograph.queries import parse_query
from diplograph.wikidata import DEFAULT_ENDPOINT, PQ, PS, WDS, WIKIDATA_GRAPH, P
from diplograph.wikidata.endpoint import SparqlClient
from diplograph.wikidata.enrich import ENRICHMENT_FILE, enrich, enrichment_trig

pytest_plugins = ["wikidata_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
FEDERATED = ROOT / "queries" / "federated"
PROV = Namespace("http://www.w3.org/ns/prov#")
WHEN = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)


def year(text: str) -> Literal:
    """A Wikidata time value with year precision."""
    return Literal(f"{text}-01-01T00:00:00Z", datatype=XSD.dateTime, normalize=False)


@pytest.fixture(scope="module")
def facts(wikidata_endpoint):
    """What enrichment fetches about Kim Jong Un, Putin, North Korea and the State Department."""
    client = SparqlClient(wikidata_endpoint, interval=0)
    return enrich(client, ["Q56226", "Q7747", "Q423", "Q789915"])


@pytest.mark.server
def test_positions_held_come_with_their_start_and_end(facts):
    kim = WDS["Q56226-fixture-p39-1"]
    assert {
        (WD.Q56226, P.P39, kim),
        (kim, PS.P39, WD.Q56876342),
        (kim, PQ.P580, year("2011")),
    } <= facts
    first, second = WDS["Q7747-fixture-p39-1"], WDS["Q7747-fixture-p39-2"]
    assert {(first, PQ.P580, year("2000")), (first, PQ.P582, year("2008"))} <= facts
    assert (second, PQ.P580, year("2012")) in facts
    assert not [t for t in facts if t[1] == PQ.P582 and t[0] == second]


@pytest.mark.server
def test_deprecated_statements_are_left_out(facts):
    assert not [t for t in facts if WDS["Q56226-fixture-p39-3"] in t]


@pytest.mark.server
def test_citizenship_capital_head_of_state_and_headquarters_with_labels(facts):
    assert {
        (WD.Q56226, WDT.P27, WD.Q423),
        (WD.Q423, WDT.P36, WD.Q18808),
        (WD.Q423, WDT.P35, WD.Q56226),
        (WD.Q789915, WDT.P159, WD.Q61),
        (WD.Q18808, RDFS.label, Literal("Pyongyang", lang="en")),
        (WD.Q56876342, RDFS.label, Literal("Supreme Leader of North Korea", lang="en")),
    } <= facts
    assert {p for _, p, _ in facts} == {
        P.P39,
        PS.P39,
        PQ.P580,
        PQ.P582,
        WDT.P27,
        WDT.P36,
        WDT.P35,
        WDT.P159,
        RDFS.label,
    }


@pytest.mark.server
def test_the_file_is_one_named_graph_stamped_once_with_endpoint_and_time(facts):
    data = enrichment_trig(facts, DEFAULT_ENDPOINT, WHEN)
    assert data == enrichment_trig(set(facts), DEFAULT_ENDPOINT, WHEN)
    dataset = Dataset()
    dataset.parse(data=data.decode(), format="trig")
    graph = dataset.graph(WIKIDATA_GRAPH)
    assert len(graph) == len(facts) + 2
    assert graph.value(WIKIDATA_GRAPH, PROV.wasDerivedFrom) == URIRef(DEFAULT_ENDPOINT)
    assert graph.value(WIKIDATA_GRAPH, PROV.generatedAtTime).toPython() == WHEN
    later = enrichment_trig(facts, DEFAULT_ENDPOINT, datetime(2027, 1, 2, tzinfo=timezone.utc))
    changed = [
        line
        for line in difflib.unified_diff(
            data.decode().splitlines(), later.decode().splitlines(), n=0
        )
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert len(changed) == 2 and all("prov:generatedAtTime" in line for line in changed)


@pytest.mark.server
def test_enrich_command_fetches_facts_about_every_linked_entity(
    wikidata_cli, wikidata_endpoint, link_root, monkeypatch
):
    monkeypatch.setattr(cli_wikidata, "_now", lambda: WHEN)
    target = link_root / "mappings" / ENRICHMENT_FILE
    result = wikidata_cli("enrich", "--endpoint", wikidata_endpoint, "--interval", "0")
    assert result.exit_code == 0, result.output
    assert "about 25 items" in result.stderr
    written = target.read_bytes()
    assert b'prov:generatedAtTime "2026-11-23T12:00:00Z"^^xsd:dateTime .' in written
    assert b"wd:Q56226 p:P39 wds:Q56226-fixture-p39-1 ." in written
    assert wikidata_cli("enrich", "--endpoint", wikidata_endpoint, "--interval", "0").exit_code == 0
    assert target.read_bytes() == written


EVIL = "http://evil.example/"
FOGGY = 'Foggy Bottom" . wd:Q56226 rdfs:label "PWNED" . #\nnext line'


@pytest.mark.server
def test_enrich_skips_hostile_values_and_writes_nothing_they_inject(
    wikidata_cli, hostile_endpoint, link_root, monkeypatch
):
    monkeypatch.setattr(cli_wikidata, "_now", lambda: WHEN)
    target = link_root / "mappings" / ENRICHMENT_FILE
    result = wikidata_cli("enrich", "--endpoint", hostile_endpoint, "--interval", "0")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert len(warnings) == 4, result.stderr
    assert any("'http://evil.example/x> . <http" in line for line in warnings)
    assert any("'http://evil.example/with space'" in line for line in warnings)
    assert any("'http://evil.example/line\\nbreak'" in line for line in warnings)
    assert any("'file:///etc/passwd'" in line and "http(s)" in line for line in warnings)
    dataset = Dataset()
    dataset.parse(data=target.read_text(encoding="utf-8"), format="trig")
    quads = list(dataset.quads((None, None, None, None)))
    assert {g for *_, g in quads} == {WIKIDATA_GRAPH}
    assert not [q for q in quads if any(EVIL in str(t) or "file:" in str(t) for t in q[:3])]
    assert not [q for q in quads if str(q[2]) == "PWNED"]
    assert (WD.Q900001, RDFS.label, Literal(FOGGY, lang="en"), WIKIDATA_GRAPH) in quads
    assert (WD.Q56226, P.P39, WDS["Q56226-fixture-p39-1"], WIKIDATA_GRAPH) in quads


def test_the_writer_refuses_an_iri_it_cannot_write():
    bad = URIRef("http://evil.example/x> <y")
    with pytest.raises(ValueError, match="cannot write 'http://evil.example/x> <y' as an IRI"):
        enrichment_trig({(WD.Q1, WDT.P27, bad)}, DEFAULT_ENDPOINT, WHEN)


def test_a_valid_enrichment_file_reaches_the_build(link_root):
    from click.testing import CliRunner

    from diplograph.cli import cli

    label = Literal("Pyongyang", lang="en")
    facts = {(WD.Q423, WDT.P36, WD.Q18808), (WD.Q18808, RDFS.label, label)}
    (link_root / "mappings" / ENRICHMENT_FILE).write_bytes(
        enrichment_trig(facts, DEFAULT_ENDPOINT, WHEN)
    )
    result = CliRunner().invoke(
        cli, ["--root", str(link_root), "export", "--layer", "wikidata", "--format", "nt"]
    )
    assert result.exit_code == 0, result.output
    lines = set(result.stdout.splitlines())
    assert {
        f"<{WD.Q423}> <{WDT.P36}> <{WD.Q18808}> .",
        f'<{WD.Q18808}> <{RDFS.label}> "Pyongyang"@en .',
        f"<{WIKIDATA_GRAPH}> <{PROV.wasDerivedFrom}> <{DEFAULT_ENDPOINT}> .",
    } <= lines
    assert len(lines) == 4


def test_enrich_command_fails_with_exit_3_and_keeps_the_old_file(
    wikidata_cli, fake_endpoint, link_root
):
    target = link_root / "mappings" / ENRICHMENT_FILE
    target.write_bytes(b"# enrichment before the failed run\n")
    fake_endpoint.script = ["500"]
    result = wikidata_cli(
        "enrich", "--endpoint", fake_endpoint.url, "--interval", "0", "--retries", "0"
    )
    assert result.exit_code == 3
    assert f"error: {fake_endpoint.url}: HTTP 500" in result.stderr
    assert target.read_bytes() == b"# enrichment before the failed run\n"


def test_enrich_command_needs_links(wikidata_cli, link_root):
    for path in (link_root / "mappings" / "links").glob("*.ttl"):
        path.unlink()
    (link_root / "mappings" / "wikidata-links.ttl").unlink(missing_ok=True)
    result = wikidata_cli("enrich", "--endpoint", "http://127.0.0.1:9/none")
    assert result.exit_code == 2
    assert "no Wikidata links yet; run `diplograph link` first" in result.stderr


# -- stored federated queries ------------------------------------------------------------

EXPECTED = {
    "offices-held-on-meeting-date": {
        ("2023-07-26", "Kim Jong Un", "General Secretary of the Workers' Party of Korea"),
        ("2023-07-26", "Kim Jong Un", "Supreme Leader of North Korea"),
        ("2023-09-13", "Kim Jong Un", "General Secretary of the Workers' Party of Korea"),
        ("2023-09-13", "Kim Jong Un", "Supreme Leader of North Korea"),
        ("2023-09-13", "Vladimir Putin", "President of Russia"),
    },
    "heads-of-state-of-sending-countries": {
        ("China", "Xi Jinping"),
        ("North Korea", "Kim Jong Un"),
        ("Russia", "Vladimir Putin"),
    },
    "capitals-of-event-places": {
        ("North Korea", "Pyongyang"),
        ("Russia", "Moscow"),
    },
}


def test_every_federated_query_has_expected_answers():
    assert {p.stem for p in FEDERATED.glob("*.rq")} == set(EXPECTED)


@pytest.mark.server
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_federated_query_joins_the_graph_with_wikidata(name, built, wikidata_endpoint):
    stored = parse_query(FEDERATED / f"{name}.rq")
    assert f"SERVICE <{DEFAULT_ENDPOINT}>" in stored.text
    text = stored.text.replace(DEFAULT_ENDPOINT, wikidata_endpoint)
    rows = {
        tuple(str(v) for v in row[: len(next(iter(EXPECTED[name])))])
        for row in analysis_graph(built.store).query(text)
    }
    assert rows == EXPECTED[name]
