"""Coreference stage: delegations, in-article references and coordinated groups.

Reads a sentence's units (after names and titles), the rules' `delegations`,
`delegation_refs` and `anaphors` sections and the discourse state of the article so far;
writes units where "the Russian delegation", "the North Korean leader", "Kim", "the two sides",
"they", "the country" and "state media" name the entities they refer to, and where "A and B"
is one group unit. Delegations are found in a first pass over the whole article ("X delegation
led by Y", "Y was accompanied by A and B"), so a sentence may mention one before it is defined.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import takewhile

from rdflib import URIRef

from diplograph.extract.frames import leading
from diplograph.extract.gazetteer import Gazetteer, per_rules
from diplograph.extract.matcher import Match, find, separate
from diplograph.extract.mentions import (
    NewEntity,
    add_new,
    find_position,
    head_epithet,
    known_country,
    named_as_body,
    national_title,
    new_position,
    office_holders,
    positions,
    state_body,
    women,
)
from diplograph.extract.rules import RuleSet
from diplograph.extract.sentences import POSSESSIVE_S, Mention, Unit, actors, merge, names_again
from diplograph.iris import entity_iri

PLACEHOLDER = "urn:x-diplograph:delegation/"
HEAD_TITLES_DEFAULT = ("leader", "president")


@dataclass
class Delegation:
    """A delegation found in the article: who sent it, who leads it, who is in it, where said."""

    key: URIRef
    sender: URIRef | None = None
    leader: URIRef | None = None
    members: list[URIRef] = field(default_factory=list)
    spans: list[tuple[int, int, str, int]] = field(default_factory=list)  # offsets, rule, sentence
    modality: str = "Happened"


@dataclass
class Discourse:
    """What the article has said so far: recent entities, holdings, delegations, place, events."""

    persons: list[URIRef] = field(default_factory=list)
    countries: list[URIRef] = field(default_factory=list)
    lands: list[URIRef] = field(default_factory=list)  # states named by name or by a city
    parties: list[URIRef] = field(default_factory=list)
    groups: list[tuple[URIRef, ...]] = field(default_factory=list)
    group_sentence: int = -1  # the sentence of the last group
    orgs: list[tuple[URIRef, str]] = field(default_factory=list)  # body and the words naming it
    bodies: list[URIRef] = field(default_factory=list)  # organisations and states, in order
    speakers: list[tuple[URIRef, ...]] = field(default_factory=list)  # of statements, in order
    holdings: dict[URIRef, set[URIRef]] = field(default_factory=dict)
    titles: dict[URIRef, set[str]] = field(default_factory=dict)  # person -> titles named with
    owners: dict[URIRef, set[URIRef]] = field(default_factory=dict)  # person -> whose office
    country_counts: Counter = field(default_factory=Counter)
    delegations: list[Delegation] = field(default_factory=list)
    definitions: dict[tuple[int, int], Delegation] = field(default_factory=dict)
    meetings: list[tuple[int, tuple[URIRef, ...]]] = field(default_factory=list)
    guests: list[URIRef] = field(default_factory=list)  # travellers of the events so far
    hosts: list[URIRef] = field(default_factory=list)  # the people who hosted them
    sentence: int = 0
    subject: URIRef | None = None  # the first person the last sentence named
    home: URIRef | None = None  # the state of the article's dateline
    day: str | None = None  # the article's date (ISO), for the holders of offices then
    gendered: dict[str, URIRef] = field(default_factory=dict)  # "he"/"she" -> last referent
    sexes: dict[URIRef, str] = field(default_factory=dict)  # person -> "he"/"she", by a cue word
    received: tuple[int, URIRef, URIRef] | None = None  # the last reception: sentence, host, guest
    new: list[NewEntity] = field(default_factory=list)  # the entities the article made so far
    ahead: list[Mention] = field(default_factory=list)  # people the paragraph names further on
    beyond: list[Mention] = field(default_factory=list)  # and the next paragraph too

    def leader_of(self, iri: URIRef) -> URIRef | None:
        """The leader of a delegation placeholder."""
        for delegation in self.delegations:
            if delegation.key == iri:
                return delegation.leader
        return None


def holder_country(
    person: URIRef,
    discourse: Discourse,
    gaz: Gazetteer,
    rules: RuleSet,
    new: Iterable[NewEntity] = (),
) -> URIRef | None:
    """The country a person serves, from the positions the article says they hold: a known
    position's country first, then the owner of a position the article made (`new`: "Prime
    Minister of Georgia"), else the country people.yaml says the public figure serves."""
    index = positions(gaz, rules)
    held = sorted(discourse.holdings.get(person, ()))
    for position in held:
        country = index.owner_country.get(position)
        if country is None:
            owner = gaz.position_of.get(position)
            country = owner if owner and "country" in gaz.classes.get(owner, ()) else None
        if country is not None:
            return country
    owners = {n.iri: n.position_of for n in (new or discourse.new)}
    made = (owners.get(p) for p in held)
    found = next((o for o in made if o is not None and "country" in gaz.classes.get(o, ())), None)
    return found or known_country(person, gaz, rules)


def _delegation(discourse: Discourse, sender: URIRef | None, leader: URIRef | None) -> Delegation:
    """The article's delegation with this sender and leader, created if new."""
    for delegation in discourse.delegations:
        same_leader = leader is not None and delegation.leader == leader
        same_sender = sender is not None and delegation.sender == sender
        if same_leader or (same_sender and (delegation.leader is None or leader is None)):
            delegation.sender = delegation.sender or sender
            delegation.leader = delegation.leader or leader
            return delegation
    unsent = _unsent(discourse)
    if sender is not None and leader is None and len(unsent) == 1:  # "a US delegation ... The
        unsent[0].sender = sender  # delegation was led by Senator X": X's state unknown
        return unsent[0]
    made = Delegation(URIRef(f"{PLACEHOLDER}{len(discourse.delegations) + 1}"), sender, leader)
    discourse.delegations.append(made)
    return made


def _unsent(discourse: Discourse) -> list[Delegation]:
    """The delegations with a named leader and no sender yet ("The delegation was led by X")."""
    return [d for d in discourse.delegations if d.sender is None and d.leader is not None]


def _defined(discourse: Discourse, before: bool, after: bool) -> list[URIRef]:
    """The delegation "the delegation" names: the one defined last up to here (`before`), else
    the one the next sentence defines (`after`: "met the visiting delegation. The delegation was
    led by X")."""
    led = [d for d in discourse.delegations if d.leader is not None and d.spans]
    first = {d.key: min(n for *_, n in d.spans) for d in led}
    found = [d.key for d in led if before and first[d.key] <= discourse.sentence][-1:]
    return found or [d.key for d in led if after and first[d.key] == discourse.sentence + 1][:1]


def _led(discourse: Discourse, sender: URIRef) -> bool:
    """Whether the article names a leader of the sender's delegation (or of the one delegation
    with no sender, which `_delegation` gives the sender)."""
    unsent = _unsent(discourse)
    mine = [d for d in discourse.delegations if d.sender == sender]
    return any(d.leader is not None for d in mine) or (not mine and len(unsent) == 1)


def define_delegations(
    units: list[Unit],
    discourse: Discourse,
    gaz: Gazetteer,
    rules: RuleSet,
    number: int,
    subject: URIRef | None = None,
) -> None:
    """First pass: register the delegations a sentence defines and the words that define them
    (`subject`: the person a pronoun leader stands for, the last sentence's first person)."""
    for match in find("delegations", units, rules):
        senders = [a for i in match.roles.get("sender", []) for a in actors(units[i])]
        leaders = [a for i in match.roles.get("leader", []) for a in actors(units[i])]
        pronoun = any(units[i].mention is None for i in match.roles.get("leader", []))
        leaders = leaders or ([subject] if pronoun and subject is not None else [])
        leader = leaders[0] if leaders else None
        sender = senders[0] if senders else None
        for i in match.roles.get("leader", []):
            holding = units[i].mention.holding if units[i].mention else None
            if holding and holding[1] is not None:
                discourse.holdings.setdefault(holding[0], set()).add(holding[1])
        if sender is None and leader is not None:
            sender = holder_country(leader, discourse, gaz, rules)
        delegation = _delegation(discourse, sender, leader)
        members = [a for i in match.roles.get("member", []) for a in actors(units[i])]
        delegation.members.extend(m for m in members if m not in delegation.members)
        begin, end = match.span(units)
        delegation.spans.append((begin, _unpunctuated(units, end), match.rule.id, number))
        if match.rule.get("mention", True):
            discourse.definitions[(begin, end)] = delegation
        if any(units[i].lower in ("will", "would") for i in range(match.start, match.end)):
            delegation.modality = "Expected"


def _unpunctuated(units: list[Unit], end: int) -> int:
    """The end of a defining span without the comma a pattern took to close it ("The Russian
    delegation, led by X, met Y": the words attested end at X)."""
    last = next((i for i, u in enumerate(units) if u.end == end), None)
    if last is not None and last > 0 and units[last].text in (",", ";"):
        return units[last - 1].end
    return end


def _replace_definitions(units: list[Unit], discourse: Discourse, text: str) -> list[Unit]:
    """Turn each defining span ("the Russian delegation led by ...") into a delegation unit."""
    for (begin, end), delegation in sorted(discourse.definitions.items(), reverse=True):
        starts = [i for i, u in enumerate(units) if u.begin == begin]
        ends = [i for i, u in enumerate(units) if u.end == end]
        if starts and ends and starts[0] <= ends[0]:
            mention = Mention(
                frozenset({"delegation", "agent"}), (delegation.key,), (delegation.key,)
            )
            units = merge(units, starts[0], ends[0] + 1, mention, text[begin:end])
    return units


def _person(unit: Unit) -> URIRef | None:
    """The person a unit names, if it names one."""
    mention = unit.mention
    if mention is not None and "person" in mention.classes and mention.agents:
        return mention.agents[0]
    return None


