"""Entities: spelling variants, titles, metonyms, in-article coreference, and new people."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal

from diplograph.extract import extract_article
from diplograph.extract.clean import article_from_text
from diplograph.extract.mentions import women
from diplograph.namespaces import DIP, ID

ROOT = Path(__file__).resolve().parents[1]


def extract(text: str, layer) -> Graph:
    """The rule layer of one text dated 27 July 2023."""
    rules, gazetteer = layer
    article = article_from_text(Path("t.txt"), text, date(2023, 7, 27), rules)
    return extract_article(article, rules, gazetteer)


def roles(graph: Graph, kind: str, role: str) -> set[str]:
    """The fillers of a role in the events of a kind, as id paths."""
    return {
        str(o).removeprefix(str(ID))
        for e in graph.subjects(RDF.type, getattr(DIP, kind))
        for o in graph.objects(e, getattr(DIP, role))
    }


@pytest.mark.parametrize(
    ("name", "iri"),
    [
        ("Kim Jong-un", "person/kim-jong-un"),
        ("Kim Jong Un", "person/kim-jong-un"),
        ("Sergey Shoigu", "person/sergei-shoigu"),
        ("Pak Jong-chon", "person/pak-jong-chon"),
        ("Pak Jong Chon", "person/pak-jong-chon"),
        ("Defence Minister Sergei Shoigu", "person/sergei-shoigu"),
    ],
)
def test_spelling_variants_and_titles_name_the_same_person(layer, name, iri):
    graph = extract(f"{name} met Sergei Lavrov in Moscow on Tuesday.", layer)
    assert roles(graph, "Meeting", "participant") == {iri, "person/sergei-lavrov"}


def test_a_capital_stands_for_its_government_as_actor_and_for_itself_as_place(layer):
    graph = extract("Pyongyang welcomed Vladimir Putin in Pyongyang on Tuesday.", layer)
    assert roles(graph, "Hosting", "host") == {"country/north-korea"}
    graph = extract("Moscow accused Washington of supplying weapons to Ukraine.", layer)
    assert roles(graph, "Accusation", "agent") == {"country/russia"}
    assert roles(graph, "Accusation", "target") == {"country/united-states"}


def test_the_north_korean_leader_and_kim_are_kim_jong_un(layer):
    text = (
        "North Korean leader Kim Jong Un met Kim Yo Jong on Monday. "
        "On Tuesday, the North Korean leader attended a ceremony with Li Hongzhong. "
        "Kim later gave Li a letter from Kim Yo Jong."
    )
    graph = extract(text, layer)
    assert roles(graph, "Ceremony", "participant") == {"person/kim-jong-un", "person/li-hongzhong"}
    assert roles(graph, "LetterDelivery", "carrier") == {"person/kim-jong-un"}
    assert roles(graph, "LetterDelivery", "recipient") == {"person/li-hongzhong"}
    holding = ID["holding/kim-jong-un/north-korean-leader"]
    assert (holding, DIP.position, ID["position/north-korean-leader"]) in graph


def test_the_two_sides_are_the_parties_of_the_last_meeting(layer):
    text = (
        "Vladimir Putin met Xi Jinping in Moscow on Tuesday. "
        "The two sides discussed energy and trade, KCNA said."
    )
    graph = extract(text, layer)
    (talks,) = set(graph.subjects(RDF.type, DIP.Talks))
    assert roles(graph, "Talks", "participant") == {"person/vladimir-putin", "person/xi-jinping"}
    assert len(set(graph.subjects(DIP.attests, talks))) == 2


def test_it_is_the_body_the_last_sentence_named_again(layer):
    text = (
        "India's Ministry of External Affairs said it rejected the allegations and accused "
        "Trudeau's government of pursuing a political agenda. The ministry said it had decided "
        "to withdraw its envoy. It summoned Canada's acting high commissioner, Stewart Wheeler, "
        "on Monday evening."
    )
    graph = extract(text, layer)
    assert roles(graph, "Meeting", "participant") == {
        "org/ministry-of-external-affairs-of-india",
        "person/stewart-wheeler",
    }


def test_they_after_unnamed_heads_of_state_are_not_the_last_meetings_people(layer):
    text = (
        "Mali's Assimi Goita and Burkina Faso's Ibrahim Traore met in Niamey on Saturday. "
        "ECOWAS heads of state are due to hold their summit in Abuja on Sunday, where they are "
        "expected to discuss relations with the three countries."
    )
    graph = extract(text, layer)
    assert not set(graph.subjects(RDF.type, DIP.Talks))
    meetings = {
        frozenset(str(p).removeprefix(str(ID)) for p in graph.objects(m, DIP.participant))
        for m in graph.subjects(RDF.type, DIP.Meeting)
    }  # the summit to come is ECOWAS's own session (one body), not the two leaders'
    assert meetings == {
        frozenset({"person/assimi-goita", "person/ibrahim-traore"}),
        frozenset({"org/economic-community-of-west-african-states"}),
    }
    graph = extract("Putin and Xi met in Moscow on Saturday, where they discussed trade.", layer)
    assert roles(graph, "Talks", "participant") == {"person/vladimir-putin", "person/xi-jinping"}


def test_a_delegation_named_by_nationality_is_the_one_the_article_defined(layer):
    text = (
        "Kim Jong Un met the Chinese delegation on Wednesday. "
        "The Chinese delegation, led by Li Hongzhong, arrived in Pyongyang on Tuesday."
    )
    graph = extract(text, layer)
    delegation = "delegation/china-2023-07-li-hongzhong"
    assert roles(graph, "Meeting", "participant") == {"person/kim-jong-un", delegation}
    assert roles(graph, "Arrival", "traveller") == {delegation}


def test_a_person_introduced_with_a_title_becomes_a_new_entity(layer):
    graph = extract("South Korean President Yoon Suk Yeol met Xi Jinping in Beijing.", layer)
    person = ID["person/yoon-suk-yeol"]
    assert (person, RDF.type, DIP.Person) in graph
    assert (person, RDFS.label, Literal("Yoon Suk Yeol", lang="en")) in graph
    assert float(graph.value(person, DIP.confidence)) == 0.5
    position = ID["position/president-of-south-korea"]
    assert (position, DIP.positionOf, ID["country/south-korea"]) in graph
    assert roles(graph, "Meeting", "participant") == {"person/yoon-suk-yeol", "person/xi-jinping"}


def test_a_known_person_is_never_minted_again(layer):
    graph = extract("Russian President Vladimir Putin met Xi Jinping in Beijing.", layer)
    assert not set(graph.subjects(DIP.confidence, None)) - set(graph.subjects(DIP.attests, None))


@pytest.mark.parametrize(
    ("text", "inviter", "invitee"),
    [
        (  # a relative clause: "him" is not Faye, who invites
            "Ghana's President John Mahama arrived in Abuja. Mahama also met Senegal's "
            "President Bassirou Diomaye Faye, who invited him to pay an official visit to Dakar.",
            "person/bassirou-diomaye-faye",
            "person/john-mahama",
        ),
        (  # the subject of "invited" is not "him"; the previous sentence's person is
            "Ghana's President John Mahama arrived in Abuja. Senegal's President Bassirou "
            "Diomaye Faye invited him to pay an official visit to Dakar.",
            "person/bassirou-diomaye-faye",
            "person/john-mahama",
        ),
    ],
)
def test_an_object_pronoun_is_not_the_subject_of_its_clause(text, inviter, invitee, layer):
    graph = extract(text, layer)
    assert roles(graph, "Invitation", "inviter") == {inviter}
    assert roles(graph, "Invitation", "invitee") == {invitee}
    assert roles(graph, "Visit", "place") == {"city/abuja", "city/dakar"}
    invited = next(graph.objects(next(graph.subjects(RDF.type, DIP.Invitation)), DIP.content))
    assert graph.value(invited, DIP.traveller) == ID[invitee]
    assert graph.value(invited, DIP.host) == ID["country/senegal"]


def test_a_subject_pronoun_is_still_the_nearest_person(layer):
    graph = extract(
        "Russian President Vladimir Putin arrived in Minsk. He held talks with Belarusian "
        "President Alexander Lukashenko, who thanked him for the visit.",
        layer,
    )
    assert roles(graph, "Talks", "participant") == {
        "person/vladimir-putin",
        "person/alexander-lukashenko",
    }


@pytest.mark.parametrize(
    ("text", "met"),
    [
        (  # "he" is the subject of the first clause, named by a title, not Waltz, its object
            "Jordan's King Abdullah II arrived in Washington on Sunday. On Monday, the king held "
            "talks with Secretary of State Marco Rubio and national security adviser Mike Waltz, "
            "and he met separately with Vice President JD Vance.",
            {"person/abdullah-ii", "person/jd-vance"},
        ),
        (  # a relative clause's subject is the nearest subject: "who said he" is Lukashenko
            "Putin held talks with Belarusian President Alexander Lukashenko, who said he would "
            "meet Xi Jinping in Beijing.",
            {"person/alexander-lukashenko", "person/xi-jinping"},
        ),
    ],
)
def test_a_subject_pronoun_prefers_a_subject_of_its_sentence(text, met, layer):
    graph = extract(text, layer)
    assert roles(graph, "Meeting", "participant") == met


def test_he_never_names_a_woman_the_gazetteer_lists(layer):
    """people.yaml `people_women`: "He" is not Meloni, the last sentence's subject."""
    graph = extract(
        "Italian Prime Minister Giorgia Meloni hosted Kenyan President William Ruto in Rome on "
        "Monday. He invited her to visit Nairobi next year.",
        layer,
    )
    assert roles(graph, "Invitation", "inviter") == {"person/william-ruto"}
    assert roles(graph, "Invitation", "invitee") == {"person/giorgia-meloni"}


