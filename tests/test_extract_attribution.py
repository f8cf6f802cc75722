"""Attribution and modality: who says so (dip:Claim, dip:claimedBy, dip:relayedBy) and how an
event is presented (happened, expected, denied, or not recorded at all)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from diplograph.extract import extract_article
from diplograph.extract.clean import article_from_text
from diplograph.namespaces import DIP, ID

ROOT = Path(__file__).resolve().parents[1]


def extract(text: str, layer) -> Graph:
    """The rule layer of one text dated 14 September 2023."""
    rules, gazetteer = layer
    article = article_from_text(Path("t.txt"), text, date(2023, 9, 14), rules)
    return extract_article(article, rules, gazetteer)


def said_by(graph: Graph) -> list[str]:
    """The speakers of a graph's statements (id paths), sorted."""
    return sorted(
        str(graph.value(s, DIP.agent)).removeprefix(str(ID))
        for s in graph.subjects(RDF.type, DIP.Statement)
    )


def reports(graph: Graph, kind: str) -> set[tuple]:
    """(type, modality, claimedBy..., relayedBy...) of every attestation of the events of a kind."""
    found = set()
    for event in graph.subjects(RDF.type, getattr(DIP, kind)):
        for node in graph.subjects(DIP.attests, event):
            found.add(
                (
                    str(graph.value(node, RDF.type)).split("#")[1],
                    str(graph.value(node, DIP.modality)).split("#")[1],
                    tuple(
                        sorted(
                            str(o).removeprefix(str(ID)) for o in graph.objects(node, DIP.claimedBy)
                        )
                    ),
                    tuple(
                        sorted(
                            str(o).removeprefix(str(ID)) for o in graph.objects(node, DIP.relayedBy)
                        )
                    ),
                )
            )
    return found


HAPPENED = ("Attestation", "Happened", (), ())


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "Kim Jong Un met Sergei Lavrov in Pyongyang, KCNA said.",
            "Meeting",
            {("Claim", "Happened", ("org/kcna",), ())},
        ),
        (
            "According to Yonhap, Kim Jong Un met Sergei Lavrov in Pyongyang.",
            "Meeting",
            {("Claim", "Happened", ("org/yonhap",), ())},
        ),
        (
            "Vladimir Putin accepted the invitation by Kim Jong Un, "
            "informed the state-run KCNA news agency.",
            "InvitationAcceptance",
            {("Claim", "Happened", ("org/kcna",), ())},
        ),
        (
            "Li Hongzhong of the Chinese Communist Party will arrive in Pyongyang on Friday, "
            "a party spokesperson said.",
            "Arrival",
            {("Claim", "Expected", ("person/ccp-spokesperson",), ())},
        ),
        (
            "Pyongyang's state media reported that Kim Jong Un met Sergei Lavrov.",
            "Meeting",
            {("Claim", "Happened", ("org/north-korean-state-media",), ())},
        ),
        ("Kim Jong Un said praising Russia.", "StatementOfSupport", {HAPPENED}),
        ("Kim Jong Un met Sergei Lavrov in Pyongyang.", "Meeting", {HAPPENED}),
    ],
)
def test_attribution(layer, text, kind, expected):
    assert reports(extract(text, layer), kind) == expected


def test_a_relaying_agency_relays_the_claims_of_other_agencies(layer):
    text = (
        "Xi Jinping arrived in Moscow on Monday, reports Yonhap News Agency. "
        "Xi Jinping met Vladimir Putin in Moscow, KCNA said."
    )
    graph = extract(text, layer)
    assert reports(graph, "Arrival") == {("Claim", "Happened", ("org/yonhap",), ())}
    assert reports(graph, "Meeting") == {("Claim", "Happened", ("org/kcna",), ("org/yonhap",))}


@pytest.mark.parametrize(
    ("text", "kind", "modalities"),
    [
        ("Vladimir Putin will arrive in Pyongyang on Tuesday.", "Arrival", {"Expected"}),
        (
            "North Korea is expected to hold a large-scale military parade in Pyongyang.",
            "MilitaryParade",
            {"Expected"},
        ),
        (
            "A Russian delegation arrived in Pyongyang, "
            "to be joined by a Chinese delegation later on Wednesday.",
            "Arrival",
            {"Happened", "Expected"},
        ),
        ("Russia denied supplying weapons to North Korea.", "MilitaryAid", {"Denied"}),
        (
            "Washington accused North Korea of providing military aid to Russia.",
            "MilitaryAid",
            {"Claimed"},
        ),
    ],
)
def test_modality(layer, text, kind, modalities):
    found = {m for _, m, _, _ in reports(extract(text, layer), kind)}
    assert found == modalities


