"""The web view in a real browser: Debian's Chromium (/usr/bin/chromium, installed by
scripts/install-test-browser.sh, which the README's test command runs first), headless, driven by
Playwright's Python package on that system browser (`playwright install` is never run).

On the site `diplograph view` writes from the seeds' build: Cytoscape draws exactly the seeds'
nodes and edges and a check box filters them to exact counts; a click on an edge or an event link
opens the event's page with its sentence and the quoted words marked; the timeline is in date
order; a stored query runs from the query page on a real `diplograph serve --cors`. No request
leaves 127.0.0.1 (every page request is recorded, and the browser's proxy is a trap on 127.0.0.1
that records anything the browser itself would send elsewhere), every file loads, no page logs
an error or a warning. A screenshot of each kind of page is kept as a test artefact.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import shutil
import socketserver
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from test_cytonetwork import NODES
from test_serve import Served, start

from diplograph.cli import cli

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/diplograph/id/"
CHROMIUM = Path("/usr/bin/chromium")
INSTALL = "scripts/install-test-browser.sh"
# Chromium as root needs --no-sandbox; the others keep it from calling Google's hosts
# (component updates, sync, field trials, QUIC probes) and from a first-run dialogue. Even so,
# Chromium 150 lists the profile's Google accounts (accounts.google.com, on start and for each
# new context) and checks in for push messages (android.clients.google.com), and 156 asks for
# component updates (update.googleapis.com); no switch turns them off: their addresses are
# pointed at the discard port of 127.0.0.1, where nothing listens (the trap below caught them;
# see docs/decisions/20261203-browser-tests.md).
NOWHERE = "http://127.0.0.1:9/"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    f"--gaia-url={NOWHERE}",
    f"--gcm-checkin-url={NOWHERE}",
    f"--component-updater=url-source={NOWHERE}",
    f"--autofill-server-url={NOWHERE}",  # a form on an http page asks Google's autofill server
]
VIEWPORT = {"width": 1280, "height": 800}
ARTEFACTS_ENV = "DIPLOGRAPH_TEST_ARTEFACTS"
ARMS_SALE = "event/event.arms-sale-approval.2023-09-13.united-states-south-korea-f-35.html"
LETTER = "event/event.letter-delivery.2023-07-26.xi-jinping-li-hongzhong-kim-jong-un.html"
KIM = "entity/person.kim-jong-un.html"
ARTICLE = "article/article.000_ec5e95d0bf243a61.html"
SHOT_PAGES = {
    "index": "index.html",
    "network": "network.html",
    "timeline": "timeline.html",
    "event": ARMS_SALE,
    "entity": KIM,
    "article": ARTICLE,
}
NEXT_FRAMES = (
    "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
)
DRAWN = """() => ({
  nodes: cy.nodes().map((n) => [n.data("label"), n.data("kind"), n.data("qid")]),
  edges: cy.edges().map((e) => [cy.getElementById(e.data("source")).data("label"),
    cy.getElementById(e.data("target")).data("label"), e.data("kind"), e.data("when"),
    e.data("standing")]),
  shown: cy.edges().filter((e) => e.visible()).length,
})"""


class TrapHandler(socketserver.StreamRequestHandler):
    """Records the first line of whatever the browser sends through its proxy, and refuses it."""

    def handle(self) -> None:
        """Record the request line; answer 403."""
        self.server.seen.append(self.rfile.readline(8192).decode("latin-1").strip())
        self.wfile.write(
            b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )


class Trap(socketserver.ThreadingTCPServer):
    """The browser's proxy on 127.0.0.1: Chromium sends every request that is not to 127.0.0.1
    or a file here (its implicit loopback bypass), so whatever it records would have left."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), TrapHandler)
        self.seen: list[str] = []

    @property
    def address(self) -> str:
        """The proxy's address, for --proxy-server."""
        return f"http://127.0.0.1:{self.server_address[1]}"


