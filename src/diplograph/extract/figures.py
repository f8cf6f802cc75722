"""Public-figure stage: the people of people.yaml's `people_countries` named with no title
("Zelensky met Macron in Paris", "Erdogan hosted Putin", "Lula arrived in Shanghai").

Reads the list, its `people_aliases` (another spelling or a short form wire copy uses -> the
listed name: "Lula", "MBS", "Zelenskyy") and `people_not_bare` (surnames never read alone);
finds in a sentence's raw tokens, where no earlier stage named anything:
  * a listed name or alias, which is that person (person/<slug of the listed name>, the IRI the
    titled form gets), and is added to the article's new entities, so that later mentions
    ("Erdogan" after "Recep Tayyip Erdogan") are the article's (mentions.introduced_spans);
    a full name wins the shorter names inside it ("Therese Kayikwamba Wagner": not the group);
  * a short name (mentions.short_names: the surname, the last two names, a hyphenated or
    particled surname) of a figure the article never introduced, where it is no other
    figure's name or given name, no word another stage knows (a country, a city, a title, a
    common word) and stands alone: no capitalised word it continues or is continued by
    ("Hunter Biden", "Trump Tower", "Sanchez Energy"), no compound ("Meloni-style").
An honorific before the name stays in its unit ("Mr Ronald Lamola"). A name the gazetteer
already knows (Vladimir Putin) is left to it."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef
from spacy.lang.en.stop_words import STOP_WORDS

from diplograph import cache
from diplograph.extract.gazetteer import (
    INITIAL,
    Gazetteer,
    given_before_initial,
    lexicon,
    per_rules,
    person_variants,
    unaccented,
)
from diplograph.extract.mentions import NEW_CONFIDENCE, NewEntity, short_names
from diplograph.extract.rules import RuleSet
from diplograph.extract.sentences import HYPHENS, Mention, Unit
from diplograph.iris import entity_iri, slug

Figure = tuple[URIRef, str]  # the person's IRI and label
SHORT_LENGTH = 3  # a generated short name of fewer letters ("Li", "II") is never read alone
WORD_LISTS = ("honorifics", "not_name_words", "person_cues_after", "place_nouns", "particles")
HEAD_LISTS = ("government_heads", "organisation_heads", "party_heads", "site_heads", "region_heads")
# names.yaml: words no name is, and heads of names of bodies and sites, which may come before a
# person's name ("National Assembly Alen Simonyan"); after a name only a function word or a
# word that follows names ("Meets") lets it stand alone ("Sanchez Energy" is a company)


@dataclass(frozen=True)
class Figures:
    """The token sequences naming the listed public figures."""

    full: dict[tuple[str, ...], Figure]  # names and aliases of two words or more, lower-cased
    short: dict[tuple[str, ...], Figure]  # unambiguous short names
    longest: int
    stops: frozenset[str]  # lower-case words that continue no name (function words, titles)
    particles: frozenset[str]  # "al", "bin": a name after one is part of a longer name
    honorifics: frozenset[str]  # "Mr", "Sheikh", "His Highness": kept in the name's unit
    ends: frozenset[str]  # capitalised words that may follow a name: function words, cues
    firsts: frozenset[str] = frozenset()  # the lower-cased first words of all the names
    given: frozenset[str] = frozenset()  # title words that are given names too ("Amir")
    upper: frozenset[str] = frozenset()  # honorifics only in capitals ("HE"), as written


def figures(gaz: Gazetteer, rules: RuleSet) -> Figures:
    """The public figures of a rule set (made once per gazetteer and rule set, and kept in the
    on-disk cache when both come from files, as the lexicon is)."""
    return per_rules(gaz, "figures", rules, lambda: _cached_figures(gaz, rules))


def _cached_figures(gaz: Gazetteer, rules: RuleSet) -> Figures:
    """The figures from the on-disk cache, keyed by the gazetteer's and the rules' keys: each
    command that extracts would otherwise tokenize some 800 names again (0.05 to 0.1 s)."""
    if gaz.digest is None or rules.digest is None:
        return _figures(gaz, rules)
    key = cache.digest(gaz.digest, rules.digest)
    return cache.cached("figures", key, Figures, lambda: _figures(gaz, rules))


def _spellings(rules: RuleSet) -> dict[str, str]:
    """Every listed name and alias -> the label of the person (the first listed spelling of a
    name, accents aside)."""
    config = rules.gazetteer
    aliases = {str(k): str(v) for k, v in (config.get("people_aliases") or {}).items()}
    labels: dict[str, str] = {}
    found: dict[str, str] = {}
    for name in [*map(str, config.get("people_countries") or {}), *aliases]:
        target = aliases.get(name, name)
        found[name] = labels.setdefault(slug(unaccented(target)), target)
    return found


def _tokens(name: str, rules: RuleSet) -> set[tuple[str, ...]]:
    """The token sequences of a name and its spellings ("Al-Thani", "Sergey"), as written and
    without accents."""
    spellings = person_variants(name, rules.gazetteer)
    spellings |= {unaccented(n) for n in spellings}
    return {tuple(t.text for t in rules.nlp.make_doc(n)) for n in spellings}


def _figures(gaz: Gazetteer, rules: RuleSet) -> Figures:
    """Index the listed public figures' names (see the module's docstring)."""
    config = rules.gazetteer
    heads = {str(w).lower() for key in HEAD_LISTS for w in config.get(key) or ()}
    words = {str(w).lower() for key in WORD_LISTS for w in config.get(key) or ()} | heads
    words |= {str(w).lower() for c in ("weekday", "month") for w in rules.classes.get(c, ())}
    known = {name.lower() for name in lexicon(gaz, rules).entries}
    barred = {str(w).lower() for w in config.get("people_not_bare") or ()} | words | known
    full: dict[tuple[str, ...], Figure] = {}
    stated: dict[tuple[str, ...], Figure] = {}  # one-word names and aliases ("Lula", "MBS")
    short: dict[tuple[str, ...], set[Figure]] = {}
    given: dict[str, set[Figure]] = {}
    for name, label in _spellings(rules).items():
        held = gaz.by_label(label) or gaz.by_label(name)
        if held is not None and "person" in gaz.classes.get(held, ()):
            continue  # the gazetteer names them
        figure = (entity_iri("person", label), label)
        for tokens in _tokens(name, rules):
            if len(tokens) == 1:
                stated[tokens] = figure
                continue
            full[tuple(t.lower() for t in tokens)] = figure  # "Lula Da Silva" in a headline
            given.setdefault(tokens[0].lower(), set()).add(figure)
        if len([w for w in name.split() if w.lower() not in words]) < 2:
            continue  # "Pope Francis", "Sultan Ibrahim": no surname to read alone
        for spelling in {name, unaccented(name)}:
            for tokens in short_names(spelling, rules, given=False):
                short.setdefault(tokens, set()).add(figure)
    usable = {**_usable(short, given, barred), **stated}
    longest = max((len(t) for t in (*full, *usable)), default=0)
    openers = {str(w).lower() for w in config.get("sentence_openers") or ()}
    cues = {str(w).lower() for w in config.get("person_cues_after") or ()}
    return Figures(
        full,
        usable,
        longest,
        frozenset(STOP_WORDS | words | openers),
        frozenset(str(w).lower() for w in config.get("particles") or ()),
        frozenset(str(w).lower() for w in config.get("honorifics") or ()),
        frozenset(STOP_WORDS | cues),
        frozenset(t[0].lower() for t in (*full, *usable)),
        frozenset(str(w).lower() for w in config.get("given_name_titles") or ()),
        frozenset(str(w) for w in config.get("upper_honorifics") or ()),
    )


def _usable(
    short: dict[tuple[str, ...], set[Figure]], given: dict[str, set[Figure]], barred: set[str]
) -> dict[tuple[str, ...], Figure]:
    """The short names one figure has, that are no other figure's given name, have a word no
    other stage knows (`barred`), and are no initials or numeral ("II", "Li")."""
    return {
        tokens: next(iter(found))
        for tokens, found in short.items()
        if len(found) == 1
        and given.get(tokens[0].lower(), found) == found
        and any(w.lower() not in barred for w in tokens if w[:1].isupper())
        and len(tokens[-1]) >= SHORT_LENGTH
        and any(c.islower() for c in tokens[-1])
    }


def _free_capital(
    units: list[Unit], index: int, covered: frozenset[int], stops: frozenset[str]
) -> bool:
    """Whether the token at `index` is a capitalised word no earlier stage named that may be
    part of a name (not a function word, an honorific or a word that follows names)."""
    if index < 0 or index >= len(units) or index in covered:
        return False
    unit = units[index]
    return unit.text[:1].isupper() and unit.text.isalpha() and unit.lower not in stops


def _compound(units: list[Unit], end: int) -> bool:
    """Whether a hyphen and a lower-case word follow: a compound ("Petro-chemical")."""
    return (
        end + 1 < len(units)
        and units[end].text in HYPHENS
        and units[end + 1].text[:1].islower()
        and units[end].end == units[end + 1].begin
    )


def _alone(
    units: list[Unit], start: int, end: int, found: Figures, covered: frozenset[int]
) -> bool:
    """Whether a name stands alone: no capitalised name word before or after it, no hyphen or
    particle joining it to a longer name ("Hunter Biden", "Seyed Abbas Araghchi", "Trump
    Tower", "bin Salman"; a dateline's spaced dash joins nothing: "PARIS (Reuters) - Macron")."""
    if _free_capital(units, end, covered, found.ends) or _compound(units, end):
        return False
    if not start:
        return True
    before = units[start - 1]
    hyphen = before.text in HYPHENS and before.end == units[start].begin  # "Diaz-Canel"
    joined = hyphen or before.lower in found.particles
    return not (joined or _free_capital(units, start - 1, covered, found.stops))


def figure_spans(
    units: list[Unit],
    gaz: Gazetteer,
    rules: RuleSet,
    new: list[NewEntity],
    earlier: list[tuple[int, int, Mention]] | None = None,
) -> list[tuple[int, int, Mention]]:
    """The public figures a sentence's raw tokens name where no earlier stage named anything
    (`earlier`: its spans), as (start, end, mention), each one of the article's new entities.
    A listed full name wins the names inside it ("Therese Kayikwamba Wagner", where "Wagner"
    is a group), never a title or a date: put its spans before the earlier ones."""
    found, earlier = figures(gaz, rules), earlier or []
    if not found.longest:
        return []
    covered = frozenset(i for begin, end, _ in earlier for i in range(begin, end))
    spans = []
    index = last = 0
    while index < len(units):
        if units[index].lower not in found.firsts:  # most words open no figure's name
            index += 1
            continue
        match = _match(units, index, found, covered, earlier)
        if match is None:
            index += 1
            continue
        end, (iri, label) = match
        if not any(n.iri == iri for n in new):
            new.append(NewEntity(iri, "Person", label, NEW_CONFIDENCE))
        start = _given_before(units, index, last, found, covered)
        while start > last and _honorific(units[start - 1], found) and start - 1 not in covered:
            if _portfolio(units, start - 1, rules):
                break  # "Minister for Defence Richard Marles": the title's portfolio
            start -= 1  # "Mr Ronald Lamola", "His Highness Sheikh Tamim": one unit, as names.py
        classes = frozenset({"person", "agent"})
        spans.append((start, end, Mention(classes, (iri,), (iri,), NEW_CONFIDENCE)))
        index = last = end
    return spans


def _given_before(
    units: list[Unit], index: int, last: int, found: Figures, covered: frozenset[int]
) -> int:
    """Where a name starts that a given name and a middle initial open before the name found
    at `index` ("Joseph R. Biden", "Ferdinand R. Marcos Jr."): the given name, else `index`."""
    given = given_before_initial(units, index)
    if given is None or given < last or not _free_capital(units, given, covered, found.stops):
        return index
    return given


def _portfolio(units: list[Unit], index: int, rules: RuleSet) -> bool:
    """Whether a word is a portfolio after a preposition (lexicon `portfolio_word`: "Defence" of
    "Minister for Defence"), not a title word before a name."""
    return (
        index > 0
        and units[index].lower in rules.word_class("portfolio_word")
        and units[index - 1].lower in rules.word_class("preposition")
    )


def _honorific(unit: Unit, found: Figures) -> bool:
    """A capitalised honorific ("Mr", "Sheikh", "Datuk", "H.E.", "HE" in capitals)."""
    return unit.text[:1].isupper() and unit.lower in found.honorifics or unit.text in found.upper


def holds(
    start: int,
    end: int,
    earlier: list[tuple[int, int, Mention]],
    given: frozenset[str] = frozenset(),
    units: list[Unit] | None = None,
) -> bool | None:
    """Whether a span holds earlier spans (True), overlaps none (False), or overlaps one it
    may not take (None): one that crosses its ends, is as long, or is no name (a title), but
    a title word that opens the span and is a given name too (`given`: "Amir Khan Muttaqi")."""
    held = [(b, e, m) for b, e, m in earlier if b < end and start < e]
    for b, e, mention in held:
        opening = units is not None and b == start and e == b + 1 and units[b].lower in given
        if opening and mention.title and not mention.refs:
            continue
        if b < start or e > end or e - b >= end - start or not mention.refs or mention.title:
            return None
    return bool(held)


def _match(
    units: list[Unit],
    index: int,
    found: Figures,
    covered: frozenset[int],
    earlier: list[tuple[int, int, Mention]],
) -> tuple[int, Figure] | None:
    """The end and the figure of the longest name starting at `index`, if one stands alone; a
    full name may hold earlier names that lie within it."""
    if units[index].lower not in found.firsts:
        return None
    for size in range(min(found.longest, len(units) - index), 0, -1):
        tokens = tuple(u.text for u in units[index : index + size])
        short = found.short.get(tokens)
        figure = short or found.full.get(tuple(u.lower for u in units[index : index + size]))
        if figure is None:
            continue
        held = holds(index, index + size, earlier, found.given, units)
        if held is None or (held and size < 2):
            continue
        if _alone(units, index, index + size, found, covered):
            return index + size, figure
    return _past_initial(units, index, found, covered, earlier)


def _past_initial(
    units: list[Unit],
    index: int,
    found: Figures,
    covered: frozenset[int],
    earlier: list[tuple[int, int, Mention]],
) -> tuple[int, Figure] | None:
    """The figure a given name, a middle initial and the rest of a listed full name name
    ("Kamala D. Harris": Kamala Harris, "Lloyd J. Austin": Lloyd Austin), where the surname
    alone names no one the sentence could mean."""
    if index + 2 >= len(units) or index + 1 in covered or not INITIAL.match(units[index + 1].text):
        return None
    for size in range(min(found.longest - 1, len(units) - index - 2), 0, -1):
        end = index + 2 + size
        figure = found.full.get((units[index].lower, *(u.lower for u in units[index + 2 : end])))
        if figure is None or holds(index, end, earlier, found.given, units) is None:
            continue
        if _alone(units, index, end, found, covered):
            return end, figure
    return None
