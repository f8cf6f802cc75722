"""Property-based tests of the rule layer (extract/pipeline.py): mutated seed and corpus
articles, word salads of their vocabulary and random text never crash it, never hang it, and
give either a clear InputError or a graph that the build would accept: the article's triples,
its rule layer and the entities conform to ontology/diplo-shapes.ttl and pass the QA checks
(ontology/checks/), and every quoted span is the text at its offsets.

The QA check for undeclared terms is slow in rdflib (0.6 s an input), so the same question is
asked in Python: every dip: term the graph uses is declared in the ontology.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from fuzzing import (
    CORPUS,
    PUNCTUATION,
    SEEDS,
    assert_clear,
    fuzz_settings,
    mutated,
    one_input,
    read,
    word_salad,
)
from hypothesis import example, given
from hypothesis import strategies as st
from rdflib import OWL, RDF, Graph, Literal, URIRef

from diplograph.articles import article_triples
from diplograph.build import SHAPES_FILE, load_entities, load_ontology
from diplograph.errors import InputError
from diplograph.extract.clean import article_from_text
from diplograph.extract.pipeline import extract_triples
from diplograph.namespaces import DIP
from diplograph.validate import format_report, load_shapes, run_checks, validate

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = date(2023, 7, 27)
CORPUS_DIR = ROOT / "tests" / "data" / "corpus"
A06 = "a06-russia-iran-china-naval-drills-chabahar.txt"
D03 = "d03-kim-jong-un-meets-zhao-leji.txt"
NO_PUNCTUATION = {ord(c): None for c in PUNCTUATION}
LIMIT = 60.0  # seconds an input may take before it counts as a hang
DECLARED_KINDS = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)


class Checker:
    """What the build checks a rule layer against: shapes, QA checks, declared terms."""

    def __init__(self, checks: Path, layer: tuple) -> None:
        self.rules, self.gazetteer = layer
        self.ontology = load_ontology(ROOT)
        self.shapes = load_shapes(ROOT / "ontology" / SHAPES_FILE)
        self.entities, _ = load_entities(ROOT)
        self.checks = checks
        self.declared = {
            s for kind in DECLARED_KINDS for s in self.ontology.subjects(RDF.type, kind)
        }

    def __repr__(self) -> str:
        return "Checker(the project's rules, gazetteer, shapes and checks)"

    def problems(self, text: str, published: date | None) -> list[str]:
        """Map a text as `build` maps a new article; the problems the build would report (an
        empty list for a clean graph or a clear InputError)."""
        rules, gazetteer = self.rules, self.gazetteer
        path = Path("fuzzed.txt")
        try:
            article = article_from_text(path, text, published, rules)
        except InputError as exc:
            assert_clear(exc, str(path))
            return []
        graph = article_triples(article)
        for triple in extract_triples(article, rules, gazetteer):
            graph.add(triple)
        problems = [_offsets(graph, article.text), _undeclared(graph, self.declared)]
        data = graph + self.entities
        report = validate(data, self.ontology, self.shapes)
        if not report.conforms:
            problems.append(format_report(report))
        rows = run_checks(data, self.ontology, self.checks)
        problems += [f"{row.component}: {row.focus} {row.message}" for row in rows]
        return [p for p in problems if p]


def _offsets(graph: Graph, text: str) -> str:
    """Quoted spans that are not the article's text at their offsets."""
    wrong = []
    for node, words in graph.subject_objects(DIP.text):
        begin, end = graph.value(node, DIP.beginIndex), graph.value(node, DIP.endIndex)
        if begin is None or end is None or text[int(begin) : int(end)] != str(words):
            wrong.append(f"{node}: {begin}..{end} is not {str(words)!r}")
    return "\n".join(sorted(wrong))


def _undeclared(graph: Graph, declared: set) -> str:
    """dip: terms the graph uses (as a property or a class) that the ontology lacks."""
    used = {p for _, p, _ in graph} | set(graph.objects(None, RDF.type))
    ours = {t for t in used if isinstance(t, URIRef) and t.startswith(str(DIP))}
    missing = sorted(ours - declared)
    return "undeclared terms: " + ", ".join(missing) if missing else ""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory, layer) -> Checker:
    """The shapes and checks of the project; the QA checks but the slow undeclared-term one."""
    checks = tmp_path_factory.mktemp("checks")
    for path in (ROOT / "ontology" / "checks").glob("*-violation.rq"):
        if path.name != "undeclared-term-violation.rq":
            shutil.copy(path, checks / path.name)
    return Checker(checks, layer)


def test_the_checker_sees_what_the_build_sees(checker):
    """The checker is not blind: a clean article passes, and the problems the build would
    report are found (a quoted span moved, a term the ontology lacks, an untyped agent)."""
    text = (ROOT / "seeds" / "000_ec5e95d0bf243a61.txt").read_text(encoding="utf-8")
    assert checker.problems(text, PUBLISHED) == []
    assert sorted(p.name for p in checker.checks.glob("*.rq")) == [
        "date-out-of-interval-violation.rq",
        "deprecated-without-replacement-violation.rq",
        "event-class-without-code-violation.rq",
        "event-without-source-violation.rq",
        "term-without-label-violation.rq",
    ]
    graph = Graph()
    node = URIRef("https://w3id.org/diplograph/id/attestation/x")
    graph.add((node, DIP.text, Literal("North")))
    graph.add((node, DIP.beginIndex, Literal(1)))
    graph.add((node, DIP.endIndex, Literal(6)))
    assert _offsets(graph, "North Korea") == (
        "https://w3id.org/diplograph/id/attestation/x: 1..6 is not 'North'"
    )
    assert _offsets(graph, " North Korea") == ""
    graph.add((node, RDF.type, URIRef(str(DIP) + "Delgation")))
    assert _undeclared(graph, checker.declared) == (
        "undeclared terms: https://w3id.org/diplograph/ontology#Delgation"
    )


@fuzz_settings(40, deadline_s=30)
@given(source=mutated(SEEDS + CORPUS), dated=st.booleans())
@example(source=("empty", ""), dated=True)
@example(source=("a06 as it is", read(CORPUS_DIR / A06)), dated=False)  # found: 'the Russian side'
@example(  # found: "Workers Party of Korea" without its apostrophe, a second English label
    source=("d03 without punctuation", read(CORPUS_DIR / D03).translate(NO_PUNCTUATION)),
    dated=True,
)
@example(source=("bom", "\ufeff date 2023-07-27 Kim met Putin."), dated=False)
def test_mutated_articles_give_a_valid_rule_layer_or_a_clear_error(checker, source, dated):
    name, text = source
    with one_input("rule layer: mutated articles", LIMIT):
        problems = checker.problems(text, PUBLISHED if dated else None)
    assert problems == [], f"{name} mutated:\n" + "\n".join(problems)


@fuzz_settings(12, deadline_s=30)
@given(text=word_salad(SEEDS + CORPUS))
def test_word_salads_give_a_valid_rule_layer(checker, text):
    with one_input("rule layer: word salads", LIMIT):
        problems = checker.problems(text, PUBLISHED)
    assert problems == [], "\n".join(problems)


@fuzz_settings(12, deadline_s=30)
@given(text=st.text(max_size=2_000))
def test_random_text_gives_a_valid_rule_layer(checker, text):
    with one_input("rule layer: random text", LIMIT):
        problems = checker.problems(text, PUBLISHED)
    assert problems == [], "\n".join(problems)
