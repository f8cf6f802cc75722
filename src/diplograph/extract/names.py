"""Unknown-name stage: runs of capitalised words that no earlier stage recognised become new
entities, typed by their head word or their context, without a statistical model.

Reads a sentence's units after the gazetteer, title and body stages and the word lists of
mappings/rules/names.yaml (`gazetteer:` keys); merges each run it types into one mention unit and
adds a NewEntity (low confidence) to the article's list, so that later mentions reuse it:
  * a head word names the type: "Supreme State Council" (a government body), "Solidarity Party",
    "Pilsudski Square", "Tomb of the Unknown Soldier" (a place); event and document names
    ("Victory Day", "Treaty of ...") are no entities;
  * an honorific before the run makes a person ("Comrade Kim Tok Hun", "Sheikh Tamim");
  * a dateline's credit makes a news agency ("KHUJAND, March 31 (Khovar) -");
  * a place preposition or noun before it makes a place ("in Kostanay", "the town of Ahal");
  * otherwise two to four capitalised words inside a sentence are a person's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rdflib import URIRef
from spacy.lang.en.stop_words import STOP_WORDS

from diplograph.extract.dates import dateline_opening
from diplograph.extract.mentions import NewEntity, named_in_full
from diplograph.extract.rules import RuleSet
from diplograph.extract.sentences import (
    HYPHENS,
    Mention,
    Unit,
    hyphen_joined,
    merge,
    syllable_end,
)
from diplograph.iris import entity_iri

NAME_CONFIDENCE = 0.4
BODY_KINDS = frozenset({"GovernmentBody", "PoliticalParty", "Organisation"})
RANKED_KINDS = frozenset({"GovernmentBody", "Organisation"})  # bodies a rank may follow
OPENERS = frozenset({"“", '"', "‘", "'", "(", "—", "-", "–"})
DASHES = frozenset({"--", "—", "–", "-"})  # a dateline's dash before the story opens
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
QUOTES_OPEN = frozenset({"“", '"', "‘", "'"})
QUOTES_CLOSE = frozenset({"”", '"', "’", "'"})


@dataclass(frozen=True)
class Vocabulary:
    """The word lists that type a run."""

    heads: dict[str, str]  # head word -> entity kind ("" for names that are no entity)
    honorifics: frozenset[str]
    particles: frozenset[str]
    place_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    not_name_words: frozenset[str]
    person_cues_after: frozenset[str]
    dedication_words: frozenset[str] = frozenset()  # "monument to X", "mausoleum of X"
    hyphen_suffixes: frozenset[str] = frozenset()  # "Saudi-led": no syllable of a name
    openers: frozenset[str] = frozenset()  # "Later Ri Il-hwan said": no part of the name
    body_heads: frozenset[str] = frozenset()  # heads of bodies ("office": a place or a body)
    possessives: frozenset[str] = frozenset()  # "People" of "National People's Congress"
    bare_heads: frozenset[str] = frozenset()  # "the Government", "the Forum" alone: no name
    leading_site_heads: frozenset[str] = frozenset()  # "Istana Negara", "Zoo Negara": a site
    not_before_people: frozenset[str] = frozenset()  # "the Nankai Trough": no one's name
    site_joins: frozenset[str] = frozenset()  # "on" of "X Mausoleum on Y Square": two sites
    credit_opens: frozenset[str] = frozenset()  # "(" of a dateline's "March 31 (Khovar) -"
    credit_closes: frozenset[str] = frozenset()  # ")" or a dash after the agency's name
    capital_honorifics: frozenset[str] = frozenset()  # "His Majesty", not "his European tour"
    cues_before: dict[tuple[str, ...], str] = field(default_factory=dict)  # "news agency" X
    cues_after: dict[str, str] = field(default_factory=dict)  # X "party"
    venue_heads: frozenset[str] = frozenset()  # "at the National Convention Centre": a place
    affiliates: frozenset[str] = frozenset()  # "a scientist at X University": the body
    body_epithets: frozenset[str] = frozenset()  # "Royal" of "Royal Thai Army"
    city_site_heads: frozenset[str] = frozenset()  # "the Rafah crossing": a site of the city
    site_heads: frozenset[str] = frozenset()  # "Bogor Palace": a capitalised site of the city
    patronymics: frozenset[str] = frozenset()  # "bin" of "Tamim bin Hamad bin Khalifa Al Thani"
    upper_honorifics: frozenset[str] = frozenset()  # "HE", as written: not "He Lifeng"
    given_cues: frozenset[str] = frozenset()  # "Said" of "Said Abdullahi Deni": a given name
    bare_body_words: frozenset[str] = frozenset()  # "Ministry" opening "Ministry spokesperson X"
    inner: frozenset[str] = frozenset()  # "of", "the" of "Ministry of the Interior": no name word


KIND_OF_LIST = (
    ("not_entity_heads", ""),
    ("site_heads", "Place"),
    ("region_heads", "Place"),
    ("party_heads", "PoliticalParty"),
    ("organisation_heads", "Organisation"),
    ("government_heads", "GovernmentBody"),
)
# kind -> (IRI segment, the entity classes of its mentions)
KINDS = {
    "Person": ("person", frozenset({"person", "agent"})),
    "Place": ("place", frozenset({"place"})),
    "GovernmentBody": ("org", frozenset({"org", "agent"})),
    "PoliticalParty": ("org", frozenset({"org", "party", "agent"})),
    "Organisation": ("org", frozenset({"org", "agent"})),
    "NewsAgency": ("org", frozenset({"agency", "org", "agent"})),
}


def vocabulary(rules: RuleSet) -> Vocabulary:
    """The names.yaml word lists of a rule set, made once per rule set."""
    return rules.once("names:vocabulary", lambda: _vocabulary(rules))


def _vocabulary(rules: RuleSet) -> Vocabulary:
    """The names.yaml word lists of a rule set, read."""
    words = rules.gazetteer

    def listed(key: str) -> frozenset[str]:
        """One word list, lower-cased."""
        return frozenset(str(w).lower() for w in words.get(key) or [])

    def cues(key: str) -> dict:
        """One mapping of context words to an entity kind."""
        return dict(words.get(key) or {})

    heads: dict[str, str] = {}
    for key, kind in KIND_OF_LIST:
        for word in listed(key):
            heads.setdefault(word, kind)
    return Vocabulary(
        heads,
        listed("honorifics"),
        listed("particles"),
        listed("place_prepositions"),
        listed("place_nouns"),
        listed("not_name_words"),
        listed("person_cues_after"),
        listed("dedication_words"),
        listed("hyphen_suffixes"),
        listed("sentence_openers"),
        listed("government_heads") | listed("organisation_heads"),
        listed("possessive_name_words"),
        listed("bare_heads"),
        listed("leading_site_heads"),
        listed("not_before_people"),
        listed("site_joins"),
        listed("agency_credit_opens"),
        listed("agency_credit_closes"),
        listed("capital_honorifics"),
        {tuple(str(k).lower().split()): str(v) for k, v in cues("kind_cues_before").items()},
        {str(k).lower(): str(v) for k, v in cues("kind_cues_after").items()},
        listed("venue_heads"),
        listed("affiliate_words"),
        listed("body_epithets"),
        listed("city_site_heads"),
        listed("site_heads"),
        listed("patronymic_particles"),
        frozenset(str(w) for w in words.get("upper_honorifics") or []),
        listed("given_name_cues"),
        listed("bare_body_words"),
        listed("inner_words"),
    )


def _given_cue(units: list[Unit], index: int, vocab: Vocabulary) -> bool:
    """Whether a word that follows names is capitalised and also a given name that opens one
    (names.yaml `given_name_cues`: "Said" of "President Said Abdullahi Deni"): another free
    name word after it, and no person's name right before it ("Ruto Said He Would")."""
    unit, after = units[index], units[index + 1] if index + 1 < len(units) else None
    before = units[index - 1].mention if index else None
    if unit.lower not in vocab.given_cues or not unit.text[:1].isupper() or after is None:
        return False
    if before is not None and "person" in before.classes and before.title is None:
        return False
    plain = after.lower not in STOP_WORDS and after.lower not in vocab.person_cues_after
    return plain and _capital(after)


