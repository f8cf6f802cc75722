"""The frame stage (mappings/rules/frames.yaml, src/diplograph/extract/frames.py): events from a
trigger verb and the entities in its slots, where no pattern rule matched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph

from diplograph.extract import extract_article
from diplograph.extract.clean import article_from_text
from diplograph.namespaces import DIP, ID


def extract(text: str, layer) -> Graph:
    """The rule layer of one text dated 3 December 2024 (a Tuesday)."""
    rules, gazetteer = layer
    article = article_from_text(Path("t.txt"), text, date(2024, 12, 3), rules)
    return extract_article(article, rules, gazetteer)


def events(graph: Graph) -> list[tuple[str, dict[str, list[str]]]]:
    """Every event as (kind, role -> sorted id paths), sorted (position holdings are no event)."""
    found = []
    for node in set(graph.objects(None, DIP.attests)):
        kind = str(graph.value(node, RDF.type)).split("#")[-1]
        if kind == "PositionHolding":
            continue
        roles = {}
        for role in (
            *("agent", "target", "participant", "traveller", "host", "place"),
            *("sender", "carrier", "recipient", "inviter", "invitee"),
        ):
            values = sorted(str(o).removeprefix(str(ID)) for o in graph.objects(node, DIP[role]))
            if values:
                roles[role] = values
        found.append((kind, roles))
    return sorted(found, key=repr)


PEOPLE = (
    "Ethiopian Prime Minister Abiy Ahmed met Somali President Hassan Sheikh Mohamud and "
    "Kenyan President William Ruto in Nairobi on Monday. "
)
ABIY, HASSAN, RUTO = "person/abiy-ahmed", "person/hassan-sheikh-mohamud", "person/william-ruto"
NAIROBI = ["city/nairobi"]
MET_HASSAN = ("Meeting", {"participant": [ABIY, HASSAN], "place": NAIROBI})
MET_RUTO = ("Meeting", {"participant": [ABIY, RUTO], "place": NAIROBI})
# an undated signing of two who met that day took place where they met
SIGNED_HASSAN = ("AgreementSigning", {"participant": [ABIY, HASSAN], "place": NAIROBI})
SIGNED_RUTO = ("AgreementSigning", {"participant": [ABIY, RUTO], "place": NAIROBI})


def of_kind(text: str, kind: str, layer) -> list[tuple[str, dict[str, list[str]]]]:
    """The events of one kind in the rule layer of a text."""
    return [e for e in events(extract(text, layer)) if e[0] == kind]


def found(text: str, layer) -> list[tuple[str, dict[str, list[str]]]]:
    """The events (no position holdings) of the two people's sentence and a text."""
    return [e for e in events(extract(PEOPLE + text, layer)) if e[0] != "PositionHolding"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Abiy Ahmed and Hassan Sheikh Mohamud signed a memorandum of understanding in "
            "Addis Ababa on Jan. 1.",
            [
                (
                    "AgreementSigning",
                    {"participant": [ABIY, HASSAN], "place": ["city/addis-ababa"]},
                ),
                MET_HASSAN,
                MET_RUTO,
            ],
        ),
        (  # the passive: the subject is the traveller, the agent after "by" the host
            "Hassan Sheikh Mohamud was received by Abiy Ahmed at the airport.",
            [("Hosting", {"traveller": [HASSAN], "host": [ABIY]}), MET_HASSAN, MET_RUTO],
        ),
        (  # talks with the same two people: the meeting, now called talks
            "Ruto also discussed regional security with Abiy Ahmed.",
            [MET_HASSAN, ("Talks", {"participant": [ABIY, RUTO], "place": NAIROBI})],
        ),
        (  # frames only: a tour, a phone call, a wreath (no pattern rule matches these)
            "Abiy later toured Mombasa.",
            [
                MET_HASSAN,
                MET_RUTO,
                (
                    "Visit",
                    {"traveller": [ABIY], "host": ["country/kenya"], "place": ["city/mombasa"]},
                ),
            ],
        ),
        # Kenya's president touring Mombasa travels in his own country: no visit abroad
        ("Ruto later toured Mombasa.", [MET_HASSAN, MET_RUTO]),
        (
            "Hassan Sheikh Mohamud also discussed the port deal with Ruto by phone on Friday.",
            [MET_HASSAN, MET_RUTO, ("Talks", {"participant": [HASSAN, RUTO]})],
        ),
        (
            "The Kenyan president laid a floral offering at the Uhuru Gardens Memorial.",
            [
                ("Ceremony", {"participant": [RUTO], "place": ["place/uhuru-gardens-memorial"]}),
                MET_HASSAN,
                MET_RUTO,
            ],
        ),
        (  # nouns: the subject of the clause ("who is on an official visit"), a possessor;
            # the meeting in Mombasa is another than the one in Nairobi (events._elsewhere)
            "Abiy Ahmed, who is on an official visit to Kenya, also met Ruto in Mombasa.",
            [
                MET_HASSAN,
                ("Meeting", {"participant": [ABIY, RUTO], "place": ["city/mombasa"]}),
                MET_RUTO,
                (
                    "Visit",
                    {"traveller": [ABIY], "host": ["country/kenya"], "place": ["country/kenya"]},
                ),
            ],
        ),
        (
            "Ruto welcomed Hassan Sheikh Mohamud on his three-day visit to Kenya.",
            [
                ("Hosting", {"traveller": [HASSAN], "host": [RUTO]}),
                MET_HASSAN,
                MET_RUTO,
                (
                    "Visit",
                    {"traveller": [HASSAN], "host": ["country/kenya"], "place": ["country/kenya"]},
                ),
            ],
        ),
        (  # a speaker is no party of the talks he speaks of
            "The talks in Nairobi were useful, Ruto said.",
            [MET_HASSAN, MET_RUTO, ("Statement", {"agent": [RUTO]})],
        ),
        (
            "Ruto thanked Abiy Ahmed during the meeting.",  # the one thanked: the target
            [MET_HASSAN, MET_RUTO, ("Statement", {"agent": [RUTO], "target": [ABIY]})],
        ),
        ("Abiy Ahmed signed the order with Ruto.", [MET_HASSAN, MET_RUTO]),  # no document
        (  # "to visit" is the invitation's content, not a second visit by a frame
            "Ruto invited Abiy Ahmed to visit Kenya.",
            [  # made where the two met
                ("Invitation", {"inviter": [RUTO], "invitee": [ABIY], "place": NAIROBI}),
                MET_HASSAN,
                MET_RUTO,
                (
                    "Visit",
                    {"traveller": [ABIY], "host": ["country/kenya"], "place": ["country/kenya"]},
                ),
            ],
        ),
    ],
)
def test_a_frame_fills_its_slots_and_fires_on_verbs_only(text, expected, layer):
    assert found(text, layer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya imposed sanctions on Somalia on Friday.",
            ("SanctionImposition", {"agent": ["country/kenya"], "target": ["country/somalia"]}),
        ),
        (
            "Ethiopia would provide Kenya with coastal surveillance radars.",
            ("MilitaryAid", {"agent": ["country/ethiopia"], "target": ["country/kenya"]}),
        ),
        (
            "Kenya was expelling Somalia's military advisers.",
            ("DiplomatExpulsion", {"agent": ["country/kenya"], "target": ["country/somalia"]}),
        ),
        (
            "Kenya and Ethiopia will hold joint naval exercises in the Indian Ocean.",
            ("MilitaryExercise", {"agent": ["country/ethiopia", "country/kenya"]}),
        ),
    ],
)
def test_frames_with_markers_and_required_nouns(text, expected, layer):
    assert found(text, layer) == sorted([MET_HASSAN, MET_RUTO, expected], key=repr)


@pytest.mark.parametrize(
    "text",
    [
        "During his two-day visit to Kenya, Abiy Ahmed met William Ruto.",
        "Abiy Ahmed met William Ruto in Nairobi on Monday, during his three-day visit to Kenya.",
    ],
)
def test_a_possessive_before_a_number_makes_the_visit_a_noun(text, layer):
    """frames._determiner: "his two-day visit": the possessive, not the number word, is the
    noun's determiner, so the visit is of the person it names (Abiy Ahmed), as "a two-day
    visit" is of the clause's subject."""
    visits = of_kind(text, "Visit", layer)
    assert [(k, r["traveller"], r["host"]) for k, r in visits] == [
        ("Visit", [ABIY], ["country/kenya"])
    ]


def test_a_supply_frame_needs_military_goods(layer):
    kinds = [kind for kind, _ in found("Ethiopia would provide Kenya with advice.", layer)]
    assert kinds == ["Meeting", "Meeting"]


@pytest.mark.parametrize("call", ["during a telephone conversation", "in a phone call"])
def test_what_a_call_discussed_is_no_party_of_it(call, layer):
    text = (
        "President Recep Tayyip Erdogan and Russian President Vladimir Putin discussed Syria "
        f"and Ukraine {call} on Monday, the Turkish presidency said."
    )
    talks = [roles["participant"] for _, roles in of_kind(text, "Talks", layer)]
    assert talks == [["person/recep-tayyip-erdogan", "person/vladimir-putin"]]


def test_a_call_on_states_to_act_is_an_appeal_and_a_call_to_discuss_a_visit(layer):
    text = (
        "Brazilian President Luiz Inacio Lula da Silva ended his visit on Saturday with a call "
        "on Washington and Brussels to work for peace."
    )
    assert of_kind(text, "Meeting", layer) == []
    text = (
        "External Affairs Minister S Jaishankar paid a courtesy call on President Anura Kumara "
        "Dissanayake to discuss bilateral ties."
    )
    parties = [
        r["participant"] for k, r in events(extract(text, layer)) if k in ("Meeting", "Talks")
    ]
    assert parties == [["person/anura-kumara-dissanayake", "person/s-jaishankar"]]


@pytest.mark.parametrize(
    ("words", "latest"),
    [("a three-day state visit", "2024-12-04"), ("a 2-day working visit", "2024-12-03")],
)
def test_a_visit_of_n_days_ends_n_minus_one_days_after_it_began(words, latest, layer):
    graph = extract(f"{PEOPLE}Ruto arrived in Addis Ababa on Monday on {words}.", layer)
    visit = next(graph.subjects(RDF.type, DIP.Visit))
    assert str(graph.value(visit, DIP.earliestDate)) == "2024-12-02"
    assert str(graph.value(visit, DIP.latestDate)) == latest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "and his ... counterpart": a possessive before the second party
            "Abiy Ahmed and his Somali counterpart Hassan Sheikh Mohamud signed a treaty.",
            [SIGNED_HASSAN, MET_HASSAN, MET_RUTO],
        ),
        (  # a capitalised word the layer does not know before the second party's title
            "Ruto and Somaliland leader Muse Bihi Abdi signed a memorandum of understanding.",
            [
                ("AgreementSigning", {"participant": ["person/muse-bihi-abdi", RUTO]}),
                MET_HASSAN,
                MET_RUTO,
            ],
        ),
        (  # the owner of a title is no party: its holder is ("and Ethiopia's Prime Minister")
            "Hassan Sheikh Mohamud and Ethiopia's Prime Minister Abiy Ahmed signed a treaty.",
            [SIGNED_HASSAN, MET_HASSAN, MET_RUTO],
        ),
        (  # a date set off by commas between the subject and its verb
            "Ruto today, 3 December 2024, hosted Hassan Sheikh Mohamud at State House.",
            [
                (
                    "Hosting",
                    {"traveller": [HASSAN], "host": [RUTO], "place": ["place/state-house"]},
                ),
                MET_HASSAN,
                MET_RUTO,
            ],
        ),
        (  # an adjective and a bare title before the name of the holder ("by the outgoing ...")
            "Hassan Sheikh Mohamud was received by the outgoing foreign minister, Musalia "
            "Mudavadi.",
            [
                ("Hosting", {"traveller": [HASSAN], "host": ["person/musalia-mudavadi"]}),
                MET_HASSAN,
                MET_RUTO,
            ],
        ),
        (  # a noun carried by a support verb: "will pay a state visit", "has wrapped up a trip"
            "Ruto will pay a state visit to Ethiopia.",
            [
                MET_HASSAN,
                MET_RUTO,
                (
                    "Visit",
                    {
                        "traveller": [RUTO],
                        "host": ["country/ethiopia"],
                        "place": ["country/ethiopia"],
                    },
                ),
            ],
        ),
        (
            "Abiy Ahmed has wrapped up a three-day trip to Somalia.",
            [
                MET_HASSAN,
                MET_RUTO,
                (
                    "Visit",
                    {
                        "traveller": [ABIY],
                        "host": ["country/somalia"],
                        "place": ["country/somalia"],
                    },
                ),
            ],
        ),
    ],
)
def test_slots_read_across_modifiers_owners_dates_and_support_verbs(text, expected, layer):
    """The second party after "and his", an unknown word or an owner's "'s"; a subject across a
    date between commas; the subject of a noun across the verb that carries it."""
    assert found(text, layer) == expected


HASSAN_RUTO = ("Talks", {"participant": [HASSAN, RUTO]})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ruto sat down with Hassan Sheikh Mohamud in Mombasa.",
            [
                MET_HASSAN,
                MET_RUTO,
                ("Meeting", {"participant": [HASSAN, RUTO], "place": ["city/mombasa"]}),
            ],
        ),
        ("Ruto called Hassan Sheikh Mohamud on Friday.", [MET_HASSAN, MET_RUTO, HASSAN_RUTO]),
        ("Ruto held a phone call with Hassan Sheikh Mohamud.", [MET_HASSAN, MET_RUTO, HASSAN_RUTO]),
        ("Ruto called Hassan Sheikh Mohamud a friend.", [MET_HASSAN, MET_RUTO]),  # not a call
        (  # not a call: an appeal, a speech act
            "Ruto called for calm.",
            [MET_HASSAN, MET_RUTO, ("Statement", {"agent": [RUTO]})],
        ),
        (
            "Ruto received a letter from Hassan Sheikh Mohamud.",
            [("LetterDelivery", {"sender": [HASSAN], "recipient": [RUTO]}), MET_HASSAN, MET_RUTO],
        ),
        (
            "Abiy Ahmed delivered a message from Hassan Sheikh Mohamud to Ruto.",
            [
                (
                    "LetterDelivery",
                    {"sender": [HASSAN], "carrier": [ABIY], "recipient": [RUTO]},
                ),
                MET_HASSAN,
                MET_RUTO,
            ],
        ),
        (  # a name with a hyphened particle; a name at the sentence start before "will"
            "Ruto sent a letter to Abdel Fattah al-Sisi.",
            [
                (
                    "LetterDelivery",
                    {"sender": [RUTO], "recipient": ["person/abdel-fattah-al-sisi"]},
                ),
                MET_HASSAN,
                MET_RUTO,
            ],
        ),
        (
            "Yoweri Museveni will travel to Nairobi.",
            [
                MET_HASSAN,
                MET_RUTO,
                (
                    "Visit",
                    {
                        "traveller": ["person/yoweri-museveni"],
                        "host": ["country/kenya"],
                        "place": NAIROBI,
                    },
                ),
            ],
        ),
    ],
)
def test_calls_letters_and_sitting_down(text, expected, layer):
    """A call with a person right after the verb or "a phone call with"; a letter carried,
    sent or received; "sat down with"."""
    assert found(text, layer) == expected


HASSAN_MEETS_RUTO = ("Meeting", {"participant": [HASSAN, RUTO]})
MUSEVENI = ("Meeting", {"participant": [RUTO, "person/yoweri-museveni"], "place": ["city/kampala"]})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ruto departed for Ethiopia on Friday.",
            [
                MET_HASSAN,
                MET_RUTO,
                (
                    "Visit",
                    {
                        "traveller": [RUTO],
                        "host": ["country/ethiopia"],
                        "place": ["country/ethiopia"],
                    },
                ),
            ],
        ),
        ("Ruto left the talks early.", [MET_HASSAN, MET_RUTO]),  # requires_place
        ("Ruto shook hands with Hassan Sheikh Mohamud.", [MET_HASSAN, MET_RUTO, HASSAN_MEETS_RUTO]),
        (  # "meeting" (lemma "meet") triggers the noun frame by its own form
            "Ruto will co-chair the meeting with Hassan Sheikh Mohamud.",
            [MET_HASSAN, MET_RUTO, HASSAN_MEETS_RUTO],
        ),
        (  # a place after "to" is no subject of "to meet"
            "Hassan Sheikh Mohamud travelled to Nairobi to meet Ruto.",
            [
                MET_HASSAN,
                MET_RUTO,
                ("Meeting", {"participant": [HASSAN, RUTO], "place": NAIROBI}),
                (
                    "Visit",
                    {"traveller": [HASSAN], "host": ["country/kenya"], "place": NAIROBI},
                ),
            ],
        ),
        (
            "The president of Uganda, Yoweri Museveni, met Ruto in Kampala.",
            [MET_HASSAN, MET_RUTO, MUSEVENI],
        ),
        (
            "Uganda's president, Yoweri Museveni, met Ruto in Kampala.",
            [MET_HASSAN, MET_RUTO, MUSEVENI],
        ),
    ],
)
def test_departures_handshakes_meeting_nouns_infinitives_and_apposed_names(text, expected, layer):
    """ "departed for X" (never "left the talks"); "shook hands with"; "the meeting with";
    the subject of "to meet" is no place a preposition governs; "the president of X, NAME,"."""
    assert found(text, layer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the passive of "accord": the one welcomed is the participant; its host the one
            # he met that day (rule key `late_defaults`)
            "Hassan Sheikh Mohamud was accorded a ceremonial welcome at State House.",
            [
                (
                    "Ceremony",
                    {"host": [ABIY], "participant": [HASSAN], "place": ["place/state-house"]},
                ),
                MET_HASSAN,
                MET_RUTO,
            ],
        ),
        (  # "received a warm welcome" is no ceremony
            "Hassan Sheikh Mohamud received a warm welcome in Mombasa.",
            [MET_HASSAN, MET_RUTO],
        ),
        (
            "A welcoming ceremony was held for Hassan Sheikh Mohamud at State House.",
            [
                (
                    "Ceremony",
                    {"host": [ABIY], "participant": [HASSAN], "place": ["place/state-house"]},
                ),
                MET_HASSAN,
                MET_RUTO,
            ],
        ),
        (  # "a tour of" names the places toured, not who toured
            "Ruto embarked on a tour of Somalia and Ethiopia.",
            [  # a visit to each country, each its own host
                MET_HASSAN,
                MET_RUTO,
                *(
                    ("Visit", {"traveller": [RUTO], "host": [c], "place": [c]})
                    for c in ("country/ethiopia", "country/somalia")
                ),
            ],
        ),
        (
            "Kenya ordered two Somali diplomats to leave the country.",
            [
                ("DiplomatExpulsion", {"agent": ["country/kenya"], "target": ["country/somalia"]}),
                MET_HASSAN,
                MET_RUTO,
            ],
        ),
        (
            "Kenya summoned Somali Ambassador Abdi Farah Nur on Friday.",
            [
                ("Meeting", {"participant": ["country/kenya", "person/abdi-farah-nur"]}),
                MET_HASSAN,
                MET_RUTO,
            ],
        ),
    ],
)
def test_welcomes_ceremonies_tours_expulsions_and_summons(text, expected, layer):
    """ "was accorded a ceremonial welcome"; "a ceremony was held for X"; "a tour of X and Y";
    "ordered ... diplomats to leave"; "summoned Ambassador X" (a meeting, as annotated)."""
    assert found(text, layer) == expected


def test_a_welcome_is_hosted_by_those_who_received_the_guest_in_its_sentence(layer):
    text = (
        "Hassan Sheikh Mohamud was accorded a ceremonial welcome at State House, where he was "
        "received by Kenyan President William Ruto."
    )
    ceremonies = [r for kind, r in found(text, layer) if kind == "Ceremony"]
    assert [(r["host"], r["participant"]) for r in ceremonies] == [([RUTO], [HASSAN])]


def test_a_negotiated_end_is_no_talks(layer):
    text = (
        "Brazilian President Luiz Inacio Lula da Silva ended his visit with a call on Washington "
        "and Brussels to work for a negotiated end to the war."
    )
    assert of_kind(text, "Talks", layer) == []
    text = "Vladimir Putin and Xi Jinping on Friday discussed the situation in Ukraine."
    assert [r["participant"] for _, r in of_kind(text, "Talks", layer)] == [
        ["person/vladimir-putin", "person/xi-jinping"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the invitee of "at the invitation of" is the one whose visit the sentence tells
            "Ruto is visiting Mogadishu at the invitation of Hassan Sheikh Mohamud.",
            [
                ("Invitation", {"inviter": [HASSAN], "invitee": [RUTO]}),
                MET_HASSAN,
                MET_RUTO,
                (
                    "Visit",
                    {
                        "traveller": [RUTO],
                        "host": ["country/somalia"],
                        "place": ["city/mogadishu"],
                    },
                ),
            ],
        ),
        (
            "Ruto received an invitation from Hassan Sheikh Mohamud to visit Mogadishu.",
            [
                ("Invitation", {"inviter": [HASSAN], "invitee": [RUTO]}),
                MET_HASSAN,
                MET_RUTO,
                (
                    "Visit",
                    {
                        "traveller": [RUTO],
                        "host": ["country/somalia"],
                        "place": ["city/mogadishu"],
                    },
                ),
            ],
        ),
        (
            "Ruto thanked Hassan Sheikh Mohamud for the invitation.",
            [
                ("Invitation", {"inviter": [HASSAN], "invitee": [RUTO]}),
                MET_HASSAN,
                MET_RUTO,
                ("Statement", {"agent": [RUTO], "target": [HASSAN]}),
            ],
        ),
        (  # the possessor of the invitation is the inviter, not a traveller
            "Ruto accepted Hassan Sheikh Mohamud's invitation to visit Mogadishu.",
            [
                ("Invitation", {"inviter": [HASSAN], "invitee": [RUTO]}),
                ("InvitationAcceptance", {"agent": [RUTO], "target": [HASSAN]}),
                MET_HASSAN,
                MET_RUTO,
                (
                    "Visit",
                    {
                        "traveller": [RUTO],
                        "host": ["country/somalia"],
                        "place": ["city/mogadishu"],
                    },
                ),
            ],
        ),
    ],
)
def test_invitations_received_thanked_for_accepted_and_visits_at_an_invitation(
    text, expected, layer
):
    """Who invited whom, from "at the invitation of", "received an invitation from", "thanked X
    for the invitation" and "accepted X's invitation"."""
    assert found(text, layer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the opening phrase's talks are the main subject's
            "After talks with Hassan Sheikh Mohamud in Mogadishu, Ruto said the port deal was "
            "fair.",
            [
                MET_HASSAN,
                MET_RUTO,
                ("Statement", {"agent": [RUTO]}),
                ("Talks", {"participant": [HASSAN, RUTO], "place": ["city/mogadishu"]}),
            ],
        ),
        (  # "the meeting" is one told before, not a new one of the main subject's
            "Following the meeting, Ruto and Hassan Sheikh Mohamud signed a treaty.",
            [("AgreementSigning", {"participant": [HASSAN, RUTO]}), MET_HASSAN, MET_RUTO],
        ),
    ],
)
def test_an_event_noun_opening_the_sentence_is_the_main_subjects(text, expected, layer):
    """ "After talks with X, Y said": Y held the talks; a determiner ("the meeting") blocks it."""
    assert found(text, layer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya agreed a package of sanctions against Somalia.",
            [
                MET_HASSAN,
                MET_RUTO,
                ("SanctionImposition", {"agent": ["country/kenya"], "target": ["country/somalia"]}),
            ],
        ),
        (
            "Kenya blacklisted the Wagner Group on Tuesday.",
            [
                MET_HASSAN,
                MET_RUTO,
                (
                    "SanctionImposition",
                    {"agent": ["country/kenya"], "target": ["org/wagner-group"]},
                ),
            ],
        ),
        ("Kenya blacklisted thousands of websites.", [MET_HASSAN, MET_RUTO]),
    ],
)
def test_sanctions_agreed_and_blacklists(text, expected, layer):
    """ "agreed a package of sanctions against X"; "blacklisted X" (an entity, not a thing)."""
    assert found(text, layer) == expected


def test_a_letter_to_two_people_is_two_deliveries(layer):
    """A letter delivery has one recipient (dsh:LetterDeliveryShape): "to A and B" makes one
    delivery each (kinds.yaml `distribute: recipient`)."""
    text = "Abiy Ahmed delivered a message from Hassan Sheikh Mohamud to Ruto and Yoweri Museveni."
    letters = [e for e in found(text, layer) if e[0] == "LetterDelivery"]
    assert letters == [
        (
            "LetterDelivery",
            {"sender": [HASSAN], "carrier": [ABIY], "recipient": [recipient]},
        )
        for recipient in (RUTO, "person/yoweri-museveni")
    ]


def test_a_letter_handed_over_by_two_envoys_is_one_delivery_by_each(layer):
    """At most one carrier per delivery (dsh:LetterDeliveryShape): two envoys handing a letter to
    two people make four deliveries (kinds.yaml `distribute: [recipient, carrier]`), and the
    rule layer conforms (a property test found two carriers on one node)."""
    text = (
        "UAE envoys Anwar Gargash and Khaldoon Al Mubarak handed a letter from US President "
        "Donald Trump to Iranian Foreign Minister Abbas Araghchi and Iranian President Masoud "
        "Pezeshkian."
    )
    letters = of_kind(text, "LetterDelivery", layer)
    assert letters == sorted(
        (
            (
                "LetterDelivery",
                {"sender": ["person/donald-trump"], "carrier": [carrier], "recipient": [recipient]},
            )
            for carrier in ("person/anwar-gargash", "person/khaldoon-al-mubarak")
            for recipient in ("person/abbas-araghchi", "person/masoud-pezeshkian")
        ),
        key=repr,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the passive: the document before "was signed", the parties after "by"
            "The memorandum was signed by Abiy Ahmed and William Ruto in Nairobi.",
            [
                MET_HASSAN,
                MET_RUTO,
                ("AgreementSigning", {"participant": [ABIY, RUTO], "place": NAIROBI}),
            ],
        ),
        (  # adopting a declaration is signing it
            "Abiy Ahmed and William Ruto adopted a joint declaration on trade.",
            [MET_HASSAN, MET_RUTO, SIGNED_RUTO],
        ),
        (  # agreeing to a truce is an agreement; agreeing that ... is none
            "Abiy Ahmed and William Ruto agreed to a ceasefire. "
            "Abiy Ahmed and William Ruto agreed that talks would go on.",
            [MET_HASSAN, MET_RUTO, SIGNED_RUTO],
        ),
        (  # a discourse phrase between commas does not cut the subject from its verb
            "Ruto, for his part, met Hassan Sheikh Mohamud in Mombasa.",
            [
                MET_HASSAN,
                MET_RUTO,
                ("Meeting", {"participant": [HASSAN, RUTO], "place": ["city/mombasa"]}),
            ],
        ),
        (  # a description set off after the subject ("a close ally of X") is read past
            "Ruto, a close ally of Somalia, met Hassan Sheikh Mohamud in Mombasa.",
            [
                MET_HASSAN,
                MET_RUTO,
                ("Meeting", {"participant": [HASSAN, RUTO], "place": ["city/mombasa"]}),
            ],
        ),
        (  # "received ... for talks": the talks are between those of the reception
            "Ruto was received by Abiy Ahmed at the palace for talks.",
            [  # one event with the earlier meeting of the same two in the same place
                MET_HASSAN,
                ("Hosting", {"host": [ABIY], "traveller": [RUTO]}),
                ("Talks", {"participant": [ABIY, RUTO], "place": NAIROBI}),
            ],
        ),
    ],
)
def test_signing_in_the_passive_plural_titles_asides_and_purpose(text, expected, layer):
    """Signing read in the passive and from "adopted"/"agreed to"; "the ministers" resolved to
    the titled people; asides skipped; "for talks" makes talks of the event before it."""
    assert found(text, layer) == sorted(expected, key=repr)


def test_a_title_keeps_honorifics_and_a_name_particle(layer):
    """A title before honorifics and a long name with "bin" names one new person."""
    text = "President His Highness Sheikh Mohamed bin Zayed Al Nahyan met Abiy Ahmed in Abu Dhabi."
    met = [e for e in found(text, layer) if e not in (MET_HASSAN, MET_RUTO)]
    assert met == [
        (
            "Meeting",
            {
                "participant": [ABIY, "person/mohamed-bin-zayed-al-nahyan"],
                "place": ["city/abu-dhabi"],
            },
        )
    ]


def test_the_ministers_are_the_people_named_with_that_title(layer):
    """ "The ministers" are every person the article named with a title of that word."""
    text = (
        "Foreign Minister Ana Pereira hosted Foreign Minister Jonas Berg in Oslo. "
        "The ministers signed a declaration on fisheries."
    )
    pereira, berg = "person/ana-pereira", "person/jonas-berg"
    assert events(extract(text, layer)) == [  # where the two met that day
        ("AgreementSigning", {"participant": [pereira, berg], "place": ["city/oslo"]}),
        ("Hosting", {"host": [pereira], "place": ["city/oslo"], "traveller": [berg]}),
    ]


def test_the_foreign_ministers_leave_out_the_prime_minister(layer):
    """A word before the head ("foreign") must be in the title of each person referred to."""
    text = (
        "Prime Minister Jonas Moe hosted Foreign Minister Ana Pereira and Foreign Minister "
        "Jonas Berg in Oslo. The foreign ministers signed a declaration on fisheries."
    )
    signing = [e for e in events(extract(text, layer)) if e[0] == "AgreementSigning"]
    assert signing == [
        (
            "AgreementSigning",
            {"participant": ["person/ana-pereira", "person/jonas-berg"], "place": ["city/oslo"]},
        )
    ]


def test_witnessing_the_signing_of_agreements_is_a_signing(layer):
    """The subject of "witnessed the signing of N agreements" signed them; a noun "exchange"
    of no document is no signing."""
    text = (
        "Prime Minister Jonas Moe and President Ana Pereira witnessed the signing of 13 "
        "agreements in Oslo. The exchange of prisoners took place on Monday."
    )
    assert events(extract(text, layer)) == [
        (
            "AgreementSigning",
            {"participant": ["person/ana-pereira", "person/jonas-moe"], "place": ["city/oslo"]},
        )
    ]


def test_a_courtesy_call_on_someone_is_a_meeting_and_jr_is_no_surname(layer):
    """ "Paid a courtesy call on X" is a meeting; "Marcos" after "Ferdinand Marcos Jr." is he."""
    text = (
        "President Ferdinand Marcos Jr. arrived in Manila on Monday. Foreign Minister Yoko "
        "Kamikawa paid a courtesy call on Marcos."
    )
    meetings = [e for e in events(extract(text, layer)) if e[0] == "Meeting"]
    assert meetings == [
        (
            "Meeting",
            {
                "participant": ["person/ferdinand-marcos-jr", "person/yoko-kamikawa"],
                "place": ["city/manila"],
            },
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Foreign Minister Takeshi Iwaya is currently in Beijing.",
            [
                (
                    "Visit",
                    {
                        "host": ["country/china"],
                        "place": ["city/beijing"],
                        "traveller": ["person/takeshi-iwaya"],
                    },
                )
            ],
        ),
        ("Foreign Minister Takeshi Iwaya is ready to sign the deal in Beijing.", []),
    ],
)
def test_being_in_a_place_is_a_stay_there(text, expected, layer):
    """ "X is (currently) in Beijing" is a visit; a place later in the clause is none."""
    assert events(extract(text, layer)) == expected


def test_the_saudi_and_iranian_foreign_ministers_are_the_two_named_before(layer):
    """ "The Saudi and Iranian foreign ministers": for each nationality, the person named with
    a foreign minister's title of that country."""
    text = (
        "Saudi Foreign Minister Prince Faisal bin Farhan and Iranian Foreign Minister Hossein "
        "Amir-Abdollahian arrived in Beijing on Wednesday. The Saudi and Iranian foreign "
        "ministers met on Thursday."
    )
    meetings = [e for e in events(extract(text, layer)) if e[0] == "Meeting"]
    assert meetings == [
        (
            "Meeting",
            {
                "participant": [
                    "person/faisal-bin-farhan-al-saud",
                    "person/hossein-amir-abdollahian",
                ],
                "place": ["city/beijing"],
            },
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Hakan Fidan held bilateral meetings with Foreign Minister Jeyhun "
        "Bayramov and Foreign Minister Ilia Darchiashvili.",
        "Foreign Minister Hakan Fidan and EU envoy Miroslav Lajcak met Foreign Minister Jeyhun "
        "Bayramov and Foreign Minister Ilia Darchiashvili separately in Antalya.",
    ],
)
def test_meetings_held_one_by_one_are_one_meeting_with_each(text, layer):
    """ "Bilateral meetings with A and B" and "met A and B separately": a meeting with each."""
    graph = extract(text, layer)
    found = [sorted(roles["participant"]) for kind, roles in events(graph) if kind == "Meeting"]
    with_each = [
        sorted(p for p in ps if p not in ("person/hakan-fidan", "person/miroslav-lajcak"))
        for ps in found
    ]
    assert with_each == [["person/ilia-darchiashvili"], ["person/jeyhun-bayramov"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the two people met serve one state the others do not: one meeting of four
            "Japanese Foreign Minister Yoko Kamikawa and Defense Minister Minoru Kihara met "
            "Philippine Defense Secretary Gilberto Teodoro and Foreign Affairs Secretary Enrique "
            "Manalo in Manila on Monday.",
            [
                [
                    "person/enrique-manalo",
                    "person/gilberto-teodoro",
                    "person/minoru-kihara",
                    "person/yoko-kamikawa",
                ]
            ],
        ),
        (  # "together": one meeting, whatever states they serve
            "Chinese Foreign Minister Qin Gang met Saudi Foreign Minister Prince Faisal bin "
            "Farhan and Iranian Foreign Minister Hossein Amir-Abdollahian together on Thursday.",
            [
                [
                    "person/faisal-bin-farhan-al-saud",
                    "person/hossein-amir-abdollahian",
                    "person/qin-gang",
                ]
            ],
        ),
        (  # guard: the presidents of two states met are two meetings, as before
            "German Chancellor Olaf Scholz met Kazakh President Kassym-Jomart Tokayev and Uzbek "
            "President Shavkat Mirziyoyev in Astana on Tuesday.",
            [
                ["person/kassym-jomart-tokayev", "person/olaf-scholz"],
                ["person/olaf-scholz", "person/shavkat-mirziyoyev"],
            ],
        ),
    ],
)
def test_people_met_who_serve_one_state_are_met_at_one_meeting(text, expected, layer):
    """ "A met B and C": one meeting with each, unless B and C serve one state that A does not
    (a delegation met) or the clause says "together"."""
    graph = extract(text, layer)
    found = [sorted(roles["participant"]) for kind, roles in events(graph) if kind == "Meeting"]
    assert sorted(found) == expected