@dataclass
class Tab:
    """A page in a fresh browser context, with every request it made, every request that
    failed, and every script error and console error or warning it logged; `allowed` are the
    addresses its requests may go to (the site's and the endpoint's)."""

    page: object
    allowed: tuple[str, ...]
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def open(self, address: str):
        """Go to an address and wait until the page and its scripts have loaded."""
        self.page.goto(address, wait_until="load")
        return self.page

    def outside(self) -> list[str]:
        """The requests that went anywhere but the site and the endpoint."""
        return [url for url in self.requests if not url.startswith(self.allowed)]


def artefacts_folder() -> Path:
    """Where the screenshots go: $DIPLOGRAPH_TEST_ARTEFACTS, else test-artefacts/browser/."""
    chosen = os.environ.get(ARTEFACTS_ENV)
    return Path(chosen) if chosen else ROOT / "test-artefacts" / "browser"


def launch(playwright, proxy: str):
    """Chromium at /usr/bin/chromium, headless, in a fresh profile (Playwright gives each
    launch a new user-data-dir), its proxy the trap; a missing browser fails the test."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run {INSTALL} (the README's test command does)")
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        headless=True,
        args=[*CHROMIUM_ARGS, f"--proxy-server={proxy}"],
    )


@pytest.fixture(scope="module")
def build_dir(seeds_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's build of the seeds, copied (view and serve write into it)."""
    out = tmp_path_factory.mktemp("browser") / "out"
    shutil.copytree(seeds_out, out)
    return out


@pytest.fixture(scope="module")
def site(build_dir: Path) -> Path:
    """The site `diplograph view` writes into the build folder."""
    result = CliRunner().invoke(cli, ["--root", str(ROOT), "view", "--out", str(build_dir)])
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return build_dir / "view"


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[Served]:
    """`diplograph serve --cors` on the build (a real process on a free port)."""
    server = start(site.parent, "--cors")
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture(scope="module")
def origin(served: Served) -> str:
    """The endpoint's scheme, host and port."""
    return served.url.removesuffix("/query")


@pytest.fixture(scope="module")
def base(site: Path) -> str:
    """The address every page is opened at: the site as `diplograph view` wrote it, from the
    file system (once `serve` serves the view, `f"{origin}/view/"` with the `origin` fixture)."""
    return site.as_uri() + "/"


@pytest.fixture(scope="module")
def trap() -> Iterator[Trap]:
    """The recording proxy, serving in a thread while the module's browser runs."""
    server = Trap()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(trap: Trap):
    """One headless Chromium for the module."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail('Playwright is missing: python3 -m pip install -e ".[test]"')
    with sync_playwright() as playwright:
        chromium = launch(playwright, trap.address)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser, base: str, origin: str) -> Iterator[Tab]:
    """A page in a new browser context that records its requests and its problems."""
    with recording(browser, (base, origin + "/")) as tab:
        yield tab


@contextlib.contextmanager
def recording(browser, allowed: tuple[str, ...]) -> Iterator[Tab]:
    """A page in a new browser context that records its requests and its problems; `allowed`:
    the addresses its requests may go to."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = Tab(context.new_page(), allowed)
    context.on("request", lambda request: tab.requests.append(request.url))
    context.on("requestfailed", lambda r: tab.problems.append(f"failed: {r.url} ({r.failure})"))
    tab.page.on("pageerror", lambda error: tab.problems.append(f"script error: {error}"))
    tab.page.on(
        "console",
        lambda m: (
            m.type in ("error", "warning") and tab.problems.append(f"console {m.type}: {m.text}")
        ),
    )
    try:
        yield tab
    finally:
        context.close()


def draw(tab: Tab, base: str):
    """Open the network page, which Cytoscape has drawn once it has loaded (the page's script
    draws on DOMContentLoaded)."""
    page = tab.open(base + "network.html")
    drawn = page.evaluate("() => typeof window.cy?.nodes === 'function'")
    assert drawn, f"Cytoscape did not draw the network: {tab.problems}"
    return page


