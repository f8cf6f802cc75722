"""Benchmark of the rule layer: articles per second per core on ~500-word articles.

Synthesises news articles from sentence templates (visits, meetings, letters, statements,
sanctions, attributions, dates, boilerplate-free), or takes the project's real seed articles
(`--seeds`, repeated), runs the rule layer on each in one process, and prints the rate measured
in CPU time of that process (so: per core). The rules are compiled once, before timing. Each
round maps every article once; the best and the median round are printed, because CPU time on a
shared machine varies by 10% or more from run to run. A benchmark, not a test: run it by hand,

    python3 benchmarks/extract_speed.py [--articles 200] [--words 500] [--rounds 5]
    python3 benchmarks/extract_speed.py --seeds [--rounds 5]
    python3 benchmarks/extract_speed.py --long    (one line of 10k to 100k characters)
    python3 benchmarks/extract_speed.py --echo    (32 to 256 sentences saying "the talks")

The measured stage is `extract_triples` (text -> the article's triples with provenance, which
`diplograph build` loads into its store); the rate of `extract_article`, which also fills an
rdflib Graph with them, is printed beside it. Target (issue 4): at least 50 articles per second
per core on 500-word articles; for other lengths the rate is also given per 500 words.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from diplograph.extract import Gazetteer, RuleSet, extract_article
from diplograph.extract.pipeline import extract_triples
from diplograph.extract.workspace import rule_layer
from diplograph.seeds import Article, load_articles, segment

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = [
    "Kim Jong Un",
    "Vladimir Putin",
    "Xi Jinping",
    "Sergei Shoigu",
    "Sergei Lavrov",
    "Li Hongzhong",
    "Kim Yo Jong",
    "Matthew Miller",
]
COUNTRIES = ["North Korea", "Russia", "China", "South Korea", "the United States", "Ukraine"]
CITIES = ["Pyongyang", "Moscow", "Beijing", "Seoul", "Washington"]
DAYS = [
    "on Monday",
    "on Tuesday",
    "late Wednesday",
    "on Thursday",
    "earlier this month",
    "last week",
    "on Friday (September 15)",
    "in early 2020",
    "at midnight",
]
# Sentences of news length (the seeds average about 25 words a sentence).
BACKGROUND = [  # context sentences, as most of a news article is (no event of the ontology)
    "{n} has been facing severe food shortages this year, which have been made worse by strict "
    "controls on trade and the collapse of several harvests in the northern provinces.",
    "Ties between {n} and {m} have grown noticeably closer since the war began, according to "
    "several analysts in {c} who follow the relationship between the two governments closely.",
    "The talks come amid rising regional tensions over the nuclear and missile programmes of "
    "{n}, which have been condemned by most of its neighbours and by the United Nations.",
    "{p}, who has led the ministry since 2012, is widely seen as one of the closest and most "
    "trusted allies of {q} within the ruling party and the wider government.",
    "Trade between {n} and {m} grew by roughly 40 percent last year, according to customs data "
    "published by the authorities, although most of the goods were food and fuel.",
    "It is still unclear whether the meeting in {c} will change the broader policy of {n} "
    "towards {m}, or whether it was mainly intended as a signal to Washington.",
    "Photos released by state media on the same day showed large crowds of residents waving "
    "flags and flowers as they lined the streets of {c} to greet the guests.",
    "The reclusive state rarely allows foreign journalists to report freely from {c}, and "
    "independent verification of official accounts of such events is usually impossible.",
    "The foreign ministry in {c} did not immediately respond to a request for comment on the "
    "report, which was first published by a regional newspaper on its website.",
]
TEMPLATES = [
    "{p} arrived in {c} {d} for several days of talks with {q} on trade, energy and security, "
    "state media reported, in the first such trip in four years.",
    "{p} met {q} in {c} {d}, and the two sides discussed economic cooperation and regional "
    "security during a meeting that lasted more than three hours.",
    "According to Yonhap, {p} handed {q} a personal letter from {r} {d}, although the agency "
    "did not give any details about what the letter actually said.",
    "{n} accused {m} of supplying weapons to {o} for the war in Ukraine, a claim that both "
    "governments have repeatedly and strongly denied in recent months.",
    "The United States imposed sanctions on {n} {d} over its missile launches, the State "
    "Department said in a statement issued shortly after the decision.",
    '"We will always stand with {n} in these difficult times," {p} said at a banquet in {c}, '
    "praising the leadership and the people of the country.",
    "{p} invited {q} to visit {c} at a convenient time during their talks, KCNA said, adding "
    "that the invitation had been accepted with pleasure.",
    "{n} is expected to hold a large military parade in {c} {d} to mark the anniversary of the "
    "founding of its armed forces, officials and analysts said.",
    "A delegation led by {p} arrived in {c} {d} and received a warm welcome at the airport from "
    "senior officials and a military honour guard.",
    "{n} closed its border with {m} {d} in an effort to stop the spread of the disease, "
    "officials said, cutting off almost all trade between the two countries.",
    "Washington on Wednesday approved a $2 billion sale of F-35 fighter jets to South Korea, "
    "a move that analysts said was carefully timed to send a message to the region.",
    "{p} will visit {c} next week for talks on security and trade, a spokesperson said on "
    "condition of anonymity because the trip had not been announced.",
]


def synthesise(count: int, words: int, seed: int = 7, dense: bool = False) -> list[Article]:
    """Articles of about `words` words: event sentences mixed with context sentences (about
    45% events, as in the seeds), or only event sentences (`dense`)."""
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        sentences: list[str] = []
        while sum(len(s.split()) for s in sentences) < words:
            p, q, r = rng.sample(PEOPLE, 3)
            n, m, o = rng.sample(COUNTRIES, 3)
            pool = TEMPLATES if dense or rng.random() < 0.45 else BACKGROUND
            text = rng.choice(pool).format(
                p=p, q=q, r=r, n=n, m=m, o=o, c=rng.choice(CITIES), d=rng.choice(DAYS)
            )
            sentences.append(text[0].upper() + text[1:])
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
        text = "\n\n".join(paragraphs) + "\n"
        meta = {
            "outlet": None,
            "date_published": date(2023, 9, 14),
            "date_evidence": "synthetic",
            "language": "en",
            "boilerplate": [],
        }
        stem = f"bench_{number:04d}"
        articles.append(Article(stem, Path(f"{stem}.txt"), text, meta, segment(text)))
    return articles


def _round(
    articles: list[Article], extract: Callable, rules: RuleSet, gazetteer: Gazetteer
) -> tuple[float, int]:
    """CPU seconds to map every article once, and the triples made."""
    cpu = time.process_time()
    triples = sum(len(extract(a, rules, gazetteer)) for a in articles)
    return time.process_time() - cpu, triples


def _long_lines(rules: RuleSet, gazetteer: Gazetteer) -> None:
    """Print the CPU time of one article that is one line without full stops, by its length:
    the time per 1,000 characters stays flat when extraction is linear (issue 12)."""
    from diplograph.extract.clean import article_from_text

    clause = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on "
    clause += "Monday and the two leaders held talks about trade and security "
    for size in (10_000, 30_000, 100_000):
        text = (clause * (size // len(clause) + 1))[:size]
        article = article_from_text(Path("long.txt"), text, date(2024, 1, 1), rules)
        start = time.process_time()
        extract_triples(article, rules, gazetteer)
        cpu = time.process_time() - start
        print(f"{size:>7} characters: {cpu:6.2f} s CPU, {1000 * cpu / size:.3f} s per 1,000")


def _echoes(rules: RuleSet, gazetteer: Gazetteer) -> None:
    """Print the CPU time of an article whose sentences keep referring back to "the talks", by
    their number: the events merge compares each echo with the events so far (issue 12)."""
    from diplograph.extract.clean import article_from_text

    first = "Kim Jong Un and Sergei Shoigu held talks in Pyongyang on Wednesday."
    back = "During the talks, the two sides discussed the talks and matter number {} in detail."
    for count in (32, 64, 128, 256):
        text = "\n".join([first, *(back.format(i) for i in range(count))]) + "\n"
        article = article_from_text(Path("echo.txt"), text, date(2023, 7, 26), rules)
        start = time.process_time()
        extract_triples(article, rules, gazetteer)
        cpu = time.process_time() - start
        print(f"{count:>4} sentences referring back: {cpu:6.2f} s CPU")


def main() -> None:
    """Print articles per second per core."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dense", action="store_true", help="every sentence reports an event")
    parser.add_argument("--seeds", action="store_true", help="the real seed articles, repeated")
    parser.add_argument(
        "--long", action="store_true", help="one line without full stops, 10k to 100k characters"
    )
    parser.add_argument(
        "--echo", action="store_true", help="32 to 256 sentences referring back to 'the talks'"
    )
    args = parser.parse_args()
    rules, gazetteer = rule_layer(ROOT)
    if args.long:
        _long_lines(rules, gazetteer)
        return
    if args.echo:
        _echoes(rules, gazetteer)
        return
    if args.seeds:
        seeds = load_articles(ROOT / "seeds")
        articles = [seeds[i % len(seeds)] for i in range(max(args.articles, len(seeds)))]
    else:
        articles = synthesise(args.articles, args.words, dense=args.dense)
    for article in articles[:5]:  # warm the caches (lemmas, lexicon, positions)
        extract_triples(article, rules, gazetteer)
    times = []
    for _ in range(args.rounds):
        cpu, triples = _round(articles, extract_triples, rules, gazetteer)
        times.append(cpu)
    graph_cpu, _ = _round(articles, extract_article, rules, gazetteer)
    times.sort()
    best, median = len(articles) / times[0], len(articles) / times[len(times) // 2]
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    print(
        f"articles:              {len(articles)} ({'seeds' if args.seeds else 'synthetic'}"
        f"{', dense' if args.dense else ''}; mean {words:.0f} words)"
    )
    print(f"triples per round:     {triples}")
    print(f"CPU time per round:    {', '.join(f'{t:.2f}' for t in times)} s")
    print(f"articles/second/core:  best {best:.1f}, median {median:.1f}   (target >= 50)")
    scale = words / 500
    print(f"  per 500 words:       best {best * scale:.1f}, median {median * scale:.1f}")
    print(f"  into an rdflib Graph: {len(articles) / graph_cpu:.1f} (one round, extract_article)")


if __name__ == "__main__":
    main()
