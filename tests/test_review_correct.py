"""`diplograph review ARTICLE --correct N --set FIELD=VALUE` and the interactive `c`: a rule fact
written into the hand mapping with the values a reviewer sets, its rule fact listed as corrected,
and the build showing the corrected values (issue 11)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_review_article import (
    ACCEPTANCE,
    ACCEPTED_2_4,
    NEW,
    SEED,
    _headers,
    _review,
    make_project,
)

from diplograph.build import build
from diplograph.quality.correct import kind_words
from diplograph.quality.fields import parse_sets
from diplograph.queries import get_query, run_query

HEAD = f"""\
# Hand mapping (gold layer) of seeds/{NEW}.txt
# {NEW}, 2024-05-10: started by `diplograph review`.

@base <https://w3id.org/diplograph/id/> .
@prefix dip:  <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .

#################################################################
#    Accepted in review (`diplograph review --accept`)
#################################################################

"""
MEETING = """\
# an entity minted by the rules
<person/murat-nurtleu>
    a dip:Person ;
    rdfs:label "Murat Nurtleu"@en .

# #2 corrected (participant, place, date), from the rule layer (rules: meeting.verb)
# in the rule layer: <event/meeting/2024-05-06/murat-nurtleu-wang-yi>
<event/meeting/2024-05-03/murat-nurtleu-xi-jinping>
    a dip:Meeting ;
    rdfs:label "Meeting: Murat Nurtleu, Xi Jinping"@en ;
    dip:date "2024-05-03"^^xsd:date ;
    dip:participant <person/murat-nurtleu> ,
        <person/xi-jinping> ;
    dip:place <city/moscow> .

[] a dip:Attestation ;
    dip:attests <event/meeting/2024-05-03/murat-nurtleu-xi-jinping> ;
    dip:modality dip:Happened ;
    dip:text "Kazakh Foreign Minister Murat Nurtleu met Wang Yi in Astana" .
"""
REJECTED_HEAD = (
    f"# Facts of the rule layer rejected in review for seeds/{NEW}.txt\n"
    "# (`diplograph review --reject`): one IRI a line, never offered again.\n"
)
OPEN_ROWS = [
    "#1   0.80  Invitation           Invitation: Vladimir Putin",
    "#3   0.60  Statement            Statement: Russia",
    "#4   0.40  PositionHolding      Murat Nurtleu as Foreign minister of Kazakhstan",
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project with one seed and one new article, and two people who share a
    name (no article names them: the rules find the same)."""
    root = make_project(tmp_path)
    with (root / "mappings" / "entities.ttl").open("a", encoding="utf-8") as entities:
        for key in ("a", "b"):
            entities.write(
                f'\n<person/zhang-wei-{key}> a dip:Person ; rdfs:label "Zhang Wei"@en .\n'
            )
    return root


def _written(root: Path) -> dict[str, bytes]:
    """Every file of mappings/gold/ by name."""
    return {p.name: p.read_bytes() for p in sorted((root / "mappings" / "gold").iterdir())}


def test_a_corrected_row_is_written_with_its_values_and_the_build_shows_them(project):
    gold = project / "mappings" / "gold"
    result = _review(
        project,
        NEW,
        "--correct",
        "2",
        "--set",
        "date=2024-05-03",
        "--set",
        "place=Q649",  # Moscow, by its Wikidata link
        "--set",
        "participant=Murat Nurtleu; xi jinping",  # labels, in any case
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "corrected #2 (participant, place, date) as "
        "id:event/meeting/2024-05-03/murat-nurtleu-xi-jinping and 1 entity description(s) "
        f"into mappings/gold/{NEW}.ttl\n"
        f"listed #2's rule fact as corrected in mappings/gold/{NEW}.rejected.txt\n"
    )
    # 'on Monday' (6 May) contradicts the corrected date: the date words are left out
    assert (gold / f"{NEW}.ttl").read_text(encoding="utf-8") == HEAD + MEETING
    assert (gold / f"{NEW}.rejected.txt").read_text(encoding="utf-8") == REJECTED_HEAD + (
        "https://w3id.org/diplograph/id/event/meeting/2024-05-06/murat-nurtleu-wang-yi  "
        "# corrected as id:event/meeting/2024-05-03/murat-nurtleu-xi-jinping: "
        "Meeting: Murat Nurtleu, Xi Jinping\n"
    )
    again = _review(project, NEW)
    assert _headers(again.stdout) == OPEN_ROWS
    assert again.stdout.splitlines()[-1] == "(3 open candidate(s) of 4 rule fact(s), 1 rejected)"

    result = build(project)
    assert result.report.conforms and result.report.rows == ()
    assert result.quarantined == ()
    # 900_new's #1, #3, #4 and its corrected rule fact, and the seed's #13 and Putin's statement
    # (a rejected or corrected rule fact stays a candidate in the build's count, as before)
    assert result.summary["rule_layer_candidates"] == 6
    queries = project / "queries"
    met = run_query(
        result.store,
        get_query(queries, "meetings-of-person"),
        {"person": "Murat Nurtleu", "from": "2024-05-01", "to": "2024-05-31"},
    )
    assert [tuple(map(str, row)) for row in met.rows] == [("2024-05-03", "Xi Jinping")]
    in_russia = run_query(
        result.store, get_query(queries, "events-in-country"), {"country": "wd:Q159"}
    )
    assert [str(row[1]) for row in in_russia.rows if "meeting" in str(row[1])] == [
        "https://w3id.org/diplograph/id/event/meeting/2024-05-03/murat-nurtleu-xi-jinping"
    ]


