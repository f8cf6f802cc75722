"""Matcher stage: runs one section's compiled spaCy Matcher over a sentence's units.

Reads units and a RuleSet; returns Matches, at most one per trigger unit: the rule with the
highest priority wins, then the pattern that fills most roles, then the shortest span (the
nearest participants). A higher-priority match consumes the units marked `consume: true` (and a
trailing `list:`), so a trigger inside them does not fire another rule ("won't hesitate to impose
sanctions" is a threat, not an imposition).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import is_not

from spacy.tokens import Doc

from diplograph.extract.rules import (
    ALWAYS,
    CAPITAL,
    DIGIT,
    PLAIN_TAG,
    Pattern,
    Rule,
    RuleSet,
    profile,
)
from diplograph.extract.sentences import Unit, to_doc


@dataclass
class Match:
    """One pattern matched on units[start:end], with the units that fill each role."""

    pattern: Pattern
    start: int
    end: int
    trigger: int
    roles: dict[str, list[int]] = field(default_factory=dict)
    attrs: dict[str, list[int]] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)
    distribute: set[str] = field(default_factory=set)
    spread: set[int] = field(default_factory=set)  # the units of `distribute` tokens
    purpose: bool = False  # an infinitive naming the purpose of the event before it

    @property
    def rule(self) -> Rule:
        """The rule whose pattern matched."""
        return self.pattern.rule

    @property
    def filled(self) -> int:
        """How many role units the match fills."""
        return sum(len(v) for v in self.roles.values()) + len(self.attrs)

    def span(self, units: list[Unit]) -> tuple[int, int]:
        """Article offsets of the matched words (a trailing list included)."""
        last = max([self.end - 1, *[i for v in self.roles.values() for i in v]])
        return units[self.start].begin, units[last].end


def _collect_list(match: Match, units: list[Unit], rules: RuleSet) -> None:
    """Fill a trailing `list:` role with every entity of its class up to a stop word."""
    stops = set(match.rule.get("list_stop") or rules.classes.get("list_stop", []))
    wanted = match.pattern.list_class
    index = match.end
    while index < len(units) and units[index].lower not in stops:
        mention = units[index].mention
        if mention is not None and wanted in mention.classes:
            match.roles.setdefault(match.pattern.list_role or "", []).append(index)
        match.consumed.add(index)
        index += 1


def _joined(units: list[Unit], index: int) -> bool:
    """Whether a unit continues the word before it across a hyphen written without spaces:
    the hyphen of "closed-door", or the word after it ("door")."""
    if index == 0 or units[index - 1].end != units[index].begin:
        return False
    if units[index].lower == "-":
        return index + 1 < len(units) and units[index + 1].begin == units[index].end
    return (
        units[index - 1].lower == "-"
        and index > 1
        and units[index - 2].end == units[index - 1].begin
    )


def _build(
    pattern: Pattern, start: int, end: int, alignments: list[int], units: list[Unit]
) -> Match | None:
    """A Match from the matcher's alignment of units to pattern tokens (None: a gap too long;
    a gap counts words: "a closed-door meeting" is two before "meeting", not four)."""
    match = Match(pattern, start, end, trigger=start)
    counts: dict[int, int] = {}
    for offset, token_index in enumerate(alignments):
        meta = pattern.metas[token_index]
        if meta.gap and not _joined(units, start + offset):
            counts[token_index] = counts.get(token_index, 0) + 1
            if counts[token_index] > meta.gap:
                return None
        unit = start + offset
        if meta.words is not None and not {units[unit].lemma, units[unit].lower} & meta.words:
            return None  # a class's word by its lemma only ("met" is no "meeting")
        if meta.titles is not None and not _titled(units[unit], meta.titles):
            return None  # "First Lady Rachel Ruto" told with a title of these
        if meta.trigger:
            match.trigger = unit
        if meta.role:
            match.roles.setdefault(meta.role, []).append(unit)
            if meta.distribute:
                match.distribute.add(meta.role)
                match.spread.add(unit)
        if meta.attr:
            match.attrs.setdefault(meta.attr, []).append(unit)
        if meta.consume:
            match.consumed.add(unit)
    return match


def _titled(unit: Unit, titles: frozenset[str]) -> bool:
    """Whether a unit is a name told with one of these titles ("First Lady Rachel Ruto")."""
    return unit.mention is not None and unit.mention.title in titles


def _governed_actor(match: Match, units: list[Unit], rules: RuleSet) -> bool:
    """Whether an event match opens with an actor a preposition governs ("travelled to
    Washington to meet Biden": Washington is not the one who meets; "talks with X and then
    travel to Y": X does not travel)."""
    if match.rule.section != "events" or match.start == 0:
        return False
    first = [r for r, found in match.roles.items() if match.start in found]
    if not first or first[0] in ("place", "theme"):
        return False
    before = units[match.start - 1].lower
    after = units[match.start + 1].lower if match.start + 1 < len(units) else ""
    if after in rules.word_class("relative_word"):
        return False  # "met with the guests that arrived": the relative clause's subject
    if before in rules.word_class("place_preposition") or before in rules.word_class(
        "governing_preposition"
    ):
        return not _joined_verb(match, units, rules)
    return _object_before_and(match, units, rules)


def _joined_verb(match: Match, units: list[Unit], rules: RuleSet) -> bool:
    """Whether only "and" (and `joined_verb_gap` words) stand between the actor a match opens
    with and its trigger ("suspended all trade with India and declared ... persona non grata"):
    the verb shares the earlier phrase's subject (frames.share_subjects), so the match stays."""
    between = units[match.start + 1 : match.trigger]
    joiner, gap = rules.word_class("verb_joiner"), rules.word_class("joined_verb_gap")
    return (
        bool(between)
        and between[0].lower in joiner
        and all(u.mention is None and u.lower in gap for u in between[1:])
    )


def _object_before_and(match: Match, units: list[Unit], rules: RuleSet) -> bool:
    """Whether the actor a match opens with is an earlier verb's object that "and" and another
    verb follow ("also met Prime Minister A and held talks with B": A holds no talks)."""
    start = match.start
    if start + 2 >= len(units) or units[start + 1].lower not in rules.word_class("verb_joiner"):
        return False
    verb, after = units[start - 1], units[start + 2]
    return (
        after.mention is None
        and verb.mention is None
        and verb.lemma in rules.word_class("party_object_verb")
    )


def separate(matches: list[Match]) -> list[Match]:
    """Matches that do not overlap (higher priority, then longer, first), in reverse text order.

    Stages that merge each match into one unit apply them from the end, so that the unit
    indices of the matches still to apply stay valid.
    """
    ranked = sorted(
        matches, key=lambda m: (-int(m.rule.get("priority", 0)), -(match_end(m) - m.start), m.start)
    )
    taken: set[int] = set()
    kept = []
    for match in ranked:
        span = range(match.start, match_end(match))
        if taken.isdisjoint(span):
            taken.update(span)
            kept.append(match)
    return sorted(kept, key=lambda m: m.start, reverse=True)


def match_end(match: Match) -> int:
    """One past the last unit a match covers, roles included."""
    return max([match.end, *[i + 1 for v in match.roles.values() for i in v]])


# The last units list seen and its entry: consecutive stages often match the same list (a
# stage that merges nothing returns it unchanged). Lists are compared by identity and the entry
# holds a reference, so an id is never reused.
_LAST: list = [None, None]
# Entries of the lists seen lately, by length and first and last unit: a stage that changes
# nothing often returns a new list of the same units ("own_titles", "without_parentheticals"),
# whose Places and Doc are those of the list before. An entry is [units, their mentions,
# Places, Doc or None]; it is used for a list of the same units with the same mentions (the
# coreference stage gives units new mentions in place: such a list is a new one), and holds
# both, so that no id in it is reused while it is kept.
_SEEN: dict[tuple[int, int, int], list] = {}
SEEN_KEPT = 64


def _entry(units: list[Unit]) -> list:
    """The entry of a units list: its own, or that of an earlier list of the same units with
    the same mentions, else a new one."""
    if _LAST[0] is units:
        return _LAST[1]
    key = (len(units), id(units[0]), id(units[-1]))
    entry = _SEEN.get(key)
    mentions = tuple([unit.mention for unit in units])
    if entry is None or any(map(is_not, units, entry[0])) or any(map(is_not, mentions, entry[1])):
        if len(_SEEN) >= SEEN_KEPT:
            del _SEEN[next(iter(_SEEN))]
        entry = _SEEN[key] = [tuple(units), mentions, None, None]
    _LAST[:] = [units, entry]
    return entry


class Places:
    """The words of a units list (lemmas, lower forms, entity profiles, and the pseudo-words
    PLAIN_TAG, DIGIT and CAPITAL) and where each is: a bit mask of unit positions a word. A pattern
    whose needs the sentence meets is then tested for their order ("X said" needs an agent
    before "say": a sentence with "said" and an agent only after it is turned away) before its
    Matcher runs; the test costs about a tenth of the Matcher call it saves."""

    __slots__ = ("words", "masks", "memo")

    def __init__(self, units: list[Unit]) -> None:
        masks: dict[str, int] = {}
        get = masks.get
        bit = 1
        for unit in units:  # one loop for the words and their places, unrolled
            mention = unit.mention
            tag = PLAIN_TAG if mention is None else profile(mention.classes)
            lemma, lower = unit.lemma, unit.lower
            masks[lemma] = get(lemma, 0) | bit
            masks[lower] = get(lower, 0) | bit
            masks[tag] = get(tag, 0) | bit
            bit <<= 1
        if any([unit.text.isdigit() for unit in units]):
            masks[DIGIT] = sum(1 << i for i, unit in enumerate(units) if unit.text.isdigit())
        capitals = sum([1 << i for i, unit in enumerate(units) if unit.text[:1].isupper()])
        if capitals:  # every unit whose word shape begins with "X" (CAPITAL_SHAPE), and more
            masks[CAPITAL] = capitals
        self.words = frozenset(masks)
        self.masks = masks
        self.memo: dict[frozenset[str], int] = {}

    def of(self, need: frozenset[str]) -> int:
        """The positions of the units that have a word of a need."""
        found = self.memo.get(need)
        if found is None:
            found = 0
            masks = self.masks
            for word in need & self.words:  # frozensets: the smaller one is walked
                found |= masks[word]
            self.memo[need] = found
        return found

    def in_order(
        self, steps: tuple[tuple[frozenset[str], ...], ...], spacing: tuple[int | None, ...] = ()
    ) -> bool:
        """Whether units in increasing positions meet the steps (a pattern's required tokens,
        each with its needs): the first unit after the last found that meets each step. Steps
        a fixed distance apart (`spacing`, see rules._spacing; none when empty) are one run,
        found where every step of it is ("the" right before "country")."""
        spacing = spacing or (None,) * len(steps)
        start, index = 0, 0
        while index < len(steps):
            mask, width = self.meeting(steps[index]), 0
            index += 1
            while index < len(steps) and (gap := spacing[index]) is not None:
                width += gap
                mask &= self.meeting(steps[index]) >> width
                index += 1
            mask >>= start
            if not mask:
                return False
            start += (mask & -mask).bit_length() + width  # one past the run's last unit
        return True

    def meeting(self, step: tuple[frozenset[str], ...]) -> int:
        """The positions of the units that meet every need of a step."""
        mask = self.of(step[0])
        for need in step[1:]:
            mask &= self.of(need)
        return mask


def _places(units: list[Unit]) -> Places:
    """The Places of units (made once per list, or per units and mentions)."""
    entry = _entry(units)
    if entry[2] is None:
        entry[2] = Places(units)
    return entry[2]


def _doc(units: list[Unit], rules: RuleSet) -> Doc:
    """The Doc of units (made once per list, or per units and mentions, and vocabulary)."""
    entry = _entry(units)
    if entry[3] is None or entry[3].vocab is not rules.nlp.vocab:
        entry[3] = to_doc(units, rules)
    return entry[3]


# A pattern as the pattern index files it: its rule's position in the section, its own
# position in the rule, its needs after the first (the one it is filed under), steps, spacing
# and reach.
Filed = tuple[int, int, tuple[frozenset[str], ...], tuple, tuple, tuple]


def _pattern_index(
    rules: RuleSet, section: str
) -> tuple[frozenset[str], dict[str, tuple[int, ...]], list[Filed]]:
    """The section's patterns, numbered in the order of their rules and their own, filed under
    the words of their first need (the least likely, see rules._order_needs; a pattern that
    needs nothing under ALWAYS); the words as a set; each number's pattern (made once per rule
    set). Filed by pattern, not by rule: a rule filed whole and tried for one pattern's word had
    every pattern's needs tested (84 patterns a sentence for `titles`); this tries only the
    patterns whose own least likely word the sentence has."""

    def make() -> tuple[frozenset[str], dict[str, tuple[int, ...]], list[Filed]]:
        found: dict[str, list[int]] = {}
        table: list[Filed] = []
        for number, rule in enumerate(rules.rules[section]):
            for index, needs in enumerate(rule.needs):
                for word in needs[0] if needs else (ALWAYS,):
                    found.setdefault(word, []).append(len(table))
                steps, spacing, reach = rule.steps[index], rule.spacing[index], rule.reach[index]
                table.append((number, index, tuple(needs[1:]), steps, spacing, reach))
        return frozenset(found), {word: tuple(filed) for word, filed in found.items()}, table

    return rules.once("pattern-index:" + section, make)


def find(
    section: str,
    units: list[Unit],
    rules: RuleSet,
    doc: Doc | None = None,
    reject: Callable[[Match], bool] | None = None,
) -> list[Match]:
    """The best match per trigger unit of one section, in text order, consumption applied.

    Pass `doc` (from sentences.to_doc) to reuse one Doc for several sections on the same units;
    `reject` drops matches before the best of a trigger is chosen, so that a rejected match
    cannot hide another.
    """
    if not units:
        return []
    strings = rules.nlp.vocab.strings
    places = _places(units)
    words = places.words
    keys, index, table = _pattern_index(rules, section)
    chosen = set(index.get(ALWAYS, ()))
    for word in keys & words:  # two sets: the smaller one is walked
        chosen.update(index[word])
    if not chosen:
        return []
    by_rule: dict[int, list[int]] = {}
    window: dict[int, tuple[int, int]] = {}  # per rule: the units its patterns can match
    size = len(units)
    for filed in sorted(chosen):  # the rules' order, and their patterns' in each
        number, pattern, needs, steps, spacing, (before, after) = table[filed]
        for need in needs:  # each need met by a word of the sentence
            if need.isdisjoint(words):
                break
        else:
            if places.in_order(steps, spacing):
                by_rule.setdefault(number, []).append(pattern)
                start, end = window.get(number, (size, 0))
                if before is None or after is None:
                    window[number] = (0, size)
                    continue
                first, last = places.meeting(steps[0]), places.meeting(steps[-1])
                start = min(start, max(0, (first & -first).bit_length() - 1 - before))
                window[number] = (start, max(end, min(size, last.bit_length() + after)))
    members = rules.rules[section]
    found = []
    for number, patterns in by_rule.items():  # one Matcher per rule, run only when it can match
        doc = doc if doc is not None else _doc(units, rules)
        matcher = members[number].matcher_of(tuple(patterns))
        start, end = window[number]
        if start == 0 and end == size:
            found.extend(matcher(doc, with_alignments=True, allow_missing=True))
            continue
        for match_id, begin, stop, alignments in matcher(
            doc[start:end], with_alignments=True, allow_missing=True
        ):  # the units the patterns can match: the Matcher's states start at each
            found.append((match_id, begin + start, stop + start, alignments))
    best: dict[int, tuple[tuple[int, int, int, int], Match]] = {}
    for match_id, start, end, alignments in found:
        pattern = rules.patterns[strings[match_id]]
        match = _build(pattern, start, end, alignments, units)
        if match is None or _governed_actor(match, units, rules):
            continue
        if reject is not None and reject(match):
            continue
        if pattern.list_role:
            _collect_list(match, units, rules)
            if pattern.list_role not in match.roles:
                continue
        priority = int(match.rule.get("priority", 0))
        length = end - start if match.rule.get("prefer") != "longest" else start - end
        score = (-priority, -match.filled, length, pattern.index)
        current = best.get(match.trigger)
        if current is None or score < current[0]:
            best[match.trigger] = (score, match)
    ordered = sorted(best.values(), key=lambda item: (item[0][0], item[1].trigger))
    consumed: set[int] = set()
    kept = []
    for _, match in ordered:
        if match.trigger in consumed:
            continue
        consumed |= match.consumed - {match.trigger}
        kept.append(match)
    return sorted(kept, key=lambda m: m.trigger)
