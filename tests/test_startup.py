"""Start-up: the CLI imports the heavy libraries inside the commands that use them, so that
`diplograph --help` loads none of them and `diplograph query` on a build folder loads no rdflib
(answers as SPARQL JSON terms from the Oxigraph store); `python -m diplograph` still works;
options whose choices live in a stage module list them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import ENGINES, cli
from diplograph.cli_wikidata import link
from diplograph.export import FORMATS, LAYERS
from diplograph.output import RESULT_FORMATS
from diplograph.store import ENGINES as STORE_ENGINES
from diplograph.wikidata import ENDPOINT_ENV

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "spacy",
    "rdflib",
    "pyshacl",
    "owlrl",
    "SPARQLWrapper",
    "yaml",
    "pyoxigraph",
    "werkzeug",
    "waitress",
)


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


def test_a_build_imports_pyshacl_only_when_the_gate_finds_something():
    """The build's modules do not import pySHACL (0.25 s of a cold build): validation imports it
    where the fast SHACL gate finds a result, which a conforming build never does."""
    code = "import sys, diplograph.build, diplograph.validate; print('pyshacl' in sys.modules)"
    result = _python("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


LOADED = """
import sys
from diplograph.cli import main
sys.argv = ["diplograph", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    code = done.code
sys.stderr.write("loaded: " + " ".join(m for m in %r if m in sys.modules) + "\\n")
sys.stderr.write("exit: %%s\\n" %% code)
"""


def _loaded(*args: str) -> tuple[str, list[str]]:
    """What a command prints, and the last two lines it writes on stderr: the heavy libraries
    it loaded, and its exit code."""
    result = _python("-c", LOADED % (HEAVY,), *args)
    return result.stdout, result.stderr.splitlines()[-2:]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_stored_query_on_a_build_folder_loads_only_what_its_engine_needs(seeds_out, engine):
    args = ("--engine", engine, "--root", str(ROOT), "query", "letters-delivered")
    output, (loaded, code) = _loaded(*args, "--out", str(seeds_out))
    assert code == "exit: 0"
    assert output.splitlines()[-1] == "(2 rows)"
    assert "Kim Jong Un  2023-07-26" in output
    # rdflib reads graph.trig; the rdflib engine's SPARQL answers from its own graph; on
    # Oxigraph a whole-list query reads the answer the build precomputed: no engine at all
    assert loaded == ("loaded: " if engine == "oxigraph" else "loaded: rdflib")
    output, (loaded, code) = _loaded(*args, "--out", str(seeds_out), "--no-inference")
    assert code == "exit: 0" and output.splitlines()[-1] == "(2 rows)"  # run live
    assert loaded == ("loaded: pyoxigraph" if engine == "oxigraph" else "loaded: rdflib")


def test_the_listing_commands_load_no_heavy_library():
    for args in (("--help",), ("--root", str(ROOT), "queries"), ("query", "--help")):
        output, (loaded, code) = _loaded(*args)
        assert (loaded, code) == ("loaded: ", "exit: 0"), args
        assert output


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


def test_python_m_diplograph_runs_one_command_importing_the_cli_does_not():
    """`python -m diplograph` (and the console script, the same `main`) says that the process
    runs one command and exits; a process that imports the CLI (tests, notebooks) does not."""
    code = (
        "import atexit, sys\n"
        "import diplograph.startup as s\n"
        "import diplograph.cli\n"
        "before = s.runs_once()\n"
        "atexit.register(lambda: sys.stderr.write(f'once: {before} {s.runs_once()}\\n'))\n"
        "sys.argv = ['diplograph', '--help']\n"
        "from diplograph.__main__ import main\n"
        "main()\n"
    )
    result = _python("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "once: False True"


LEAVING = """
import atexit, os, sys
atexit.register(lambda: print("exit handlers ran"))
os._exit = lambda code, leave=os._exit: (print(f"left with {code}", flush=True), leave(code))
if sys.argv[1] == "writing":
    from diplograph.store import OxigraphStore
    kept = OxigraphStore(__import__("pathlib").Path(sys.argv[2]))  # open for writing to the end
sys.argv = ["diplograph", *sys.argv[3:]]
from diplograph.__main__ import main
main()
"""


@pytest.mark.parametrize(
    ("case", "args", "left"),
    [
        ("done", ["--help"], "left with 0"),
        ("error", ["query", "no-such-query"], "left with 2"),
        ("writing", ["--help"], None),  # an on-disk store open for writing: the usual exit
    ],
)
def test_a_finished_command_leaves_without_the_teardown_unless_a_store_is_open(
    tmp_path, case, args, left
):
    """The process exits by os._exit once the command is done, after its exit handlers and
    with its output flushed; with an on-disk store still open for writing it exits the usual
    way (the teardown closes the store)."""
    result = _python("-c", LEAVING, case, str(tmp_path / "store"), "--root", str(ROOT), *args)
    lines = result.stdout.splitlines()
    assert "exit handlers ran" in lines, result.stderr
    if left:
        assert lines[-1] == left and result.returncode == int(left.split()[-1])
    else:
        assert not [line for line in lines if line.startswith("left with")]
        assert result.returncode == 0


@pytest.mark.parametrize(
    ("once", "read"), [(False, False), (False, True), (True, False), (True, True)]
)
def test_settle_collects_before_freezing_unless_a_one_command_process_read_the_rules(
    monkeypatch, once, read
):
    """The compiled rules are frozen either way; the full collection before (which walks every
    object of the process) is left out where the process exits after its command and read the
    rules from the cache (a compilation leaves garbage in cycles: rdflib's graphs)."""
    import gc

    from diplograph import startup
    from diplograph.extract.lifetime import settle

    calls: list[str] = []
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append("collect") or 0)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setitem(startup._ONCE, "run", once)
    settle(read)
    assert calls == (["freeze"] if once and read else ["collect", "freeze"])


def test_the_rules_settle_before_the_collector_runs_again(monkeypatch):
    """The compiled rules and the gazetteer are frozen while the collector is still paused: its
    first pass after the pause would otherwise walk all of them (130,000 objects)."""
    import gc

    from diplograph.extract import workspace

    seen: list[bool] = []
    monkeypatch.setattr(workspace, "READ", {})
    monkeypatch.setattr(workspace, "settle", lambda *read: seen.append(gc.isenabled()))
    workspace.rule_layer(ROOT)
    assert seen == [False]


def test_a_value_kept_per_rule_set_is_made_paused_and_frozen_in_a_one_command_process(
    monkeypatch,
):
    """What the gazetteer keeps per rule set (the lexicon, the figures) is made with the
    collector paused; a process that runs one command freezes it before the collector runs."""
    import gc
    from types import SimpleNamespace

    from diplograph import startup
    from diplograph.extract.gazetteer import per_rules

    class Rules:
        """A stand-in rule set (per_rules keys its values by the rule set's identity)."""

    seen: list[tuple[str, bool]] = []
    monkeypatch.setattr(gc, "freeze", lambda: seen.append(("freeze", gc.isenabled())))
    monkeypatch.setitem(startup._ONCE, "run", True)
    enabled = gc.isenabled()

    def make() -> int:
        seen.append(("make", gc.isenabled()))
        return 42

    made = per_rules(SimpleNamespace(cache={}), "value", Rules(), make)
    assert made == 42
    assert seen == [("make", False), ("freeze", False)]
    assert gc.isenabled() == enabled
