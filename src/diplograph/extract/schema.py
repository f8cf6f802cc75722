"""Rule schema: the keys each section of a rule file may have and the type of every value, in the
spirit of pySHACL's CONSTRAINT_PARAMETERS_MAP and of spaCy's config schemas (extra keys are
errors). A key the code reads is declared here, and only here.

Reads one parsed rule file (rulefiles.py: mappings and lists that know their lines) and the
ontology's Vocabulary; raises an InputError naming the file and line of the first unknown or
misspelt key (with the closest known one), value of the wrong type, or event kind that is not a
sub-class of dip:Event. `check_kinds` then checks, across files, that every event kind a rule
makes has an entry in `kinds` (whose `key` names its IRI).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from diplograph.errors import InputError
from diplograph.vocabulary import Vocabulary


class Invalid(Exception):
    """A value that does not fit its type, with the line to report."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class Type(Protocol):
    """A value type: a name for messages and a check that raises Invalid."""

    name: str

    def check(self, value: Any, line: int, key: str, vocab: Vocabulary) -> None:
        """Raise Invalid unless the value fits."""


def line_of(value: Any, fallback: int = 0) -> int:
    """The line a YAML value (as rulefiles.py reads it) starts on, else the fallback."""
    return getattr(value, "line", 0) or fallback


