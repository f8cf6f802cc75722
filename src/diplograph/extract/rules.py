"""Rule compilation: reads the parsed rule files (rulefiles.py, checked against schema.py) and
compiles them into spaCy token patterns, one Matcher per rule (made on first use), with the words
each pattern needs (a cheap test that skips the Matcher on sentences that cannot match). Patterns
are lists of token specs (see mappings/rules/README.md); every error names the file and line (an
InputError). Compiled rules are kept in the on-disk cache (cache.py), keyed by the rule files'
bytes, the ontology's and the code's: a later process only unpickles them and makes a tokenizer.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from spacy.about import __version__ as spacy_version
from spacy.matcher import Matcher

from diplograph import cache
from diplograph.errors import InputError
from diplograph.extract.rulefiles import SECTIONS, read_rule_file
from diplograph.extract.schema import TOKEN_KEYS, check_kinds, line_of
from diplograph.extract.spacyparts import English
from diplograph.vocabulary import ontology_file, vocabulary

T = TypeVar("T")

log = logging.getLogger(__name__)
CAPITAL_SHAPE = {"REGEX": "^X"}  # a word that begins with a capital letter (spaCy's word shape)


PATTERN_SECTIONS = SECTIONS[SECTIONS.index("dates") : SECTIONS.index("kinds")]
# Entity profiles: every merged unit has one (its ENT_TYPE in the Matcher, a fast built-in
# attribute); an `ent:` class in a pattern matches every profile that includes the class.
PROFILES: dict[str, frozenset[str]] = {
    name: frozenset(classes.split())
    for name, classes in {
        "person": "person agent",
        "person_group": "person agent group",
        "delegation": "delegation agent",
        "delegation_group": "delegation agent group",
        "country": "country agent place",
        "country_group": "country agent place group",
        "capital": "city place agent",
        "capital_group": "city place agent group",
        "city": "city place",
        "place": "place",
        "agency": "agency org agent",
        "party": "party org agent",
        "org": "org agent",
        "org_group": "org agent group",
        "agent": "agent",
        "agent_group": "agent group",
        "we": "agent we",
        "materiel": "materiel",
        "exhibition": "exhibition",
        "gathering": "gathering",  # the name of a gathering before its head ("Ukraine Recovery")
        "nationality": "nationality",
        "title": "title",
        "body": "body",  # "foreign ministry" before the stage that finds whose it is
        "date": "date",
        "possessor": "possessor",  # "Trump's envoy X": a person named only as X's employer
    }.items()
}
ENT_CLASSES = frozenset().union(*PROFILES.values())
BOUNDARY_POS, WORD_POS, PLAIN_TAG = "PUNCT", "X", "-"  # built-in attributes: fast to match
QUOTED = "Quoted=Yes"  # MORPH of a unit inside quotation marks


@functools.lru_cache(maxsize=256)
def profile(classes: frozenset[str]) -> str:
    """The profile of a unit's entity classes: the same set, else the largest one inside it."""
    for name, members in PROFILES.items():
        if members == classes:
            return name
    inside = [(len(m), n) for n, m in PROFILES.items() if m <= classes]
    return max(inside)[1] if inside else "agent"


# The roles a rule can fill: the event roles of the ontology the rules are compiled against
# (vocabulary.py, RuleSet.roles), and these, which the rule layer resolves itself.
OTHER_ROLES = (
    "source",
    "owner",
    "holder",
    "title",
    "name",
    "leader",
    "member",
    "context",
    "counterpart",
    "destination",  # the state an ambassador is sent to ("Iran's Ambassador to Russia X")
    "principal",  # "his" of "his spokesman X": the office of the person it stands for
    "portfolio",  # an office's words beyond its title ("Minister of State for [External Affairs]")
    "lead",  # `companions`: the leader a spouse travels with
    "companion",  # `companions`: the spouse
    "previous",  # `records`: who did it last before ("the first visit ... since X")
)


