"""`diplograph review ARTICLE`: numbered rows, --accept / --reject into the hand mapping and its
rejected list, the interactive path, and `add` showing what the rules found (issue 11)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, XSD, Literal

from diplograph.build import build
from diplograph.cli import cli
from diplograph.iris import article_graph_iri
from diplograph.namespaces import DIP, ID
from diplograph.quality.accept import Writer
from diplograph.store.layers import layer_graphs

ROOT = Path(__file__).resolve().parents[1]
SEED = "004_1b385efb04788e90"
NEW = "900_new"
NEW_TEXT = (  # an invitation with no place ("to Moscow" would add its expected visit as a row)
    " date 2024-05-10 Kazakh Foreign Minister Murat Nurtleu met Wang Yi in Astana on Monday. "
    "Vladimir Putin invited Xi Jinping, and Xi was pleased, Moscow said.\n"
)
SEED_ROWS = """\
#13  0.80  SanctionImposition   Sanction imposition: Matthew Miller, United States Department of State, United States
     id:event/sanction-imposition/undated/matthew-miller-us-state-department-united-states-arms-brokers-north-korea-russia
     agent       United States (id:country/united-states); United States Department of State (id:org/us-state-department); Matthew Miller (id:person/matthew-miller)
     target      entities that brokered arms sales between North Korea and Russia (id:org/arms-brokers-north-korea-russia)
     date        undated
     modality    Happened
     rules       sanction-imposition.impose
     s13         “We have taken a number of actions already to sanction entities that brokered arms sales between North Korea and Russia”
                 claimed by Matthew Miller (id:person/matthew-miller)
(1 open candidate(s) of 26 rule fact(s), 0 rejected)
"""  # noqa: E501
NEW_ROWS = [
    "#1   0.80  Invitation           Invitation: Vladimir Putin",
    "#2   0.80  Meeting              Meeting: Murat Nurtleu, Wang Yi",
    "#3   0.60  Statement            Statement: Russia",
    "#4   0.40  PositionHolding      Murat Nurtleu as Foreign minister of Kazakhstan",
]
ACCEPTANCE = (
    " date 2024-05-10 Xi Jinping accepted an invitation from Vladimir Putin to visit Moscow, "
    "state media said on Friday.\n"
)
ACCEPTED_2_4 = """\
# Hand mapping (gold layer) of seeds/900_new.txt
# 900_new, 2024-05-10: started by `diplograph review`.

@base <https://w3id.org/diplograph/id/> .
@prefix dip:    <https://w3id.org/diplograph/ontology#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <http://schema.org/> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .

#################################################################
#    Accepted in review (`diplograph review --accept`)
#################################################################

# an entity from the reference gazetteer
<city/astana>
    a dip:City ;
    rdfs:label "Astana"@en ;
    dip:locatedIn <country/kazakhstan> ;
    schema:sameAs <https://sws.geonames.org/1526273/> .

# an entity from the reference gazetteer
<country/kazakhstan>
    a dip:Country ;
    rdfs:label "Kazakhstan"@en ;
    schema:sameAs <https://sws.geonames.org/1522867/> ;
    skos:altLabel "Qazaqstan"@en ,
        "Qazaqstan Respublïkası"@en ,
        "Republic of Kazakhstan"@en ,
        "Respublika Kazakhstan"@en ,
        "Казахстан"@en ,
        "Республика Казахстан"@en ,
        "Қазақстан Республикасы"@en .

# an entity minted by the rules
<person/murat-nurtleu>
    a dip:Person ;
    rdfs:label "Murat Nurtleu"@en .

# an entity minted by the rules
<person/wang-yi>
    a dip:Person ;
    rdfs:label "Wang Yi"@en .

# an entity minted by the rules
<position/foreign-minister-of-kazakhstan>
    a dip:Position ;
    rdfs:label "Foreign minister of Kazakhstan"@en ;
    dip:positionOf <country/kazakhstan> .

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
    dip:dateExpression "on Monday" ;
    dip:text "Kazakh Foreign Minister Murat Nurtleu met Wang Yi in Astana" .

