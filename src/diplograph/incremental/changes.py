"""Incremental build, what changed: the articles whose files differ from the build folder's, or
why the project must be built in full.

Reads the state a build left (state.py) and the project's input files (manifest.py). Only an
article's own files may differ: seeds/STEM.txt, seeds/STEM.meta.yaml and mappings/gold/STEM.ttl
(added, changed or removed). Anything else (a rule file, the ontology, the shapes, a QA check,
the entities, a link table, the gazetteer, the Wikidata facts), another version of the package
or its libraries, or other limits means a full build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from diplograph.incremental.stamps import stamped_digests
from diplograph.incremental.state import State, environment

_ARTICLE_FILE = re.compile(r"seeds/([^/]+?)(?:\.txt|\.meta\.yaml)|mappings/gold/([^/]+)\.ttl")


@dataclass(frozen=True)
class Changes:
    """The articles to do again (by stem, sorted) and the digests of the inputs now."""

    stems: tuple[str, ...]
    inputs: dict[str, str]


class FullBuildNeeded(Exception):
    """The build folder cannot be brought up to date by parts: why (`quiet`: the full build will
    fail with the error itself, so the reason is not worth a line of its own)."""

    def __init__(self, reason: str, quiet: bool = False) -> None:
        super().__init__(reason)
        self.quiet = quiet


def article_stem(name: str) -> str | None:
    """The stem of the article an input file belongs to (None: a project file).

    >>> article_stem("seeds/001_ab.meta.yaml"), article_stem("mappings/rules/visits.yaml")
    ('001_ab', None)
    """
    match = _ARTICLE_FILE.fullmatch(name)
    return None if match is None else match.group(1) or match.group(2)


def changed_articles(root: Path, state: State | None) -> Changes:
    """The articles whose files changed since the build that left `state`; FullBuildNeeded if
    anything else changed."""
    if state is None:
        raise FullBuildNeeded("the build folder has no incremental state")
    if state.environment != environment():
        raise FullBuildNeeded("the package, its libraries or the limits changed")
    inputs = stamped_digests(root, state.inputs, state.stamps)
    names = {n for n in inputs.keys() | state.inputs.keys() if inputs.get(n) != state.inputs.get(n)}
    stems = set()
    for name in sorted(names):
        stem = article_stem(name)
        if stem is None:
            raise FullBuildNeeded(f"{name} changed")
        stems.add(stem)
    settled = {*state.ledger.by_shape, *state.ledger.by_conflict}
    for item in state.quarantined:  # unreadable, or a rule layer that failed: tried again
        if item.graph_name not in settled:
            stems.add(item.stem)
    return Changes(tuple(sorted(stems)), inputs)
