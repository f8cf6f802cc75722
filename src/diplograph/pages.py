"""The web view's pages: the static site as a mapping of file names to their text, made from a
view.View (no server, no network: a stylesheet and two scripts of our own sit beside the pages,
nothing is fetched from elsewhere but Wikidata's pages, by a link).

Pages are well-formed XML as well as HTML (every element closed, every text escaped), and list
everything in a fixed order, so the same graph gives the same bytes. Claims and denials are
shown as what a named source said, never as fact.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from html import escape

from diplograph.cytonetwork import NETWORK_SCRIPT, island
from diplograph.namespaces import ID
from diplograph.network import drawn_actors, network_svg
from diplograph.queries import StoredQuery
from diplograph.querypage import QUERY_SCRIPT, query_page
from diplograph.vendored import CYTOSCAPE, vendored_files
from diplograph.view import MODALITIES, Article, Attestation, Event, View

WIKIDATA_PAGE = "https://www.wikidata.org/wiki/"
STYLE = """body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 72rem;
padding: 0 1rem; }
nav { padding: .6rem 0; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; } td, th { padding: .2rem .6rem; border-bottom: 1px solid #eee;
text-align: left; vertical-align: top; }
mark { background: #ffe680; } li:target { background: #fff3c4; }
.sentence { margin: .2rem 0; } .report { margin-bottom: .8rem; }
.source, .muted { color: #555; font-size: 90%; }
.claim { border-left: 3px solid #b36b00; padding-left: .5rem; }
svg.network { width: 100%; height: auto; max-height: 90vh; }
.node circle { fill: #4a6fa5; } .node.k-country circle { fill: #2e7d32; }
.node.k-delegation circle { fill: #8e24aa; } .node text { font-size: 12px; fill: #222; }
.edge path { fill: none; stroke: #555; stroke-width: 1.4; } .edge:hover path { stroke-width: 3; }
.m-happened path { stroke: #333; } .m-expected path { stroke: #1565c0; stroke-dasharray: 7 4; }
.m-claimed path { stroke: #b36b00; stroke-dasharray: 2 3; }
.m-denied path { stroke: #c62828; stroke-dasharray: 2 3 8 3; }
.hidden { display: none; } .cy { width: 100%; height: 80vh; border: 1px solid #ddd; }
textarea { width: 100%; font-family: monospace; }
"""


def page_name(iri: str) -> str:
    """The file name of an entity's or event's page: its IRI's path under id/, slashes as
    dots; any other IRI, or one with characters a file name should not hold, gets a digest.

    >>> page_name("https://w3id.org/diplograph/id/person/kim-jong-un")
    'person.kim-jong-un.html'
    >>> page_name("http://example.org/a b")
    'http_example_org_a_b-c2325ba1817a.html'
    """
    tail = iri.removeprefix(str(ID))
    name = tail.replace("/", ".")
    if iri.startswith(str(ID)) and re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9_/-]{0,149}", tail):
        return name + ".html"
    digest = hashlib.sha256(iri.encode("utf-8")).hexdigest()[:12]
    return f"{re.sub(r'[^A-Za-z0-9_-]+', '_', tail)[:80]}-{digest}.html"


def linker(depth: int) -> Callable[[str, str], str]:
    """The link to an entity's or event's page from a page `depth` folders down."""
    up = "../" * depth
    return lambda folder, iri: f"{up}{folder}/{page_name(iri)}"


def page(title: str, body: str, depth: int = 0, scripts: tuple[str, ...] = ()) -> str:
    """A whole page: head (with its scripts, by their paths in the site), navigation, title
    and body."""
    up = "../" * depth
    scripts_ = "".join(f'<script src="{up}{script}"></script>\n' for script in scripts)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8"/>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
        f"<title>{escape(title)} · diplograph</title>\n"
        f'<link rel="stylesheet" href="{up}style.css"/>\n{scripts_}</head>\n<body>\n'
        f'<nav><a href="{up}index.html">diplograph</a> · <a href="{up}network.html">network</a>'
        f' · <a href="{up}timeline.html">timeline</a> · <a href="{up}queries.html">queries</a>'
        f"</nav>\n<main>\n<h1>{escape(title)}</h1>\n{body}</main>\n</body>\n</html>\n"
    )


def voice(attestation: Attestation) -> str:
    """How one report presents its event: in the article's own voice, or as what a named
    source said (relayed by others).

    >>> a = Attestation("a", "e", "denied", ("North Korea",), (), "", 0, 0, "", 0, "", "", "")
    >>> voice(a)
    'a claim, according to North Korea: denied'
    """
    if not attestation.is_claim:
        return f"the article's own voice: {attestation.modality}"
    relays = attestation.relayed_by
    via = f" (relayed by {', '.join(relays)})" if relays else ""
    return f"a claim, according to {', '.join(attestation.claimed_by)}{via}: {attestation.modality}"


def standing_text(event: Event) -> str:
    """The reports of an event, counted by how they present it."""
    counts = Counter(voice(a) for a in event.attestations)
    parts = [f"{n} × {what}" if n > 1 else what for what, n in sorted(counts.items())]
    return "; ".join(parts) or "no report"


def article_link(stem: str, depth: int) -> str:
    """The link to an article's page from a page `depth` folders down."""
    return "../" * depth + f"article/{page_name(str(ID) + 'article/' + stem)}"


def report(attestation: Attestation, depth: int = 1) -> str:
    """One attestation: the sentence with the quoted words marked, its article and voice."""
    before, words, after = attestation.span()
    target = f"{article_link(attestation.article, depth)}#c{attestation.sentence_begin}"
    article = f'<a href="{escape(target)}">{escape(attestation.article)}</a>'
    if attestation.headline:
        article += f" “{escape(attestation.headline)}”"
    if attestation.published:
        article += f", {escape(attestation.published)}"
    kind = ' class="report claim"' if attestation.is_claim else ' class="report"'
    return (
        f"<li{kind}>"
        f'<p class="sentence">{escape(before)}<mark>{escape(words)}</mark>{escape(after)}</p>'
        f'<p class="source">{escape(voice(attestation))} · article {article} · characters '
        f"{attestation.begin}–{attestation.end}</p></li>\n"
    )


def reports(event: Event) -> str:
    """The list of an event's attestations."""
    if not event.attestations:
        return '<p class="muted">No sentence attests this event.</p>\n'
    return "<ul>\n" + "".join(report(a) for a in event.attestations) + "</ul>\n"


def actor_link(view: View, iri: str, href: Callable[[str, str], str]) -> str:
    """A link to an actor's page, by its label."""
    return f'<a href="{escape(href("entity", iri))}">{escape(view.actors[iri].label)}</a>'


def event_link(event: Event, href: Callable[[str, str], str]) -> str:
    """A link to an event's page, by its label."""
    return f'<a href="{escape(href("event", event.iri))}">{escape(event.label)}</a>'


def wikidata_link(qid: str | None) -> str:
    """A link to a Wikidata item's page, or a dash."""
    if not qid:
        return "—"
    return f'<a href="{WIKIDATA_PAGE}{escape(qid)}">{escape(qid)}</a>'


def event_page(view: View, event: Event) -> str:
    """The page of one event: kind, date, roles, how it is reported, every report."""
    href = linker(1)
    roles = "".join(
        f"<li>{escape(role)}: {actor_link(view, who, href)}</li>\n" for role, who in event.roles
    )
    body = (
        f"<dl>\n<dt>kind</dt><dd>{escape(event.kind)}</dd>\n"
        f"<dt>date</dt><dd>{escape(event.when())}</dd>\n"
        f"<dt>drawn as</dt><dd>{escape(event.standing())}</dd>\n"
        f"<dt>reports</dt><dd>{escape(standing_text(event))}</dd>\n"
        f"<dt>IRI</dt><dd><code>{escape(event.iri)}</code></dd>\n</dl>\n"
        + (f"<h2>Who</h2>\n<ul>\n{roles}</ul>\n" if roles else "")
        + "<h2>Reports</h2>\n"
        + reports(event)
    )
    return page(event.label, body, 1)


def entity_page(view: View, iri: str) -> str:
    """The page of one actor: class, Wikidata link, its events and their reports."""
    href = linker(1)
    actor = view.actors[iri]
    rows, sections = [], []
    for role, event in view.events_of(iri):
        rows.append(
            f"<tr><td>{escape(event.when())}</td><td>{escape(event.kind)}</td>"
            f"<td>{escape(role)}</td><td>{event_link(event, href)}</td>"
            f"<td>{escape(event.standing())}</td></tr>\n"
        )
        sections.append(f"<h3>{event_link(event, href)} ({escape(role)})</h3>\n" + reports(event))
    body = (
        f"<dl>\n<dt>class</dt><dd>{escape(actor.kind)}</dd>\n"
        f"<dt>Wikidata</dt><dd>{wikidata_link(actor.qid)}</dd>\n"
        f"<dt>IRI</dt><dd><code>{escape(iri)}</code></dd>\n</dl>\n"
        "<h2>Events</h2>\n<table>\n<tr><th>date</th><th>kind</th><th>role</th><th>event</th>"
        "<th>drawn as</th></tr>\n" + "".join(rows) + "</table>\n"
        "<h2>Reports</h2>\n" + "".join(sections)
    )
    return page(actor.label, body, 1)


def marked(text: str, spans: list[tuple[int, int]]) -> str:
    """A sentence with the given spans of it marked (overlapping spans merged), escaped.

    >>> marked("a <b> c", [(2, 5), (4, 7)])
    'a <mark>&lt;b&gt; c</mark>'
    """
    merged: list[list[int]] = []
    for start, stop in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], stop)
        else:
            merged.append([start, stop])
    parts, at = [], 0
    for start, stop in merged:
        parts.append(f"{escape(text[at:start])}<mark>{escape(text[start:stop])}</mark>")
        at = stop
    return "".join(parts) + escape(text[at:])


def article_page(view: View, article: Article) -> str:
    """The page of one article: its sentences in order, the words that attest an event marked,
    each such sentence followed by links to its events."""
    href = linker(1)
    reports = view.reports_in(article.stem)
    items = []
    for begin, _, text in article.sentences:
        here = [a for a in reports if a.sentence_begin == begin]
        spans = [(a.begin - begin, a.end - begin) for a in here]
        events = "".join(
            f"<li>{event_link(view.events[a.event], href)}: {escape(voice(a))}</li>\n" for a in here
        )
        items.append(
            f'<li id="c{begin}"><p class="sentence">{marked(text, spans)}</p>\n'
            + (f'<ul class="source">\n{events}</ul>\n' if events else "")
            + "</li>\n"
        )
    body = (
        f"<dl>\n<dt>article</dt><dd>{escape(article.stem)}</dd>\n"
        f"<dt>published</dt><dd>{escape(article.published or 'unknown')}</dd>\n</dl>\n"
        "<ol>\n" + "".join(items) + "</ol>\n"
    )
    return page(article.headline or article.stem, body, 1)


def timeline_rows(view: View) -> list[Event]:
    """The dated events in date order, then the undated ones by label."""
    dated = sorted((e for e in view.events.values() if e.dated), key=Event.sort_key)
    undated = sorted((e for e in view.events.values() if not e.dated), key=Event.sort_key)
    return dated + undated


def _event_row(view: View, event: Event, href: Callable[[str, str], str]) -> str:
    """A timeline row: date, precision, kind, event, who, how it is reported."""
    precision = "day" if event.date else "interval" if event.dated else "none"
    who = ", ".join(actor_link(view, iri, href) for _, iri in event.roles)
    return (
        f"<tr><td>{escape(event.when())}</td><td>{precision}</td><td>{escape(event.kind)}</td>"
        f"<td>{event_link(event, href)}</td><td>{who}</td>"
        f"<td>{escape(event.standing())}</td></tr>\n"
    )


def timeline_page(view: View) -> str:
    """Every event in date order; the undated ones apart."""
    href = linker(0)
    head = (
        "<table>\n<tr><th>date</th><th>precision</th><th>kind</th><th>event</th><th>who</th>"
        "<th>drawn as</th></tr>\n"
    )
    events = timeline_rows(view)
    dated = [e for e in events if e.dated]
    undated = [e for e in events if not e.dated]
    body = (
        f'<h2 id="dated">Dated events ({len(dated)})</h2>\n{head}'
        + "".join(_event_row(view, e, href) for e in dated)
        + f'</table>\n<h2 id="undated">Undated events ({len(undated)})</h2>\n{head}'
        + "".join(_event_row(view, e, href) for e in undated)
        + "</table>\n"
    )
    return page("Timeline", body)


def _checkboxes(name: str, values: list[str]) -> str:
    """A row of checked checkboxes, one per value."""
    return "".join(
        f'<label><input type="checkbox" name="{name}" value="{escape(v)}" checked="checked"/> '
        f"{escape(v)}</label>\n"
        for v in values
    )


def network_page(view: View) -> str:
    """The network drawing, its filters and the same edges as a table."""
    href = linker(0)
    kinds = sorted({view.events[e.event].kind for e in view.edges})
    rows = []
    for edge in view.edges:
        event = view.events[edge.event]
        start, end = event.days()
        rows.append(
            f'<tr data-kind="{escape(event.kind)}" data-standing="{event.standing()}" '
            f'data-start="{escape(start)}" data-end="{escape(end)}">'
            f"<td>{actor_link(view, edge.source, href)}</td>"
            f"<td>{actor_link(view, edge.target, href)}</td><td>{escape(event.kind)}</td>"
            f"<td>{escape(event.when())}</td><td>{event.standing()}</td>"
            f"<td>{event_link(event, href)}</td></tr>\n"
        )
    body = (
        f"<p>{len(drawn_actors(view))} actors, {len(view.edges)} edges. An arrow runs from the "
        "actor that acts (speaker, sender, traveller) to the one it is directed at (target, "
        "recipient, host); participants of talks are joined both ways. The line shows how the "
        "event is reported: solid happened, dashed expected, dotted claimed by a source, "
        "dash-dotted denied. Green nodes are countries, purple ones delegations, blue ones "
        "people and organisations.</p>\n"
        '<form id="filters">\n<fieldset><legend>kind</legend>\n'
        + _checkboxes("kind", kinds)
        + "</fieldset>\n<fieldset><legend>drawn as</legend>\n"
        + _checkboxes("standing", [*MODALITIES, "unattested"])
        + '</fieldset>\n<fieldset><legend>dates</legend>\n<label>from <input type="date" '
        'id="from"/></label> <label>to <input type="date" id="to"/></label> (undated events '
        "are hidden while a date is set; an interval is shown when it meets the range)"
        '</fieldset>\n</form>\n<p class="muted" id="shown"></p>\n'
        '<div id="cy" class="cy hidden"></div>\n<div id="network-svg">\n'
        + network_svg(view, href)
        + "\n</div>\n"
        + island(view, href)
        + "<h2>Edges</h2>\n<table>\n<tr><th>from</th><th>to</th><th>kind</th><th>date</th>"
        "<th>drawn as</th><th>event</th></tr>\n" + "".join(rows) + "</table>\n"
    )
    return page("Network", body, scripts=(CYTOSCAPE, "network.js"))


def index_page(view: View) -> str:
    """The front page: what the graph holds, and every actor and event."""
    href = linker(0)
    articles = [(a.stem, a.headline) for a in view.articles.values()]
    actors = "".join(
        f"<tr><td>{actor_link(view, a.iri, href)}</td><td>{escape(a.kind)}</td>"
        f"<td>{wikidata_link(a.qid)}</td></tr>\n"
        for a in sorted(view.actors.values(), key=lambda a: (a.kind, a.label, a.iri))
    )
    events = "".join(
        f"<li>{escape(e.when())}: {event_link(e, href)} ({escape(e.kind)})</li>\n"
        for e in timeline_rows(view)
    )
    body = (
        f"<p>{len(view.events)} events, {len(view.actors)} actors and "
        f"{sum(len(e.attestations) for e in view.events.values())} reports from "
        f'{len(articles)} articles. See the <a href="network.html">network</a> of who acted '
        'towards whom, the <a href="timeline.html">timeline</a>, or run the '
        '<a href="queries.html">stored queries</a> on <code>diplograph serve</code>.</p>\n'
        "<h2>Articles</h2>\n<ul>\n"
        + "".join(
            f'<li><a href="{escape(article_link(a, 0))}">{escape(a)}</a>: {escape(h)}</li>\n'
            for a, h in articles
        )
        + "</ul>\n<h2>Actors</h2>\n<table>\n<tr><th>actor</th><th>class</th><th>Wikidata</th>"
        "</tr>\n" + actors + "</table>\n<h2>Events</h2>\n<ul>\n" + events + "</ul>\n"
    )
    return page("diplograph: the graph at a glance", body)


def site_files(view: View, stored: list[StoredQuery]) -> dict[str, str]:
    """Every file of the site, by its path in the site folder."""
    files = {
        "index.html": index_page(view),
        "network.html": network_page(view),
        "timeline.html": timeline_page(view),
        "queries.html": page("Stored queries", query_page(stored), scripts=("queries.js",)),
        "style.css": STYLE,
        "network.js": NETWORK_SCRIPT,
        "queries.js": QUERY_SCRIPT,
        **vendored_files(),
    }
    for iri, event in view.events.items():
        files[f"event/{page_name(iri)}"] = event_page(view, event)
    for iri in view.actors:
        files[f"entity/{page_name(iri)}"] = entity_page(view, iri)
    for stem, article in view.articles.items():
        files[article_link(stem, 0)] = article_page(view, article)
    return files
