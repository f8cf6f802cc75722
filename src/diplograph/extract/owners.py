"""Owner stage: whose office a title names when the sentence does not say ("President Donald
Trump", "Foreign Minister Gabriela Sommerfeld").

Reads the article's prepared sentences (units after the mention stages) and the gazetteer
section's `unowned_title_owners`: the sources tried in order, `person` (the country the article
ties the person to elsewhere: "Uzbekistan's Shavkat Mirziyoyev", "India's prime minister
Modi"), `known` (the country `people_countries` says a public figure serves), `dateline` (the
dateline city's country, for the government offices of `dateline_titles` only: for every title
it was tried and left out, a visiting leader is not the host's and a spokesperson is often
another body's), `title` (the one state whose office a title names, `title_states`: "Secretary
of State Mike Pompeo" is the United States'). Writes the holding, and the owner, onto the titled
mention as if the sentence had named the owner.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeGuard

from rdflib import URIRef
from spacy.lang.en.stop_words import STOP_WORDS

from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.mentions import (
    NewEntity,
    find_position,
    known_bodies,
    known_countries,
    national_title,
    new_position,
    positions,
    state_body,
)
from diplograph.extract.rules import RuleSet
from diplograph.extract.sentences import POSSESSIVE_S, Mention, Unit
from diplograph.iris import local_name

Prepared = list[tuple[object, list[Unit]]]


def _country(owner: URIRef, gaz: Gazetteer, rules: RuleSet, new: list) -> URIRef | None:
    """The country an owner is, or the country of a position it names (known or new)."""
    if "country" in gaz.classes.get(owner, ()):
        return owner
    made = next((n.position_of for n in new if n.iri == owner), None)
    if made is not None and "country" in gaz.classes.get(made, ()):
        return made
    return positions(gaz, rules).owner_country.get(owner)


def person_countries(
    prepared: Prepared, gaz: Gazetteer, rules: RuleSet, new: list[NewEntity]
) -> dict[URIRef, URIRef]:
    """Person -> the first country the article names as theirs (an owner of a title or of the
    name, or the country of a position they hold)."""
    found: dict[URIRef, URIRef] = {}
    for _, units in prepared:
        for unit in units:
            mention = unit.mention
            if mention is None or "person" not in mention.classes or len(mention.refs) != 1:
                continue
            held = [p for _, p in (mention.holding, *mention.also) if p] if mention.holding else []
            for owner in (*mention.owner, *held):
                country = _country(owner, gaz, rules, new)
                if country is not None:
                    found.setdefault(mention.refs[0], country)
                    break
    return found


def _unowned(mention: Mention | None) -> bool:
    """A titled mention of one named person whose office has no owner yet."""
    return (
        mention is not None
        and bool(mention.title)
        and mention.anaphor is None
        and mention.holding is None
        and not mention.owner
        and len(mention.refs) == 1
        and "person" in mention.classes
    )


def _owned_unheld(mention: Mention | None) -> bool:
    """A titled mention of one named person given an owner but no holding yet (a plural title's
    owner: mentions.share_plural_titles)."""
    return (
        mention is not None
        and bool(mention.title)
        and mention.anaphor is None
        and mention.holding is None
        and len(mention.owner) == 1
        and len(mention.refs) == 1
        and "person" in mention.classes
    )


def own_titles(
    prepared: Prepared,
    gaz: Gazetteer,
    rules: RuleSet,
    new: list[NewEntity],
    earlier: list[tuple[URIRef, URIRef]] | None = None,
    home: URIRef | None = None,
    ties: dict[URIRef, URIRef] | None = None,
) -> Prepared:
    """The sentences with each unowned title given the holding of that kind the article gives
    the person (in these sentences or `earlier`: (person, position) pairs), else the owner the
    first source of the gazetteer's `unowned_title_owners` knows (see the module's docstring;
    `home`: the state of `dateline`; `ties`: person -> the state whose delegation they lead or
    are in, for `person` when the article names no country of theirs)."""
    config = rules.gazetteer
    sources = [str(s) for s in config.get("unowned_title_owners") or ()]
    if not sources:
        return prepared
    prepared = [(sentence, _took_office(units, rules)) for sentence, units in prepared]
    theirs = person_countries(prepared, gaz, rules, new) if "person" in sources else {}
    theirs = {**(ties or {}), **theirs}  # a delegation's people: its sender's
    known = {**known_bodies(gaz, rules), **known_countries(gaz, rules)}  # "Secretary-General
    # Antonio Guterres": the United Nations' (people.yaml `people_bodies`), not the dateline's
    held = _held(prepared, earlier or [])
    if "title" in sources:
        known = {**_title_states(prepared, gaz, rules), **known}  # a listed figure's state wins
    dateline_titles = _with_prefixes(rules.listed("dateline_titles"), rules)
    spouse_titles = rules.listed("spouse_titles")
    body_possessives = rules.listed("body_possessives")
    honorifics = rules.word_class("honorific_abbreviation") | {
        str(w).lower() for w in config.get("upper_honorifics") or ()
    }
    result = []
    for sentence, units in prepared:
        changed: list[Unit] = []
        for unit in units:
            mention = unit.mention
            if _possessed(unit, changed, body_possessives) or mention is None:  # "its
                changed.append(unit)  # president X": a body's; a plain word has no title
                continue
            if _owned_unheld(mention):  # "US presidents A and B": the owner named, no holding
                assert mention is not None
                unit = _owned(unit, mention.owner[0], gaz, rules, new)
            elif _unowned(mention) and _coded_owner(unit, changed, honorifics):
                pass  # "COP28 President X", "IOC President Y": the named thing's office
            elif _unowned(mention):
                assert mention is not None
                same = _same_office(mention, held, gaz, new)
                if same is not None:  # "Minister Fidan" after "Hakan Fidan, Minister of ..."
                    state = _country(same[1], gaz, rules, new)
                    owned = replace(mention, holding=same, owner=(state,) if state else ())
                    unit = replace(unit, mention=owned)  # "Deputy Prime Minister and ..." too
                    changed.append(_double_titled(unit, changed, gaz, rules, new))
                    continue
                local = home if mention.title in dateline_titles or mention.office else None
                local = _coordinated_owner(changed) or local  # "Pakistani Interior Minister
                owner = _owner_of(mention.refs[0], sources, theirs, known, local)  # A and
                # Finance Minister B": B's office is Pakistan's too, not the dateline's state
                if owner is None and mention.title in spouse_titles:  # "X and First Lady Y"
                    owner = _last_holders_country(changed, gaz, rules, new) or _spouses_country(
                        held, gaz, rules, new
                    )
                if owner is not None and changed and _bare_body(changed[-1].mention):
                    changed[-1], owner = _body_of(changed[-1], owner, gaz, rules, new)
                if owner is not None:
                    owned = _owned(unit, owner, gaz, rules, new)
                    guessed = _owner_of(mention.refs[0], sources, theirs, known) is None
                    if not (
                        guessed and _taken(owned.mention, _held([(sentence, units)], []), rules)
                    ):
                        unit = owned  # not "Foreign Minister X and his Russian counterpart
                        # Lavrov" in a Moscow story: Lavrov's office is no guess for X
            if mention is not None and mention.holding and mention.more_titles:
                further = mention.more_titles[0]  # "Member of the Political Bureau ... and
                local = home if further in dateline_titles else None  # Foreign Minister X"
                owner = _owner_of(mention.refs[0], sources, theirs, known, local)
                unit = _further_owned(unit, owner, gaz, rules, new)
            unit = _double_titled(unit, changed, gaz, rules, new)
            owner_of = lambda person, title: _owner_of(  # noqa: E731
                person, sources, theirs, known, home if title in dateline_titles else None
            )
            changed.append(_title_before(unit, changed, owner_of, (gaz, rules, new)))
        result.append((sentence, _second_offices(changed, gaz, rules, new)))
    return result


def _title_states(prepared: Prepared, gaz: Gazetteer, rules: RuleSet) -> dict[str, URIRef]:
    """Slug of each unowned titled person -> the one state that names an office so (entities.yaml
    `title_states`), read as `known` where people.yaml knows no state; not one told with its
    portfolio ("Secretary of State for Foreign Affairs X" is Portugal's or Britain's style)."""
    listed = rules.gazetteer.get("title_states") or {}
    states = {str(title): gaz.by_label(str(state)) for title, state in listed.items()}
    found: dict[str, URIRef] = {}
    for _, units in prepared:
        for unit in units:
            mention = unit.mention
            if mention is None or not _unowned(mention) or " for " in unit.lower:
                continue  # "Secretary of State for Defence X": Britain's style, no one state
            state = states.get(mention.title or "")
            if state is not None:
                found.setdefault(local_name(mention.refs[0]).removeprefix("person/"), state)
    return found


def _with_prefixes(titles: frozenset[str], rules: RuleSet) -> frozenset[str]:
    """Titles with each of entities.yaml `title_prefixes` that makes an office of its own
    ("permanent deputy prime minister", "transitional president"): the home state's too."""
    prefixes = {str(v) for v in (rules.gazetteer.get("title_prefixes") or {}).values() if v}
    return titles | {f"{p} {t}" for p in prefixes for t in titles}


