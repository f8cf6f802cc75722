"""Extract cache: what `diplograph extract` printed for one article, kept on disk, so that
extracting an unchanged article again under unchanged rules prints it without loading spaCy,
rdflib or the rules (issue 10, "Start-up").

Reads the article, its .meta.yaml and the project's rule layer inputs (only to hash them); reads
and writes <cache folder>/extract-<digest>.pickle (the folder of cache.py; DIPLOGRAPH_CACHE=off
turns it off). The digest covers the project folder, the article's resolved path and the bytes
of its text and metadata, the --date and --format options, every rule file, the ontology, every
input of the gazetteer (paths.gazetteer_inputs), the versions of spaCy, its lookup tables,
rdflib, pyoxigraph and PyYAML (read from their installed metadata, without importing them) and,
through cache.digest, the package's own code (the output passes through no store, so the
engine is not part of it). An extraction that logged a warning is not kept, so that
the warning is printed every time; an extraction that failed is never kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from importlib import metadata
from pathlib import Path

from diplograph import cache, paths
from diplograph.seeds import meta_path
from diplograph.vocabulary import ontology_file

NAME = "extract"
KEEP = 32  # outputs kept: the last few articles a user extracted
LIBRARIES = ("spacy", "spacy-lookups-data", "rdflib", "pyoxigraph", "PyYAML")


def output_key(root: Path, article: Path, published: date | None, fmt: str) -> str | None:
    """The digest of everything one `extract` output is made from (None: caching is off, or an
    input cannot be read and the extraction will say which)."""
    if cache.folder() is None:
        return None
    try:
        versions = [f"{name}={_version(name)}" for name in LIBRARIES]
        rules = sorted(paths.rules_dir(root).glob("*.yaml"))
        files = [article.resolve(), meta_path(article.resolve()), *rules, ontology_file(root)]
        files += paths.gazetteer_inputs(root)
        stated = [str(root.resolve()), published.isoformat() if published else "-", fmt]
        return cache.digest(*versions, *stated, *(_present(f) for f in files))
    except OSError:
        return None


def _version(name: str) -> str:
    """The installed version of a distribution ("-" when it is not installed)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _present(path: Path) -> Path | str:
    """A file to hash, or the mark of a file that does not exist (a .meta.yaml may not)."""
    return path if path.is_file() else f"{path}: absent"


def extract_output(key: str | None, make: Callable[[], bytes]) -> bytes:
    """The output kept under `key`, else make it and keep it when no warning was logged."""
    if key is not None:
        found = cache.load(NAME, key, bytes)
        if found is not None:
            return found
    watch = _Warnings()
    logger = logging.getLogger("diplograph")
    logger.addHandler(watch)
    try:
        output = make()
    finally:
        logger.removeHandler(watch)
    if key is not None and not watch.seen:
        cache.store(NAME, key, output, keep=KEEP)
    return output


class _Warnings(logging.Handler):
    """Notes whether a warning or an error was logged."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        """Note the record."""
        self.seen = True