def _capital(unit: Unit) -> bool:
    """A free capitalised word: no mention, or a bare title ("Soldier" in "Tomb of the Unknown
    Soldier"), never a date or a known name."""
    text = unit.text
    mention = unit.mention
    free = mention is None or (mention.title is not None and not mention.refs)
    return free and text[:1].isupper() and any(c.isalpha() for c in text)


def _country_inside(units: list[Unit], index: int, start: int, vocab: Vocabulary) -> bool:
    """Whether a country at `index` is part of a place's or a body's name: before a place's head
    word ("South China Sea"), after "of" in a name that opens with one ("Gulf of Oman") or
    after "of" after a body's head word ("Central Bank of Russia")."""
    mention = units[index].mention
    if mention is None or "country" not in mention.classes:
        return False
    after = units[index + 1] if index + 1 < len(units) else None
    if after is not None and _capital(after) and vocab.heads.get(after.lower) == "Place":
        return True
    opened = vocab.heads.get(units[start].lower) == "Place"
    body = index >= start + 2 and vocab.heads.get(units[index - 2].lower) in BODY_KINDS
    return (opened or body) and units[index - 1].lower == "of"  # "Communist Party of Cuba"


def _inner_possessive(units: list[Unit], index: int, start: int, vocab: Vocabulary) -> bool:
    """Whether the possessive at `index` stands inside a name: after a word of
    `possessive_name_words` in the run, before a capitalised word ("People's Congress"), or
    before a site's head ("Saint Peter's Square", "Martyrs' Memorial")."""
    if index <= start or index + 1 >= len(units) or units[index].lower not in POSSESSIVES:
        return False
    site = vocab.heads.get(units[index + 1].lower) == "Place"  # "Saint Peter's Square"
    return (units[index - 1].lower in vocab.possessives or site) and _capital(units[index + 1])


