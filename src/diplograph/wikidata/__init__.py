"""Wikidata stage: link the entities to Wikidata items, enrich from Wikidata, export to it.

The package reads the built graph (entities, articles, inferred triples) and a SPARQL endpoint
shaped like Wikidata's query service, and writes reviewable files under mappings/:
`wikidata-links.ttl` and `wikidata-links.csv` (link.py), `wikidata-enrichment.trig` (enrich.py).
`quickstatements.py` turns the graph's events into QuickStatements for Wikidata editors. Only
`diplograph link` and `diplograph enrich` talk to an endpoint; `build` stays offline.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from rdflib import Namespace

from diplograph import iris
from diplograph.errors import InputError

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
ENDPOINT_ENV = "DIPLOGRAPH_WIKIDATA_ENDPOINT"
USER_AGENT = "diplograph/0.1.0 (https://w3id.org/diplograph; diplograph@example.org)"

WIKIDATA_GRAPH = iris.WIKIDATA_GRAPH
ENTITY = "http://www.wikidata.org/entity/"
P = Namespace("http://www.wikidata.org/prop/")
PS = Namespace("http://www.wikidata.org/prop/statement/")
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")
WDS = Namespace("http://www.wikidata.org/entity/statement/")
WIKIBASE = Namespace("http://wikiba.se/ontology#")


def endpoint_url(option: str | None = None) -> str:
    """The endpoint to query: the option, else $DIPLOGRAPH_WIKIDATA_ENDPOINT, else Wikidata's;
    an InputError unless it is an http(s) URL with a host (never a local file)."""
    url = option or os.environ.get(ENDPOINT_ENV) or DEFAULT_ENDPOINT
    problem = iris.iri_problem(url, web=True) or (None if urlsplit(url).netloc else "no host")
    if problem:
        source = "--endpoint" if option else f"${ENDPOINT_ENV}"
        raise InputError(f"{source} {url!r}: not an http(s) URL ({problem})")
    return url


def qid(iri: object) -> str | None:
    """The Q-identifier of a Wikidata item IRI, or None for anything else.

    >>> qid("http://www.wikidata.org/entity/Q56226")
    'Q56226'
    >>> qid("http://www.wikidata.org/entity/P31") is None
    True
    """
    text = str(iri)
    if text.startswith(ENTITY + "Q") and text[len(ENTITY) + 1 :].isdigit():
        return text[len(ENTITY) :]
    return None
