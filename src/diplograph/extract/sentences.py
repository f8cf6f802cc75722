"""Sentence stage: turns one sentence of an article into units for the matchers.

Reads a seeds.Sentence (whose offsets are exact code points into the seed file) and the rules'
tokenizer and lookup lemmas; writes a list of Units, one per token, each with its offsets into the
article, its lemma, whether it lies inside quotation marks and whether it is a clause boundary.
Later stages merge units (a name, a title and a name, a date expression) into one unit that
carries a Mention; `to_doc` turns units into a spaCy Doc for the Matcher.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

import numpy
from rdflib import URIRef
from spacy.attrs import LEMMA, MORPH, POS, TAG
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

from diplograph.extract.rules import BOUNDARY_POS, PLAIN_TAG, QUOTED, WORD_POS, RuleSet, profile
from diplograph.seeds import Sentence

HYPHENS = frozenset({"-", "‐", "‑"})
POSSESSIVE_S = frozenset({"'s", "’s"})  # the possessive ending as tokenized ("Kenya's")

POS_IDS = {True: IDS[BOUNDARY_POS], False: IDS[WORD_POS]}  # unit.boundary -> its POS
OPEN_QUOTES = {"“", "‘", "«"}
CLOSE_QUOTES = {"”", "’", "»"}
QUOTE_MARKS = {'"', *OPEN_QUOTES, *CLOSE_QUOTES}


@dataclass
class Mention:
    """What a merged unit denotes: entity classes, the IRIs it names, and how sure we are."""

    classes: frozenset[str]
    refs: tuple[URIRef, ...] = ()  # what the words name (a city for "Pyongyang")
    agents: tuple[URIRef, ...] = ()  # who acts when the words fill an actor role (its government)
    confidence: float = 1.0
    title: str | None = None  # canonical title of a title unit
    holding: tuple[URIRef, URIRef] | None = None  # (person, position) a titled mention reports
    generic: bool = False  # "state media", "analysts": a source named by a common noun
    date_words: str | None = None  # a date unit: the expression
    anaphor: str | None = None  # an unresolved reference ("the North Korean leader")
    owner: tuple[URIRef, ...] = ()  # for titles and anaphors: whose office
    also: tuple[tuple[URIRef, URIRef], ...] = ()  # more holdings: "Prime Minister and Foreign ..."
    office: str | None = None  # a new office's words with its portfolios ("minister of state for
    # external affairs"), where the title alone is less than the office
    named: tuple[URIRef, ...] = ()  # more the words name: the city of "Washington's envoy X"
    more_titles: tuple[str, ...] = ()  # further titles whose owner the owners stage gives
    # ("X, Deputy Prime Minister and Minister of Foreign Affairs,")


@dataclass(slots=True)
class Unit:
    """A token, or a merged span of tokens, with offsets into the article text."""

    text: str
    lower: str
    lemma: str
    begin: int
    end: int
    space: bool
    quoted: bool = False
    boundary: bool = False
    mention: Mention | None = None

    @property
    def classes(self) -> tuple[str, ...]:
        """Entity classes for the matcher's `ent` specs (empty for a plain word)."""
        return tuple(sorted(self.mention.classes)) if self.mention else ()


def tokenize(sentence: Sentence, rules: RuleSet) -> tuple[list[Unit], Doc]:
    """The units of a sentence (tokens with article offsets, lemmas, quote and boundary flags)
    and the tokenizer's Doc, one token per unit, on which word-form rules can run."""
    doc = rules.nlp.make_doc(sentence.text)
    units: list[Unit] = []
    quoted = False
    single = False
    seen, boundary, base = rules.cache, rules.boundary, sentence.begin
    for token in doc:
        text = token.text
        begin = base + token.idx
        lower = text.lower()
        lemma = seen.get(lower)  # RuleSet.lemma, with the lower form made once
        if lemma is None:
            lemma = rules.lemma(text)
        unit = Unit(text, lower, lemma, begin, begin + len(text), bool(token.whitespace_))
        if text not in QUOTE_MARKS:
            unit.quoted = quoted
        elif text == '"':
            quoted = not quoted
        elif text in OPEN_QUOTES and text != "‘":
            quoted = True
        elif text == "‘":
            single = True
        elif text in CLOSE_QUOTES and text != "’":
            quoted = False
        elif text == "’" and single:
            single = False
        else:
            unit.quoted = quoted
        unit.boundary = lower in boundary
        units.append(unit)
    return units, doc


