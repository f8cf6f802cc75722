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


def test_readme_virtuoso_commands_use_the_files_the_tests_start_virtuoso_with():
    section = README[
        README.index("### Virtuoso and Fuseki") : README.index("### Scaling, measured")
    ]
    fixtures = ROOT / "tests" / "fixtures" / "virtuoso"
    statements = [
        line
        for line in (fixtures / "grant-update.sql").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("--")
    ]
    assert statements == [
        'GRANT SPARQL_UPDATE TO "SPARQL";',
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);",
    ]
    for statement in statements:
        assert f"`{statement}`" in " ".join(section.split()), statement
    fixture = (ROOT / "tests" / "virtuoso_fixtures.py").read_text(encoding="utf-8")
    assert '["virtuoso-t", "+foreground", "+configfile", str(ini)]' in fixture
    assert "virtuoso-t +foreground +configfile /tmp/virtuoso/virtuoso.ini" in section
    assert "isql-vt 1111 dba dba tests/fixtures/virtuoso/grant-update.sql" in section
    ini = (fixtures / "virtuoso.ini").read_text(encoding="utf-8")
    assert {"{folder}", "{sql_port}", "{http_port}"} <= set(re.findall(r"\{\w+\}", ini))


def test_the_fuseki_configuration_in_docs_gives_a_union_default_graph_and_the_three_urls():
    scaling = (ROOT / "docs" / "scaling.md").read_text(encoding="utf-8")
    text = re.search(r"```turtle\n(PREFIX fuseki:.+?)\n```", scaling, re.S).group(1)
    graph = Graph().parse(data=text, format="turtle")
    fuseki = "http://jena.apache.org/fuseki#"
    tdb2 = "http://jena.apache.org/2016/tdb#"
    rows = graph.query(
        "SELECT ?name ?op WHERE { ?s f:name 'ds' ; f:endpoint [ f:operation ?op ; f:name ?name ] }"
        " ORDER BY ?name",
        initNs={"f": fuseki},
    )
    assert [(str(n), str(o).removeprefix(fuseki)) for n, o in rows] == [
        ("data", "gsp-rw"),
        ("query", "query"),
        ("update", "update"),
    ]
    union = graph.query(
        "ASK { ?d a t:DatasetTDB2 ; t:location 'DB' ; t:unionDefaultGraph true }",
        initNs={"t": tdb2},
    )
    assert union.askAnswer
    section = README[
        README.index("### Virtuoso and Fuseki") : README.index("### Scaling, measured")
    ]
    for url in ("3030/ds/data --prune", "3030/ds/query --format csv", "3030/ds/update"):
        assert f"http://127.0.0.1:{url}" in section, url