def expected_edges() -> list[list[str]]:
    """The network's edges as tests/expected/view/network-edges.csv lists them."""
    path = ROOT / "tests" / "expected" / "view" / "network-edges.csv"
    with open(path, newline="", encoding="utf-8") as stream:
        return [list(row) for row in csv.reader(stream)][1:]


def test_the_drawn_network_has_exactly_the_seeds_nodes_and_edges(tab, base):
    page = draw(tab, base)
    drawn = page.evaluate(DRAWN)
    assert [tuple(node) for node in drawn["nodes"]] == NODES
    assert drawn["edges"] == expected_edges()
    assert (len(drawn["nodes"]), len(drawn["edges"]), drawn["shown"]) == (20, 39, 39)
    assert page.inner_text("#shown") == "39 of 39 edges shown"
    assert page.locator("#cy canvas").count() > 0 and page.is_visible("#cy")
    assert page.is_hidden("#network-svg")
    assert (tab.problems, tab.outside()) == ([], [])


def test_the_filters_change_the_drawn_edges_to_exact_counts(tab, base):
    page = draw(tab, base)
    page.uncheck('input[name="standing"][value="claimed"]')
    assert page.inner_text("#shown") == "27 of 39 edges shown"
    assert page.evaluate(DRAWN)["shown"] == 27
    assert page.locator("tr[data-kind]:visible").count() == 27
    page.check('input[name="standing"][value="claimed"]')
    page.fill("#from", "2023-07-26")
    page.fill("#to", "2023-07-27")
    assert page.inner_text("#shown") == "11 of 39 edges shown"
    page.uncheck('input[name="kind"][value="letter delivery"]')
    assert page.inner_text("#shown") == "9 of 39 edges shown"
    assert page.locator("tr[data-kind]:visible").count() == 9
    assert (tab.problems, tab.outside()) == ([], [])


def test_a_click_on_an_edge_opens_its_event_with_the_sentence_marked(tab, base):
    page = draw(tab, base)
    page.locator("#cy").scroll_into_view_if_needed()
    page.evaluate(NEXT_FRAMES)  # Cytoscape sees the scroll (and its new place) on a frame
    point = page.evaluate(
        """(iri) => {
          const edge = cy.edges().filter((e) => e.data("event") === iri)[0];
          const box = cy.container().getBoundingClientRect();
          const mid = edge.renderedMidpoint();
          return {x: box.left + mid.x, y: box.top + mid.y};
        }""",
        ID + "event/arms-sale-approval/2023-09-13/united-states-south-korea-f-35",
    )
    with page.expect_navigation(url=base + ARMS_SALE):
        page.mouse.click(point["x"], point["y"])
    assert page.inner_text("h1") == (
        "The United States approves a $5 billion sale of F-35 fighter jets to South Korea"
    )
    sentences = page.locator(".report .sentence")
    assert sentences.all_inner_texts() == [
        "Notably, Washington on Wednesday announced it had approved a $5 billion sale of "
        "top-of-the-line F-35 fighter jets to South Korea.",
        "Experts said the move was carefully curated to send a message to Russia and North Korea.",
    ]
    assert page.locator(".report mark").first.inner_text() == (
        "Washington on Wednesday announced it had approved a $5 billion sale of "
        "top-of-the-line F-35 fighter jets to South Korea"
    )
    assert (tab.problems, tab.outside()) == ([], [])


def test_a_click_on_a_timeline_event_opens_its_page_with_the_claim_shown_as_one(tab, base):
    page = tab.open(base + "timeline.html")
    with page.expect_navigation(url=base + LETTER):
        page.click("text=Li Hongzhong gives Kim Jong Un a letter from Xi Jinping")
    assert page.locator(".report .sentence").all_inner_texts() == [
        "During the meeting, Li gave Kim a letter from Chinese President Xi Jinping, the KCNA "
        "said, without providing details."
    ]
    assert page.inner_text(".report .source").startswith(
        "a claim, according to Korean Central News Agency (relayed by Yonhap News Agency): "
        "happened · article 000_ec5e95d0bf243a61"
    )
    with page.expect_navigation(url=base + ARTICLE + "#c2192"):
        page.click(".report .source a")  # on to the sentence in its article
    assert page.inner_text("li#c2192 .sentence mark") == (
        "During the meeting, Li gave Kim a letter from Chinese President Xi Jinping, the KCNA "
        "said, without providing details."
    )
    assert (tab.problems, tab.outside()) == ([], [])


