"""Push stage: reads the built store; writes the graphs `diplograph query` answers from into any
SPARQL 1.1 store through the Graph Store Protocol.

One HTTP PUT of N-Triples per named graph (each article's graph, the rule layers in effect, the
entities, inferred, Wikidata and ontology graphs), in IRI order: a PUT replaces the graph, so
pushing twice gives the same store. Each request has a timeout and a bounded number of retries
(429, 5xx, a refused or dropped connection); a push that still fails says which graphs it
replaced, and a re-run replaces them all again. Graphs of the store that the build does not
name are left as they are.
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

from rdflib import URIRef

from diplograph.errors import RemoteError
from diplograph.export import answer_graphs, serialize_graphs
from diplograph.namespaces import PREFIXES
from diplograph.remote import check_url
from diplograph.store import RdflibStore
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


def _put_once(url: str, body: bytes, timeout: float) -> None:
    """One PUT; raises urllib's errors as they come."""
    request = urllib.request.Request(
        url,
        data=body,
        method="PUT",
        headers={"Content-Type": "application/n-triples", "User-Agent": USER_AGENT},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()


def put_graph(
    url: str, body: bytes, timeout: float, retries: int, backoff: float, sleep: Callable
) -> None:
    """PUT a graph, retrying 429, 5xx and connection failures; a RemoteError with the last
    failure once the retries are spent (another 4xx at once)."""
    for attempt in range(retries + 1):
        try:
            _put_once(url, body, timeout)
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
    store: RdflibStore,
    endpoint: str,
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
    done: Callable[[Pushed], None] | None = None,
) -> list[Pushed]:
    """Replace each graph `diplograph query` answers from on the store at `endpoint` (its Graph
    Store Protocol URL); `done` is told of each graph replaced. A failure is a RemoteError
    naming the graph that failed and those already replaced."""
    check_url(endpoint)
    names = sorted(answer_graphs(store))
    pushed: list[Pushed] = []
    for name in names:
        body = serialize_graphs(store, "nt", [name])
        try:
            put_graph(graph_url(endpoint, name), body, timeout, retries, backoff, sleep)
        except RemoteError as exc:
            replaced = ", ".join(short(p.graph) for p in pushed) or "none"
            raise RemoteError(
                f"{endpoint}: PUT {short(name)} failed: {exc}; replaced {len(pushed)} of "
                f"{len(names)} graph(s): {replaced}; run `diplograph push` again to complete"
            ) from exc
        pushed.append(Pushed(name, len(store.graph(name))))
        if done:
            done(pushed[-1])
    return pushed