def clause_subject(before: list[Unit], relatives: frozenset[str]) -> URIRef | None:
    """The person whose clause a pronoun stands in, read back over its verb: "Faye invited"
    and "Faye, who invited" and "To Lam inviting" give Faye and To Lam; anything else (another
    name, a boundary, "X met Y and told") gives None."""
    index = len(before) - 1
    while index >= 0 and before[index].mention is None and not before[index].boundary:
        index -= 1
    if index >= 0 and before[index].lower in relatives:
        index -= 1 + int(index > 0 and before[index - 1].text == ",")
    return _person(before[index]) if index >= 0 else None


IN_SENTENCE_PAIRS = ("last_pair", "last_titled_pair", "last_titled_group")  # the two people
# named before it ("met with Y, and the ministers signed")


def _in_sentence(
    kind: str, before: list[Unit], unlike: frozenset[URIRef] = frozenset()
) -> tuple[URIRef, ...]:
    """The nearest earlier mention in the same sentence an anaphor can refer to (none of
    `unlike`: the subject of an object pronoun's clause, people of the other gender); for
    "they" with no group named before it, the people named before it, when two or more."""
    if kind in IN_SENTENCE_PAIRS:  # "X held talks with Y, and the two ministers signed"
        recent = list(dict.fromkeys(reversed(_people_before(before))))[:2]
        return tuple(reversed(recent)) if len(recent) == 2 else ()
    if kind == "last_body":  # "Russia said on Friday that it was expelling ...": Russia
        return _body_before(before)
    wanted = {"last_person": "person", "last_country": "country", "last_group": "group"}.get(kind)
    for unit in reversed(before):
        mention = unit.mention
        if wanted and mention is not None and wanted in mention.classes and mention.agents:
            if len(mention.agents) == 1 and mention.agents[0] in unlike:
                continue
            if kind == "last_person" and len(mention.agents) > 1:
                continue  # "the two ministers ..., he said": one of them is not "he"
            if kind != "last_group" or len(mention.agents) > 1:
                return mention.agents
    if kind == "last_group":  # "X held talks with Y, after which they witnessed": X and Y
        people = tuple(dict.fromkeys(_people_before(before)))
        if len(people) > 1:
            return people
    return ()


def _body_before(before: list[Unit]) -> tuple[URIRef, ...]:
    """The nearest state or organisation named before an anaphor in its sentence, one only (a
    capital standing for its state too: "New Delhi announced it was expelling ...")."""
    for unit in reversed(before):
        mention = unit.mention
        if mention is None or mention.classes & {"person", "nationality"}:
            continue
        if "agent" in mention.classes and len(mention.agents) == 1:
            return mention.agents
    return ()


def _people_before(before: list[Unit]) -> list[URIRef]:
    """The people (and delegations: "held talks with the Hungarian delegation, after which the
    sides signed") the units before an anaphor name, in text order (repeats kept)."""
    return [
        a
        for u in before
        if u.mention and {"person", "delegation"} & u.mention.classes
        for a in u.mention.agents
    ]


def _refer(
    kind: str,
    unit: Unit,
    discourse: Discourse,
    gaz: Gazetteer,
    rules: RuleSet,
    unlike: frozenset[URIRef] = frozenset(),
    span: tuple[Unit, ...] = (),
) -> tuple[URIRef, ...]:
    """The entities an anaphor of this kind refers to, from the discourse so far (none of
    `unlike`: the subject of an object pronoun's clause, people of the other gender; `span`:
    the anaphor's units before its head, "the foreign" of "the foreign ministers")."""
    words = tuple(u.lower for u in span if u.mention is None)
    if kind == "national_titled":  # "the Saudi and Iranian foreign ministers"
        return _national_titled(unit.lemma, span, discourse, rules)
    if kind == "national_titled_of":  # "the foreign ministers of Armenia and Azerbaijan"
        return _titled_of(unit, span, discourse, rules)
    if kind == "last_person" and discourse.subject is not None and discourse.subject not in unlike:
        return (discourse.subject,)  # "X was greeted by Y. He ...": he is X, the subject
    if kind == "last_person":
        return next(((p,) for p in reversed(discourse.persons) if p not in unlike), ())
    if kind == "last_group":  # "They": the last sentence's meeting, else the last group
        return _meeting_before(discourse) or (discourse.groups[-1] if discourse.groups else ())
    if kind == "last_country":  # "the country": the last named, unless it is `unlike`
        return next(((c,) for c in reversed(discourse.countries) if c not in unlike), ())
    if kind == "last_guest":  # "his guest": the last traveller
        return discourse.guests[-1:] if discourse.guests else ()
    if kind == "last_host":  # "thanked his host": the last person who hosted a traveller
        hosts = (h for h in reversed(discourse.hosts) if h in discourse.persons)
        return next(((h,) for h in hosts if h not in unlike), ())
    if kind == "last_speaker":  # "the statement added": whoever last made a statement
        return discourse.speakers[-1] if discourse.speakers else ()
    if kind == "last_body":  # "It summoned ...": the organisation or state last named
        return (discourse.bodies[-1],) if discourse.bodies else ()
    if kind == "last_named_org":  # "the ministry": the body last named with that word
        head = unit.lower.split()[-1]
        for iri, words in reversed(discourse.orgs):
            if head in words.split():
                return (iri,)
        return ()
    if kind == "last_titled_pair":  # "the two ministers": the last two named so (a deputy
        word = unit.lemma  # prime minister only if not two foreign ministers), else the last
        titled = [p for p in discourse.persons if any(word in t for t in _words(discourse, p))]
        other = {p for p in discourse.persons if discourse.titles.get(p) and p not in titled}
        met = (p for _, p in reversed(discourse.meetings) if len(p) == 2 and not set(p) & other)
        strict = _last_two(_titled_with(word, words, discourse, rules))  # meeting of two none
        found = strict or _last_two(titled) or next(met, ())  # of whom has another office
        return found or _refer("last_pair", unit, discourse, gaz, rules)
    if kind == "last_titled_group":  # "the ministers": the latest meeting's people, else
        word = unit.lemma  # all named with a title of that word, else a pair
        titled = [p for p in discourse.persons if any(word in t for t in _words(discourse, p))]
        modifiers = _modifiers(words, rules)  # "foreign" of "the three foreign ministers"
        titled = [p for p in titled if any(modifiers <= set(t) for t in _words(discourse, p))]
        recent = _recent_meeting(discourse)
        if len(recent) > 1 and set(recent) <= set(titled):
            return recent
        group = list(dict.fromkeys(titled))
        return tuple(group) if len(group) > 1 else _refer("last_pair", unit, discourse, gaz, rules)
    if kind == "home":  # "officials said" with no state named: the dateline's
        return (discourse.home,) if discourse.home is not None else ()
    if kind == "first_person":  # "His Highness": the lede's first person, the court's own
        return discourse.persons[:1]
    if kind == "last_pair_countries":  # "the two countries", "the governments": the pair's
        pair = _refer("last_pair", unit, discourse, gaz, rules)
        homes = tuple(dict.fromkeys(holder_country(p, discourse, gaz, rules) for p in pair))
        return homes if len(homes) == len(pair) and None not in homes else pair
    if kind == "last_counted":  # "the three leaders": the latest meeting's three, else the
        numbers = list(rules.classes.get("number_word", ()))  # last three people named
        count = numbers.index(unit.lower) + 1 if unit.lower in numbers else 0
        recent = _recent_meeting(discourse)
        if count > 2 and len(recent) == count:
            return recent
        people = list(dict.fromkeys(reversed(discourse.persons)))[:count]
        return tuple(reversed(people)) if count > 2 and len(people) == count else ()
    if kind == "salient_heads":  # "the heads of state": the two heads of state the story names
        heads = _salient(discourse, set(rules.classes.get("head_of_state_title", ())))  # most,
        return heads or _refer("salient_leaders", unit, discourse, gaz, rules)  # whoever met since
    if kind == "salient_leaders":  # "the two leaders": the latest meeting's pair, else the two
        leaders = _salient(discourse, set(rules.classes.get("leader_title", ())))  # named most
        fallback = _refer("last_pair", unit, discourse, gaz, rules)
        return _recent_meeting(discourse) or leaders or fallback
    if kind == "last_pair":
        if _recent_meeting(discourse):
            return _two_sides(discourse, _recent_meeting(discourse))
        recent = list(dict.fromkeys(reversed(discourse.persons)))[:2]
        return tuple(reversed(recent)) if len(recent) == 2 else ()
    return ()


def _titled_with(
    word: str, words: Iterable[str], discourse: Discourse, rules: RuleSet
) -> list[URIRef]:
    """The people named with a title holding `word` and the reference's other `words` ("the two
    foreign ministers"), not as another office of it unless those words say so (entities.yaml
    `other_office_words`: a prime minister is none of "the two ministers")."""
    modifiers = _modifiers(words, rules)
    other = frozenset(str(w) for w in rules.gazetteer.get("other_office_words") or ()) - modifiers

    def fits(title: list[str]) -> bool:
        """Whether a title's words hold `word` and the modifiers, led by no other office's."""
        return word in title and modifiers <= set(title) and title[0] not in other

    return [p for p in discourse.persons if any(fits(t) for t in _words(discourse, p))]


def _national_titled(
    word: str, span: tuple[Unit, ...], discourse: Discourse, rules: RuleSet
) -> tuple[URIRef, ...]:
    """For each nationality of the span, the person last named with a title of that word (and
    the span's other words) held for that country, any head's title (lexicon `leader_title`)
    for "leaders"; all of them, or none."""
    countries = [r for u in span if u.mention is not None for r in u.mention.refs]
    modifiers = _modifiers([u.lower for u in span if u.mention is None], rules)
    heads = set(rules.classes.get("leader_title", ())) if word == "leader" else set()
    found = []
    for country in countries:
        person = next(
            (
                p
                for p in reversed(discourse.persons)
                if country in discourse.owners.get(p, ())
                and any(
                    (word in t or " ".join(t) in heads) and modifiers <= set(t)
                    for t in _words(discourse, p)
                )
            ),
            None,
        )
        if person is None:
            return ()
        found.append(person)
    return tuple(dict.fromkeys(found)) if len(found) > 1 else ()