def _took_office(units: list[Unit], rules: RuleSet) -> list[Unit]:
    """An untitled person said to hold, take or have held an office ("X was sworn in as Vice
    President of Ghana", "Y was elected chancellor by the Bundestag", "Z, who was appointed
    Canada's ambassador,"): the person is titled so, the owner the one named with the office
    (lexicon `office_link_word`: the words between the name and the office)."""
    words, relatives = rules.word_class("office_link_word"), rules.word_class("relative_word")
    ranks = rules.word_class("office_rank_word")
    followers = CLAUSE_ENDS | rules.listed("office_followers")  # "... sworn in as X on Monday"
    found = _since_holders(list(units), ranks, rules.listed("descriptive_titles"))
    for index, unit in enumerate(units):
        mention = unit.mention
        if mention is None or mention.title or len(mention.refs) != 1:
            continue
        if "person" not in mention.classes or mention.anaphor is not None:
            continue
        at = index + 1
        at += 1 if at < len(units) and units[at].text == "," else 0
        at += 1 if at < len(units) and units[at].lower in relatives else 0
        start = at
        while at < len(units) and units[at].lower in words:
            at += 1
        if at == start:
            continue
        ranked = _word(units, at) == "the" and _word(units, at + 1) in ranks  # "was the last
        at += 2 if ranked else 0  # Indian prime minister to visit"
        owner, at = _state_at(units, at)
        if owner is not None and _word(units, at) in ranks:  # "became Kenya's fifth president"
            ranked, at = True, at + 1
        title = units[at].mention if at < len(units) else None
        if title is None or not title.title or title.refs or (title.owner and not ranked):
            continue
        of, after = _state_at(units, at + 2) if _word(units, at + 1) == "of" else (None, at + 1)
        dated = after < len(units) and units[after].mention is not None
        dated = dated and "date" in units[after].mention.classes  # "... on Friday"
        if _word(units, after) not in followers and not dated and not ranked:
            continue
        states = tuple(s for s in (owner or of,) if s is not None) or title.owner
        found[index] = replace(unit, mention=replace(mention, title=title.title, owner=states))
    return found


