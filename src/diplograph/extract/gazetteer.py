"""Gazetteer stage: reads the entities graph (labels, aliases, places, positions) and the rules'
`gazetteer` section (nationalities, metonyms, aliases, spelling variants, titles); finds the names
in a sentence's units and merges each into one unit carrying a Mention.

Spelling variants are generated, not listed: hyphen or space between the parts of a Korean name
(Kim Jong-un / Kim Jong Un), transliterations from the rules (Sergei / Sergey), the surname alone
(generated surnames lose to a label or alias an entity states), plurals of materiel.
"""

from __future__ import annotations

import functools
import gc
import logging
import re
import unicodedata
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from anyascii import anyascii
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS
from spacy.tokens import Doc

from diplograph import cache
from diplograph.extract.phrases import PhraseTable, phrase_table
from diplograph.extract.rules import RuleSet
from diplograph.extract.sentences import HYPHENS, Mention, Unit, hyphen_joined
from diplograph.memory import collector_paused
from diplograph.namespaces import DIP
from diplograph.startup import runs_once
from diplograph.store import parse_turtle

T = TypeVar("T")

log = logging.getLogger(__name__)

TYPE_CLASSES: dict[URIRef, frozenset[str]] = {
    DIP.Person: frozenset({"person", "agent"}),
    DIP.Country: frozenset({"country", "agent", "place"}),
    DIP.City: frozenset({"city", "place"}),
    DIP.Place: frozenset({"place"}),
    DIP.NewsAgency: frozenset({"agency", "org", "agent"}),
    DIP.PoliticalParty: frozenset({"party", "org", "agent"}),
    DIP.GovernmentBody: frozenset({"org", "agent"}),
    DIP.Organisation: frozenset({"org", "agent"}),
    DIP.Materiel: frozenset({"materiel"}),
}
_ACRONYM = re.compile(r"^[A-Z0-9.\-]{2,}$")


@dataclass(frozen=True)
class Entry:
    """One thing a name can stand for in the text."""

    classes: frozenset[str]
    refs: tuple[URIRef, ...] = ()
    agents: tuple[URIRef, ...] = ()
    explicit: bool = True  # a label or alias, not a generated variant
    surname: bool = False  # a person's generated surname: theirs only where the article names them
    generic: bool = False
    reference: bool = False  # names only an entity of the reference gazetteer: matched by case
    title: str | None = None
    anaphor: str | None = None


@dataclass
class Gazetteer:
    """The entities of the graph: their classes, names, places and positions."""

    classes: dict[URIRef, frozenset[str]]
    labels: dict[URIRef, str]
    names: dict[URIRef, list[str]]
    located_in: dict[URIRef, URIRef]
    acts_for: dict[URIRef, set[URIRef]]
    position_of: dict[URIRef, URIRef]
    # entities of the reference gazetteer (mappings/gazetteer/) the project's entities lack,
    # with the triples that describe them: the rule layer writes them where an article names one
    reference: dict[URIRef, list[tuple[URIRef, URIRef, Any]]] = field(default_factory=dict)
    cache: dict[Any, Any] = field(default_factory=dict)
    digest: str | None = None  # the on-disk cache's key of its inputs (None: not from files)

    def described(self, iris: set[URIRef]) -> list[tuple[URIRef, URIRef, Any]]:
        """The reference triples of these entities and of the places they lie in, sorted."""
        found: set[tuple[URIRef, URIRef, Any]] = set()
        todo = [i for i in iris if i in self.reference]
        seen: set[URIRef] = set()
        while todo:
            iri = todo.pop()
            if iri in seen:
                continue
            seen.add(iri)
            found.update(self.reference[iri])
            outer = self.located_in.get(iri)
            if outer is not None and outer in self.reference:
                todo.append(outer)
        return sorted(found)

    def by_label(self, label: str) -> URIRef | None:
        """The entity with this label or alias (case-insensitive), if exactly one has it."""
        index = self.cache.get("labels")
        if index is None:
            index = {}
            for iri, names in self.names.items():
                for name in names:
                    index.setdefault(name.lower().removeprefix("the ").strip(), set()).add(iri)
            self.cache["labels"] = index
        found = index.get(label.lower().removeprefix("the ").strip(), set())
        return next(iter(found)) if len(found) == 1 else None

    def is_town(self, place: URIRef) -> bool:
        """Whether a place is a city or a country (no building or site)."""
        return bool(TOWN_CLASSES & set(self.classes.get(place, ())))

    def country_of(self, iri: URIRef | None) -> URIRef | None:
        """The country a place is, or lies in (following dip:locatedIn)."""
        seen: set[URIRef] = set()
        while iri is not None and iri not in seen:
            if "country" in self.classes.get(iri, ()):
                return iri
            seen.add(iri)
            iri = self.located_in.get(iri)
        return None

    def acts_for_closure(self, iri: URIRef) -> set[URIRef]:
        """Everything an agent acts for, transitively (a ministry for its state)."""
        found: set[URIRef] = set()
        todo = [iri]
        while todo:
            for parent in self.acts_for.get(todo.pop(), ()):
                if parent not in found:
                    found.add(parent)
                    todo.append(parent)
        return found