def _acronym_before_name(units: list[Unit], index: int) -> bool:
    """Whether the word at `index` is initials ("MEA") followed by two or more capitalised
    words that are not initials: a body's short name, then a person's name."""
    follow = units[index + 1 : index + 3]
    return (
        _initials(units[index].text)
        and len(follow) == 2
        and all(_capital(u) and not u.text.isupper() for u in follow)
    )


def _ranks_before_person(units: list[Unit], index: int, vocab: Vocabulary) -> bool:
    """Whether honorifics at `index`, after a body's head word, open a person's name already
    read ("Commander of the Navy Rear Admiral X", "Chairman of the Joint Chiefs of Staff
    General X"): the ranks are the person's, no part of the body's name."""
    if vocab.heads.get(units[index - 1].lower) not in RANKED_KINDS:
        return False  # not a party's: "Party General Secretary To Lam" is the party's office
    after = index
    while after < len(units) and _honorific(units[after], vocab):
        after += 1
    mention = units[after].mention if after < len(units) else None
    if mention is not None:
        return after > index and "person" in mention.classes
    name = after  # a name no stage read yet: two capitalised words or more, no head among them
    while name < len(units) and _capital(units[name]) and units[name].lower not in vocab.heads:
        name += 1
    return after > index and name - after >= 2 and (name == len(units) or not _capital(units[name]))


def _run_end(units: list[Unit], start: int, vocab: Vocabulary) -> int:
    """The end of the run of capitalised words (with inner connectors) starting at start."""
    end = start
    while end < len(units):
        unit = units[end]
        son = end > start and units[end - 1].lower in vocab.patronymics  # "bin Said": a name
        given = son and _capital(unit) or end == start and _given_cue(units, end, vocab)  # "Said X"
        if unit.lower in vocab.person_cues_after and not given:
            break  # a headline's verb ends a name: "Pereira Meets Lula"
        if end > start and _ranks_before_person(units, end, vocab):
            break  # "the Navy Rear Admiral X": the body ends before the person's ranks
        if end == start + 1 and _acronym_before_name(units, start):
            break  # "in the MEA Jaideep Mazumdar": the body's initials, then a person
        if _capital(unit) or (end > start and _country_inside(units, end, start, vocab)):
            end += 1
            continue
        if end > start and hyphen_joined(units, end - 1, _capital):  # "Diaz-Canel"
            end += 1
            continue
        if _inner_possessive(units, end, start, vocab):  # "National People's Congress"
            end += 1
            continue
        last = syllable_end(units, end - 1, vocab.hyphen_suffixes) if end > start else end - 1
        if last > end - 1:  # "Choe Son-hui", "Kim Jin-pyo": a transliterated given name
            end = last + 1
            continue
        particle = unit.mention is None and unit.lower in vocab.particles
        if particle and end > start and hyphen_joined(units, end, _capital):  # "al-Sisi"
            end += 3
            continue
        joined = (
            (  # "Department of International Relations and Cooperation"
                unit.lower == "and"
                and any(u.lower == "of" for u in units[start:end])
                and end + 1 < len(units)
                and _capital(units[end + 1])
                and units[end + 1].lower not in vocab.honorifics
            )
            or _and_in_body(units, start, end, vocab)
        )
        inner = unit.mention is None and (unit.lower in vocab.inner | vocab.particles or joined)
        if unit.lower in vocab.site_joins and _names_site(units[start:end], vocab):
            break  # "the Ho Chi Minh Mausoleum on Ba Dinh Square": two sites, one on the other
        after = end + 1  # over a run of particles: "von der Leyen", "de la Cruz"
        while (
            particle
            and after < len(units)
            and units[after].mention is None
            and units[after].lower in vocab.particles
        ):
            after += 1
        if (
            inner
            and after < len(units)
            and (
                _capital(units[after])
                or units[after].lower == "the"
                or _country_inside(units, after, start, vocab)
            )
        ):
            end = after
            continue
        break
    while end > start and units[end - 1].lower in (vocab.inner | vocab.particles | {"and"}):
        end -= 1
    return end


JOINED_WORDS = 2  # "Freedom and Justice Party", "Law and Justice Party"
JOINED_KINDS = frozenset({"PoliticalParty", "GovernmentBody"})  # parties and state bodies