def merge_spans(units: list[Unit], spans: list[tuple[int, int, Mention]], text: str) -> list[Unit]:
    """Merge spans (earlier in the list wins an overlap) into mention units."""
    taken: set[int] = set()
    chosen = []
    for start, end, mention in spans:
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            chosen.append((start, end, mention))
    for start, end, mention in sorted(chosen, key=lambda s: s[0], reverse=True):
        words = text[units[start].begin : units[end - 1].end]
        if "date" in mention.classes:
            mention.date_words = words
        units = merge(units, start, end, mention, words)
    return units


def merge(units: list[Unit], start: int, end: int, mention: Mention, text: str) -> list[Unit]:
    """Replace units[start:end] with one unit carrying a mention."""
    first, last = units[start], units[end - 1]
    merged = Unit(
        text=text,
        lower=text.lower(),
        lemma=text.lower(),
        begin=first.begin,
        end=last.end,
        space=last.space,
        quoted=first.quoted and last.quoted,
        boundary=False,
        mention=mention,
    )
    return [*units[:start], merged, *units[end:]]


def span_text(article_text: str, units: list[Unit], start: int, end: int) -> str:
    """The exact article text covered by units[start:end]."""
    return article_text[units[start].begin : units[end - 1].end]


HASHES_KEPT = 100_000  # strings whose hashes to_doc keeps (a few MB; then it starts again)


def to_doc(units: list[Unit], rules: RuleSet) -> Doc:
    """A spaCy Doc whose tokens are the units: lemmas, boundaries (POS), entity profiles (TAG),
    quotation (MORPH). The annotations are set as one array of hashes (Doc.from_array), about
    twice as fast as passing them to the Doc's constructor as strings; the array is made one
    column a time, with the hashes of strings seen before looked up (a third faster again)."""
    vocab = rules.nlp.vocab
    hashes: dict[str, int] = rules.derived.setdefault("hashes", {})
    if len(hashes) > HASHES_KEPT:
        hashes.clear()
    add = vocab.strings.add
    doc = Doc(
        vocab,
        words=[u.text.replace(" ", "_") or "_" for u in units],
        spaces=[u.space for u in units],
    )
    lemmas = [u.lemma or "_" for u in units]
    tags = [PLAIN_TAG if u.mention is None else profile(u.mention.classes) for u in units]
    columns = [
        [hashes.get(w) or hashes.setdefault(w, add(w)) for w in lemmas],
        [POS_IDS[u.boundary] for u in units],
        [hashes.get(t) or hashes.setdefault(t, add(t)) for t in tags],
    ]
    attrs = [LEMMA, POS, TAG]
    if any(u.quoted for u in units):
        quoted, plain = vocab.morphology.add(QUOTED), vocab.morphology.add("")
        attrs.append(MORPH)
        columns.append([quoted if unit.quoted else plain for unit in units])
    doc.from_array(attrs, numpy.array(columns, dtype="uint64").T.copy())
    return doc


