"""Wikidata stage, the ranking: score each candidate item of an entity, and decide.

Points, not probabilities, so that a reviewer can redo the sum (shown as points / 100):

| evidence | points |
|---|---|
| the item is an instance (P31/P279*) of a class the entity's kind expects | 30 |
| the kind expects no class (a place, materiel) and the item is of no excluded class | 20 |
| the item's English label is the entity's label / one of its other spellings | 40 / 34 |
| only an alias of the item matches | 20 |
| each further spelling of the entity that found the item | +4 (names at most 40) |
| P39 names a position the person holds (per the articles, linked) | +30 |
| P27 (a person) or P17 (anything else) names a country the entity acts for or lies in | +20 |
| ... but names only other countries | -40 |
| the description shares two or more words with the labels of the positions held | +15 |

An item of the wrong type (a human for a city) is not a candidate. The best item is linked
when it scores at least THRESHOLD, leads the next one by at least MARGIN and, for a person, a
position held or the description confirms it: names alone never identify a person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from diplograph.wikidata.candidates import Candidate, Entity

HUMAN, COUNTRY, SOVEREIGN_STATE = "Q5", "Q6256", "Q3624078"
CITY, BIG_CITY, CAPITAL = "Q515", "Q1549591", "Q5119"
ORGANIZATION, POSITION = "Q43229", "Q4164871"

THRESHOLD = 60
MARGIN = 15
TYPE_MATCH, TYPE_NEUTRAL = 30, 20
LABEL, LABEL_ALT, ALIAS_ONLY, EXTRA_NAME = 40, 34, 20, 4
POSITION_HELD, SAME_COUNTRY, OTHER_COUNTRY, DESCRIPTION = 30, 20, -40, 15

_STOP = {"the", "of", "and", "for", "in", "on", "at", "to", "a", "an", "by", "with", "from"}


@dataclass(frozen=True)
class Kind:
    """What a kind of entity expects of an item."""

    expected: frozenset[str]
    excluded: frozenset[str]
    country_property: str | None
    needs_confirmation: bool
    noun: str


_PLACES = frozenset({COUNTRY, SOVEREIGN_STATE, CITY, BIG_CITY, CAPITAL})
KINDS: dict[str, Kind] = {
    "person": Kind(frozenset({HUMAN}), frozenset(), "P27", True, "a human"),
    "country": Kind(frozenset({COUNTRY, SOVEREIGN_STATE}), frozenset(), None, False, "a country"),
    "city": Kind(frozenset({CITY, BIG_CITY, CAPITAL}), frozenset(), "P17", False, "a city"),
    "organisation": Kind(frozenset({ORGANIZATION}), frozenset(), "P17", False, "an organization"),
    "position": Kind(frozenset({POSITION}), frozenset(), "P17", False, "a position"),
    "place": Kind(frozenset(), frozenset({HUMAN, ORGANIZATION, POSITION}), "P17", False, "a place"),
    "materiel": Kind(
        frozenset(), frozenset({HUMAN, ORGANIZATION, POSITION}) | _PLACES, None, False, "a thing"
    ),
}
CLASSES: tuple[str, ...] = tuple(sorted({c for k in KINDS.values() for c in k.expected}))


@dataclass(frozen=True)
class Scored:
    """A candidate with its points, the evidence for them, and whether it is confirmed."""

    qid: str
    label: str
    points: int
    evidence: tuple[str, ...]
    confirmed: bool


def normalise(name: str) -> str:
    """A name folded for comparison: no accents, case, punctuation or hyphens.

    >>> normalise("Kim Jong-un") == normalise("Kim Jong Un")
    True
    >>> normalise("People’s Republic of China")
    'peoples republic of china'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’`]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def words(text: str) -> set[str]:
    """Content words of a text, for comparing descriptions with position labels.

    >>> sorted(words("Minister of Defence of Russia 2012–2024"))
    ['defence', 'minister', 'russia']
    """
    return {w for w in normalise(text).split() if len(w) > 2 and w not in _STOP and w.isalpha()}


def label_points(entity: Entity, candidate: Candidate) -> tuple[int, str]:
    """Points for how the entity's names match the item's label and aliases."""
    ours = {normalise(n) for n in entity.names}
    extra = EXTRA_NAME * max(0, len(candidate.matched) - 1)
    label = normalise(candidate.label or "")
    if label == normalise(entity.label):
        return min(LABEL, LABEL + extra), f"label '{candidate.label}'"
    if label in ours:
        return min(LABEL, LABEL_ALT + extra), f"label '{candidate.label}' (another spelling)"
    found = ", ".join(f"'{m}'" for m in candidate.matched)
    return min(LABEL, ALIAS_ONLY + extra), f"alias {found}"


def score(entity: Entity, candidate: Candidate, links: dict) -> Scored | None:
    """Score one candidate; None when its type rules it out."""
    kind = KINDS[entity.kind]
    if kind.expected and not candidate.classes & kind.expected:
        return None
    if candidate.classes & kind.excluded:
        return None
    points, evidence = (TYPE_MATCH, [kind.noun]) if kind.expected else (TYPE_NEUTRAL, [])
    label, why = label_points(entity, candidate)
    points += label
    evidence.append(why)
    confirmed = False
    held = {links[p] for p in entity.positions if p in links}
    if held & candidate.values("P39"):
        points += POSITION_HELD
        evidence.append(f"holds {', '.join(sorted(held & candidate.values('P39')))}")
        confirmed = True
    countries = {links[c] for c in entity.countries if c in links}
    given = candidate.values(kind.country_property) if kind.country_property else frozenset()
    if countries and given:
        if countries & given:
            points += SAME_COUNTRY
            evidence.append(f"{kind.country_property} {', '.join(sorted(countries & given))}")
        else:
            points += OTHER_COUNTRY
            evidence.append(f"{kind.country_property} {', '.join(sorted(given))}, not ours")
    context = set().union(*(words(label) for label in entity.position_labels))
    shared = context & words(candidate.description or "")
    if len(shared) >= 2:
        points += DESCRIPTION
        evidence.append(f"description ({', '.join(sorted(shared))})")
        confirmed = True
    return Scored(candidate.qid, candidate.label or "", points, tuple(evidence), confirmed)


def rank(entity: Entity, candidates: list[Candidate], links: dict) -> list[Scored]:
    """The type-compatible candidates, best first (ties by QID)."""
    scored = [s for c in candidates if (s := score(entity, c, links)) is not None]
    return sorted(scored, key=lambda s: (-s.points, int(s.qid[1:])))


def decide(entity: Entity, ranked: list[Scored], rejected: int) -> tuple[str, str | None, str]:
    """The decision (linked, ambiguous or no-candidate), the QID linked, and the reason."""
    noun = KINDS[entity.kind].noun
    if not ranked:
        if rejected:
            return "no-candidate", None, f"{rejected} item(s) by that name, none of them {noun}"
        return "no-candidate", None, "no item carries any of its names"
    best = ranked[0]
    if best.points < THRESHOLD:
        return (
            "no-candidate",
            None,
            f"best candidate {best.qid} scores {best.points / 100:.2f}, "
            f"below {THRESHOLD / 100:.2f}",
        )
    close = [s.qid for s in ranked[1:] if best.points - s.points < MARGIN]
    if close:
        return (
            "ambiguous",
            None,
            f"{best.qid} is not ahead of {', '.join(close)} by {MARGIN / 100:.2f} or more; "
            "a person must decide",
        )
    if KINDS[entity.kind].needs_confirmation and not best.confirmed:
        return (
            "ambiguous",
            None,
            f"no position held or description confirms {best.qid}; a namesake is as likely",
        )
    return "linked", best.qid, "; ".join(best.evidence)
