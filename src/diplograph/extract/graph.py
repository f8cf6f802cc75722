"""Graph stage: writes the rule layer of one article as RDF in the hand layer's form.

Reads the article, its events, delegations, position holdings and new entities; writes a list
of rdflib triples (`to_graph` makes a Graph of them): the article and sentence nodes, events
typed with dip classes and their roles, dates and places, and for each supporting span a
dip:Attestation (or dip:Claim) with the sentence, exact words, offsets, modality, date words,
claimedBy/relayedBy, the id of the rule that fired (dip:rule) and its confidence
(dip:confidence). IRIs follow the IRI scheme, so a fact found by rules and by hand lands on the
same node.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from diplograph.articles import article_triples
from diplograph.extract.clean import Cut
from diplograph.extract.coref import Delegation
from diplograph.extract.events import Attest, Event, spec
from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.mentions import NAMED, NewEntity
from diplograph.iris import (
    article_iri,
    attestation_iri,
    content_key,
    event_iri,
    sentence_iri,
    slug,
)
from diplograph.namespaces import DIP, ID
from diplograph.seeds import Article

# the terms written most, looked up once (DIP is a DefinedNamespace: attribute access is slow)
ATTESTATION, CLAIM, ATTESTS, SENTENCE, TEXT = (
    DIP.Attestation,
    DIP.Claim,
    DIP.attests,
    DIP.sentence,
    DIP.text,
)
BEGIN, END, MODALITY, DATE_WORDS, CLAIMED_BY, RELAYED_BY, RULE, CONFIDENCE = (
    DIP.beginIndex,
    DIP.endIndex,
    DIP.modality,
    DIP.dateExpression,
    DIP.claimedBy,
    DIP.relayedBy,
    DIP.rule,
    DIP.confidence,
)
SENTENCE_CLASS, IN_ARTICLE = DIP.Sentence, DIP.inArticle
Triples = list[tuple[URIRef, URIRef, URIRef | Literal]]
MODALITIES = {name: getattr(DIP, name) for name in ("Happened", "Expected", "Claimed", "Denied")}


def segment(iri: URIRef) -> str:
    """The last path segment of an IRI, the slug the IRI scheme builds keys from."""
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


@functools.lru_cache(maxsize=1024)
def decimal(value: float | str) -> Literal:
    """An xsd:decimal literal in canonical form (0.8, 5000000000.0)."""
    number = Decimal(str(value)).normalize()
    text = format(number, "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


@functools.lru_cache(maxsize=65536)
def offset(value: int) -> Literal:
    """An xsd:nonNegativeInteger literal (cached: offsets recur from article to article)."""
    return Literal(value, datatype=XSD.nonNegativeInteger)


@functools.lru_cache(maxsize=4096)
def day(value: date) -> Literal:
    """An xsd:date literal (cached: articles report the same few days)."""
    return Literal(value, datatype=XSD.date)


@functools.lru_cache(maxsize=4096)
def rule_id(value: str) -> Literal:
    """The literal naming a rule (cached: a few hundred rules fire again and again)."""
    return Literal(value)


@functools.lru_cache(maxsize=256)
def term(name: str) -> URIRef:
    """A dip: term by local name (cached: DIP is a DefinedNamespace, slow to look up)."""
    return getattr(DIP, name)


@dataclass
class Holding:
    """A position holding the article reports, with its attestations."""

    person: URIRef
    position: URIRef
    attests: list[Attest] = field(default_factory=list)


@dataclass
class Layer:
    """Everything the rule layer found in one article."""

    article: Article
    events: list[Event]
    delegations: list[tuple[Delegation, list[Attest]]]
    holdings: list[Holding]
    new: list[NewEntity]
    cuts: list[Cut]
    mentions: dict[int, list[URIRef]] = field(default_factory=dict)  # sentence -> entities
    speakers: dict[URIRef, URIRef | None] = field(default_factory=dict)  # delegation -> IRI
    undated: set[int] = field(default_factory=set)  # ids of events named and written undated


def delegation_iris(layer: Layer) -> dict[URIRef, URIRef]:
    """Placeholder -> IRI of each delegation: delegation/<sender>-<YYYY-MM>-<leader>."""
    month = layer.article.date_published.strftime("%Y-%m")
    found = {}
    for delegation, _ in layer.delegations:
        if delegation.sender is None:
            continue
        key = f"{segment(delegation.sender)}-{month}"
        if delegation.leader is not None:
            key += f"-{segment(delegation.leader)}"
        found[delegation.key] = ID[f"delegation/{key}"]
    return found


def undated(events: list[Event], kinds: dict) -> set[int]:
    """The ids of the events named undated and written without a date: what a speech act keyed
    by its content (kinds.yaml `statement: true` and `key: [..., content]`: an accusation, a
    denial) alleges or denies, a claim rather than a reported fact."""
    found: set[int] = set()
    for event in events:
        entry = spec(kinds, event.kind)
        if entry.get("statement") and "content" in entry.get("key", []):
            found.update(id(content) for content in event.content)
    return found


SYMMETRIC = frozenset({"participant"})  # roles whose fillers stand in no order


def event_iris(layer: Layer, kinds: dict, names: dict[URIRef, URIRef]) -> dict[int, URIRef]:
    """id(event) -> IRI: kind, first day (or undated) and the key roles' slugs, or its name;
    in the article's order, the events keyed by what they are about last (their contents
    first), so that two events that would share an IRI are told apart as they always were."""
    keyed = {id(e) for e in layer.events if "content" in spec(kinds, e.kind).get("key", [])}
    minting = _Minting(layer, kinds, names)
    for event in sorted(layer.events, key=lambda e: id(e) in keyed):  # a stable sort
        minting.iri(event)
    return minting.found


@dataclass
class _Minting:
    """The event IRIs of one article, minted so far."""

    layer: Layer
    kinds: dict
    names: dict[URIRef, URIRef]
    found: dict[int, URIRef] = field(default_factory=dict)
    taken: set[URIRef] = field(default_factory=set)
    busy: set[int] = field(default_factory=set)  # being minted: a content loop names nothing

    def iri(self, event: Event) -> URIRef:
        """The event's IRI, told apart by its first sentence from another event's."""
        if id(event) in self.found:
            return self.found[id(event)]
        self.busy.add(id(event))
        contents = [self.iri(c) for c in event.content if id(c) not in self.busy]
        key = self.key(event, contents)
        day = self.day(event)
        iri = event_iri(event.kind, day, slug(key))
        if iri in self.taken:
            key += f"-{self.layer.article.stem}-s{event.attests[0].sentence.number:02d}"
            iri = event_iri(event.kind, day, slug(key))
            again = 1
            while iri in self.taken:
                again += 1
                iri = event_iri(event.kind, day, slug(f"{key}-{again}"))
        self.busy.discard(id(event))
        self.taken.add(iri)
        self.found[id(event)] = iri
        return iri

    def key(self, event: Event, contents: list[URIRef]) -> str:
        """The key of an event's IRI: its name, else its key roles in order (kinds.yaml): the
        parties' slugs, its first sentence, what it is about (iris.content_key)."""
        named = event.attrs.get("name")
        if named:
            return named[0].removeprefix(NAMED)
        parts: list[str] = []
        for role in spec(self.kinds, event.kind).get("key", []):
            if role == "sentence":
                parts.append(f"{self.layer.article.stem}-s{event.attests[0].sentence.number:02d}")
            elif role == "content":
                parts += [content_key(c) for c in sorted(contents)]
            elif role in SYMMETRIC:  # "A met B" and "B met A" are one meeting: one IRI
                parts += sorted(segment(self.names.get(v, v)) for v in event.roles.get(role, []))
            elif role != "name":
                parts += [segment(self.names.get(v, v)) for v in event.roles.get(role, [])]
        return "-".join(dict.fromkeys(parts)) or "unnamed"

    def day(self, event: Event) -> date | None:
        """The day an event's IRI names: its first, none for an event written undated."""
        if event.date is None or id(event) in self.layer.undated:
            return None
        return event.date[0]


