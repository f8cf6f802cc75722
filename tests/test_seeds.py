"""Seeds: copied byte for byte, with metadata, and sentences whose offsets are exact."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.errors import InputError
from diplograph.seeds import load_article, load_articles, segment

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "seeds"
ARTICLES = load_articles(ROOT / "seeds")


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_seeds_are_byte_for_byte_copies():
    originals = sorted(SHARED.glob("*.txt"))
    assert [p.name for p in originals] == [a.path.name for a in ARTICLES]
    for original in originals:
        assert (ROOT / "seeds" / original.name).read_bytes() == original.read_bytes()


def test_metadata_dates_and_outlets():
    meta = {a.stem[:3]: a.meta for a in ARTICLES}
    assert meta["000"]["date_published"] == date(2023, 7, 27)
    assert meta["000"]["outlet"] == "IANS" and meta["000"]["dateline_place"] == "city/seoul"
    assert meta["002"]["date_published"] == date(2023, 7, 26)
    assert "inferred" in meta["002"]["date_evidence"]
    assert meta["002"]["author"] == "Esha Saxena Mandala"
    assert meta["004"]["date_published"] == date(2023, 9, 14)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.stem)
def test_sentence_offsets_are_exact(article):
    assert article.sentences
    for sentence in article.sentences:
        assert article.text[sentence.begin : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_sentence_counts():
    assert [len(a.sentences) for a in ARTICLES] == [14, 23, 15]


def test_boilerplate_is_cut_out():
    article = ARTICLES[1]
    texts = [s.text for s in article.sentences]
    assert "Must read" not in texts and "Latest article" not in texts
    assert not any("Esha Saxena Mandala" in t for t in texts)
    assert ARTICLES[2].sentences[0].text.startswith("Russian President Vladimir Putin")
    assert ARTICLES[2].sentences[0].begin == 17


def test_segmenter_keeps_abbreviations_and_splits_sentences():
    text = "Pvt King ran. The Soviet Union had also supported it. Mr. Kim said so."
    assert [s.text for s in segment(text)] == [
        "Pvt King ran.",
        "The Soviet Union had also supported it.",
        "Mr. Kim said so.",
    ]


def test_a_line_longer_than_a_sentence_can_be_is_cut_into_pieces():
    clause = "the two leaders held talks, "  # 28 characters
    text = "Putin met Xi and " + clause * 80  # 2,257 characters, no full stop
    pieces = [s.text for s in segment(text)]
    assert [len(p) for p in pieces] == [996, 979, 279]
    assert all(p.endswith(",") for p in pieces[:-1])
    assert "".join(p + " " for p in pieces).rstrip() == text.rstrip()


def test_segmenter_keeps_month_abbreviations_and_initials():
    text = "They signed it on Jan. 1 in Addis Ababa. Xi met K.P. Sharma Oli. He left."
    assert [s.text for s in segment(text)] == [
        "They signed it on Jan. 1 in Addis Ababa.",
        "Xi met K.P. Sharma Oli.",
        "He left.",
    ]


def _seed(tmp_path: Path, text: str, meta: str | None) -> Path:
    """Write a seed and (optionally) its metadata into a temporary folder."""
    path = tmp_path / "900_test.txt"
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        (tmp_path / "900_test.meta.yaml").write_text(meta, encoding="utf-8")
    return path


GOOD_META = "outlet: X\ndate_published: 2023-07-27\ndate_evidence: stated\nlanguage: en\n"


def test_missing_metadata_is_an_error(tmp_path):
    with pytest.raises(InputError, match="900_test.meta.yaml: metadata file missing"):
        load_article(_seed(tmp_path, "Kim met Putin.", None))


def test_incomplete_metadata_names_the_fields(tmp_path):
    with pytest.raises(InputError, match="missing metadata field\\(s\\): date_evidence, language"):
        load_article(_seed(tmp_path, "Kim met Putin.", "outlet: X\ndate_published: 2023-07-27\n"))


def test_malformed_metadata_is_an_error(tmp_path):
    with pytest.raises(InputError, match="malformed YAML"):
        load_article(_seed(tmp_path, "Kim met Putin.", "outlet: [unclosed\n"))


def test_empty_article_is_an_error(tmp_path):
    with pytest.raises(InputError, match="900_test.txt: the article is empty"):
        load_article(_seed(tmp_path, "  \n", GOOD_META))


def test_undecodable_article_is_an_error(tmp_path):
    path = _seed(tmp_path, "x", GOOD_META)
    path.write_bytes(b"\xff\xfe\xfa bad")
    with pytest.raises(InputError, match="cannot read article as UTF-8"):
        load_article(path)


def test_boilerplate_that_is_not_in_the_text_is_an_error(tmp_path):
    meta = GOOD_META + "boilerplate:\n  - Subscribe now\n"
    with pytest.raises(InputError, match="boilerplate text not found.*Subscribe now"):
        load_article(_seed(tmp_path, "Kim met Putin.", meta))


def _copy_seed(stem: str, folder: Path, text: bytes) -> Path:
    """Write a seed's text (as given) and its metadata into a folder; the text's path."""
    path = folder / f"{stem}.txt"
    path.write_bytes(text)
    meta = ROOT / "seeds" / f"{stem}.meta.yaml"
    (folder / meta.name).write_bytes(meta.read_bytes())
    return path


def _stored(path: Path) -> str:
    """The file's text as stored: UTF-8, line ends untouched, a leading BOM dropped."""
    return path.read_bytes().decode("utf-8").removeprefix("\ufeff")


