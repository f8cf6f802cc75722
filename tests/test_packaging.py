"""The wheel is self-contained: it carries the ontology and shapes (with the QA checks), the
stored queries, the rules and the reference gazetteer as package data, and, installed in a
fresh virtual environment, builds and queries a project created outside any checkout."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = {
    "ontology": ("ontology", ("*.ttl", "checks/*.rq")),
    "queries": ("queries", ("*.rq", "federated/*.rq", "view/*.rq")),
    "rules": ("mappings/rules", ("*.yaml",)),
    "gazetteer": ("mappings/gazetteer", ("*.ttl",)),
}
SEED = "000_ec5e95d0bf243a61"
ENV = {"PATH": "/usr/bin:/bin", "DIPLOGRAPH_CACHE": "off", "LANG": "C.UTF-8"}


def _expected_data() -> list[str]:
    """The package data files the wheel must hold: every file of the four data folders."""
    names = []
    for name, (source, patterns) in DATA.items():
        for pattern in patterns:
            for path in (ROOT / source).glob(pattern):
                names.append(f"diplograph/data/{name}/{path.relative_to(ROOT / source)}")
    return sorted(names)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from pyproject.toml, as `pip wheel --no-deps` builds it."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (found,) = folder.glob("diplograph-*.whl")
    return found


def test_the_wheel_holds_the_ontology_queries_rules_and_gazetteer(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    data = sorted(n for n in names if n.startswith("diplograph/data/"))
    assert data == _expected_data()
    assert len(data) == 65
    for name in (
        "diplograph/data/ontology/diplo.ttl",
        "diplograph/data/ontology/diplo-align.ttl",
        "diplograph/data/ontology/diplo-shapes.ttl",
        "diplograph/data/ontology/checks/undeclared-term-violation.rq",
        "diplograph/data/queries/letters-delivered.rq",
        "diplograph/data/queries/view/network-edges.rq",
        "diplograph/data/rules/kinds.yaml",
        "diplograph/data/gazetteer/world.ttl",
    ):
        assert name in data, name
    assert "diplograph/wikidata/queries/candidates.rq" in names
    for name in ("notebook-queries/entities.rq", "notebook-queries/statements.rq"):
        assert f"diplograph/{name}" in names, name
    assert "diplograph/push-queries/store-graphs.rq" in names
    assert "diplograph/date-words.yaml" in names  # the date resolver's words (dates.py)
    vendored = sorted(n for n in names if n.startswith("diplograph/vendor/"))
    assert vendored == [
        "diplograph/vendor/LICENSE-cytoscape.txt",
        "diplograph/vendor/VENDORED.md",
        "diplograph/vendor/cytoscape-3.35.0.min.js",
    ]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python of a fresh venv (seeing the system's packages) with the wheel installed, once
    per module: the tests only run it, each in a folder of its own. The venv gets no pip of its
    own (ensurepip costs more than the rest of the install): this Python's pip installs into it
    (`pip --python`, pip 22.3 or later)."""
    env = tmp_path_factory.mktemp("installed") / "venv"
    venv.create(env, system_site_packages=True, with_pip=False)
    python = env / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps"]
        + ["--no-index", "--force-reinstall", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
        env=ENV,
    )
    return python


@pytest.fixture(scope="module")
def venv_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of the installed wheel's commands: ENV with a cache folder of this
    module's own, empty at first (never the user's), so the rules and the gazetteer the first
    build compiles from the wheel's data are read back by the later commands."""
    return {**ENV, "DIPLOGRAPH_CACHE": str(tmp_path_factory.mktemp("venv-cache"))}


def test_the_installed_wheel_builds_a_project_outside_a_checkout(installed, tmp_path, venv_env):
    python = installed
    project = tmp_path / "project"
    (project / "mappings").mkdir(parents=True)
    (project / "seeds").mkdir()
    for suffix in (".txt", ".meta.yaml"):
        shutil.copy(ROOT / "seeds" / f"{SEED}{suffix}", project / "seeds")
    shutil.copy(ROOT / "mappings" / "entities.ttl", project / "mappings")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [python, "-m", "diplograph", *args],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=600,
            env=venv_env,
        )

    where = subprocess.run(
        [python, "-c", "import diplograph.paths as p; print(p.DATA)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert where.returncode == 0, where.stderr
    assert where.stdout.strip().startswith(str(python.parents[1]))
    built = run("build")
    assert built.returncode == 0, built.stderr
    assert "articles             1" in built.stdout
    assert "mapped by rules only 1 article(s)" in built.stdout
    listed = run("queries")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count("\n    params: ") == 24
    answer = run("query", "letters-delivered", "--format", "csv")
    assert answer.returncode == 0, answer.stderr
    event = "https://w3id.org/diplograph/id/event/letter-delivery/2023-07-26/"
    assert answer.stdout.splitlines() == [
        "sender,carrier,recipient,date,event",
        f"Vladimir Putin,Sergei Shoigu,Kim Jong Un,2023-07-26,{event}"
        "vladimir-putin-sergei-shoigu-kim-jong-un",
        f"Xi Jinping,Li Hongzhong,Kim Jong Un,2023-07-26,{event}"
        "xi-jinping-li-hongzhong-kim-jong-un",
    ]
    site = run("view")
    assert site.returncode == 0, site.stderr
    letter = "event.letter-delivery.2023-07-26.xi-jinping-li-hongzhong-kim-jong-un.html"
    assert (project / "out" / "view" / "event" / letter).is_file()
    cytoscape = (project / "out" / "view" / "vendor" / "cytoscape-3.35.0.min.js").read_bytes()
    assert hashlib.sha256(cytoscape).hexdigest() == (
        "71fa9ebec21a7ca2c40cff6aacc30d1f6464e363662ad4b2c197e1adc770cd94"
    )


def test_the_installed_wheel_inits_a_project_that_builds(installed, tmp_path, venv_env):
    python = installed
    project = tmp_path / "project"
    article = tmp_path / "article.txt"
    text = (ROOT / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    article.write_text(f"date 2023-07-27\n{text}", encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [python, "-m", "diplograph", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=600,
            env=venv_env,
        )

    made = run("init", "project")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("wrote 67 files to project;")
    again = run("init", "project")
    assert again.returncode == 2
    assert again.stderr == (
        f"error: {project}: not empty; diplograph init needs a new or empty folder\n"
    )
    added = run("--root", "project", "add", str(article))
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines()[-1] == "1 article(s) added, 0 already in seeds/"
    built = run("--root", "project", "build")
    assert built.returncode == 0, built.stderr
    assert "articles             1" in built.stdout
    assert "validation           conforms (0 violation(s))" in built.stdout
    assert (project / "out" / "graph.trig").is_file()
