"""Frame stage: events from a trigger word and the entities around it, where no pattern rule
matched (frames.yaml).

Reads a sentence's units and the `frames` rules; returns Matches in the form the pattern
matcher gives, so the candidate stage treats both alike. A frame names its trigger lemmas and
which role each grammatical slot fills: the subject (the entities before the trigger in its
clause, with their coordinated companions), the object (the entity right after it), the entity
after a `with` word, after a `by` word in the passive, and the place after a place preposition.
Function words come from word classes (lexicon.yaml), never from the code.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from diplograph.extract.dates import NEXT_EVENT
from diplograph.extract.matcher import Match, match_end
from diplograph.extract.rules import Pattern, Rule, RuleSet
from diplograph.extract.sentences import (
    HYPHENS,
    POSSESSIVE_S,
    Unit,
    names_again,
    place_phrase,
    who_clause_words,
)

REACH = 6  # plain words a slot may lie from its trigger ("also held", "on Monday signed")


@dataclass(frozen=True)
class Words:
    """The word classes the frame grammar reads."""

    coordination: frozenset[str]
    filler: frozenset[str]
    with_: frozenset[str]
    by: frozenset[str]
    auxiliary: frozenset[str]
    determiner: frozenset[str]
    possessive: frozenset[str]
    noun_by: frozenset[str]
    speech: frozenset[str]
    preposition: frozenset[str]
    infinitive: frozenset[str]
    boundary: frozenset[str]
    support: frozenset[str]
    fronting: frozenset[str]
    measure: frozenset[str] = frozenset()  # "a round of talks", "an hour of talks"
    goods: frozenset[str] = frozenset()  # "sanctions on Australian exports"
    people: frozenset[str] = frozenset()  # "Pakistan's advisers" stand for Pakistan
    transitive: frozenset[str] = frozenset()  # triggers of frames with an object slot
    subjects: frozenset[str] = frozenset()  # "lemma:role": a transitive trigger's subject role
    topic: frozenset[str] = frozenset()  # "discussed the situation in Syria": no place
    sides: frozenset[str] = frozenset()  # "talks between A and B": A and B are the parties
    pronoun: frozenset[str] = frozenset()  # "India said it was expelling X": India's
    conjunction: frozenset[str] = frozenset()  # "after A and B signed": a clause opens
    verbs: frozenset[str] = frozenset()  # frame triggers, speech and support verbs (lemmas)
    trailing: frozenset[str] = frozenset()  # "flew home after a visit to X": the subject's
    purpose: frozenset[str] = frozenset()  # "flew to X for a meeting of Y": the flyer's meeting
    leader: frozenset[str] = frozenset()  # "with the Kremlin boss": its unnamed leader, not it
    joined_gap: frozenset[str] = frozenset()  # "and later met", "and was received by"
    relative: frozenset[str] = frozenset()  # "X, who visited Y and met Z"
    plural_possessive: frozenset[str] = frozenset()  # "their talks": the clause's subjects
    joiner: frozenset[str] = frozenset()  # "visited X and met Y"
    article: frozenset[str] = frozenset()  # "..., the top diplomat was received"
    definite: frozenset[str] = frozenset()  # "during the meeting": one told before
    not_participle: frozenset[str] = frozenset()  # ", including X": no participle phrase
    absent: frozenset[str] = frozenset()  # "a message from Biden to Xi during their meeting"
    kin: frozenset[str] = frozenset()  # "a message from his brother, King X"
    owner: frozenset[str] = frozenset()  # "transferred its howitzers": no object "its"
    about: frozenset[str] = frozenset()  # "a memorandum on political consultations": no event
    apposed: frozenset[str] = frozenset()  # "met X's leaders, including A and B, in Y"
    opener: frozenset[str] = frozenset()  # "met A, then held talks with B"


def _words(rules: RuleSet) -> Words:
    """The frame grammar's word classes from the rule set."""
    get = rules.classes.get
    return Words(
        frozenset(get("coordination", ())),
        frozenset(get("object_filler", ())),
        frozenset(get("with_word", ())),
        frozenset(get("by_word", ())),
        frozenset(get("passive_auxiliary", ())),
        frozenset(get("determiner", ())),
        frozenset(get("possessive", ())),
        frozenset(get("noun_by", ())),
        frozenset(get("statement_verb", ())),
        frozenset(get("preposition", ())),
        frozenset(get("infinitive", ())),
        rules.boundary,
        frozenset(get("support_verb", ())) | frozenset(get("support_word", ())),
        frozenset(get("fronting_word", ())),
        frozenset(get("measure_noun", ())),
        frozenset(get("goods_noun", ())),
        frozenset(get("apposition_word", ())),
        topic=frozenset(get("topic_noun", ())),
        sides=frozenset(get("sides_marker", ())),
        pronoun=frozenset(get("subject_pronoun", ())),
        conjunction=frozenset(get("clause_conjunction", ())),
        trailing=frozenset(get("trailing_governor", ())),
        purpose=frozenset(get("purpose_word", ())),
        leader=frozenset(get("leader_noun", ())),
        joined_gap=frozenset(get("joined_verb_gap", ())),
        relative=frozenset(get("relative_word", ())),
        plural_possessive=frozenset(get("plural_possessive", ())),
        joiner=frozenset(get("verb_joiner", ())),
        article=frozenset(get("article", ())),
        definite=frozenset(get("definite_determiner", ())),
        not_participle=frozenset(get("not_participle", ())),
        absent=frozenset(get("absent_party_marker", ())),
        kin=frozenset(get("kin_word", ())),
        owner=frozenset(get("object_determiner", ())),
        about=frozenset(get("topic_preposition", ())),
        apposed=frozenset(get("apposition_filler", ())),
        opener=frozenset(get("verb_opener", ())),
    )


def _fits(unit: Unit, role: str) -> bool:
    """Whether a unit can fill a role: a place for `place`, else an acting entity, and a news
    agency only a speaker's (`agent`): "Kazinform reported on the documents signed during the
    state visit" tells no visit of Kazinform's."""
    mention = unit.mention
    if mention is None or mention.date_words is not None:
        return False
    if role != "agent" and "agency" in mention.classes:
        return False
    wanted = "place" if role == "place" else "agent"
    return wanted in mention.classes and "nationality" not in mention.classes


def _plain(unit: Unit, words: Words) -> bool:
    """A word a slot may be read across: no entity, no clause boundary."""
    if unit.boundary or unit.lower in words.boundary:
        return False
    return unit.mention is None or unit.mention.date_words is not None


def _fronted_subject(
    units: list[Unit], trigger: int, role: str, words: Words, governor: int = -1
) -> list[int]:
    """The subject of the main clause after an opening phrase that holds the trigger ("After
    talks with Xi in Beijing, Macron said": Macron), when a `fronting_word` opens the sentence
    right before the trigger (no determiner: "During a visit to Cairo, Sisi told him" is his
    visit), or a gerund after one in a phrase such a word or a participle opens ("Speaking in
    Ankara after meeting Erdogan, Blinken said"), and the first comma after the trigger closes
    the phrase."""
    if not _opening_phrase(units, trigger, words, governor):
        return []
    comma = next((i for i in range(trigger + 1, len(units)) if units[i].text == ","), None)
    if comma is None or any(units[i].text == "," for i in range(1, trigger)):
        return []
    after = comma + 1
    if after < len(units) and _fits(units[after], role):
        return _group_ahead(units, after, role, words)
    return []


def _opening_phrase(units: list[Unit], trigger: int, words: Words, governor: int = -1) -> bool:
    """Whether the trigger stands in a phrase that opens the sentence before its main clause:
    right after an opening `fronting_word`, or a gerund (or a bare noun whose `fronting_word`
    is at `governor`) after one in a phrase that such a word or a participle opens."""
    if trigger == 1 or governor == 0:
        return units[0].lower in words.fronting
    if trigger == 0:  # "Meeting in Riyadh on Tuesday, A and B agreed": a participle opens it
        return units[0].mention is None and units[0].lower.endswith("ing") and _plain_phrase(units)
    gerund = units[trigger - 1].lower in words.fronting and units[trigger].lower.endswith("ing")
    first = units[0]
    participle = first.mention is None and first.lower.endswith("ing")
    return (
        trigger > 1 and (gerund or governor > 0) and (first.lower in words.fronting or participle)
    )


def _plain_phrase(units: list[Unit]) -> bool:
    """Whether a sentence's opening phrase (to its first comma) holds no second gerund: in
    "Speaking in Ankara after meeting X, Y said" the meeting is the phrase's event, not the
    speaking."""
    comma = next((i for i, u in enumerate(units) if u.text == ","), len(units))
    return not any(u.mention is None and u.lower.endswith("ing") for u in units[1:comma])


def _bare_governor(units: list[Unit], trigger: int, words: Words) -> int | None:
    """The `fronting_word` that governs a noun with no determiner ("after talks", "following
    lengthy negotiations"), read back over up to three plain lower-case words; else None (a
    gerund is a verb: "after meeting X"; a `topic_preposition` inside the sentence tells what a
    thing is about: "a memorandum on political consultations")."""
    if units[trigger].lower.endswith("ing"):
        return None
    index = trigger - 1
    while index >= 0 and trigger - index <= 4:
        unit = units[index]
        if unit.lower in words.fronting:
            return None if index and unit.lower in words.about else index
        if unit.mention is not None or not unit.text.isalpha() or not unit.text.islower():
            return None
        if unit.lower in words.determiner | words.preposition | words.auxiliary:
            return None
        index -= 1
    return None


def _bare_subject(
    units: list[Unit], trigger: int, governor: int, role: str, words: Words
) -> list[int]:
    """Whose event a bare noun after a `fronting_word` is: the main clause's subject, after an
    opening phrase ("After lengthy talks, A and B signed") or before ("A and B signed the
    treaty after talks in Minsk")."""
    if _opening_phrase(units, trigger, words, governor):
        return _fronted_subject(units, trigger, role, words, governor)
    return _main_subject(units, governor, role, words)


