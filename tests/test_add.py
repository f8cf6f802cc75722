"""`diplograph add`: a folder, CSV or JSONL of articles into seeds/, all or nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from diplograph.add import add_articles, read_records
from diplograph.articles import article_triples
from diplograph.cli import cli
from diplograph.errors import InputError
from diplograph.iris import article_iri
from diplograph.meta import load_meta
from diplograph.namespaces import SCHEMA
from diplograph.seeds import load_article

KIM = "Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday.\r\nThey talked about “ties”."
RECORDS = [
    {
        "text": KIM,
        "published": "2023-07-26T09:00:00Z",
        "outlet": "KCNA",
        "title": "Kim meets Shoigu",
        "url": "https://example.org/news/kim-shoigu?id=1",
        "dateline": "Pyongyang, July 26",
    },
    {"text": "Putin accepted the invitation.", "date": "2023-09-14", "title": "Kim meets Shoigu"},
]


def _project(tmp_path: Path) -> Path:
    """A project folder with an empty seeds folder."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "mappings").mkdir()
    (tmp_path / "mappings" / "entities.ttl").write_text("")
    return tmp_path


def _jsonl(path: Path, records: list[dict]) -> Path:
    """Write records as JSON Lines."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


def _files(folder: Path) -> dict[str, bytes]:
    """Every file of a folder by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_jsonl_file_becomes_seed_articles_with_their_metadata(tmp_path):
    seeds = _project(tmp_path) / "seeds"
    source = _jsonl(tmp_path / "news.jsonl", RECORDS)
    planned = add_articles(source, seeds)
    assert [(p.stem, p.present) for p in planned] == [
        ("2023-07-26_kim-meets-shoigu", False),
        ("2023-09-14_kim-meets-shoigu", False),
    ]
    assert sorted(_files(seeds)) == [
        "2023-07-26_kim-meets-shoigu.meta.yaml",
        "2023-07-26_kim-meets-shoigu.txt",
        "2023-09-14_kim-meets-shoigu.meta.yaml",
        "2023-09-14_kim-meets-shoigu.txt",
    ]
    assert (seeds / "2023-07-26_kim-meets-shoigu.txt").read_bytes() == KIM.encode("utf-8")
    assert (seeds / "2023-07-26_kim-meets-shoigu.meta.yaml").read_text() == (
        "# Metadata of seed 2023-07-26_kim-meets-shoigu.txt, added by `diplograph add` from "
        "news.jsonl, record 1 (line 1).\n"
        "headline: Kim meets Shoigu\n"
        "outlet: KCNA\n"
        "author: null\n"
        "date_published: 2023-07-26\n"
        "date_evidence: the `date` field of news.jsonl, record 1\n"
        "dateline: Pyongyang, July 26\n"
        "language: en\n"
        "url: https://example.org/news/kim-shoigu?id=1\n"
        "boilerplate: []\n"
    )
    article = load_article(seeds / "2023-07-26_kim-meets-shoigu.txt")
    assert [s.text for s in article.sentences] == [
        "Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday.",
        "They talked about “ties”.",
    ]
    graph = article_triples(article)
    node = article_iri("2023-07-26_kim-meets-shoigu")
    assert list(graph.objects(node, SCHEMA.url)) == [
        URIRef("https://example.org/news/kim-shoigu?id=1")
    ]


def test_adding_the_same_source_twice_adds_nothing(tmp_path):
    seeds = _project(tmp_path) / "seeds"
    source = _jsonl(tmp_path / "news.jsonl", RECORDS)
    add_articles(source, seeds)
    before = _files(seeds)
    again = add_articles(source, seeds)
    assert [p.present for p in again] == [True, True]
    assert _files(seeds) == before


