"""Push stage: reads the built store; writes the graphs `diplograph query` answers from into any
SPARQL 1.1 store through the Graph Store Protocol.

One HTTP PUT of N-Triples per named graph (each article's graph, the rule layers in effect, the
entities, inferred, Wikidata and ontology graphs), in IRI order: a PUT replaces the graph, so
pushing twice gives the same store. A store without the Graph Store Protocol takes one SPARQL
1.1 Update per graph instead (DROP SILENT GRAPH, then INSERT of the triples, in one request).
Each request has a timeout and a bounded number of retries (429, 5xx, a refused or dropped
connection); a push that still fails says which graphs it replaced, and a re-run replaces them
all again.
Graphs of the store that the build does not name are left as they are, unless `--prune`
(prune.py) drops those under id:graph/.
"""

from __future__ import annotations

import http.client
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode
from urllib.request import Request

from rdflib import URIRef

from diplograph import progress
from diplograph.errors import RemoteError
from diplograph.export import serialize_graphs
from diplograph.namespaces import PREFIXES
from diplograph.remote import check_url
from diplograph.store import Store, analysis_names
from diplograph.wikidata import USER_AGENT

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pushed:
    """One graph replaced on the store: its name and its number of triples."""

    graph: URIRef
    triples: int


def graph_url(store_url: str, graph: URIRef) -> str:
    """The Graph Store Protocol URL of a named graph (indirect identification).

    >>> graph_url("http://127.0.0.1:7878/store", URIRef("https://w3id.org/g/a"))
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fg%2Fa'
    """
    return store_url + ("&" if "?" in store_url else "?") + urlencode({"graph": str(graph)})


def short(graph: URIRef) -> str:
    """A graph's name with the id: prefix where it has one.

    >>> short(URIRef("https://w3id.org/diplograph/id/graph/entities"))
    'id:graph/entities'
    """
    text, base = str(graph), PREFIXES["id"]
    return "id:" + text[len(base) :] if text.startswith(base) else f"<{text}>"


def replace_request(endpoint: str, graph: URIRef, ntriples: bytes, update: bool) -> Request:
    """The request that replaces one graph: a Graph Store Protocol PUT of N-Triples, or (with
    `update`) a SPARQL 1.1 Update POST that drops the graph and inserts its triples in one
    request, for a store without the Graph Store Protocol. The triples are an INSERT template
    over an empty WHERE, not INSERT DATA: Virtuoso 7 refuses blank nodes in INSERT DATA.

    >>> request = replace_request("http://h/up", URIRef("http://g"), b"<a> <b> _:c .\\n", True)
    >>> print(request.data.decode())
    DROP SILENT GRAPH <http://g> ;
    INSERT { GRAPH <http://g> {
    <a> <b> _:c .
    } } WHERE { }
    <BLANKLINE>
    """
    if not update:
        headers = {"Content-Type": "application/n-triples", "User-Agent": USER_AGENT}
        return Request(graph_url(endpoint, graph), data=ntriples, method="PUT", headers=headers)
    text = (
        f"DROP SILENT GRAPH <{graph}> ;\nINSERT {{ GRAPH <{graph}> {{\n"
        f"{ntriples.decode('utf-8')}}} }} WHERE {{ }}\n"
    )
    headers = {"Content-Type": "application/sparql-update", "User-Agent": USER_AGENT}
    return Request(endpoint, data=text.encode("utf-8"), method="POST", headers=headers)


def _send_once(request: Request, timeout: float) -> None:
    """Send one request; raises urllib's errors as they come."""
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()


def send(request: Request, timeout: float, retries: int, backoff: float, sleep: Callable) -> None:
    """Send a request, retrying 429, 5xx and connection failures; a RemoteError with the last
    failure once the retries are spent (another 4xx at once)."""
    url = request.full_url
    for attempt in range(retries + 1):
        try:
            _send_once(request, timeout)
            return
        except urllib.error.HTTPError as exc:
            if exc.code != 429 and exc.code < 500:
                raise RemoteError(f"HTTP {exc.code} {exc.reason}") from exc
            problem = f"HTTP {exc.code}"
        except urllib.error.URLError as exc:
            problem = f"cannot connect ({exc.reason})"
        except TimeoutError:
            problem = f"no answer within {timeout:g} s"
        except (http.client.HTTPException, OSError) as exc:
            problem = f"the connection failed ({exc})"
        if attempt == retries:
            raise RemoteError(f"{problem} on each of {attempt + 1} attempts")
        wait = backoff * 2**attempt
        log.warning("%s: %s; retrying in %.1f s", url, problem, wait)
        sleep(wait)


def push(
    store: Store,
    endpoint: str,
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
    done: Callable[[Pushed], None] | None = None,
    update: bool = False,
) -> list[Pushed]:
    """Replace each graph `diplograph query` answers from on the store at `endpoint` (its Graph
    Store Protocol URL, or with `update` its SPARQL Update URL); `done` is told of each graph
    replaced. A failure is a RemoteError naming the graph that failed and those replaced."""
    check_url(endpoint)
    names = sorted(analysis_names(store))
    pushed: list[Pushed] = []
    progress.stage("push", len(names), unit="graphs")
    for name in names:
        request = replace_request(endpoint, name, serialize_graphs(store, "nt", [name]), update)
        try:
            send(request, timeout, retries, backoff, sleep)
        except RemoteError as exc:
            replaced = ", ".join(short(p.graph) for p in pushed) or "none"
            raise RemoteError(
                f"{endpoint}: {'UPDATE' if update else 'PUT'} {short(name)} failed: {exc}; "
                f"replaced {len(pushed)} of "
                f"{len(names)} graph(s): {replaced}; run `diplograph push` again to complete"
            ) from exc
        pushed.append(Pushed(name, len(store.graph(name))))
        progress.advance()
        if done:
            done(pushed[-1])
    return pushed