@pytest.mark.parametrize(
    "text",
    [
        "Washington tried to hold talks with Pyongyang.",
        "If necessary, the United States could impose sanctions on North Korea.",
        '"We won\'t hesitate to impose sanctions on North Korea," said spokesman Matthew Miller.',
    ],
)
def test_attempts_and_conditionals_are_not_recorded_as_happened(layer, text):
    graph = extract(text, layer)
    assert not set(graph.subjects(RDF.type, DIP.SanctionImposition))
    assert not set(graph.subjects(RDF.type, DIP.Talks))


@pytest.mark.parametrize(
    ("text", "kind", "modalities"),
    [  # a negated perfect tells that no event took place over a stretch of time: none at all
        ("Recep Tayyip Erdogan has not visited Egypt since 2012.", "Visit", set()),
        ("Narendra Modi has never travelled to Pakistan.", "Visit", set()),
        ("Recep Tayyip Erdogan hasn't visited Egypt since 2012.", "Visit", set()),
        ("Xi Jinping and Vladimir Putin had not met since 2019.", "Meeting", set()),
        # guard: a future negated is a visit refused (the corpus guide: Denied)
        ("Luiz Inacio Lula da Silva will not travel to Russia.", "Visit", {"Denied"}),
    ],
)
def test_a_negated_perfect_tells_no_event(layer, text, kind, modalities):
    found = {m for _, m, _, _ in reports(extract(text, layer), kind)}
    assert found == modalities


def test_a_denied_claim_is_both_claimed_and_denied(layer):
    text = "South Korea accused Russia of supplying weapons to North Korea, a claim Moscow denies."
    graph = extract(text, layer)
    assert reports(graph, "MilitaryAid") == {
        ("Claim", "Claimed", ("country/south-korea",), ()),
        ("Claim", "Denied", ("country/russia",), ()),
    }
    (denial,) = set(graph.subjects(RDF.type, DIP.Denial))
    (aid,) = set(graph.subjects(RDF.type, DIP.MilitaryAid))
    assert graph.value(denial, DIP.content) == aid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # no event alleged: an accusation all the same, its words the topic (dip:topic)
            "Russian Foreign Minister Sergei Lavrov accused Ukraine of war crimes.",
            [("Accusation", ("person/sergei-lavrov",), ("country/ukraine",))],
        ),
        ("Beijing denied the allegations.", [("Denial", ("country/china",), ())]),
        (  # what it condemns, no party named: a criticism of its words (dip:topic)
            "Russian Foreign Minister Sergei Lavrov condemned the attack.",
            [("Criticism", ("person/sergei-lavrov",), ())],
        ),
        (  # with an alleged event the accusation stays one
            "Russian Foreign Minister Sergei Lavrov accused Ukraine of supplying weapons to "
            "Georgia.",
            [
                ("Accusation", ("person/sergei-lavrov",), ("country/ukraine",)),
                ("MilitaryAid", ("country/ukraine",), ("country/georgia",)),
            ],
        ),
    ],
)
def test_a_speech_act_without_its_content_is_a_statement(layer, text, expected):
    """An accusation or a denial that names no event says in words what it is about
    (dip:topic); a criticism with neither a target nor an event is recorded as the statement it
    is."""
    graph = extract(text, layer)
    found = sorted(
        (
            str(graph.value(e, RDF.type)).split("#")[1],
            tuple(sorted(str(o).removeprefix(str(ID)) for o in graph.objects(e, DIP.agent))),
            tuple(sorted(str(o).removeprefix(str(ID)) for o in graph.objects(e, DIP.target))),
        )
        for e in set(graph.objects(None, DIP.attests))
        if (e, RDF.type, DIP.PositionHolding) not in graph
    )
    assert found == expected