def test_the_person_met_before_and_holds_no_talks_of_the_next_verb(layer):
    """ "X met A and held talks with B": A is the object of "met", so the talks are X's with
    B (the subject pattern of `talks.noun` had read "A and held talks")."""
    text = (
        "Indian External Affairs Minister S Jaishankar arrived in Colombo on Friday. The "
        "External Affairs Minister also met Prime Minister Harini Amarasuriya and held "
        "delegation-level talks with Foreign Minister Vijitha Herath."
    )
    found = events(extract(text, layer))
    assert [(k, r["participant"]) for k, r in found if k in ("Meeting", "Talks")] == [
        ("Meeting", ["person/harini-amarasuriya", "person/s-jaishankar"]),
        ("Talks", ["person/s-jaishankar", "person/vijitha-herath"]),
    ]


def test_an_infinitive_after_a_joined_verb_phrase_has_the_first_phrase_subject(layer):
    """ "He had planned to visit Tashkent for talks with X and then travel to Ulaanbaatar to
    meet Y": the one who planned meets Y (Tashkent, the nearest ungoverned entity, had been
    read as the subject of "to meet")."""
    text = (
        "Japanese Prime Minister Fumio Kishida cancelled a trip to Central Asia on Friday. He "
        "had also planned to visit Tashkent for talks with Uzbek President Shavkat Mirziyoyev "
        "and then travel to Ulaanbaatar to meet Mongolian President Ukhnaagiin Khurelsukh."
    )
    found = events(extract(text, layer))
    assert [r["participant"] for k, r in found if k == "Meeting"] == [
        ["person/fumio-kishida", "person/ukhnaagiin-khurelsukh"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Chinese premier, Li Qiang, met Australian Prime Minister Anthony Albanese on "
            "Saturday.",
            [("Meeting", {"participant": ["person/anthony-albanese", "person/li-qiang"]})],
        ),
        (
            "The Chinese premier, Li Qiang, began a four-day visit to Australia on Saturday.",
            [
                (
                    "Visit",
                    {
                        "traveller": ["person/li-qiang"],
                        "host": ["country/australia"],
                        "place": ["country/australia"],
                    },
                )
            ],
        ),
        (
            "The Japanese prime minister, Shigeru Ishiba, said on Friday that ties were strong.",
            [("Statement", {"agent": ["person/shigeru-ishiba"]})],
        ),
    ],
)
def test_a_title_and_the_name_set_off_after_it_are_one_subject(text, expected, layer):
    """ "The Chinese premier, Li Qiang, met ...": the title and the name in apposition are one
    mention, so the commas no longer part the subject from its verb (no event was found)."""
    assert events(extract(text, layer)) == expected


def test_the_georgian_prime_minister_is_the_one_named_so_for_georgia(layer):
    """A title with its country ("the Georgian Prime Minister") is the person the article named
    with that title for that country, not the last person named."""
    text = (
        "Georgian Prime Minister Irakli Kobakhidze arrived in Yerevan on Thursday. Prime "
        "Minister Nikol Pashinyan met Kobakhidze. The Georgian Prime Minister invited Pashinyan "
        "to pay an official visit to Georgia."
    )
    invitations = [e for e in events(extract(text, layer)) if e[0] == "Invitation"]
    assert invitations == [
        (
            "Invitation",
            {
                "inviter": ["person/irakli-kobakhidze"],
                "invitee": ["person/nikol-pashinyan"],
                "place": ["city/yerevan"],
            },
        )
    ]


def test_a_list_ending_in_and_others_keeps_every_actor_named(layer):
    """ "The European Union, Britain and others imposed sanctions": both named actors act."""
    text = "The European Union, Britain and others have imposed sanctions on Russia."
    assert events(extract(text, layer)) == [
        (
            "SanctionImposition",
            {
                "agent": ["country/united-kingdom", "org/european-union"],
                "target": ["country/russia"],
            },
        )
    ]


def test_a_comma_and_joins_two_clauses_not_a_pair(layer):
    """ "... in Kyiv, and Tusk accepted the invitation": Kyiv and Tusk are no group (a pair has
    no comma before "and"; "A, B, and C" is still a list)."""
    text = (
        "Shmyhal met Prime Minister Donald Tusk in Warsaw. Prime Minister Denys Shmyhal invited "
        "Tusk to hold talks in Kyiv, and Tusk accepted the invitation."
    )
    accepted = [e for e in events(extract(text, layer)) if e[0] == "InvitationAcceptance"]
    assert accepted == [
        (
            "InvitationAcceptance",
            {"agent": ["person/donald-tusk"], "target": ["person/denys-shmyhal"]},
        )
    ]
    pair = (  # a pair whose first member a phrase and a comma close: still a pair
        "The Russian delegation led by Sergei Shoigu, and China's delegation, led by Li "
        "Hongzhong, arrived in Pyongyang."
    )
    arrivals = [e for e in events(extract(pair, layer)) if e[0] == "Arrival"]
    assert [roles["traveller"] for _, roles in arrivals] == [
        ["delegation/china-2024-12-li-hongzhong"],
        ["delegation/russia-2024-12-sergei-shoigu"],
    ]
    drills = events(extract("Russia, China, and Iran held naval drills.", layer))
    assert drills == [
        ("MilitaryExercise", {"agent": ["country/china", "country/iran", "country/russia"]})
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Foreign Minister Wang Yi exchanged views with Foreign Minister Sergei Lavrov.",
            ("Talks", {"participant": ["person/sergei-lavrov", "person/wang-yi"]}),
        ),
        (  # the first place word leads to no place ("of Africa"): the next one is read
            "Foreign Minister Wang Yi kicked off a tour of Africa in Egypt.",
            (
                "Visit",
                {
                    "host": ["country/egypt"],
                    "place": ["country/egypt"],
                    "traveller": ["person/wang-yi"],
                },
            ),
        ),
    ],
)
def test_views_exchanged_and_a_tour_placed_by_its_second_marker(text, expected, layer):
    """Views exchanged with X are talks; a marker leading to nothing gives way to the next."""
    found = [e for e in events(extract(text, layer)) if e[0] != "PositionHolding"]
    assert found == [expected]


def test_calling_on_a_person_is_a_meeting_calling_on_a_state_to_act_an_appeal(layer):
    """ "called on X in Colombo" is a courtesy call; "called on X to ..." and "called for" are
    speech acts addressed to X, never a meeting."""
    graph = extract(
        "Indian External Affairs Minister S Jaishankar called on Sri Lankan President Anura "
        "Kumara Dissanayake in Colombo on Friday. The EU called on Russia and Ukraine to show "
        "restraint. The European Union also called for calm.",
        layer,
    )
    assert [e for e in events(graph) if e[0] != "PositionHolding"] == [
        (
            "Meeting",
            {
                "participant": ["person/anura-kumara-dissanayake", "person/s-jaishankar"],
                "place": ["city/colombo"],
            },
        ),
        (
            "Statement",
            {"agent": ["org/european-union"], "target": ["country/russia", "country/ukraine"]},
        ),
        ("Statement", {"agent": ["org/european-union"]}),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Vladimir Putin was greeted by Mongolian President Ukhnaagiin "
        "Khurelsukh at an official ceremony on Sukhbaatar Square.",
        "Mongolian President Ukhnaagiin Khurelsukh welcomed Russian President Vladimir Putin with "
        "an official ceremony at Sukhbaatar Square.",
    ],
)
def test_whoever_greets_a_guest_at_a_ceremony_hosts_it(text, layer):
    """The greeter hosts the welcome ceremony, the guest takes part; the greeting is the
    ceremony, no hosting beside it (kinds.yaml Hosting `yields_to`: the dev split's readers
    annotate such a sentence as a ceremony only)."""
    found = events(extract(text, layer))
    assert [e for e in found if e[0] == "Ceremony"] == [
        (
            "Ceremony",
            {
                "participant": ["person/vladimir-putin"],
                "host": ["person/ukhnaagiin-khurelsukh"],
                "place": ["place/sukhbaatar-square"],
            },
        ),
    ]
    assert [roles for kind, roles in found if kind == "Hosting"] == []


def test_here_is_the_datelines_city(layer):
    """Wire copy says "here" for the city of its dateline, wherever the story went before."""
    found = of_kind(
        "Colombo, Oct 4 (PTI) Indian Prime Minister Narendra Modi visited Male on Tuesday. "
        "External Affairs Minister S Jaishankar on Friday called on Sri Lankan President Anura "
        "Kumara Dissanayake here.",
        "Meeting",
        layer,
    )
    assert found == [
        (
            "Meeting",
            {
                "participant": ["person/anura-kumara-dissanayake", "person/s-jaishankar"],
                "place": ["city/colombo"],
            },
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an age in apposition is skipped
            "Sri Lankan President Anura Kumara Dissanayake, 55, was sworn in on September 23.",
            ("Ceremony", {"participant": ["person/anura-kumara-dissanayake"]}),
        ),
        (  # a role in apposition after a pair is skipped; "Jan. 1" is a date
            "Ethiopian Prime Minister Abiy Ahmed and Muse Bihi Abdi, the leader of the breakaway "
            "region of Somaliland, signed a memorandum of understanding in Addis Ababa on Jan. 1.",
            (
                "AgreementSigning",
                {
                    "participant": ["person/abiy-ahmed", "person/muse-bihi-abdi"],
                    "place": ["city/addis-ababa"],
                },
            ),
        ),
        (  # "it" acting is the body last named; an acting high commissioner is one person
            "India's Ministry of External Affairs said it would withdraw its envoy. It summoned "
            "Canada's acting high commissioner, Stewart Wheeler, on Monday evening.",
            (
                "Meeting",
                {
                    "participant": [
                        "org/ministry-of-external-affairs-of-india",
                        "person/stewart-wheeler",
                    ]
                },
            ),
        ),
    ],
)
def test_appositions_dates_and_it_of_wire_copy(text, expected, layer):
    """Wire copy's ages, roles and "it" do not hide the parties of an event."""
    graph = extract(text, layer)
    assert [e for e in events(graph) if e[0] == expected[0]] == [expected]


def test_a_measured_event_noun_and_a_salute(layer):
    """ "welcomed with a 19-gun salute" is a ceremony (hosted by his greeter); "before the two
    leaders held more than an hour of talks": the two leaders talked (a measure noun before
    "of" keeps the noun's frame, a subject after "before" is still the clause's)."""
    graph = extract(
        "Chinese Premier Li Qiang arrived in Canberra on Sunday, where Prime Minister Anthony "
        "Albanese greeted him. Mr Li was welcomed with a 19-gun salute on Monday morning before "
        "the two leaders held more than an hour of talks.",
        layer,
    )
    found = [e for e in events(graph) if e[0] in ("Ceremony", "Talks")]
    assert found == [
        (
            "Ceremony",
            {
                "participant": ["person/li-qiang"],
                "host": ["person/anthony-albanese"],
                "place": ["city/canberra"],
            },
        ),
        (
            "Talks",
            {
                "participant": ["person/anthony-albanese", "person/li-qiang"],
                "place": ["city/canberra"],
            },
        ),
    ]


def test_a_welcome_ceremony_is_hosted_by_the_guests_host(layer):
    """ "Kobakhidze was welcomed with an official ceremony": the guest's host so far (who
    hosted him) hosts the ceremony."""
    graph = extract(
        "Armenian Prime Minister Nikol Pashinyan hosted Georgian Prime Minister Irakli Kobakhidze "
        "in Yerevan on Thursday. Kobakhidze was welcomed with an official ceremony at the "
        "Government House.",
        layer,
    )
    assert [e for e in events(graph) if e[0] == "Ceremony"] == [
        (
            "Ceremony",
            {
                "host": ["person/nikol-pashinyan"],
                "participant": ["person/irakli-kobakhidze"],
                "place": ["place/government-house"],
            },
        )
    ]


def test_mediation_by_a_list_and_the_source_after_it(layer):
    """ "weeks of mediation by A, B and the United States, X said": the three mediated (the
    list ends with its "and"; the source after the comma is no member)."""
    found = of_kind(
        "The deal followed weeks of mediation by Qatar, Egypt and the United States, Qatar's "
        "foreign ministry said.",
        "Talks",
        layer,
    )
    assert found == [
        ("Talks", {"participant": ["country/egypt", "country/qatar", "country/united-states"]})
    ]


def test_a_trailing_gerund_after_after_is_the_sentences_subjects(layer):
    """ "X says ... with China after hosting Y": X hosted Y, not China."""
    found = of_kind(
        "Australian Prime Minister Anthony Albanese says Australia will cooperate with China "
        "after hosting Premier Li Qiang at Parliament House.",
        "Hosting",
        layer,
    )
    assert found == [
        (
            "Hosting",
            {
                "traveller": ["person/li-qiang"],
                "host": ["person/anthony-albanese"],
                "place": ["place/parliament-house"],
            },
        )
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "Speaking to reporters in Rome after meeting",  # a participle opens the phrase
        "Before leaving Rome after meeting",  # a fronting word opens it
    ],
)
def test_a_gerund_in_an_opening_phrase_is_the_main_clauses_subjects(layer, opening):
    """ "Speaking in Rome after meeting X, Y said": Y met X (not Rome, which no one met)."""
    found = of_kind(
        f"{opening} Italian Prime Minister Giorgia Meloni, Kenyan President William Ruto said "
        "the two countries would sign a trade deal.",
        "Meeting",
        layer,
    )
    assert found == [("Meeting", {"participant": ["person/giorgia-meloni", "person/william-ruto"]})]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto said on Monday after talks with Italian Prime Minister "
        "Giorgia Meloni in Rome that trade would grow.",
        "After lengthy talks with Italian Prime Minister Giorgia Meloni in Rome, Kenyan "
        "President William Ruto said trade would grow.",
        "Kenyan President William Ruto and Italian Prime Minister Giorgia Meloni signed a trade "
        "deal following negotiations in Rome.",
    ],
)
def test_a_bare_noun_after_a_fronting_word_is_the_main_clauses_event(layer, text):
    """ "X said after talks with Y", "After talks with Y, X said", "A and B signed ... following
    negotiations": talks of the main clause's subject (with Y), though no determiner makes
    the word a noun."""
    assert of_kind(text, "Talks", layer) == [
        (
            "Talks",
            {
                "participant": ["person/giorgia-meloni", "person/william-ruto"],
                "place": ["city/rome"],
            },
        )
    ]


def test_meetings_with_one_and_with_another_are_two_meetings(layer):
    """ "bilateral meetings with A, and with B": one meeting with each."""
    found = of_kind(
        "Brazilian President Lula will hold bilateral meetings with the President of Sao Tome "
        "and Principe, Carlos Vila Nova, and with Prime Minister Patrice Trovoada.",
        "Meeting",
        layer,
    )
    lula = "person/luiz-inacio-lula-da-silva"  # people.yaml's alias of the listed name
    assert found == [
        ("Meeting", {"participant": ["person/carlos-vila-nova", lula]}),
        ("Meeting", {"participant": [lula, "person/patrice-trovoada"]}),
    ]


def test_the_leaders_of_the_two_countries_are_the_last_pair(layer):
    """ "after hosting the leaders of the two Horn of Africa countries": the two named before."""
    graph = extract(
        "Somali President Hassan Sheikh Mohamud and Ethiopian Prime Minister Abiy Ahmed arrived "
        "in Ankara on Wednesday. Turkish President Recep Tayyip Erdogan spoke late Wednesday "
        "after hosting the leaders of the two Horn of Africa countries.",
        layer,
    )
    (hosting,) = [roles for kind, roles in events(graph) if kind == "Hosting"]
    assert (hosting["traveller"], hosting["host"]) == (
        ["person/abiy-ahmed", "person/hassan-sheikh-mohamud"],
        ["person/recep-tayyip-erdogan"],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "was met at the airport by X": X received the traveller
            "US Secretary of State Marco Rubio arrived late on Saturday and was met at Tocumen "
            "International Airport by Panamanian Foreign Minister Javier Martinez-Acha.",
            [
                (
                    "Hosting",
                    {
                        "traveller": ["person/marco-rubio"],
                        "host": ["person/javier-martinez-acha"],
                        "place": ["place/tocumen-international-airport"],
                    },
                )
            ],
        ),
        (  # "is due to host" is no passive: Egypt hosts, it is not hosted
            "Egyptian President Abdel Fattah al-Sisi arrived in Cairo. Egypt is due to host an "
            "emergency summit on Feb. 27.",
            [],
        ),
    ],
)
def test_met_by_is_hosting_and_an_infinitive_is_no_passive(text, expected, layer):
    """The passive of "meet" is a reception; "is due to host" is active."""
    assert [e for e in events(extract(text, layer)) if e[0] == "Hosting"] == expected


def test_the_supply_of_weapons_by_one_state_to_another_is_military_aid(layer):
    """A supply noun with military hardware: "by" gives the supplier, "to" the receiver."""
    found = of_kind(
        "The Council condemns the supply of ballistic missiles and artillery shells by the "
        "Democratic People's Republic of Korea to Russia.",
        "MilitaryAid",
        layer,
    )
    assert found == [
        ("MilitaryAid", {"agent": ["country/north-korea"], "target": ["country/russia"]})
    ]


@pytest.mark.parametrize(
    ("text", "agents", "target"),
    [  # a nationality before goods names the country the measures target
        (
            "Chinese officials said Beijing imposed trade sanctions on Australian exports.",
            ["country/china"],
            "country/australia",
        ),
        (  # the leader who orders them, and the leader's state (frame.sanction with_home)
            "US President Donald Trump ordered sweeping tariffs on Colombian goods.",
            ["country/united-states", "person/donald-trump"],
            "country/colombia",
        ),
    ],
)
def test_sanctions_on_a_nations_goods_target_the_nation(text, agents, target, layer):
    """ "imposed sanctions on Australian exports", "ordered tariffs on Colombian goods"."""
    assert [e for e in events(extract(text, layer)) if e[0] == "SanctionImposition"] == [
        ("SanctionImposition", {"agent": agents, "target": [target]})
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a phone call by the verb: the person after it is the other party
            "Russian President Vladimir Putin telephoned Indian Prime Minister Narendra Modi on "
            "Monday.",
            [("Talks", {"participant": ["person/narendra-modi", "person/vladimir-putin"]})],
        ),
        (  # the border closed "with" a country: that country is its target
            "Kenya shut its border with Somalia in 2011.",
            [("BorderClosure", {"agent": ["country/kenya"], "target": ["country/somalia"]})],
        ),
        (  # a border with no neighbour named: the closure has its agent only
            "Pakistan closed the Wagah border on Thursday.",
            [("BorderClosure", {"agent": ["country/pakistan"]})],
        ),
    ],
)
def test_a_telephone_call_and_a_border_shut_with_a_neighbour(text, expected, layer):
    """ "X telephoned Y" is talks between X and Y (frame.call, not frame.talk, which needs
    "with"); "shut its border with Somalia" names the closure's target."""
    assert [e for e in events(extract(text, layer)) if e[0] != "PositionHolding"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # going home is no visit; the same words abroad are one
        (
            "Prime Minister of Georgia Irakli Kobakhidze arrived in Yerevan on Monday. He met "
            "business leaders on Tuesday before departing for Tbilisi.",
            [("Yerevan", "Armenia")],
        ),
        (
            "Prime Minister of Georgia Irakli Kobakhidze arrived in Yerevan on Monday. He met "
            "business leaders on Tuesday before departing for Baku.",
            [("Baku", "Azerbaijan"), ("Yerevan", "Armenia")],
        ),
    ],
)
def test_travel_to_the_country_one_serves_is_no_visit(text, expected, layer):
    """A traveller who goes to the country their position serves is going home: no Visit (an
    arrival home is still an arrival: see the next test)."""
    graph = extract(text, layer)
    visits = sorted(
        (
            str(graph.value(graph.value(v, DIP.place), RDFS.label)),
            str(graph.value(graph.value(v, DIP.host), RDFS.label)),
        )
        for v in graph.subjects(RDF.type, DIP.Visit)
    )
    assert visits == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # what a host welcomes is a party; "Turkey's vote" is a thing, Pakistan's advisers stand
        # for Pakistan
        ("NATO Secretary-General Jens Stoltenberg welcomed Turkey's vote on Tuesday.", []),
        (
            "Indian Prime Minister Narendra Modi welcomed Kuwait's decision to join the alliance.",
            [],
        ),
        (
            "India said on Tuesday it was expelling Pakistan's military advisers.",
            [("DiplomatExpulsion", {"agent": ["country/india"], "target": ["country/pakistan"]})],
        ),
        (
            "Indian Prime Minister Narendra Modi welcomed Kuwaiti Emir Sheikh Meshal Al-Ahmad "
            "Al-Jaber Al-Sabah in New Delhi on Tuesday.",
            [
                (
                    "Hosting",
                    {
                        "traveller": ["person/meshal-al-ahmad-al-jaber-al-sabah"],
                        "host": ["person/narendra-modi"],
                        "place": ["city/new-delhi"],
                    },
                )
            ],
        ),
    ],
)
def test_a_welcomed_possession_is_no_guest(text, expected, layer):
    """ "X welcomed Y's vote" hosts nobody; the object of a verb that owns a thing is the thing."""
    found = [
        e for e in events(extract(text, layer)) if e[0] not in ("PositionHolding", "Statement")
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # a trip to several countries is one visit each; a city and its country are one place
        (
            "US Secretary of State Marco Rubio will visit Costa Rica, Guatemala and the Dominican "
            "Republic on a tour focused on migration.",
            [
                ("Visit", {"traveller": ["person/marco-rubio"], "host": [c], "place": [c]})
                for c in ("country/costa-rica", "country/dominican-republic", "country/guatemala")
            ],
        ),
        (
            "Indonesian President Prabowo Subianto will travel to Rio de Janeiro, Brazil, for the "
            "summit.",
            [
                (
                    "Visit",
                    {
                        "traveller": ["person/prabowo-subianto"],
                        "host": ["country/brazil"],
                        "place": ["city/rio-de-janeiro"],
                    },
                )
            ],
        ),
    ],
)
def test_a_tour_of_countries_is_a_visit_to_each_and_they_are_not_its_tourists(
    text, expected, layer
):
    """ "will visit A, B and C on a tour": three visits of the traveller, none of A, B or C."""
    assert of_kind(text, "Visit", layer) == sorted(expected, key=repr)


def test_the_countries_a_traveller_will_visit_are_not_the_tour_s_travellers(layer):
    """After an arrival in Panama City, "He will then visit A, B and C on a tour": the tour is
    the traveller's, not three countries' visits to Panama."""
    text = (
        "US Secretary of State Marco Rubio arrived in Panama City on Saturday. He will then "
        "visit Costa Rica, Guatemala and the Dominican Republic on a tour focused on migration."
    )
    travellers = {e[1]["traveller"][0] for e in of_kind(text, "Visit", layer)}
    assert travellers == {"person/marco-rubio"}


def test_a_country_is_at_a_meeting_through_the_leader_who_serves_it(layer):
    """Turkey beside Turkey's president is no party of its own; Iran, whom no one there
    serves, is."""
    text = (
        "Turkish President Recep Tayyip Erdogan held talks with Russian President Vladimir "
        "Putin, Turkey and Iran in Sochi on Monday."
    )
    assert of_kind(text, "Talks", layer) == [
        (
            "Talks",
            {
                "participant": [
                    "country/iran",
                    "person/recep-tayyip-erdogan",
                    "person/vladimir-putin",
                ],
                "place": ["city/sochi"],
            },
        )
    ]


def test_an_arrival_home_is_an_arrival_and_no_visit(layer):
    """Readers record a leader's return home as an arrival; the visit it would imply is none."""
    text = "Japanese Prime Minister Shigeru Ishiba arrived in Japan on Sunday after talks."
    found = [e for e in events(extract(text, layer)) if e[0] in ("Arrival", "Visit")]
    assert found == [
        ("Arrival", {"traveller": ["person/shigeru-ishiba"], "place": ["country/japan"]})
    ]


LEADERS = "Chinese President Xi Jinping and Indonesian President Prabowo Subianto"


@pytest.mark.parametrize(
    ("text", "participants"),
    [  # leaders who witness a signing sign for their states
        (
            f"{LEADERS} witnessed the signing of several cooperation agreements in Beijing.",
            [
                "country/china",
                "country/indonesia",
                "person/prabowo-subianto",
                "person/xi-jinping",
            ],
        ),
        # leaders who sign do so themselves
        (
            f"{LEADERS} signed a joint statement in Beijing.",
            ["person/prabowo-subianto", "person/xi-jinping"],
        ),
    ],
)
def test_leaders_witnessing_a_signing_sign_for_their_states(text, participants, layer):
    """ "A and B witnessed the signing of agreements": the signing is their states' too (the
    countries their titles name); "A and B signed" is theirs alone."""
    assert of_kind(text, "AgreementSigning", layer) == [
        ("AgreementSigning", {"participant": participants, "place": ["city/beijing"]})
    ]


def test_a_reflexive_after_a_name_hides_no_subject(layer):
    """ "Scholz himself made an unannounced visit to Kyiv": "himself" stresses the traveller."""
    assert of_kind(
        "German Chancellor Olaf Scholz himself made an unannounced visit to Kyiv.", "Visit", layer
    ) == [
        (
            "Visit",
            {
                "traveller": ["person/olaf-scholz"],
                "host": ["country/ukraine"],
                "place": ["city/kyiv"],
            },
        )
    ]


@pytest.mark.parametrize(
    ("opening", "place"),
    [  # filed from the capital of the country the visit is to: the talks were there
        ("NEW DELHI (PTI) - ", "city/new-delhi"),
        # no dateline: the country is all the text says
        ("", "country/india"),
    ],
)
def test_the_dateline_city_narrows_a_visits_country(opening, place, layer):
    """ "X arrived in India on a state visit" filed from New Delhi: X's meetings in India that
    name no place took place in New Delhi."""
    text = (
        f"{opening}Vietnamese Prime Minister Pham Minh Chinh arrived in India on Tuesday on a "
        "three-day state visit. Chinh met Vice President Jagdeep Dhankhar on Thursday."
    )
    (meeting,) = of_kind(text, "Meeting", layer)
    assert meeting[1]["place"] == [place]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the participial phrase is read past: the name before it is the speaker
            "Russian President Vladimir Putin, speaking at a news conference in Moscow, said the "
            "talks had failed.",
            [("Statement", {"agent": ["person/vladimir-putin"]})],
        ),
        (  # and what it reports is the name's own event, not the main clause's speaker
            "Ukrainian President Volodymyr Zelensky, speaking in Ankara after meeting Turkish "
            "President Recep Tayyip Erdogan, said he would not accept it.",
            [
                ("Statement", {"agent": ["person/volodymyr-zelensky"]}),
                (
                    "Talks",
                    {
                        "participant": [
                            "person/recep-tayyip-erdogan",
                            "person/volodymyr-zelensky",
                        ],
                        "place": ["city/ankara"],
                    },
                ),
            ],
        ),
        (  # "including" opens no participial phrase
            "Several countries, including Russia, said the talks had failed.",
            [],
        ),
    ],
)
def test_a_participial_phrase_after_a_name(text, expected, layer):
    """ "X, speaking in Y, said": X said it, and the phrase's own events are X's."""
    graph = extract(text, layer)
    assert [e for e in events(graph) if e[0] in ("Statement", "Talks", "Meeting")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the purpose of a journey is a meeting of its own, of the traveller's
            "Ukrainian President Volodymyr Zelensky will fly to Berlin on Friday to meet German "
            "Chancellor Olaf Scholz.",
            [
                (
                    "Meeting",
                    {
                        "participant": ["person/olaf-scholz", "person/volodymyr-zelensky"],
                        "place": ["city/berlin"],
                    },
                ),
                (
                    "Visit",
                    {
                        "host": ["country/germany"],
                        "place": ["city/berlin"],
                        "traveller": ["person/volodymyr-zelensky"],
                    },
                ),
            ],
        ),
        (  # after the purpose, "and will then visit" is still the traveller's
            "Mexican Foreign Secretary Alicia Barcena will fly to Lima on Monday to meet "
            "President Dina Boluarte, and will then visit Chile.",
            [
                (
                    "Meeting",
                    {
                        "participant": ["person/alicia-barcena", "person/dina-boluarte"],
                        "place": ["city/lima"],
                    },
                ),
                (
                    "Visit",
                    {
                        "host": ["country/chile"],
                        "place": ["country/chile"],
                        "traveller": ["person/alicia-barcena"],
                    },
                ),
                (
                    "Visit",
                    {
                        "host": ["country/peru"],
                        "place": ["city/lima"],
                        "traveller": ["person/alicia-barcena"],
                    },
                ),
            ],
        ),
        (  # "is due to leave": the infinitive of a plain verb is no purpose
            "US Secretary of State Antony Blinken is due to leave for Tokyo on Monday for talks "
            "with Japanese Foreign Minister Takeshi Iwaya.",
            [
                (
                    "Talks",
                    {
                        "participant": ["person/antony-blinken", "person/takeshi-iwaya"],
                        "place": ["city/tokyo"],
                    },
                ),
                (
                    "Visit",
                    {
                        "host": ["country/japan"],
                        "place": ["city/tokyo"],
                        "traveller": ["person/antony-blinken"],
                    },
                ),
            ],
        ),
    ],
)
def test_the_purpose_of_a_journey(text, expected, layer):
    """ "flew to A to meet B": a meeting in A beside the visit, and what follows is still the
    traveller's."""
    graph = extract(text, layer)
    found = [e for e in events(graph) if e[0] in ("Meeting", "Talks", "Visit")]
    assert sorted(found, key=str) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "the governments": the states of the pair last named
            "Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in "
            "Tashkent. The governments signed agreements on joint military exercises.",
            ("AgreementSigning", {"participant": ["country/kazakhstan", "country/uzbekistan"]}),
        ),
        (  # "ministers from the two countries" likewise
            "Chinese President Xi Jinping met Serbian President Aleksandar Vucic in Belgrade. "
            "Ministers from the two countries also signed 28 agreements.",
            ("AgreementSigning", {"participant": ["country/china", "country/serbia"]}),
        ),
        (  # "took part in a ceremony": the two leaders attended it
            "Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev. The "
            "two leaders took part in a ceremony launching joint projects.",
            (
                "Ceremony",
                {
                    "participant": [
                        "person/kassym-jomart-tokayev",
                        "person/shavkat-mirziyoyev",
                    ]
                },
            ),
        ),
    ],
)
def test_the_states_of_a_pair_and_a_ceremony_taken_part_in(text, expected, layer):
    """Plural references to the pair an article named, and "took part in a ceremony"."""
    graph = extract(text, layer)
    assert [e for e in events(graph) if e[0] == expected[0]] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # sanctions named by the state that imposed them
            "EU sanctions against Russia remain in place.",
            [
                (
                    "SanctionImposition",
                    {"agent": ["org/european-union"], "target": ["country/russia"]},
                )
            ],
        ),
        (  # "X drew U.S. sanctions": X is their target
            "Turkey drew U.S. sanctions over its purchase of Russian missiles.",
            [
                (
                    "SanctionImposition",
                    {"agent": ["country/united-states"], "target": ["country/turkey"]},
                )
            ],
        ),
        (  # a diplomat declared persona non grata: the state they serve is the target too
            "Ecuador declared the Mexican ambassador, Raquel Serur, persona non grata.",
            [
                (
                    "DiplomatExpulsion",
                    {
                        "agent": ["country/ecuador"],
                        "target": ["country/mexico", "person/raquel-serur"],
                    },
                )
            ],
        ),
    ],
)
def test_sanctions_by_their_state_and_a_diplomat_declared_persona_non_grata(text, expected, layer):
    """Sanction nouns with the imposing state before them; persona non grata's target."""
    graph = extract(text, layer)
    kinds = ("SanctionImposition", "DiplomatExpulsion")
    assert [e for e in events(graph) if e[0] in kinds] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "the situation in Syria" is what they discussed, not where
            "Russian Foreign Minister Sergei Lavrov and his Turkish counterpart Hakan Fidan "
            "discussed the situation in Syria by phone.",
            ("Talks", {"participant": ["person/hakan-fidan", "person/sergei-lavrov"]}),
        ),
        (  # a call received from someone: the two talked
            "Qatar's emir Sheikh Tamim bin Hamad Al Thani received a phone call from U.S. "
            "President Joe Biden.",
            (
                "Talks",
                {"participant": ["person/joe-biden", "person/tamim-bin-hamad-al-thani"]},
            ),
        ),
    ],
)
def test_a_topic_is_no_place_and_a_call_received(text, expected, layer):
    """A place after a topic noun is the topic's; "received a call from X" is a call."""
    graph = extract(text, layer)
    assert [e for e in events(graph) if e[0] == expected[0]] == [expected]