def test_honorifics_stay_out_of_a_new_name_and_a_first_name_refers_back(layer):
    graph = extract(
        "Prime Minister Datuk Seri Anwar Ibrahim met Qatar's Emir Sheikh Tamim bin Hamad Al "
        "Thani in Putrajaya. Anwar said the talks were good. His Highness thanked him.",
        layer,
    )
    people = {str(s).removeprefix(str(ID)) for s in graph.subjects(RDF.type, DIP.Person)}
    assert people == {"person/anwar-ibrahim", "person/tamim-bin-hamad-al-thani"}
    assert roles(graph, "Statement", "agent") >= {"person/anwar-ibrahim"}


def test_a_ministry_word_after_a_title_is_no_person(layer):
    graph = extract(
        "President Recep Tayyip Erdogan received the Ministers of Foreign Affairs of Azerbaijan "
        "and Georgia in Antalya.",
        layer,
    )
    people = {str(s).removeprefix(str(ID)) for s in graph.subjects(RDF.type, DIP.Person)}
    assert people == {"person/recep-tayyip-erdogan"}


def test_a_bare_title_refers_to_the_person_last_named_with_it(layer):
    graph = extract(
        "Astana (dpa) - German Chancellor Olaf Scholz held talks with Uzbekistan's Shavkat "
        "Mirziyoyev on Sunday. The chancellor arrived in Astana on Monday and was received by "
        "Kazakh President Kassym-Jomart Tokayev.",
        layer,
    )
    assert roles(graph, "Talks", "participant") == {
        "person/olaf-scholz",
        "person/shavkat-mirziyoyev",
    }
    assert roles(graph, "Arrival", "traveller") == {"person/olaf-scholz"}
    assert roles(graph, "Hosting", "traveller") == {"person/olaf-scholz"}
    assert roles(graph, "Hosting", "host") == {"person/kassym-jomart-tokayev"}
    sentence = next(s for s in graph.subjects(DIP.mentions, ID["person/shavkat-mirziyoyev"]))
    assert ID["country/uzbekistan"] in set(graph.objects(sentence, DIP.mentions))


