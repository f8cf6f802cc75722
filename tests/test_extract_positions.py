"""Positions held: the constructions of wire copy that say who holds which office, each with the
exact holdings the rule layer must give for a short text (and none it must not give)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from diplograph.extract import extract_article
from diplograph.extract.clean import article_from_text
from diplograph.namespaces import DIP, ID


def extract(text: str, layer) -> Graph:
    """The rule layer of one text dated 5 March 2024."""
    rules, gazetteer = layer
    article = article_from_text(Path("t.txt"), text, date(2024, 3, 5), rules)
    return extract_article(article, rules, gazetteer)


def held(text: str, layer) -> set[tuple[str, str]]:
    """(holder, position) of every position holding of a text, without the namespace."""
    graph = extract(text, layer)
    return {
        (
            str(graph.value(h, DIP.holder)).removeprefix(str(ID)),
            str(graph.value(h, DIP.position)).removeprefix(str(ID)),
        )
        for h in graph.subjects(RDF.type, DIP.PositionHolding)
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # the subject's title, named before its name
            "NEW DELHI, Aug 1 (PTI) India and Vietnam signed nine pacts after talks between "
            "Prime Minister Narendra Modi and his Vietnamese counterpart Pham Minh Chinh.",
            {
                ("person/narendra-modi", "position/prime-minister-of-india"),
                ("person/pham-minh-chinh", "position/prime-minister-of-vietnam"),
            },
        ),
        (  # the subject's title with its owner
            "Russian Defence Minister Andrei Belousov held separate talks with his Belarusian "
            "counterpart Viktor Khrenin, the ministry said.",
            {
                ("person/andrei-belousov", "position/defence-minister-of-russia"),
                ("person/viktor-khrenin", "position/defence-minister-of-belarus"),
            },
        ),
        (  # the subject named without a title: the position the article said they hold
            "Chinese Foreign Minister Wang Yi arrived in Brazzaville. Wang met the press and "
            "then held talks with his Congolese counterpart, Jean-Claude Gakosso.",
            {
                ("person/wang-yi", "position/foreign-minister-of-china"),
                (  # Brazzaville's Congo (gazetteer.shared_nationals)
                    "person/jean-claude-gakosso",
                    "position/foreign-minister-of-republic-of-the-congo",
                ),
            },
        ),
        (  # a pronoun subject: the last sentence's first person, with the position it holds
            "Iranian Foreign Minister Seyed Abbas Araghchi arrived in Riyadh on Wednesday. He "
            "met his Saudi counterpart Faisal bin Farhan.",
            {
                ("person/seyed-abbas-araghchi", "position/foreign-minister-of-iran"),
                ("person/faisal-bin-farhan-al-saud", "position/foreign-minister-of-saudi-arabia"),
            },
        ),
        (  # a subject no stage knows: the title nearer the counterpart is someone else's
            "Lamola met Congolese President Denis Sassou Nguesso and then his Congolese "
            "counterpart, Jean-Claude Gakosso.",
            {
                (
                    "person/denis-sassou-nguesso",
                    "position/president-of-democratic-republic-of-the-congo",
                )
            },
        ),
    ],
)
def test_a_counterpart_holds_the_subjects_title_for_the_owner_named(text, holdings, layer):
    """ "X and his Vietnamese counterpart Y": Y holds X's title, for Vietnam."""
    assert held(text, layer) == holdings


def test_a_head_title_refers_to_the_person_named_as_that_states_officer(layer):
    """ "The Vietnamese leader" is the person named with a title for Vietnam (the counterpart,
    prime minister of Vietnam), not the more recent person whose office has no owner."""
    graph = extract(
        "Prime Minister Narendra Modi and his Vietnamese counterpart Pham Minh Chinh held talks "
        "on Monday. Chinh said the talks went well. The Vietnamese leader later laid a wreath "
        "at Raj Ghat.",
        layer,
    )
    (ceremony,) = graph.subjects(RDF.type, DIP.Ceremony)
    assert set(graph.objects(ceremony, DIP.participant)) == {ID["person/pham-minh-chinh"]}


def test_a_project_entity_keeps_the_other_names_of_the_reference_gazetteer(layer):
    """mappings/entities.ttl's United Nations wins over organisations.ttl's, but its short
    names ("UN") still name it: the owner of the titles before a name."""
    assert held(
        "UN Secretary-General Antonio Guterres welcomed the deal, UN spokesperson Stephane "
        "Dujarric told reporters.",
        layer,
    ) == {
        ("person/antonio-guterres", "position/secretary-general-of-united-nations"),
        ("person/stephane-dujarric", "position/spokesperson-of-united-nations"),
    }


def test_a_seat_of_government_before_a_title_owns_the_office(layer):
    """ "Kremlin spokesman X", "White House Press Secretary Y": the office is the seat's (a body
    acting for its state, organisations.ttl), as wire copy names it; "the Kremlin said" is that
    body speaking."""
    text = (
        "Kremlin spokesman Dmitry Peskov said the talks went well. White House Press Secretary "
        "Karoline Leavitt said so too. The Kremlin said Putin would attend."
    )
    assert held(text, layer) == {
        ("person/dmitry-peskov", "position/spokesperson-of-kremlin"),
        ("person/karoline-leavitt", "position/press-secretary-of-white-house"),
    }
    graph = extract(text, layer)
    speakers = {graph.value(s, DIP.agent) for s in graph.subjects(RDF.type, DIP.Statement)}
    assert ID["org/kremlin"] in speakers


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Kazakhstan's Deputy Prime Minister and Foreign Minister Murat Nurtleu held talks in "
            "Moscow.",
            {
                ("person/murat-nurtleu", "position/deputy-prime-minister-of-kazakhstan"),
                ("person/murat-nurtleu", "position/foreign-minister-of-kazakhstan"),
            },
        ),
        (
            "Araghchi met Saudi Crown Prince and Prime Minister Mohammed bin Salman in Riyadh.",
            {
                ("person/mohammed-bin-salman", "position/crown-prince-of-saudi-arabia"),
                ("person/mohammed-bin-salman", "position/prime-minister-of-saudi-arabia"),
            },
        ),
    ],
)
def test_two_titles_before_a_name_are_two_offices_of_the_one_owner(text, holdings, layer):
    """ "Qatar's Prime Minister and Foreign Minister X": X holds both, for Qatar."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Oli will meet Zhao Leji, chairman of the National People's Congress Standing "
            "Committee, on Wednesday.",
            {
                (
                    "person/zhao-leji",
                    "position/chairman-of-national-people-s-congress-standing-committee",
                )
            },
        ),
        (  # a capitalised title before a body the article names: the title stays a title
            "Prabowo also met Zhao Leji, Chairman of the Standing Committee of the National "
            "People's Congress (NPC).",
            {
                (
                    "person/zhao-leji",
                    "position/chairman-of-standing-committee-of-the-national-people-s-congress",
                )
            },
        ),
        (  # a word in brackets between the body and the name
            "Lam met with Chairman of the State Great Khural (parliament) Dashzegviin "
            "Amarbayasgalan.",
            {("person/dashzegviin-amarbayasgalan", "position/chairman-of-state-great-khural")},
        ),
    ],
)
def test_a_body_named_with_a_possessive_inside_owns_the_title(text, holdings, layer):
    """ "People's" stands inside a name ("National People's Congress"): the whole name is one
    new body, whose chairman the person after it is."""
    assert held(text, layer) == holdings


def test_a_name_with_a_possessive_inside_is_no_person(layer):
    """ "the Monument to the People's Heroes": no person "People's Heroes"."""
    graph = extract("Lula laid a wreath at the Monument to the People's Heroes.", layer)
    assert ID["person/people-s-heroes"] not in set(graph.subjects())


def test_a_surname_followed_by_more_of_a_name_is_someone_else(layer):
    """ "Ahmed" of "Abiy Ahmed", before "Moallim Fiqi": a new person, who holds the office."""
    assert held(
        "Ethiopian Prime Minister Abiy Ahmed signed the deal. On Tuesday, Somalia's Foreign "
        "Minister Ahmed Moallim Fiqi delivered a letter to Cairo.",
        layer,
    ) == {
        ("person/abiy-ahmed", "position/prime-minister-of-ethiopia"),
        ("person/ahmed-moallim-fiqi", "position/foreign-minister-of-somalia"),
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # a public figure people.yaml knows: the country they serve
            "President Emmanuel Macron opened the fair on Monday.",
            {("person/emmanuel-macron", "position/president-of-france")},
        ),
        (  # the country the article ties the person to elsewhere
            "Estonia's Marta Kask arrived in Riga on Monday. Later, Foreign Minister Marta Kask "
            "signed the accord.",
            {("person/marta-kask", "position/foreign-minister-of-estonia")},
        ),
        (  # a titled person in a list keeps the office ("X and Y held talks")
            "Later, President Emmanuel Macron and Anna Berg held a private meeting.",
            {("person/emmanuel-macron", "position/president-of-france")},
        ),
        (  # a titled person whose office speaks still holds the office
            "President Emmanuel Macron's office said the talks would go on.",
            {("person/emmanuel-macron", "position/president-of-france")},
        ),
        (  # "NAME, TITLE;" in a list of attendees
            "The talks were attended by Hakan Fidan, Minister of Foreign Affairs; and others.",
            {("person/hakan-fidan", "position/foreign-minister-of-turkey")},
        ),
        (  # nobody says whose president: no holding
            "President Tomas Brel spoke to reporters on Monday.",
            set(),
        ),
    ],
)
def test_a_title_without_an_owner_is_the_office_of_the_persons_country(text, holdings, layer):
    """ "President X": the owner from `unowned_title_owners` (owners.py), or no holding."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Kenya's Ambassador to Japan, Tomas Brel, attended the opening.",
            {("person/tomas-brel", "position/ambassador-of-kenya-to-japan")},
        ),
        (
            "Chilean Ambassador to the United States Ana Pereira attended the opening.",
            {("person/ana-pereira", "position/ambassador-of-chile-to-united-states")},
        ),
    ],
)
def test_an_envoy_holds_the_office_of_the_owner_to_the_state_named(text, holdings, layer):
    """ "X's Ambassador to Y": the office is the owner's envoy to that state."""
    assert held(text, layer) == holdings


def test_a_bare_body_before_a_title_is_the_body_of_the_holders_country(layer):
    """ "Foreign Ministry spokeswoman Maria Zakharova": the spokesperson of the foreign ministry
    of the country people.yaml says she serves."""
    text = "Foreign Ministry spokeswoman Maria Zakharova told reporters the claims were false."
    assert held(text, layer) == {
        ("person/maria-zakharova", "position/spokesperson-of-foreign-ministry-of-russia")
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Treasury Secretary Scott Bessent spoke in Geneva.",
            {("person/scott-bessent", "position/treasury-secretary-of-united-states")},
        ),
        (
            "Chief Cabinet Secretary Yoshimasa Hayashi spoke in Osaka.",
            {("person/yoshimasa-hayashi", "position/chief-cabinet-secretary-of-japan")},
        ),
        (  # the UN's high commissioners in wire copy's short words: the long titles' offices
            "U.N. human rights chief Volker Turk met UN refugee chief Filippo Grandi in Geneva.",
            {
                (
                    "person/volker-turk",
                    "position/high-commissioner-for-human-rights-of-united-nations",
                ),
                (
                    "person/filippo-grandi",
                    "position/high-commissioner-for-refugees-of-united-nations",
                ),
            },
        ),
    ],
)
def test_offices_of_several_words_are_one_title(text, holdings, layer):
    """entities.yaml titles: "Treasury Secretary" is no "secretary" of a body "Treasury"."""
    assert held(text, layer) == holdings


def test_a_bare_title_repeats_the_office_of_that_kind_the_person_holds(layer):
    """ "Minister Brel" after "Tomas Brel, Minister of Foreign Affairs of Chile": the foreign
    minister again, not a second office "Minister of Chile"."""
    text = (
        "Tomas Brel, Minister of Foreign Affairs of Chile, arrived in Lima. Minister Brel met "
        "his hosts on Monday."
    )
    assert held(text, layer) == {("person/tomas-brel", "position/foreign-minister-of-chile")}


def test_a_title_before_a_name_is_not_lost_to_a_comma_and_the_next_title(layer):
    """ "with Italian Prime Minister Giorgia Meloni, Kenyan President William Ruto said": the
    apposition "Meloni, Kenyan President" is none (a name follows the title), and it must not
    hide the title before Meloni's name."""
    text = (
        "After talks with Italian Prime Minister Giorgia Meloni, Kenyan President William Ruto "
        "said the two countries would sign a trade deal."
    )
    assert held(text, layer) == {
        ("person/giorgia-meloni", "position/prime-minister-of-italy"),
        ("person/william-ruto", "position/president-of-kenya"),
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # two name particles in a row
            "European Commission President Ursula von der Leyen arrived in Vilnius.",
            {("person/ursula-von-der-leyen", "position/president-of-european-commission")},
        ),
        (  # an office of one state, in the lexicon's titles
            "Irish Taoiseach Simon Harris said in Dublin that recognition would keep hope alive.",
            {("person/simon-harris", "position/taoiseach-of-ireland")},
        ),
    ],
)
def test_names_with_two_particles_and_national_offices_are_read(text, holdings, layer):
    """ "Ursula von der Leyen", "Taoiseach Simon Harris": the whole name, the office."""
    assert held(text, layer) == holdings