@pytest.mark.parametrize("stem", [a.stem for a in ARTICLES])
def test_crlf_offsets_count_the_file_as_stored(tmp_path, stem):
    lf = ROOT / "seeds" / f"{stem}.txt"
    path = _copy_seed(stem, tmp_path, lf.read_bytes().replace(b"\n", b"\r\n"))
    article, before = load_article(path), load_article(lf)
    assert article.text == _stored(path) and "\r\n" in article.text
    for sentence in article.sentences:
        assert _stored(path)[sentence.begin : sentence.end] == sentence.text
    assert [s.text for s in article.sentences] == [s.text for s in before.sentences]
    assert article.boilerplate == before.boilerplate


def test_a_bom_is_dropped_and_offsets_count_the_text_after_it(tmp_path):
    stem = ARTICLES[0].stem
    path = _copy_seed(
        stem, tmp_path, b"\xef\xbb\xbf" + (ROOT / "seeds" / f"{stem}.txt").read_bytes()
    )
    article = load_article(path)
    assert not article.text.startswith("\ufeff")
    assert article.sentences == ARTICLES[0].sentences


# -- metadata and seed files a user gets wrong: one line naming the file, and the exit code --

TEXT = "Wang Yi arrived in Moscow on Monday.\n"
META_LINES = ["outlet: X", "date_published: 2023-07-27", "date_evidence: stated", "language: en"]


@pytest.fixture()
def small_project(tmp_path: Path) -> Path:
    """A project with the ontology, the entities and no rules: a seed is read within a second."""
    shutil.copytree(ROOT / "ontology", tmp_path / "ontology")
    (tmp_path / "mappings").mkdir()
    shutil.copy(ROOT / "mappings" / "entities.ttl", tmp_path / "mappings")
    (tmp_path / "seeds").mkdir()
    return tmp_path