def _titled_of(
    unit: Unit, span: tuple[Unit, ...], discourse: Discourse, rules: RuleSet
) -> tuple[URIRef, ...]:
    """For "the foreign ministers of A and B" (the match ends at the last state): for each
    state, the person last named with that title for it, as `_national_titled` reads the states
    before the title."""
    of = next((i for i, u in enumerate(span) if u.lower == "of"), 0)
    if of < 1:
        return ()
    states = tuple(u for u in span[of:] if u.mention is not None)
    return _national_titled(span[of - 1].lemma, (*span[: of - 1], *states, unit), discourse, rules)


def _modifiers(words: Iterable[str], rules: RuleSet) -> set[str]:
    """The words of a plural reference that a title must hold ("foreign" of "the three foreign
    ministers"): all but determiners, coordination and numbers."""
    ignored = {"determiner", "coordination", "number_word"}
    return set(words) - {w for name in ignored for w in rules.classes.get(name, ())}


def _salient(discourse: Discourse, titles: set[str]) -> tuple[URIRef, ...]:
    """The two people named most often so far with one of these titles (the later named first
    on a tie), in the order they were first named; empty if fewer than two."""
    counts = Counter(p for p in discourse.persons if discourse.titles.get(p, set()) & titles)
    last = {p: i for i, p in enumerate(discourse.persons)}
    two = sorted(counts, key=lambda p: (-counts[p], -last[p]))[:2]
    first = {p: i for i, p in reversed(list(enumerate(discourse.persons)))}
    return tuple(sorted(two, key=first.__getitem__)) if len(two) == 2 else ()


def _recent_meeting(discourse: Discourse) -> tuple[URIRef, ...]:
    """The parties of the meeting named in the last two sentences, or none."""
    if discourse.meetings and discourse.sentence - discourse.meetings[-1][0] <= 2:
        return discourse.meetings[-1][1]
    return ()


def _two_sides(discourse: Discourse, parties: tuple[URIRef, ...]) -> tuple[URIRef, ...]:
    """The two sides of a meeting of more than two: the pair of the last meeting of two among
    them ("A and B met ...; C later met them together": the two sides are A and B)."""
    if len(parties) <= 2:
        return parties
    pairs = (p for _, p in reversed(discourse.meetings) if len(p) == 2 and set(p) <= set(parties))
    return next(pairs, parties)


def _meeting_before(discourse: Discourse) -> tuple[URIRef, ...]:
    """The parties of a meeting the last sentence told after any group it named, or none."""
    if not discourse.meetings:
        return ()
    told, parties = discourse.meetings[-1]
    fresh = discourse.sentence - told == 1 and discourse.group_sentence < told
    return parties if fresh else ()


def _last_two(items: list[URIRef]) -> tuple[URIRef, ...]:
    """The last two distinct items, in text order (empty if fewer)."""
    recent = list(dict.fromkeys(reversed(items)))[:2]
    return tuple(reversed(recent)) if len(recent) == 2 else ()


def _words(discourse: Discourse, person: URIRef) -> list[list[str]]:
    """The words of each title a person was named with."""
    return [t.lower().split() for t in discourse.titles.get(person, ())]


def _titled_so(titles: set[str], wanted: set[str], other: frozenset[str]) -> bool:
    """Whether one of a person's titles is a wanted one, or a kind of it ("foreign minister"
    is a "minister", so "the Nigerian minister" is Nigeria's foreign minister), not another
    office (`other_office_words`: a "vice president" is no "president")."""
    kinds = {t for t in titles if t.split()[0] not in other and t.rsplit(" ", 1)[-1] in wanted}
    return bool(titles & wanted or kinds)


HOLDER_CONFIDENCE = 0.5  # a holder known from people.yaml, named by the office alone


def _office_holder(
    mention: Mention, discourse: Discourse, gaz: Gazetteer, rules: RuleSet
) -> URIRef | None:
    """The person who held the office an unnamed title of one owner names on the article's
    day (people.yaml `office_holders`: "emir of Qatar" -> holders since a date), else None."""
    if discourse.day is None or len(mention.owner) != 1 or not mention.title:
        return None
    holders = office_holders(mention.title, mention.owner[0], gaz, rules)
    since = [(str(day), str(name)) for name, day in holders.items() if str(day) <= discourse.day]
    if not since:
        return None
    name = max(since)[1]
    return add_new(
        discourse.new, NewEntity(entity_iri("person", name), "Person", name, HOLDER_CONFIDENCE)
    )


def _named_ahead(
    mention: Mention,
    discourse: Discourse,
    gaz: Gazetteer,
    rules: RuleSet,
    ahead: list[Mention] | None = None,
) -> URIRef | None:
    """The one person the paragraph names further on with the office an unnamed title of one
    state names (with that title and no state if none is named with the state's: "the Swiss
    ambassador. Ambassador X said"), or by name alone as a public figure of that state ("Iran's
    foreign minister arrived in Riyadh. Abbas Araghchi will meet ..."), else None."""
    if len(mention.owner) != 1 or not mention.title:
        return None
    named = discourse.ahead if ahead is None else ahead
    epithets = rules.gazetteer.get("title_epithets") or {}
    wanted = {mention.title} | {str(t) for t in epithets.get(mention.title, ())}
    titled = [m.refs[0] for m in named if m.title in wanted and mention.owner[0] in m.owner]
    titled = titled or [m.refs[0] for m in named if m.title in wanted and not m.owner]
    other = {m.refs[0] for m in named if m.title and m.title not in wanted}
    other |= {p for p, said in discourse.titles.items() if said and not said & wanted}
    bare = [  # no other office said for them ("President X" before: no foreign minister)
        m.refs[0]
        for m in named
        if m.refs[0] not in other and _public_figure_of(m, mention.owner[0], gaz, rules)
    ]
    found = list(dict.fromkeys(titled or bare))
    return found[0] if len(found) == 1 else None


def _public_figure_of(mention: Mention, state: URIRef, gaz: Gazetteer, rules: RuleSet) -> bool:
    """Whether a person named with no title is a public figure people.yaml gives that state."""
    return not mention.title and known_country(mention.refs[0], gaz, rules) == state


def _possessive_ahead(
    units: list[Unit], discourse: Discourse, gaz: Gazetteer, rules: RuleSet, text: str
) -> list[Unit]:
    """A state's bare office no one named so far ("Iran's foreign minister arrived", which
    entities.yaml `title.possessive-anaphor` leaves the state and a bare title) as the one
    person the paragraph names further on with it (`_named_ahead`)."""
    for at in range(len(units) - 3, -1, -1):
        state, title = units[at].mention, units[at + 2].mention
        if (
            state is None
            or title is None
            or "country" not in state.classes
            or len(state.refs) != 1
            or units[at + 1].lower not in POSSESSIVE_S
            or title.classes != frozenset({"title"})
            or not title.title
        ):
            continue
        office = Mention(frozenset({"agent", "person"}), title=title.title, owner=state.refs)
        person = _named_ahead(office, discourse, gaz, rules, discourse.beyond)
        if person is None:
            continue
        epithet = title.title in (rules.gazetteer.get("title_epithets") or {})  # no office
        position = positions(gaz, rules).by_owner.get((title.title, state.refs[0]))
        position = position or (None if epithet else _told_position(office, discourse, gaz, rules))
        found = Mention(
            office.classes,
            (person,),
            (person,),
            0.7,
            title.title,
            (person, position) if position else None,
        )
        units = merge(units, at, at + 3, found, text[units[at].begin : units[at + 2].end])
    return units


def _named_unit(unit: Unit) -> bool:
    """Whether a unit names an actor (a date or a place after "his counterpart" is none)."""
    mention = unit.mention
    return mention is not None and bool(mention.classes & {"agent", "person", "title"})


def _counterpart_ahead(
    units: list[Unit], discourse: Discourse, gaz: Gazetteer, rules: RuleSet, text: str
) -> list[Unit]:
    """ "his Russian counterpart" with no name after it as the one person of that state the
    paragraph names further on ("X held talks with his Russian counterpart in Moscow. Sergei
    Lavrov told him ...": Lavrov), by an office of that state or as its public figure."""
    possessive = rules.word_class("possessive")
    words = rules.word_class("counterpart_word")
    for at in range(len(units) - 3, -1, -1):
        state, after = units[at + 1].mention, units[at + 3 : at + 5]
        if (
            units[at].lower not in possessive
            or state is None
            or "nationality" not in state.classes
            or len(state.refs) != 1
            or units[at + 2].lower not in words
            or any(_named_unit(u) for u in after[: 2 if after and after[0].text == "," else 1])
        ):  # "his Malaysian counterpart, after which": not "his counterpart, X,"
            continue
        found = list(
            dict.fromkeys(
                m.refs[0]
                for m in discourse.beyond
                if state.refs[0] in m.owner or _public_figure_of(m, state.refs[0], gaz, rules)
            )
        )
        if not found:  # "presented his Uzbek counterpart with the order": the one named before
            found = _served_before(state.refs[0], units[:at], discourse, gaz, rules)
        if len(found) != 1:
            continue
        person = Mention(frozenset({"agent", "person"}), (found[0],), (found[0],), 0.7)
        units = merge(units, at, at + 3, person, text[units[at].begin : units[at + 2].end])
    return units


def _served_before(
    state: URIRef, before: list[Unit], discourse: Discourse, gaz: Gazetteer, rules: RuleSet
) -> list[URIRef]:
    """The person of a state (`holder_country`) the article named last before a counterpart
    told without a name, not one named in its sentence before it; none if none."""
    here = set(_people_before(before))
    people = (p for p in reversed(discourse.persons) if p not in here)
    found = next((p for p in people if holder_country(p, discourse, gaz, rules) == state), None)
    return [found] if found is not None else []


