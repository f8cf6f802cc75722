"""Write tests/data/corpus/split.yaml: each annotated corpus article's split, by the seeded hash
of diplograph.quality.splits.assign (an article never changes split when others are added)."""

from __future__ import annotations

from pathlib import Path

import yaml

from diplograph.quality.splits import SPLITS, assign, corpus_dir, corpus_names

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Assign every annotated article and write the split file."""
    folder = corpus_dir(ROOT)
    names = corpus_names(folder)
    split = {name: [n for n in names if assign(n) == name] for name in SPLITS}
    header = "# Written by scripts/split_corpus.py (seeded hash; do not edit by hand).\n"
    text = header + yaml.safe_dump(split, sort_keys=False)
    (folder / "split.yaml").write_text(text, encoding="utf-8")
    print(", ".join(f"{name}: {len(split[name])}" for name in SPLITS))


if __name__ == "__main__":
    main()