def reference_graph(folder: Path) -> Graph:
    """The reference gazetteer: every Turtle file of a folder (mappings/gazetteer/), if any."""
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")) if folder.is_dir() else []:
        triples = _plain_triples(path)
        if triples is None:
            graph += parse_turtle(path)
        else:
            for triple in triples:
                graph.add(triple)
    return graph


# What rdflib's parser reads otherwise than the terms below would: a typed literal ("1"^^, a
# plain one rdflib keeps apart from "1"^^xsd:string) and a language tag with a capital.
_RDFLIB_ONLY = re.compile(r"\^\^|[\"']@[A-Za-z0-9-]*[A-Z]")
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _plain_triples(path: Path) -> list[tuple[URIRef, URIRef, Any]] | None:
    """A Turtle file's triples read by pyoxigraph's parser (rdflib's takes ten times as long:
    0.3 s of a cold start for the reference gazetteer), as rdflib's terms, when the file holds
    only IRIs and plain or language-tagged strings; None otherwise, and for a file either
    parser refuses: rdflib's then reads it, and says what is wrong."""
    from pyoxigraph import Literal as OxLiteral
    from pyoxigraph import NamedNode, RdfFormat, parse
    from rdflib import Literal

    try:
        data = path.read_bytes()
        if _RDFLIB_ONLY.search(data.decode("utf-8")):
            return None
        quads = parse(data, format=RdfFormat.TURTLE, base_iri=None)
        found = []
        for quad in quads:
            subject, predicate, value = quad.subject, quad.predicate, quad.object
            if not isinstance(subject, NamedNode):
                return None
            if isinstance(value, NamedNode):
                term: Any = URIRef(value.value)
            elif isinstance(value, OxLiteral) and value.datatype.value == _STRING:
                term = Literal(value.value)
            elif isinstance(value, OxLiteral) and value.datatype.value == _LANG_STRING:
                term = Literal(value.value, lang=value.language)
            else:
                return None
            found.append((URIRef(subject.value), URIRef(predicate.value), term))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return None
    return found


def build_gazetteer(entities: Graph, reference: Graph | None = None) -> Gazetteer:
    """The gazetteer of an entities graph (people, places, organisations, positions, materiel),
    with the entities of a reference graph (the world's countries and cities) it lacks."""
    own = set(entities.subjects())
    graph = entities
    extra: dict[URIRef, list[tuple[URIRef, URIRef, Any]]] = {}
    if reference is not None and len(reference):
        named = (RDFS.label, SKOS.altLabel)
        taken = {str(o).lower() for p in named for o in entities.objects(None, p)}
        clash = {
            s
            for p in named
            for s, o in reference.subject_objects(p)
            if s not in own and str(o).lower() in taken
        }  # a reference entity named like one of the project's is left out: the project's wins
        graph = Graph()  # the entities, then the reference's kept: one copy of each triple
        for triple in entities:
            graph.add(triple)
        for s, p, o in reference:  # nor does anything point to what is left out
            if isinstance(s, URIRef) and s not in own and s not in clash and o not in clash:
                extra.setdefault(s, []).append((s, p, o))
                graph.add((s, p, o))
    classes: dict[URIRef, frozenset[str]] = {}
    for rdf_type, names in TYPE_CLASSES.items():
        for subject in graph.subjects(RDF.type, rdf_type):
            if isinstance(subject, URIRef):
                classes[subject] = classes.get(subject, frozenset()) | names
    labels, names = {}, {}
    for iri in list(classes) + list(graph.subjects(RDF.type, DIP.Position)):
        label = graph.value(iri, RDFS.label)
        labels[iri] = str(label) if label is not None else str(iri).rsplit("/", 1)[-1]
        alts = {str(a) for a in graph.objects(iri, SKOS.altLabel)}
        if reference is not None and iri in own:  # the project's entity wins, with its names
            alts |= {str(a) for a in reference.objects(iri, SKOS.altLabel)}
        names[iri] = [labels[iri], *sorted(alts - {labels[iri]})]
    acts_for: dict[URIRef, set[URIRef]] = {}
    for s, o in graph.subject_objects(DIP.actsFor):
        acts_for.setdefault(s, set()).add(o)
    return Gazetteer(
        classes=classes,
        labels=labels,
        names=names,
        located_in=dict(graph.subject_objects(DIP.locatedIn)),
        acts_for=acts_for,
        position_of=dict(graph.subject_objects(DIP.positionOf)),
        reference=extra,
    )