# #4 accepted, from the rule layer (rules: title.holding)
<holding/murat-nurtleu/foreign-minister-of-kazakhstan>
    a dip:PositionHolding ;
    dip:holder <person/murat-nurtleu> ;
    dip:position <position/foreign-minister-of-kazakhstan> .

[] a dip:Attestation ;
    dip:attests <holding/murat-nurtleu/foreign-minister-of-kazakhstan> ;
    dip:modality dip:Happened ;
    dip:text "Kazakh Foreign Minister Murat Nurtleu" .
"""
ACCEPTED_13 = """
#################################################################
#    Accepted in review (`diplograph review --accept`)
#################################################################

# #13 accepted, from the rule layer (rules: sanction-imposition.impose)
<event/sanction-imposition/undated/matthew-miller-us-state-department-united-states-arms-brokers-north-korea-russia>
    a dip:SanctionImposition ;
    rdfs:label "Sanction imposition: Matthew Miller, United States Department of State, United States"@en ;
    dip:agent <country/united-states> ,
        <org/us-state-department> ,
        <person/matthew-miller> ;
    dip:target <org/arms-brokers-north-korea-russia> .

[] a dip:Claim ;
    dip:attests <event/sanction-imposition/undated/matthew-miller-us-state-department-united-states-arms-brokers-north-korea-russia> ;
    dip:modality dip:Happened ;
    dip:claimedBy <person/matthew-miller> ;
    dip:text "We have taken a number of actions already to sanction entities that brokered arms sales between North Korea and Russia" .
"""  # noqa: E501


def make_project(tmp_path: Path) -> Path:
    """A copy of the project with one seed (and its hand mapping) and one new article."""
    for folder in ("ontology", "mappings", "queries"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "seeds").mkdir()
    for name in (f"{SEED}.txt", f"{SEED}.meta.yaml"):
        shutil.copy(ROOT / "seeds" / name, tmp_path / "seeds" / name)
    for other in (tmp_path / "mappings" / "gold").glob("*.ttl"):
        if other.stem != SEED:
            other.unlink()
    (tmp_path / "seeds" / f"{NEW}.txt").write_text(NEW_TEXT, encoding="utf-8")
    return tmp_path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project with one seed (and its hand mapping) and one new article."""
    return make_project(tmp_path)


def _review(root: Path, *args: str, input: str | None = None):
    """Run `diplograph --root ROOT review ARGS`."""
    return CliRunner().invoke(cli, ["--root", str(root), "review", *args], input=input)


def _headers(output: str) -> list[str]:
    """The first line of each row."""
    return [line for line in output.splitlines() if line.startswith("#")]


def test_a_seed_lists_its_open_row_with_parties_modality_date_words_and_speaker():
    result = CliRunner().invoke(cli, ["--root", str(ROOT), "review", SEED])
    assert result.exit_code == 0, result.output
    assert result.stdout == SEED_ROWS
    by_path = CliRunner().invoke(cli, ["--root", str(ROOT), "review", f"seeds/{SEED}.txt"])
    assert by_path.stdout == SEED_ROWS


def test_a_new_article_lists_everything_the_rules_found_new_entities_marked(project):
    result = _review(project, NEW)
    assert result.exit_code == 0, result.output
    assert _headers(result.stdout) == NEW_ROWS
    lines = result.stdout.splitlines()
    assert (
        "     participant Murat Nurtleu (id:person/murat-nurtleu) [new]; "
        "Wang Yi (id:person/wang-yi) [new]"
    ) in lines
    assert "     speaker     Russia (id:country/russia)" in lines  # a statement's agent
    assert "                 claimed by Russia (id:country/russia)" in lines  # a claim's
    assert "     date        2024-05-06" in lines
    assert lines[-1] == "(4 open candidate(s) of 4 rule fact(s), 0 rejected)"