@dataclass(frozen=True)
class SetOff:
    """The lexicon's word classes that set words off a clause (`without_parentheticals`)."""

    appositions: frozenset[str] = frozenset()  # apposition_word
    asides: frozenset[str] = frozenset()  # aside_phrase
    intensifiers: frozenset[str] = frozenset()  # intensifier_word
    not_participles: frozenset[str] = frozenset()  # not_participle
    honorifics: frozenset[str] = frozenset()  # honorific_abbreviation
    complements: frozenset[str] = frozenset()  # title_complement
    openers: frozenset[str] = frozenset()  # phrase_opener
    clause_openers: frozenset[str] = frozenset()  # clause_opener
    described: frozenset[str] = frozenset()  # apposition_opener
    spouses: frozenset[str] = frozenset()  # spouse_noun
    speech: frozenset[str] = frozenset()  # inverted_speech_verb
    upper: frozenset[str] = frozenset()  # the gazetteer's upper_honorifics ("HE"), as written
    singular: frozenset[str] = frozenset()  # singular_verb
    verbs: frozenset[str] = frozenset()  # apposition_breaker
    participles: frozenset[str] = frozenset()  # participle_preposition
    articles: frozenset[str] = frozenset()  # article

    @classmethod
    def of(cls, rules: RuleSet) -> SetOff:
        """The classes as the rule set's lexicon gives them."""
        get = rules.classes.get
        return cls(
            *(
                frozenset(get(name, ()))
                for name in (
                    "apposition_word",
                    "aside_phrase",
                    "intensifier_word",
                    "not_participle",
                    "honorific_abbreviation",
                    "title_complement",
                    "phrase_opener",
                    "clause_opener",
                    "apposition_opener",
                    "spouse_noun",
                    "inverted_speech_verb",
                )
            ),
            frozenset(str(w) for w in rules.gazetteer.get("upper_honorifics") or ()),
            frozenset(get("singular_verb", ())),
            frozenset(get("apposition_breaker", ())),
            frozenset(get("participle_preposition", ())),
            frozenset(get("article", ())),
        )


def _honours(units: list[Unit], index: int) -> bool:
    """Whether a person is named at `index`, after "the" or not: an honorific's."""
    if index < len(units) and units[index].lower == "the":
        index += 1
    return index < len(units) and _is_person(units[index])


def without_parentheticals(units: list[Unit], words: SetOff = SetOff()) -> list[Unit]:
    """The units without bracketed asides, `, who ... ,` / `, which ... ,` clauses,
    appositions after a person that name a role ("Ana Pereira, speaker of the National
    Assembly, met ..."), set-off discourse phrases of `asides` ("Japarov, for his part,
    invited ..."), participial phrases after a name ("Zelensky, speaking in Kyiv, said"; see
    `participle_end`), `intensifiers` after a name ("Scholz himself"), abbreviated
    `honorifics` before a person ("HM the King") and the end of a title an apposition merged
    that a word of `complements` continues ("X, Ukraine's deputy prime minister for
    restoration, signed"): what events are matched on."""
    kept: list[Unit] = []
    index = 0
    while index < len(units):
        unit = units[index]
        close = _aside_end(units, index, words.asides) if unit.text == "," and kept else None
        if close is None and unit.text == "," and kept and _is_agent(kept[-1]):
            close = participle_end(units, index, words)
        if close is not None:
            index = close + 1
            continue
        if unit.text == "(":
            close = next((j for j in range(index, len(units)) if units[j].text == ")"), None)
            if close is not None:
                index = close + 1
                continue
        if (
            unit.text == ","
            and index + 1 < len(units)
            and units[index + 1].lower in ("who", "which", "whose")
        ):
            close = next((j for j in range(index + 2, len(units)) if units[j].text == ","), None)
            if close is not None:
                index = close + 1
                continue
        close = _spouse_end(units, index, words.spouses) if kept and _is_person(kept[-1]) else None
        if close is not None:  # "X and his wife, Y, began a visit": X's act (the spouse is
            index = close + 1  # a companion, entities.yaml `companions`)
            continue
        if unit.lower in words.intensifiers and kept and kept[-1].mention is not None:
            index += 1  # "Scholz himself made a visit": the name is the subject
            continue
        if (unit.lower in words.honorifics or unit.text in words.upper) and _honours(
            units, index + 1
        ):
            index += 1  # "HM the King", "received HE the Prime Minister of Pakistan X": the
            continue  # abbreviated honorific before a person
        if unit.text == "," and kept and _is_person(kept[-1]) and "," in kept[-1].text:
            index += 1  # the comma that closes an apposition the title stage merged
            continue
        if kept and _is_person(kept[-1]) and kept[-1].text.endswith(",") and _role(unit):
            close = _apposition_end(units, index - 1, words)
            if close is not None:  # "X, Vice President, Prime Minister and Ruler of Dubai,"
                index = close + 1  # the merged apposition's further titles
                continue
        if (
            unit.lower == "and"
            and kept
            and _is_person(kept[-1])
            and "," in kept[-1].text
            and index + 1 < len(units)
            and (_role(units[index + 1]) or units[index + 1].lower in words.appositions)
        ):
            close = _apposition_end(units, index, words)
            if close is not None:  # "X, member of the Political Bureau of ... and director of
                index = close + 1  # the Office of ..., met": the merged apposition's second role
                continue
        if (
            unit.lower in words.complements
            and kept
            and _is_person(kept[-1])
            and "," in kept[-1].text
        ):
            close = _complement_end(units, index)
            if close is not None:
                index = close + 1  # "..., deputy prime minister for restoration, signed"
                continue
        opening = _opening(kept) if unit.text == "," else 0  # a clause's start, for a comma
        if unit.text == "," and _named_after_role(kept[opening:], units, index, words.appositions):
            kept = [*kept[:opening], units[index + 1]]  # "The foreign ministers of A and B, X
            index += 3  # and Y, met": the people named, without the roles and the commas
            continue
        if unit.text == "," and kept and _is_person(kept[-1]):
            close = _apposition_end(units, index, words)
            if close is not None:
                index = close + 1
                continue
        if unit.text == "," and kept and _is_agent(kept[-1]):
            close = _description_end(units, index, words.described, words.appositions)
            if close is not None:
                index = close + 1  # "Turkey, a key partner of Somalia, signed ..."
                continue
        kept.append(unit)
        index += 1
    return kept