def _since_holders(
    units: list[Unit], ranks: frozenset[str], descriptive: frozenset[str]
) -> list[Unit]:
    """The untitled person after "since" in a sentence that names a first or last holder of a
    state's office ("the first French president to visit since X", "the first visit by a
    Chinese premier since Y came in 2017"): a holder of that office (not of one that only
    describes its holder, entities.yaml `descriptive_titles`: "the first French leader")."""
    office = None
    for index, unit in enumerate(units):
        mention = unit.mention
        if mention is not None and mention.title and not mention.refs and len(mention.owner) == 1:
            before = units[index - 1].lower if index else ""
            ranked = before in ranks or (
                before in ("a", "an") and any(u.lower in ranks for u in units[:index])
            )  # "the first visit by a premier"
            office = mention if ranked and mention.title not in descriptive else office
        elif office is not None and index and units[index - 1].lower == "since":
            if mention is not None and "person" in mention.classes and len(mention.refs) == 1:
                if not mention.title and not mention.owner and mention.anaphor is None:
                    owned = replace(mention, title=office.title, owner=office.owner)
                    units[index] = replace(unit, mention=owned)
    return units


def predecessors(
    units: list[Unit], held: dict[URIRef, URIRef], rules: RuleSet, subject: URIRef | None = None
) -> list[Unit]:
    """The untitled person named as another's predecessor or successor ("Wang's predecessor Qin
    Gang", "Fidan's predecessor, Mevlut Cavusoglu,", "his successor X"): a holder of the office
    the article gives the other (`held`: person -> the position said last, a state's first);
    "his" is the sentence's person named before it, else the last sentence's first person
    (`subject`) (lexicon `predecessor_word`)."""
    words = rules.word_class("predecessor_word")
    pronouns = rules.word_class("possessive") & {"his", "her"}
    found = list(units)
    for index, unit in enumerate(units):
        if unit.lower not in words or index < 1:
            continue
        at = index + 1 + (_word(units, index + 1) == ",")
        mention = units[at].mention if at < len(units) else None
        if mention is None or "person" not in mention.classes or len(mention.refs) != 1:
            continue
        if mention.title or mention.holding or mention.anaphor is not None:
            continue
        if units[index - 1].lower in pronouns:
            before = [u.mention for u in units[: index - 1] if u.mention is not None]
            people = [m for m in before if "person" in m.classes and len(m.refs) == 1]
            other = people[0].refs[0] if people else subject
        elif index >= 2 and units[index - 1].lower in POSSESSIVE_S:
            owner = units[index - 2].mention
            other = owner.refs[0] if owner and len(owner.refs) == 1 else None
        else:
            continue
        if other in held and other != mention.refs[0]:
            holding = (mention.refs[0], held[other])
            found[at] = replace(units[at], mention=replace(mention, holding=holding))
    return found