def test_accepting_two_rows_writes_readable_turtle_and_the_build_conforms(project):
    mapping = project / "mappings" / "gold" / f"{NEW}.ttl"
    accepted = _review(project, NEW, "--accept", "2", "--accept", "4")
    assert accepted.exit_code == 0, accepted.output
    assert accepted.stdout == (
        f"accepted #2, #4 and 5 entity description(s) into mappings/gold/{NEW}.ttl\n"
    )
    assert mapping.read_text(encoding="utf-8") == ACCEPTED_2_4
    seed = project / "mappings" / "gold" / f"{SEED}.ttl"
    before = seed.read_text(encoding="utf-8")
    assert _review(project, SEED, "--accept", "#13").exit_code == 0
    assert seed.read_text(encoding="utf-8") == before + ACCEPTED_13  # appended, every byte kept
    # the rows are gone from the review, and the others keep their numbers
    assert _headers(_review(project, NEW).stdout) == [NEW_ROWS[0], NEW_ROWS[2]]
    assert _review(project, SEED).stdout == "(0 open candidate(s) of 26 rule fact(s), 0 rejected)\n"

    # accepting an acceptance writes the invitation it accepts and the visit that invitation is to
    (project / "seeds" / "901_acc.txt").write_text(ACCEPTANCE, encoding="utf-8")
    needs = _review(project, "901_acc", "--accept", "2")
    assert needs.stdout == (
        "accepted #2 (with #1, #3, which they refer to) into mappings/gold/901_acc.ttl\n"
    )
    written = (project / "mappings" / "gold" / "901_acc.ttl").read_text(encoding="utf-8")
    assert [line for line in written.splitlines() if line.startswith("# #")] == [
        "# #2 accepted, from the rule layer (rules: acceptance.invitation)",
        "# #1 what an accepted fact refers to, from the rule layer "
        "(rules: acceptance.invitation.content)",
        "# #3 what an accepted fact refers to, from the rule layer "
        "(rules: acceptance.invitation.content.content)",
    ]
    assert "    dip:content <event/invitation/undated/vladimir-putin-xi-jinping> ;" in written

    result = build(project)
    assert result.report.conforms and result.report.rows == ()
    assert result.quarantined == ()
    gold = result.store.graph(article_graph_iri(NEW))
    meeting = ID["event/meeting/2024-05-06/murat-nurtleu-wang-yi"]
    assert (meeting, RDF.type, DIP.Meeting) in gold
    assert (meeting, DIP.date, Literal("2024-05-06", datatype=XSD.date)) in gold
    attestation = gold.value(None, DIP.attests, meeting)  # the article and sentence it came from
    assert gold.value(attestation, DIP.sentence) == ID[f"sentence/{NEW}/s01"]
    offsets = [int(gold.value(attestation, p)) for p in (DIP.beginIndex, DIP.endIndex)]
    assert NEW_TEXT[offsets[0] : offsets[1]] == (
        "Kazakh Foreign Minister Murat Nurtleu met Wang Yi in Astana"
    )
    holding = ID["holding/murat-nurtleu/foreign-minister-of-kazakhstan"]
    assert (holding, DIP.holder, ID["person/murat-nurtleu"]) in gold
    sanction = ID[
        "event/sanction-imposition/undated/"
        "matthew-miller-us-state-department-united-states-arms-brokers-north-korea-russia"
    ]
    seed_graph = result.store.graph(article_graph_iri(SEED))
    claim = seed_graph.value(None, DIP.attests, sanction)
    assert (claim, RDF.type, DIP.Claim) in seed_graph
    assert seed_graph.value(claim, DIP.claimedBy) == ID["person/matthew-miller"]
    assert seed_graph.value(claim, DIP.sentence) == ID[f"sentence/{SEED}/s13"]
    assert result.summary["rule_layer_candidates"] == 3  # 900_new's #1 and #3, the seed's Putin