def _label(gaz: Gazetteer, iri: URIRef, labels: dict[URIRef, str]) -> str:
    """A display name for an entity."""
    return labels.get(iri) or gaz.labels.get(iri) or segment(iri).replace("-", " ")


def _attest(out: Triples, layer: Layer, attest: Attest, thing: URIRef, seen: set[URIRef]) -> None:
    """Write one attestation (or claim) of a thing, once per span and thing."""
    stem = layer.article.stem
    node = attestation_iri(stem, attest.begin, attest.end, thing)
    if node in seen:
        return
    seen.add(node)
    sources = [layer.speakers.get(s, s) for s in attest.claimed_by]
    sources = [s for s in dict.fromkeys(sources) if s is not None and s != thing]
    out.append((node, RDF.type, CLAIM if sources else ATTESTATION))
    out.append((node, ATTESTS, thing))
    out.append((node, SENTENCE, _sentence(stem, attest.sentence.number)))
    out.append((node, TEXT, Literal(layer.article.text[attest.begin : attest.end])))
    out.append((node, BEGIN, offset(attest.begin)))
    out.append((node, END, offset(attest.end)))
    out.append((node, MODALITY, MODALITIES[attest.modality]))
    if attest.date_words:
        out.append((node, DATE_WORDS, Literal(attest.date_words)))
    for source in sources:
        out.append((node, CLAIMED_BY, source))
    for relay in attest.relayed_by:
        out.append((node, RELAYED_BY, relay))
    out.append((node, RULE, rule_id(attest.rule)))
    out.append((node, CONFIDENCE, decimal(round(attest.confidence, 2))))