@dataclass(frozen=True)
class TokenMeta:
    """What one pattern token contributes when it matches: role, trigger, consumption, attribute."""

    role: str | None = None
    trigger: bool = False
    consume: bool = False
    attr: str | None = None
    distribute: bool = False
    gap: int = 0  # a gap token: at most this many units (checked after matching)
    words: frozenset[str] | None = None  # a class's words, checked after matching (see below)
    titles: frozenset[str] | None = None  # `title`: a name told with one of these titles


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern of a rule: its spaCy token patterns and per-token metadata."""

    rule: Rule
    index: int
    metas: tuple[TokenMeta, ...]
    list_role: str | None = None  # a trailing `list:` spec collects entities of this class
    list_class: str | None = None


SUBSETS_KEPT = 64  # Matchers of pattern sets a rule keeps (then it starts again)


@dataclass
class Rule:
    """One rule: id, section, the file and line it came from, and its other YAML keys."""

    id: str
    section: str
    source: str
    line: int
    data: dict[str, Any]
    patterns: list[Pattern] = field(default_factory=list)
    # the matcher's keys, one per pattern variant, each with its spaCy token patterns
    specs: list[tuple[str, list[list[dict[str, Any]]]]] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    needs: list[list[frozenset[str]]] = field(default_factory=list)  # per pattern: word sets
    # per pattern: the needs of each required token, in the pattern's order (see `in_order`)
    steps: list[tuple[tuple[frozenset[str], ...], ...]] = field(default_factory=list)
    # per pattern, for each step: its unit's distance from the previous step's, if fixed
    spacing: list[tuple[int | None, ...]] = field(default_factory=list)
    # per pattern: how many units a match can hold before its first step's unit and after its
    # last step's (None: no bound, or a pattern without steps), see `_reach`
    reach: list[tuple[int | None, int | None]] = field(default_factory=list)
    vocab: Any = field(default=None, repr=False, compare=False)  # the rule set's spaCy Vocab
    compiled: Matcher | None = field(default=None, repr=False, compare=False)
    # Matchers of some of the patterns, by the indices of those patterns (see matcher_of)
    subsets: dict[tuple[int, ...], Matcher] = field(default_factory=dict, repr=False, compare=False)

    @property
    def matcher(self) -> Matcher:
        """This rule's patterns as a spaCy Matcher, made on first use."""
        if self.compiled is None:
            self.compiled = make_matcher(self.vocab, self.specs)
        return self.compiled

    def __getstate__(self) -> dict[str, Any]:
        """What pickling keeps: everything but the spaCy objects (remade on first use)."""
        return {**self.__dict__, "vocab": None, "compiled": None, "subsets": {}}

    def matcher_of(self, patterns: tuple[int, ...]) -> Matcher:
        """A Matcher of only these patterns (the rule's own when they are all), made once per
        set: the Matcher tries every pattern it holds at every token, so the patterns a
        sentence cannot match are better left out (a rule's sets are few: 454 over 158 rules
        in the corpus)."""
        if len(patterns) == len(self.needs):
            return self.matcher
        found = self.subsets.get(patterns)
        if found is None:
            if len(self.subsets) >= SUBSETS_KEPT:
                self.subsets.clear()
            wanted = set(patterns)
            specs = [s for s, p in zip(self.specs, self.patterns, strict=True) if p.index in wanted]
            found = self.subsets[patterns] = make_matcher(self.vocab, specs)
        return found

    def get(self, key: str, default: Any = None) -> Any:
        """A key of the rule's YAML mapping."""
        return self.data.get(key, default)

    @property
    def where(self) -> str:
        """file:line of the rule, for messages."""
        return f"{self.source}:{self.line}"


@dataclass
class RuleSet:
    """Every rule file, compiled: word classes, configuration and one matcher per section."""

    folder: Path
    nlp: Any  # spacyparts.English: tokenizer and vocabulary (remade after unpickling)
    lemmas: dict[str, str]  # word -> lookup lemma (spacy-lookups-data)
    classes: dict[str, list[str]]
    gazetteer: dict[str, Any]
    kinds: dict[str, dict[str, Any]]
    boilerplate: list[Rule]
    rules: dict[str, list[Rule]]
    patterns: dict[str, Pattern]
    boundary: frozenset[str]
    roles: tuple[str, ...] = ()  # the ontology's event roles, each a dip: property
    cache: dict[str, str] = field(default_factory=dict)
    derived: dict[str, Any] = field(default_factory=dict)  # made from the rules on first use
    class_sets: dict[str, frozenset[str]] = field(default_factory=dict)  # see word_class
    digest: str | None = None  # the on-disk cache's key of its inputs (None: not cached)

    def __getstate__(self) -> dict[str, Any]:
        """What pickling keeps: everything but the pipeline and the caches."""
        return {**self.__dict__, "nlp": None, "cache": {}, "derived": {}, "class_sets": {}}

    def lemma(self, word: str) -> str:
        """The lookup lemma of a word (lower-cased)."""
        lower = word.lower()
        found = self.cache.get(lower)
        if found is None:
            found = self.cache[lower] = self.lemmas.get(lower, lower)
        return found

    def once(self, name: str, make: Callable[[], T]) -> T:
        """A value derived from the rules, made on first use and kept with the rule set."""
        found = self.derived.get(name)
        if found is None:
            found = self.derived[name] = make()
        return found

    def word_class(self, name: str) -> frozenset[str]:
        """A word class of the lexicon as a set, made once per rule set (stages test words
        against classes in every sentence: a few hundred thousand calls a benchmark)."""
        found = self.class_sets.get(name)
        if found is None:
            found = self.class_sets[name] = frozenset(self.classes.get(name, ()))
        return found

    def listed(self, key: str) -> frozenset[str]:
        """A list of the rule files' `gazetteer` section as a set of strings, as written, made
        once per rule set."""
        return self.once(
            "listed:" + key, lambda: frozenset(str(w) for w in self.gazetteer.get(key) or ())
        )

    def rule(self, rule_id: str) -> Rule:
        """A rule by id."""
        for rules in self.rules.values():
            for rule in rules:
                if rule.id == rule_id:
                    return rule
        raise KeyError(rule_id)