def test_the_two_ministers_are_the_last_two_named_ministers_not_the_last_pair(layer):
    graph = extract(
        "Russian Foreign Minister Sergey Lavrov and Kazakh Foreign Minister Murat Nurtleu held "
        "talks in Moscow. Russian President Vladimir Putin met Kazakh President Kassym-Jomart "
        "Tokayev in Astana in June. The two ministers signed a plan of consultations.",
        layer,
    )
    assert roles(graph, "AgreementSigning", "participant") == {
        "person/sergei-lavrov",
        "person/murat-nurtleu",
    }


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("The two prime ministers", {"person/nikol-pashinyan", "person/irakli-kobakhidze"}),
        ("Both prime ministers", {"person/nikol-pashinyan", "person/irakli-kobakhidze"}),
        ("The two heads of state", {"person/vladimir-putin", "person/xi-jinping"}),
    ],
)
def test_a_plural_title_with_its_modifier_refers_back(words, expected, layer):
    """ "the two prime ministers" are the last two named prime ministers; "the two heads of
    state" the two sides of the latest meeting."""
    graph = extract(
        "Armenian Prime Minister Nikol Pashinyan met Georgian Prime Minister Irakli Kobakhidze "
        "in Yerevan. Russian President Vladimir Putin held talks with Chinese President Xi "
        f"Jinping in Moscow. {words} signed a treaty.",
        layer,
    )
    assert roles(graph, "AgreementSigning", "participant") == expected


@pytest.mark.parametrize(
    "office",
    [
        "Member of the Political Bureau of the CPC Central Committee and Foreign Minister",
        "General Secretary of the Communist Party of Vietnam Central Committee and State President",
    ],
)
def test_a_body_in_a_persons_first_office_is_no_party(office, layer):
    """ "Member of the ... Central Committee and Foreign Minister X": one person's two offices;
    the body acts in nothing."""
    graph = extract(
        f"{office} Wang Yi held talks with Japanese Foreign Minister Takeshi Iwaya in Beijing.",
        layer,
    )
    assert roles(graph, "Talks", "participant") == {"person/wang-yi", "person/takeshi-iwaya"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [  # a foreign minister is "the Nigerian minister"; a deputy minister is not
        (
            "Nigerian Foreign Minister Yusuf Tuggar met Chinese Foreign Minister Wang Yi in "
            "Abuja. The Nigerian minister said that ties were strong.",
            "person/yusuf-tuggar",
        ),
        (
            "Nigerian Foreign Minister Yusuf Tuggar met Chinese Foreign Minister Wang Yi. "
            "Nigerian Deputy Foreign Minister Bello Musa also attended. The Nigerian minister "
            "said that ties were strong.",
            "person/yusuf-tuggar",
        ),
    ],
)
def test_a_title_stands_for_a_kind_of_it_but_not_another_office(text, speaker, layer):
    graph = extract(text, layer)
    said = [str(graph.value(s, DIP.agent)) for s in graph.subjects(RDF.type, DIP.Statement)]
    assert said == [str(ID[speaker])]