def _own_start(units: list[Unit], match: Match, words: Words) -> int:
    """Where a pattern match's own verb phrase starts: after the "and" that joins its verb to
    an earlier one its gap read across ("X received Y and held talks": "received" is a verb of
    its own, for a frame), else where the match starts."""
    joiner = _joining_and(units, match.trigger, words)
    return joiner if joiner is not None and joiner > match.start else match.start


def _joining_and(units: list[Unit], trigger: int, words: Words, series: bool = False) -> int | None:
    """The "and" that joins the trigger's verb to an earlier verb phrase of its sentence
    ("visited Warsaw on Thursday and met Tusk", "arrived and was received by"), read back across
    `joined_verb_gap` words and dates, or with `series` a comma of a series of verb phrases
    (`_series_comma`); else None."""
    index = trigger - 1
    gap = words.joined_gap | words.support | words.determiner  # "and held a meeting with"
    while index > 0 and trigger - index <= 5:
        unit = units[index]
        if unit.lower in words.joiner or series and _series_comma(units, index, words):
            return index
        dated = unit.mention is not None and unit.mention.date_words is not None
        if not (dated or unit.mention is None and (unit.lower in gap or unit.lemma in gap)):
            return None
        index -= 1
    return None


def _title_start(units: list[Unit], first: int) -> int:
    """Where a name's titles begin, with the owner they are given with: "Iran's ambassador"
    before "Amir Iravani" (the owner and its "'s" only when a title stands between)."""
    start = first
    while start > 0 and units[start - 1].mention is not None:
        if "title" not in units[start - 1].mention.classes:
            break
        start -= 1
    possessive = start >= 2 and units[start - 1].text in POSSESSIVE_S
    if start < first and possessive and units[start - 2].mention is not None:
        return start - 2
    return start


def _subject_position(units: list[Unit], first: int, last: int, words: Words) -> bool:
    """Whether the entities units[first..last] stand where a clause's subject does: opening the
    sentence, or after a comma, a conjunction, a relative word or a speech verb, and not set off
    as an apposition ("Putin, the Russian leader, and")."""
    first = _title_start(units, first)  # "Iran's ambassador X said": from "Iran"
    while first > 0 and units[first - 1].lower in words.article:
        first -= 1  # "..., the Chinese top diplomat was received"
    while first > 0 and _dated(units[first - 1]):
        first -= 1  # "On Thursday X held talks with Y and met Z": a fronted date
    if first == 0:
        return True
    before = units[first - 1]
    after = units[last + 1].text if last + 1 < len(units) else ""
    if before.text == ",":  # not an apposition (", the country's second city,")
        return after not in (",", "'s", "’s")
    opening = words.conjunction | words.relative
    opener = before.text in ("(", "“", '"', "--", "—", "–", "-")  # "Riyadh, IRNA -- X met"
    paired = before.text == "-" and not before.space and first > 1 and _person(units[first - 2])
    opener = opener and not paired  # not "bonhomie between Kim-Putin, the US said"
    return before.lower in opening or before.lemma in words.speech or opener


def _dated(unit: Unit) -> bool:
    """Whether a unit is a date's words ("On Thursday")."""
    return unit.mention is not None and unit.mention.date_words is not None


def leading(units: list[Unit], index: int, rules: RuleSet) -> bool:
    """Whether the entity at `index` is its clause's subject (`_subject_position`), or the one
    a relative clause after it is about ("with A, who said"): a later subject pronoun's
    preferred antecedent."""
    words = _compiled(rules)[0]
    after = index + 1 + int(index + 1 < len(units) and units[index + 1].text == ",")
    if after < len(units) and units[after].lower in words.relative:
        return True
    return _subject_position(units, index, index, words)


def _earlier_subject(
    units: list[Unit], joiner: int, role: str, words: Words, series: bool = False
) -> list[int]:
    """The subject of the verb phrase before a joining "and": read back from it, the first
    acting entity (with those coordinated before it) in subject position ("Shmyhal visited
    Warsaw and met Tusk": Shmyhal, not Warsaw; "X said Y had arrived and met Z": Y); with
    `series` across the commas of a series of verb phrases ("held talks with Y, and met Z")."""
    for index in range(joiner - 1, -1, -1):
        if units[index].text == "," and _series_verb(units, index + 1, words, series):
            continue  # "Pakistan closed X, suspended Y and declared Z": Pakistan's
        if (
            series
            and units[index].text == ","
            and index == joiner - 1
            and units[joiner].text != ","
        ):
            # "X held talks with Y on Tuesday, and later met Z": the sentence's subject
            return _first_subject(units, index, role, words)
        if units[index].boundary or units[index].text in (";", ":"):
            return []
        if not _fits(units[index], role):
            continue
        found = _group_back(units, index, role, words)
        if _subject_position(units, found[0], index, words):
            return found
    return []


def _series_comma(units: list[Unit], index: int, words: Words) -> bool:
    """Whether the comma at `index` opens a verb phrase of a series the sentence's opening
    subject heads ("Lavrov arrived in Ankara on Monday, held talks with X and met Y"): a past
    form after it that no `by` word follows ("The deal, signed by"), and the subject's own
    verb a past form too."""
    verb = index + 1
    while verb < len(units) and units[verb].lower in words.opener:
        verb += 1  # "met A, then held talks with B"
    if units[index].text != "," or not _series_verb(units, verb, words):
        return False
    if verb + 1 < len(units) and units[verb + 1].lower in words.by:
        return False
    return bool(_series_opener(units, index, "participant", words, series=True))


def _series_opener(
    units: list[Unit], comma: int, role: str, words: Words, series: bool
) -> list[int]:
    """The subject the sentence opens with, when its own verb before the comma at `comma` is a
    verb of a series too (`_series_verb`: "Pakistan on Thursday closed X, suspended Y",
    "Lavrov arrived in Ankara, held talks"), else none."""
    subject = _first_subject(units, comma, role, words)
    verb = subject[-1] + 1 if subject else comma
    while verb < comma and (units[verb].mention is not None or units[verb].lower in words.opener):
        verb += 1  # "Pakistan on Thursday closed", "Lavrov on Monday arrived", "Rubio first met"
    opens = bool(subject) and subject[0] == 0 and verb < comma
    return subject if opens and _series_verb(units, verb, words, series) else []


def _series_verb(units: list[Unit], index: int, words: Words, series: bool = True) -> bool:
    """Whether a comma's next word opens a verb phrase of a series ("closed the border crossing,
    suspended all trade and ..."): a plain lower-case past form in -ed, or with `series` an
    inflected form of a frame, speech or support verb ("arrived in Ankara, held talks with X
    and met Y")."""
    unit = units[index] if index < len(units) else None
    if unit is None or unit.mention is not None or not unit.text.isalpha():
        return False
    if not unit.text.islower():
        return False
    irregular = series and unit.lemma != unit.lower and unit.lemma in words.verbs
    return unit.lower.endswith("ed") or irregular and not unit.lower.endswith(("s", "ing"))


def _first_subject(
    units: list[Unit], before: int, role: str, words: Words, taken: frozenset[int] = frozenset()
) -> list[int]:
    """The first acting entity before `before`, none of `taken`, that stands in subject position
    ("Hamas said that it would ..., accusing Israel": Hamas), not an owner ("Niger's leader X")."""
    for index in range(before):
        if index not in taken and _fits(units[index], role):
            found = _group_ahead(units, index, role, words)
            if _subject_position(units, index, found[-1], words):
                return _owned_subject(units, found[-1], before, role, words) or found
    return []


def _owned_subject(
    units: list[Unit], owner: int, before: int, role: str, words: Words
) -> list[int]:
    """The entity an owner's "'s" gives, two words on at most ("Niger's junta leader General
    X": X, the subject, not Niger); [] when no "'s" follows the owner."""
    if owner + 1 >= before or units[owner + 1].text not in POSSESSIVE_S:
        return []
    for index in range(owner + 2, min(owner + 5, before)):
        if _fits(units[index], role):
            return _group_ahead(units, index, role, words)
        if units[index].mention is not None or units[index].boundary:
            return []
    return []


def _unquoted_subject(units: list[Unit], before: int, role: str, words: Words) -> list[int]:
    """The sentence's first subject before `before` outside its quotation marks: the subject a
    participle after a comma belongs to ("X said ..., adding", "visited Y, meeting Z")."""
    quoted = frozenset(i for i in range(before) if units[i].quoted)
    return _first_subject(units, before, role, words, quoted)


def _participle_subject(units: list[Unit], match: Match, words: Words) -> None:
    """Fill the role a rule's `participle_subject` names with the sentence's main subject when
    the trigger is a participle right after a comma ("Tiani criticised ECOWAS, accusing the bloc
    of ...": Tiani accuses) and the match left the role empty."""
    role = match.rule.get("participle_subject")
    trigger = match.trigger
    if not role or match.roles.get(str(role)) or trigger < 1 or units[trigger - 1].text != ",":
        return
    if not units[trigger].lower.endswith("ing"):
        return
    speaker = _inverted_speaker(units, trigger - 1, str(role), words)
    if speaker is not None:  # "..., a US official said, adding that": the official adds it
        if speaker:
            match.roles[str(role)] = speaker
        return
    subject = _unquoted_subject(units, trigger - 1, str(role), words) or _earlier_subject(
        units, trigger - 1, str(role), words
    )  # the main clause's subject, not a nearer one of a clause it governs ("accused Moscow")
    if subject:
        match.roles[str(role)] = subject
        match.start = min(match.start, subject[0])