def as_list(value: Any) -> list[Any]:
    """A scalar or a list, as a list."""
    return list(value) if isinstance(value, list) else [value]


def _class_members(value: Any, classes: dict[str, list[str]], where: str) -> list[str]:
    """The sorted words of the lexicon classes a token names (`class`, `not_class`)."""
    names = as_list(value)
    missing = [n for n in names if n not in classes]
    if missing:
        raise InputError(f"{where}: unknown word class {missing[0]!r}")
    return sorted({w for n in names for w in classes[n]})


def compile_token(
    spec: Any,
    classes: dict[str, list[str]],
    where: str,
    roles: frozenset[str],
    lemmas: dict[str, str] | None = None,
) -> tuple[dict[str, Any] | None, TokenMeta, tuple[str, str] | None]:
    """One token spec -> (spaCy token pattern or None for a trailing list, metadata, list spec).

    A word class matches a unit whose lemma or lower form is one of its words, as the frames
    and each pattern's `needs` read it: the Matcher tests lemmas only, so a class with a word
    whose lemma is not in it ("meeting" -> "meet", "saying" -> "say") matches their lemmas too
    and keeps its words for `matcher._build` to check the unit against."""
    if not isinstance(spec, dict):
        raise InputError(f"{where}: a pattern token is a mapping such as {{lemma: visit}}")
    unknown = set(spec) - TOKEN_KEYS
    if unknown:
        raise InputError(f"{where}: unknown pattern key(s): {', '.join(sorted(unknown))}")
    role = spec.get("role")
    if role is not None and role not in roles:
        raise InputError(f"{where}: unknown role {role!r}")
    meta = TokenMeta(
        role=role,
        trigger=bool(spec.get("trigger")),
        consume=bool(spec.get("consume")),
        attr=spec.get("attr"),
        distribute=bool(spec.get("distribute")),
        gap=int(spec.get("gap", 0)) if isinstance(spec.get("gap", 0), int) else 0,
        titles=_titles(spec),
    )
    if "list" in spec:
        if spec["list"] not in ENT_CLASSES or role is None:
            raise InputError(f"{where}: `list` needs an entity class and a role")
        return None, meta, (role, spec["list"])
    token: dict[str, Any] = {}
    if "gap" in spec:
        size = spec["gap"]
        if not isinstance(size, int) or size < 1:
            raise InputError(f"{where}: `gap` is a positive number of tokens")
        if not spec.get("any"):
            token["POS"] = WORD_POS
        token["OP"] = "*"  # bounded by the gap size after matching: far fewer Matcher states
    if "lemma" in spec:
        written = [str(w).lower() for w in as_list(spec["lemma"])]
        token["LEMMA"], meta = _by_lemma(written, meta, lemmas)
    if "lower" in spec:  # words with a space match a merged unit ("special envoy"), whose
        # token text joins them with "_" (sentences.to_doc); the cheap test reads the spaced form
        lowers = [str(w).lower() for w in as_list(spec["lower"])]
        token["LOWER"] = {"IN": lowers + [w.replace(" ", "_") for w in lowers if " " in w]}
    if "ends" in spec:  # a merged unit ("Rafah_crossing") or a word that ends in one of these
        ends = "|".join(  # "border crossing" ends a merged "Rafah_border_crossing" too
            re.escape(str(w).lower()).replace("\\ ", "[_ ]") for w in as_list(spec["ends"])
        )
        token["LOWER"] = {"REGEX": f"(?:^|[_ ])(?:{ends})$"}
    if "class" in spec:
        words = _class_members(spec["class"], classes, where)
        token["LEMMA"], meta = _by_lemma(words, meta, lemmas)
    if "not_class" in spec:  # "Russia said troops arrived": the gap crosses no speech verb;
        # neither lemma nor lower form one of the words (a stem would bar more: "'s" -> "have")
        words = _class_members(spec["not_class"], classes, where)
        token["LEMMA"] = {"NOT_IN": words}
        token["LOWER"] = {"NOT_IN": words}
    if "ent" in spec:
        kinds = as_list(spec["ent"])
        bad = [k for k in kinds if k not in ENT_CLASSES]
        if bad:
            raise InputError(f"{where}: unknown entity class {bad[0]!r}")
        token["TAG"] = {"IN": sorted(n for n, m in PROFILES.items() if m & set(kinds))}
    if "quoted" in spec:
        token["MORPH"] = QUOTED if spec["quoted"] else {"NOT_IN": [QUOTED]}
    if "mention" in spec and not spec["mention"]:
        token["TAG"] = PLAIN_TAG
    if spec.get("first"):
        token["IS_SENT_START"] = True
    if spec.get("capital"):
        token["SHAPE"] = CAPITAL_SHAPE  # "Vance", "JD", "McCarthy" (IS_TITLE rejects the last two)
    if spec.get("digit") or spec.get("day") or spec.get("year"):
        token["IS_DIGIT"] = True
    if spec.get("day"):  # a day of the month: one or two digits, never a year
        token["LENGTH"] = {"<=": 2}
    if spec.get("year"):  # a year: four digits
        token["LENGTH"] = 4
    if "op" in spec:
        if spec["op"] not in ("?", "*", "+", "!") and not str(spec["op"]).startswith("{"):
            raise InputError(f"{where}: unknown op {spec['op']!r}")
        token["OP"] = spec["op"]
    return token, meta, None