def test_a_list_whose_last_member_takes_the(layer):
    """ "A, B and the C met": the three met (a list's "the" before its last member)."""
    graph = extract(
        "The leaders of Egypt, Jordan and the Palestinian Authority met in Aqaba on Wednesday.",
        layer,
    )
    assert [e for e in events(graph) if e[0] == "Meeting"] == [
        (
            "Meeting",
            {
                "participant": [
                    "country/egypt",
                    "country/jordan",
                    "org/palestinian-authority",
                ],
                "place": ["city/aqaba"],
            },
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # attending a body's summit: a meeting of the attendee and the body
            "Chinese Premier Li Qiang will attend the G20 summit in Rio de Janeiro.",
            (
                "Meeting",
                {
                    "participant": ["org/g20", "person/li-qiang"],
                    "place": ["city/rio-de-janeiro"],
                },
            ),
        ),
        (
            "Indian Prime Minister Narendra Modi attended a meeting of the Shanghai Cooperation "
            "Organisation.",
            (
                "Meeting",
                {
                    "participant": [
                        "org/shanghai-cooperation-organisation",
                        "person/narendra-modi",
                    ]
                },
            ),
        ),
        (  # a state dinner hosted for a guest is a ceremony
            "President Emmanuel Macron hosted a state dinner for Chinese President Xi Jinping at "
            "the Elysee Palace.",
            (
                "Ceremony",
                {
                    "host": ["person/emmanuel-macron"],
                    "participant": ["person/xi-jinping"],
                    "place": ["place/elysee-palace"],
                },
            ),
        ),
        (  # a missile test, with a weapon the gazetteer does not know
            "North Korea test-fired a ballistic missile into the sea on Thursday.",
            ("MilitaryExercise", {"agent": ["country/north-korea"]}),
        ),
        (  # "welcomed X to Berlin": Berlin is where
            "German Chancellor Olaf Scholz welcomed Kenyan President William Ruto to Berlin.",
            (
                "Hosting",
                {
                    "host": ["person/olaf-scholz"],
                    "place": ["city/berlin"],
                    "traveller": ["person/william-ruto"],
                },
            ),
        ),
    ],
)
def test_summits_state_dinners_missile_tests_and_a_welcome_to_a_city(text, expected, layer):
    """More of wire copy's ways of telling meetings, ceremonies, tests and welcomes."""
    graph = extract(text, layer)
    assert [e for e in events(graph) if e[0] == expected[0]] == [expected]


def test_dinner_over_talks_is_no_ceremony(layer):
    """ "held talks over a late dinner": the dinner is no ceremony of its own."""
    graph = extract(
        "Belarusian President Alexander Lukashenko met Russian President Vladimir Putin, and the "
        "two leaders held informal talks over a late dinner.",
        layer,
    )
    assert [e[0] for e in events(graph) if e[0] == "Ceremony"] == []


def test_a_city_and_its_country_in_one_sentence_are_one_visit(layer):
    """ "left for Riyadh on a visit to Saudi Arabia": one visit, to the city."""
    graph = extract(
        "Pakistan's Prime Minister Shehbaz Sharif left for Riyadh on Sunday on a two-day "
        "official visit to Saudi Arabia.",
        layer,
    )
    assert [e for e in events(graph) if e[0] == "Visit"] == [
        (
            "Visit",
            {
                "host": ["country/saudi-arabia"],
                "place": ["city/riyadh"],
                "traveller": ["person/shehbaz-sharif"],
            },
        )
    ]


def test_a_stay_ends_on_the_travellers_last_day_there(layer):
    """An arrival's visit has no end of its own: it ends on the last day the traveller is
    reported doing something there (the talks on Friday)."""
    graph = extract(
        "Russian President Vladimir Putin arrived in Minsk on Thursday. On Friday, Putin held "
        "talks with Belarusian President Alexander Lukashenko in Minsk.",
        layer,
    )
    visits = [
        (str(graph.value(v, DIP.earliestDate)), str(graph.value(v, DIP.latestDate)))
        for v in graph.subjects(RDF.type, DIP.Visit)
    ]
    assert visits == [("2024-11-28", "2024-11-29")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a rejection with no claim named is still something the state said
            "Israel rejected the proposal on Monday.",
            [("Statement", {"agent": ["country/israel"]})],
        ),
        (  # "the joint drills" a state slammed are not its drills (a criticism of no party)
            "Pyongyang slammed the joint drills as a rehearsal for invasion.",
            [("Criticism", {"agent": ["country/north-korea"]})],
        ),
        (  # an accusation with its date between the accused and "of"
            "Turkey accused Germany on Wednesday of supplying weapons to North Korea.",
            [
                (
                    "Accusation",
                    {"agent": ["country/turkey"], "target": ["country/germany"]},
                ),
                ("MilitaryAid", {"agent": ["country/germany"], "target": ["country/north-korea"]}),
            ],
        ),
    ],
)
def test_rejections_and_condemnations_are_said(text, expected, layer):
    """Verbs of rejecting, condemning, accusing report speech even without a narrower act."""
    graph = extract(text, layer)
    kinds = ("Statement", "Accusation", "MilitaryAid", "MilitaryExercise", "Criticism")
    assert sorted((e for e in events(graph) if e[0] in kinds), key=str) == expected


def test_a_fronted_date_after_a_few_plain_words_dates_the_clause(layer):
    """ "Later on September 21, Lam met ...": the date before the comma dates the meeting."""
    graph = extract(
        "Vietnamese President To Lam arrived in Ulaanbaatar. Later on September 21, Lam met "
        "Mongolian Prime Minister Luvsannamsrain Oyun-Erdene.",
        layer,
    )
    meetings = [str(graph.value(m, DIP.date)) for m in graph.subjects(RDF.type, DIP.Meeting)]
    assert meetings == ["2024-09-21"]


def test_a_long_apposition_of_offices_is_read_past(layer):
    """State media's string of offices after a name is skipped: the name received the guest."""
    graph = extract(
        "Kim Jong Un, general secretary of the Workers' Party of Korea and president of the State "
        "Affairs of the DPRK, received Russian Defence Minister Sergei Shoigu.",
        layer,
    )
    assert [e for e in events(graph) if e[0] == "Hosting"] == [
        ("Hosting", {"host": ["person/kim-jong-un"], "traveller": ["person/sergei-shoigu"]})
    ]


def test_a_coordinated_verb_keeps_its_own_with(layer):
    """ "met A and held talks with B": B is the talks' party, not the meeting's."""
    graph = extract(
        "Indian External Affairs Minister S Jaishankar also met Sri Lankan Prime Minister Harini "
        "Amarasuriya and held talks with Foreign Minister Vijitha Herath.",
        layer,
    )
    assert [e for e in events(graph) if e[0] == "Meeting"] == [
        ("Meeting", {"participant": ["person/harini-amarasuriya", "person/s-jaishankar"]})
    ]


def test_his_highness_and_hm_the_king_are_the_storys_principal(layer):
    """ "His Highness" is the lede's first person, in court and state media the principal."""
    graph = extract(
        "UAE President Sheikh Mohamed bin Zayed received Turkish President Recep Tayyip Erdogan "
        "in Abu Dhabi. Mohamed bin Zayed thanked him. His Highness then met Turkish Foreign "
        "Minister Hakan Fidan.",
        layer,
    )
    # "Mohamed bin Zayed" is the gazetteer's Mohamed bin Zayed Al Nahyan (patronymic_particles)
    assert [e for e in events(graph) if e[0] == "Meeting"] == [
        ("Meeting", {"participant": ["person/hakan-fidan", "person/mohamed-bin-zayed-al-nahyan"]})
    ]


def test_a_message_addressed_to_someone_is_theirs(layer):
    """ "conveyed to the Russian side a message from X addressed to Putin": Putin receives it."""
    graph = extract(
        "Kazakh Foreign Minister Murat Nurtleu conveyed to the Russian side a message from Kazakh "
        "President Kassym-Jomart Tokayev addressed to Russian President Vladimir Putin.",
        layer,
    )
    assert [e for e in events(graph) if e[0] == "LetterDelivery"] == [
        (
            "LetterDelivery",
            {
                "carrier": ["person/murat-nurtleu"],
                "recipient": ["person/vladimir-putin"],
                "sender": ["person/kassym-jomart-tokayev"],
            },
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Jordan's King Abdullah II arrived in Washington on Tuesday. Trump said Jordan and Egypt "
        "would set aside land for Palestinians.",
        "French President Emmanuel Macron arrived in Hanoi on Monday. Vietnam lands a big jet "
        "order from Airbus.",
    ],
)
def test_land_as_a_noun_or_a_deal_is_no_arrival(text, layer):
    """ "set aside land", "lands a jet order": no one arrived but the one who did."""
    graph = extract(text, layer)
    travellers = [e[1]["traveller"] for e in events(graph) if e[0] == "Arrival"]
    assert len(travellers) == 1 and travellers[0][0].startswith("person/")


def test_a_plane_that_landed_is_an_arrival(layer):
    """ "landed" with no place named is still an arrival (its place from the story)."""
    graph = extract(
        "Indian Prime Minister Narendra Modi arrived in Kuwait City. He landed at 11am.", layer
    )
    assert [e[0] for e in events(graph) if e[0] == "Arrival"] == ["Arrival"]


def test_calling_a_thing_a_name_is_said(layer):
    """ "X called the raid an outrageous breach of law": X said something about it."""
    graph = extract(
        "Mexican President Andres Manuel Lopez Obrador called the raid an outrageous breach of "
        "international law.",
        layer,
    )
    assert [e for e in events(graph) if e[0] in ("Statement", "Criticism")] == [
        ("Statement", {"agent": ["person/andres-manuel-lopez-obrador"]})
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a fronted phrase's body is no party of the meeting after its comma
            "On the sidelines of the UN General Assembly, Indian External Affairs Minister S "
            "Jaishankar met his Chinese counterpart Wang Yi.",
            ("Meeting", {"participant": ["person/s-jaishankar", "person/wang-yi"]}),
        ),
        (  # a headline's "A, B" after a verb is still a pair
            "Qatar says Israel, Hamas agree four-day Gaza truce",
            ("AgreementSigning", {"participant": ["country/israel", "org/hamas"]}),
        ),
    ],
)
def test_a_comma_pairs_two_names_only_where_a_clause_opens(text, expected, layer):
    """ "A, B" with no "and" is a pair at a clause's start, not across a fronted phrase."""
    graph = extract(text, layer)
    assert [e for e in events(graph) if e[0] == expected[0]] == [expected]


def test_welcoming_a_guest_is_no_statement(layer):
    """ "welcomed his counterpart": a guest welcomed, not words welcomed."""
    graph = extract(
        "South African Foreign Minister Ronald Lamola welcomed his counterpart from Nigeria, "
        "Yusuf Tuggar, to Pretoria.",
        layer,
    )
    assert [e for e in events(graph) if e[0] == "Statement"] == []


def test_an_invitation_to_attend_is_to_travel_there(layer):
    """ "invited X to attend a summit in Kazan": the invited visit is to Kazan."""
    graph = extract(
        "Russian President Vladimir Putin invited Mongolian President Ukhnaagiin Khurelsukh to "
        "attend a summit of the BRICS group in Kazan.",
        layer,
    )
    assert [e for e in events(graph) if e[0] == "Visit"] == [
        (
            "Visit",
            {
                "host": ["country/russia"],
                "place": ["city/kazan"],
                "traveller": ["person/ukhnaagiin-khurelsukh"],
            },
        )
    ]


def test_a_leg_told_after_before_keeps_the_mood_of_the_journey(layer):
    """ "is due to leave for Tokyo before traveling on to Paris": the Paris leg is expected."""
    graph = extract(
        "US Secretary of State Antony Blinken is due to leave for Tokyo on Monday before "
        "traveling on to Paris.",
        layer,
    )
    moods = {
        str(graph.value(v, DIP.place)).rsplit("/", 1)[-1]: str(graph.value(a, DIP.modality))
        for v in graph.subjects(RDF.type, DIP.Visit)
        for a in graph.subjects(DIP.attests, v)
    }
    assert moods == {"tokyo": str(DIP.Expected), "paris": str(DIP.Expected)}


def test_received_for_informal_talks_is_talks_too(layer):
    """ "received X ... for informal talks": a purpose noun after its adjectives still counts."""
    graph = extract(
        "Russian President Vladimir Putin received Indian Prime Minister Narendra Modi in "
        "Novo-Ogaryovo for informal talks.",
        layer,
    )
    assert [e for e in events(graph) if e[0] == "Talks"] == [
        (
            "Talks",
            {
                "participant": ["person/narendra-modi", "person/vladimir-putin"],
                "place": ["place/novo-ogaryovo"],  # where the one received the other
            },
        )
    ]


def test_entities_after_a_clause_conjunction_are_the_verbs_subject(layer):
    """ "Relations soured after A and Somaliland leader B signed": "after" opens a clause whose
    subject A and B are (`clause_conjunction`), not a preposition that governs them."""
    found = of_kind(
        "Relations soured after Kenyan President William Ruto and Sicilian leader Giorgia "
        "Meloni signed a trade agreement in Rome.",  # a word the layer does not know between
        "AgreementSigning",
        layer,
    )
    assert found == [
        (
            "AgreementSigning",
            {
                "participant": ["person/giorgia-meloni", "person/william-ruto"],
                "place": ["city/rome"],
            },
        )
    ]


def test_a_titles_complement_after_an_apposition_is_set_off_with_it(layer):
    """ "A and B, Kenya's minister for trade and industry, signed": the complement "for trade
    and industry" belongs to B's title (`title_complement`), so the verb's subject is A and B."""
    found = of_kind(
        "Italian Prime Minister Giorgia Meloni and William Ruto, Kenya's president for the "
        "second term, signed a trade agreement.",
        "AgreementSigning",
        layer,
    )
    assert found == [
        ("AgreementSigning", {"participant": ["person/giorgia-meloni", "person/william-ruto"]})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He spoke of the trade embargo imposed by the European Union on Belarus.",
        "Minsk condemned the economic, commercial and financial restrictions imposed by the "
        "European Union against Belarus.",
    ],
)
def test_a_participle_after_its_noun_with_by_is_a_passive(layer, text):
    """ "the embargo imposed by the EU on Belarus": a reduced relative, whose agent follows
    "by", though a determiner stands before the noun."""
    assert of_kind(text, "SanctionImposition", layer) == [
        ("SanctionImposition", {"agent": ["org/european-union"], "target": ["country/belarus"]})
    ]


def test_an_entity_a_preposition_governs_opens_no_event_of_a_later_verb(layer):
    """ "a message from X addressed to Putin": X, governed by "from", makes no statement of
    "addressed" (`governing_preposition`); the letter is X's."""
    graph = extract(
        "Nurtleu conveyed to Putin a message from Kenyan President William Ruto addressed to "
        "the Russian leader.",
        layer,
    )
    assert [kind for kind, _ in events(graph) if kind != "PositionHolding"] == ["LetterDelivery"]


def test_an_invitee_named_by_a_title_after_the_is_invited(layer):
    """ "invited the Danish Prime Minister to visit Ukraine": the title, resolved to the person
    named before, is the invitee though "the" stands between."""
    graph = extract(
        "Kenyan President William Ruto spoke with Italian Prime Minister Giorgia Meloni. Ruto "
        "invited the Italian Prime Minister to visit Nairobi.",
        layer,
    )
    invitations = [roles for kind, roles in events(graph) if kind == "Invitation"]
    assert [(r["inviter"], r["invitee"]) for r in invitations] == [
        (["person/william-ruto"], ["person/giorgia-meloni"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Niger ordered the French ambassador to leave the country within 48 hours.",
        "Niger expelled the French ambassador on Monday.",
    ],
)
def test_an_unnamed_envoy_expelled_stands_for_the_state_they_serve(layer, text):
    """ "ordered the French ambassador to leave": the envoy, named by a title only, is
    France's; the expulsion's target is France."""
    assert of_kind(text, "DiplomatExpulsion", layer) == [
        ("DiplomatExpulsion", {"agent": ["country/niger"], "target": ["country/france"]})
    ]


def test_the_next_round_agreed_on_is_expected_between_the_states(layer):
    """ "The ministers agreed to hold the next round of talks in Rome": an expected meeting
    of the states the ministers serve (`as_home`), where the words say."""
    graph = extract(
        "Kenyan Foreign Minister Musalia Mudavadi met Italian Foreign Minister Antonio Tajani "
        "in Nairobi on Monday. The ministers agreed to hold the next round of talks in Rome.",
        layer,
    )
    expected = [
        roles
        for kind, roles in events(graph)
        if kind == "Meeting" and "country/kenya" in roles.get("participant", [])
    ]
    assert expected == [{"participant": ["country/italy", "country/kenya"], "place": ["city/rome"]}]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The Storting ratified the treaty on Tuesday.", "org/storting"),
        ("The treaty was ratified by the Storting on Tuesday.", "org/storting"),
        ("The Storting of the Kingdom of Norway voted to ratify the treaty.", "org/storting"),
    ],
)
def test_a_ratification_is_its_ratifiers_own(layer, text, party):
    """ "the Storting ratified the treaty": a ratification (one party, unlike a signing), by the
    head of "A of the B" when a chain names it."""
    assert of_kind(text, "Ratification", layer) == [("Ratification", {"participant": [party]})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "conferred on X the Order of Y": the one who confers hosts, the honoured takes part
            "President William Ruto conferred on Abiy Ahmed the Order of the Golden Heart.",
            [("Ceremony", {"host": [RUTO], "participant": [ABIY]}), MET_HASSAN, MET_RUTO],
        ),
        (  # the passive, with who conferred it after "by"
            "Abiy Ahmed was conferred with the Order of the Golden Heart by President "
            "William Ruto.",
            [("Ceremony", {"host": [RUTO], "participant": [ABIY]}), MET_HASSAN, MET_RUTO],
        ),
        (  # "presented X with the highest award"
            "William Ruto presented Abiy Ahmed with Kenya's highest state award.",
            [("Ceremony", {"host": [RUTO], "participant": [ABIY]}), MET_HASSAN, MET_RUTO],
        ),
        (  # "conferred with" a person is still a meeting: no honour follows
            "On Tuesday, Hassan Sheikh Mohamud conferred with William Ruto.",
            [MET_HASSAN, MET_RUTO, ("Meeting", {"participant": [HASSAN, RUTO]})],
        ),
    ],
)
def test_an_honour_conferred_is_a_ceremony(text, expected, layer):
    """ "conferred the Order of X on Y", "Y was conferred with the Order of X by Z", "presented Y
    with an award": a ceremony hosted by who confers the honour (frame.honour)."""
    assert found(text, layer) == expected


def test_a_first_vice_president_is_a_title_of_its_own(layer):
    """ "a letter to First Vice-President of Iran X": the title keeps "First", and X receives the
    letter."""
    text = (
        "Prime Minister Nikol Pashinyan sent a letter of condolence to First Vice-President of "
        "Iran Mohammad Mokhber."
    )
    assert of_kind(text, "LetterDelivery", layer) == [
        (
            "LetterDelivery",
            {"sender": ["person/nikol-pashinyan"], "recipient": ["person/mohammad-mokhber"]},
        )
    ]


KENYA, SOMALIA = "country/kenya", "country/somalia"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "all its diplomats", a capital for its state
            "Kenya will recall all its diplomats from Mogadishu, the foreign ministry said.",
            [("DiplomatExpulsion", {"agent": [KENYA], "target": [SOMALIA]})],
        ),
        (  # "its ambassador to the X"
            "Kenya decided on Monday to withdraw its ambassador to the United States.",
            [("DiplomatExpulsion", {"agent": [KENYA], "target": ["country/united-states"]})],
        ),
        (  # one recall from two capitals, ordered by a minister for his state; "for
            # consultations" is part of the recall, no talks
            "Kenyan Foreign Minister Musalia Mudavadi ordered the immediate return of Kenya's "
            "ambassadors in Addis Ababa and Kampala for consultations.",
            [
                (
                    "DiplomatExpulsion",
                    {
                        "agent": [KENYA, "person/musalia-mudavadi"],
                        "target": ["country/ethiopia", "country/uganda"],
                    },
                )
            ],
        ),
    ],
)
def test_an_envoy_recalled_or_withdrawn(text, expected, layer):
    """ "recall all its diplomats from X", "withdraw its ambassador to the X", "ordered the return
    of its ambassadors in X and Y" (expulsion.recall)."""
    assert [e for e in events(extract(text, layer)) if e[0] != "Statement"] == expected


def test_the_two_leaders_are_the_two_the_story_names_most_as_leaders(layer):
    """ "The two leaders" after a hosting and an entourage: the two heads of state or government
    named most, not the last two people named; the talks read across "restricted and
    delegation-level"."""
    text = (
        "President William Ruto received Prime Minister Abiy Ahmed at State House in Nairobi on "
        "Monday. Abiy Ahmed arrived on Sunday. He was accompanied by Foreign Minister Taye Atske "
        "Selassie and Ambassador Bacha Debele. The two leaders held restricted and "
        "delegation-level talks."
    )
    assert of_kind(text, "Talks", layer) == [("Talks", {"participant": [ABIY, RUTO]})]


def test_a_summit_named_with_its_body_and_a_flight_on_to_a_capital(layer):
    """ "attended the IGAD Heads of State Summit": a meeting with the body across the words
    that name the gathering (lexicon `gathering_modifier`); "will fly straight on to Kampala": a
    visit across the words between the verb and "to" (`travel_particle`)."""
    text = (
        "Kenyan President William Ruto attended the IGAD Heads of State Summit in Djibouti. "
        "Ethiopian Prime Minister Abiy Ahmed met Kenyan President William Ruto. On Tuesday he "
        "will fly straight on to Kampala."
    )
    igad = "org/intergovernmental-authority-on-development"
    assert events(extract(text, layer)) == [
        ("Meeting", {"participant": [igad, RUTO], "place": ["country/djibouti"]}),
        ("Meeting", {"participant": [ABIY, RUTO]}),
        ("Visit", {"traveller": [ABIY], "host": ["country/uganda"], "place": ["city/kampala"]}),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United States on Monday sanctioned three Iranian companies.",
            [
                (
                    "SanctionImposition",
                    {"agent": ["country/united-states"], "target": ["org/iranian-companies"]},
                )
            ],
        ),
        (
            "Japan froze the assets of Russian officials.",
            [("SanctionImposition", {"agent": ["country/japan"], "target": ["country/russia"]})],
        ),
        (
            "The US imposed visa restrictions on Ugandan officials.",
            [
                (
                    "SanctionImposition",
                    {"agent": ["country/united-states"], "target": ["country/uganda"]},
                )
            ],
        ),
        (
            "Kenya kicked out two Somali diplomats.",
            [("DiplomatExpulsion", {"agent": [KENYA], "target": [SOMALIA]})],
        ),
        (  # to designate a state an ally is no sanction
            "Washington announced plans to designate Kenya a major non-Nato ally.",
            [],
        ),
    ],
)
def test_sanctions_and_expulsions_of_the_event_dictionaries(text, expected, layer):
    """PLOVER's SANCTION and CAMEO 163/172 wordings: "sanctioned N firms", "froze the assets
    of", "imposed visa restrictions on"; CAMEO 1663: "kicked out N diplomats"."""
    assert [e for e in events(extract(text, layer)) if e[0] != "Statement"] == expected


ETHIOPIA = "country/ethiopia"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenyan President William Ruto touched down in Addis Ababa.",
            [
                ("Arrival", {"traveller": [RUTO], "place": ["city/addis-ababa"]}),
                ("Visit", {"traveller": [RUTO], "host": [ETHIOPIA], "place": ["city/addis-ababa"]}),
            ],
        ),
        (
            "Ethiopian Prime Minister Abiy Ahmed played host to Kenyan President William Ruto.",
            [("Hosting", {"traveller": [RUTO], "host": [ABIY]})],
        ),
        (
            "Ethiopian Prime Minister Abiy Ahmed and Kenyan President William Ruto held a "
            "telephone conversation.",
            [("Talks", {"participant": [ABIY, RUTO]})],
        ),
        (
            "Ethiopian Prime Minister Abiy Ahmed dialled Kenyan President William Ruto.",
            [("Talks", {"participant": [ABIY, RUTO]})],
        ),
        (
            "Ethiopia and Kenya exchanged the instruments of ratification.",
            [("Ratification", {"participant": [ETHIOPIA, KENYA]})],
        ),
        (  # "host" with drills after it is an exercise, not a hosting
            "Ethiopia will host joint military drills with Kenya.",
            [("MilitaryExercise", {"agent": [ETHIOPIA], "participant": [KENYA]})],
        ),
    ],
)
def test_arrivals_hosts_calls_ratifications_and_drills_of_wire_copy(text, expected, layer):
    """Wordings of CAMEO's and PLOVER's classes the rules had no words for: "touched down in",
    "played host to", "held a telephone conversation", "dialled",
    "exchanged the instruments of ratification", "will host drills with"."""
    assert [e for e in events(extract(text, layer)) if e[0] != "Statement"] == expected


@pytest.mark.parametrize(
    "aside",
    ["on his first foreign trip since taking office", "accompanied by a large delegation"],
)
def test_a_phrase_set_off_after_the_subject_is_read_past(aside, layer):
    """ "X, on his first trip abroad, arrived in Y", "X, accompanied by ..., arrived in Y": the
    phrase a word of `phrase_opener` opens is set off like a participle's."""
    text = f"Kenyan President William Ruto, {aside}, arrived in Addis Ababa."
    assert events(extract(text, layer)) == [
        ("Arrival", {"traveller": [RUTO], "place": ["city/addis-ababa"]}),
        ("Visit", {"traveller": [RUTO], "host": [ETHIOPIA], "place": ["city/addis-ababa"]}),
    ]


def test_a_visit_noun_after_a_trailing_after_is_the_main_subjects(layer):
    """ "X flew home on Monday after a two-day visit to Y": read back from "a visit" over "after"
    to a verb, the visit is the sentence's main subject's (`_noun_subject`)."""
    text = "Ethiopian Prime Minister Abiy Ahmed flew home on Monday after a two-day visit to Kenya."
    assert events(extract(text, layer)) == [
        ("Visit", {"traveller": [ABIY], "host": [KENYA], "place": [KENYA]})
    ]


def test_due_in_a_city_is_a_visit_to_come(layer):
    """ "X is due in Y on Monday" (told on a Tuesday): a visit expected next Monday
    (frame.due-in), not one made the day before."""
    graph = extract("Ethiopian Prime Minister Abiy Ahmed is due in Nairobi on Monday.", layer)
    visits = list(graph.subjects(RDF.type, DIP.Visit))
    assert [str(v).removeprefix(str(ID)) for v in visits] == [
        "event/visit/2024-12-09/abiy-ahmed-nairobi"
    ]
    told = list(graph.subjects(DIP.attests, visits[0]))
    assert [str(graph.value(a, DIP.modality)).split("#")[-1] for a in told] == ["Expected"]


def test_a_pledge_of_an_amount_in_aid_is_a_pledge_of_help(layer):
    """ "pledged 500 million euros in military aid to X": the amount between the verb and the
    aid (pledge.help reads six words across)."""
    text = "Germany pledged 500 million euros in military aid to Ukraine."
    assert events(extract(text, layer)) == [
        ("PledgeOfHelp", {"agent": ["country/germany"], "target": ["country/ukraine"]})
    ]


TALKED = (
    "Kenyan President William Ruto held talks with Ethiopian Prime Minister Abiy Ahmed in "
    "Addis Ababa on Monday. "
)
TALKS = ("Talks", {"participant": [ABIY, RUTO], "place": ["city/addis-ababa"]})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "the leaders": the pair that just held talks (with their states, who witness)
            "The leaders also witnessed the signing of five agreements.",
            [
                (
                    "AgreementSigning",
                    {
                        "participant": [ETHIOPIA, KENYA, ABIY, RUTO],
                        "place": ["city/addis-ababa"],
                    },
                ),
                TALKS,
            ],
        ),
    ],
)
def test_the_leaders_after_talks(text, expected, layer):
    """ "The leaders" are the pair of the latest talks (refer: salient_leaders)."""
    assert events(extract(TALKED + text, layer)) == expected


@pytest.mark.parametrize("word", ["before", "after"])
def test_a_trailing_summit_after_a_comma_is_nobody_s_in_particular(word, layer):
    """ "Analysts said ..., coming weeks before/after a summit of X": the summit is no meeting of
    the analysts (no `trailing_governor` before it, or a comma between subject and phrase)."""
    text = (
        "Analysts said the timing of the contacts was significant, coming weeks "
        f"{word} a summit of the African Union."
    )
    assert [e for e in events(extract(text, layer)) if e[0] != "Statement"] == []


def test_a_meeting_noun_after_to_and_a_support_verb_is_the_travellers(layer):
    """ "X flew to Nairobi on Monday to attend a meeting of Y": read back from "a meeting" over
    "to attend", the meeting is the infinitive's subject's (the flyer), not the city's."""
    text = (
        "Ethiopian Prime Minister Abiy Ahmed flew to Nairobi on Monday to attend a meeting of "
        "the African Union."
    )
    assert events(extract(text, layer)) == [
        ("Meeting", {"participant": ["org/african-union", ABIY], "place": NAIROBI}),
        ("Visit", {"traveller": [ABIY], "host": [KENYA], "place": NAIROBI}),
    ]


def test_invited_to_pay_a_visit_stays_the_invitees(layer):
    """ "X invited Y to pay a visit to Z": the person right before "to pay" is the visitor (the
    infinitive's controller is read only when no person stops the reading back)."""
    graph = extract(
        "Kenyan President William Ruto invited Ethiopian Prime Minister Abiy Ahmed to pay a "
        "visit to Kenya.",
        layer,
    )
    assert sorted(str(v).removeprefix(str(ID)) for v in graph.subjects(RDF.type, DIP.Visit)) == [
        "event/visit/undated/abiy-ahmed-kenya"
    ]


def test_a_letter_handed_over_during_a_meeting_goes_to_whom_the_carrier_met(layer):
    """ "During a meeting with X later on Monday, Y handed over a letter from Z": Y met X
    (meeting.noun's fronted pattern), in the past ("later" is no cue of the future), and the
    letter's recipient is whom its carrier met (default `partner:`)."""
    text = (
        "During a meeting with Kenyan President William Ruto later on Monday, Ethiopian Prime "
        "Minister Abiy Ahmed handed over a letter from Somali President Hassan Sheikh Mohamud."
    )
    graph = extract(text, layer)
    assert events(graph) == [
        (
            "LetterDelivery",
            {"sender": [HASSAN], "carrier": [ABIY], "recipient": [RUTO]},
        ),
        ("Meeting", {"participant": [ABIY, RUTO]}),
    ]
    meeting = ID["event/meeting/2024-12-02/abiy-ahmed-william-ruto"]
    told = list(graph.subjects(DIP.attests, meeting))
    assert [str(graph.value(a, DIP.modality)).split("#")[-1] for a in told] == ["Happened"]


def test_a_letter_with_no_meeting_of_its_carrier_names_no_recipient(layer):
    """A letter handed over with no recipient in its sentence and no meeting of its carrier
    that day is no delivery (the `partner:` default finds nobody)."""
    text = (
        "Ethiopian Prime Minister Abiy Ahmed met Kenyan President William Ruto on Friday. "
        "On Monday, Abiy handed over a letter from Somali President Hassan Sheikh Mohamud."
    )
    assert of_kind(text, "LetterDelivery", layer) == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Kenya summoned the Ethiopian envoy on Monday.", [ETHIOPIA, KENYA]),
        ("Kenya summoned Ethiopia's charge d'affaires on Monday.", [ETHIOPIA, KENYA]),
        (
            "Kenya summoned the ambassadors of Ethiopia, Somalia and Uganda.",
            [ETHIOPIA, KENYA, "country/somalia", "country/uganda"],
        ),
    ],
)
def test_a_summoned_envoy_named_by_title_only_stands_for_the_state(text, parties, layer):
    """ "summoned the Ethiopian envoy": a meeting of the summoner and the envoy's state
    (meeting.summon, `title_for_state`, lexicon `envoy_noun`)."""
    assert [(k, r["participant"]) for k, r in events(extract(text, layer))] == [
        ("Meeting", parties)
    ]


def test_an_unnamed_titled_person_is_no_state_where_the_rule_does_not_say_so(layer):
    """ "met the Ethiopian envoy": no meeting with Ethiopia (only `target` and the roles a rule's
    `title_for_state` lists read an unnamed title as its state)."""
    assert of_kind("Kenyan President William Ruto met the Ethiopian envoy.", "Meeting", layer) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya hosted a summit of the African Union in Nairobi on Monday.",
            ("Meeting", {"participant": ["country/kenya", "org/african-union"], "place": NAIROBI}),
        ),
        (
            "Kenya is due to host an emergency African Union summit on Friday.",
            ("Meeting", {"participant": ["country/kenya", "org/african-union"]}),
        ),
    ],
)
def test_hosting_a_bodys_summit_is_a_meeting_of_host_and_body(text, expected, layer):
    """ "X hosted a summit of Y", "X is due to host a Y summit": a meeting of the host and the
    body (meeting.host-summit)."""
    assert events(extract(text, layer)) == [expected]


def test_a_required_word_is_read_to_the_clause_end(layer):
    """ "will provide X with an additional 2 billion dollars in military aid": the aid word lies
    past `REACH` but in the trigger's clause (frame.supply's `requires`)."""
    text = (
        "Germany will provide Ukraine with an additional 2 billion dollars in military aid, "
        "the ministry said."
    )
    assert of_kind(text, "MilitaryAid", layer) == [
        ("MilitaryAid", {"agent": ["country/germany"], "target": ["country/ukraine"]})
    ]


