"""The web view's data: runs the stored queries of queries/view/ on a Store and gathers their rows
into actors, events (with their roles and attestations) and the network's edges; writes the
static site (pages.py) into its folder atomically (buildfolder.replace_folder).

Everything comes from SPARQL answers, so the view is the same on either engine; every collection
is sorted (by IRI, or by date then label), so two runs write the same bytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib.term import Node

from diplograph.errors import InputError
from diplograph.manifest import REBUILD, check_build
from diplograph.queries import StoredQuery, load_queries, run_query
from diplograph.store import Store
from diplograph.wikidata import qid

SITE_FOLDER = "view"  # OUT/view
GRAPH_FILE = "graph.trig"
MODALITIES = ("happened", "expected", "claimed", "denied")


@dataclass(frozen=True)
class Actor:
    """A person, country, organisation or delegation that takes part in events."""

    iri: str
    label: str
    kind: str  # the class's label: "person", "country", ...
    qid: str | None


@dataclass(frozen=True)
class Attestation:
    """One sentence's support for an event: the exact words, the sentence, its article, and how
    the article presents it (modality; a claim's sources and relays)."""

    iri: str
    event: str
    modality: str
    claimed_by: tuple[str, ...]
    relayed_by: tuple[str, ...]
    text: str
    begin: int
    end: int
    sentence: str
    sentence_begin: int
    article: str
    headline: str
    published: str

    @property
    def is_claim(self) -> bool:
        """Whether the article attributes it to a source (then it is a claim, never a fact)."""
        return bool(self.claimed_by)

    def span(self) -> tuple[str, str, str]:
        """The sentence cut around the quoted words: before, the words, after (the words alone,
        as quoted, when the offsets do not find them in the sentence)."""
        start, stop = self.begin - self.sentence_begin, self.end - self.sentence_begin
        if 0 <= start <= stop <= len(self.sentence) and self.sentence[start:stop] == self.text:
            return self.sentence[:start], self.text, self.sentence[stop:]
        return "", self.text, ""


@dataclass(frozen=True)
class Event:
    """An event: its kind, label, day or interval, roles (role label, actor IRI) and
    attestations."""

    iri: str
    label: str
    kind: str
    date: str | None
    earliest: str | None
    latest: str | None
    roles: tuple[tuple[str, str], ...]
    attestations: tuple[Attestation, ...]

    @property
    def dated(self) -> bool:
        """Whether the event has a resolved day or interval."""
        return bool(self.date or self.earliest or self.latest)

    def when(self) -> str:
        """The date as shown, with its precision.

        >>> Event("e", "", "", None, "2020-01-01", "2020-04-30", (), ()).when()
        'between 2020-01-01 and 2020-04-30'
        """
        if self.date:
            return self.date
        if self.earliest and self.latest:
            return f"between {self.earliest} and {self.latest}"
        if self.earliest:
            return f"{self.earliest} or later"
        return f"{self.latest} or earlier" if self.latest else "undated"

    def days(self) -> tuple[str, str]:
        """The first and last day the event may fall on; '' where it is open ("X or later").

        >>> Event("e", "", "", None, "2020-01-01", "2020-04-30", (), ()).days()
        ('2020-01-01', '2020-04-30')
        >>> Event("e", "", "", None, "2020-01-01", None, (), ()).days()
        ('2020-01-01', '')
        """
        return self.date or self.earliest or "", self.date or self.latest or ""

    def sort_key(self) -> tuple[str, str, str, str]:
        """Date order (earliest possible day first), then label and IRI."""
        start = self.date or self.earliest or self.latest or ""
        return start, self.date or self.latest or start, self.label, self.iri

    def standing(self) -> str:
        """How the reports present the event, drawn as such: `happened` or `expected` when an
        article says so in its own voice, else `denied` when every report is a denial, else
        `claimed` (attributed to a source, never shown as fact)."""
        own = {a.modality for a in self.attestations if not a.is_claim}
        for modality in ("happened", "expected"):
            if modality in own:
                return modality
        if self.attestations and all(a.modality == "denied" for a in self.attestations):
            return "denied"
        return "claimed" if self.attestations else "unattested"


@dataclass(frozen=True)
class Edge:
    """An edge of the network: one event, from an actor towards another."""

    source: str
    target: str
    event: str


@dataclass(frozen=True)
class Article:
    """An article: its identifier (the seed's stem), headline, date and sentences in order
    (begin and end offsets, text)."""

    stem: str
    headline: str
    published: str
    sentences: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True)
class View:
    """Everything the site shows, sorted."""

    actors: dict[str, Actor]
    events: dict[str, Event]
    edges: tuple[Edge, ...]
    articles: dict[str, Article]

    def reports_in(self, stem: str) -> list[Attestation]:
        """The attestations of an article, in text order."""
        found = [a for e in self.events.values() for a in e.attestations if a.article == stem]
        return sorted(found, key=lambda a: (a.begin, a.end, a.event, a.iri))

    def events_of(self, actor: str) -> list[tuple[str, Event]]:
        """The events an actor takes part in, with its role, in date order."""
        found = [(role, e) for e in self.events.values() for role, who in e.roles if who == actor]
        return sorted(found, key=lambda item: (item[1].sort_key(), item[0]))


def _text(node: Node | None) -> str:
    """A term as text ('' for an unbound variable)."""
    return "" if node is None else str(node)


