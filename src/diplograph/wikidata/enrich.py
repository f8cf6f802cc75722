"""Wikidata stage, the enrichment: selected facts about the linked items, in their own graph.

Reads the links (`link.load_links`: hand links and the linker's) and asks the endpoint, in
VALUES batches, for each linked item's positions held (P39 statements with their P580 start
and P582 end qualifiers), country of citizenship (P27), capital (P36), head of state (P35) and
headquarters (P159), with the English label of each value. Writes them, in Wikidata's own
shape (wdt:, p:/ps:/pq:), as the named graph <https://w3id.org/diplograph/id/graph/wikidata>
to `mappings/wikidata-enrichment.trig`, one sorted triple per line. The graph node says where
the facts come from (prov:wasDerivedFrom the endpoint) and, in one triple, when they were
retrieved (prov:generatedAtTime): the only timestamp, so a refresh changes one line plus the facts.
Values are checked twice: the endpoint client leaves out any that is no valid RDF term, and a row
whose item, property, statement or value is not an http(s) IRI is skipped with a warning naming it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from datetime import datetime, timezone

from rdflib import RDFS, XSD, BNode, Literal, Namespace, URIRef

from diplograph.iris import iri_problem
from diplograph.namespaces import WD
from diplograph.wikidata import PQ, PS, WDS, WIKIDATA_GRAPH, P, qid
from diplograph.wikidata.endpoint import Row, SparqlClient, read_query, terms
from diplograph.wikidata.turtle import Triple, trig

log = logging.getLogger(__name__)

PROV = Namespace("http://www.w3.org/ns/prov#")
ENRICHMENT_FILE = "wikidata-enrichment.trig"
ITEM_BATCH = 50
HEADER = """\
Facts about the linked entities, from Wikidata, written by `diplograph enrich`.
Generated: do not edit; run `diplograph enrich` again to refresh. The graph node names the
endpoint and the retrieval time; everything else is in Wikidata's own shape (wdt:, p:/ps:/pq:)."""


def _statement(node: object, item: str, row: Row) -> URIRef:
    """The statement IRI, or a deterministic one if the endpoint gave a blank node."""
    if isinstance(node, URIRef):
        return node
    key = "|".join(str(row.get(k, "")) for k in ("value", "start", "end"))
    return WDS[f"{item}-P39-{hashlib.sha1(key.encode()).hexdigest()[:12]}"]


def _foreign(row: Row) -> str | None:
    """The first IRI of a row that is not a web IRI, with the reason, or None."""
    for key in ("item", "property", "statement", "value"):
        term = row.get(key)
        if isinstance(term, URIRef) and (problem := iri_problem(str(term), web=True)):
            return f"{str(term)!r} ({problem})"
    return None


def facts(rows: Iterable[Row]) -> set[Triple]:
    """The triples of the enrich query's rows; a row with a non-web IRI is skipped (warning)."""
    found: set[Triple] = set()
    for row in rows:
        item, prop, value = row.get("item"), row.get("property"), row.get("value")
        if not (isinstance(item, URIRef) and isinstance(prop, URIRef)) or value is None:
            continue
        if foreign := _foreign(row):
            log.warning("skipped the value %s of %s %s", foreign, qid(item) or item, prop)
            continue
        if isinstance(value, BNode):
            continue  # an unknown value ("somevalue"): nothing to say
        if prop == P.P39:
            statement = _statement(row.get("statement"), qid(item) or "item", row)
            found.add((item, P.P39, statement))
            found.add((statement, PS.P39, value))
            for key, qualifier in (("start", PQ.P580), ("end", PQ.P582)):
                if isinstance(row.get(key), Literal):
                    found.add((statement, qualifier, row[key]))
        else:
            found.add((item, prop, value))
        if isinstance(row.get("valueLabel"), Literal):
            found.add((value, RDFS.label, row["valueLabel"]))
    return found


def enrich(client: SparqlClient, items: Iterable[str]) -> set[Triple]:
    """Fetch the selected facts of the given QIDs from the endpoint."""
    items = sorted(set(items), key=lambda q: int(q[1:]))
    rows = client.select_batched(
        read_query("enrich"), "?item", terms(WD[i] for i in items), ITEM_BATCH
    )
    found = facts(rows)
    log.info("%d facts about %d items", len(found), len(items))
    return found


def enrichment_trig(found: Iterable[Triple], endpoint: str, retrieved: datetime) -> bytes:
    """The enrichment file: the facts plus the provenance of the graph, one triple a line."""
    when = retrieved.astimezone(timezone.utc).replace(microsecond=0)
    stamp = Literal(when.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=XSD.dateTime, normalize=False)
    triples = set(found)
    triples.add((WIKIDATA_GRAPH, PROV.wasDerivedFrom, URIRef(endpoint)))
    triples.add((WIKIDATA_GRAPH, PROV.generatedAtTime, stamp))
    return trig(WIKIDATA_GRAPH, triples, HEADER)
