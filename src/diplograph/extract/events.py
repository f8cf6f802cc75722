"""Event stage: turns the article's candidate events into one node per real-world event.

Reads the candidates every sentence produced (kind, roles, date, attestation) and the `kinds`
rules; merges candidates that describe one event (same family, the same parties in the key
roles, a delegation standing for its leader, overlapping dates), fills roles from context
(`defaults`), adds implied events (an arrival is part of a visit), gives bare invitations the
visits' hosts and travellers, and drops events that miss a required role.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from rdflib import URIRef

from diplograph.extract.dates import overlaps
from diplograph.extract.gazetteer import Gazetteer
from diplograph.seeds import Sentence

NAMED = "urn:x-diplograph:named/"  # a named event, until it has its IRI (mentions.NAMED)
PLACE_ROLES = ("place",)
THING_ROLES = ("theme",)


@dataclass
class Attest:
    """One sentence's report of an event: the words, the rule, the modality, who says so."""

    sentence: Sentence
    begin: int
    end: int
    rule: str
    confidence: float
    modality: str = "Happened"
    claimed_by: tuple[URIRef, ...] = ()
    relayed_by: tuple[URIRef, ...] = ()
    date_words: str | None = None
    generic_source: bool = False


@dataclass
class Candidate:
    """An event as one rule match found it."""

    kind: str
    roles: dict[str, list[URIRef]]
    attest: Attest
    date: tuple[date, date | None] | None = None
    attrs: dict[str, list[str]] = field(default_factory=dict)
    partial: bool = False
    content: list[Candidate] = field(default_factory=list)
    parent: list[Candidate] = field(default_factory=list)  # dip:subEventOf
    date_from: list[Candidate] = field(default_factory=list)  # "during the meeting": its date
    from_visits: bool = False
    owned: bool = False  # the content of another candidate: its modality was set by it
    trigger: tuple[int, int] = (0, 0)  # sentence number, unit index
    echo: bool = False  # made by event anaphora: an earlier candidate attested again ("the move")
    storied: bool = False  # dated by the story's day, not by words of its own
    aside: bool = False  # dated from another day of its sentence ("a day after X arrived")
    flashback: bool = False  # told in the pluperfect ("had earlier received"): not the story's
    named_places: tuple[URIRef, ...] = ()  # the places its words name (no default's)
    joined: bool = False  # its verb phrase is joined to an earlier one ("said ... and accused")

    @property
    def happened(self) -> bool:
        """Reported as having happened, in its own right (not as another event's content)."""
        return self.attest.modality == "Happened" and not self.owned


@dataclass
class Event:
    """One event node: merged roles, date, attributes and every attestation."""

    kind: str
    roles: dict[str, list[URIRef]]
    attests: list[Attest]
    date: tuple[date, date | None] | None = None
    attrs: dict[str, list[str]] = field(default_factory=dict)
    partial: bool = False
    content: list[Event] = field(default_factory=list)
    parent: list[Event] = field(default_factory=list)
    date_from: list[Event] = field(default_factory=list)
    from_visits: bool = False
    members: list[Candidate] = field(default_factory=list)
    named_places: list[URIRef] = field(default_factory=list)  # its members' (no default's)

    @property
    def confidence(self) -> float:
        """The highest confidence of its attestations."""
        return max(a.confidence for a in self.attests)


def spec(kinds: dict[str, dict[str, Any]], kind: str) -> dict[str, Any]:
    """The `kinds` entry of an event kind (empty if none)."""
    return kinds.get(kind) or {}


def missing(
    kind: str,
    roles: dict[str, list[Any]],
    kinds: dict[str, dict[str, Any]],
    one: Iterable[str] = (),
) -> bool:
    """True when the roles miss something the kind requires; the roles of `one` need one
    filler whatever the kind's `min` (a rule's `one_body`: a body's own session)."""
    entry = spec(kinds, kind)
    if any(not roles.get(r) for r in entry.get("required", [])):
        return True
    least = {r: 1 if r in one else n for r, n in (entry.get("min") or {}).items()}
    if any(len(roles.get(r, [])) < n for r, n in least.items()):
        return True
    wanted = entry.get("required_any")
    return bool(wanted) and not any(roles.get(r) for r in wanted)


