"""Names without rdflib: the project's prefixes, the IRIs of the named graphs that decide the
layers, and the check of an IRI from outside, as plain strings.

`diplograph query` on a built store runs without importing rdflib (about a third of a second);
the modules on its path read their IRIs here. namespaces.py and iris.py make rdflib terms of them.
"""

from __future__ import annotations

import re

ID_IRI = "https://w3id.org/diplograph/id/"

PREFIXES: dict[str, str] = {
    "dip": "https://w3id.org/diplograph/ontology#",
    "id": ID_IRI,
    "schema": "http://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

XSD_IRI = PREFIXES["xsd"]
ONTOLOGY_GRAPH = ID_IRI + "graph/ontology"
INFERRED_GRAPH = ID_IRI + "graph/inferred"
WIKIDATA_GRAPH = ID_IRI + "graph/wikidata"
CANDIDATES_GRAPHS = ID_IRI + "graph/candidates/"

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_NOT_IN_IRI = '<>"{}|^`\\'


def iri_problem(text: str, web: bool = False) -> str | None:
    """Why a text cannot be written as an IRI (None if it can); `web`: http(s) only.

    >>> iri_problem("http://www.wikidata.org/entity/Q56226") is None
    True
    >>> iri_problem("http://evil.example/x><y")
    "the character '>'"
    >>> iri_problem("file:///etc/passwd", web=True)
    'not an http(s) IRI'
    """
    if any(ord(c) <= 0x20 or ord(c) == 0x7F for c in text):
        return "a space or control character"
    if bad := next((c for c in text if c in _NOT_IN_IRI), None):
        return f"the character {bad!r}"
    scheme = _SCHEME.match(text)
    if scheme is None:
        return "no scheme (not an absolute IRI)"
    if web and scheme.group(1).lower() not in ("http", "https"):
        return "not an http(s) IRI"
    return None
