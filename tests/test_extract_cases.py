"""The rule layer on sentences written for the tests (not from the seeds), one or two per event
kind: each tests/data/extract/<case>.txt must give exactly the facts of <case>.expected.yaml
(events with kind, roles, date, modality and sources; delegations; position holdings; new
entities). The texts start with a `date YYYY-MM-DD` marker, which dates them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rdflib import RDF, RDFS, Graph, URIRef

from diplograph.extract import extract_article
from diplograph.extract.clean import input_article
from diplograph.namespaces import DIP, ID
from diplograph.quality.evaluate import EVENT_KINDS
from diplograph.vocabulary import event_roles

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "extract"
CASES = sorted(p.stem for p in DATA.glob("*.txt"))
ROLES = event_roles(ROOT / "ontology" / "diplo.ttl")


def _short(node: URIRef) -> str:
    """An IRI relative to the instance namespace (person/kim-jong-un)."""
    return str(node).removeprefix(str(ID))


def _date(graph: Graph, node: URIRef) -> str | None:
    """The event's date: a day, or earliest..latest."""
    day = graph.value(node, DIP.date)
    if day is not None:
        return str(day)
    earliest, latest = graph.value(node, DIP.earliestDate), graph.value(node, DIP.latestDate)
    if earliest is None:
        return None
    return f"{earliest}..{latest or ''}"


def _event(graph: Graph, node: URIRef) -> dict:
    """One event as a plain mapping."""
    kind = next(str(t).split("#")[1] for t in graph.objects(node, RDF.type))
    fact: dict = {"kind": kind}
    for role in ROLES:
        values = sorted(_short(o) for o in graph.objects(node, getattr(DIP, role)))
        if values:
            fact[role] = values
    fact["date"] = _date(graph, node)
    attests = list(graph.subjects(DIP.attests, node))
    fact["modality"] = sorted({str(graph.value(a, DIP.modality)).split("#")[1] for a in attests})
    claimed = sorted({_short(o) for a in attests for o in graph.objects(a, DIP.claimedBy)})
    relayed = sorted({_short(o) for a in attests for o in graph.objects(a, DIP.relayedBy)})
    if claimed:
        fact["claimed_by"] = claimed
    if relayed:
        fact["relayed_by"] = relayed
    return fact


def facts(graph: Graph) -> dict:
    """Everything a case checks, as sorted plain data."""
    events = [
        _event(graph, n)
        for n in set(graph.objects(None, DIP.attests))
        if any(str(t).split("#")[-1] in EVENT_KINDS for t in graph.objects(n, RDF.type))
    ]
    delegations = [
        {
            "sent_by": sorted(_short(o) for o in graph.objects(d, DIP.sentBy)),
            "led_by": [_short(o) for o in graph.objects(d, DIP.ledBy)],
            "members": sorted(_short(o) for o in graph.objects(d, DIP.hasMember)),
        }
        for d in graph.subjects(RDF.type, DIP.Delegation)
    ]
    holdings = sorted(
        f"{_short(graph.value(h, DIP.holder))} {_short(graph.value(h, DIP.position))}"
        for h in graph.subjects(RDF.type, DIP.PositionHolding)
    )
    new = sorted(
        f"{_short(s)} {graph.value(s, RDFS.label)} {graph.value(s, DIP.confidence)}"
        for s in graph.subjects(DIP.confidence, None)
        if (s, RDF.type, DIP.Attestation) not in graph and (s, RDF.type, DIP.Claim) not in graph
    )
    key = lambda f: yaml.safe_dump(f, sort_keys=True)  # noqa: E731
    return {
        "events": sorted(events, key=key),
        "delegations": sorted(delegations, key=key),
        "holdings": holdings,
        "new_entities": new,
    }


def dump(data: dict) -> str:
    """Facts as the YAML of an expected file."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def test_there_are_enough_cases():
    assert len(CASES) >= 15
    expected = {p.name.removesuffix(".expected.yaml") for p in DATA.glob("*.expected.yaml")}
    assert expected == set(CASES), "every case needs its .expected.yaml and vice versa"


def test_every_event_kind_is_covered():
    kinds = set()
    for case in CASES:
        data = yaml.safe_load((DATA / f"{case}.expected.yaml").read_text(encoding="utf-8"))
        kinds |= {e["kind"] for e in data["events"]}
    assert kinds >= EVENT_KINDS - {"Statement", "Meeting"}


@pytest.mark.parametrize("case", CASES)
def test_case_gives_exactly_the_expected_facts(case, layer):
    rules, gazetteer = layer
    article = input_article(DATA / f"{case}.txt", None, rules)
    found = facts(extract_article(article, rules, gazetteer))
    expected = yaml.safe_load((DATA / f"{case}.expected.yaml").read_text(encoding="utf-8"))
    for key in ("events", "delegations", "holdings", "new_entities"):
        expected.setdefault(key, [])
    assert found == expected, dump(found)