COMPLEMENT_MAX = 10  # words after a title's "for" or "of" ("for European integration", "of the
# Communist Party of China (CPC) Central Committee and foreign minister")


def _complement_end(units: list[Unit], start: int) -> int | None:
    """The comma that closes a title's complement opening at `start`: a few words naming no
    person or place (a body: "of the CPC Central Committee and foreign minister"), then a
    comma."""
    for end in range(start + 1, min(len(units), start + COMPLEMENT_MAX + 1)):
        if units[end].text == ",":
            return end
        mention = units[end].mention
        if mention is not None and not {"nationality", "title", "org"} & mention.classes:
            return None
        bracket = units[end].text in ("(", ")")  # "of the Communist Party of China (CPC)"
        if bracket:
            continue
        if units[end].boundary or not units[end].text[:1].isalnum():
            return None
    return None


ASIDE_MAX = 5  # words in a set-off discourse phrase ("for their part", "in turn")


def _aside_end(units: list[Unit], comma: int, asides: frozenset[str]) -> int | None:
    """The closing comma of a discourse phrase of `asides` set off by commas at `comma`."""
    for end in range(comma + 2, min(len(units), comma + ASIDE_MAX + 2)):
        if units[end].text == ",":
            inside = " ".join(u.lower for u in units[comma + 1 : end])
            return end if inside in asides else None
    return None


def relative_clauses(units: list[Unit], words: SetOff = SetOff()) -> list[list[Unit]]:
    """The `, who ... ,` clauses and participial phrases after a person or agent, each as its
    own clause with the antecedent as subject ("Ali, who arrived in Argyle on Thursday, said"
    -> "Ali arrived in Argyle on Thursday"; "Zelensky, speaking in Ankara after meeting
    Erdogan, said" -> "Zelensky speaking in Ankara after meeting Erdogan"): the events they
    report, which the main clause does not see."""
    found = []
    for index, unit in enumerate(units[:-2]):
        if unit.text == "," and index and units[index + 1].lower == "which":
            found.extend(_which_clause(units, index))
            continue
        if unit.text != "," or not index or not _is_agent(units[index - 1]):
            continue
        if units[index + 1].lower == "who":
            close = next(
                (j for j in range(index + 2, len(units)) if units[j].text in (",", ".", ";")),
                len(units),
            )
            who = _who_antecedent(units, index)
            if index + 2 < len(units) and units[index + 2].lower in words.singular:
                who = _last_member(who)  # "A and his counterpart B, who is on a visit": B
            found.append([who, *units[index + 2 : close]])
            continue
        close = participle_end(units, index, words)
        if close is not None:
            found.append([units[index - 1], *units[index + 1 : close]])
    return found


