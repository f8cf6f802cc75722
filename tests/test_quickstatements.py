"""QuickStatements export: the exact commands for one event, and the rules on the whole graph."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, URIRef

from diplograph import cli_wikidata
from diplograph.build import load_ontology
from diplograph.export import analysis_graph
from diplograph.iris import ENTITIES_GRAPH, ONTOLOGY_GRAPH, article_graph_iri, article_iri
from diplograph.namespaces import DIP, ID, SCHEMA, WD
from diplograph.store import RdflibStore
from diplograph.wikidata.quickstatements import quickstatements

ROOT = Path(__file__).resolve().parents[1]
TALKS = ID["event/talks/2023-07-26/kim-jong-un-sergei-shoigu"]
STATEMENT = re.compile(
    r"^(LAST|Q\d+)\t(P710|P585|P276)\t(Q\d+|\+\d{4}-\d\d-\d\dT00:00:00Z/11)"
    r'\tS1476\ten:"([^"\t]+)"'
    r"\tS577\t\+(\d{4}-\d\d-\d\d)T00:00:00Z/11$"
)


def _article(stem: str, published: str) -> Graph:
    """An article graph with its node and one attestation that the talks happened."""
    graph = Graph()
    graph.add((article_iri(stem), RDF.type, DIP.NewsArticle))
    graph.add((article_iri(stem), SCHEMA.datePublished, Literal(published, datatype=XSD.date)))
    graph.add((article_iri(stem), SCHEMA.headline, Literal(f"Headline of {stem}")))
    attestation = BNode()
    graph.add((attestation, DIP.attests, TALKS))
    graph.add((attestation, DIP.modality, DIP.Happened))
    graph.add((TALKS, RDF.type, DIP.Talks))
    graph.add((TALKS, RDFS.label, Literal("Kim Jong Un and Sergei Shoigu hold talks", lang="en")))
    return graph


def _store() -> RdflibStore:
    """Two articles reporting one event, three linked entities and an unlinked delegation."""
    first = _article("000_test", "2023-07-27")
    first.add((article_iri("000_test"), SCHEMA.url, URIRef("https://example.org/news/000")))
    for who in ("person/kim-jong-un", "person/sergei-shoigu"):
        first.add((TALKS, DIP.participant, ID[who]))
    first.add((TALKS, DIP.date, Literal("2023-07-26", datatype=XSD.date)))
    first.add((TALKS, DIP.place, ID["city/pyongyang"]))
    second = _article("002_test", "2023-07-26")
    second.add((TALKS, DIP.host, ID["person/kim-jong-un"]))
    second.add((TALKS, DIP.traveller, ID["delegation/russia-2023-07-sergei-shoigu"]))
    entities = Graph()
    for entity, item in (
        ("person/kim-jong-un", "Q56226"),
        ("person/sergei-shoigu", "Q32024"),
        ("city/pyongyang", "Q18808"),
    ):
        entities.add((ID[entity], SKOS.exactMatch, WD[item]))
    store = RdflibStore()
    store.add_graph(article_graph_iri("000_test"), first)
    store.add_graph(article_graph_iri("002_test"), second)
    store.add_graph(ENTITIES_GRAPH, entities)
    store.add_graph(ONTOLOGY_GRAPH, load_ontology(ROOT))
    return store


def test_the_exact_commands_for_one_event():
    first = '\tS854\t"https://example.org/news/000"\tS577\t+2023-07-27T00:00:00Z/11'
    second = '\tS1476\ten:"Headline of 002_test"\tS577\t+2023-07-26T00:00:00Z/11'
    result = quickstatements(_store())
    assert result.text == (
        "CREATE\n"
        'LAST\tLen\t"Kim Jong Un and Sergei Shoigu hold talks"\n'
        'LAST\tDen\t"talks on 26 July 2023"\n'
        "LAST\tP31\tQ2761147\n"
        f"LAST\tP710\tQ32024{first}\n"
        f"LAST\tP710\tQ56226{second}\n"
        f"LAST\tP710\tQ56226{first}\n"
        f"LAST\tP585\t+2023-07-26T00:00:00Z/11{first}\n"
        f"LAST\tP276\tQ18808{first}\n"
    )
    assert result.unlinked == (ID["delegation/russia-2023-07-sergei-shoigu"],)
    assert result.no_url == ("002_test",)
    assert "w3id.org" not in result.text


def test_an_article_without_url_or_headline_gives_its_date_only():
    store = _store()
    name = article_graph_iri("002_test")
    graph = store.graph(name)
    graph.remove((article_iri("002_test"), SCHEMA.headline, None))
    store.remove_graph(name)
    store.add_graph(name, graph)
    lines = quickstatements(store).text.splitlines()
    assert "LAST\tP710\tQ56226\tS577\t+2023-07-26T00:00:00Z/11" in lines


def test_new_entities_get_an_item_with_instance_of():
    store = _store()
    entities = Graph()
    for entity, kind, label in (
        ("person/jane-roe", DIP.Person, "Jane Roe"),
        ("org/some-agency", DIP.NewsAgency, "Some Agency"),
        ("country/ruritania", DIP.Country, "Ruritania"),
        ("city/strelsau", DIP.City, "Strelsau"),
    ):
        entities.add((ID[entity], RDF.type, kind))
        entities.add((ID[entity], RDFS.label, Literal(label, lang="en")))
    store.add_graph(ENTITIES_GRAPH, entities)
    graph = store.graph(article_graph_iri("000_test"))
    for entity in ("person/jane-roe", "org/some-agency", "country/ruritania", "city/strelsau"):
        graph.add((TALKS, DIP.participant, ID[entity]))
    store.add_graph(article_graph_iri("000_test"), graph)
    result = quickstatements(store, new_entities=True)
    assert result.text.split('CREATE\nLAST\tLen\t"Kim')[0] == (
        'CREATE\nLAST\tLen\t"Strelsau"\nLAST\tP31\tQ515\n'
        'CREATE\nLAST\tLen\t"Ruritania"\nLAST\tP31\tQ6256\n'
        'CREATE\nLAST\tLen\t"Some Agency"\nLAST\tP31\tQ43229\n'
        'CREATE\nLAST\tLen\t"Jane Roe"\nLAST\tP31\tQ5\n'
    )
    assert [str(e)[len(str(ID)) :] for e in result.created] == [
        "city/strelsau",
        "country/ruritania",
        "org/some-agency",
        "person/jane-roe",
    ]
    assert "delegation/" not in " ".join(map(str, result.created))
    assert quickstatements(store).text.count("CREATE") == 1


def test_a_linked_event_is_edited_not_created():
    store = _store()
    store.add_graph(ENTITIES_GRAPH, Graph().add((TALKS, SKOS.exactMatch, WD.Q900000050)))
    lines = quickstatements(store).text.splitlines()
    assert "CREATE" not in lines and not [line for line in lines if "\tLen\t" in line]
    assert not [line for line in lines if "\tP31\t" in line]
    assert lines[0].startswith("Q900000050\tP710\tQ32024\tS854\t")


def test_the_whole_graph_uses_only_linked_entities_and_the_article_dates(built):
    store = built.store
    union = analysis_graph(store)
    result = quickstatements(store)
    assert result == quickstatements(store)
    linked = {
        str(o).rsplit("/", 1)[-1]
        for s, o in union.subject_objects(SKOS.exactMatch)
        if str(s).startswith(str(ID))
    }
    published = {
        str(union.value(a, SCHEMA.headline)): str(d)
        for a, d in union.subject_objects(SCHEMA.datePublished)
        if (a, RDF.type, DIP.NewsArticle) in union
    }
    statements = 0
    kinds = set()
    for line in result.text.splitlines():
        if line.startswith("LAST\tP31\t"):
            kinds.add(line.split("\t")[2])
            continue
        if line == "CREATE" or re.match(r'^LAST\t[LD]en\t"[^"\t]+"$', line):
            continue
        match = STATEMENT.match(line)
        assert match, line
        statements += 1
        if match.group(2) != "P585":
            assert match.group(3) in linked
        assert published[match.group(4)] == match.group(5)
    assert statements > 30
    assert kinds == {"Q1656682", "Q2761147"}
    assert result.no_url == (
        "000_ec5e95d0bf243a61",
        "002_bb8ed0e65c7195c3",
        "004_1b385efb04788e90",
    )
    assert "w3id.org" not in result.text
    attested = set(union.objects(None, DIP.attests)) & set(union.subjects(RDF.type, DIP.Event))
    skipped = len(result.not_happened) + len(result.nothing_linked)
    assert result.text.count("CREATE") == len(attested) - skipped
    for event in result.nothing_linked:  # only statements of sources without a Wikidata item
        assert (event, RDF.type, DIP.Statement) in union
        assert not any(
            (who, SKOS.exactMatch, None) in union for who in union.objects(event, DIP.agent)
        )
    assert ID["person/matthew-miller"] in result.unlinked
    assert not {e for e in result.unlinked if (e, SKOS.exactMatch, None) in union}


def test_the_cli_helper_returns_the_text_and_reports_the_unlinked(built, capsys):
    text = cli_wikidata.quickstatements(built.store)
    assert text.startswith("CREATE\nLAST\tLen\t")
    err = capsys.readouterr().err
    assert err.startswith(
        "no url, referenced by title and publication date (3): 000_ec5e95d0bf243a61, "
        "002_bb8ed0e65c7195c3, 004_1b385efb04788e90 (add `url:` to their .meta.yaml)\n"
        "not exported, no Wikidata link ("
    )
    assert "person/matthew-miller" in err


def test_dates_are_day_precision_time_values():
    from diplograph.wikidata.quickstatements import qs_date

    assert qs_date(date(2023, 9, 13)) == "+2023-09-13T00:00:00Z/11"


def test_claimed_expected_and_denied_events_are_never_exported(built):
    result = quickstatements(built.store)
    assert [str(e)[len(str(ID)) :] for e in result.not_happened] == [
        "event/military-aid/undated/north-korea-russia",
        "event/military-parade/2023-07-27/victory-day-parade-pyongyang",
        "event/visit/undated/vladimir-putin-north-korea",
    ]
    assert "military aid to Russia for the war" not in result.text
    assert "Victory Day military parade" not in result.text


def test_only_articles_that_report_the_event_as_happened_are_references(built):
    text = quickstatements(built.store).text
    block = text.split('"Chinese delegation led by Li Hongzhong arrives in Pyongyang"')[1]
    block = block.split("CREATE")[0]
    assert "Russian Defence Minister Sergei Shoigu arrives in North Korea" not in block  # 002
    assert "North Korea's Kim meets Russian and Chinese delegations in Pyongyang" in block  # 000