def _and_in_body(units: list[Unit], start: int, end: int, vocab: Vocabulary) -> bool:
    """Whether the "and" at `end` joins two words of one party's or state body's name: a word or
    two no stage knows and no head word before it, and after it a run that ends in a party's or
    a state body's head ("Freedom and Justice Party", "Peace and Security Commission"; not "the
    Army and Rapid Support Forces", two bodies)."""
    if units[end].lower != "and" or not 0 < end - start <= JOINED_WORDS:
        return False
    if any(u.mention is not None or u.lower in vocab.honorifics for u in units[start:end]):
        return False
    if units[end - 1].lower in vocab.heads or end + 1 >= len(units):
        return False
    if not _capital(units[end + 1]):
        return False
    beyond = _run_end(units, end + 1, vocab)
    words = [u.lower for u in units[end + 1 : beyond] if u.lower not in vocab.inner]
    return bool(words) and vocab.heads.get(words[-1]) in JOINED_KINDS


def _kind(
    run: list[Unit],
    before: list[Unit],
    sentence_start: bool,
    vocab: Vocabulary,
    after: str = "",
    joined: bool = False,
) -> str | None:
    """The kind of entity a run names, or None (no entity, or not sure); `joined`: "and" and
    another name follow it, so that words before it may be the other's too."""
    words = [u.lower for u in run if u.lower not in vocab.inner]
    if not words or all(u.text.isupper() and len(u.text) > 1 for u in run) and len(run) > 1:
        return None
    if all(w in vocab.honorifics for w in words) or all(_honorific(u, vocab) for u in run):
        return None  # "His Highness", "Excellency", "HE": a title, no name
    if len(run) > 2 and run[0].lower in vocab.affiliates and run[1].lower == "of":
        return None  # "Members of Parliament": a body's people (`affiliate_words`), no body
    if len(words) == 1 and (vocab.heads.get(words[0]) == "Place" or words[0] in vocab.bare_heads):
        return None  # a head word alone ("Ocean" of "Indian Ocean", "the Government"): no name
    typed = _by_head(run, words, vocab)
    cued = None if joined or typed == "" else _cued_kind(before, after, vocab)
    if cued is not None:  # "news agency APA", "the ruling All Progressives Congress"
        return cued  # (not "Freedom" of "Freedom and Justice Party", not "a trip to Asia")
    if typed == "Place" and words[-1] in vocab.body_heads and after in vocab.person_cues_after:
        return "GovernmentBody"  # "the Press Office said": a body speaks, a place does not
    if typed in BODY_KINDS and words[-1] in vocab.venue_heads and _at_venue(before, vocab):
        return "Place"  # "at the Moi International Sports Centre": the building, not the body
    if typed is not None:
        return typed or None
    previous = before[-1].lower if before else ""
    lowered = bool(before) and before[-1].text.islower() and previous in vocab.capital_honorifics
    if previous in vocab.honorifics and not lowered:
        return "Person"
    if any(w in vocab.not_name_words for w in words):
        return None
    noun_of = (
        len(before) >= 2 and before[-1].lower == "of" and before[-2].lower in vocab.place_nouns
    )
    if noun_of or (previous in vocab.place_prepositions and len(words) <= 3):
        return "Place"
    plain = not any(
        u.lower in vocab.inner | POSSESSIVES for u in run
    )  # a name has no "of", no "'s"
    names = [w for w in words if w not in HYPHENS and w not in vocab.particles]
    if previous in vocab.not_before_people:
        return None  # "along the Nankai Trough", "aboard Air Force One": a thing, no one
    if vocab.heads.get(after) == "":
        return None  # "the Freedom Edge exercise", "the Baltic Sentry operation": a thing's name
    if any(_initials(u.text) for u in run):
        return None  # "PBS World", "CNN Turk": a body's initials stand in no one's name
    if _quoted(before, after) or _after_hyphen(before, run):
        return None  # the 'Hala Modi' event, the Five-Point Consensus: a thing's name
    if plain and 2 <= len(names) <= 4 and (not sentence_start or after in vocab.person_cues_after):
        return "Person"
    return None


def _quoted(before: list[Unit], after: str) -> bool:
    """Whether a run stands alone between quotation marks ("the 'Hala Modi' event")."""
    return bool(before) and before[-1].text in QUOTES_OPEN and after in QUOTES_CLOSE


def _after_hyphen(before: list[Unit], run: list[Unit]) -> bool:
    """Whether a run is the second half of a hyphenated word ("Point" of "Five-Point")."""
    return run[0].text[:1] in HYPHENS or (
        len(before) >= 2
        and before[-1].text in HYPHENS
        and not before[-1].space
        and not before[-2].space
    )


def _initials(word: str) -> bool:
    """Whether a word is initials: two to six capital letters ("PBS", "MEA")."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def _at_venue(before: list[Unit], vocab: Vocabulary) -> bool:
    """Whether a place preposition stands right before a run, or before its "the" ("at the"),
    and no one's post comes before it ("a political scientist at X University")."""
    words = [u.lower for u in before[-3:]]
    if words[-1:] == ["the"]:
        words = words[:-1]
    at = bool(words) and words[-1] in vocab.place_prepositions
    return at and not (len(words) > 1 and words[-2] in vocab.affiliates)


