"""Documentation that cannot drift: the README's commands, examples and lists match the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, Graph

from diplograph import built as built_module
from diplograph.cli import cli
from diplograph.namespaces import DIP
from diplograph.output import to_table
from diplograph.queries import get_query, load_queries, run_query

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CHEATSHEET = (ROOT / "docs" / "sparql-cheatsheet.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```sparql\n(.+?)\n```\s*```text\n(.+?)\n```", CHEATSHEET, re.S)


def _setup_command(name: str) -> str:
    """The shell command in the README block marked <!-- setup-command:NAME -->."""
    match = re.search(rf"<!-- setup-command:{name} -->\s*```sh\n(.+?)\n```", README, re.S)
    assert match, f"README lacks the setup-command:{name} block"
    return match.group(1).strip()


def test_readme_has_the_two_setup_commands():
    assert _setup_command("build").startswith("python3 -m pip install -e . && diplograph build")
    assert "pytest" in _setup_command("test")


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "setup-command:test" in script
    assert "-eq 5" in script


def test_readme_documents_every_command_and_query():
    for command in cli.commands:
        assert f"diplograph {command}" in README, command
    for query in load_queries(ROOT / "queries"):
        assert query.name in README, query.name


def test_readme_example_output_is_real(built):
    result = run_query(built.store, get_query(ROOT / "queries", "letters-delivered"), {})
    for line in to_table(result).splitlines():
        assert line.rstrip() in README


def test_ontology_readme_lists_every_class():
    text = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    ontology = Graph().parse(ROOT / "ontology" / "diplo.ttl")
    for cls in ontology.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(str(DIP._NS)):
            assert f"dip:{str(cls).split('#')[-1]}" in text, cls


def test_decision_records_exist():
    names = {p.name for p in (ROOT / "docs" / "decisions").glob("*.md")}
    for topic in ("provenance-mechanism", "iri-scheme", "engine-seam", "wikidata-link-property"):
        assert any(topic in name for name in names), topic


def test_cheatsheet_has_five_examples_each_with_its_answer():
    assert CHEATSHEET.count("```sparql") == len(EXAMPLES) == 5
    assert "[SPARQL cheat sheet](docs/sparql-cheatsheet.md)" in README


@pytest.mark.parametrize("inference", [True, False], ids=["inferred", "asserted-only"])
@pytest.mark.parametrize(("query", "answer"), EXAMPLES, ids=[f"example-{i}" for i in range(1, 6)])
def test_cheatsheet_example_answers_exactly(built, monkeypatch, query, answer, inference):
    monkeypatch.setattr(built_module, "current_store", lambda root, out: (built.store, False))
    flags = [] if inference else ["--no-inference"]
    args = ["--root", str(ROOT), "query", "-", "--format", "csv", *flags]
    result = CliRunner().invoke(cli, args, input=query)
    assert result.exit_code == 0, result.output
    assert result.stdout == answer + "\n"