@dataclass
class Context:
    """What merging needs to know: the kinds, the gazetteer, delegation leaders."""

    kinds: dict[str, dict[str, Any]]
    gazetteer: Gazetteer
    leaders: dict[URIRef, URIRef]

    def normal(self, values: list[URIRef]) -> frozenset[URIRef]:
        """Fillers with each delegation replaced by its leader."""
        return frozenset(self.leaders.get(v, v) for v in values)

    def family(self, kind: str) -> str:
        """The merge family of a kind."""
        return str(spec(self.kinds, kind).get("family", kind))

    def nested(self, a: frozenset[URIRef], b: frozenset[URIRef]) -> bool:
        """Every place of one set lies within a place of the other (New Delhi, India)."""
        return _inside(self.gazetteer, a, b) or _inside(self.gazetteer, b, a)

    def acting(self, a: frozenset[URIRef], b: frozenset[URIRef]) -> bool:
        """Every member of a acts for (or is) a member of b."""
        return all(x in b or self.gazetteer.acts_for_closure(x) & b for x in a)


def _key_roles(ctx: Context, kind: str) -> list[str]:
    """The roles that identify an event of this kind."""
    return [
        r for r in spec(ctx.kinds, kind).get("key", []) if r not in ("name", "sentence", "content")
    ]


def _same_sentence(ctx: Context, event: Event, cand: Candidate) -> bool:
    """False when the kind is keyed by its sentence and the two come from different ones."""
    if "sentence" not in spec(ctx.kinds, cand.kind).get("key", []):
        return True
    return event.attests[0].sentence.number == cand.attest.sentence.number


def compatible(ctx: Context, event: Event, cand: Candidate) -> bool:
    """True when a candidate can be the same event as an event built so far."""
    if ctx.family(event.kind) != ctx.family(cand.kind) or not overlaps(event.date, cand.date):
        return False
    if not _same_sentence(ctx, event, cand) or not _same_content(ctx, event, cand):
        return False
    if set(event.attrs.get("implied_by", ())) & set(cand.attrs.get("implied_by", ())):
        return True  # implied by one event's two reports ("arrived in Hanoi", "upon arrival")
    if event.attrs.get("apart", []) != cand.attrs.get("apart", []):
        return False  # a wreath laid the day of a welcome ceremony: two ceremonies (`apart`)
    names_a, names_b = event.attrs.get("name", []), cand.attrs.get("name", [])
    if names_a and names_b:
        return names_a == names_b
    sorts_a, sorts_b = set(event.attrs.get("sort", ())), set(cand.attrs.get("sort", ()))
    if sorts_a and sorts_b and not sorts_a & sorts_b:
        return False  # "laid a wreath at Rajghat" and "a banquet in his honour": two ceremonies
    if _apart(ctx, event, cand) or _elsewhere(ctx, event, cand):
        return False
    statement = bool(spec(ctx.kinds, cand.kind).get("statement"))
    shared = bool(names_a or names_b) and (event.partial or cand.partial)
    for role in _key_roles(ctx, cand.kind):
        a, b = ctx.normal(event.roles.get(role, [])), ctx.normal(cand.roles.get(role, []))
        if not a or not b:
            continue
        if a == b:
            shared = True
        elif (cand.partial and b <= a) or (event.partial and a <= b):
            shared = True
        elif statement and role == "agent" and (ctx.acting(a, b) or ctx.acting(b, a)):
            shared = True
        elif role == "place" and _told_together(event, cand) and ctx.nested(a, b):
            continue  # "left for Riyadh on a visit to Saudi Arabia": one visit
        else:
            return False
    return shared


def _apart(ctx: Context, event: Event, cand: Candidate) -> bool:
    """Whether the kind keeps events at sites apart as two (kinds.yaml `apart_by_place`): a
    welcome ceremony at the palace and a wreath laid at a memorial the same day."""
    if not spec(ctx.kinds, cand.kind).get("apart_by_place"):
        return False
    a, b = _sites(ctx, event.roles.get("place", [])), _sites(ctx, cand.roles.get("place", []))
    if a and b and _told_together(event, cand) and (a <= b or b <= a):
        return False  # "accorded a welcome ceremony at X, where he inspected a guard of honour"
    return bool(a and b) and not ctx.nested(a, b)


def _elsewhere(ctx: Context, event: Event, cand: Candidate) -> bool:
    """Whether the words of both name cities or countries as their places (not a default such
    as the dateline's) and no place of the one lies within one of the other: talks in Manila
    are not the meeting in Tokyo. A site counts as the town it lies in: talks at the chancellery
    in Warsaw are not the talks planned in Kyiv."""
    a, b = _towns_of(ctx, event.named_places), _towns_of(ctx, list(cand.named_places))
    if _planned_and_held(event, cand):  # a plan's town against where the held one was put
        a = a or _towns_of(ctx, event.roles.get("place", []))
        b = b or _towns_of(ctx, cand.roles.get("place", []))
    if not a or not b or a & b:
        return False
    near = any(within(ctx.gazetteer, x, y) or within(ctx.gazetteer, y, x) for x in a for y in b)
    return not near


