"""Mention stage: titles and positions, new people, named events.

Reads a sentence's units after the gazetteer stage and the `titles` rules; merges "Russian
President Vladimir Putin", "spokesman Matthew Miller", "Jo Chun Ryong, the director of ..."
into one person unit that reports a position holding. A title before capitalised words the
gazetteer does not know introduces a new person (low confidence); a title with no name ("the
North Korean leader", "the Kremlin boss", "a party spokesperson") is left as an anaphor for the
coreference stage. Quoted capitalised names ending in a head word such as "Exhibition" become
named-event units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from rdflib import URIRef
from spacy.lang.en.stop_words import STOP_WORDS

from diplograph.extract.gazetteer import Gazetteer, per_rules, surname_of, unaccented
from diplograph.extract.matcher import Match, find, match_end, separate
from diplograph.extract.rules import RuleSet
from diplograph.extract.sentences import HYPHENS, POSSESSIVE_S, Mention, Unit, merge, syllable_end
from diplograph.iris import entity_segment, local_name, slug
from diplograph.namespaces import ID

NAMED = "urn:x-diplograph:named/"
_OF = re.compile(r"^(?P<title>.+?) (?:of|in) (?P<owner>.+)$")
NEW_CONFIDENCE = 0.5


@dataclass
class NewEntity:
    """An entity the gazetteer did not know, introduced in the text with a title or role."""

    iri: URIRef
    kind: str  # "Person", "Position" or "GovernmentBody"
    label: str
    confidence: float
    position_of: URIRef | None = None
    acts_for: URIRef | None = None
    located_in: URIRef | None = None  # a new place: the city or country the text puts it in


@dataclass
class Positions:
    """Positions of the gazetteer indexed by canonical title and owner."""

    by_owner: dict[tuple[str, URIRef], URIRef] = field(default_factory=dict)
    by_title: dict[str, set[URIRef]] = field(default_factory=dict)
    owner_country: dict[URIRef, URIRef] = field(default_factory=dict)


def canonical_title(words: str, rules: RuleSet) -> str:
    """The canonical form of a title ("spokesman" -> "spokesperson")."""
    lower = words.lower()
    for canonical, variants in (rules.gazetteer.get("titles") or {}).items():
        if lower == str(canonical).lower() or lower in (str(v).lower() for v in variants):
            return str(canonical)
    return lower


def positions(gaz: Gazetteer, rules: RuleSet) -> Positions:
    """The position index of a gazetteer under a rule set (cached)."""
    return per_rules(gaz, "positions", rules, lambda: _positions(gaz, rules))


def _positions(gaz: Gazetteer, rules: RuleSet) -> Positions:
    """The gazetteer's positions indexed by canonical title and owner."""
    index = Positions()
    for iri, owner in gaz.position_of.items():
        match = _OF.match(gaz.labels.get(iri, ""))
        title = canonical_title(match["title"] if match else gaz.labels.get(iri, ""), rules)
        owners = {owner, *gaz.acts_for_closure(owner)}
        named = gaz.by_label(match["owner"]) if match else None
        if named is not None:
            owners |= {named, *gaz.acts_for_closure(named)}
        for who in owners:
            index.by_owner[(title, who)] = iri
        index.by_title.setdefault(title, set()).add(iri)
        country = next((o for o in owners if "country" in gaz.classes.get(o, ())), None)
        if country is not None:
            index.owner_country[iri] = country
    return index


def known_countries(gaz: Gazetteer, rules: RuleSet) -> dict[str, URIRef]:
    """Slug of a public figure's name -> the country `people_countries` says they serve (made
    once per gazetteer and rule set)."""
    return per_rules(
        gaz, "people_countries", rules, lambda: _known(gaz, rules, "people_countries", "country")
    )


def _known(gaz: Gazetteer, rules: RuleSet, key: str, kind: str) -> dict[str, URIRef]:
    """Slug of a name -> the gazetteer entity of class `kind` that the rule list `key` gives it."""
    found = {}
    for name, label in (rules.gazetteer.get(key) or {}).items():
        iri = gaz.by_label(str(label))
        if iri is not None and kind in gaz.classes.get(iri, ()):
            found[slug(str(name))] = iri
    return found


def known_bodies(gaz: Gazetteer, rules: RuleSet) -> dict[str, URIRef]:
    """Slug of a public figure's name -> the international organisation `people_bodies` says
    they serve (made once per gazetteer and rule set)."""
    return per_rules(
        gaz, "people_bodies", rules, lambda: _known(gaz, rules, "people_bodies", "org")
    )


def women(gaz: Gazetteer, rules: RuleSet) -> frozenset[URIRef]:
    """The people `people_women` lists: those "he" never names (made once per rule set)."""
    return per_rules(gaz, "people_women", rules, lambda: _women(gaz, rules))


def _women(gaz: Gazetteer, rules: RuleSet) -> frozenset[URIRef]:
    """`women`, made: each name's gazetteer entity, else the IRI a new person of it gets."""
    names = map(str, rules.gazetteer.get("people_women") or ())
    return frozenset(gaz.by_label(n) or ID[f"person/{slug(n)}"] for n in names)


def known_country(person: URIRef, gaz: Gazetteer, rules: RuleSet) -> URIRef | None:
    """The country `people_countries` says a public figure serves, if it lists them."""
    return known_countries(gaz, rules).get(local_name(person).removeprefix("person/"))


def find_position(
    title: str,
    owners: tuple[URIRef, ...],
    gaz: Gazetteer,
    rules: RuleSet,
    only_titled: bool = True,
) -> URIRef | None:
    """The position with this title belonging to one of the owners, or (`only_titled`, no owner
    named) the only one titled so."""
    index = positions(gaz, rules)
    for owner in owners:
        found = index.by_owner.get((title, owner))
        if found is not None:
            return found
    candidates = index.by_title.get(title, set())
    if only_titled and len(candidates) == 1 and not owners:
        return next(iter(candidates))
    return None


def head_epithet(title: str | None, rules: RuleSet) -> bool:
    """Whether a title is an epithet (entities.yaml `title_epithets`) of a head (lexicon
    `leader_title`): "the monarch" is a king, an emir or a sultan, and names no office of its
    own, as "the leader" names none."""
    epithet = title in (rules.gazetteer.get("title_epithets") or {})
    return epithet and title in rules.word_class("leader_title")


def national_title(title: str, owner: URIRef, gaz: Gazetteer, rules: RuleSet) -> str:
    """The common title a state's own word for an office stands for, as readers name the office
    (entities.yaml `national_titles`: Mexico's "foreign secretary" is its foreign minister)."""
    for state, titles in (rules.gazetteer.get("national_titles") or {}).items():
        if gaz.by_label(str(state)) == owner and title in titles:
            return str(titles[title])
    return title


def name_of(iri: URIRef, gaz: Gazetteer, new: list[NewEntity]) -> str:
    """An entity's name: its gazetteer label, else the label the article gave it, else the
    last segment of its IRI."""
    minted = {n.iri: n.label for n in new}
    return gaz.labels.get(iri) or minted.get(iri) or str(iri).rsplit("/", 1)[-1]


def new_position(
    title: str,
    owner: URIRef,
    gaz: Gazetteer,
    new: list[NewEntity] | None = None,
    destination: URIRef | None = None,
) -> NewEntity:
    """A position the gazetteer lacks: '<Title> of <owner>' (an owner the article introduced,
    such as a new body, is named by its label too), '<Title> of <owner> to <destination>' for
    an envoy sent to a state."""
    label = f"{title[:1].upper()}{title[1:]} of {name_of(owner, gaz, new or [])}"
    if destination is not None:
        label = f"{label} to {name_of(destination, gaz, new or [])}"
    minted = next((n.position_of for n in new or [] if n.iri == owner), None)
    agent = gaz.position_of.get(owner) or minted or owner  # an office's staff: of its owner
    return NewEntity(ID[f"position/{slug(label)}"], "Position", label, NEW_CONFIDENCE, agent)


def _position(
    title: str,
    owners: tuple[URIRef, ...],
    destination: URIRef | None,
    context: tuple[Gazetteer, RuleSet, list[NewEntity]],
    only_titled: bool = False,
    office: str | None = None,
) -> URIRef | None:
    """The position a title names for its owners: the gazetteer's, else a new one (added to
    `new`; named by `office`, the title with its portfolios, if given); an envoy's
    (`destination`: the state sent to) is always the article's own."""
    gaz, rules, new = context
    found = None
    if head_epithet(title, rules):  # "the Saudi monarch, King Salman": the king's office
        return None
    if title and len(owners) == 1:
        title = national_title(title, owners[0], gaz, rules)
    if title and destination is None:
        found = find_position(title, owners, gaz, rules, only_titled=only_titled)
    if found is None and owners and title:
        made = new_position(office or title, owners[0], gaz, new, destination)
        new.append(made)
        found = made.iri
    return found


def _owners(units: list[Unit], indices: list[int], local: bool = False) -> tuple[URIRef, ...]:
    """The agents named by owner units; a person named with a position owns through it
    ("Prime Minister Viktor Orban's chief of staff": the prime minister's); `local`: a city's
    own office ("Kyiv Mayor X"), the city rather than the state a capital stands for."""
    found: list[URIRef] = []
    for index in indices:
        mention = units[index].mention
        if mention is not None and mention.holding and mention.holding[1] is not None:
            found.append(mention.holding[1])
        elif mention is not None and "org" in mention.classes and mention.refs:
            found.extend(mention.refs)  # "a spokesman for the Polish government": its own
        elif mention is not None and local and "city" in mention.classes and mention.refs:
            found.extend(mention.refs)
        elif mention is not None:
            found.extend(mention.agents or mention.refs)
    return tuple(dict.fromkeys(found))


def _people_served(
    owners: tuple[URIRef, ...], gaz: Gazetteer, rules: RuleSet
) -> tuple[URIRef, ...]:
    """Owners with a person whose office the article has not given replaced by the country
    `people_countries` says they serve, or left out (the owners stage then finds one): a
    person owns no office."""
    found = []
    for owner in owners:
        if entity_segment(owner) != "person":
            found.append(owner)
        elif (country := known_country(owner, gaz, rules)) is not None:
            found.append(country)
    return tuple(dict.fromkeys(found))


def _cities(
    units: list[Unit], indices: list[int], owners: tuple[URIRef, ...]
) -> tuple[URIRef, ...]:
    """The cities owner units name that are not the owners themselves: "Washington" of
    "Washington's envoy X", whose owner is the state it stands for."""
    found = []
    for index in indices:
        mention = units[index].mention
        if mention is not None and "city" in mention.classes:
            found.extend(r for r in mention.refs if r not in owners)
    return tuple(found)


def _listed(rules: RuleSet, *keys: str) -> frozenset[str]:
    """The lower-cased words of some names.yaml lists, made once per rule set."""
    return rules.once(
        "names:" + ",".join(keys),
        lambda: frozenset(str(w).lower() for k in keys for w in rules.gazetteer.get(k) or ()),
    )


HEAD_LISTS = ("site_heads", "government_heads", "organisation_heads", "party_heads")
BODY_HEAD_LISTS = ("government_heads", "organisation_heads", "party_heads")


def _title_opens(match: Match, units: list[Unit], rules: RuleSet) -> bool:
    """Whether a match that ends with a title after a named person ("X, the Russian leader")
    is no apposition, because the title opens what follows (see _opens_clause)."""
    titles = match.roles.get("title", [])
    if "holder" not in match.roles or not titles:
        return False
    end = max([match.end, *[i + 1 for v in match.roles.values() for i in v]])
    return (
        titles[-1] == end - 1
        and titles[-1] > match.roles["holder"][0]
        and _opens_clause(units, end, rules)
    )