def speakers(graph: Graph) -> set[str]:
    """The id paths of every agent of a graph's events."""
    return {str(o).removeprefix(str(ID)) for o in graph.objects(None, DIP.agent)}


def test_an_aide_is_a_title_and_the_aide_names_him_again(layer):
    """ "Kremlin aide Yuri Ushakov": an aide of the Kremlin, and "the Kremlin aide" later is he
    (entities.yaml `titles`)."""
    text = (
        "Kremlin aide Yuri Ushakov spoke on Monday. The Kremlin aide told journalists that the "
        "two presidents would meet soon."
    )
    assert speakers(extract(text, layer)) == {"person/yuri-ushakov"}
    assert held(text, layer) == {("person/yuri-ushakov", "position/aide-of-kremlin")}


def test_an_office_apposed_before_a_rank_and_a_name_is_the_office(layer):
    """ "The Minister of Foreign Affairs, Ambassador X,": X holds the office apposed, not the
    career rank before the name (title.the-title-comma-rank-name)."""
    text = (
        "Kenyan President William Ruto will travel to Somalia. The Minister of Foreign Affairs, "
        "Ambassador Musalia Mudavadi, will accompany the President."
    )
    mudavadi = {p for h, p in held(text, layer) if h == "person/musalia-mudavadi"}
    assert mudavadi == {"position/foreign-minister-of-kenya"}


@pytest.mark.parametrize(
    "text",
    [  # a person the names stage makes first, then an apposed title or national reference
        "Amina Bello, the Minister of Foreign Affairs of Nigeria, arrived on Monday.",
        "Amina Bello, the Nigerian foreign minister, arrived on Monday.",
    ],
)
def test_an_apposed_title_of_an_unknown_person_is_held(layer, text):
    """ "X, the Minister of Foreign Affairs of Nigeria,", "X, the Nigerian foreign minister,"
    with X unknown: X holds the office, its owner the title's."""
    assert held(text, layer) == {("person/amina-bello", "position/foreign-minister-of-nigeria")}


def test_the_organisation_a_title_names_is_remembered(layer):
    """ "X, the secretary-general of the OAS, ... the organization said": the OAS speaks."""
    text = (
        "Luis Almagro, the secretary-general of the Organization of American States, spoke on "
        "Monday. The council will meet next Tuesday, the organization said."
    )
    assert speakers(extract(text, layer)) == {"org/organization-of-american-states"}


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # a plural title before the names: each holds it, for the state each serves
            "Presidents Felix Tshisekedi and Paul Kagame met in Washington on Friday.",
            {
                (
                    "person/felix-tshisekedi",
                    "position/president-of-democratic-republic-of-the-congo",
                ),
                ("person/paul-kagame", "position/president-of-rwanda"),
            },
        ),
        (
            "Foreign Ministers Wang Yi, Sergei Lavrov and Hakan Fidan met in Moscow.",
            {
                ("person/wang-yi", "position/foreign-minister-of-china"),
                ("person/sergei-lavrov", "position/foreign-minister-of-russia"),
                ("person/hakan-fidan", "position/foreign-minister-of-turkey"),
            },
        ),
        (  # "X, a spokesman for Y's foreign ministry," (the apposition closed by its comma)
            "Majed al-Ansari, a spokesman for Qatar's foreign ministry, said talks would resume.",
            {("person/majed-al-ansari", "position/spokesperson-of-foreign-ministry-of-qatar")},
        ),
    ],
)
def test_plural_titles_and_a_spokesman_for_a_body(text, holdings, layer):
    """entities.yaml `plural_titles`; title pattern "NAME, a TITLE for OWNER,"."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Vucic and Kurti agreed after talks hosted by EU High Representative for Foreign "
            "Affairs and Security Policy Josep Borrell.",
            {("person/josep-borrell", "position/high-representative-of-european-union")},
        ),
        (
            "Pham Minh Chinh was received at the Palam airport by India's Minister of State for "
            "External Affairs Pabitra Margherita.",
            {
                (
                    "person/pabitra-margherita",
                    "position/minister-of-state-for-external-affairs-of-india",
                )
            },
        ),
    ],
)
def test_portfolios_after_a_title_and_for_belong_to_the_title(text, holdings, layer):
    """entities.yaml `title.title-for-portfolios-name`: "High Representative for Foreign
    Affairs and Security Policy X" makes X, who holds the office before "for"; a minister's
    portfolios are part of the office (`portfolio_titles`)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # "dos" inside the name (names.yaml `particles`)
            "Timor-Leste's Foreign Minister Bendito dos Santos Freitas attended as an observer.",
            {
                (
                    "person/bendito-dos-santos-freitas",
                    "position/foreign-minister-of-timor-leste",
                )
            },
        ),
        (  # three portfolios after "for", with a comma and "and"
            "India's Minister of State for Fisheries, Animal Husbandry and Dairying George "
            "Kurian attended.",
            {
                (
                    "person/george-kurian",
                    "position/minister-of-state-for-fisheries-animal-husbandry-and-dairying-of-india",
                )
            },
        ),
    ],
)
def test_a_name_particle_and_a_third_portfolio_stay_in_their_places(text, holdings, layer):
    """Title patterns read the particles names.yaml lists ("dos", "del", "abu") and up to three
    portfolios after "for" (entities.yaml `title.title-for-portfolios-name`)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # a state's ambassador with no destination, in a story datelined in another state
            "OSLO, March 5 (NTB) - Norway informed the Israeli ambassador, Avi Nir-Feldklein, "
            "of the decision.",
            {("person/avi-nir-feldklein", "position/ambassador-of-israel-to-norway")},
        ),
        (
            "MOSCOW, March 5. /TASS/. Russia's foreign ministry met Iranian Ambassador Kazem "
            "Jalali on Tuesday.",
            {("person/kazem-jalali", "position/ambassador-of-iran-to-russia")},
        ),
        (  # no dateline: the post stays without a destination
            "Norway informed the Israeli ambassador, Avi Nir-Feldklein, of the decision.",
            {("person/avi-nir-feldklein", "position/ambassador-of-israel")},
        ),
        (  # the post names its destination: kept as written
            "OSLO, March 5 (NTB) - Russian Ambassador to the United States Anatoly Antonov spoke.",
            {("person/anatoly-antonov", "position/ambassador-of-russia-to-united-states")},
        ),
        (  # the destination named after the name: kept as written, no guess
            "OSLO, March 5 (NTB) - Viktor Tatarintsev, Russia's ambassador to Sweden, spoke.",
            {("person/viktor-tatarintsev", "position/ambassador-of-russia-to-sweden")},
        ),
    ],
)
def test_an_envoy_without_destination_is_posted_to_the_datelines_state(text, holdings, layer):
    """Wire copy's "the Israeli ambassador" in a story from Oslo is Israel's ambassador to
    Norway (lexicon `envoy_title`; owners.send_envoys); the post without a destination is not
    kept beside it."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Ararat Mirzoyan spoke to Iran's acting Foreign Minister Ali Bagheri Kani.",
            {("person/ali-bagheri-kani", "position/acting-foreign-minister-of-iran")},
        ),
        (
            "Thailand's caretaker Prime Minister Phumtham Wechayachai spoke.",
            {("person/phumtham-wechayachai", "position/caretaker-prime-minister-of-thailand")},
        ),
        (  # "then-" names the office held then: the office itself
            "Putin met Mongolia's then-President Khaltmaagiin Battulga.",
            {("person/khaltmaagiin-battulga", "position/president-of-mongolia")},
        ),
    ],
)
def test_a_title_prefix_makes_an_office_of_its_own_or_the_same(text, holdings, layer):
    """entities.yaml `title_prefixes`: "acting", "interim", "caretaker" and "then-" before any
    title."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holding"),
    [
        (  # the body's title after the name, the body a reference ("the ministry")
            "Qatar's foreign ministry announced the deal. Majed al-Ansari, the ministry's "
            "spokesperson, told reporters in Doha that the pause would start on Friday.",
            ("person/majed-al-ansari", "position/spokesperson-of-foreign-ministry-of-qatar"),
        ),
        (  # a body with no state before the titled name: the dateline's ministry
            "PARIS, March 6 (AFP) - France expelled two Azerbaijani diplomats on Wednesday, "
            "foreign ministry spokeswoman Anne-Claire Legendre said in a statement.",
            (
                "person/anne-claire-legendre",
                "position/spokesperson-of-foreign-ministry-of-france",
            ),
        ),
        (  # "its": the organisation last named
            "Ethiopia's foreign ministry did not comment. Its spokesperson, Nebiat Getachew, "
            "has previously rejected the accusations.",
            ("person/nebiat-getachew", "position/spokesperson-of-foreign-ministry-of-ethiopia"),
        ),
        (  # "the group's" with the title set off by commas: the organisation named last
            "BEIRUT, March 6 (Reuters) - Hezbollah said it would not disarm. The group's "
            "leader, Naim Qassem, met Iran's foreign minister on Wednesday.",
            ("person/naim-qassem", "position/leader-of-hezbollah"),
        ),
        (
            "NATO defence ministers met in Brussels. The alliance's secretary general, Mark "
            "Rutte, told reporters that Ukraine would get more air defence.",
            (
                "person/mark-rutte",
                "position/secretary-general-of-north-atlantic-treaty-organization",
            ),
        ),
        (  # "the party's": the party named last, not the body named after it
            "LONDON, March 6 (Reuters) - The Labour Party won the vote. The European Union "
            "welcomed the result. The party's leader, Peter Smithson, met Ukraine's president.",
            ("person/peter-smithson", "position/leader-of-labour-party"),
        ),
    ],
)
def test_a_title_whose_body_only_coreference_names(text, holding, layer):
    """mentions.body_titles: the owner of a title is a body resolved after the titles stage."""
    assert {h for h in held(text, layer) if h[0] == holding[0]} == {holding}


@pytest.mark.parametrize(
    ("text", "holding"),
    [
        (  # the nationality before the title (read so before "former" was a prefix)
            "The delegation was led by former Malawian president Joyce Banda.",
            ("person/joyce-banda", "position/president-of-malawi"),
        ),
        (
            "He met Kenya's former president Uhuru Kenyatta.",
            ("person/uhuru-kenyatta", "position/president-of-kenya"),
        ),
        (
            "Ghanaian President John Mahama was sworn in. Captain Traore was received by the "
            "outgoing foreign minister, Shirley Ayorkor Botchwey.",
            ("person/shirley-ayorkor-botchwey", "position/foreign-minister-of-ghana"),
        ),
    ],
)
def test_a_former_or_outgoing_holder_held_the_office(text, holding, layer):
    """entities.yaml title_prefixes: "former", "outgoing" (as "then-") name the office itself,
    which the readers record for a former holder too."""
    assert {h for h in held(text, layer) if h[0] == holding[0]} == {holding}


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # one owner before a plural title: everyone's
            "The order was bestowed on former US presidents Bill Clinton and George Bush.",
            {
                ("person/bill-clinton", "position/president-of-united-states"),
                ("person/george-bush", "position/president-of-united-states"),
            },
        ),
        (  # as many owners as people: one each, in order
            "Polish and Ukrainian agriculture ministers Czeslaw Siekierski and Mykola Solskyi met.",
            {
                ("person/czeslaw-siekierski", "position/agriculture-minister-of-poland"),
                ("person/mykola-solskyi", "position/agriculture-minister-of-ukraine"),
            },
        ),
    ],
)
def test_the_owners_before_a_plural_title_own_each_listed_holders_office(text, holdings, layer):
    """mentions.share_plural_titles with the states named before the plural title."""
    assert held(text, layer) == holdings


def test_an_opposition_leader_is_an_office_of_the_state_named(layer):
    """entities.yaml titles: "opposition leader" is a title, so that "met Kenyan opposition
    leader Raila Odinga" names a person with an office, not "leader" after a stray word."""
    assert held("Kenyan opposition leader Raila Odinga met Ruto.", layer) == {
        ("person/raila-odinga", "position/opposition-leader-of-kenya")
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # entities.yaml titles: "presidential spokesman" is an office of its own
            "In a statement, Nigeria's presidential spokesman Bayo Onanuga said Tinubu had "
            "congratulated Mahama.",
            {("person/bayo-onanuga", "position/presidential-spokesperson-of-nigeria")},
        ),
        (
            "Ghana Chief Justice Gertrude Torkornoo administered the oath.",
            {("person/gertrude-torkornoo", "position/chief-justice-of-ghana")},
        ),
        (  # "Secretary of Defense" is the defence secretary's office (one IRI for the office)
            "US Secretary of Defense Lloyd Austin met Shin Won-sik.",
            {("person/lloyd-austin", "position/defence-secretary-of-united-states")},
        ),
    ],
)
def test_presidential_spokespeople_and_chief_justices(text, holdings, layer):
    """The titles "presidential spokesperson", "chief justice" and the words "Secretary of
    Defense"."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # a government's own office, named bare in a story from its capital
            "OSLO, March 5 (Reuters) - Norway will recognise a Palestinian state, Foreign "
            "Minister Kari Haugland said on Tuesday.",
            {("person/kari-haugland", "position/foreign-minister-of-norway")},
        ),
        (  # an acting head of government
            "BANGKOK, March 5 (Thai PBS) - Acting Prime Minister Somchai Wongsa told reporters "
            "that Thailand would defend its sovereignty.",
            {("person/somchai-wongsa", "position/acting-prime-minister-of-thailand")},
        ),
        (  # a spokesperson is as often another body's: no guess
            "OSLO, March 5 (Reuters) - Norway will recognise a Palestinian state, spokesperson "
            "Kari Haugland said on Tuesday.",
            set(),
        ),
        (  # the owner the sentence names wins over the dateline
            "OSLO, March 5 (Reuters) - Prime Minister Lars Bergstad of Sweden met King Harald.",
            {("person/lars-bergstad", "position/prime-minister-of-sweden")},
        ),
        (  # the home parliament's opposition leader, capitalised as Canadian copy writes it
            "OTTAWA, March 5 (Reuters) - Opposition Leader Pierre Poilievre met Ukrainian "
            "President Volodymyr Zelenskiy on Tuesday.",
            {
                ("person/pierre-poilievre", "position/opposition-leader-of-canada"),
                ("person/volodymyr-zelensky", "position/president-of-ukraine"),
            },
        ),
    ],
)
def test_a_bare_government_title_is_the_office_of_the_datelines_state(text, holdings, layer):
    """entities.yaml `unowned_title_owners` `dateline` for the `dateline_titles` only."""
    assert held(text, layer) == holdings


def test_the_chancellor_of_latin_american_copy_is_the_foreign_minister(layer):
    """entities.yaml `title_epithets`: "the chancellor" (Spanish "canciller") is the foreign
    minister when no one in the story is titled chancellor."""
    text = (
        "LIMA, March 5 (Andina) - Peru declared the Mexican ambassador persona non grata, "
        "Peruvian Foreign Minister Ana Quispe announced on Tuesday. In a message to the nation, "
        "the chancellor said the measure was adopted because of interference."
    )
    graph = extract(text, layer)
    statements = set(graph.subjects(RDF.type, DIP.Statement))
    assert len(statements) == 2
    assert {str(graph.value(s, DIP.agent)).removeprefix(str(ID)) for s in statements} == {
        "person/ana-quispe"
    }


def test_a_chancellor_named_so_is_the_chancellor_not_the_foreign_minister(layer):
    """`title_epithets` give way to the title itself: "the chancellor" of a German story."""
    text = (
        "BERLIN, March 5 (dpa) - Chancellor Olaf Scholz met Foreign Minister Annalena Baerbock "
        "on Tuesday. Baerbock then flew to Paris. Later, the chancellor said Germany would help."
    )
    graph = extract(text, layer)
    statements = graph.subjects(RDF.type, DIP.Statement)
    agents = {str(graph.value(s, DIP.agent)).removeprefix(str(ID)) for s in statements}
    assert agents == {"person/olaf-scholz"}


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # portfolios before the title, the owner from the dateline
            "KUALA LUMPUR, March 5 (Bernama) -- Li was welcomed at the airport by Investment, "
            "Trade and Industry Minister Tengku Zafrul Aziz.",
            {
                (
                    "person/tengku-zafrul-aziz",
                    "position/investment-trade-and-industry-minister-of-malaysia",
                )
            },
        ),
        (  # portfolios after "for", the owner from the dateline
            "NEW DELHI, March 5 (PTI) Chinh was received at the airport by Minister of State "
            "for External Affairs Kavita Rao.",
            {("person/kavita-rao", "position/minister-of-state-for-external-affairs-of-india")},
        ),
    ],
)
def test_a_ministers_portfolios_name_the_office(text, holdings, layer):
    """entities.yaml `portfolio_titles`: the portfolios a title rule reads (role `portfolio`)
    name the new office, which is the dateline state's when the sentence names no owner."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # a courtesy title between the owner's office and a new name
            "Nigerian Foreign Minister Ambassador Bola Adeyemi met Ronald Lamola in Pretoria.",
            {("person/bola-adeyemi", "position/foreign-minister-of-nigeria")},
        ),
        (  # the office apposed before the courtesy title and the name
            "The session was co-chaired by the Minister of Foreign Affairs of Nigeria, "
            "Ambassador Bola Adeyemi.",
            {("person/bola-adeyemi", "position/foreign-minister-of-nigeria")},
        ),
        (  # a style is no part of the name
            "Murmu will visit Wellington at the invitation of New Zealand Governor-General Dame "
            "Cindy Kiro.",
            {("person/cindy-kiro", "position/governor-general-of-new-zealand")},
        ),
    ],
)
def test_a_courtesy_title_before_the_name_is_neither_the_office_nor_the_name(text, holdings, layer):
    """lexicon.yaml `courtesy_word` in entities.yaml `title.title-rank-name` (now with the
    owner before the title) and `title.the-title-of-owner-comma-name`."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # posted "in" a city: to its country
            "The Kremlin criticised Denmark, with Russia's ambassador in Copenhagen, Oleg "
            "Borisov, calling the deliveries an escalation.",
            {("person/oleg-borisov", "position/ambassador-of-russia-to-denmark")},
        ),
        (  # the office of a state to another, apposed before a name of three parts
            "Kuwait handed a protest note to the Ambassador of the Republic of Iraq to Kuwait, "
            "Al-Manhal Al-Safi.",
            {("person/al-manhal-al-safi", "position/ambassador-of-iraq-to-kuwait")},
        ),
    ],
)
def test_an_envoy_in_a_city_or_of_a_state_to_another_is_posted_there(text, holdings, layer):
    """entities.yaml `title.owner-title-to-destination-name` ("to" or "in" a country or a
    city) and `title.title-of-owner-to-destination-name`."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # a state as the dateline
            "KUWAIT, March 5 (KUNA) -- Foreign Minister Salem Al-Sabah received a phone call "
            "from Iraqi Foreign Minister Fuad Hussein.",
            {
                ("person/salem-al-sabah", "position/foreign-minister-of-kuwait"),
                ("person/fuad-hussein", "position/foreign-minister-of-iraq"),
            },
        ),
        (  # no dateline: the country of the outlet the opening lines name
            "Indian President conferred Fiji's highest honour\n\nFiji Village\nTuesday "
            "05/03/2024\n\nMurmu was welcomed by Deputy Prime Minister Biman Prasad before "
            "travelling to Suva.",
            {("person/biman-prasad", "position/deputy-prime-minister-of-fiji")},
        ),
    ],
)
def test_a_bare_government_title_without_a_dateline_city(text, holdings, layer):
    """pipeline.title_home: a state named as the dateline, else the outlet's country
    (`schema:location` of the news agency), owns the `dateline_titles` named bare."""
    assert held(text, layer) == holdings


