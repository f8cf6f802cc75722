"""Boilerplate: the rules find page noise in raw text (bylines and bios, widgets, comment forms,
a leading date marker, agency credits, repeated photo captions), record what they cut, and on the
seeds find what the metadata lists without cutting anything the hand layer maps."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from diplograph.errors import InputError
from diplograph.extract import load_rules
from diplograph.extract.clean import article_from_text, find_boilerplate, mappable_sentences
from diplograph.gold import gold_path, load_gold
from diplograph.namespaces import DIP
from diplograph.seeds import boilerplate_spans, load_articles

ROOT = Path(__file__).resolve().parents[1]
PAGE = """ date 2024-02-01 Xi Jinping met Vladimir Putin in Moscow on Tuesday.

By Staff Writer
By Linh Pham with Jeremie Durand in Paris
Published 1 February 2024
Updated: Feb 1, 2024 14:05 IST

Must read

John Smith
John Smith
John Smith is a correspondent who covers Asia for the paper.

Photo: Reuters / A file picture of the Kremlin
The two leaders discussed trade and energy during the talks.

Photo: Reuters / A file picture of the Kremlin

More articles

Related news: Putin arrives in Beijing, begins two-day state visit
Tags: Xi | Putin | Moscow

Please enter your comment!
Please enter your name here

(With inputs from agencies)

PTI ACB RHL RT

Latest article
"""


@pytest.fixture(scope="module")
def rules():
    """The project's rules."""
    return load_rules(ROOT / "mappings" / "rules")


def test_every_kind_of_noise_is_cut_and_named(rules):
    cuts = find_boilerplate(PAGE, rules)
    by_rule = {}
    for cut in cuts:
        assert PAGE[cut.begin : cut.end] == cut.text
        by_rule.setdefault(cut.rule, []).append(cut.text)
    assert by_rule["boilerplate.date-marker"] == [" date 2024-02-01 "]
    assert by_rule["boilerplate.widgets"] == ["Must read", "More articles", "Latest article"]
    assert by_rule["boilerplate.byline"] == [
        "John Smith",
        "John Smith",
        "John Smith is a correspondent who covers Asia for the paper.",
    ]
    assert by_rule["boilerplate.comment-form"] == [
        "Please enter your comment!",
        "Please enter your name here",
    ]
    assert by_rule["boilerplate.agency-credit"] == ["(With inputs from agencies)"]
    assert by_rule["boilerplate.desk-initials"] == ["PTI ACB RHL RT"]
    assert by_rule["boilerplate.by-line"] == [
        "By Staff Writer",
        "By Linh Pham with Jeremie Durand in Paris",
    ]
    assert by_rule["boilerplate.timestamp"] == [
        "Published 1 February 2024",
        "Updated: Feb 1, 2024 14:05 IST",
    ]
    assert len(by_rule["boilerplate.photo-caption"]) == 2
    assert by_rule["boilerplate.teaser"] == [
        "Related news: Putin arrives in Beijing, begins two-day state visit",
        "Tags: Xi | Putin | Moscow",
    ]


def test_an_article_without_metadata_keeps_only_the_report(rules):
    article = article_from_text(Path("page.txt"), PAGE, None, rules)
    assert article.date_published == date(2024, 2, 1)
    assert [s.text for s in article.sentences] == [
        "Xi Jinping met Vladimir Putin in Moscow on Tuesday.",
        "The two leaders discussed trade and energy during the talks.",
    ]
    assert "Must read" in article.boilerplate


def test_the_date_option_wins_over_the_marker_and_no_date_is_an_error(rules):
    article = article_from_text(Path("page.txt"), PAGE, date(2024, 2, 2), rules)
    assert article.date_published == date(2024, 2, 2)
    with pytest.raises(InputError, match="no publication date"):
        article_from_text(Path("plain.txt"), "Kim met Putin on Tuesday.\n", None, rules)


def test_a_repeated_caption_is_cut_the_second_time(rules):
    text = "Kim Jong Un inspects a missile factory in Pyongyang.\nKim met Putin.\n"
    text += "Kim Jong Un inspects a missile factory in Pyongyang.\n"
    cuts = find_boilerplate(text, rules)
    assert [(c.rule, c.begin) for c in cuts] == [
        ("boilerplate.repeated-caption", text.rindex("Kim Jong Un"))
    ]


