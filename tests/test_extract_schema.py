"""Rule schema (extract/schema.py) and vocabulary (vocabulary.py): every key of a rule file is
declared with its type; an unknown or misspelt key, a wrong type, or an event kind the ontology
or `kinds` lacks is an InputError naming the file and line; kinds and roles come from the
ontology."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.errors import InputError
from diplograph.extract import load_rules, rules
from diplograph.extract.rulefiles import SECTIONS, read_rule_file
from diplograph.extract.schema import RULES, TOKEN_KEYS
from diplograph.extract.schema import SECTIONS as OTHER_SECTIONS
from diplograph.vocabulary import event_kinds, event_roles, parent_kinds, vocabulary

ROOT = Path(__file__).resolve().parents[1]
RULES_DIR = ROOT / "mappings" / "rules"
KINDS = """\
kinds:
  Visit: {required: [traveller, place], key: [traveller, place]}
  Meeting: {required: [participant], key: [participant]}
"""
EVENT = """\
events:
  - id: test.visit
    kind: Visit
    patterns:
      - [{ent: agent, role: traveller}, {lemma: visit, trigger: true}, {ent: place, role: place}]
"""


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    """Rules compiled here never reach the user's cache."""
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(tmp_path_factory.mktemp("cache")))


def _folder(tmp_path: Path, *texts: str) -> Path:
    """A rule folder of small files: 0-kinds.yaml, then one file per text."""
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "0-kinds.yaml").write_text(KINDS, encoding="utf-8")
    for number, text in enumerate(texts, 1):
        (folder / f"{number}-test.yaml").write_text(text, encoding="utf-8")
    return folder


def _error(tmp_path: Path, *texts: str) -> str:
    """The message of the InputError that loading the folder raises."""
    with pytest.raises(InputError) as raised:
        load_rules(_folder(tmp_path, *texts))
    return str(raised.value)


def test_the_project_rules_load_and_every_file_fits_the_schema():
    compiled = load_rules(RULES_DIR)
    assert len(compiled.rules["events"]) >= 30
    for path in sorted(RULES_DIR.glob("*.yaml")):
        read_rule_file(path)  # raises on the first key the schema does not declare


def test_every_section_has_a_schema():
    assert set(SECTIONS) == set(RULES) | set(OTHER_SECTIONS)
    assert rules.TOKEN_KEYS is TOKEN_KEYS


def test_a_good_rule_file_loads(tmp_path):
    compiled = load_rules(_folder(tmp_path, EVENT))
    assert compiled.rule("test.visit").get("kind") == "Visit"


ONE = "1-test.yaml"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            EVENT.replace("    kind: Visit\n", "    kind: Visit\n    priorty: 1\n"),
            4,
            "rule 'test.visit': unknown key 'priorty' (did you mean 'priority'?)",
        ),
        (
            EVENT.replace("    kind: Visit\n", "    kind: Visit\n    colour: red\n"),
            4,
            "rule 'test.visit': unknown key 'colour'",
        ),
        (
            EVENT.replace("    kind: Visit\n", "    kind: Visit\n    priority: high\n"),
            4,
            "rule 'test.visit': 'priority' must be an integer, not 'high'",
        ),
        (
            EVENT.replace("    kind: Visit\n", "    kind: Visit\n    dated: 'no'\n"),
            4,
            "rule 'test.visit': 'dated' must be true or false, not 'no'",
        ),
        (
            EVENT.replace("    kind: Visit\n", "    kind: Visit\n    prefer: longer\n"),
            4,
            "rule 'test.visit': 'prefer': unknown preference 'longer' (did you mean 'longest'?)",
        ),
        (
            EVENT.replace(
                "    kind: Visit\n", "    kind: Visit\n    defaults: {tourist: speaker}\n"
            ),
            4,
            "rule 'test.visit': 'defaults': unknown role 'tourist'",
        ),
        (
            EVENT.replace(
                "    kind: Visit\n",
                "    kind: Visit\n    content:\n      kind: Visit\n      modality: Maybe\n",
            ),
            6,
            "rule 'test.visit': 'content.modality': unknown modality 'Maybe'",
        ),
        (
            EVENT.replace(
                "    kind: Visit\n",
                "    kind: Visit\n    content:\n      kind: Visit\n      form: following\n",
            ),
            6,
            "rule 'test.visit': unknown key 'content.form' (did you mean 'from'?)",
        ),
        (
            EVENT.replace("{lemma: visit", "{lemmma: visit"),
            5,
            "rule 'test.visit': unknown pattern key(s): lemmma (did you mean 'lemma'?)",
        ),
        (
            EVENT.replace("trigger: true", "trigger: yes"),
            5,
            "rule 'test.visit': 'patterns.trigger' must be true or false, not 'yes'",
        ),
        (
            EVENT.replace("    kind: Visit\n", ""),
            2,
            "rule 'test.visit': missing key 'kind'",
        ),
        (
            EVENT.replace("kind: Visit", "kind: Vist"),
            2,
            "rule 'test.visit': unknown event kind 'Vist' (did you mean 'Visit'?)",
        ),
        (
            EVENT.replace("kind: Visit", "kind: Person"),
            2,
            "rule 'test.visit': unknown event kind 'Person'",
        ),
        (
            EVENT.replace("kind: Visit", "kind: Talks"),
            2,
            "rule 'test.visit': event kind 'Talks' has no entry in `kinds`",
        ),
        (
            "gazetteer:\n  aliases: {DPRK: North Korea}\n  nationalites: {Korean: Korea}\n",
            3,
            "gazetteer: unknown key 'nationalites' (did you mean 'nationalities'?)",
        ),
        (
            "gazetteer:\n  generic: Korea\n",
            2,
            "gazetteer: 'generic' must be a list of words, not 'Korea'",
        ),
        (
            "kinds:\n  Talks: {requried: [participant], key: [participant]}\n",
            2,
            "kind 'Talks': unknown key 'requried' (did you mean 'required'?)",
        ),
        (
            "kinds:\n  Talks: {required: [participants], key: [participant]}\n",
            2,
            "kind 'Talks': 'required': unknown role 'participants' (did you mean 'participant'?)",
        ),
        (
            "kinds:\n  Talks: {required: [participant]}\n",
            2,
            "kind 'Talks': missing key 'key'",
        ),
        (
            "kinds:\n  Voyage: {key: [traveller]}\n",
            2,
            "kinds: unknown event kind 'Voyage'",
        ),
        (
            "classes:\n  travel_verb: travel\n",
            2,
            "classes: 'travel_verb' must be a list of words, not 'travel'",
        ),
        (
            "modality:\n  - id: test.cue\n    modality: Expected\n    windw: 4\n"
            "    patterns: [[{lower: will, trigger: true}]]\n",
            4,
            "rule 'test.cue': unknown key 'windw' (did you mean 'window'?)",
        ),
        (
            EVENT.replace("kind: Visit", "kind: Visit\n    defaults: {place: contex_place}"),
            4,
            "rule 'test.visit': 'defaults.place': unknown source 'contex_place' "
            "(did you mean 'context_place'?)",
        ),
        (
            "kinds:\n  Talks: {key: [participant], defaults: {place: [met:Meeting.place, "
            "contxt_place]}}\n",
            2,
            "kind 'Talks': 'defaults.place': unknown source 'contxt_place' "
            "(did you mean 'context_place'?)",
        ),
        (
            "event:\n  - id: x\n",
            1,
            "unknown section 'event' (did you mean 'events'?)",
        ),
        (
            "frames:\n  - id: test.frame\n    kind: Visit\n    triggers: [visit]\n"
            "    slots: {subjet: traveller}\n",
            5,
            "rule 'test.frame': 'slots': unknown slot 'subjet' (did you mean 'subject'?)",
        ),
        (
            "frames:\n  - id: test.frame\n    kind: Visit\n    triggers: [visit]\n"
            "    slots: {subject: travller}\n",
            5,
            "rule 'test.frame': 'slots.subject': unknown role 'travller' "
            "(did you mean 'traveller'?)",
        ),
        (
            "frames:\n  - id: test.frame\n    kind: Voyage\n    triggers: [visit]\n"
            "    slots: {subject: traveller}\n",
            2,
            "rule 'test.frame': unknown event kind 'Voyage'",
        ),
    ],
)
def test_each_mistake_is_an_error_naming_file_line_and_rule(tmp_path, text, line, message):
    error = _error(tmp_path, text)
    assert error == f"{tmp_path / 'rules' / ONE}:{line}: {message}"


