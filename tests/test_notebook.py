"""The notebook path of `import diplograph`: build, open, query, sparql, events, and the example
notebook docs/notebook.ipynb, whose code cells run in order with exactly their stored outputs.
Needs pandas and nbformat (the `test` extra)."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import nbformat
import pytest

import diplograph
from diplograph import api
from diplograph import built as built_module
from diplograph.api import ENTITY_COLUMNS, EVENT_COLUMNS, STATEMENT_COLUMNS, Project

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "docs" / "notebook.ipynb"
TALKS = "https://w3id.org/diplograph/id/event/talks/2023-07-26/kim-jong-un-sergei-shoigu"


@pytest.fixture
def seeds_store(built, monkeypatch):
    """Every project opens the session's in-memory build of the seeds; no project is current."""
    monkeypatch.setattr(built_module, "current_store", lambda root, out: (built.store, False))
    monkeypatch.setattr(api, "_current", [])
    return built.store


def _stdout(cell) -> str:
    """The text a code cell printed, as stored in the notebook."""
    return "".join(o["text"] for o in cell["outputs"] if o["output_type"] == "stream")


def test_the_example_notebook_runs_with_exactly_its_outputs(seeds_store, monkeypatch):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert len(cells) == 9
    monkeypatch.chdir(ROOT / "docs")
    namespace: dict = {}
    for number, cell in enumerate(cells, start=1):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(cell.source, f"{NOTEBOOK.name} cell {number}", "exec"), namespace)
        assert printed.getvalue() == _stdout(cell), f"cell {number}"
        assert cell.execution_count == number
    assert "Kim Jong Un; Sergei Shoigu | Pyongyang | 000_ec5e95d0bf243a61\n" in _stdout(cells[4])


def test_events_gives_one_row_per_event_article_and_sentence(seeds_store):
    events = Project(ROOT).events()
    assert tuple(events.columns) == EVENT_COLUMNS
    assert (len(events), events["event"].nunique()) == (77, 47)
    assert list(events.index) == list(range(77))
    talks = events[events["event"] == TALKS].to_dict("records")
    assert [row.pop("sentence") for row in talks] == [
        "Kim and Shoigu held a separate meeting the same day, where they discussed defense "
        "issues in a “cordial atmosphere overflowing with militant friendship”.",
        "Seoul, July 27 (IANS) North Korean leader Kim Jong-un has met official Russian and "
        "Chinese delegations that are visiting Pyongyang to attend celebrations for the 70th "
        "anniversary of the armistice of the 1950-53 Korean War, Pyongyang’s state media said "
        "on Thursday.",
        "The KCNA said the two sides “reached a consensus” on their views on the topics discussed.",
    ]
    assert talks == 3 * [
        {
            "kind": "talks",
            "date": date(2023, 7, 26),
            "parties": "Kim Jong Un; Sergei Shoigu",
            "place": "Pyongyang",
            "article": "000_ec5e95d0bf243a61",
            "modality": "happened",
            "event": TALKS,
        }
    ]
    dated = [d for d in events["date"] if d is not None]
    assert dated == sorted(dated) and events["date"].iloc[-1] is None
    assert sorted(events["modality"].unique()) == ["claimed", "denied", "expected", "happened"]