def person_variants(name: str, config: dict[str, Any]) -> set[str]:
    """Hyphen/space and transliteration variants of a person's name."""
    found = {name}
    parts = name.split()
    if len(parts) == 3 and "-" not in name:
        found.add(f"{parts[0]} {parts[1]}-{parts[2].lower()}")
    if "-" in name:
        found.add(name.replace("-", " "))
    joined = {str(p).lower() for p in config.get("hyphen_particles") or []}
    if joined and any(p.lower() in joined for p in parts[1:-1]):  # "Al Thani": "Al-Thani"
        found.add(re.sub(r"\b(\w+) (?=\S)", lambda m: _hyphen_after(m[1], joined), name))
    found |= _patronymic_short(parts, config)
    return _spelled(found, config.get("variants") or [])


def place_variants(name: str, config: dict[str, Any]) -> set[str]:
    """A place's name with its words' other spellings ("Saint Petersburg": "St. Petersburg")."""
    return _spelled({name}, config.get("place_variants") or [])


def _spelled(names: set[str], groups: list[list[str]]) -> set[str]:
    """The names with each word of a group of spellings replaced by the group's others."""
    found = set(names)
    for group in groups:
        for variant in list(found):
            for a in group:
                if a not in variant:  # most names have none of a group's words
                    continue
                word = _whole_word(a)
                if word.search(variant):
                    found.update(word.sub(b, variant) for b in group if b != a)
    return found