def _titled_before(mention: Mention, before: list[Unit], rules: RuleSet) -> URIRef | None:
    """The person named earlier in the sentence with the office an untitled one names, of the
    same owner ("Ukrainian President X's aide delivered a letter from the Ukrainian president":
    X; "the Ethiopian leader" after "Ethiopian Prime Minister X": a `leader_title` for a
    `head_titles` word that is none itself); with no owner named, the one person named earlier
    in the sentence with that very title ("King X received Y, who presented his credentials to
    the King": X), else None."""
    if not mention.owner:
        named = {
            u.mention.refs[0]
            for u in before
            if u.mention is not None
            and "person" in u.mention.classes
            and not u.mention.anaphor
            and len(u.mention.refs) == 1
            and u.mention.title
            and u.mention.title == mention.title
        }
        return next(iter(named)) if len(named) == 1 else None
    heads = {str(t) for t in rules.gazetteer.get("head_titles") or HEAD_TITLES_DEFAULT}
    leaders = rules.word_class("leader_title")
    epithets = rules.gazetteer.get("title_epithets") or {}
    wanted = {mention.title} | {str(t) for t in epithets.get(mention.title or "", ())}
    if mention.title in heads and mention.title not in leaders:
        wanted |= leaders
    for unit in reversed(before):
        named = unit.mention
        if named is None or "person" not in named.classes or named.anaphor:
            continue
        if len(named.refs) == 1 and named.title in wanted and set(named.owner) & set(mention.owner):
            return named.refs[0]
    return None


def _resolve_title(
    mention: Mention,
    discourse: Discourse,
    gaz: Gazetteer,
    rules: RuleSet,
    current: bool = True,
    unlike: frozenset[URIRef] = frozenset(),
) -> URIRef | None:
    """The person an untitled office refers to ("the North Korean leader", "the Kremlin boss",
    "the Chinese top diplomat": entities.yaml `title_epithets`), none of `unlike`; a `current`
    office is not that of someone named with another office whose country is unknown."""
    persons = [p for p in discourse.persons if p not in unlike]
    heads = set(rules.gazetteer.get("head_titles") or HEAD_TITLES_DEFAULT)
    wanted = {mention.title} | (heads if mention.title in heads else set())
    epithets = rules.gazetteer.get("title_epithets") or {}
    wanted |= {str(t) for t in epithets.get(mention.title or "", ())}  # "the top diplomat"
    other = frozenset(str(w) for w in rules.gazetteer.get("other_office_words") or ())
    index = positions(gaz, rules)
    owned = {p for (t, o), p in index.by_owner.items() if t in wanted and o in mention.owner}
    for person in reversed(persons):
        if discourse.holdings.get(person, set()) & owned:
            return person
    for person in reversed(persons):  # named with the title for that owner here
        named = _titled_so(discourse.titles.get(person, set()), wanted, other)
        if (
            named
            and mention.owner
            and set(mention.owner) & _countries(person, discourse, gaz, rules)
        ):
            return person
    if not mention.owner:  # "the chancellor": the person last named with that title, the
        titles = discourse.titles  # last sentence's subject first ("X met Y. Later, the head of
        # state met Z": X)
        proper = {mention.title} | (heads if mention.title in heads else set())
        if mention.title == "leader":  # "the visiting leader": a head of state or government
            proper |= rules.word_class("leader_title")
        titled = [p for p in persons if _titled_so(titles.get(p, set()), proper, other)]
        titled = titled or [  # an epithet's office only when none holds the title itself
            p for p in persons if _titled_so(titles.get(p, set()), wanted, other)
        ]
        if discourse.subject in titled:
            return discourse.subject
        if titled:
            return titled[-1]
    for person in reversed(persons):  # no office named, or one of that owner's
        held = discourse.holdings.get(person, set())
        owners = _countries(person, discourse, gaz, rules)
        ours = set(mention.owner) & owners
        titles = discourse.titles.get(person, set())
        if current and titles and not ours and not _titled_so(titles, wanted, other):
            continue  # another office of no known owner: Governor Sansores, no "Cuban president"
        foreign = bool(mention.owner and owners) and not ours  # "the Saudi king": no Iranian
        # a person named with no office nor owner is "the Russian leader", never "the Kenyan
        # ambassador" (an office no head holds: the RSF commander named before is none); one
        # of that owner's holding another office is no other current office but a head's
        # (Kenya's president is not "the Kenyan ambassador"; an interim president is "the
        # Syrian leader")
        head = mention.title in heads or not current  # a former office: anyone's, also one
        states = {o for o in owners if "country" in gaz.classes.get(o, ())}  # who serves no
        if not current:  # state now ("the former Spanish foreign minister": the EU's foreign
            foreign = bool(mention.owner and states) and not set(mention.owner) & states
        free = not held or (not current and not states)  # policy chief named before)
        loose = free and not foreign and (head or not mention.owner)
        if loose or held & owned or (ours and (not held or head)):
            return person
    return None


def _countries(person: URIRef, discourse: Discourse, gaz: Gazetteer, rules: RuleSet) -> set[URIRef]:
    """Whose a person is: the owners the article gave them, else the country people.yaml says
    the public figure serves (empty when neither)."""
    country = known_country(person, gaz, rules)
    return discourse.owners.get(person) or ({country} if country is not None else set())


def _bare_body(mention: Mention, rules: RuleSet) -> bool:
    """A body named with no state ("the foreign ministry") of a kind the dateline's state owns
    when no other is named (entities.yaml `dateline_bodies`)."""
    kinds = rules.listed("dateline_bodies")
    return "body" in mention.classes and not mention.refs and mention.title in kinds


def _named_body(title: str, discourse: Discourse, gaz: Gazetteer, rules: RuleSet) -> URIRef | None:
    """The body of this kind the article named last ("Pakistan's Foreign Office ... The Foreign
    Office also summoned"): a body named with one of the title's words (entities.yaml
    `bodies`)."""
    labels = {n.iri: n.label for n in discourse.new}
    for body in reversed(discourse.bodies):
        if "country" in gaz.classes.get(body, ()):
            continue
        if named_as_body([*gaz.names.get(body, []), labels.get(body, "")], title, rules):
            return body
    return None


def _national_body(
    template: str,
    unit: Unit,
    units: list[Unit],
    discourse: Discourse,
    gaz: Gazetteer,
    rules: RuleSet,
) -> URIRef | None:
    """'state media' -> '<nationality> state media' of the country named just before, else of
    the country the article names most."""
    for country in _context_countries(unit, units, discourse, gaz):
        for adjective in _adjectives(gaz, rules).get(country, []):
            found = gaz.by_label(template.format(nationality=adjective))
            if found is not None:
                return found
    return None


def _context_countries(
    unit: Unit, units: list[Unit], discourse: Discourse, gaz: Gazetteer, trailing: bool = False
) -> list[URIRef]:
    """The countries a national word refers to: those named just before it in the sentence (a
    capital for its state; a city no state's seat is none) unless it is a `trailing` speaker
    (whose sentence before it is what was said), else the country the article names most, else
    the dateline's ("OTTAWA (Reuters) - The government said")."""
    national = {"country", "nationality", "city"}
    before = [
        u
        for u in units
        if not trailing and u.end <= unit.begin and u.mention and u.mention.classes & national
    ]
    named = before[-1].mention.agents if before else ()
    countries = [c for c in named if "country" in gaz.classes.get(c, ())]
    if not countries and discourse.country_counts:
        countries = [discourse.country_counts.most_common(1)[0][0]]
    return countries or ([discourse.home] if discourse.home is not None else [])


def _trailing_speaker(at: int, units: list[Unit], rules: RuleSet) -> bool:
    """Whether the unit at `at` speaks after what it said (", the government said"): a comma or
    a closing quote before it (and its "the"), a speech verb right after it."""
    before = at - 1 - int(at > 0 and units[at - 1].lower == "the")
    after = units[at + 1] if at + 1 < len(units) else None
    return (
        before >= 0
        and units[before].text in {",", '"', "”", "'", "’"}
        and after is not None
        and after.lemma in rules.word_class("speech_verb")
    )


def _possessor_country(
    at: int, units: list[Unit], discourse: Discourse, gaz: Gazetteer, rules: RuleSet
) -> URIRef | None:
    """The country served by the person whose "'s" stands right before the unit at `at`
    ("Trudeau's government"), or the country a reference there stands for ("the country's
    foreign ministry", "the Baltic state's"), else None."""
    if at < 2 or units[at - 1].lower not in POSSESSIVE_S:
        return None
    owner = units[at - 2].mention
    if owner is None or len(owner.refs) != 1:
        return None
    if owner.anaphor is None and "country" in gaz.classes.get(owner.refs[0], ()):
        return owner.refs[0]  # a reference resolved above (a name would have merged the body)
    if "person" not in owner.classes:
        return None
    named = [o for o in owner.owner if "country" in gaz.classes.get(o, ())]
    return named[0] if named else holder_country(owner.refs[0], discourse, gaz, rules)


def _adjectives(gaz: Gazetteer, rules: RuleSet) -> dict[URIRef, list[str]]:
    """Country -> its nationality adjectives, in the rules' order (cached on the gazetteer)."""
    return per_rules(gaz, "adjectives", rules, lambda: _nationalities(gaz, rules))


def _nationalities(gaz: Gazetteer, rules: RuleSet) -> dict[URIRef, list[str]]:
    """Country -> its nationality adjectives, in the rules' order."""
    found: dict[URIRef, list[str]] = {}
    for adjective, label in (rules.gazetteer.get("nationalities") or {}).items():
        country = gaz.by_label(str(label))
        if country is not None:
            found.setdefault(country, []).append(str(adjective))
    return found