def test_capitals_in_a_list_are_named_and_act_for_their_states(layer):
    """ "Moscow and Kyiv must talk": the talks are the states', the sentence names the cities."""
    graph = extract("Lula said that Moscow and Kyiv must talk.", layer)
    assert roles(graph, "Talks", "participant") == {"country/russia", "country/ukraine"}
    named = {str(o).removeprefix(str(ID)) for o in graph.objects(None, DIP.mentions)}
    lula = "person/luiz-inacio-lula-da-silva"
    assert named == {lula, "city/kyiv", "city/moscow", "country/russia", "country/ukraine"}


def test_he_and_she_in_one_passage_are_two_people(layer):
    """ "He invited the Italian Prime Minister to visit, and she accepted": she is not the one
    "he" named (`masculine_pronoun`, `feminine_pronoun`), though he was the last subject."""
    graph = extract(
        "Kenyan President William Ruto spoke with Italian Prime Minister Giorgia Meloni on "
        "Friday. He invited the Italian Prime Minister to visit Nairobi next year, and she "
        "accepted the invitation.",
        layer,
    )
    assert roles(graph, "InvitationAcceptance", "agent") == {"person/giorgia-meloni"}
    assert roles(graph, "InvitationAcceptance", "target") == {"person/william-ruto"}


def test_a_pronoun_after_a_comma_and_is_a_clauses_subject_not_a_list_member(layer):
    """ "to visit Rome, and he accepted": "Rome, and he" is no list; he is the invitee."""
    graph = extract(
        "Italian Prime Minister Giorgia Meloni invited Kenyan President William Ruto to visit "
        "Rome, and he accepted the invitation.",
        layer,
    )
    assert roles(graph, "InvitationAcceptance", "agent") == {"person/william-ruto"}


@pytest.mark.parametrize("words", ["the three leaders", "the three heads of state"])
def test_the_three_leaders_are_the_last_three_people(layer, words):
    """ "the three leaders signed": the three people of the meeting just told (`last_counted`)."""
    graph = extract(
        "Italian Prime Minister Giorgia Meloni hosted Kenyan President William Ruto and Indian "
        f"Prime Minister Narendra Modi in Rome on Monday. Later, {words} signed a trade treaty.",
        layer,
    )
    assert roles(graph, "AgreementSigning", "participant") == {
        "person/giorgia-meloni",
        "person/narendra-modi",
        "person/william-ruto",
    }


def test_the_delegation_is_the_one_defined_last_before_it(layer):
    """ "X is leading a nine-member Kenyan parliamentary delegation ... the delegation is due to
    travel to Y": the delegation led by X (`delegation-ref.last`), not one defined later."""
    graph = extract(
        "Kenyan Speaker Moses Wetangula is leading a nine-member Kenyan parliamentary delegation "
        "on a visit to Italy. On Friday, the delegation is scheduled to travel to Milan. Italian "
        "Senate President Ignazio La Russa is expected to lead a return delegation to Nairobi.",
        layer,
    )
    travellers = {
        str(graph.value(t, DIP.ledBy) or t).removeprefix(str(ID))
        for e in graph.subjects(DIP.place, ID["city/milan"])
        for t in graph.objects(e, DIP.traveller)
    }
    assert travellers == {"person/moses-wetangula"}


@pytest.mark.parametrize(
    "text",
    [
        "Chinese President Xi Jinping, accompanied by his wife Peng Liyuan, arrived in Belgrade "
        "on Tuesday.",
        "Chinese President Xi Jinping arrived in Belgrade on Tuesday, accompanied by his wife "
        "Peng Liyuan.",
        "Chinese President Xi Jinping and his wife Peng Liyuan arrived in Belgrade on Tuesday.",
        # a journey's verb with "with his wife" and no comma (session 37)
        "Chinese President Xi Jinping arrived in Belgrade on Tuesday with his wife Peng Liyuan.",
        "Chinese President Xi Jinping landed in Belgrade on Tuesday together with his wife "
        "Peng Liyuan.",
        # set off by commas: "together with" and "along with" (session 38; Peng Liyuan alone
        # arrived before)
        "Chinese President Xi Jinping, together with his wife Peng Liyuan, arrived in Belgrade "
        "on Tuesday.",
        "Chinese President Xi Jinping, along with his wife Peng Liyuan, arrived in Belgrade "
        "on Tuesday.",
        # a spouse named with her title (token key `title`; session 38: Xi alone before)
        "Chinese President Xi Jinping, accompanied by First Lady Peng Liyuan, arrived in "
        "Belgrade on Tuesday.",
        "Chinese President Xi Jinping arrived in Belgrade on Tuesday, accompanied by First Lady "
        "Peng Liyuan.",
        "Chinese President Xi Jinping, together with First Lady Peng Liyuan, arrived in "
        "Belgrade on Tuesday.",
    ],
)
def test_a_spouse_travels_with_the_leader(text, layer):
    """entities.yaml `companions`: the spouse shares the leader's roles in the sentence."""
    graph = extract(text, layer)
    both = {"person/xi-jinping", "person/peng-liyuan"}
    assert roles(graph, "Arrival", "traveller") == both
    assert roles(graph, "Visit", "traveller") == both


