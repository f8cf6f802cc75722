"""Benchmark corpus: writes a seeded, reproducible corpus of realistic news articles as a project.

Reads benchmarks/corpus-pools.yaml (real people, countries, cities, organisations and agencies,
all recognised by the rule layer); writes OUT/seeds/STEM.txt + STEM.meta.yaml in the project's
article format, and links OUT's ontology/, queries/ and mappings/ (rules, gazetteer, entities,
links; no hand mappings) to this checkout, so that `diplograph --root OUT build` builds it.

Each article (300 to 500 words) reports four to six events of a shared timeline: visits,
meetings, talks, letters carried, invitations, statements, accusations and their denials,
sanctions and threats of them; each event is reported by about three articles, in different
words, with relative dates ("on Wednesday") resolved against the publication date, attribution
("KCNA reported"), background sentences, a dateline and page boilerplate. The same seed gives
byte-identical files; the seed and the article number are the only sources of variation.

    python3 benchmarks/corpus.py --articles 300 --seed 1 --out /tmp/corpus-300
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
POOLS = Path(__file__).resolve().parent / "corpus-pools.yaml"
START = date(2023, 3, 6)
LINKED = ("ontology", "queries")
MAPPINGS = ("rules", "gazetteer", "links", "entities.ttl")
MAPPINGS += ("wikidata-links.csv", "wikidata-links.ttl")


@dataclass(frozen=True)
class Person:
    """A person of the pools: name, title, country name, country adjective."""

    name: str
    title: str
    country: str
    adjective: str

    @property
    def styled(self) -> str:
        """The name with the title news copy puts before it: 'Russian President Vladimir Putin'."""
        return f"{self.adjective} {self.title} {self.name}"


@dataclass(frozen=True)
class Pools:
    """What the sentence patterns are filled from."""

    countries: tuple[tuple[str, str, str], ...]
    people: tuple[Person, ...]
    organisations: tuple[str, ...]
    agencies: tuple[tuple[str, str | None, str], ...]
    datelines: dict[str, str]
    boilerplate: tuple[str, ...]

    def capital(self, country: str) -> str:
        """The capital of a country of the pools."""
        return next(c for name, _, c in self.countries if name == country)


@dataclass(frozen=True)
class Event:
    """One real-world event of the timeline, which several articles report."""

    kind: str
    day: date
    first: Person
    second: Person
    third: Person
    city: str
    topic: str


def load_pools(path: Path = POOLS) -> Pools:
    """The pools of benchmarks/corpus-pools.yaml."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    adjective = {name: adj for name, adj, _ in data["countries"]}
    people = tuple(Person(n, t, c, adjective[c]) for n, t, c in data["people"])
    return Pools(
        tuple(map(tuple, data["countries"])),
        people,
        tuple(data["organisations"]),
        tuple(map(tuple, data["agencies"])),
        dict(data["datelines"]),
        tuple(data["boilerplate"]),
    )