def test_one_claim_reported_by_two_articles_names_its_claimed_event_alike(layer):
    """What an accusation is about is named undated: an article whose rules also date it
    ("Iran accused Russia on Monday of supplying weapons") names it as one that does not, so
    the accusation the two articles share keeps one dip:content (tests/test_extract_graph.py)."""
    claim = "Iran accused Russia of sending troops to Kazakhstan, state media reported. "
    later = "The accusation that Russia denied was first made on Monday (March 6). "
    dated = "Iran accused Russia on Monday of supplying weapons to Kazakhstan."
    contents = set()
    for text in (claim + later, claim + later + dated):
        graph = extract(text, layer)
        for accusation in graph.subjects(RDF.type, DIP.Accusation):
            contents |= {
                str(c).removeprefix(str(ID)) for c in graph.objects(accusation, DIP.content)
            }
    assert contents == {"event/military-aid/undated/russia-kazakhstan"}


def test_the_statement_added_is_its_issuers_and_a_press_office_speaks(layer):
    """ "The statement added" speaks for whoever last made a statement; "the Holy See Press
    Office said" is a body (not the place an "office" head would make it), named with its
    state."""
    rules, gazetteer = layer
    text = (
        "Algeria's Ministry of Foreign Affairs announced Tuesday that it had recalled its "
        "ambassador. The statement added that France had erred. The Holy See Press Office said "
        "the talks were useful."
    )
    article = article_from_text(Path("t.txt"), text, date(2024, 7, 31), rules)
    graph = extract_article(article, rules, gazetteer)
    speakers = said_by(graph)
    assert speakers == [
        "org/foreign-ministry-of-algeria",
        "org/foreign-ministry-of-algeria",
        "org/holy-see-press-office",
    ]


def test_dismissing_reports_is_a_denial_of_what_they_say_and_describing_is_speech(layer):
    """ "X dismissed as absurd reports that Moscow had sent troops": a denial, and the troops
    are denied, not a fact; "Y described the talks as useful": a statement of Y."""
    rules, gazetteer = layer
    text = (
        "Kremlin spokesman Dmitry Peskov dismissed as absurd reports that Moscow had sent troops "
        "to Belarus. Kremlin aide Yuri Ushakov described the talks as useful."
    )
    article = article_from_text(Path("t.txt"), text, date(2024, 3, 5), rules)
    graph = extract_article(article, rules, gazetteer)
    (denial,) = graph.subjects(RDF.type, DIP.Denial)
    assert graph.value(denial, DIP.agent) == ID["person/dmitry-peskov"]
    (aid,) = graph.subjects(RDF.type, DIP.MilitaryAid)
    modalities = {graph.value(a, DIP.modality) for a in graph.subjects(DIP.attests, aid)}
    assert modalities == {DIP.Denied}
    (statement,) = graph.subjects(RDF.type, DIP.Statement)
    assert graph.value(statement, DIP.agent) == ID["person/yuri-ushakov"]


@pytest.mark.parametrize(
    ("text", "claimants"),
    [  # a capital stands for its government and claims; a city that stands for none does not
        (
            "Nigerian President Bola Tinubu met French President Emmanuel Macron, Moscow said.",
            ["country/russia"],
        ),
        (
            "Nigerian President Bola Tinubu met French President Emmanuel Macron in Paris on "
            "Monday, according to Lagos.",
            [],
        ),
    ],
)
def test_a_place_that_stands_for_no_government_claims_nothing(text, claimants, layer):
    """dip:claimedBy names an agent (SHACL): "according to Lagos" is no claimant."""
    graph = extract(text, layer)
    found = sorted({str(c).removeprefix(str(ID)) for c in graph.objects(None, DIP.claimedBy)})
    assert found == claimants


@pytest.mark.parametrize(
    ("text", "speakers"),
    [  # a body that speaks is the speaker; a leader speaks as themselves
        (
            "The Polish government said on Monday that the border would stay shut.",
            ["org/government-of-poland"],
        ),
        (
            "Polish Prime Minister Donald Tusk said the border would stay shut.",
            ["person/donald-tusk"],
        ),
    ],
)
def test_a_body_that_speaks_is_the_speaker_not_its_state(text, speakers, layer):
    """ "The Polish government said": the statement is the government's, not Poland's."""
    graph = extract(text, layer)
    found = said_by(graph)
    assert found == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [  # an expert's apposition is read past; ", told X" names whom they told, not a speaker
        (
            "Tariq Obeidat, a Gulf affairs researcher at the Amman-based Middle East Policy "
            "Forum, told Al Jazeera that the deal could help end the war.",
            [("person/tariq-obeidat", "org/al-jazeera")],
        ),
        ("The talks were useful, said Lavrov.", [("person/sergei-lavrov", None)]),
        (
            "Russian Foreign Minister Sergei Lavrov said the talks were useful, telling Reuters "
            "that more would follow.",
            [("person/sergei-lavrov", None)],
        ),
    ],
)
def test_an_expert_speaks_and_the_one_told_is_no_speaker(text, speakers, layer):
    """The inverted "..., said X" takes verbs that invert, never "told"."""
    graph = extract(text, layer)
    found = sorted(
        (
            str(graph.value(s, DIP.agent)).removeprefix(str(ID)),
            str(t).removeprefix(str(ID)) if (t := graph.value(s, DIP.target)) else None,
        )
        for s in graph.subjects(RDF.type, DIP.Statement)
    )
    assert found == speakers