def test_a_delegations_leader_holds_the_senders_office_not_the_hosts(layer):
    """pipeline.delegation_ties: the state a delegation comes from owns its leader's bare
    title before the dateline's state does."""
    text = (
        "NAIROBI, March 5 (KNA) -- Ruto later met a delegation from Eswatini led by Prime "
        "Minister Cleopas Sipho Dlamini."
    )
    assert held(text, layer) == {
        ("person/cleopas-sipho-dlamini", "position/prime-minister-of-eswatini")
    }


def test_an_organisations_acronym_apposed_before_the_holders_name(layer):
    """entities.yaml `title.the-title-of-owner-comma-name`: "the Secretary-General of the Gulf
    Cooperation Council (GCC), X," (the acronym in brackets between the owner and the name)."""
    text = (
        "The Secretary-General of the Gulf Cooperation Council (GCC), Jasem Albudaiwi, "
        "affirmed the council's full support for Kuwait."
    )
    assert held(text, layer) == {
        ("person/jasem-albudaiwi", "position/secretary-general-of-gulf-cooperation-council")
    }


def test_a_person_owning_a_title_owns_it_through_the_office_they_hold(layer):
    """mentions.find_titles: "Orban's chief of staff" after "Prime Minister Viktor Orban" is
    the chief of staff of the prime minister of Hungary, not of the man."""
    text = (
        "Prime Minister Viktor Orban spoke on Monday. Orban's chief of staff, Gergely Gulyas, "
        "said the vote would come soon."
    )
    assert held(text, layer) == {
        ("person/viktor-orban", "position/prime-minister-of-hungary"),
        ("person/gergely-gulyas", "position/chief-of-staff-of-prime-minister-of-hungary"),
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # "his" of the sentence's titled person
            "UN Secretary-General Antonio Guterres welcomed the outcome, his spokesman Stephane "
            "Dujarric told reporters in New York.",
            {
                ("person/antonio-guterres", "position/secretary-general-of-united-nations"),
                (
                    "person/stephane-dujarric",
                    "position/spokesperson-of-secretary-general-of-united-nations",
                ),
            },
        ),
        (  # "his" of the last sentence's subject
            "Russian President Vladimir Putin met Xi on Tuesday. His aide Yuri Ushakov said the "
            "talks went well.",
            {
                ("person/vladimir-putin", "position/president-of-russia"),
                ("person/yuri-ushakov", "position/aide-of-president-of-russia"),
            },
        ),
        (  # a minister is no staff of the president: the office of the state
            "Lula spoke to Biden on Tuesday, his foreign minister Mauro Vieira said.",
            {("person/mauro-vieira", "position/foreign-minister-of-brazil")},
        ),
    ],
)
def test_his_spokesman_is_the_staff_of_the_office_he_holds(text, holdings, layer):
    """entities.yaml `title.principals-staff` (role `principal`): "his spokesman X" is the
    spokesperson of the office of the person "his" stands for."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # "special envoy" is an office of its own, as readers record it
            "The EU's special envoy Miroslav Lajcak said the talks had failed.",
            {("person/miroslav-lajcak", "position/special-envoy-of-european-union")},
        ),
        (  # the region an envoy is for is part of the office
            "Russia's special envoy for the Middle East, Mikhail Bogdanov, said the talks had "
            "failed.",
            {("person/mikhail-bogdanov", "position/special-envoy-for-the-middle-east-of-russia")},
        ),
    ],
)
def test_a_special_envoy_and_the_region_an_envoy_is_for(text, holdings, layer):
    """entities.yaml titles (`special envoy`) and `title.envoy-for-region-name` (a title
    word list with a space matches the merged title unit: rules.compile_token)."""
    assert held(text, layer) == holdings


def test_an_offices_staff_position_belongs_to_the_offices_owner(layer):
    """mentions.new_position: "Orban's chief of staff" is named after the prime minister's
    office but is dip:positionOf Hungary (an agent), as the shapes require."""
    text = (
        "Hungarian Prime Minister Viktor Orban's chief of staff, Gergely Gulyas, said the vote "
        "would come soon."
    )
    graph = extract(text, layer)
    owners = {
        (str(s).removeprefix(str(ID)), str(o).removeprefix(str(ID)))
        for s, o in graph.subject_objects(DIP.positionOf)
        if "chief-of-staff" in str(s)
    }
    assert owners == {("position/chief-of-staff-of-prime-minister-of-hungary", "country/hungary")}


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # a secretary of state's counterpart is the other state's foreign minister
            "BEIJING, April 26 (Reuters) U.S. Secretary of State Antony Blinken met his Chinese "
            "counterpart Wang Yi in Beijing on Friday.",
            {
                ("person/antony-blinken", "position/secretary-of-state-of-united-states"),
                ("person/wang-yi", "position/foreign-minister-of-china"),
            },
        ),
        (  # so is a foreign secretary's
            "LONDON, Nov 12 (PA) British Foreign Secretary David Lammy held talks with his German "
            "counterpart Annalena Baerbock in London on Tuesday.",
            {
                ("person/david-lammy", "position/foreign-secretary-of-united-kingdom"),
                ("person/annalena-baerbock", "position/foreign-minister-of-germany"),
            },
        ),
        (  # and an external affairs minister's
            "NEW DELHI, July 4 (PTI) External Affairs Minister S Jaishankar held talks with his "
            "Chinese counterpart Wang Yi on Thursday.",
            {
                ("person/s-jaishankar", "position/external-affairs-minister-of-india"),
                ("person/wang-yi", "position/foreign-minister-of-china"),
            },
        ),
    ],
)
def test_a_counterpart_of_a_national_title_holds_the_common_office(text, holdings, layer):
    """entities.yaml `counterpart_titles`: the counterpart of a title one state gives an office
    every state has holds the common office (mentions.find_titles)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # "She is accompanied by": the pronoun is the last sentence's first person
            "SUVA, Aug 5 (Fiji Village) Indian President Droupadi Murmu arrived in Suva on "
            "Monday. She is accompanied by Minister of State George Kurian and two members of "
            "parliament.",
            {
                ("person/droupadi-murmu", "position/president-of-india"),
                ("person/george-kurian", "position/minister-of-state-of-india"),
            },
        ),
        (  # set off by commas after the leader
            "SUVA, Aug 5 (Fiji Village) Indian President Droupadi Murmu, accompanied by Minister "
            "of State George Kurian, arrived in Suva on Monday.",
            {
                ("person/droupadi-murmu", "position/president-of-india"),
                ("person/george-kurian", "position/minister-of-state-of-india"),
            },
        ),
        (  # closing the clause, the leader further back
            "ADDIS ABABA, Jan 4 (Reuters) Kenyan President William Ruto arrived in Addis Ababa "
            "on Thursday, accompanied by Defence Minister Soipan Tuya.",
            {
                ("person/william-ruto", "position/president-of-kenya"),
                ("person/soipan-tuya", "position/defence-minister-of-kenya"),
            },
        ),
    ],
)
def test_a_travellers_companions_hold_their_titles_for_the_travellers_state(text, holdings, layer):
    """entities.yaml `delegation.accompanied-by`: the people accompanying a leader are the
    leader's delegation and hold their bare titles for its state, not the dateline's."""
    assert held(text, layer) == holdings