def test_a_rejected_row_is_listed_beside_the_mapping_and_not_offered_again(project):
    rejected = _review(project, NEW, "--reject", "3")
    assert rejected.exit_code == 0, rejected.output
    assert rejected.stdout == f"rejected #3 into mappings/gold/{NEW}.rejected.txt\n"
    assert (project / "mappings" / "gold" / f"{NEW}.rejected.txt").read_text() == (
        f"# Facts of the rule layer rejected in review for seeds/{NEW}.txt\n"
        "# (`diplograph review --reject`): one IRI a line, never offered again.\n"
        "https://w3id.org/diplograph/id/event/statement/undated/russia-900-new-s02"
        "  # Statement: Russia\n"
    )
    assert not (project / "mappings" / "gold" / f"{NEW}.ttl").exists()
    again = _review(project, NEW)
    assert _headers(again.stdout) == [NEW_ROWS[0], NEW_ROWS[1], NEW_ROWS[3]]
    assert again.stdout.splitlines()[-1] == "(3 open candidate(s) of 4 rule fact(s), 1 rejected)"
    twice = _review(project, NEW, "--reject", "3")
    assert twice.exit_code == 2  # no longer open


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [NEW, "--accept", "2", "--reject", "9"],
            f"error: {NEW}: no open candidate #9 (open: #1, #2, #3, #4); "
            f"run `diplograph review {NEW}` to list them\n",
        ),
        (
            [NEW, "--accept", "2,2", "--reject", "2"],
            f"error: {NEW}: #2 is both accepted and rejected\n",
        ),
        (
            ["--accept", "2"],
            "error: --accept, --reject and --correct need an ARTICLE: diplograph review NAME\n",
        ),
        (["nope"], "error: nope: no such article in {seeds} (give its name or its seeds/ path)\n"),
    ],
)
def test_an_unknown_row_or_article_is_one_line_exit_2_and_nothing_is_written(
    project, args, message
):
    before = {p: p.read_bytes() for p in (project / "mappings" / "gold").iterdir()}
    result = _review(project, *args)
    assert result.exit_code == 2
    assert result.stderr == message.format(seeds=project / "seeds")
    assert {p: p.read_bytes() for p in (project / "mappings" / "gold").iterdir()} == before


def test_interactive_accept_skip_reject_then_quit(project):
    result = _review(project, NEW, "--interactive", input="a\ns\nr\nq\n")
    assert result.exit_code == 0, result.output
    prompts = [line for line in result.stdout.splitlines() if "[a/c/r/s/q]" in line]
    assert prompts == [
        "accept, correct, reject, skip or quit? [a/c/r/s/q]: a",
        "accept, correct, reject, skip or quit? [a/c/r/s/q]: s",
        "accept, correct, reject, skip or quit? [a/c/r/s/q]: r",
        "accept, correct, reject, skip or quit? [a/c/r/s/q]: q",
    ]
    assert result.stdout.splitlines()[-2:] == [
        f"accepted #1 into mappings/gold/{NEW}.ttl",
        f"rejected #3 into mappings/gold/{NEW}.rejected.txt",
    ]
    assert _headers(_review(project, NEW).stdout) == [NEW_ROWS[1], NEW_ROWS[3]]
    # without a terminal and without --interactive it only lists, writing nothing
    listed = _review(project, NEW, input="a\n")
    assert "[a/c/r/s/q]" not in listed.stdout
    assert _headers(listed.stdout) == [NEW_ROWS[1], NEW_ROWS[3]]


def test_end_of_input_in_the_interactive_path_writes_nothing(project):
    result = _review(project, NEW, "--interactive", input="a\n")
    assert result.exit_code == 130
    assert not (project / "mappings" / "gold" / f"{NEW}.ttl").exists()