def who_clause_words(units: list[Unit]) -> dict[int, int]:
    """The indices of the words of the `, who ... ,` clauses after an agent, each with the
    index of its clause's comma: relative_clauses reads each as a clause of its own, with its
    antecedent as subject."""
    inside: dict[int, int] = {}
    for index, unit in enumerate(units[:-2]):
        if unit.text == "," and index and _is_agent(units[index - 1]):
            if units[index + 1].lower == "who":
                ends = (j for j in range(index + 2, len(units)) if units[j].text in (",", ".", ";"))
                inside.update(dict.fromkeys(range(index + 2, next(ends, len(units))), index))
    return inside


def _who_antecedent(units: list[Unit], comma: int) -> Unit:
    """Whom a `, who` clause is about: the agent before the comma, or the person before an
    apposition set off by commas ("Hakan Fidan, Minister of Foreign Affairs of the Republic of
    Turkiye, who is visiting": Fidan, not Turkiye)."""
    before = units[comma - 1]
    if _is_person(before):
        return before
    for index in range(comma - 2, max(0, comma - ANTECEDENT_MAX) - 1, -1):
        if units[index].text == ",":
            return units[index - 1] if index and _is_person(units[index - 1]) else before
    return before


def _last_member(unit: Unit) -> Unit:
    """A group of people as its last member alone, for a verb in the singular after it ("A and
    B, who is visiting": B); any other unit as it is."""
    mention = unit.mention
    if mention is None or len(mention.agents) < 2 or "person" not in mention.classes:
        return unit
    last = mention.agents[-1:]
    refs = mention.refs[-1:] if len(mention.refs) == len(mention.agents) else last
    return replace(
        unit, mention=replace(mention, classes=mention.classes - {"group"}, refs=refs, agents=last)
    )


ANTECEDENT_MAX = 8  # units of the noun phrase a `, which ... ,` clause is read with


def _which_clause(units: list[Unit], comma: int) -> list[list[Unit]]:
    """A `, which ... ,` clause set off inside its sentence, read with the noun phrase before it
    as its subject ("Lula's state visit to China, which included talks with Xi, ended" -> "Lula's
    state visit to China included talks with Xi"): the phrase runs back from the comma to the
    sentence's start or the previous comma, at most ANTECEDENT_MAX units; none when the clause
    runs to the sentence's end."""
    close = next((j for j in range(comma + 2, len(units)) if units[j].text == ","), None)
    if close is None:
        return []
    start = comma
    while (
        start > 0
        and units[start - 1].text not in (",", ";", ":")
        and comma - start < ANTECEDENT_MAX
    ):
        start -= 1
    if start == comma or (start > 0 and units[start - 1].text not in (",", ";", ":")):
        return []
    return [[*units[start:comma], *units[comma + 2 : close]]]


PARTICIPLE_MAX = 20  # units in a participial phrase set off after a name


