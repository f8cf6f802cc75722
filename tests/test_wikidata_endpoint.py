"""The Wikidata client: User-Agent, POST with VALUES, pacing, retries, timeouts, bad answers.

Each failure test points the client at a tiny local HTTP server that misbehaves as scripted
(tests/wikidata_fixtures.py); sleeping is recorded instead of done where the test is about
the length of a wait.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest
from rdflib import Literal, URIRef

from diplograph.errors import EXIT_REMOTE, RemoteError
from diplograph.wikidata import USER_AGENT, endpoint_url
from diplograph.wikidata.endpoint import SparqlClient, bind_values, parse_results

if TYPE_CHECKING:
    from wikidata_fixtures import FakeEndpoint

pytest_plugins = ["wikidata_fixtures"]

QUERY = "SELECT ?item WHERE { VALUES ?name { } ?item ?p ?name }"


class Sleeps:
    """A stand-in for time.sleep that records the waits."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def client(fake: FakeEndpoint, **options: object) -> tuple[SparqlClient, Sleeps]:
    """A client of the fake endpoint that records its sleeps."""
    sleeps = Sleeps()
    settings = {"interval": 0.0, "retries": 2, "timeout": 1, "sleep": sleeps, **options}
    return SparqlClient(fake.url, **settings), sleeps


def test_sends_a_descriptive_user_agent_and_posts_the_bound_query(fake_endpoint):
    fake_endpoint.payload = {
        "head": {"vars": ["item", "name"]},
        "results": {
            "bindings": [
                {
                    "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q423"},
                    "name": {"type": "literal", "value": "DPRK", "xml:lang": "en"},
                }
            ]
        },
    }
    sparql, _ = client(fake_endpoint)
    rows = sparql.select(bind_values(QUERY, {"?name": [[Literal("DPRK", lang="en")]]}))
    assert rows == [
        {"item": URIRef("http://www.wikidata.org/entity/Q423"), "name": Literal("DPRK", lang="en")}
    ]
    request = fake_endpoint.requests[0]
    assert request["headers"]["User-Agent"] == USER_AGENT
    assert "diplograph@example.org" in USER_AGENT
    assert b"VALUES+%3Fname+%7B+%22DPRK%22%40en+%7D" in request["body"]


def test_honours_retry_after_on_429(fake_endpoint):
    fake_endpoint.script = ["429:7", "ok"]
    sparql, sleeps = client(fake_endpoint)
    assert sparql.select(QUERY) == []
    assert sleeps.waits == [7.0]
    assert len(fake_endpoint.requests) == 2


def test_backs_off_exponentially_without_retry_after(fake_endpoint):
    fake_endpoint.script = ["503", "500", "ok"]
    sparql, sleeps = client(fake_endpoint, backoff=2.0)
    assert sparql.select(QUERY) == []
    assert sleeps.waits == [2.0, 4.0]


def test_gives_up_after_the_last_retry_naming_the_endpoint(fake_endpoint):
    fake_endpoint.script = ["500"]
    sparql, sleeps = client(fake_endpoint, retries=2)
    with pytest.raises(RemoteError, match="HTTP 500.*3 attempts") as caught:
        sparql.select(QUERY)
    assert fake_endpoint.url in str(caught.value)
    assert caught.value.exit_code == EXIT_REMOTE
    assert len(fake_endpoint.requests) == 3 and len(sleeps.waits) == 2


def test_refuses_a_retry_after_longer_than_it_accepts(fake_endpoint):
    fake_endpoint.script = ["429:3600"]
    sparql, sleeps = client(fake_endpoint, max_wait=60)
    with pytest.raises(RemoteError, match="asked to wait 3600 s"):
        sparql.select(QUERY)
    assert sleeps.waits == [] and len(fake_endpoint.requests) == 1


def test_times_out(fake_endpoint):
    fake_endpoint.script = ["slow"]
    sparql, _ = client(fake_endpoint, timeout=1)
    started = time.monotonic()
    with pytest.raises(RemoteError, match=r"no answer within 1 s \(timeout\)"):
        sparql.select(QUERY)
    assert time.monotonic() - started < fake_endpoint.slow_seconds
    assert len(fake_endpoint.requests) == 1  # a timeout is not retried


@pytest.mark.parametrize("behaviour", ["malformed", "html"])
def test_rejects_an_answer_that_is_not_sparql_json(fake_endpoint, behaviour):
    fake_endpoint.script = [behaviour]
    sparql, _ = client(fake_endpoint)
    with pytest.raises(RemoteError, match="malformed SPARQL JSON results"):
        sparql.select(QUERY)


def test_reports_an_endpoint_that_is_down(down_url):
    with pytest.raises(RemoteError, match="cannot connect") as caught:
        SparqlClient(down_url, interval=0, timeout=2).select(QUERY)
    assert down_url in str(caught.value)


def test_paces_requests(fake_endpoint):
    now = [100.0]
    sparql, sleeps = client(fake_endpoint, interval=1.5, clock=lambda: now[0])
    sparql.select(QUERY)
    now[0] += 0.5
    sparql.select(QUERY)
    assert sleeps.waits == [1.0]


def test_parses_typed_literals():
    raw = (
        b'{"head": {"vars": ["d"]}, "results": {"bindings": [{"d": {"type": "literal", '
        b'"value": "2012-01-01T00:00:00Z", '
        b'"datatype": "http://www.w3.org/2001/XMLSchema#dateTime"}}]}}'
    )
    (row,) = parse_results(raw, "http://example.org/sparql")
    assert row["d"].datatype == URIRef("http://www.w3.org/2001/XMLSchema#dateTime")


def test_bind_values_needs_an_empty_block_for_each_variable():
    with pytest.raises(ValueError, match=r"\?other"):
        bind_values(QUERY, {"?other": [[Literal("x")]]})


def test_endpoint_url_option_then_environment_then_wikidata(monkeypatch):
    monkeypatch.delenv("DIPLOGRAPH_WIKIDATA_ENDPOINT", raising=False)
    assert endpoint_url(None) == "https://query.wikidata.org/sparql"
    monkeypatch.setenv("DIPLOGRAPH_WIKIDATA_ENDPOINT", "http://127.0.0.1:1/q")
    assert endpoint_url(None) == "http://127.0.0.1:1/q"
    assert endpoint_url("http://127.0.0.1:2/q") == "http://127.0.0.1:2/q"
