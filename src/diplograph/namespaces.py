"""Namespaces: the dip: ontology terms as a closed rdflib namespace, and the other prefixes used."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from diplograph.names import PREFIXES as PREFIXES  # plain strings, for the query path

ONTOLOGY_IRI = URIRef("https://w3id.org/diplograph/ontology")
ID = Namespace(PREFIXES["id"])
SCHEMA = Namespace(PREFIXES["schema"])
SEM = Namespace(PREFIXES["sem"])
WD = Namespace(PREFIXES["wd"])
WDT = Namespace(PREFIXES["wdt"])


class DIP(DefinedNamespace):
    """The diplograph ontology; a term not declared in ontology/diplo.ttl raises AttributeError."""

    _NS = Namespace(PREFIXES["dip"])
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
    Ratification: URIRef
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
    topic: URIRef
    transport: URIRef
    traveller: URIRef
    valueUSD: URIRef
