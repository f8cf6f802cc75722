"""Seeds: copied byte for byte, with metadata, and sentences whose offsets are exact."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

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