def test_a_required_word_past_a_clause_boundary_does_not_count(layer):
    """ "provided food to X, which ... military aid": the aid word is another clause's."""
    text = "Germany provided food to Ukraine on Monday, while Britain pledged more military aid."
    assert of_kind(text, "MilitaryAid", layer) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Kenya fired a ballistic missile into the sea on Monday.", True),
        ("Kenya launched two short-range missiles off its coast.", True),
        ("Kenya fired rockets into Somali territory.", False),  # an attack, no exercise
    ],
)
def test_missiles_launched_into_the_sea_are_an_exercise(text, found, layer):
    """A launch into the sea or off a coast is a test (exercise.launch); one into a country
    is an attack."""
    expected = [("MilitaryExercise", {"agent": [KENYA]})] if found else []
    assert of_kind(text, "MilitaryExercise", layer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an adverb of the lexicon's `speech_adverb` between speaker and verb
            "Kenyan President William Ruto recently told CNN that Somalia would take charge.",
            [("Statement", {"agent": [RUTO], "target": ["org/cnn"]})],  # told: the addressee
        ),
        (  # "earlier" is matched by its lemma, "early"
            "Kenyan President William Ruto had earlier said the talks would continue.",
            [("Statement", {"agent": [RUTO]})],
        ),
        (  # an appeal to nobody named (statement.appeal)
            "Kenyan President William Ruto called on the international community to help.",
            [("Statement", {"agent": [RUTO]})],
        ),
        (  # an appeal in the perfect, with an adverb of `speech_adverb` ("has repeatedly")
            "Kenyan President William Ruto has repeatedly called for calm.",
            [("Statement", {"agent": [RUTO]})],
        ),
        (
            "Kenyan President William Ruto has called on Somalia to help.",
            [("Statement", {"agent": [RUTO], "target": ["country/somalia"]})],
        ),
        (  # greetings conveyed to someone (statement.greetings)
            "Ethiopian Prime Minister Abiy Ahmed conveyed the greetings of his government to "
            "Kenyan President William Ruto.",
            [("Statement", {"agent": [ABIY], "target": [RUTO]})],
        ),
        (  # "Kenya's claim": "'s" is a form of "have", but no auxiliary of a speech verb
            "Kenya's claim is false.",
            [],
        ),
    ],
)
def test_speech_verbs_after_adverbs_and_appeals(text, expected, layer):
    """Statements read across the lexicon's speech adverbs, appeals and greetings."""
    assert events(extract(text, layer)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "a guard of honour" is a welcome (lexicon `welcome_noun`)
            "Kenyan President William Ruto was accorded a guard of honour in Addis Ababa.",
            [("Ceremony", {"participant": [RUTO], "place": ["city/addis-ababa"]})],
        ),
        (  # the place left after a visit is the visit's (visit.noun)
            "Kenyan President William Ruto left Addis Ababa on Monday after a two-day state visit.",
            [("Visit", {"traveller": [RUTO], "host": [ETHIOPIA], "place": ["city/addis-ababa"]})],
        ),
        (  # co-chairs meet, with the body they chair (meeting.co-chair)
            "Ruto and Abiy co-chaired the Kenya-Ethiopia Joint Commission.",
            [
                (
                    "Meeting",
                    {"participant": ["org/kenya-ethiopia-joint-commission", ABIY, RUTO]},
                )
            ],
        ),
    ],
)
def test_honour_guards_departures_after_visits_and_co_chairs(text, expected, layer):
    """Wordings of wire copy probed with made-up sentences (a third battery)."""
    assert events(extract(text, layer)) == expected


def test_his_visit_after_a_clause_is_its_subjects(layer):
    """ "X held talks with Y ..., on the second day of his visit to Z": "his" is the clause's
    subject's, not the nearest person's (`_noun_subject`)."""
    text = (
        "Kenyan President William Ruto held talks with Ethiopian Prime Minister Abiy Ahmed in "
        "Addis Ababa, on the second day of his visit to Ethiopia."
    )
    assert of_kind(text, "Visit", layer) == [
        ("Visit", {"traveller": [RUTO], "host": [ETHIOPIA], "place": [ETHIOPIA]})
    ]


def test_a_meeting_for_which_one_travelled_is_the_travellers(layer):
    """ "X travelled to Y on Monday for a meeting of Z": after a `purpose_word`, the meeting is
    the main subject's, not the city's (`_noun_subject`)."""
    text = (
        "Ethiopian Prime Minister Abiy Ahmed travelled to Nairobi on Monday for a meeting of "
        "the African Union."
    )
    assert of_kind(text, "Meeting", layer) == [
        ("Meeting", {"participant": ["org/african-union", ABIY], "place": NAIROBI})
    ]


def test_a_summit_with_a_bodys_unnamed_boss_is_no_summit_with_the_body(layer):
    """ "a summit with the Kremlin boss": the boss is a person the sentence does not name, not
    the Kremlin (lexicon `leader_noun`); no meeting of Abiy and Russia."""
    text = "Abiy Ahmed arrived in Russia for a rare summit with the Kremlin boss."
    assert of_kind(text, "Meeting", layer) == []


def test_a_verbs_object_and_the_next_clauses_subject_are_no_pair(layer):
    """ "X invited Y to visit Z, and Y accepted the invitation": "Z, and Y" are two clauses'
    entities (Z a verb's object), not one group, so the visit and the acceptance are read."""
    text = (
        "Kenyan President William Ruto invited Ethiopian Prime Minister Abiy Ahmed to visit "
        "Kenya, and Abiy accepted the invitation."
    )
    assert events(extract(text, layer)) == [
        ("Invitation", {"inviter": [RUTO], "invitee": [ABIY]}),
        ("InvitationAcceptance", {"agent": [ABIY], "target": [RUTO]}),
        ("Visit", {"traveller": [ABIY], "host": [KENYA], "place": [KENYA]}),
    ]


def test_a_verb_joined_by_and_shares_the_earlier_phrases_subject(layer):
    """ "X visited Warsaw on Thursday and met Y": the meeting is X's, not Warsaw's (the
    pattern's gap reached back to the first verb's object; `share_subjects`)."""
    text = (
        "Abiy Ahmed visited Mogadishu on Thursday and met Somali President Hassan Sheikh Mohamud."
    )
    assert of_kind(text, "Meeting", layer) == [
        ("Meeting", {"participant": [ABIY, HASSAN], "place": ["city/mogadishu"]})
    ]


@pytest.mark.parametrize("joiner", ["and", ", and"])
def test_a_joined_verbs_subject_is_read_back_across_a_fronted_date(joiner, layer):
    """In "On Thursday X held talks with Y and met Z" the meeting is X's: the date opening the
    sentence leaves X in a subject's place (frames.py `_subject_position`)."""
    text = (
        "On Thursday Abiy Ahmed held talks with William Ruto"
        f"{' ' if joiner == 'and' else ''}{joiner} met Somali President Hassan Sheikh Mohamud."
    )
    assert of_kind(text, "Meeting", layer) == [("Meeting", {"participant": [ABIY, HASSAN]})]


def test_a_past_verb_after_and_is_no_noun_of_the_objects_determiner(layer):
    """ "X welcomed the guests and later met Y": "met" is a verb joined to the first phrase (its
    subject X), not a noun that "the" of "the guests" determines (frames.py `_determiner`)."""
    text = "Abiy Ahmed welcomed the guests and later met Somali President Hassan Sheikh Mohamud."
    assert of_kind(text, "Meeting", layer) == [("Meeting", {"participant": [ABIY, HASSAN]})]


def test_an_invitation_after_and_is_the_subjects_not_the_objects(layer):
    """ "X met Y in Z and invited him to visit W": X invites Y (Y invited himself before)."""
    text = "Abiy Ahmed met William Ruto in Addis Ababa and invited him to visit Mogadishu."
    assert of_kind(text, "Invitation", layer) == [
        ("Invitation", {"inviter": [ABIY], "invitee": [RUTO], "place": ["city/addis-ababa"]})
    ]


def test_talks_after_and_held_are_the_arrivals(layer):
    """ "X arrived in Y on Tuesday and held talks with Z": X's talks, across the support verb."""
    text = "William Ruto arrived in Mogadishu on Tuesday and held talks with Hassan Sheikh Mohamud."
    assert of_kind(text, "Talks", layer) == [
        ("Talks", {"participant": [HASSAN, RUTO], "place": ["city/mogadishu"]})
    ]


def test_a_subject_after_a_dash_is_the_subject_not_the_dateline_agency(layer):
    """ "Nairobi, Xinhua -- X met and held talks with Y": X, not the agency before the dash."""
    text = "Nairobi, Xinhua -- William Ruto met and held talks with Abiy Ahmed on Monday."
    assert of_kind(text, "Talks", layer) == [
        ("Talks", {"participant": [ABIY, RUTO], "place": NAIROBI})
    ]


def test_an_invitation_accepted_with_no_inviter_is_the_hosts(layer):
    """ "X accepted an invitation to visit Y": an acceptance of the host state's invitation and
    a visit to come (no visit made), the visit dated by the words after it."""
    text = "Abiy Ahmed accepted an invitation to visit Kenya next year."
    graph = extract(text, layer)
    assert events(graph) == [
        ("Invitation", {"inviter": [KENYA], "invitee": [ABIY]}),
        ("InvitationAcceptance", {"agent": [ABIY], "target": [KENYA]}),
        ("Visit", {"traveller": [ABIY], "host": [KENYA], "place": [KENYA]}),
    ]
    visits = [n for n in graph.subjects(RDF.type, DIP.Visit)]
    assert [str(graph.value(v, DIP.earliestDate)) for v in visits] == ["2025-01-01"]
    modalities = {
        str(graph.value(a, DIP.modality)).split("#")[-1]
        for a in graph.subjects(DIP.attests, visits[0])
    }
    assert modalities == {"Expected"}
    invitations = list(graph.subjects(RDF.type, DIP.Invitation))
    assert [graph.value(i, DIP.earliestDate) for i in invitations] == [None]


def test_a_protest_note_is_the_handers_states(layer):
    """ "X handed a protest note to Y": a letter of X's state, X its carrier (frame.note-hand,
    `home_of`); a foreign ministry hands its country's note; an unnamed envoy is their state."""
    text = "Kenyan President William Ruto handed a protest note to Abiy Ahmed on Monday."
    assert of_kind(text, "LetterDelivery", layer) == [
        ("LetterDelivery", {"carrier": [RUTO], "recipient": [ABIY], "sender": [KENYA]})
    ]
    text = "The Kenyan foreign ministry handed a protest note to the Somali ambassador on Monday."
    assert of_kind(text, "LetterDelivery", layer) == [
        (
            "LetterDelivery",
            {
                "carrier": ["org/foreign-ministry-of-kenya"],
                "recipient": [SOMALIA],
                "sender": [KENYA],
            },
        )
    ]


def test_their_consultations_are_the_clauses_subjects(layer):
    """ "A and B held their annual consultations": "their" owns the talks whoever A and B are
    (lexicon `plural_possessive`), and bare "consultations" after "held" are talks."""
    for text in (
        "Kenya and Somalia held their annual consultation in Nairobi on Monday.",
        "Kenya and Somalia held annual consultations in Nairobi on Monday.",
    ):
        assert of_kind(text, "Talks", layer) == [
            ("Talks", {"participant": [KENYA, SOMALIA], "place": NAIROBI})
        ], text


def test_a_video_conference_with_a_counterpart_is_talks(layer):
    """ "X held a video conference with his Somali counterpart Y": talks of X and Y."""
    text = (
        "Kenyan President William Ruto held a video conference with his Somali counterpart "
        "Hassan Sheikh Mohamud on Monday."
    )
    assert of_kind(text, "Talks", layer) == [("Talks", {"participant": [HASSAN, RUTO]})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # honours make a welcome a ceremony, its greeter the host
            "Abiy Ahmed was welcomed with full military honours in Nairobi on Monday by "
            "William Ruto.",
            ("Ceremony", {"host": [RUTO], "participant": [ABIY]}),
        ),
        (
            "Abiy Ahmed received a red-carpet welcome from William Ruto in Nairobi on Monday.",
            # the place right after the rule's words (`candidates._trailing_places`)
            ("Ceremony", {"host": [RUTO], "participant": [ABIY], "place": NAIROBI}),
        ),
        (  # the site after "in the forecourt of"
            "Abiy Ahmed was accorded a ceremonial welcome in the forecourt of State House.",
            ("Ceremony", {"participant": [ABIY], "place": ["place/state-house"]}),
        ),
    ],
)
def test_a_ceremonial_welcome_is_a_ceremony(layer, text, expected):
    """ "welcomed with full military honours", "a red-carpet welcome", "accorded a ceremonial
    welcome": a ceremony (lexicon `honour_display`, `ceremonial_modifier`)."""
    assert of_kind(text, "Ceremony", layer) == [expected]


@pytest.mark.parametrize(
    "occasion",
    ["on the sidelines of the SCO summit", "during a forum", "at the summit"],
)
def test_the_place_after_an_occasion_phrase_is_the_events(occasion, layer):
    """`candidates._trailing_places` reads past an occasion phrase (lexicon `occasion_opener`,
    `occasion_noun`) to the place after it: "met on the sidelines of the SCO summit in
    Tianjin" took place in Tianjin."""
    text = f"The leaders of Russia, China and India met {occasion} in Tianjin on Sunday."
    assert [e for e in events(extract(text, layer)) if e[0] == "Meeting"] == [
        (
            "Meeting",
            {
                "participant": ["country/china", "country/india", "country/russia"],
                "place": ["city/tianjin"],
            },
        )
    ]


def test_a_wreath_and_a_welcome_at_two_sites_are_two_ceremonies(layer):
    """A welcome at a palace and a wreath at a memorial the same day are two ceremonies
    (kinds.yaml `apart_by_place`), not one at both sites."""
    text = (
        "Abiy Ahmed was accorded a ceremonial welcome at State House on Monday. He later "
        "laid a wreath at Uhuru Gardens."
    )
    places = sorted(e[1].get("place", [""])[0] for e in of_kind(text, "Ceremony", layer))
    assert places == ["place/state-house", "place/uhuru-gardens"]


def test_agreements_signed_with_no_signer_are_the_states_of_those_who_met(layer):
    """ "Two memoranda were signed after the talks": signed that day for the states of those who
    held the talks (rule agreement.passive, source `parties_of`, `as_home`)."""
    text = (
        "Kenyan President William Ruto held talks with Somali President Hassan Sheikh Mohamud "
        "in Nairobi on Monday. Two memoranda of understanding were signed after the talks."
    )
    assert of_kind(text, "AgreementSigning", layer) == [
        ("AgreementSigning", {"participant": [KENYA, SOMALIA], "place": NAIROBI})
    ]
    text = "The treaty was signed in Nairobi in 2019."  # no talks that day: no signers
    assert of_kind(text, "AgreementSigning", layer) == []


def test_a_top_diplomat_is_the_foreign_minister_named_before(layer):
    """ "the Chinese top diplomat" after "Foreign Minister X": X (entities.yaml
    `title_epithets`); "..., the top diplomat was received by Y and also met Z": X met Z, the
    subject after "the" of the first verb's clause, not Y."""
    text = (
        "Kenyan Foreign Minister Musalia Mudavadi arrived in Mogadishu on Monday. In Mogadishu, "
        "the Kenyan top diplomat was received by Somali President Hassan Sheikh Mohamud and "
        "also met Abiy Ahmed."
    )
    mudavadi = "person/musalia-mudavadi"
    hosted = of_kind(text, "Hosting", layer)
    assert [e[1]["traveller"] for e in hosted] == [[mudavadi]]
    assert [e[1]["participant"] for e in of_kind(text, "Meeting", layer)] == [[ABIY, mudavadi]]


def test_a_funeral_attended_is_the_mourners_not_the_deceaseds(layer):
    """ "attended the funeral of X in Y": the attendee at Y; X is no participant."""
    text = "William Ruto attended the funeral of Abiy Ahmed in Addis Ababa on Monday."
    assert of_kind(text, "Ceremony", layer) == [
        ("Ceremony", {"participant": [RUTO], "place": ["city/addis-ababa"]})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Abiy Ahmed set out his position in a letter to William Ruto.",
        "In a message addressed to William Ruto, Abiy Ahmed expressed his condolences.",
    ],
)
def test_in_a_letter_to_someone_the_sentences_subject_writes(layer, text):
    """ "in a letter to Y": a letter of the sentence's subject to Y (rule key
    `sentence_subject`); "a message to the nation" is no letter."""
    assert of_kind(text, "LetterDelivery", layer) == [
        ("LetterDelivery", {"recipient": [RUTO], "sender": [ABIY]})
    ]


def test_no_letter_in_a_message_to_the_nation(layer):
    """An address "to the nation" is speech, not a letter to a state."""
    text = "In a message to the nation, Kenyan President William Ruto said Kenya would prevail."
    assert of_kind(text, "LetterDelivery", layer) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya closed its airspace to Somali airlines on Thursday.",
            ("BorderClosure", {"agent": [KENYA]}),
        ),
        (
            "Kenya closed all border checkpoints with Somalia on Thursday.",
            ("BorderClosure", {"agent": [KENYA], "target": [SOMALIA]}),
        ),
    ],
)
def test_airspace_and_checkpoints_closed_are_border_closures(layer, text, expected):
    """Airspace, checkpoints and crossings are borders a state closes (lexicon `border_noun`);
    the state named after "with" is the target."""
    assert of_kind(text, "BorderClosure", layer) == [expected]


SISI, BURHAN = "person/abdel-fattah-al-sisi", "person/abdel-fattah-al-burhan"
SHOUKRY = "person/sameh-shoukry"
SISI_LETTER = ("LetterDelivery", {"carrier": [SHOUKRY], "recipient": [BURHAN], "sender": [SISI]})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive with the sender's possessive, the recipient before or after the verb
        ("Sisi's letter was delivered to Burhan by Foreign Minister Sameh Shoukry.", SISI_LETTER),
        ("Sisi's letter to Burhan was handed over by Sameh Shoukry on Sunday.", SISI_LETTER),
        # received, and carried by the one a participle names
        (
            "Abdel Fattah al-Burhan received a written message from Abdel Fattah al-Sisi, "
            "delivered by Sameh Shoukry.",
            SISI_LETTER,
        ),
        # a relative clause sees its main clause's events: the host is the recipient
        (
            "Abdel Fattah al-Burhan received Sameh Shoukry, who delivered a letter from "
            "Abdel Fattah al-Sisi.",
            SISI_LETTER,
        ),
        # an object pronoun is not its clause's subject, resolved before it
        (
            "Sameh Shoukry met Abdel Fattah al-Burhan on Sunday. He handed him a letter from "
            "Abdel Fattah al-Sisi.",
            SISI_LETTER,
        ),
        # "carried", "wrote to", "addressed a letter to", a telegram, "in a message"
        (
            "Sameh Shoukry carried a personal message from Abdel Fattah al-Sisi to "
            "Abdel Fattah al-Burhan.",
            SISI_LETTER,
        ),
        (
            "Abdel Fattah al-Sisi has written to Abdel Fattah al-Burhan.",
            ("LetterDelivery", {"recipient": [BURHAN], "sender": [SISI]}),
        ),
        (
            "Abdel Fattah al-Sisi addressed a letter to Abdel Fattah al-Burhan on Friday.",
            ("LetterDelivery", {"recipient": [BURHAN], "sender": [SISI]}),
        ),
        (
            "Abdel Fattah al-Sisi sent a congratulatory telegram to Abdel Fattah al-Burhan.",
            ("LetterDelivery", {"recipient": [BURHAN], "sender": [SISI]}),
        ),
        (
            "Abdel Fattah al-Sisi conveyed his condolences to Abdel Fattah al-Burhan in a "
            "message on Monday.",
            ("LetterDelivery", {"recipient": [BURHAN], "sender": [SISI]}),
        ),
    ],
)
def test_letters_in_the_passive_carried_written_and_by_pronoun(layer, text, expected):
    """Letter wordings of wire copy (letters-invitations.yaml, lexicon `carry_verb`)."""
    assert of_kind(text, "LetterDelivery", layer) == [expected]


def test_in_a_letter_the_subject_may_be_titled_with_an_owner(layer):
    """ "In a letter to X, Iran's ambassador Y said": Y, after his owner and title, stands in
    subject position and sends the letter."""
    text = (
        "In a letter to UN Secretary-General Antonio Guterres, Iran's ambassador Amir Saeid "
        "Iravani said the strikes violated international law."
    )
    # ("Amir" opens the name of a listed figure: people.yaml; was "Saeid Iravani")
    assert of_kind(text, "LetterDelivery", layer) == [
        (
            "LetterDelivery",
            {"recipient": ["person/antonio-guterres"], "sender": ["person/amir-saeid-iravani"]},
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "reached X" is an arrival (not "reached an agreement")
        (
            "Recep Tayyip Erdogan reached Doha on Wednesday.",
            [("Arrival", {"place": ["city/doha"], "traveller": ["person/recep-tayyip-erdogan"]})],
        ),
        ("Kenya and Ethiopia reached an agreement on Wednesday.", []),
        # an opening "On his arrival at X," is the main clause subject's arrival ...
        (
            "On his arrival at Jomo Kenyatta International Airport, Abiy Ahmed was greeted by "
            "William Ruto.",
            [
                (
                    "Arrival",
                    {
                        "place": ["place/jomo-kenyatta-international-airport"],
                        "traveller": [ABIY],
                    },
                )
            ],
        ),
        # ... with no possessive, and a participle: "upon arrival at", "after arriving in"
        (
            "Upon arrival at Jomo Kenyatta International Airport, Abiy Ahmed was greeted by "
            "William Ruto.",
            [
                (
                    "Arrival",
                    {
                        "place": ["place/jomo-kenyatta-international-airport"],
                        "traveller": [ABIY],
                    },
                )
            ],
        ),
        (
            "After arriving in Nairobi, Abiy Ahmed was welcomed by William Ruto.",
            [("Arrival", {"place": ["city/nairobi"], "traveller": [ABIY]})],
        ),
    ],
)
def test_arrivals_reached_and_on_arrival(layer, text, expected):
    """Arrival wordings (travel.yaml; rule key `fronted_subject`)."""
    assert of_kind(text, "Arrival", layer) == expected


def test_upon_his_arrival_after_the_main_clause_is_the_objects(layer):
    """... but "X received Y upon his arrival" is Y's: the earlier subject's, not X's."""
    text = (
        "Abiy Ahmed arrived in Nairobi on Monday. William Ruto received him upon his arrival at "
        "Jomo Kenyatta International Airport."
    )
    travellers = {tuple(r["traveller"]) for _, r in of_kind(text, "Arrival", layer)}
    assert travellers == {(ABIY,)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pope Francis received William Ruto in private audience on Friday.",
            ("Meeting", {"participant": ["person/pope-francis", RUTO]}),
        ),
        (
            "Pope Francis granted an audience to William Ruto on Friday.",
            ("Meeting", {"participant": ["person/pope-francis", RUTO]}),
        ),
        (
            "Abiy Ahmed had a working lunch with William Ruto in Nairobi on Friday.",
            ("Meeting", {"participant": [ABIY, RUTO], "place": NAIROBI}),
        ),
    ],
)
def test_audiences_and_working_meals_are_meetings(layer, text, expected):
    """An audience granted or received in, and a meal with someone, are meetings, not a hosting
    (meetings.yaml `meeting.audience`, frame `meal-noun`)."""
    found_events = [e for e in events(extract(text, layer)) if e[0] in ("Meeting", "Hosting")]
    assert found_events == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya and Ethiopia exchanged 28 agreements on Monday.",
            {"participant": [ETHIOPIA, KENYA]},
        ),
        # a reduced relative: the sentence's subject signed it, where and when it says
        (
            "Kenya and Ethiopia restored ties under an agreement signed in Nairobi on March 10, "
            "2023.",
            {"participant": [ETHIOPIA, KENYA], "place": NAIROBI},
        ),
        (
            "The treaty signed between Kenya and Ethiopia remains in force.",
            {"participant": [ETHIOPIA, KENYA]},
        ),
    ],
)
def test_agreements_exchanged_and_signed_in_a_reduced_relative(layer, text, expected):
    """Signing wordings (frame `sign` with "exchange", meetings.yaml `agreement.reduced`)."""
    assert of_kind(text, "AgreementSigning", layer) == [("AgreementSigning", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the welcome ceremony is told before the talks: its host is whom the guest met that day
        (
            "Abiy Ahmed arrived in Nairobi on Monday. An official welcome ceremony was held for "
            "the Ethiopian leader at State House. Abiy Ahmed and William Ruto then held talks.",
            [("Ceremony", {"host": [RUTO], "participant": [ABIY], "place": ["place/state-house"]})],
        ),
        # a wreath laid is no one's welcome: no host
        (
            "Abiy Ahmed arrived in Nairobi on Monday. Abiy Ahmed laid a wreath at Uhuru Gardens. "
            "Abiy Ahmed and William Ruto then held talks.",
            [("Ceremony", {"participant": [ABIY], "place": ["place/uhuru-gardens"]})],
        ),
    ],
)
def test_a_welcome_ceremony_is_hosted_by_whom_the_guest_met_that_day(layer, text, expected):
    """Rule key `late_defaults` (partner:Hosting,Meeting,Talks.participant): filled once all
    the article's events are known, so a later meeting names the ceremony's host."""
    assert of_kind(text, "Ceremony", layer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Abiy Ahmed spoke to William Ruto by phone on Sunday.",
            ("Talks", {"participant": [ABIY, RUTO]}),
        ),
        (
            "The summit brought together Abiy Ahmed, William Ruto and Hassan Sheikh Mohamud.",
            ("Meeting", {"participant": [ABIY, HASSAN, RUTO]}),
        ),
        (
            "Abiy Ahmed joined William Ruto for talks in Nairobi on Friday.",
            ("Meeting", {"participant": [ABIY, RUTO], "place": NAIROBI}),
        ),
        (
            "Abiy Ahmed and William Ruto convened in Nairobi on Thursday.",
            ("Meeting", {"participant": [ABIY, RUTO], "place": NAIROBI}),
        ),
    ],
)
def test_calls_by_phone_gatherings_joined_and_convened(layer, text, expected):
    """Meeting wordings (meetings.yaml `talks.by-phone`, `meeting.joined-for`,
    `meeting.brought-together`; frame `meet` with "convene")."""
    assert [e for e in events(extract(text, layer)) if e[0] in ("Meeting", "Talks")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sanctions in force named by a phrase, under a refusal to join them
        (
            "Kenya has refused to join EU sanctions against Somalia.",
            {"agent": ["org/european-union"], "target": [SOMALIA]},
        ),
        (
            "Kenya placed sanctions on Somalia's military leaders.",
            {"agent": [KENYA], "target": [SOMALIA]},
        ),
        (
            "Kenya targeted Somalia's shadow fleet with new sanctions.",
            {"agent": [KENYA], "target": [SOMALIA]},
        ),
        # goods of a nation: the nationality, or the state after "from", is the target
        ("Kenya banned imports of Somali khat.", {"agent": [KENYA], "target": [SOMALIA]}),
        (
            "Kenya imposed 25 percent tariffs on imports from Somalia and Ethiopia.",
            {"agent": [KENYA], "target": [ETHIOPIA, SOMALIA]},
        ),
    ],
)
def test_sanctions_named_placed_targeted_and_on_goods(layer, text, expected):
    """Sanction wordings (sanctions-military.yaml; the noun phrase's modality fixed Happened)."""
    assert of_kind(text, "SanctionImposition", layer) == [("SanctionImposition", expected)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a place described before its name: the description is part of the place's unit
        ("Abiy Ahmed visited the Kenyan capital Nairobi on Tuesday.", NAIROBI),
        ("Abiy Ahmed arrived in the Kenyan capital, Nairobi, on Tuesday.", NAIROBI),
        ("Abiy Ahmed arrived in Kenya's coastal city of Mombasa on Tuesday.", ["city/mombasa"]),
        # a capital with no name after it: entities.yaml `capitals`
        ("Abiy Ahmed arrived in the Kenyan capital on Tuesday.", NAIROBI),
    ],
)
def test_a_described_place_is_the_place(layer, text, place):
    """Place descriptors (lexicon `place_descriptor`, `place_descriptor_modifier`) and unnamed
    capitals: the traveller's visit is to the place, dated by the words after it."""
    visits = of_kind(text, "Visit", layer) + of_kind(text, "Arrival", layer)
    assert visits and all(roles["place"] == place for _, roles in visits)
    graph = extract(text, layer)
    days = {str(graph.value(e, DIP.date)) for e in graph.subjects(DIP.traveller, ID[ABIY])}
    assert "2024-12-03" in days  # the Tuesday of the article's week


def test_an_unknown_name_with_particles_coordinated_at_the_start_is_a_person(layer):
    """ "Ursula von der Leyen and Charles Michel met X": a run of particles stays in the name,
    and a name opening the sentence is a person by what follows the pair."""
    text = "Ursula von der Leyen and Charles Michel met Fumio Kishida in Brussels on Thursday."
    assert of_kind(text, "Meeting", layer) == [
        (
            "Meeting",
            {
                "participant": [
                    "person/charles-michel",
                    "person/fumio-kishida",
                    "person/ursula-von-der-leyen",
                ],
                "place": ["city/brussels"],
            },
        )
    ]


@pytest.mark.parametrize(
    "text",
    ["Abiy Ahmed stopped in Nairobi on Monday.", "Abiy Ahmed made a brief stopover in Nairobi."],
)
def test_a_stop_on_the_way_is_a_visit(layer, text):
    """ "stopped in", "made a stopover in" (travel.yaml `visit.verb`)."""
    assert of_kind(text, "Visit", layer) == [
        ("Visit", {"host": [KENYA], "place": NAIROBI, "traveller": [ABIY]})
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state inside a gathering's name is no party: no hosting of Somalia
        ("Kenya will host the Somalia Recovery Conference in Nairobi in July 2025.", []),
        # a body's own gathering keeps the body: its members attend it
        (
            "William Ruto attended the BRICS Summit in Kazan.",
            [("Meeting", {"participant": ["org/brics", RUTO], "place": ["city/kazan"]})],
        ),
    ],
)
def test_a_named_gathering_names_no_party(layer, text, expected):
    """mentions.find_gathering_names: "the Somalia Recovery Conference" is one name."""
    found_events = [e for e in events(extract(text, layer)) if e[0] in ("Hosting", "Meeting")]
    assert found_events == expected


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        # the visit an invitation is to is expected, whatever its wording
        ("William Ruto invited Abiy Ahmed for a state visit to Kenya.", ("Expected", KENYA)),
        ("William Ruto renewed his invitation to Abiy Ahmed to visit Kenya.", ("Expected", KENYA)),
        ("William Ruto has invited Abiy Ahmed to Nairobi.", ("Expected", "city/nairobi")),
    ],
)
def test_an_invited_visit_is_expected(layer, text, visit):
    """Invitation wordings (letters-invitations.yaml `invitation.verb`, `invitation.noun`)."""
    graph = extract(text, layer)
    invitations = of_kind(text, "Invitation", layer)
    assert invitations == [("Invitation", {"invitee": [ABIY], "inviter": [RUTO]})]
    visits = [
        (str(graph.value(a, DIP.modality)).rsplit("#", 1)[-1], str(graph.value(v, DIP.place)))
        for v in graph.subjects(RDF.type, DIP.Visit)
        for a in graph.subjects(DIP.attests, v)
    ]
    assert visits == [(visit[0], str(ID[visit[1]]))]


def test_at_the_invitation_of_opening_the_sentence_invites_its_subject(layer):
    """ "At the invitation of X, Y will pay a state visit": Y is invited (`fronted_subject`)."""
    text = "At the invitation of William Ruto, Abiy Ahmed will pay a state visit to Kenya."
    assert of_kind(text, "Invitation", layer) == [
        ("Invitation", {"invitee": [ABIY], "inviter": [RUTO]})
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # praise called so is no criticism; blame called so is (lexicon `condemnation_word`)
        (
            "Hassan Sheikh Mohamud called the agreement a victory for Somalia.",
            ("Statement", {"agent": [HASSAN]}),
        ),
        (
            "Hassan Sheikh Mohamud called the agreement an act of aggression.",
            ("Statement", {"agent": [HASSAN]}),  # a criticism with no target: a statement
        ),
        (
            "Abiy Ahmed was quoted by state media as saying the talks were useful.",
            ("Statement", {"agent": [ABIY]}),
        ),
        (
            "William Ruto reaffirmed Kenya's support for the Somali people.",
            ("StatementOfSupport", {"agent": [RUTO], "target": [SOMALIA]}),
        ),
    ],
)
def test_calls_quotes_and_support_reaffirmed(layer, text, expected):
    """Speech wordings (statements.yaml `criticism.called`, `statement.called`,
    `statement.quoted-as-saying`, `support.praise`)."""
    speech = ("Statement", "StatementOfSupport", "Criticism")
    assert [e for e in events(extract(text, layer)) if e[0] in speech] == [expected]


def test_a_call_of_blame_is_criticism_and_one_of_praise_a_statement(layer):
    """The rule that made each speech act (the kind a target would complete)."""
    graph = extract("Hassan Sheikh Mohamud called the agreement a victory for Somalia.", layer)
    assert {str(o).rsplit("/", 1)[-1] for o in graph.objects(None, DIP.rule)} >= {
        "statement.called"
    }
    graph = extract("Hassan Sheikh Mohamud called the agreement an act of aggression.", layer)
    assert "criticism.called" in {str(o).rsplit("/", 1)[-1] for o in graph.objects(None, DIP.rule)}


def test_according_to_a_source_ends_at_its_comma(layer):
    """ "According to X, A and B met Y": X is the source, A and B met (coref.group)."""
    text = "According to Hassan Sheikh Mohamud, Abiy Ahmed and William Ruto met in Nairobi."
    graph = extract(text, layer)
    assert [e for e in events(graph) if e[0] in ("Meeting", "Statement")] == [
        ("Meeting", {"participant": [ABIY, RUTO], "place": NAIROBI}),
        ("Statement", {"agent": [HASSAN]}),
    ]