def test_a_titled_companion_who_is_no_spouse_stays_out(layer):
    """# guard: the token key `title` admits a spouse's title only: "accompanied by Foreign
    Minister X" names a member of the delegation, who is left out of the arrival."""
    graph = extract(
        "Chinese President Xi Jinping, accompanied by Foreign Minister Wang Yi, arrived in "
        "Belgrade on Tuesday.",
        layer,
    )
    assert roles(graph, "Arrival", "traveller") == {"person/xi-jinping"}


def test_spouses_host_and_attend_together(layer):
    graph = extract(
        "Xi Jinping and his wife Peng Liyuan hosted a banquet for Lula and his wife Rosangela "
        "da Silva in Beijing on Friday.",
        layer,
    )
    assert roles(graph, "Ceremony", "host") == {"person/xi-jinping", "person/peng-liyuan"}
    assert roles(graph, "Ceremony", "participant") == {
        "person/luiz-inacio-lula-da-silva",
        "person/rosangela-da-silva",
    }


def _parties(graph: Graph, kind: str, role: str) -> list[list[str]]:
    """The fillers of a role, event by event (each sorted), of every event of a kind."""
    events = graph.subjects(RDF.type, DIP[kind])
    return sorted(
        sorted(
            str(graph.value(v, DIP.ledBy) or v).removeprefix(str(ID))
            for v in graph.objects(e, DIP[role])
        )
        for e in events
    )


def test_people_named_together_make_one_visit(layer):
    """kinds.yaml `groups_apart`: "A and B visited X" is one visit of two travellers (the corpus
    reader's "one entry per real-world event"), not one visit each."""
    graph = extract(
        "Indonesian President Prabowo Subianto and Foreign Minister Sugiono visited Beijing on "
        "Saturday.",
        layer,
    )
    assert _parties(graph, "Visit", "traveller") == [["person/prabowo-subianto", "person/sugiono"]]


def test_delegations_named_together_arrive_apart(layer):
    """kinds.yaml `groups_apart`: two delegations that arrive in one sentence are two arrivals
    and two visits (each led by its leader)."""
    graph = extract(
        "The Russian delegation led by Defence Minister Sergei Shoigu, and China's delegation, led "
        "by Li Hongzhong, arrived in Pyongyang on Tuesday.",
        layer,
    )
    apart = [["person/li-hongzhong"], ["person/sergei-shoigu"]]
    assert _parties(graph, "Arrival", "traveller") == apart
    assert _parties(graph, "Visit", "traveller") == apart


def test_a_delegation_from_a_state_is_its_delegation(layer):
    """entities.yaml delegation-ref.national: "a delegation from the United States", with no
    leader named, is the United States' delegation, the guest of the reception."""
    graph = extract(
        "Crown Prince Mohammed bin Salman received a delegation from the United States in Riyadh "
        "on Thursday.",
        layer,
    )
    delegation = graph.value(None, DIP.sentBy, ID["country/united-states"])
    assert delegation is not None
    assert _parties(graph, "Hosting", "traveller") == [[str(delegation).removeprefix(str(ID))]]
    assert _parties(graph, "Hosting", "host") == [["person/mohammed-bin-salman"]]


def test_a_states_delegation_by_its_possessive_is_the_one_the_article_defined(layer):
    """entities.yaml delegation-ref.national: "China's delegation" is "the Chinese
    delegation", the one led by Li Hongzhong, not China itself as the traveller."""
    text = (
        "A Chinese delegation led by Li Hongzhong left Beijing on Tuesday. "
        "China's delegation arrived in Pyongyang on Wednesday."
    )
    graph = extract(text, layer)
    assert roles(graph, "Arrival", "traveller") == {"delegation/china-2023-07-li-hongzhong"}


