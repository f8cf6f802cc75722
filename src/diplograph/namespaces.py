"""Namespaces: the dip: ontology terms as a closed rdflib namespace, and the other prefixes used."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = URIRef("https://w3id.org/diplograph/ontology")
ID = Namespace("https://w3id.org/diplograph/id/")
SCHEMA = Namespace("http://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")


class DIP(DefinedNamespace):
    """The diplograph ontology; a term not declared in ontology/diplo.ttl raises AttributeError."""

    _NS = Namespace("https://w3id.org/diplograph/ontology#")
    _fail = True

    Accusation: URIRef
    Agent: URIRef
    AgreementSigning: URIRef
    ArmsSaleApproval: URIRef
    Arrival: URIRef
    Attestation: URIRef
    BorderClosure: URIRef
    BorderCrossing: URIRef
    Ceremony: URIRef
    City: URIRef
    Claim: URIRef
    Claimed: URIRef
    Country: URIRef
    Criticism: URIRef
    Delegation: URIRef
    Denial: URIRef
    Denied: URIRef
    DiplomatExpulsion: URIRef
    Event: URIRef
    Exhibition: URIRef
    ExhibitionVisit: URIRef
    Expected: URIRef
    GovernmentBody: URIRef
    Happened: URIRef
    Hosting: URIRef
    Invitation: URIRef
    InvitationAcceptance: URIRef
    LetterDelivery: URIRef
    Materiel: URIRef
    Meeting: URIRef
    MilitaryAid: URIRef
    MilitaryExercise: URIRef
    MilitaryParade: URIRef
    Modality: URIRef
    NewsAgency: URIRef
    NewsArticle: URIRef
    Organisation: URIRef
    Person: URIRef
    Place: URIRef
    PledgeOfHelp: URIRef
    PoliticalParty: URIRef
    Position: URIRef
    PositionHolding: URIRef
    SanctionImposition: URIRef
    SanctionThreat: URIRef
    Sentence: URIRef
    Statement: URIRef
    StatementOfSupport: URIRef
    Talks: URIRef
    Visit: URIRef
    actsFor: URIRef
    agent: URIRef
    attestedBy: URIRef
    attests: URIRef
    beginIndex: URIRef
    boilerplate: URIRef
    borders: URIRef
    cameoCode: URIRef
    carrier: URIRef
    claimedBy: URIRef
    confidence: URIRef
    mentions: URIRef
    content: URIRef
    date: URIRef
    dateExpression: URIRef
    datePublishedEvidence: URIRef
    earliestDate: URIRef
    endIndex: URIRef
    firstSince: URIRef
    hasMember: URIRef
    holder: URIRef
    holds: URIRef
    holdsPosition: URIRef
    host: URIRef
    inArticle: URIRef
    invitee: URIRef
    inviter: URIRef
    latestDate: URIRef
    leads: URIRef
    ledBy: URIRef
    locatedIn: URIRef
    memberOf: URIRef
    modality: URIRef
    occasion: URIRef
    participant: URIRef
    place: URIRef
    ploverType: URIRef
    position: URIRef
    positionOf: URIRef
    quotation: URIRef
    responseTo: URIRef
    rule: URIRef
    recipient: URIRef
    relayedBy: URIRef
    sender: URIRef
    sentBy: URIRef
    sentence: URIRef
    subEventOf: URIRef
    target: URIRef
    text: URIRef
    theme: URIRef
    transport: URIRef
    traveller: URIRef
    valueUSD: URIRef


PREFIXES: dict[str, str] = {
    "dip": str(DIP._NS),
    "id": str(ID),
    "schema": str(SCHEMA),
    "sem": str(SEM),
    "wd": str(WD),
    "wdt": str(WDT),
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