def _inverted_speaker(units: list[Unit], comma: int, role: str, words: Words) -> list[int] | None:
    """The speaker of a speech clause set off by commas right before a participle's comma
    (", a US official said, adding": [] when no entity fills the role); None when no such
    clause stands there."""
    verb = comma - 1
    if verb < 2 or units[verb].mention is not None or units[verb].lemma not in words.speech:
        return None
    opening = next((i for i in range(verb - 1, -1, -1) if units[i].text == ","), None)
    if opening is None or opening == verb - 1:
        return None
    speaker = [i for i in range(opening + 1, verb) if _fits(units[i], role)]
    return speaker[:1]


def _series_subject(units: list[Unit], match: Match, words: Words) -> None:
    """Fill the role a rule's `series_subject` names with the sentence's subject when the
    trigger opens a verb phrase of a series after a comma and that subject's own verb is a past
    form too ("Pakistan on Thursday closed the border crossing, suspended all trade with
    India": Pakistan suspends; not "The deal, signed in 2012,")."""
    role = match.rule.get("series_subject")
    trigger = match.trigger
    if not role or match.roles.get(str(role)) or trigger < 1 or units[trigger - 1].text != ",":
        return
    if not _series_verb(units, trigger, words, False):
        return
    subject = _series_opener(units, trigger - 1, str(role), words, series=False)
    if subject:
        match.roles[str(role)] = subject
        match.start = min(match.start, subject[0])


def _series_phrase(units: list[Unit], match: Match, words: Words) -> None:
    """Add to the role a rule's `series_phrase` names the sentence's subject when a series comma
    opens the trigger's verb phrase and no filler of the role stands before the trigger
    ("Lavrov arrived in Ankara, held talks with Fidan": Lavrov's talks with Fidan)."""
    role = str(match.rule.get("series_phrase") or "")
    if not role or any(i < match.trigger for i in match.roles.get(role, ())):
        return
    joiner = _joining_and(units, match.trigger, words, series=True)
    if joiner is None:
        return
    subject = _earlier_subject(units, joiner, role, words, series=True)
    if subject:
        match.roles[role] = subject + [i for i in match.roles.get(role, []) if i not in subject]
        match.start = min(match.start, subject[0])


def _sentence_subject(units: list[Unit], match: Match, words: Words) -> None:
    """Fill the role a rule's `sentence_subject` names, when the match left it empty, with the
    first entity in subject position that fills no other role of the match ("Macron set out his
    position in a letter to King Mohammed VI", "In a message to Khamenei, Putin said": the
    letter is Macron's, Putin's)."""
    role = match.rule.get("sentence_subject")
    if not role or match.roles.get(str(role)):
        return
    taken = frozenset(i for found in match.roles.values() for i in found)
    subject = _first_subject(units, len(units), str(role), words, taken)
    if subject:
        match.roles[str(role)] = subject
        match.start = min(match.start, subject[0])


def _opening_subject(units: list[Unit], match: Match, words: Words) -> None:
    """Fill the role a rule's `fronted_subject` names, when the match left it empty, with the
    main clause's subject after the phrase the match opens the sentence with ("On his arrival
    at X, Putin was greeted": Putin's arrival; "received Tinubu upon his arrival" is not so)."""
    role = match.rule.get("fronted_subject")
    if not role or match.roles.get(str(role)) or match.start > 1:
        return
    if match.start == 1 and units[0].lower not in words.fronting:
        return
    # the first comma from the match's last unit on ("On his arrival," may end with it)
    comma = next((i for i in range(match.end - 1, len(units)) if units[i].text == ","), None)
    if comma is None or comma + 1 >= len(units) or not _fits(units[comma + 1], str(role)):
        return
    match.roles[str(role)] = _group_ahead(units, comma + 1, str(role), words)


def share_subjects(units: list[Unit], rules: RuleSet, matches: list[Match]) -> None:
    """Give a pattern match whose verb is joined by "and" to an earlier verb phrase that
    phrase's subject, in place of the entity its gap reached back to ("visited Warsaw and met
    Tusk": Warsaw did not meet Tusk); and a participle after a comma the sentence's subject."""
    words = _compiled(rules)[0]
    for match in matches:
        _participle_subject(units, match, words)
        _series_subject(units, match, words)
        _series_phrase(units, match, words)
        _sentence_subject(units, match, words)
        _opening_subject(units, match, words)
        joiner = _joining_and(units, match.trigger, words)
        if joiner is None or match.rule.section != "events":
            continue
        before = [r for r, found in match.roles.items() if found and min(found) < joiner]
        if len(before) != 1 or before[0] in ("place", "theme"):
            continue
        role = before[0]
        first = [i for i in match.roles[role] if i < joiner]
        if _subject_position(units, first[0], first[-1], words):
            continue  # "Lavrov arrived and met X": the gap reached the subject itself
        subject = _earlier_subject(units, joiner, role, words)
        later = [i for i in match.roles[role] if i > joiner]
        if subject:
            match.roles[role] = subject + later
            match.start = min(match.start, subject[0])
        elif first[0] and units[first[0] - 1].lower in words.preposition:
            match.roles[role] = later  # "with India and declared": India declares nothing


def _after_participle(units: list[Unit], comma: int, determiner: int, words: Words) -> bool:
    """Whether a comma at `comma` opens a participle phrase the noun at `determiner` stands in
    (", wrapping up a three-day visit"): a verb's "-ing" form right after it (not "during")."""
    return (
        0 < comma < determiner - 1
        and units[comma].text == ","
        and units[comma + 1].mention is None
        and units[comma + 1].lower.endswith("ing")
        and units[comma + 1].lower not in words.preposition
    )


def _main_subject(units: list[Unit], before: int, role: str, words: Words) -> list[int]:
    """The subject of the sentence a trailing gerund phrase belongs to ("Erdogan announced ...
    after hosting the two leaders"): its first person, else its first acting entity, before
    the phrase and governed by no preposition ("in Ankara")."""
    free = [i for i in range(before) if not (i and units[i - 1].lower in words.preposition)]
    people = [i for i in free if _person(units[i]) and _fits(units[i], role)]
    agents = [i for i in free if _fits(units[i], role)]
    first = people[:1] or agents[:1]
    return _group_ahead(units, first[0], role, words) if first else []


def _controller(units: list[Unit], to: int, role: str, words: Words) -> list[int] | None:
    """The subject of an infinitive ("Netanyahu travelled to Washington to meet Biden"): the
    nearest entity before "to" in its clause that no preposition governs, else None; across an
    "and" that joins verb phrases, the earlier phrase's subject ("planned to visit Tashkent
    for talks with X and then travel to Ulaanbaatar to meet Y": the one who planned)."""
    for index in range(to - 1, max(-1, to - 2 * REACH), -1):
        unit = units[index]
        if unit.boundary or unit.lower in words.boundary and not _date_comma(units, index):
            return None
        if unit.lower in words.joiner and units[index + 1].mention is None:
            return _earlier_subject(units, index, role, words) or None
        governed = index > 0 and units[index - 1].lower in words.preposition
        if _fits(unit, role) and not governed:
            return _group_back(units, _head_of_chain(units, index, role, words), role, words)
    return None


def _head_of_chain(units: list[Unit], index: int, role: str, words: Words) -> int:
    """The head of a chain "A of the B of the C" that ends at `index` ("the Majlisi Namoyandagon
    of the Majlisi Oli of Tajikistan ratified": the Majlisi Namoyandagon)."""
    while True:
        before = index - 1
        if before >= 0 and units[before].lower in words.determiner:
            before -= 1
        if before >= 1 and units[before].lower == "of" and _fits(units[before - 1], role):
            index = before - 1
            continue
        return index


def _date_comma(units: list[Unit], index: int) -> bool:
    """Whether a unit is a comma that sets off a date ("Ramaphosa today, 3 December, hosted")."""
    if units[index].text != ",":
        return False
    near = (units[i] for i in (index - 1, index + 1) if 0 <= i < len(units))
    return any(u.mention is not None and u.mention.date_words is not None for u in near)


def _group_back(units: list[Unit], last: int, role: str, words: Words) -> list[int]:
    """The entity at `last` and the ones coordinated before it ("A, B and C", a headline's "A,
    B"); elsewhere a comma with no "and" after it ends a fronted phrase ("On the sidelines of
    the summit, A met B")."""
    found = [last]
    index = _modifiers_back(units, last - 1, words)
    joined = False
    while index >= 1 and units[index].lower in words.coordination and _fits(units[index - 1], role):
        opens = index < 2 or units[index - 2].lemma in words.verbs  # "Qatar says A, B agree"
        if units[index].text == "," and not joined and not opens:
            break  # "A, B" alone is a pair only where it opens a clause (headlines)
        joined = True
        found.append(index - 1)
        index = _modifiers_back(units, index - 2, words)
    return sorted(found)


def _modifiers_back(units: list[Unit], index: int, words: Words) -> int:
    """The index before the words that may stand between "and" and its entity: a possessive,
    a nationality, an object filler ("and his Armenian counterpart X") or a capitalised word the
    layer does not know ("and Somaliland leader X"), four at most."""
    start = index
    while index >= 0 and start - index < 4:
        unit = units[index]
        nationality = unit.mention is not None and "nationality" in unit.mention.classes
        plain = unit.mention is None and not unit.boundary
        modifier = unit.lower in words.possessive | words.filler or unit.text[:1].isupper()
        if not nationality and not (plain and modifier):
            break
        index -= 1
    return index