def participle_end(units: list[Unit], comma: int, words: SetOff) -> int | None:
    """The closing comma of a participial phrase that opens at `comma` after a name
    ("Zelensky, speaking in Kyiv after meeting Erdogan, said"): a plain word in -ing that is
    not of `not_participles` ("including", "according"), or a word of `openers` ("Abiy, on his
    first trip abroad, arrived", "Ruto, accompanied by his wife, arrived"), then a comma followed
    by a plain lower-case word (the clause's verb, not one of `clause_openers`), within
    PARTICIPLE_MAX units."""
    opener = units[comma + 1] if comma + 1 < len(units) else None
    if opener is None or opener.mention is not None or opener.lower in words.not_participles:
        return None
    participle = opener.lower.endswith("ing") or opener.lower in words.openers
    if not (opener.text.islower() and opener.text.isalpha() and participle):
        return None
    for end in range(comma + 2, min(len(units) - 1, comma + PARTICIPLE_MAX)):
        if units[end].text in (".", ";", ":", "“", "”", '"') or units[end].quoted:
            return None
        if units[end].text == ",":
            after = units[end + 1]
            plain = after.mention is None and after.text.isalpha() and after.text.islower()
            opens = after.lower in words.clause_openers or _source_clause(units, end, words.speech)
            return end if plain and not opens else None
    return None


SOURCE_CLAUSE_WORDS = 8  # words of a source's clause that ends a sentence ("officials said")


def _source_clause(units: list[Unit], comma: int, speech: frozenset[str]) -> bool:
    """Whether only a source's clause, its subject and then a `speech` verb, follows the comma
    at `comma` to the end of the sentence ("..., in Moscow on Tuesday, the foreign ministry
    said."): no phrase closes there ("Abiy, on his first trip abroad, arrived"; "X, reporting
    from Tehran, said the mood was calm")."""
    rest = [u for u in units[comma + 1 :] if u.text[:1].isalnum()]
    closed = all(u.text not in (",", ";") for u in units[comma + 1 :])
    told = bool(rest) and rest[0].lemma not in speech  # "X, reporting from Tehran, said": X's
    return (
        told
        and closed
        and len(rest) <= SOURCE_CLAUSE_WORDS
        and any(u.lemma in speech for u in rest)
    )


def place_phrase(units: list[Unit], index: int, openers: frozenset[str]) -> int | None:
    """The index of the place a phrase opening at `index` with a word of `openers` names, "the"
    read past ("at the Great Hall of the People", "in Riyadh"), else None."""
    if index + 1 >= len(units) or units[index].lower not in openers:
        return None
    at = index + 1 + int(units[index + 1].lower == "the" and index + 2 < len(units))
    mention = units[at].mention
    return at if mention is not None and "place" in mention.classes else None


def _is_agent(unit: Unit) -> bool:
    """Whether a unit names an agent (a person, country, organisation...)."""
    return unit.mention is not None and "agent" in unit.mention.classes


def _spouse_end(units: list[Unit], start: int, spouses: frozenset[str]) -> int | None:
    """The last unit of "and his wife" (unnamed) or "and his wife, Y," at `start`, after a
    person; None for anything else ("and his wife Y" is a pair of its own)."""
    words = [u.lower for u in units[start : start + 3]]
    if len(words) < 3 or words[0] != "and" or words[1] not in ("his", "her"):
        return None
    if words[2] not in spouses:
        return None
    after = units[start + 3 : start + 6]
    if after and after[0].text == ",":
        named = len(after) == 3 and _is_person(after[1]) and after[2].text == ","
        return start + 5 if named else None
    return start + 2 if not after or not _is_person(after[0]) else None


def _is_person(unit: Unit) -> bool:
    """Whether a unit names a person."""
    return unit.mention is not None and "person" in unit.mention.classes


APPOSITION_MAX = 24  # units between the commas of an apposition after a person


def _opening(kept: list[Unit]) -> int:
    """Where the words after a dateline or a clause boundary start ("BEIJING, March 6 -- The")."""
    for index in range(len(kept) - 1, -1, -1):
        if kept[index].boundary or kept[index].text in ("--", "—", "–", ":", ";"):
            return index + 1
    return 0