def _word(units: list[Unit], index: int) -> str:
    """The lower-cased word at `index`, "." past the end."""
    return units[index].lower if index < len(units) else "."


def _state_at(units: list[Unit], index: int) -> tuple[URIRef | None, int]:
    """The one state a unit names at `index` (with a possessive after it: "Canada's"), and the
    index after it; (None, index) where none is named."""
    mention = units[index].mention if index < len(units) else None
    if mention is None or not {"country", "nationality"} & mention.classes:
        return None, index
    named = tuple(dict.fromkeys(mention.agents or mention.refs))
    if len(named) != 1:
        return None, index
    after = index + 1
    return named[0], after + 1 if _word(units, after) in POSSESSIVE_S else after


def _second_offices(
    units: list[Unit], gaz: Gazetteer, rules: RuleSet, new: list[NewEntity]
) -> list[Unit]:
    """A titled person's further office told right after the name ("Ishaq Dar, who is also
    deputy prime minister,", "Choi Sang-mok, who doubles as finance minister", "Opposition leader
    Raila Odinga, a former prime minister,"): that office too, of the same owner (lexicon
    `office_link_word` and `apposed_office_word`, the words between the comma, or the relative
    word, and the title)."""
    words = rules.once(
        "further-office-words",
        lambda: rules.word_class("office_link_word") | rules.word_class("apposed_office_word"),
    )
    relatives = rules.word_class("relative_word")
    found = list(units)
    for index, unit in enumerate(units):
        mention = unit.mention
        if mention is None or not mention.holding or len(mention.owner) != 1:
            continue
        at = index + 2
        if at > len(units) or units[index + 1].text != ",":
            continue
        at += 1 if at < len(units) and units[at].lower in relatives else 0
        start = at
        while at < len(units) and units[at].lower in words:
            at += 1
        title = units[at].mention if start < at < len(units) else None
        after = units[at + 1].lower if at + 1 < len(units) else "."
        if title is None or not title.title or title.refs or after not in CLAUSE_ENDS:
            continue
        more = _owned(
            replace(units[at], mention=replace(title, refs=mention.refs)),
            mention.owner[0],
            gaz,
            rules,
            new,
        ).mention
        if more is not None and more.holding and more.holding not in mention.also:
            also = (*mention.also, more.holding)
            found[index] = replace(unit, mention=replace(mention, also=also))
    return found