def test_a_military_rank_is_no_office(layer):
    """A rank before a name ("Niger's General X", "Colonel Y") is a career grade, not a position
    the person holds (lexicon `rank_word`, no entry of entities.yaml `titles`); the office
    beside it still is."""
    text = (
        "NIAMEY, July 6 (Reuters) Niger's General Abdourahamane Tiani hosted Mali's Colonel "
        "Assimi Goita. Niger's Prime Minister Ali Lamine Zeine also attended."
    )
    assert held(text, layer) == {("person/ali-lamine-zeine", "position/prime-minister-of-niger")}


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "DOHA, Jan 15 (Reuters) Mossad chief David Barnea flew to Doha on Monday.",
            {("person/david-barnea", "position/chief-of-mossad")},
        ),
        (
            "TEHRAN, July 30 (IRNA) Hamas political bureau chief Ismail Haniyeh attended the "
            "ceremony in Tehran.",
            {("person/ismail-haniyeh", "position/political-bureau-chief-of-hamas")},
        ),
        (
            "CAIRO, Feb 8 (AFP) Hamas political leader Ismail Haniyeh arrived in Cairo.",
            {("person/ismail-haniyeh", "position/political-leader-of-hamas")},
        ),
    ],
)
def test_a_chief_is_named_as_the_copy_names_the_office(text, holdings, layer):
    """entities.yaml titles: "chief", "political leader" and "political bureau chief" are
    offices of their own words, as readers record them, not the leader's."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "SKOPJE, Feb 2 (MIA) Washington's envoy for the Western Balkans, Gabriel Escobar, "
            "said the leaders had shown courage.",
            {
                (
                    "person/gabriel-escobar",
                    "position/envoy-for-the-western-balkans-of-united-states",
                )
            },
        ),
        (
            "PARIS, Feb 2 (AFP) Beijing's ambassador to France, Lu Shaye, was summoned on Monday.",
            {("person/lu-shaye", "position/ambassador-of-china-to-france")},
        ),
        (
            "SKOPJE, Feb 2 (MIA) Moscow's ambassador, Alexander Botsan-Kharchenko, criticised "
            "the deal.",
            {
                (
                    "person/alexander-botsan-kharchenko",
                    "position/ambassador-of-russia-to-north-macedonia",
                )
            },
        ),
    ],
)
def test_a_capitals_possessive_owns_its_states_office(text, holdings, layer):
    """entities.yaml title rules: "Washington's envoy for ...", "Beijing's ambassador to X, Y",
    "Moscow's ambassador, Y,": the capital stands for its state, the dateline's state is not
    the owner."""
    assert held(text, layer) == holdings


def test_the_city_of_a_capitals_possessive_is_still_mentioned(layer):
    """Mention.named: the city the owner's words name stays one the sentence mentions when the
    title takes its state for the owner."""
    graph = extract(
        "SKOPJE, Feb 2 (MIA) Moscow's ambassador Alexander Botsan-Kharchenko criticised the deal.",
        layer,
    )
    mentioned = {str(o).removeprefix(str(ID)) for o in graph.objects(None, DIP.mentions)}
    assert {"city/moscow", "country/russia"} <= mentioned


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "KYIV, Feb 2 (Reuters) Kyiv Mayor Vitali Klitschko said the city was ready.",
            {("person/vitali-klitschko", "position/mayor-of-kyiv")},
        ),
        (
            "LONDON, Feb 2 (Reuters) London Mayor Sadiq Khan welcomed the decision.",
            {("person/sadiq-khan", "position/mayor-of-london")},
        ),
    ],
)
def test_a_capitals_mayor_is_the_citys_not_the_states(text, holdings, layer):
    """entities.yaml `city_titles`: a city's own office before which a capital names the city
    (mentions._owners, `local`), not the state the capital stands for."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # the Republic of the Congo's capital named: its president
            "BRAZZAVILLE, Jan 8 (Xinhua) Chinese Foreign Minister Wang Yi met Congolese President "
            "Denis Sassou Nguesso in Brazzaville on Tuesday.",
            {
                ("person/wang-yi", "position/foreign-minister-of-china"),
                ("person/denis-sassou-nguesso", "position/president-of-republic-of-the-congo"),
            },
        ),
        (  # guard: the other Congo's capital named, the first listed state
            "KINSHASA, Jan 8 (Reuters) Congolese President Felix Tshisekedi returned to Kinshasa "
            "on Tuesday.",
            {("person/felix-tshisekedi", "position/president-of-democratic-republic-of-the-congo")},
        ),
        (  # guard: no state named, the first listed
            "Lamola met Congolese President Denis Sassou Nguesso on Tuesday.",
            {
                (
                    "person/denis-sassou-nguesso",
                    "position/president-of-democratic-republic-of-the-congo",
                )
            },
        ),
    ],
)
def test_an_adjective_two_states_share_is_the_state_the_article_names(text, holdings, layer):
    """entities.yaml `shared_nationalities` (gazetteer.shared_nationals): "Congolese" is the
    Congo whose names and cities' names the article uses more, the first listed on a tie."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # each side's people, in one sentence
            "MOSCOW, April 22 (ONA) Sultan Haitham bin Tarik held talks with President Vladimir "
            "Putin. The talks were attended on the Omani side by Sayyid Hamad bin Saif Al "
            "Rawahi, Minister of Economy, and on the Russian side by Anton Siluanov, Minister of "
            "Finance.",
            {
                ("person/haitham-bin-tarik", "position/sultan-of-oman"),
                ("person/vladimir-putin", "position/president-of-russia"),
                ("person/hamad-bin-saif-al-rawahi", "position/economy-minister-of-oman"),
                ("person/anton-siluanov", "position/finance-minister-of-russia"),
            },
        ),
        (  # "the Omani delegation included"
            "MOSCOW, April 22 (ONA) Sultan Haitham bin Tarik held talks with President Vladimir "
            "Putin. The Omani delegation included Foreign Minister Hamad Al Rawahi.",
            {
                ("person/haitham-bin-tarik", "position/sultan-of-oman"),
                ("person/vladimir-putin", "position/president-of-russia"),
                ("person/hamad-al-rawahi", "position/foreign-minister-of-oman"),
            },
        ),
        (  # "Attending the talks from the Omani side were"
            "BEIJING, April 22 (Xinhua) Xi Jinping held talks with Sultan Haitham bin Tarik. "
            "Attending the talks from the Omani side were Foreign Minister Hamad Al Rawahi and "
            "senior officials.",
            {
                ("person/haitham-bin-tarik", "position/sultan-of-oman"),
                ("person/hamad-al-rawahi", "position/foreign-minister-of-oman"),
            },
        ),
        (  # "attended from the Indian side by"
            "RIYADH, April 22 (SPA) Crown Prince Mohammed bin Salman received Indian Prime "
            "Minister Narendra Modi. The meeting was attended from the Indian side by National "
            "Security Adviser Rakesh Kumar.",
            {
                ("person/mohammed-bin-salman", "position/crown-prince-of-saudi-arabia"),
                ("person/narendra-modi", "position/prime-minister-of-india"),
                ("person/rakesh-kumar", "position/national-security-adviser-of-india"),
            },
        ),
    ],
)
def test_the_people_of_a_side_or_a_delegation_hold_its_states_offices(text, holdings, layer):
    """entities.yaml `delegation.side` and `delegation.included`: "attended on the Omani side
    by X, Minister of Y", "the Omani delegation included X": the side's state owns their bare
    titles, not the dateline's (owners.own_titles, `ties`)."""
    assert held(text, layer) == holdings


def test_a_presidential_aide_is_the_aide_to_the_president(layer):
    """entities.yaml titles: "presidential aide" is the aide to the president, as readers name
    the office."""
    text = "RIYADH, Feb 18 (TASS) Russian presidential aide Yury Ushakov attended the talks."
    # people.yaml lists Yuri Ushakov (session 34): "Yury" is his name's other spelling
    assert held(text, layer) == {("person/yuri-ushakov", "position/aide-to-president-of-russia")}


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "ANKARA, March 3 (AA) Energy and Natural Resources Minister Alparslan Bayraktar "
            "signed the deal.",
            {
                (
                    "person/alparslan-bayraktar",
                    "position/energy-and-natural-resources-minister-of-turkey",
                )
            },
        ),
        (
            "ANKARA, March 3 (AA) Turkey's Energy and Natural Resources Minister Alparslan "
            "Bayraktar signed the deal.",
            {
                (
                    "person/alparslan-bayraktar",
                    "position/energy-and-natural-resources-minister-of-turkey",
                )
            },
        ),
    ],
)
def test_portfolios_on_both_sides_of_and_name_the_office(text, holdings, layer):
    """entities.yaml `title.portfolios-title-name`: capitalised portfolio words after the "and"
    as well ("Energy and Natural Resources Minister X")."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # the owner named
            "WASHINGTON, March 3 (AP) U.S. first lady Jill Biden toured the garden.",
            {("person/jill-biden", "position/first-lady-of-united-states")},
        ),
        (  # the state of the president named before her
            "TOKYO, April 14 (Kyodo) Philippine President Ferdinand Marcos Jr. and First Lady "
            "Liza Araneta-Marcos arrived in Tokyo on Thursday.",
            {
                ("person/ferdinand-marcos-jr", "position/president-of-philippines"),
                ("person/liza-araneta-marcos", "position/first-lady-of-philippines"),
            },
        ),
        (  # accompanying him: his delegation's state
            "BEIJING, April 14 (Xinhua) Brazilian President Luiz Inacio Lula da Silva, "
            "accompanied by First Lady Rosangela da Silva, arrived in Beijing.",
            {
                ("person/luiz-inacio-lula-da-silva", "position/president-of-brazil"),
                ("person/rosangela-da-silva", "position/first-lady-of-brazil"),
            },
        ),
    ],
)
def test_a_first_lady_is_the_first_lady_of_her_spouses_state(text, holdings, layer):
    """entities.yaml titles `first lady` and `spouse_titles`: with no owner named, the state of
    the office the person named before her holds (owners._last_holders_country)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # the dateline's foreign minister is the counterpart named: no guess for the visitor
            "MOSCOW, April 22 (ONA) Foreign Minister Hamad Al Rawahi held talks with his Russian "
            "counterpart Sergei Lavrov in Moscow on Tuesday.",
            {("person/sergei-lavrov", "position/foreign-minister-of-russia")},
        ),
        (
            # a name people.yaml does not know (it lists Sjafrie Sjamsoeddin since session 34)
            "BEIJING, April 22 (Antara) Defence Minister Budi Santoso Wirawan and Chinese Defence "
            "Minister Dong Jun signed the deal.",
            {("person/dong-jun", "position/defence-minister-of-china")},
        ),
        (  # guard: a deputy's office has many holders
            "MOSCOW, April 22 (TASS) Deputy Foreign Minister Andrei Rudenko and Russian Deputy "
            "Foreign Minister Sergei Ryabkov attended.",
            {
                ("person/andrei-rudenko", "position/deputy-foreign-minister-of-russia"),
                ("person/sergei-ryabkov", "position/deputy-foreign-minister-of-russia"),
            },
        ),
    ],
)
def test_the_datelines_office_held_by_another_in_the_sentence_is_no_guess(text, holdings, layer):
    """owners._taken: a bare title's office from the dateline is not given when another person
    of the sentence holds that office (of one holder) with its owner named."""
    assert held(text, layer) == holdings


def test_a_headlines_name_and_title_before_a_plural_verb_are_two_people(layer):
    """names.yaml `person_cues_after`: "Lavrov, Kazakh top diplomat discuss ..." lists two
    people (a headline's plural verb), so Lavrov holds no Kazakh office."""
    text = (
        "Lavrov, Kazakh top diplomat discuss preparations for Putin's visit\n\n"
        "MOSCOW, October 24 (TASS) - Russian Foreign Minister Sergey Lavrov met Kazakh Foreign "
        "Minister Murat Nurtleu in Moscow on Tuesday."
    )
    assert {h for h in held(text, layer) if h[0] == "person/sergei-lavrov"} == {
        ("person/sergei-lavrov", "position/foreign-minister-of-russia")
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "ISLAMABAD, March 3 (APP) Prime Minister Shehbaz Sharif met Chief of Army Staff "
            "General Asim Munir on Monday.",
            {
                ("person/shehbaz-sharif", "position/prime-minister-of-pakistan"),
                ("person/asim-munir", "position/chief-of-army-staff-of-pakistan"),
            },
        ),
        (  # guard: the army chief named so
            "ISLAMABAD, March 3 (Reuters) Pakistan's army chief Asim Munir met the envoy.",
            {("person/asim-munir", "position/army-chief-of-pakistan")},
        ),
        (  # the dateline's chief of the general staff (entities.yaml dateline_titles)
            "MOSCOW, March 3 (TASS) Chief of the General Staff Valery Gerasimov met the Indian "
            "military attache on Monday.",
            {("person/valery-gerasimov", "position/chief-of-general-staff-of-russia")},
        ),
    ],
)
def test_a_chief_of_army_staff_keeps_the_copys_words(text, holdings, layer):
    """entities.yaml titles: "Chief of Army Staff" and "Chief of the General Staff" are offices
    of their own words, as readers record them, not the army chief's."""
    assert held(text, layer) == holdings