def resolve(
    units: list[Unit], discourse: Discourse, gaz: Gazetteer, rules: RuleSet, text: str
) -> list[Unit]:
    """Resolve delegations, anaphors, titles without names and ambiguous names in a sentence."""
    units = _replace_definitions(units, discourse, text)
    for match in separate(find("delegation_refs", units, rules)):
        senders = [a for i in match.roles.get("sender", []) for a in actors(units[i])]
        if match.rule.get("all"):
            found = [d.key for d in discourse.delegations if d.sender is not None]
        elif match.rule.get("last") or match.rule.get("next"):
            found = _defined(discourse, bool(match.rule.get("last")), bool(match.rule.get("next")))
        else:
            guest = _national_guest(units[match.trigger], senders, discourse, rules)
            if guest is not None:  # "his Syrian guest": the Syrian the story's host received
                words = text[units[match.start].begin : units[match.end - 1].end]
                mention = Mention(frozenset({"agent", "person"}), (guest,), (guest,), 0.7)
                units = merge(units, match.start, match.end, mention, words)
                continue
            if match.rule.get("led_only") and not all(_led(discourse, s) for s in senders):
                continue  # "met an IMF delegation": the IMF, unless a leader is named
            found = [_delegation(discourse, s, None).key for s in dict.fromkeys(senders)]
        begin, end = units[match.start].begin, units[match.end - 1].end
        for delegation in discourse.delegations:
            if delegation.key in found and not delegation.spans:  # no words define it: these do
                delegation.spans.append((begin, end, match.rule.id, discourse.sentence))
        if found:
            mention = Mention(
                frozenset(
                    {"delegation", "agent", "group"} if len(found) > 1 else {"delegation", "agent"}
                ),
                tuple(found),
                tuple(found),
            )
            words = text[units[match.start].begin : units[match.end - 1].end]
            units = merge(units, match.start, match.end, mention, words)
    units = _counterpart_ahead(units, discourse, gaz, rules, text)  # a person for the anaphors
    _note_sexes(units, discourse, rules)
    possessive = rules.word_class("possessive")
    resolved = []  # resolved in text order (gender), merged from the end (indices stay valid)
    seen = list(units)  # the units with the anaphors resolved so far ("He handed him")
    for match in reversed(separate(find("anaphors", units, rules))):
        if _determiner_use(units, match.trigger, possessive) or _honorific_use(
            units, match.trigger, rules
        ):
            continue
        mention = _anaphor_mention(match, seen, discourse, gaz, rules)
        if mention is not None:
            resolved.append((match, mention))
            seen[match.trigger] = replace(seen[match.trigger], mention=mention)
    for match, mention in reversed(resolved):
        end = match.trigger + 1 if match.rule.get("lookahead") else match.end
        words = text[units[match.start].begin : units[end - 1].end]
        units = merge(units, match.start, end, mention, words)
    units = _possessive_ahead(units, discourse, gaz, rules, text)
    for at, unit in enumerate(units):
        mention = unit.mention
        if mention is not None and _bare_body(mention, rules):  # "the foreign ministry said"
            served = _possessor_country(at, units, discourse, gaz, rules)  # "the country's"
            body = (
                state_body(str(mention.title), served, gaz, rules, discourse.new)[0]
                if served is not None
                else _named_body(str(mention.title), discourse, gaz, rules)
            )
            if body is None and discourse.home is not None:  # of the dateline's state
                body, _ = state_body(str(mention.title), discourse.home, gaz, rules, discourse.new)
            if body is not None:
                unit.mention = Mention(frozenset({"org", "agent"}), (body,), (body,), 0.6)
            continue
        if mention is None or mention.anaphor is None:
            continue
        if mention.anaphor == "title":
            said = " ".join(u.lower for u in units[max(0, at - 1) : at + 1])  # "former" before
            past = set(said.replace("-", " ").split()) & rules.word_class("past_office_word")
            person = (
                _apposed(units, at)
                or (None if past else _titled_before(mention, units[:at], rules))
                or _resolve_title(mention, discourse, gaz, rules, current=not past)
            )
            if person is None and not past:  # "Qatar's emir received": who held it that day
                person = _office_holder(mention, discourse, gaz, rules)
            if person is None and not past:  # "Iran's foreign minister arrived ... Araghchi"
                person = _named_ahead(mention, discourse, gaz, rules)
            guest = set(unit.lower.split()) & set(rules.classes.get("guest_word", ()))
            if guest and discourse.guests:  # "the visiting leader": the last traveller
                person = discourse.guests[-1]
            elif guest and person is not None:  # no traveller told: not its clause's host ("He
                hosts = _hosts_before(units[:at], discourse, rules)  # received the visiting
                hosts |= _home_people(discourse, gaz, rules)  # minister": not he), nor one who
                if person in hosts:  # serves the dateline's state (a visitor comes from abroad)
                    person = _resolve_title(mention, discourse, gaz, rules, not past, hosts)
            if person is not None:
                position = next(
                    iter(
                        sorted(
                            p
                            for (t, o), p in positions(gaz, rules).by_owner.items()
                            if t == mention.title and o in mention.owner
                        )
                    ),
                    None,
                ) or (None if past else _told_position(mention, discourse, gaz, rules))
                unit.mention = Mention(
                    mention.classes,
                    (person,),
                    (person,),
                    0.7,
                    mention.title,
                    (person, position) if position else None,
                )
        elif mention.anaphor.startswith("context:") and (discourse.parties or _parties(units)):
            party = (_parties(units) or discourse.parties)[-1]
            label = f"a {gaz.labels.get(party, '')} {mention.title}"
            found = gaz.by_label(label)
            if found is not None:
                unit.mention = Mention(mention.classes, (found,), (found,), 0.7)
        elif mention.anaphor.startswith("national:"):
            found = _national_body(mention.anaphor[9:], unit, units, discourse, gaz, rules)
            if found is not None:
                unit.mention = Mention(mention.classes, (found,), (found,), 0.8, generic=True)
        elif mention.anaphor == "state":  # "the government": of the country in context
            served = _possessor_country(at, units, discourse, gaz, rules)
            if served is not None:  # "President Noboa's government": his state's government
                body, _ = state_body(str(mention.title), served, gaz, rules, discourse.new)
                unit.mention = Mention(frozenset({"org", "agent"}), (body,), (body,), 0.6)
                continue
            trailing = _trailing_speaker(at, units, rules)
            state = tuple(_context_countries(unit, units, discourse, gaz, trailing)[:1])
            if state:
                unit.mention = Mention(frozenset({"org", "agent"}), state, state, 0.6)
        elif mention.anaphor == "ambiguous":
            recent = [p for p in reversed(discourse.persons) if p in mention.refs]
            chosen = recent[0] if recent else mention.refs[0]
            unit.mention = Mention(mention.classes, (chosen,), (chosen,), 0.8)
    leads = rules.once(
        "coref:source-leads",
        lambda: frozenset(tuple(str(p).split()) for p in rules.word_class("source_lead")),
    )
    others, prepositions = rules.word_class("list_others"), rules.word_class("preposition")
    units = _spouses(_join_appositions(units, text), discourse, gaz, rules)
    spouses = rules.word_class("spouse_noun")
    joiners = rules.once(
        "coref:list-joiners",
        lambda: frozenset(tuple(str(p).split()) for p in rules.word_class("list_joiner")),
    )
    _described_possessors(units, rules.word_class("object_filler"))
    return group(units, text, others, prepositions, leads, spouses, joiners)


def _note_sexes(units: list[Unit], discourse: Discourse, rules: RuleSet) -> None:
    """Record the gender a person's name or title tells by a word of the lexicon's
    `feminine_cue` or `masculine_cue` ("Queen Mathilde", "Mrs Amina Diallo", "Sheikh X")."""
    cues = {"she": rules.word_class("feminine_cue"), "he": rules.word_class("masculine_cue")}
    for unit in units:
        mention = unit.mention
        if mention is None or "person" not in mention.classes or len(mention.refs) != 1:
            continue
        words = set(unit.lower.replace(".", "").split()) | set(str(mention.title or "").split())
        told = [sex for sex, cue in cues.items() if words & cue]
        if len(told) == 1:
            discourse.sexes.setdefault(mention.refs[0], told[0])


def _other_sex(
    gender: str | None, discourse: Discourse, gaz: Gazetteer, rules: RuleSet
) -> frozenset[URIRef]:
    """The people a pronoun of `gender` never names: for "he" the women (`people_women` and
    those a cue word told), for "she" the men a cue word told."""
    if gender is None:
        return frozenset()
    told = frozenset(p for p, sex in discourse.sexes.items() if sex != gender)
    return told | women(gaz, rules) if gender == "he" else told


def _home_people(discourse: Discourse, gaz: Gazetteer, rules: RuleSet) -> frozenset[URIRef]:
    """The people named so far who serve the state of the article's dateline."""
    if discourse.home is None:
        return frozenset()
    people = set(discourse.persons)
    return frozenset(
        p for p in people if holder_country(p, discourse, gaz, rules) == discourse.home
    )


def _hosts_before(before: list[Unit], discourse: Discourse, rules: RuleSet) -> frozenset[URIRef]:
    """The people a sentence names before a guest's title, and the last sentence's subject
    when a personal pronoun stands for someone there ("He received the visiting minister")."""
    named = frozenset(_people_before(before))
    pronoun = discourse.subject is not None and any(_gender(u, rules) for u in before)
    return named | {discourse.subject} if pronoun else named


def _told_position(
    mention: Mention, discourse: Discourse, gaz: Gazetteer, rules: RuleSet
) -> URIRef | None:
    """The office a resolved title of one state names ("X arrived. The Japanese prime minister
    met Y": Japan's prime minister), a new position when the gazetteer lacks it; a government
    office of `dateline_titles` or a title of `title_epithets` ("the Chinese top diplomat")
    only: not "the Kazakh leader" nor "the Turkish minister", epithets readers do not record."""
    title = str(mention.title)
    epithets = {str(t) for t in rules.gazetteer.get("title_epithets") or {}}
    offices = rules.listed("dateline_titles") | epithets
    if title not in offices or len(mention.owner) != 1 or head_epithet(title, rules):
        return None
    if "country" not in gaz.classes.get(mention.owner[0], ()):
        return None
    owner = mention.owner[0]
    title = national_title(title, owner, gaz, rules)
    found = find_position(title, (owner,), gaz, rules, only_titled=False)
    if found is not None:
        return found
    return add_new(discourse.new, new_position(title, owner, gaz, discourse.new))


