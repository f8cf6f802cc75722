"""`diplograph serve`'s gate: the WSGI application (Werkzeug; waitress serves it) between the
clients and the `oxigraph serve-read-only` process, which listens on a private port of 127.0.0.1.

Reads requests; answers from Oxigraph or from the web view's folder:
- `/query` (and `/sparql`, where Oxigraph's YASGUI page sends): a query passes if
  sparqlpolicy.refusal lets it; it is sent on as a form POST (the checked text, never the
  client's bytes) and the answer is read whole, up to `max_bytes`: a larger one is refused
  (403), a query Oxigraph stopped at its time limit is a 504, never a body cut short;
- `/update`, and every method that writes (PUT, DELETE, PATCH, a POST to `/store`): 403;
- `GET /store` (Graph Store reads), `/` and its YASGUI files: passed on (answers bounded);
- `/view/...`: the files of the web view (`diplograph view`), Werkzeug's SharedDataMiddleware;
- `GET /answers/NAME?page=N&page-size=K` (or `?all=1`): a page of a whole-list stored query's
  answer (SPARQL 1.1 results JSON), read from the answers the build precomputed while they fit
  the served build and the query (answerpages.py); when the build folder holds none (after an
  incremental build) the query runs once on the folder's store and its answer is kept there
  for the next request (answerpages.answer_now); when the folder no longer holds the build
  served, its answer from Oxigraph cut into the same pages; the headers say where the page
  lies (X-Diplograph-Rows, -Pages, -Page, -Source; Link rel="next"/"prev").
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from werkzeug.exceptions import NotFound
from werkzeug.middleware.shared_data import SharedDataMiddleware
from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from diplograph.sparqlpolicy import UPDATE, Refusal, refusal

if TYPE_CHECKING:
    from diplograph.answerpages import Page
    from diplograph.queries import StoredQuery

QUERY_PATHS = ("/query", "/sparql")
PAGES = ("/", "/yasgui.min.js", "/yasgui.min.css", "/logo.svg")  # Oxigraph's YASGUI page
READS = ("GET", "HEAD")
DATASET = ("default-graph-uri", "named-graph-uri")  # the Protocol's other query parameters
SENT_ON = ("Accept", "Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers")
KEPT = ("content-type", "content-disposition", "vary", "access-control-")
CHUNK = 64 * 1024
GRACE = 5.0  # seconds the gate waits beyond Oxigraph's own time limit
CANCELLED = b"The SPARQL operation has been cancelled"  # Oxigraph 0.5's words at its time limit
MAX_QUERY_BYTES = 1024 * 1024  # a request body larger than this is refused by waitress (413)
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
_LOCKS: dict[str, threading.Lock] = {}  # by query name: one run of an answer to keep at a time
_LOCKS_LOCK = threading.Lock()


@dataclass(frozen=True)
class Gate:
    """What the gate needs: Oxigraph's private address, the web view's folder and the policy."""

    upstream: str
    site: Path
    allowed: tuple[str, ...]
    max_bytes: int
    timeout: float
    cors: bool
    out: Path | None = None  # the served build folder, whose precomputed answers /answers reads
    queries: Path | None = None  # the stored queries' folder
    graph: str | None = None  # the served build's graph digest (its manifest's) at start


class Refused(Exception):
    """A request the gate answers itself, with a status and one line of text."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def plain(gate: Gate, status: int, reason: str) -> Response:
    """A one-line text answer (readable by pages of any origin under --cors)."""
    response = Response(reason + "\n", status=status, mimetype="text/plain")
    if gate.cors:
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def query_text(request: Request) -> str:
    """The one query of a SPARQL Protocol request (query parameter, form or direct POST)."""
    form = request.mimetype == "application/x-www-form-urlencoded"
    if (
        request.mimetype == "application/sparql-update"
        or "update" in request.args
        or (form and "update" in request.form)
    ):
        raise Refused(*UPDATE)
    texts = request.args.getlist("query")
    if request.method == "POST":
        if form:
            texts += request.form.getlist("query")
        elif request.mimetype == "application/sparql-query":
            texts.append(request.get_data(as_text=True))
        else:
            raise Refused(415, "POST a query as application/sparql-query or a form")
    if len(texts) != 1:
        raise Refused(400, "send one query: a query parameter or an application/sparql-query body")
    return texts[0]


