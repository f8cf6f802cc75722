"""Corpus splits: which corpus articles are dev (rules are written against them) and which are
test (only their figures are read), and running the rule layer on a split.

Reads tests/data/corpus/ (NAME.txt, NAME.expected.yaml, split.yaml); writes a CorpusScore. An
article's split is fixed by a seeded hash of its name (`assign`), so adding articles never moves
an old one; `split.yaml` records the assignment and a test checks that it follows the hash.
The dev split has two halves by another seeded hash (`half`): dev-a, whose misses are read while
rules are written, and dev-b, whose figures only are read, like the test split's, so that a
rule's reach beyond the text it was written against shows before the test split is measured.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import yaml

from diplograph.errors import InputError
from diplograph.quality.corpus import CorpusScore, add, load_expected, score_article

SEED = "diplograph-corpus-2026"
SPLITS = ("dev", "test")
HALF_SEED = "devab44"  # session 44's halves of dev (docs/measured/rule-layer.md)
HALVES = ("dev-a", "dev-b")


def corpus_dir(root: Path) -> Path:
    """The folder of the development corpus."""
    return root / "tests" / "data" / "corpus"


def assign(name: str) -> str:
    """The split of an article, from a seeded hash of its name (one in three is test).

    >>> assign("a01-reuters-qatar-mediation") in SPLITS
    True
    """
    digest = hashlib.sha256(f"{SEED}:{name}".encode()).digest()
    return "test" if int.from_bytes(digest[:8], "big") % 3 == 0 else "dev"


def half(name: str) -> str:
    """The half of the dev split an article falls in, from a seeded hash of its name. The hash
    knows nothing of the splits: a test article gets a half too, so halve only the dev split's
    names (`only_half` does; a list of every article halved here mixes test articles into
    dev-a, as a helper's script did in session 45).

    >>> half("a01-qatar-gaza-truce-deal"), half("a03-france-azerbaijan-diplomat-expulsions")
    ('dev-a', 'dev-b')
    """
    digest = hashlib.sha256(f"{HALF_SEED}:{name}".encode()).digest()
    return HALVES[digest[0] % 2]


def corpus_names(folder: Path) -> list[str]:
    """The corpus articles that have an annotation, sorted."""
    return sorted(
        p.stem for p in folder.glob("*.txt") if (folder / f"{p.stem}.expected.yaml").is_file()
    )


def load_split(folder: Path) -> dict[str, list[str]]:
    """The recorded split: split name -> article names."""
    path = folder / "split.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the corpus split: {exc}") from exc
    if not isinstance(data, dict) or set(data) - set(SPLITS):
        raise InputError(f"{path}: a split file maps {' and '.join(SPLITS)} to article names")
    return {name: sorted(data.get(name) or []) for name in SPLITS}


def split_names(folder: Path, split: str) -> list[str]:
    """The articles of a split (dev, test) or of a half of dev (dev-a, dev-b)."""
    if split in HALVES:
        return [name for name in load_split(folder)["dev"] if half(name) == split]
    return load_split(folder)[split]


def score_split(root: Path, split: str) -> CorpusScore:
    """Run the rule layer on every article of a split and score it against the annotations."""
    from diplograph.extract import extract_article
    from diplograph.extract.clean import input_article
    from diplograph.extract.workspace import rule_layer
    from diplograph.quality.evaluate import participant_roles
    from diplograph.vocabulary import ontology_file

    folder = corpus_dir(root)
    names = split_names(folder, split)
    rules, gazetteer = rule_layer(root)
    roles = participant_roles(ontology_file(root))
    total = CorpusScore()
    for name in names:
        path = folder / f"{name}.txt"
        article = input_article(path, None, rules)
        graph = extract_article(article, rules, gazetteer)
        expected = load_expected(folder / f"{name}.expected.yaml")
        labels, names = gazetteer.labels, gazetteer.names
        add(total, score_article(name, article.text, graph, expected, labels, roles, names))
    return total


def only_half(score: CorpusScore, wanted: str) -> CorpusScore:
    """The score with its misses, false alarms and wrong places or dates kept for the articles
    of one half of dev only (each line starts with its article's name); the figures whole."""

    def mine(lines: list[str]) -> list[str]:
        """The lines of the wanted half's articles."""
        return [line for line in lines if half(line.split(":", 1)[0]) == wanted]

    alarms, wrong = mine(score.false_alarms), mine(score.wrong)
    return replace(score, misses=mine(score.misses), false_alarms=alarms, wrong=wrong)