@pytest.mark.parametrize(
    ("text", "count"),
    [  # a headline's "X says" is the story's "X said", told twice; a closed first sentence is
        # no headline
        (
            "Qatar says Israel and Hamas agree to a truce\nIsrael and Hamas have agreed to a "
            "four-day pause, Qatar said on Wednesday.",
            1,
        ),
        (
            "Qatar said Israel and Hamas agreed to a truce.\nIsrael and Hamas have agreed to a "
            "four-day pause, Qatar said on Wednesday.",
            2,
        ),
    ],
)
def test_a_headline_statement_is_the_storys_statement(text, count, layer):
    """ "Qatar says ..." over "..., Qatar said on Wednesday": one statement of Qatar's."""
    graph = extract(text, layer)
    speakers = said_by(graph)
    assert speakers == ["country/qatar"] * count


@pytest.mark.parametrize(
    ("text", "signers"),
    [  # the headline's signing is the story's, told with its parties named more loosely
        (
            "Poland, Ukraine sign infrastructure deals\nPoland's Infrastructure Minister Dariusz "
            "Klimczak and Ukraine's Oleksandr Kubrakov signed a memorandum on Thursday.",
            [["person/dariusz-klimczak", "person/oleksandr-kubrakov"]],
        ),
        (  # a story with no signing of its own keeps the headline's
            "Poland, Ukraine sign infrastructure deals\nThe two governments met in Warsaw.",
            [["country/poland", "country/ukraine"]],
        ),
    ],
)
def test_a_headline_event_the_story_tells_is_the_storys(text, signers, layer):
    graph = extract(text, layer)
    found = sorted(
        sorted(str(p).removeprefix(str(ID)) for p in graph.objects(s, DIP.participant))
        for s in graph.subjects(RDF.type, DIP.AgreementSigning)
    )
    assert found == signers


@pytest.mark.parametrize(
    ("text", "speakers", "orgs"),
    [  # "<nationality> officials" stand for the state; "<nationality> firms" are a new group
        ("Swedish officials said there was no reason to negotiate.", ["country/sweden"], []),
        (
            "The United States imposed sanctions on two Iranian firms, US officials said.",
            ["country/united-states"],
            ["org/iranian-firms"],
        ),
        (  # counted, they are those people: a group, as targets of sanctions are
            "The United States imposed sanctions on three Iranian officials, US officials said.",
            ["country/united-states"],
            ["org/iranian-officials"],
        ),
    ],
)
def test_officials_of_a_nationality_are_its_state(text, speakers, orgs, layer):
    """Readers record "Swedish officials said" as Sweden's statement, not a group's."""
    graph = extract(text, layer)
    said = said_by(graph)
    made = sorted(str(o).removeprefix(str(ID)) for o in graph.subjects(RDF.type, DIP.Organisation))
    assert (said, made) == (speakers, orgs)


@pytest.mark.parametrize(
    ("text", "targets"),
    [  # uncounted, a group of a nationality is its state, as readers record sanctions' targets
        (
            "Seoul said it would impose sanctions on North Korean individuals and entities.",
            ["country/north-korea"],
        ),
        (  # guard: counted, those people or firms stay a new group (as before)
            "The United States imposed sanctions on two Iranian firms.",
            ["org/iranian-firms"],
        ),
    ],
)
def test_an_uncounted_group_of_a_nationality_is_its_state(text, targets, layer):
    """ "sanctions on North Korean individuals" targets North Korea, and no organisation named
    "North Korean individuals" is made ("welcomes Indian companies", "Japanese firms brace":
    readers list no such group)."""
    graph = extract(text, layer)
    found = sorted(
        str(t).removeprefix(str(ID))
        for s in graph.subjects(RDF.type, DIP.SanctionImposition)
        for t in graph.objects(s, DIP.target)
    )
    made = sorted(str(o).removeprefix(str(ID)) for o in graph.subjects(RDF.type, DIP.Organisation))
    assert (found, made) == (targets, [t for t in targets if t.startswith("org/")])