def _cued_kind(before: list[Unit], after: str, vocab: Vocabulary) -> str | None:
    """The kind the words right before a run (`kind_cues_before`: "news agency", "ruling") or
    the word after it (`kind_cues_after`: "party") give, else None."""
    for cue, kind in vocab.cues_before.items():
        if len(before) >= len(cue) and tuple(u.lower for u in before[-len(cue) :]) == cue:
            return kind
    return vocab.cues_after.get(after)


def _by_head(run: list[Unit], words: list[str], vocab: Vocabulary) -> str | None:
    """The kind a head word gives ("" for no entity): the last word, else the first word of
    `leading_site_heads`, else a word before "of", "on" or "for" ("Ministry of Foreign
    Affairs", "Authority on Development")."""
    if words[-1] in vocab.heads:
        return vocab.heads[words[-1]]
    if len(words) > 1 and words[0] in vocab.leading_site_heads:
        return "Place"  # a head that opens the name: "Palácio Itamaraty", "Istana Negara"
    before_inner = [run[i - 1].lower for i, u in enumerate(run) if u.lower in vocab.inner and i]
    for word in before_inner:
        if word in vocab.heads:
            return vocab.heads[word]
    return None


def _nationality_before(units: list[Unit], index: int) -> URIRef | None:
    """The country of a nationality word right before a unit ("Philippine" of "Philippine
    Coast Guard"), if there is one."""
    mention = units[index - 1].mention if index else None
    if mention is None or "nationality" not in mention.classes or len(mention.refs) != 1:
        return None
    return mention.refs[0]


NAMED_OWNERS = frozenset({"country", "org"})
NAMED_PARTS = NAMED_OWNERS | {"place"}


def _named_before(units: list[Unit], index: int) -> tuple[int, URIRef | None]:
    """The start of a body's name that opens with the names of states, organisations or
    places ("Panama Canal Authority", "OAS Permanent Council", "India-Russia Business Forum"),
    and the first state or organisation of them; (index, None) when no such name stands right
    before it."""
    start, first = index, None
    while start > 0:
        mention = units[start - 1].mention
        named = mention is not None and len(mention.refs) == 1 and mention.classes & NAMED_PARTS
        if not named or not units[start - 1].text[:1].isupper() or mention.title:
            break
        assert mention is not None
        start = start - 1
        if mention.classes & NAMED_OWNERS:
            first = mention.refs[0]
        if start > 1 and units[start - 1].text in HYPHENS:
            start -= 1
    if start < index and units[start].text in HYPHENS:
        start += 1
    return start, first if start < index else None


def _new_entity(
    kind: str, label: str, new: list[NewEntity], acts_for: URIRef | None = None
) -> NewEntity:
    """The new entity of a name, reusing one the article already introduced."""
    iri = entity_iri(KINDS[kind][0], label)
    if kind == "Person":
        iri = named_in_full(label, new) or iri
    for entity in new:
        if entity.iri == iri and entity.label == label:
            return entity
    entity = NewEntity(iri, kind, label, NAME_CONFIDENCE, acts_for=acts_for)
    new.append(entity)
    return entity


def _known(label: str, new: list[NewEntity]) -> URIRef | None:
    """A person the article introduced whose name ends with this one ("Pereira", "Moallim
    Fiqi")."""
    for entity in new:
        if entity.kind == "Person" and entity.label.endswith(f" {label}"):
            return entity.iri
    return None


def _free_partial_names(units: list[Unit], vocab: Vocabulary) -> list[Unit]:
    """A one-word name of a known person followed by a capitalised word the gazetteer does not
    know is part of another person's name ("Li" of "Li Qiang" is not Li Hongzhong); so is any
    one-word name right after a title ("President Duma Boko": not the State Duma)."""
    out = list(units)
    ends, cues = vocab.not_name_words, vocab.person_cues_after  # "Modi Meets Sharif"
    for index, unit in enumerate(units[:-1]):
        mention, after = unit.mention, units[index + 1]
        before = units[index - 1].mention if index else None
        titled = before is not None and before.classes == frozenset({"title"})
        partial = mention is not None and " " not in unit.text
        named = partial and "person" in mention.classes
        partial = named or partial and titled and after.mention is None
        if partial and _capital(after) and after.lower not in ends and after.lower not in cues:
            out[index] = replace(unit, mention=None)
    return out


def _grandfathers(units: list[Unit], vocab: Vocabulary, text: str) -> list[Unit]:
    """A known person's name goes on over a further "bin" and the capitalised words after it
    ("Tamim bin Hamad" of "Tamim bin Hamad bin Khalifa Al Thani", a grandfather's name and the
    family name): one person, not a second one named "Khalifa Al Thani"."""
    index = 0
    while index < len(units) - 2:
        mention, link, after = units[index].mention, units[index + 1], units[index + 2]
        person = mention is not None and "person" in mention.classes and len(mention.refs) == 1
        free = link.mention is None and after.mention is None and _capital(after)
        if person and free and link.lower in vocab.patronymics:
            assert mention is not None
            end = index + 3
            while end < len(units) and units[end].mention is None:
                word = units[end]
                if not (_capital(word) or word.lower in vocab.particles or word.text in HYPHENS):
                    break
                end += 1
            while units[end - 1].lower in vocab.particles or units[end - 1].text in HYPHENS:
                end -= 1
            words = text[units[index].begin : units[end - 1].end]
            units = merge(units, index, end, mention, words)
        index += 1
    return units