@pytest.mark.parametrize(
    ("text", "kind", "parties"),
    [
        (  # a delegation of a state's people, its leader named after it
            "Indonesian President Prabowo Subianto received a delegation of US senators led by "
            "Senator Chris Murphy in Jakarta on Monday.",
            "Hosting",
            {"host": [["person/prabowo-subianto"]], "traveller": [["person/chris-murphy"]]},
        ),
        (  # an adjective between the state and its delegation; the leader named next
            "Indonesian President Prabowo Subianto met a US congressional delegation in Jakarta "
            "on Monday. The delegation was led by Senator Chris Murphy.",
            "Meeting",
            {"participant": [["person/chris-murphy", "person/prabowo-subianto"]]},
        ),
        (  # the leader set off by a relative clause in the next sentence
            "Indonesian President Prabowo Subianto met a Chinese delegation in Jakarta on Monday. "
            "Chinese Foreign Minister Wang Yi, who led the delegation, said ties were strong.",
            "Meeting",
            {"participant": [["person/prabowo-subianto", "person/wang-yi"]]},
        ),
        (  # "The head of the delegation, X,"
            "Indonesian President Prabowo Subianto met a Chinese delegation in Jakarta on Monday. "
            "The head of the delegation, Chinese Foreign Minister Wang Yi, said ties were strong.",
            "Meeting",
            {"participant": [["person/prabowo-subianto", "person/wang-yi"]]},
        ),
        (  # "X, head of the delegation,"
            "Indonesian President Prabowo Subianto met a Chinese delegation in Jakarta on Monday. "
            "Chinese Foreign Minister Wang Yi, head of the delegation, said ties were strong.",
            "Meeting",
            {"participant": [["person/prabowo-subianto", "person/wang-yi"]]},
        ),
        (  # a delegation of no state named, defined by the next sentence (`next`)
            "Indian Prime Minister Narendra Modi met the visiting delegation in New Delhi on "
            "Tuesday. The delegation was led by Chinese Foreign Minister Wang Yi.",
            "Meeting",
            {"participant": [["person/narendra-modi", "person/wang-yi"]]},
        ),
        (
            "Indian Prime Minister Narendra Modi received a high-level delegation in New Delhi on "
            "Tuesday. The delegation was led by Chinese Foreign Minister Wang Yi.",
            "Hosting",
            {"host": [["person/narendra-modi"]], "traveller": [["person/wang-yi"]]},
        ),
        (  # a body's delegation whose leader the next sentence names
            "Pakistani Prime Minister Shehbaz Sharif met an IMF delegation in Islamabad on "
            "Tuesday. The delegation was led by Nathan Porter.",
            "Meeting",
            {"participant": [["person/nathan-porter", "person/shehbaz-sharif"]]},
        ),
        (  # guard: with no leader named, the body itself (`led_only`)
            "Pakistani Prime Minister Shehbaz Sharif met an IMF delegation in Islamabad on "
            "Tuesday.",
            "Meeting",
            {"participant": [["org/international-monetary-fund", "person/shehbaz-sharif"]]},
        ),
        (  # two delegations by their states; one led by a person named next
            "Delegations from Russia and Ukraine held talks in Istanbul on Friday. The Russian "
            "delegation was headed by Vladimir Medinsky, while the Ukrainian side was headed by "
            "Defence Minister Rustem Umerov.",
            "Talks",
            {"participant": [["person/rustem-umerov", "person/vladimir-medinsky"]]},
        ),
    ],
)
def test_a_delegation_is_its_leader_named_in_other_words(layer, text, kind, parties):
    """entities.yaml `delegation_refs` and `delegations`: "a US congressional delegation", "a
    delegation of US senators led by X", "Delegations from A and B"; a leader named in the next
    sentence ("X, who led the delegation,", "The head of the delegation, X,", "the Ukrainian
    side was headed by X"), whose state the gazetteer may not know (the one delegation with no
    state is the one the state's words name); "the visiting delegation", "a high-level
    delegation": the one the next sentence defines (`delegation_refs` key `next`)."""
    graph = extract(text, layer)
    assert {role: _parties(graph, kind, role) for role in parties} == parties


def test_a_guide_who_accompanies_is_no_fellow_traveller(layer):
    graph = extract(
        "Georgian Prime Minister Irakli Kobakhidze arrived in Yerevan on Thursday. Kobakhidze, "
        "accompanied by Edita Gzoyan, director of the museum, toured the Armenian Genocide "
        "Memorial.",
        layer,
    )
    assert roles(graph, "Arrival", "traveller") == {"person/irakli-kobakhidze"}
    assert roles(graph, "Visit", "traveller") == {"person/irakli-kobakhidze"}


def test_a_title_with_no_owner_prefers_the_last_sentences_subject(layer):
    """ "the head of state" is the one the story follows (the last subject), not the last named."""
    graph = extract(
        "Indonesian President Prabowo Subianto met Chinese President Xi Jinping on Saturday. "
        "Later, the head of state met Chinese Premier Li Qiang.",
        layer,
    )
    met = sorted(
        sorted(str(p).removeprefix(str(ID)) for p in graph.objects(m, DIP.participant))
        for m in graph.subjects(RDF.type, DIP.Meeting)
    )
    assert met == [
        ["person/li-qiang", "person/prabowo-subianto"],
        ["person/prabowo-subianto", "person/xi-jinping"],
    ]


def test_a_pair_reads_across_a_described_owner(layer):
    """coref.group: "A and the kingdom's National Security Adviser B" is a pair."""
    graph = extract(
        "Saudi Foreign Minister Prince Faisal bin Farhan and the kingdom's National Security "
        "Adviser Musaed Al-Aiban welcomed Sergei Lavrov.",
        layer,
    )
    assert roles(graph, "Hosting", "host") == {
        "person/faisal-bin-farhan-al-saud",
        "person/musaed-al-aiban",
    }


