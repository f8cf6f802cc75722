"""Query time limit: runs one SPARQL query of a store in a forked worker (worker.py) that is
killed when the query runs past its limit.

rdflib evaluates a query in pure Python and cannot be interrupted from inside (a cross product
of the graph with itself runs for hours), and its SERVICE calls have no timeout (an endpoint that
accepts the connection and never answers holds the query for ever): the worker, forked with the
store in memory, runs the query and pickles the answer back; at the limit it is killed. Whether
it was then waiting for a SERVICE endpoint (store.mark_service_calls, through a byte of memory
shared with the worker) decides the error: a remote failure (exit 3) or a query over its limit
(exit 5). The limit is `--timeout SECONDS` of `diplograph query`, else $DIPLOGRAPH_QUERY_TIMEOUT,
else 30 s; 0 means none (the query then runs in the calling process).
"""

from __future__ import annotations

import mmap
from collections.abc import Callable
from typing import TypeVar

from diplograph.worker import CallTimeout, Worker, limit

Answer = TypeVar("Answer")

DEFAULT_SECONDS = 30.0
VARIABLE = "DIPLOGRAPH_QUERY_TIMEOUT"


class QueryStopped(Exception):
    """A query ran past its time limit and was stopped; `remote`: it was waiting for a SERVICE
    endpoint at that moment."""

    def __init__(self, seconds: float, remote: bool) -> None:
        super().__init__(f"stopped after {seconds:g} s")
        self.seconds, self.remote = seconds, remote


def query_limit(seconds: float | None = None) -> float | None:
    """The time limit of a query: the argument, else $DIPLOGRAPH_QUERY_TIMEOUT, else 30 s;
    0 means none.

    >>> query_limit(2.5), query_limit(0)
    (2.5, None)
    """
    return limit(seconds, VARIABLE, DEFAULT_SECONDS, "query time")


def run_limited(run: Callable[[], Answer], seconds: float | None, services: bool = True) -> Answer:
    """run() in a forked worker stopped after `seconds` (None: in this process, unbounded);
    QueryStopped at the limit, the worker's own exception otherwise. `services`: note whether
    rdflib waits for a SERVICE endpoint (an Oxigraph query needs no note, nor rdflib's SPARQL
    evaluator imported in the worker, a quarter of a second)."""
    if seconds is None:
        return run()
    waiting = mmap.mmap(-1, 1)  # shared with the forked worker: 1 while a SERVICE call waits

    def call() -> Answer:
        """In the worker: flag the SERVICE calls, then run the query."""
        if services:
            from diplograph.store import mark_service_calls

            mark_service_calls(waiting)
        return run()

    try:
        with Worker(call, seconds) as worker:
            return worker()
    except CallTimeout:
        raise QueryStopped(seconds, waiting[0] == 1) from None
    finally:
        waiting.close()
