"""Wikidata stage, the endpoint: a polite SPARQL client (SPARQLWrapper) for the query service.

Reads the package's stored queries (`queries/*.rq`), fills their empty `VALUES` blocks with RDF
terms (`bind_values`: terms are serialised, never pasted as text), and returns SELECT rows as
rdflib terms. It follows Wikimedia's rules for the query service: a descriptive User-Agent,
batched queries (VALUES), at most one request per `interval` seconds, retries with exponential
backoff on 429 and 5xx that honour Retry-After, and a timeout that bounds the whole request (a
server sending one byte a second is cut off, not waited for). Every failure (endpoint down,
timeout, too many retries, malformed JSON) is raised as a RemoteError naming the endpoint. A value
that is no valid RDF term (an IRI with a space or `>`, a bad language tag) is left out of its row
with a warning naming it: nothing a server sends reaches the files the project writes unchecked.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import logging
import re
import threading
import time
import urllib.error
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
)

from diplograph.errors import RemoteError
from diplograph.iris import iri_problem
from diplograph.wikidata import USER_AGENT

log = logging.getLogger(__name__)

QUERIES = Path(__file__).with_name("queries")
_EMPTY_VALUES = re.compile(r"VALUES\s*(\?\w+|\((?:\s*\?\w+)+\s*\))\s*\{\s*\}")

Row = dict[str, Node]


def read_query(name: str) -> str:
    """The text of one of the package's stored queries, e.g. 'candidates'."""
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def bind_values(text: str, values: dict[str, Sequence[Sequence[Node]]]) -> str:
    """Fill empty VALUES blocks of a query, keyed by their variables ('?a' or '?a ?b').

    >>> from rdflib import Literal
    >>> name = Literal('Kim "K" Un', lang='en')
    >>> bind_values('SELECT * { VALUES ?name { } }', {'?name': [[name]]})
    'SELECT * { VALUES ?name { "Kim \\\\"K\\\\" Un"@en } }'
    """
    remaining = dict(values)

    def fill(match: re.Match[str]) -> str:
        key = " ".join(re.findall(r"\?\w+", match.group(1)))
        if key not in remaining:
            return match.group(0)  # another call fills it
        rows = remaining.pop(key)
        if "(" in match.group(1):
            body = " ".join("(" + " ".join(t.n3() for t in row) + ")" for row in rows)
            return f"VALUES ({key}) {{ {body} }}"
        return f"VALUES {key} {{ {' '.join(row[0].n3() for row in rows)} }}"

    filled = _EMPTY_VALUES.sub(fill, text)
    if remaining:
        raise ValueError(f"the query has no empty VALUES block for {', '.join(remaining)}")
    return filled


def batches(items: Sequence, size: int) -> Iterator[Sequence]:
    """Consecutive slices of at most `size` items.

    >>> [list(b) for b in batches([1, 2, 3], 2)]
    [[1, 2], [3]]
    """
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Retryable(Exception):
    """A failure worth another try (429 or 5xx), with the server's Retry-After if it gave one."""

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None.

    >>> retry_after_seconds("3")
    3.0
    >>> now = datetime(2015, 10, 21, 7, 28, tzinfo=timezone.utc)
    >>> retry_after_seconds("Wed, 21 Oct 2015 07:28:10 GMT", now)
    10.0
    >>> retry_after_seconds("soon") is None
    True
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


class BadValue(ValueError):
    """A value in a well-formed answer that is no valid RDF term."""


def _iri(value: str) -> URIRef:
    """An IRI from an answer, checked before rdflib sees it."""
    problem = iri_problem(value)
    if problem:
        raise BadValue(f"{value!r} is not a valid IRI ({problem})")
    return URIRef(value)