@pytest.mark.parametrize(
    ("text", "speakers"),
    [  # "according to" reads past an article and "a statement from"
        (
            "The talks were useful, according to the Nepali embassy in Beijing.",
            ["org/embassy-of-nepal"],
        ),
        (
            "The talks were useful, according to a statement from the Chinese foreign ministry.",
            ["org/foreign-ministry-of-china"],
        ),
    ],
)
def test_according_to_the_body_or_its_statement(text, speakers, layer):
    """ "according to the Nepali embassy", "according to a statement from X": X speaks."""
    graph = extract(text, layer)
    said = said_by(graph)
    assert said == speakers


@pytest.mark.parametrize(
    "text",
    [  # verbs that report what someone said (lexicon.yaml statement_verb)
        "Turkish President Recep Tayyip Erdogan expressed his thanks for the warm welcome.",
        "Turkish President Recep Tayyip Erdogan repeated that Ankara would stay neutral.",
        "Turkish President Recep Tayyip Erdogan congratulated the new government.",
    ],
)
def test_thanks_concern_and_congratulations_are_statements(text, layer):
    """ "expressed his thanks", "repeated that", "congratulated": each is a statement of its
    speaker."""
    assert said_by(extract(text, layer)) == ["person/recep-tayyip-erdogan"]


def test_concern_voiced_is_a_criticism(layer):
    """ "voiced concern over the fighting": a criticism of what it deplores (statements.yaml
    criticism.concern), as readers record it, with no party named."""
    graph = extract(
        "Turkish President Recep Tayyip Erdogan voiced concern over the fighting.", layer
    )
    assert speech_acts(graph) == [("Criticism", ("person/recep-tayyip-erdogan",), ())]