def _opens_clause(units: list[Unit], index: int, rules: RuleSet) -> bool:
    """Whether a title ending at `index` begins what follows rather than closing an apposition:
    a name follows ("Li Qiang, Chinese Foreign Ministry spokesperson Lin Jian told"), or a verb
    or an auxiliary does ("Peskov, the Russian leader is expected to")."""
    if index >= len(units):
        return False
    unit = units[index]
    named = unit.mention is not None and "person" in unit.mention.classes
    capital = unit.mention is None and unit.text[:1].isupper() and unit.text.isalpha()
    cue = unit.text != "," and unit.lower in _listed(rules, "person_cues_after")
    return named or capital or cue


def _before_cues(indices: list[int], units: list[Unit], rules: RuleSet) -> list[int]:
    """A new name's units up to the first word that follows names and is none
    (names.yaml `person_cues_after`: "Receives" in a headline's "King Receives Macron")."""
    cues = _listed(rules, "person_cues_after")
    particles = _listed(rules, "particles")
    sons = _listed(rules, "patronymic_particles")
    given_cues = _listed(rules, "given_name_cues")
    for position, index in enumerate(indices):
        unit = units[index]
        shouted = unit.text.isupper() and unit.lower in STOP_WORDS - particles  # "RAMAPHOSA AND"
        named = position and units[indices[position - 1]].lower in sons  # "Nawaf bin Said"
        given = not position and unit.text[:1].isupper() and unit.lower in given_cues  # "Said
        given = given and len(indices) > 1  # Deni", not "Said" alone
        if (unit.lower in cues and not named and not given) or (position and shouted):
            indices = indices[:position]
            break
    heads = _listed(rules, *HEAD_LISTS)
    if all(units[i].lower in heads for i in indices):
        return []  # "PM House", "Presidential Palace": a building or a body, no one's name
    if indices and units[indices[-1]].lower in _listed(rules, *BODY_HEAD_LISTS):
        return []  # "commander of US Central Command": a body's name, no one's
    last = units[indices[-1]].lower if len(indices) > 1 else ""
    if last in _listed(rules, "site_heads") - _listed(rules, "surname_heads"):
        return []  # "King Abdulaziz International Airport": a site named after someone
    return indices


def _shouted(units: list[Unit], start: int, name: list[int], honorifics: frozenset[str]) -> bool:
    """Whether a new name and the title before it are written in capitals, as a press
    release's headline is, and the name is a surname alone ("PRESIDENT RAMAPHOSA") or ends
    before a hyphen ("TINUBU CO" of "PRESIDENT TINUBU CO-CHAIR"); "PRESIDENT KWAME ASANTE"
    stays a name."""
    words = [units[i].text for i in range(start, name[-1] + 1)]
    words = [w for w in words if any(c.isalpha() for c in w)]
    if len(words) < 2 or not all(w.isupper() and len(w) > 1 for w in words):
        return False
    after = name[-1] + 1
    alone = len([i for i in name if units[i].lower not in honorifics]) == 1
    return alone or (after < len(units) and units[after].text in HYPHENS)


def without_honorifics(indices: list[int], units: list[Unit], rules: RuleSet) -> list[int]:
    """A new person's name without the honorifics and title words before it ("Sheikh Tamim",
    "Datuk Seri Anwar Ibrahim"): the gazetteer's `honorifics`, the last one or two words kept."""
    honorifics = _listed(rules, "honorifics")
    upper = frozenset(str(w) for w in rules.gazetteer.get("upper_honorifics") or ())
    start = 0
    while len(indices) - start > 2 and (
        units[indices[start]].lower in honorifics or units[indices[start]].text in upper
    ):
        start += 1
    return indices[start:]


def title_of(position: URIRef, gaz: Gazetteer, rules: RuleSet, new: list[NewEntity]) -> str:
    """The canonical title of a position, from its label ("Foreign minister of China")."""
    label = name_of(position, gaz, new)
    return _label_title(label, rules)


def _label_title(label: str, rules: RuleSet) -> str:
    """The title a position's label opens with: the longest known one before an "of" or an
    "in" ("Secretary of State of United States": secretary of state), else the words before
    the first."""
    words = label.split(" ")
    cuts = [i for i, w in enumerate(words) if w in ("of", "in") and 0 < i < len(words) - 1]
    known = {str(t).lower() for t in rules.gazetteer.get("titles") or {}}
    for cut in reversed(cuts):
        title = canonical_title(" ".join(words[:cut]), rules)
        if title.lower() in known:
            return title
    match = _OF.match(label)
    return canonical_title(match["title"] if match else label, rules)


def _counterpart_title(
    units: list[Unit],
    before: int,
    held: dict[URIRef, URIRef],
    context: tuple,
    subject: URIRef | None = None,
) -> str:
    """The title a counterpart shares with the sentence's first person, its subject ("Prime
    Minister Narendra Modi and his Vietnamese counterpart X"): the title that person is named
    with here, else that of the position the article said they hold (`held`); a pronoun
    subject ("He met his Saudi counterpart X") is the last sentence's first person
    (`subject`); "" if none, or if a name no stage knows comes first (someone else)."""
    gaz, rules, new = context
    pronouns = frozenset(rules.classes.get("masculine_pronoun", ())) | frozenset(
        rules.classes.get("feminine_pronoun", ())
    )
    for index, unit in enumerate(units[:before]):  # its title may not be merged with it yet
        mention = unit.mention
        if mention is None and unit.lower in pronouns and subject in held:
            return title_of(held[subject], gaz, rules, new)
        capital = unit.text[:1].isupper() and unit.text.isalpha() and not unit.text.isupper()
        if mention is None and capital and (index or unit.lower not in STOP_WORDS):
            return ""
        if mention is None or not ("person" in mention.classes or mention.title):
            continue
        if mention.title:
            return mention.title
        position = held.get(mention.refs[0]) if len(mention.refs) == 1 else None
        return title_of(position, gaz, rules, new) if position is not None else ""
    return ""


def _counterpart_body(units: list[Unit], before: int, context: tuple) -> str | None:
    """The kind of state body (entities.yaml `bodies`) named with the title of the sentence's
    first person ("Turkish Parliament Speaker X", "Speaker of the Iranian Parliament X":
    parliament), whose counterpart holds the office in their own state's body; else None."""
    gaz, rules, new = context
    made = {n.iri: n.acts_for for n in new}
    kinds = [str(k) for k in rules.gazetteer.get("bodies") or {}]
    for index, unit in enumerate(units[:before]):
        body = unit.mention.refs[0] if unit.mention and len(unit.mention.refs) == 1 else None
        if body is None or not (gaz.acts_for.get(body) or made.get(body)):
            continue
        near = [units[i] for i in (index + 1, index - 1, index - 2, index - 3) if 0 <= i < before]
        if not any(u.mention is not None and u.mention.title and not u.mention.refs for u in near):
            continue
        names = [*gaz.names.get(body, []), name_of(body, gaz, new)]
        return next((k for k in kinds if named_as_body(names, k, rules)), None)
    return None


def _principal_office(
    before: list[Unit], held: dict[URIRef, URIRef], subject: URIRef | None
) -> tuple[URIRef, ...]:
    """The office whose staff "his <title>" names: that of the sentence's first person, else
    (no person or title before it) of the last sentence's, if the article gave them one."""
    titled = any(u.mention is not None and "title" in u.mention.classes for u in before)
    person = first_person(before) or (None if titled else subject)
    mention = next((u.mention for u in before if u.mention and u.mention.holding), None)
    if mention is not None and mention.holding is not None and mention.holding[0] == person:
        return (mention.holding[1],)
    return (held[person],) if person in held else ()


def first_person(units: list[Unit]) -> URIRef | None:
    """The first person a sentence's units name, if that mention names one person."""
    for unit in units:
        if unit.mention is not None and "person" in unit.mention.classes:
            return unit.mention.refs[0] if len(unit.mention.refs) == 1 else None
    return None


def _not_a_title(match: Match, units: list[Unit], rules: RuleSet) -> bool:
    """Whether a title match is none: its title opens what follows (see _title_opens), it
    takes a named person for a title, or it opens inside a body's name (see _after_of)."""
    return (
        _title_opens(match, units, rules)
        or _named_title(match, units)
        or _after_of(match, units)
        or _possessed_owner(match, units)
        or _clause_after(match, units, rules)
        or _body_named_after(match, units)
    )


def _body_named_after(match: Match, units: list[Unit]) -> bool:
    """Whether a title with no name ends the match and "of" and words no stage read yet follow
    ("Vietnamese Chairman of the National Assembly Tran Thanh Man"): the title of a body the
    names stage reads, with the name after it, no anaphor of its own."""
    if "holder" in match.roles or "name" in match.roles or match.end + 1 >= len(units):
        return False
    at = match.end + 1 + int(units[match.end + 1].lower == "the")
    body = units[at] if at < len(units) else None
    free = body is not None and body.mention is None and body.text[:1].isupper()
    return units[match.end].lower == "of" and free


def _unheld(
    match: Match,
    units: list[Unit],
    held: dict[URIRef, URIRef],
    context: tuple[Gazetteer, RuleSet, list[NewEntity]],
) -> bool:
    """Whether a `held_only` title match ("Iran's foreign minister") names an office that no one
    named so far in the article holds and that people.yaml `office_holders` does not list
    ("Qatar's emir"), or stands set off by commas beside a name (an apposition: "X, Somalia's
    state minister for foreign affairs,", "Iran's envoy, X,"): its words then stay the state
    and a bare title, as the rules read them."""
    if not match.rule.get("held_only"):
        return False
    title_units = match.roles.get("title", [])
    if not title_units or units[title_units[0]].mention is None:
        return True
    title = units[title_units[0]].mention.title
    owners = _owners(units, match.roles.get("owner", []))
    office = Mention(frozenset(), (), (), 0.0, title=title, owner=owners)
    gaz, rules, _ = context
    listed = len(owners) == 1 and bool(office_holders(title, owners[0], gaz, rules))
    named = _titled_position(office, held, {}, context) is not None
    return _apposed_title(match, units) or not (named or listed)


def office_holders(
    title: str | None, owner: URIRef, gaz: Gazetteer, rules: RuleSet
) -> dict[str, Any]:
    """The holders people.yaml `office_holders` lists for a title of one owner ("emir of
    Qatar": name -> the day they took office), else none."""
    table = rules.gazetteer.get("office_holders") or {}
    return table.get(f"{title} of {gaz.labels.get(owner, '')}") or {}


def titles_listed(match: Match, units: list[Unit]) -> bool:
    """Whether a match ends in a comma after a name's title that another title and a comma or
    "and" follow ("X, Vice President, Deputy Prime Minister and Chairman of the Presidential
    Court,"): the list's last body is a name the unknown-name stage finds, the rule for the
    whole list can match only after it."""
    end = match_end(match)
    return 0 < end < len(units) and units[end - 1].text == "," and _title_list(units, end)


def _title_list(units: list[Unit], index: int) -> bool:
    """Whether a title and a comma or "and" stand at `index`."""
    title = units[index].mention
    listed = index + 1 < len(units) and units[index + 1].lower in (",", "and")
    return listed and title is not None and "title" in title.classes


def titles_left(units: list[Unit]) -> bool:
    """Whether a person, a comma and a listed title follow each other (a call with `defer`
    left them for the next)."""
    return any(
        u.mention is not None and "person" in u.mention.classes and units[i + 1].text == ","
        for i, u in enumerate(units[:-2])
        if _title_list(units, i + 2)
    )