def _lands(ctx: Context, places: list[URIRef]) -> frozenset[URIRef]:
    """The places that are cities or countries."""
    return frozenset(p for p in places if ctx.gazetteer.is_town(p))


def _planned_and_held(event: Event, cand: Candidate) -> bool:
    """Whether the one is only expected and the other held: "held talks in Warsaw" and "invited
    him to hold the next round in Kyiv" are two talks."""
    held = any(a.modality == "Happened" for a in event.attests)
    planned = all(a.modality == "Expected" for a in event.attests)
    return (held and cand.attest.modality == "Expected") or (
        planned and cand.attest.modality == "Happened"
    )


def _towns_of(ctx: Context, places: list[URIRef]) -> frozenset[URIRef]:
    """The cities or countries of these places: a site's the nearest town it lies in, if known."""
    found: set[URIRef] = set()
    for place in places:
        current: URIRef | None = place
        seen: set[URIRef] = set()
        while current is not None and current not in seen and not ctx.gazetteer.is_town(current):
            seen.add(current)
            current = ctx.gazetteer.located_in.get(current)
        if current is not None and current not in seen:
            found.add(current)
    return frozenset(found)


def _sites(ctx: Context, places: list[URIRef]) -> frozenset[URIRef]:
    """The places that are sites (no city, no country): where one ceremony stands apart."""
    return frozenset(p for p in places if not ctx.gazetteer.is_town(p))


def _inside(gaz: Gazetteer, inner: frozenset[URIRef], outer: frozenset[URIRef]) -> bool:
    """Every place of `inner` lies within a place of `outer`."""
    return all(any(within(gaz, x, y) for y in outer) for x in inner)


def _told_together(event: Event, cand: Candidate) -> bool:
    """Whether a candidate comes from a sentence that attests the event already."""
    return any(a.sentence.number == cand.attest.sentence.number for a in event.attests)


def _same_content(ctx: Context, event: Event, cand: Candidate) -> bool:
    """False when both say what they are about (the invitation accepted, the claim denied) and
    nothing the one is about can be what the other is about: two denials, not one."""
    if not cand.content:  # first: an event's members may hold many contents between them
        return True
    mine = [c for m in event.members for c in m.content]
    if not mine:
        return True
    return any(compatible(ctx, new_event(c), other) for c in mine for other in cand.content)


def _absorb(ctx: Context, event: Event, cand: Candidate) -> None:
    """Merge a candidate into an event."""
    event.kind = _told_kind(ctx, event, cand)
    event.members.append(cand)
    for role, values in cand.roles.items():
        current = event.roles.setdefault(role, [])
        current.extend(v for v in values if v not in current)
    for name, values in cand.attrs.items():
        current_attrs = event.attrs.setdefault(name, [])
        current_attrs.extend(v for v in values if v not in current_attrs)
    event.attests.append(cand.attest)
    event.date = _narrower(event.date, cand.date)
    event.partial = event.partial and cand.partial
    event.from_visits = event.from_visits and cand.from_visits
    event.named_places.extend(p for p in cand.named_places if p not in event.named_places)
    towns = _lands(ctx, [p for p in event.named_places if p in event.roles.get("place", [])])
    if towns:
        event.roles["place"] = _named_or_near(ctx, event.roles["place"], towns)


def _told_kind(ctx: Context, event: Event, cand: Candidate) -> str:
    """The event's kind once a candidate joins it: the higher-ranked (kinds.yaml `rank`) of
    the two, the event's among equals, but a denied candidate's never over one told as having
    happened ("Lavrov met Blinken ..., adding that the two did not hold formal talks": a
    meeting, not talks), and the first told one's over the denied ones'."""
    denied = cand.attest.modality == "Denied"
    told = any(m.attest.modality != "Denied" for m in event.members)
    if denied and told:
        return event.kind
    if not denied and not told:
        return cand.kind
    rank = spec(ctx.kinds, cand.kind).get("rank", 0)
    return cand.kind if rank > spec(ctx.kinds, event.kind).get("rank", 0) else event.kind


def _named_or_near(ctx: Context, places: list[URIRef], towns: frozenset[URIRef]) -> list[URIRef]:
    """The places of merged candidates without the cities and countries no word names that
    hold or lie in none of the named ones: a headline's "hosts" at the dateline's Riyadh and
    the lede's "in Jeddah" are one reception in Jeddah."""
    gaz = ctx.gazetteer
    return [
        p
        for p in places
        if p in towns
        or not gaz.is_town(p)
        or any(within(gaz, n, p) or within(gaz, p, n) for n in towns)
    ]