def _group_ahead(units: list[Unit], first: int, role: str, words: Words) -> list[int]:
    """The entity at `first` and the ones coordinated after it."""
    found = [first]
    index = _past_people(units, first + 1, words)
    while index + 1 < len(units) and units[index].lower in words.coordination:
        after = _members_of(units, index + 1, words)  # "A and members of the Council"
        while after + 1 < len(units) and after - index <= 5 and _filler(units[after], words):
            after += 1  # "A, B and the United States", "A and his counterpart B"
        if _possessor(units[after]) and after + 2 < len(units):
            after += 2 * (units[after + 1].text in POSSESSIVE_S)  # "A and Trump's envoy B": B
        if not _fits(units[after], role):
            break
        said = after + 1 < len(units) and (
            units[after + 1].lemma in words.speech or units[after + 1].lower in words.speech
        )
        ends = _opens_predicate(units, after + 1, words)
        if (said or ends) and units[index].text == ",":
            break  # "..., the Russian Defence Ministry said", "When X visited Seoul, North
            # Korea fired ...": the next clause's subject, no member
        if names_again(units, found, after):
            break  # "welcomed Y and the two sides discussed"
        found.append(after)
        if units[index].text != ",":
            break  # "A, B and C": the list ends with its last "and"
        index = _past_people(units, after + 1, words)
    return found


def _opens_predicate(units: list[Unit], index: int, words: Words) -> bool:
    """Whether the unit at `index` is a plain word that no list member or apposition is
    followed by (no punctuation, preposition, coordination or relative word): a verb."""
    if index >= len(units) or units[index].mention is not None:
        return False
    unit = units[index]
    joins = words.coordination | words.preposition | words.boundary | words.relative
    return unit.text[:1].isalpha() and unit.text[:1].islower() and unit.lower not in joins


def _members_of(units: list[Unit], index: int, words: Words) -> int:
    """The index after a plain people word and its "of" before a body that acts for itself
    ("and members of the Transitional Council": the council takes part), else `index`."""
    if index + 2 >= len(units) or not _people_word(units[index], words):
        return index
    if units[index + 1].lower != "of":
        return index
    after = index + 2 + int(units[index + 2].lower in words.determiner)
    body = units[after].mention if after < len(units) else None
    named = body is not None and units[after].text[:1].isupper()  # not "the government"
    acting = named and "org" in body.classes and body.agents == body.refs
    return index + 2 if acting else index


def _past_people(units: list[Unit], index: int, words: Words) -> int:
    """The index after a plain people word that follows an entity and comes before a
    coordination ("Hamas negotiators and Mossad chief X": Hamas, then X); else `index`."""
    if index + 1 >= len(units) or not _people_word(units[index], words):
        return index
    return index + 1 if units[index + 1].lower in words.coordination else index


def _people_word(unit: Unit, words: Words) -> bool:
    """Whether a unit is a plain lower-case people word ("members", "negotiators")."""
    return unit.mention is None and unit.lower in words.people and unit.text.islower()


def _filler(unit: Unit, words: Words) -> bool:
    """A plain word that may stand between "and" and the entity it joins."""
    nationality = unit.mention is not None and "nationality" in unit.mention.classes
    plain = unit.mention is None and unit.lower in words.filler | words.possessive
    return nationality or plain


def _trailing_participle(units: list[Unit], trigger: int, words: Words) -> bool:
    """Whether the trigger is a participle in -ing right after a comma ("..., meeting Xi") or a
    day ("arrived in Ouagadougou on Monday carrying a message"), not a preposition of that form
    (`not_participle`: "including")."""
    unit = units[trigger]
    before = units[trigger - 1].mention if trigger > 1 else None
    dated = before is not None and before.date_words is not None
    after_comma = trigger > 1 and (units[trigger - 1].text == "," or dated)
    participle = unit.text.islower() and unit.lower.endswith("ing")
    return after_comma and participle and unit.lower not in words.not_participle


def _subject(
    units: list[Unit], trigger: int, role: str, words: Words, series: bool = False
) -> list[int] | None:
    """The entities before the trigger in its clause; None when the verb follows "and" or a
    comma with no entity between ("X arrived ... and was received by Y"), or with `series` a
    comma of a series of verb phrases ("X arrived in Y, met Z"): its subject is the sentence's
    earlier one."""
    if trigger and units[trigger - 1].lower in words.infinitive:
        return _controller(units, trigger - 1, role, words)
    if _trailing_participle(units, trigger, words):  # "visited Beijing, meeting Xi": Lula's
        return _unquoted_subject(units, trigger - 1, role, words) or None
    if (
        trigger > 1
        and units[trigger - 1].lower in words.fronting
        and units[trigger].lower.endswith("ing")
    ):
        if _opening_phrase(units, trigger, words):  # "After meeting X in Rome, Y said"
            return _fronted_subject(units, trigger, role, words)
        return _main_subject(units, trigger - 1, role, words)  # "..., X announced after hosting Y"
    index = trigger - 1
    while index >= 0 and trigger - index <= REACH:
        if _dates_phrase(units, index, trigger, words):  # "..., a day after holding talks"
            return _dated_phrase_subject(units, index, trigger, role, words) or None
        if series and index == trigger - 1 and _series_comma(units, index, words):
            return None  # "X arrived in Y on Monday, met Z": X's, read back from the comma
        if _date_comma(units, index):
            index -= 1
            continue
        if not _plain(units[index], words):
            break
        if units[index].lower in words.coordination:
            return None
        if (
            units[index].mention is None
            and units[index].lemma in words.speech
            and not any(u.lower in words.pronoun for u in units[index + 1 : trigger])
        ):
            # "Zelensky said the visitors were welcomed": the speaker is no subject of a
            # clause with its own ("India said it was expelling X" stays India's)
            return []
        index -= 1
    if index >= 0 and units[index].lower in words.coordination and index < trigger - 1:
        return None
    if index < 0 or not _fits(units[index], role):
        return []
    index = _head_of_chain(units, index, role, words)
    found = _group_back(units, index, role, words)
    governed = found[0] and units[found[0] - 1].lower in words.preposition
    opens = found[0] and units[found[0] - 1].lower in words.conjunction and index == trigger - 1
    if governed and not opens:
        return []  # "travel to Moscow next week for talks": Moscow is no subject
    return found  # "after A and B signed": a clause's subject, right before its verb


def _after(
    units: list[Unit], start: int, role: str, words: Words, skip: frozenset[str]
) -> list[int]:
    """The entities right after `start`, across the words of `skip`, nationalities, and a
    title without a name or a kinship word before its holder's name ("by the outgoing foreign
    minister, X", "from his brother, King X")."""
    index = start
    while index < len(units) and index - start <= REACH:
        unit = units[index]
        following = units[index + 1] if index + 1 < len(units) else None
        if _fits(unit, role) and following is not None and following.lower in words.leader:
            return []  # "a summit with the Kremlin boss": a person unnamed, not the Kremlin
        if _owned_thing(units, index, skip, words):
            return []  # "transferred its howitzers to Ukraine": the object is a thing it owns
        if _fits(unit, role):
            return _group_ahead(units, index, role, words)
        nationality = _national(unit)
        if nationality and following is not None and following.lower in words.goods:
            return [index]  # "sanctions on Australian exports": Australia's
        described = index > start and _national(units[index - 1]) and unit.text.islower()
        named_after = _bare_title(unit) or unit.lower in words.kin  # "his brother, King X"
        named_after = named_after or described and unit.lower in skip  # "counterparts, X and Y"
        if named_after and index + 2 < len(units) and units[index + 1].text == ",":
            index += 2  # the apposition's name follows the comma
            continue
        if _paired_nationality(units, index, start, words):
            index += 1  # "his Japanese and South Korean counterparts X and Y"
            continue
        if _possessor(unit) and following is not None and following.text in POSSESSIVE_S:
            index += 2  # "met with Trump's envoy X": the envoy
            continue
        if unit.lower not in skip and not nationality and not _affiliation(unit, following):
            if not (described and following is not None and _person(following)):
                return []  # "met Malian junta leader X", "Malian transitional President X"
        index += 1
    return []


def _owned_thing(units: list[Unit], index: int, skip: frozenset[str], words: Words) -> bool:
    """Whether the unit at `index` is a possessive determiner before a plain noun phrase ("its
    entire stock of howitzers"), not before a filler, a kinship word or a name ("his counterpart
    X", "his guests, X and Y", "his deputy X")."""
    if units[index].lower not in words.owner:
        return False
    after = units[index + 1 : index + 1 + REACH]
    if not after or after[0].lower in skip | words.kin:
        return False
    for unit in after:
        if unit.mention is not None:
            return False
        if not unit.text.isalpha() or unit.lower in words.preposition | words.boundary:
            break
    return after[0].text.isalpha()


def _possessor(unit: Unit) -> bool:
    """Whether a unit is a person named only as the employer of the titled person after its
    "'s" (coref: "Trump's envoy X")."""
    return unit.mention is not None and "possessor" in unit.mention.classes


def _paired_nationality(units: list[Unit], index: int, start: int, words: Words) -> bool:
    """Whether the unit at `index` coordinates two nationalities ("and" in "his Japanese and
    South Korean counterparts"): the counterparts of both are the slot's entities."""
    if index <= start or index + 1 >= len(units) or units[index].text == ",":
        return False
    joined = units[index].lower in words.coordination
    return joined and _national(units[index - 1]) and _national(units[index + 1])


SETTING_WORDS = frozenset({"at", "in"})  # a place phrase between a verb and its object


def _past_setting(units: list[Unit], index: int) -> int:
    """Where a verb's object starts after places and days set between them ("received at
    Al-Yamamah Palace in Riyadh today the President of Senegal"): `index` when none is."""
    while index < len(units):
        mention = units[index].mention
        if mention is not None and mention.date_words is not None:
            index += 1
            continue
        at = place_phrase(units, index, SETTING_WORDS)
        if at is None:
            return index
        index = at + 1
    return index


def _national(unit: Unit) -> bool:
    """Whether a unit is a nationality ("Malian")."""
    return unit.mention is not None and "nationality" in unit.mention.classes