def test_add_shows_what_the_rules_found_unless_quiet(project, tmp_path_factory):
    source = tmp_path_factory.mktemp("in") / "astana.txt"
    source.write_text(NEW_TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--root", str(project), "add", str(source)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("added             seeds/2024-05-10_astana.txt  (astana.txt:1)")
    assert [line.strip() for line in lines if line.startswith("    #")] == NEW_ROWS
    assert "         participant Murat Nurtleu (id:person/murat-nurtleu) [new]; " in "\n".join(
        lines
    )
    assert lines[-3:] == [
        "    (4 open candidate(s) of 4 rule fact(s), 0 rejected)",
        "    conforms to the shapes",
        "1 article(s) added, 0 already in seeds/",
    ]
    other = source.with_name("again.txt")
    other.write_text(NEW_TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    quiet = CliRunner().invoke(cli, ["--root", str(project), "add", str(other), "--quiet"])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.stdout.splitlines() == [
        quiet.stdout.splitlines()[0],
        "1 article(s) added, 0 already in seeds/",
    ]


def test_add_shows_what_the_shapes_reject_with_its_sentence(project, tmp_path_factory):
    """An added article whose rule layer breaks a shape: `add` says so, one line per problem
    with its sentence, node, shape and message (the build would quarantine it)."""
    shapes = project / "ontology" / "diplo-shapes.ttl"
    shapes.write_text(
        shapes.read_text(encoding="utf-8") + "\ndsh:TestMeetingPlaceShape a sh:NodeShape ;\n"
        '    rdfs:label "test meeting place shape"@en ;\n'
        '    rdfs:comment "A test\'s shape: a meeting names where it took place."@en ;\n'
        "    sh:targetClass dip:Meeting ;\n"
        "    sh:property [ sh:path dip:place ; sh:minCount 1 ;\n"
        '        sh:message "A meeting names its place (a test\'s shape)."@en ] .\n',
        encoding="utf-8",
    )
    source = tmp_path_factory.mktemp("in") / "placeless.txt"
    source.write_text(
        " date 2024-05-10 Kazakh Foreign Minister Murat Nurtleu met Wang Yi on Monday.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["--root", str(project), "add", str(source)])
    assert result.exit_code == 0, result.output
    shacl = [line for line in result.stdout.splitlines() if "SHACL" in line]
    assert shacl == [
        "    SHACL: seeds/2024-05-10_placeless.txt: sentence 1 “Kazakh Foreign Minister Murat "
        "Nurtleu met Wang Yi on Monday.”: id:event/meeting/2024-05-06/murat-nurtleu-wang-yi "
        "dip:place breaks sh:MinCountConstraintComponent: A meeting names its place (a test's "
        "shape)."
    ]
    assert "conforms to the shapes" not in result.stdout


def test_add_with_progress_draws_the_articles_mapped_on_stderr(project, tmp_path_factory):
    """`add --progress` draws rich's display on stderr (the articles mapped of all, their rate,
    the time); stdout is what it is without it."""
    source = tmp_path_factory.mktemp("in") / "astana.txt"
    source.write_text(NEW_TEXT.replace("Monday", "Wednesday"), encoding="utf-8")
    args = ["--root", str(project), "add", str(source), "--progress"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    picture = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", result.stderr).split("\r")[-1]
    assert re.fullmatch(
        r"map by rules ━{30} 1/1 articles \d+\.\d articles/s +\d:\d\d:\d\d\n", picture
    ), picture
    assert result.stdout.splitlines()[-1] == "1 article(s) added, 0 already in seeds/"
    assert "map by rules" not in result.stdout


def test_prefixes_are_declared_only_when_used():
    writer = Writer(f"@base <{ID}> .\n@prefix dip: <{DIP}> .\n")
    assert writer.iri(ID["person/x"]) == "<person/x>"
    assert writer.iri(DIP.Meeting) == "dip:Meeting"
    assert writer.iri(RDF.type, declare=False) == "rdf:type" and writer.added == {}
    assert writer.term(Literal("2024-05-06", datatype=XSD.date)) == '"2024-05-06"^^xsd:date'
    assert writer.added == {"xsd": "http://www.w3.org/2001/XMLSchema#"}


def test_an_entity_accepted_in_two_articles_is_described_once(project):
    """The second mapping names the first for what it describes: two descriptions would give
    the person two labels when the articles spell the name differently (the build refused it)."""
    assert _review(project, NEW, "--accept", "2").stdout == (
        f"accepted #2 and 4 entity description(s) into mappings/gold/{NEW}.ttl\n"
    )
    (project / "seeds" / "902_two.txt").write_text(
        " date 2024-05-11 Kazakh Foreign Minister Murat Nurtleü met Wang Yi in Astana "
        "on Tuesday.\n",
        encoding="utf-8",
    )
    second = _review(project, "902_two", "--accept", "1")
    assert second.stdout == "accepted #1 into mappings/gold/902_two.ttl\n"
    text = (project / "mappings" / "gold" / "902_two.ttl").read_text(encoding="utf-8")
    assert text[text.index("# #1") :] == (
        "# #1 accepted, from the rule layer (rules: meeting.verb)\n"
        f"# <city/astana>: described in mappings/gold/{NEW}.ttl\n"
        f"# <person/murat-nurtleu>: described in mappings/gold/{NEW}.ttl\n"
        f"# <person/wang-yi>: described in mappings/gold/{NEW}.ttl\n"
        "<event/meeting/2024-05-07/murat-nurtleu-wang-yi>\n"
        "    a dip:Meeting ;\n"
        '    rdfs:label "Meeting: Murat Nurtleü, Wang Yi"@en ;\n'
        '    dip:date "2024-05-07"^^xsd:date ;\n'
        "    dip:participant <person/murat-nurtleu> ,\n"
        "        <person/wang-yi> ;\n"
        "    dip:place <city/astana> .\n"
        "\n"
        "[] a dip:Attestation ;\n"
        "    dip:attests <event/meeting/2024-05-07/murat-nurtleu-wang-yi> ;\n"
        "    dip:modality dip:Happened ;\n"
        '    dip:dateExpression "on Tuesday" ;\n'
        '    dip:text "Kazakh Foreign Minister Murat Nurtleü met Wang Yi in Astana" .\n'
    )
    result = build(project)
    assert result.report.conforms and result.report.rows == ()
    person = ID["person/murat-nurtleu"]
    asserted = result.store.union(layer_graphs(result.store, "asserted"))
    assert [str(o) for o in asserted.objects(person, RDFS.label)] == ["Murat Nurtleu"]


def _answer_on_a_terminal(root: Path, answers: list[str]) -> tuple[str, int]:
    """Run `diplograph review 900_new` as a real process on a pseudo-terminal (no
    --interactive: the terminal itself makes it ask), type each answer after its prompt, and
    return what the terminal showed and the exit code."""
    import os
    import select
    import subprocess
    import sys

    leader, follower = os.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "TERM": "dumb"}
    process = subprocess.Popen(
        [sys.executable, "-m", "diplograph", "--root", str(root), "review", NEW],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    shown, pending = b"", list(answers)
    try:
        while True:
            ready = select.select([leader], [], [], 60)[0]
            if not ready:
                raise AssertionError(f"no output for 60 s; so far: {shown.decode()!r}")
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the process closed the terminal
                break
            if not chunk:
                break
            shown += chunk
            if pending and shown.rstrip().endswith(b"[a/c/r/s/q]:"):
                os.write(leader, (pending.pop(0) + "\n").encode())
    finally:
        os.close(leader)
        code = process.wait(timeout=60)
    return shown.decode().replace("\r\n", "\n"), code


def test_on_a_real_terminal_review_asks_row_by_row(project):
    """On a real (pseudo-)terminal, `review ARTICLE` asks for each open row without
    --interactive; accepting #1 and rejecting #2 writes both decisions."""
    shown, code = _answer_on_a_terminal(project, ["a", "r", "q"])
    assert code == 0, shown
    prompts = [line for line in shown.splitlines() if "[a/c/r/s/q]" in line]
    assert prompts == ["accept, correct, reject, skip or quit? [a/c/r/s/q]: " + a for a in "arq"]
    assert shown.splitlines()[-2:] == [
        f"accepted #1 into mappings/gold/{NEW}.ttl",
        f"rejected #2 into mappings/gold/{NEW}.rejected.txt",
    ]
    assert _headers(_review(project, NEW).stdout) == [NEW_ROWS[2], NEW_ROWS[3]]


def test_the_reviews_of_a_project_share_one_reference_graph(warm_cache_folder):
    """The reference gazetteer's entities as a graph are made once per gazetteer (some 1,000
    entities), not once per reviewed article: exactly the gazetteer's reference triples. The
    cache folder is the test's own: another worker writing the shared folder's entry again
    between the two reads gave the second its own rule layer (a failure seen under load)."""
    from diplograph.quality.review_article import Reviewer

    reviewer = Reviewer.open(ROOT)
    first = reviewer.reference()
    assert reviewer.reference() is first
    assert Reviewer.open(ROOT).reference() is first  # the process's rule layer, read once
    triples = {t for found in reviewer.gazetteer.reference.values() for t in found}
    assert set(first) == triples and len(triples) > 1000
