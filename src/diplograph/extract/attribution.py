"""Attribution and modality stage: who a sentence's events are attributed to, and how they are
presented.

Reads a sentence's units and the `attribution` and `modality` rules. Attribution gives the
sentence's sources ("KCNA said", "according to", "reports Yonhap", "informed the state-run KCNA",
"a party spokesperson said", "state media reported") and whether a source relays the article's
other claims. Modality gives, per event trigger, the cue before it in its clause: Expected ("will
arrive", "is expected to hold", "to be joined"), Denied (negation) or `none` for attempts and
conditionals, which are not recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef
from spacy.tokens import Doc

from diplograph.extract.matcher import find
from diplograph.extract.rules import RuleSet
from diplograph.extract.sentences import Unit, clause_ids


@dataclass
class Attribution:
    """The sources of one sentence, the ones that relay the article, and generic ones."""

    sources: list[URIRef] = field(default_factory=list)
    relays: list[URIRef] = field(default_factory=list)
    generic: set[URIRef] = field(default_factory=set)
    triggers: set[int] = field(default_factory=set)


def attribution(units: list[Unit], rules: RuleSet, doc: Doc | None = None) -> Attribution:
    """The sources a sentence attributes its content to."""
    found = Attribution()
    subordinate = rules.word_class("subordinate_source_word")
    for match in find("attribution", units, rules, doc):
        if _subordinate(units, match.roles.get("source", []), subordinate):
            continue
        found.triggers.add(match.trigger)
        for index in match.roles.get("source", []):
            mention = units[index].mention
            if mention is None or "agent" not in mention.classes:
                continue  # a place that stands for no government ("Lagos") is no source
            agents = list(mention.agents or mention.refs)
            found.sources.extend(a for a in agents if a not in found.sources)
            if mention.generic:
                found.generic.update(agents)
            if match.rule.get("relay") == "article":
                found.relays.extend(a for a in agents if a not in found.relays)
    return found


def _subordinate(units: list[Unit], sources: list[int], words: frozenset[str]) -> bool:
    """Whether a source is the subject of a clause a conjunction subordinates ("..., a day
    after New Delhi announced a raft of steps"): what it says is not the sentence's source."""
    if not sources or not min(sources):
        return False
    before = units[min(sources) - 1].lower.split()
    return bool(before) and before[-1] in words


@dataclass(frozen=True)
class Cue:
    """A modality cue: where it is, what it signals, how far it reaches."""

    index: int
    modality: str
    window: int
    rule: str
    stops: frozenset[str] = frozenset()  # words past which the cue does not reach
    follows: bool = False  # a predicate after a noun it tells of ("the talks will be held")


def cues(units: list[Unit], rules: RuleSet, doc: Doc | None = None) -> list[Cue]:
    """The modality cues of a sentence."""
    return [
        Cue(
            m.trigger,
            str(m.rule.get("modality")),
            int(m.rule.get("window", 4)),
            m.rule.id,
            frozenset(str(w) for w in m.rule.get("stops", ())),
            bool(m.rule.get("follows")),
        )
        for m in find("modality", units, rules, doc)
    ]


def modality_at(
    trigger: int, found: list[Cue], units: list[Unit], nouns: frozenset[str] = frozenset()
) -> str | None:
    """The modality the nearest cue before a trigger, in its clause and window, signals; with
    none, for a trigger of `nouns`, the nearest cue after it that `follows` the noun it tells
    of ("the talks between X and Y will be held on Tuesday"; not "arrived on what is expected
    to be his last trip")."""
    clauses = clause_ids(units)
    best: Cue | None = None
    for cue in found:
        distance = trigger - cue.index
        if 0 < distance <= cue.window and clauses[cue.index] == clauses[trigger]:
            if any(units[i].lower in cue.stops for i in range(cue.index + 1, trigger)):
                continue  # "agreed to deepen ties at talks in Beijing": the talks were held
            if best is None or cue.index > best.index:
                best = cue
    if best is None and units[trigger].lower in nouns:
        after = [
            c
            for c in found
            if c.follows
            and 0 < c.index - trigger <= c.window
            and clauses[c.index] == clauses[trigger]
        ]
        best = min(after, key=lambda c: c.index, default=None)
    return best.modality if best else None