def _affiliation(unit: Unit, following: Unit | None) -> bool:
    """Whether a capitalised word no stage knew stands right before a titled person's name, as
    the body or state the title is of ("met Tesla CEO Elon Musk", "Xyzian President X")."""
    if unit.mention is not None or not unit.text[:1].isupper() or following is None:
        return False
    named = following.mention
    titled = named is not None and (named.title is not None or "group" in named.classes)
    return titled and "person" in named.classes


def _bare_object(units: list[Unit], found: list[int], words: Words) -> bool:
    """Whether a verb's object stands alone: an entity followed by the end of the clause, a
    preposition, a conjunction or a date, not by a noun phrase it would describe ("called Putin
    a war criminal") nor by "'s" ("called China's actions")."""
    if not found:
        return False
    after = found[-1] + 1
    if after >= len(units):
        return True
    unit = units[after]
    dated = unit.mention is not None and unit.mention.date_words is not None
    closing = unit.boundary or unit.text in (".", ",", ";", ":", "!", "?", ")")
    if unit.text in POSSESSIVE_S:
        return False
    return dated or closing or unit.lower in words.preposition | words.coordination


def _possessed_thing(units: list[Unit], found: list[int], words: Words) -> bool:
    """Whether the entities found own a thing named after them ("Turkey's vote"), not people
    who stand for them ("Pakistan's military advisers", `apposition_word`)."""
    after = found[-1] + 1 if found else len(units)
    if after + 1 >= len(units) or units[after].text not in POSSESSIVE_S:
        return False
    owned = units[after + 1 : after + 4]
    if any(u.lemma in words.people or u.lower in words.people for u in owned):
        return False
    return owned[0].mention is None and not owned[0].boundary and owned[0].text.isalpha()


def _bare_title(unit: Unit) -> bool:
    """Whether a unit is a title that names nobody ("the outgoing foreign minister")."""
    mention = unit.mention
    return mention is not None and mention.title is not None and not mention.refs


def _marked(
    units: list[Unit], trigger: int, markers: frozenset[str], role: str, words: Words
) -> list[int]:
    """The entities after the first marker word ("with", "by", "in") later in the trigger's
    clause that one follows."""
    index = trigger + 1
    while index < len(units) and index - trigger <= 2 * REACH:
        unit = units[index]
        topic = units[index - 1].lemma in words.topic and (
            role == "place" or unit.lower in words.sides  # "the war between A and B": the war's
        )
        if unit.lower in markers and not topic:  # "the war in Gaza" is what, not where
            start = index + 1
            if start < len(units) and units[start].lower == "of":
                start += 1  # "in the presence of X"
            found = _after(units, start, role, words, words.filler)
            if found:  # else the next marker: "a tour of Africa in Egypt"
                return found
        closing = _apposition_close(units, index, words)
        if closing is not None:  # "met his counterparts, A and B, in Antalya": on past them
            index = closing + 1
            continue
        if unit.boundary or unit.lower in words.boundary or _next_verb(units, index, words):
            return []
        index += 1
    return []


def _apposition_close(units: list[Unit], index: int, words: Words) -> int | None:
    """The comma closing an apposition of names that opens with the comma at `index` (", A and
    B,", ", including X,"), when a marker word follows it; else None."""
    if units[index].text != ",":
        return None
    inner = index + 1
    while inner < len(units) and units[inner].text != ",":
        unit = units[inner]
        if unit.mention is None and unit.lower not in words.apposed:
            return None
        if unit.mention is not None and "agent" not in unit.mention.classes:
            return None
        inner += 1
    named = any(units[i].mention is not None for i in range(index + 1, inner))
    if not named or inner + 1 >= len(units) or units[inner + 1].lower not in words.preposition:
        return None
    return inner


def _next_verb(units: list[Unit], index: int, words: Words) -> bool:
    """Whether a coordinated verb phrase starts at `index` ("met A and held talks with B"):
    "and" followed by a verb the frames know (a trigger, a speech or support verb) or a
    `verb_opener` ("then");
    the marker after it is that verb's."""
    if units[index].lower not in words.coordination or index + 1 >= len(units):
        return False
    after = units[index + 1]
    return after.mention is None and (after.lemma in words.verbs or after.lower in words.verbs)


def _thing_object(units: list[Unit], trigger: int, skip: frozenset[str], words: Words) -> bool:
    """Whether the verb's object is a plain noun phrase ("a warm welcome", "a dinner")."""
    index = trigger + 1
    while index < len(units) and units[index].lower in skip:
        index += 1
    if index == trigger + 1 or index >= len(units):
        return False
    unit = units[index]
    return unit.mention is None and not unit.boundary and unit.lower not in words.preposition


def _passive(units: list[Unit], trigger: int, words: Words) -> bool:
    """Whether the trigger is a participle after a form of "be" ("was received by"; not "is
    expected to meet"), or one right after the noun it describes with its agent after "by"
    ("the blockade imposed by the United States")."""
    if trigger and units[trigger - 1].lower in words.infinitive:
        return False
    if units[trigger].lower.endswith("ing"):
        return False  # "Erdogan is hosting Putin": a present participle is active
    if any(units[i].lower in words.auxiliary for i in range(max(0, trigger - 3), trigger)):
        return True
    return _reduced_relative(units, trigger, words)


def _reduced_relative(units: list[Unit], trigger: int, words: Words) -> bool:
    """Whether a participle in -ed follows a plain noun and its agent follows "by" ("the
    blockade imposed by the United States against Cuba")."""
    if not trigger or not units[trigger].lower.endswith("ed") or trigger + 2 >= len(units):
        return False
    noun = units[trigger - 1]
    closed = words.determiner | words.preposition | words.auxiliary | words.coordination
    plain = noun.mention is None and noun.text.isalpha() and noun.text.islower()
    agent = trigger + 3 if units[trigger + 2].lower in words.determiner else trigger + 2
    by = units[trigger + 1].lower in words.by and agent < len(units)
    return plain and noun.lower not in closed and by and units[agent].mention is not None


def _needs(units: list[Unit], trigger: int, rule: Rule, rules: RuleSet) -> bool:
    """Whether the words a frame requires are after its trigger ("signed ... agreement"), or
    before it in the passive ("the agreement was signed")."""
    wanted = rule.get("requires")
    if not wanted:
        return True
    lemmas = _class_words(rules, wanted)
    near = _clause_ahead(units, trigger, rules.boundary)
    if _passive(units, trigger, _compiled(rules)[0]):  # "the accord was signed by": before it
        near = [*units[max(0, trigger - REACH) : trigger], *near]
    media = rules.word_class("medium_word")  # "wrote on Telegram that": the medium, no letter
    after = {id(b) for a, b in zip(units, units[1:], strict=False) if a.lower in media}
    return any((u.lemma in lemmas or u.lower in lemmas) and id(u) not in after for u in near)


def _clause_ahead(units: list[Unit], trigger: int, boundary: frozenset[str]) -> list[Unit]:
    """The units after a trigger, up to twice `REACH`, to its clause's end ("will provide X
    with an additional $2 billion in military aid")."""
    ahead = []
    for unit in units[trigger + 1 : trigger + 1 + 2 * REACH]:
        if unit.boundary or unit.lower in boundary:
            break
        ahead.append(unit)
    return ahead


def _class_words(rules: RuleSet, names: list[str]) -> set[str]:
    """The words of some lexicon classes (a frame's `requires` or `unless`)."""
    return {w for name in names for w in rules.classes.get(name, ())}


def _ruled_out(units: list[Unit], trigger: int, rule: Rule, rules: RuleSet) -> bool:
    """Whether a word of the frame's `unless` classes follows the trigger's object, or ends it
    ("called on Russia to withdraw" is an appeal, not a call on someone; "welcomes Indian
    companies" no guests)."""
    unwanted = rule.get("unless")
    if not unwanted:
        return False
    words = _compiled(rules)[0]
    lemmas = _class_words(rules, unwanted)
    for index in range(trigger + 1, min(len(units), trigger + 1 + REACH)):
        unit = units[index]
        if unit.boundary or unit.lower in words.boundary:
            return False
        if unit.mention is not None and unit.mention.date_words is None:  # the object
            if unit.lower.rsplit(" ", 1)[-1] in lemmas:
                return True
            last = _coordinated_end(units, index)  # "a call on A and B to work for peace"
            after = units[last + 1] if last + 1 < len(units) else None
            then = units[last + 2] if last + 2 < len(units) else None
            if then is not None and then.lemma in rules.word_class("topic_verb"):
                return False  # "called on X to discuss trade": a visit for talks, no appeal
            return after is not None and (after.lemma in lemmas or after.lower in lemmas)
    return False


def _coordinated_end(units: list[Unit], index: int) -> int:
    """The last mention of the group a mention opens ("A, B and C"): read on over commas and
    "and"/"or" while a mention follows."""
    while True:
        step = index + 1
        while step < len(units) and units[step].lower in (",", "and", "or"):
            step += 1
        if step == index + 1 or step >= len(units) or units[step].mention is None:
            return index
        if units[step].mention.date_words is not None:
            return index
        index = step


def _determiner(units: list[Unit], trigger: int, words: Words) -> int | None:
    """The determiner that makes the trigger a noun ("an official visit", "Xi's first trip",
    "his three-day visit"), read back over the plain words between; None for a verb."""
    index, reach = trigger - 1, REACH
    past = units[trigger].lower != units[trigger].lemma and not units[trigger].lower.endswith("s")
    while index >= 0 and trigger - index <= reach:
        unit = units[index]
        if unit.lower in words.determiner:
            if index > 0 and units[index - 1].lower in words.article:
                index -= 1  # "a three-day visit": the article, not the number word
            return index
        joined = _compound_part(units, index)
        if joined:  # "their first face-to-face talks": a compound is one plain word
            reach += joined > 1
            index -= 1
            continue
        if not past and _place_modifier(units, index, words):
            index -= 1  # "the Riyadh talks", "their Ankara meeting": the place names the event
            continue
        if not _plain(unit, words) or unit.mention is not None or unit.lower in words.auxiliary:
            return None
        if past and unit.lower in words.coordination:
            return None  # "welcomed the guests and later met X": a verb after "and"
        if unit.lower == "of" and index and units[index - 1].lower in words.measure:
            index -= 2  # "a second round of talks", "more than an hour of talks"
            continue
        if unit.lower in words.preposition or not (unit.lower[:1].isalnum() or unit.text == "-"):
            return None
        index -= 1
    return None