def _apposed_title(match: Match, units: list[Unit]) -> bool:
    """Whether a match has a name and a comma before it, or a comma and a name after it within a
    few words ("Washington's envoy for the Western Balkans, Gabriel Escobar,")."""
    before = units[max(0, match.start - 2) : match.start]
    led = len(before) == 2 and before[1].text == "," and _name_like(before[0])
    comma = next(
        (i for i in range(match.end, min(len(units), match.end + 6)) if units[i].text == ","),
        None,
    )
    return led or (comma is not None and comma + 1 < len(units) and _name_like(units[comma + 1]))


def _name_like(unit: Unit) -> bool:
    """Whether a unit is an entity or a capitalised word (a name the later stages mint)."""
    return unit.mention is not None or unit.text[:1].isupper()


def _clause_after(match: Match, units: list[Unit], rules: RuleSet) -> bool:
    """Whether a name after a title and a comma opens the next clause rather than standing in
    apposition: a verb follows it ("after meeting the Saudi foreign minister, Araghchi said");
    a comma between portfolios is none of them ("Minister of Economy, Trade and Industry X")."""
    titles, holder = match.roles.get("title", []), match.roles.get("holder", [])
    if not titles or not holder or titles[-1] > holder[0]:
        return False
    listed = set(match.roles.get("portfolio", []))  # "Minister of Economy, Trade and ..."
    commas = [i for i in range(titles[-1] + 1, holder[0]) if units[i].text == ","]
    commas = [i for i in commas if i + 1 not in listed]
    after = units[holder[0] + 1].lower if holder[0] + 1 < len(units) else ""
    return bool(commas) and after != "," and after in _listed(rules, "person_cues_after")


def _possessed_owner(match: Match, units: list[Unit]) -> bool:
    """Whether the match ends with its owner and a possessive follows: the owner is someone
    else's ("X, the head of Ukraine's presidential office" is no head of Ukraine)."""
    owner = match.roles.get("owner", [])
    after = units[match.end].lower if match.end < len(units) else ""
    return bool(owner) and owner[-1] == match.end - 1 and after in POSSESSIVE_S


def _after_of(match: Match, units: list[Unit]) -> bool:
    """Whether a title match opens with a plain capitalised word right after "of": it ends a
    body's name ("the Ministry of Mines and President Boric"), no portfolio of the title."""
    first = units[match.start]
    plain = first.mention is None and first.text[:1].isupper()
    return plain and match.start > 0 and units[match.start - 1].lower == "of"


def _named_title(match: Match, units: list[Unit]) -> bool:
    """Whether a match takes a named person for a title ("Putin, Xi Jinping and ...": a list;
    "with Prime Minister Giorgia Meloni, Ruto said": Meloni is no title of Ruto's), so that it
    is dropped before it can hide the match that titles the name."""
    title = match.roles.get("title", [])
    mention = units[title[0]].mention if title else None
    return mention is not None and bool(mention.refs)


def find_titles(
    units: list[Unit],
    gaz: Gazetteer,
    rules: RuleSet,
    text: str,
    new: list[NewEntity],
    held: dict[URIRef, URIRef] | None = None,
    subject: URIRef | None = None,
    defer: bool = False,
) -> list[Unit]:
    """Merge titled person mentions; mint new people; leave untitled anaphors for coreference.
    A counterpart (role `counterpart`) holds the title of the sentence's subject, for the
    owner the rule names; `held`: person -> position named so far in the article; `subject`:
    the person a pronoun subject stands for (the last sentence's first); `defer`: leave a
    name's first title for a later call when more titles follow it (see titles_listed)."""
    context = (gaz, rules, new)
    found = find(
        "titles",
        units,
        rules,
        reject=lambda m: (
            _not_a_title(m, units, rules)
            or _unheld(m, units, held or {}, context)
            or (defer and titles_listed(m, units))
        ),
    )
    no_name = _listed(rules, "honorifics", "not_name_words")  # "Chief Justice", "Brigadier General"
    for match in separate(found):
        roles = match.roles
        title_units, body_last = _body_last(roles, units, gaz)
        titled = bool(title_units) and units[title_units[0]].mention is not None
        if not titled and "name" not in roles and "holder" not in roles:
            continue  # a rule may name a person without a title ("Uzbekistan's Mirziyoyev")
        title_mention = units[title_units[0]].mention if titled else None
        title = (title_mention.title or "") if title_mention is not None else ""
        title = title or str(match.rule.get("title") or "")  # "top U.S. diplomat X": the rule's
        if not title and "counterpart" in roles:
            title = _counterpart_title(units, match.start, held or {}, (gaz, rules, new), subject)
            title = str((rules.gazetteer.get("counterpart_titles") or {}).get(title, title))
        local = title in (rules.gazetteer.get("city_titles") or ())  # "Kyiv Mayor X": Kyiv's
        owned = roles.get("owner", [])
        paired = len(title_units) > 1 and len(owned) == len(title_units)  # an owner each
        owners = _owners(units, owned[:1] if paired else owned, local)
        owners = tuple((held or {}).get(o, o) for o in owners)  # "Orban's": the office he holds
        owners = _people_served(owners, gaz, rules)  # "Netanyahu's defence minister": Israel's
        if "principal" in roles:  # "his spokesman X": his office's
            owners = _principal_office(units[: match.start], held or {}, subject)
            if not owners:
                continue
        if "counterpart" in roles and len(owners) == 1:  # "Turkish Parliament Speaker X met his
            kind = _counterpart_body(units, match.start, (gaz, rules, new))
            if kind is not None:  # Azerbaijani counterpart Y": Azerbaijan's parliament's
                owners = (state_body(kind, owners[0], gaz, rules, new)[0],)
        destination = next(iter(_owners(units, roles.get("destination", []))), None)
        destination = gaz.country_of(destination) or destination  # "in Copenhagen": Denmark
        if not owners and title_mention is not None:
            owners = title_mention.owner  # "the Indian charge d'affaires, X": India's
        context = [units[i].lower for i in roles.get("context", [])]
        office = _office(title, roles, units, text, rules)
        start, end = match.start, max([match.end, *[i + 1 for v in roles.values() for i in v]])
        if match.rule.get("owner_apart") and roles.get("title"):
            start = roles["title"][0]  # "Kenya, whose president X, said": Kenya says it
        words = text[units[start].begin : units[end - 1].end]
        if "holder" in roles:
            holder = units[roles["holder"][0]].mention
            if holder is None or "person" not in holder.classes or len(holder.refs) != 1:
                continue
            title = title or holder.title or ""  # "[National Assembly] [Speaker Kim]"
            # the one position of a title is guessed for people the gazetteer knows, never for
            # people the article introduced ("Foreign Minister Takeshi Iwaya" is not Russia's)
            known = holder.refs[0] in gaz.classes
            position = _position(title, owners, destination, (gaz, rules, new), known, office)
            person = holder.refs[0]
            mention = Mention(
                holder.classes,
                holder.refs,
                holder.agents,
                min(holder.confidence, 1.0 if position is None else 1.0),
                title=title or None,
                holding=(person, position) if position is not None else None,
                owner=owners,
                office=office,
            )
        elif "name" in roles:
            named = without_honorifics(roles["name"], units, rules)
            name_units = _before_cues(named, units, rules)
            if not name_units or all(units[i].lower in no_name for i in name_units):
                continue  # "the King Receives ...": a headline's verb; "Brigadier": a rank
            if units[name_units[0]].lower in rules.word_class("preposition"):
                continue  # "Meets Cambodian Leader Amid Border Dispute": a headline's word
            if units[name_units[0]].lower in _listed(rules, "not_before_people"):
                continue  # "... CO-CHAIR THE FIFTH SESSION": no name opens with a determiner
            while len(name_units) > 1 and units[name_units[-1]].text in HYPHENS:
                name_units = name_units[:-1]  # "Son-" of "Son-hui": the syllable follows
            if _shouted(units, start, name_units, _listed(rules, "honorifics")):
                continue  # "PRESIDENT RAMAPHOSA AND PRESIDENT TINUBU CO-CHAIR ...": a surname
                # in a headline in capitals is no new person (the story names them in full)
            last = syllable_end(units, name_units[-1], _listed(rules, "hyphen_suffixes"))
            end = last + 1 if len(name_units) < len(named) else max(end, last + 1)
            words = text[units[start].begin : units[end - 1].end]
            name = text[units[name_units[0]].begin : units[last].end]
            person = named_in_full(name, new) or ID[f"person/{slug(name)}"]
            new.append(NewEntity(person, "Person", name, NEW_CONFIDENCE))
            # a person the gazetteer does not know holds a known position only if its owner is
            # named: "EU foreign policy chief X" is not the one "leader" the gazetteer knows
            position = _position(title, owners, destination, (gaz, rules, new), False, office)
            mention = Mention(
                frozenset({"person", "agent"}),
                (person,),
                (person,),
                NEW_CONFIDENCE,
                title=title,
                holding=(person, position) if position is not None else None,
                owner=owners,
                office=office,
            )
        else:
            mention = Mention(
                frozenset({"person", "agent"}),
                title=title,
                anaphor="context:" + context[0] if context else "title",
                owner=owners,
            )
        if mention.holding and (body_last or _body_first(title_units, owned, owners, paired, gaz)):
            titled = [units[i].mention for i in title_units[1:]]  # "Member of the Political
            more_titles = tuple(t.title for t in titled if t is not None and t.title)  # Bureau
            mention = replace(mention, more_titles=more_titles)  # ... and Foreign Minister X"
        elif mention.holding and len(title_units) > 1:  # "Prime Minister and Foreign Minister X"
            person = mention.holding[0]
            pairs = [(i, owners) for i in title_units[1:]]
            if paired:  # "the Prime Minister of Grenada and Chairman of CARICOM, X"
                paired_owners = zip(title_units[1:], owned[1:], strict=True)
                pairs = [(i, _owners(units, [o])) for i, o in paired_owners]
            more = tuple(
                pair
                for index, its in pairs
                for pair in _more_holdings([index], units, its, person, (gaz, rules, new))
            )
            mention = replace(mention, also=more)
        elif len(title_units) > 1 and not owners:  # "X, Deputy Prime Minister and Minister of
            # Foreign Affairs,": the owners stage gives the owner of all
            titled = [units[i].mention for i in title_units[1:]]
            more_titles = tuple(t.title for t in titled if t is not None and t.title)
            mention = replace(mention, more_titles=more_titles)
        mention = replace(mention, named=_cities(units, roles.get("owner", []), owners))
        units = merge(units, start, end, mention, words)
    return units


def _body_last(
    roles: dict[str, list[int]], units: list[Unit], gaz: Gazetteer
) -> tuple[list[int], bool]:
    """A rule's titles, the one the body after the last of them owns first, and whether it
    owns that one only ("X, Deputy Prime Minister and Chairman of the Presidential Court": the
    court's chairman; the owners stage gives the deputy prime minister's office its state)."""
    titles, owned = roles.get("title", []), roles.get("owner", [])
    if len(titles) < 2 or len(owned) != 1 or owned[0] < titles[-1]:
        return titles, False
    owner = units[owned[0]].mention
    refs = owner.refs if owner is not None else ()
    if len(refs) != 1 or "country" in gaz.classes.get(refs[0], ()) or "body" in owner.classes:
        return titles, False
    return [titles[-1], *titles[:-1]], True