def test_a_ceo_keeps_the_copys_word(layer):
    """entities.yaml titles: "CEO" is an office of its own word (label "CEO of ..."), as readers
    record it, not the chief executive's."""
    text = (
        "ABU DHABI, March 3 (WAM) The deal was signed by Tareq Al Hosani, CEO of the Tawazun "
        "Council, on Monday."
    )
    assert held(text, layer) == {("person/tareq-al-hosani", "position/ceo-of-tawazun-council")}


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # the state is the office's owner's, not the title's
            "KYIV, March 3 (Reuters) Andriy Yermak, the head of Ukraine's presidential office, "
            "also attended.",
            set(),
        ),
        (  # guard: the owner ends the phrase
            "NAIROBI, March 3 (Reuters) William Ruto, the president of Kenya, also attended.",
            {("person/william-ruto", "position/president-of-kenya")},
        ),
    ],
)
def test_an_owner_followed_by_a_possessive_owns_no_title(text, holdings, layer):
    """mentions._possessed_owner: a title match that ends with its owner before "'s" is dropped
    ("the head of Ukraine's presidential office" is no head of Ukraine)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "WASHINGTON, March 3 (AP) The foreign ministers of Armenia and Azerbaijan, Ararat "
            "Mirzoyan and Jeyhun Bayramov, met in Washington.",
            {
                ("person/ararat-mirzoyan", "position/foreign-minister-of-armenia"),
                ("person/jeyhun-bayramov", "position/foreign-minister-of-azerbaijan"),
            },
        ),
        (
            "ABU DHABI, March 3 (WAM) The presidents of Kenya, Uganda and Tanzania, William Ruto, "
            "Yoweri Museveni and Samia Suluhu Hassan, signed the treaty.",
            {
                ("person/william-ruto", "position/president-of-kenya"),
                ("person/yoweri-museveni", "position/president-of-uganda"),
                ("person/samia-suluhu-hassan", "position/president-of-tanzania"),
            },
        ),
    ],
)
def test_a_plural_title_of_listed_states_gives_each_holder_in_order(text, holdings, layer):
    """mentions._owners_after: "the foreign ministers of A and B, X and Y": the states after
    the plural title own the listed holders' offices in order (mentions.share_plural_titles)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "ARUSHA, March 3 (Xinhua) The summit was attended by Presidents William Ruto of "
            "Kenya, Yoweri Museveni of Uganda and Samia Suluhu Hassan of Tanzania.",
            {
                ("person/william-ruto", "position/president-of-kenya"),
                ("person/yoweri-museveni", "position/president-of-uganda"),
                ("person/samia-suluhu-hassan", "position/president-of-tanzania"),
            },
        ),
        (
            "WASHINGTON, March 3 (AP) The two foreign ministers, Ararat Mirzoyan of Armenia and "
            "Jeyhun Bayramov of Azerbaijan, met in Washington.",
            {
                ("person/ararat-mirzoyan", "position/foreign-minister-of-armenia"),
                ("person/jeyhun-bayramov", "position/foreign-minister-of-azerbaijan"),
            },
        ),
    ],
)
def test_each_holder_of_a_plural_title_takes_the_state_after_their_name(text, holdings, layer):
    """mentions._listed_people: "Presidents A of Kenya, B of Uganda and C of Tanzania" and
    "the two foreign ministers, A of X and B of Y,": the state after each name is theirs."""
    assert held(text, layer) == holdings


def test_a_plural_title_after_its_holders_names_gives_each_the_state_in_order(layer):
    """mentions._people_before and _states_of: "A and B, the foreign ministers of X and Y,"."""
    text = (
        "WASHINGTON, March 3 (AP) Ararat Mirzoyan and Jeyhun Bayramov, the foreign ministers of "
        "Armenia and Azerbaijan, met in Washington."
    )
    assert held(text, layer) == {
        ("person/ararat-mirzoyan", "position/foreign-minister-of-armenia"),
        ("person/jeyhun-bayramov", "position/foreign-minister-of-azerbaijan"),
    }


def test_a_portfolio_word_after_a_titles_for_opens_no_name(layer):
    """entities.yaml `title.title-for-portfolios-name`: "X, the UN High Commissioner for Human
    Rights, said" names no person "Rights" holding a commissioner "for Human" (a name opens with
    no portfolio word; names.yaml `not_name_words`), but the office set off after the name
    (`title.name-comma-title-for-portfolios`)."""
    text = (
        "GENEVA, March 4 (Reuters) Volker Turk, the UN High Commissioner for Human Rights, said "
        "on Monday that he was alarmed."
    )
    graph = extract(text, layer)
    people = {str(s).removeprefix(str(ID)) for s in graph.subjects(RDF.type, DIP.Person)}
    assert "person/rights" not in people
    assert "person/human-rights" not in people
    assert held(text, layer) == {
        ("person/volker-turk", "position/high-commissioner-for-human-rights-of-united-nations")
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # the organisation named before in the sentence
            "HELSINKI, March 4 (AP) NATO will deploy frigates to the Baltic Sea, the alliance's "
            "Secretary-General Mark Rutte said on Tuesday.",
            {
                (
                    "person/mark-rutte",
                    "position/secretary-general-of-north-atlantic-treaty-organization",
                )
            },
        ),
        (  # the one named in an earlier sentence
            "BEIRUT, March 4 (AP) Hezbollah fired rockets at Israel on Monday. The group's leader "
            "Naim Qassem said the attacks would continue.",
            {("person/naim-qassem", "position/leader-of-hezbollah")},
        ),
        (  # guard: never the news agency of the credit line (a holder people.yaml does not
            # list: `people_bodies` gives Mark Rutte's office NATO's)
            "HELSINKI, March 4 (AP) Finland hosted the summit. The alliance's Secretary-General "
            "Jan Kowalski spoke.",
            set(),
        ),
    ],
)
def test_a_body_epithets_possessive_owns_the_last_named_bodys_office(text, holdings, layer):
    """entities.yaml `body_epithets`: "the alliance's Secretary-General X", "the group's leader
    X": the office of the organisation named last (mentions.body_titles)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "NEW YORK, March 4 (Reuters) Vassily Nebenzia, Russia's UN ambassador, said the vote "
            "was illegitimate.",
            {("person/vassily-nebenzia", "position/ambassador-of-russia-to-united-nations")},
        ),
        (  # guard: the same before the name was read already
            "NEW YORK, March 4 (Reuters) Russia's UN ambassador Vassily Nebenzia said the vote "
            "was illegitimate.",
            {("person/vassily-nebenzia", "position/ambassador-of-russia-to-united-nations")},
        ),
    ],
)
def test_a_body_before_an_envoys_title_after_the_name_is_the_post(text, holdings, layer):
    """entities.yaml `title.name-envoy-to-destination`: "X, Russia's UN ambassador," is Russia's
    ambassador to the United Nations, as "Russia's UN ambassador X" is."""
    assert held(text, layer) == holdings


def test_a_party_before_a_title_after_the_name_keeps_the_office(layer):
    """entities.yaml `title.name-the-title-of-owner`: "X, the Democratic chairman of the Senate
    Foreign Relations Committee," holds the chairmanship (the party no part of the office)."""
    text = (
        "WASHINGTON, March 4 (Reuters) Ben Cardin, the Democratic chairman of the Senate Foreign "
        "Relations Committee, said he would not block the sale."
    )
    assert held(text, layer) == {
        ("person/ben-cardin", "position/chairman-of-senate-foreign-relations-committee")
    }


def test_mexicos_foreign_relations_secretary_is_its_foreign_minister(layer):
    """entities.yaml titles: "Foreign Relations Secretary X" (Mexico's Secretario de Relaciones
    Exteriores, as "Secretary of Foreign Relations" already was) is the foreign minister."""
    text = (
        "MEXICO CITY, March 4 (AP) Foreign Relations Secretary Juan Ramon de la Fuente met U.S. "
        "officials on Monday."
    )
    assert held(text, layer) == {
        ("person/juan-ramon-de-la-fuente", "position/foreign-minister-of-mexico")
    }