def test_an_implied_kind_without_an_entry_is_an_error(tmp_path):
    implied = KINDS + "  Arrival: {key: [traveller], implies: {kind: Talks}}\n"
    folder = _folder(tmp_path)
    (folder / "0-kinds.yaml").write_text(implied, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_rules(folder)
    assert str(raised.value) == (
        f"{folder / '0-kinds.yaml'}:4: kind 'Arrival': event kind 'Talks' has no entry in `kinds`"
    )


def test_kinds_roles_and_parents_come_from_the_ontology():
    known = vocabulary()
    assert {"Visit", "Talks", "Statement", "BorderCrossing"} <= event_kinds()
    assert "Delegation" not in event_kinds() and "Event" not in event_kinds()
    assert parent_kinds()["Talks"] == "Meeting"
    assert parent_kinds()["Accusation"] == "Statement"
    assert event_roles()[: len(known.participants)] == known.participants
    assert known.participants[-1] == "participant"
    assert {"agent", "traveller", "recipient", "place", "theme"} <= set(event_roles())
    assert "content" not in event_roles()  # an event, not a role filled by a name
    assert known.modalities == ("Happened", "Expected", "Claimed", "Denied")
    assert load_rules(RULES_DIR, ROOT / "ontology" / "diplo.ttl").roles == event_roles()


def test_a_kind_added_to_the_ontology_is_a_kind_without_python(tmp_path):
    text = (ROOT / "ontology" / "diplo.ttl").read_text(encoding="utf-8")
    extra = (
        '\ndip:Summit\n    a owl:Class ;\n    rdfs:label "summit"@en ;\n'
        '    rdfs:comment "A meeting of heads."@en ;\n    rdfs:subClassOf dip:Meeting .\n'
    )
    ontology = tmp_path / "diplo.ttl"
    ontology.write_text(text + extra, encoding="utf-8")
    assert "Summit" in event_kinds(ontology)
    assert parent_kinds(ontology)["Summit"] == "Meeting"
    folder = _folder(tmp_path, EVENT.replace("Visit", "Summit"))
    with pytest.raises(InputError, match="'Summit' has no entry in `kinds`"):
        load_rules(folder, ontology)
    kinds = KINDS + "  Summit: {required: [participant], key: [participant]}\n"
    (folder / "0-kinds.yaml").write_text(kinds, encoding="utf-8")
    assert load_rules(folder, ontology).rule("test.visit").get("kind") == "Summit"


def test_a_value_one_alternative_fits_leaves_no_garbage_in_cycles():
    """An alternative that failed before the one that fits leaves no exception whose traceback
    holds the checking frame (a cycle only the collector frees: 100,000 objects when the rule
    files are checked)."""
    import gc

    from diplograph.extract.schema import NAME_OR_NAMES

    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        NAME_OR_NAMES.check(["Wang Yi", "Sergey Lavrov"], 1, "people", vocabulary())
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
