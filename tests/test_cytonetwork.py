"""The web view's interactive network (cytonetwork.py): the JSON island of the seeds' build has
exactly the expected nodes and edges; the network page loads the vendored Cytoscape.js and its
own script by relative paths to files of the site; no generated file names a host but the data's
and the vocabularies'; the page's script, run in Node with the vendored Cytoscape (headless),
draws the island and filters it to exact counts. (A real browser is not driven here.)"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from diplograph.built import load_build
from diplograph.cytonetwork import ISLAND_ID, NETWORK_SCRIPT, island
from diplograph.pages import linker
from diplograph.queries import list_queries
from diplograph.vendored import CYTOSCAPE
from diplograph.view import gather, load_view, write_view

ROOT = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/diplograph/id/"
NODES = [
    ("China", "country", "Q148"),
    ("North Korea", "country", "Q423"),
    ("Russia", "country", "Q159"),
    ("South Korea", "country", "Q884"),
    ("Soviet Union", "country", "Q15180"),
    ("United States", "country", "Q30"),
    ("Chinese party-government delegation led by Li Hongzhong (July 2023)", "delegation", None),
    ("North Korean delegation to Russia led by Kim Jong Un (September 2023)", "delegation", None),
    ("Russian delegation led by Sergei Shoigu (July 2023)", "delegation", None),
    (
        "Russian side at the Kim-Putin summit, led by Vladimir Putin (September 2023)",
        "delegation",
        None,
    ),
    ("United Nations Command", "government body", None),
    ("United States Department of State", "government body", "Q789915"),
    ("entities that brokered arms sales between North Korea and Russia", "organisation", None),
    ("Kim Jong Un", "person", "Q56226"),
    ("Li Hongzhong", "person", None),
    ("Matthew Miller", "person", None),
    ("Sergei Shoigu", "person", "Q32024"),
    ("Travis King", "person", None),
    ("Vladimir Putin", "person", "Q7747"),
    ("Xi Jinping", "person", "Q15031"),
]
# Every host an http(s) address in the site names, outside vendor/: Wikidata (links of the
# data), the graph's own IRIs (w3id.org, shown as text and in the island), the vocabularies'
# namespaces in the queries' prefixes and the SVG namespace, the query page's default endpoint.
HOSTS = {
    "127.0.0.1:7878",
    "schema.org",
    "semanticweb.cs.vu.nl",
    "w3id.org",
    "www.w3.org",
    "www.wikidata.org",
}
# The hosts in the vendored Cytoscape.js: licence and credit comments only.
VENDOR_HOSTS = {"en.wikipedia.org", "engelschall.com", "github.com", "opensource.org"}
URL = re.compile(r"https?://([^/\"'<>\s)#]+)")


@pytest.fixture(scope="module")
def view(seeds_out: Path):
    """The view of the session's build of the seeds."""
    return load_view(load_build(seeds_out, ROOT), ROOT / "queries" / "view")