@pytest.mark.parametrize("article", load_articles(ROOT / "seeds"), ids=lambda a: a.stem)
def test_on_the_seeds_the_rules_cut_what_the_metadata_lists_and_no_mapped_words(rules, article):
    cuts = find_boilerplate(article.text, rules)
    listed = boilerplate_spans(article.text, list(article.boilerplate), article.path)
    for begin, end in listed:
        for position in range(begin, end):
            if not article.text[position].isspace():
                assert any(c.begin <= position < c.end for c in cuts), article.text[begin:end]
    gold = load_gold(gold_path(ROOT / "mappings", article.stem), article)
    spans = [
        (int(gold.value(a, DIP.beginIndex)), int(gold.value(a, DIP.endIndex)))
        for a in gold.subjects(DIP.beginIndex, None)
    ]
    for cut in cuts:
        assert not any(b < cut.end and cut.begin < e for b, e in spans), cut
    assert len(mappable_sentences(article, cuts)) == len(article.sentences)


@pytest.mark.parametrize(
    ("line", "rule"),
    [  # page furniture and desk credits whose names readers do not list
        ("Share: Facebook | Twitter | WhatsApp | Copy link", "boilerplate.share-bar"),
        ("Home | News | World | Business | Opinion | E-Paper", "boilerplate.share-bar"),
        ("The Nation's Independent Newspaper", "boilerplate.masthead"),
        ("By Jane Roe, Pacific affairs reporter", "boilerplate.by-line"),
        ("Edited and translated by John Doe", "boilerplate.desk-credit"),
        ("WAM/Jane Roe/John Doe", "boilerplate.desk-credit"),
        (
            "[Photo: Minister A, left, and Minister B sign the agreement as C looks on. Reuters]",
            "boilerplate.photo-caption",
        ),
    ],
)
def test_page_furniture_and_desk_credits_are_cut(rules, line, rule):
    """A row of links, a paper's tagline, a byline with a description, a translator's credit
    and an agency's photo credit: readers list none of their names (the rules had made a place
    "Copy link" and people of the credits)."""
    text = f"Xi met Putin.\n\n{line}\n"
    assert [(c.rule, c.text) for c in find_boilerplate(text, rules)] == [(rule, line)]


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, the talks in Moscow lasted for three hours and ended with a joint statement.",
        "Published reports said the talks were postponed.",
        "By then the two leaders had met twice in Moscow and agreed to talk",
        "PTI said the talks were held in Delhi.",
        "By Monday, the talks in Moscow had ended with a joint statement.",
        "Xi | Putin | Moscow",
        "The newspaper said the talks were held in Delhi.",
    ],
)
def test_sentences_that_start_like_noise_are_kept(rules, line):
    assert find_boilerplate(f"Xi met Putin.\n\n{line}\n", rules) == []


def test_an_article_without_metadata_is_read_as_stored(rules, tmp_path, layer):
    """`diplograph extract` reads a text without metadata as the build reads a seed
    (docs/decisions/20261123-offsets-and-dates.md): a leading BOM dropped, CRLF kept, so that
    offsets point into the file as stored. It translated CRLF to LF and kept the BOM."""
    from diplograph.extract.clean import input_article
    from diplograph.extract.pipeline import extract_article

    path = tmp_path / "crlf.txt"
    body = " date 2024-05-10 Wang Yi arrived in Moscow on Monday.\r\n\r\nHe met Sergey Lavrov.\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    article = input_article(path, None, rules)
    assert article.text == body
    assert [(s.begin, s.end, s.text) for s in article.sentences] == [
        (17, 53, "Wang Yi arrived in Moscow on Monday."),
        (57, 78, "He met Sergey Lavrov."),
    ]
    graph = extract_article(article, *layer)
    quoted = sorted(
        (int(graph.value(n, DIP.beginIndex)), int(graph.value(n, DIP.endIndex)), str(t))
        for n, t in graph.subject_objects(DIP.text)
    )
    assert quoted == [
        (17, 42, "Wang Yi arrived in Moscow"),  # the arrival and the visit it implies
        (17, 42, "Wang Yi arrived in Moscow"),
        (17, 53, "Wang Yi arrived in Moscow on Monday."),  # the sentence
        (57, 77, "He met Sergey Lavrov"),
        (57, 78, "He met Sergey Lavrov."),
    ]
    assert [body[b:e] for b, e, _ in quoted] == [t for _, _, t in quoted]