@functools.cache
def _whole_word(word: str) -> re.Pattern[str]:
    """The pattern of a word standing alone (no word character either side), compiled once:
    the variant groups' words are more than `re`'s own cache of patterns holds."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


def _patronymic_short(parts: list[str], config: dict[str, Any]) -> set[str]:
    """A name and its father's name without the family name after them ("Mohamed bin Zayed Al
    Nahyan" is also "Mohamed bin Zayed"): a `patronymic_particles` word then a family particle
    (`hyphen_particles`)."""
    sons = {str(p).lower() for p in config.get("patronymic_particles") or []}
    family = {str(p).lower() for p in config.get("hyphen_particles") or []}
    for at, part in enumerate(parts[1:-2], start=1):
        tail = parts[at + 2].lower()
        if part.lower() in sons and (tail in family or tail.split("-")[0] in family):
            return {" ".join(parts[: at + 2])}
    return set()


def _hyphen_after(word: str, joined: set[str]) -> str:
    """A word and what follows it: a hyphen after a `hyphen_particles` word, else a space."""
    return f"{word}-" if word.lower() in joined else f"{word} "


def unaccented(name: str) -> str:
    """A Latin-script name without its accents and special letters, as wire copy often spells
    it ("Erdoğan": "Erdogan"); other scripts are left as they are."""
    if name.isascii() or not all(
        c.isascii() or unicodedata.category(c)[0] != "L" or "LATIN" in unicodedata.name(c, "")
        for c in name
    ):
        return name
    return anyascii(name)


def surname_of(name: str, config: dict[str, Any]) -> str | None:
    """The surname of a multi-part name: first part for East Asian names, else the last."""
    parts = name.replace("-", " ").split()
    suffixes = set(config.get("name_suffixes") or [])
    while len(parts) > 2 and parts[-1] in suffixes:  # "Ferdinand Marcos Jr.": Marcos
        parts.pop()
    if len(parts) < 2:
        return None
    first = set(config.get("surname_first") or [])
    return parts[0] if parts[0] in first else parts[-1]


def _part_of(name: str, label: str) -> bool:
    """Whether a name is one word of a longer label."""
    return name != label and " " not in name and name in label.replace("-", " ").split()


def _entries(gaz: Gazetteer, config: dict[str, Any]) -> dict[str, list[Entry]]:
    """Every name the text may use -> what it can stand for. Equal entries are one object (some
    28,000 entries are 3,100 distinct ones): the lexicon's cache entry then pickles each once, a
    quarter smaller and half the time to write and to read."""
    table: dict[str, list[Entry]] = {}
    shared: dict[Entry, Entry] = {}

    def add(name: str, entry: Entry) -> None:
        table.setdefault(name, []).append(shared.setdefault(entry, entry))

    metonyms = {str(k): gaz.by_label(str(v)) for k, v in (config.get("metonyms") or {}).items()}
    words = {str(w) for w in config.get("not_names") or []}  # "Island" is no Iceland
    for iri, cls in gaz.classes.items():
        for name in gaz.names.get(iri, []):
            if name in words:
                continue
            agents = (iri,)
            government = metonyms.get(name)
            extra = frozenset({"agent"}) if government else frozenset()
            if government:
                agents = (government,)
            if "person" in cls:
                variants = person_variants(name, config)
            else:
                variants = place_variants(name, config) if "place" in cls else {name}
            variants |= {unaccented(v) for v in variants}  # "Bogotá" is also "Bogota"
            if "materiel" in cls and not name.endswith("s"):
                variants.add(name + "s")
            if "agency" in cls:  # "the official KCNA news agency said": the agency's name
                tails = [str(t) for t in config.get("agency_tails") or ()]
                variants |= {f"{v} {t}" for v in variants for t in tails if not v.endswith(t)}
            outside = iri in gaz.reference
            # a one-word alias inside a person's label ("Li" of "Li Hongzhong") is a surname
            partial = "person" in cls and _part_of(name, gaz.labels[iri])
            for variant in variants:
                entry = Entry(
                    cls | extra if extra else cls,
                    (iri,),
                    agents,
                    variant == name,
                    surname=partial,
                    reference=outside,
                )
                add(variant, entry)
        if "person" in cls:
            surname = surname_of(gaz.labels[iri], config)
            if surname:
                add(surname, Entry(cls, (iri,), (iri,), explicit=False, surname=True))
    for name, country in metonyms.items():
        if country is not None and name not in table:
            outside = country in gaz.reference
            classes = frozenset({"agent", "country", "place"})
            add(name, Entry(classes, (country,), (country,), reference=outside))
    for adjective, label in (config.get("nationalities") or {}).items():
        country = gaz.by_label(str(label))
        if country is not None:
            outside = country in gaz.reference
            entry = Entry(frozenset({"nationality"}), (country,), (country,), reference=outside)
            add(str(adjective), entry)
    generic = {str(g).lower() for g in config.get("generic") or []}
    for alias, label in (config.get("aliases") or {}).items():
        iri = gaz.by_label(str(label))
        if iri is not None:
            cls = gaz.classes.get(iri, frozenset({"agent"}))
            add(str(alias), Entry(cls, (iri,), (iri,), generic=str(alias).lower() in generic))
        else:
            log.debug("gazetteer alias %r: no entity labelled %r", alias, label)
    for body, template in (config.get("national_bodies") or {}).items():
        entry = Entry(frozenset({"agency", "org", "agent"}), anaphor=f"national:{template}")
        add(str(body), Entry(**{**entry.__dict__, "generic": True}))
    prefixes = {str(k): str(v) for k, v in (config.get("title_prefixes") or {}).items()}
    for canonical, variants in (config.get("titles") or {}).items():
        for variant in variants:
            add(str(variant), Entry(frozenset({"title"}), title=str(canonical)))
            for prefix, becomes in prefixes.items():  # "acting foreign minister", "then-president"
                joined = f"{prefix}{variant}" if prefix.endswith("-") else f"{prefix} {variant}"
                titled = f"{becomes} {canonical}".strip()
                add(joined, Entry(frozenset({"title"}), title=titled, explicit=False))
    states = {str(b) for b in config.get("state_bodies") or []}
    for canonical, variants in (config.get("bodies") or {}).items():
        anaphor = "state" if canonical in states else None  # "the government" of whom: coref
        for variant in [canonical, *variants]:
            add(str(variant), Entry(frozenset({"body"}), title=str(canonical), anaphor=anaphor))
    return table


@dataclass
class Lexicon:
    """The names of a gazetteer under a rule set, compiled into two phrase tables."""

    entries: dict[str, list[Entry]]
    lower: PhraseTable  # names matched whatever their case
    exact: PhraseTable  # acronyms, short names and the reference gazetteer's: as written
    full_names: dict[URIRef, tuple[str, ...]]  # a person's stated names, lower-cased
    surnames: dict[URIRef, tuple[str, ...]]  # a person's one-word names inside their label
    surname_run: re.Pattern | None  # any such surname followed by a capitalised word
    title_ends: frozenset[str] = frozenset()  # last words of titles ("president", "minister")


def _person_names(entries: dict[str, list[Entry]], surnames: bool) -> dict[URIRef, tuple[str, ...]]:
    """Each person's surnames (one-word names inside the label), or else the names of more than
    one word that state them (labels, aliases, variants; lower-cased)."""
    found: dict[URIRef, set[str]] = {}
    for name, options in entries.items():
        if not surnames and " " not in name.strip():
            continue
        for entry in options:
            if "person" in entry.classes and entry.surname == surnames and len(entry.refs) == 1:
                found.setdefault(entry.refs[0], set()).add(name if surnames else name.lower())
    return {iri: tuple(sorted(names)) for iri, names in found.items()}


def other_namesakes(gaz: Gazetteer, rules: RuleSet, text: str) -> frozenset[URIRef]:
    """The gazetteer's people whose surname alone means someone else in this article: it names
    another person with their surname ("Li Qiang", where the gazetteer knows Li Hongzhong) and
    never names them in full."""
    lex = lexicon(gaz, rules)
    if lex.surname_run is None:
        return frozenset()
    calendar = {str(w) for c in ("weekday", "month") for w in rules.classes.get(c, ())}
    followed = {m[1] for m in lex.surname_run.finditer(text) if m[2].lower() not in calendar}
    if not followed:
        return frozenset()
    lowered = text.lower()
    return frozenset(
        iri
        for iri, surnames in lex.surnames.items()
        if followed.intersection(surnames)
        and not any(name in lowered for name in lex.full_names.get(iri, ()))
    )


def shared_nationals(gaz: Gazetteer, rules: RuleSet, text: str) -> dict[str, URIRef]:
    """The state each adjective or name two states share (`shared_nationalities`,
    `shared_names`) means in this article: the one whose other names and cities' names the text
    uses most, the first listed on a tie."""
    found: dict[str, URIRef] = {}
    for key in ("shared_nationalities", "shared_names"):
        for word, labels in (rules.gazetteer.get(key) or {}).items():
            if not re.search(rf"\b{re.escape(str(word))}\b", text):
                continue
            states = [s for s in (gaz.by_label(str(label)) for label in labels) if s is not None]
            counts = _name_counts(gaz, states, text, str(word))
            if states:
                found[str(word)] = max(states, key=lambda s: (counts[s], -states.index(s)))
    return found


def _name_counts(
    gaz: Gazetteer, states: list[URIRef], text: str, shared: str = ""
) -> dict[URIRef, int]:
    """How often the text names each state, by its names other than the `shared` one and its
    cities' (also in a dateline's capitals; a longer name first: "Democratic Republic of the
    Congo" is not also "Republic of the Congo")."""
    names = [(n, s) for s in states for n in gaz.names.get(s, []) if n != shared]
    names += [
        (n, gaz.country_of(c))
        for c, country in gaz.located_in.items()
        if country in states and "city" in gaz.classes.get(c, ())
        for n in gaz.names.get(c, [])
    ]
    counts = dict.fromkeys(states, 0)
    for name, state in sorted(names, key=lambda item: -len(item[0])):
        pattern = re.compile(rf"\b(?:{re.escape(name)}|{re.escape(name.upper())})\b")
        counts[state] += len(pattern.findall(text))
        text = pattern.sub(" ", text)
    return counts