def _narrower(a: tuple[date, date | None] | None, b: tuple[date, date | None] | None) -> Any:
    """The more precise of two compatible date ranges."""
    if a is None or b is None:
        return a or b
    span_a = ((a[1] or date.max) - a[0]).days
    span_b = ((b[1] or date.max) - b[0]).days
    return a if span_a <= span_b else b


def new_event(cand: Candidate) -> Event:
    """An event made of one candidate."""
    roles = {r: list(v) for r, v in cand.roles.items()}
    attrs = {k: list(v) for k, v in cand.attrs.items()}
    return Event(
        cand.kind,
        roles,
        [cand.attest],
        cand.date,
        attrs,
        cand.partial,
        from_visits=cand.from_visits,
        members=[cand],
        named_places=list(cand.named_places),
    )


def merge(ctx: Context, candidates: list[Candidate]) -> list[Event]:
    """One event per group of compatible candidates; partial ones join a complete one."""
    events: list[Event] = []
    families: dict[str, list[Event]] = {}
    for cand in candidates:
        bucket = families.setdefault(ctx.family(cand.kind), [])
        options = [e for e in bucket if compatible(ctx, e, cand)]
        if options:
            _absorb(ctx, options[-1], cand)
        else:
            event = new_event(cand)
            events.append(event)
            bucket.append(event)
    gone: set[int] = set()  # ids of the partial events absorbed so far
    changed = True
    while changed:  # each pass tries every partial event once: linear in passes, not quadratic
        changed = False
        for event in [e for e in events if e.partial and id(e) not in gone]:
            for other in reversed(families[ctx.family(event.kind)]):
                if other is event or other.partial or id(other) in gone:
                    continue
                if all(compatible(ctx, other, m) for m in event.members):
                    for member in event.members:
                        _absorb(ctx, other, member)
                    gone.add(id(event))
                    changed = True
                    break
    events = [e for e in events if id(e) not in gone]
    for event in events:
        _tidy(ctx, event)
    return events


def _tidy(ctx: Context, event: Event) -> None:
    """Drop a leader beside his delegation, a state beside the body acting for it."""
    for role, values in event.roles.items():
        delegations = {v for v in values if v in ctx.leaders}
        led = {ctx.leaders[d] for d in delegations}
        kept = [v for v in values if v not in led or v in delegations]
        if spec(ctx.kinds, event.kind).get("statement") and role == "agent":
            kept = [
                v for v in kept if not any(v in ctx.gazetteer.acts_for_closure(o) for o in kept)
            ]
        event.roles[role] = kept


def link(events: list[Event]) -> dict[int, Event]:
    """Map every candidate to its event and turn candidate links into event links."""
    owner = {id(m): e for e in events for m in e.members}
    for event in events:
        for member in event.members:
            for target in member.content:
                found = owner.get(id(target))
                if found is not None and found is not event and found not in event.content:
                    event.content.append(found)
            for source, sink in (
                (member.parent, event.parent),
                (member.date_from, event.date_from),
            ):
                for target in source:
                    found = owner.get(id(target))
                    if found is not None and found is not event and found not in sink:
                        sink.append(found)
    return owner


def country_of_place(event: Event, gaz: Gazetteer) -> list[URIRef]:
    """The country of the event's first place."""
    for place in event.roles.get("place", []):
        country = gaz.country_of(place)
        if country is not None:
            return [country]
    return []


def _contents_first(events: list[Event]) -> list[Event]:
    """The events with what each is about before it (an accepted invitation's visit, then the
    invitation, then the acceptance), so that a `content.` default reads filled roles."""
    ordered: list[Event] = []
    seen: set[int] = set()

    def visit(event: Event) -> None:
        """Put an event after its contents."""
        if id(event) in seen:
            return
        seen.add(id(event))
        for inner in event.content:
            visit(inner)
        ordered.append(event)

    for event in events:
        visit(event)
    listed = {id(e) for e in events}
    return [e for e in ordered if id(e) in listed]


