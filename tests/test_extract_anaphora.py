"""Event anaphora stays linear (issue 12): "the talks" attests the earlier talks again, and the
candidate it makes (an echo) is never referred back to in turn. With echoes in the pool, each
sentence that named "the talks" doubled the candidates: 16 such sentences made 131,071 of them
and ran for many minutes (the issue's 3.4 KB article, 1.3 GB)."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF

from diplograph.extract import extract_article
from diplograph.extract.clean import article_from_text
from diplograph.namespaces import DIP, ID
from diplograph.worker import Worker

BACK = "During the talks, the two sides discussed the talks and matter number {} in detail."
TALKS = ID["event/talks/2023-07-26/kim-jong-un-sergei-shoigu"]


def test_sentences_that_refer_back_to_the_talks_attest_them_once_each(layer):
    rules, gazetteer = layer
    lines = [
        "date 2023-07-26",
        "Kim Jong Un and Sergei Shoigu held talks in Pyongyang on Wednesday.",
    ]
    text = "\n".join(lines + [BACK.format(i) for i in range(16)]) + "\n"
    article = article_from_text(Path("talks.txt"), text, None, rules)
    with Worker(lambda: extract_article(article, rules, gazetteer), 30) as run:
        graph = run()  # a CallTimeout after 30 s fails the test (before: minutes)
    assert list(graph.subjects(RDF.type, DIP.Talks)) == [TALKS]
    assert len(list(graph.subjects(DIP.attests, TALKS))) == 1 + 2 * 16  # the first, then two each


def test_two_hundred_and_fifty_six_echoes_are_mapped_within_the_worker_limit(layer):
    """256 sentences that refer back to "the talks": 314 s of CPU before each candidate's
    contents were gathered only when it had some (events._same_content), 3 s after; the worker
    stops the test at 60 s (benchmarks/extract_speed.py --echo prints the times)."""
    rules, gazetteer = layer
    lines = [
        "date 2023-07-26",
        "Kim Jong Un and Sergei Shoigu held talks in Pyongyang on Wednesday.",
    ]
    text = "\n".join(lines + [BACK.format(i) for i in range(256)]) + "\n"
    article = article_from_text(Path("talks.txt"), text, None, rules)
    with Worker(lambda: extract_article(article, rules, gazetteer), 60) as run:
        graph = run()
    assert list(graph.subjects(RDF.type, DIP.Talks)) == [TALKS]
    assert len(list(graph.subjects(DIP.attests, TALKS))) == 1 + 2 * 256