@pytest.fixture(scope="module")
def site(view, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site written from the view, as `diplograph view` writes it."""
    folder = tmp_path_factory.mktemp("cyto") / "view"
    write_view(view, folder, list_queries(ROOT / "queries"), folder.parent)
    return folder


def island_data(page: Path) -> dict:
    """The JSON island of a network page."""
    root = ET.fromstring(page.read_text(encoding="utf-8"))
    (element,) = [s for s in root.iter("script") if s.get("id") == ISLAND_ID]
    assert element.get("type") == "application/json"
    return json.loads(element.text)


def test_the_island_has_exactly_the_seeds_nodes_and_edges(site):
    data = island_data(site / "network.html")
    assert [(n["label"], n["kind"], n["qid"]) for n in data["nodes"]] == NODES
    assert data["nodes"][0]["id"] == ID + "country/china"
    assert data["nodes"][0]["href"] == "entity/country.china.html"
    assert (data["nodes"][0]["x"], data["nodes"][0]["y"]) == (0.0, -300.0)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    edges = [
        (labels[e["source"]], labels[e["target"]], e["kind"], e["when"], e["standing"])
        for e in data["edges"]
    ]
    with open(ROOT / "tests/expected/view/network-edges.csv", newline="", encoding="utf-8") as f:
        assert edges == [tuple(row) for row in csv.reader(f)][1:]
    assert [e["id"] for e in data["edges"]] == [f"e{i}" for i in range(39)]
    assert data["edges"][0] == {
        "end": "1950-11-30",
        "event": ID + "event/military-aid/1950-09-01/china-north-korea",
        "href": "event/event.military-aid.1950-09-01.china-north-korea.html",
        "id": "e0",
        "kind": "military aid",
        "label": "China sends troops to support North Korea in the Korean War",
        "source": ID + "country/china",
        "standing": "happened",
        "start": "1950-09-01",
        "target": ID + "country/north-korea",
        "when": "between 1950-09-01 and 1950-11-30",
    }
    stays = [e for e in data["edges"] if e["label"].endswith("visits Pyongyang")]  # intervals
    assert [(e["start"], e["end"]) for e in stays] == [
        ("2023-07-26", "2023-07-27"),
        ("2023-07-25", "2023-07-27"),
    ]
    for item in data["nodes"] + data["edges"]:
        assert (site / item["href"]).is_file(), item["href"]


def test_the_island_escapes_what_could_end_its_script(view):
    from test_view import hostile_answers

    text = island(gather(hostile_answers), linker(0))
    assert "<" not in text[text.index(">") + 1 : text.rindex("</script>")]
    assert "&" not in text
    body = text[text.index(">") + 1 : text.rindex("</script>")]
    assert json.loads(body)["nodes"][0]["label"] == "<script>alert('x')</script> & \"Kim\""
    assert ET.fromstring(text).get("id") == ISLAND_ID


def test_every_script_src_is_a_relative_path_to_a_file_of_the_site(site):
    found = {}
    for page in sorted(site.rglob("*.html")):
        root = ET.fromstring(page.read_text(encoding="utf-8"))
        for script in root.iter("script"):
            src = script.get("src")
            if src is None:
                assert script.get("type") == "application/json", page
                continue
            parts = urlsplit(src)
            assert not parts.scheme and not parts.netloc and not src.startswith("/"), src
            target = (page.parent / src).resolve()
            assert target.is_file() and site.resolve() in target.parents, (page, src)
            found.setdefault(str(target.relative_to(site.resolve())), set()).add(page.name)
    assert found == {
        "vendor/cytoscape-3.35.0.min.js": {"network.html"},
        "network.js": {"network.html"},
        "queries.js": {"queries.html"},
    }
    root = ET.fromstring((site / "network.html").read_text(encoding="utf-8"))
    assert [s.get("src") for s in root.iter("script")] == [CYTOSCAPE, "network.js", None]


def test_no_generated_file_names_another_host(site):
    hosts, linked = set(), set()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8")
        if path.parent.name == "vendor":
            assert set(URL.findall(text)) <= VENDOR_HOSTS, path
            continue
        hosts |= set(URL.findall(text))
        for value in re.findall(r'(?:href|src)="([^"]*)"', text):
            if urlsplit(value).scheme:
                linked.add(urlsplit(value).netloc)
    assert hosts == HOSTS
    assert linked == {"www.wikidata.org"}  # the only address a page links to or loads
    vendored = (site / CYTOSCAPE).read_text(encoding="utf-8")
    assert set(URL.findall(vendored)) == VENDOR_HOSTS


def test_the_filter_script_is_on_the_page(site):
    assert (site / "network.js").read_text(encoding="utf-8") == NETWORK_SCRIPT
    for name in ("function shown(", "function applyFilters(", 'name: "preset"'):
        assert name in NETWORK_SCRIPT, name
    root = ET.fromstring((site / "network.html").read_text(encoding="utf-8"))
    boxes = {(i.get("name"), i.get("value")) for i in root.iter("input") if i.get("name")}
    assert {v for n, v in boxes if n == "standing"} == {
        "happened",
        "expected",
        "claimed",
        "denied",
        "unattested",
    }
    assert len([n for n, _ in boxes if n == "kind"]) == 18
    assert [i.get("id") for i in root.iter("input") if i.get("type") == "date"] == ["from", "to"]
    assert root.find(".//div[@id='cy']").get("class") == "cy hidden"
    assert root.find(".//div[@id='network-svg']") is not None  # drawn until Cytoscape replaces it


FILTERS = {
    "everything": {"from": "", "to": ""},
    "claimed only": {"standings": ["claimed"], "from": "", "to": ""},
    "letters only": {"kinds": ["letter delivery"], "from": "", "to": ""},
    "26-27 July 2023": {"from": "2023-07-26", "to": "2023-07-27"},
    "from 1951": {"from": "1951-01-01", "to": ""},
    "until 1950-09-01": {"from": "", "to": "1950-09-01"},
    "no kind": {"kinds": [], "from": "", "to": ""},
}


def test_the_script_draws_the_island_with_the_vendored_cytoscape_and_filters_it(site):
    data = island_data(site / "network.html")
    program = f"""
const cytoscape = require({json.dumps(str(site / CYTOSCAPE))});
const page = require({json.dumps(str(site / "network.js"))});
const data = {json.dumps(data)};
const cy = cytoscape({{headless: true, styleEnabled: true, elements: page.elements(data),
  style: page.NETWORK_STYLE, layout: {{name: "preset"}}}});
const kinds = [...new Set(data.edges.map((e) => e.kind))];
const standings = ["happened", "expected", "claimed", "denied", "unattested"];
const result = {{nodes: cy.nodes().length, edges: cy.edges().length,
  kremlin: cy.getElementById({json.dumps(ID + "person/vladimir-putin")}).position()}};
for (const [name, f] of Object.entries({json.dumps(FILTERS)})) {{
  const shown = page.applyFilters(cy, {{kinds: new Set(f.kinds || kinds),
    standings: new Set(f.standings || standings), from: f.from, to: f.to}});
  result[name] = [shown, cy.nodes().filter((n) => !n.hasClass("hidden")).length];
}}
result.dash = cy.edges(".m-claimed")[0].style("line-style");
console.log(JSON.stringify(result));
cy.destroy();
process.exit(0);
"""
    done = subprocess.run(["node", "-e", program], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (0, "")  # no style warning from Cytoscape
    result = json.loads(done.stdout)
    putin = next(n for n in data["nodes"] if n["label"] == "Vladimir Putin")
    assert result == {
        "nodes": 20,
        "edges": 39,
        "kremlin": {"x": putin["x"], "y": putin["y"]},
        "everything": [39, 20],
        "claimed only": [12, 10],
        "letters only": [4, 5],
        "26-27 July 2023": [11, 7],
        "from 1951": [19, 12],
        "until 1950-09-01": [1, 2],
        "no kind": [0, 0],
        "dash": "dotted",
    }