def _term(binding: dict) -> Node:
    """An rdflib term from one SPARQL 1.1 JSON results binding; BadValue if it is invalid."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return _iri(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in binding:
            try:
                return Literal(value, lang=binding["xml:lang"])
            except ValueError as exc:
                raise BadValue(f"{value!r}: {exc}") from exc
        datatype = binding.get("datatype")
        # keep the lexical form as given (rdflib would rewrite "…Z" times as "…+00:00")
        return Literal(value, datatype=_iri(datatype) if datatype else None, normalize=False)
    raise ValueError(f"unknown term type {kind!r}")


def _row(bindings: dict, endpoint: str) -> Row:
    """One result row; a binding that is no valid term is left out with a warning."""
    row: Row = {}
    for name, binding in bindings.items():
        try:
            row[name] = _term(binding)
        except BadValue as exc:
            log.warning("%s: skipped the value of ?%s: %s", endpoint, name, exc)
    return row


def parse_results(raw: bytes, endpoint: str) -> list[Row]:
    """The rows of a SPARQL 1.1 JSON SELECT result; a RemoteError if it is not one."""
    try:
        data = json.loads(raw.decode("utf-8"))
        bindings = data["results"]["bindings"]
        return [_row(row, endpoint) for row in bindings]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        snippet = raw[:80].decode("utf-8", "replace")
        raise RemoteError(
            f"{endpoint}: answered with malformed SPARQL JSON results ({exc}; starts {snippet!r})"
        ) from exc


@dataclass
class SparqlClient:
    """A SELECT-only client of one endpoint, with pacing, retries and a timeout."""

    endpoint: str
    timeout: int = 60
    retries: int = 4
    interval: float = 1.0
    backoff: float = 2.0
    max_wait: float = 120.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    requests: int = field(default=0, init=False)
    _last: float | None = field(default=None, init=False, repr=False)

    def select(self, query: str) -> list[Row]:
        """Run one SELECT query; retry 429 and 5xx with backoff; RemoteError on failure."""
        return parse_results(self.fetch(query), self.endpoint)

    def fetch(self, query: str) -> bytes:
        """The raw JSON answer to one query; retry 429 and 5xx with backoff; RemoteError on
        failure."""
        for attempt in range(self.retries + 1):
            try:
                return self._request(query)
            except _Retryable as exc:
                if attempt == self.retries:
                    raise RemoteError(
                        f"{self.endpoint}: {exc} on each of {attempt + 1} attempts; giving up"
                    ) from exc
                wait = exc.retry_after
                if wait is None:
                    wait = self.backoff * 2**attempt
                if wait > self.max_wait:
                    raise RemoteError(
                        f"{self.endpoint}: {exc}, asked to wait {wait:.0f} s "
                        f"(more than the {self.max_wait:.0f} s we accept); giving up"
                    ) from exc
                log.warning("%s: %s; retrying in %.1f s", self.endpoint, exc, wait)
                self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def select_batched(
        self, query: str, variable: str, items: Sequence[Sequence[Node]], size: int
    ) -> list[Row]:
        """Run a query once per batch of VALUES rows for `variable`, and join the rows."""
        rows: list[Row] = []
        for batch in batches(items, size):
            rows.extend(self.select(bind_values(query, {variable: batch})))
        return rows

    def _pace(self) -> None:
        """Wait until `interval` seconds have passed since the previous request."""
        if self._last is not None:
            wait = self.interval - (self.clock() - self._last)
            if wait > 0:
                self.sleep(wait)
        self._last = self.clock()

    def _request(self, query: str) -> bytes:
        """One HTTP request; the raw JSON body, or a _Retryable or RemoteError."""
        self._pace()
        self.requests += 1
        wrapper = SPARQLWrapper(self.endpoint, agent=USER_AGENT)
        wrapper.setMethod(POST)
        wrapper.setOnlyConneg(True)
        wrapper.setReturnFormat(JSON)
        wrapper.setTimeout(self.timeout)
        wrapper.setQuery(query)
        where = self.endpoint
        try:
            return within(self.timeout, lambda cancel: _read_body(wrapper.query().response, cancel))
        except urllib.error.HTTPError as exc:
            if exc.code == 429 or exc.code >= 500:
                raise _Retryable(
                    f"HTTP {exc.code}", retry_after_seconds(exc.headers.get("Retry-After"))
                ) from exc
            raise RemoteError(f"{where}: HTTP {exc.code} {exc.reason}") from exc
        except EndPointInternalError as exc:
            raise _Retryable("HTTP 500 (internal server error)", None) from exc
        except QueryBadFormed as exc:
            raise RemoteError(f"{where}: rejected the query as malformed (HTTP 400)") from exc
        except EndPointNotFound as exc:
            raise RemoteError(f"{where}: no SPARQL endpoint there (HTTP 404)") from exc
        except SPARQLWrapperException as exc:
            raise RemoteError(f"{where}: {exc}") from exc
        except TimeoutError as exc:
            raise RemoteError(f"{where}: no answer within {self.timeout} s (timeout)") from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise RemoteError(f"{where}: no answer within {self.timeout} s (timeout)") from exc
            raise RemoteError(f"{where}: cannot connect ({exc.reason})") from exc
        except (http.client.HTTPException, OSError) as exc:
            raise RemoteError(f"{where}: the connection failed ({exc})") from exc


def _read_body(response: http.client.HTTPResponse, cancel: threading.Event) -> bytes:
    """The body of a response, read as it comes until done or cancelled; closes the response."""
    chunks = []
    try:
        while not cancel.is_set():
            chunk = response.read1(65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        response.close()
    return b"".join(chunks)


def within(seconds: float, call: Callable[[threading.Event], bytes]) -> bytes:
    """Run call(cancel) in a worker thread; a TimeoutError if it is not done within `seconds`.

    The worker is a daemon told to stop through `cancel`; a server that trickles its headers
    may keep it until its socket times out, but never the caller.
    """
    cancel, done = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["body"] = call(cancel)
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc
        finally:
            done.set()

    threading.Thread(target=run, name="diplograph-sparql", daemon=True).start()
    if not done.wait(seconds):
        cancel.set()
        raise TimeoutError(f"no complete answer within {seconds} s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["body"]  # type: ignore[return-value]


def terms(values: Iterable[Node]) -> list[list[Node]]:
    """One-column VALUES rows from terms, sorted for deterministic batches."""
    return [[v] for v in sorted(set(values))]