CLAUSE_ENDS = frozenset({",", ".", ";", ")", "and", ":"})  # what may follow the further office


def _double_titled(
    unit: Unit, before: list[Unit], gaz: Gazetteer, rules: RuleSet, new: list[NewEntity]
) -> Unit:
    """A titled person after a bare title and "and" ("Crown Prince and Prime Minister Mohammed
    bin Salman") or a dash (Kazinform's "Deputy Prime Minister - Foreign Minister X"; lexicon
    `title_joiner`) holds that title's office too, of the same owner."""
    mention = unit.mention
    if mention is None or not mention.holding or len(mention.owner) != 1 or len(before) < 2:
        return unit
    title = before[-2].mention
    if before[-1].lower not in rules.word_class("title_joiner") or not _bare_title(title):
        return unit
    if not _opens_with_title(unit, str(mention.title or ""), rules):
        return unit  # "the emir and Egyptian President X": the owner parts the two titles
    if "city" in gaz.classes.get(mention.owner[0], ()):
        return unit  # "Prime Minister and Ruler of Dubai X": the city's office only
    if len(before) > 2 and _plain_capital(before[-3]):
        return unit  # "General Secretary and President Lam": a longer office no title names
    first = _owned(
        replace(before[-2], mention=replace(title, refs=mention.refs)),
        mention.owner[0],
        gaz,
        rules,
        new,
    )
    more = first.mention.holding if first.mention is not None else None
    return replace(unit, mention=replace(mention, also=(*mention.also, more))) if more else unit


def _bare_title(mention: Mention | None) -> TypeGuard[Mention]:
    """Whether a mention is a title with no one named, and no body ("Government" of
    "Government spokesman X" is the government, no office the spokesman holds)."""
    return (
        mention is not None
        and bool(mention.title)
        and not mention.refs
        and "body" not in mention.classes
    )


def _title_before(unit: Unit, before: list[Unit], owner_of: object, context: tuple) -> Unit:
    """A titled person right after a bare title ("President [William Ruto, the chairman of the
    EAC]": a title rule gave the name the office apposed after it) holds that title's office
    too: of the owner named with it ("Kenyan President"), else of the person's state
    (`owner_of(person, title)`, the unowned titles' sources)."""
    gaz, rules, new = context
    mention = unit.mention
    if mention is None or not mention.holding or len(mention.refs) != 1 or not before:
        return unit
    title = before[-1].mention
    if not _bare_title(title) or title.holding:
        return unit
    if unit.begin - before[-1].end > 1 or title.title == mention.title:
        return unit
    owner = title.owner[0] if len(title.owner) == 1 else owner_of(mention.refs[0], title.title)
    if owner is None:
        return unit
    titled = replace(before[-1], mention=replace(title, refs=mention.refs))
    more = _owned(titled, owner, gaz, rules, new).mention
    if more is None or not more.holding or more.holding in (mention.holding, *mention.also):
        return unit
    return replace(unit, mention=replace(mention, also=(*mention.also, more.holding)))