def _titles(spec: dict[str, Any]) -> frozenset[str] | None:
    """The titles a token's name must be told with (`title`), lower-cased; None: any or none."""
    return frozenset(str(t).lower() for t in as_list(spec["title"])) if "title" in spec else None


def _by_lemma(
    words: list[str], meta: TokenMeta, lemmas: dict[str, str] | None
) -> tuple[dict[str, list[str]], TokenMeta]:
    """The Matcher's test of a unit whose lemma or lower form is one of these words: their
    lemmas too ("meeting" -> "meet", "lay" -> "lie"), with the words kept on the token's
    metadata for `matcher._build` to check ("met" is no "meeting") when any lemma is new."""
    written = list(dict.fromkeys(words))
    known = set(written)
    stems = {lemmas.get(w, w) for w in written if " " not in w} - known if lemmas else set()
    if stems:
        meta = replace(meta, words=frozenset(known))
    return {"IN": written + sorted(stems)}, meta


def _needs(tokens: list[dict[str, Any]]) -> list[frozenset[str]]:
    """For each token a match cannot skip, the words (lemma, lower form or entity profile) one
    of which the sentence must contain: a cheap test before running the Matcher."""
    return [need for step in _steps(tokens) for need in step]


def _steps(tokens: list[dict[str, Any]]) -> tuple[tuple[frozenset[str], ...], ...]:
    """The needs of each token a match cannot skip, one tuple a token, in the pattern's order:
    one unit has every need of its token, and the units of the tokens come in that order."""
    steps = []
    for token in tokens:
        needs = _token_needs(token)
        if needs:
            steps.append(needs)
    return tuple(steps)


def _spacing(tokens: list[dict[str, Any]]) -> tuple[int | None, ...]:
    """For each step (see `_steps`), how many units after the previous step's unit its unit
    stands when every token from that one to this one matches exactly one unit (no `OP`), else
    None ("the" then "country": 1; "the", any adjectives, "country": None)."""
    found: list[int | None] = []
    distance: int | None = None  # units since the previous step's unit, while fixed
    for token in tokens:
        distance = None if distance is None else distance + 1
        if _token_needs(token):
            found.append(distance)
            distance = 0
        if "OP" in token:
            distance = None
    return tuple(found)


def _reach(tokens: list[dict[str, Any]]) -> tuple[int | None, int | None]:
    """How many units at most a match takes before the unit of its first step (see `_steps`)
    and after the unit of its last: the Matcher need only see the units from so many before
    the first unit that meets the first step to so many after the last that meets the last
    (None: no bound, a token that may repeat; or no step at all)."""
    steps = [i for i, token in enumerate(tokens) if _token_needs(token)]
    if not steps:
        return None, None
    return _widest(tokens[: steps[0]]), _widest(tokens[steps[-1] + 1 :])