TITLE_WORDS = 3


def _title_of_size(run: list[Unit], skip: int, vocab: Vocabulary) -> int | None:
    """The number of words of a title ending in an honorific before "of" at `skip` ("Chairman
    of", "First Secretary of": honorifics and words never in a name), or None."""
    for size in range(1, TITLE_WORDS + 1):
        if len(run) - skip <= size + 1 or run[skip + size].lower != "of":
            continue
        words = [w for u in run[skip : skip + size] for w in u.lower.split()]
        words = words[1:] if words[0] == "the" else words  # a title unit read with its "The"
        titled = bool(words) and words[-1] in vocab.honorifics
        if titled and all(w in vocab.honorifics or w in vocab.not_name_words for w in words):
            return size
    return None


def _name_in(
    run: list[Unit],
    before: list[Unit],
    after: str,
    sentence_start: bool,
    vocab: Vocabulary,
    joined: bool = False,
) -> tuple[int, str | None]:
    """How many leading units of a run are no part of the name (honorifics, "Chairman of the"),
    and the kind of entity the rest names (None: no entity, or not sure)."""
    skip = 1 if len(run) > 2 and run[0].lower == "the" and _title_of_size(run, 1, vocab) else 0
    while (size := _title_of_size(run, skip, vocab)) is not None:
        skip += size + 1  # "Chairman of the Presidential Court", "First Secretary of the ...": a
        while skip < len(run) and run[skip].lower == "the":  # title of a body, the body named
            skip += 1
    bodies = [
        i
        for i in range(skip, len(run) - 2)
        if skip
        and (run[i].lower.split()[-1] in vocab.heads or _state_after_of(run, i, vocab))
        and run[i + 1].lower not in vocab.inner
    ]  # not "Standing Committee of the National People's Congress": one body
    if bodies:  # "Speaker of the National Assembly Alen Simonyan": the name follows the body
        skip = bodies[-1] + 1
    words = [u.lower for u in run[skip:] if u.lower not in vocab.inner]
    if words and _by_head(run[skip:], words, vocab) is not None:
        return skip, _kind(run[skip:], [*before, *run[:skip]], sentence_start, vocab, after, joined)
    honorific = skip
    while len(run) - honorific > 1 and _honorific(run[honorific], vocab):
        if run[honorific + 1].lower in vocab.particles:
            break  # "Sultan Al Jaber", "Amir bin Hamad": a given name before a particle
        honorific += 1
    if honorific == skip:
        return skip, _kind(run[skip:], [*before, *run[:skip]], sentence_start, vocab, after, joined)
    while honorific < len(run) and run[honorific].text in HYPHENS:
        honorific += 2  # "Ambassador-designate Li Jun": the title's suffix, no part of the name
    name = run[honorific:]
    if not name:
        return honorific, None
    plain = any(not _honorific(u, vocab) for u in name)
    # only honorifics ("His Highness"), a title ("Minister of Finance"), or a word that is never
    # a name ("Ministers of Foreign Affairs"): no person
    person = plain and not any(
        u.lower in vocab.inner or u.lower in vocab.not_name_words for u in name
    )
    return honorific, "Person" if person else None


def _state_after_of(run: list[Unit], index: int, vocab: Vocabulary) -> bool:
    """Whether a run's unit is a country after "of" that ends a body's name ("Central Bank of
    Nigeria" of "Governor of the Central Bank of Nigeria X"; not "Communist Party of Vietnam
    Central Committee", a head word after it)."""
    mention = run[index].mention
    country = mention is not None and "country" in mention.classes
    later = any(u.lower.split()[-1] in vocab.heads for u in run[index + 1 :])
    return country and index > 0 and run[index - 1].lower == "of" and not later


def _honorific(unit: Unit, vocab: Vocabulary) -> bool:
    """Whether a unit is an honorific or a title made of them ("Prime Minister", merged), or one
    only as written ("HE")."""
    if unit.lower in vocab.honorifics or unit.text in vocab.upper_honorifics:
        return True
    return all(w in vocab.honorifics for w in unit.lower.split())