@pytest.mark.parametrize(
    ("text", "invited", "visit"),
    [
        # a day gone by after "to visit X" dates the invitation: a visit to come is not past
        (
            "William Ruto extended an invitation to Abiy Ahmed to visit Kenya on Sunday "
            "(December 1).",
            "2024-12-01",
            "None",
        ),
        # a day ahead dates the visit
        (
            "William Ruto extended an invitation to Abiy Ahmed to visit Kenya next month.",
            "None",
            "2025-01-01",
        ),
    ],
)
def test_a_date_after_an_invited_visit_is_the_visits_only_ahead(layer, text, invited, visit):
    """candidates.build: the content's date only when it lies after the article's day."""
    graph = extract(text, layer)
    days = {
        kind: str(graph.value(e, DIP.date) or graph.value(e, DIP.earliestDate))
        for kind in ("Invitation", "Visit")
        for e in graph.subjects(RDF.type, DIP[kind])
    }
    assert days == {"Invitation": invited, "Visit": visit}


@pytest.mark.parametrize(
    "text",
    [
        "Abdel Fattah al-Sisi sent a letter to Abdel Fattah al-Burhan, delivered by Sameh Shoukry.",
        "Abdel Fattah al-Sisi sent a message to Abdel Fattah al-Burhan through his envoy Sameh "
        "Shoukry.",
    ],
)
def test_a_letter_sent_by_hand_names_its_carrier(layer, text):
    """ "sent a letter to Y, delivered by Z", "through Z" (`letter.sent-by-hand`)."""
    assert of_kind(text, "LetterDelivery", layer) == [SISI_LETTER]


def test_those_a_meeting_was_attended_by_join_the_meeting_the_story_told(layer):
    """ "The talks were attended by A and B" adds A and B to the talks the story told first
    (rule key `extends`, events.extend_earlier): one event, not a second meeting."""
    text = (
        "Abiy Ahmed held talks with William Ruto in Nairobi on Monday. The talks were attended "
        "by Hassan Sheikh Mohamud and Yoweri Museveni."
    )
    meetings = [e for e in events(extract(text, layer)) if e[0] in ("Meeting", "Talks")]
    assert meetings == [
        (
            "Talks",
            {
                "participant": [ABIY, HASSAN, RUTO, "person/yoweri-museveni"],
                "place": NAIROBI,
            },
        )
    ]


@pytest.mark.parametrize(
    "after",
    [
        "The talks, also attended by Hassan Sheikh Mohamud and Yoweri Museveni, lasted an hour.",
        "The talks, held at State House, were attended by Hassan Sheikh Mohamud and Yoweri "
        "Museveni.",
        "Those present included Hassan Sheikh Mohamud and Yoweri Museveni.",
        "Among those present were Hassan Sheikh Mohamud and Yoweri Museveni.",
        "Also attending were Hassan Sheikh Mohamud and Yoweri Museveni.",
        "Hassan Sheikh Mohamud and Yoweri Museveni also attended.",
        "Hassan Sheikh Mohamud and Yoweri Museveni later joined the talks.",
        "Hassan Sheikh Mohamud and Yoweri Museveni were in attendance.",
        "Attending were Hassan Sheikh Mohamud and Yoweri Museveni.",
        "Hassan Sheikh Mohamud and Yoweri Museveni also took part.",
        "Hassan Sheikh Mohamud and Yoweri Museveni also participated.",
        "The talks also included Hassan Sheikh Mohamud and Yoweri Museveni.",
    ],
)
def test_attendance_told_in_other_words_joins_the_meeting_the_story_told(layer, after):
    """meetings.yaml `meeting.attended-by` and `meeting.taking-part-were`: "The talks, also
    attended by A, ...", "The meeting, held at X, was attended by A", "Those present included A",
    "Among those present were A", "(Also) attending were A", "A also attended.", "A later
    joined the talks", "A was in attendance.", "A also took part.", "A also participated.", "The
    talks also included A"."""
    text = f"Abiy Ahmed held talks with William Ruto in Nairobi on Monday. {after}"
    meetings = [e for e in events(extract(text, layer)) if e[0] in ("Meeting", "Talks")]
    assert meetings == [
        (
            "Talks",
            {
                "participant": [ABIY, HASSAN, RUTO, "person/yoweri-museveni"],
                "place": NAIROBI,
            },
        )
    ]


def test_those_in_attendance_at_a_meeting_told_by_its_verb_are_its_parties(layer):
    """meetings.yaml `meeting.joined-in-sentence`: "X met Y ..., with A and B in attendance"."""
    text = (
        "Abiy Ahmed met William Ruto in Nairobi on Monday, with Hassan Sheikh Mohamud and Yoweri "
        "Museveni in attendance."
    )
    meetings = [e for e in events(extract(text, layer)) if e[0] in ("Meeting", "Talks")]
    assert meetings == [
        (
            "Meeting",
            {
                "participant": [ABIY, HASSAN, RUTO, "person/yoweri-museveni"],
                "place": NAIROBI,
            },
        )
    ]


def test_a_welcome_ceremony_hosted_by_a_state_is_hosted_by_whom_the_guest_met(layer):
    """A host the place's country gave ("was received with a ceremony in Nairobi" after the
    guest's hosting by the state) gives way to the person the guest met that day."""
    text = (
        "Abiy Ahmed arrived in Nairobi on Monday and was received at the airport. He was "
        "accorded a ceremonial welcome at State House. Abiy Ahmed and William Ruto then held "
        "talks."
    )
    hosts = [roles.get("host") for _, roles in of_kind(text, "Ceremony", layer)]
    assert hosts == [[RUTO]]


def test_a_letter_inviting_someone_is_a_letter_to_them_and_an_invitation(layer):
    """ "X had sent a letter inviting Y to visit Z": a letter from X to Y, X's invitation of Y,
    and Y's visit to Z to come (letter.inviting, invitation.by-letter)."""
    text = "William Ruto had sent a letter inviting Abiy Ahmed to visit Nairobi."
    found_events = events(extract(text, layer))
    assert [e for e in found_events if e[0] != "Statement"] == [
        ("Invitation", {"invitee": [ABIY], "inviter": [RUTO]}),
        ("LetterDelivery", {"recipient": [ABIY], "sender": [RUTO]}),
        ("Visit", {"host": [KENYA], "place": NAIROBI, "traveller": [ABIY]}),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (  # staff of an embassy declared persona non grata: the embassy's state is the target
            "Kenya's foreign ministry declared two employees of the Somali embassy in Nairobi "
            "“persona non grata” on Tuesday.",
            "DiplomatExpulsion",
            {"agent": [KENYA, "org/foreign-ministry-of-kenya"], "target": [SOMALIA]},
        ),
        (  # the measures named before their imposer
            "Somalia rejected the measures the EU imposed on Somalia in June.",
            "SanctionImposition",
            {"agent": ["org/european-union"], "target": [SOMALIA]},
        ),
        (  # a welcome ceremony held in honour of a guest
            "An official welcome ceremony was held in honour of Abiy Ahmed at State House.",
            "Ceremony",
            {"participant": [ABIY], "place": ["place/state-house"]},
        ),
        (  # ... no one named: the guest who arrived (`ceremony.for-guest`)
            "Abiy Ahmed arrived in Nairobi on Monday. An official welcome ceremony was held at "
            "State House.",
            "Ceremony",
            {"participant": [ABIY], "place": ["place/state-house"]},
        ),
        (
            "Abiy Ahmed arrived in Nairobi on Monday. A state banquet was hosted in his honour.",
            "Ceremony",
            {"participant": [ABIY], "place": NAIROBI},
        ),
        (
            "Abiy Ahmed arrived in Nairobi on Monday. An official welcome ceremony was held in "
            "honour of the distinguished guest.",
            "Ceremony",
            {"participant": [ABIY], "place": NAIROBI},
        ),
    ],
)
def test_staff_declared_unwelcome_measures_imposed_and_ceremonies_in_honour(
    layer, text, kind, expected
):
    """Wordings of expulsions, sanctions and ceremonies (sanctions-military.yaml,
    ceremonies.yaml `ceremony.in-honour`)."""
    assert of_kind(text, kind, layer) == [(kind, expected)]


KANI = "person/ali-bagheri-kani"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an event noun after a `trailing_governor` ("at", "during", "in") is the subject's
            "Lloyd Austin proposed the plan at a meeting with Yoko Kamikawa in Singapore.",
            [
                (
                    "Meeting",
                    {
                        "participant": ["person/lloyd-austin", "person/yoko-kamikawa"],
                        "place": ["country/singapore"],
                    },
                ),
                ("Statement", {"agent": ["person/lloyd-austin"]}),
            ],
        ),
        (  # a person after a preposition is an addressee: the call is the subject's with them
            "Foreign Minister Ararat Mirzoyan expressed condolences to Ali Bagheri Kani in a "
            "phone conversation on Monday.",
            [
                ("Statement", {"agent": ["person/ararat-mirzoyan"], "target": [KANI]}),
                ("Talks", {"participant": [KANI, "person/ararat-mirzoyan"]}),
            ],
        ),
        (  # ... or the verb's object (meetings.yaml talks.discuss)
            "Foreign Minister Ararat Mirzoyan congratulated Iranian Foreign Minister Ali Bagheri "
            "Kani in a telephone conversation.",
            [
                ("Statement", {"agent": ["person/ararat-mirzoyan"], "target": [KANI]}),
                ("Talks", {"participant": [KANI, "person/ararat-mirzoyan"]}),
            ],
        ),
        (  # a call with X told before the main clause: the call is its subject's with X
            "In a phone call with Ali Bagheri Kani on Monday, Foreign Minister Ararat Mirzoyan "
            "expressed condolences.",
            [
                ("Statement", {"agent": ["person/ararat-mirzoyan"]}),
                ("Talks", {"participant": [KANI, "person/ararat-mirzoyan"]}),
            ],
        ),
        (  # no "with" after the noun: the people between the subject and the phrase
            "Justin Trudeau raised the matter with Narendra Modi during talks in Vientiane.",
            [
                (
                    "Talks",
                    {
                        "participant": ["person/justin-trudeau", "person/narendra-modi"],
                        "place": ["city/vientiane"],
                    },
                )
            ],
        ),
        (  # "during the meeting": the meeting told before, no new one with Shoigu and Lavrov
            "Vladimir Putin met Kim Jong Un in Vostochny. Putin was accompanied by Sergei Shoigu "
            "and Sergei Lavrov during the meeting.",
            [
                (
                    "Meeting",
                    {
                        "participant": ["person/kim-jong-un", "person/vladimir-putin"],
                        "place": ["place/vostochny"],
                    },
                )
            ],
        ),
    ],
)
def test_an_event_noun_trailing_a_clause_joins_its_subject_and_objects(text, expected, layer):
    """frames.py `_trailing_subject`, `_clause_objects`: the noun's event is the clause's."""
    assert [e for e in events(extract(text, layer)) if e[0] != "Delegation"] == expected


def _visits(text: str, layer) -> list[tuple[str, str, str | None]]:
    """The visits of a text dated 3 December 2024: (traveller, place, earliest date or day)."""
    graph = extract(text, layer)
    return sorted(
        (
            str(graph.value(v, DIP.traveller)).removeprefix(str(ID)),
            str(graph.value(v, DIP.place)).removeprefix(str(ID)),
            (day := graph.value(v, DIP.earliestDate) or graph.value(v, DIP.date)) and str(day),
        )
        for v in graph.subjects(RDF.type, DIP.Visit)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # `keep`: the record's own visit stays; the one "since X in 2016" is X's, dated
            "Chinese Premier Li Qiang arrived in Adelaide on Saturday, the first visit by a "
            "Chinese premier since Li Keqiang came in 2017.",
            [
                ("person/li-keqiang", "city/adelaide", "2017-01-01"),
                ("person/li-qiang", "city/adelaide", "2024-11-30"),
            ],
        ),
        (  # "No N has visited Y since X": only X's visit
            "No Iranian president has visited Yerevan since Hassan Rouhani.",
            [("person/hassan-rouhani", "city/yerevan", None)],
        ),
        (  # "X was the last N to visit Y, in 1968": X's visit only
            "Indian Prime Minister Narendra Modi arrived in Georgetown on Tuesday. Prime Minister "
            "Indira Gandhi was the last Indian head of government to visit Guyana, in 1968.",
            [
                ("person/indira-gandhi", "country/guyana", "1968-01-01"),
                ("person/narendra-modi", "city/georgetown", "2024-12-03"),
            ],
        ),
        (  # no one named: "since 2017" dates nothing
            "Chinese Premier Li Qiang arrived in Canberra on Saturday. It is the first visit by a "
            "Chinese premier to Australia since 2017.",
            [
                ("person/li-qiang", "city/canberra", "2024-11-30"),
                ("person/li-qiang", "country/australia", None),
            ],
        ),
    ],
)
def test_a_record_since_someone_tells_of_their_earlier_visit(text, expected, layer):
    """travel.yaml `records`: "the first ... since X" (candidates.py `_records`)."""
    assert _visits(text, layer) == expected


@pytest.mark.parametrize("words", ["retired President", "then-President", "the late President"])
def test_a_former_office_holder_is_the_one_named(words, layer):
    """lexicon.yaml `object_filler`: "with retired President X": X, not the current president."""
    text = (
        "Somali President Hassan Sheikh Mohamud met Kenyan President William Ruto in Nairobi on "
        f"Monday. Mohamud held talks with {words} Uhuru Kenyatta in July."
    )
    talks = [e for e in events(extract(text, layer)) if e[0] == "Talks"]
    assert talks == [
        ("Talks", {"participant": ["person/hassan-sheikh-mohamud", "person/uhuru-kenyatta"]})
    ]


def test_a_second_with_phrase_is_a_second_event(layer):
    """frames.py `_another_with`: "talks with A in Moscow and with B in Minsk": one with each."""
    text = "Xi Jinping held talks with Vladimir Putin in Moscow and with Alexander Lukashenko."
    talks = sorted(e[1]["participant"] for e in events(extract(text, layer)) if e[0] == "Talks")
    assert talks == [
        ["person/alexander-lukashenko", "person/xi-jinping"],
        ["person/vladimir-putin", "person/xi-jinping"],
    ]


def test_a_title_of_a_plain_owner_apposed_to_a_name_is_the_names(layer):
    """entities.yaml `title.the-title-of-owner-comma-name`: "and the governor of the state, X"
    is X, one more host."""
    text = (
        "Diaz-Canel arrived in Campeche, where he was received by Foreign Secretary Marcelo "
        "Ebrard and the governor of the state, Layda Sansores."
    )
    hosting = [e for e in events(extract(text, layer)) if e[0] == "Hosting"]
    assert [e[1]["host"] for e in hosting] == [["person/layda-sansores", "person/marcelo-ebrard"]]


def test_a_ceremony_attended_by_a_list_names_its_participants(layer):
    """ceremonies.yaml `ceremony.attended-by`: "a ceremony in Vilnius attended by A, B and C"."""
    text = (
        "The switch was marked at a ceremony in Vilnius attended by European Commission "
        "President Ursula von der Leyen, Lithuanian President Gitanas Nauseda and Polish "
        "President Andrzej Duda."
    )
    ceremonies = [e for e in events(extract(text, layer)) if e[0] == "Ceremony"]
    assert ceremonies == [
        (
            "Ceremony",
            {
                "participant": [
                    "person/andrzej-duda",
                    "person/gitanas-nauseda",
                    "person/ursula-von-der-leyen",
                ],
                "place": ["city/vilnius"],
            },
        )
    ]


MODI, ALI = "person/narendra-modi", "person/irfaan-ali"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the honour named between the verb and the honoured (no person object)
            "President Irfaan Ali conferred the Order of Excellence on Prime Minister Narendra "
            "Modi.",
            [("Ceremony", {"host": [ALI], "participant": [MODI]})],
        ),
        (  # received from the one who confers it
            "Narendra Modi received the Order of Mubarak the Great from the Emir of Kuwait, "
            "Sheikh Meshal Al-Ahmad Al-Jaber Al-Sabah.",
            [
                (
                    "Ceremony",
                    {
                        "host": ["person/meshal-al-ahmad-al-jaber-al-sabah"],
                        "participant": [MODI],
                    },
                )
            ],
        ),
        (  # a meal in honour of a guest: the guest takes part
            "President Droupadi Murmu will host a banquet in honour of Prime Minister Pham Minh "
            "Chinh.",
            [
                (
                    "Ceremony",
                    {"host": ["person/droupadi-murmu"], "participant": ["person/pham-minh-chinh"]},
                )
            ],
        ),
        (  # one sworn in takes part in the swearing-in
            "President Hassan Sheikh Mohamud attended President William Ruto's swearing-in.",
            [("Ceremony", {"participant": [HASSAN, RUTO]})],
        ),
        (
            "President Hassan Sheikh Mohamud attended the inauguration of President William Ruto.",
            [("Ceremony", {"participant": [HASSAN, RUTO]})],
        ),
        (  # the dead of a funeral do not
            "President Hassan Sheikh Mohamud attended the funeral of President Ebrahim Raisi.",
            [("Ceremony", {"participant": [HASSAN]})],
        ),
    ],
)
def test_honours_meals_and_swearings_in_are_ceremonies_of_both_parties(text, expected, layer):
    """ceremonies.yaml: `ceremony.honour-conferred`, `ceremony.meal-in-honour`,
    `ceremony.attended-investiture`."""
    assert of_kind(text, "Ceremony", layer) == expected


def test_barbados_confers_its_honour_on_him_not_on_the_woman_named_last(layer):
    """ "confer its Order on him" after "Sylvanie Burton": "him" is Modi, since people.yaml
    lists Burton among `people_women`."""
    text = (
        "Modi was presented with an award by the President of Dominica, Sylvanie Burton, while "
        "Barbados announced it would confer its Honorary Order of Freedom on him."
    )
    assert of_kind(text, "Ceremony", layer) == [
        ("Ceremony", {"host": ["country/barbados"], "participant": [MODI]}),
        ("Ceremony", {"host": ["person/sylvanie-burton"], "participant": [MODI]}),
    ]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "A letter from President Vladimir Putin was handed to Kim Jong Un by Ambassador "
            "Alexander Matsegora.",
            {
                "carrier": ["person/alexander-matsegora"],
                "recipient": ["person/kim-jong-un"],
                "sender": ["person/vladimir-putin"],
            },
        ),
        (
            "Foreign Minister Wang Yi passed on President Xi Jinping's message to President Luiz "
            "Inacio Lula da Silva.",
            {
                "carrier": ["person/wang-yi"],
                "recipient": ["person/luiz-inacio-lula-da-silva"],
                "sender": ["person/xi-jinping"],
            },
        ),
    ],
)
def test_a_letter_in_the_passive_or_possessed_names_its_three_parties(text, roles, layer):
    """letters-invitations.yaml: `letter.from-passive`, `letter.carried-possessed`."""
    assert of_kind(text, "LetterDelivery", layer) == [("LetterDelivery", roles)]


def test_addressing_a_sitting_of_a_body_is_a_meeting_with_it(layer):
    """meetings.yaml `meeting.address-body`: a speech to a body, not a statement; "addressed the
    nation" stays a statement."""
    text = (
        "Prime Minister Narendra Modi is scheduled to address a special sitting of the National "
        "Assembly of Guyana on Thursday."
    )
    assert events(extract(text, layer)) == [
        ("Meeting", {"participant": ["org/national-assembly-of-guyana", MODI]})
    ]
    nation = "President Vladimir Putin addressed the nation on Monday."
    assert events(extract(nation, layer)) == [("Statement", {"agent": ["person/vladimir-putin"]})]


def test_a_mission_that_took_him_somewhere_is_his_visit(layer):
    """travel.yaml `visit.took-to`."""
    text = (
        "In May 2023 Pope Francis entrusted Cardinal Matteo Zuppi with a mission of peace that "
        "took him to Kyiv in June."
    )
    assert of_kind(text, "Visit", layer) == [
        (
            "Visit",
            {
                "host": ["country/ukraine"],
                "place": ["city/kyiv"],
                "traveller": ["person/matteo-zuppi"],
            },
        )
    ]


@pytest.mark.parametrize(
    ("text", "host"),
    [
        (  # portfolios joined by a comma and "and" belong to the title
            "Chinese Premier Li Qiang was welcomed by Investment, Trade and Industry Minister "
            "Tengku Zafrul Aziz.",
            "person/tengku-zafrul-aziz",
        ),
        (  # the same before a name no stage knows yet
            "Chinese Premier Li Qiang was welcomed by Investment, Trade and Industry Minister "
            "Tengku Datuk Seri Zafrul Tengku Abdul Aziz.",
            "person/tengku-datuk-seri-zafrul-tengku-abdul-aziz",
        ),
        (  # a military rank (retired) between the office and the name is no name
            "Li Qiang was received by Prime Minister Brigadier (Ret'd) Mark Phillips.",
            "person/mark-phillips",
        ),
    ],
)
def test_a_title_with_portfolios_or_a_rank_still_names_its_holder(text, host, layer):
    """entities.yaml `title.portfolios-title-name`, `title.title-rank-name` (for a known name
    and for one no stage knows yet): the host is the person named after the title."""
    assert of_kind(text, "Hosting", layer) == [
        ("Hosting", {"host": [host], "traveller": ["person/li-qiang"]})
    ]


@pytest.mark.parametrize(
    ("minister", "person"),
    [
        ("Strategic Affairs Minister Ron Dermer", "person/ron-dermer"),  # a word no class knows
        ("Heritage Minister Amichai Eliyahu", "person/amichai-eliyahu"),  # one portfolio word
    ],
)
def test_a_portfolio_minister_with_no_owner_stays_in_a_list(minister, person, layer):
    """A portfolio before "Minister" with no state named (entities.yaml
    `title.portfolio-title-name`) is the title's: the list of parties goes on through it."""
    text = (
        "U.S. envoy Steve Witkoff met Israeli Prime Minister Benjamin Netanyahu, Foreign "
        f"Minister Israel Katz and {minister} in Jerusalem."
    )
    assert of_kind(text, "Meeting", layer) == [
        (
            "Meeting",
            {
                "participant": sorted(
                    [
                        "person/benjamin-netanyahu",
                        "person/israel-katz",
                        person,
                        "person/steve-witkoff",
                    ]
                ),
                "place": ["city/jerusalem"],
            },
        )
    ]


def test_a_person_named_after_a_title_for_portfolios_takes_part(layer):
    """The new person after "High Representative for Foreign Affairs and Security Policy" is a
    party of the talks (entities.yaml `title.title-for-portfolios-name`)."""
    text = (
        "Vucic and Kurti agreed after talks hosted by EU High Representative for Foreign Affairs "
        "and Security Policy Josep Borrell."
    )
    assert of_kind(text, "Talks", layer) == [
        (
            "Talks",
            {
                "participant": [
                    "person/albin-kurti",
                    "person/aleksandar-vucic",
                    "person/josep-borrell",
                ]
            },
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "their" of an opening phrase: the main clause's subjects, when they are several
            "During their meeting, Abiy Ahmed and William Ruto agreed to reopen the border.",
            [("Meeting", {"participant": [ABIY, RUTO]})],
        ),
        (  # ... not one subject: "their visit" is others' (the guests'), no meeting of his
            "During their visit, Abiy Ahmed showed the guests the new port.",
            [],
        ),
    ],
)
def test_their_event_in_an_opening_phrase_is_the_main_subjects(text, expected, layer):
    """frames.py `_noun_subject`: "During their meeting, A and B ..." is A's and B's."""
    assert of_kind(text, "Meeting", layer) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Abiy Ahmed met William Ruto in Nairobi on Monday during his first trip abroad as prime "
        "minister.",
        "Abiy Ahmed held talks with William Ruto in Nairobi on Monday, the second day of his "
        "visit.",
    ],
)
def test_a_visit_named_without_a_place_is_where_the_traveller_met_that_day(text, layer):
    """kinds.yaml Visit `defaults`: a visit noun with no place of its own ("during his first
    trip") is to where its traveller met someone that day (`met:Meeting,Talks,Hosting.place`)."""
    assert of_kind(text, "Visit", layer) == [
        ("Visit", {"host": [KENYA], "place": NAIROBI, "traveller": [ABIY]})
    ]


LAVROV, RUBIO = "person/sergei-lavrov", "person/marco-rubio"
PEZESHKIAN, PUTIN = "person/masoud-pezeshkian", "person/vladimir-putin"
ARAGHCHI = "person/abbas-araghchi"
NAMED = (
    "Iranian President Masoud Pezeshkian, Russian President Vladimir Putin and Iranian "
    "Foreign Minister Abbas Araghchi were named. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "the TITLE of OWNER NAME": a name no stage knew yet (entities.yaml)
            "Lavrov met the Ambassador of Japan Akira Kunikazu.",
            [("Meeting", {"participant": ["person/akira-kunikazu", LAVROV]})],
        ),
        (  # "new" before a title (title_prefixes): the office itself
            "Barrot met Syria's new leader Ahmed al-Sharaa in Damascus.",
            [
                (
                    "Meeting",
                    {
                        "participant": ["person/ahmed-al-sharaa", "person/jean-noel-barrot"],
                        "place": ["city/damascus"],
                    },
                )
            ],
        ),
        (  # frames.yaml frame.come-together
            "Foreign Minister Hakan Fidan came together with his Syrian counterpart Asaad "
            "al-Shaibani in Damascus.",
            [
                (
                    "Meeting",
                    {
                        "participant": ["person/asaad-al-shaibani", "person/hakan-fidan"],
                        "place": ["city/damascus"],
                    },
                )
            ],
        ),
        (  # a pair before the noun, people only
            "U.S. Secretary of State Marco Rubio and Russian Foreign Minister Sergei Lavrov "
            "were named. The Rubio-Lavrov meeting lasted four and a half hours.",
            [("Meeting", {"participant": [RUBIO, LAVROV]})],
        ),
        (  # ... not two states: a series of summits, not one meeting
            "Indian External Affairs Minister S. Jaishankar was named. He reviewed "
            "preparations for the annual India-Russia summit.",
            [],
        ),
        (
            "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping held a "
            "bilateral on the sidelines of the SCO summit.",
            [("Meeting", {"participant": ["person/narendra-modi", "person/xi-jinping"]})],
        ),
        (
            "Indian Prime Minister Narendra Modi interacted with Chinese President Xi Jinping.",
            [("Meeting", {"participant": ["person/narendra-modi", "person/xi-jinping"]})],
        ),
    ],
)
def test_titles_of_an_owner_new_leaders_and_meeting_words(text, expected, layer):
    """Meetings with a person titled "the TITLE of OWNER", "new", "came together with", "the
    A-B meeting", "held a bilateral", "interacted with"."""
    assert of_kind(text, "Meeting", layer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "X sent Y a letter"
            "Iranian President Masoud Pezeshkian sent Russian President Vladimir Putin a letter.",
            [("LetterDelivery", {"sender": [PEZESHKIAN], "recipient": [PUTIN]})],
        ),
        (  # "... on behalf of X"
            "Iranian Foreign Minister Abbas Araghchi delivered a letter to Russian President "
            "Vladimir Putin on behalf of Iranian President Masoud Pezeshkian.",
            [
                (
                    "LetterDelivery",
                    {"sender": [PEZESHKIAN], "carrier": [ARAGHCHI], "recipient": [PUTIN]},
                )
            ],
        ),
        (  # the carrier told in the next sentence joins the letter (letter.delivered-by)
            "Saudi King Salman received a written message from Kuwaiti Emir Sheikh Meshal "
            "Al-Ahmad Al-Jaber Al-Sabah. The message was delivered by Kuwait's ambassador to "
            "Saudi Arabia, Sheikh Sabah Nasser Saud Al-Sabah.",
            [
                (
                    "LetterDelivery",
                    {
                        "sender": ["person/meshal-al-ahmad-al-jaber-al-sabah"],
                        "carrier": ["person/sabah-nasser-saud-al-sabah"],
                        "recipient": ["person/salman"],
                    },
                )
            ],
        ),
        (  # ... and with no letter told before, no letter of a carrier alone
            "Iranian Foreign Minister Abbas Araghchi met Putin. The letter was handed over by "
            "Foreign Minister Abbas Araghchi.",
            [],
        ),
        (  # "the Saudi king" is none of the Iranians or the Russian named before (coref.py),
            # but the king of the day (people.yaml `office_holders`)
            NAMED + "Pezeshkian also sent a letter to the Saudi king.",
            [
                (
                    "LetterDelivery",
                    {
                        "recipient": ["person/salman-bin-abdulaziz-al-saud"],
                        "sender": ["person/masoud-pezeshkian"],
                    },
                )
            ],
        ),
    ],
)
def test_letters_sent_to_delivered_on_behalf_of_and_by_a_carrier_told_later(text, expected, layer):
    """Letters: a double object, "on behalf of", a carrier in the next sentence."""
    assert of_kind(text, "LetterDelivery", layer) == expected


def test_a_participle_opening_the_sentence_is_the_main_subjects_event_of_its_day(layer):
    """ "Meeting in Riyadh on Monday, A and B ...": their meeting, dated by the phrase's day;
    "Speaking in Ankara after meeting X, Y said" stays Y's meeting with X (frames.py)."""
    graph = extract(
        "Meeting in Riyadh on Monday, U.S. Secretary of State Marco Rubio and Russian Foreign "
        "Minister Sergei Lavrov agreed to restore embassies.",
        layer,
    )
    assert [e for e in events(graph) if e[0] == "Meeting"] == [
        ("Meeting", {"participant": [RUBIO, LAVROV], "place": ["city/riyadh"]})
    ]
    meeting = next(n for n in graph.subjects(RDF.type, DIP.Meeting))
    assert str(graph.value(meeting, DIP.date)) == "2024-12-02"
    text = (
        "Speaking in Ankara after meeting Turkish President Recep Tayyip Erdogan, Ukrainian "
        "President Volodymyr Zelensky said Ukraine would not recognize any agreements."
    )
    assert of_kind(text, "Meeting", layer) == [
        (
            "Meeting",
            {
                "participant": ["person/recep-tayyip-erdogan", "person/volodymyr-zelensky"],
                "place": ["city/ankara"],  # where Zelensky was speaking (travel.yaml visit.there)
            },
        )
    ]
    assert of_kind(text, "Visit", layer) == [
        (
            "Visit",
            {
                "traveller": ["person/volodymyr-zelensky"],
                "host": ["country/turkey"],
                "place": ["city/ankara"],
            },
        )
    ]


MODI_PUTIN = (
    "Indian Prime Minister Narendra Modi held talks with Russian President Vladimir Putin in "
    "Moscow on Tuesday. "
)
TALKS_OF_FOUR = (
    "Talks",
    {
        "participant": [
            "person/narendra-modi",
            "person/s-jaishankar",
            "person/sergei-lavrov",
            "person/vladimir-putin",
        ],
        "place": ["city/moscow"],
    },
)


@pytest.mark.parametrize(
    "text",
    [
        "Also present at the talks were External Affairs Minister S. Jaishankar and Russian "
        "Foreign Minister Sergei Lavrov.",
        "External Affairs Minister S. Jaishankar and Russian Foreign Minister Sergei Lavrov also "
        "took part in the talks.",
        "External Affairs Minister S. Jaishankar and Russian Foreign Minister Sergei Lavrov "
        "joined the talks.",
    ],
)
def test_people_present_at_the_talks_told_before_join_them(text, layer):
    """meetings.yaml meeting.attended-by (extends): "Also present at the talks were A and B",
    "A and B took part in / joined the talks" are more parties of the talks told before, not
    talks of their own."""
    assert of_kind(MODI_PUTIN + text, "Talks", layer) == [TALKS_OF_FOUR]


@pytest.mark.parametrize(
    "text",
    [
        "Also present on the occasion were External Affairs Minister S. Jaishankar and Russian "
        "Foreign Minister Sergei Lavrov.",
        "Also in attendance were External Affairs Minister S. Jaishankar and Russian Foreign "
        "Minister Sergei Lavrov.",
        "External Affairs Minister S. Jaishankar and Russian Foreign Minister Sergei Lavrov were "
        "also present on the occasion.",
        "External Affairs Minister S. Jaishankar and Russian Foreign Minister Sergei Lavrov were "
        "also in attendance.",
        "External Affairs Minister S. Jaishankar and Russian Foreign Minister Sergei Lavrov also "
        "participated in the talks.",
    ],
)
def test_people_present_on_the_occasion_join_the_talks_told_before(text, layer):
    """meetings.yaml meeting.taking-part-were / meeting.attended-by (extends): "Also present on
    the occasion were A and B", "A and B were also in attendance", "A and B also participated in
    the talks" (APP, PTI, Bernama) are more parties of the talks told before, not talks of their
    own."""
    assert of_kind(MODI_PUTIN + text, "Talks", layer) == [TALKS_OF_FOUR]


def test_the_visiting_leader_is_the_guest_named_before(layer):
    """coref.py: "the visiting leader" is the last traveller or person named as visiting
    (lexicon guest_word), not the host who is the sentence's subject before it."""
    text = (
        "NEW DELHI, Aug 1 (PTI) Prime Minister Narendra Modi held talks with visiting Vietnamese "
        "Prime Minister Pham Minh Chinh. President Droupadi Murmu also met the visiting leader."
    )
    assert of_kind(text, "Meeting", layer) == [
        (
            "Meeting",
            {
                "participant": ["person/droupadi-murmu", "person/pham-minh-chinh"],
                "place": ["city/new-delhi"],
            },
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an article before "visiting": an adjective of the guests, no visit of the host's
            "Crown Prince Mohammed bin Salman held talks with the visiting US delegation in "
            "Riyadh on Thursday.",
            [],
        ),
        (  # guard: the verb after the subject and a date is still a visit
            "Brazilian President Luiz Inacio Lula da Silva on Thursday visited China.",
            [
                (
                    "Visit",
                    {
                        "host": ["country/china"],
                        "place": ["country/china"],
                        "traveller": ["person/luiz-inacio-lula-da-silva"],
                    },
                )
            ],
        ),
    ],
)
def test_the_visiting_guests_are_no_visit_of_their_host(text, expected, layer):
    """travel.yaml visit.verb: the word before "visiting" is no article."""
    assert of_kind(text, "Visit", layer) == expected