def _widest(tokens: list[dict[str, Any]]) -> int | None:
    """How many units these tokens can match at most (None: no bound)."""
    total = 0
    for token in tokens:
        op = str(token.get("OP", ""))
        if op in ("", "?", "!"):
            total += 1
            continue
        bounds = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)  # {n}, {n,m}, {,m}; {n,}: no bound
        if bounds is None or (bounds[2] and not bounds[3]):
            return None
        total += int(bounds[3] if bounds[2] else bounds[1])
    return total


def _token_needs(token: dict[str, Any]) -> tuple[frozenset[str], ...]:
    """The needs of one token a match cannot skip (none for a token it may skip)."""
    if token.get("OP") in ("?", "*", "!") or str(token.get("OP", "")).startswith("{0"):
        return ()
    needs = []
    for attr in ("LEMMA", "LOWER", "TAG"):
        value = token.get(attr)
        if isinstance(value, dict) and "IN" in value:
            needs.append(frozenset(value["IN"]))
        elif isinstance(value, str) and value:
            needs.append(frozenset([value]))
    if token.get("IS_DIGIT"):
        needs.append(frozenset([DIGIT]))
    if token.get("SHAPE") == CAPITAL_SHAPE:
        needs.append(frozenset([CAPITAL]))
    return tuple(needs)


def _leading_variants(
    tokens: list[dict[str, Any]], metas: list[TokenMeta]
) -> list[tuple[list[dict[str, Any]], list[TokenMeta]]]:
    """The same pattern without optional leading tokens: one variant that drops the token and
    one that requires it, recursively, so that no pattern starts with a token it may skip (such
    a pattern makes the Matcher start a state at every position)."""
    op = tokens[0].get("OP")
    if op not in ("?", "*"):
        return [(tokens, metas)]
    variants = []
    if len(tokens) > 1 and not metas[0].trigger:
        variants += _leading_variants(tokens[1:], metas[1:])
    if op == "?":
        required = {k: v for k, v in tokens[0].items() if k != "OP"}
        variants.append(([required, *tokens[1:]], metas))
    return variants


EXPAND_UP_TO = 3  # a longer first-token list stays one pattern (see _expand_first)