def _spouses(units: list[Unit], discourse: Discourse, gaz: Gazetteer, rules: RuleSet) -> list[Unit]:
    """A spouse named by a given name alone after "his wife", "her husband" bears the lead's
    surname ("Macron and his wife Brigitte": Brigitte Macron, the gazetteer's or a new person)."""
    spouse, possessive = rules.word_class("spouse_noun"), rules.word_class("possessive")
    for at in range(len(units) - 1, 1, -1):
        name, noun, their = units[at], units[at - 1], units[at - 2]
        if name.mention is not None or not name.text.istitle() or " " in name.text:
            continue
        if noun.lower not in spouse or their.lower not in possessive:
            continue
        lead = next((u for u in reversed(units[: at - 2]) if _person(u)), None)
        named = (gaz.labels.get(_person(lead)) or lead.text) if lead is not None else ""
        surname = named.split()[-1:]
        if not surname:
            continue
        label = f"{name.text} {surname[0]}"
        person = gaz.by_label(label) or entity_iri("person", label)
        if person not in gaz.labels:
            add_new(discourse.new, NewEntity(person, "Person", label, SPOUSE_CONFIDENCE))
        mention = Mention(frozenset({"person", "agent"}), (person,), (person,), SPOUSE_CONFIDENCE)
        units = merge(units, at, at + 1, mention, name.text)
    return units


SPOUSE_CONFIDENCE = 0.6  # a name made of a given name and the lead's surname


def _join_appositions(units: list[Unit], text: str) -> list[Unit]:
    """One unit for a title and the name set off after it ("The Chinese premier, Li Qiang, met":
    the commas no longer part the subject from its verb)."""
    for at in range(len(units) - 4, -1, -1):
        person = _apposed(units, at)
        mention = units[at].mention
        if person is not None and mention is not None and mention.refs == (person,):
            units = merge(units, at, at + 4, mention, text[units[at].begin : units[at + 3].end])
    return units


def _apposed(units: list[Unit], at: int) -> URIRef | None:
    """The person named in apposition right after a title without a name, set off by commas
    ("The Chinese premier, Li Qiang, met ...": Li Qiang)."""
    if at + 3 >= len(units) or units[at + 1].text != "," or units[at + 3].text != ",":
        return None
    named = units[at + 2].mention
    if named is None or "person" not in named.classes or len(named.refs) != 1:
        return None
    return named.refs[0]


def _welcomed_pronoun(
    units: list[Unit], subject: URIRef | None, welcomes: frozenset[str]
) -> URIRef | None:
    """The last sentence's subject when a pronoun or a name that refers to it is the object of
    a `welcomes` verb right before it ("received him", "warmly welcomed her", "X arrived. Y
    welcomed X ... He then met Z": X); else None."""
    if subject is None:
        return None
    for index, unit in enumerate(units[1:], start=1):
        mention = unit.mention
        if mention is None or mention.refs != (subject,):
            continue
        if units[index - 1].lemma in welcomes or units[index - 1].lower in welcomes:
            return subject
    return None


def _pronoun(unit: Unit) -> bool:
    """Whether an actor unit is a pronoun ("he", "she", "they"): one lower-case word."""
    return unit.text.isalpha() and unit.text.islower()


def _anaphor_mention(
    match: Match, units: list[Unit], discourse: Discourse, gaz: Gazetteer, rules: RuleSet
) -> Mention | None:
    """What an anaphor match refers to, as a mention (None: nothing it can refer to)."""
    refer = str(match.rule.get("refer"))
    if refer == "speaker_side":
        return Mention(frozenset({"agent", "we"}))
    before = units[: match.start]
    yields_to = match.rule.get("yields_to")
    if yields_to and _unnamed_plural(before, str(yields_to), rules):
        return None
    subject = (  # "His Highness the Amir bestowed on him": not the Amir
        clause_subject(
            _titles_resolved(before, discourse, gaz, rules), rules.word_class("relative_word")
        )
        if match.rule.get("not_subject")
        else None
    )
    gender = _gender(units[match.trigger], rules)
    other = discourse.gendered.get("she" if gender == "he" else "he") if gender else None
    if subject is None and other is not None:  # "He invited her, and she accepted": two people
        subject = other
    unlike = frozenset({subject} - {None}) | _other_sex(gender, discourse, gaz, rules)
    if match.rule.get("prefer_subject"):
        unlike |= _fronted_addressees(before, rules)
    span = tuple(units[match.start : match.trigger])
    found = (
        _subject_antecedent(before, discourse, gaz, rules, unlike)
        if match.rule.get("prefer_subject")
        else ()
    )
    said = _after_speech(before, rules) if refer in TITLED_REFERENCES else before
    if refer == "last_person":  # "The Omani minister met X, who received him": the minister
        said = _titles_resolved(said, discourse, gaz, rules)
    if (
        refer == "last_country"
        and before
        and before[-1].lower in rules.word_class("place_preposition")
    ):  # "arrived in the Kingdom": the state last named as a place, not as a nationality
        return _land(discourse, gaz)
    if refer == "last_country":
        unlike |= _acting_state(before, rules)
    found = found or _in_sentence(refer, said, unlike)
    if refer == "salient_leaders" and discourse.meetings and _names_the_meeting(before, rules):
        found = found or discourse.meetings[-1][1]  # "During the meeting, the two leaders"
    if refer == "last_person" and match.rule.get("prefer_subject") and not found:
        found = _guest_acting(units, match.trigger, discourse, rules, unlike)
    found = found or _refer(refer, units[match.trigger], discourse, gaz, rules, unlike, span)
    if refer == "last_group" and subject is not None and subject in found:
        return None  # "X told them": not a group X is in
    if not found:
        return None
    if gender == "she" and len(found) == 1 and not _woman(found[0], discourse, gaz, rules):
        found = _woman_named(before, discourse, gaz, rules) or found  # "X met Kamikawa. She"
    if gender is not None and len(found) == 1:
        discourse.gendered[gender] = found[0]
    classes = {"agent", "group"} if len(found) > 1 else {"agent"}
    if all(f in discourse.persons for f in found):
        classes.add("person")
    return Mention(frozenset(classes), found, found, confidence=0.7)


def _guest_acting(
    units: list[Unit], trigger: int, discourse: Discourse, rules: RuleSet, unlike: frozenset
) -> tuple[URIRef, ...]:
    """The guest of a reception the last sentence told with its subject as host, for a
    pronoun whose verb is a guest's act (lexicon `guest_verb`: "X received Y. He conveyed the
    greetings of Z": Y); () otherwise."""
    if discourse.received is None:
        return ()
    sentence, host, guest = discourse.received
    if sentence != discourse.sentence - 1 or host != discourse.subject or guest in unlike:
        return ()
    index = trigger + 1
    while index < len(units) and units[index].lower in rules.word_class("later_word"):
        index += 1  # "He also conveyed"
    verbs = rules.word_class("guest_verb")
    acts = index < len(units) and (units[index].lemma in verbs or units[index].lower in verbs)
    return (guest,) if acts else ()


def _woman_named(
    before: list[Unit], discourse: Discourse, gaz: Gazetteer, rules: RuleSet
) -> tuple[URIRef, ...]:
    """The woman (`people_women`) named last before a "she" whose nearest antecedent is not
    known as one, in its sentence or before it, or none."""
    named = [*discourse.persons, *_people_before(before)]
    return next(((p,) for p in reversed(named) if _woman(p, discourse, gaz, rules)), ())


def _woman(person: URIRef, discourse: Discourse, gaz: Gazetteer, rules: RuleSet) -> bool:
    """Whether `people_women` lists a person or a cue word told she is a woman."""
    return person in women(gaz, rules) or discourse.sexes.get(person) == "she"


def _unnamed_plural(before: list[Unit], word_class: str, rules: RuleSet) -> bool:
    """Whether the nearest plural a pronoun can refer to in its sentence is a noun of
    `word_class` that names nobody ("ECOWAS heads of state are due to hold their summit in Abuja,
    where they will discuss": those heads of state, not the people of the last sentence)."""
    nouns = rules.word_class(word_class)
    for unit in reversed(before):
        mention = unit.mention
        if mention is not None and mention.agents and {"person", "group"} & mention.classes:
            return False
        if mention is None and unit.lower in nouns:
            return True
    return False


def _names_the_meeting(before: list[Unit], rules: RuleSet) -> bool:
    """Whether the words before an anaphor name a meeting already told ("During the meeting at
    the Presidential Secretariat, the two leaders"): "the" or "their" and a `told_meeting_noun`."""
    nouns = rules.word_class("told_meeting_noun")
    return any(
        a.lower in ("the", "their") and b.lower in nouns
        for a, b in zip(before, before[1:], strict=False)
    )


def _acting_state(before: list[Unit], rules: RuleSet) -> frozenset[URIRef]:
    """The state whose clause a country anaphor after a `counterpart_preposition` stands in
    ("Turkey signed a pact with the country", "the U.S. imposed sanctions on the South American
    country"): the other party, never that state; read back over plain words to the first
    mention, as clause_subject reads back to a person."""
    if not before or before[-1].lower not in rules.word_class("counterpart_preposition"):
        return frozenset()
    index = len(before) - 1
    while index >= 0 and before[index].mention is None and not before[index].boundary:
        index -= 1
    mention = before[index].mention if index >= 0 else None
    if mention is None or "country" not in mention.classes:
        return frozenset()
    return frozenset(mention.agents)