def speech_acts(graph: Graph) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(kind, speakers, targets) of every event but position holdings, sorted."""
    return sorted(
        (
            str(graph.value(e, RDF.type)).split("#")[1],
            tuple(sorted(str(o).removeprefix(str(ID)) for o in graph.objects(e, DIP.agent))),
            tuple(sorted(str(o).removeprefix(str(ID)) for o in graph.objects(e, DIP.target))),
        )
        for e in set(graph.objects(None, DIP.attests))
        if (e, RDF.type, DIP.PositionHolding) not in graph
    )


LAVROV, UKRAINE, CHINA = "person/sergei-lavrov", "country/ukraine", "country/china"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a participle after a comma reports its sentence's subject (`participle_subject`)
            "Russian Foreign Minister Sergei Lavrov recalled the envoy, saying the decision "
            "sent a message.",
            [("Statement", (LAVROV,), ())],
        ),
        (  # the main clause's subject, not an object a speech verb governs ("accused Moscow")
            "Polish Prime Minister Donald Tusk accused Moscow of fanning the dispute, saying "
            "Russian channels had spread false claims.",
            [("Accusation", ("person/donald-tusk",), ("country/russia",))],
        ),
        (  # a guard: nor an entity of the quotation the sentence opens with
            '"Canada will not tolerate threats," Canadian Foreign Minister Melanie Joly said, '
            "adding that six diplomats had been expelled.",
            [("Statement", ("person/melanie-joly",), ())],
        ),
        (  # the subject before "that it would": the clause's first, not the pronoun; the
            # participle's accusation is a speech act beside the statement (events.drop_generic)
            "Russia said on Monday that it would postpone the talks, accusing Ukraine of "
            "supplying weapons to Georgia.",
            [
                ("Accusation", ("country/russia",), (UKRAINE,)),
                ("MilitaryAid", (UKRAINE,), ("country/georgia",)),
                ("Statement", ("country/russia",), ()),
            ],
        ),
        (  # a rejection joined by "and" to the speaker's statement: a second speech act
            "Irish Prime Minister Simon Harris said in Dublin that the recognition was meant to "
            "keep hope alive, and rejected any suggestion that it rewarded Hamas.",
            [("Denial", ("person/simon-harris",), ()), ("Statement", ("person/simon-harris",), ())],
        ),
        (  # an accusation joined by "and", far from its speaker: Putin accuses, not "the two
            # countries" nor Russia of the clause "said" governs
            "Russian President Vladimir Putin said the two countries would build a new alliance "
            "and accused Ukraine of trying to sow division among them.",
            [
                ("Accusation", ("person/vladimir-putin",), (UKRAINE,)),
                ("Statement", ("person/vladimir-putin",), ()),
            ],
        ),
        (  # the participle's subject is the owner's leader, not the owner ("Niger's ... X")
            "Niger's junta leader General Abdourahamane Tiani said the alliance would stand "
            "firm, accusing ECOWAS of being a tool of foreign powers.",
            [
                (
                    "Accusation",
                    ("person/abdourahamane-tiani",),
                    ("org/economic-community-of-west-african-states",),
                ),
                ("Statement", ("person/abdourahamane-tiani",), ()),
            ],
        ),
        (  # an apposition (", the country's capital,") is no subject: no speaker
            "Students protested in Kyiv, the country's capital, accusing the government of "
            "corruption.",
            [],
        ),
        (  # rejected whose claims: a denial of them, in words (no event denied)
            "Sergei Lavrov rejected China's claims over the islands.",
            [("Denial", (LAVROV,), (CHINA,))],
        ),
        ("Sergei Lavrov rejected the Chinese claims.", [("Denial", (LAVROV,), (CHINA,))]),
        (  # a protest lodged with a state criticises it
            "Russia lodged a strong protest with China over the incident.",
            [("Criticism", ("country/russia",), (CHINA,))],
        ),
        (  # thanked, congratulated: the one spoken to is the target (lexicon `address_verb`)
            "Sergei Lavrov thanked Volodymyr Zelensky for the talks.",
            [("Statement", (LAVROV,), ("person/volodymyr-zelensky",))],
        ),
        (  # ", X said, adding": the speaker of the clause before adds it, not the subject
            "Sergei Lavrov met Antony Blinken on Thursday, Russian Foreign Ministry spokeswoman "
            "Maria Zakharova said, adding that the meeting was useful.",
            [
                ("Meeting", (), ()),
                ("Statement", ("person/maria-zakharova",), ()),
            ],
        ),
    ],
)
def test_speech_acts_read_their_speaker_and_whom_they_address(layer, text, expected):
    """Participles, rejections of another's claims, protests and thanks: who speaks, to whom."""
    assert speech_acts(extract(text, layer)) == expected


def statement_speakers(graph: Graph) -> set[str]:
    """The id paths of the speakers of a graph's plain statements."""
    return {
        str(o).removeprefix(str(ID))
        for e in graph.subjects(RDF.type, DIP.Statement)
        for o in graph.objects(e, DIP.agent)
    }


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # a nationality before a three-word office noun (lexicon `office_noun`)
            "The Kazakh presidential press service said the two leaders discussed trade.",
            "org/kazakh-presidential-press-service",
        ),
        (  # a state's own office
            "Kazakhstan's presidential press service said the two leaders discussed trade.",
            "org/presidential-press-service-of-kazakhstan",
        ),
        (  # a body's press service stays the body's
            "The Russian government's press service said the two leaders discussed trade.",
            "org/press-service-of-the-government-of-russia",
        ),
    ],
)
def test_a_press_service_speaks_for_its_owner(layer, text, speaker):
    """Press services named by a nationality, a state or a body are speakers of their own."""
    assert statement_speakers(extract(text, layer)) == {speaker}


def test_an_offer_to_host_talks_is_talks_to_come(layer):
    """ "offered to host talks between A and B": talks expected, not held (lexicon cue)."""
    graph = extract("Kenya offered to host talks between Ethiopia and Somalia.", layer)
    (talks,) = set(graph.subjects(RDF.type, DIP.Talks))
    modalities = {
        str(graph.value(a, DIP.modality)).split("#")[-1] for a in graph.subjects(DIP.attests, talks)
    }
    assert modalities == {"Expected"}


def test_condolences_expressed_to_a_state_name_it(layer):
    """ "expressed condolences to Iran": a statement addressed to Iran (`sentiment_noun`)."""
    graph = extract("Sergei Lavrov expressed his deepest condolences to Ukraine.", layer)
    assert speech_acts(graph) == [("Statement", (LAVROV,), (UKRAINE,))]