@functools.lru_cache(maxsize=4096)
def _sentence(stem: str, number: int) -> URIRef:
    """The IRI of a sentence (cached: every attestation names one)."""
    return sentence_iri(stem, number)


def _sorted_attests(attests: list[Attest]) -> list[Attest]:
    """Attestations, most confident first for each span (one per span is written)."""
    return sorted(attests, key=lambda a: (a.begin, a.end, -a.confidence, a.rule))


def provenance_triples(article: Article) -> Triples:
    """The article and sentence nodes, exactly as diplograph.articles.article_triples writes
    them (tests/test_extract_evaluate.py checks)."""
    out: Triples = list(article_triples(replace(article, sentences=())))
    node = article_iri(article.stem)
    for sentence in article.sentences:
        iri = sentence_iri(article.stem, sentence.number)
        out.append((iri, RDF.type, SENTENCE_CLASS))
        out.append((iri, IN_ARTICLE, node))
        out.append((iri, TEXT, Literal(sentence.text)))
        out.append((iri, BEGIN, offset(sentence.begin)))
        out.append((iri, END, offset(sentence.end)))
    return out


def provenance_graph(article: Article) -> Graph:
    """The article and sentence nodes as a graph."""
    return to_graph(provenance_triples(article))


def to_graph(triples: Triples) -> Graph:
    """A graph of triples this stage made, in a store without named-graph bookkeeping (several
    times faster to fill); the terms are built here, so rdflib's per-triple checks are skipped."""
    graph = Graph(store="SimpleMemory")
    add = graph.store.add
    for triple in triples:
        add(triple, graph)
    return graph


def _an_agent(iri: URIRef, gaz: Gazetteer, new: list) -> bool:
    """Whether an owner may be a position's dip:positionOf, a dip:Agent: not a city or a site
    ("Governor of Tokyo", "Kyiv Mayor": the office is named for the city, owned by no agent)."""
    classes = set(gaz.classes.get(iri, ())) | {n.kind.lower() for n in new if n.iri == iri}
    return "country" in classes or not classes & {"city", "place"}


