"""`diplograph view`: the static site of a build of the seeds. The network's exact nodes and
edges and the timeline's exact rows; every link resolves to a page of the site or to Wikidata;
every page is well-formed; a hostile label is escaped; two runs (and both engines) write the same
bytes; a failed run leaves the previous site whole; the CLI's exit codes."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from diplograph.built import load_build
from diplograph.cli import cli
from diplograph.network import drawn_actors, short
from diplograph.pages import page_name, site_files, timeline_rows
from diplograph.queries import list_queries, with_prefixes, with_values
from diplograph.querypage import QUERY_SCRIPT, template
from diplograph.view import gather, load_view

ROOT = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/diplograph/id/"
KIM = "Chinese party-government delegation led by Li Hongzhong (July 2023)"
SHOIGU_DELEGATION = "Russian delegation led by Sergei Shoigu (July 2023)"
NK_DELEGATION = "North Korean delegation to Russia led by Kim Jong Un (September 2023)"
RU_SIDE = "Russian side at the Kim-Putin summit, led by Vladimir Putin (September 2023)"
BROKERS = "entities that brokered arms sales between North Korea and Russia"
STATE = "United States Department of State"

NODES = [
    "China",
    "North Korea",
    "Russia",
    "South Korea",
    "Soviet Union",
    "United States",
    KIM,
    NK_DELEGATION,
    SHOIGU_DELEGATION,
    RU_SIDE,
    "United Nations Command",
    STATE,
    BROKERS,
    "Kim Jong Un",
    "Li Hongzhong",
    "Matthew Miller",
    "Sergei Shoigu",
    "Travis King",
    "Vladimir Putin",
    "Xi Jinping",
]
EXPECTED = ROOT / "tests" / "expected" / "view"


def expected(name: str) -> list[tuple[str, ...]]:
    """The rows of an expected-answer file of the view (its header left out)."""
    with open(EXPECTED / name, newline="", encoding="utf-8") as stream:
        return [tuple(row) for row in csv.reader(stream)][1:]


SVG = "{http://www.w3.org/2000/svg}"


def run(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process on the repository; exit code, stdout, stderr."""
    result = CliRunner().invoke(cli, ["--root", str(ROOT), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def build_dir(seeds_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder of the seeds for this module: a copy of the session's (conftest.py), as
    `diplograph build` writes it; `view` writes its site into it."""
    out = tmp_path_factory.mktemp("view") / "out"
    shutil.copytree(seeds_out, out)
    return out


@pytest.fixture(scope="module")
def site(build_dir: Path) -> Path:
    """The site that `diplograph view` writes into the build folder."""
    code, out, err = run("view", "--out", str(build_dir))
    assert (code, err) == (0, ""), err
    folder = build_dir / "view"
    count = len([p for p in folder.rglob("*") if p.is_file()])
    assert out == f"wrote {count - 1} files to {folder} (open {folder / 'index.html'})\n"
    return folder


@pytest.fixture(scope="module")
def view(build_dir: Path):
    """The view of the build, gathered from the store as `diplograph view` gathers it."""
    return load_view(load_build(build_dir, ROOT), ROOT / "queries" / "view")


def files(folder: Path) -> dict[str, bytes]:
    """Every file of a folder by its relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


class Links(HTMLParser):
    """Collects every href and src of a page, and checks that its tags nest."""

    VOID = {"meta", "link", "input", "br", "img", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        """Record links; push the tag."""
        self.links += [value for name, value in attrs if name in ("href", "src")]
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        """A self-closed tag: links only."""
        self.links += [value for name, value in attrs if name in ("href", "src")]

    def handle_endtag(self, tag: str) -> None:
        """Pop the tag; it must be the one open."""
        assert self.open and self.open.pop() == tag, tag

    def handle_data(self, data: str) -> None:
        """Keep the text."""
        self.text.append(data)


def parse(path: Path) -> Links:
    """A page parsed with html.parser, its tags checked."""
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    assert parser.open == [], path
    return parser


def test_the_network_has_exactly_the_seeds_nodes_and_edges(view):
    assert [a.label for a in drawn_actors(view)] == NODES
    edges = [
        (
            view.actors[e.source].label,
            view.actors[e.target].label,
            view.events[e.event].kind,
            view.events[e.event].when(),
            view.events[e.event].standing(),
        )
        for e in view.edges
    ]
    assert edges == expected("network-edges.csv")
    assert len(edges) == 39
    assert {a.label: a.qid for a in view.actors.values() if a.qid} == {
        "China": "Q148",
        "North Korea": "Q423",
        "Russia": "Q159",
        "South Korea": "Q884",
        "Soviet Union": "Q15180",
        "United States": "Q30",
        STATE: "Q789915",
        "Kim Jong Un": "Q56226",
        "Sergei Shoigu": "Q32024",
        "Vladimir Putin": "Q7747",
        "Xi Jinping": "Q15031",
    }


def test_the_network_page_draws_and_lists_the_same_edges(site, view):
    root = ET.fromstring((site / "network.html").read_text(encoding="utf-8"))
    drawn = list(root.iter(SVG + "a"))
    curves = [a.get("href") for a in drawn if a.get("class").startswith("edge ")]
    assert curves == [f"event/{page_name(e.event)}" for e in view.edges]
    nodes = [a.find(SVG + "text").text for a in drawn if a.get("class").startswith("node ")]
    assert nodes == [short(label) for label in NODES]
    rows = root.findall(".//table/tr[@data-kind]")
    listed = [tuple("".join(cell.itertext()) for cell in row)[:5] for row in rows]
    assert listed == expected("network-edges.csv")


def test_the_timeline_is_in_date_order_with_the_undated_apart(site, view):
    rows = [(e.when(), e.kind, e.label, e.standing()) for e in timeline_rows(view)]
    assert rows == expected("timeline.csv")
    assert [e.dated for e in timeline_rows(view)] == [True] * 20 + [False] * 27
    page = ET.fromstring((site / "timeline.html").read_text(encoding="utf-8"))
    tables = page.findall(".//table")
    shown = [[tuple("".join(c.itertext()) for c in r) for r in t.findall("tr")[1:]] for t in tables]
    assert [(when, kind, label, drawn) for when, _, kind, label, _, drawn in shown[0]] == rows[:20]
    assert [(when, kind, label, drawn) for when, _, kind, label, _, drawn in shown[1]] == rows[20:]


def test_an_event_page_shows_each_report_with_its_words_marked_and_claims_as_claims(site):
    page = site / "event" / page_name(ID + "event/military-aid/undated/north-korea-russia")
    root = ET.fromstring(page.read_text(encoding="utf-8"))
    assert root.find(".//dd").text == "military aid"
    assert [dd.text for dd in root.findall(".//dd")][2:4] == [
        "claimed",
        "a claim, according to North Korea, Russia: denied; "
        "a claim, according to United States: claimed",
    ]
    reports = root.findall(".//li[@class='report claim']")
    assert [r.find("p/mark").text for r in reports] == [
        "accused North Korea of providing military aid to Russia in the war in Ukraine",
        "a claim that both Pyongyang and Moscow deny",
    ]
    assert [r.findall("p")[1].text.split(" · ")[0] for r in reports] == [
        "a claim, according to United States: claimed",
        "a claim, according to North Korea, Russia: denied",
    ]
    assert root.findall(".//li[@class='report']") == []  # never in the article's own voice
    kim = ET.fromstring((site / "entity" / "person.kim-jong-un.html").read_text("utf-8"))
    wikidata = [a.get("href") for a in kim.iter("a") if "wikidata" in a.get("href")]
    assert wikidata == ["https://www.wikidata.org/wiki/Q56226"]


def test_every_page_is_well_formed_and_every_link_resolves(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 4 + 47 + 24 + 3
    ids = {p.resolve(): {e.get("id") for e in ET.parse(p).iter()} for p in pages}  # well-formed
    for path in pages:
        for link in parse(path).links:
            parts = urlsplit(link)
            if parts.scheme:
                assert link.startswith("https://www.wikidata.org/wiki/Q"), (path, link)
                continue
            target = (path.parent / parts.path).resolve()
            assert target.is_file() and site.resolve() in target.parents, (path, link)
            assert not parts.fragment or parts.fragment in ids[target], (path, link)


def test_an_article_page_marks_the_words_and_links_the_events_they_report(site):
    letter = "event/letter-delivery/undated/vladimir-putin-sergei-shoigu-kim-jong-un"
    event = ET.parse(site / "event" / page_name(ID + letter)).getroot()
    links = [a.get("href") for a in event.iter("a") if "article/" in a.get("href")]
    assert links == ["../article/article.000_ec5e95d0bf243a61.html#c1863"]
    article = ET.parse(site / "article" / "article.000_ec5e95d0bf243a61.html").getroot()
    assert article.find(".//h1").text == (
        "North Korea's Kim meets Russian and Chinese delegations in Pyongyang"
    )
    sentence = article.find(".//li[@id='c1863']")
    assert "".join(sentence.find("p").itertext()) == (
        "The KCNA also reported that Shoigu gave Kim a letter from Russian President Vladimir "
        "Putin."
    )
    # the statement "KCNA reported" attests the whole sentence, the letter its last words
    assert [m.text for m in sentence.iter("mark")] == ["".join(sentence.find("p").itertext())]
    statement = "event/statement/undated/kcna-000-ec5e95d0bf243a61-s10"
    assert [(a.get("href"), a.tail) for a in sentence.iter("a")] == [
        (f"../event/{page_name(ID + statement)}", ": the article's own voice: happened"),
        (
            f"../event/{page_name(ID + letter)}",
            ": a claim, according to Korean Central News Agency (relayed by Yonhap News "
            "Agency): happened",
        ),
    ]
    assert len(article.findall(".//ol/li")) == 14


def test_the_query_page_lists_every_stored_query_with_its_parameters(site):
    page = ET.fromstring((site / "queries.html").read_text(encoding="utf-8"))
    stored = list_queries(ROOT / "queries")
    sections = page.findall(".//section")
    assert [s.get("id") for s in sections] == [q.name for q in stored]
    for section, query in zip(sections, stored, strict=True):
        keys = ("name", "data-type", "value")
        inputs = [tuple(i.get(k) for k in keys) for i in section.iter("input")]
        assert inputs == [(p.name, p.type, p.example) for p in query.params]
        assert section.find(".//textarea").text == template(query)


def test_the_query_text_with_its_values_is_what_query_endpoint_sends():
    from diplograph.queries import bind

    for query in list_queries(ROOT / "queries"):
        bindings = bind(query, query.examples)
        filled = template(query)
        for name, term in bindings.items():
            filled = filled.replace(f"%%{name}%%", term.n3())
        assert filled == with_prefixes(with_values(query.text, bindings)), query.name


def test_the_page_script_binds_values_as_rdf_terms(tmp_path):
    script = tmp_path / "queries.js"
    script.write_text(QUERY_SCRIPT, encoding="utf-8")
    calls = [
        ("xsd:date", "2023-07-26"),
        ("xsd:integer", "-3"),
        ("xsd:string", 'say "hi"\n'),
        ("iri", "id:person/kim-jong-un"),
        ("iri", "http://example.org/x"),
        ("iri", "id:a b"),
        ("xsd:date", "yesterday"),
    ]
    program = (
        f"{QUERY_SCRIPT}\nfor (const [t, v] of {json.dumps(calls)}) {{"
        " try { console.log(term(t, v)); } catch (e) { console.log('error: ' + e.message); } }"
    )
    done = subprocess.run(["node", "-e", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert done.stdout.splitlines() == [
        f'"2023-07-26"^^<{xsd}date>',
        f'"-3"^^<{xsd}integer>',
        '"say \\"hi\\"\\n"',
        f"<{ID}person/kim-jong-un>",
        "<http://example.org/x>",
        "error: 'id:a b' is not an IRI or a known prefixed name",
        "error: 'yesterday' is not a valid xsd:date",
    ]


HOSTILE = "<script>alert('x')</script> & \"Kim\""


def hostile_answers(name: str) -> tuple:
    """The view queries' answers for a graph of two actors with a hostile label and one event
    between them (data, not an endpoint: gather() reads rows)."""
    a, b, e = URIRef(ID + "person/a"), URIRef(ID + "person/b"), URIRef(ID + "event/x/1")
    rows = {
        "actors": (
            ("actor", "label", "class", "classLabel", "item"),
            [
                (a, Literal(HOSTILE), None, Literal("person"), None),
                (b, Literal("B"), None, Literal("person"), None),
            ],
        ),
        "event-roles": (
            ("event", "role", "roleLabel", "actor"),
            [(e, None, Literal("sender"), a), (e, None, Literal("recipient"), b)],
        ),
        "events": (
            ("event", "label", "kind", "kindLabel", "date", "earliest", "latest"),
            [
                (
                    e,
                    Literal(f"{HOSTILE} wrote </textarea>"),
                    None,
                    Literal("letter <delivery>"),
                    Literal("2023-01-02"),
                    None,
                    None,
                )
            ],
        ),
        "network-edges": (("source", "target", "event"), [(a, b, e)]),
        "attestations": (
            (
                "attestation",
                "event",
                "modality",
                "begin",
                "end",
                "text",
                "sentenceBegin",
                "sentence",
                "article",
                "headline",
                "published",
            ),
            [
                (
                    URIRef(ID + "attestation/1"),
                    e,
                    Literal("claimed"),
                    Literal(4),
                    Literal(8),
                    Literal("<b>&"),
                    Literal(0),
                    Literal("x y <b>& z"),
                    Literal("a&b"),
                    Literal('H"<'),
                    None,
                )
            ],
        ),
        "sentences": (
            ("article", "headline", "published", "begin", "end", "text"),
            [
                (
                    Literal("a&b"),
                    Literal('H"<'),
                    None,
                    Literal(0),
                    Literal(10),
                    Literal("x y <b>& z"),
                )
            ],
        ),
        "attestation-sources": (
            ("attestation", "via", "source", "label"),
            [
                (
                    URIRef(ID + "attestation/1"),
                    URIRef("https://w3id.org/diplograph/ontology#claimedBy"),
                    a,
                    Literal(HOSTILE),
                )
            ],
        ),
    }
    return rows[name]


def test_a_hostile_label_is_escaped_everywhere():
    view = gather(hostile_answers)
    assert view.events[ID + "event/x/1"].attestations[0].span() == ("x y ", "<b>&", " z")
    for name, text in site_files(view, list_queries(ROOT / "queries")).items():
        if not name.endswith(".html"):
            continue
        assert "<script>alert" not in text and "<b>&" not in text, name
        root = ET.fromstring(text)  # still well-formed
        scripts = [s.get("src") for s in root.iter("script")]
        assert scripts in (
            [],
            ["queries.js"],
            ["vendor/cytoscape-3.35.0.min.js", "network.js", None],
        )
        if name == "entity/person.a.html":
            assert root.find(".//h1").text == HOSTILE
            assert root.find(".//mark").text == "<b>&"
            source = "".join(root.find(".//li[@class='report claim']/p[2]").itertext())
            assert source.startswith(
                f'a claim, according to {HOSTILE}: claimed · article a&b “H"<”'
            )


def test_two_runs_and_both_engines_write_the_same_bytes(site, build_dir, tmp_path, monkeypatch):
    code, _, err = run("view", "--out", str(build_dir), "--site", str(tmp_path / "again"))
    assert code == 0, err
    assert files(tmp_path / "again") == files(site)
    monkeypatch.setenv("DIPLOGRAPH_ENGINE", "rdflib")
    code, _, err = run("view", "--out", str(build_dir), "--site", str(tmp_path / "rdflib"))
    assert code == 0, err
    assert files(tmp_path / "rdflib") == files(site)


def test_a_failed_run_leaves_the_previous_site_whole(build_dir, tmp_path, monkeypatch):
    target = tmp_path / "site"
    assert run("view", "--out", str(build_dir), "--site", str(target))[0] == 0
    before = files(target)

    def half(view, stored):  # a page that cannot be written, after others were
        return {"index.html": "x", "index.html/page.html": "y", "zz.html": "z"}

    monkeypatch.setattr("diplograph.pages.site_files", half)
    code, out, err = run("view", "--out", str(build_dir), "--site", str(target))
    assert (code, out) == (2, "")
    assert err.startswith("error: ") and err.count("\n") == 1 and "index.html" in err
    assert files(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_without_a_build_view_exits_2_saying_what_to_do(tmp_path):
    out = tmp_path / "out"
    assert run("view", "--out", str(out)) == (
        2,
        "",
        f"error: {out}: no build found; run `diplograph build` first\n",
    )
    assert not out.exists()


def test_a_stale_build_exits_2(build_dir, tmp_path):
    stale = tmp_path / "out"
    shutil.copytree(build_dir, stale)
    manifest = json.loads((stale / "manifest.json").read_text(encoding="utf-8"))
    first = sorted(manifest["inputs"])[0] if isinstance(manifest.get("inputs"), dict) else None
    assert first is not None, manifest.keys()
    manifest["inputs"][first] = "0" * 64
    (stale / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    code, _, err = run("view", "--out", str(stale))
    assert code == 2 and "the build is older than the inputs (stale)" in err


def test_a_site_folder_view_did_not_make_is_never_replaced(build_dir, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    code, _, err = run("view", "--out", str(build_dir), "--site", str(mine))
    assert code == 2 and err.startswith(f"error: {mine}: is not empty")
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def test_the_view_queries_answer_alike_with_and_without_inference(build_dir):
    from diplograph.queries import load_queries, run_query

    store = load_build(build_dir, ROOT)
    for query in load_queries(ROOT / "queries" / "view"):
        with_inference = run_query(store, query, {})
        without = run_query(store, query, {}, inference=False)
        assert sorted(map(str, with_inference.rows)) == sorted(map(str, without.rows)), query.name
        assert query.question and not query.params