def _body_first(
    titles: list[int], owned: list[int], owners: tuple[URIRef, ...], paired: bool, gaz: Gazetteer
) -> bool:
    """Whether a rule's one owner, a body and no state, stands between its first title and the
    next ("Member of the Political Bureau of the CPC Central Committee and Foreign Minister X"):
    the body owns the first office only, the owners stage gives the others theirs."""
    if paired or len(titles) < 2 or len(owned) != 1 or len(owners) != 1:
        return False
    return titles[0] < owned[0] < titles[1] and "country" not in gaz.classes.get(owners[0], ())


def _office(
    title: str, roles: dict[str, list[int]], units: list[Unit], text: str, rules: RuleSet
) -> str | None:
    """The office a title and the portfolios a rule read with it name (role `portfolio`), for
    a title of entities.yaml `portfolio_titles`: "minister of state for external affairs",
    "investment, trade and industry minister"."""
    portfolio, titles = roles.get("portfolio", []), roles.get("title", [])
    listed = {str(t) for t in rules.gazetteer.get("portfolio_titles") or ()}
    if not portfolio or not titles or not {title, title.rsplit(" ", 1)[-1]} & listed:
        return None
    joined = _joined_portfolios(titles[0], max(portfolio), units, text)
    if joined is not None:  # "Minister of Treasury and Finance": "treasury and finance minister"
        return joined
    if min(portfolio) > titles[0]:  # "Minister of State for External Affairs", "Somalia's state
        # minister for foreign affairs": the title in the copy's words, as readers keep it
        said = text[units[titles[0]].begin : units[titles[0]].end].lower()
        referred = units[titles[0]].mention
        if referred is not None and "person" in referred.classes:
            said = title  # "the UN special envoy", read as a reference first: its title only
        return f"{said} for {text[units[min(portfolio)].begin : units[max(portfolio)].end]}"
    return text[units[min(portfolio)].begin : units[titles[0]].end]  # "Trade and Industry Minister"


def _joined_portfolios(title: int, last: int, units: list[Unit], text: str) -> str | None:
    """The office of a minister's title with portfolios after "of" ("Minister of Treasury and
    Finance") or after a title that has one ("Minister of Economy, Trade and Industry"), in the
    order readers name it: "Treasury and Finance minister"; one portfolio after "of" in the copy's
    words, as readers keep it ("minister of Public Security"); None for other portfolios
    ("Minister of State for External Affairs")."""
    said = text[units[title].begin : units[title].end]
    head, of, first = said.partition(" of ")
    after = units[title + 1].lower if title + 1 < len(units) else ""
    if after == "of" and not of:
        begin = units[title + 1].end  # "Minister" "of" "Treasury and Finance"
    elif of and after in (",", "and", "&"):
        begin = units[title].end  # "Minister of Economy" ", Trade and Industry"
    else:
        return None
    words = f"{first}{text[begin : units[last].end]}".strip()
    if words and not of and not any(mark in words for mark in (" and ", ",", "&")):
        return f"{head.lower()} of {words}"  # "Minister of Public Security": as written
    return f"{words} {head.lower()}" if words else None


def body_titles(
    units: list[Unit],
    gaz: Gazetteer,
    rules: RuleSet,
    new: list[NewEntity],
    last_body: URIRef | None = None,
    orgs: tuple[URIRef, ...] = (),
) -> list[Unit]:
    """Titled people whose office's owner only coreference names: a body right before the
    titled name ("foreign ministry spokeswoman X", the ministry the dateline's), the body's
    title after it ("X, the ministry's spokesperson"), "its" (the organisation named before in
    the sentence, "the Council, led by its chairman X", else `last_body`, the organisation
    last named: "Its spokesperson, X") or "the alliance's" (the organisation named last in the
    sentence, else in `orgs`, the article's so far); their holdings, set on the units."""
    found = list(units)
    for index, unit in enumerate(units):
        mention = unit.mention
        if mention is None or "person" not in mention.classes or len(mention.refs) != 1:
            continue
        if mention.holding is not None:
            continue
        title, body = mention.title, _body(units, index - 1)
        possessives = rules.listed("body_possessives")
        before = units[index - 1].lower if index else ""
        if (
            body is None
            and title
            and (unit.lower.split()[0] in possessives or before in possessives)
        ):
            body = _last_org(units[:index], gaz, ())  # "the Council, led by its chairman X"
            body = body or (last_body if entity_segment(last_body) == "org" else None)
        if body is None and title and _bare_body_before(units, index, rules):
            body = _last_org_called(units[index - 1].lower, units[:index], gaz, new, orgs)
        if body is None and title and _epithet_possessive(units, index, rules):
            # "the alliance's Secretary-General Mark Rutte"
            body = _epithet_org(units[index - 2].lower, units[: index - 3], gaz, new, orgs)
        if body is None and title and _opens_with_epithet(unit, rules):
            epithet = unit.lower.split()[1][:-2]  # "The group's leader, X,"
            body = _epithet_org(epithet, units[:index], gaz, new, orgs)
        if body is None and not title:
            after = units[index + 1 : index + 5]
            if len(after) == 4 and after[0].text == "," and after[2].lower in POSSESSIVE_S:
                body = _body(units, index + 2)
                titled = after[3].mention
                title = titled.title if titled is not None and not titled.refs else None
            elif (after_title := _title_after(units, index)) is not None:
                at, title = after_title  # "X, a foreign ministry spokeswoman," ("a ministry
                body = (
                    _body(units, at)
                    or (  # spokeswoman": the ministry named last)
                        _last_org_called(units[at].lower, units[:index], gaz, new, orgs)
                        if _bare_body_word(units[at], rules)
                        else None
                    )
                )
        if body is None or not title:
            continue
        position = _position(title, (body,), None, (gaz, rules, new))
        found[index] = replace(unit, mention=replace(mention, holding=(mention.refs[0], position)))
    return found


def _title_after(units: list[Unit], index: int) -> tuple[int, str] | None:
    """The index of the body word and the title set off after a name ("X, a foreign ministry
    spokeswoman, said", "X, the Defence Ministry spokesman."), else None."""
    at = index + 2 + int(index + 2 < len(units) and units[index + 2].lower in ("the", "a", "an"))
    if index + 1 >= len(units) or units[index + 1].text != "," or at + 2 >= len(units):
        return None
    titled = units[at + 1].mention
    if titled is None or titled.refs or not titled.title or units[at + 2].text not in ",.;":
        return None
    return at, titled.title


def _bare_body_word(unit: Unit, rules: RuleSet, capital: bool = False) -> bool:
    """Whether a unit is a body word no stage read ("ministry": entities.yaml
    `bare_body_words`), in lower case unless `capital` allows a capital."""
    return (
        unit.mention is None
        and (unit.text.islower() or capital)
        and unit.lower in rules.listed("bare_body_words")
    )


def _bare_body_before(units: list[Unit], index: int, rules: RuleSet) -> bool:
    """Whether a lower-case body word no stage read stands right before a titled name
    ("ministry spokesman X": entities.yaml `bare_body_words`), or one capitalised as it opens
    the sentence or follows a dateline's dash ("Ministry spokesperson X")."""
    opens = index == 1 or (index > 1 and units[index - 2].text in ("--", "—", "–", "-"))
    return index > 0 and _bare_body_word(units[index - 1], rules, capital=opens)


def _last_org_called(
    word: str,
    units: list[Unit],
    gaz: Gazetteer,
    new: list[NewEntity],
    orgs: tuple[URIRef, ...],
) -> URIRef | None:
    """The organisation named last (in these units, else in `orgs`, the article's so far) whose
    label has this word ("ministry": "Foreign ministry of Ukraine"), else None."""
    labels = {e.iri: e.label for e in new}
    named = [_body(units, i) for i in reversed(range(len(units)))]
    for org in (o for o in [*named, *reversed(orgs)] if o is not None):
        label = (gaz.labels.get(org) or labels.get(org) or "").lower()
        if word in label.split() and "agency" not in gaz.classes.get(org, ()):
            return org
    return None


def _epithet_possessive(units: list[Unit], index: int, rules: RuleSet) -> bool:
    """Whether "the <body epithet>'s" stands right before a unit ("the alliance's", "the
    bloc's": entities.yaml `body_epithets`)."""
    return (
        index >= 3
        and units[index - 1].lower in POSSESSIVE_S
        and units[index - 2].lower in rules.listed("body_epithets")
        and units[index - 3].lower == "the"
    )


def _epithet_org(
    epithet: str, units: list[Unit], gaz: Gazetteer, new: list[NewEntity], orgs: tuple[URIRef, ...]
) -> URIRef | None:
    """The body an epithet possessive names: the last organisation called so ("the party's": a
    party's), else the organisation named last."""
    return _last_org_called(epithet, units, gaz, new, orgs) or _last_org(units, gaz, orgs)


def _opens_with_epithet(unit: Unit, rules: RuleSet) -> bool:
    """Whether a titled name a title rule merged opens with "the <body epithet>'s" ("The
    group's leader, Naim Qassem": entities.yaml `body_epithets`)."""
    words = unit.lower.split(maxsplit=2)
    epithet = words[1][:-2] if len(words) > 2 and words[1][-2:] in POSSESSIVE_S else ""
    return words[0] == "the" and epithet in rules.listed("body_epithets")


def _last_org(units: list[Unit], gaz: Gazetteer, orgs: tuple[URIRef, ...]) -> URIRef | None:
    """The organisation named last in these units, else the last of `orgs`; never a news
    agency (a dateline's credit)."""
    named = [_body(units, i) for i in reversed(range(len(units)))]
    found = (o for o in [*named, *reversed(orgs)] if o is not None and entity_segment(o) == "org")
    return next((o for o in found if "agency" not in gaz.classes.get(o, ())), None)


def _body(units: list[Unit], index: int) -> URIRef | None:
    """The one organisation a unit names (after coreference), else None."""
    mention = units[index].mention if 0 <= index < len(units) else None
    if mention is None or len(mention.refs) != 1 or "person" in mention.classes:
        return None
    return mention.refs[0] if entity_segment(mention.refs[0]) == "org" else None


def _more_holdings(
    indices: list[int],
    units: list[Unit],
    owners: tuple[URIRef, ...],
    person: URIRef,
    context: tuple[Gazetteer, RuleSet, list[NewEntity]],
) -> tuple[tuple[URIRef, URIRef], ...]:
    """The holdings of a person's further titles, each for the same owner."""
    gaz, rules, new = context
    found = []
    for index in indices:
        title = units[index].mention.title if units[index].mention else None
        if title and len(owners) == 1:
            title = national_title(title, owners[0], gaz, rules)
        position = find_position(title, owners, gaz, rules, only_titled=False) if title else None
        if position is None and owners and title:
            made = new_position(title, owners[0], gaz, new)
            new.append(made)
            position = made.iri
        if position is not None:
            found.append((person, position))
    return tuple(found)


def _owner(units: list[Unit], index: int) -> URIRef | None:
    """The state a unit names as an owner (a country, a nationality, a capital standing for its
    government: "Seoul's defence ministry"), if it names exactly one."""
    mention = units[index].mention if 0 <= index < len(units) else None
    if mention is None:
        return None
    capital = "city" in mention.classes and mention.agents and mention.agents != mention.refs
    if not (mention.classes & {"country", "nationality"} or capital):
        return None
    named = tuple(dict.fromkeys(mention.agents or mention.refs))
    return named[0] if len(named) == 1 else None