def apply_defaults(ctx: Context, events: list[Event]) -> None:
    """Fill roles from the place (host, agent of a parade) or from what the event is about
    (an invitation's inviter: the host of the visit), where the kind says so."""
    for event in _contents_first(events):
        for role, source in (spec(ctx.kinds, event.kind).get("defaults") or {}).items():
            unless = source.get("unless") if isinstance(source, dict) else None
            source = source.get("from") if isinstance(source, dict) else source
            if event.roles.get(role) or (unless and event.roles.get(unless)):
                continue
            if source == "country_of_place":
                event.roles[role] = country_of_place(event, ctx.gazetteer)
            elif str(source).startswith("content."):
                wanted = str(source).removeprefix("content.")
                found = [v for c in event.content for v in c.roles.get(wanted, [])]
                event.roles[role] = list(dict.fromkeys(found))


def extend_earlier(ctx: Context, candidates: list[Candidate], extending: dict[str, Any]) -> None:
    """Give the parties a candidate of an `extends` rule names ("The meeting was attended by A,
    B and C") to the earlier event of its family that happened (the lede's, or with `extends:
    latest` the one told last), and to every candidate
    that tells that event, so that they stay one event with one more attestation; a candidate
    with no such event before it stays an event of its own."""
    met: dict[int, Candidate] = {}  # hosting -> the meeting of its parties extended last
    for index, cand in enumerate(candidates):
        if cand.attest.rule not in extending:
            continue
        family = ctx.family(cand.kind)
        earlier = [
            c
            for c in candidates[:index]
            if ctx.family(c.kind) == family and c.happened and c.attest.rule not in extending
        ]
        full = [c for c in earlier if len(set(_parties_of(c.roles))) > 1]
        earlier = full or earlier  # not a headline's "Xi meets Nepali prime minister" (one party)
        latest = extending[cand.attest.rule] == "latest"
        if not earlier:  # no meeting told: a hosting, as the meeting of its parties
            hostings = [c for c in candidates[:index] if _met_as(ctx, c, family)]
            if hostings:
                hosting = hostings[-1] if latest else hostings[0]
                earlier = [met.get(id(hosting)) or _met_as(ctx, hosting, family)]
                met[id(hosting)] = cand  # the next attendees join these
        if not earlier:
            continue
        # "the meeting" of a story is its main one, the one its lede tells; `extends: latest`:
        # the one told last ("He was joined by Z")
        told = earlier[-1] if latest else earlier[0]
        parties = {frozenset(_parties_of(told.roles)), frozenset(_parties_of(cand.roles))}
        joined = {r: list(v) for r, v in told.roles.items()}
        for role, values in cand.roles.items():
            if role != "place":
                joined[role] = list(dict.fromkeys([*joined.get(role, []), *values]))
        for other in candidates:  # what tells the same event, before or after ("the meeting")
            same = ctx.family(other.kind) == family and other.date in (told.date, cand.date, None)
            if same and other is not cand and frozenset(_parties_of(other.roles)) in parties:
                other.roles = {r: list(v) for r, v in joined.items()}
        if _dates_better(cand, told):  # "The message was handed over ... on Wednesday"
            told.date, told.storied = cand.date, False
        cand.kind, cand.roles, cand.date = told.kind, joined, told.date


def _dates_better(cand: Candidate, told: Candidate) -> bool:
    """Whether a candidate that extends an earlier event has a date of its own words where
    that event has none, or only the story's day ("X received a letter from Y. The message was
    handed over in Port Sudan on Wednesday": Wednesday)."""
    worded = cand.date is not None and not cand.storied and cand.attest.date_words
    return bool(worded) and (told.date is None or told.storied)


def _met_as(ctx: Context, cand: Candidate, family: str) -> Candidate | None:
    """A hosting that happened, as the meeting of its parties an `extends` rule of that family
    extends when the story told no meeting before (kinds.yaml `met_as`: "X received Y. The
    meeting was attended by Z" is a meeting of X, Y and Z)."""
    kind = spec(ctx.kinds, cand.kind).get("met_as")
    if not kind or ctx.family(str(kind)) != family or not cand.happened:
        return None
    if not cand.roles.get("host") or not cand.roles.get("traveller"):
        return None
    roles = {"participant": list(dict.fromkeys(_parties_of(cand.roles)))}
    if cand.roles.get("place"):
        roles["place"] = list(cand.roles["place"])
    return replace(cand, kind=str(kind), roles=roles)


def _parties_of(roles: dict[str, list[URIRef]]) -> list[URIRef]:
    """An event's parties, whatever their roles (its place and theme left out)."""
    return [v for r, vs in roles.items() if r not in ("place", "theme") for v in vs]


def _states_only(values: list[URIRef], ctx: Context) -> bool:
    """No filler, or states only (a host the place's country gave)."""
    return all("country" in ctx.gazetteer.classes.get(v, ()) for v in values)