def find_unknown_names(
    units: list[Unit], vocab: Vocabulary, text: str, new: list[NewEntity]
) -> list[Unit]:
    """Merge the capitalised runs no earlier stage recognised into new-entity mentions; an
    honorific or title before the name stays in the unit, not in the name."""
    units = _grandfathers(_free_partial_names(units, vocab), vocab, text)
    first_word = next((i for i, u in enumerate(units) if u.text not in OPENERS), 0)
    index = 0
    while index < len(units):
        cue = units[index].lower in vocab.person_cues_after and not _given_cue(units, index, vocab)
        if not _capital(units[index]) or cue:
            index += 1
            continue
        start, end = index, _run_end(units, index, vocab)
        if end <= start:
            index += 1
            continue
        sentence_start = start == first_word
        opener = STOP_WORDS | vocab.openers if sentence_start else STOP_WORDS
        if units[start].lower in opener:  # "The ..." opening a sentence, a byline's "By"
            start, sentence_start = start + 1, False
            if start >= end:
                index = end
                continue
        after = units[end].lower if end < len(units) else ""
        if after == "and" and end + 1 < len(units):  # "Ursula von der Leyen and Charles
            partner = units[end + 1]  # Michel met": one of two people, by what follows both
            if partner.mention is not None and "person" in partner.mention.classes:
                after = ","
            elif _capital(partner):
                beyond = _run_end(units, end + 1, vocab)
                after = units[beyond].lower if end + 1 < beyond < len(units) else after
        if _opening_body_word(units, start, end, first_word, vocab):
            index = end  # "Ministry spokesperson X" opening a sentence: the word, no name
            continue
        if _agency_credit(units, start, end, vocab):  # "KHUJAND, March 31 (Khovar) -"
            skip, kind = 0, "NewsAgency"
        else:
            joined = end + 1 < len(units) and units[end].lower == "and" and _capital(units[end + 1])
            skip, kind = _name_in(
                units[start:end], units[:start], after, sentence_start, vocab, joined
            )
        if kind is None or (kind == "Place" and _before_site_head(units, end, vocab)):
            index = max(end, index + 1)  # "in Surin province": _sites names it with its head
            continue
        resume = None  # "Vice Chairman of the Central Military Commission Zhang Youxia": the
        if kind == "Person" and (body := _body_start(units[start : start + skip])) is not None:
            resume = start + body  # title and the body stay out of the name, the body read next
        if kind != "Person" or resume is not None:
            start, skip = start + skip, 0  # "Chairman of the X Committee": the title stays a title
        if kind == "Place":  # "the Baku-Tbilisi-Ceyhan Crude Oil Pipeline": one site
            start = _places_joined_before(units, start)
        owner = _nationality_before(units, start) if kind == "GovernmentBody" else None
        if owner is not None:  # "the Philippine Navy": the body of the Philippines
            start -= 1
            before = units[start - 1] if start else None
            if before is not None and before.mention is None and before.text[:1].isupper():
                start -= int(before.lower in vocab.body_epithets)  # "Royal Thai Army"
        elif kind in BODY_KINDS:  # "Panama Canal Authority", "India-Russia Business Forum"
            start, owner = _named_before(units, start)
        name = units[start + skip : end]
        label = text[name[0].begin : name[-1].end]
        known = _known(label, new) if kind == "Person" else None
        iri = known or _new_entity(kind, label, new, owner).iri
        classes = KINDS[kind][1]
        mention = Mention(classes, (iri,), (iri,) if "agent" in classes else (), NAME_CONFIDENCE)
        units = merge(units, start, end, mention, text[units[start].begin : name[-1].end])
        index = start + 1 if resume is None else resume
    return _sites(units, vocab, text, new)


def _opening_body_word(
    units: list[Unit], start: int, end: int, first: int, vocab: Vocabulary
) -> bool:
    """Whether a run is one body word (entities.yaml `bare_body_words`) capitalised only as it
    opens the sentence or follows a dateline's dash, right before a titled person ("Ministry
    spokesperson Mao Ning"): the common noun, which mentions.body_titles reads."""
    if end != start + 1 or units[start].lower not in vocab.bare_body_words or end >= len(units):
        return False
    opens = start == first or units[start - 1].text in DASHES
    person = units[end].mention
    return opens and person is not None and "person" in person.classes and bool(person.title)


def _body_start(lead: list[Unit]) -> int | None:
    """Where the body starts in the words before a name that are a title of a body ("Vice
    Chairman of the Central Military Commission": "Central"), or None (no "of" among them)."""
    ofs = [i for i, u in enumerate(lead) if u.lower == "of"]
    if not ofs:
        return None
    body = ofs[0] + 1
    while body < len(lead) and lead[body].lower == "the":
        body += 1
    return body if body < len(lead) else None


def _places_joined_before(units: list[Unit], index: int) -> int:
    """The start of a site's name that opens with places or unknown names joined to it by hyphens
    ("Baku-Tbilisi-" of "Baku-Tbilisi-Ceyhan Crude Oil Pipeline", "Rabat-" of "Rabat-Salé
    airport", "Lobito-" of "Lobito-Luau railway")."""
    start = index
    while start >= 2 and units[start - 1].text in HYPHENS and hyphen_joined(units, start - 2):
        unit = units[start - 2]
        free = unit.mention is None and unit.text[:1].isupper() and unit.text.isalpha()
        named = unit.mention is not None and unit.mention.classes & {"city", "place"}
        if not (free or named) or (unit.mention is not None and unit.mention.title):
            break
        start -= 2
    return start