def test_the_women_people_yaml_lists_include_office_holders_of_2022_2025(layer):
    """people.yaml `people_women`: "he" and "him" never name them (Sylvanie Burton, President of
    Dominica; Kristalina Georgieva; Kaja Kallas)."""
    rules, gazetteer = layer
    listed = {str(p).removeprefix(str(ID)) for p in women(gazetteer, rules)}
    assert {"person/sylvanie-burton", "person/kristalina-georgieva", "person/kaja-kallas"} <= listed


def test_according_to_and_capital_are_lexicon_words(layer):
    """The words "according to" (a source's lead, coref.group) and "capital" (an unnamed
    capital, mentions.py) are data in lexicon.yaml, not Python."""
    rules, _ = layer
    assert list(rules.classes["source_lead"]) == ["according to"]
    assert list(rules.classes["capital_noun"]) == ["capital"]


def test_the_government_is_no_city_named_before_it(layer):
    """ "the government" stands for the state named before it; a city no state's seat (not
    mapped to a country) is none, so the article's most named country is (a fuzzed article made
    Hargeisa a speaker and a claim's source: no agent)."""
    graph = extract(
        "Somalia ordered the Ethiopian ambassador to leave on Thursday. The consulate in "
        "Hargeisa would close, the government said.",
        layer,
    )
    assert roles(graph, "Statement", "agent") == {"country/somalia"}


def test_a_national_title_skips_a_public_figure_the_list_gives_another_country(layer):
    """With no title in the text, "the Russian president" is not Xi, named last: people.yaml
    says Xi serves China."""
    graph = extract(
        "Putin met Xi Jinping in Beijing on Thursday. The Russian president later visited Harbin.",
        layer,
    )
    assert roles(graph, "Visit", "traveller") == {"person/vladimir-putin"}


def test_a_national_office_is_not_someone_named_with_another_office(layer):
    """coref._resolve_title: "the Cuban president" is not Governor Sansores, named last with
    another office and no known country, but Diaz-Canel, whom people.yaml lists for Cuba."""
    graph = extract(
        "Miguel Diaz-Canel arrived in Campeche on Friday, where he was received by the governor "
        "of the state, Layda Sansores. On Saturday, the Cuban president laid a wreath at the "
        "monument to Jose Marti.",
        layer,
    )
    assert roles(graph, "Ceremony", "participant") == {"person/miguel-diaz-canel"}


def test_a_former_office_may_be_someone_named_with_another_office(layer):
    """ "The former Spanish foreign minister" may be the EU's foreign policy chief, named with
    another office (lexicon.yaml `past_office_word`)."""
    graph = extract(
        "The bloc's foreign policy chief Josep Borrell met Kosovo's Prime Minister Albin Kurti "
        'and Serbian President Aleksandar Vucic. "We tried," Borrell told reporters. "Kosovo '
        'bears the main responsibility," the former Spanish foreign minister added.',
        layer,
    )
    said = sorted(
        str(o).removeprefix(str(ID))
        for e in graph.subjects(RDF.type, DIP.Statement)
        for o in graph.objects(e, DIP.agent)
    )
    assert said == ["person/josep-borrell", "person/josep-borrell"]  # both statements his


def test_a_spouse_one_dines_with_is_no_companion_of_the_meeting(layer):
    """# guard: "dined with his wife Z" after a meeting is no journey's companion (the new
    pattern wants a journey's verb): the meeting stays the two leaders'."""
    graph = extract(
        "Xi met Vucic in Belgrade on Tuesday and later dined with his wife Peng Liyuan.", layer
    )
    assert roles(graph, "Meeting", "participant") == {
        "person/xi-jinping",
        "person/aleksandar-vucic",
    }


def test_the_two_leaders_of_the_meeting_named_again_are_its_parties(layer):
    """coref._names_the_meeting (lexicon `told_meeting_noun`): "During the meeting at X, the
    two leaders discussed" are the parties of the meeting told before, however far back, not
    the heads of state the story names most."""
    graph = extract(
        "Indian External Affairs Minister S Jaishankar on Friday called on Sri Lankan President "
        "Anura Kumara Dissanayake in Colombo and conveyed Prime Minister Narendra Modi's "
        "invitation to visit India. Modi had invited him in a letter. Modi won a third term in "
        "June. Dissanayake took office last month. During the meeting at the Presidential "
        "Secretariat, the two leaders discussed energy cooperation.",
        layer,
    )
    parties = [
        sorted(str(o).removeprefix(str(ID)) for o in graph.objects(e, DIP.participant))
        for kind in ("Meeting", "Talks")
        for e in graph.subjects(RDF.type, DIP[kind])
    ]
    assert ["person/anura-kumara-dissanayake", "person/narendra-modi"] not in parties