def test_a_name_taken_by_another_text_gets_a_number(tmp_path):
    seeds = _project(tmp_path) / "seeds"
    (seeds / "2023-07-26_kim-meets-shoigu.txt").write_text("Another article.")
    (seeds / "2023-07-26_kim-meets-shoigu-2.txt").write_text("A third one.")
    records = [RECORDS[0], {**RECORDS[0], "text": "A different text.", "name": None}]
    planned = add_articles(_jsonl(tmp_path / "news.jsonl", records), seeds)
    assert [p.stem for p in planned] == [
        "2023-07-26_kim-meets-shoigu-3",
        "2023-07-26_kim-meets-shoigu-4",
    ]


def test_a_csv_with_quoted_line_breaks_and_aliases(tmp_path):
    seeds = _project(tmp_path) / "seeds"
    source = tmp_path / "news.csv"
    source.write_text(
        'headline,date_published,text,url,stem\n"Putin, Kim",2023-09-13,"Putin met Kim.\n'
        'They talked.",https://example.org/p,\n\n'
        "Second,2023-09-14,Kim left.,,seoul-1\n",
        newline="",
    )
    planned = add_articles(source, seeds)
    assert [(p.stem, p.record.line, p.text) for p in planned] == [
        ("2023-09-13_putin-kim", 2, "Putin met Kim.\nThey talked."),
        ("seoul-1", 5, "Kim left."),
    ]
    meta = load_meta(seeds / "seoul-1.meta.yaml")
    assert (meta["headline"], meta["url"], meta["date_published"]) == (
        "Second",
        None,
        date(2023, 9, 14),
    )


def test_a_folder_of_texts_dated_by_their_marker(tmp_path):
    seeds = _project(tmp_path) / "seeds"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "Putin Visit.txt").write_text(" date 2023-09-14 \nPutin accepted.\n")
    (folder / "notes.md").write_text("not an article")
    (planned,) = add_articles(folder, seeds)
    assert planned.stem == "2023-09-14_putin-visit"
    meta = load_meta(seeds / "2023-09-14_putin-visit.meta.yaml")
    assert (meta["date_published"], meta["date_evidence"], meta["boilerplate"]) == (
        date(2023, 9, 14),
        "the leading `date` marker",
        ["date 2023-09-14"],
    )
    article = load_article(seeds / "2023-09-14_putin-visit.txt")
    assert [s.text for s in article.sentences] == ["Putin accepted."]


BAD = [
    ('{"text": "x", "date": "2023-02-30"}', "news.jsonl:2: record 2: date '2023-02-30' is not "),
    ('{"text": "x"}', "news.jsonl:2: record 2: no publication date: give a `date` field"),
    ('{"text": " ", "date": "2023-01-02"}', "news.jsonl:2: record 2: no text"),
    ('{"text": "x", "date": "July 2023"}', "news.jsonl:2: record 2: date 'July 2023' is not a"),
    ('{"text": "x", "date": "2023-01-02", "url": "example.org"}', "record 2: url 'example.org'"),
    ('{"text": "x", "date": "2023-01-02", "name": "a b"}', "record 2: name 'a b' may hold"),
    ('{"text": 3, "date": "2023-01-02"}', "news.jsonl:2: record 2: field 'text' must be text"),
    ('{"text": "x", "date": "2023-01-02"', "news.jsonl:2: record 2: malformed JSON: "),
    ('["x"]', "news.jsonl:2: record 2: a record is a JSON object, not list"),
]


@pytest.mark.parametrize(("line", "message"), BAD, ids=[m for _, m in BAD])
def test_a_bad_record_names_file_line_and_record_and_nothing_is_written(tmp_path, line, message):
    seeds = _project(tmp_path) / "seeds"
    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps(RECORDS[1]) + "\n" + line + "\n")
    with pytest.raises(InputError) as caught:
        add_articles(source, seeds)
    assert str(caught.value).startswith(f"{tmp_path}/")
    assert message in str(caught.value)
    assert _files(seeds) == {}