def _place_modifier(units: list[Unit], index: int, words: Words) -> bool:
    """Whether the unit is one city named right after a determiner ("the Geneva talks"; not
    "that Moscow and Kyiv must talk")."""
    mention = units[index].mention
    return (
        mention is not None
        and "city" in mention.classes
        and len(mention.refs) == 1
        and index > 0
        and units[index - 1].lower in words.determiner
    )


def _owner_of_number(units: list[Unit], determiner: int, words: Words) -> int | None:
    """The possessive before a number word read as a noun's determiner ("his two-day visit":
    his), else None."""
    owner = determiner - 1
    plain = units[determiner].lower not in words.article | words.possessive
    if owner >= 0 and plain and units[owner].lower in words.possessive and _set_off(units, owner):
        return owner
    return None


SET_OFF_REACH = 5  # units from a comma (or the sentence's start) to a phrase it sets off


def _set_off(units: list[Unit], index: int) -> bool:
    """Whether the phrase at `index` opens the sentence or follows a comma across a word or two
    ("During his visit", ", concluding his visit", ", the last day of his visit"; not
    "welcomed X on his visit": a name between)."""
    start = max(0, index - SET_OFF_REACH)
    commas = [i for i in range(start, index) if units[i].text == ","]
    if not commas and index > SET_OFF_REACH:
        return False
    return all(u.mention is None for u in units[(commas[-1] if commas else 0) : index])


def _glued_hyphen(units: list[Unit], at: int) -> bool:
    """Whether the unit at `at` is a hyphen written without spaces ("in-person")."""
    hyphen = 0 < at < len(units) and units[at].text in HYPHENS
    return hyphen and not units[at - 1].space and not units[at].space


def _compound_part(units: list[Unit], index: int) -> int:
    """How the unit at `index` stands in a plain word hyphenated without spaces ("in-person",
    "face-to-face"): 1 its first word, 2 a hyphen or a later word, 0 none."""
    if units[index].mention is not None:
        return 0
    if _glued_hyphen(units, index) or _glued_hyphen(units, index - 1):
        return 2
    return 1 if _glued_hyphen(units, index + 1) else 0


def _dates_phrase(units: list[Unit], index: int, trigger: int, words: Words) -> bool:
    """Whether the unit at `index` is a date that dates the event told after it ("a day
    after") with only support verbs between it and the trigger ("holding talks")."""
    mention = units[index].mention
    if mention is None or NEXT_EVENT not in mention.classes:
        return False
    between = units[index + 1 : trigger]
    return all(
        u.mention is None and (u.lemma in words.support or u.lower in words.support)
        for u in between
    )


def _dated_phrase_subject(
    units: list[Unit], dated: int, determiner: int, role: str, words: Words
) -> list[int]:
    """Whose event a noun phrase with no subject after a date that dates it is ("Lula arrived
    in Shanghai, a day after holding talks with Xi": Lula's; "A day after holding talks with
    Xi, Lula flew": Lula's): the main clause's subject, before the date or after the comma
    that closes the opening phrase."""
    if dated:
        return _main_subject(units, dated, role, words)
    comma = next((i for i in range(determiner, len(units)) if units[i].text == ","), None)
    if comma is not None and comma + 1 < len(units) and _fits(units[comma + 1], role):
        return _group_ahead(units, comma + 1, role, words)
    return []


def _noun_subject(units: list[Unit], determiner: int, role: str, words: Words) -> list[int] | None:
    """Who a noun's event is of: the possessor ("Xi's"), the nearest person before a possessive
    determiner ("his"), or the subject of the clause the phrase stands in, read back over
    auxiliaries, prepositions and support verbs ("Oli, who is on an official visit", "Lula will
    pay a state visit"); None (the article's
    previous subject) when that entity follows a preposition ("arrived in Armenia on a visit")."""
    lower = units[determiner].lower
    if lower in words.plural_possessive:  # "A and B held their annual consultations"
        fronted = _fronted_subject(units, determiner, role, words, governor=0)
        many = sum(len(units[i].mention.agents) for i in fronted if units[i].mention) > 1
        if determiner == 1 and many:  # "During their meeting, A and B agreed": the
            return fronted  # main clause's subjects ("During their visit, Kim ...": not his)
        return _main_subject(units, determiner, role, words) or None
    if lower in words.possessive:  # "X met Y ... on his visit": the subject's, not the object's
        people = [i for i in range(determiner) if _person(units[i])]
        main = [i for i in _main_subject(units, determiner, role, words) if _person(units[i])]
        if not main and not people:  # "During his visit to Beijing, Dar held talks": Dar's
            fronted = _fronted_subject(units, determiner, role, words, governor=0)
            return [i for i in fronted if _person(units[i])][:1] or None
        return main[:1] or ([people[-1]] if people else None)
    if determiner and units[determiner].text[:1] in "'’" and _fits(units[determiner - 1], role):
        return _group_back(units, determiner - 1, role, words)
    crossable = words.auxiliary | words.preposition | words.filler
    index, infinitive = determiner - 1, None
    while index >= 0 and determiner - index <= REACH:
        unit = units[index]
        dated = unit.mention is not None and unit.mention.date_words is not None
        support = unit.mention is None and (
            unit.lemma in words.support or unit.lower in words.support
        )
        if not dated and not support and unit.lower not in crossable:
            break
        if dated and NEXT_EVENT in unit.mention.classes:  # "..., a day after holding talks"
            return _dated_phrase_subject(units, index, determiner, role, words) or None
        if unit.lower in words.infinitive and _supports(units, index + 1, words):
            infinitive = index  # "flew to Brussels to attend a meeting": the flyer's
        index -= 1
    if infinitive is not None and index >= 0 and not _person(units[index]):  # not "invited X to"
        controller = _controller(units, infinitive, role, words)
        if controller:
            return controller
    if 0 <= index < determiner - 1 and units[index].lower in words.joiner:
        # "X laid a wreath at Y and paid a courtesy call on Z": the earlier verb's subject
        joined = units[index + 1].mention is None and units[index + 1].lemma in words.support
        earlier = _earlier_subject(units, index, role, words) if joined else []
        if earlier:
            return earlier
    purposed = determiner and units[determiner - 1].lower in words.purpose
    purposed = purposed and role != "traveller"  # "arrived in X for a visit": the arrival's own
    if purposed and index >= 0 and not _person(units[index]):  # "flew to X for a meeting of Y"
        main = _main_subject(units, determiner, role, words)
        if main:
            return main
    if _after_participle(units, index, determiner, words) and lower in words.article:
        # "left Paris on Tuesday, wrapping up a three-day visit": the main clause's subject
        main = [i for i in _main_subject(units, index, role, words) if _person(units[i])]
        if main:
            return main[:1]
    if index < 0 and role == "traveller" and lower in words.article:
        # "On a visit to Beijing, Ruto met Xi": the main clause's subject, as for "his visit"
        fronted = _fronted_subject(units, determiner, role, words, governor=0)
        return [i for i in fronted if _person(units[i])][:1] or None
    if index < 0 or not _fits(units[index], role):
        return _trailing_subject(units, index, determiner, role, words)
    found = _group_back(units, index, role, words)
    after = units[index + 1] if index + 1 < len(units) else None
    acts = after is not None and (after.lemma in words.support or after.lower in words.support)
    if found[0] and units[found[0] - 1].lower in words.preposition and not acts:
        # "arrived in Armenia on a visit": the article's previous subject's; "X expressed
        # condolences to Y in a phone conversation": the clause's subject X's (a person after a
        # preposition is an addressee, no place); not "before the two leaders held talks"
        addressee = all(_person(units[i]) for i in found)
        return (addressee and _trailing_subject(units, index, determiner, role, words)) or None
    verb = units[found[0] - 1].lemma if found[0] else ""
    if found[0] > 1 and units[found[0] - 2].lower in words.article:
        verb = ""  # "The visiting Chinese minister paid a courtesy call": an adjective
    if verb in words.transitive:
        # "will visit A, B and C on a tour": the verb's objects are not the tourists, and the
        # verb tells their tour; "X met Y during a visit to Z": the clause's subject's visit
        # (not "X welcomed Y on his three-day visit": read from the article's previous subject)
        if f"{verb}:{role}" in words.subjects or lower not in words.article:
            return None
        return _main_subject(units, found[0] - 1, role, words) or None
    return found


def _supports(units: list[Unit], index: int, words: Words) -> bool:
    """Whether the unit at `index` is a support verb ("attend" of "to attend a meeting")."""
    unit = units[index] if index < len(units) else None
    return unit is not None and unit.mention is None and unit.lemma in words.support


def _trailing_subject(
    units: list[Unit], index: int, determiner: int, role: str, words: Words
) -> list[int]:
    """The main subject, for a noun phrase read back to a verb at `index` that trails its
    clause after a `trailing_governor` ("X flew home on Monday after a two-day visit to Y"),
    with no comma between that subject and the phrase (not "Analysts said ..., coming weeks
    after a summit of X"); else none, as for a noun told before ("A and B inked a deal during
    the visit": the visit's travellers are not the clause's subjects)."""
    if role == "traveller" and units[determiner].lower in words.definite:
        return []
    governed = any(units[i].lower in words.trailing for i in range(index + 1, determiner))
    found = _main_subject(units, index + 1, role, words) if index >= 0 and governed else []
    if not found or any(u.text == "," for u in units[found[-1] : determiner]):
        return []
    return found