def _fronted_addressees(before: list[Unit], rules: RuleSet) -> frozenset[URIRef]:
    """The people a fronted phrase right before a subject pronoun addresses ("In a letter sent
    by Orban to Costa, he demanded": Costa, who is not "he"): those after a word of the
    lexicon's `addressee_preposition` in a phrase that opens with a `fronting_word` and ends
    with the comma before the pronoun."""
    if (
        len(before) < 3
        or before[-1].text != ","
        or before[0].lower not in rules.word_class("fronting_word")
    ):
        return frozenset()
    if any(u.text in (",", ";", ":") or u.boundary for u in before[1:-1]):
        return frozenset()
    addressed = rules.word_class("addressee_preposition")
    return frozenset(
        p
        for prior, unit in zip(before, before[1:], strict=False)
        if prior.lower in addressed and (p := _person(unit)) is not None
    )


def _land(discourse: Discourse, gaz: Gazetteer) -> Mention | None:
    """The state last named by its name or by one of its cities, as a place (None: none)."""
    if not discourse.lands:
        return None
    land = discourse.lands[-1]
    classes = frozenset({"agent"}) | gaz.classes.get(land, frozenset())
    return Mention(classes, (land,), (land,), confidence=0.7)


TITLED_REFERENCES = ("last_titled_pair", "last_titled_group")  # "the (two) ministers"


def _national_guest(
    trigger: Unit, senders: list[URIRef], discourse: Discourse, rules: RuleSet
) -> URIRef | None:
    """The last traveller who holds an office of the one state a singular "guest" names ("the
    Turkish leader and his Syrian guest"; entities.yaml `single_guests`), else None."""
    if trigger.lower not in rules.listed("single_guests") or len(set(senders)) != 1:
        return None
    return next(
        (g for g in reversed(discourse.guests) if senders[0] in discourse.owners.get(g, ())), None
    )


def _after_speech(before: list[Unit], rules: RuleSet) -> list[Unit]:
    """The units after the last speech verb before an anaphor ("Erdogan's aide X said the two
    presidents discussed": the two are no one the speaker's words name before)."""
    speech = rules.word_class("statement_verb")
    cut = max((i + 1 for i, u in enumerate(before) if u.lemma in speech), default=0)
    return before[cut:]


def _titles_resolved(
    before: list[Unit], discourse: Discourse, gaz: Gazetteer, rules: RuleSet
) -> list[Unit]:
    """The units before a pronoun with each unnamed title ("the Omani minister") standing for
    the person it refers to (`_resolve_title`), as the title stage resolves it after pronouns."""
    resolved = []
    prepositions = rules.word_class("preposition")
    for at, unit in enumerate(before):
        mention = unit.mention
        person = None
        governed = at > 0 and before[at - 1].lower in prepositions  # "Standing beside the king,
        if mention is not None and mention.anaphor == "title" and not mention.agents:  # he"
            person = _resolve_title(mention, discourse, gaz, rules)
        if person is not None and not governed:
            unit = replace(unit, mention=replace(mention, refs=(person,), agents=(person,)))
        resolved.append(unit)
    return resolved


def _subject_antecedent(
    before: list[Unit],
    discourse: Discourse,
    gaz: Gazetteer,
    rules: RuleSet,
    unlike: frozenset[URIRef],
) -> tuple[URIRef, ...]:
    """The nearest person before a pronoun in its sentence, named or by a title, that is a
    clause's subject or a relative clause's (`leading`): "The king held talks with A and B,
    and he met C": the king, not B; () when there is none."""
    for index in range(len(before) - 1, -1, -1):
        mention = before[index].mention
        if mention is None or "person" not in mention.classes:
            continue
        person = _person(before[index])
        if person is None and mention.anaphor == "title":
            person = _resolve_title(mention, discourse, gaz, rules)
        if person is None or person in unlike or len(mention.agents) > 1:
            continue
        if leading(before, index, rules):
            return (person,)
    return ()


def _gender(unit: Unit, rules: RuleSet) -> str | None:
    """ "he" or "she" for a pronoun of the lexicon's `masculine_pronoun` or `feminine_pronoun`
    class, else None: a person a pronoun of one named is never one the other names."""
    if unit.lower in rules.classes.get("masculine_pronoun", ()):
        return "he"
    return "she" if unit.lower in rules.classes.get("feminine_pronoun", ()) else None


def _determiner_use(units: list[Unit], index: int, possessive: frozenset[str]) -> bool:
    """Whether a pronoun that may be a possessive stands before a name or a described person
    ("and her Rwandan counterpart X", "her Foreign Minister"): a determiner, not an actor."""
    if units[index].lower not in possessive or index + 1 >= len(units):
        return False
    after = units[index + 1]
    return after.mention is not None or after.text[:1].isupper()


def _honorific_use(units: list[Unit], index: int, rules: RuleSet) -> bool:
    """Whether a pronoun is an honorific as written (the gazetteer's `upper_honorifics`: "met
    with HE President X", "HE the Prime Minister" in QNA and KUNA copy), not "he"."""
    if units[index].text not in (rules.gazetteer.get("upper_honorifics") or ()):
        return False
    after = units[index + 1] if index + 1 < len(units) else None
    return after is not None and (
        after.mention is not None or after.text[:1].isupper() or after.lower == "the"
    )


def _parties(units: list[Unit]) -> list[URIRef]:
    """The political parties a sentence names."""
    return [r for u in units if u.mention and "party" in u.mention.classes for r in u.mention.refs]


def _his_person(units: list[Unit], index: int, spouses: frozenset[str]) -> int:
    """The person a possessive pronoun at `index` stands before, over up to two plain lower-case
    words that name no spouse ("his special envoy X", "his foreign policy aide X"), or 0."""
    if index >= len(units) or units[index].lower not in ("his", "her", "their"):
        return 0
    for at in range(index + 1, min(index + 4, len(units))):
        if _person(units[at]) is not None:
            return at
        word = units[at]
        if word.mention is not None or not word.text.isalpha() or not word.text.islower():
            return 0
        if word.lower in spouses:
            return 0
    return 0


def group(
    units: list[Unit],
    text: str,
    others: frozenset[str] = frozenset(),
    prepositions: frozenset[str] = frozenset(),
    leads: frozenset[tuple[str, ...]] = frozenset(),
    spouses: frozenset[str] = frozenset(),
    joiners: frozenset[tuple[str, ...]] = frozenset(),
) -> list[Unit]:
    """Merge coordinated actors ("A and B", "A, B and C", "both A and B", "A and his special
    envoy B") into one group unit; a list that ends in "and" and a word of `others` ("A, B and
    others") ends with that word; an actor after one of `prepositions` and ", and" starts no pair
    ("in Kyiv, and Tusk"); one after a source's lead (`leads`, "according to") ends at its comma;
    "A and his wife B" (`spouses`) stays for the companions stage; a phrase of `joiners` ("as
    well as") joins as "and" does."""
    _drop_double_hats(units)
    _drop_possessors(units)
    linking = {",", "and"} | {word for joiner in joiners for word in joiner}
    index = 0
    while index < len(units):
        if not _actor(units[index]):
            index += 1
            continue
        members, cursor, last, closed = [index], index + 1, index, False
        while cursor < len(units):
            words = []
            while cursor < len(units) and units[cursor].lower in linking:
                words.append(units[cursor].lower)
                cursor += 1
            words = _joined(words, joiners)
            the = cursor + 1 < len(units) and units[cursor].lower == "the"
            if words and the and _actor(units[cursor + 1]):
                cursor += 1  # "A, B and the Palestinian Authority"
            elif words and the and _described(units, cursor + 1):
                cursor += 3  # "A and the kingdom's National Security Adviser B"
            elif words[-1:] == ["and"] and _his_person(units, cursor, spouses):
                cursor = _his_person(units, cursor, spouses)  # "A and his foreign policy aide B"
            if cursor < len(units) and _actor(units[cursor]):
                cursor = _possessed(units, cursor)
            before = units[index - 1] if index > 0 else None
            governed = before is not None and (  # a preposition's or a verb's object
                before.lower in prepositions or (before.mention is None and before.text.islower())
            )
            if words == [",", "and"] and len(members) == 1 and governed:
                break  # "in Kyiv, and Tusk accepted", "visit Kenya, and Abiy accepted": two clauses
            person = cursor < len(units) and _person(units[cursor]) is not None
            if words == [","] and len(members) == 1 and governed and person:
                if _person(units[index]) is None:  # "held at X in Abu Dhabi, His Highness and
                    break  # the minister discussed": a fronted phrase ends, a subject follows
            sourced = any(
                len(lead) <= index
                and tuple(u.lower for u in units[index - len(lead) : index]) == lead
                for lead in leads
            )
            if sourced and words[:1] == [","] and len(members) == 1:
                break  # "According to Joly, A and B met": the source's phrase ends at its comma
            if "," in words and cursor < len(units) and _pronoun(units[cursor]):
                break  # "to visit Beijing, and he accepted": a clause's subject, no member
            if names_again(units, members, cursor):
                break  # "welcomed Y and the two sides discussed"
            if words[-1:] == ["and"] and cursor < len(units) and units[cursor].lower in others:
                last, closed = cursor, True  # "A, B and others": the list ends with them
                break
            if (
                words
                and cursor < len(units)
                and _actor(units[cursor])
                and words[-1] in ("and", ",")
            ):
                members.append(cursor)
                last = cursor
                cursor += 1
                if "and" in words:
                    closed = True  # "A, B and C": the list ends at "and"
                    break
            else:
                break
        if not closed:  # "A, B" without "and" is an apposition or two clauses, not a group
            members, last = [index], index
        start = index - 1 if index > 0 and units[index - 1].lower == "both" else index
        if len(members) > 1 or last != index:
            found = tuple(dict.fromkeys(a for i in members for a in actors(units[i])))
            classes = frozenset.intersection(*(units[i].mention.classes for i in members))
            confidence = min(units[i].mention.confidence for i in members)
            owners = tuple(dict.fromkeys(o for i in members for o in units[i].mention.owner))
            named = tuple(dict.fromkeys(r for i in members for r in units[i].mention.refs))
            refs = named if len(named) == len(found) else found  # "Moscow and Kyiv": the cities
            mention = Mention(classes | {"group", "agent"}, refs, found, confidence, owner=owners)
            units = merge(
                units, start, last + 1, mention, text[units[start].begin : units[last].end]
            )
            index = start + 1
        else:
            index += 1
    return units