def test_the_timeline_is_in_date_order(tab, base):
    page = tab.open(base + "timeline.html")
    dated = page.locator("h2#dated + table tr td:first-child").all_inner_texts()
    undated = page.locator("h2#undated + table tr td:first-child").all_inner_texts()
    starts = [re.search(r"\d{4}-\d{2}-\d{2}", when).group() for when in dated]
    assert starts == sorted(starts)
    assert (len(dated), dated[0], dated[-1]) == (
        20,
        "between 1950-09-01 and 1950-11-30",
        "2023-09-14",
    )
    assert (starts[0], starts[-1]) == ("1950-09-01", "2023-09-14")
    assert undated == ["undated"] * 27
    assert (tab.problems, tab.outside()) == ([], [])


def run_stored_query(tab: Tab, base: str, served: Served, name: str):
    """Open the query page told the endpoint, run one query by its button, wait for its rows."""
    page = tab.open(f"{base}queries.html?endpoint={quote(served.url)}")
    page.click(f"section#{name} button[type=submit]")
    page.wait_for_selector(f"section#{name} .answer table")
    return page


def answer_rows(page, name: str) -> list[list[str]]:
    """The rows the query page shows for one query, its header first."""
    return page.evaluate(
        """(name) => Array.from(document.querySelectorAll(`section#${name} .answer tr`),
             (row) => Array.from(row.cells, (cell) => cell.textContent))""",
        name,
    )


def test_a_stored_query_runs_from_the_query_page_on_the_endpoint(tab, base, served):
    page = run_stored_query(tab, base, served, "letters-delivered")
    assert answer_rows(page, "letters-delivered") == [
        ["sender", "carrier", "recipient", "date", "event"],
        [
            "Vladimir Putin",
            "Sergei Shoigu",
            "Kim Jong Un",
            "",
            ID + "event/letter-delivery/undated/vladimir-putin-sergei-shoigu-kim-jong-un",
        ],
        [
            "Xi Jinping",
            "Li Hongzhong",
            "Kim Jong Un",
            "2023-07-26",
            ID + "event/letter-delivery/2023-07-26/xi-jinping-li-hongzhong-kim-jong-un",
        ],
    ]
    assert page.inner_text("section#letters-delivered .answer p") == "2 row(s)"
    assert (tab.problems, tab.outside()) == ([], [])


def test_a_query_runs_with_the_date_typed_in_its_field_and_refuses_a_bad_one(tab, base, served):
    page = tab.open(f"{base}queries.html?endpoint={quote(served.url)}")
    form = page.locator("section#events-on-date form")
    form.locator('input[name="date"]').fill("2023-07-25")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("section#events-on-date .answer table")
    assert answer_rows(page, "events-on-date") == [
        ["kind", "label", "event"],
        [
            "arrival",
            "Russian delegation led by Sergei Shoigu arrives in Pyongyang",
            ID + "event/arrival/2023-07-25/russian-delegation-pyongyang",
        ],
        [
            "hosting",
            "North Korea welcomes the Russian delegation at the airport in Pyongyang",
            ID + "event/hosting/2023-07-25/russian-delegation-pyongyang-airport",
        ],
    ]
    sent = len(tab.requests)
    form.locator('input[name="date"]').fill("yesterday")
    form.locator("button[type=submit]").click()
    answer = form.locator(".answer")
    assert answer.inner_text() == "'yesterday' is not a valid xsd:date"
    assert len(tab.requests) == sent  # nothing sent
    assert (tab.problems, tab.outside()) == ([], [])


