"""Prune stage of `diplograph push --prune`: drops from a remote store the graphs a previous push
left there that the build no longer has (an article removed), so that the store holds exactly
what `diplograph query` answers from.

The store's graphs are listed by a SPARQL query (push-queries/store-graphs.rq) at its query URL;
only graphs under the project's graph namespace (`id:graph/`) that the push did not just
replace are dropped, each by a Graph Store Protocol DELETE (or, with `update`, a SPARQL 1.1
Update `DROP SILENT GRAPH`). Pruning runs after every graph was replaced, so a failed push drops
nothing; a failed prune says which graphs it dropped, and a re-run completes it.
"""

from __future__ import annotations

import time
import urllib.error
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.request import Request

from diplograph.errors import InputError, RemoteError
from diplograph.names import ID_IRI
from diplograph.push import graph_url, send, short
from diplograph.remote import check_url, parse_table
from diplograph.wikidata import USER_AGENT

GRAPH_NAMESPACE = ID_IRI + "graph/"
GRAPHS_QUERY = Path(__file__).with_name("push-queries") / "store-graphs.rq"
# A Graph Store or Update URL's last segment -> its store's query URL's: Oxigraph's /store and
# /update and Fuseki's /data beside /query; Virtuoso's Graph Store and Update beside /sparql.
QUERY_SUFFIXES = {
    "/store": "/query",
    "/data": "/query",
    "/update": "/query",
    "/sparql-graph-crud": "/sparql",
    "/sparql-graph-crud-auth": "/sparql",
    "/sparql": "/sparql",
}


def query_url_for(endpoint: str) -> str:
    """The query URL beside a Graph Store or Update URL (Oxigraph's /store and /update,
    Fuseki's /data, each beside /query; Virtuoso's /sparql-graph-crud and /sparql, whose query
    URL is /sparql); an InputError for any other URL.

    >>> query_url_for("http://127.0.0.1:7878/store"), query_url_for("http://h/ds/data")
    ('http://127.0.0.1:7878/query', 'http://h/ds/query')
    >>> query_url_for("http://h:8890/sparql-graph-crud"), query_url_for("http://h:8890/sparql")
    ('http://h:8890/sparql', 'http://h:8890/sparql')
    """
    for suffix, query in QUERY_SUFFIXES.items():
        if endpoint.endswith(suffix):
            return endpoint.removesuffix(suffix) + query
    raise InputError(
        f"--endpoint {endpoint!r}: cannot tell the store's query URL; give --query-endpoint URL"
    )


def stale_graphs(stored: Iterable[str], kept: Iterable[str]) -> list[str]:
    """The stored graphs under the project's graph namespace that are not kept, sorted.

    >>> stale_graphs([GRAPH_NAMESPACE + "article/a", GRAPH_NAMESPACE + "entities",
    ...               "http://example.org/other"], [GRAPH_NAMESPACE + "entities"])
    ['https://w3id.org/diplograph/id/graph/article/a']
    """
    keep = {str(name) for name in kept}
    return sorted(g for g in set(stored) if g.startswith(GRAPH_NAMESPACE) and g not in keep)


def store_graphs(query_url: str, timeout: float, retries: int) -> list[str]:
    """The named graphs of the store, listed at its query URL."""
    from diplograph.wikidata.endpoint import SparqlClient

    check_url(query_url, "--query-endpoint")
    client = SparqlClient(query_url, timeout=int(timeout), retries=retries, interval=0.0)
    result = parse_table(client.fetch(GRAPHS_QUERY.read_text(encoding="utf-8")), query_url)
    return sorted(str(row[0]) for row in result.rows if row and row[0] is not None)


def drop_request(endpoint: str, graph: str, update: bool) -> Request:
    """The request that drops one graph: a Graph Store Protocol DELETE, or (with `update`) a
    SPARQL 1.1 Update `DROP SILENT GRAPH`.

    >>> drop_request("http://h/store", "http://g", False).get_method()
    'DELETE'
    >>> drop_request("http://h/update", "http://g", True).data
    b'DROP SILENT GRAPH <http://g>\\n'
    """
    if not update:
        headers = {"User-Agent": USER_AGENT}
        return Request(graph_url(endpoint, graph), method="DELETE", headers=headers)
    headers = {"Content-Type": "application/sparql-update", "User-Agent": USER_AGENT}
    data = f"DROP SILENT GRAPH <{graph}>\n".encode()
    return Request(endpoint, data=data, method="POST", headers=headers)


def _gone(exc: RemoteError) -> bool:
    """Whether a failed DELETE found no such graph (HTTP 404): it is dropped already."""
    cause = exc.__cause__
    return isinstance(cause, urllib.error.HTTPError) and cause.code == 404


def prune(
    endpoint: str,
    query_url: str,
    kept: Iterable[str],
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
    done: Callable[[str], None] | None = None,
    update: bool = False,
) -> list[str]:
    """Drop the store's graphs under the project's graph namespace that are not `kept` (the
    graphs just pushed); `done` is told of each. A failure is a RemoteError naming the graph
    that failed and those dropped."""
    stale = stale_graphs(store_graphs(query_url, timeout, retries), kept)
    dropped: list[str] = []
    for graph in stale:
        try:
            send(drop_request(endpoint, graph, update), timeout, retries, backoff, sleep)
        except RemoteError as exc:
            if not _gone(exc):
                names = ", ".join(short(g) for g in dropped) or "none"
                raise RemoteError(
                    f"{endpoint}: {'UPDATE' if update else 'DELETE'} {short(graph)} failed: "
                    f"{exc}; dropped {len(dropped)} of {len(stale)} stale graph(s): {names}; "
                    "run `diplograph push --prune` again to complete"
                ) from exc
        dropped.append(graph)
        if done:
            done(graph)
    return dropped
