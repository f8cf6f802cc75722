"""Article stage: turns a seed article (text, metadata, sentences) into its provenance triples.

Writes the article node (a dip:NewsArticle with outlet, author, date, dateline, language, source
URL (schema:url) and boilerplate lines) and one dip:Sentence node per sentence with its text and
character offsets.
"""

from __future__ import annotations

from rdflib import RDF, XSD, Graph, Literal, URIRef

from diplograph.iris import article_iri, sentence_iri
from diplograph.namespaces import DIP, ID, SCHEMA
from diplograph.seeds import Article


def _entity(ref: str | None) -> URIRef | None:
    """The entity IRI a metadata field names, e.g. 'org/ians'."""
    return ID[ref] if ref else None


def article_triples(article: Article) -> Graph:
    """The article node and its sentence nodes."""
    graph = Graph()
    node = article_iri(article.stem)
    meta = article.meta
    graph.add((node, RDF.type, DIP.NewsArticle))
    graph.add((node, SCHEMA.identifier, Literal(article.stem)))
    graph.add((node, SCHEMA.datePublished, Literal(article.date_published, datatype=XSD.date)))
    graph.add((node, SCHEMA.inLanguage, Literal(meta["language"])))
    graph.add((node, DIP.datePublishedEvidence, Literal(meta["date_evidence"])))
    if meta.get("headline"):
        graph.add((node, SCHEMA.headline, Literal(meta["headline"])))
    if meta.get("dateline"):
        graph.add((node, SCHEMA.dateline, Literal(meta["dateline"])))
    if meta.get("url"):
        graph.add((node, SCHEMA.url, URIRef(meta["url"])))
    for prop, key in (
        (SCHEMA.publisher, "outlet_entity"),
        (SCHEMA.author, "author_entity"),
        (SCHEMA.locationCreated, "dateline_place"),
    ):
        if (target := _entity(meta.get(key))) is not None:
            graph.add((node, prop, target))
    for line in article.boilerplate:
        graph.add((node, DIP.boilerplate, Literal(line)))
    for sentence in article.sentences:
        iri = sentence_iri(article.stem, sentence.number)
        graph.add((iri, RDF.type, DIP.Sentence))
        graph.add((iri, DIP.inArticle, node))
        graph.add((iri, DIP.text, Literal(sentence.text)))
        graph.add((iri, DIP.beginIndex, Literal(sentence.begin, datatype=XSD.nonNegativeInteger)))
        graph.add((iri, DIP.endIndex, Literal(sentence.end, datatype=XSD.nonNegativeInteger)))
    return graph