def _another_with(units: list[Unit], found: list[int], words: Words) -> list[int]:
    """The entity of a second `with` phrase coordinated with the first ("held talks in London
    with A and in Paris with B": B), read across "and" and a place phrase; [] when none."""
    if not found:
        return []
    index = _past_place(units, found[-1] + 1, words)  # "with A in Cairo and with B"
    if index < len(units) and units[index].text == ",":
        index += 1
    if index >= len(units) or units[index].lower not in words.coordination:
        return []
    index = _past_place(units, index + 1, words)  # "and in Paris with B"
    if index + 1 >= len(units) or units[index].lower not in words.with_:
        return []
    return _after(units, index + 1, "participant", words, words.filler)


def _past_place(units: list[Unit], index: int, words: Words) -> int:
    """The index after a place phrase ("in Paris") that starts at `index`, else `index`."""
    if index + 1 < len(units) and units[index].lower in words.preposition:
        mention = units[index + 1].mention
        if mention is not None and "place" in mention.classes:
            return index + 2
    return index


def _clause_objects(units: list[Unit], subject: list[int], opening: int, words: Words) -> list[int]:
    """The people between a clause's subject and an event noun phrase that trails it from
    `opening` ("X told Y during their talks", "X raised it with Y during talks", "X expressed
    condolences to Y in a phone conversation"): the event's others, not one an
    `absent_party_marker` names ("a message from Biden to Xi"); none across a comma."""
    if not subject or subject[-1] >= opening:
        return []
    between = units[subject[-1] + 1 : opening]
    if any(u.text == "," or u.boundary for u in between):
        return []
    return [
        i
        for i in range(subject[-1] + 1, opening)
        if _person(units[i]) and units[i - 1].lower not in words.absent
    ]


def _person(unit: Unit) -> bool:
    """Whether a unit names a person."""
    return unit.mention is not None and "person" in unit.mention.classes


def _compiled(rules: RuleSet) -> tuple[Words, dict[str, list[Rule]]]:
    """The frame grammar's words and the frames by trigger lemma (made once per rule set)."""
    found = rules.derived.get("frames")
    if found is None:
        by_lemma: dict[str, list[Rule]] = {}
        for rule in rules.rules.get("frames") or []:
            for lemma in rule.get("triggers") or ():
                by_lemma.setdefault(str(lemma), []).append(rule)
        objects = {
            str(lemma)
            for rule in rules.rules.get("frames") or []
            if (rule.get("slots") or {}).get("object") and not rule.get("noun")
            for lemma in rule.get("triggers") or ()
        } | set(rules.classes.get("topic_verb", ()))  # "discussed Syria during a call"
        verbs = set(by_lemma) | set(rules.classes.get("statement_verb", ()))
        verbs |= set(rules.classes.get("support_verb", ())) | set(
            rules.classes.get("verb_opener", ())
        )
        subjects = {
            f"{lemma}:{(rule.get('slots') or {}).get('subject')}"
            for rule in rules.rules.get("frames") or []
            if (rule.get("slots") or {}).get("object") and not rule.get("noun")
            for lemma in rule.get("triggers") or ()
        }
        words = replace(
            _words(rules),
            transitive=frozenset(objects),
            subjects=frozenset(subjects),
            verbs=frozenset(verbs),
        )
        found = rules.derived["frames"] = (words, by_lemma)
    return found


def _marks_role(units: list[Unit], trigger: int, rule: Rule, role: str, words: Words) -> bool:
    """Whether one of the frame's `markers` that fills `role` finds an entity ("between")."""
    markers = frozenset(str(m) for m, r in (rule.get("markers") or {}).items() if str(r) == role)
    return bool(markers) and bool(_marked(units, trigger, markers, role, words))


def _sides_next(units: list[Unit], trigger: int, words: Words) -> bool:
    """Whether a `sides_marker` follows the trigger at once ("talks between"): a noun whose
    parties the marker gives, whatever the words before it."""
    return trigger + 1 < len(units) and units[trigger + 1].lower in words.sides


def frame_match(units: list[Unit], trigger: int, rule: Rule, rules: RuleSet) -> Match | None:
    """The match a frame makes at a trigger, or None when it fills no role. A verb frame fires
    on a trigger with no determiner before it, a noun frame (`noun: true`) on one with."""
    words = _compiled(rules)[0]
    determiner = _determiner(units, trigger, words)
    if determiner is not None and _reduced_relative(units, trigger, words):
        determiner = None  # "the trade embargo imposed by the EU": a verb, not a noun
    governor = _bare_governor(units, trigger, words) if determiner is None else None
    if (determiner is not None or governor is not None) != bool(rule.get("noun")):
        return None  # a noun after a determiner or a `fronting_word` ("after talks in Minsk")
    following = units[trigger + 1].mention if trigger + 1 < len(units) else None
    if determiner is not None and following is not None and following.date_words is None:
        return None  # "the visiting premier": an adjective
    if not _needs(units, trigger, rule, rules) or _ruled_out(units, trigger, rule, rules):
        return None
    if rule.get("purpose"):
        return _purpose_match(units, trigger, rule, rules)
    if rule.get("place_adjacent") and not _place_next(units, trigger, rule, rules):
        return None
    slots = dict(rule.get("slots") or {})
    noun = determiner is not None or governor is not None
    if not noun and _passive(units, trigger, words) and rule.get("passive"):
        slots = dict(rule.get("passive"))
    roles: dict[str, list[int]] = {}

    def fill(role: str | None, found: list[int]) -> None:
        """Add found units to a role."""
        if role and found:
            roles.setdefault(role, []).extend(i for i in found if i not in roles.get(role, []))

    shared = False
    series = bool(rule.get("series"))  # "X arrived in Y, met Z": X's too
    apart: dict[str, list[int]] = {}
    if slots.get("subject"):
        marked = _marks_role(units, trigger, rule, slots["subject"], words)
        if marked and (governor is not None or _sides_next(units, trigger, words)):
            subject = []  # "after talks between Iran and Saudi Arabia", "backed continued
            # talks between Brussels and Beijing": the two, not the clause's subject
        elif governor is not None:
            subject = _bare_subject(units, trigger, governor, slots["subject"], words)
        elif determiner is None:
            subject = _subject(units, trigger, slots["subject"], words, series)
        else:
            subject = _noun_subject(units, determiner, slots["subject"], words)
        joiner = _joining_and(units, trigger, words, series) if subject is None else None
        if joiner is not None:  # "visited Warsaw and met Tusk": the earlier phrase's subject
            subject = _earlier_subject(units, joiner, slots["subject"], words, series) or None
        shared = subject is None
        if not subject:  # "After talks with Xi in Beijing, Macron said ...": the main subject
            subject = _fronted_subject(units, trigger, slots["subject"], words) or subject
            shared = subject is None
        owner = None if determiner is None else _owner_of_number(units, determiner, words)
        if not subject and owner is not None:  # "during his two-day visit": his
            subject = _noun_subject(units, owner, slots["subject"], words)
            shared = subject is None
        fill(slots["subject"], subject or [])
    if slots.get("object") and not noun:
        skip = words.filler | frozenset(rule.get("object_words") or ())
        found = _after(units, trigger + 1, slots["object"], words, skip)
        setting = _past_setting(units, trigger + 1)
        if not found and setting > trigger + 1:  # "received at Al-Yamamah Palace in Riyadh
            found = _after(units, setting, slots["object"], words, skip)  # today X" (SPA)
        party = slots["object"] != "place"  # "toured the headquarters ... in Manila" is a visit
        thing = not found and party and _thing_object(units, setting - 1, skip, words)
        if thing and not _marks_role(units, trigger, rule, slots["object"], words):
            return None  # "received (on Sunday) a warm welcome": the object is a thing, not a
            # party; one a marker names is not ("conferred the Order of X on Y")
        if party and _possessed_thing(units, found, words):
            return None  # "welcomed Turkey's vote": the object is Turkey's vote
        if rule.get("requires_object") and not _bare_object(units, found, words):
            return None  # "called for calm", "called them baseless", "called China's actions"
        fill(slots["object"], found)
    opening = determiner if determiner is not None else governor  # where a noun's phrase opens
    definite = determiner is not None and units[determiner].lower in words.definite
    for slot, markers in (("with", words.with_), ("by", words.by)):
        if slots.get(slot) and (slot == "with" or not noun):
            found = _marked(units, trigger, markers, slots[slot], words)
            if not found and slot == "with" and opening is not None and not definite:
                found = _clause_objects(units, roles.get(slots.get("subject"), []), opening, words)
            more = _another_with(units, found, words) if slot == "with" else []
            fill(slots[slot], found + more)
            if more:  # "talks in London with A and in Paris with B": one with each
                apart[slots[slot]] = found + more
    if slots.get("by") and noun:  # "a visit by Xi", "a meeting of the NSC", "mediation by Qatar"
        nearby = units[trigger + 1 : trigger + 4]
        marker = next((i for i, u in enumerate(nearby) if u.lower in words.noun_by), None)
        if marker is not None:
            start = trigger + 2 + marker
            fill(slots["by"], _after(units, start, slots["by"], words, words.filler))
    for marker, role in (rule.get("markers") or {}).items():  # "imposed sanctions on X"
        fill(str(role), _marked(units, trigger, frozenset({str(marker)}), str(role), words))
    places = frozenset(rule.get("place_words") or ())
    if places:
        fill("place", _marked(units, trigger, places, "place", words))
    if rule.get("requires_place") and "place" not in roles:
        return None
    if not roles or set(roles) == {"place"} and not shared:
        return None
    if shared:  # the subject of the sentence's previous event ("... and was received by")
        defaults = {slots["subject"]: "previous_subject"}
        rule = Rule(
            rule.id, rule.section, rule.source, rule.line, {**rule.data, "defaults": defaults}
        )
    after = {r for r, found in roles.items() if any(i > trigger for i in found)}  # objects'
    pattern = Pattern(rule, 0, ())
    every = [trigger, *(i for v in roles.values() for i in v)]
    match = Match(pattern, min(every), max(every) + 1, trigger, roles)
    if separate(units, trigger, rules):  # "met A and B separately": one event with each
        match.distribute.update(r for r in (slots.get("object"), slots.get("with")) if r in after)
    match.distribute.update(apart)
    match.spread.update(i for found in apart.values() for i in found)
    return match