def _rows(run: Callable[[str], tuple], name: str) -> list[dict[str, str]]:
    """The rows of one view query as dicts of text, sorted."""
    variables, rows = run(name)
    found = [{v: _text(cell) for v, cell in zip(variables, row, strict=True)} for row in rows]
    return sorted(found, key=lambda row: tuple(row.values()))


def _first(rows: list[dict[str, str]], key: str) -> dict[str, dict[str, str]]:
    """The first row of each value of `key` (the rows are sorted: deterministic)."""
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        found.setdefault(row[key], row)
    return found


def _attestations(run: Callable[[str], tuple]) -> dict[str, list[Attestation]]:
    """Every event's attestations, with their sources and relays."""
    sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _rows(run, "attestation-sources"):
        sources[row["attestation"], row["via"].rpartition("#")[2]].add(row["label"])
    found: dict[str, list[Attestation]] = defaultdict(list)
    for row in _first(_rows(run, "attestations"), "attestation").values():
        iri = row["attestation"]
        found[row["event"]].append(
            Attestation(
                iri,
                row["event"],
                row["modality"],
                tuple(sorted(sources[iri, "claimedBy"])),
                tuple(sorted(sources[iri, "relayedBy"])),
                row["text"],
                int(row["begin"]),
                int(row["end"]),
                row["sentence"],
                int(row["sentenceBegin"]),
                row["article"],
                row["headline"],
                row["published"],
            )
        )
    return found


def gather(run: Callable[[str], tuple]) -> View:
    """The view from the answers of the view queries (`run(name)` -> variables, rows)."""
    actors = {
        iri: Actor(iri, row["label"], row["classLabel"], qid(row["item"]))
        for iri, row in sorted(_first(_rows(run, "actors"), "actor").items())
    }
    roles: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in _rows(run, "event-roles"):
        if row["actor"] in actors:
            roles[row["event"]].append((row["roleLabel"], row["actor"]))
    attestations = _attestations(run)
    events = {}
    for iri, row in sorted(_first(_rows(run, "events"), "event").items()):
        events[iri] = Event(
            iri,
            row["label"],
            row["kindLabel"],
            row["date"] or None,
            row["earliest"] or None,
            row["latest"] or None,
            tuple(sorted(set(roles[iri]), key=lambda r: (r[0], actors[r[1]].label, r[1]))),
            tuple(sorted(attestations[iri], key=lambda a: (a.article, a.begin, a.end, a.iri))),
        )
    edges = sorted(
        {
            Edge(row["source"], row["target"], row["event"])
            for row in _rows(run, "network-edges")
            if {row["source"], row["target"]} <= actors.keys() and row["event"] in events
        },
        key=lambda e: (e.source, e.target, e.event),
    )
    return View(actors, events, tuple(edges), _articles(run))


def _articles(run: Callable[[str], tuple]) -> dict[str, Article]:
    """Every article with its sentences in order."""
    rows = sorted(_rows(run, "sentences"), key=lambda r: (r["article"], int(r["begin"])))
    sentences: dict[str, dict[int, tuple[int, int, str]]] = defaultdict(dict)
    for row in rows:
        begin = int(row["begin"])
        sentences[row["article"]].setdefault(begin, (begin, int(row["end"]), row["text"]))
    first = _first(rows, "article")
    return {
        stem: Article(
            stem, first[stem]["headline"], first[stem]["published"], tuple(found.values())
        )
        for stem, found in sorted(sentences.items())
    }


def load_view(store: Store, folder: Path) -> View:
    """Run the view queries (the .rq files of `folder`, queries/view/) on a store and gather
    the view."""
    stored = {q.name: q for q in load_queries(folder)}

    def run(name: str) -> tuple:
        """The variables and rows of one view query."""
        if name not in stored:
            raise InputError(f"{folder / name}.rq: no such view query")
        result = run_query(store, stored[name], {})
        return result.variables, result.rows

    return gather(run)


def check_view_build(out: Path, root: Path) -> None:
    """Refuse a build folder that is missing or older than the inputs (one line, exit 2)."""
    if not (out / GRAPH_FILE).is_file():
        raise InputError(f"{out}: no build found; run `diplograph build` first")
    if not check_build(out, GRAPH_FILE, root):
        raise InputError(f"{out}: the build is older than the inputs (stale); {REBUILD}")


def write_view(view: View, site: Path, stored: list[StoredQuery], root: Path | None = None) -> int:
    """Write the site into its folder atomically (the old site stays whole until the new one
    is complete); returns the number of files written."""
    from diplograph.buildfolder import replace_folder
    from diplograph.pages import site_files

    files = site_files(view, stored)

    def fill(folder: Path) -> None:
        """Write every page into the staging folder."""
        for name, text in sorted(files.items()):
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))

    replace_folder(site, fill, root)
    return len(files)


def view_site(root: Path, out: Path, site: Path) -> int:
    """Write the view of an up-to-date build folder into `site`; returns the number of files."""
    from diplograph import paths
    from diplograph.built import current_store
    from diplograph.queries import list_queries

    check_view_build(out, root)
    store, _ = current_store(root, out)
    view = load_view(store, paths.view_queries_dir(root))
    return write_view(view, site, list_queries(paths.queries_dir(root)), root)