def test_a_body_before_a_titled_name_is_no_office_of_theirs(layer):
    """owners._bare_title: "Government" of "Government spokesman Yoshimasa Hayashi" is the
    government, no second office "Government of Japan" the spokesman holds."""
    text = "TOKYO, March 4 (Kyodo) Government spokesman Yoshimasa Hayashi said on Monday."
    assert held(text, layer) == {("person/yoshimasa-hayashi", "position/spokesperson-of-japan")}


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "MOSCOW, March 4 (Reuters) Steve Witkoff, Trump's special envoy, met Putin.",
            {("person/steve-witkoff", "position/special-envoy-of-united-states")},
        ),
        (
            "CAIRO, March 4 (Reuters) Tzachi Hanegbi, Netanyahu's national security adviser, "
            "flew to Cairo.",
            {("person/tzachi-hanegbi", "position/national-security-adviser-of-israel")},
        ),
    ],
)
def test_a_persons_possessive_after_the_name_owns_the_title_for_their_state(text, holdings, layer):
    """entities.yaml `title.name-owner-title`: "X, Trump's special envoy," holds the office of
    the state Trump serves, as "Trump's special envoy X" does."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "MOSCOW, April 22 (Reuters) Oman's Sultan Haitham bin Tarik met Russian President "
            "Vladimir Putin.",
            {
                ("person/haitham-bin-tarik", "position/sultan-of-oman"),
                ("person/vladimir-putin", "position/president-of-russia"),
            },
        ),
        (
            "BANDAR SERI BEGAWAN, March 4 (Xinhua) Sultan of Brunei Hassanal Bolkiah met the "
            "Chinese ambassador.",
            {("person/hassanal-bolkiah", "position/sultan-of-brunei")},
        ),
        (  # guard: a given name, no office
            "ABU DHABI, March 4 (WAM) Sultan Al Jaber, Minister of Industry and Advanced "
            "Technology, met the delegation.",
            set(),
        ),
    ],
)
def test_a_sultan_with_its_state_is_the_states_sultan(text, holdings, layer):
    """entities.yaml titles: "sultan" is an office ("Oman's Sultan X", "Sultan of Brunei X"), and
    a given name too (`given_name_titles`: a listed name opening with it is the person)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "BEIJING, March 4 (Reuters) David Perdue, the new U.S. ambassador to China, presented "
            "his credentials.",
            {("person/david-perdue", "position/ambassador-of-united-states-to-china")},
        ),
        (  # guard: "the new" before "Ambassador of Japan to Kenya" (a title of its own words)
            "NAIROBI, March 4 (KNA) Ken Okaniwa, the new Ambassador of Japan to Kenya, presented "
            "his credentials.",
            {("person/ken-okaniwa", "position/ambassador-of-japan-to-kenya")},
        ),
        (
            "BRASILIA, March 4 (Reuters) The former Brazilian president, Jair Bolsonaro, was "
            "indicted.",
            {("person/jair-bolsonaro", "position/president-of-brazil")},
        ),
    ],
)
def test_a_new_or_former_office_set_off_by_commas_is_the_office(text, holdings, layer):
    """lexicon `present_office_word` ("new") and `past_office_word` before an envoy's title
    after the name and before "the <nationality> <title>, X": the office as without them."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "BEIJING, March 4 (Xinhua) Zhang Youxia, vice chairman of the Central Military "
            "Commission, met the Russian defence minister.",
            {("person/zhang-youxia", "position/vice-chairman-of-central-military-commission")},
        ),
        (
            "MOSCOW, March 4 (Reuters) Dmitry Medvedev, deputy chairman of Russia's Security "
            "Council, said on Monday.",
            {("person/dmitry-medvedev", "position/deputy-chairman-of-security-council-of-russia")},
        ),
    ],
)
def test_a_vice_or_deputy_chairman_is_no_chairman(text, holdings, layer):
    """entities.yaml titles: "vice chairman", "deputy chairman" are offices of their own words
    (the deputy was read a chairman, or no one)."""
    assert held(text, layer) == holdings


def test_aps_spelling_of_el_sissi_is_the_egyptian_president(layer):
    """people.yaml `people_aliases`: "Abdel-Fattah el-Sissi" (AP's spelling) is Abdel Fattah
    al-Sisi, not a new person "Abdel-Fattah"."""
    text = (
        "CAIRO, March 4 (AP) Egyptian President Abdel-Fattah el-Sissi met Jordan's King Abdullah "
        "II on Monday."
    )
    assert held(text, layer) == {
        ("person/abdel-fattah-al-sisi", "position/president-of-egypt"),
        ("person/abdullah-ii", "position/king-of-jordan"),
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "PARIS, March 4 (AFP) Joseph Aoun, who assumed office as Lebanon's president in "
            "January, met Macron.",
            {("person/joseph-aoun", "position/president-of-lebanon")},
        ),
        (
            "KYIV, March 4 (Reuters) Donald Trump, who took office as president in January, met "
            "Zelensky.",
            {("person/donald-trump", "position/president-of-united-states")},
        ),
    ],
)
def test_who_took_office_as_gives_the_office(text, holdings, layer):
    """lexicon `office_link_word`: "X, who took office as president", "who took over as",
    "who assumed office as": the office the person holds (owners._took_office)."""
    assert held(text, layer) == holdings


def test_sultan_after_a_title_opens_the_holders_name(layer):
    """entities.yaml `title.new-person`: "Energy Minister Sultan Khalid" is a minister whose
    name opens with "Sultan" (a title of its own too: no person was found)."""
    text = "RIYADH, March 4 (SPA) Energy Minister Sultan Khalid met the envoy on Monday."
    assert held(text, layer) == {
        ("person/sultan-khalid", "position/energy-minister-of-saudi-arabia")
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "NEW YORK, March 4 (Reuters) Dmitry Polyansky, Russia's deputy ambassador to the "
            "United Nations, said the vote was illegitimate.",
            {("person/dmitry-polyansky", "position/deputy-ambassador-of-russia-to-united-nations")},
        ),
        (
            "NEW YORK, March 4 (TASS) Russian Deputy Permanent Representative to the UN Dmitry "
            "Polyansky said the vote was illegitimate.",
            {
                (
                    "person/dmitry-polyansky",
                    "position/deputy-permanent-representative-of-russia-to-united-nations",
                )
            },
        ),
    ],
)
def test_a_deputy_ambassador_is_no_ambassador(text, holdings, layer):
    """entities.yaml titles: "deputy ambassador", "deputy permanent representative" are offices of
    their own words, with the post as an ambassador's."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "LONDON, March 4 (Reuters) Pakistan's jailed former prime minister Imran Khan said on "
            "Monday he would appeal.",
            {("person/imran-khan", "position/prime-minister-of-pakistan")},
        ),
        (
            "Peru's jailed former president Pedro Castillo said he was innocent.",
            {("person/pedro-castillo", "position/president-of-peru")},
        ),
        (
            "PARIS, March 4 (AFP) Niger's deposed president Mohamed Bazoum remained in custody.",
            {("person/mohamed-bazoum", "position/president-of-niger")},
        ),
    ],
)
def test_what_became_of_the_holder_before_the_office(text, holdings, layer):
    """entities.yaml `title_prefixes`: "jailed", "ousted", "deposed" (and with "former") between
    the owner and the office keep the office."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "BEIJING, March 4 (Xinhua) Vice Chairman of the Central Military Commission Zhang "
            "Youxia met the visiting delegation on Monday.",
            {
                (
                    "person/zhang-youxia",
                    "position/vice-chairman-of-central-military-commission",
                )
            },
        ),
        (
            "ABU DHABI, March 4 (WAM) Chairman of the Presidential Court Khalid Barbaz received "
            "the delegation.",
            {("person/khalid-barbaz", "position/chairman-of-presidential-court")},
        ),
    ],
)
def test_a_title_of_a_body_before_a_new_name(text, holdings, layer):
    """names.find_unknown_names: "Vice Chairman of the Central Military Commission" before a name
    no stage knows stays a title and a body of their own, out of the person's unit."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "MOSCOW, March 4 (TASS) Secretary of the Russian Security Council Sergei Shoigu met "
            "the Chinese delegation on Monday.",
            {("person/sergei-shoigu", "position/secretary-of-security-council-of-russia")},
        ),
        (
            "Deputy Chairman of the Security Council of Russia Dmitry Medvedev said on Monday that "
            "Moscow would respond.",
            {
                (
                    "person/dmitry-medvedev",
                    "position/deputy-chairman-of-security-council-of-russia",
                )
            },
        ),
        (
            "Sergei Shoigu, secretary of Russia's Security Council, met him in Beijing.",
            {("person/sergei-shoigu", "position/secretary-of-security-council-of-russia")},
        ),
    ],
)
def test_russias_security_council_is_no_un_body(text, holdings, layer):
    """organisations.ttl: "the Russian Security Council", "the Security Council of Russia",
    "Russia's Security Council" are Russia's body; bare "the Security Council" stays the UN's."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "DOHA, March 4 (QNA) Prime Minister and Minister of Foreign Affairs HE Sheikh Mohammed "
            "bin Abdulrahman bin Jassim Al-Thani met with Foreign Minister of Turkiye HE Hakan "
            "Fidan.",
            {
                ("person/mohammed-bin-abdulrahman-al-thani", "position/prime-minister-of-qatar"),
                ("person/mohammed-bin-abdulrahman-al-thani", "position/foreign-minister-of-qatar"),
                ("person/hakan-fidan", "position/foreign-minister-of-turkey"),
            },
        ),
        (
            "KUWAIT, March 4 (KUNA) Foreign Minister HE Abdullah Barbaz received the envoy.",
            {("person/abdullah-barbaz", "position/foreign-minister-of-kuwait")},
        ),
        (  # guard: "He" written so is a name ("He Lifeng") or a pronoun, no honorific
            "BEIJING, March 4 (Xinhua) Chinese Vice Premier He Lifeng met him. He said it was "
            "good.",
            {("person/he-lifeng", "position/deputy-prime-minister-of-china")},
        ),
    ],
)
def test_he_in_capitals_is_an_honorific(text, holdings, layer):
    """names.yaml `upper_honorifics`: "HE" written in capitals before a name (QNA, KUNA copy) is
    His Excellency, no person "He" and no part of the name."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    "text",
    [
        "DUBAI, March 4 (Reuters) COP28 President Sultan Al Jaber said the deal was historic.",
        "BRASILIA, March 4 (Reuters) COP30 President Andre Correa do Lago said on Monday the talks "
        "would go on.",
    ],
)
def test_a_title_after_a_code_is_no_states_office(text, layer):
    """owners._coded_owner: "COP28 President X" is the conference's president, not the
    president of the state X serves or of the dateline's state: no office guessed."""
    assert held(text, layer) == set()


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "TASHKENT, March 4 (UzA) The Chief of the General Staff of the Armed Forces of "
            "Uzbekistan, Major General Shukhrat Kholmukhamedov, met the Turkish delegation.",
            {
                (
                    "person/shukhrat-kholmukhamedov",
                    "position/chief-of-general-staff-of-uzbekistan",
                )
            },
        ),
        (
            "The Chief of the General Staff of the Armed Forces of Russia, Valery Gerasimov, met "
            "him.",
            {("person/valery-gerasimov", "position/chief-of-general-staff-of-russia")},
        ),
    ],
)
def test_a_title_of_a_states_armed_forces(text, holdings, layer):
    """entities.yaml `title.the-title-of-owner-comma-name`: "The Chief of the General Staff of the
    Armed Forces of Uzbekistan, Major General X,": the state's office (its forces are the
    state's), the rank before the name no part of it."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    "text",
    [
        "BAGHDAD, March 4 (AP) Tariq Mahmoud, spokesman for Iraq's foreign ministry, said talks "
        "would resume.",
        "Tariq Mahmoud, spokesman for the Iraqi foreign ministry, said talks would resume.",
    ],
)
def test_a_spokesman_for_a_body_with_no_article(text, layer):
    """entities.yaml `title.name-the-title-of-owner`: "X, spokesman for Iraq's foreign ministry,"
    (no article before the title) is the ministry's spokesperson."""
    assert held(text, layer) == {
        ("person/tariq-mahmoud", "position/spokesperson-of-foreign-ministry-of-iraq")
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # the subject's title named in an earlier sentence: its whole title ("secretary of
            # state", not "secretary"), a foreign minister's office for the counterpart
            "U.S. Secretary of State Marco Rubio arrived in Riyadh on Monday. Rubio met his "
            "Russian counterpart Sergei Lavrov on Tuesday.",
            {
                ("person/marco-rubio", "position/secretary-of-state-of-united-states"),
                ("person/sergei-lavrov", "position/foreign-minister-of-russia"),
            },
        ),
        (  # the counterpart set off after the name
            "Indian Prime Minister Narendra Modi met Shehbaz Sharif, his Pakistani counterpart, "
            "in Astana.",
            {
                ("person/narendra-modi", "position/prime-minister-of-india"),
                ("person/shehbaz-sharif", "position/prime-minister-of-pakistan"),
            },
        ),
    ],
)
def test_a_counterpart_after_the_name_or_of_an_earlier_title(text, holdings, layer):
    """entities.yaml `title.counterpart` ("X, his Russian counterpart,") and
    mentions.title_of: a position's label opens with the longest title it knows ("Secretary of
    State of United States" is a secretary of state's office)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Alieu Touray, President of the ECOWAS Commission, and Executive Director of UNICEF "
            "Catherine Russell spoke.",
            {
                ("person/alieu-touray", "position/president-of-ecowas-commission"),
                ("person/catherine-russell", "position/executive-director-of-unicef"),
            },
        ),
        (
            "Fatih Birol, executive director of the International Energy Agency, said demand "
            "would rise.",
            {("person/fatih-birol", "position/executive-director-of-international-energy-agency")},
        ),
    ],
)
def test_an_executive_director_is_a_bodys_office(text, holdings, layer):
    """entities.yaml `titles`: "executive director" (of an agency, a fund)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "ACCRA, Jan 7 (GNA) - The oath was administered by the Chief Justice, Gertrude "
            "Torkornoo, at a joint sitting of Parliament.",
            {("person/gertrude-torkornoo", "position/chief-justice-of-ghana")},
        ),
        (
            "NEW DELHI, June 3 (PTI) - Army chief General Upendra Dwivedi reviewed the "
            "preparedness of the forces.",
            {("person/upendra-dwivedi", "position/army-chief-of-india")},
        ),
        (  # a junior minister of the home government
            "OSLO, March 6 (NTB) - State Secretary Andreas Kravik said Norway would take part.",
            {("person/andreas-kravik", "position/state-secretary-of-norway")},
        ),
    ],
)
def test_a_home_courts_and_forces_title_is_the_datelines_states(text, holdings, layer):
    """entities.yaml `dateline_titles`: a bare chief justice, army chief or state secretary is
    the dateline state's."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Shigeru Ishiba arrived in Washington on Friday. The Japanese prime minister met "
            "Donald Trump at the White House.",
            {("person/shigeru-ishiba", "position/prime-minister-of-japan")},
        ),
        (
            "Wang Yi arrived in N'Djamena on Friday. The Chinese top diplomat met Mahamat Idriss "
            "Deby.",
            {("person/wang-yi", "position/top-diplomat-of-china")},
        ),
        (  # guard: an epithet readers do not record ("the Malaysian leader"), a past office
            "Anwar Ibrahim arrived in Jakarta on Friday. The Malaysian leader said he would meet "
            "Prabowo. Josep Borrell arrived in Brussels. The former Spanish foreign minister met "
            "Albin Kurti.",
            set(),
        ),
    ],
)
def test_a_titled_reference_to_a_named_person_gives_the_office(text, holdings, layer):
    """coref._told_position: "X arrived. The Japanese prime minister met Y": X holds Japan's
    prime minister's office, a new position when the gazetteer lacks it (a government office of
    `dateline_titles` or a `title_epithets` title only; not a past one)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "ALGIERS, March 6 (APS) - Minister of Foreign Affairs and National Community Abroad "
            "Ahmed Attaf received the envoy.",
            {("person/ahmed-attaf", "position/foreign-minister-of-algeria")},
        ),
        (
            "Ghana's Minister of Foreign Affairs and Regional Integration Samuel Okudzeto Ablakwa "
            "said on Monday.",
            {("person/samuel-okudzeto-ablakwa", "position/foreign-minister-of-ghana")},
        ),
    ],
)
def test_a_foreign_ministers_title_with_the_portfolios_a_state_adds(text, holdings, layer):
    """entities.yaml `titles` (foreign minister): the longer official titles state media use
    ("Minister of Foreign Affairs and National Community Abroad", Algeria's)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "JAKARTA, March 4 (Antara) - Indonesian Coordinating Minister for Economic Affairs "
            "Budi Santoso met Malaysian Finance Minister Anwar Ibrahim.",
            {
                (
                    "person/budi-santoso",
                    "position/coordinating-minister-for-economic-affairs-of-indonesia",
                ),
                ("person/anwar-ibrahim", "position/finance-minister-of-malaysia"),
            },
        ),
    ],
)
def test_a_coordinating_minister_holds_the_office_with_its_portfolio(text, holdings, layer):
    """entities.yaml `titles` (coordinating minister, a `portfolio_titles` one): Indonesia's
    ministers over several ministries, their office named with the portfolio."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Philippine President Ferdinand R. Marcos Jr. met Japanese Prime Minister Fumio "
            "Kishida in Manila on Tuesday.",
            {
                ("person/ferdinand-marcos-jr", "position/president-of-philippines"),
                ("person/fumio-kishida", "position/prime-minister-of-japan"),
            },
        ),
        (
            "U.S. President Joseph R. Biden met Kenyan President William Ruto at the White House.",
            {
                ("person/joe-biden", "position/president-of-united-states"),
                ("person/william-ruto", "position/president-of-kenya"),
            },
        ),
        (  # a name of the gazetteer (gazetteer._given_start)
            "Russian President Vladimir V. Putin met Chinese President Xi Jinping in Moscow.",
            {
                ("person/vladimir-putin", "position/president-of-russia"),
                ("person/xi-jinping", "position/president-of-china"),
            },
        ),
    ],
)
def test_a_middle_initial_stays_inside_a_known_name(text, holdings, layer):
    """figures._given_before, gazetteer._given_start: "Joseph R. Biden" is the listed Joe
    Biden, no new person "Joseph R." holding the title."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "TEHRAN, March 4 (IRNA) - Commander of the Iranian Navy Rear Admiral Reza Tangsiri "
            "received the visiting Omani delegation.",
            {("person/reza-tangsiri", "position/commander-of-iranian-navy")},
        ),
        (
            "Chairman of the Joint Chiefs of Staff General Dan Caine met the Chinese ambassador.",
            {("person/dan-caine", "position/chairman-of-joint-chiefs-of-staff")},
        ),
        (  # AP's short form: the one body (organisations.ttl "Joint Chiefs"), the rank no name
            "WASHINGTON, March 4 (AP) - Joint Chiefs Chairman Gen. Dan Caine met the Chinese "
            "ambassador.",
            {("person/dan-caine", "position/chairman-of-joint-chiefs-of-staff")},
        ),
    ],
)
def test_a_rank_between_a_bodys_office_and_a_name_is_neither(text, holdings, layer):
    """names._ranks_before_person and title.title-of-owner-name: "Commander of the Iranian Navy
    Rear Admiral X" is the navy's commander, the rank no part of the body's name nor X's."""
    assert held(text, layer) == holdings