def apply_late_defaults(ctx: Context, events: list[Event], late: dict[str, dict[str, str]]) -> None:
    """Fill the empty roles that the `late_defaults` of an event's rules (rule id -> role ->
    source) name from the article's other events, once all are known: "partner:<Kinds>.<role>"
    gives the other party of a Happened event of those kinds that day among whose parties this
    event's <role> fillers are ("an official welcome ceremony was held for X", told before X's
    talks with Y: Y hosted it); a hosting gives its host."""
    for event in events:
        for attest in event.attests:
            for role, source in (late.get(attest.rule) or {}).items():
                if _states_only(event.roles.get(role, []), ctx) and str(source).startswith(
                    "partner:"
                ):  # empty, or a state the place gave: the person who met the guest, if any
                    event.roles[role] = _partner(
                        ctx, event, events, str(source)[8:]
                    ) or event.roles.get(role, [])


def _partner(ctx: Context, event: Event, events: list[Event], source: str) -> list[URIRef]:
    """The one other party of the first event of `source`'s kinds that shares the day and
    holds all of the event's fillers of `source`'s role (a hosting: its host); one told in
    the event's own sentence first ("was accorded a welcome, where he was received by A and B")."""
    kinds, _, own = source.partition(".")
    mine = set(event.roles.get(own, ()))
    told = {a.sentence.number for a in event.attests}
    near = [e for e in events if told & {a.sentence.number for a in e.attests}]
    for other in [*near, *(e for e in events if e not in near)]:
        if other is event or other.kind not in kinds.split(",") or not mine:
            continue
        same_day = overlaps(other.date, event.date) and (other.date is None) == (event.date is None)
        if not same_day or not any(a.modality == "Happened" for a in other.attests):
            continue
        if other.kind == "Hosting":  # a host named, not the place's country
            hosts = other.roles.get("host", [])
            if mine <= set(other.roles.get("traveller", ())) and not _states_only(hosts, ctx):
                return list(hosts)
            continue
        theirs = _parties_of(other.roles)
        rest = list(dict.fromkeys(v for v in theirs if v not in mine))
        if mine <= set(theirs) and len(rest) == 1:
            return rest
    return []


def most_specific_place(ctx: Context, event: Event) -> None:
    """Keep the most specific of places that contain one another (an airport in a country)."""
    places = event.roles.get("place", [])
    if len(places) < 2:
        return
    deep = []
    for place in places:
        inner = any(other != place and within(ctx.gazetteer, other, place) for other in places)
        if not inner:
            deep.append(place)
    event.roles["place"] = deep or places


def within(gaz: Gazetteer, inner: URIRef, outer: URIRef) -> bool:
    """True when a place lies within another (following dip:locatedIn)."""
    seen: set[URIRef] = set()
    current = gaz.located_in.get(inner)
    while current is not None and current not in seen:
        if current == outer:
            return True
        seen.add(current)
        current = gaz.located_in.get(current)
    return False


def complete(ctx: Context, events: list[Event]) -> list[Event]:
    """Drop events that miss a required role, and what only they were about, to a fixpoint."""
    kept = list(events)
    while True:
        names = {n for e in kept for n in e.attrs.get("name", [])}
        for event in kept:
            for role, values in event.roles.items():
                event.roles[role] = [
                    v for v in values if not str(v).startswith(NAMED) or str(v) in names
                ]
            event.content = [c for c in event.content if c in kept]
            event.parent = [p for p in event.parent if p in kept]
            about = event.content or (_told_by_topic(ctx, event) and event.attrs.get("topic"))
            event.roles["content"] = [CONTENT] if about else []
        for event in kept:
            _fall_back(ctx, event)
        survivors = [
            e for e in kept if not missing(e.kind, e.roles, ctx.kinds, e.attrs.get("one_body", ()))
        ]
        for event in kept:
            event.roles.pop("content", None)
        if len(survivors) == len(kept):
            return survivors
        kept = survivors


CONTENT = URIRef("urn:x-diplograph:content")


def _told_by_topic(ctx: Context, event: Event) -> bool:
    """Whether the kind may say in words what it is about instead of naming an event
    (kinds.yaml `topic_for_content`: an accusation of war crimes, a denial of "the
    allegations")."""
    return bool(spec(ctx.kinds, event.kind).get("topic_for_content"))


def _fall_back(ctx: Context, event: Event) -> None:
    """An event that misses a required role becomes its kind's `fallback` (kinds.yaml) when
    that one is complete: "X accused Israel of war crimes", with no event alleged, is still a
    statement of X's."""
    fallback = spec(ctx.kinds, event.kind).get("fallback")
    if fallback and missing(event.kind, event.roles, ctx.kinds):
        if not missing(fallback, event.roles, ctx.kinds):
            event.kind = fallback


