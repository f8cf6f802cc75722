"""Incremental build (issue 10): a build folder brought up to date with the articles that were
added, edited or removed, doing again only those articles and what they touch across articles,
with the outputs a full build writes (build.py stays the oracle; tests/test_incremental.py
compares the two).

The package: `state` (what a build leaves for the next one), `changes` (which articles changed,
or why a full build is needed), `affected` (validation of the nodes a change touches),
`entailing` (inference by difference), `figures` (the summary), `trigfile` (graph.trig by
blocks) and `run` (the stages). See docs/decisions/20261203-incremental-build.md.
"""

from __future__ import annotations

from typing import Any

__all__ = ["STATE_FILE", "FullBuildNeeded", "incremental_build"]


def __getattr__(name: str) -> Any:
    """The package's names, imported on first use (build.py imports `state`, and `run` imports
    build.py)."""
    if name == "incremental_build":
        from diplograph.incremental.run import incremental_build

        return incremental_build
    if name == "FullBuildNeeded":
        from diplograph.incremental.changes import FullBuildNeeded

        return FullBuildNeeded
    if name == "STATE_FILE":
        from diplograph.incremental.state import STATE_FILE

        return STATE_FILE
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