def per_rules(gaz: Gazetteer, name: str, rules: RuleSet, make: Callable[[], T]) -> T:
    """A value the gazetteer keeps for one rule set, made once. The entry goes when the rule
    set does, so a new rule set at a freed one's address is never served its value. The value
    lives as long as the rule set: it is made (or read from the cache) with the collector
    paused, which would otherwise walk it again and again while it grows (the lexicon's phrase
    tables: 0.1 s of a cold build), and in a process that runs one command it is then frozen
    with all else, as `lifetime.settle` freezes the rules (startup.run_once)."""
    key = (name, id(rules))
    if key not in gaz.cache:
        with collector_paused():
            gaz.cache[key] = make()
            if runs_once():
                gc.freeze()  # while paused: the collector's first pass after it would walk it
        weakref.finalize(rules, gaz.cache.pop, key, None)
    return gaz.cache[key]


def lexicon(gaz: Gazetteer, rules: RuleSet) -> Lexicon:
    """The compiled names (kept on the gazetteer per rule set, and in the on-disk cache when
    both come from files)."""
    return per_rules(gaz, "lexicon", rules, lambda: _cached_lexicon(gaz, rules))


def _cached_lexicon(gaz: Gazetteer, rules: RuleSet) -> Lexicon:
    """The lexicon from the on-disk cache, keyed by the gazetteer's and the rules' keys."""
    if gaz.digest is None or rules.digest is None:
        return _lexicon(gaz, rules)
    key = cache.digest(gaz.digest, rules.digest)
    return cache.cached("lexicon", key, Lexicon, lambda: _lexicon(gaz, rules))