@pytest.mark.parametrize(
    ("first", "summoned"),
    [  # "the Kenyan ambassador" is none of the people named before: Kenya's envoy, unnamed
        (
            "Kenya hosted Mohamed Hamdan Daglo, the commander of Sudan's paramilitary Rapid "
            "Support Forces, in Nairobi on Wednesday.",
            "country/kenya",
        ),
        (
            "Kenyan President William Ruto hosted Mohamed Hamdan Daglo, the commander of "
            "Sudan's paramilitary Rapid Support Forces, in Nairobi on Wednesday.",
            "country/kenya",
        ),
    ],
)
def test_a_foreign_office_is_no_untitled_person_nor_a_head_of_that_state(first, summoned, layer):
    """An untitled person (the RSF commander whose title the rules miss) was "the Kenyan
    ambassador", and so was Kenya's president: only a head's office ("the Russian leader") is
    read as a person named with no office, and a person holding another office of that state
    holds none other."""
    text = (
        f"{first} Sudan's foreign ministry said that it had summoned the Kenyan ambassador "
        "in Port Sudan to protest the reception."
    )
    assert roles(extract(text, layer), "Meeting", "participant") == {
        "org/foreign-ministry-of-sudan",
        summoned,
    }


def test_as_well_as_joins_one_more_party_as_and_does(layer):
    graph = extract(
        "RIYADH, July 27 (Reuters) - Secretary of State Antony Blinken met Saudi Crown Prince "
        "Mohammed bin Salman as well as Foreign Minister Prince Faisal bin Farhan on Thursday.",
        layer,
    )
    assert roles(graph, "Meeting", "participant") == {
        "person/antony-blinken",
        "person/mohammed-bin-salman",
        "person/faisal-bin-farhan-al-saud",
    }
    graph = extract(
        "Secretary of State Antony Blinken visited Riyadh, as well as Doha, on Thursday.", layer
    )
    assert roles(graph, "Visit", "place") == {"city/riyadh", "city/doha"}


def test_as_well_as_with_joins_one_more_party_after_with(layer):
    """In "held talks with A as well as with B" B is a party as after "as well as" alone (the
    joiner's words come from lexicon `list_joiner`)."""
    graph = extract(
        "BEIJING, July 27 (Xinhua) -- Chinese Foreign Minister Wang Yi on Thursday held talks "
        "with Russian Foreign Minister Sergei Lavrov as well as with Iranian Foreign Minister "
        "Abbas Araghchi in Beijing.",
        layer,
    )
    assert roles(graph, "Talks", "participant") == {
        "person/wang-yi",
        "person/sergei-lavrov",
        "person/abbas-araghchi",
    }


def test_who_is_after_a_pair_is_about_its_last_member(layer):
    graph = extract(
        "NEW DELHI, July 27 (PTI) Prime Minister Narendra Modi and his Egyptian counterpart "
        "Mostafa Madbouly, who is on a two-day visit to India, held talks on Thursday.",
        layer,
    )
    assert roles(graph, "Visit", "traveller") == {"person/mostafa-madbouly"}
    assert roles(graph, "Talks", "participant") == {
        "person/narendra-modi",
        "person/mostafa-madbouly",
    }
    graph = extract(  # guard: "who are" is about the pair
        "Prime Minister Narendra Modi and Egyptian Prime Minister Mostafa Madbouly, who are on "
        "a tour of Africa, met in Nairobi on Thursday.",
        layer,
    )
    assert roles(graph, "Visit", "traveller") == {
        "person/narendra-modi",
        "person/mostafa-madbouly",
    }


def test_the_title_of_a_state_unnamed_is_the_one_named_with_it_further_on(layer):
    graph = extract(
        "ABU DHABI, 27th July, 2023 (WAM) -- President His Highness Sheikh Mohamed bin Zayed Al "
        "Nahyan received the Foreign Minister of Egypt today. Sameh Shoukry conveyed the "
        "greetings of President Abdel Fattah El-Sisi.",
        layer,
    )
    assert roles(graph, "Hosting", "traveller") == {"person/sameh-shoukry"}
    graph = extract(  # guard: a head's title of a state is no office holder named nowhere
        "KUWAIT, July 27 (KUNA) -- Egyptian Foreign Minister Sameh Shoukry met the Emir of "
        "Kuwait on Thursday.",
        layer,
    )
    assert roles(graph, "Meeting", "participant") == set()


def test_a_states_unnamed_ambassador_is_the_ambassador_named_next_with_no_state(layer):
    """In "met the Swiss ambassador. Ambassador X said" X is the one the paragraph names further
    on with the title and no state of its own (coref `_named_ahead`), the meeting is with X."""
    graph = extract(
        "TEHRAN, July 27 (IRNA) - Iranian Foreign Minister Abbas Araghchi met the Swiss "
        "ambassador on Thursday. Ambassador Nadine Olivieri Lozano said Switzerland was ready "
        "to help.",
        layer,
    )
    assert roles(graph, "Meeting", "participant") == {
        "person/abbas-araghchi",
        "person/nadine-olivieri-lozano",
    }