def late(timeout: float) -> Refused:
    """The refusal of an answer the engine did not give within the time limit (it did not
    stop the query itself: a busy machine)."""
    return Refused(504, f"no answer within the time limit ({timeout:g} s, --timeout)")


def read_bounded(answer: Any, limit: int | None, deadline: float, timeout: float) -> bytes:
    """An upstream answer's body, read whole: refused past `limit` bytes or the deadline."""
    chunks, size = [], 0
    while chunk := answer.read(CHUNK):
        size += len(chunk)
        if limit is not None and size > limit:
            raise Refused(
                403, f"result too large: over {limit} bytes (--max-result-bytes); add LIMIT"
            )
        if time.monotonic() > deadline:
            raise late(timeout)
        chunks.append(chunk)
    return b"".join(chunks)


def forward(
    gate: Gate, request: Request, path: str, data: bytes | None, limit: int | None
) -> Response:
    """Oxigraph's answer to a request (the checked form body for a query), read whole."""
    headers = {name: request.headers[name] for name in SENT_ON if name in request.headers}
    if data is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        method, url = "POST", gate.upstream + path
    else:
        method, url = request.method, gate.upstream + request.full_path.rstrip("?")
    wait = gate.timeout + GRACE
    upstream = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        try:
            answer = _DIRECT.open(upstream, timeout=wait)
        except urllib.error.HTTPError as exc:
            answer = exc  # an error answer is still an answer
        with answer:
            body = read_bounded(answer, limit, time.monotonic() + wait, gate.timeout)
            status, kept = answer.status, answer.headers.items()
    except TimeoutError as exc:
        raise late(gate.timeout) from exc
    except (urllib.error.URLError, OSError) as exc:
        raise Refused(502, f"the SPARQL engine did not answer: {exc}") from exc
    if CANCELLED in body[-2 * len(CANCELLED) :]:
        raise Refused(504, f"query stopped at the time limit ({gate.timeout:g} s, --timeout)")
    shown = [(k, v) for k, v in kept if k.lower().startswith(KEPT)]
    return Response(body, status=status, headers=shown)


def answer_query(gate: Gate, request: Request) -> Response:
    """Check a query, then send it on to Oxigraph."""
    if request.method == "OPTIONS":  # a CORS preflight: Oxigraph's own answer (--cors)
        return forward(gate, request, request.path, None, None)
    if request.method not in ("GET", "POST"):
        raise Refused(405, f"{request.method} {request.path}: use GET or POST")
    text = query_text(request)
    refused: Refusal | None = refusal(text, gate.allowed)
    if refused is not None:
        raise Refused(*refused)
    params = [("query", text)]
    for name in DATASET:
        params += [(name, value) for value in request.values.getlist(name)]
    return forward(gate, request, request.path, urlencode(params).encode(), gate.max_bytes)


def _number(request: Request, name: str, default: int) -> int:
    """A positive whole number from the query string (a 400 otherwise)."""
    value = request.args.get(name, str(default))
    if not value.isdigit() or int(value) < 1:
        raise Refused(400, f"{name}={value!r}: a whole number from 1")
    return int(value)


def _live(gate: Gate, text: str) -> Any:
    """A query's whole answer from Oxigraph, as Answers (bounded as /query's answers are)."""
    from diplograph.store.protocol import Answers

    data = urlencode([("query", text)]).encode()
    headers = {"Accept": "application/sparql-results+json"}
    upstream = urllib.request.Request(gate.upstream + "/query", data=data, headers=headers)
    wait = gate.timeout + GRACE
    try:
        with _DIRECT.open(upstream, timeout=wait) as answer:
            body = read_bounded(answer, gate.max_bytes, time.monotonic() + wait, gate.timeout)
    except TimeoutError as exc:
        raise late(gate.timeout) from exc
    except (urllib.error.URLError, OSError) as exc:
        raise Refused(502, f"the SPARQL engine did not answer: {exc}") from exc
    result = json.loads(body)
    names = tuple(result["head"]["vars"])
    rows = tuple(
        tuple(binding.get(name) for name in names) for binding in result["results"]["bindings"]
    )
    return Answers(names, rows)


def _lock(name: str) -> threading.Lock:
    """The lock held while one query's answer is run to be kept (one run, not one a request)."""
    with _LOCKS_LOCK:
        return _LOCKS.setdefault(name, threading.Lock())