def _joined(words: list[str], joiners: frozenset[tuple[str, ...]]) -> list[str]:
    """The words between two actors with a closing `joiners` phrase read as "and", a comma
    before it too ("A as well as B", "A, as well as B": no two clauses as ", and" may be)."""
    for joiner in joiners:
        if len(words) >= len(joiner) and tuple(words[-len(joiner) :]) == joiner:
            return [*[w for w in words[: -len(joiner)] if w != ","], "and"]
    return words


def _described(units: list[Unit], index: int) -> bool:
    """Whether a plain word and its "'s" at `index` stand before an actor ("the kingdom's
    National Security Adviser X", "the country's foreign minister X")."""
    if index + 2 >= len(units):
        return False
    word, mark = units[index], units[index + 1]
    plain = word.mention is None and word.text.isalpha() and word.text.islower()
    return plain and mark.text in POSSESSIVE_S and _actor(units[index + 2])


def _double_hat(units: list[Unit], index: int) -> bool:
    """Whether the body at `index` belongs to a person's first office, not an actor: "of" leads
    to it and "and" a titled person follows ("Member of the Political Bureau of the CPC Central
    Committee and Foreign Minister Wang Yi", "General Secretary of the Communist Party of
    Vietnam Central Committee and State President To Lam")."""
    body = units[index].mention
    if body is None or "org" not in body.classes or "person" in body.classes:
        return False
    if index + 2 >= len(units) or units[index + 1].lower != "and":
        return False
    ahead = index + 2
    if units[ahead].mention is None and units[ahead].text[:1].isupper() and ahead + 1 < len(units):
        ahead += 1  # "and State President To Lam"
    after = units[ahead].mention
    if after is None or after.title is None or "person" not in after.classes:
        return False
    led = " of " in units[index].text or any(
        u.lower == "of" for u in units[max(0, index - 3) : index]
    )
    return led


def _drop_double_hats(units: list[Unit]) -> None:
    """Bodies named in a person's first office act in no event."""
    for index, unit in enumerate(units):
        if _double_hat(units, index):
            mention = unit.mention
            unit.mention = replace(mention, classes=mention.classes - {"agent"}, agents=())


def _drop_possessors(units: list[Unit]) -> None:
    """A person whose "'s" leads to a titled person right after it acts in no event: "met with
    Trump's envoy Keith Kellogg", "Putin's aide Yuri Ushakov" name the envoy, the aide."""
    for index, unit in enumerate(units[:-2]):
        mention = unit.mention
        if mention is None or "person" not in mention.classes or "agent" not in mention.classes:
            continue
        if units[index + 1].text not in POSSESSIVE_S:
            continue
        after = units[index + 2].mention
        if after is not None and after.title is not None and "person" in after.classes:
            if after.refs and after.refs != mention.refs:
                unit.mention = replace(mention, classes=frozenset({"possessor"}), agents=())


def _described_possessors(units: list[Unit], filler: frozenset[str]) -> None:
    """A state whose "'s" leads over filler words (lexicon.yaml `object_filler`) to a person
    named without a title acts in no event: "met China's top legislator Zhao Leji" names him."""
    for index, unit in enumerate(units[:-3]):
        mention = unit.mention
        if mention is None or "country" not in mention.classes:
            continue
        if units[index + 1].text not in POSSESSIVE_S:
            continue
        words = list(
            takewhile(lambda u: u.mention is None and u.lower in filler, units[index + 2 :])
        )
        at = index + 2 + len(words)
        after = units[at].mention if at < len(units) else None
        if words and after is not None and "person" in after.classes and after.title is None:
            if len(after.refs) == 1:
                unit.mention = replace(mention, classes=frozenset({"possessor"}), agents=())


def _possessed(units: list[Unit], index: int) -> int:
    """The person an owner's "'s" leads to ("and Kazakhstan's Deputy Prime Minister and Foreign
    Minister Murat Nurtleu": Nurtleu), read over titles, capitalised words and "and"; `index`
    itself when the actor owns no named person ("and China's leader": China stands for it)."""
    if index + 1 >= len(units) or units[index + 1].text not in ("'s", "’s", "'", "’"):
        return index
    for ahead in range(index + 2, min(len(units), index + 8)):
        unit = units[ahead]
        if unit.mention is not None and "person" in unit.mention.classes and _actor(unit):
            return ahead
        titled = unit.mention is not None and unit.mention.title is not None
        if not (titled or unit.lower == "and" or unit.text[:1].isupper()) or unit.boundary:
            break
    return index


def _actor(unit: Unit) -> bool:
    """A unit that names an actor (not a nationality, title or date)."""
    return (
        unit.mention is not None
        and "agent" in unit.mention.classes
        and bool(unit.mention.agents or unit.mention.refs)
    )


def note_titles(units: list[Unit], discourse: Discourse) -> None:
    """Record the titles the sentence names people with ("Foreign Minister Sergey Lavrov"),
    before coordinated people are grouped into one unit."""
    for index, unit in enumerate(units):
        mention = unit.mention
        if mention and mention.title and mention.anaphor is None and len(mention.refs) == 1:
            titles = discourse.titles.setdefault(mention.refs[0], set())
            titles.add(mention.title)
            first = units[index - 2].mention if index >= 2 else None
            if units[index - 1].lower == "and" and first and first.title and not first.refs:
                titles.add(first.title)  # "Crown Prince and Prime Minister X": both his
            discourse.owners.setdefault(mention.refs[0], set()).update(mention.owner)


def _fronted_subject(units: list[Unit], rules: RuleSet | None) -> tuple[URIRef, ...]:
    """The subject after a fronted phrase that names someone else ("Speaking after meeting X,
    Y said", "After talks with X in Beijing, Y told reporters"): the one person named first
    after the first comma of the sentence's own words (`units`, past a dateline), as its
    clause's subject; () when they open with a name or a title, or name no one before it."""
    comma = next((i for i, u in enumerate(units) if u.text == ","), None)
    if rules is None or comma is None or units[0].mention is not None:
        return ()
    if not any(u.mention and "person" in u.mention.classes for u in units[:comma]):
        return ()
    for index in range(comma + 1, len(units)):
        mention = units[index].mention
        if mention is None or "person" not in mention.classes:
            continue
        if len(mention.refs) == 1 and leading(units, index, rules):
            return mention.refs
        return ()
    return ()


def remember(
    units: list[Unit],
    discourse: Discourse,
    gaz: Gazetteer | None = None,
    welcomes: frozenset[str] = frozenset(),
    rules: RuleSet | None = None,
    own: list[Unit] | None = None,
) -> None:
    """Update the discourse state with the mentions of a processed sentence; with the
    gazetteer, the organisations a person's title names too ("X, the secretary-general of the
    OAS": "the organization" later is the OAS). The subject stays whom a pronoun the
    sentence's host welcomes refers to (`welcomes`: "X arrived. Y received him. He then met Z":
    he is X, the guest)."""
    people = [u.mention.refs for u in units if u.mention and "person" in u.mention.classes]
    named = [refs for refs in people if refs]  # not a title left bare beside its holder's unit
    first = named[0] if named else ()
    first = _fronted_subject(own or units, rules) or first  # "After meeting X, Y said": Y
    alone = all(len(refs) > 1 for refs in people)  # "The two ministers agreed ..." and no one
    # "Y welcomed him at the palace": the guest stays the story's subject
    if _welcomed_pronoun(units, discourse.subject, welcomes) is None:
        if len(first) == 1:  # else: the one who met the other before stays whom "he" refers to
            discourse.subject = first[0]
        elif people and (not alone or discourse.subject not in first):  # one naming no one
            discourse.subject = None  # keeps it ("X said ... . 'We must act,' the head of state
            # said": X)
    for unit in units:
        mention = unit.mention
        if mention is None:
            continue
        if mention.holding and mention.holding[1] is not None:
            for person, position in (mention.holding, *mention.also):
                discourse.holdings.setdefault(person, set()).add(position)
        if "delegation" in mention.classes:  # "a delegation led by Georgian Prime Minister X":
            leaders = (discourse.leader_of(r) for r in mention.refs)  # X is named ("the Georgian
            discourse.persons.extend(p for p in leaders if p is not None)  # premier")
        if "person" in mention.classes:
            discourse.persons.extend(mention.refs)
            for owner in mention.owner or ():
                if gaz is not None and "org" in gaz.classes.get(owner, ()):
                    discourse.orgs.append((owner, unit.lower))
                    discourse.bodies.append(owner)
        if "country" in mention.classes or "nationality" in mention.classes:
            discourse.countries.extend(mention.agents)
            discourse.country_counts.update(mention.agents)
        elif "city" in mention.classes and mention.agents != mention.refs:
            discourse.country_counts.update(mention.agents)
        city = "city" in mention.classes and mention.agents != mention.refs
        if "country" in mention.classes or city:
            discourse.lands.extend(mention.agents)  # "Kuwait", "in Riyadh"; not "Saudi"
        if "party" in mention.classes:
            discourse.parties.extend(mention.refs)
        if "org" in mention.classes and len(mention.refs) == 1:
            discourse.orgs.append((mention.refs[0], unit.lower))
            discourse.bodies.append(mention.refs[0])
        elif "country" in mention.classes and len(mention.agents) == 1:
            discourse.bodies.append(mention.agents[0])
        elif mention.classes <= {"agent"} and len(mention.agents) == 1:
            if mention.agents[0] in discourse.bodies:  # "The ministry said it ...": named again
                discourse.bodies.append(mention.agents[0])
        if "group" in mention.classes and len(mention.agents) > 1:
            discourse.groups.append(mention.agents)
            discourse.group_sentence = discourse.sentence