def test_a_banquet_in_honour_of_a_guest_keeps_its_own_place(layer):
    """ceremony.meal-in-honour reads the place after the guest, so that a banquet to come is
    not merged into a wreath laid elsewhere that day."""
    text = (
        "NEW DELHI, Aug 1 (PTI) Vietnamese Prime Minister Pham Minh Chinh is on a state visit "
        "to India. He later laid a wreath at Raj Ghat, the memorial to Mahatma Gandhi, and "
        "signed the visitors' book. Murmu will host a banquet in honour of the visiting leader "
        "at Rashtrapati Bhavan in the evening."
    )
    chinh = "person/pham-minh-chinh"
    assert of_kind(text, "Ceremony", layer) == [
        (
            "Ceremony",
            {
                "participant": [chinh],
                "host": ["person/droupadi-murmu"],
                "place": ["place/rashtrapati-bhavan"],
            },
        ),
        (
            "Ceremony",
            {
                "participant": [chinh],
                "place": ["place/memorial-to-mahatma-gandhi", "place/raj-ghat"],
            },
        ),
    ]


def test_the_first_visit_since_a_year_is_not_dated_in_that_year(layer):
    """dates.yaml date.year: "since 2008" starts a comparison, not the event's date."""
    graph = extract(
        "The visit by Kenyan President William Ruto to Washington is the first by an African "
        "leader since 2008.",
        layer,
    )
    visit = next(graph.subjects(RDF.type, DIP.Visit))
    assert (graph.value(visit, DIP.date), graph.value(visit, DIP.earliestDate)) == (None, None)


def test_the_foreign_ministers_of_two_states_are_the_two_named_before(layer):
    """entities.yaml coref.national-titled-of: "the foreign ministers of A and B" is, for each
    state, the person named with that title for it (as "the A and B foreign ministers")."""
    text = (
        "Armenian Foreign Minister Ararat Mirzoyan arrived in Washington on Monday, as did "
        "Azerbaijani Foreign Minister Jeyhun Bayramov. The foreign ministers of Armenia and "
        "Azerbaijan signed the peace treaty in Washington on Tuesday."
    )
    assert of_kind(text, "AgreementSigning", layer) == [
        (
            "AgreementSigning",
            {
                "participant": ["person/ararat-mirzoyan", "person/jeyhun-bayramov"],
                "place": ["city/washington"],
            },
        )
    ]


def test_an_agreement_signed_between_two_states_is_their_signing(layer):
    """agreement.passive: "An agreement ... was signed between A and B"."""
    text = "An agreement on visa exemption was signed between Russia and Oman."
    assert of_kind(text, "AgreementSigning", layer) == [
        ("AgreementSigning", {"participant": ["country/oman", "country/russia"]})
    ]


def test_a_day_long_visit_is_one_day(layer):
    """derive.durations with lexicon day_long_word: "arrived here on a day-long visit" ends
    the day it began."""
    graph = extract(
        "COLOMBO, Dec 3 (PTI) External Affairs Minister S. Jaishankar, who arrived here on a "
        "day-long visit, met Sri Lankan President Anura Kumara Dissanayake.",
        layer,
    )
    visit = next(graph.subjects(RDF.type, DIP.Visit))
    assert str(graph.value(visit, DIP.date)) == "2024-12-03"


MODI = "person/narendra-modi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a guard of honour given on arrival: the guest's welcome ceremony
            "Indian Prime Minister Narendra Modi was given a guard of honour on arrival in Moscow.",
            [("Ceremony", {"participant": [MODI], "place": ["city/moscow"]})],
        ),
        (
            "A 21-gun salute was fired as Indian Prime Minister Narendra Modi arrived in Moscow.",
            [("Ceremony", {"participant": [MODI]})],
        ),
        (  # sworn in "on Tuesday in Accra": the place after the day
            "Ghanaian President John Mahama was sworn in on Tuesday in Accra.",
            [("Ceremony", {"participant": ["person/john-mahama"], "place": ["city/accra"]})],
        ),
        (  # "was on Tuesday sworn in": the day between
            "John Dramani Mahama was on Tuesday sworn in as President of Ghana.",
            [("Ceremony", {"participant": ["person/john-dramani-mahama"]})],
        ),
        (  # "the inauguration ceremony of X": one ceremony, X in it (not a second one X hosts)
            "Indian Prime Minister Narendra Modi attended the inauguration ceremony of "
            "Indonesian President Prabowo Subianto.",
            [("Ceremony", {"participant": [MODI, "person/prabowo-subianto"]})],
        ),
    ],
)
def test_guards_of_honour_salutes_and_swearings_in(text, expected, layer):
    """ceremonies.yaml: ceremony.welcome (a guard of honour, a salute), ceremony.inauguration
    (the place and day around "sworn in"), ceremony.attended-investiture ("the inauguration
    ceremony of X")."""
    assert of_kind(text, "Ceremony", layer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Canada imposed sanctions on Russian oligarch Roman Abramovich.",
            [
                (
                    "SanctionImposition",
                    {"agent": ["country/canada"], "target": ["person/roman-abramovich"]},
                )
            ],
        ),
        (
            "The United States placed 15 Chinese firms on its entity list.",
            [
                (
                    "SanctionImposition",
                    {"agent": ["country/united-states"], "target": ["org/chinese-firms"]},
                )
            ],
        ),
    ],
)
def test_sanctions_on_a_described_person_and_an_entity_list(text, expected, layer):
    """sanction-imposition.impose: a person described before the name ("Russian oligarch X"),
    firms placed on a list."""
    assert of_kind(text, "SanctionImposition", layer) == expected


def test_arriving_to_a_welcome_is_an_arrival(layer):
    """arrival.to-welcome: "arrived to a red-carpet welcome in X" is the arrival there."""
    text = "Chinese Premier Li Qiang arrived to a red-carpet welcome in Kuala Lumpur."
    assert of_kind(text, "Arrival", layer) == [
        ("Arrival", {"traveller": ["person/li-qiang"], "place": ["city/kuala-lumpur"]})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "HH the Amir Sheikh Tamim bin Hamad Al-Thani received at the Amiri Diwan today Iranian "
        "President Masoud Pezeshkian.",
        "Emir Sheikh Tamim bin Hamad Al Thani received in his office Iranian President Masoud "
        "Pezeshkian.",
    ],
)
def test_a_host_receiving_at_a_place_before_the_guest(text, layer):
    """hosting.host in the Gulf agencies' order ("received at the Amiri Diwan today X"); the
    figure's name with its particle joined by a hyphen ("Al-Thani") is the figure's
    (entities.yaml hyphen_particles)."""
    found = of_kind(text, "Hosting", layer)
    assert [(k, r["host"], r["traveller"]) for k, r in found] == [
        ("Hosting", ["person/tamim-bin-hamad-al-thani"], ["person/masoud-pezeshkian"])
    ]


def test_invited_to_attend_is_an_attendance_to_come(layer):
    """attribution.yaml modality.expected: "has been invited to attend the summit" is a meeting
    to come, not one that happened."""
    graph = extract("Lula has been invited to attend the SCO summit in Tianjin.", layer)
    meeting = next(graph.subjects(RDF.type, DIP.Meeting))
    attests = list(graph.subjects(DIP.attests, meeting))
    assert {graph.value(a, DIP.modality) for a in attests} == {DIP.Expected}


def test_an_invitation_conveyed_is_an_invitation(layer):
    """invitation rules: "conveyed an invitation to X" as "extended an invitation to X"."""
    assert of_kind("Xi conveyed an invitation to Lula for a state visit.", "Invitation", layer) == [
        (
            "Invitation",
            {"inviter": ["person/xi-jinping"], "invitee": ["person/luiz-inacio-lula-da-silva"]},
        )
    ]


def test_congratulating_someone_in_a_message_is_a_letter_to_them(layer):
    """letter.in-a-message-to: "X congratulated Y in a message" is X's message to Y (and the
    congratulation a statement beside it)."""
    text = "Putin congratulated Pezeshkian in a message."
    assert of_kind(text, "LetterDelivery", layer) == [
        (
            "LetterDelivery",
            {"sender": ["person/vladimir-putin"], "recipient": ["person/masoud-pezeshkian"]},
        )
    ]


def test_a_news_agency_with_its_kind_speaks_and_takes_no_part(layer):
    """entities.yaml agency_tails: "the official IRNA news agency said" is the agency's
    statement; the agency that reports talks takes no part in them (candidates `speaker`)."""
    graph = extract("Iran's official IRNA news agency said the talks were useful.", layer)
    assert events(graph) == [("Statement", {"agent": ["org/irna"]})]


def modalities(graph: Graph, kind: str) -> set[str]:
    """The modalities the attestations of the events of one kind give."""
    return {
        str(graph.value(a, DIP.modality)).split("#")[-1]
        for node in graph.subjects(RDF.type, DIP[kind])
        for a in graph.subjects(DIP.attests, node)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the occasion after "agreed to" is not agreed to: the talks were held (`stops`)
        ("Lavrov and Wang Yi agreed to deepen cooperation at talks in Beijing.", {"Happened"}),
        # ... the talks agreed to are still to come
        ("Lavrov and Wang Yi agreed to hold talks in Beijing.", {"Expected"}),
    ],
)
def test_an_agreement_made_at_talks_does_not_put_the_talks_ahead(text, expected, layer):
    """attribution.yaml modality.promised: the cue stops at "at", "during", "after"."""
    assert modalities(extract(text, layer), "Talks") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "At their meeting in X, A told B": the main clause's two people met
            "At their meeting in Beijing, Xi Jinping told Emmanuel Macron that China would not "
            "supply weapons.",
            [
                (
                    "Meeting",
                    {
                        "participant": ["person/emmanuel-macron", "person/xi-jinping"],
                        "place": ["city/beijing"],
                    },
                )
            ],
        ),
        (  # ... not a person and a state the clause names
            "At their meeting, Xi Jinping said China wanted peace.",
            [],
        ),
    ],
)
def test_their_meeting_before_the_main_clause_is_its_two_people(text, expected, layer):
    """meetings.yaml: "At their meeting ..., A told B" is A's meeting with B."""
    assert of_kind(text, "Meeting", layer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Albanese became the first Australian prime minister to visit China in seven years.",
            [("person/anthony-albanese", "country/china")],
        ),
        (
            "Modi will become the first Indian prime minister to travel to Brunei.",
            [("person/narendra-modi", "country/brunei")],
        ),
        (  # an earlier visit is a record (travel.yaml records), not one of the title's
            "Indira Gandhi was the last Indian prime minister to travel to Kuwait, in 1981.",
            [("person/indira-gandhi", "country/kuwait")],
        ),
    ],
)
def test_the_first_leader_to_visit_is_the_subject_visiting(text, expected, layer):
    """travel.yaml visit.first: "X became the first TITLE to visit Y" is X's visit (the title
    between them is nobody's visit)."""
    found = of_kind(text, "Visit", layer)
    assert [(r["traveller"][0], r["place"][0]) for _, r in found] == expected


def test_they_after_a_meeting_are_its_two_people(layer):
    """coref.py `_meeting_before`: "They" in the sentence after a meeting of two people that
    named no group since is the pair ("They also witnessed the signing of ...")."""
    text = (
        "Xi Jinping held talks with Emmanuel Macron in Paris on Monday. They also witnessed "
        "the exchange of agreements on aviation and agriculture."
    )
    assert of_kind(text, "AgreementSigning", layer) == [
        (
            "AgreementSigning",
            {
                "participant": [
                    "country/china",
                    "country/france",
                    "person/emmanuel-macron",
                    "person/xi-jinping",
                ],
                "place": ["city/paris"],
            },
        )
    ]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (  # frames.yaml frame.meet: "huddled with", "gathered ... with"
            "Biden huddled with Netanyahu in Tel Aviv.",
            "Meeting",
            ["person/benjamin-netanyahu", "person/joe-biden"],
        ),
        (
            "Scholz and Macron gathered in Paris with Tusk.",
            "Meeting",
            ["person/donald-tusk", "person/emmanuel-macron", "person/olaf-scholz"],
        ),
        (  # frame.talk: "chatted with"
            "Xi chatted with Biden on the sidelines of the APEC summit.",
            "Talks",
            ["person/joe-biden", "person/xi-jinping"],
        ),
        (  # frame.sit-with
            "Blinken also sat with Sisi in Cairo.",
            "Meeting",
            ["person/abdel-fattah-al-sisi", "person/antony-blinken"],
        ),
        (  # meetings.yaml meeting.audience: "granted an audience by"
            "Zelenskyy was granted an audience by Pope Francis.",
            "Meeting",
            ["person/pope-francis", "person/volodymyr-zelensky"],
        ),
        (  # meeting.courtesy-visit: a visit paid to a person
            "Blinken paid a courtesy visit to President Ruto at State House.",
            "Meeting",
            ["person/antony-blinken", "person/william-ruto"],
        ),
        (  # frames.yaml frame.sign: "struck a deal"
            "Ukraine and the United States struck a minerals deal on Wednesday.",
            "AgreementSigning",
            ["country/ukraine", "country/united-states"],
        ),
    ],
)
def test_more_words_for_meeting_talking_and_signing(text, kind, expected, layer):
    """Meeting, talks and signing words of wire copy the frames did not know."""
    assert [r["participant"] for _, r in of_kind(text, kind, layer)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Modi set off for Washington on Sunday.", ("person/narendra-modi", "city/washington")),
        ("Meloni spent two days in Tokyo.", ("person/giorgia-meloni", "city/tokyo")),
    ],
)
def test_setting_off_for_and_spending_days_in_a_place_are_visits(text, expected, layer):
    """travel.yaml visit.verb: "set off for X", "spent two days in X"."""
    found = of_kind(text, "Visit", layer)
    assert [(r["traveller"][0], r["place"][0]) for _, r in found] == [expected]


def test_his_guest_is_the_last_traveller(layer):
    """entities.yaml coref.guest: "received his guest" is the traveller named last."""
    text = (
        "Egyptian President Abdel Fattah el-Sisi arrived in Ankara on Wednesday. Erdogan "
        "received his guest at the presidential complex."
    )
    assert [(r["host"], r["traveller"]) for _, r in of_kind(text, "Hosting", layer)] == [
        (["person/recep-tayyip-erdogan"], ["person/abdel-fattah-al-sisi"])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an asset freeze with a number in digits (sanctions-military.yaml)
            "Japan froze the assets of 11 Russian individuals.",
            {"agent": ["country/japan"], "target": ["org/russian-individuals"]},
        ),
        (  # entry bans
            "Russia banned entry to 500 Americans, including former President Barack Obama.",
            {"agent": ["country/russia"], "target": ["person/barack-obama"]},
        ),
        (
            "Russia barred former President Barack Obama from entering the country.",
            {"agent": ["country/russia"], "target": ["person/barack-obama"]},
        ),
    ],
)
def test_asset_freezes_and_entry_bans_are_sanctions(text, expected, layer):
    """sanction-imposition.impose: "froze the assets of 11 X", "banned entry to X", "barred X
    from entering"."""
    assert of_kind(text, "SanctionImposition", layer) == [("SanctionImposition", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # kinds.yaml place_from: the arrival was where they met the traveller
            "Rubio arrived late on Saturday and was met at Tocumen International Airport by "
            "Foreign Minister Javier Martinez-Acha.",
            [("person/marco-rubio", "place/tocumen-international-airport")],
        ),
        (  # lexicon fronting_word: "Shortly after arriving in X, P met ..."
            "Shortly after arriving in Hanoi, Putin met To Lam.",
            [("person/vladimir-putin", "city/hanoi")],
        ),
        (  # arrival.noun: "On his arrival, P ..." where the story is
            "Putin flew to Pyongyang on Tuesday. On his arrival, Putin was greeted by Kim Jong Un.",
            [("person/vladimir-putin", "city/pyongyang")],
        ),
        (
            "Modi arrived in Kuwait City on Saturday. Upon arrival at the airport, Modi was "
            "welcomed by Kuwaiti Foreign Minister Abdullah Ali Al-Yahya.",
            [("person/narendra-modi", "city/kuwait-city")],
        ),
        (  # ... not an arrival at a venue during the visit
            "Putin flew to Pyongyang on Tuesday. A ceremony was held for Putin upon his arrival "
            "at the palace.",
            [],
        ),
    ],
)
def test_arrivals_told_beside_their_welcome(text, expected, layer):
    """Arrivals told with the welcome that met them."""
    found = of_kind(text, "Arrival", layer)
    assert [(r["traveller"][0], r["place"][0]) for _, r in found] == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (  # ceremonies.yaml parade.attended: the state of the place held it
            "Kim Jong Un attended the military parade in Pyongyang on Monday.",
            "MilitaryParade",
            {
                "agent": ["country/north-korea"],
                "participant": ["person/kim-jong-un"],
                "place": ["city/pyongyang"],
            },
        ),
        (  # ceremony.plant
            "Xi Jinping and Alexander Lukashenko planted a tree in Minsk.",
            "Ceremony",
            {
                "participant": ["person/alexander-lukashenko", "person/xi-jinping"],
                "place": ["city/minsk"],
            },
        ),
        (  # ceremony.honoured-with
            "Kim Jong Un honoured Putin with a banquet.",
            "Ceremony",
            {"host": ["person/kim-jong-un"], "participant": ["person/vladimir-putin"]},
        ),
    ],
)
def test_parades_watched_trees_planted_and_banquets(text, kind, expected, layer):
    """Ceremonies and parades of state visits."""
    assert of_kind(text, kind, layer) == [(kind, expected)]


def test_an_invitation_to_attend_a_parade_is_no_parade_attended(layer):
    """... not "invited X to attend the parade" (a guard: the invitation's content)."""
    text = "Putin invited Lukashenko to attend the Victory Day parade in Moscow on May 9."
    assert [r.get("participant") for _, r in of_kind(text, "MilitaryParade", layer)] in ([], [None])


@pytest.mark.parametrize(
    "signing",
    [
        "Ministers from both countries signed 15 agreements.",  # entities.yaml coref.two-countries
        "The visit saw the signing of 15 agreements.",  # meetings.yaml agreement.passive
    ],
)
def test_signings_by_both_countries_after_their_talks(signing, layer):
    """The states of the pair who held talks that day signed."""
    text = "Xi Jinping held talks with Lula in Beijing on Friday. " + signing
    found = of_kind(text, "AgreementSigning", layer)
    assert [r["participant"] for _, r in found] == [["country/brazil", "country/china"]]


def test_a_summit_an_invitee_is_invited_to_attend_is_to_come(layer):
    """attribution.yaml modality.expected: "invited Lula to attend the BRICS summit": the
    summit attended is still to come, like the visit."""
    graph = extract("Xi invited Lula to attend the BRICS summit in Kazan.", layer)
    meeting = next(graph.subjects(RDF.type, DIP.Meeting))
    assert {graph.value(a, DIP.modality) for a in graph.subjects(DIP.attests, meeting)} == {
        DIP.Expected
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # letters-invitations.yaml acceptance.which
            "Sisi invited Erdogan to pay an official visit to Egypt, which Erdogan accepted.",
            {"agent": ["person/recep-tayyip-erdogan"], "target": ["person/abdel-fattah-al-sisi"]},
        ),
        (  # acceptance.passive: the invitation told before
            "Putin invited Kim Jong Un to Moscow. The invitation was accepted.",
            {"agent": ["person/kim-jong-un"], "target": ["person/vladimir-putin"]},
        ),
    ],
)
def test_an_invitation_accepted_after_it_was_told(text, expected, layer):
    """The invitation told before is the one accepted ("which X accepted", "the invitation was
    accepted"), by its invitee."""
    assert of_kind(text, "InvitationAcceptance", layer) == [("InvitationAcceptance", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Qatar hosted the talks between the United States and the Taliban in Doha.",
            {"participant": ["country/united-states", "org/taliban"], "place": ["city/doha"]},
        ),
        (
            "Oman hosted indirect talks between Iran and the United States in Muscat on Saturday.",
            {"participant": ["country/iran", "country/united-states"], "place": ["city/muscat"]},
        ),
    ],
)
def test_talks_a_third_state_hosted_are_between_the_two_sides(text, expected, layer):
    """meetings.yaml talks.hosted-between: the host is not a side of the talks."""
    assert of_kind(text, "Talks", layer) == [("Talks", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lula embarked on a tour of Africa on Sunday, with stops in South Africa and Angola.",
            ["country/angola", "country/south-africa"],
        ),
        (
            "Xi is on a European tour that includes France, Serbia and Hungary.",
            ["country/france", "country/hungary", "country/serbia"],
        ),
    ],
)
def test_the_stops_of_a_tour_are_the_subjects_visits(text, expected, layer):
    """travel.yaml visit.itinerary: "with stops in A and B", "a tour that includes A, B"."""
    found = of_kind(text, "Visit", layer)
    assert sorted(r["place"][0] for _, r in found) == expected


def test_a_traveller_fresh_from_a_visit_made_it(layer):
    """travel.yaml visit.itinerary: "X, fresh from a visit to Iraq, arrived in Qatar": X's
    visit to Iraq, told before the arrival."""
    text = "Erdogan, fresh from a visit to Iraq, arrived in Qatar on Tuesday."
    found = of_kind(text, "Visit", layer)
    assert sorted(r["place"][0] for _, r in found) == ["country/iraq", "country/qatar"]


def test_visiting_a_person_is_meeting_them_and_visiting_their_place(layer):
    """meetings.yaml meeting.visited-person and travel.yaml visit.verb: "Orban visited Putin in
    Moscow" is a meeting of the two and Orban's visit to Moscow."""
    assert events(extract("Orban visited Putin in Moscow on Friday.", layer)) == [
        (
            "Meeting",
            {
                "participant": ["person/viktor-orban", "person/vladimir-putin"],
                "place": ["city/moscow"],
            },
        ),
        (
            "Visit",
            {
                "traveller": ["person/viktor-orban"],
                "host": ["country/russia"],
                "place": ["city/moscow"],
            },
        ),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "role", "expected"),
    [
        (  # meetings.yaml meeting.attended-by: they join the meeting told before
            "Kim Jong Un met Putin on Wednesday. Also attending the meeting were Choe Son Hui "
            "and Sergei Lavrov.",
            "Meeting",
            "participant",
            [
                "person/choe-son-hui",
                "person/kim-jong-un",
                "person/sergei-lavrov",
                "person/vladimir-putin",
            ],
        ),
        (
            "Participating in the talks were Blinken, Sullivan and Wang Yi.",
            "Meeting",
            "participant",
            ["person/antony-blinken", "person/jake-sullivan", "person/wang-yi"],
        ),
        (  # travel.yaml hosting.inverted
            "Putin arrived in Pyongyang on Wednesday. Greeting him at the airport was Kim Jong Un.",
            "Hosting",
            "host",
            ["person/kim-jong-un"],
        ),
        (  # ceremonies.yaml ceremony.inverted
            "Attending the ceremony were Modi and Sheikh Hasina.",
            "Ceremony",
            "participant",
            ["person/narendra-modi", "person/sheikh-hasina"],
        ),
    ],
)
def test_parties_named_after_an_inverted_verb(text, kind, role, expected, layer):
    """ "Also attending the meeting were A and B", "Greeting him was X": the parties after
    "were" or "was"."""
    assert [r[role] for _, r in of_kind(text, kind, layer)] == [expected]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (  # meetings.yaml meeting.tete-a-tete
            "Ruto and Museveni held a tete-a-tete at State House.",
            "Meeting",
            ["person/william-ruto", "person/yoweri-museveni"],
        ),
        (
            "Tinubu and Ramaphosa proceeded to a tête-à-tête meeting.",
            "Meeting",
            ["person/bola-tinubu", "person/cyril-ramaphosa"],
        ),
        (  # talks.noun: "held consultations with his Chinese counterpart X"
            "Lavrov held consultations with his Chinese counterpart Wang Yi.",
            "Talks",
            ["person/sergei-lavrov", "person/wang-yi"],
        ),
    ],
)
def test_a_tete_a_tete_and_consultations_with_a_counterpart(text, kind, expected, layer):
    """Meetings of wire copy's other words."""
    assert [r["participant"] for _, r in of_kind(text, kind, layer)] == [expected]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Modi met a delegation of the International Monetary Fund.", "Meeting"),
        ("Narendra Modi received an IMF mission on Monday.", "Meeting"),
        ("Narendra Modi held talks with an IMF delegation in New Delhi.", "Talks"),
    ],
)
def test_meeting_an_organisations_delegation_is_meeting_the_organisation(text, kind, layer):
    """meetings.yaml meeting.org-delegation, talks.org-delegation."""
    assert [r["participant"] for _, r in of_kind(text, kind, layer)] == [
        ["org/international-monetary-fund", "person/narendra-modi"]
    ]


def test_talks_held_with_no_partner_named_are_with_the_host_of_the_day(layer):
    """meetings.yaml talks.noun `add`: "X held talks in Cairo" after Y welcomed X that day are
    talks with Y."""
    text = (
        "Egyptian President Abdel Fattah el-Sisi welcomed Blinken on Tuesday. Blinken held talks "
        "in Cairo on ceasefire efforts."
    )
    assert [r["participant"] for _, r in of_kind(text, "Talks", layer)] == [
        ["person/abdel-fattah-al-sisi", "person/antony-blinken"]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Albanese dined with Widodo on Monday evening.",
        "Albanese had lunch with Widodo.",
        "Albanese had a working lunch with Widodo.",
        "Albanese and Widodo had breakfast together.",
    ],
)
def test_a_meal_together_is_a_meeting(text, layer):
    """frames.yaml frame.meal (a verb or a bare noun) beside frame.meal-noun ("a working lunch": a
    guard, the noun frame had it); "hosted a dinner for X" stays a ceremony."""
    assert [r["participant"] for _, r in of_kind(text, "Meeting", layer)] == [
        ["person/anthony-albanese", "person/joko-widodo"]
    ]


def test_a_private_dinner_is_no_soldiers_rank(layer):
    """entities.yaml titles: "Private" is a rank only written so; lower-case "private" had made
    a title mention that broke "hosted a private dinner for X"."""
    text = "Widodo hosted a private dinner for Albanese."
    assert of_kind(text, "Ceremony", layer) == [
        ("Ceremony", {"host": ["person/joko-widodo"], "participant": ["person/anthony-albanese"]})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan and Aliyev later chaired the first meeting of the High-Level Strategic "
        "Cooperation Council.",
        "A meeting of the High-Level Strategic Cooperation Council chaired by Erdogan and "
        "Aliyev was held on Monday.",
    ],
)
def test_chairing_a_meeting_of_a_body_is_a_meeting_with_it(text, layer):
    """meetings.yaml meeting.chair: those who chair a body's meeting meet, and the body too."""
    assert [r["participant"] for _, r in of_kind(text, "Meeting", layer)] == [
        [
            "org/high-level-strategic-cooperation-council",
            "person/ilham-aliyev",
            "person/recep-tayyip-erdogan",
        ]
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (  # frames._trailing_participle: the participle's subject is the sentence's
            "Lula visited Beijing on Friday, meeting Xi Jinping.",
            "Meeting",
        ),
        (  # meetings.yaml meeting.with-whom
            "Lula visited China at the invitation of Xi Jinping, with whom he held talks.",
            "Meeting",
        ),
        (  # meetings.yaml meeting.visit-included
            "Lula's visit to Beijing included a meeting with Xi Jinping.",
            "Meeting",
        ),
        (  # sentences._which_clause: the clause read with the noun phrase before it
            "Lula's state visit to China, which included talks with Xi Jinping, ended on Saturday.",
            "Meeting",
        ),
    ],
)
def test_a_meeting_told_beside_a_visit_is_the_travellers(text, kind, layer):
    """A meeting the sentence of a visit tells in a participle, a relative clause or as part
    of the visit is the traveller's."""
    assert [r["participant"] for _, r in of_kind(text, kind, layer)] == [
        ["person/luiz-inacio-lula-da-silva", "person/xi-jinping"]
    ]


def test_a_which_clause_is_read_with_its_noun_phrase(layer):
    """sentences._which_clause: "the accord, which was signed by A and B in Nairobi, expired"
    has the signing (the clause had been cut from the sentence and never read)."""
    text = "The 2019 accord, which was signed by Ruto and Abiy in Nairobi, expired on Monday."
    assert of_kind(text, "AgreementSigning", layer) == [
        (
            "AgreementSigning",
            {
                "participant": ["person/abiy-ahmed", "person/william-ruto"],
                "place": ["city/nairobi"],
            },
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Wang Yi took part in the ASEAN foreign ministers' meeting in Vientiane.",
        "Wang Yi participated in the ASEAN foreign ministers' meeting in Vientiane.",
    ],
)
def test_taking_part_in_a_bodys_ministers_meeting_is_meeting_the_body(text, layer):
    """meetings.yaml meeting.attend-summit: "took part in the ASEAN foreign ministers'
    meeting", as "attended" already read it (the gathering's modifiers between)."""
    assert of_kind(text, "Meeting", layer) == [
        ("Meeting", {"participant": ["org/asean", "person/wang-yi"], "place": ["city/vientiane"]})
    ]


def test_meeting_someones_predecessor_is_meeting_the_predecessor(layer):
    """meetings.yaml meeting.possessed-person: "met Wang Yi's predecessor Qin Gang" is a
    meeting with Qin Gang, not with Wang Yi."""
    text = "Annalena Baerbock met Wang Yi's predecessor Qin Gang in Beijing."
    assert of_kind(text, "Meeting", layer) == [
        (
            "Meeting",
            {
                "participant": ["person/annalena-baerbock", "person/qin-gang"],
                "place": ["city/beijing"],
            },
        )
    ]


def test_a_bare_reception_names_no_ceremony(layer):
    """ceremonies.yaml ceremony.noun: "a reception was held" with no one named makes no
    ceremony of the place's country; a named guest still makes one."""
    opening = "Indian Prime Minister Narendra Modi arrived in Moscow on Monday. "
    assert of_kind(opening + "A reception was held in the evening.", "Ceremony", layer) == []
    assert [
        r["participant"]
        for _, r in of_kind(opening + "A reception was held for Modi.", "Ceremony", layer)
    ] == [["person/narendra-modi"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moscow ordered the expulsion of three Estonian diplomats on Tuesday.",
            {"agent": ["country/russia"], "target": ["country/estonia"]},
        ),
        (
            "Mali announced the expulsion of the Swedish ambassador on Monday.",
            {"agent": ["country/mali"], "target": ["country/sweden"]},
        ),
    ],
)
def test_an_ordered_expulsion_of_diplomats_is_an_expulsion(text, expected, layer):
    """ "ordered the expulsion of three Estonian diplomats", "announced the expulsion of the
    Swedish ambassador" (sanctions-military.yaml): the noun, not only the verb "expel"."""
    assert of_kind(text, "DiplomatExpulsion", layer) == [("DiplomatExpulsion", expected)]


def test_a_welcome_accorded_in_a_relative_clause_is_the_same_hosting(layer):
    """ "... was received at the airport by Mahama, who accorded him a ceremonial welcome": the
    one who accords a welcome hosts the one given it (it had made Mahama the guest of Ghana),
    and the clause's undated event takes its sentence's day, so both tell one hosting."""
    text = (
        "Indian Prime Minister Narendra Modi arrived in Accra on Wednesday evening and was "
        "received at Kotoka International Airport by Ghanaian President John Dramani Mahama, "
        "who accorded him a ceremonial welcome."
    )
    assert of_kind(text, "Hosting", layer) == [
        (
            "Hosting",
            {
                "traveller": ["person/narendra-modi"],
                "host": ["person/john-dramani-mahama"],
                "place": ["city/accra", "place/kotoka-international-airport"],
            },
        )
    ]


def test_a_signing_witnessed_after_and_is_witnessed_by_the_sentence_subjects(layer):
    """ "The two leaders discussed trade, and witnessed the signing of four memoranda": the
    signing's parties are the earlier verb's subjects (agreement.witnessed `defaults`)."""
    text = (
        "Indian Prime Minister Narendra Modi and Ghanaian President John Dramani Mahama "
        "discussed trade, defence and vaccine production, and witnessed the signing of four "
        "memoranda of understanding."
    )
    assert of_kind(text, "AgreementSigning", layer) == [
        (
            "AgreementSigning",
            {
                "participant": [
                    "country/ghana",
                    "country/india",
                    "person/john-dramani-mahama",
                    "person/narendra-modi",
                ]
            },
        )
    ]


def test_the_visits_one_arrival_implies_are_one_visit(layer):
    """ "Xi arrived in Hanoi on Monday for a state visit to Vietnam. Upon arrival, Xi was
    greeted ...": the arrival's two reports imply one visit (the second had stood apart, its
    place no subset of "Vietnam" and "Hanoi" told together)."""
    text = (
        "HANOI, April 14 (Xinhua) -- Chinese President Xi Jinping arrived in Hanoi on Monday "
        "afternoon for a state visit to Vietnam. Upon arrival, Xi was warmly greeted by "
        "Vietnamese President Luong Cuong at the airport."
    )
    assert of_kind(text, "Visit", layer) == [
        (
            "Visit",
            {
                "traveller": ["person/xi-jinping"],
                "host": ["country/vietnam"],
                "place": ["city/hanoi"],
            },
        )
    ]


def test_he_after_the_two_ministers_is_the_one_who_met_the_other(layer):
    """ "Nakatani met his counterpart Teodoro. The two ministers agreed ... He also paid a
    courtesy call on President Marcos": a sentence whose only people are the pair keeps the
    earlier subject as the one "he" is (it had been the last named, Teodoro)."""
    text = (
        "Japanese Defence Minister Gen Nakatani met his Philippine counterpart Gilberto Teodoro "
        "in Manila on Tuesday. The two ministers agreed to deepen cooperation on maritime "
        "security. He also paid a courtesy call on President Ferdinand Marcos Jr. at "
        "Malacanang Palace."
    )
    meetings = [roles["participant"] for _, roles in of_kind(text, "Meeting", layer)]
    assert meetings == [
        ["person/ferdinand-marcos-jr", "person/gen-nakatani"],
        ["person/gen-nakatani", "person/gilberto-teodoro"],
    ]