def test_kind_speaker_modality_and_claim_source_are_corrected(project):
    mapping = project / "mappings" / "gold" / f"{NEW}.ttl"
    claim = _review(
        project, NEW, "--correct", "1", "--set", "modality=expected", "--set", "claimedBy=-"
    )
    assert claim.stdout == (
        "corrected #1 (modality, claimedBy) as "
        f"id:event/invitation/2024-05-06/vladimir-putin-xi-jinping into mappings/gold/{NEW}.ttl\n"
    )  # same IRI: nothing to list as corrected, the hand mapping's fact hides the row
    assert not (project / "mappings" / "gold" / f"{NEW}.rejected.txt").exists()
    assert mapping.read_text(encoding="utf-8") == HEAD + (
        "# #1 corrected (modality, claimedBy), from the rule layer (rules: invitation.verb)\n"
        "<event/invitation/2024-05-06/vladimir-putin-xi-jinping>\n"
        "    a dip:Invitation ;\n"
        '    rdfs:label "Invitation: Vladimir Putin"@en ;\n'
        '    dip:date "2024-05-06"^^xsd:date ;\n'
        "    dip:invitee <person/xi-jinping> ;\n"
        "    dip:inviter <person/vladimir-putin> .\n"
        "\n"
        "[] a dip:Attestation ;\n"
        "    dip:attests <event/invitation/2024-05-06/vladimir-putin-xi-jinping> ;\n"
        "    dip:modality dip:Expected ;\n"
        '    dip:text "Vladimir Putin invited Xi Jinping" .\n'
    )
    before = mapping.read_text(encoding="utf-8")
    speaker = _review(
        project,
        NEW,
        "--correct",
        "3",
        "--set",
        "speaker=wd:Q7747",
        "--set",
        "kind=criticism",
        "--set",
        "target=id:person/xi-jinping",
    )
    assert speaker.exit_code == 0, speaker.output
    assert speaker.stdout.splitlines()[0] == (
        "corrected #3 (kind, speaker, target) as "
        f"id:event/criticism/undated/vladimir-putin-xi-jinping into mappings/gold/{NEW}.ttl"
    )
    assert mapping.read_text(encoding="utf-8") == before + (
        "\n"
        "# #3 corrected (kind, speaker, target), from the rule layer (rules: statement.says)\n"
        "# in the rule layer: <event/statement/undated/russia-900-new-s02>\n"
        "<event/criticism/undated/vladimir-putin-xi-jinping>\n"
        "    a dip:Criticism ;\n"
        '    rdfs:label "Criticism: Vladimir Putin"@en ;\n'
        "    dip:agent <person/vladimir-putin> ;\n"
        "    dip:target <person/xi-jinping> .\n"
        "\n"
        "[] a dip:Attestation ;\n"
        "    dip:attests <event/criticism/undated/vladimir-putin-xi-jinping> ;\n"
        "    dip:modality dip:Happened ;\n"
        '    dip:text "Moscow said" .\n'
    )
    assert _headers(_review(project, NEW).stdout) == [
        "#2   0.80  Meeting              Meeting: Murat Nurtleu, Wang Yi",
        OPEN_ROWS[2],
    ]
    result = build(project)
    assert result.report.conforms and result.report.rows == ()


