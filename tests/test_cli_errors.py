"""Every error of the CLI is one line on stderr and an exit code, never a traceback (unless
--debug): a refused system call, an interrupt at start-up or mid-build, a run outside any
project. Interrupts are real SIGINTs, or a KeyboardInterrupt raised by an import hook at the
moment the CLI module is imported (start-up is too short to hit with a timer)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
INTERRUPT_AT_IMPORT = """
import sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "diplograph.cli":
            raise KeyboardInterrupt
sys.meta_path.insert(0, Interrupt())
sys.argv = ["diplograph", "--help"]
from diplograph.__main__ import main
main()
"""


@pytest.fixture()
def broken_queries(tmp_path: Path) -> Path:
    """A project whose queries/ holds a folder named like a query: reading it fails (EISDIR)."""
    shutil.copytree(ROOT / "queries", tmp_path / "queries")
    (tmp_path / "queries" / "broken.rq").mkdir()
    return tmp_path


def test_a_refused_system_call_is_one_line_and_exit_2(broken_queries):
    result = CliRunner().invoke(cli, ["--root", str(broken_queries), "queries"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {broken_queries}/queries/broken.rq: Is a directory\n"


def test_an_unexpected_error_is_one_line_and_points_at_debug(broken_queries, monkeypatch):
    def fail(folder: Path) -> list:
        raise ValueError("boom")

    monkeypatch.setattr("diplograph.queries.list_queries", fail)
    result = CliRunner().invoke(cli, ["--root", str(broken_queries), "queries"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: unexpected ValueError: boom (run with --debug for the traceback)\n"
    )


def test_debug_reraises_with_the_traceback(broken_queries):
    result = CliRunner().invoke(cli, ["--debug", "--root", str(broken_queries), "queries"])
    assert isinstance(result.exception, IsADirectoryError) and result.stderr == ""
    result = CliRunner().invoke(cli, ["--debug", "--root", str(ROOT), "query", "../x"])
    assert isinstance(result.exception, InputError)


def test_outside_any_project_is_an_error_saying_what_to_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIPLOGRAPH_HOME", raising=False)
    result = CliRunner().invoke(cli, ["queries"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path}: not inside a diplograph project (no ontology/diplo.ttl or "
        "mappings/entities.ttl here or above); use --root or DIPLOGRAPH_HOME\n"
    )


@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["build", "--help"], ["query", "--help"]]
)
def test_help_and_version_need_no_project(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIPLOGRAPH_HOME", raising=False)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("raised", "code", "line"),
    [
        ("KeyboardInterrupt", 130, "error: interrupted\n"),
        ("__import__('diplograph.errors').errors.Terminated", 143, "error: terminated\n"),
    ],
    ids=["SIGINT", "SIGTERM"],
)
def test_an_interrupt_at_start_up_is_one_line_and_its_exit_code(raised, code, line):
    script = INTERRUPT_AT_IMPORT.replace("raise KeyboardInterrupt", f"raise {raised}")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stderr, run.stdout) == (code, line, "")


def test_an_interrupt_during_a_build_is_one_line_exit_130_and_leaves_nothing(tmp_path):
    for folder in ("ontology", "seeds", "mappings", "queries"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    # every corpus article: a build of many seconds even with every article cached (30 took
    # under 2.5 s on a quiet machine, so the interrupt came after the build had ended)
    for article in sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt")):
        shutil.copy(article, tmp_path / "seeds")
    command = [sys.executable, "-m", "diplograph", "--root", str(tmp_path), "build"]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # heard in background runs
    )
    time.sleep(2.5)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr, stdout) == (130, "error: interrupted\n", "")
    assert not (tmp_path / "out").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-")]


def test_the_console_script_starts_through_the_guarded_entry_point():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"diplograph": "diplograph.__main__:main"}


def test_a_build_into_a_read_only_place_is_one_line_and_exit_2(tmp_path):
    for folder in ("ontology", "seeds", "mappings", "queries"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    out = "/sys/diplograph-build-test"
    result = CliRunner().invoke(cli, ["--root", str(tmp_path), "build", "--out", out])
    assert result.exit_code == 2, result.output
    assert result.stderr == "error: /sys/.diplograph-build-test.lock: Permission denied\n"
    assert not Path(out).exists()


def test_a_build_run_from_another_folder_reads_the_project_given_by_root(tmp_path):
    """Every path comes from --root: nothing is read from the working directory, not even when
    the rule layer is imported (it once read ontology/diplo.ttl from there at import time)."""
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    for folder in ("ontology", "seeds", "mappings", "queries"):
        shutil.copytree(ROOT / folder, project / folder)
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "DIPLOGRAPH_HOME"}
    env["PYTHONPATH"] = str(ROOT / "src")
    command = [sys.executable, "-m", "diplograph", "--root", str(project), "build"]
    run = subprocess.run(command, cwd=elsewhere, env=env, capture_output=True, text=True)
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.splitlines()[0] == f"diplograph build -> {project / 'out'}"
    assert "  validation           conforms (0 violation(s))" in run.stdout.splitlines()
    assert (project / "out" / "graph.trig").is_file() and not list(elsewhere.iterdir())


BAD_DATE = """
<event/meeting/undated/a-meeting-with-a-bad-date>
    a dip:Meeting ;
    rdfs:label "Meeting: Kim Jong Un, Sergei Shoigu"@en ;
    dip:earliestDate "2023-13-01"^^xsd:date ;
    dip:latestDate "2023-07-30"^^xsd:date ;
    dip:participant <person/kim-jong-un> , <person/sergei-shoigu> .
"""


def test_an_ill_formed_date_in_a_hand_mapping_is_one_line_naming_it_and_exit_2(tmp_path):
    """A date pySHACL cannot compare (month 13 under sh:lessThanOrEquals) stops the build with
    one line naming the file, the node, the property and the value; nothing is written, and no
    rdflib traceback is printed."""
    for folder in ("ontology", "seeds", "mappings", "queries"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    gold = tmp_path / "mappings" / "gold" / "000_ec5e95d0bf243a61.ttl"
    gold.write_text(gold.read_text(encoding="utf-8") + BAD_DATE, encoding="utf-8")
    command = [sys.executable, "-m", "diplograph", "--root", str(tmp_path), "build"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert (run.returncode, run.stderr) == (
        2,
        "error: mappings/gold/000_ec5e95d0bf243a61.ttl: "
        "<https://w3id.org/diplograph/id/event/meeting/undated/a-meeting-with-a-bad-date> "
        'dip:earliestDate "2023-13-01"^^<http://www.w3.org/2001/XMLSchema#date> is not a '
        "well-formed xsd:date: SHACL validation cannot compare it (pySHACL: '<=' not supported "
        "between instances of 'Literal' and 'Literal')\n",
    )
    assert not (tmp_path / "out").exists()
