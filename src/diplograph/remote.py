"""Remote stores: runs a query on any SPARQL 1.1 endpoint and returns the same QueryResult as
the embedded engine.

The query text gets the project's prefixes and its parameters as a VALUES block placed first in
its WHERE group (terms serialised, never pasted as text); the request goes through the
SPARQLWrapper client of the Wikidata stage (retries on 429 and 5xx, a timeout on the whole
request, every failure a RemoteError naming the endpoint).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import urlsplit

from diplograph.errors import InputError, RemoteError
from diplograph.iris import iri_problem
from diplograph.queries import Resolve, StoredQuery, bind, with_prefixes, with_values
from diplograph.store import QueryResult
from diplograph.wikidata.endpoint import SparqlClient, parse_results


def check_url(url: str, option: str = "--endpoint") -> str:
    """The URL if it is an http(s) URL with a host, else an InputError naming the option.

    >>> check_url("ftp://x.org")
    Traceback (most recent call last):
    ...
    diplograph.errors.InputError: --endpoint 'ftp://x.org': not an http(s) URL (not an http(s) IRI)
    """
    problem = iri_problem(url, web=True) or (None if urlsplit(url).netloc else "no host")
    if problem:
        raise InputError(f"{option} {url!r}: not an http(s) URL ({problem})")
    return url


def remote_text(
    query: StoredQuery, values: Mapping[str, str], resolve: Resolve | None = None
) -> str:
    """The text of a stored query as sent to a remote store: prefixes and bound parameters (an
    entity given by QID or label looked up by `resolve`)."""
    return with_prefixes(with_values(query.text, bind(query, values, resolve)))


def parse_table(raw: bytes, endpoint: str) -> QueryResult:
    """A SPARQL 1.1 JSON answer (SELECT or ASK) as a QueryResult; a RemoteError if malformed."""
    try:
        data = json.loads(raw.decode("utf-8"))
        if isinstance(data, dict) and isinstance(data.get("boolean"), bool):
            return QueryResult((), (), data["boolean"])
        variables = tuple(str(v) for v in data["head"]["vars"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RemoteError(
            f"{endpoint}: answered with malformed SPARQL JSON results ({exc})"
        ) from exc
    rows = parse_results(raw, endpoint)
    return QueryResult(variables, tuple(tuple(row.get(v) for v in variables) for row in rows))


def run_remote(
    endpoint: str,
    query: StoredQuery,
    values: Mapping[str, str],
    timeout: int = 60,
    retries: int = 2,
) -> QueryResult:
    """Run a stored query (or a query file) on a remote SPARQL 1.1 endpoint; an entity given by
    QID or label is looked up there first."""
    from diplograph.lookup import resolver

    client = SparqlClient(check_url(endpoint), timeout=timeout, retries=retries, interval=0.0)
    lookup = resolver(
        lambda found, given: parse_table(client.fetch(remote_text(found, given)), endpoint)
    )
    text = remote_text(query, values, lookup)
    return parse_table(client.fetch(text), endpoint)