def drop_homecomings(
    ctx: Context, events: list[Event], home: Callable[[URIRef], URIRef | None]
) -> list[Event]:
    """Drop travel abroad (kinds.yaml `abroad: ROLE`) whose every traveller goes to the country
    they serve: "before departing for Tbilisi", said of Georgia's prime minister, is no visit."""
    kept = []
    for event in events:
        role = spec(ctx.kinds, event.kind).get("abroad")
        travellers = event.roles.get(str(role), []) if role else []
        hosts = set(event.roles.get("host", [])) | set(event.roles.get("place", []))
        if travellers and all(home(t) in hosts for t in travellers):
            continue
        kept.append(event)
    return kept


def drop_represented(
    ctx: Context,
    events: list[Candidate],
    home: Callable[[URIRef], URIRef | None],
    senders: dict[URIRef, URIRef] | None = None,
) -> None:
    """Leave out of a role (kinds.yaml `represented: ROLE`) a country that another of its
    fillers serves: in a meeting of Erdogan's, Turkey is there through him; and a delegation
    no one is said to lead (`senders`: its state) whose state another filler serves: in "Wang
    Yi and the Chinese delegation held talks", the delegation is his."""
    senders = senders or {}
    for event in events:
        role = spec(ctx.kinds, event.kind).get("represented")
        if not role or not event.roles.get(role):
            continue
        fillers = event.roles[role]
        served = {country for v in fillers if (country := home(v)) != v}
        event.roles[role] = [
            v
            for v in fillers
            if v not in served
            and not (v in senders and any(home(w) == senders[v] for w in fillers if w != v))
        ]
        if not event.roles[role]:
            del event.roles[role]


def add_homes(events: list[Candidate], home: Callable[[URIRef], URIRef | None]) -> None:
    """Add to a role (a rule's `with_home: ROLE`) the countries its fillers serve: leaders who
    witness a signing sign for their states; or put them in the fillers' place (`as_home`):
    the next round of a dialogue is held between the states; or in an empty role (`home_of`):
    a protest note handed by a minister is sent by the minister's state."""
    for event in events:
        for role in event.attrs.pop("with_home", []):
            served = [country for v in event.roles.get(role, []) if (country := home(v)) != v]
            found = [*event.roles.get(role, []), *(c for c in served if c is not None)]
            event.roles[role] = list(dict.fromkeys(found))
        for role in event.attrs.pop("as_home", []):  # "the two sides agreed to hold the next
            found = [home(v) or v for v in event.roles.get(role, [])]  # round": their states
            event.roles[role] = list(dict.fromkeys(found))
        for pair in event.attrs.pop("home_of", []):  # "X handed a protest note": X's state's
            role, _, source = pair.partition(":")
            served = [c for v in event.roles.get(source, []) if (c := home(v)) is not None]
            if not event.roles.get(role) and served:
                event.roles[role] = list(dict.fromkeys(served))


def hosts_abroad(
    ctx: Context,
    candidates: list[Candidate],
    home: Callable[[URIRef], URIRef | None],
    titles: Callable[[URIRef], frozenset[str]] = lambda _: frozenset(),
) -> None:
    """A hosting (kinds.yaml `host_abroad`) whose every host is told travelling (`travel`
    kinds) to the country every guest serves becomes an event of `kind` of them all: "To Lam
    received Prime Minister Oyun-Erdene" on his visit to Mongolia is a meeting, not a hosting;
    so does one whose every guest holds a `resident` title (`titles`: the canonical titles an
    agent holds): "received Chinese Ambassador He Wei", an envoy posted there, no traveller."""
    travel = {k for s in ctx.kinds.values() for k in (s.get("host_abroad") or {}).get("travel", [])}
    trips = [c for c in candidates if c.kind in travel and c.happened and c.date is not None]
    for cand in candidates:
        entry = spec(ctx.kinds, cand.kind).get("host_abroad") or {}
        kind, resident = entry.get("kind"), frozenset(entry.get("resident") or ())
        hosts, guests = cand.roles.get("host", []), cand.roles.get("traveller", [])
        if not kind or not hosts or not guests:
            continue
        if resident and all(titles(g) & resident for g in guests):
            _met(cand, str(kind), hosts, guests)
            continue
        if cand.date is None:
            continue
        served = {home(g) for g in guests}
        if None in served or len(served) != 1:
            continue
        state = next(iter(served))
        away = {  # the hosts told travelling to the guests' state, staying there that day
            t
            for trip in trips
            if _stays_on(trip.date, cand.date[0])
            and state in {ctx.gazetteer.country_of(p) for p in trip.roles.get("place", [])}
            for t in trip.roles.get("traveller", [])
        }
        if all(h in away and home(h) != state for h in hosts):
            _met(cand, str(kind), hosts, guests)