TOPICS = (
    "trade and energy cooperation",
    "regional security",
    "the war in Ukraine",
    "the situation on the Korean Peninsula",
    "grain exports and food security",
    "nuclear non-proliferation",
    "economic and military cooperation",
    "climate finance",
)
CHARGES = (
    "supplying weapons for the war in Ukraine",
    "violating United Nations sanctions",
    "interfering in its internal affairs",
    "spreading false information about the talks",
)
TEMPLATES = {  # {P} {Q} {R}: styled people; {p} {q}: names; {C} city; {N} {M} countries; {d} day
    "visit": (
        "{P} arrived in {C} {d} for an official visit, {src}.",
        "A delegation led by {P} arrived in {C} {d} and was welcomed at the airport by senior "
        "officials, {src}.",
        "{P} visited {C} {d}, the first such trip in several years, {src}.",
    ),
    "meeting": (
        "{P} met {Q} in {C} {d}, and the two discussed {topic}, {src}.",
        "{Q} received {P} in {C} {d} for a meeting on {topic}.",
        "{p} and {q} met in {C} {d} to discuss {topic}, {src}.",
    ),
    "talks": (
        "{P} held talks with {Q} in {C} {d} on {topic}.",
        "{P} and {Q} held talks in {C} {d} that focused on {topic}, {src}.",
        "During talks in {C} {d}, {p} and {q} discussed {topic}.",
    ),
    "letter": (
        "{P} handed {Q} a personal letter from {R} {d}, {src}.",
        "{P} delivered a letter from {R} to {Q} in {C} {d}.",
        "According to {agency}, {p} handed {q} a letter from {r} {d}.",
    ),
    "invitation": (
        "{P} invited {Q} to visit {N} at a convenient time, {src}.",
        "{q} accepted an invitation from {p} to visit {N}, {src}.",
        "{P} extended an invitation to {Q} to visit {N} {d}.",
    ),
    "statement": (
        '"We will continue to strengthen our cooperation with {M}," {P} said {d}.',
        "{P} said {d} that {N} was ready to work with {M} on {topic}.",
        "In a statement issued {d}, {p} said {N} would not accept any pressure over {topic}.",
    ),
    "accusation": (
        "{N} accused {M} {d} of supplying weapons to {O}, {src}. {M} denied that it had "
        "supplied weapons to {O}.",
        "{P} accused {M} of {charge} {d}. {Q} denied the accusation.",
        "{N} accused {M} of sending troops to {O}, {src}. The accusation that {M} denied was "
        "first made {d}.",
    ),
    "sanctions": (
        "{N} threatened {d} to impose new sanctions on {M} over {topic}.",
        "{N} imposed sanctions on {M} {d}, the foreign ministry said in a statement.",
        "{P} warned {d} that {N} could impose sanctions on {M} if it continued {charge}.",
    ),
}
KINDS = tuple(TEMPLATES)
SOURCES = (
    "state media reported",
    "{agency} reported",
    "officials said",
    "the foreign ministry said in a statement",
    "according to {agency}",
)
BACKGROUND = (
    "Ties between {N} and {M} have grown noticeably closer in recent years, according to several "
    "analysts who follow the relationship between the two governments closely.",
    "Trade between {N} and {M} grew by roughly a third last year, according to customs data "
    "published by the authorities, although most of the goods were food and fuel.",
    "It is still unclear whether the contacts will change the broader policy of {N} towards {M}, "
    "or whether they were mainly intended as a signal to other capitals.",
    "The {org} has repeatedly called on both sides to resolve their differences through "
    "dialogue, and several of its members have offered to mediate.",
    "Analysts said the timing of the contacts was significant, coming weeks before a summit of "
    "the {org} at which the issue is expected to dominate the agenda.",
    "Photos released on the same day showed crowds of residents waving flags as they lined the "
    "streets of {C} to greet the guests.",
    "Independent verification of official accounts of such events is often impossible, and "
    "reporters were given only limited access to the venues in {C}.",
    "The embassy of {M} in {C} did not immediately respond to a request for comment on the report, "
    "which was first published on the website of a regional newspaper.",
    "Officials in {N} have described the relationship with {M} as strategic, a word they reserve "
    "for only a handful of partners, and have promised more exchanges at every level.",
    "Critics at home argue that the government of {N} has given too much ground to {M} in "
    "recent negotiations, particularly on energy prices and access to ports.",
)
MONTHS = "January February March April May June July August September October November December"


def _day_phrase(rng: random.Random, day: date, published: date) -> str:
    """A relative date as news copy writes it, resolvable against the publication date."""
    weekday = day.strftime("%A")
    month = MONTHS.split()[day.month - 1]
    return rng.choice(
        (f"on {weekday}", f"on {weekday}", f"late {weekday}", f"on {weekday} ({month} {day.day})")
    )


def make_events(rng: random.Random, pools: Pools, count: int, span: int) -> list[Event]:
    """`count` events over `span` days (at least one a day), people from different countries."""
    events = []
    for number in range(count):
        first, second, third = _three_countries(rng, pools.people)
        day = START + timedelta(days=number if number < span else rng.randrange(span))
        city = pools.capital(second.country if rng.random() < 0.7 else first.country)
        kind, topic = rng.choice(KINDS), rng.choice(TOPICS)
        events.append(Event(kind, day, first, second, third, city, topic))
    return sorted(events, key=lambda e: (e.day, e.kind, e.first.name, e.second.name))


def _three_countries(rng: random.Random, people: tuple[Person, ...]) -> tuple[Person, ...]:
    """Three people, the first two from different countries."""
    while True:
        chosen = tuple(rng.sample(people, 3))
        if chosen[0].country != chosen[1].country:
            return chosen


def _fill(rng: random.Random, template: str, event: Event, published: date, agency: str) -> str:
    """One pattern filled for one event."""
    text = template.replace("{src}", rng.choice(SOURCES))
    first, second = event.first, event.second
    text = text.format(
        P=first.styled,
        Q=second.styled,
        R=event.third.styled,
        p=first.name,
        q=second.name,
        r=event.third.name,
        C=event.city,
        N=first.country,
        M=second.country,
        O=event.third.country,
        d=_day_phrase(rng, event.day, published),
        topic=event.topic,
        charge=rng.choice(CHARGES),
        agency=agency,
    )
    return text[0].upper() + text[1:]


def _background(rng: random.Random, pools: Pools, event: Event) -> str:
    """A context sentence about the countries of an event (no event of the ontology)."""
    text = rng.choice(BACKGROUND).format(
        N=event.first.country,
        M=event.second.country,
        C=event.city,
        org=rng.choice(pools.organisations),
    )
    return text[0].upper() + text[1:]