def _served(units: list[Unit], index: int, gaz: Gazetteer, rules: RuleSet) -> URIRef | None:
    """The state the one person a unit names serves: their office's country, else the
    country `people_countries` gives ("Trudeau's government", "the Biden administration");
    None after a title, which the person keeps."""
    mention = units[index].mention if 0 <= index < len(units) else None
    if mention is None or "person" not in mention.classes or len(mention.refs) != 1:
        return None
    title = units[index - 1].mention if index > 0 else None
    if title is not None and title.title is not None and not title.refs:
        return None  # "President Daniel Noboa's government": the title's holder stays a person
    held = mention.holding[1] if mention.holding else None
    country = positions(gaz, rules).owner_country.get(held) if held is not None else None
    return country or known_country(mention.refs[0], gaz, rules)


def named_as_body(names: list[str], canonical: str, rules: RuleSet) -> bool:
    """Whether one of the names says a body of this kind (a variant of entities.yaml `bodies`:
    "Ministry of Foreign Affairs" is a foreign ministry)."""
    variants = [canonical, *(rules.gazetteer.get("bodies") or {}).get(canonical, [])]
    return any(str(v).lower() in n.lower() for v in variants for n in names if n)


def find_body(canonical: str, owner: URIRef, gaz: Gazetteer, rules: RuleSet) -> URIRef | None:
    """The body of the gazetteer acting for the owner and named with a variant of the title."""
    for iri, acts in sorted(gaz.acts_for.items()):
        if owner in acts and named_as_body(gaz.names.get(iri, []), canonical, rules):
            return iri
    return None


def state_body(
    title: str, owner: URIRef, gaz: Gazetteer, rules: RuleSet, new: list[NewEntity]
) -> tuple[URIRef, float]:
    """The body a state's title names ("foreign ministry" of China) and its confidence: the
    gazetteer's, else a new one acting for the state (added to `new`)."""
    body = find_body(title, owner, gaz, rules)
    if body is not None:
        return body, 1.0
    owner_label = gaz.labels.get(owner, slug(str(owner)))
    label = f"{title[:1].upper()}{title[1:]} of {owner_label}"
    body = ID[f"org/{slug(label)}"]
    if all(n.iri != body or n.label != label for n in new):
        new.append(NewEntity(body, "GovernmentBody", label, NEW_CONFIDENCE, acts_for=owner))
    return body, NEW_CONFIDENCE


def find_bodies(
    units: list[Unit], gaz: Gazetteer, rules: RuleSet, text: str, new: list[NewEntity]
) -> list[Unit]:
    """Merge "<state>'s <body>", "the <nationality> <body>" and "<body> of <state>" into one
    organisation unit: the gazetteer's body acting for that state, else a new one (low
    confidence); `state_bodies` such as "government" are a body of their own that acts as the
    state (the mention's agent is the state)."""
    state_bodies = {str(b) for b in rules.gazetteer.get("state_bodies") or []}
    index = len(units) - 1
    while index >= 0:  # from the end, so that merging keeps earlier indices valid
        mention = units[index].mention
        if mention is None or "body" not in mention.classes or mention.title is None:
            index -= 1
            continue
        possessive = index >= 2 and units[index - 1].lower in POSSESSIVE_S
        start = index - 2 if possessive else index - 1
        owner, end = _owner(units, start), index + 1
        if owner is None and index + 2 < len(units) and units[index + 1].lower == "of":
            owner, start, end = _owner(units, index + 2), index, index + 3
        if owner is None and (titled := _owner_of_title(units, index)) is not None:
            owner, start, end = titled, index, index + 1  # "Iran's Speaker of Parliament X"
        whose: tuple[URIRef, ...] = ()  # the person whose government it is, still named
        if owner is None and mention.title in state_bodies:  # "Trudeau's government"
            owner, end = _served(units, start, gaz, rules), index + 1
            person = units[start].mention
            whose = person.refs if owner is not None and person is not None else ()
        if owner is None:
            index -= 1
            continue
        title = mention.title
        if _body_site(units, start, end, title, rules):  # "the Chinese embassy in Belgrade"
            units, index = _merge_site(units, start, end + 2, text, new, owner), start - 1
            continue
        state = title in state_bodies  # "the Japanese government": a body that acts as the state
        if state and _qualifies(units, end, rules):  # "DRC government forces"
            merged = Mention(frozenset({"country", "agent"}), (owner,), (owner,))
            units = merge(units, start, end, merged, text[units[start].begin : units[end - 1].end])
            index = start - 1
            continue
        body, confidence = state_body(title, owner, gaz, rules, new)
        classes = frozenset({"org", "agent"} | ({"country"} if state else set()))
        merged = Mention(classes, (body,), (owner,) if state else (body,), confidence, owner=whose)
        units = merge(units, start, end, merged, text[units[start].begin : units[end - 1].end])
        index = start - 1
    return units


def _owner_of_title(units: list[Unit], index: int) -> URIRef | None:
    """The state named before a title of the body at `index` ("Iran's Speaker of Parliament",
    "the Iranian Speaker of the Parliament"): the body is that state's, as in "Speaker of the
    Iranian Parliament"; None when no such words stand before it."""
    at = index - 1 - int(index > 0 and units[index - 1].lower == "the")
    title = units[at - 1].mention if at > 0 else None
    if at < 1 or units[at].lower != "of" or title is None or not title.title or title.refs:
        return None
    before = at - 2 - int(at > 2 and units[at - 2].lower in POSSESSIVE_S)
    return _owner(units, before)


def _qualifies(units: list[Unit], end: int, rules: RuleSet) -> bool:
    """Whether the word after a state body is a noun it qualifies (entities.yaml
    `state_body_modifiers`: "government forces")."""
    return end < len(units) and units[end].text in rules.listed("state_body_modifiers")


def _merge_site(
    units: list[Unit], start: int, end: int, text: str, new: list[NewEntity], state: URIRef
) -> list[Unit]:
    """Merge units[start:end] into one new place named as written ("French embassy in Baku"),
    whose state acts where the words fill an actor's role ("two employees of the Somali
    embassy in Nairobi were expelled": Somalia's)."""
    words = text[units[start].begin : units[end - 1].end]
    label = words.removeprefix("the ").removeprefix("The ")
    iri = add_new(new, NewEntity(ID[f"place/{slug(label)}"], "Place", label, NEW_CONFIDENCE))
    mention = Mention(frozenset({"place"}), (iri,), (state,), NEW_CONFIDENCE)
    return merge(units, start, end, mention, words)


def _body_site(units: list[Unit], start: int, end: int, title: str, rules: RuleSet) -> bool:
    """Whether a state's body at units[start:end] is a building in a city (`site_bodies`: "the
    Chinese embassy in Belgrade", "the Embassy of Iran in Yerevan"), not a body that speaks
    ("the Chinese Embassy in Canberra declined to comment", "according to the ... embassy") nor
    one people work for ("two employees of the Somali embassy in Nairobi": names.yaml
    `affiliate_words`)."""
    sites = rules.listed("site_bodies")
    if title not in sites or end + 1 >= len(units) or units[end].lower != "in":
        return False
    city = units[end + 1].mention
    if city is None or "city" not in city.classes:
        return False
    speech = rules.word_class("speech_verb") | {"decline"}
    after = units[end + 2] if end + 2 < len(units) else None
    before = [u.lower for u in units[max(start - 3, 0) : start]]
    before = before[:-1] if before[-1:] == ["the"] else before
    sources = rules.word_class("source_lead") | {"by"}
    lead = any(" ".join(before[-len(s.split()) :]) == s for s in sources)
    staff = rules.listed("affiliate_words")  # "employees of"
    works = len(before) >= 2 and before[-1] in {"of", "at"} and before[-2] in staff
    return (after is None or after.lemma not in speech) and not lead and not works


def _office_size(units: list[Unit], at: int, offices: frozenset[str]) -> int | None:
    """How many words from `at` say an office (`office_noun`: "press service", "office")."""
    if at >= len(units) or units[at].lower not in _first_words(offices):
        return None  # most words open no office: no joins
    for size in (3, 2, 1):
        if at + size < len(units) and " ".join(u.lower for u in units[at : at + size]) in offices:
            return size
    return None


@cache
def _first_words(offices: frozenset[str]) -> frozenset[str]:
    """The words an office noun of the set opens with ("press" of "press service")."""
    return frozenset(o.split()[0] for o in offices if o)


def _titled_position(
    mention: Mention,
    held: dict[URIRef, URIRef],
    titled: dict[URIRef, set[str]],
    context: tuple[Gazetteer, RuleSet, list],
) -> URIRef | None:
    """The one position held so far in the article that a title without a name stands for
    ("the Prime Minister" after "Armenian Prime Minister Nikol Pashinyan"; "the Belarusian
    leader" for the head of Belarus, `head_titles`), with the mention's owner if it has one,
    when no one else has been named with that title (`titled`: person -> titles so far)."""
    gaz, rules, new = context
    heads = [str(t) for t in rules.gazetteer.get("head_titles") or []]
    titles = heads if mention.title in heads else [mention.title or ""]
    index = positions(gaz, rules)
    named = {p for p, said in titled.items() if any(t in said for t in titles)}
    if len(named) > 1 and not mention.owner:
        return None  # "the Prime Minister" when two have been named so
    found = set()
    for position in set(held.values()):
        label = name_of(position, gaz, new).lower()
        if not any(label.startswith(f"{t} of ") for t in titles if t):
            continue
        owner = index.owner_country.get(position) or next(
            (n.position_of for n in new if n.iri == position), None
        )
        if not mention.owner or owner in mention.owner:
            found.add(position)
    return next(iter(found)) if len(found) == 1 else None


def find_offices(
    units: list[Unit],
    gaz: Gazetteer,
    rules: RuleSet,
    text: str,
    new: list[NewEntity],
    held: dict[URIRef, URIRef] | None = None,
    titled: dict[URIRef, set[str]] | None = None,
) -> list[Unit]:
    """Merge "<person>'s office" (words of the `office_noun` class: "office", "press service")
    into one body: the office of the position the person holds here ("Netanyahu's office" after
    "Prime Minister Benjamin Netanyahu", by `held`: person -> position named so far), else of
    the person; a new body acting for the position's country. A title without a name stands for
    the position it names ("the Prime Minister's press office"); a body names its own office
    ("the Russian government's press service", and without "'s" by a two-word office noun: "the
    Kremlin press service")."""
    offices = rules.word_class("office_noun")
    held, titled = held or {}, titled or {}
    index = len(units) - 3
    while index >= 0:
        owner, mark = units[index].mention, units[index + 1].lower
        possessive = mark in POSSESSIVE_S
        size = None if owner is None else _office_size(units, index + 1 + possessive, offices)
        if owner is None or size is None or not (possessive or size >= 2):
            index -= 1
            continue
        body = _office_body(
            units[index],
            possessive,
            units[index + 1 + possessive : index + 1 + possessive + size],
            (gaz, rules, new, held, titled),
        )
        if body is None:
            index -= 1
            continue
        merged = Mention(frozenset({"org", "agent"}), (body,), (body,), NEW_CONFIDENCE)
        end = index + 1 + possessive + size
        units = merge(units, index, end, merged, text[units[index].begin : units[end - 1].end])
        index -= 1
    return _offices_of(units, offices, text, (gaz, rules, new, held, titled))


