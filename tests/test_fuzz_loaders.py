"""Property-based tests of the loaders: a seed's metadata (meta.py), a seed article (seeds.py),
a hand mapping (gold.py), the Turtle and TriG files a build reads (entities, shapes, the
enrichment, a build folder's graph) and the rule files (extract/rulefiles.py, extract/rules.py),
each fed the real file mutated at the byte level. Every input loads into something whose
invariants hold, or fails with an InputError: one line that names the file. Nothing else may
escape, and no input may hang (tests/fuzzing.py).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from unittest import mock

import pytest
from fuzzing import assert_clear, fuzz_settings, mutated_bytes, one_input
from hypothesis import example, given
from hypothesis import strategies as st
from rdflib import BNode, Graph

from diplograph.build import GRAPH_FILE, load_build, load_enrichment
from diplograph.errors import InputError
from diplograph.export import serialize_graphs
from diplograph.extract.clean import article_from_text
from diplograph.extract.pipeline import extract_triples
from diplograph.extract.rulefiles import read_rule_file
from diplograph.extract.rules import load_rules
from diplograph.gold import load_gold, parse_turtle
from diplograph.iris import ENTITIES_GRAPH, article_graph_iri
from diplograph.meta import REQUIRED_META, load_meta
from diplograph.namespaces import DIP
from diplograph.seeds import Article, load_article
from diplograph.validate import load_shapes
from diplograph.vocabulary import ontology_file
from diplograph.wikidata.enrich import ENRICHMENT_FILE

ROOT = Path(__file__).resolve().parents[1]
STEMS = sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
RULE_FILES = sorted((ROOT / "mappings" / "rules").glob("*.yaml"))
LIMIT = 30.0


@contextmanager
def folder() -> Iterator[Path]:
    """A fresh temporary folder for one input (hypothesis reuses a test's fixtures)."""
    with tempfile.TemporaryDirectory(prefix="diplograph-fuzz-") as name:
        yield Path(name)


def seed_bytes(stem: str, suffix: str) -> bytes:
    """The bytes of a seed's text (.txt) or metadata (.meta.yaml)."""
    return (ROOT / "seeds" / f"{stem}{suffix}").read_bytes()


@st.composite
def mutated_seed(draw: st.DrawFn, text: bool = True, meta: bool = True) -> tuple[str, bytes, bytes]:
    """A seed's stem, its text and its metadata, either or both mutated."""
    stem = draw(st.sampled_from(STEMS))
    data = seed_bytes(stem, ".txt")
    yaml = seed_bytes(stem, ".meta.yaml")
    return (
        stem,
        draw(mutated_bytes(data)) if text else data,
        draw(mutated_bytes(yaml)) if meta else yaml,
    )


def check_article(article: Article, data: bytes) -> None:
    """What a loaded article promises: its text as stored (a BOM dropped), sentences numbered
    from 1, in order, each the exact trimmed text at its offsets, none inside boilerplate."""
    assert article.text == data.decode("utf-8-sig")
    assert [s.number for s in article.sentences] == list(range(1, len(article.sentences) + 1))
    end = 0
    for sentence in article.sentences:
        assert end <= sentence.begin < sentence.end <= len(article.text)
        assert article.text[sentence.begin : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        end = sentence.end
    assert isinstance(article.date_published, date)
    assert not isinstance(article.date_published, datetime)


# -- metadata and seed articles ---------------------------------------------------------------


@fuzz_settings(150, deadline_s=10)
@given(seed=mutated_seed(text=False))
@example(seed=(STEMS[0], seed_bytes(STEMS[0], ".txt"), b"42\n"))
@example(seed=(STEMS[0], seed_bytes(STEMS[0], ".txt"), b"date_published: 2023-02-30\n"))
@example(seed=(STEMS[0], seed_bytes(STEMS[0], ".txt"), b"\xef\xbb\xbf\xe9: [\n"))
def test_mutated_metadata_loads_or_is_a_clear_error(seed):
    stem, _, yaml = seed
    with one_input("loaders: metadata", LIMIT), folder() as where:
        path = where / f"{stem}.meta.yaml"
        path.write_bytes(yaml)
        try:
            meta = load_meta(path)
        except InputError as exc:
            assert_clear(exc, str(path))
            return
        assert set(REQUIRED_META) <= set(meta)
        assert isinstance(meta["date_published"], date)
        assert not isinstance(meta["date_published"], datetime)


@fuzz_settings(120, deadline_s=10)
@given(seed=mutated_seed())
@example(seed=(STEMS[0], b"\xef\xbb\xbf", seed_bytes(STEMS[0], ".meta.yaml")))
@example(seed=(STEMS[0], b"caf\xe9 au lait.\n", seed_bytes(STEMS[0], ".meta.yaml")))
def test_mutated_seed_articles_load_or_are_a_clear_error(seed):
    stem, data, yaml = seed
    with one_input("loaders: seed articles", LIMIT), folder() as where:
        path = where / f"{stem}.txt"
        path.write_bytes(data)
        (where / f"{stem}.meta.yaml").write_bytes(yaml)
        try:
            article = load_article(path)
        except InputError as exc:
            assert_clear(exc, str(path), f"{where / stem}.meta.yaml")
            return
        check_article(article, data)


# -- hand mappings and the Turtle and TriG a build reads --------------------------------------


@fuzz_settings(60, deadline_s=10)
@given(seed=mutated_seed(meta=False), mapping=st.data())
def test_mutated_hand_mappings_load_or_are_a_clear_error(seed, mapping):
    """Either file mutated: the mapping's Turtle, or the article its quotes point into."""
    stem, data, yaml = seed
    turtle = (ROOT / "mappings" / "gold" / f"{stem}.ttl").read_bytes()
    if data == seed_bytes(stem, ".txt"):
        turtle = mapping.draw(mutated_bytes(turtle, max_steps=3), label="mapping")
    with one_input("loaders: hand mappings", LIMIT), folder() as where:
        (where / f"{stem}.txt").write_bytes(data)
        (where / f"{stem}.meta.yaml").write_bytes(yaml)
        gold = where / f"{stem}.ttl"
        gold.write_bytes(turtle)
        try:
            article = load_article(where / f"{stem}.txt")
            graph = load_gold(gold, article)
        except InputError as exc:
            assert_clear(exc, str(gold), str(where / stem))  # the mapping, text or metadata
            return
        assert not [s for s in graph.subjects() if isinstance(s, BNode)]
        for node, words in graph.subject_objects(DIP.text):
            begin, end = graph.value(node, DIP.beginIndex), graph.value(node, DIP.endIndex)
            assert article.text[int(begin) : int(end)] == str(words)
            assert graph.value(node, DIP.sentence) is not None


TURTLE_FILES = [
    ROOT / "mappings" / "entities.ttl",
    ROOT / "mappings" / "links" / "hand.ttl",
    ROOT / "mappings" / "gazetteer" / "organisations.ttl",
    ROOT / "ontology" / "diplo-align.ttl",
]


@fuzz_settings(80, deadline_s=10)
@given(source=st.sampled_from(TURTLE_FILES), data=st.data())
@example(source=TURTLE_FILES[0], data=None)
def test_mutated_turtle_parses_or_is_a_clear_error(source, data):
    turtle = source.read_bytes()
    turtle = data.draw(mutated_bytes(turtle), label="turtle") if data else turtle[:100]
    with one_input("loaders: Turtle", LIMIT), folder() as where:
        path = where / source.name
        path.write_bytes(turtle)
        for load in (parse_turtle, load_shapes):
            try:
                assert isinstance(load(path), Graph)
            except InputError as exc:
                assert_clear(exc, str(path))


@pytest.fixture(scope="module")
def small_build(built) -> bytes:
    """The graph.trig of a build of one article and the entities (small, quick to parse)."""
    names = [article_graph_iri(STEMS[0]), ENTITIES_GRAPH]
    return serialize_graphs(built.store, "trig", names)


@fuzz_settings(20, deadline_s=20)
@given(data=st.data())
def test_a_mutated_build_or_enrichment_file_reads_or_is_a_clear_error(small_build, data):
    trig = data.draw(mutated_bytes(small_build), label="graph.trig")
    with one_input("loaders: TriG", LIMIT), folder() as where:
        out = where / "out"
        out.mkdir()
        (out / GRAPH_FILE).write_bytes(trig)
        try:
            store = load_build(out, ROOT)
            assert store.graph_names()
        except InputError as exc:
            assert_clear(exc, str(out / GRAPH_FILE))
        (where / "mappings").mkdir()
        enrichment = where / "mappings" / ENRICHMENT_FILE
        enrichment.write_bytes(trig)
        try:
            assert isinstance(load_enrichment(where), Graph)
        except InputError as exc:
            assert_clear(exc, str(enrichment))


# -- rule files -------------------------------------------------------------------------------


@fuzz_settings(150, deadline_s=10)
@given(source=st.sampled_from(RULE_FILES), data=st.data())
def test_mutated_rule_files_read_or_are_a_clear_error(source, data):
    yaml = data.draw(mutated_bytes(source.read_bytes()), label="rule file")
    with one_input("loaders: rule files", LIMIT), folder() as where:
        path = where / source.name
        path.write_bytes(yaml)
        try:
            assert isinstance(read_rule_file(path), dict)
        except InputError as exc:
            assert_clear(exc, str(path))


@fuzz_settings(5, deadline_s=30)
@given(source=st.sampled_from(RULE_FILES), data=st.data())
def test_rules_with_a_mutated_file_compile_and_run_or_are_a_clear_error(source, data, layer):
    """The whole rule folder, one file mutated, compiled (no cache) and run on a seed."""
    yaml = data.draw(mutated_bytes(source.read_bytes(), max_steps=2), label="rule file")
    _, gazetteer = layer
    with (
        one_input("loaders: rule folders", LIMIT),
        folder() as where,
        mock.patch.dict(os.environ, {"DIPLOGRAPH_CACHE": "off"}),
    ):
        rules_dir = where / "rules"
        shutil.copytree(ROOT / "mappings" / "rules", rules_dir)
        (rules_dir / source.name).write_bytes(yaml)
        text = seed_bytes(STEMS[0], ".txt").decode("utf-8")
        try:
            rules = load_rules(rules_dir, ontology_file(ROOT))
            article = article_from_text(Path("seed.txt"), text, date(2023, 7, 27), rules)
            assert isinstance(extract_triples(article, rules, gazetteer), list)
        except InputError as exc:
            assert_clear(exc, str(rules_dir))