def test_who_after_an_apposition_of_offices_is_the_person(layer):
    """ "received Hakan Fidan, Minister of Foreign Affairs of the Republic of Turkiye, who is
    visiting the country": Fidan visits (`sentences._who_antecedent`; Turkiye had)."""
    text = (
        "ABU DHABI, 22nd January, 2025 (WAM) -- President His Highness Sheikh Mohamed bin Zayed "
        "Al Nahyan today received Hakan Fidan, Minister of Foreign Affairs of the Republic of "
        "Turkiye, who is visiting the country."
    )
    assert [r["traveller"] for _, r in of_kind(text, "Visit", layer)] == [["person/hakan-fidan"]]


def test_a_place_ending_a_fronted_phrase_joins_no_list_of_people(layer):
    """ "During the meeting, held at Qasr Al Shati in Abu Dhabi, His Highness and the Turkish
    minister discussed ...": Abu Dhabi ends the phrase; the two people talk (`coref.group` had
    made "Abu Dhabi, His Highness and the Turkish minister" one list)."""
    text = (
        "ABU DHABI, 22nd January, 2025 (WAM) -- President His Highness Sheikh Mohamed bin Zayed "
        "Al Nahyan today received Hakan Fidan, Minister of Foreign Affairs of the Republic of "
        "Turkiye. During the meeting, held at Qasr Al Shati in Abu Dhabi, His Highness and the "
        "Turkish minister discussed bilateral relations."
    )
    assert [r["participant"] for _, r in of_kind(text, "Talks", layer)] == [
        ["person/hakan-fidan", "person/mohamed-bin-zayed-al-nahyan"]
    ]


def test_a_meeting_a_trip_is_for_takes_place_where_the_trip_goes(layer):
    """ "Boluarte will travel to Brasilia next month for a meeting with Lula", in a story
    datelined La Paz: the meeting is in Brasilia (meetings.yaml meeting.purpose; it had taken
    the dateline's city)."""
    text = (
        "LA PAZ, March 4 (EFE) - Peruvian President Dina Boluarte met Bolivian President Luis "
        "Arce on Tuesday. Boluarte will travel to Brasilia next month for a meeting with "
        "Brazilian President Luiz Inacio Lula da Silva."
    )
    lula = "person/luiz-inacio-lula-da-silva"
    meetings = [r for _, r in of_kind(text, "Meeting", layer) if lula in r["participant"]]
    assert meetings == [{"participant": ["person/dina-boluarte", lula], "place": ["city/brasilia"]}]


def test_a_reception_at_the_airport_is_an_arrival(layer):
    """kinds.yaml Hosting `entails` (candidates.entailed): a guest welcomed at an airport
    arrived there, at the airport the sentence names; the arrival implies no visit of its own
    (the visit is told apart)."""
    text = (
        "Georgian Prime Minister Irakli Kobakhidze was welcomed at Zvartnots International "
        "Airport on Monday by Armenian Deputy Foreign Minister Mnatsakan Safaryan."
    )
    airport = ["place/zvartnots-international-airport"]
    guest, host = ["person/irakli-kobakhidze"], ["person/mnatsakan-safaryan"]
    assert events(extract(text, layer)) == [
        ("Arrival", {"traveller": guest, "place": airport}),
        ("Hosting", {"traveller": guest, "host": host, "place": airport}),
    ]


@pytest.mark.parametrize(
    "text",
    [  # an arrival told before, of the guest or of another there that day
        "Modi arrived in Kuwait City on Saturday. He was received at the airport by Kuwaiti "
        "Foreign Minister Abdullah Ali Al-Yahya.",
        "Modi, who arrived in Kuwait City on Saturday, was received at the airport by Kuwaiti "
        "Foreign Minister Abdullah Ali Al-Yahya.",
        "Modi arrived in Kuwait City on Saturday. Ghani was received at the airport by Kuwaiti "
        "Foreign Minister Abdullah Ali Al-Yahya the same day.",
    ],
)
def test_a_reception_at_the_airport_after_an_arrival_is_no_second_one(text, layer):
    """candidates.entailed (a guard): no arrival is entailed where the sentence or the story
    that day told one of the guest, or of another at its place."""
    assert [r for kind, r in events(extract(text, layer)) if kind == "Arrival"] == [
        {"traveller": ["person/narendra-modi"], "place": ["city/kuwait-city"]}
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Belarusian President Alexander Lukashenko met Russian President Vladimir Putin at the "
        "airport on Friday.",
        "Putin arrived in Minsk on Friday at the invitation of Alexander Lukashenko, who met him "
        "at the airport.",
    ],
)
def test_meeting_a_guest_at_the_airport_is_a_reception(text, layer):
    """travel.yaml hosting.met-at-airport: "met X at the airport" is X's reception (a
    Hosting), not a meeting; in a clause read apart, its date is the one the main clause's
    words gave a party of it (candidates._main_clause_dates: Friday, not the story's day)."""
    graph = extract(text, layer)
    found = [
        (k, r["host"], r["traveller"]) for k, r in events(graph) if k in ("Hosting", "Meeting")
    ]
    assert found == [("Hosting", ["person/alexander-lukashenko"], ["person/vladimir-putin"])]
    (hosting,) = graph.subjects(RDF.type, DIP.Hosting)
    assert str(graph.value(hosting, DIP.date)) == "2024-11-29"


MBZ_ACCEPTS = {
    "agent": ["person/mohamed-bin-zayed-al-nahyan"],
    "target": ["person/recep-tayyip-erdogan"],
}


@pytest.mark.parametrize(
    "text",
    [  # kinds.yaml InvitationAcceptance `answers` (candidates._answering): "he", read as the
        # sentence's subject, the inviter, is the invitee who accepts
        "Erdogan invited Mohamed bin Zayed to visit Türkiye, and he accepted the invitation.",
        "Erdogan invited Mohamed bin Zayed to visit Türkiye. He accepted the invitation.",
        # letters-invitations.yaml acceptance.which, acceptance.passive
        "Erdogan invited Mohamed bin Zayed to visit Türkiye, and Mohamed bin Zayed accepted.",
        "Erdogan invited Mohamed bin Zayed to visit Türkiye, and Mohamed bin Zayed accepted it.",
        "Erdogan invited Mohamed bin Zayed to visit Türkiye, an invitation Mohamed bin Zayed "
        "accepted.",
        "Erdogan extended an invitation to Mohamed bin Zayed to visit Türkiye, which was accepted.",
        # acceptance.invitation: "welcomed the invitation"
        "Erdogan invited Mohamed bin Zayed to visit Türkiye, and Mohamed bin Zayed welcomed the "
        "invitation.",
    ],
)
def test_the_invitee_accepts_the_invitation_told(text, layer):
    """An acceptance of the invitation just told is its invitee's, however the sentence names
    him (a pronoun read as the inviter, a bare "accepted", "welcomed the invitation")."""
    assert of_kind(text, "InvitationAcceptance", layer) == [("InvitationAcceptance", MBZ_ACCEPTS)]


@pytest.mark.parametrize(
    "text",
    [
        "Ramaphosa received Tinubu for talks.",
        "Ramaphosa hosted Tinubu for talks on Tuesday.",
        "Tinubu was received by Ramaphosa for talks.",  # a guard: it had them
    ],
)
def test_a_guest_received_for_talks_held_them_with_the_host(text, layer):
    """frames.yaml frame.purpose-talks comes before frame.talk, whose subject had been the guest
    alone (a one-party talks, dropped)."""
    assert [r["participant"] for _, r in of_kind(text, "Talks", layer)] == [
        ["person/bola-tinubu", "person/cyril-ramaphosa"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # meetings.yaml meeting.joined-at
            "Li Qiang will fly to Perth, where he will join Anthony Albanese at a roundtable "
            "with business leaders.",
            [["person/anthony-albanese", "person/li-qiang"]],
        ),
        (  # meetings.yaml meeting.purpose-summit
            "Lula travelled to Johannesburg for the BRICS summit.",
            [["org/brics", "person/luiz-inacio-lula-da-silva"]],
        ),
        (  # the second gathering is the traveller's too, not the first body's ("Economic" is no
            # gathering_modifier: no APEC meeting)
            "Prabowo will travel to Lima for the APEC Economic Leaders' Meeting and to Rio de "
            "Janeiro for the G20 Summit.",
            [["org/g20", "person/prabowo-subianto"]],
        ),
    ],
)
def test_a_traveller_meets_whom_the_trip_is_for(text, expected, layer):
    """A meeting a visit's sentence names as its purpose ("for the BRICS summit") or as joining
    someone at a gathering is the traveller's."""
    assert [r["participant"] for _, r in of_kind(text, "Meeting", layer)] == expected


def test_an_invitation_to_a_bodys_summit_is_a_meeting_to_come(layer):
    """meetings.yaml meeting.invited-to: "invited Xi to the BRICS summit in Kazan": the invitee
    and the body will meet there (expected), beside the invitation."""
    graph = extract("Putin invited Xi Jinping to the BRICS summit in Kazan.", layer)
    assert [e for e in events(graph) if e[0] == "Meeting"] == [
        ("Meeting", {"participant": ["org/brics", "person/xi-jinping"], "place": ["city/kazan"]})
    ]
    meeting = next(graph.subjects(RDF.type, DIP.Meeting))
    assert {graph.value(a, DIP.modality) for a in graph.subjects(DIP.attests, meeting)} == {
        DIP.Expected
    }


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "Xi welcomed Prabowo with an official ceremony at the Great Hall of the People.",
            ["Ceremony"],
        ),
        (
            "Putin was greeted by Mongolian President Ukhnaagiin Khurelsukh at an official "
            "ceremony in Ulaanbaatar.",
            ["Ceremony"],
        ),
        # a guard: with no ceremony, the welcome is a hosting
        ("Xi received Prabowo at the Great Hall of the People.", ["Hosting"]),
    ],
)
def test_a_welcome_with_a_ceremony_is_the_ceremony(text, kinds, layer):
    """kinds.yaml Hosting `yields_to: Ceremony` (candidates._yielding): a host who welcomes a
    guest with a ceremony holds the ceremony; no hosting is told beside it."""
    assert [kind for kind, _ in events(extract(text, layer))] == kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # meetings.yaml talks.travel-purpose: the date no longer widens a gap past its size
            "Modi travelled to Moscow on Monday to hold talks with Putin.",
            ("Talks", ["person/narendra-modi", "person/vladimir-putin"]),
        ),
        (  # meeting.purpose-summit after an arrival
            "Modi arrived in Moscow on Monday for the SCO summit.",
            ("Meeting", ["org/shanghai-cooperation-organisation", "person/narendra-modi"]),
        ),
    ],
)
def test_talks_and_summits_a_traveller_came_for(text, expected, layer):
    """The talks or summit a traveller came for are the traveller's, a date between or not."""
    found = events(extract(text, layer))
    assert [(k, r["participant"]) for k, r in found if k in ("Meeting", "Talks")] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Aliyev was invited by Erdogan to visit Türkiye.",
        "Aliyev was invited to Türkiye by Erdogan.",
    ],
)
def test_an_invitation_told_in_the_passive(text, layer):
    """letters-invitations.yaml invitation.verb: "X was invited by Y to visit Z", "X was
    invited to Z by Y": Y invites X to visit Z."""
    found = events(extract(text, layer))
    assert [(k, r) for k, r in found if k == "Invitation"] == [
        (
            "Invitation",
            {"inviter": ["person/recep-tayyip-erdogan"], "invitee": ["person/ilham-aliyev"]},
        )
    ]
    assert [(k, r["traveller"], r["place"]) for k, r in found if k == "Visit"] == [
        ("Visit", ["person/ilham-aliyev"], ["country/turkey"])
    ]


def test_an_unknown_body_before_a_titled_name_is_the_titles_not_a_wall(layer):
    """ "Modi met Tesla CEO Elon Musk": "Tesla", a capitalised word no stage knew, stands for
    the body the title is of and no longer hides the person met (`frames._affiliation`)."""
    text = "Indian Prime Minister Narendra Modi met Tesla CEO Elon Musk at Blair House."
    assert of_kind(text, "Meeting", layer) == [
        (
            "Meeting",
            {
                "participant": ["person/elon-musk", "person/narendra-modi"],
                "place": ["place/blair-house"],
            },
        )
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Indian Prime Minister Narendra Modi arrived in Washington from Paris, where he met "
            "French President Emmanuel Macron.",
            "city/paris",
        ),
        (  # the city before its country
            "Brazilian President Luiz Inacio Lula da Silva arrived from Johannesburg, South "
            "Africa, where he met South African President Cyril Ramaphosa.",
            "city/johannesburg",
        ),
    ],
)
def test_an_event_after_where_took_place_at_the_place_before_it(text, place, layer):
    """ "arrived in Washington from Paris, where he met Macron": the meeting was in Paris (lexicon
    `place_relative`, `candidates._where_places`), not where the sentence's arrival was."""
    assert [r["place"] for _, r in of_kind(text, "Meeting", layer)] == [[place]]


def test_the_sender_of_a_message_is_not_at_the_meeting_it_was_conveyed_at(layer):
    """ "Blinken conveyed a message from Biden to Xi during their meeting": Blinken and Xi met;
    the one the message is from was not there (lexicon `absent_party_marker`)."""
    text = (
        "Secretary of State Antony Blinken conveyed a message from President Joe Biden to "
        "Chinese President Xi Jinping during their meeting."
    )
    assert [r["participant"] for _, r in of_kind(text, "Meeting", layer)] == [
        ["person/antony-blinken", "person/xi-jinping"]
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Brazilian President Luiz Inacio Lula da Silva was given a state welcome by Chinese "
            "President Xi Jinping at the Great Hall of the People.",
            "place/great-hall-of-the-people",
        ),
        (
            "Kenyan President William Ruto attended the inauguration of Ghanaian President John "
            "Mahama in Accra on Tuesday.",
            "city/accra",
        ),
    ],
)
def test_a_place_right_after_a_rules_words_is_the_events(text, place, layer):
    """ "... was given a state welcome by Xi at the Great Hall of the People": the place right
    after a match that names none (lexicon `trailing_place_word`, `candidates._trailing_places`)."""
    assert [r["place"] for _, r in of_kind(text, "Ceremony", layer)] == [[place]]


def test_a_visit_to_cities_of_two_states_is_a_visit_to_each(layer):
    """ "visited Bamako and Ouagadougou": one visit to each, each hosted by its city's state
    (kinds.yaml `per_country` split countries only; the one visit had Mali host both)."""
    text = "Senegalese President Bassirou Diomaye Faye visited Bamako and Ouagadougou in May."
    assert of_kind(text, "Visit", layer) == [
        (
            "Visit",
            {
                "traveller": ["person/bassirou-diomaye-faye"],
                "host": ["country/burkina-faso"],
                "place": ["city/ouagadougou"],
            },
        ),
        (
            "Visit",
            {
                "traveller": ["person/bassirou-diomaye-faye"],
                "host": ["country/mali"],
                "place": ["city/bamako"],
            },
        ),
    ]


@pytest.mark.parametrize("modifier", ["junta leader", "transitional President"])
def test_a_word_between_a_nationality_and_a_titled_name_hides_no_one(modifier, layer):
    """ "met Malian junta leader Assimi Goita": a lower-case word after the nationality no longer
    stops the search for the one met (`frames._after`)."""
    text = (
        "Ghanaian Foreign Minister Samuel Ablakwa met Malian "
        f"{modifier} Assimi Goita in Bamako on Wednesday."
    )
    assert [r["participant"] for _, r in of_kind(text, "Meeting", layer)] == [
        ["person/assimi-goita", "person/samuel-ablakwa"]
    ]


def test_two_joined_by_a_third_met_all_three(layer):
    """ "The two leaders were joined later by Macron for a trilateral summit": a meeting of the
    three (meetings.yaml meeting.joined-by), beside the pair's own."""
    text = (
        "Jordan's King Abdullah II met Egyptian President Abdel Fattah al-Sisi in Cairo on "
        "Wednesday. The two leaders were joined later by French President Emmanuel Macron for a "
        "trilateral summit."
    )
    assert sorted(r["participant"] for _, r in of_kind(text, "Meeting", layer)) == [
        ["person/abdel-fattah-al-sisi", "person/abdullah-ii"],
        ["person/abdel-fattah-al-sisi", "person/abdullah-ii", "person/emmanuel-macron"],
    ]


def test_a_spouse_named_by_a_given_name_bears_the_leads_surname(layer):
    """ "Macron and his wife Brigitte landed ...": Brigitte Macron lands too, a person named by
    the given name and the lead's surname (`coref._spouses`; "Brigitte" alone had been no one)."""
    text = (
        "French President Emmanuel Macron and his wife Brigitte landed at Noi Bai International "
        "Airport late on Sunday."
    )
    graph = extract(text, layer)
    assert [r["traveller"] for _, r in of_kind(text, "Arrival", layer)] == [
        ["person/brigitte-macron", "person/emmanuel-macron"]
    ]
    assert str(graph.value(ID["person/brigitte-macron"], RDFS.label)) == "Brigitte Macron"


def test_a_letter_received_from_a_kinsman_named_after_a_comma(layer):
    """frames._after with lexicon kin_word: "received a written message from his brother, King
    Abdullah II of Jordan" names the sender after the comma, where the frame found no sender
    and made no letter."""
    text = (
        "Qatar's Emir Sheikh Tamim bin Hamad Al Thani received a written message from his "
        "brother, King Abdullah II of Jordan."
    )
    assert of_kind(text, "LetterDelivery", layer) == [
        (
            "LetterDelivery",
            {"recipient": ["person/tamim-bin-hamad-al-thani"], "sender": ["person/abdullah-ii"]},
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto was welcomed with a 21-gun salute at the Great Hall of "
        "the People in Beijing on Tuesday.",
        "French President Emmanuel Macron was welcomed with full military honours in Hanoi on "
        "Monday.",
    ],
)
def test_a_welcome_with_honours_is_a_ceremony_not_a_hosting(text, layer):
    """ceremonies.yaml ceremony.welcome: "was welcomed with full military honours" is the
    guest's welcome ceremony; its verb is consumed, so frame.host makes no hosting of it (the
    readers note the ceremony alone)."""
    kinds = [kind for kind, _ in events(extract(text, layer))]
    assert "Ceremony" in kinds
    assert "Hosting" not in kinds


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Germany backed continued talks between Brussels and Beijing to find a solution.",
            ["country/china", "org/european-union"],
        ),
        (
            "Egypt supported indirect talks between Israel and Hamas.",
            ["country/israel", "org/hamas"],
        ),
    ],
)
def test_talks_between_two_sides_are_theirs_not_the_backers(text, sides, layer):
    """lexicon.yaml `sides_marker`: "backed continued talks between A and B" (a talks noun with
    no determiner, read as frame.talk's verb) are A's and B's talks; the clause's subject, who
    backs or supports them, is no party (one who calls or pushes for them makes no talks:
    test_a_call_or_readiness_for_talks_is_no_talks)."""
    (talks,) = of_kind(text, "Talks", layer)
    assert talks[1]["participant"] == sides


def test_calling_on_someone_keeps_the_caller(layer):
    """# guard: "called on X" (frame.call-on's marker right after the verb) keeps its subject:
    only a `sides_marker` drops it."""
    (meeting,) = of_kind("Jaishankar called on President Vladimir Putin.", "Meeting", layer)
    assert meeting[1]["participant"] == ["person/s-jaishankar", "person/vladimir-putin"]


@pytest.mark.parametrize(
    "text",
    [
        "Putin and Erdogan discussed the conflict between Russia and Ukraine in Sochi.",
        "Putin and Erdogan discussed the war between Kenya and Somalia.",
    ],
)
def test_the_sides_of_a_topic_are_no_parties_of_the_talks(text, layer):
    """frames._marked: "discussed the war between A and B" (a `sides_marker` after a
    `topic_noun`) names the war's sides, what was discussed, not who discussed it."""
    (talks,) = of_kind(text, "Talks", layer)
    assert talks[1]["participant"] == [
        "person/recep-tayyip-erdogan",
        "person/vladimir-putin",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "During a two-day visit to Nairobi, Abiy Ahmed held talks with William Ruto.",
        "On a three-day state visit to Nairobi, Abiy Ahmed held talks with William Ruto.",
    ],
)
def test_a_fronted_visit_is_the_main_subjects(text, layer):
    """frames._noun_subject: "During a (two-day) visit to X, Y held talks": the visit opening
    the sentence is the main clause's subject's, as for "his visit" (a home leader's is no
    visit: kinds.yaml `abroad`); frames._determiner: in "a two-day visit" the determiner is
    "a", not the number word after it. No visit was found before."""
    (visit,) = of_kind(text, "Visit", layer)
    assert visit[1]["traveller"] == [ABIY]
    assert visit[1]["place"] == NAIROBI


@pytest.mark.parametrize(
    "text",
    [
        "Russia said North Korean troops arrived in Kursk.",
        "Seoul says North Korean soldiers have arrived in Russia.",
        "Hamas said a delegation travelled to Cairo.",
    ],
)
def test_the_speaker_is_not_who_arrived(text, layer):
    """travel.yaml arrival and visit patterns (`not_class: speech_verb` on their gaps): in
    "Russia said North Korean troops arrived in Kursk" the speaker is no traveller; the gap
    between the traveller and the verb crosses no speech verb."""
    kinds = {kind for kind, _ in events(extract(text, layer))}
    assert not kinds & {"Arrival", "Visit"}


def test_a_traveller_set_off_before_the_verb_still_arrives(layer):
    """# guard: the gap still crosses the plain words of a relative clause ("Ruto, who left
    Nairobi early, arrived"): only a speech verb stops it."""
    (arrival,) = of_kind("Ruto, who left Nairobi early, arrived in Addis Ababa.", "Arrival", layer)
    assert arrival[1]["traveller"] == [RUTO]


@pytest.mark.parametrize(
    "text",
    [
        "Egyptian President Abdel Fattah al-Sisi said the guests were greeted in Cairo.",
        "Kenyan President William Ruto said the visitors were greeted in Nairobi.",
        "Egyptian President Abdel Fattah al-Sisi said guests were greeted in Cairo.",
        # travel.yaml hosting.welcome reads the noun "welcome", not the verb (session 37)
        "Egyptian President Abdel Fattah al-Sisi said guests were welcomed in Cairo.",
    ],
)
def test_a_frames_subject_is_not_read_back_across_a_speech_verb(text, layer):
    """frames._subject: "X said (the) guests were greeted in Cairo" (the clause's own subject
    unnamed): X, the speaker, is not the one greeted; the slot is read back no further than a
    speech verb, unless a `subject_pronoun` stands between ("India said it was expelling X",
    test_a_welcomed_possession_is_no_guest)."""
    assert of_kind(text, "Hosting", layer) == []


def test_the_speaker_is_no_party_of_a_meeting_he_reports(layer):
    """meetings.yaml meeting.verb (`not_class: speech_verb` on its gaps): "Xi told reporters
    delegates met Putin in Kazan" is no meeting of Xi's."""
    text = "Xi Jinping told reporters delegates met Vladimir Putin in Kazan."
    meetings = of_kind(text, "Meeting", layer)
    assert all("person/xi-jinping" not in m[1].get("participant", []) for m in meetings)


@pytest.mark.parametrize(
    "text",
    [
        "Reuters travelled to the border town of Rafah.",
        "An AFP journalist travelled to Kyiv on Monday.",
        "Xinhua reporters visited the Potala Palace in Lhasa.",
    ],
)
def test_the_press_is_no_traveller(text, layer):
    """kinds.yaml `no_press`: a news agency fills no traveller role of a visit or an arrival
    (the press reports a trip, it makes none; the readers note none)."""
    kinds = {kind for kind, _ in events(extract(text, layer))}
    assert not kinds & {"Visit", "Arrival"}


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Marco Rubio and the US team arrived in Riyadh on Monday.",
        "Secretary of State Marco Rubio and the US team travelled to Riyadh on Monday.",
    ],
)
def test_a_ministers_own_state_travels_through_him(text, layer):
    """kinds.yaml `represented: traveller` (Visit, Arrival): in "Rubio and the US team
    arrived", the United States travels through Rubio, its secretary of state (the readers
    list him alone)."""
    travellers = [
        event.get("traveller", [])
        for kind in ("Arrival", "Visit")
        for _, event in of_kind(text, kind, layer)
    ]
    assert travellers
    assert all(t == ["person/marco-rubio"] for t in travellers)


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Marco Rubio and other US officials arrived in Riyadh on Monday.",
        "Secretary of State Marco Rubio and senior US officials arrived in Riyadh on Monday.",
    ],
)
def test_a_leader_arriving_with_his_states_officials_arrives(text, layer):
    """travel.yaml arrival.verb: "X and other US officials arrived in Y" is X's arrival (the
    officials' state travels through X, kinds.yaml `represented`); it was the United States'
    alone, X dropped."""
    (arrival,) = of_kind(text, "Arrival", layer)
    assert arrival[1]["traveller"] == ["person/marco-rubio"]


@pytest.mark.parametrize(
    ("text", "kind", "role", "parties"),
    [
        (
            "Secretary of State Marco Rubio and other US officials visited Riyadh on Monday.",
            "Visit",
            "traveller",
            ["person/marco-rubio"],
        ),
        (
            "Secretary of State Marco Rubio and other US officials held talks with Sergei "
            "Lavrov in Riyadh.",
            "Talks",
            "participant",
            ["person/marco-rubio", "person/sergei-lavrov"],
        ),
        (
            "Secretary of State Marco Rubio and other US officials were received by Mohammed "
            "bin Salman in Riyadh.",
            "Hosting",
            "traveller",
            ["person/marco-rubio"],
        ),
    ],
)
def test_a_leader_with_his_states_officials_visits_talks_and_is_received(
    text, kind, role, parties, layer
):
    """travel.yaml visit.verb, hosting.host-with-group, meetings.yaml talks.noun: "X and other
    US officials visited / held talks with / were received by" is X's (the group's state
    through X: kinds.yaml `represented`, now for Hosting's travellers too); it was the United
    States' alone."""
    (event,) = of_kind(text, kind, layer)
    assert event[1][role] == parties


@pytest.mark.parametrize(
    "text",
    [
        "Wang Yi and the Chinese delegation held talks with Sergei Lavrov in Moscow.",
        "Sergei Lavrov held talks with Wang Yi and the Chinese delegation in Moscow.",
    ],
)
def test_an_unled_delegation_of_a_partys_state_is_his(text, layer):
    """events.drop_represented (`senders`): a delegation no one is said to lead, sent by the
    state another party serves, is that party's company, no party of its own (the readers
    leave companions out)."""
    (talks,) = of_kind(text, "Talks", layer)
    assert talks[1]["participant"] == ["person/sergei-lavrov", "person/wang-yi"]


def test_a_delegation_alone_stays_a_party(layer):
    """# guard: "held talks with the Chinese delegation" (no one of China's named) keeps the
    delegation as the other party."""
    (talks,) = of_kind("Sergei Lavrov held talks with the Chinese delegation.", "Talks", layer)
    assert len(talks[1]["participant"]) == 2


@pytest.mark.parametrize(
    ("text", "kind", "role", "parties"),
    [
        (
            "Abiy Ahmed, along with Foreign Minister Gedion Timothewos, arrived in Nairobi on "
            "Monday.",
            "Arrival",
            "traveller",
            [ABIY],
        ),
        (
            "Abiy Ahmed, together with Gedion Timothewos, travelled to Nairobi on Monday.",
            "Visit",
            "traveller",
            [ABIY],
        ),
        (
            "Abiy Ahmed, along with Gedion Timothewos, held talks with William Ruto in Nairobi.",
            "Talks",
            "participant",
            [ABIY, RUTO],
        ),
    ],
)
def test_a_companion_set_off_by_along_with_leaves_the_subject_acting(
    text, kind, role, parties, layer
):
    """travel.yaml arrival.verb and visit.verb, meetings.yaml talks.noun: "X, along with Y,
    arrived (travelled, held talks)" is X's, the companion left out as one "accompanied by"
    is; no event was found before."""
    (event,) = of_kind(text, kind, layer)
    assert event[1][role] == parties


LAVROV, FIDAN = "person/sergei-lavrov", "person/hakan-fidan"
ERDOGAN, ANKARA = "person/recep-tayyip-erdogan", ["city/ankara"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a series of verb phrases after commas: each is the opening subject's
            "Lavrov arrived in Ankara on Monday, held talks with Foreign Minister Hakan Fidan "
            "and then met President Recep Tayyip Erdogan.",
            [
                ("Meeting", {"participant": [ERDOGAN, LAVROV], "place": ANKARA}),
                ("Talks", {"participant": [FIDAN, LAVROV], "place": ANKARA}),
            ],
        ),
        (
            "Lavrov arrived in Ankara on Monday, met Foreign Minister Hakan Fidan and then held "
            "talks with President Recep Tayyip Erdogan.",
            [
                ("Meeting", {"participant": [FIDAN, LAVROV], "place": ANKARA}),
                ("Talks", {"participant": [ERDOGAN, LAVROV], "place": ANKARA}),
            ],
        ),
        (  # ", and later met": the sentence's subject, not the talks' partner
            "Ruto held talks with Hassan Sheikh Mohamud on Tuesday, and later met Foreign "
            "Minister Hakan Fidan.",
            [
                ("Meeting", {"participant": [FIDAN, RUTO]}),
                ("Talks", {"participant": [HASSAN, RUTO]}),
            ],
        ),
    ],
)
def test_a_series_of_verb_phrases_shares_the_opening_subject(text, expected, layer):
    """ "X arrived in Y on Monday, held talks with Z and met W": X talks with Z and meets W."""
    people = "Russian Foreign Minister Sergei Lavrov and Turkish President Recep Tayyip Erdogan. "
    kinds = ("Meeting", "Talks", "AgreementSigning")
    assert [e for e in events(extract(people + text, layer)) if e[0] in kinds] == expected


@pytest.mark.parametrize(
    ("verb", "kind", "roles"),
    [
        ("met", "Meeting", {"participant": [FIDAN, "person/ilham-aliyev", LAVROV]}),
        ("held talks with", "Talks", {"participant": [FIDAN, "person/ilham-aliyev", LAVROV]}),
        ("hosted", "Hosting", {"host": [LAVROV], "traveller": [FIDAN, "person/ilham-aliyev"]}),
    ],
)
def test_counterparts_of_two_nationalities_are_both_parties(verb, kind, roles, layer):
    """ "met his Azerbaijani and Turkish counterparts X and Y": X and Y, with or without commas."""
    for names in ("Ilham Aliyev and Hakan Fidan", ", Ilham Aliyev and Hakan Fidan,"):
        text = f"Sergei Lavrov {verb} his Azerbaijani and Turkish counterparts {names} on Monday."
        found = [e for e in events(extract(text.replace(" ,", ","), layer)) if e[0] == kind]
        assert found == [(kind, roles)]


@pytest.mark.parametrize(
    ("text", "mediator"),
    [
        (
            "Lavrov and Fidan held talks in Ankara on Monday, mediated by Ilham Aliyev.",
            "person/ilham-aliyev",
        ),
        ("Lavrov held talks with Fidan in Ankara on Monday, mediated by Qatar.", "country/qatar"),
    ],
)
def test_talks_mediated_by_a_third_after_a_comma_have_the_mediator(text, mediator, layer):
    """ "A and B held talks in X on Monday, mediated by C": C takes part (talks.mediated)."""
    people = "Russian Foreign Minister Sergei Lavrov and Turkish Foreign Minister Hakan Fidan. "
    found = [e for e in events(extract(people + text, layer)) if e[0] == "Talks"]
    assert found == [("Talks", {"participant": sorted([FIDAN, LAVROV, mediator]), "place": ANKARA})]


def test_a_people_word_after_an_entity_does_not_end_its_list(layer):
    """ "met Hamas negotiators and Mossad chief X": Hamas and X (lexicon `apposition_word`)."""
    text = (
        "Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani met Hamas negotiators "
        "and Mossad chief David Barnea in Doha on Monday."
    )
    qatar_pm = "person/mohammed-bin-abdulrahman-al-thani"
    participants = sorted(["org/hamas", "person/david-barnea", qatar_pm])
    assert of_kind(text, "Meeting", layer) == [
        ("Meeting", {"participant": participants, "place": ["city/doha"]})
    ]


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("Turkish President Recep Tayyip Erdogan received him", [FIDAN, LAVROV]),
        ("Turkish President Recep Tayyip Erdogan warmly welcomed him", [FIDAN, LAVROV]),
        # guard: a pronoun no host welcomes leaves the new subject whom "he" is
        ("Turkish President Recep Tayyip Erdogan thanked him", [FIDAN, ERDOGAN]),
    ],
)
def test_a_guest_a_host_welcomes_stays_whom_he_refers_to(host, expected, layer):
    """ "X arrived in Y. Z received him. He then met W": X met W (lexicon `welcome_verb`)."""
    text = (
        "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday. "
        f"{host} at the presidential complex. He then met Foreign Minister Hakan Fidan."
    )
    meetings = [e[1]["participant"] for e in events(extract(text, layer)) if e[0] == "Meeting"]
    assert meetings == [expected]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Lavrov met with Erdogan's envoy Hakan Fidan in Ankara.", "Meeting", [FIDAN, LAVROV]),
        ("Lavrov met Erdogan's adviser Hakan Fidan in Ankara.", "Meeting", [FIDAN, LAVROV]),
        ("Lavrov held talks with Erdogan's envoy Hakan Fidan in Ankara.", "Talks", [FIDAN, LAVROV]),
    ],
)
def test_a_person_named_as_an_envoys_employer_is_no_party(text, kind, expected, layer):
    """ "met with Trump's envoy X": X, not Trump (coref `_drop_possessors`)."""
    people = "Russian Foreign Minister Sergei Lavrov and Turkish President Recep Tayyip Erdogan. "
    found = [e for e in events(extract(people + text, layer)) if e[0] == kind]
    assert found == [(kind, {"participant": expected, "place": ANKARA})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a phone call is with one party at a time
            "Lavrov said he had spoken by phone with Fidan and Aliyev on Monday.",
            [[FIDAN, LAVROV], ["person/ilham-aliyev", LAVROV]],
        ),
        ("Lavrov discussed the war by telephone with Fidan and Aliyev.", None),
        # guard: the subjects of a call are not split (only the object / `with` slot is)
        ("Lavrov and Fidan spoke by phone on Monday.", [[FIDAN, LAVROV]]),
    ],
)
def test_a_phone_call_with_two_parties_is_one_call_with_each(text, expected, layer):
    """ "spoke by phone with A and B": a call with A and one with B (lexicon `separate_word`)."""
    people = "Russian Foreign Minister Sergei Lavrov, Hakan Fidan and Ilham Aliyev. "
    talks = [e[1]["participant"] for e in events(extract(people + text, layer)) if e[0] == "Talks"]
    assert talks == (expected or [[FIDAN, LAVROV], ["person/ilham-aliyev", LAVROV]])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "members of the Transitional Presidential Council",
            ["org/transitional-presidential-council"],
        ),
        # guard: "members of the government" stand for no body of their own
        ("members of the government", []),
    ],
)
def test_members_of_a_named_body_make_the_body_a_party(body, expected, layer):
    """ "held talks with X and members of the Council": the council takes part too."""
    text = f"Lavrov held talks with Prime Minister Hakan Fidan and {body} in Ankara on Monday."
    talks = [e[1]["participant"] for e in events(extract(text, layer)) if e[0] == "Talks"]
    assert talks == [sorted([FIDAN, "person/sergei-lavrov", *expected])]


