"""Start-up: the CLI imports the heavy libraries inside the commands that use them, so that
`diplograph --help` loads none of them; `python -m diplograph` still works; options whose
choices live in a stage module list them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from diplograph.cli import ENGINES, cli
from diplograph.cli_wikidata import link
from diplograph.export import FORMATS, LAYERS
from diplograph.output import RESULT_FORMATS
from diplograph.store import ENGINES as STORE_ENGINES
from diplograph.wikidata import ENDPOINT_ENV

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "rdflib", "pyshacl", "owlrl", "SPARQLWrapper", "yaml", "pyoxigraph")


def _python(*args: str) -> subprocess.CompletedProcess:
    """Run this Python in a fresh process, from the repository."""
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_importing_the_cli_loads_no_heavy_library():
    code = "import sys, diplograph.cli; print(' '.join(m for m in %r if m in sys.modules))"
    result = _python("-c", code % (HEAVY,))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_python_m_diplograph_prints_help():
    result = _python("-m", "diplograph", "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage: diplograph" in result.stdout or "Usage: python -m diplograph" in result.stdout
    for command in ("build", "extract", "query", "export", "link"):
        assert command in result.stdout


def test_choices_read_from_their_modules_are_listed_and_checked():
    runner = CliRunner()
    query_help = runner.invoke(cli, ["query", "--help"]).output
    assert f"[{'|'.join(RESULT_FORMATS)}]" in query_help
    export_help = runner.invoke(cli, ["export", "--help"]).output
    assert f"[{'|'.join((*FORMATS, 'quickstatements'))}]" in export_help.replace("\n", "")
    assert all(layer in export_help for layer in LAYERS)
    wrong = runner.invoke(cli, ["--root", str(ROOT), "export", "--format", "rdfxml"])
    assert wrong.exit_code == 2 and "'rdfxml' is not one of" in wrong.output


def test_the_endpoint_help_names_the_variable_the_code_reads():
    (endpoint,) = [p for p in link.params if p.name == "endpoint"]
    assert f"${ENDPOINT_ENV}" in endpoint.help


def test_the_engine_option_lists_the_stores_engines():
    assert ENGINES == STORE_ENGINES
    assert "[oxigraph|rdflib]" in CliRunner().invoke(cli, ["--help"]).output
    wrong = CliRunner().invoke(cli, ["--engine", "jena", "queries"])
    assert wrong.exit_code == 2 and "'jena' is not one of" in wrong.output