NO_SUCH = f"run `diplograph review {NEW}` to list them"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--correct", "2", "--set", "colour=red"],
            f"{NEW} #2: a Meeting has no field 'colour' (kind, agent, target, traveller, host, "
            "sender, carrier, recipient, inviter, invitee, participant, place, theme, date, "
            "modality, speaker, claimedBy)",
        ),
        (
            ["--correct", "2", "--set", "place=Atlantis"],
            f"{NEW} #2: place: no entity is labelled 'Atlantis' (give an IRI such as "
            "id:city/astana)",
        ),
        (
            ["--correct", "2", "--set", "participant=Zhang Wei"],
            f"{NEW} #2: participant: 2 entities are labelled 'Zhang Wei': id:person/zhang-wei-a "
            "(Zhang Wei), id:person/zhang-wei-b (Zhang Wei); give one by its IRI",
        ),
        (
            ["--correct", "2", "--set", "place=wd:Q99999"],
            f"{NEW} #2: place: no entity is linked to wd:Q99999 (give an IRI such as "
            "id:city/astana)",
        ),
        (
            ["--correct", "2", "--set", "place=id:city/nowhere"],
            f"{NEW} #2: place: id:city/nowhere is no entity the project knows "
            "(mappings/entities.ttl, the hand mappings, the rules' findings or the reference "
            "gazetteer)",
        ),
        (
            ["--correct", "2", "--set", "date=2024-13-01"],
            f"{NEW} #2: date '2024-13-01' is not a day as YYYY-MM-DD (- removes the date)",
        ),
        (
            ["--correct", "2", "--set", "date=3 May 2024"],
            f"{NEW} #2: date '3 May 2024' is not a day as YYYY-MM-DD (- removes the date)",
        ),
        (
            ["--correct", "2", "--set", "modality=maybe"],
            f"{NEW} #2: modality 'maybe' is not one of Happened, Expected, Claimed, Denied",
        ),
        (
            ["--correct", "2", "--set", "speaker=Russia"],
            f"{NEW} #2: only a statement has a speaker (set claimedBy)",
        ),
        (
            ["--correct", "2", "--set", "place=Vladimir Putin"],
            f"{NEW} #2: corrected, it breaks dsh:EventShape-place (dip:place): Every dip:place "
            "of an event is a dip:Place.",
        ),
        (
            ["--correct", "2", "--set", "participant=-"],
            f"{NEW} #2: corrected, it breaks dsh:MeetingShape: A meeting has at least two "
            "dip:participant values, or one that is a dip:Organisation (a body's session).",
        ),
        (
            ["--correct", "2", "--set", "date=2024-05-06", "--set", "place=Astana"],
            f"{NEW} #2: the values given change nothing",
        ),
        (
            ["--correct", "2", "--set", "date=2024-05-03", "--set", "date=2024-05-04"],
            f"{NEW} #2: date is given twice",
        ),
        (
            ["--correct", "4", "--set", "kind=Visit"],
            f"{NEW} #4: a PositionHolding has no field 'kind' (holder, position, modality, "
            "claimedBy)",
        ),
        (
            ["--correct", "9", "--set", "date=2024-05-03"],
            f"{NEW}: no open candidate #9 (open: #1, #2, #3, #4); {NO_SUCH}",
        ),
        (
            ["--correct", "2", "--accept", "2", "--set", "date=2024-05-03"],
            f"{NEW}: #2 is both accepted and corrected",
        ),
        (["--correct", "2"], "--correct #2 needs the values it sets: --set FIELD=VALUE"),
        (
            ["--set", "date=2024-05-03"],
            "--set needs the row it corrects: --correct N --set FIELD=VALUE",
        ),
        (
            ["--correct", "2", "--set", "date"],
            "--set 'date': give FIELD=VALUE, e.g. date=2024-05-03",
        ),
        (
            ["--correct", "2,3", "--set", "date=2024-05-03"],
            "--correct takes one row at a time (its --set values are that row's)",
        ),
    ],
)
def test_a_bad_correction_is_one_line_exit_2_and_nothing_is_written(project, args, message):
    before = _written(project)
    result = _review(project, NEW, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {message}\n"
    assert _written(project) == before


def test_interactive_correct_asks_field_by_field_enter_keeps_a_value(project):
    answers = [
        "s",  # #1
        "c",  # #2, field by field:
        "",  # kind: kept
        "Nurtleu; Xi Jinping",  # participant: no such label, asked again
        "Murat Nurtleu; Xi Jinping",
        "Q649",  # place
        "5 May",  # date: not a day, asked again
        "2024-05-03",
        "",  # modality: kept
        "q",
    ]
    result = _review(project, NEW, "--interactive", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    asked = [line for line in result.stdout.splitlines() if re.match(r"  \S", line)]
    assert asked == [
        "  kind [Meeting]: ",
        "  participant [Murat Nurtleu; Wang Yi]: Nurtleu; Xi Jinping",
        f"  {NEW} #2: participant: no entity is labelled 'Nurtleu' (give an IRI such as "
        "id:person/murat-nurtleu) (Enter keeps Murat Nurtleu; Wang Yi)",
        "  participant [Murat Nurtleu; Wang Yi]: Murat Nurtleu; Xi Jinping",
        "  place [Astana]: Q649",
        "  date [2024-05-06]: 5 May",
        f"  {NEW} #2: date '5 May' is not a day as YYYY-MM-DD (- removes the date) "
        "(Enter keeps 2024-05-06)",
        "  date [2024-05-06]: 2024-05-03",
        "  modality [Happened]: ",
    ]
    assert result.stdout.splitlines()[-2:] == [
        "corrected #2 (participant, place, date) as "
        "id:event/meeting/2024-05-03/murat-nurtleu-xi-jinping and 1 entity description(s) "
        f"into mappings/gold/{NEW}.ttl",
        f"listed #2's rule fact as corrected in mappings/gold/{NEW}.rejected.txt",
    ]
    assert (project / "mappings" / "gold" / f"{NEW}.ttl").read_text(encoding="utf-8") == (
        HEAD + MEETING
    )


def test_interactive_correct_that_changes_nothing_is_a_skip(project):
    result = _review(project, NEW, "--interactive", input="c" + "\n" * 7 + "q\n")
    assert result.exit_code == 0, result.output
    assert "  nothing changed: skipped" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == "nothing decided, nothing written"
    assert not (project / "mappings" / "gold" / f"{NEW}.ttl").exists()


def test_interactive_correct_the_shapes_refuse_is_said_and_the_others_are_kept(project):
    answers = ["a", "c", "", "-", "", "", "", "q"]  # accept #1; #2 without participants
    result = _review(project, NEW, "--interactive", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert (
        f"  not corrected: {NEW} #2: corrected, it breaks dsh:MeetingShape: A meeting has at "
        "least two dip:participant values, or one that is a dip:Organisation (a body's session)."
    ) in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == f"accepted #1 into mappings/gold/{NEW}.ttl"


def test_field_values_and_kind_words():
    assert parse_sets(["participant=A; B", "place=-"]) == [("participant", "A; B"), ("place", "-")]
    assert kind_words("InvitationAcceptance") == "Invitation acceptance"


ACCEPTED_MEETING = """
# #2 accepted, from the rule layer (rules: meeting.verb)
<event/meeting/2024-05-06/murat-nurtleu-wang-yi>
    a dip:Meeting ;
    rdfs:label "Meeting: Murat Nurtleu, Wang Yi"@en ;
    dip:date "2024-05-06"^^xsd:date ;
    dip:participant <person/murat-nurtleu> ,
        <person/wang-yi> ;
    dip:place <city/astana> .

[] a dip:Attestation ;
    dip:attests <event/meeting/2024-05-06/murat-nurtleu-wang-yi> ;
    dip:modality dip:Happened ;
"""


def test_a_row_accepted_in_review_is_corrected_in_place_and_back(project):
    mapping = project / "mappings" / "gold" / f"{NEW}.ttl"
    rejected = project / "mappings" / "gold" / f"{NEW}.rejected.txt"
    assert _review(project, NEW, "--accept", "2,4").exit_code == 0
    assert mapping.read_text(encoding="utf-8") == ACCEPTED_2_4
    section = ACCEPTED_MEETING + '    dip:dateExpression "on Monday" ;\n'
    section += '    dip:text "Kazakh Foreign Minister Murat Nurtleu met Wang Yi in Astana" .\n'
    assert section in ACCEPTED_2_4
    result = _review(
        project,
        NEW,
        "--correct",
        "2",
        "--set",
        "date=2024-05-03",
        "--set",
        "place=wd:Q649",
        "--set",
        "participant=Murat Nurtleu; Xi Jinping",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "corrected #2 again (participant, place, date) as "
        f"id:event/meeting/2024-05-03/murat-nurtleu-xi-jinping into mappings/gold/{NEW}.ttl\n"
        f"listed #2's rule fact as corrected in mappings/gold/{NEW}.rejected.txt\n"
    )
    corrected = MEETING[MEETING.index("# #2 corrected") :]
    assert mapping.read_text(encoding="utf-8") == (
        ACCEPTED_2_4.replace(section, "") + "\n" + corrected
    )  # the section review wrote is replaced; what it described stays
    assert rejected.read_text(encoding="utf-8") == REJECTED_HEAD + (
        "https://w3id.org/diplograph/id/event/meeting/2024-05-06/murat-nurtleu-wang-yi  "
        "# corrected as id:event/meeting/2024-05-03/murat-nurtleu-xi-jinping: "
        "Meeting: Murat Nurtleu, Xi Jinping\n"
    )
    assert _headers(_review(project, NEW).stdout) == OPEN_ROWS[:2]  # #4 is accepted

    back = _review(
        project,
        NEW,
        "--correct",
        "2",
        "--set",
        "date=2024-05-06",
        "--set",
        "place=Astana",
        "--set",
        "participant=Murat Nurtleu; Wang Yi",
    )
    assert back.stdout == (
        "corrected #2 again (as the rules found it) as "
        f"id:event/meeting/2024-05-06/murat-nurtleu-wang-yi into mappings/gold/{NEW}.ttl\n"
    )
    assert mapping.read_text(encoding="utf-8") == (
        ACCEPTED_2_4.replace(section, "")
        + ACCEPTED_MEETING
        + '    dip:text "Kazakh Foreign Minister Murat Nurtleu met Wang Yi in Astana" .\n'
    )  # the date words the first correction left out stay out
    assert rejected.read_text(encoding="utf-8") == REJECTED_HEAD


def test_a_rejected_row_one_written_by_hand_or_one_referred_to_is_not_corrected(project):
    assert _review(project, NEW, "--reject", "3").exit_code == 0
    (project / "seeds" / "901_acc.txt").write_text(ACCEPTANCE, encoding="utf-8")
    assert _review(project, "901_acc", "--accept", "2").exit_code == 0  # with #1, the invitation
    before = _written(project)
    for args, message in [
        (
            [NEW, "--correct", "3", "--set", "speaker=Q7747"],
            f"{NEW}: #3 is rejected: take it out of mappings/gold/{NEW}.rejected.txt to correct it",
        ),
        (
            [SEED, "--correct", "1", "--set", "date=2023-09-12"],
            f"{SEED}: #1 is in mappings/gold/{SEED}.ttl, written by hand: correct it there",
        ),
        (
            ["901_acc", "--correct", "1", "--set", "invitee=Kim Jong Un"],
            "901_acc #1: id:event/invitation/undated/vladimir-putin-xi-jinping is referred to by "
            "id:event/invitation-acceptance/2024-05-10/xi-jinping-vladimir-putin-invitation-"
            "vladimir-putin-xi-jinping in mappings/gold/901_acc.ttl: correct it there",
        ),
    ]:
        result = _review(project, *args)
        assert (result.exit_code, result.stderr) == (2, f"error: {message}\n")
        assert _written(project) == before
    # what keeps its IRI can be corrected: nothing refers to another one
    modality = _review(project, "901_acc", "--correct", "1", "--set", "modality=Expected")
    assert modality.stdout == (
        "corrected #1 again (modality) as id:event/invitation/undated/vladimir-putin-xi-jinping "
        "into mappings/gold/901_acc.ttl\n"
    )


def test_a_role_set_twice_takes_both_values(project):
    args = ["--correct", "2", "--set", "date=2024-05-03", "--set", "place=id:city/moscow"]
    args += ["--set", "participant=Murat Nurtleu", "--set", "participant=Xi Jinping"]
    assert _review(project, NEW, *args).exit_code == 0
    mapping = project / "mappings" / "gold" / f"{NEW}.ttl"
    assert mapping.read_text(encoding="utf-8") == HEAD + MEETING