def _write_seed(project: Path, meta: bytes, name: str = "900_test") -> Path:
    """A seed article with the given metadata bytes."""
    (project / "seeds" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (project / "seeds" / f"{name}.meta.yaml").write_bytes(meta)
    return project / "seeds" / f"{name}.meta.yaml"


def _meta(*replace: tuple[int, str]) -> bytes:
    """The good metadata with some lines replaced or added (index, line)."""
    lines = list(META_LINES)
    for index, line in replace:
        lines[index : index + 1] = [line]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _build(project: Path):
    """Run `diplograph build` on a project."""
    return CliRunner().invoke(cli, ["--root", str(project), "build"])


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        (
            _meta((1, "date_published: 2023-02-30")),
            r"900_test.meta.yaml:2:17: malformed YAML: 2023-02-30 is not a valid date \(day is "
            r"out of range for month\)",
        ),
        (b"42\n", r"900_test.meta.yaml: metadata must be a mapping of `field: value` lines, not "),
        (
            _meta((0, "outlet: Caf\xe9 Press")).replace("é".encode(), b"\xe9"),
            r"900_test.meta.yaml:1: not UTF-8 text: byte 0xe9 at offset 11 \(perhaps Latin-1",
        ),
        (
            _meta((4, "boilerplate: 5")),
            r"900_test.meta.yaml:5: boilerplate must be a list of exact strings .*, not 5$",
        ),
        (
            _meta((1, "date_published: 2023-07-27T10:00:00")),
            r"900_test.meta.yaml:2: date_published must be a date \(YYYY-MM-DD\), not a date "
            r"and time \(2023-07-27T10:00:00\)",
        ),
        (
            _meta((1, "date_publised: 2023-07-27")),
            r"900_test.meta.yaml: missing metadata field\(s\): date_published \(misspelt: "
            r"'date_publised'\?\)",
        ),
        (_meta((3, "language: [en, fr]")), r"900_test.meta.yaml:4: language must be text"),
        (b"outlet: [unclosed\n", r"900_test.meta.yaml:2:1: malformed YAML: "),
    ],
    ids=[
        "impossible-date",
        "not-a-mapping",
        "latin-1",
        "boilerplate-number",
        "date-and-time",
        "misspelt-required",
        "wrong-type",
        "bad-yaml",
    ],
)
def test_bad_metadata_is_one_line_naming_the_file_and_exit_2(small_project, meta, message):
    path = _write_seed(small_project, meta)
    result = _build(small_project)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path.parent}/")
    assert re.search(message, lines[0]), lines[0]
    assert not (small_project / "out").exists()


def test_a_seed_name_with_a_space_is_refused_before_the_build(small_project, monkeypatch):
    _write_seed(small_project, _meta(), name="900 test")
    called = []
    monkeypatch.setattr("diplograph.build.article_triples", lambda a: called.append(a))
    result = _build(small_project)
    assert result.exit_code == 2
    assert "900 test.txt: a seed's file name may hold only ASCII letters" in result.stderr
    assert not called and not (small_project / "out").exists()


@pytest.mark.parametrize(
    ("setup", "warning"),
    [
        (
            lambda p: _write_seed(p, _meta((1, "date_published: 2999-01-01"))),
            r"900_test.meta.yaml:2: date_published 2999-01-01 is in the future",
        ),
        (
            lambda p: _write_seed(p, _meta((4, "headlin: Talks"))),
            r"900_test.meta.yaml:5: unknown metadata field 'headlin' \(did you mean 'headline'\?\)",
        ),
        (
            lambda p: _write_seed(p, _meta((4, "outlet: Y"))),
            r"900_test.meta.yaml:5: field 'outlet' given twice \(lines 1 and 5\); the last one",
        ),
        (
            lambda p: (p / "seeds" / "901_upper.TXT").write_text(TEXT, encoding="utf-8"),
            r"seeds/901_upper.TXT: not read: seed articles end in lower-case .txt",
        ),
        (
            lambda p: (p / "seeds" / "901_gone.txt").symlink_to(p / "nowhere.txt"),
            r"seeds/901_gone.txt: not read: a symbolic link to a missing file",
        ),
    ],
    ids=["future-date", "misspelt-field", "duplicate-field", "upper-case-suffix", "dangling-link"],
)
def test_what_the_build_works_around_is_a_warning_on_stderr(small_project, setup, warning):
    _write_seed(small_project, _meta())
    setup(small_project)
    result = _build(small_project)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1 and re.search(warning, warnings[0]), result.stderr