CHINH_IN_JAKARTA = (
    "Prime Minister Pham Minh Chinh arrived in Jakarta on Monday, beginning an official visit to "
    "Indonesia. "
)
CHINH_VISIT = (
    "Visit",
    {
        "host": ["country/indonesia"],
        "place": ["city/jakarta"],
        "traveller": ["person/pham-minh-chinh"],
    },
)


def test_the_visit_told_before_takes_no_traveller_from_the_clause(layer):
    """ "A and B inked a deal during the visit": the visit told before, not a visit of the two
    states that signed during it (the clause's subjects are no travellers of "the visit")."""
    text = CHINH_IN_JAKARTA + "Indonesia and Vietnam inked a deal on fisheries during the visit."
    assert of_kind(text, "Visit", layer) == [CHINH_VISIT]


def test_agreements_signed_during_the_visit_are_the_guests_and_the_hosts(layer):
    """ "Y received X ... Several agreements were signed during the visit": signed by X's and Y's
    states (meetings.yaml `agreement.during-visit`), as after talks."""
    text = (
        "Prime Minister Shehbaz Sharif received Turkish President Recep Tayyip Erdogan at the "
        "PM House in Islamabad on Monday. Several agreements were signed during the visit."
    )
    assert [e[1]["participant"] for e in of_kind(text, "AgreementSigning", layer)] == [
        ["country/pakistan", "country/turkey"]
    ]


def test_the_president_of_the_council_of_ministers_is_a_prime_minister_not_the_host(layer):
    """ "received the President of the Council of Ministers of Italy, X" (APS, NNA): Italy's
    head of government X is the guest, not the host read back from a bare "the President"."""
    text = (
        "President Abdelmadjid Tebboune received on Monday in Algiers the President of the "
        "Council of Ministers of Italy, Giorgia Meloni."
    )
    assert of_kind(text, "Hosting", layer) == [
        (
            "Hosting",
            {
                "host": ["person/abdelmadjid-tebboune"],
                "traveller": ["person/giorgia-meloni"],
                "place": ["city/algiers"],
            },
        )
    ]


@pytest.mark.parametrize(
    "second",
    [
        "Egyptian President Abdel Fattah El-Sisi was at the forefront of the welcoming delegation.",
        "At the forefront of the well-wishers at the airport was Egyptian President Abdel Fattah "
        "El-Sisi.",
    ],
)
def test_at_the_forefront_of_the_welcomers_is_a_hosting_of_the_one_arriving(second, layer):
    """ "X was at the forefront of the welcoming delegation" (KUNA, SPA): X received the one who
    arrived (travel.yaml `hosting.forefront`)."""
    text = "Kuwait's Emir Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah arrived in Cairo on Monday. "
    assert of_kind(text + second, "Hosting", layer) == [
        (
            "Hosting",
            {
                "traveller": ["person/mishal-al-ahmad-al-jaber-al-sabah"],
                "host": ["person/abdel-fattah-al-sisi"],
                "place": ["city/cairo"],
            },
        )
    ]


def test_he_after_a_woman_named_as_a_precedent_is_the_man_who_arrived(layer):
    """ "Indira Gandhi was the last Indian prime minister to travel to Kuwait. He was received
    by X": he is the one who arrived, not her (people.yaml `people_women`)."""
    text = (
        "Indian Prime Minister Narendra Modi arrived in Kuwait City on Saturday. Indira Gandhi "
        "was the last Indian prime minister to travel to Kuwait, in 1981. He was received at "
        "the airport by Foreign Minister Abdullah Ali Al-Yahya."
    )
    assert [e[1]["traveller"] for e in of_kind(text, "Hosting", layer)] == [
        ["person/narendra-modi"]
    ]


def test_receiving_the_holders_of_two_states_named_after_them_is_hosting_them(layer):
    """ "received the foreign ministers of A and B, X and Y,": X and Y are the guests
    (travel.yaml `hosting.holders-of-named`, as meeting.holders-of-named)."""
    text = (
        "President Recep Tayyip Erdogan received the foreign ministers of Azerbaijan and Georgia, "
        "Jeyhun Bayramov and Maka Botchorishvili, in Ankara on Monday."
    )
    assert of_kind(text, "Hosting", layer) == [
        (
            "Hosting",
            {
                "traveller": ["person/jeyhun-bayramov", "person/maka-botchorishvili"],
                "host": ["person/recep-tayyip-erdogan"],
                "place": ["city/ankara"],
            },
        )
    ]


def test_meeting_someone_at_a_named_airport_is_receiving_them(layer):
    """ "X met Y at Tashkent International Airport": X received Y there (travel.yaml
    `hosting.met-at-airport`, as "at the airport"), not a meeting."""
    text = (
        "President Shavkat Mirziyoyev met Turkmen leader Serdar Berdimuhamedov at Tashkent "
        "International Airport on Monday."
    )
    found = [(e[0], e[1].get("host"), e[1].get("traveller")) for e in events(extract(text, layer))]
    assert ("Hosting", ["person/shavkat-mirziyoyev"], ["person/serdar-berdimuhamedov"]) in found
    assert not [e for e in found if e[0] == "Meeting"]


def test_a_headline_event_at_the_dateline_takes_the_place_the_lede_names(layer):
    """ "Saudi crown prince hosts Iraqi PM" (at the dateline's Riyadh, no place of its own) and
    the lede's "received ... in Jeddah" are one reception: in Jeddah only (a merged event kept
    both, as if it had been in two cities)."""
    text = (
        "Saudi crown prince hosts Iraqi PM\n\n"
        "RIYADH, June 11 (SPA) - Crown Prince Mohammed bin Salman received Iraqi Prime Minister "
        "Mohammed Shia al-Sudani in Jeddah on Tuesday."
    )
    assert of_kind(text, "Hosting", layer) == [
        (
            "Hosting",
            {
                "host": ["person/mohammed-bin-salman"],
                "traveller": ["person/mohammed-shia-al-sudani"],
                "place": ["city/jeddah"],
            },
        )
    ]


def test_a_denied_attestation_does_not_make_a_meeting_talks(layer):
    """ "Lavrov met Blinken ..., adding that the two did not hold formal talks": the denied
    talks attest the same encounter, but its kind is the meeting told as having happened (the
    higher rank of talks had made it talks)."""
    text = (
        "Sergei Lavrov met Antony Blinken in Vientiane on Thursday, a US official said, adding "
        "that the two did not hold formal talks."
    )
    assert [e for e in events(extract(text, layer)) if e[0] in ("Meeting", "Talks")] == [
        (
            "Meeting",
            {
                "participant": ["person/antony-blinken", "person/sergei-lavrov"],
                "place": ["city/vientiane"],
            },
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan called for talks with India to resolve the Kashmir dispute.",
        "Ukraine said on Monday it was ready for talks with Russia.",
        "Egyptian President Abdel Fattah al-Sisi called for urgent talks with Ethiopia.",
        "Chinese Foreign Ministry spokesperson Mao Ning urged talks between Russia and Ukraine.",
        "Turkey is pushing for direct talks between Russia and Ukraine.",
        "Egypt called for urgent talks between Israel and Hamas.",
    ],
)
def test_a_call_or_readiness_for_talks_is_no_talks(text, layer):
    """ "called for talks with X", "ready for talks with X" (attribution.yaml modality.appeal):
    an appeal, no talks held or planned, even after the appeal's own statement."""
    assert of_kind(text, "Talks", layer) == []


def test_travelling_for_talks_keeps_its_talks(layer):
    """The trip's talks (talks.purpose, in the trip's mood) stay."""
    # guard: modality.appeal must not reach "travelled to Moscow ... for talks with Putin"
    text = "Modi travelled to Moscow on Monday for talks with Putin."
    assert of_kind(text, "Talks", layer) == [
        (
            "Talks",
            {
                "participant": ["person/narendra-modi", "person/vladimir-putin"],
                "place": ["city/moscow"],
            },
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said a meeting between Modi and Saudi Crown Prince Mohammed bin Salman could "
        "take place later this year.",
        "Talks between Iran and the United States may be held in Muscat next week.",
        "The Kremlin said a summit between Putin and Trump might take place in Riyadh.",
    ],
)
def test_a_meeting_that_could_take_place_is_no_meeting(text, layer):
    """ "a meeting between X and Y could take place" (attribution.yaml
    `modality.possible-predicate`): a possibility, no event held or planned."""
    assert [e for e in events(extract(text, layer)) if e[0] in ("Meeting", "Talks")] == []


def test_a_meeting_that_will_take_place_stays(layer):
    """The predicate of a plan keeps its meeting (modality.future-predicate)."""
    # guard: modality.possible-predicate must leave "will take place" alone
    text = "A meeting between Modi and Xi will take place in Kazan on Wednesday."
    assert of_kind(text, "Meeting", layer) == [
        (
            "Meeting",
            {
                "participant": ["person/narendra-modi", "person/xi-jinping"],
                "place": ["city/kazan"],
            },
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "There are no plans for Chinese President Xi Jinping to visit Washington, a spokesperson "
        "said.",
        "The Kremlin said there were no plans for Putin to meet Zelensky.",
    ],
)
def test_an_event_there_are_no_plans_for_is_none(text, layer):
    """ "there are no plans for X to visit Y" (attribution.yaml `modality.no-plans`): no event."""
    kinds = [e[0] for e in events(extract(text, layer))]
    assert "Visit" not in kinds and "Meeting" not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Modi is unlikely to travel to Moscow for the Victory Day parade.",
        "Albanese said he was keen to visit India later this year.",
    ],
)
def test_an_unlikely_or_wished_for_visit_is_none(text, layer):
    """ "is unlikely to travel to X", "was keen to visit Y" (attribution.yaml
    `modality.attempt`): neither a plan nor an event."""
    assert of_kind(text, "Visit", layer) == []


def test_a_likely_visit_is_to_come(layer):
    """ "is likely to travel to Moscow in July" (attribution.yaml `modality.expected`): a visit
    to come, in the July ahead of the story (3 December 2024), not the one before it."""
    graph = extract("Modi is likely to travel to Moscow in July.", layer)
    (visit,) = graph.subjects(RDF.type, DIP.Visit)
    assert str(graph.value(visit, DIP.earliestDate)) == "2025-07-01"


def test_welcoming_a_nations_companies_is_no_hosting(layer):
    """ "Vietnam welcomes Indian companies" (frames.yaml frame.host `unless: [goods_noun]`, the
    class word ending the object): a state's firms are no guests; a leader received stays."""
    text = '"Vietnam welcomes Indian companies in energy and pharmaceuticals," he said.'
    assert of_kind(text, "Hosting", layer) == []
    # guard: the guest named stays a hosting
    text = "Modi received Vietnamese Prime Minister Pham Minh Chinh at Hyderabad House."
    assert len(of_kind(text, "Hosting", layer)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Putin failed to attend the BRICS summit in Johannesburg.",
        "Ukraine ruled out talks with Russia until its troops withdraw.",
        "Orban opposed a meeting between EU leaders and Zelensky.",
    ],
)
def test_a_meeting_failed_ruled_out_or_opposed_is_none(text, layer):
    """ "failed to attend", "ruled out talks with", "opposed a meeting between" (attribution.yaml
    `modality.attempt`): no meeting held or planned."""
    assert [e for e in events(extract(text, layer)) if e[0] in ("Meeting", "Talks")] == []


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (
            "Japanese Foreign Minister Takeshi Iwaya held talks with Philippine Foreign Secretary "
            "Enrique Manalo in Manila on Tuesday. The ministers agreed to hold the next round of "
            "talks in Tokyo.",
            ["country/japan", "country/philippines"],
        ),
        (
            "Wang Yi met Jaishankar in Beijing on Tuesday. The two sides agreed to hold the next "
            "meeting of the joint working group in New Delhi.",
            ["country/china", "country/india"],
        ),
    ],
)
def test_the_next_round_agreed_on_is_the_states_only(text, states, layer):
    """ "agreed to hold the next round of talks in Tokyo" (meetings.yaml meeting.agree-to-hold,
    its noun consumed): one meeting to come, of the two states, not also talks or a meeting of
    the two people named before."""
    found = [
        e for e in events(extract(text, layer)) if e[0] in ("Meeting", "Talks") and e[1]["place"]
    ]
    later = [e for e in found if e[1]["place"] not in (["city/manila"], ["city/beijing"])]
    assert [e[1]["participant"] for e in later] == [states]


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        (
            "Fidan met his Russian and Ukrainian counterparts, Sergei Lavrov and Dmytro Kuleba, "
            "in Antalya on Monday.",
            "Meeting",
            ["city/antalya"],
        ),
        (
            "Fidan hosted his Russian and Ukrainian counterparts, Sergei Lavrov and Dmytro "
            "Kuleba, in Antalya on Monday.",
            "Hosting",
            ["city/antalya"],
        ),
        (
            "Araghchi met with Hamas leaders, including Khalil al-Hayya, in Istanbul on Monday.",
            "Meeting",
            ["city/istanbul"],
        ),
    ],
)
def test_a_frame_reads_its_place_past_an_apposition_of_names(text, kind, place, layer):
    """ "met his counterparts, A and B, in Antalya", "met Hamas leaders, including X, in
    Istanbul" (frames.py `_apposition_close`, lexicon.yaml `apposition_filler`): the place after
    the names set off by commas is the event's."""
    assert [e[1].get("place") for e in of_kind(text, kind, layer)] == [place]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Saudi Arabia hosted the GCC-ASEAN summit in Riyadh on Monday.",
            ["country/saudi-arabia", "org/asean", "org/gulf-cooperation-council"],
        ),
        (
            "The EU-China summit took place in Beijing on Monday.",
            ["country/china", "org/european-union"],
        ),
    ],
)
def test_a_paired_summit_hosted_or_held_is_a_meeting_of_both_sides(text, expected, layer):
    """ "hosted the GCC-ASEAN summit", "the EU-China summit took place in Beijing" (meetings.yaml
    meeting.host-pair-summit): a meeting of the host and both sides (a capitalised "Summit" is a
    gathering's name, mentions.py find_gathering_names: its states are no parties)."""
    assert [e[1]["participant"] for e in of_kind(text, "Meeting", layer)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The foreign ministers of Russia, Iran and Turkey convened in Doha on Monday.",
            ["country/iran", "country/russia", "country/turkey"],
        ),
        (
            "The leaders of Egypt, Jordan and Iraq gathered in Baghdad on Monday.",
            ["country/egypt", "country/iraq", "country/jordan"],
        ),
    ],
)
def test_holders_of_states_gathered_or_convened_is_a_meeting_of_the_states(text, expected, layer):
    """ "The foreign ministers of A, B and C convened in Doha" (meetings.yaml
    meeting.holders-from): as "met", a meeting of the states."""
    assert [e[1]["participant"] for e in of_kind(text, "Meeting", layer)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vietnamese Foreign Minister Bui Thanh Son attended the ASEAN Regional Forum in "
            "Vientiane on Monday.",
            [("Meeting", ["org/asean-regional-forum", "person/bui-thanh-son"])],
        ),
        (
            "Indian Prime Minister Narendra Modi attended the World Economic Forum in Davos on "
            "Monday.",
            [("Meeting", ["org/world-economic-forum", "person/narendra-modi"])],
        ),
        # guard: a business forum is no gathering the readers list (passes before too)
        ("Prabowo Subianto attended the Indonesia-China Business Forum in Beijing.", []),
    ],
)
def test_attending_a_body_named_as_a_gathering_is_a_meeting(text, expected, layer):
    """ "attended the ASEAN Regional Forum" (meetings.yaml meeting.attend-summit, `ends` with a
    two-word end matching the merged name, rules.py): the attendee and the body."""
    found = [(e[0], e[1]["participant"]) for e in of_kind(text, "Meeting", layer)]
    assert found == expected


@pytest.mark.parametrize("first", ["", "first "])
def test_a_series_verb_phrase_may_open_with_then(first, layer):
    """ "Rubio (first) met A, then held talks with B" (frames.py `_series_comma` and
    `_series_opener` across `verb_opener` words): Rubio's talks with B too."""
    text = (
        f"Marco Rubio {first}met Saudi Foreign Minister Prince Faisal, then held talks with "
        "Russian Foreign Minister Sergei Lavrov."
    )
    found = [e[1]["participant"] for e in of_kind(text, "Talks", layer)]
    assert found == [["person/marco-rubio", "person/sergei-lavrov"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "HE" in capitals is the honorific of QNA and KUNA copy, not the pronoun "he"
            "HH the Amir Sheikh Tamim bin Hamad Al-Thani met with HE President of the Republic "
            "of Rwanda Paul Kagame at the Amiri Diwan on Monday.",
            [
                (
                    "Meeting",
                    {
                        "participant": ["person/paul-kagame", "person/tamim-bin-hamad-al-thani"],
                        "place": ["place/amiri-diwan"],
                    },
                )
            ],
        ),
        (  # and read past before "the" and a person, as "HM the King" is
            "His Highness the Crown Prince Sheikh Sabah Khalid Al-Hamad Al-Sabah received HE "
            "the Prime Minister of Pakistan Shehbaz Sharif at Bayan Palace on Monday.",
            [
                (
                    "Hosting",
                    {
                        "host": ["person/sabah-khalid-al-hamad-al-sabah"],
                        "place": ["place/bayan-palace"],
                        "traveller": ["person/shehbaz-sharif"],
                    },
                )
            ],
        ),
    ],
)
def test_an_honorific_he_in_capitals_is_no_pronoun(text, expected, layer):
    """ "met with HE President X", "received HE the Prime Minister of Y X": the honorific
    before a person is read past, never resolved as "he" to the sentence's subject."""
    assert events(extract(text, layer)) == expected


PUTIN, XI = "person/vladimir-putin", "person/xi-jinping"
LAVROV, WANG = "person/sergei-lavrov", "person/wang-yi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # ", with A and B also taking part": the people named join the talks they follow
            "Putin held talks with Xi in the Kremlin, with Lavrov and Wang Yi also taking part.",
            [("Talks", {"participant": [LAVROV, PUTIN, WANG, XI], "place": ["place/kremlin"]})],
        ),
        (  # "met X, with A and B present"
            "Putin met Xi in the Kremlin, with Lavrov and Wang Yi present.",
            [("Meeting", {"participant": [LAVROV, PUTIN, WANG, XI], "place": ["place/kremlin"]})],
        ),
        (  # ", attended by A and B" as ", joined by A and B"
            "Putin held talks with Xi in the Kremlin, attended by Lavrov and Wang Yi.",
            [("Talks", {"participant": [LAVROV, PUTIN, WANG, XI], "place": ["place/kremlin"]})],
        ),
        (  # ", joined by A and B," after the subject is set off like ", accompanied by A,"
            "Putin and Xi, joined by Lavrov and Wang Yi, held talks in the Kremlin.",
            [("Talks", {"participant": [PUTIN, XI], "place": ["place/kremlin"]})],
        ),
    ],
)
def test_attendees_named_in_the_sentence_of_talks(text, expected, layer):
    """Attendees a sentence names after its talks join them; a ", joined by A," phrase after
    the subject no longer hides the talks."""
    assert events(extract(text, layer)) == expected


MODI, STARMER = "person/narendra-modi", "person/keir-starmer"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Modi had an informal chat with Starmer on Monday.", [STARMER, MODI]),
        ("Modi had a brief pull-aside with Starmer on Monday.", [STARMER, MODI]),
        ("Modi had a brief chat with Starmer over the phone on Monday.", None),  # guard: a call
    ],
)
def test_a_chat_or_a_pull_aside_is_a_meeting(text, expected, layer):
    """ "had an informal chat with X", "had a pull-aside with X": the two met (meetings.yaml
    `meeting.tete-a-tete`); a chat over the phone is no meeting."""
    found = of_kind(text, "Meeting", layer)
    assert found == ([("Meeting", {"participant": expected})] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pham Minh Chinh met with leaders of several countries, including Japanese Prime "
            "Minister Shigeru Ishiba and Indian Prime Minister Narendra Modi.",
            ["person/narendra-modi", "person/pham-minh-chinh", "person/shigeru-ishiba"],
        ),
        (
            "Rubio met several foreign ministers, among them Wang Yi and Sergey Lavrov.",
            ["person/marco-rubio", "person/sergei-lavrov", "person/wang-yi"],
        ),
    ],
)
def test_the_people_a_meeting_includes(text, expected, layer):
    """ "met with leaders of several countries, including A and B", "met several ministers,
    among them A and B": the people named met the subject (meetings.yaml `meeting.including`)."""
    assert of_kind(text, "Meeting", layer) == [("Meeting", {"participant": expected})]


@pytest.mark.parametrize(
    "text",
    [
        "Blinken met the foreign ministers of Egypt and Jordan, Badr Abdelatty and Ayman Safadi.",
        "Blinken met the foreign ministers of Egypt and Jordan, Badr Abdelatty and Ayman Safadi "
        "on Monday.",
    ],
)
def test_holders_named_at_the_end_of_the_sentence(text, layer):
    """ "met the foreign ministers of A and B, X and Y" closing the sentence (or before its
    date): the holders named, not their states (meetings.yaml `meeting.holders-of-named`)."""
    people = ["person/antony-blinken", "person/ayman-safadi", "person/badr-abdelatty"]
    assert of_kind(text, "Meeting", layer) == [("Meeting", {"participant": people})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # AP's abbreviated title after the country: the senator met, not the United States
            "Mohammed bin Salman met with U.S. Sen. Lindsey Graham in Riyadh on Monday.",
            ["person/lindsey-graham", "person/mohammed-bin-salman"],
        ),
        (  # guard: "Sen." is matched as written, with its period and capital: no "Hun Sen"
            "Xi Jinping met Hun Sen.",
            ["person/hun-sen", "person/xi-jinping"],
        ),
    ],
)
def test_an_abbreviated_senator_after_the_country(text, expected, layer):
    """ "U.S. Sen. X": a senator's title of the United States (entities.yaml `senator`), so the
    person named is the one met."""
    assert [e[1]["participant"] for e in of_kind(text, "Meeting", layer)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Turkish Foreign Minister Hakan Fidan co-chaired with his Egyptian counterpart Sameh "
        "Shoukry the first meeting of the joint planning group in Cairo.",
        "The first meeting of the joint planning group was co-chaired by Turkish Foreign Minister "
        "Hakan Fidan and Egyptian Foreign Minister Sameh Shoukry in Cairo.",
    ],
)
def test_co_chairs_named_before_the_meeting_or_after_its_long_name_meet(text, layer):
    """meetings.yaml meeting.co-chair, meeting.co-chaired-by: "X co-chaired with Y the first
    meeting of ...", "The first meeting of the joint planning group was co-chaired by A and B"."""
    meetings = of_kind(text, "Meeting", layer)
    assert [sorted(e[1]["participant"]) for e in meetings] == [
        ["person/hakan-fidan", "person/sameh-shoukry"]
    ]


def test_a_delegation_set_off_with_its_leader_is_the_clause_subject(layer):
    """entities.yaml delegation.led-by: "The Russian delegation, led by X, met Y" (the closing
    comma taken with the definition) is a meeting of the delegation, counted as its leader."""
    text = (
        "ANTALYA, July 27 (Reuters) - The Russian delegation, led by Foreign Minister Sergei "
        "Lavrov, met Turkish Foreign Minister Hakan Fidan on Thursday."
    )
    graph = extract(text, layer)
    meetings = [e for e in events(graph) if e[0] == "Meeting"]
    assert [sorted(e[1]["participant"]) for e in meetings] == [
        ["delegation/russia-2024-12-sergei-lavrov", "person/hakan-fidan"]
    ]


def test_a_team_led_by_someone_is_a_delegation(layer):
    """entities.yaml delegation.led-by: "A U.S. team led by X held talks with a Russian
    delegation led by Y": the team is X's delegation, as a delegation noun is."""
    text = (
        "RIYADH, July 27 (Reuters) - A U.S. team led by Secretary of State Antony Blinken held "
        "talks with a Russian delegation led by Foreign Minister Sergei Lavrov on Thursday."
    )
    graph = extract(text, layer)
    assert {str(o).removeprefix(str(ID)) for o in graph.objects(None, DIP.ledBy)} == {
        "person/antony-blinken",
        "person/sergei-lavrov",
    }


def test_a_delegation_set_off_with_its_leader_is_attested_without_the_closing_comma(layer):
    """The closing comma delegation.led-by takes is no word of the attested definition."""
    text = (
        "ANTALYA, July 27 (Reuters) - The Russian delegation, led by Foreign Minister Sergei "
        "Lavrov, met Turkish Foreign Minister Hakan Fidan on Thursday."
    )
    graph = extract(text, layer)
    quoted = sorted(str(t) for t in graph.objects(None, DIP.text) if str(t).startswith("The"))
    assert quoted == [
        "The Russian delegation, led by Foreign Minister Sergei Lavrov",
        "The Russian delegation, led by Foreign Minister Sergei Lavrov, met Turkish Foreign "
        "Minister Hakan Fidan",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CANBERRA, Dec 2 (Reuters) - Australian Prime Minister Anthony Albanese spoke to "
            "Chinese President Xi Jinping on Monday.",
            [["person/anthony-albanese", "person/xi-jinping"]],
        ),
        (
            "MOSCOW, Dec 2 (TASS) - Russian President Vladimir Putin spoke by phone to his "
            "Turkish counterpart Recep Tayyip Erdogan on Monday.",
            [["person/recep-tayyip-erdogan", "person/vladimir-putin"]],
        ),
        # guard: no person spoken to, no talks
        (
            "KYIV, Dec 2 (AP) - Ukrainian President Volodymyr Zelensky spoke to reporters and "
            "to Reuters on Monday.",
            [],
        ),
    ],
)
def test_speaking_to_a_named_person_is_talks(text, expected, layer):
    """meetings.yaml talks.by-phone: "spoke to X", "spoke by phone to X" (frame.talk reads
    only "with")."""
    talks = [e[1]["participant"] for e in events(extract(text, layer)) if e[0] == "Talks"]
    assert talks == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ISTANBUL, Dec 2 (Anadolu) - Turkish Foreign Minister Hakan Fidan praised Egyptian "
            "Foreign Minister Badr Abdelatty during their Ankara meeting on Monday.",
            ("Meeting", {"participant": ["person/badr-abdelatty", FIDAN], "place": ANKARA}),
        ),
        (
            "ISTANBUL, Dec 2 (Anadolu) - During a Beijing meeting with Chinese President Xi "
            "Jinping on Monday, Turkish President Recep Tayyip Erdogan called for peace.",
            (
                "Meeting",
                {
                    "participant": ["person/recep-tayyip-erdogan", "person/xi-jinping"],
                    "place": ["city/beijing"],
                },
            ),
        ),
    ],
)
def test_a_place_may_name_the_meeting_between_determiner_and_noun(text, expected, layer):
    """meetings.yaml meeting.noun: "during their Ankara meeting", "during a Beijing meeting
    with X": the place read before the noun is the meeting's place."""
    assert of_kind(text, "Meeting", layer) == [expected]


def test_two_who_have_a_working_lunch_meet(layer):
    """meetings.yaml meeting.noun: "A and B had a working lunch" (no "with") is a meeting of
    the two (frame.meal-noun needs "with")."""
    text = (
        "CAIRO, Dec 2 (Xinhua) - Turkish Foreign Minister Hakan Fidan and Egyptian Foreign "
        "Minister Badr Abdelatty had a working lunch on Monday."
    )
    assert of_kind(text, "Meeting", layer) == [
        ("Meeting", {"participant": ["person/badr-abdelatty", FIDAN], "place": ["city/cairo"]})
    ]


@pytest.mark.parametrize(
    "verb", ["raised the issue", "also took up the matter", "broached the border dispute"]
)
def test_raising_an_issue_with_someone_on_the_sidelines_is_a_meeting(verb, layer):
    """meetings.yaml meeting.tete-a-tete: "X raised the issue with Y on the sidelines of the
    summit" (no exchange noun) is a meeting of X and Y."""
    text = (
        f"NEW DELHI, Dec 2 (PTI) - Indian Prime Minister Narendra Modi {verb} with Chinese "
        "President Xi Jinping on the sidelines of the BRICS summit on Monday."
    )
    met = [e[1]["participant"] for e in of_kind(text, "Meeting", layer)]
    assert met == [["person/narendra-modi", "person/xi-jinping"]]


def test_raising_an_issue_with_someone_on_the_margins_is_a_meeting(layer):
    """meetings.yaml meeting.tete-a-tete: "on the margins of" as "on the sidelines of"."""
    text = (
        "NEW DELHI, Dec 2 (PTI) - Indian Prime Minister Narendra Modi raised the matter with "
        "Chinese President Xi Jinping on the margins of the BRICS summit on Monday."
    )
    met = [e[1]["participant"] for e in of_kind(text, "Meeting", layer)]
    assert met == [["person/narendra-modi", "person/xi-jinping"]]


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("had a lengthy call on Monday.", [["person/donald-trump", "person/vladimir-putin"]]),
        (
            "held a 90-minute call, the Kremlin said.",
            [["person/donald-trump", "person/vladimir-putin"]],
        ),
        # guard: a call for something is no call between them
        ("had a call for calm on Monday.", []),
    ],
)
def test_two_who_had_a_call_held_talks(call, expected, layer):
    """meetings.yaml talks.discuss: "A and B had a lengthy call" with no phone word, when the
    call ends its clause or a date follows it."""
    text = f"WASHINGTON, Dec 2 (Reuters) - Donald Trump and Vladimir Putin {call}"
    talks = [e[1]["participant"] for e in of_kind(text, "Talks", layer)]
    assert talks == expected


def test_a_city_between_the_determiner_and_the_noun_is_no_party(layer):
    """frames._determiner reads past a city named right after the determiner ("the Riyadh
    talks with X"): the noun's talks are the speaker's with X, not the city's state's."""
    text = (
        "RIYADH, Dec 2 (AFP) - US Secretary of State Marco Rubio said the Riyadh talks with "
        "Russian Foreign Minister Sergei Lavrov on Monday were constructive."
    )
    talks = [e[1]["participant"] for e in of_kind(text, "Talks", layer)]
    assert talks == [["person/marco-rubio", "person/sergei-lavrov"]]


@pytest.mark.parametrize(
    "text",
    [
        # a clause opened by "while"/"when" ends at its comma: the next clause's subject is no
        # second place of the stay ("Seoul, North Korea" is no city and its country)
        "While US Secretary of State Antony Blinken was in Seoul, North Korea fired a ballistic "
        "missile into the sea.",
        "When US Secretary of State Antony Blinken visited Seoul, North Korea launched a missile.",
    ],
)
def test_a_place_list_ends_where_the_next_clause_opens(text, layer):
    blinken = "person/antony-blinken"
    expected = [
        (
            "Visit",
            {"traveller": [blinken], "host": ["country/south-korea"], "place": ["city/seoul"]},
        )
    ]
    assert of_kind(text, "Visit", layer) == expected


def test_a_city_and_its_country_and_a_place_list_stay_places(layer):
    # guard: the lists "A, B and C" and "town, country" before a date are still read whole
    text = (
        "Antony Blinken visited Bucha, Ukraine on Monday. "
        "Narendra Modi will visit Nigeria, Brazil and Guyana."
    )
    visits = of_kind(text, "Visit", layer)
    assert sorted(v[1]["place"] for v in visits) == [
        ["country/brazil"],
        ["country/guyana"],
        ["country/nigeria"],
        ["country/ukraine", "place/bucha"],
    ]


def test_a_hyphened_pair_of_people_opens_no_clause(layer):
    # "between Xi-Putin, the European Commission released": the commission alone speaks; Putin
    # after the hyphen is no subject, nor a member of a list the commission ends
    text = (
        "Wary of the growing closeness between Xi-Putin, the European Commission released a "
        "statement on Monday, saying the partnership was troubling."
    )
    assert of_kind(text, "Statement", layer) == [
        ("Statement", {"agent": ["org/european-commission"]})
    ]


def test_a_spokesman_telling_of_planned_talks_is_no_party_to_them(layer):
    """meetings.yaml talks.noun adds its speaker through `own_speaker`, which leaves out a
    spokesperson (lexicon.yaml `mouthpiece_word`): a voice of the government, not a party."""
    text = (
        "Ukrainian Prime Minister Denys Shmyhal invited Polish Prime Minister Donald Tusk to hold "
        "talks in Kyiv, a spokesman for the Polish government, Pawel Grabski, said on Tuesday."
    )
    assert of_kind(text, "Talks", layer) == []