def _offices_of(
    units: list[Unit], offices: frozenset[str], text: str, context: tuple
) -> list[Unit]:
    """Merge "<office noun> of [the] <owner>" into one body, as "<owner>'s <office noun>" is:
    "the Office of the President of Ukraine", "the press service of the Pacific Fleet"."""
    index = 0
    while index < len(units) - 2:
        size = _office_size(units, index, offices)
        at = index + (size or 0)
        if size is None or units[at].lower != "of":
            index += 1
            continue
        whose = at + 1 + int(units[at + 1].lower == "the")
        owner = units[whose].mention if whose < len(units) else None
        end, body = whose + 1, None
        if owner is not None and _titled_owner(units, whose):  # "the President of Ukraine"
            end, body = whose + 3, _office_of_title(units[index:at], units, whose, context)
        elif owner is not None and (size > 1 or "org" not in owner.classes):
            body = _office_body(units[whose], True, units[index:at], context)  # not the seat
            # of a body ("Tuynhuys, the office of the Presidency"), but its press service
        if body is not None:
            merged = Mention(frozenset({"org", "agent"}), (body,), (body,), NEW_CONFIDENCE)
            units = merge(units, index, end, merged, text[units[index].begin : units[end - 1].end])
        index += 1
    return units


def _titled_owner(units: list[Unit], at: int) -> bool:
    """Whether a title with no name stands at `at`, followed by "of" and a state or body."""
    mention = units[at].mention
    if mention is None or not mention.title or mention.refs or at + 2 >= len(units):
        return False
    owner = units[at + 2].mention
    named = owner is not None and bool(owner.refs) and bool(owner.classes & {"country", "org"})
    return units[at + 1].lower == "of" and named


def _office_of_title(
    noun_units: list[Unit], units: list[Unit], at: int, context: tuple
) -> URIRef | None:
    """The office of a title's position: "the Office of the President of Ukraine", a new body
    acting for the state."""
    gaz, rules, new, _, _ = context
    title, owner = units[at].mention, units[at + 2].mention
    assert title is not None and owner is not None
    owners = tuple(dict.fromkeys(owner.agents or owner.refs))
    position = _position(title.title or "", owners, None, (gaz, rules, new))
    if position is None:
        return None
    noun = " ".join(u.text for u in noun_units)
    label = f"{noun[:1].upper()}{noun[1:]} of the {name_of(position, gaz, new)}"
    country = next((o for o in owners if "country" in gaz.classes.get(o, ())), None)
    return _new_body(label, new, country)


def _new_body(label: str, new: list[NewEntity], country: URIRef | None) -> URIRef:
    """The IRI of a body the article names by `label`, added to `new` once (acting for
    `country`)."""
    body = ID[f"org/{slug(label)}"]
    entity = NewEntity(body, "GovernmentBody", label, NEW_CONFIDENCE, acts_for=country)
    return add_new(new, entity)


def add_new(new: list[NewEntity], entity: NewEntity) -> URIRef:
    """An entity's IRI, the entity added to the article's `new` unless one of its IRI is."""
    if all(n.iri != entity.iri for n in new):
        new.append(entity)
    return entity.iri


def _office_body(
    unit: Unit, possessive: bool, noun_units: list[Unit], context: tuple
) -> URIRef | None:
    """The body an office names (added to `new` when the article introduces it), or None
    when the words before the office noun name no one whose office it can be."""
    gaz, rules, new, held, titled = context
    owner = unit.mention
    noun = " ".join(u.text for u in noun_units)
    state = tuple(dict.fromkeys(owner.agents or owner.refs))
    national = "country" in owner.classes or "nationality" in owner.classes
    if not possessive and national and len(state) == 1:  # "Kremlin press service", "the Kazakh
        # presidential press service"
        words = unit.text.removeprefix("the ").removeprefix("The ")
        return _new_body(f"{words} {noun[:1].lower()}{noun[1:]}", new, state[0])
    itself = bool(owner.refs) and all("country" in gaz.classes.get(r, ()) for r in owner.refs)
    if possessive and itself and len(state) == 1 and len(noun_units) > 1:
        label = f"{noun[:1].upper()}{noun[1:]} of {name_of(state[0], gaz, new)}"
        return _new_body(label, new, state[0])  # "Kazakhstan's presidential press service"
    person = "person" in owner.classes and len(owner.refs) == 1
    title_only = possessive and owner.anaphor is not None and owner.title and not owner.refs
    body_owner = "org" in owner.classes and not person and len(owner.refs) == 1
    holder: URIRef | None = None
    if person and possessive:
        holder = owner.holding[1] if owner.holding else held.get(owner.refs[0])
        whose = holder if holder is not None else owner.refs[0]
    elif title_only:
        holder = _titled_position(owner, held, titled, (gaz, rules, new))
        if holder is None:
            return None
        whose = holder
    elif body_owner:
        whose = owner.refs[0]
    else:
        return None
    name = name_of(whose, gaz, new)
    if body_owner and not possessive:
        label = f"{name} {noun[:1].lower()}{noun[1:]}"  # "Kremlin press service"
    else:
        the = "the " if holder is not None or body_owner else ""
        label = f"{noun[:1].upper()}{noun[1:]} of {the}{name}"
    country = positions(gaz, rules).owner_country.get(holder) if holder is not None else None
    if country is None and holder is not None:
        country = next((n.position_of for n in new if n.iri == holder), None)
    if country is None and body_owner:
        country = next(iter(sorted(gaz.acts_for.get(whose, ()))), None)
    return _new_body(label, new, country)


def find_described_groups(
    units: list[Unit], rules: RuleSet, text: str, new: list[NewEntity]
) -> list[Unit]:
    """Merge a counted "<nationality> <group noun>" ("three North Korean officials", "two
    Iranian firms") into one new organisation named by the words, as the hand layer names
    unnamed targets of sanctions (low confidence); an uncounted one ("Swedish officials",
    "sanctions on North Korean individuals", "welcomes Indian companies") into the state
    itself, as readers record who speaks, meets and is targeted for it."""
    heads = _listed(rules, "described_groups", "state_groups")
    counts = rules.word_class("number_word")
    index = len(units) - 1
    while index >= 1:  # from the end, so that merging keeps earlier indices valid
        owner = units[index - 1].mention
        if units[index].lower not in heads or owner is None:
            index -= 1
            continue
        counted = index >= 2 and (
            units[index - 2].text.isdigit() or units[index - 2].lower in counts
        )  # "three North Korean officials": those people, a group
        state = not counted
        if "nationality" not in owner.classes and not (state and "country" in owner.classes):
            index -= 1
            continue
        words = text[units[index - 1].begin : units[index].end]
        if state:  # "Swedish officials said", "US officials": the state
            state = Mention(frozenset({"country", "agent"}), owner.refs, owner.agents)
            units = merge(units, index - 1, index + 1, state, words)
            index -= 2
            continue
        label = f"{units[index - 1].text} {units[index].lower}"
        iri = ID[f"org/{slug(label)}"]
        new.append(NewEntity(iri, "Organisation", label, NEW_CONFIDENCE))
        mention = Mention(frozenset({"org", "agent"}), (iri,), (iri,), NEW_CONFIDENCE)
        units = merge(units, index - 1, index + 1, mention, words)
        index -= 2
    return units


def find_gathering_names(units: list[Unit], rules: RuleSet, text: str) -> list[Unit]:
    """Merge the name of a gathering before its capitalised head ("the Ukraine Recovery
    Conference", "the India-Africa Forum Summit", "the ASEAN-China Business Summit") into one
    unit that names no actor, so that the states inside the name are no parties; the head stays
    a word of its own for the rules. A body's own gathering ("the BRICS Summit", "the G20
    Leaders' Summit") is not merged: its members attend it."""
    heads = rules.word_class("gathering_noun")
    if heads.isdisjoint(_lowers(units)):
        return units
    modifiers = rules.word_class("gathering_modifier")
    index = len(units) - 1
    while index >= 1:  # from the end, so that merging keeps earlier indices valid
        head = units[index]
        if head.mention is not None or head.lower not in heads or not head.text[:1].isupper():
            index -= 1
            continue
        start = index
        while start > 0 and _in_gathering_name(units[start - 1]):
            start -= 1
        name = units[start:index]
        states = [u for u in name if u.mention and {"country", "city"} & u.mention.classes]
        plain = [u for u in name if u.mention is None and u.text[:1].isupper()]
        joined = any(u.text in HYPHENS for u in name)
        own_words = [u for u in plain if u.lower not in modifiers and u.lower not in heads]
        if name and (states or len(name) > 2) and (own_words or joined):
            words = text[name[0].begin : name[-1].end]
            units = merge(units, start, index, Mention(frozenset({"gathering"})), words)
        index = start - 1
    return units


def _lowers(units: list[Unit]) -> set[str]:
    """The lower-case forms of a sentence's units."""
    return {unit.lower for unit in units}


def _in_gathering_name(unit: Unit) -> bool:
    """A unit that may stand in a gathering's name: a capitalised word, a hyphen, a state, a
    city or a body."""
    mention = unit.mention
    if mention is None:
        return unit.text in HYPHENS or (unit.text[:1].isupper() and unit.text.isalpha())
    return bool({"country", "city", "org"} & mention.classes) and mention.date_words is None


def find_place_descriptors(
    units: list[Unit], rules: RuleSet, text: str, gaz: Gazetteer
) -> list[Unit]:
    """Merge a place with the words that describe it before it ("the Mongolian capital
    Ulaanbaatar", "the Russian city of Kazan", "the Saudi port city of Jeddah,", "Kenya's
    coastal town of Lamu") into one unit naming the place, so that a slot or a preposition
    reads the place: [the] [nationality | country 's] [modifiers] noun [of | ,] PLACE; and
    "the Chinese capital" with no name after it into the capital entities.yaml names."""
    nouns = rules.word_class("place_descriptor")
    if nouns.isdisjoint(_lowers(units)):  # the `capital_noun` words are among them
        return units
    modifiers = rules.word_class("place_descriptor_modifier")
    units = _unnamed_capitals(units, rules, text, gaz)
    index = len(units) - 1
    while index >= 2:  # from the end, so that merging keeps earlier indices valid
        place = units[index].mention
        if place is None or not ({"city", "place"} & place.classes) or not place.refs:
            index -= 1
            continue
        start = index - 1
        if units[start].text in (",", "of"):
            start -= 1
        if units[start].mention is not None or units[start].lower not in nouns:
            index -= 1
            continue
        while (
            start > 0 and units[start - 1].mention is None and units[start - 1].lower in modifiers
        ):
            start -= 1
        start = _place_owner_start(units, start)
        if start is None:
            index -= 1
            continue
        end = index + 1  # "the capital, Kyiv, on Monday": the apposition's closing comma too
        if units[index - 1].text == "," and end < len(units) and units[end].text == ",":
            end += 1
        words = text[units[start].begin : units[end - 1].end]
        units = merge(units, start, end, replace(place), words)
        index = start - 1
    return units


def _unnamed_capitals(units: list[Unit], rules: RuleSet, text: str, gaz: Gazetteer) -> list[Unit]:
    """ "the Chinese capital", "Russia's capital" with no place named after it: the capital
    city of the owner's country (entities.yaml `capitals`)."""
    capitals = _capitals(rules, gaz)
    capital_nouns = frozenset(rules.classes.get("capital_noun", ()))
    index = len(units) - 1
    while index >= 1:
        if units[index].lower not in capital_nouns or units[index].mention is not None:
            index -= 1
            continue
        after = [u for u in units[index + 1 : index + 3] if u.text not in (",", "of")][:1]
        if after and after[0].mention is not None and {"city", "place"} & after[0].mention.classes:
            index -= 1
            continue
        start = _place_owner_start(units, index)
        owner = (
            units[start + int(units[start].lower == "the")].mention if start is not None else None
        )
        city = next((capitals[c] for c in (owner.refs if owner else ()) if c in capitals), None)
        if start is None or city is None:
            index -= 1
            continue
        mention = Mention(frozenset({"city", "place"}), (city,), (city,), 0.9)
        units = merge(units, start, index + 1, mention, text[units[start].begin : units[index].end])
        index = start - 1
    return units