def test_entities_gives_type_label_qid_and_number_of_events(seeds_store):
    entities = diplograph.open(ROOT).entities()
    assert tuple(entities.columns) == ENTITY_COLUMNS
    assert len(entities) == 54 and entities["entity"].is_unique
    assert list(entities.index) == list(range(54))
    assert (entities["qid"].notna().sum(), entities["events"].sum()) == (22, 103)
    assert entities["type"].value_counts().sort_index().to_dict() == {
        "city": 5,
        "country": 8,
        "delegation": 4,
        "government body": 6,
        "materiel": 4,
        "news agency": 4,
        "organisation": 3,
        "person": 14,
        "place": 3,
        "political party": 3,
    }
    rows = entities.set_index("label").loc[["Kim Jong Un", "North Korea", "Pyongyang", "Seoul"]]
    assert rows.reset_index().to_dict("records") == [
        {
            "label": "Kim Jong Un",
            "type": "person",
            "qid": "Q56226",
            "events": 11,
            "entity": "https://w3id.org/diplograph/id/person/kim-jong-un",
        },
        {
            "label": "North Korea",
            "type": "country",
            "qid": "Q423",
            "events": 18,
            "entity": "https://w3id.org/diplograph/id/country/north-korea",
        },
        {
            "label": "Pyongyang",
            "type": "city",
            "qid": "Q18808",
            "events": 12,
            "entity": "https://w3id.org/diplograph/id/city/pyongyang",
        },
        {
            "label": "Seoul",
            "type": "city",
            "qid": "Q8684",
            "events": 0,
            "entity": "https://w3id.org/diplograph/id/city/seoul",
        },
    ]
    assert entities[entities["type"] == "delegation"]["qid"].tolist() == [None] * 4
    assert list(entities["type"]) == sorted(entities["type"])


def test_statements_gives_one_row_per_statement_article_and_sentence(seeds_store):
    statements = diplograph.open(ROOT).statements()
    assert tuple(statements.columns) == STATEMENT_COLUMNS
    assert (len(statements), statements["statement"].nunique()) == (21, 18)
    assert statements["kind"].value_counts().sort_index().to_dict() == {
        "accusation": 1,
        "criticism": 2,
        "denial": 1,
        "pledge of help": 2,
        "sanction threat": 1,
        "statement": 12,
        "statement of support": 2,
    }
    denial = statements[statements["kind"] == "denial"].drop(columns="sentence")
    assert denial.to_dict("records") == [
        {
            "kind": "denial",
            "speaker": "North Korea; Russia",
            "target": "",
            "content": "https://w3id.org/diplograph/id/event/military-aid/undated/north-korea-russia",
            "date": None,
            "modality": "happened",
            "article": "002_bb8ed0e65c7195c3",
            "statement": "https://w3id.org/diplograph/id/event/denial/undated/"
            "north-korea-russia-military-aid",
        }
    ]
    criticism = statements[statements["kind"] == "criticism"]
    assert criticism[["speaker", "target"]].drop_duplicates().values.tolist() == [
        ["United States Department of State", "North Korea; Russia"]
    ]
    assert statements["date"].tolist()[:3] == [date(2023, 7, 27), date(2023, 9, 13), None]
    assert statements["modality"].unique().tolist() == ["happened"]


def test_build_writes_the_build_folder_and_opens_it(built, seeds_store, monkeypatch, tmp_path):
    import diplograph.build as build_module

    monkeypatch.setattr(build_module, "build", lambda root: built)
    out = tmp_path / "out"
    project = diplograph.build(ROOT, out)  # the package attribute is now the module: callable
    assert isinstance(project, Project) and project.out == out
    assert project.summary == built.summary
    assert sorted(p.name for p in out.iterdir()) == [
        ".diplograph-build",
        "answers",
        "graph.trig",
        "manifest.json",
        "stamps.json",
        "state.pickle",
        "store",
        "summary.json",
        "validation.txt",
    ]
    assert api.current() is project
    assert list(diplograph.query("letters-delivered")["sender"]) == ["Vladimir Putin", "Xi Jinping"]
    opened = diplograph.open(out)  # a build folder outside the project: the current project's
    assert (opened.root, opened.out) == (ROOT, out)
    assert api.current() is opened


def test_open_finds_a_project_or_its_build_folder(seeds_store, tmp_path):
    assert diplograph.open(ROOT).root == ROOT
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "manifest.json").write_text("{}")
    assert diplograph.open(folder, root=ROOT).root == ROOT
    assert diplograph.sparql("ASK { ?visit a dip:Visit }") is True


def test_import_diplograph_loads_no_heavy_library():
    code = (
        "import sys, diplograph; heavy = ('rdflib', 'pandas', 'pyoxigraph', 'spacy');"
        "print([m for m in heavy if m in sys.modules], callable(diplograph.events))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[] True\n"


def test_an_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="module 'diplograph' has no attribute 'nothing'"):
        diplograph.nothing  # noqa: B018