def _coded_owner(unit: Unit, before: list[Unit], honorifics: frozenset[str]) -> bool:
    """Whether a titled unit follows a code or an acronym no stage named ("COP28 President X",
    "IOC President Y"): the office is that thing's, no state's to guess (not an abbreviated
    honorific's: "HM King X")."""
    if not before or unit.begin - before[-1].end > 1 or unit.text.isupper():
        return False  # (not a shouted headline's "KENYA PRESIDENT RUTO")
    word = before[-1].text
    if before[-1].mention is not None or not word.isalnum() or not word[:1].isupper():
        return False
    if word.lower() in honorifics:
        return False
    coded = any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
    return coded or (word.isupper() and 2 <= len(word) <= 6)


def _plain_capital(unit: Unit) -> bool:
    """A capitalised word no stage named and no function word ("General" of "General
    Secretary")."""
    return (
        unit.mention is None
        and unit.text[:1].isupper()
        and unit.text.isalpha()
        and unit.lower not in STOP_WORDS
    )


def _opens_with_title(unit: Unit, title: str, rules: RuleSet) -> bool:
    """Whether a titled unit's words start with its title (a word of `title_prefixes` before
    it allowed: "Acting President X"), not with an owner ("Egyptian President X")."""
    variants = [
        str(v).lower() for v in (title, *(rules.gazetteer.get("titles") or {}).get(title, ()))
    ]
    said = [unit.lower]
    for prefix in rules.listed("title_prefixes"):
        if prefix and unit.lower.startswith(prefix.lower()):
            said.append(unit.lower.removeprefix(prefix.lower()).lstrip(" -"))
    return any(words.startswith(v) for words in said for v in variants)


def _coordinated_owner(before: list[Unit]) -> URIRef | None:
    """The owner of the titled person right before ", " or "and" ("Pakistani Interior Minister
    A and Finance Minister B": Pakistan), else None."""
    if len(before) < 2 or before[-1].lower not in ("and", ","):
        return None
    mention = before[-2].mention
    if mention is None or "person" not in mention.classes or len(mention.owner) != 1:
        return None
    return mention.owner[0]


def _possessed(unit: Unit, before: list[Unit], possessives: frozenset[str]) -> bool:
    """Whether a body's possessive ("its") opens the unit or stands right before it."""
    first = next(iter(unit.lower.split()), "")
    return first in possessives or bool(before and before[-1].lower in possessives)


def _taken(mention: Mention | None, held: dict[URIRef, list], rules: RuleSet) -> bool:
    """Whether the office the dateline's state gave a mention is one the sentence gives someone
    else (`held`), and one person holds (no title with a word of `many_holder_words`: there are
    many deputies)."""
    if mention is None or mention.holding is None or mention.holding[1] is None:
        return False
    person, position = mention.holding
    if set((mention.title or "").split()) & rules.listed("many_holder_words"):
        return False
    return any(position in positions for p, positions in held.items() if p != person)


def _last_holders_country(
    before: list[Unit], gaz: Gazetteer, rules: RuleSet, new: list[NewEntity]
) -> URIRef | None:
    """The country of the last person before in the sentence who holds a position of one:
    whose first lady "X and First Lady Y" names."""
    for unit in reversed(before):
        mention = unit.mention
        if mention is not None and mention.holding and mention.holding[1] is not None:
            return _country(mention.holding[1], gaz, rules, new)
    return None


def _spouses_country(
    held: dict[URIRef, list], gaz: Gazetteer, rules: RuleSet, new: list[NewEntity]
) -> URIRef | None:
    """Whose first lady a sentence with no office holder before her names: the state of the
    article's first office holder, the story's own head ("First lady X and Peng Liyuan
    accompanied the leaders" in a story of Lula's state visit)."""
    states = (_country(p, gaz, rules, new) for ps in held.values() for p in ps if p is not None)
    return next((s for s in states if s is not None), None)


def _held(prepared: Prepared, earlier: list[tuple[URIRef, URIRef]]) -> dict[URIRef, list]:
    """Person -> the positions the sentences (and `earlier` pairs) say they hold."""
    found: dict[URIRef, list[URIRef]] = {}
    for person, position in earlier:
        if position is not None and position not in found.setdefault(person, []):
            found[person].append(position)
    for _, units in prepared:
        for unit in units:
            if unit.mention is not None and unit.mention.holding:
                for person, position in _pairs(unit.mention):
                    if position not in found.setdefault(person, []):
                        found[person].append(position)
    return found


