"""Terms at the store's boundary: rdflib terms and pyoxigraph terms as SPARQL 1.1 JSON terms
(what `Answers` rows hold and output.py renders), and JSON terms as SPARQL text.

A literal Oxigraph answers becomes the JSON term of the rdflib literal the store would have
made of it: rdflib writes some typed literals in its own form ("1.0E0"^^xsd:double as "1.0",
a dateTime's "Z" as "+00:00"), so a typed literal whose form is not known to be kept as it is
goes through rdflib, imported then. Integers, booleans and dates in their canonical forms,
strings and language-tagged strings need no rdflib.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from diplograph.names import XSD_IRI
from diplograph.store.protocol import JsonTerm

if TYPE_CHECKING:
    from rdflib.term import Node

RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
XSD_STRING = XSD_IRI + "string"
UNTOUCHED = (XSD_STRING, RDF_LANG_STRING)  # plain literals in rdflib
_KEPT = {  # forms rdflib writes back as they are
    XSD_IRI + "integer": re.compile(r"-?[1-9][0-9]*|0"),
    XSD_IRI + "boolean": re.compile(r"true|false"),
    XSD_IRI + "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
}


def json_of_rdflib(term: Node) -> JsonTerm:
    """The SPARQL 1.1 JSON term of an rdflib term."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    value: JsonTerm = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        value["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype:
        value["datatype"] = str(term.datatype)
    return value


def json_of_oxigraph(term: Any, ox: Any) -> JsonTerm | None:
    """The SPARQL 1.1 JSON term of a pyoxigraph term (None stays None: unbound), as the rdflib
    term the store makes of it would be written."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if term.language:
        return {"type": "literal", "value": term.value, "xml:lang": term.language}
    datatype = term.datatype.value
    if datatype in UNTOUCHED:
        return {"type": "literal", "value": term.value}
    kept = _KEPT.get(datatype)
    if kept is not None and kept.fullmatch(term.value):
        return {"type": "literal", "value": term.value, "datatype": datatype}
    if not datatype.startswith((XSD_IRI, "http://www.w3.org/1999/02/22-rdf-syntax-ns#")):
        return {"type": "literal", "value": term.value, "datatype": datatype}
    from rdflib import Literal, URIRef

    return json_of_rdflib(Literal(term.value, datatype=URIRef(datatype)))


def oxigraph_of_json(term: JsonTerm, ox: Any) -> Any:
    """The pyoxigraph term of a SPARQL 1.1 JSON term."""
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in term:
        return ox.Literal(value, language=term["xml:lang"])
    if "datatype" in term:
        return ox.Literal(value, datatype=ox.NamedNode(term["datatype"]))
    return ox.Literal(value)


def rdflib_of_json(term: JsonTerm) -> Node:
    """The rdflib term of a SPARQL 1.1 JSON term."""
    from rdflib import BNode, Literal, URIRef

    kind, value = term["type"], term["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in term:
        return Literal(value, lang=term["xml:lang"])
    if "datatype" in term:
        return Literal(value, datatype=URIRef(term["datatype"]))
    return Literal(value)