def test_a_state_after_of_ends_a_bodys_name_before_a_name(layer):
    """names._state_after_of: "Governor of the Central Bank of Nigeria X" is the bank's
    governor, X no part of the bank's name."""
    text = (
        "ABUJA, March 4 (NAN) - Governor of the Central Bank of Nigeria Musa Danjuma met the "
        "visiting IMF team."
    )
    assert held(text, layer) == {
        ("person/musa-danjuma", "position/governor-of-central-bank-of-nigeria")
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Tanzanian Vice-President Philip Mpango met Kenyan Deputy President Kithure Kindiki.",
            {
                ("person/philip-mpango", "position/vice-president-of-tanzania"),
                ("person/kithure-kindiki", "position/deputy-president-of-kenya"),
            },
        ),
        (
            "Thabo Nkosi, South Africa's deputy president, said on Monday.",
            {("person/thabo-nkosi", "position/deputy-president-of-south-africa")},
        ),
    ],
)
def test_a_deputy_president_is_no_president(text, holdings, layer):
    """entities.yaml `titles` (deputy president): South Africa's and Kenya's deputy heads of
    state, not the president's office."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "UN Under-Secretary-General for Humanitarian Affairs Tom Fletcher met Sudanese "
            "officials in Port Sudan.",
            {("person/tom-fletcher", "position/under-secretary-general-of-united-nations")},
        ),
        (
            "UN Assistant Secretary-General Khaled Khiari told the council on Monday.",
            {("person/khaled-khiari", "position/assistant-secretary-general-of-united-nations")},
        ),
    ],
)
def test_the_un_senior_officials_hold_their_offices(text, holdings, layer):
    """entities.yaml `titles` (under secretary general, assistant secretary general): the UN's
    senior officials, no longer without an office."""
    assert held(text, layer) == holdings


def test_a_deputy_chief_cabinet_secretary_holds_that_office(layer):
    """entities.yaml `titles` (deputy chief cabinet secretary): Japan's, no longer without an
    office."""
    text = "Japanese Deputy Chief Cabinet Secretary Kenji Mori met the Philippine envoy."
    assert held(text, layer) == {
        ("person/kenji-mori", "position/deputy-chief-cabinet-secretary-of-japan")
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # a region's office, not the dateline state's
            "MOGADISHU (Reuters) - Somalia expelled the envoy. Puntland, whose president "
            "Abdullahi Deni Farah announced last weekend that it was withdrawing, would not "
            "comply.",
            {("person/abdullahi-deni-farah", "position/president-of-puntland")},
        ),
        (
            "NATO, whose secretary-general Mark Rutte arrived on Monday, said allies agreed.",
            {
                (
                    "person/mark-rutte",
                    "position/secretary-general-of-north-atlantic-treaty-organization",
                )
            },
        ),
    ],
)
def test_whose_title_is_the_office_of_the_one_named_before(text, holdings, layer):
    """entities.yaml title.owner-whose-title-name: "X, whose president Y" is X's office."""
    assert held(text, layer) == holdings


def test_whose_title_leaves_the_owner_the_subject(layer):
    """entities.yaml `owner_apart`: "Kenya, whose president X announced ..., said" keeps Kenya a
    unit of its own, the speaker of its statement, not merged into its president's name."""
    text = (
        "NAIROBI (Reuters) - Kenya, whose president William Ruto announced last week that the "
        "state was withdrawing its recognition, said in a statement it would not comply."
    )
    graph = extract(text, layer)
    speakers = {
        str(graph.value(s, DIP.agent)).removeprefix(str(ID))
        for s in graph.subjects(RDF.type, DIP.Statement)
    }
    assert speakers == {"country/kenya"}


def test_said_opening_a_name_is_a_given_name(layer):
    """names.yaml `given_name_cues`: a capitalised "Said" before another name word opens the
    name ("Said Moussi"), no longer a speech verb that leaves the person unnamed."""
    text = "Algeria's ambassador to France, Said Moussi, left Paris on Friday."
    assert held(text, layer) == {("person/said-moussi", "position/ambassador-of-algeria-to-france")}


@pytest.mark.parametrize(
    "text", ["Kenyan President William Ruto Said He Would Attend", "The minister Said it."]
)
def test_said_after_a_name_or_alone_is_no_name(text, layer):
    """# guard: "Said" after a person's name, or with no name word after it, stays a verb."""
    graph = extract(text, layer)
    people = {str(p) for p in graph.subjects(RDF.type, DIP.Person)}
    assert not any("said" in p for p in people)


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Turkish Minister of Treasury and Finance Mehmet Simsek met the delegation.",
            {("person/mehmet-simsek", "position/treasury-and-finance-minister-of-turkey")},
        ),
        (
            "The talks were attended by Mehmet Simsek, Minister of Treasury and Finance; and "
            "Turkish officials.",
            {("person/mehmet-simsek", "position/treasury-and-finance-minister-of-turkey")},
        ),
        (
            "Japan's Minister of Economy, Trade and Industry Yoji Muto met officials.",
            {("person/yoji-muto", "position/economy-trade-and-industry-minister-of-japan")},
        ),
        (
            "Malaysia's Minister of Investment, Trade and Industry Tengku Zafrul Aziz arrived.",
            {
                (
                    "person/tengku-zafrul-aziz",
                    "position/investment-trade-and-industry-minister-of-malaysia",
                )
            },
        ),
    ],
)
def test_portfolios_joined_after_of_are_the_ministers_office(text, holdings, layer):
    """entities.yaml title.title-of-portfolios-name: "Minister of Treasury and Finance" is the
    treasury and finance minister, as "Treasury and Finance Minister X" is (no longer no office,
    nor a comma between portfolios read as a clause's)."""
    assert held(text, layer) == holdings


def test_a_middle_initial_inside_a_listed_full_name_names_the_figure(layer):
    """figures._past_initial: "Kamala D. Harris" is Kamala Harris (people.yaml), as "Joseph R.
    Biden" is Joe Biden, where the surname alone names no one: her office, no new person."""
    text = "Vice President Kamala D. Harris met Ukrainian President Volodymyr Zelenskiy."
    assert held(text, layer) == {
        ("person/kamala-harris", "position/vice-president-of-united-states"),
        ("person/volodymyr-zelensky", "position/president-of-ukraine"),
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "KYIV (Reuters) - Ukraine's foreign ministry condemned the visit. \"Mongolia has "
            'taken on a share of the responsibility," ministry spokesman Heorhiy Tykhyi wrote.',
            {("person/heorhiy-tykhyi", "position/spokesperson-of-foreign-ministry-of-ukraine")},
        ),
        (  # the bare unification ministry of a Seoul story is South Korea's (dateline_bodies)
            "SEOUL (Reuters) - Seoul's foreign ministry warned of sanctions. The unification "
            'ministry also expressed regret. "We urge North Korea to stop," ministry '
            "spokesperson Koo Byoung-sam told reporters.",
            {
                (
                    "person/koo-byoung-sam",
                    "position/spokesperson-of-unification-ministry-of-south-korea",
                )
            },
        ),
    ],
)
def test_a_bare_body_word_before_a_title_is_the_body_named_last(text, holdings, layer):
    """entities.yaml `bare_body_words`: "ministry spokesman X" is the spokesperson of the
    ministry the article named last, as readers record it."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Chief of the General Staff of the Russian Armed Forces Valery Gerasimov met the "
            "delegation.",
            {("person/valery-gerasimov", "position/chief-of-general-staff-of-russia")},
        ),
        (
            "The Chief of the General Staff of the Ukrainian Armed Forces, General Valery "
            "Zaluzhny, met the delegation.",
            {("person/valery-zaluzhny", "position/chief-of-general-staff-of-ukraine")},
        ),
    ],
)
def test_a_title_of_a_nationality_s_armed_forces_is_the_state_s_office(text, holdings, layer):
    """entities.yaml title.the-title-of-owner-comma-name: "of the Russian Armed Forces" before a
    name is Russia's office, as "of the Armed Forces of Uzbekistan," is (no longer a person
    named "Armed Forces Valery Gerasimov")."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Iranian Speaker of Parliament Mohammad Bagher Ghalibaf met the delegation.",
            {("person/mohammad-bagher-ghalibaf", "position/speaker-of-parliament-of-iran")},
        ),
        (
            "Ghana's Speaker of Parliament Alban Bagbin met the delegation on Monday.",
            {("person/alban-bagbin", "position/speaker-of-parliament-of-ghana")},
        ),
        (
            "The delegation was received by Iraq's Speaker of the Parliament, Mahmoud "
            "al-Mashhadani, on Monday.",
            {("person/mahmoud-al-mashhadani", "position/speaker-of-parliament-of-iraq")},
        ),
    ],
)
def test_a_state_before_a_title_of_a_body_owns_the_body(text, holdings, layer):
    """mentions._owner_of_title: "Iran's Speaker of Parliament X" is the speaker of Iran's
    parliament, as "Speaker of the Iranian Parliament X" is (no longer a body "Iranian Speaker
    of Parliament", nor a parliament of no state)."""
    assert held(text, layer) == holdings


def test_a_nationality_before_a_title_of_a_body_keeps_the_name_after_it(layer):
    """mentions._body_named_after: "Vietnamese Chairman of the National Assembly Tran Thanh
    Man" names the chairman (no longer an anaphor "Vietnamese Chairman" that hid the name)."""
    text = "Vietnamese Chairman of the National Assembly Tran Thanh Man received the delegation."
    assert held(text, layer) == {
        ("person/tran-thanh-man", "position/chairman-of-national-assembly")
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Chinese Minister of Public Security Wang Xiaohong met the envoy.",
            {("person/wang-xiaohong", "position/minister-of-public-security-of-china")},
        ),
        (
            "Indonesian Minister of Religious Affairs Nasaruddin Umar met the envoy.",
            {("person/nasaruddin-umar", "position/minister-of-religious-affairs-of-indonesia")},
        ),
        (
            "The envoy met Luong Tam Quang, Vietnam's Minister of Public Security, on Monday.",
            {("person/luong-tam-quang", "position/minister-of-public-security-of-vietnam")},
        ),
        (
            "Indonesian Coordinating Minister for Political, Legal and Security Affairs Budi "
            "Gunawan met the envoy.",
            {
                (
                    "person/budi-gunawan",
                    "position/coordinating-minister-for-political-legal-and-security-affairs-"
                    "of-indonesia",
                )
            },
        ),
    ],
)
def test_one_portfolio_after_of_is_the_ministers_office(text, holdings, layer):
    """entities.yaml title.title-of-portfolios-name (one portfolio) and title.title-for-
    portfolios-name (three), lexicon portfolio_word (public, religious, legal, law, social):
    "Minister of Public Security X" is the minister of public security, in the copy's words (the
    name was lost, or "Legal" read as a person)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Ruler of Dubai Sheikh Mohammed bin Rashid Al Maktoum received the minister.",
            {("person/mohammed-bin-rashid-al-maktoum", "position/ruler-of-dubai")},
        ),
        (
            "Sheikh Khaled bin Mohamed bin Zayed Al Nahyan, Crown Prince of Abu Dhabi, received "
            "the minister.",
            {
                (
                    "person/khaled-bin-mohamed-bin-zayed-al-nahyan",
                    "position/crown-prince-of-abu-dhabi",
                )
            },
        ),
        (
            "Vitali Klitschko, mayor of Kyiv, received the minister.",
            {("person/vitali-klitschko", "position/mayor-of-kyiv")},
        ),
    ],
)
def test_a_citys_own_office_after_of_is_the_citys(text, holdings, layer):
    """entities.yaml title.title-of-owner-name and title.name-owner-title (city offices),
    city_titles (ruler, deputy ruler, crown prince): "Crown Prince of Abu Dhabi" is the emirate
    city's office, not the state's (no holding before)."""
    assert held(text, layer) == holdings


def test_a_body_word_opening_the_sentence_is_the_body_named_before(layer):
    """names._opening_body_word, mentions._bare_body_before: "Ministry spokesman X" opening a
    sentence is the spokesperson of the ministry named before, as "ministry spokesman X" is (no
    longer a body "Ministry" and a spokesperson of it)."""
    text = (
        "Ukraine's foreign ministry condemned the strike. Ministry spokesman Heorhiy Tykhyi "
        "said the attack was deliberate."
    )
    graph = extract(text, layer)
    assert held(text, layer) == {
        ("person/heorhiy-tykhyi", "position/spokesperson-of-foreign-ministry-of-ukraine")
    }
    named = {str(o).removeprefix(str(ID)) for o in graph.objects(None, DIP.mentions)}
    assert "org/ministry" not in named


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Zhang Youxia, who is also vice chairman of the Central Military Commission, met the "
            "delegation.",
            {("person/zhang-youxia", "position/vice-chairman-of-central-military-commission")},
        ),
        (
            "Anton Vaino, who serves as head of the Presidential Administration, met the "
            "delegation.",
            {("person/anton-vaino", "position/head-of-presidential-administration")},
        ),
    ],
)
def test_a_title_of_a_body_in_a_relative_clause_is_held(text, holdings, layer):
    """entities.yaml title.name-owner-title: "X, who is also chairman of the Y," and "X, who
    serves as head of the Y," give the office, as "X, also chairman of the Y," does."""
    assert held(text, layer) == holdings