def test_no_request_leaves_127_0_0_1_and_every_file_loads(tab, base, served, origin, site, trap):
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    for name in pages:
        if name == "network.html":
            draw(tab, base)
        else:
            tab.open(base + name)
    run_stored_query(tab, base, served, "letters-delivered")
    assert len(pages) == 78
    assert tab.outside() == []
    loaded = {u.split("?")[0].removeprefix(base) for u in tab.requests if u.startswith(base)}
    assert loaded == {
        *pages,
        "style.css",
        "network.js",
        "queries.js",
        "vendor/cytoscape-3.35.0.min.js",
    }
    assert [u.split("?")[0] for u in tab.requests if u.startswith(origin)] == [served.url]
    assert (tab.problems, tab.outside()) == ([], [])
    assert trap.seen == [], trap.seen  # nothing the browser itself sent, in this test or before it


def png_size(path: Path) -> tuple[int, int]:
    """A PNG's width and height, from its header (the file must be a PNG)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    return struct.unpack(">II", data[16:24])


def test_a_screenshot_of_each_page_is_kept(tab, base, served):
    folder = artefacts_folder()
    folder.mkdir(parents=True, exist_ok=True)
    for shot in [*SHOT_PAGES, "queries"]:
        (folder / f"{shot}.png").unlink(missing_ok=True)  # no file of an earlier run counts
    for shot, name in SHOT_PAGES.items():
        page = draw(tab, base) if name == "network.html" else tab.open(base + name)
        page.screenshot(path=str(folder / f"{shot}.png"), full_page=True)
    page = run_stored_query(tab, base, served, "letters-delivered")
    page.screenshot(path=str(folder / "queries.png"), full_page=True)
    for shot in [*SHOT_PAGES, "queries"]:
        path = folder / f"{shot}.png"
        width, height = png_size(path)
        assert width == VIEWPORT["width"] and height >= VIEWPORT["height"], (shot, height)
        assert path.stat().st_size > 20_000, shot  # text and drawing, not a blank page
    assert (tab.problems, tab.outside()) == ([], [])


def test_a_missing_chromium_fails_naming_the_install_script(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", Path("/nonexistent/chromium"))
    with pytest.raises(pytest.fail.Exception) as failed:
        launch(None, "http://127.0.0.1:9")
    assert str(failed.value) == (
        "/nonexistent/chromium is missing: run scripts/install-test-browser.sh "
        "(the README's test command does)"
    )


def test_the_readme_test_command_installs_the_browser_first():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"<!-- setup-command:test -->\s*```sh\n(.+?)\n```", readme, re.S)
    assert command.group(1).startswith(f"{INSTALL} && ")
    done = subprocess.run([ROOT / INSTALL], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "test browser: /usr/bin/chromium is installed\n")


def test_the_view_served_by_serve_runs_a_stored_query_on_its_own_origin(browser, site, trap):
    """`diplograph serve` (no --cors) serves the view at /view/; its query page asks its own
    origin's /query: the stored query's rows, nothing sent anywhere else."""
    server = start(site.parent)
    try:
        origin = server.url.removesuffix("/query")
        with recording(browser, (origin + "/",)) as tab:
            page = tab.open(f"{origin}/view/queries.html")
            page.click("section#letters-delivered button[type=submit]")
            page.wait_for_selector("section#letters-delivered .answer table")
            assert page.inner_text("section#letters-delivered .answer p") == "2 row(s)"
            rows = answer_rows(page, "letters-delivered")
            assert [row[:3] for row in rows] == [
                ["sender", "carrier", "recipient"],
                ["Vladimir Putin", "Sergei Shoigu", "Kim Jong Un"],
                ["Xi Jinping", "Li Hongzhong", "Kim Jong Un"],
            ]
            asked = [u.split("?")[0] for u in tab.requests if "/query" in u]
            assert asked == [server.url]
            assert (tab.problems, tab.outside()) == ([], [])  # and no 404 for the icon
    finally:
        if server.process.poll() is None:
            server.stop()
    assert trap.seen == [], trap.seen