def _met(cand: Candidate, kind: str, hosts: list[URIRef], guests: list[URIRef]) -> None:
    """Make a hosting an event of another kind whose participants are its hosts and guests."""
    cand.kind = kind
    cand.roles["participant"] = list(dict.fromkeys([*hosts, *guests]))
    del cand.roles["host"], cand.roles["traveller"]


STAY_REACH = 14  # days after a stay began within which its traveller's doings there belong to it


def _stays_on(stay: tuple[date, date | None], day: date) -> bool:
    """Whether a stay that began on a day (an arrival's), or lasted these days, went on on a
    day."""
    end = stay[1] if stay[1] is not None and stay[1] > stay[0] else None
    return stay[0] <= day <= (end or stay[0] + timedelta(STAY_REACH))


def join_one_side(
    candidates: list[Candidate], home: Callable[[URIRef], URIRef | None]
) -> list[Candidate]:
    """Join again the events one match made one per person when the people all serve one state
    that the other parties do not: "Kamikawa and Kihara met Teodoro and Manalo" is one meeting
    with the Philippines' two, "met the presidents of Kazakhstan and Uzbekistan" one with each."""
    groups: dict[tuple[int, str, str], list[Candidate]] = {}
    for cand in candidates:
        for role in cand.attrs.pop("split_from", []):
            groups.setdefault((id(cand.attest), cand.kind, role), []).append(cand)
    gone: set[int] = set()
    for (_, _, role), made in groups.items():
        split = [cand.roles[role][-1] for cand in made]
        states = {home(v) for v in split}
        rest = {
            home(v) for r, vs in made[0].roles.items() if r != "place" for v in vs if v not in split
        }
        if len(made) < 2 or len(states) != 1 or None in states or states <= rest:
            continue
        made[0].roles[role] = list(dict.fromkeys([*made[0].roles[role], *split]))
        gone.update(id(c) for c in made[1:])
    return [c for c in candidates if id(c) not in gone]


def drop_headline_echoes(ctx: Context, events: list[Event], headline: int | None) -> list[Event]:
    """Drop an event attested in the headline only when the story reports it: a speech act
    (kinds.yaml `statement: true`) when the story has one of the same kind by the same speaker
    ("Qatar says ..." over "..., Qatar said on Wednesday"), any other event when the story has
    one of its family ("Poland, Ukraine sign deals" over "the ministers signed a memorandum":
    the headline names the parties more loosely than the story, which tells the event)."""
    if headline is None:
        return events

    def said(event: Event) -> tuple[str, frozenset[URIRef]]:
        return event.kind, ctx.normal(event.roles.get("agent", []))

    def headline_only(event: Event) -> bool:
        return all(a.sentence.number == headline for a in event.attests)

    statements = [e for e in events if spec(ctx.kinds, e.kind).get("statement")]
    told = {said(e) for e in statements if not headline_only(e)}
    acts = {ctx.family(e.kind) for e in events if e not in statements and not headline_only(e)}

    def echo(event: Event) -> bool:
        if not headline_only(event):
            return False
        return said(event) in told if event in statements else ctx.family(event.kind) in acts

    return [e for e in events if not echo(e)]


def drop_generic(ctx: Context, events: list[Event]) -> list[Event]:
    """Drop a generic event (kinds.yaml `generic: true`) where a narrower speech act of the same
    agent is attested in one of its sentences, not by a verb phrase joined to an earlier one
    ("Traore said ... and accused Western powers of ...": two acts, a statement and an
    accusation)."""
    narrower = [
        (e, {m.attest.sentence.number for m in e.members if not m.joined})
        for e in events
        if spec(ctx.kinds, e.kind).get("statement") and not spec(ctx.kinds, e.kind).get("generic")
    ]
    kept = []
    for event in events:
        if spec(ctx.kinds, event.kind).get("generic"):
            sentences = {a.sentence.number for a in event.attests}
            agents = ctx.normal(event.roles.get("agent", []))
            if any(
                told & sentences and (ctx.normal(other.roles.get("agent", [])) & agents)
                for other, told in narrower
            ):
                continue
        kept.append(event)
    return kept