def _reported(rng: random.Random, by_day: dict, published: date) -> list[Event]:
    """The four to six events an article published on a day reports (the week before it)."""
    window = [e for back in range(7) for e in by_day.get(published - timedelta(days=back), ())]
    picked = rng.sample(window, min(len(window), rng.randint(4, 6)))
    return sorted(picked, key=lambda e: (e.day, e.kind, e.first.name, e.second.name))


def article_files(rng: random.Random, pools: Pools, stem: str, reported: list, published: date):
    """The text and the metadata (YAML) of one article."""
    agency, agency_entity, _ = rng.choice(pools.agencies)
    target = rng.randint(300, 500)
    sentences: list[str] = []
    for event in reported:
        first, again = rng.sample(TEMPLATES[event.kind], 2)
        sentences.append(_fill(rng, first, event, published, agency))
        if rng.random() < 0.3:  # reported twice in one article, in other words
            sentences.append(_fill(rng, again, event, published, agency))
        sentences.append(_background(rng, pools, event))
    while sum(len(s.split()) for s in sentences) < target:
        sentences.append(_background(rng, pools, rng.choice(reported)))
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    noise = rng.sample(pools.boilerplate, rng.randint(0, 3))
    for line in noise:
        paragraphs.insert(rng.randint(1, len(paragraphs)), line)
    city = rng.choice(sorted(pools.datelines))
    month = MONTHS.split()[published.month - 1]
    dateline = f"{city}, {month} {published.day} ({agency})" if rng.random() < 0.5 else None
    if dateline:
        paragraphs[0] = f"{dateline} {paragraphs[0]}"
    text = "\n\n".join(paragraphs) + "\n"
    first = reported[0]
    meta = {
        "headline": f"{first.first.name} and {first.second.name}: {first.topic}",
        "headline_source": "generated by benchmarks/corpus.py from the article's first event",
        "outlet": agency,
        "outlet_entity": agency_entity,
        "author": None,
        "date_published": published,
        "date_evidence": "generated by benchmarks/corpus.py",
        "dateline": dateline,
        "dateline_place": pools.datelines[city] if dateline else None,
        "language": "en",
        "boilerplate": noise,
        "noise": "generated page boilerplate" if noise else "none",
    }
    return text, _meta_yaml(stem, meta)


def _meta_yaml(stem: str, meta: dict) -> str:
    """The metadata as `key: value` lines, strings JSON-quoted (valid YAML)."""
    lines = [f"# Metadata of generated article {stem}.txt (benchmarks/corpus.py)."]
    for key, value in meta.items():
        if isinstance(value, list):
            lines.append(f"{key}:" + ("" if value else " []"))
            lines += [f"  - {json.dumps(item, ensure_ascii=False)}" for item in value]
        elif isinstance(value, date):
            lines.append(f"{key}: {value.isoformat()}")
        else:
            lines.append(f"{key}: {'null' if value is None else json.dumps(value)}")
    return "\n".join(lines) + "\n"


def write_corpus(articles: int, seed: int, out: Path, pools: Pools | None = None) -> list[Path]:
    """Write `articles` articles into OUT/seeds and link the rest of a project; the text files."""
    pools = pools or load_pools()
    rng = random.Random(f"diplograph-corpus-{seed}")
    span = min(365, max(7, articles // 20))
    events = make_events(rng, pools, max(articles * 5 // 3, span), span)
    by_day: dict[date, list[Event]] = {}
    for event in events:
        by_day.setdefault(event.day, []).append(event)
    seeds = out / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(articles):
        published = START + timedelta(days=rng.randrange(span) + rng.randrange(3))
        reported = _reported(rng, by_day, published)
        key = hashlib.sha256(f"{seed}/{number}".encode()).hexdigest()[:16]
        stem = f"{number:06d}_{key}"
        text, meta = article_files(rng, pools, stem, reported, published)
        (seeds / f"{stem}.txt").write_text(text, encoding="utf-8")
        (seeds / f"{stem}.meta.yaml").write_text(meta, encoding="utf-8")
        written.append(seeds / f"{stem}.txt")
    link_project(out)
    return written


def link_project(out: Path, root: Path = ROOT) -> None:
    """Link the checkout's ontology, queries and mappings (no hand mappings) into OUT."""
    (out / "mappings").mkdir(parents=True, exist_ok=True)
    for name in LINKED:
        _link(out / name, root / name)
    for name in MAPPINGS:
        if (root / "mappings" / name).exists():
            _link(out / "mappings" / name, root / "mappings" / name)


def _link(link: Path, target: Path) -> None:
    """A symbolic link to `target`, replacing an older one."""
    if link.is_symlink():
        link.unlink()
    link.symlink_to(target.resolve(), target_is_directory=target.is_dir())


def main() -> None:
    """Write a corpus from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    written = write_corpus(args.articles, args.seed, args.out)
    print(f"{len(written)} articles written to {args.out / 'seeds'}")


if __name__ == "__main__":
    main()