def _named_after_role(
    kept: list[Unit], units: list[Unit], comma: int, words: frozenset[str]
) -> bool:
    """Whether the sentence opens with roles and no one named ("The foreign ministers of A and
    B", `apposition_word`) and the people are named next, set off by commas."""
    if comma + 2 >= len(units) or units[comma + 2].text != "," or not _is_person(units[comma + 1]):
        return False
    if not kept or any(_is_person(u) or u.boundary for u in kept):
        return False
    return any(u.lower in words for u in kept)


def _role(unit: Unit) -> bool:
    """Whether a person unit is a bare title ("the leader"), not someone named."""
    mention = unit.mention
    return mention is not None and mention.title is not None and not mention.refs


def _named(unit: Unit) -> bool:
    """Whether a unit names people, not a description of them ("the two leaders")."""
    return _is_person(unit) and unit.lower.partition(" ")[0] not in DESCRIPTION_OPENERS


DESCRIPTION_OPENERS = ("the", "these", "those", "both", "his", "her", "their", "its")


def _apposition_end(units: list[Unit], comma: int, set_off: SetOff) -> int | None:
    """The closing comma of an apposition that opens at `comma`: a role (a title, or a word of
    the `apposition_word` class) and no other person before the next comma, nor a clause's verb
    of `apposition_breaker` ("In the presence of the two leaders, ministers signed 15
    agreements, ...") but one of a relative clause ("X, the minister who signed the deal, said")
    or a past participle (`_participle`)."""
    words, verbs = set_off.appositions, set_off.verbs
    relative = False
    for end in range(comma + 1, min(len(units), comma + APPOSITION_MAX)):
        if units[end].text in (".", ";", ":", "(", ")", "“", "”", '"'):
            return None
        relative = relative or units[end].lower in ("who", "that", "which", "whose")
        participle = _participle(units, comma, end, set_off)
        if units[end].lower in verbs and not relative and not participle:
            return None
        if units[end].text != ",":
            continue
        inside = units[comma + 1 : end]
        before = set(units[comma - 1].mention.refs) if _named(units[comma - 1]) else set()
        same = [_is_person(u) and set(u.mention.refs) <= before for u in inside]
        titled = any(
            (u.mention is not None and u.mention.title is not None) or u.lower in words or s
            for u, s in zip(inside, same, strict=True)
        )  # "A and B, the two foreign ministers, met": the same people, named by role
        age = len(inside) == 1 and inside[0].text.isdigit()  # "Dissanayake, 55, was sworn in"
        owner = _owners(inside, words)  # "X, Trump's envoy,", "X, an adviser to Khamenei,"
        others = any(
            _is_person(u) and not _role(u) and not s and not o
            for u, s, o in zip(inside, same, owner, strict=True)
        )
        return end if inside and (titled or age) and not others else None
    return None


def _participle(units: list[Unit], comma: int, at: int, set_off: SetOff) -> bool:
    """Whether a verb form at `at` is a past participle in an apposition that an article
    opens, with a preposition after it ("X, the first Arab leader received at the White House
    this year, met Y"), not the verb of a clause ("..., ministers signed 15 agreements")."""
    opened = units[comma + 1].lower in set_off.articles
    return opened and at + 1 < len(units) and units[at + 1].lower in set_off.participles


OWNED_REACH = 3  # units from a possessive "'s" to the role it owns ("Putin's foreign policy aide")


def _owners(units: list[Unit], words: frozenset[str]) -> list[bool]:
    """For each unit of an apposition, whether it names the one a role in it serves, not another
    person: before "'s" and a role ("U.S. President Donald Trump's envoy", "Putin's foreign policy
    aide"), or after "to", "of" or "for" somewhere after a role ("an adviser to Khamenei", "a
    minister close to Netanyahu"); a role is a title or a word of `words` (`apposition_word`)."""

    def role(unit: Unit) -> bool:
        return (unit.mention is not None and unit.mention.title is not None) or unit.lower in words

    found = []
    for at in range(len(units)):
        owned = units[at + 2 : at + 2 + OWNED_REACH]
        possessive = at + 1 < len(units) and units[at + 1].lower in POSSESSIVE_S
        served = at >= 2 and units[at - 1].lower in ("to", "of", "for")
        served = served and any(role(u) for u in units[: at - 1])
        found.append((possessive and any(role(u) for u in owned)) or served)
    return found