def _lexicon(gaz: Gazetteer, rules: RuleSet) -> Lexicon:
    """The gazetteer's names compiled into phrase tables under a rule set."""
    entries = _entries(gaz, rules.gazetteer)
    by_case = {
        name
        for name, options in entries.items()
        if _ACRONYM.match(name)
        or len(name) <= 2
        or all(e.reference for e in options)
        or (name[:1].isupper() and all("title" in e.classes for e in options))
    }
    lower = phrase_table(rules.nlp, "LOWER", (n for n in entries if n not in by_case))
    exact = phrase_table(rules.nlp, "ORTH", (n for n in entries if n in by_case))
    surnames = _person_names(entries, True)
    every = sorted({n for names in surnames.values() for n in names}, key=len, reverse=True)
    run = re.compile(rf"\b({'|'.join(map(re.escape, every))}) ([A-Z][\w-]*)") if every else None
    titles = rules.gazetteer.get("titles") or {}
    ends = frozenset(str(v).lower().split()[-1] for vs in titles.values() for v in vs if str(v))
    return Lexicon(entries, lower, exact, _person_names(entries, False), surnames, run, ends)


PLACE_CLASSES = frozenset({"place", "city", "country"})
TOWN_CLASSES = frozenset({"city", "country"})  # places that are no building or site


def _choose(entries: list[Entry]) -> list[Entry]:
    """Stated names beat generated variants."""
    stated = [e for e in entries if e.explicit]
    return stated or entries


def _site_or_body(
    options: list[Entry], units: list[Unit], start: int, rules: RuleSet
) -> list[Entry]:
    """Of a name that a site and a body share ("the White House"), the site after a place
    preposition (names.yaml `place_prepositions`: "at the White House"), else the body."""
    sites = [e for e in options if e.classes & PLACE_CLASSES]
    if not sites or len(sites) == len(options):
        return options
    before = start - 1 - int(start > 0 and units[start - 1].lower == "the")
    words = {str(w).lower() for w in rules.gazetteer.get("place_prepositions") or ()}
    placed = before >= 0 and units[before].lower in words
    return sites if placed else [e for e in options if e not in sites]


def _lowered(name: str, units: list[Unit]) -> bool:
    """Whether the text writes in lower case every capitalised word of a name of several words
    ("the north" for "the North"): a common phrase, not the name."""
    words = name.split()
    if len(words) < 2 or len(words) != len(units):
        return False
    capitals = [i for i, word in enumerate(words) if word[:1].isupper()]
    return bool(capitals) and all(units[i].text[:1].islower() for i in capitals)