def _same_office(
    mention: Mention, held: dict[URIRef, list[URIRef]], gaz: Gazetteer, new: list[NewEntity]
) -> tuple[URIRef, URIRef] | None:
    """The holding a bare title repeats: a position the article gives the person whose title
    is of that kind ("Minister Fidan" after "Minister of Foreign Affairs": the foreign
    minister), if exactly one is."""
    person, word = mention.refs[0], (mention.title or "").split()[-1:]
    labels = {n.iri: n.label for n in new}
    same = [
        p
        for p in held.get(person, [])
        if (gaz.labels.get(p) or labels.get(p, "")).lower().split(" of ")[0].split()[-1:] == word
    ]
    return (person, same[0]) if len(same) == 1 else None


def _bare_body(mention: Mention | None) -> bool:
    """A state body named with no state ("Foreign Ministry" of "Foreign Ministry spokesman
    Wang Wenbin")."""
    return (
        mention is not None
        and "body" in mention.classes
        and mention.title is not None
        and not mention.refs
        and mention.anaphor is None
    )


def _body_of(
    unit: Unit, country: URIRef, gaz: Gazetteer, rules: RuleSet, new: list[NewEntity]
) -> tuple[Unit, URIRef]:
    """A bare body before a title, as the body of the country the title's holder serves, and
    that body (the title's owner): "Foreign Ministry spokesman X" speaks for China's ministry."""
    assert unit.mention is not None and unit.mention.title is not None
    body, confidence = state_body(unit.mention.title, country, gaz, rules, new)
    mention = Mention(frozenset({"org", "agent"}), (body,), (body,), confidence)
    return replace(unit, mention=mention), body


def _owner_of(
    person: URIRef,
    sources: list[str],
    theirs: dict[URIRef, URIRef],
    known: dict[str, URIRef],
    home: URIRef | None = None,
) -> URIRef | None:
    """The owner the first source that knows one gives."""
    key = local_name(person).removeprefix("person/")
    for source in sources:
        if source == "person" and person in theirs:
            return theirs[person]
        if source == "known" and key in known:
            return known[key]
        if source == "dateline" and home is not None:
            return home
    return None


def _owned(unit: Unit, owner: URIRef, gaz: Gazetteer, rules: RuleSet, new: list) -> Unit:
    """The unit with its mention holding the title's position of this owner."""
    mention = unit.mention
    assert mention is not None and mention.title
    title = national_title(mention.title, owner, gaz, rules)
    position = find_position(title, (owner,), gaz, rules, only_titled=False)
    if position is None:
        made = new_position(mention.office or title, owner, gaz, new)
        new.append(made)
        position = made.iri
    holding = (mention.refs[0], position)
    also = [*mention.also]
    for title in mention.more_titles:  # "X, Deputy Prime Minister and Minister of ...,"
        more = _owned(
            replace(unit, mention=replace(mention, title=title, office=None, more_titles=())),
            owner,
            gaz,
            rules,
            new,
        )
        if more.mention is not None and more.mention.holding not in (holding, *also):
            also.append(more.mention.holding)
    found = replace(mention, holding=holding, owner=(owner,), also=tuple(also), more_titles=())
    return replace(unit, mention=found)


def _further_owned(
    unit: Unit, owner: URIRef | None, gaz: Gazetteer, rules: RuleSet, new: list
) -> Unit:
    """The unit of a person holding an office with the further titles the rule left unowned
    (mentions._body_first) held of `owner` too (none: the titles kept for the article's own
    call, which knows the dateline's state)."""
    mention = unit.mention
    assert mention is not None and mention.holding is not None
    if owner is None:
        return unit
    also = list(mention.also)
    for title in mention.more_titles:
        bare = replace(mention, title=title, office=None, more_titles=(), also=())
        more = _owned(replace(unit, mention=bare), owner, gaz, rules, new).mention
        if more is not None and more.holding and more.holding not in (mention.holding, *also):
            also.append(more.holding)
    return replace(unit, mention=replace(mention, also=tuple(also), more_titles=()))