def _names_site(run: list[Unit], vocab: Vocabulary) -> bool:
    """Whether a run's head word makes it a place ("Ho Chi Minh Mausoleum", "Tomb of ...")."""
    words = [u.lower for u in run if u.lower not in vocab.inner]
    return bool(words) and _by_head(run, words, vocab) == "Place"


def _before_site_head(units: list[Unit], end: int, vocab: Vocabulary) -> bool:
    """Whether a lower-case place head follows a run ("Surin province", "Aras river")."""
    after = units[end] if end < len(units) else None
    return after is not None and after.text.islower() and vocab.heads.get(after.lower) == "Place"


def _agency_credit(units: list[Unit], start: int, end: int, vocab: Vocabulary) -> bool:
    """Whether units[start:end] is a dateline's agency credit: right after the dateline's date
    and an opening mark ("KHUJAND, March 31, 2025 (Khovar) -", "VILNIUS, Feb 9, BNS -"), and
    before a closing mark or the sentence's end ("YEREVAN, MAY 20, ARMENPRESS.")."""
    if start < 2 or units[start - 1].lower not in vocab.credit_opens:
        return False
    date = units[start - 2].mention
    if date is None or "date" not in date.classes or dateline_opening(units, start - 2) is None:
        return False
    return end == len(units) or units[end].lower in vocab.credit_closes


def _site_name(unit: Unit, vocab: Vocabulary) -> bool:
    """A unit that can name a site before its head word: a free capitalised word that is no
    function word ("Palam", not "The"), or a name the stages made with no title ("Nikola Tesla"
    of "Nikola Tesla airport")."""
    mention = unit.mention
    if mention is None:
        plain = unit.lower not in STOP_WORDS and unit.lower not in vocab.not_name_words
        return plain and unit.text[:1].isupper() and unit.text.isalpha()
    named = mention.title is None and mention.anaphor is None and mention.date_words is None
    return named and bool(mention.refs) and "person" in mention.classes


def _sites(units: list[Unit], vocab: Vocabulary, text: str, new: list[NewEntity]) -> list[Unit]:
    """Names of sites: a site head dedicated to a person ("the monument to José Martí"), a name
    before a lower-case site head ("Nikola Tesla airport", "the Palam airport"), and a city
    before a new site ("Minsk National Airport"), as one new place."""
    index = len(units) - 3
    while index >= 0:  # "the monument to José Martí", "the mausoleum of Ho Chi Minh"
        unit, link, named = units[index : index + 3]
        site = unit.mention is None and vocab.heads.get(unit.lower) == "Place"
        person = named.mention is not None and "person" in named.mention.classes
        if site and unit.text.islower() and link.lower in vocab.dedication_words and person:
            label = text[unit.begin : named.end]  # the person honoured stays an entity
            iri = _new_entity("Place", label, new).iri
            mention = Mention(KINDS["Place"][1], (iri,), (), NAME_CONFIDENCE)
            units = merge(units, index, index + 3, mention, label)
        index = min(index - 1, len(units) - 3)
    index = len(units) - 2
    while index >= 0:
        unit, after = units[index], units[index + 1]
        head = after.mention is None and after.text.islower() and vocab.heads.get(after.lower)
        city = unit.mention is not None and "city" in unit.mention.classes
        new_site = after.mention is not None and any(
            n.kind == "Place" and n.iri in after.mention.refs for n in new
        )
        named_site = city and after.lower in vocab.city_site_heads  # "the Rafah crossing"
        capital_site = after.mention is None and after.lower in vocab.site_heads  # "Bogor Palace"
        placed = city or (unit.mention is not None and "place" in unit.mention.classes)
        if (head == "Place" and (_site_name(unit, vocab) or named_site)) or (
            ((city and new_site) or (placed and capital_site)) and after.text[:1].isupper()
        ):  # "Bogor Palace", "the Kremlin Wall", "the Crimea Bridge"
            start = index
            while head and start and units[start - 1].mention is None and unit.mention is None:
                if not _site_name(units[start - 1], vocab):
                    break
                start -= 1  # "the Qiz Qalasi dam": every free capitalised word before the head
            start = _places_joined_before(units, start) if head else start
            label = text[units[start].begin : after.end]
            for part in (unit, after):  # "Nikola Tesla", "National Airport": no entity now
                if part.mention is not None and ("person" in part.mention.classes or new_site):
                    refs, words = part.mention.refs, part.text
                    new[:] = [n for n in new if not (n.iri in refs and n.label == words)]
            iri = _new_entity("Place", label, new).iri
            mention = Mention(KINDS["Place"][1], (iri,), (), NAME_CONFIDENCE)
            units = merge(units, start, index + 2, mention, label)
            index = start
        index -= 1
    return units