def write(layer: Layer, gaz: Gazetteer, kinds: dict, roles: tuple[str, ...]) -> Triples:
    """The RDF of the rule layer of one article, as triples in a deterministic order; `roles`:
    the event roles written as dip: properties, in order (RuleSet.roles)."""
    properties = _role_properties(roles)
    out = provenance_triples(layer.article)
    known = set(layer.article.boilerplate)
    for cut in layer.cuts:
        if cut.text not in known:
            out.append((article_iri(layer.article.stem), term("boilerplate"), Literal(cut.text)))
    labels = {n.iri: n.label for n in layer.new}
    names = delegation_iris(layer)
    # a delegation that speaks: its IRI, else its leader, else no one (never a placeholder)
    layer.speakers = {d.key: names.get(d.key, d.leader) for d, _ in layer.delegations}
    # what an accusation or denial is about is named by kind and parties alone: articles date
    # it unevenly, mostly with the speech act's own date words, and every article must name it
    # alike, with no date another article may contradict
    layer.undated = undated(layer.events, kinds)
    iris = event_iris(layer, kinds, names)
    named = {e.attrs["name"][0]: iris[id(e)] for e in layer.events if e.attrs.get("name")}
    names.update({URIRef(k): v for k, v in named.items()})
    seen: set[URIRef] = set()
    for entity in layer.new:
        out.append((entity.iri, RDF.type, term(entity.kind)))
        out.append((entity.iri, RDFS.label, Literal(entity.label, lang="en")))
        out.append((entity.iri, term("confidence"), decimal(entity.confidence)))
        if entity.position_of is not None and _an_agent(entity.position_of, gaz, layer.new):
            out.append((entity.iri, term("positionOf"), entity.position_of))
        if entity.acts_for is not None:
            out.append((entity.iri, term("actsFor"), entity.acts_for))
        if entity.located_in is not None:
            out.append((entity.iri, term("locatedIn"), entity.located_in))
    for delegation, attests in layer.delegations:
        iri = names.get(delegation.key)
        if iri is None or not attests:
            continue
        sender = _label(gaz, delegation.sender, labels)
        leader = f" led by {_label(gaz, delegation.leader, labels)}" if delegation.leader else ""
        out.append((iri, RDF.type, term("Delegation")))
        out.append((iri, RDFS.label, Literal(f"Delegation of {sender}{leader}", lang="en")))
        out.append((iri, term("sentBy"), delegation.sender))
        if delegation.leader is not None:
            out.append((iri, term("ledBy"), delegation.leader))
        for member in delegation.members:
            out.append((iri, term("hasMember"), member))
        for attest in _sorted_attests(attests):
            _attest(out, layer, attest, iri, seen)
    for holding in layer.holdings:
        iri = ID[f"holding/{segment(holding.person)}/{segment(holding.position)}"]
        out.append((iri, RDF.type, term("PositionHolding")))
        out.append((iri, term("holder"), holding.person))
        out.append((iri, term("position"), holding.position))
        for attest in _sorted_attests(holding.attests):
            _attest(out, layer, attest, iri, seen)
    for event in layer.events:
        _event(out, layer, event, iris, names, gaz, labels, seen, properties)
    for number, entities in sorted(layer.mentions.items()):
        sentence = sentence_iri(layer.article.stem, number)
        out.extend((sentence, term("mentions"), entity) for entity in entities)
    if gaz.reference:  # the reference entities the layer names, described once
        out.extend(gaz.described({o for _, _, o in out if isinstance(o, URIRef)}))
    return list(dict.fromkeys(out))  # events that share an IRI repeat some triples


@functools.lru_cache(maxsize=8)
def _role_properties(roles: tuple[str, ...]) -> tuple[tuple[str, URIRef], ...]:
    """Each event role with its dip: property (looked up once: DIP's attributes are slow)."""
    return tuple((name, getattr(DIP, name)) for name in roles)


def _event(
    out: Triples,
    layer: Layer,
    event: Event,
    iris: dict[int, URIRef],
    names: dict[URIRef, URIRef],
    gaz: Gazetteer,
    labels: dict[URIRef, str],
    seen: set[URIRef],
    properties: tuple[tuple[str, URIRef], ...],
) -> None:
    """Write one event: type, label, roles, date, links, attributes, attestations."""
    iri = iris[id(event)]
    out.append((iri, RDF.type, term(event.kind)))
    for role, prop in properties:
        for value in event.roles.get(role, []):
            out.append((iri, prop, names.get(value, value)))
    parts = [
        _label(gaz, v, labels)
        for r in ("agent", "traveller", "participant", "sender", "carrier", "inviter", "host")
        for v in event.roles.get(r, [])
    ]
    kind_words = "".join(f" {c.lower()}" if c.isupper() else c for c in event.kind).strip()
    label = event.attrs.get("name", [""])[0].removeprefix(NAMED).replace("-", " ")
    label = label or ", ".join(dict.fromkeys(parts))
    out.append(
        (iri, RDFS.label, Literal(f"{kind_words[:1].upper()}{kind_words[1:]}: {label}", lang="en"))
    )
    if event.date is not None and id(event) not in layer.undated:
        earliest, latest = event.date
        if earliest == latest:
            out.append((iri, term("date"), day(earliest)))
        else:
            out.append((iri, term("earliestDate"), day(earliest)))
            if latest is not None:
                out.append((iri, term("latestDate"), day(latest)))
    for other in event.content:
        out.append((iri, term("content"), iris[id(other)]))
    for other in event.parent:
        out.append((iri, term("subEventOf"), iris[id(other)]))
    for words in event.attrs.get("quotation", []):
        out.append((iri, term("quotation"), Literal(words)))
    for words in sorted(event.attrs.get("topic", []))[:1] if not event.content else ():
        out.append((iri, term("topic"), Literal(words)))  # what it alleges, named by no event
    for words in event.attrs.get("transport", []):
        out.append((iri, term("transport"), Literal(words)))
    for amount in event.attrs.get("valueUSD", [])[:1]:
        out.append((iri, term("valueUSD"), decimal(amount)))
    for attest in _sorted_attests(event.attests):
        _attest(out, layer, attest, iri, seen)