def send_envoys(
    prepared: Prepared, home: URIRef | None, gaz: Gazetteer, rules: RuleSet, new: list[NewEntity]
) -> tuple[Prepared, set[URIRef]]:
    """An envoy named with a state and no destination ("the Israeli ambassador, Avi
    Nir-Feldklein," in a story datelined Oslo, "Iranian Ambassador Kazem Jalali" datelined
    Moscow) holds the post to the dateline's country (`home`), as wire copy writes it; an
    envoy of the dateline's own state, or one whose post names its destination, is left as it
    is. Titles of the lexicon's `envoy_title` class; the new position replaces the one without
    a destination, which is dropped when no one else holds it. Returns the sentences and the
    positions replaced."""
    envoys = frozenset(str(t) for t in rules.classes.get("envoy_title", ()))
    posts = frozenset(str(w) for w in rules.classes.get("envoy_post_word", ()))
    if home is None or not envoys:
        return prepared, set()
    minted = {n.iri: n for n in new if n.kind == "Position"}
    result, replaced = [], set()
    for sentence, units in prepared:
        changed = []
        for index, unit in enumerate(units):
            mention = unit.mention
            post = _post(mention, minted, envoys, home)
            if post is not None and not _posted_envoy(post, mention, gaz, rules):
                post = None  # "UN High Commissioner X" in a story from Geneva: no envoy there
            if post is not None and not _posted_in_words(units, index, posts):
                assert mention is not None and mention.holding is not None
                made = new_position(str(mention.title), post.position_of, gaz, new, home)
                if all(n.iri != made.iri for n in new):
                    new.append(made)
                replaced.add(post.iri)
                holding = (mention.holding[0], made.iri)
                unit = replace(unit, mention=replace(mention, holding=holding))
            changed.append(unit)
        result.append((sentence, changed))
    held = {p for _, units in result for u in units if u.mention for _, p in _pairs(u.mention)}
    new[:] = [n for n in new if n.iri not in replaced or n.iri in held]
    return result, replaced - held


def _posted_envoy(post: NewEntity, mention: Mention | None, gaz: Gazetteer, rules: RuleSet) -> bool:
    """Whether an envoy's post goes to the dateline's state: a state's envoy, or a body's of the
    lexicon's `body_envoy_title` ("the EU ambassador" in Beijing, not "the UN High
    Commissioner" in Geneva)."""
    if "country" in gaz.classes.get(post.position_of, ()):
        return True
    return mention is not None and (mention.title or "") in rules.word_class("body_envoy_title")


def _posted_in_words(units: list[Unit], index: int, posts: frozenset[str]) -> bool:
    """Whether the words name the post's place (`envoy_post_word`), which a title rule may not
    have read ("X, Russia's ambassador to Sweden,", "the ambassador in Moscow"): no guess."""
    after = units[index + 1].lower if index + 1 < len(units) else ""
    return after in posts or any(w in posts for w in units[index].text.lower().split())


def _post(
    mention: Mention | None, minted: dict[URIRef, NewEntity], envoys: frozenset[str], home: URIRef
) -> NewEntity | None:
    """The new position without a destination an envoy's mention holds, if it is one of
    another state than `home`."""
    if mention is None or mention.holding is None or (mention.title or "") not in envoys:
        return None
    post = minted.get(mention.holding[1]) if mention.holding[1] is not None else None
    if post is None or post.position_of in (None, home) or " to " in post.label:
        return None
    return post


def _pairs(mention: Mention) -> list[tuple[URIRef, URIRef]]:
    """The (person, position) holdings a mention reports."""
    return [p for p in (mention.holding, *mention.also) if p is not None and p[1] is not None]