def _expand_first(tokens: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """One pattern per word of a short first-token `IN` list. The Matcher starts a state for
    every pattern at every token, so each variant costs about a twelfth of a set test per
    token (the set is tested once per token, in Python): a list of up to EXPAND_UP_TO words is
    cheaper expanded, a longer one as it is (a 45-word list: 111 -> 16 us a 28-token call)."""
    first = tokens[0]
    lists = [a for a in ("LEMMA", "LOWER", "TAG") if isinstance(first.get(a), dict)]
    if len(lists) != 1 or set(first[lists[0]]) != {"IN"}:
        return [tokens]
    attr = lists[0]
    if len(first[attr]["IN"]) > EXPAND_UP_TO:
        return [tokens]
    return [[{**first, attr: value}, *tokens[1:]] for value in first[attr]["IN"]]


def make_matcher(vocab: Any, specs: list[tuple[str, list[list[dict[str, Any]]]]]) -> Matcher:
    """A spaCy Matcher of compiled token patterns, one key per pattern variant (not checked
    again: compile_rule had spaCy check them; checking is a third of the Matcher's cost)."""
    matcher = Matcher(vocab, validate=False)
    for key, patterns in specs:
        matcher.add(key, patterns)
    return matcher


# The compiled tokens spaCy has passed in this process (their repr): a token's check reads its
# keys and values only, so a rule set compiled again (one file changed) checks only new tokens.
CHECKED: set[str] = set()


class PatternChecker:
    """spaCy's own check of compiled token patterns (its schema, then its Matcher's reading),
    each distinct token once: a rule set's ten thousand tokens are some 1,200 distinct ones,
    and spaCy checks a pattern token by token; spaCy sees a token once per process (CHECKED)
    unless caching is off."""

    def __init__(self, vocab: Any) -> None:
        """A checker with a Matcher of its own on the rule set's vocabulary."""
        self.matcher = Matcher(vocab)
        self.seen: set[str] = set()
        self.passed = CHECKED if cache.folder() is not None else self.seen

    def check(self, key: str, tokens: list[dict[str, Any]], where: str, rule: Rule) -> None:
        """Check a pattern's tokens not checked before; a token spaCy refuses is an error (it
        names the pattern's key and the token as the pattern's only one, "pattern -> 0")."""
        for token in tokens:
            text = repr(token)
            if text in self.seen:
                continue
            if text not in self.passed:
                try:
                    self.matcher.add(key, [[token]])
                except (ValueError, KeyError) as exc:
                    raise InputError(f"{where}: rule {rule.id!r}: invalid pattern: {exc}") from exc
                self.passed.add(text)
            self.seen.add(text)


def compile_rule(
    rule: Rule,
    classes: dict[str, list[str]],
    vocab: Any,
    roles: frozenset[str],
    lemmas: dict[str, str] | None = None,
    checker: PatternChecker | None = None,
) -> None:
    """Compile a rule's patterns for its own matcher (made on first use); note the words each
    pattern needs. spaCy checks each pattern as written, before its first token's words are
    expanded into one pattern each, every distinct token once per `checker` (a rule set's)."""
    patterns = rule.get("patterns")
    if not isinstance(patterns, list) or not patterns:
        raise InputError(f"{rule.where}: rule {rule.id!r} needs a non-empty `patterns` list")
    checker = checker or PatternChecker(vocab)
    for index, tokens in enumerate(patterns):
        where = f"{rule.source}:{line_of(tokens, rule.line)}"
        if not isinstance(tokens, list) or not tokens:
            raise InputError(f"{where}: rule {rule.id!r}: a pattern is a non-empty list of tokens")
        compiled, metas, list_spec = [], [], None
        for position, spec in enumerate(tokens):
            token, meta, listed = compile_token(spec, classes, f"{where}", roles, lemmas)
            if listed is not None:
                if position != len(tokens) - 1:
                    raise InputError(f"{where}: rule {rule.id!r}: `list` must be the last token")
                list_spec = listed
                continue
            compiled.append(token)
            metas.append(meta)
        if not compiled:
            raise InputError(f"{where}: rule {rule.id!r}: a pattern needs at least one token")
        if sum(m.trigger for m in metas) != 1:
            raise InputError(f"{where}: rule {rule.id!r}: mark exactly one token `trigger: true`")
        rule.needs.append(_needs(compiled))
        rule.steps.append(_steps(compiled))
        rule.spacing.append(_spacing(compiled))
        rule.reach.append(_reach(compiled))
        for number, (tokens_, metas_) in enumerate(_leading_variants(compiled, metas)):
            key = f"{rule.id}#{index}.{number}"
            rule.patterns.append(Pattern(rule, index, tuple(metas_), *(list_spec or (None, None))))
            rule.keys.append(key)
            checker.check(key, tokens_, where, rule)
            rule.specs.append((key, _expand_first(tokens_)))
    rule.vocab = vocab


def _check_rule(raw: Any, section: str, path: Path, seen: dict[str, str]) -> Rule:
    """A rule mapping (checked by schema.py) -> Rule, checking uniqueness and confidence."""
    where = f"{path}:{line_of(raw, 1)}"
    if raw["id"] in seen:
        raise InputError(f"{where}: duplicate rule id {raw['id']!r} (first at {seen[raw['id']]})")
    seen[raw["id"]] = where
    confidence = raw.get("confidence", 0.8)
    if not 0 <= confidence <= 1:
        raise InputError(f"{where}: rule {raw['id']!r}: confidence must be between 0 and 1")
    return Rule(raw["id"], section, str(path), line_of(raw, 1), dict(raw))


def _lemma_table() -> dict[str, str]:
    """The English lookup lemmas of spacy-lookups-data (no statistical model): word -> lemma.

    Read as a plain dict: spaCy's own Table hashes every key on the way in, ten times slower.
    """
    from spacy.util import load_language_data, registry

    return dict(load_language_data(registry.lookups.get("en")["lemma_lookup"]))


ALWAYS = ""  # index key of rules that have a pattern needing no particular word
DIGIT = "#digit"  # the pseudo-word of a sentence that has a number
CAPITAL = "#capital"  # the pseudo-word of a unit that begins with a capital (CAPITAL_SHAPE)


# How likely a sentence is to hold a word (about 30 words a sentence); the entity profiles,
# a plain word and a number are in most sentences.
SENTENCE_WORDS = 30
PSEUDO_WORD_CHANCE = {
    PLAIN_TAG: 1.0,
    CAPITAL: 1.0,
    DIGIT: 0.5,
    **{name: 0.5 for name in PROFILES},
}
COMMON_LOG_PROB = -14.0  # a rarer word than this has about no chance (1 in 1.2 million words)


def _chance(need: frozenset[str], chances: dict[str, float]) -> float:
    """About how likely a sentence is to hold one of a need's words."""
    return sum(
        PSEUDO_WORD_CHANCE.get(word) or SENTENCE_WORDS * chances.get(word, 0.0) for word in need
    )


def _share_needs(rules: dict[str, list[Rule]]) -> None:
    """One object for equal needs of all patterns (a word class's list, an entity class's
    profiles): `matcher.Places` finds a need's positions once per sentence, by identity."""
    shared: dict[frozenset[str], frozenset[str]] = {}
    for members in rules.values():
        for rule in members:
            rule.steps = [
                tuple(tuple(shared.setdefault(n, n) for n in step) for step in steps)
                for steps in rule.steps
            ]
            rule.needs = [[shared.setdefault(n, n) for n in needs] for needs in rule.needs]


def _order_needs(rules: dict[str, list[Rule]], chances: dict[str, float]) -> None:
    """Put each pattern's least likely need first: its test stops at the first one missing."""
    for members in rules.values():
        for rule in members:
            rule.needs = [
                sorted(needs, key=lambda n: (_chance(n, chances), sorted(n)))
                for needs in rule.needs
            ]


@functools.lru_cache(maxsize=1)
def word_chances() -> dict[str, float]:
    """English word -> its chance in running text (spacy-lookups-data's lexeme_prob), for the
    words common enough to matter: the table's head where it is written most likely word first
    (`_head_chances`: 0.04 s), else the whole table (0.7 s)."""
    from spacy.util import registry

    path = Path(registry.lookups.get("en")["lexeme_prob"])
    found = _head_chances(path.with_name(path.name + ".gz"))
    return found if found is not None else _read_chances()


def _head_chances(path: Path) -> dict[str, float] | None:
    """The chances of the common words of a gzipped lexeme_prob table written one entry a line
    in falling order (as spacy-lookups-data ships it), read up to the first rare word: 30
    thousand of its million entries. None when the file is not so: its whole table is read."""
    import gzip

    from srsly import ujson  # the whole table's reader: the same floats to the last digit

    entries, last = [], 0.0
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            if lines.readline().strip() != "{":
                return None
            for line in lines:
                entry = line.strip().rstrip(",")
                if entry == "}":
                    break
                log = float(entry.rpartition(":")[2])
                if log > last:
                    return None
                if log <= COMMON_LOG_PROB:
                    break
                entries.append(entry)
                last = log
            table = ujson.loads("{" + ",".join(entries) + "}")
    except (OSError, ValueError, EOFError):
        return None
    if len(table) != len(entries):
        return None
    return {word: math.exp(log) for word, log in table.items()}


def _read_chances() -> dict[str, float]:
    """The lexeme_prob table's common words and their chances, the whole table read."""
    from spacy.util import load_language_data, registry

    table = load_language_data(registry.lookups.get("en")["lexeme_prob"])
    return {word: math.exp(log) for word, log in table.items() if log > COMMON_LOG_PROB}


def _merge_gazetteer(into: dict[str, Any], more: Any, path: Path) -> None:
    """Add a file's `gazetteer` section: mappings merge (a key seen in an earlier file keeps its
    value: entities.yaml says what differs from the generated world.yaml), lists extend."""
    if not isinstance(more, dict):
        raise InputError(f"{path}:{line_of(more, 1)}: `gazetteer` is a mapping")
    for key, value in more.items():
        current = into.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            for name, target in value.items():
                current.setdefault(name, target)
        elif isinstance(current, list) and isinstance(value, list):
            current.extend(v for v in value if v not in current)
        elif current is None:
            into[key] = dict(value) if isinstance(value, dict) else value
        else:
            raise InputError(f"{path}:{line_of(value, 1)}: gazetteer key {key!r} given twice")


def load_rules(folder: Path, ontology: Path | None = None) -> RuleSet:
    """Read and compile every rule file of a folder (sorted by name), checking event kinds and
    roles against the ontology (default: the project's); from the on-disk cache when the files,
    the ontology and the code are unchanged."""
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise InputError(f"{folder}: no rule files (*.yaml)")
    ontology = (ontology or ontology_file()).resolve()
    key = rules_key(folder, ontology)
    ruleset = cache.load("rules", key, RuleSet) if key else None
    if ruleset is None:
        ruleset = compile_rules(files, ontology)
        if key:
            cache.store("rules", key, ruleset)
    ruleset.digest = key if cache.folder() is not None else None
    return ready(relocated(ruleset, folder), folder)


def rules_key(folder: Path, ontology: Path | None = None) -> str | None:
    """The on-disk cache's key of a folder's rule files (their names and bytes) and the
    ontology's bytes; None when a file cannot be read (compiling it then says which)."""
    files = sorted(folder.glob("*.yaml"))
    try:
        named = [part for path in files for part in (path.name, path.read_bytes())]
        return cache.digest(spacy_version, (ontology or ontology_file()).read_bytes(), *named)
    except OSError:
        return None


def relocated(ruleset: RuleSet, folder: Path) -> RuleSet:
    """The rule set with each rule's file in `folder`: a cache entry may come from a copy of
    the same files elsewhere (the key is the files' names and bytes, not where they are)."""
    rules = [*ruleset.boilerplate, *(r for members in ruleset.rules.values() for r in members)]
    for rule in rules + [pattern.rule for pattern in ruleset.patterns.values()]:
        rule.source = str(folder / Path(rule.source).name)
    return ruleset


def abbreviations(classes: dict[str, list[str]]) -> list[str]:
    """The tokenizer's extra abbreviations, as the copy writes them ("Lt.", "Col."): the
    `abbreviated_title` word class, capitalised."""
    return sorted(word.capitalize() for word in classes.get("abbreviated_title", []))


def ready(ruleset: RuleSet, folder: Path) -> RuleSet:
    """A rule set ready to run: its tokenizer, and the vocabulary its matchers are made with."""
    ruleset.folder = folder
    if ruleset.nlp is None:  # unpickled: the matchers are made on first use
        ruleset.nlp = English(abbreviations(ruleset.classes))
        for rule in (r for rules in ruleset.rules.values() for r in rules):
            rule.vocab = ruleset.nlp.vocab
    return ruleset


def compile_rules(files: list[Path], ontology: Path) -> RuleSet:
    """Read, check and compile rule files (the work the cache saves)."""
    vocab = vocabulary(ontology)
    roles = frozenset((*vocab.roles, *OTHER_ROLES))
    parsed = [(path, read_rule_file(path, vocab)) for path in files]
    check_kinds(parsed, vocab)
    classes: dict[str, list[str]] = {}
    gazetteer: dict[str, Any] = {}
    kinds: dict[str, dict[str, Any]] = {}
    for path, data in parsed:
        for name, words in (data.get("classes") or {}).items():
            classes.setdefault(name, []).extend(str(w).lower() for w in words)
        _merge_gazetteer(gazetteer, data.get("gazetteer") or {}, path)
        kinds.update(data.get("kinds") or {})
    nlp = English(abbreviations(classes))
    lemmas = _lemma_table()
    rules: dict[str, list[Rule]] = {name: [] for name in (*PATTERN_SECTIONS, "frames")}
    boilerplate: list[Rule] = []
    seen: dict[str, str] = {}
    patterns: dict[str, Pattern] = {}
    checker = PatternChecker(nlp.vocab)
    for path, data in parsed:
        for raw in data.get("boilerplate") or []:
            rule = _check_rule(raw, "boilerplate", path, seen)
            for key in ("line_regex", "leading_regex"):
                if key in rule.data:
                    try:
                        re.compile(str(rule.get(key)))
                    except re.error as exc:
                        raise InputError(
                            f"{rule.where}: rule {rule.id!r}: bad `{key}`: {exc}"
                        ) from exc
            boilerplate.append(rule)
        for section in PATTERN_SECTIONS:
            for raw in data.get(section) or []:
                rule = _check_rule(raw, section, path, seen)
                compile_rule(rule, classes, nlp.vocab, roles, lemmas, checker)
                rules[section].append(rule)
                patterns.update(zip(rule.keys, rule.patterns, strict=True))
        for raw in data.get("frames") or []:  # no patterns: frames.py reads their slots
            rules["frames"].append(_check_rule(raw, "frames", path, seen))
    _share_needs(rules)
    chances = word_chances()
    _order_needs(rules, chances)
    log.debug("rules: %d files, %d patterns", len(files), len(patterns))
    return RuleSet(
        folder=files[0].parent,
        nlp=nlp,
        lemmas=lemmas,
        classes=classes,
        gazetteer=gazetteer,
        kinds=kinds,
        boilerplate=boilerplate,
        rules=rules,
        patterns=patterns,
        boundary=frozenset(classes.get("boundary", [])),
        roles=vocab.roles,
    )