def separate(units: list[Unit], trigger: int, rules: RuleSet) -> bool:
    """Whether the trigger's parties met one by one: a plural event noun ("bilateral meetings
    with A and B") or a `separate_word` later in its clause ("met A and B separately")."""
    if units[trigger].lower in rules.classes.get("plural_event_noun", ()):
        return True
    return word_in_clause(units, trigger, "separate_word", rules)


def joined_phrase(units: list[Unit], trigger: int, rules: RuleSet) -> bool:
    """Whether the trigger opens a verb phrase joined to an earlier one of its sentence by
    "and", a series comma or a participle's comma ("said ... and accused", "..., accusing")."""
    if trigger >= 1 and units[trigger - 1].text == "," and units[trigger].lower.endswith("ing"):
        return True
    return _joining_and(units, trigger, _compiled(rules)[0], series=True) is not None


def word_in_clause(units: list[Unit], trigger: int, word_class: str, rules: RuleSet) -> bool:
    """Whether a word of the class follows the trigger in its clause."""
    words = rules.word_class(word_class)
    for unit in units[trigger + 1 :]:
        if unit.boundary or unit.lower in rules.boundary:
            return False
        if unit.lower in words:
            return True
    return False


def _place_next(units: list[Unit], trigger: int, rule: Rule, rules: RuleSet) -> bool:
    """Whether a place word and a place follow the trigger, across `presence_adverb` words only
    ("is currently in Johannesburg"; not "is ready to sign the deal in Paris")."""
    adverbs = rules.word_class("presence_adverb")
    index = trigger + 1
    while index < len(units) and units[index].lower in adverbs:
        index += 1
    places = frozenset(rule.get("place_words") or ())
    at = index + 1 if index < len(units) and units[index].lower in places else None
    return at is not None and at < len(units) and _fits(units[at], "place")


def _purpose_match(units: list[Unit], trigger: int, rule: Rule, rules: RuleSet) -> Match | None:
    """The match of a purpose frame: its trigger after a `purpose_word` ("received X for
    talks"), across up to two plain modifiers ("for informal talks", "for official talks"),
    its parties those of the sentence's previous event (`previous_parties`)."""
    words = rules.classes.get("purpose_word", ())
    start = next(
        (
            i
            for i in range(trigger - 1, max(-1, trigger - 4), -1)
            if units[i].lower in words and all(_modifier(u) for u in units[i + 1 : trigger])
        ),
        None,
    )
    if start is None:
        return None
    role = (rule.get("slots") or {}).get("subject", "participant")
    defaults = {role: "previous_parties"}
    rule = Rule(rule.id, rule.section, rule.source, rule.line, {**rule.data, "defaults": defaults})
    return Match(Pattern(rule, 0, ()), start, trigger + 1, trigger, {})


def _modifier(unit: Unit) -> bool:
    """Whether a unit is a plain lower-case word ("informal", "bilateral", "two-day")."""
    return unit.mention is None and unit.text[:1].islower() and unit.text.replace("-", "").isalpha()


def _better(frame: Match, pattern: Match) -> bool:
    """Whether a frame match replaces the pattern match at its trigger: its rule has a higher
    priority ("was met by X": frame.met-by), or the same and it fills more roles."""
    mine, theirs = int(frame.rule.get("priority", 0)), int(pattern.rule.get("priority", 0))
    return mine > theirs or (mine == theirs and frame.filled > pattern.filled)


def frame_matches(units: list[Unit], rules: RuleSet, matches: list[Match]) -> list[Match]:
    """The pattern matches, with frame matches added at the triggers no pattern match covers
    and put in place of a pattern match at the same trigger that fills fewer roles."""
    words, by_lemma = _compiled(rules)
    # a frame trigger before a subject read back from elsewhere is its own verb phrase
    # ("Biden hosted Ruto and said ...": the hosting stays a frame of its own)
    spans = {i for m in matches for i in range(_own_start(units, m, words), match_end(m))}
    share_subjects(units, rules, matches)
    candidates = {  # a word is looked up in full only when its lemma or form is a trigger
        i: _frames_at(u, by_lemma)
        for i, u in enumerate(units)
        if u.mention is None and (u.lemma in by_lemma or u.lower in by_lemma)
    }
    triggers = [i for i, found in candidates.items() if found]
    if not triggers:
        return matches
    at_trigger = {m.trigger: m for m in matches}
    covered = spans - set(at_trigger)
    infinitive = words.infinitive
    relative = who_clause_words(units)  # read again as clauses of their own, with a subject
    for index in triggers:
        if units[index].boundary:
            continue
        blocked = index in covered and not _may_supersede(at_trigger, index, candidates[index])
        if blocked and not any(r.get("purpose") for r in candidates[index]):
            continue
        if (
            index
            and units[index - 1].lower in infinitive
            and _complement(at_trigger, index, rules, units)
        ):
            continue  # "invited Putin to visit": the complement of an event already matched
        for rule in candidates[index]:
            # a purpose ("received X for talks in Y") is its own event under the host's place
            if blocked and not rule.get("purpose"):
                continue
            match = frame_match(units, index, rule, rules)
            current = at_trigger.get(index)
            covering = index in covered and not rule.get("purpose")
            if match is not None and covering and not _supersedes(at_trigger, match):
                continue
            if match is not None and (current is None or _better(match, current)):
                match.purpose = _purpose(at_trigger, index, units, infinitive)
                at_trigger[index] = match
                covered.update(range(match.start, match.end))
                _supersede(at_trigger, match)
                break
    # "thanked X, who hosted Y", "greetings from X, who made a visit to Y and held talks with Z":
    # a match of the clause alone is left to the clause read on its own, with X as its subject
    # (pipeline: relative_clauses); one that reaches X or before it stays, and so does one whose
    # rule reads a role from the sentence ("X, who is visiting at the invitation of Y": X's)
    kept = (
        m
        for m in at_trigger.values()
        if m.trigger not in relative
        or m.rule.get("defaults")
        or any(i < relative[m.trigger] for found in m.roles.values() for i in found)
    )
    return sorted(kept, key=lambda m: m.trigger)


def _complement(
    at_trigger: dict[int, Match], index: int, rules: RuleSet, units: list[Unit]
) -> bool:
    """Whether an infinitive at `index` completes the event matched right before it ("invited
    Putin to visit"), rather than naming the purpose of a kind with `purposes: true` ("flew to
    Berlin to meet Scholz": a meeting of its own) or standing in a clause of its own."""
    before = [t for t in at_trigger if t < index]
    if not before:
        return False
    previous = at_trigger[max(before)]
    between = [u.text for u in units[previous.end : index - 1]]
    if "," in between and "and" in between:
        return False  # "... ratified the treaty, and the Sejm voted to ratify it": its own clause
    kind = previous.rule.get("kind")
    return not rules.kinds.get(kind, {}).get("purposes")


def _purpose(at_trigger: dict[int, Match], index: int, units: list[Unit], to: frozenset) -> bool:
    """Whether the trigger at `index` is an infinitive after an event's trigger: that event's
    purpose ("flew to Berlin to meet Scholz"), not the complement of a plain verb ("is due to
    leave")."""
    return index > 0 and units[index - 1].lower in to and any(t < index for t in at_trigger)


def _frames_at(unit: Unit, by_lemma: dict[str, list[Rule]]) -> list[Rule]:
    """The frames a word may trigger, by its lemma and by its own form ("meeting", whose lemma
    is "meet", triggers the noun frame of meetings)."""
    found = list(by_lemma.get(unit.lemma, ()))
    if unit.lower != unit.lemma:
        found += [r for r in by_lemma.get(unit.lower, ()) if r not in found]
    return found


def _covering(at_trigger: dict[int, Match], index: int) -> list[Match]:
    """The pattern matches whose span holds a unit."""
    return [
        m for m in at_trigger.values() if m.start <= index < match_end(m) and m.trigger != index
    ]


def _may_supersede(at_trigger: dict[int, Match], index: int, frames: list[Rule]) -> bool:
    """Whether a trigger inside pattern matches is worth a frame: one is of its kinds."""
    kinds = {f.get("kind") for f in frames}
    return any(m.rule.get("kind") in kinds for m in _covering(at_trigger, index))


def _supersedes(at_trigger: dict[int, Match], frame: Match) -> bool:
    """Whether a frame at a covered trigger replaces the pattern matches of its kind covering
    it: there is one, and each fills fewer roles (other kinds stay beside it)."""
    kind, filled = frame.rule.get("kind"), frame.filled
    same = [m for m in _covering(at_trigger, frame.trigger) if m.rule.get("kind") == kind]
    return bool(same) and all(m.filled < filled for m in same)


def _supersede(at_trigger: dict[int, Match], frame: Match) -> None:
    """Drop the pattern matches of the frame's kind whose trigger lies inside the frame and
    that fill fewer roles ("Vucic hosted an official welcome ceremony for Xi": one ceremony)."""
    kind = frame.rule.get("kind")
    for trigger, match in list(at_trigger.items()):
        inside = frame.start <= trigger < frame.end and match is not frame
        if inside and match.rule.get("kind") == kind and match.filled < frame.filled:
            del at_trigger[trigger]