@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    [
        ("William Ruto cancelled his visit to Somalia on Monday.", "Visit", "Denied"),
        ("William Ruto postponed his visit to Somalia.", "Visit", "Expected"),
        ("The talks between Kenya and Somalia were delayed until next week.", "Talks", "Expected"),
    ],
)
def test_a_cancelled_visit_did_not_happen_and_a_postponed_one_is_to_come(
    layer, text, kind, modality
):
    """Cues of a visit or talks called off (Denied, as the corpus guide records them) or put off
    (Expected): attribution.yaml `modality.called-off`, `modality.put-off`."""
    graph = extract(text, layer)
    (event,) = set(graph.subjects(RDF.type, getattr(DIP, kind)))
    found = {
        str(graph.value(a, DIP.modality)).split("#")[-1] for a in graph.subjects(DIP.attests, event)
    }
    assert found == {modality}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # no state named: the dateline's
            "NAIROBI, Dec 2 (Reuters) - Kenya recalled its envoy from Somalia on Monday. The "
            "foreign ministry said the decision followed repeated provocations.",
            "org/foreign-ministry-of-kenya",
        ),
        (  # a dateline closed by a colon (Dawn, The News: "ISLAMABAD: ...")
            "ISLAMABAD: Pakistan closed the Wagah border on Thursday. The foreign ministry said "
            "the decision followed repeated provocations.",
            "org/foreign-ministry-of-pakistan",
        ),
        (  # one named before in the article wins over the dateline
            "NAIROBI, Dec 2 (Reuters) - Somalia's foreign ministry summoned Kenya's envoy on "
            "Monday. The foreign ministry said the envoy had 72 hours to leave.",
            "org/foreign-ministry-of-somalia",
        ),
    ],
)
def test_a_bare_foreign_ministry_is_the_one_named_before_or_the_datelines(layer, text, speaker):
    """ "The foreign ministry said": the body of that kind named before, else the dateline
    state's (entities.yaml `dateline_bodies`)."""
    assert statement_speakers(extract(text, layer)) == {speaker}


def test_the_words_of_an_accusation_are_its_topic(layer):
    """ "accused X of committing war crimes in Gaza": dip:topic holds what is alleged, to the
    end of its clause; with an alleged event named, the event is the content and no topic."""
    graph = extract("Sergei Lavrov accused Ukraine of committing war crimes in Donbas.", layer)
    assert [str(o) for o in graph.objects(None, DIP.topic)] == ["committing war crimes in Donbas"]
    graph = extract("Sergei Lavrov accused Ukraine of supplying weapons to Georgia.", layer)
    assert list(graph.objects(None, DIP.topic)) == []
    assert len(list(graph.objects(None, DIP.content))) == 1


@pytest.mark.parametrize(
    ("text", "speakers"),
    [  # welcoming what a state did is speech (lexicon.yaml reaction_noun); welcoming a guest is not
        (
            "Turkish President Recep Tayyip Erdogan welcomed Kuwait's decision to join.",
            ["person/recep-tayyip-erdogan"],
        ),
        (
            "Turkish President Recep Tayyip Erdogan also welcomed Hungary's vote on Monday.",
            ["person/recep-tayyip-erdogan"],
        ),
        ("Turkish President Recep Tayyip Erdogan welcomed Kuwait's emir at the palace.", []),
    ],
)
def test_welcoming_a_states_decision_is_a_statement(text, speakers, layer):
    """ "X welcomed Kuwait's decision": a statement of X; "welcomed Kuwait's emir" is none."""
    assert said_by(extract(text, layer)) == speakers


@pytest.mark.parametrize(
    ("text", "acts"),
    [  # "X did A and said B": X says it (statements.yaml statement.joined), A stays an event
        (
            "Turkish President Recep Tayyip Erdogan hosted Vladimir Putin in Ankara and said "
            "Turkey would stay neutral.",
            [
                ("Hosting", (), ()),
                ("Statement", ("person/recep-tayyip-erdogan",), ()),
            ],
        ),
        (  # beside another speech act of the sentence it is not made: the speaker is known
            "In Beijing, Foreign Ministry spokesman Wang Wenbin said cooperation "
            '"should not target any third party" and warned against "geopolitical games".',
            [("Statement", ("person/wang-wenbin",), ())],
        ),
        (  # a denial: "called claims of ... absurd" (statements.yaml denial.dismiss)
            'Kremlin spokesman Dmitry Peskov has called claims of Russian involvement "absurd".',
            [("Denial", ("person/dmitry-peskov",), ())],
        ),
        (  # a speech verb in quotes after its speaker
            'The United States "strongly opposes" any attempt to change the status quo.',
            [("Statement", ("country/united-states",), ())],
        ),
    ],
)
def test_speech_joined_by_and_quoted_or_calling_claims_absurd(text, acts, layer):
    """ "X hosted Y and said ...", 'X "strongly opposes"', "X called claims ... absurd": X
    speaks; a hosting before "and said" is kept."""
    graph = extract(text, layer)
    assert [a for a in speech_acts(graph) if a[0] != "PositionHolding"] == acts