def shown(value: Any) -> str:
    """A value as a message shows it (cut short)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def hint(word: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest known word, if one is close."""
    close = difflib.get_close_matches(str(word), sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def wrong(line: int, key: str, name: str, value: Any) -> Invalid:
    """The error of a value that is not what its key needs."""
    return Invalid(line, f"{f'{key!r} ' if key else ''}must be {name}, not {shown(value)}")


def _path(key: str, name: Any) -> str:
    """The dotted path of a key inside the value at `key`."""
    return f"{key}.{name}" if key else str(name)


@dataclass(frozen=True)
class Scalar:
    """A plain value: string, number, true/false."""

    name: str
    accepts: Callable[[Any], bool]

    def check(self, value: Any, line: int, key: str, vocab: Vocabulary) -> None:
        """Raise Invalid unless the value is of this kind."""
        if not self.accepts(value):
            raise wrong(line, key, self.name, value)


@dataclass(frozen=True)
class Choice:
    """A string out of a closed list (given, or read from the ontology's vocabulary)."""

    what: str
    options: Callable[[Vocabulary], Collection[str]]

    @property
    def name(self) -> str:
        """'a role', 'an event kind'."""
        return f"{'an' if self.what[0] in 'aeiou' else 'a'} {self.what}"

    def check(self, value: Any, line: int, key: str, vocab: Vocabulary) -> None:
        """Raise Invalid unless the value is one of the options."""
        options = self.options(vocab)
        if not isinstance(value, str):
            raise wrong(line, key, self.name, value)
        if value not in options:
            where = f"{key!r}: " if key else ""
            raise Invalid(line, f"{where}unknown {self.what} {value!r}{hint(value, options)}")


@dataclass(frozen=True)
class ListOf:
    """A list whose items are all of one type."""

    item: Type
    name: str = "a list"

    def check(self, value: Any, line: int, key: str, vocab: Vocabulary) -> None:
        """Raise Invalid unless the value is a list of fitting items."""
        if not isinstance(value, list):
            raise wrong(line, key, self.name, value)
        here = line_of(value, line)
        for item in value:
            self.item.check(item, line_of(item, here), key, vocab)


@dataclass(frozen=True)
class MapOf:
    """A mapping with free keys of one type and values of another."""

    keys: Type
    values: Type
    name: str = "a mapping"

    def check(self, value: Any, line: int, key: str, vocab: Vocabulary) -> None:
        """Raise Invalid unless every key and value fits."""
        if not isinstance(value, dict):
            raise wrong(line, key, self.name, value)
        lines = getattr(value, "key_lines", {})
        for name, item in value.items():
            at = lines.get(name, line_of(value, line))
            self.keys.check(name, at, key or "key", vocab)
            self.values.check(item, line_of(item, at), _path(key, name), vocab)


@dataclass(frozen=True)
class Shape:
    """A mapping with known keys: the type of each, the ones it needs, how an unknown one reads."""

    fields: dict[str, Type]
    required: frozenset[str] = frozenset()
    name: str = "a mapping"
    unknown: str = "unknown key {key!r}"

    def check(self, value: Any, line: int, key: str, vocab: Vocabulary) -> None:
        """Raise Invalid at the first unknown key, wrong value or missing key."""
        if not isinstance(value, dict):
            raise wrong(line, key, self.name, value)
        lines = getattr(value, "key_lines", {})
        for name, item in value.items():
            at = lines.get(name, line_of(value, line))
            if name not in self.fields:
                message = self.unknown.format(key=_path(key, name), name=name)
                raise Invalid(at, message + hint(name, self.fields))
            self.fields[name].check(item, line_of(item, at), _path(key, name), vocab)
        missing = sorted(self.required - set(value))
        if missing:
            raise Invalid(line_of(value, line), f"missing key {_path(key, missing[0])!r}")


@dataclass(frozen=True)
class Either:
    """One of several types; a mapping or list is reported by the alternative of its form."""

    options: tuple[Type, ...]
    name: str

    def check(self, value: Any, line: int, key: str, vocab: Vocabulary) -> None:
        """Raise Invalid unless one alternative fits."""
        errors = []
        for option in self.options:
            try:
                option.check(value, line, key, vocab)
            except Invalid as exc:
                errors.append((option, exc))
            else:  # each error's traceback holds this frame, which holds them: let them go,
                errors.clear()  # not left as cycles (100,000 objects of a rule set's checks)
                return
        for option, exc in errors:
            as_map = isinstance(option, (Shape, MapOf)) and isinstance(value, dict)
            named = isinstance(option, Source) and isinstance(value, str)  # "unknown source"
            if as_map or named or (isinstance(option, ListOf) and isinstance(value, list)):
                raise exc
        raise wrong(line, key, self.name, value)


def one_of(what: str, *values: str) -> Choice:
    """A closed list of words fixed in the code that interprets them."""
    return Choice(what, lambda _: values)


STR = Scalar("a string", lambda v: isinstance(v, str))
BOOL = Scalar("true or false", lambda v: isinstance(v, bool))
INT = Scalar("an integer", lambda v: isinstance(v, int) and not isinstance(v, bool))
NUMBER = Scalar("a number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))
WORD = Scalar("a word", lambda v: isinstance(v, (str, int, float)) and not isinstance(v, bool))
WORDS = ListOf(WORD, "a list of words")
WORD_OR_WORDS = Either((WORD, WORDS), "a word or a list of words")
NAME_OR_NAMES = Either((STR, ListOf(STR, "a list of names")), "a name or a list of names")
STRINGS = ListOf(STR, "a list of strings")
LABELS = MapOf(STR, STR, "a mapping of words to labels")
VARIANTS = MapOf(STR, STRINGS, "a mapping of names to lists of variants")
KIND = Choice("event kind", lambda v: v.kinds)
ROLE = Choice("role", lambda v: v.roles)
ROLES = ListOf(ROLE, "a list of roles")
KIND_ROLE = Choice("role", lambda v: (*v.roles, "content"))  # `required: [agent, content]`
KEY_ROLE = Choice("role", lambda v: (*v.roles, "name", "sentence", "content"))
MODALITY = Choice("modality", lambda v: (*v.modalities, "previous"))  # as the event before
CUE_MODALITY = Choice("modality", lambda v: (*v.modalities, "none"))  # none: not recorded
CONTENT_MODALITY = Choice("modality", lambda v: (*v.modalities, "same"))


@dataclass(frozen=True)
class Source:
    """Where a default role comes from: a named source (candidates.py `_default`,
    events.py `apply_defaults`) or a prefixed one ("last:Hosting.host")."""

    names: tuple[str, ...]
    prefixes: tuple[str, ...]
    name: str = "a source"

    def check(self, value: Any, line: int, key: str, vocab: Vocabulary) -> None:
        """Raise Invalid unless the value names a source the code reads."""
        if not isinstance(value, str):
            raise wrong(line, key, self.name, value)
        if value not in self.names and not value.startswith(self.prefixes):
            where = f"{key!r}: " if key else ""
            known = (*self.names, *(f"{p}..." for p in self.prefixes))
            raise Invalid(line, f"{where}unknown source {value!r}{hint(value, known)}")


A_SOURCE = Source(
    (
        "speaker",
        "own_speaker",  # the speaker unless a spokesperson (lexicon.yaml `mouthpiece_word`)
        "context_place",
        "previous_subject",
        "previous_first",
        "previous_parties",
        "country_of_place",
        "issuer",  # the article's first body named: a communique's ("1. Condemns ...")
    ),
    ("last:", "partner:", "met:", "beside:", "parties_of:", "content."),
)
SOURCES = Either((A_SOURCE, ListOf(A_SOURCE, "a list of sources")), "a source or sources")
SOURCE = Either(  # where a default role comes from: speaker, context_place, last:Kind.role ...
    (
        A_SOURCE,
        ListOf(A_SOURCE, "a list of sources"),
        Shape({"from": A_SOURCE, "unless": ROLE}, frozenset({"from"})),
    ),
    "a source, a list of sources (the first that gives) or {from: source, unless: role}",
)

TOKEN = Shape(
    {
        "lemma": WORD_OR_WORDS,
        "lower": WORD_OR_WORDS,
        "ends": WORD_OR_WORDS,  # a unit whose last word is one of these ("the Rafah crossing")
        "class": NAME_OR_NAMES,
        "not_class": NAME_OR_NAMES,  # a gap that crosses no word of these classes
        "ent": NAME_OR_NAMES,
        "op": STR,
        "gap": INT,
        "any": BOOL,
        "role": STR,
        "trigger": BOOL,
        "consume": BOOL,
        "attr": STR,
        "distribute": BOOL,
        "list": STR,
        "quoted": BOOL,
        "capital": BOOL,
        "first": BOOL,  # the sentence's first unit ("Condemns ..." of a communique's item)
        "mention": BOOL,
        "digit": BOOL,
        "day": BOOL,
        "year": BOOL,
        "title": WORD_OR_WORDS,  # a name told with one of these titles ("First Lady X")
    },
    name="a token mapping such as {lemma: visit}",
    unknown="unknown pattern key(s): {name}",
)
TOKEN_KEYS = frozenset(TOKEN.fields)
PATTERNS = ListOf(ListOf(TOKEN, "a list of tokens"), "a list of patterns")

CONTENT = Shape(  # the event an invitation, acceptance or statement is about (contents.py)
    {
        "kind": KIND,
        "roles": MapOf(ROLE, STR, "a mapping of its roles to the match's roles"),
        "modality": CONTENT_MODALITY,
        "when": STR,
        "from": one_of("content source", "following", "previous_claim", "anaphor"),
        "fill": MapOf(ROLE, STR, "a mapping of its roles to this event's roles"),
        "claimed_by": STR,
    }
)
CONTENT.fields["content"] = CONTENT  # an acceptance of an invitation to a visit

COMMON: dict[str, Type] = {
    "id": STR,
    "patterns": PATTERNS,
    "priority": INT,
    "prefer": one_of("preference", "longest"),
    "confidence": NUMBER,
    "list_stop": WORDS,
}
RULES: dict[str, Shape] = {
    section: Shape({**COMMON, **extra}, frozenset({"id", "patterns", *needs}))
    for section, extra, needs in (
        (
            "dates",
            {
                "anaphoric": BOOL,
                "offset": INT,
                "dates_next": BOOL,
                "period": one_of("period", "week", "month", "year"),
            },
            (),
        ),
        ("titles", {"held_only": BOOL, "owner_apart": BOOL, "title": STR}, ()),
        ("delegations", {"mention": BOOL}, ()),
        ("delegation_refs", {"all": BOOL, "last": BOOL, "next": BOOL, "led_only": BOOL}, ()),
        # next: (else) the delegation the next sentence defines; led_only: a delegation only
        # where the article names its leader (else the words stay the sender's)
        (
            "anaphors",
            {
                "refer": STR,
                "not_subject": BOOL,
                "prefer_subject": BOOL,
                "lookahead": BOOL,
                "yields_to": STR,  # a word class: an unnamed plural of it before refers instead
            },
            ("refer",),
        ),
        ("companions", {}, ()),  # "X, accompanied by his wife Y": Y joins X's roles
        (  # "the first visit by a Chinese premier since X in 2017": X's visit of 2017 too
            "records",
            {"kinds": ListOf(KIND, "a list of event kinds"), "keep": BOOL},
            ("kinds",),
        ),
        ("attribution", {"relay": one_of("relay", "article")}, ()),
        (
            "modality",
            {"modality": CUE_MODALITY, "window": INT, "stops": WORDS, "follows": BOOL},
            ("modality",),
        ),
        (
            "event_anaphora",
            {
                "link": one_of("link", "subEventOf", "date"),
                "attest": BOOL,
                "refers": MapOf(STR, ListOf(STR, "a list of event kinds or 'any'")),
            },
            ("refers",),
        ),
        (
            "events",
            {
                "kind": STR,  # checked across files by check_kinds (it needs `kinds`)
                "modality": MODALITY,
                "defaults": MapOf(ROLE, SOURCE),
                "add": MapOf(ROLE, SOURCES),
                "content": CONTENT,
                "content_only": ROLES,
                "no_defaults": ROLES,  # roles the kind's `defaults` leave empty for this rule
                "narrative_date": BOOL,  # false: no story day for this rule (a noun told again)
                "dated": BOOL,
                "from_visits": BOOL,
                "quotation": BOOL,
                "value": BOOL,
                "with_home": ROLE,  # the countries this role's fillers serve join it
                "apart": BOOL,  # its events join only events of this rule (a wreath laid)
                "sort": STR,  # what kind of event within its kind: two sorts are never one event
                "as_home": ROLE,  # this role's fillers give way to the countries they serve
                "one_body": ROLE,  # one filler suffices: a body's session to come (none held)
                "home_of": MapOf(ROLE, ROLE, "a mapping of roles to roles"),  # an empty role: the
                # countries another role's fillers serve ("handed a protest note": the hander's)
                "title_for_state": ROLES,  # an unnamed titled person in these roles: its state
                "participle_subject": ROLE,  # ", accusing X of": the sentence's subject fills it
                "series_subject": ROLE,  # "X closed A, suspended B": X, the series' subject
                "series_phrase": ROLE,  # "X arrived in Y, held talks with Z": X joins Z
                "topic": one_of("topic", "rest", "object"),  # the words it is about (dip:topic)
                "sentence_subject": ROLE,  # "in a letter to X": the sentence's subject sends it
                "alone": BOOL,  # dropped beside another speech act of its sentence
                "fronted_subject": ROLE,  # "On his arrival, X ...": the main clause's subject
                "late_defaults": MapOf(ROLE, STR),  # from the article's events, once all known
                "extends": Either(  # its parties join the story's earlier event of its family
                    (BOOL, one_of("extends", "latest")), "true, false or latest"
                ),  # (true: the first, the lede's main one; latest: the one told last)
            },
            ("kind",),
        ),
    )
}
SLOTS = MapOf(
    one_of("slot", "subject", "object", "with", "by"), ROLE, "a mapping of slots to roles"
)
RULES["frames"] = Shape(  # frames.py: a trigger and the roles of the entities around it
    {
        "id": STR,
        "kind": STR,  # checked across files by check_kinds
        "triggers": WORDS,
        "noun": BOOL,
        "slots": SLOTS,
        "passive": SLOTS,
        "object_words": WORDS,
        "requires_object": BOOL,  # fire only when the object slot is filled ("called X")
        "requires_place": BOOL,  # fire only when a place word leads to a place ("left for X")
        "place_adjacent": BOOL,  # the place word right after the trigger ("is in Moscow")
        "series": BOOL,  # a verb after a comma of a series shares the sentence's subject
        "purpose": BOOL,  # fire only after a `purpose_word`, with the parties before ("for talks")
        "markers": MapOf(WORD, ROLE, "a mapping of marker words to roles"),
        "place_words": WORDS,
        "requires": STRINGS,
        "unless": STRINGS,  # no word of these classes right after the object ("called on X to")
        "confidence": NUMBER,
        "priority": INT,
        "modality": MODALITY,
        "with_home": ROLE,  # the countries this role's fillers serve join it
        "sort": STR,  # see events' `sort`
        "home_of": MapOf(ROLE, ROLE, "a mapping of roles to roles"),  # see events' `home_of`
        "title_for_state": ROLES,  # an unnamed titled person in these roles: its state
        "late_defaults": MapOf(ROLE, STR),  # see events' `late_defaults`
    },
    frozenset({"id", "kind", "triggers", "slots"}),
)
RULES["boilerplate"] = Shape(
    {
        "id": STR,
        "line": STRINGS,
        "line_regex": STR,
        "leading_regex": STR,
        "repeated_line": Shape({"min_chars": INT}),
        "byline": Shape({"max_words": INT, "bio": STR}),
    },
    frozenset({"id"}),
)

KIND_ENTRY = Shape(
    {
        "required": ListOf(KIND_ROLE, "a list of roles"),
        "required_any": ListOf(KIND_ROLE, "a list of roles"),
        "min": MapOf(ROLE, INT, "a mapping of roles to numbers"),
        "key": ListOf(KEY_ROLE, "a list of roles"),
        "family": KIND,
        "rank": INT,
        "statement": BOOL,
        "generic": BOOL,
        "fallback": KIND,
        "distribute": Either((ROLE, ROLES), "a role or a list of roles"),
        "groups_apart": Either((ROLE, ROLES), "a role or a list of roles"),
        "abroad": ROLE,
        "no_press": ROLES,  # roles no news agency fills ("Reuters travelled to Rafah")
        "per_country": ROLE,
        "represented": ROLE,
        "sets_place": BOOL,
        "in_person": ListOf(ROLE, "a list of roles"),  # whose fillers met: "the two"
        "place_from": ListOf(KIND, "a list of event kinds"),  # where they received its traveller
        "place_with": ListOf(KIND, "a list of event kinds"),  # where its party travelled that day
        "narrative_date": BOOL,
        "site_narrative_date": BOOL,  # narrative_date for an event whose places are all sites
        "lede_date": BOOL,
        "purposes": BOOL,
        "duration": BOOL,
        "announced_date": BOOL,
        "day_of": ListOf(KIND, "a list of event kinds"),
        "apart_by_place": BOOL,  # two of its events at places apart are two events
        "topic_for_content": BOOL,  # the words it is about (dip:topic) may stand for its content
        "defaults": MapOf(ROLE, SOURCE),
        "yields_to": KIND,  # dropped beside an event of this kind of its parties in its clause
        "met_as": KIND,  # what "the meeting was attended by" extends when no meeting was told
        "host_abroad": Shape(  # a hosting by a host told travelling to the guest's country
            {"kind": KIND, "travel": ListOf(KIND, "a list of event kinds"), "resident": WORDS},
            frozenset({"kind", "travel"}),
        ),
        "answers": Shape(  # the last event of a kind it answers, and its roles' roles there
            {"kind": KIND, "roles": MapOf(ROLE, ROLE)}, frozenset({"kind", "roles"})
        ),
        "entails": Shape(  # told with a word of a class, it entails another in its sentence
            {"kind": KIND, "roles": MapOf(ROLE, ROLE), "words": STR},
            frozenset({"kind", "roles", "words"}),
        ),
        "recast": Shape(  # told with a word of a class (and none of `unless`), it is another
            {"kind": KIND, "roles": MapOf(ROLE, ROLE), "words": STR, "unless": STR},
            frozenset({"kind", "roles", "words"}),
        ),
        "implies": Shape(
            {
                "kind": KIND,
                "roles": MapOf(ROLE, ROLE),
                "link": one_of("link", "subEventOf"),
                "date": one_of("date rule", "earliest"),
                "attrs": STRINGS,
            },
            frozenset({"kind"}),
        ),
    },
    frozenset({"key"}),  # the roles that name the event's IRI: never "unnamed"
)

GAZETTEER = Shape(
    {
        "nationalities": LABELS,
        "shared_nationalities": VARIANTS,  # "Congolese": the states it may mean, default first
        "shared_names": VARIANTS,  # "Congo": the states it may name, default first
        "metonyms": LABELS,
        "capitals": LABELS,  # country -> capital ("the Chinese capital")
        "plural_titles": LABELS,  # "presidents" -> "president" ("Presidents A and B")
        "descriptive_titles": WORDS,  # no office told of states for later names (share_told_titles)
        "aliases": LABELS,
        "national_bodies": LABELS,
        "generic": WORDS,
        "variants": ListOf(WORDS, "a list of lists of spellings"),
        "place_variants": ListOf(WORDS, "a list of lists of spellings"),
        "surname_first": WORDS,
        "not_names": WORDS,  # other names of the gazetteer's entities never read as them
        "hyphen_particles": WORDS,  # "Al Thani" is also written "Al-Thani"
        "region_prefixes": WORDS,  # "Latin American", "Inter-American": no nationality
        "given_name_titles": WORDS,  # "Amir" of "Amir Khan Muttaqi": a listed name may hold it
        "patronymic_particles": WORDS,  # "Mohamed bin Zayed Al Nahyan" is also "... bin Zayed"
        "agency_tails": WORDS,  # "KCNA news agency": the agency's name with its kind
        "name_suffixes": WORDS,  # "Jr.": no surname ("Marcos" of "Ferdinand Marcos Jr.")
        "titles": VARIANTS,
        "title_prefixes": LABELS,  # "acting" -> "acting": "acting foreign minister", its own title
        "bodies": VARIANTS,
        "site_bodies": WORDS,  # entities.yaml: bodies that "in <city>" makes a building
        "state_bodies": WORDS,
        "state_body_modifiers": WORDS,  # entities.yaml: "government officials": the state's
        "described_groups": WORDS,
        "state_groups": WORDS,
        "other_office_words": WORDS,
        "many_holder_words": WORDS,  # offices many hold at once (owners._taken)
        "head_titles": WORDS,
        "office_followers": WORDS,  # entities.yaml: "sworn in as X on Monday" (owners._took_office)
        "single_guests": WORDS,  # entities.yaml: "his Syrian guest": one person (coref)
        "materiel_counts": WORDS,  # sanctions-military.yaml: "about 12 tanks" (new_materiel)
        "city_titles": WORDS,  # "Kyiv Mayor X": the city's own office, not its state's
        "counterpart_titles": LABELS,  # "his Chinese counterpart" of a secretary of state
        "national_titles": MapOf(STR, LABELS, "a mapping of states to title mappings"),
        "title_epithets": VARIANTS,  # "the Chinese top diplomat": a foreign minister named so
        "dateline_bodies": WORDS,  # "the foreign ministry" with no state: the dateline's
        "spouse_titles": WORDS,  # "X and First Lady Y": the state whose office X holds
        "bare_body_words": WORDS,  # "ministry spokesman X": the last named ministry's
        "body_possessives": WORDS,  # "its president X": a body's office, no state guessed
        "body_epithets": WORDS,  # "the alliance's Secretary-General X": the last body's office
        "dateline_titles": WORDS,  # titles whose unowned holder serves the dateline's state
        "title_states": LABELS,  # titles that one state's offices alone have -> that state
        "portfolio_titles": WORDS,  # titles whose portfolios are part of the office
        "named_event_heads": WORDS,
        "unowned_title_owners": ListOf(
            one_of("owner source", "person", "known", "title", "dateline"),
            "a list of person, known, title, dateline",
        ),
        "people_countries": LABELS,  # people.yaml: a public figure -> the country they serve
        "people_bodies": LABELS,  # people.yaml: a public figure -> the organisation they serve
        "office_holders": MapOf(STR, LABELS, "a mapping of offices to holders and days"),
        "people_aliases": LABELS,  # people.yaml: another spelling or short form -> a listed name
        "people_not_bare": WORDS,  # people.yaml: surnames never read alone as the figure's
        "people_women": WORDS,  # people.yaml: public figures "he" never names
        "kind_cues_before": LABELS,  # names.yaml: "news agency" before a name -> NewsAgency
        "kind_cues_after": LABELS,  # names.yaml: "party" after a name -> PoliticalParty
        **dict.fromkeys(  # names.yaml: what types a run of capitalised words
            (
                "government_heads",
                "party_heads",
                "organisation_heads",
                "site_heads",
                "region_heads",
                "not_entity_heads",
                "document_heads",
                "honorifics",
                "capital_honorifics",
                "upper_honorifics",
                "particles",
                "place_prepositions",
                "place_nouns",
                "not_name_words",
                "person_cues_after",
                "given_name_cues",
                "dedication_words",
                "hyphen_suffixes",
                "sentence_openers",
                "possessive_name_words",
                "bare_heads",
                "leading_site_heads",
                "not_before_people",
                "site_joins",
                "venue_heads",
                "affiliate_words",
                "body_epithets",
                "city_site_heads",
                "surname_heads",
                "agency_credit_opens",
                "agency_credit_closes",
                "inner_words",
            ),
            WORDS,
        ),
    }
)
PAIR = Scalar(  # [first, last] of a span of days or months
    "a pair of numbers [first, last]",
    lambda v: isinstance(v, list) and len(v) == 2 and all(INT.accepts(n) for n in v),
)
PAIRS = MapOf(STR, PAIR, "a mapping of words to pairs of numbers [first, last]")
DATE_WORD_KEYS: dict[str, Type] = {  # src/diplograph/date-words.yaml: the resolver's words
    "months": MapOf(INT, STRINGS, "a mapping of month numbers to lists of words"),
    "weekdays": STRINGS,
    "day_words": MapOf(STR, INT, "a mapping of words to days after the article's"),
    "seasons": PAIRS,
    "year_parts": PAIRS,
    "month_parts": PAIRS,
    "part_words": LABELS,  # each names a part of both `month_parts` and `year_parts`
    "month_spans": PAIRS,
    "openers": Shape(  # the words that may open an expression of each kind ("in May")
        {kind: STRINGS for kind in ("year", "month", "two_months", "season")},
        frozenset({"year", "month", "two_months", "season"}),
    ),
    "span_words": STRINGS,
    "number_words": STRINGS,
    "future_words": STRINGS,
    "ahead_words": STRINGS,  # the rule layer's (extract/dates.py sounds_future)
}
DATE_WORDS = Shape(DATE_WORD_KEYS, frozenset(DATE_WORD_KEYS))

SECTIONS: dict[str, Type] = {
    "words": MapOf(STR, WORDS, "a mapping of names to lists of words"),
    "classes": MapOf(STR, WORDS, "a mapping of class names to lists of words"),
    "gazetteer": GAZETTEER,
    "kinds": MapOf(KIND, KIND_ENTRY, "a mapping of event kinds to their entries"),
}


def _run(path: Path, owner: str, kind: Type, value: Any, line: int, vocab: Vocabulary) -> None:
    """Check a value; turn Invalid into an InputError naming the file, line and owner."""
    try:
        kind.check(value, line, "", vocab)
    except Invalid as exc:
        raise InputError(f"{path}:{exc.line}: {owner}: {exc.message}") from None


def check_date_words(path: Path, data: Any) -> None:
    """Check the date resolver's words (date-words.yaml, read by dates.py) against DATE_WORDS."""
    _run(path, path.name, DATE_WORDS, data, line_of(data, 1), None)  # type: ignore[arg-type]
    for word, part in (data.get("part_words") or {}).items():
        if part not in data["month_parts"] or part not in data["year_parts"]:
            line = data["part_words"].key_lines.get(word, line_of(data["part_words"], 1))
            raise InputError(f"{path}:{line}: part_words: {part!r} is no month and year part")


def check_file(path: Path, data: Mapping[str, Any], vocab: Vocabulary) -> None:
    """Check every section of a parsed rule file against the schema."""
    key_lines = getattr(data, "key_lines", {})
    for section, value in data.items():
        line = line_of(value, key_lines.get(section, 1))
        if value is None:
            continue
        if section == "kinds" and isinstance(value, dict):
            _check_kinds_section(path, value, line, vocab)
        elif section not in RULES:
            _run(path, section, SECTIONS[section], value, line, vocab)
        elif not isinstance(value, list):
            raise InputError(f"{path}:{line}: section {section!r} is a list")
        else:
            for rule in value:
                check_rule(path, section, rule, vocab)


def _check_kinds_section(path: Path, kinds: dict, line: int, vocab: Vocabulary) -> None:
    """Check the `kinds` section: every key an event kind, every entry named by its kind."""
    lines = getattr(kinds, "key_lines", {})
    for kind, entry in kinds.items():
        where = lines.get(kind, line)
        _run(path, "kinds", KIND, kind, where, vocab)
        _run(path, f"kind {kind!r}", KIND_ENTRY, entry, line_of(entry, where), vocab)


def check_rule(path: Path, section: str, rule: Any, vocab: Vocabulary) -> None:
    """Check one rule of a section: a mapping with a string `id`, then its keys and values."""
    line = line_of(rule, 1)
    if not isinstance(rule, dict) or not isinstance(rule.get("id"), str):
        message = f"every rule in {section!r} is a mapping with a string `id`"
        raise InputError(f"{path}:{line}: {message}")
    _run(path, f"rule {rule['id']!r}", RULES[section], rule, line, vocab)


def _made_kinds(data: Mapping[str, Any]) -> Iterator[tuple[Any, str, int]]:
    """(kind, owner, line) of every event kind a file's rules and kinds make."""
    for rule in [*(data.get("events") or []), *(data.get("frames") or [])]:
        entry, owner = rule, f"rule {rule['id']!r}"
        while isinstance(entry, dict):  # its kind, its content's, its content's content's
            if "kind" in entry:
                yield entry["kind"], owner, line_of(rule, 1)
            entry = entry.get("content")
    for kind, entry in (data.get("kinds") or {}).items():
        for key in ("implies", "entails", "recast"):
            made = entry.get(key) or {}
            if "kind" in made:
                yield made["kind"], f"kind {kind!r}", line_of(made, line_of(entry, 1))


def check_kinds(files: Iterable[tuple[Path, Mapping[str, Any]]], vocab: Vocabulary) -> None:
    """Every event kind a rule makes (its `kind`, its content's, an implied event's) is a
    sub-class of dip:Event and has an entry in `kinds`, so that its IRI has a key."""
    parsed = list(files)
    entries = {kind for _, data in parsed for kind in data.get("kinds") or {}}
    for path, data in parsed:
        for kind, owner, line in _made_kinds(data):
            if kind not in vocab.kinds:
                known = hint(kind, vocab.kinds)
                raise InputError(f"{path}:{line}: {owner}: unknown event kind {kind!r}{known}")
            if kind not in entries:
                message = f"event kind {kind!r} has no entry in `kinds`"
                raise InputError(f"{path}:{line}: {owner}: {message}")