def _description_end(
    units: list[Unit], comma: int, openers: frozenset[str], roles: frozenset[str] = frozenset()
) -> int | None:
    """The closing comma of a description set off after an agent at `comma`: it opens with a
    word of `openers` ("a", "an": "Erdogan, a close ally of Somalia, met ...") and names no
    person before the next comma but the one a role in it serves (`_owners`), and no agent follows
    that comma (a list: "X, a Y, Z and W")."""
    if comma + 1 >= len(units) or units[comma + 1].lower not in openers:
        return None
    for end in range(comma + 2, min(len(units) - 1, comma + APPOSITION_MAX)):
        if units[end].text in (".", ";", ":", "(", ")", "“", "”", '"') or units[end].lower == "and":
            return None
        if units[end].text == ",":
            inside = units[comma + 1 : end]
            owner = _owners(inside, roles)  # "X, an adviser to Khamenei, met ..."
            named = any(
                _is_person(u) and not _role(u) and not o for u, o in zip(inside, owner, strict=True)
            )
            return None if named or _is_agent(units[end + 1]) else end  # "X, a Y, Z and W"
    return None


def quotations(units: list[Unit], article_text: str) -> list[str]:
    """The quoted stretches of a sentence, without the marks and trailing punctuation."""
    found: list[str] = []
    index = 0
    while index < len(units):
        if units[index].quoted:
            start = index
            while index < len(units) and units[index].quoted:
                index += 1
            words = article_text[units[start].begin : units[index - 1].end].rstrip(" ,.;:")
            if len(words.split()) > 1:
                found.append(words)
        index += 1
    return found


def clause_ids(units: list[Unit]) -> list[int]:
    """A clause number per unit: it grows at every boundary unit."""
    ids, current = [], 0
    for unit in units:
        if unit.boundary:
            current += 1
        ids.append(current)
    return ids


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression of a sentence."""

    words: str
    earliest: date
    latest: date
    precision: str


def actors(unit: Unit) -> tuple[URIRef, ...]:
    """The actors a unit names (its agents, else what it names)."""
    return unit.mention.agents or unit.mention.refs if unit.mention else ()


def names_again(units: list[Unit], members: list[int], index: int) -> bool:
    """Whether the unit at `index` names an actor a list's members already name: the list
    ended before it ("welcomed Y and the two sides discussed": no list names one twice)."""
    listed = {a for i in members for a in actors(units[i])}
    return index < len(units) and not listed.isdisjoint(actors(units[index]))


def copy_unit(unit: Unit, **changes: object) -> Unit:
    """A copy of a unit with some fields changed."""
    return replace(unit, **changes)


def syllable_end(units: list[Unit], index: int, suffixes: frozenset[str]) -> int:
    """The last unit of a name whose last word is at `index`, extended over hyphens joining a
    lower-case syllable of a transliterated name ("Choe Son-hui", "Kim Jin-pyo"); a word of
    `suffixes` ends a compound instead ("Kremlin-backed")."""
    while hyphen_joined(units, index, lambda u: _syllable(u, suffixes)):
        index += 2
    return index


def _syllable(unit: Unit, suffixes: frozenset[str]) -> bool:
    """A free lower-case word that is no compound's suffix."""
    text = unit.text
    return unit.mention is None and text.isalpha() and text.islower() and text not in suffixes


def hyphen_joined(
    units: list[Unit], index: int, capital: Callable[[Unit], bool] = lambda u: u.text[:1].isupper()
) -> bool:
    """Whether a hyphen written without spaces joins the unit at `index` to a capitalised word
    ("Diaz-Canel", "Amir-Abdollahian", "al-Sisi")."""
    if index < 0 or index + 2 >= len(units) or units[index + 1].text not in HYPHENS:
        return False
    return not units[index].space and not units[index + 1].space and capital(units[index + 2])