def test_several_sources_at_once_all_or_nothing(tmp_path):
    seeds = _project(tmp_path) / "seeds"
    single = tmp_path / "Wang Yi.txt"
    single.write_text("Wang Yi arrived in Moscow.")
    good = _jsonl(tmp_path / "news.jsonl", RECORDS[:1])
    planned = add_articles([single, good], seeds, date(2024, 5, 10), dry_run=True)
    assert [p.stem for p in planned] == ["2024-05-10_wang-yi", "2023-07-26_kim-meets-shoigu"]
    assert _files(seeds) == {}
    bad = _jsonl(tmp_path / "bad.jsonl", [{"text": "x", "date": "2023-13-01"}])
    with pytest.raises(InputError, match=r"bad\.jsonl:1: record 1: date '2023-13-01'"):
        add_articles([single, good, bad], seeds, date(2024, 5, 10))
    assert _files(seeds) == {}
    add_articles([single, good], seeds, date(2024, 5, 10))
    assert load_meta(seeds / "2024-05-10_wang-yi.meta.yaml")["date_evidence"] == (
        "given with `diplograph add --date`"
    )


def test_bad_csv_files(tmp_path):
    source = tmp_path / "news.csv"
    source.write_text("title,date\nA,2023-01-02\n")
    with pytest.raises(InputError, match=r"news\.csv:1: the header names no `text` column"):
        read_records(source)
    source.write_text("text,date\nA,2023-01-02,extra\n")
    with pytest.raises(
        InputError, match=r"news\.csv:2: record 1: 3 field\(s\), the header names 2"
    ):
        read_records(source)


def test_an_explicit_name_taken_by_another_text_is_an_error(tmp_path):
    seeds = _project(tmp_path) / "seeds"
    (seeds / "kim.txt").write_text("Another article.")
    source = _jsonl(tmp_path / "news.jsonl", [{**RECORDS[0], "name": "kim"}])
    with pytest.raises(InputError, match="record 1: name 'kim' is taken by another article"):
        add_articles(source, seeds)


def test_the_cli_dry_run_lists_and_writes_nothing(tmp_path):
    root = _project(tmp_path)
    source = _jsonl(tmp_path / "news.jsonl", RECORDS)
    runner = CliRunner()
    dry = runner.invoke(cli, ["--root", str(root), "add", str(source), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert dry.output == (
        "to add            seeds/2023-07-26_kim-meets-shoigu.txt  (news.jsonl:1) Kim meets Shoigu\n"
        "to add            seeds/2023-09-14_kim-meets-shoigu.txt  (news.jsonl:2) Kim meets Shoigu\n"
        "2 article(s) to add, 0 already in seeds/\n"
    )
    assert _files(root / "seeds") == {}
    done = runner.invoke(cli, ["--root", str(root), "add", str(source)])
    assert done.exit_code == 0 and done.output.endswith("2 article(s) added, 0 already in seeds/\n")
    assert len(_files(root / "seeds")) == 4


def test_the_cli_exits_2_with_one_line_on_a_bad_record(tmp_path):
    root = _project(tmp_path)
    source = tmp_path / "news.jsonl"
    source.write_text('{"text": "x"}\n')
    result = CliRunner().invoke(cli, ["--root", str(root), "add", str(source)])
    assert result.exit_code == 2
    assert result.output == (
        f"error: {source}:1: record 1: no publication date: give a `date` field, --date "
        "YYYY-MM-DD, or start the text with a `date YYYY-MM-DD` line\n"
    )
    given = CliRunner().invoke(cli, ["--root", str(root), "add", str(source), "--date", "2023-1-2"])
    assert given.exit_code == 2 and "'2023-1-2' is not a YYYY-MM-DD date" in given.output


def test_a_url_in_hand_written_metadata_is_checked(tmp_path):
    meta = tmp_path / "a.meta.yaml"
    meta.write_text(
        "outlet: null\ndate_published: 2023-07-26\ndate_evidence: x\nlanguage: en\nurl: ftp://x\n"
    )
    with pytest.raises(InputError) as caught:
        load_meta(meta)
    assert str(caught.value) == f"{meta}:5: url 'ftp://x': not an absolute http(s) URL"