def _region_prefixed(units: list[Unit], start: int, regions: set[str]) -> bool:
    """Whether a word of `region_prefixes` stands right before the unit at `start`, with or
    without a hyphen ("Latin American", "Inter-American", "Ibero-American")."""
    before = start - 2 if start >= 2 and units[start - 1].text in HYPHENS else start - 1
    return before >= 0 and units[before].lower in regions


def name_spans(
    units: list[Unit],
    gaz: Gazetteer,
    rules: RuleSet,
    doc: Doc,
    blocked: frozenset[URIRef],
    nationals: dict[str, URIRef] | None = None,
) -> list[tuple[int, int, Mention]]:
    """Every name, nationality, title and alias of the gazetteer in a sentence's raw tokens, as
    (start, end, mention), longest first (a span not starting with "the" wins a tie); a surname
    alone is no one's when a capitalised word follows it ("Li Qiang") and is not the `blocked`
    people's (gazetteer.other_namesakes); a shared adjective is the state of `nationals`
    (gazetteer.shared_nationals)."""
    lex = lexicon(gaz, rules)
    documents = rules.listed("document_heads")
    regions = {w.lower() for w in rules.listed("region_prefixes")}
    spans = []
    for table in (lex.lower, lex.exact):
        for name, start, end in table(doc):
            spans.append((start, end, name))
    spans.sort(key=lambda s: (-(s[1] - s[0]), units[s[0]].lower == "the", s[0]))
    found = []
    for start, end, key in spans:
        if _lowered(key, units[start:end]):
            continue  # "the north of the country", "at the north hall": no "the North"
        longer = end < len(units) and units[end].text[:1].isupper() and units[end].text.isalpha()
        usable = [
            e for e in lex.entries[key] if not e.surname or not (longer or e.refs[0] in blocked)
        ]
        if longer and end - start == 1 and start and units[start - 1].lower in lex.title_ends:
            usable = [e for e in usable if not e.classes & PLACE_CLASSES]
        if longer and units[end].lower in documents:  # "the Vienna Convention": no Vienna
            usable = [e for e in usable if "city" not in e.classes]
        if not usable:  # "President Santiago Peña": a given name, not Chile's capital
            continue
        options = _site_or_body(_choose(usable), units, start, rules)
        first = options[0]
        if "nationality" in first.classes and _region_prefixed(units, start, regions):
            continue  # "Latin American", "the Inter-American Development Bank": no state's
        if first.title and not first.refs and hyphen_joined(units, end - 1):
            continue  # "Amir-Abdollahian": a title word that begins a hyphenated name
        refs = tuple(dict.fromkeys(r for e in options for r in e.refs))
        agents = tuple(dict.fromkeys(a for e in options for a in e.agents))
        if key in (nationals or {}) and ("nationality" in first.classes or len(refs) == 1):
            refs = agents = (nationals[key],)  # "Congolese" in a Brazzaville story, "Congo"
        anaphor = first.anaphor if first.anaphor else ("ambiguous" if len(refs) > 1 else None)
        mention = Mention(
            first.classes, refs, agents, title=first.title, generic=first.generic, anaphor=anaphor
        )
        found.append((start, end, mention))
    return [(_given_start(units, start, found, m), end, m) for start, end, m in found]


INITIAL = re.compile(r"^[A-Z]\.$")  # a middle initial ("R." of "Joseph R. Biden")


def given_before_initial(units: list[Unit], start: int) -> int | None:
    """The unit two before a name that a middle initial opens ("Joseph" of "Joseph R. Biden"),
    where its given name would stand; None when no initial stands right before it."""
    given = start - 2
    return given if given >= 0 and INITIAL.match(units[start - 1].text) else None


def _given_start(units: list[Unit], start: int, found: list, mention: Mention) -> int:
    """Where a person's name starts with a given name and a middle initial before it
    ("Joseph R. Biden", "Ferdinand R. Marcos Jr."): the given name, else `start`."""
    given = given_before_initial(units, start)
    if given is None or "person" not in mention.classes:
        return start
    word = units[given].text
    taken = any(b <= given < e for b, e, _ in found)
    return given if word[:1].isupper() and word.isalpha() and not taken else start
