"""Rule layer of one article: reads an Article, the compiled rules and the gazetteer, and runs the
stages in order (clean -> sentences -> dates, names, titles -> delegations -> coreference ->
attribution and modality -> candidates -> events -> graph); returns the article's rule layer as
triples (extract_triples) or as an rdflib Graph (extract_article).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date
from typing import Any

from rdflib import Graph, URIRef

from diplograph.extract import coref
from diplograph.extract.attribution import attribution, cues
from diplograph.extract.candidates import (
    NARRATIVE_DAYS,
    SentenceContext,
    days_of_clauses,
    entailed,
    flashback,
    fronted_place,
    join_companions,
    materiel_iri,
    places_with,
    recast,
    sentence_candidates,
)
from diplograph.extract.clean import find_boilerplate, mappable_sentences
from diplograph.extract.dates import (
    DATELINE_ENDS,
    date_spans,
    is_date,
    is_dateline,
    last_time,
    opens_with_date,
    resolve_words,
    sounds_future,
)
from diplograph.extract.derive import (
    close_stays,
    durations,
    implied,
    inherit_dates,
    invitations_from_visits,
)
from diplograph.extract.events import (
    Attest,
    Candidate,
    Context,
    Event,
    add_homes,
    apply_defaults,
    apply_late_defaults,
    complete,
    drop_generic,
    drop_headline_echoes,
    drop_homecomings,
    drop_represented,
    extend_earlier,
    hosts_abroad,
    join_one_side,
    link,
    merge,
    most_specific_place,
    spec,
)
from diplograph.extract.figures import figure_spans, holds
from diplograph.extract.gazetteer import (
    Gazetteer,
    name_spans,
    other_namesakes,
    shared_nationals,
)
from diplograph.extract.graph import Holding, Layer, Triples, to_graph, write
from diplograph.extract.mentions import (
    NAMED,
    NEW_CONFIDENCE,
    NewEntity,
    body_titles,
    find_bodies,
    find_described_groups,
    find_gathering_names,
    find_named_events,
    find_offices,
    find_place_descriptors,
    find_titles,
    first_person,
    introduced_spans,
    share_listed_titles,
    share_plural_titles,
    share_told_titles,
    title_of,
    titles_left,
)
from diplograph.extract.names import find_unknown_names, vocabulary
from diplograph.extract.owners import own_titles, predecessors, send_envoys
from diplograph.extract.rules import RuleSet
from diplograph.extract.sentences import (
    Mention,
    SetOff,
    Unit,
    merge_spans,
    relative_clauses,
    tokenize,
    without_parentheticals,
)
from diplograph.iris import entity_segment
from diplograph.namespaces import SCHEMA
from diplograph.seeds import Article, Sentence

log = logging.getLogger(__name__)


def _speaker_side(
    sources: list[URIRef], discourse: coref.Discourse, gaz: Gazetteer, units: list[Unit]
) -> list[URIRef]:
    """Who "we" is in a quote: the speaker and the body whose office the speaker holds."""
    side = list(sources)
    here = [u.mention.holding for u in units if u.mention is not None and u.mention.holding]
    for source in sources:
        held = set(discourse.holdings.get(source, ())) | {p for h, p in here if h == source and p}
        for position in sorted(held):
            owner = gaz.position_of.get(position)
            if owner is not None and owner not in side:
                side.append(owner)
    return side


def _offices_held(
    holdings: dict[tuple, Holding], gazetteer: Gazetteer, new: list[NewEntity]
) -> dict[URIRef, URIRef]:
    """Person -> the position the article last said they hold, a state's office before another
    ("Foreign Minister Wang Yi", not "member of the Politburo": his counterpart's office)."""
    made = {n.iri: n.position_of for n in new}
    held: dict[URIRef, URIRef] = {}
    for person, position in holdings:
        owner = gazetteer.position_of.get(position) or made.get(position)
        state = owner is not None and "country" in gazetteer.classes.get(owner, ())
        if state or person not in held:
            held[person] = position
    return held


def _holdings(units: list[Unit], sentence: object, found: dict[tuple, Holding]) -> None:
    """Collect the position holdings the sentence's titled mentions report."""
    for unit in units:
        mention = unit.mention
        if mention is None or mention.holding is None or mention.holding[1] is None:
            continue
        for pair in (mention.holding, *mention.also):
            holding = found.setdefault(pair, Holding(*pair))
            if all(a.begin != unit.begin or a.end != unit.end for a in holding.attests):
                confidence = round(0.8 * mention.confidence, 2)
                attest = Attest(sentence, unit.begin, unit.end, "title.holding", confidence)
                holding.attests.append(attest)


def _set_off_before(units: list[Unit], clause: list[Unit]) -> bool:
    """Whether a relative clause closes with a comma, before its sentence's main verb."""
    last = next((i for i, u in enumerate(units) if u is clause[-1]), None)
    return last is not None and last + 1 < len(units) and units[last + 1].text == ","


def locate_new_places(units: list[Unit], new: list[NewEntity], here: URIRef | None) -> None:
    """Put each new place a sentence names in the city or country named right after it ("the
    Cheddi Jagan International Airport in Georgetown", "Khujand, Tajikistan"), else in the
    country where the story is (`here`), the first time it is named."""
    places = {n.iri: n for n in new if n.kind == "Place" and n.located_in is None}
    for index, unit in enumerate(units):
        refs = unit.mention.refs if unit.mention is not None else ()
        if len(refs) != 1 or refs[0] not in places:
            continue
        after = units[index + 1 : index + 3]
        told = len(after) == 2 and after[0].lower in ("in", ",") and after[1].mention is not None
        seat = told and {"city", "country"} & after[1].mention.classes and after[1].mention.refs
        places[refs[0]].located_in = after[1].mention.refs[0] if seat else here


def _remember_events(
    cands: list[Candidate],
    discourse: coref.Discourse,
    rules: RuleSet,
    state: dict,
    anchor: date,
    main: int,
) -> None:
    """Update the context place, the last meeting (or the people of a kind that met in person,
    kinds.yaml `in_person`), the last date and the last speaker from new candidates (the first
    `main` of them the main clause's); a past event of several days ("visited Delhi earlier this
    month") told after the story's day is background and leaves
    that day as it was, and so is a relative clause's event when its main clause names no day
    of its own ("X, who arrived on Monday evening, was received by Y": still the story's day)
    or when the story's day dated it, and an event dated from another of its sentence ("met Y
    on Wednesday, a day after X arrived"); an event told with no words of its day as before,
    during or after one of a day ("Before the talks, X laid a wreath") puts the story back on
    that day; an event told in the pluperfect ("had earlier received X on Monday") moves
    neither the story's day nor its place (`Candidate.flashback`)."""
    worded = any(c.happened and c.date is not None and not c.storied for c in cands[:main])
    kept = any(c.date is not None and c.date == state.get("date") for c in cands)  # on its day
    for number, cand in enumerate(cands):
        entry = spec(rules.kinds, cand.kind)
        if entry.get("sets_place") and cand.roles.get("place") and cand.happened:
            if not cand.flashback:  # "had earlier received X upon his arrival at the airport"
                state["place"] = cand.roles["place"][0]
        if cand.happened and len(cand.roles.get("traveller", [])) == 1:
            discourse.guests.append(cand.roles["traveller"][0])  # whom "the visiting X" means
            host = cand.roles.get("host", [])
            discourse.hosts.extend(host[:1])  # and "his host"
            if len(host) == 1:  # "X received Y. He conveyed ...": Y (coref._guest_acting)
                discourse.received = (discourse.sentence, host[0], cand.roles["traveller"][0])
        if cand.kind in ("Meeting", "Talks") and len(cand.roles.get("participant", [])) > 1:
            discourse.meetings.append((discourse.sentence, tuple(cand.roles["participant"])))
        met = [cand.roles.get(role, []) for role in entry.get("in_person") or ()]
        if cand.happened and met and all(len(people) == 1 for people in met):
            discourse.meetings.append((discourse.sentence, tuple(p[0] for p in met)))
        told_apart = number >= main and (cand.storied or not worded)
        aside = cand.aside or cand.flashback or (told_apart and state.get("date") is not None)
        if cand.date is not None and cand.happened and not aside:
            if not _background(cand.date, state, anchor, kept) and not _antecedent(cand, state):
                state["date"] = cand.date  # a planned visit's date is not the story's
        tied = [t.date for t in cand.date_from if t.date is not None and t.date[0] == t.date[1]]
        if tied and cand.happened and not worded:  # "Before the talks, X laid a wreath": the
            state["date"] = tied[0]  # story is back on the talks' day
        if cand.date is not None and cand.attest.modality == "Expected" and not cand.owned:
            state["plan"] = state["last_plan"] = cand.date  # "On August 26, Lula will be ..."
        if entry.get("statement") and cand.roles.get("agent"):
            discourse.speakers.append(tuple(cand.roles["agent"]))


def _guests_named(units: list[Unit], rules: RuleSet) -> list[URIRef]:
    """The people a sentence names as guests ("visiting Vietnamese Prime Minister X")."""
    words = frozenset(rules.classes.get("guest_word", ()))
    return [
        unit.mention.refs[0]
        for before, unit in zip(units, units[1:], strict=False)
        if before.lower in words
        and unit.mention is not None
        and "person" in unit.mention.classes
        and len(unit.mention.refs) == 1
    ]


# What tells an event as the one something else followed: "emerged after a telephone
# conversation", "came following talks"
_ANTECEDENT = re.compile(
    r"\b(?:after|following)\s+(?:an?|the|their|his|her|its)\s+[\w-]*\s*$", re.IGNORECASE
)


def _antecedent(cand: Candidate, state: dict) -> bool:
    """Whether an event told as what something else followed ("The idea emerged after a
    telephone conversation between X and Y on February 12") is dated before the story's day:
    background, which leaves the story on its day."""
    day = state.get("date")
    if day is None or cand.date is None or cand.date[0] >= day[0]:
        return False
    before = cand.attest.sentence.text[: cand.attest.begin - cand.attest.sentence.begin]
    return bool(_ANTECEDENT.search(before))


def _background(
    when: tuple[date, date | None], state: dict, anchor: date, kept: bool = False
) -> bool:
    """Whether a date is of several days that end before the article's day, told once the
    story has a day of its own, or (`kept`: beside an event of the story's recent day in its
    sentence) one day further back than a story's day may lie (`NARRATIVE_DAYS`): background
    ("set up during X's visit earlier this month"; "exchanged views on the negotiations ...
    hosted by Oman in Muscat on April 12"; not "Lula arrived in Shanghai on April 10.")."""
    day = state.get("date")
    told = day is not None and day[0] == day[1]
    if told and when[0] == when[1]:
        return kept and (anchor - day[0]).days <= NARRATIVE_DAYS < (anchor - when[0]).days
    return told and when[1] is not None and when[0] != when[1] and when[1] < anchor


def _fix_references(events: list[Event], delegations: list[coref.Delegation]) -> None:
    """Unknown named events leave a role; a delegation without a sender stands for its leader,
    one the article never introduces ("the Russian side") for its sender."""
    named = {e.attrs["name"][0] for e in events if e.attrs.get("name")}
    stand_in = {
        d.key: d.leader if d.sender is None else d.sender
        for d in delegations
        if d.sender is None or not d.spans
    }
    members = {  # "a delegation comprising A and B" (no leader): its members act
        d.key: d.members for d in delegations if d.leader is None and d.members and d.spans
    }
    for event in events:
        for role, values in event.roles.items():
            fixed = []
            for value in values:
                if str(value).startswith(NAMED) and str(value) not in named:
                    continue
                value = stand_in.get(value, value) if value in stand_in else value
                for one in members.get(value, [value]) if value is not None else ():
                    if one not in fixed:
                        fixed.append(one)
            event.roles[role] = fixed


def _extending(rules: RuleSet) -> dict[str, Any]:
    """The event rules whose matches extend an earlier event: id -> their `extends` (true, or
    "latest")."""
    if "extending" not in rules.derived:
        rules.derived["extending"] = {
            rule.id: rule.get("extends")
            for rule in rules.rules.get("events", [])
            if rule.get("extends")
        }
    return rules.derived["extending"]


def _late_defaults(rules: RuleSet) -> dict[str, dict[str, str]]:
    """The `late_defaults` of the event rules and frames, by rule id (kept with the rules)."""
    if "late_defaults" not in rules.derived:
        rules.derived["late_defaults"] = {
            rule.id: dict(rule.get("late_defaults"))
            for section in ("events", "frames")
            for rule in rules.rules.get(section, [])
            if rule.get("late_defaults")
        }
    return rules.derived["late_defaults"]


def _mentioned(units: list[Unit], rules: RuleSet) -> list[URIRef]:
    """The entities a sentence's units name (not dates, titles or positions), in text order; a
    city after a preposition of place ("told reporters in Brussels") names the city, not the
    state it may stand for when it acts (lexicon `place_preposition`)."""
    places = rules.word_class("place_preposition")
    found: list[URIRef] = []
    for index, unit in enumerate(units):
        mention = unit.mention
        if mention is None or mention.date_words is not None:
            continue
        placed = index > 0 and units[index - 1].lower in places and "city" in mention.classes
        agents = () if placed else mention.agents
        for ref in (*mention.refs, *agents, *mention.owner, *mention.named):
            if entity_segment(ref) is not None and ref not in found:
                found.append(ref)
    return found


DATELINE_MARKS = frozenset({",", ":", *DATELINE_ENDS})  # ":": "ISLAMABAD: Pakistan on ..." (Dawn)
DATELINE_SENTENCES = 6  # a headline, page noise and a by-line may come first
LEDE_SENTENCES = 3  # the headline and the first sentences: the day's news, dated today
DATELINE_WORDS = 4


def _dateline_mark(units: list[Unit]) -> int | None:
    """Where a dateline's mark (a comma, a colon, an agency's bracket or a dash) closes the
    sentence's first words, if it does."""
    return next(
        (i for i, u in enumerate(units[: DATELINE_WORDS + 1]) if u.text in DATELINE_MARKS), None
    )


DATELINE_DASHES = frozenset({"-", "--", "–", "—", ":"})


def _dateline_end(units: list[Unit]) -> int:
    """Where a lede's own words start after a dateline closed by a dash or a colon ("BEIJING,
    March 5 --", "ISLAMABAD:", "WARSAW, Poland (AP) —", its bracket already set off): 0 when the
    sentence opens with no dateline, or with one that a dash does not close."""
    for index, unit in enumerate(units[: DATELINE_WORDS + 2]):
        if unit.text in DATELINE_DASHES and not _compound_hyphen(units, index):
            head = units[:index]
            return index + 1 if head and all(_in_dateline(u) for u in head) else 0
    return 0


def _compound_hyphen(units: list[Unit], index: int) -> bool:
    """Whether the dash at `index` joins two words with no space ("The India-Russia summit",
    "Xi-Biden talks", "India-Oman pact signed"): a compound, no dateline's dash (which
    "WASHINGTON-" in capitals and "(Reuters)-" stay)."""
    if index == 0 or index == len(units) - 1 or units[index].text == ":":
        return False
    glued = not units[index - 1].space and not units[index].space
    before = units[index - 1].text
    return glued and before[-1:].isalnum() and not before.isupper()


def _in_dateline(unit: Unit) -> bool:
    """Whether a unit may stand in a dateline: a place, a date, an agency, a comma or a word in
    capitals ("KHUJAND", "Poland")."""
    mention = unit.mention
    if mention is not None:
        return bool(mention.classes & {"place", "date", "agency"} or mention.date_words)
    return unit.text == "," or unit.text.isupper() or (unit.text.istitle() and unit.text.isalpha())


def dateline_place(prepared: list[tuple[object, list[Unit]]], gaz: Gazetteer) -> URIRef | None:
    """The city of the dateline ("DOHA, May 14 (Reuters) -", "NEW DELHI, Aug 1 (PTI)",
    "Ankara (AA) -", "TASHKENT. KAZINFORM -"): where the story takes place until an arrival or
    visit moves it."""
    for _, units in prepared[:DATELINE_SENTENCES]:
        mark = _dateline_mark(units)
        if not mark and len(units) > 1 and units[-1].text == ".":
            mark = len(units) - 1  # "TASHKENT. KAZINFORM -": the city a sentence of its own
        if not mark:
            continue
        first = units[0].mention
        if mark == 1 and first is not None and first.refs and "city" in first.classes:
            return first.refs[0]
        words = [u.text for u in units[:mark]]
        if all(w.isalpha() and w.isupper() for w in words):
            found = gaz.by_label(" ".join(words))
            if found is not None and "city" in gaz.classes.get(found, ()):
                return found
    return None


def delegation_ties(delegations: list[coref.Delegation], gaz: Gazetteer) -> dict[URIRef, URIRef]:
    """Person -> the state whose delegation they lead or are in ("a delegation from Eswatini
    led by Prime Minister X", "She is accompanied by Minister of State Y"): the first one."""
    ties: dict[URIRef, URIRef] = {}
    for delegation in delegations:
        sender = delegation.sender
        if sender is None or "country" not in gaz.classes.get(sender, ()):
            continue
        for person in (delegation.leader, *delegation.members):
            if person is not None:
                ties.setdefault(person, sender)
    return ties


def title_home(
    prepared: list[tuple[object, list[Unit]]], gaz: Gazetteer, dateline: URIRef | None
) -> URIRef | None:
    """The state whose offices a story names bare (owners.own_titles, `dateline`): the dateline
    city's country; with no dateline city, a state named as the dateline ("KUWAIT, Sept 12
    (KUNA)"), else the country of the first news outlet the opening lines name ("Fiji
    Village", a by-line's paper)."""
    if dateline is not None:
        return gaz.country_of(dateline)
    for _, units in prepared[:DATELINE_SENTENCES]:
        mark = _dateline_mark(units)
        first = units[0].mention if units else None
        if mark == 1 and first is not None and first.refs and "country" in first.classes:
            return first.refs[0]
        for unit in units:
            refs = unit.mention.refs if unit.mention is not None else ()
            if refs and "agency" in gaz.classes.get(refs[0], ()):
                based = [o for _, p, o in gaz.reference.get(refs[0], ()) if p == SCHEMA.location]
                return gaz.country_of(based[0]) if based else None
    return None


def dateline_day(
    prepared: list[tuple[object, list[Unit]]], anchor: date
) -> tuple[date, date] | None:
    """The day of the dateline ("CANBERRA, June 17 AAP -"), when it is at most a week before
    the article's date: the story's day until the text names another, and the day its words
    count from ("on Monday", "yesterday": a story published after midnight was written then)."""
    for _, units in prepared[:DATELINE_SENTENCES]:
        for index, unit in enumerate(units[: DATELINE_WORDS + 1]):
            if is_date(unit) and unit.mention and is_dateline(units, index):
                return _recent_day(unit.mention.date_words or "", anchor)
    return None


def extract_article(article: Article, rules: RuleSet, gazetteer: Gazetteer) -> Graph:
    """The rule layer of one article as an rdflib Graph in the hand layer's form."""
    return to_graph(extract_triples(article, rules, gazetteer))


def extract_triples(article: Article, rules: RuleSet, gazetteer: Gazetteer) -> Triples:
    """The rule layer of one article as triples, for a store to load (no Graph in between)."""
    text = article.text
    cuts = find_boilerplate(text, rules)
    new: list[NewEntity] = []
    discourse = coref.Discourse(new=new, day=article.date_published.isoformat())
    names = vocabulary(rules)
    prepared = []
    holdings: dict[tuple, Holding] = {}
    namesakes = other_namesakes(gazetteer, rules, text)
    nationals = shared_nationals(gazetteer, rules, text)
    subject: URIRef | None = None
    for sentence in mappable_sentences(article, cuts):
        units, raw = tokenize(sentence, rules)
        spans = date_spans(units, rules, raw) + name_spans(
            units, gazetteer, rules, raw, namesakes, nationals
        )
        covered = frozenset(i for begin, end, _ in spans for i in range(begin, end))
        later = introduced_spans(units, new, rules, covered)
        wins = [s for s in later if holds(s[0], s[1], spans)]  # "Kayikwamba Wagner": not Wagner
        spans = wins + spans + [s for s in later if s not in wins]
        spans = figure_spans(units, gazetteer, rules, new, spans) + spans  # a full name wins
        units = merge_spans(units, spans, text)
        units = find_named_events(units, rules, text)
        units = find_bodies(units, gazetteer, rules, text, new)
        units = find_described_groups(units, rules, text, new)
        held = _offices_held(holdings, gazetteer, new)  # so far in the article
        units = find_titles(units, gazetteer, rules, text, new, held, subject, defer=True)
        known = len(new)
        units = find_unknown_names(units, names, text, new)
        if len(new) > known or titles_left(units):  # titles of the names it found, or a list
            units = find_titles(units, gazetteer, rules, text, new, held, subject)
        units = find_place_descriptors(units, rules, text, gazetteer)  # "the Mongolian capital X"
        units = find_gathering_names(units, rules, text)  # "the Ukraine Recovery Conference"
        units = share_plural_titles(units, rules)  # "Presidents A and B": each a president
        units = share_listed_titles(units, gazetteer, rules)  # "A's President X, B's Y": B's
        units = own_titles([(sentence, units)], gazetteer, rules, new, list(holdings))[0][1]
        _holdings(units, sentence, holdings)  # "Prime Minister X's office": X's, before merged
        units = predecessors(units, _offices_held(holdings, gazetteer, new), rules, subject)
        units = find_offices(units, gazetteer, rules, text, new, held, discourse.titles)
        coref.define_delegations(units, discourse, gazetteer, rules, sentence.number, subject)
        coref.note_titles(units, discourse)
        _holdings(units, sentence, holdings)
        subject = first_person(units) or subject  # whom "He met his counterpart X" means
        prepared.append((sentence, units))
    candidates: list[Candidate] = []
    delegation_attests: dict[URIRef, list[Attest]] = {}
    dateline = dateline_place(prepared, gazetteer)
    discourse.home = gazetteer.country_of(dateline) if dateline is not None else None
    state_home = title_home(prepared, gazetteer, dateline)
    ties = delegation_ties(discourse.delegations, gazetteer)
    prepared = share_told_titles(prepared, gazetteer, rules, {p for p, _ in holdings})
    prepared = own_titles(prepared, gazetteer, rules, new, home=state_home, ties=ties)
    prepared, posted = send_envoys(prepared, discourse.home, gazetteer, rules, new)
    for pair in [pair for pair in holdings if pair[1] in posted]:
        del holdings[pair]  # the envoy's post without its destination
    for sentence, units in prepared:  # the owners own_titles found, before lists are grouped
        coref.note_titles(units, discourse)
        _holdings(units, sentence, holdings)
    told_day = dateline_day(prepared, article.date_published)
    written = told_day[0] if told_day else article.date_published  # what "on Monday" counts from
    today = (written, written)
    state: dict = {"place": dateline, "date": told_day}
    mentions: dict[int, list[URIRef]] = {}
    set_off = SetOff.of(rules)
    relays: list[URIRef] = []
    ahead, beyond = _named_further(prepared, text, 0), _named_further(prepared, text, 1)
    for position, (sentence, units) in enumerate(prepared):
        discourse.sentence = sentence.number
        discourse.ahead, discourse.beyond = ahead[position], beyond[position]
        # the news of the day: the undated events of a lede that names no day are today's
        lede = position < LEDE_SENTENCES and not any(is_date(u) for u in units)
        units = coref.resolve(units, discourse, gazetteer, rules, text)
        visible = without_parentheticals(units, set_off)
        if position < DATELINE_SENTENCES:  # "BEIJING, March 5 (Xinhua) -- At the invitation
            visible = visible[_dateline_end(visible) :]  # of X, Y will": the lede's own words
        doc = None  # made by the first section that has a rule to run (matcher._doc)
        said = attribution(visible, rules, doc)
        relays.extend(r for r in said.relays if r not in relays)
        side = _speaker_side(said.sources, discourse, gazetteer, units)
        ctx = SentenceContext(
            sentence,
            visible,
            text,
            written,
            said,
            cues(visible, rules, doc),
            side,
            _within_dateline(state["place"], dateline, gazetteer),
            state["date"],
            doc,
            candidates,
            dateline=dateline,
            plan=state.get("plan"),
            last_plan=state.get("last_plan"),
            today=today if lede and state["date"] is None else None,
            last_time=state.get("time"),
            issuer=discourse.orgs[0][0] if discourse.orgs else None,
        )
        opening = fronted_place(visible, rules) or ctx.place
        found = sentence_candidates(ctx, rules, gazetteer)
        main = len(found)  # the main clause's candidates, before its relative clauses'
        for clause in relative_clauses(units, set_off):
            # the main clause's events stay in view: "received X, who delivered a letter"; a
            # clause set off before its verb took place where the sentence opened ("X, who
            # met Y on Sunday, flew to Riyadh": not in Riyadh); an undated event of the clause
            # takes the day of a main-clause event it shares a party with ("..., who accorded
            # him": candidates._main_clause_dates), else the story's day
            place = opening if _set_off_before(units, clause) else ctx.place
            inner = replace(
                ctx,
                units=clause,
                cues=cues(clause, rules),
                doc=None,
                current=list(found),
                place=place,
            )
            found += sentence_candidates(inner, rules, gazetteer)
        days_of_clauses(found, main, rules)  # "X, who arrived on Monday, was received by Y"
        places_with(found, rules, gazetteer)  # "X, visiting Beijing, met Y": in Beijing
        join_companions(found, units, sentence, rules)  # "X, accompanied by his wife Y,"
        state.pop("plan", None)  # a planned day dates the next sentence's plans only
        _remember_events(found, discourse, rules, state, written, main)
        recast(found, units, rules)  # a welcome at the airport: a reception, no ceremony
        # "welcomed at the airport": an arrival, which does not move the story's place
        found += entailed(found, units, ctx, rules, gazetteer)
        if not opens_with_date(visible):  # an itinerary's day opens its sentence
            state.pop("plan", None)
        if not any(c.date for c in found) and not flashback(units, rules):  # "was preceded by
            state["date"] = _story_day(ctx, written) or state["date"]  # a session on Monday"
        state["time"] = last_time(visible, written, state.get("time"))  # "later that month"
        candidates.extend(found)
        last_body = discourse.bodies[-1] if discourse.bodies else None
        orgs = tuple(o for o, _ in discourse.orgs)
        _holdings(body_titles(units, gazetteer, rules, new, last_body, orgs), sentence, holdings)
        for delegation in discourse.delegations:
            for begin, end, rule_id, number in delegation.spans:
                if number == sentence.number:
                    claim = tuple(s for s in said.sources if s != delegation.leader)
                    attest = Attest(sentence, begin, end, rule_id, 0.7, delegation.modality, claim)
                    delegation_attests.setdefault(delegation.key, []).append(attest)
        here = gazetteer.country_of(ctx.place) or discourse.home
        locate_new_places(units, new, here)
        welcomes = rules.word_class("welcome_verb")
        coref.remember(units, discourse, gazetteer, welcomes, rules, visible)
        discourse.guests.extend(_guests_named(units, rules))
        mentions[sentence.number] = _mentioned(units, rules)
    for delegation in discourse.delegations:
        if delegation.sender is None and delegation.leader is not None:
            delegation.sender = coref.holder_country(delegation.leader, discourse, gazetteer, rules)
    _relay(candidates, delegation_attests, relays, gazetteer)
    ctx = Context(
        rules.kinds, gazetteer, {d.key: d.leader for d in discourse.delegations if d.leader}
    )

    for person, position in holdings:  # every title the article gave, for `home`
        if position is not None:
            discourse.holdings.setdefault(person, set()).add(position)

    def home(agent: URIRef) -> URIRef | None:
        """The country an agent of this article is or serves."""
        return _home(agent, discourse, (gazetteer, rules, new))

    def titles(agent: URIRef) -> frozenset[str]:
        """The titles of the positions the article says an agent holds."""
        held = discourse.holdings.get(agent, ())
        return frozenset(title_of(p, gazetteer, rules, new) for p in held)

    extend_earlier(ctx, candidates, _extending(rules))  # "The meeting was attended by A and B"
    unled = {d.key: d.sender for d in discourse.delegations if d.sender and not d.leader}
    drop_represented(ctx, candidates, home, unled)
    candidates = join_one_side(candidates, home)
    add_homes(candidates, home)
    hosts_abroad(ctx, candidates, home, titles)
    first = merge(ctx, candidates)
    extra = implied(ctx, first)
    events = merge(ctx, candidates + extra)
    for event in events:
        event.attrs.pop("implied_by", None)
    link(events)
    _fix_references(events, discourse.delegations)
    apply_defaults(ctx, events)
    apply_late_defaults(ctx, events, _late_defaults(rules))
    for event in events:
        most_specific_place(ctx, event)
    invitations_from_visits(events)
    inherit_dates(events)
    durations(
        events,
        rules.kinds,
        [str(w) for w in rules.classes.get("number_word", ())],
        [str(w) for w in rules.classes.get("day_long_word", ())],
        rules.word_class("stay_word"),
        rules.word_class("stay_end_word"),
        written,
        rules.word_class("present_stay_word"),
    )
    close_stays(ctx, events, written)
    events = drop_homecomings(ctx, events, home)
    events = drop_headline_echoes(ctx, events, _headline(prepared))
    events = drop_generic(ctx, complete(ctx, events))
    for event in events:
        for label in event.attrs.pop("materiel", []):
            new.append(NewEntity(materiel_iri(label), "Materiel", label, NEW_CONFIDENCE))
    layer = Layer(
        article,
        events,
        [(d, delegation_attests.get(d.key, [])) for d in discourse.delegations],
        list(holdings.values()),
        [n for n in {n.iri: n for n in new}.values() if n.iri not in gazetteer.labels],
        cuts,
        {n: m for n, m in mentions.items() if m},
    )
    log.debug("%s: %d candidates, %d events", article.stem, len(candidates), len(events))
    return write(layer, gazetteer, rules.kinds, rules.roles)


def _named_further(
    prepared: list[tuple[Sentence, list[Unit]]], text: str, breaks: int
) -> list[list[Mention]]:
    """Per sentence, the named people of the later sentences of its paragraph (no line break
    between) and of the `breaks` paragraphs after it, for an unnamed office whose holder the
    text names afterwards."""
    named = [
        [
            u.mention
            for u in units
            if u.mention is not None
            and "person" in u.mention.classes
            and u.mention.anaphor is None
            and len(u.mention.refs) == 1
        ]
        for _, units in prepared
    ]
    further: list[list[Mention]] = []
    for at, (sentence, _) in enumerate(prepared):
        found: list[Mention] = []
        end, crossed = sentence.end, 0
        for later, (other, _) in enumerate(prepared[at + 1 :], at + 1):
            crossed += "\n" in text[end : other.begin]
            if crossed > breaks:
                break
            found.extend(named[later])
            end = other.end
        further.append(found)
    return further


def _within_dateline(
    place: URIRef | None, dateline: URIRef | None, gaz: Gazetteer
) -> URIRef | None:
    """The story's place: the dateline's city where the story is in that city's country ("on
    a state visit to India" filed from New Delhi: the talks took place in New Delhi)."""
    if place is None or dateline is None or place == dateline:
        return place
    inside = "country" in gaz.classes.get(place, ()) and gaz.country_of(dateline) == place
    return dateline if inside else place


HEADLINE_WORDS = 25


def _headline(prepared: list[tuple[Sentence, list[Unit]]]) -> int | None:
    """The number of the article's headline: its first sentence, when that has no closing
    punctuation and is short ("Qatar says Israel, Hamas agree four-day Gaza truce")."""
    if not prepared:
        return None
    sentence, units = prepared[0]
    words = [u for u in units if u.text[:1].isalnum()]
    closed = sentence.text.rstrip()[-1:] in ".!?\"”’'"
    return sentence.number if words and not closed and len(words) <= HEADLINE_WORDS else None


def _story_day(ctx: SentenceContext, anchor: date) -> tuple[date, date] | None:
    """The one day a sentence with no event dates names, in the week up to the article's date
    ("The meeting was held today"): the story's day, for the undated events that follow; not
    in a sentence that looks ahead ("will open on Friday")."""
    words = [u.mention.date_words or "" for u in ctx.units if is_date(u) and u.mention]
    if (
        len(words) != 1
        or sounds_future(words[0])
        or any(c.modality != "Happened" for c in ctx.cues)
    ):
        return None
    return _recent_day(words[0], anchor)


def _recent_day(words: str, anchor: date) -> tuple[date, date] | None:
    """The one day date words name, when it is at most a week before the article's date."""
    found = resolve_words(words, anchor, False)
    if found is None or found.earliest != found.latest:
        return None
    day = found.earliest
    return (day, day) if 0 <= (anchor - day).days <= NARRATIVE_DAYS else None


def _home(
    agent: URIRef, discourse: coref.Discourse, context: tuple[Gazetteer, RuleSet, list]
) -> URIRef | None:
    """The country an agent is or serves: by the positions the article says it holds, or, for
    a body, the country it acts for (the gazetteer's, or the one the article made it for)."""
    gaz, rules, new = context
    if "country" in gaz.classes.get(agent, ()):
        return agent
    served = [c for c in gaz.acts_for_closure(agent) if "country" in gaz.classes.get(c, ())]
    served += [n.acts_for for n in new if n.iri == agent and n.acts_for is not None]
    if served:
        return sorted(served)[0]
    return coref.holder_country(agent, discourse, gaz, rules, new)


def _relay(
    candidates: list[Candidate], delegations: dict, relays: list[URIRef], gaz: Gazetteer
) -> None:
    """Claims by another named agency reached the article through the relays."""
    if not relays:
        return

    for cand in candidates:
        attest = cand.attest
        sources = set(attest.claimed_by)
        agencies = all("agency" in gaz.classes.get(s, ()) for s in sources)
        if sources and agencies and not attest.generic_source and not sources <= set(relays):
            cand.attest = replace(attest, relayed_by=tuple(r for r in relays if r not in sources))
