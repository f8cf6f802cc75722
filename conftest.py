"""Doctest namespace: `seeds`, the repository's own project (the seed articles), whose store is
built on first use, once per session, for the notebook examples in src/diplograph/api.py."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent


@pytest.fixture(scope="session", autouse=True)
def _seeds_for_doctests(doctest_namespace) -> None:
    """Put the seeds' Project into every doctest's namespace (nothing is built until used)."""
    from diplograph.api import Project

    doctest_namespace["seeds"] = Project(ROOT)
