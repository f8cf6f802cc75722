"""IRI minting: deterministic, typed, and consistent with what the node is."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import RDF, XSD, Literal, URIRef

from diplograph.export import analysis_graph
from diplograph.iris import (
    EVENT_IRI,
    entity_iri,
    entity_segment,
    event_iri,
    kind_slug,
    sentence_iri,
    slug,
)
from diplograph.namespaces import DIP


def test_slug_folds_spelling_variants():
    assert slug("Kim Jong-un") == slug("Kim Jong Un") == "kim-jong-un"
    assert slug("Pak Jong-chon") == slug("Pak Jong Chon")


def test_slug_folds_accents_to_ascii_and_drops_what_has_no_ascii_form():
    assert slug("Recep Tayyip Erdoğan") == slug("Recep Tayyip Erdogan") == "recep-tayyip-erdogan"
    assert slug("São Tomé") == "sao-tome"
    assert slug("Владимир Путин (Vladimir Putin)") == "vladimir-putin"


def test_event_iri_is_deterministic():
    first = event_iri("Arrival", date(2023, 7, 25), "Russian delegation Pyongyang")
    assert first == event_iri("Arrival", date(2023, 7, 25), "russian-delegation-pyongyang")
    assert str(first).endswith("/event/arrival/2023-07-25/russian-delegation-pyongyang")


def test_every_event_iri_agrees_with_its_kind_and_date(built):
    graph = analysis_graph(built.store)
    checked = 0
    for event in {s for s in graph.subjects(DIP.attestedBy, None) if "/event/" in str(s)}:
        match = EVENT_IRI.match(str(event))
        assert match, event
        kinds = {kind_slug(str(o).split("#")[-1]) for o in graph.objects(event, RDF.type)}
        assert match["kind"] in kinds, event
        day = graph.value(event, DIP.date) or graph.value(event, DIP.earliestDate)
        expected = str(day) if day is not None else "undated"
        assert match["day"] == expected, event
        checked += 1
    assert checked == 47


def test_dates_are_typed_xsd_date(built):
    graph = analysis_graph(built.store)
    for prop in (DIP.date, DIP.earliestDate, DIP.latestDate):
        for value in graph.objects(None, prop):
            assert isinstance(value, Literal) and value.datatype == XSD.date


@pytest.mark.parametrize("segment", ["person", "country", "city", "place", "org", "materiel"])
def test_every_entity_segment_is_recognised(segment):
    assert entity_segment(entity_iri(segment, "Hwasong-18 missile")) == segment


@pytest.mark.parametrize(
    "node",
    [
        sentence_iri("000_x", 1),
        event_iri("Visit", None, "kim"),
        entity_iri("position", "President of Russia"),
        Literal("person/kim-jong-un"),
        URIRef("http://example.org/person/kim"),
    ],
)
def test_what_is_no_entity_has_no_entity_segment(node):
    assert entity_segment(node) is None