def _kept(gate: Gate, query: StoredQuery, number: int, size: int | None) -> Page | None:
    """A page of a whole-list query's answer run now on the served build folder's store and kept
    there for the next request (answerpages.answer_now), or None when the folder no longer holds
    the build served."""
    from diplograph.answerpages import ENGINE, answer_now, page_of, read_page
    from diplograph.store import engine_name

    if engine_name() != ENGINE or gate.out is None:
        return None
    with _lock(query.name):
        page = read_page(gate.out, query, number, size)  # kept by a request that held the lock
        if page is not None:
            return page
        answers, digest = answer_now(gate.out, query)
    return page_of(answers, number, size, query.name) if digest == gate.graph else None


def stored_answer(gate: Gate, request: Request, name: str) -> Response:
    """A page of a whole-list stored query's answer, as `diplograph query NAME --page N`."""
    from diplograph.answerpages import PAGE_SIZE, graph_digest, page_of, read_page, whole_list
    from diplograph.errors import InputError
    from diplograph.output import to_json
    from diplograph.queries import get_query, with_prefixes

    if gate.out is None or gate.queries is None:
        raise Refused(404, "/answers/: no build folder served")
    try:
        query = get_query(gate.queries, name)
    except InputError as exc:
        raise Refused(404, str(exc)) from exc
    if not whole_list(query):
        raise Refused(400, f"{name} takes parameters: run it on /query")
    number = _number(request, "page", 1)
    size = None if request.args.get("all") == "1" else _number(request, "page-size", PAGE_SIZE)
    try:
        page = None
        if graph_digest(gate.out) == gate.graph:  # the build folder still holds the served build
            page = read_page(gate.out, query, number, size) or _kept(gate, query, number, size)
        if page is None:
            page = page_of(_live(gate, with_prefixes(query.text)), number, size, name)
    except InputError as exc:
        raise Refused(404, str(exc)) from exc
    response = Response(to_json(page.answers), mimetype="application/sparql-results+json")
    response.headers["X-Diplograph-Rows"] = str(page.total)
    response.headers["X-Diplograph-Pages"] = str(page.pages)
    response.headers["X-Diplograph-Page"] = str(page.number)
    response.headers["X-Diplograph-Source"] = "precomputed" if page.precomputed else "live"
    links = [(number + 1, "next")] if number < page.pages else []
    links += [(number - 1, "prev")] if number > 1 else []
    if links and size is not None:
        response.headers["Link"] = ", ".join(
            f'</answers/{name}?page={n}&page-size={size}>; rel="{rel}"' for n, rel in links
        )
    if gate.cors:
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def handle(gate: Gate, request: Request) -> Any:
    """The answer to one request (a Response, or the web view's file server)."""
    path = request.path
    if path == "/update":
        raise Refused(*UPDATE)
    if request.method not in (*READS, "POST", "OPTIONS"):
        raise Refused(403, f"{request.method} refused: this endpoint is read-only")
    if path in QUERY_PATHS:
        return answer_query(gate, request)
    if path.startswith("/answers/") and request.method in READS:
        return stored_answer(gate, request, path.removeprefix("/answers/"))
    if path in ("/view", "/view/") and request.method in READS:
        return redirect("/view/index.html")
    if path.startswith("/view/") and request.method in READS:
        return SharedDataMiddleware(NotFound(), {"/view": str(gate.site)}, cache_timeout=0)
    if path == "/store":
        if request.method not in READS:
            raise Refused(403, f"{request.method} /store refused: this endpoint is read-only")
        return forward(gate, request, path, None, gate.max_bytes)
    if path in PAGES and request.method in READS:
        return forward(gate, request, path, None, None)
    if path == "/favicon.ico" and request.method in READS:
        return Response(status=204)  # no icon: a browser asks for one, nothing is missing
    raise Refused(404, f"{path}: not here (/query, /answers/NAME, /view/, / are)")


def gate_app(gate: Gate) -> Any:
    """The gate as a WSGI application."""

    @Request.application
    def app(request: Request) -> Any:
        """Answer one request; a refusal is one line of text."""
        try:
            return handle(gate, request)
        except Refused as refused:
            return plain(gate, refused.status, refused.reason)

    return app