def _capitals(rules: RuleSet, gaz: Gazetteer) -> dict[URIRef, URIRef]:
    """Country -> capital city, from entities.yaml `capitals` (kept with the rules)."""
    if "capitals" not in rules.derived:
        pairs = (rules.gazetteer.get("capitals") or {}).items()
        found = {gaz.by_label(str(c)): gaz.by_label(str(city)) for c, city in pairs}
        rules.derived["capitals"] = {c: v for c, v in found.items() if c and v}
    return rules.derived["capitals"]


def _place_owner_start(units: list[Unit], start: int) -> int | None:
    """Where a place's description begins, from its first descriptive word: with its owner
    ("the Russian", "Kenya's") and "the" before it, or "the" alone ("the capital, Kyiv");
    None when neither stands there."""
    possessive = start >= 2 and units[start - 1].lower in POSSESSIVE_S
    at = start - 2 if possessive else start - 1
    owner = units[at].mention if at >= 0 else None
    if owner is not None and {"nationality", "country"} & owner.classes:
        start = at
    elif not (start > 0 and units[start - 1].lower == "the"):
        return None
    return start - 1 if start > 0 and units[start - 1].lower == "the" else start


def share_plural_titles(units: list[Unit], rules: RuleSet) -> list[Unit]:
    """Give each person named after a plural title the title ("Presidents Felix Tshisekedi and
    Paul Kagame", "Foreign Ministers A, B and C"), untitled and unowned so far: the owners
    stage then finds the state each serves (entities.yaml `plural_titles`)."""
    plural, firsts = _plural_titles(rules)
    if firsts.isdisjoint(u.lower.partition(" ")[0] for u in units):
        return units
    changed = list(units)
    for index, unit in enumerate(units):
        first = unit.lower.partition(" ")[0]
        if first not in firsts:
            continue
        owners = _owners_before(units, index)  # "US presidents", "Polish and Ukrainian ..."
        for size in (2, 1):
            words = " ".join(u.lower for u in units[index : index + size])
            if words in plural and all(u.mention is None for u in units[index : index + size]):
                after, listed = _owners_after(units, index + size)  # "of A and B, X and Y"
                people = _people_before(units, index)  # "A and B, the foreign ministers of"
                if people:
                    states = _states_of(units, index + size)
                    if len(states) == len(people):
                        _title_people(changed, people[0], plural[words], states)
                elif listed:
                    _title_people(changed, after, plural[words], listed)
                elif index + size < len(units) and units[index + size].lower == ",":
                    if not _plural_headed(units, index + size + 1, plural):  # "the two
                        # presidents, Ministers A and B": no apposition
                        _title_people(changed, index + size + 1, plural[words], owners)  # "the
                        # two foreign ministers, A of X and B of Y,"
                else:
                    _title_each(changed, index + size, plural[words], (units, index, rules))
        head = next((w for w in plural if unit.lower.startswith(f"{w} ")), None)
        if head is not None and unit.mention is not None:  # "Presidents Felix Tshisekedi"
            _title_each(changed, index, plural[head], (units, index, rules))
    return changed


def share_listed_titles(units: list[Unit], gaz: Gazetteer, rules: RuleSet) -> list[Unit]:
    """Give the title of a list's first person, named with a state's office ("Nigeria's
    President Bola Tinubu, Senegal's Bassirou Diomaye Faye and Liberia's Joseph Boakai"), to the
    people listed right after it with only their own state before them: the office of that
    state (a `counterpart_titles` office for one that state's title names: "Secretary of State
    X, Britain's Y": Britain's foreign minister)."""
    changed = list(units)
    counterparts = rules.gazetteer.get("counterpart_titles") or {}
    for index, unit in enumerate(units):
        first = unit.mention
        if first is None or not _listed_office(first, gaz) or first.office or first.also:
            continue
        if _other_title_before(units, index, first.title):  # "German Chancellor A, French
            continue  # President B and Italy's C": C's office is not told
        title = str(counterparts.get(first.title, first.title))
        at = index + 1
        while at + 1 < len(units) and units[at].lower in (",", "and"):
            at += 2 if units[at].lower == "," and units[at + 1].lower == "and" else 1
            mention = units[at].mention if at < len(units) else None
            if mention is None or mention.title is not None or not _state_owned(mention, gaz):
                break
            if mention.holding is None and mention.owner != first.owner:
                changed[at] = replace(units[at], mention=replace(mention, title=title))
            at += 1
    return changed


def share_told_titles(
    prepared: list[tuple[Any, list[Unit]]], gaz: Gazetteer, rules: RuleSet, held: set[URIRef]
) -> list[tuple[Any, list[Unit]]]:
    """Give the one person an article names with only their state before them ("Egypt's Badr
    Abdelatty") the office a plural title gives that state elsewhere in it ("Egyptian,
    Jordanian foreign ministers meet", "the presidents of Kenya and Uganda"), unless the
    article gives them an office (`held`) or the state two such offices."""
    plural, firsts = _plural_titles(rules)
    told: dict[URIRef, set[str]] = {}
    named: dict[URIRef, set[URIRef]] = {}
    for _, units in prepared:
        for index, unit in enumerate(units):
            mention = unit.mention
            if mention is not None and mention.title is None and _state_owned(mention, gaz):
                named.setdefault(mention.owner[0], set()).add(mention.refs[0])
            if mention is not None or unit.lower.partition(" ")[0] not in firsts:
                continue
            for size in (2, 1):
                words = " ".join(u.lower for u in units[index : index + size])
                if words in plural and all(u.mention is None for u in units[index : index + size]):
                    states = _owners_before(units, index) or _states_of(units, index + size)
                    if plural[words] in rules.listed("descriptive_titles"):
                        states = []
                    for state in states:
                        told.setdefault(state, set()).add(plural[words])
                    break
    titles = {
        state: next(iter(told[state]))
        for state, people in named.items()
        if len(told.get(state, ())) == 1 and len(people) == 1 and not people & held
    }
    if not titles:
        return prepared
    result = []
    for sentence, units in prepared:
        changed = list(units)
        for index, unit in enumerate(units):
            mention = unit.mention
            if mention is None or mention.title is not None or not _state_owned(mention, gaz):
                continue
            if mention.owner[0] in titles:
                title = titles[mention.owner[0]]
                changed[index] = replace(unit, mention=replace(mention, title=title))
        result.append((sentence, changed))
    return result


def _other_title_before(units: list[Unit], index: int, title: str) -> bool:
    """Whether the list the unit at `index` is in names someone with another title before it."""
    at = index - 1
    while at >= 1 and units[at].lower in (",", "and"):
        at -= 1
        mention = units[at].mention
        if mention is None or "person" not in mention.classes:
            return False
        if mention.title is not None and mention.title != title:
            return True
        at -= 1
    return False


def _listed_office(mention: Mention, gaz: Gazetteer) -> bool:
    """Whether a mention names one person with a title and the one state whose office it is."""
    return mention.title is not None and _state_owned(mention, gaz, titled=True)


def _state_owned(mention: Mention, gaz: Gazetteer, titled: bool = False) -> bool:
    """Whether a mention names one person and, before the name, the one state they serve
    ("Senegal's Bassirou Diomaye Faye"; with `titled`, a title may come between)."""
    return (
        "person" in mention.classes
        and len(mention.refs) == 1
        and len(mention.owner) == 1
        and "country" in gaz.classes.get(mention.owner[0], ())
        and (titled or mention.holding is None)
    )


def _plural_headed(units: list[Unit], index: int, plural: dict[str, str]) -> bool:
    """Whether the unit at `index` is names that carry their own plural title ("Ministers A",
    a plural title's head noun before them): people so titled are no apposition of a plural
    title before them."""
    if index >= len(units) or units[index].mention is None:
        return False
    heads = {w.split()[-1] for w in plural}
    return units[index].lower.partition(" ")[0] in heads


def _title_each(changed: list[Unit], start: int, title: str, at: tuple) -> None:
    """Title the people listed from `start` after a plural title, or, after portfolios joined
    before it ("Foreign and Defence Ministers A and B"), each with their own office in order
    (none when the names are not one per office); `at`: the units, where the title is, the
    rules."""
    units, index, rules = at
    titles = _respective_titles(units, index, title, rules)
    if len(titles) == 1:
        _title_people(changed, start, title, _owners_before(units, index))
        return
    owners = _owners_before(units, index - 2)
    listed = [i for i, _ in _listed_people(changed, start)]
    if len(listed) != len(titles):
        return
    for person, office in zip(listed, titles, strict=True):
        mention = changed[person].mention
        if mention is None or mention.title is not None or mention.owner:
            continue
        owner = (owners[0],) if len(owners) == 1 else ()
        changed[person] = replace(
            changed[person], mention=replace(mention, title=office, owner=owner)
        )


def _respective_titles(units: list[Unit], index: int, title: str, rules: RuleSet) -> list[str]:
    """The offices of a plural title with a portfolio joined before it ("Foreign and Defence
    Ministers": foreign minister, defence minister), the title alone otherwise; a portfolio
    (lexicon `portfolio_word`) makes an office only where the titles name one."""
    before = units[index - 2] if index >= 2 else None
    if before is None or units[index - 1].lower != "and" or before.mention is not None:
        return [title]
    if before.lower not in rules.word_class("portfolio_word") or not before.text[:1].isupper():
        return [title]
    first = canonical_title(f"{before.lower} {title.rsplit(' ', 1)[-1]}", rules)
    known = {str(t) for t in rules.gazetteer.get("titles") or {}}
    return [first, title] if first in known and first != title else [title]


def _people_before(units: list[Unit], index: int) -> list[int]:
    """The people listed before ", the <plural title>" ("A and B, the foreign ministers"), in
    text order; none unless the list opens the words before it."""
    if index < 3 or units[index - 1].lower != "the" or units[index - 2].lower != ",":
        return []
    found: list[int] = []
    at = index - 3
    while at >= 0:
        mention = units[at].mention
        if mention is None or "person" not in mention.classes or len(mention.refs) != 1:
            break
        found.insert(0, at)
        if at >= 1 and units[at - 1].lower in ("and", ","):
            at -= 2
            if at >= 0 and units[at].lower == ",":
                at -= 1
        else:
            break
    return found if len(found) > 1 else []


def _country_run(units: list[Unit], at: int) -> tuple[list[URIRef], int]:
    """The states listed from `at` ("Armenia and Azerbaijan", "Kenya, Uganda and Tanzania"), in
    text order, and where the list stops (a comma stays unread unless a state follows it)."""
    found: list[URIRef] = []
    while at < len(units):
        mention = units[at].mention
        if mention is None or len(mention.refs) != 1 or "country" not in mention.classes:
            break
        found.append(mention.refs[0])
        at += 1
        if at < len(units) and units[at].lower == "and":
            at += 1
        elif at < len(units) and units[at].lower == ",":
            following = units[at + 1].mention if at + 1 < len(units) else None
            if following is None or "country" not in following.classes:
                break
            at += 1
    return found, at


def _states_of(units: list[Unit], index: int) -> list[URIRef]:
    """The states listed after "of" at `index` ("of Armenia and Azerbaijan"), in text order."""
    if index >= len(units) or units[index].lower != "of":
        return []
    return _country_run(units, index + 1)[0]