def test_three_titles_before_a_name_are_each_held_for_the_one_owner(layer):
    """entities.yaml title.owner-three-titles-name: "UAE Vice President, Deputy Prime Minister
    and Minister of Defence X" holds each office of the UAE (none before)."""
    text = (
        "UAE Vice President, Deputy Prime Minister and Minister of Defence Sheikh Mansour bin "
        "Zayed Al Nahyan received the minister."
    )
    person = "person/mansour-bin-zayed-al-nahyan"
    assert held(text, layer) == {
        (person, "position/defence-minister-of-united-arab-emirates"),
        (person, "position/deputy-prime-minister-of-united-arab-emirates"),
        (person, "position/vice-president-of-united-arab-emirates"),
    }


def test_a_title_before_a_citys_office_is_no_office_of_the_city(layer):
    """owners._double_titled: "Prime Minister and Ruler of Dubai X" is the ruler of Dubai; the
    prime minister before it is no prime minister of Dubai (a city's office shares no owner)."""
    text = (
        "UAE Vice President, Prime Minister and Ruler of Dubai Sheikh Mohammed bin Rashid Al "
        "Maktoum received the minister."
    )
    assert held(text, layer) == {
        ("person/mohammed-bin-rashid-al-maktoum", "position/ruler-of-dubai")
    }


def test_egypts_minister_of_foreign_affairs_and_emigration_is_its_foreign_minister(layer):
    """entities.yaml titles (foreign minister) and bodies (foreign ministry): Egypt's "Minister
    of Foreign Affairs and Emigration X" is its foreign minister (no person "Emigration X")."""
    text = "Egypt's Minister of Foreign Affairs and Emigration Badr Abdelatty met the envoy."
    assert held(text, layer) == {("person/badr-abdelatty", "position/foreign-minister-of-egypt")}


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "NEW DELHI, March 4 (PTI) Randhir Jaiswal, the official spokesperson of the Ministry "
            "of External Affairs, said on Monday the move was hostile.",
            {("person/randhir-jaiswal", "position/spokesperson-of-ministry-of-external-affairs")},
        ),
        (  # before the name, with the ministry's acronym ("MEA's"): no spokesperson of India
            "NEW DELHI, March 4 (PTI) MEA's official spokesperson Randhir Jaiswal said on Monday "
            "the move was hostile.",
            {("person/randhir-jaiswal", "position/spokesperson-of-ministry-of-external-affairs")},
        ),
    ],
)
def test_an_official_spokesperson_holds_the_spokespersons_office(text, holdings, layer):
    """entities.yaml title_prefixes: "official" before a title is no other office ("the
    official spokesperson of the Ministry of External Affairs" is its spokesperson)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "ISLAMABAD, March 4 (Reuters) - Mumtaz Zahra Baloch, a foreign ministry spokeswoman, "
            "said on Monday the move was hostile.",
            {
                (
                    "person/mumtaz-zahra-baloch",
                    "position/spokesperson-of-foreign-ministry-of-pakistan",
                )
            },
        ),
        (
            "TEHRAN, March 4 (AFP) - Esmaeil Baqaei, the foreign ministry spokesman, said on "
            "Monday the move was hostile.",
            {("person/esmaeil-baqaei", "position/spokesperson-of-foreign-ministry-of-iran")},
        ),
        (  # a bare "ministry": the ministry named last
            "ISLAMABAD, March 4 (Reuters) - Pakistan's foreign ministry said the move was "
            "hostile. Mumtaz Zahra Baloch, a ministry spokeswoman, said talks would go on.",
            {
                (
                    "person/mumtaz-zahra-baloch",
                    "position/spokesperson-of-foreign-ministry-of-pakistan",
                )
            },
        ),
    ],
)
def test_a_bodys_title_set_off_after_the_name_is_the_bodys_office(text, holdings, layer):
    """mentions.body_titles (`_title_after`): "X, a foreign ministry spokeswoman," holds the
    office of the ministry coreference reads (the dateline state's, or the one named last), as
    "Foreign ministry spokeswoman X" does."""
    assert held(text, layer) == holdings


def test_a_first_lady_with_no_holder_before_her_is_the_storys_head_of_states(layer):
    """owners._spouses_country: "First lady X" in a sentence naming no office holder before
    her is the first lady of the state of the article's first office holder (the story's own
    head of state), not of nobody's; Xi's wife no first lady of Brazil."""
    text = (
        "BRASILIA, March 4 (Reuters) - President Luiz Inacio Lula da Silva arrived in Beijing. "
        "Xi received Lula on Friday. First lady Rosangela da Silva and Peng Liyuan, Xi's wife, "
        "visited a school."
    )
    assert held(text, layer) == {
        ("person/luiz-inacio-lula-da-silva", "position/president-of-brazil"),
        ("person/rosangela-da-silva", "position/first-lady-of-brazil"),
    }


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Maia Sandu, Moldova's pro-Western president, met the delegation on Monday.",
            {("person/maia-sandu", "position/president-of-moldova")},
        ),
        (
            "Yoon Suk Yeol, South Korea's conservative president, met the delegation on Monday.",
            {("person/yoon-suk-yeol", "position/president-of-south-korea")},
        ),
        (
            "Javier Milei, Argentina's libertarian president, met the delegation on Monday.",
            {("person/javier-milei", "position/president-of-argentina")},
        ),
    ],
)
def test_a_holders_politics_before_the_title_is_no_other_office(text, holdings, layer):
    """entities.yaml title_prefixes: an epithet of the holder's politics or standing between
    the owner and the title ("Moldova's pro-Western president") leaves the office itself."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Mohamed Ould Ghazouani, Mauritania's president and current chairman of the African "
            "Union, met the delegation on Monday.",
            {
                ("person/mohamed-ould-ghazouani", "position/chairman-of-african-union"),
                ("person/mohamed-ould-ghazouani", "position/president-of-mauritania"),
            },
        ),
        (
            "Bola Tinubu, Nigeria's president and ECOWAS chairman, met the delegation on Monday.",
            {
                (
                    "person/bola-tinubu",
                    "position/chairman-of-economic-community-of-west-african-states",
                ),
                ("person/bola-tinubu", "position/president-of-nigeria"),
            },
        ),
    ],
)
def test_a_states_office_and_a_bodys_after_the_name_each_have_their_owner(text, holdings, layer):
    """entities.yaml title.name-owner-title: "X, Mauritania's president and current chairman
    of the African Union," holds the chair of the Union, no "chairman of Mauritania"."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "Hassan Rouhani, a former Iranian president, met the delegation on Monday.",
            {("person/hassan-rouhani", "position/president-of-iran")},
        ),
        (
            "Tony Blair, the former British prime minister, met the delegation.",
            {("person/tony-blair", "position/prime-minister-of-united-kingdom")},
        ),
    ],
)
def test_a_former_office_set_off_after_the_name_is_held(text, holdings, layer):
    """entities.yaml title.name-comma-title: "X, a former Iranian president," holds the office
    (a former holder's office, as readers record it), as "X, the Iranian president," does."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "KYIV, March 4 (Reuters) - Ukraine's commander-in-chief Oleksandr Syrskyi said on "
            "Monday the front was stable.",
            {("person/oleksandr-syrskyi", "position/commander-in-chief-of-ukraine")},
        ),
        (
            "Oleksandr Syrskyi, Ukraine's commander in chief, said the front was stable.",
            {("person/oleksandr-syrskyi", "position/commander-in-chief-of-ukraine")},
        ),
    ],
)
def test_a_commander_in_chief_is_no_chief(text, holdings, layer):
    """entities.yaml titles: "commander-in-chief" is an office of its own, not the "chief"
    its last word names (before: a "chief of Ukraine")."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (  # before: the president of Somalia
            "MOGADISHU, March 4 (Reuters) - Puntland President Said Abdullahi Deni met the "
            "delegation on Monday.",
            {("person/said-abdullahi-deni", "position/president-of-puntland")},
        ),
        (
            "Queensland Premier David Crisafulli met the delegation.",
            {("person/david-crisafulli", "position/prime-minister-of-queensland")},
        ),
    ],
)
def test_a_regions_title_before_a_name_is_the_regions_office(text, holdings, layer):
    """entities.yaml title.owner-title-name and title.new-person: a region (a place of a state)
    before a title owns the office ("Puntland President X"), not the state it lies in."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "ANKARA, March 4 (Anadolu) - Turkish Parliament Speaker Numan Kurtulmus met his "
            "Azerbaijani counterpart Sahiba Gafarova on Monday.",
            {
                ("person/numan-kurtulmus", "position/speaker-of-parliament-of-turkey"),
                ("person/sahiba-gafarova", "position/speaker-of-parliament-of-azerbaijan"),
            },
        ),
        (
            "Chinese Foreign Ministry spokesperson Mao Ning and her Russian counterpart Maria "
            "Zakharova spoke.",
            {
                ("person/mao-ning", "position/spokesperson-of-foreign-ministry-of-china"),
                ("person/maria-zakharova", "position/spokesperson-of-foreign-ministry-of-russia"),
            },
        ),
        (  # the body after the title
            "Speaker of the Iranian Parliament Mohammad Bagher Ghalibaf met his Iraqi counterpart "
            "Mahmoud al-Mashhadani.",
            {
                ("person/mahmoud-al-mashhadani", "position/speaker-of-parliament-of-iraq"),
                ("person/mohammad-bagher-ghalibaf", "position/speaker-of-parliament-of-iran"),
            },
        ),
        (  # guard: a state's own office stays the state's
            "Chinese Defence Minister Dong Jun met his US counterpart Pete Hegseth.",
            {
                ("person/dong-jun", "position/defence-minister-of-china"),
                ("person/pete-hegseth", "position/defence-minister-of-united-states"),
            },
        ),
    ],
)
def test_a_counterpart_of_a_bodys_office_holds_it_in_their_states_body(text, holdings, layer):
    """mentions._counterpart_body: the counterpart of "Turkish Parliament Speaker X" is the
    speaker of their own state's parliament (before: a "speaker of Azerbaijan")."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "WASHINGTON, March 4 (Reuters) - U.S. Trade Representative Katherine Tai said on "
            "Monday the talks were useful.",
            {("person/katherine-tai", "position/trade-representative-of-united-states")},
        ),
        (
            "Katherine Tai, the U.S. trade representative, said the talks were useful.",
            {("person/katherine-tai", "position/trade-representative-of-united-states")},
        ),
        (
            "UNRWA Commissioner-General Philippe Lazzarini met the delegation on Monday.",
            {("person/philippe-lazzarini", "position/commissioner-general-of-unrwa")},
        ),
    ],
)
def test_a_trade_representative_and_a_commissioner_general_hold_their_offices(
    text, holdings, layer
):
    """entities.yaml titles: "Trade Representative" (the United States') and
    "Commissioner-General" (UNRWA's) are offices (before: no holding)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "ADELAIDE, March 4 (AAP) - South Australian Premier Peter Malinauskas said on Monday "
            "the state would back the bid.",
            {("person/peter-malinauskas", "position/prime-minister-of-south-australia")},
        ),
        (
            "PERTH, March 4 (AAP) - Western Australian Premier Roger Cook said the state would "
            "back the bid.",
            {("person/roger-cook", "position/prime-minister-of-western-australia")},
        ),
    ],
)
def test_a_states_adjective_owns_its_premiers_office(text, holdings, layer):
    """venues.ttl: "South Australian" names South Australia, the premier's owner (before: the
    dateline's Australia, a prime minister of Australia)."""
    assert held(text, layer) == holdings


@pytest.mark.parametrize(
    ("text", "holdings"),
    [
        (
            "EDINBURGH, March 4 (Reuters) - Scottish First Minister John Swinney said on Monday "
            "the vote would go ahead.",
            {("person/john-swinney", "position/first-minister-of-scotland")},
        ),
        (
            "CARDIFF, March 4 (Reuters) - Welsh First Minister Eluned Morgan met the delegation.",
            {("person/eluned-morgan", "position/first-minister-of-wales")},
        ),
    ],
)
def test_a_nations_adjective_owns_its_first_ministers_office(text, holdings, layer):
    """venues.ttl: "Scottish", "Welsh" name Scotland and Wales, the first minister's owners
    (before: no owner, no holding)."""
    assert held(text, layer) == holdings