@pytest.mark.parametrize(
    ("text", "acts"),
    [  # "called X a "dictator"": words in quotes for a party (statements.yaml statement.called)
        (
            'Foreign Minister Annalena Baerbock called Chinese President Xi Jinping a "dictator".',
            [("Statement", ("person/annalena-baerbock",), ("person/xi-jinping",))],
        ),
        (
            'Kazakh President Kassym-Jomart Tokayev calls Russia "invincible"',
            [("Statement", ("person/kassym-jomart-tokayev",), ("country/russia",))],
        ),
        ("Russian President Vladimir Putin called Recep Tayyip Erdogan a day later.", []),
    ],
)
def test_calling_a_party_words_in_quotes_is_a_statement(text, acts, layer):
    """'X called Y a "dictator"' is X's statement about Y; "called Y a day later" is none (a
    phone call: talks, since "a day later" is a date)."""
    graph = extract(text, layer)
    calls = ("PositionHolding", "PhoneCall", "Talks")
    assert [a for a in speech_acts(graph) if a[0] not in calls] == acts


def test_a_body_that_quotes_a_speaker_and_the_speaker_both_speak(layer):
    """ "China's Foreign Ministry quoted Wang Yi as saying ...": the ministry reports and Wang
    says it (statements.yaml statement.quotes, statement.quoted-as-saying)."""
    text = "In a readout, China's Foreign Ministry quoted Wang Yi as saying that ties were stable."
    assert said_by(extract(text, layer)) == ["org/foreign-ministry-of-china", "person/wang-yi"]


@pytest.mark.parametrize(
    ("text", "acts"),
    [  # "remains unwavering in its support for X" (statements.yaml support.stand-with)
        (
            "The European Union remains unwavering in its support for Ukraine's sovereignty.",
            [("StatementOfSupport", ("org/european-union",), ("country/ukraine",))],
        ),
        ("The European Union remains the largest donor of Ukraine.", []),
    ],
)
def test_remaining_unwavering_in_support_is_support(text, acts, layer):
    """ "X remains unwavering in its support for Y": X's statement of support for Y."""
    assert speech_acts(extract(text, layer)) == acts


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("M23 rebels seize Bukavu as DRC government forces retreat.", []),
        (  # guard: a government that speaks stays the body
            "The Colombian government said it would accept the flights.",
            ["org/government-of-colombia"],
        ),
    ],
)
def test_a_state_body_before_forces_is_the_state(text, orgs, layer):
    """ "DRC government forces" are the state's (entities.yaml `state_body_modifiers`): no body
    "Government of the DRC", which readers do not list for them."""
    graph = extract(text, layer)
    made = sorted(str(o).removeprefix(str(ID)) for o in graph.subjects(RDF.type, DIP.Organisation))
    made += sorted(
        str(o).removeprefix(str(ID)) for o in graph.subjects(RDF.type, DIP.GovernmentBody)
    )
    assert [m for m in made if "government" in m] == orgs


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("Naval officers from Oman and India would attend the drills as observers.", []),
        ("Observers in Algiers consider the visit to be off the table.", []),
        # guard: analysts stay the generic source the seeds' hand layer names
        ("Analysts say the talks were useful.", ["org/analysts"]),
    ],
)
def test_observers_are_no_analysts(text, orgs, layer):
    """ "attend the drills as observers" had made the generic source "analysts and experts";
    readers list no one for observers (entities.yaml `generic`)."""
    graph = extract(text, layer)
    nodes = set(graph.subjects()) | set(graph.objects())
    assert sorted(str(n).removeprefix(str(ID)) for n in nodes if n == ID["org/analysts"]) == orgs