def _owners_after(units: list[Unit], index: int) -> tuple[int, list[URIRef]]:
    """The states listed after a plural title and "of", up to the comma before its holders'
    names ("the foreign ministers of Armenia and Azerbaijan, A and B"): where the names start
    and the states in text order; none without that comma."""
    if index >= len(units) or units[index].lower != "of":
        return index, []
    found, at = _country_run(units, index + 1)
    if at < len(units) and units[at].lower == "," and len(found) > 1:
        return at + 1, found
    return index, []


def _owners_before(units: list[Unit], index: int) -> list[URIRef]:
    """The states named right before a plural title, in text order ("US", "Polish and
    Ukrainian", "Kenyan, Ugandan and Tanzanian"); none if another word comes between."""
    found: list[URIRef] = []
    at = index - 1
    while at >= 0:
        mention = units[at].mention
        if (
            mention is None
            or len(mention.refs) != 1
            or not {"nationality", "country"} & set(mention.classes)
        ):
            break
        found.insert(0, mention.refs[0])
        at -= 1
        if at >= 0 and units[at].lower in ("and", ","):
            at -= 1
            if at >= 0 and units[at].lower == ",":
                at -= 1
    return found


def _plural_titles(rules: RuleSet) -> tuple[dict[str, str], frozenset[str]]:
    """entities.yaml `plural_titles` lower-cased, and their first words (kept with the rules)."""
    if "plural_titles" not in rules.derived:
        table = rules.gazetteer.get("plural_titles") or {}
        plural = {str(k).lower(): str(v) for k, v in table.items()}
        rules.derived["plural_titles"] = (plural, frozenset(k.split()[0] for k in plural))
    return rules.derived["plural_titles"]


def _title_people(
    units: list[Unit], start: int, title: str, owners: list[URIRef] | None = None
) -> None:
    """Give the title to the untitled people listed from `start` ("A, B and C"), in place; with
    the owner named before the title, one for all or one each in order (`owners`); a state
    after a person's name is theirs ("Presidents A of Kenya, B of Uganda and C")."""
    listed = _listed_people(units, start)
    people = [index for index, _ in listed]
    owners = owners or []
    for number, (index, own) in enumerate(listed):
        mention = units[index].mention
        assert mention is not None
        if mention.title is not None or mention.owner:
            continue
        if own is not None or len(owners) == 1 or len(owners) == len(people):
            owner = (own or (owners[0] if len(owners) == 1 else owners[number]),)
            units[index] = replace(units[index], mention=replace(mention, title=title, owner=owner))
        else:
            units[index] = replace(units[index], mention=replace(mention, title=title))


def _listed_people(units: list[Unit], start: int) -> list[tuple[int, URIRef | None]]:
    """The indices of the people listed from `start` ("A, B and C"), each with the state named
    after them, if any ("A of Kenya, B of Uganda")."""
    found: list[tuple[int, URIRef | None]] = []
    index = start
    while index < len(units):
        mention = units[index].mention
        if mention is None or "person" not in mention.classes or len(mention.refs) != 1:
            return found
        state = _of_state(units, index + 1)
        found.append((index, state))
        index += 3 if state is not None else 1
        if index < len(units) and units[index].lower == ",":
            index += 1
        if index < len(units) and units[index].lower == "and":
            index += 1
        elif index < len(units) and units[index - 1].lower != ",":
            return found
    return found


def _of_state(units: list[Unit], index: int) -> URIRef | None:
    """The state of "of <state>" at `index`, if the words say one."""
    if index + 1 >= len(units) or units[index].lower != "of":
        return None
    mention = units[index + 1].mention
    if mention is None or len(mention.refs) != 1 or "country" not in mention.classes:
        return None
    return mention.refs[0]


def named_in_full(label: str, new: list[NewEntity]) -> URIRef | None:
    """The person the article introduced by the last words of this fuller name ("President
    Dissanayake" in a headline, "Anura Kumara Dissanayake" in the body): one person, who now
    also carries the full name (the later entry's label wins where the graph writes one)."""
    words = label.split()
    found = {
        entity.iri
        for entity in new
        if entity.kind == "Person"
        and len(entity.label.split()) < len(words)
        and words[-len(entity.label.split()) :] == entity.label.split()
    }
    return next(iter(found)) if len(found) == 1 else None


def short_names(label: str, rules: RuleSet, given: bool = True) -> list[tuple[str, ...]]:
    """The token sequences that shorten a person's name: the surname ("Kishida" of "Fumio
    Kishida", "Wang" of "Wang Yi": the gazetteer's `surname_first` names), the first name
    (`given`: "Anwar" of "Anwar Ibrahim", as Malay and Arab names are shortened), a hyphenated
    surname ("Diaz-Canel"), the last two names of a longer one ("Lopez Obrador") and a surname
    with its particle ("al-Sudani", "bin Farhan")."""
    words = tuple(t.text for t in rules.nlp.make_doc(label))
    found: list[tuple[str, ...]] = []
    surname = surname_of(label, rules.gazetteer) if len(words) > 1 else None
    if surname and surname[:1].isupper():
        found.append((surname,))
    if given and len(words) > 1 and words[0].isalpha() and words[0][:1].isupper():
        found.append(words[:1])
    if "-" in words[1:]:
        hyphen = len(words) - 1 - words[::-1].index("-")
        found.append(words[hyphen - 1 :])
    if len(words) >= 3 and all(w[:1].isupper() and w.isalpha() for w in words[-2:]):
        found.append(words[-2:])  # "Lopez Obrador", "Kayikwamba Wagner"
    particle = next((i for i in (-3, -2) if len(words) > -i and words[i].islower()), None)
    if particle is not None:
        found.append(words[particle:])
    return list(dict.fromkeys(found))


def introduced_names(new: list[NewEntity], rules: RuleSet) -> dict[tuple[str, ...], URIRef]:
    """Token sequences naming the people the article introduced so far: each full name and,
    unless two of them share it, each of its short names (short_names: "Kishida" after "Prime
    Minister Fumio Kishida", "Anwar" after "Anwar Ibrahim")."""
    full: dict[tuple[str, ...], URIRef] = {}
    last: dict[tuple[str, ...], set[URIRef]] = {}
    forms = rules.derived.setdefault("names:label-forms", {})  # label -> its full and short forms
    for entity in new:
        if entity.kind != "Person":
            continue
        if entity.label not in forms:
            forms[entity.label] = _label_forms(entity.label, rules)
        whole, shorts = forms[entity.label]
        full.update(dict.fromkeys(whole, entity.iri))
        for short in shorts:
            last.setdefault(short, set()).add(entity.iri)
    names = {key: next(iter(iris)) for key, iris in last.items() if len(iris) == 1}
    names.update(full)
    return names


def _label_forms(label: str, rules: RuleSet) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The token sequences of a name, as written and without accents ("Díaz-Canel",
    "Diaz-Canel"), and of its short names."""
    whole, shorts = [], []
    for form in dict.fromkeys((label, unaccented(label))):
        whole.append(tuple(t.text for t in rules.nlp.make_doc(form)))
        shorts.extend(short_names(form, rules))
    return whole, list(dict.fromkeys(shorts))


def _after_given_names(
    units: list[Unit], index: int, covered: frozenset[int], rules: RuleSet
) -> bool:
    """Whether the word at `index` ends a fuller name: one to three free capitalised words
    (with name particles) stand before it, right after a title, an honorific or a gazetteer name
    ("President Anura Kumara Dissanayake", "Cardinal Pietro Parolin" after "Cardinal Parolin";
    not "Modi Meets Sharif" nor a sentence's first words)."""
    stop = _listed(rules, "honorifics", "person_cues_after", "not_name_words")
    honorifics = _listed(rules, "honorifics")
    particles = _listed(rules, "particles")
    start, names = index, 0
    while start > 0 and names < 3:
        word = units[start - 1]
        if word.lower in particles or word.text in HYPHENS:
            start -= 1  # "Mohammed bin Abdulrahman Al Thani", "Al-Baroun"
            continue
        free = start - 1 not in covered and word.text[:1].isupper() and word.text.isalpha()
        if not free or word.lower in stop or word.lower in STOP_WORDS:
            break
        start, names = start - 1, names + 1
    before = start > 0 and (start - 1 in covered or units[start - 1].lower in honorifics)
    return bool(names) and before  # a title, an honorific ("Cardinal") or a name before


def _name_goes_on(units: list[Unit], index: int, covered: frozenset[int], rules: RuleSet) -> bool:
    """Whether the unit at `index` continues a name: a capitalised word no earlier stage knows
    that is no function word and no word that follows names ("Receives")."""
    if index >= len(units) or index in covered:
        return False
    unit = units[index]
    plain = unit.lower not in STOP_WORDS and unit.lower not in _listed(rules, "person_cues_after")
    return plain and unit.text[:1].isupper() and unit.text.isalpha() and not unit.text.isupper()


def _name_before(units: list[Unit], index: int, covered: frozenset[int], rules: RuleSet) -> bool:
    """Whether a capitalised word no stage knows, no honorific and not the sentence's first,
    stands right before the unit at `index`: the unit ends another name ("San Miguel")."""
    if index < 2 or index - 1 in covered:
        return False
    before = units[index - 1]
    if before.lower in _listed(rules, "honorifics", "particles"):
        return False
    return _name_goes_on(units, index - 1, covered, rules)


def introduced_spans(
    units: list[Unit], new: list[NewEntity], rules: RuleSet, covered: frozenset[int] = frozenset()
) -> list[tuple[int, int, Mention]]:
    """Later mentions of the people the article introduced, as (start, end, mention); the
    gazetteer's names come first (`covered`: their units), so they win an overlap. A name that
    ends a fuller one (_after_given_names) is no later mention."""
    names = introduced_names(new, rules) if new else {}
    if not names:
        return []
    longest = max(len(key) for key in names)
    firsts = {key[0] for key in names}
    spans = []
    index = 0
    while index < len(units):
        if units[index].text not in firsts and unaccented(units[index].text) not in firsts:
            index += 1  # no name begins with this word (most words)
            continue
        if _after_given_names(units, index, covered, rules):
            index += 1  # "President Anura Kumara Dissanayake": a fuller name
            continue
        for size in range(min(longest, len(units) - index), 0, -1):
            words = tuple(u.text for u in units[index : index + size])
            person = names.get(words) or names.get(tuple(map(unaccented, words)))
            if person is not None and size == 1 and _name_goes_on(units, index + 1, covered, rules):
                continue  # "Ahmed Moallim Fiqi" after "Abiy Ahmed": someone else's name
            if person is not None and size == 1 and _name_before(units, index, covered, rules):
                continue  # "Fort of San Miguel" after "Miguel Diaz-Canel": a place's name
            if person is not None:
                classes = frozenset({"person", "agent"})
                mention = Mention(classes, (person,), (person,), NEW_CONFIDENCE)
                spans.append((index, index + size, mention))
                index += size
                break
        else:
            index += 1
    return spans


def find_named_events(units: list[Unit], rules: RuleSet, text: str) -> list[Unit]:
    """Merge quoted capitalised names ending in an event head word ("... Exhibition-2023")."""
    heads = tuple(str(h).lower() for h in rules.gazetteer.get("named_event_heads") or [])
    index = 0
    while index < len(units):
        if units[index].quoted and units[index].text[:1].isupper() and units[index].mention is None:
            end = index
            while end < len(units) and units[end].quoted and units[end].text[:1].isupper():
                end += 1
            last = units[end - 1].lower
            if end - index >= 1 and heads and last.startswith(heads):
                words = text[units[index].begin : units[end - 1].end]
                mention = Mention(frozenset({"exhibition"}), (URIRef(NAMED + slug(words)),))
                units = merge(units, index, end, mention, words)
            index = end if end > index else index + 1
        else:
            index += 1
    return units
