"""Article cache: the rule layer's output for one article, kept on disk between builds, so that a
build maps again only the articles that changed (issue 10).

Reads and writes <cache folder>/articles/rules-<digest>.pickle (the folder and digest of cache.py:
DIPLOGRAPH_CACHE=off turns it off too). The digest of an article covers its stem, the bytes of its
text, its .meta.yaml and its hand mapping, and the project's part: the rule files, the ontology,
every input of the gazetteer (mappings/ but the rules and the hand layer, and mappings/gazetteer/),
the spaCy and rdflib versions, and (through cache.digest) the package's code. Only a rule layer
that ran to the end is kept: a time-out, a lack of memory or an error is tried again next build.
Entries are not pruned per name, as the other cache entries are: there is one per article.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from diplograph import cache, paths
from diplograph.gold import gold_path
from diplograph.seeds import Article

NAME = "articles/rules"  # the entries live in a folder of their own


@dataclass(frozen=True)
class ArticleCache:
    """The cache of one project's rule layer: its project-wide digest."""

    root: Path
    project: str

    def key(self, article: Article) -> str | None:
        """The digest of one article's inputs (None when a file cannot be read: no caching)."""
        meta = article.path.with_suffix(".meta.yaml")
        gold = gold_path(paths.mappings_dir(self.root), article.stem)
        try:
            parts = [_file_digest(article.path), _file_digest(meta), _file_digest(gold)]
        except OSError:
            return None
        return cache.digest(self.project, article.stem, *parts)

    def load(self, key: str | None) -> list | None:
        """The rule layer kept under that key, if any."""
        return None if key is None else cache.load(NAME, key, list)

    def store(self, key: str | None, triples: list) -> None:
        """Keep one article's rule layer under its key."""
        if key is not None:
            cache.store(NAME, key, triples, keep=None)


def _file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, or "-" for a file that does not exist."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"


def project_cache(root: Path) -> ArticleCache | None:
    """The article cache of a project (None when caching is off or an input cannot be read)."""
    if cache.folder() is None:
        return None
    import rdflib

    from diplograph.vocabulary import ontology_file

    rules = sorted(paths.rules_dir(root).glob("*.yaml"))
    files = [*rules, ontology_file(root), *paths.gazetteer_inputs(root)]
    try:
        named = [f"{f.relative_to(root).as_posix()}:{_file_digest(f)}" for f in files]
    except (OSError, ValueError):
        return None
    project = cache.digest(metadata.version("spacy"), rdflib.__version__, *named)
    return ArticleCache(root, project)
