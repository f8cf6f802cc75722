"""Shared fixtures: the project root, one in-memory build of the seeds, the rule layer."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.build import BuildResult, build
from diplograph.extract.workspace import rule_layer

ROOT = Path(__file__).resolve().parents[1]

# Fixture plugins (`pytest_plugins` in the tests that use them) hold no doctests: collected as
# doctest modules they would be imported before the tests register them, and their fixtures
# would go missing ("fixture 'empty_server' not found" in a whole-suite run).
collect_ignore = ["store_fixtures.py", "wikidata_fixtures.py"]


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root, which holds ontology/, seeds/, mappings/ and queries/."""
    return ROOT


@pytest.fixture(scope="session")
def built() -> BuildResult:
    """The graph built from the seeds, once per test session."""
    return build(ROOT)


@pytest.fixture(scope="session")
def layer():
    """The project's compiled rules and the gazetteer of its entities, once per session."""
    return rule_layer(ROOT)


def pytest_terminal_summary(terminalreporter) -> None:
    """How many inputs the property tests (tests/test_fuzz_*.py) tried, per test."""
    import sys

    fuzzing = sys.modules.get("fuzzing")
    for line in fuzzing.summary_lines() if fuzzing else []:
        terminalreporter.write_line(line)
