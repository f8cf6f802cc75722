"""Rule files: the project's rules compile; every malformed rule file is an InputError that names
the file and the line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF

from diplograph.errors import InputError
from diplograph.extract import extract_article, load_rules
from diplograph.extract.clean import article_from_text
from diplograph.extract.matcher import find
from diplograph.extract.names import vocabulary as names_vocabulary
from diplograph.extract.rulefiles import read_rule_file
from diplograph.extract.rules import PATTERN_SECTIONS, Rule
from diplograph.extract.sentences import tokenize
from diplograph.namespaces import DIP, ID
from diplograph.seeds import Sentence
from diplograph.vocabulary import ontology_file

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "mappings" / "rules"
GOOD_EVENT = """
events:
  - id: test.visit
    kind: Visit
    patterns:
      - [{ent: agent, role: traveller}, {lemma: visit, trigger: true}, {ent: place, role: place}]
"""


def _folder(tmp_path: Path, text: str, name: str = "bad.yaml") -> Path:
    """A rule folder with the project's rule files and one more."""
    for path in RULES.glob("*.yaml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_project_rules_compile():
    rules = load_rules(RULES)
    assert set(rules.rules) == {*PATTERN_SECTIONS, "frames"}
    assert len(rules.rules["events"]) >= 30
    assert all(rule.patterns for section in PATTERN_SECTIONS for rule in rules.rules[section])
    assert len(rules.rules["frames"]) >= 7
    assert all(not r.patterns and r.get("triggers") for r in rules.rules["frames"])


def test_yaml_words_like_off_stay_words():
    rules = load_rules(RULES)
    closure = rules.rule("border-closure.close")
    assert any(frozenset(["off"]) in needs for needs in closure.needs)


def test_a_new_rule_file_extends_the_rules(tmp_path):
    rules = load_rules(_folder(tmp_path, GOOD_EVENT, "extra.yaml"))
    assert rules.rule("test.visit").source.endswith("extra.yaml")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("events:\n  - id: x\n    kind: Visit: Arrival\n", 3, "malformed YAML"),
        ("rules:\n  - id: x\n", 1, "unknown section 'rules'"),
        (GOOD_EVENT.replace("lemma: visit", "lemmma: visit"), 6, "unknown pattern key(s): lemmma"),
        (GOOD_EVENT.replace("kind: Visit", "kind: Voyage"), 3, "unknown event kind 'Voyage'"),
        (GOOD_EVENT.replace(", trigger: true", ""), 6, "mark exactly one token `trigger: true`"),
        (GOOD_EVENT.replace("role: traveller", "role: tourist"), 6, "unknown role 'tourist'"),
        (GOOD_EVENT.replace("ent: place", "ent: planet"), 6, "unknown entity class 'planet'"),
        (GOOD_EVENT.replace("{lemma: visit", "{class: travel_verbs"), 6, "unknown word class"),
        (GOOD_EVENT.replace("kind: Visit", "kind: Visit\n    confidence: 2"), 3, "confidence"),
        (GOOD_EVENT + GOOD_EVENT.replace("events:\n", ""), 8, "duplicate rule id 'test.visit'"),
        ("boilerplate:\n  - id: b\n    line_regex: '(unclosed'\n", 2, "bad `line_regex`"),
        # guard: spaCy's check of a token, now once per distinct token (rules.PatternChecker)
        (GOOD_EVENT.replace("ent: place,", 'ent: place, op: "{x}",'), 6, "invalid pattern"),
    ],
)
def test_rule_file_errors_name_file_and_line(tmp_path, text, line, message):
    folder = _folder(tmp_path, text, "zz-bad.yaml")
    with pytest.raises(InputError) as error:
        load_rules(folder)
    assert f"zz-bad.yaml:{line}:" in str(error.value)
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("data", "where", "problem"),
    [
        (
            b"events:\n  - id: x\n    kind: Visit: Arrival\n",
            ":3:16",
            "mapping values are not allowed here",
        ),
        (b"events:\n  - id: caf\xe9\n", "", "not UTF-8 text: byte 0xe9 (save the file as UTF-8)"),
        (b"events: [x, y\n", ":2:1", "expected ',' or ']', but got '<stream end>'"),
    ],
    ids=["bad-mapping", "latin-1", "cut-short"],
)
def test_a_malformed_rule_file_is_one_line_with_file_line_and_column(
    tmp_path, data, where, problem
):
    """Found by tests/test_fuzz_loaders.py: PyYAML's message ran over five lines, and a byte that
    is not UTF-8 escaped as a UnicodeDecodeError."""
    path = tmp_path / "bad.yaml"
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_rule_file(path)
    assert str(error.value) == f"{path}{where}: malformed YAML: {problem}"


def test_a_folder_without_rule_files_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no rule files"):
        load_rules(tmp_path)


QUOTED_RULES = """
modality:
  - id: test.peace-quoted
    modality: Claimed
    window: 4
    patterns:
      - [{lower: peace, quoted: true, trigger: true}]
  - id: test.peace-plain
    modality: Claimed
    window: 4
    patterns:
      - [{lower: peace, quoted: false, trigger: true}]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "peace" was near.', ["test.peace-quoted"]),
        ("He said peace was near.", ["test.peace-plain"]),
        ('He said peace, not "war", was near.', ["test.peace-plain"]),
    ],
)
def test_quoted_true_and_false_select_words_inside_and_outside_quotes(tmp_path, text, expected):
    rules = load_rules(_folder(tmp_path, QUOTED_RULES, "quoted.yaml"))
    units, _ = tokenize(Sentence(1, 0, len(text), text), rules)
    found = [m.rule.id for m in find("modality", units, rules) if m.rule.id.startswith("test.")]
    assert found == expected


GAP_RULES = """
modality:
  - id: test.held-meeting
    modality: Expected
    window: 4
    patterns:
      - [{lower: held, trigger: true}, {gap: 2}, {lower: meeting}]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They held a closed-door meeting.", ["test.held-meeting"]),  # two words, five tokens
        ("They held a one-on-one meeting.", ["test.held-meeting"]),
        ("They held a closed door meeting.", []),  # three words
        ("They held a closed - door meeting.", []),  # a dash between spaces is a word
    ],
)
def test_a_gap_counts_hyphenated_words_as_one(tmp_path, text, expected):
    """`gap: N` allows N words: a word joined by hyphens written without spaces is one."""
    rules = load_rules(_folder(tmp_path, GAP_RULES, "gap.yaml"))
    units, _ = tokenize(Sentence(1, 0, len(text), text), rules)
    found = [m.rule.id for m in find("modality", units, rules) if m.rule.id.startswith("test.")]
    assert found == expected


CLASS_RULES = """
classes:
  test_gathering: [meeting, summit]
  test_participle: [saying, noting]
modality:
  - id: test.held-gathering
    modality: Expected
    window: 4
    patterns:
      - [{lower: held, trigger: true}, {lower: a}, {class: test_gathering}]
  - id: test.participle
    modality: Expected
    window: 4
    patterns:
      - [{lower: ","}, {class: test_participle, trigger: true}]
  - id: test.lay
    modality: Expected
    window: 4
    patterns:
      - [{lemma: lay, trigger: true}, {lower: flowers}]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They held a meeting.", ["test.held-gathering"]),  # lemma "meet": by its lower form
        ("They held a summit.", ["test.held-gathering"]),
        ("They held a meet.", []),  # the lemma "meeting" has is no word of the class
        ("He left, saying it was over.", ["test.participle"]),  # lemma "say"
        ("He left, said it was over.", []),
        ("They lay flowers.", ["test.lay"]),  # a `lemma:` word too: "lay" has the lemma "lie"
        ("They laid flowers.", ["test.lay"]),
        ("They lied flowers.", []),
    ],
)
def test_a_class_or_lemma_list_matches_its_words_whatever_their_lemma(tmp_path, text, expected):
    """A class matches a unit whose lemma or lower form is one of its words: the Matcher tests
    lemmas, and "meeting" and "saying" have the lemmas "meet" and "say", not in their classes
    (the Matcher had missed the first, the fourth and the sixth sentence)."""
    rules = load_rules(_folder(tmp_path, CLASS_RULES, "classes.yaml"))
    units, _ = tokenize(Sentence(1, 0, len(text), text), rules)
    found = [m.rule.id for m in find("modality", units, rules) if m.rule.id.startswith("test.")]
    assert found == expected


LISTED_DEFAULTS = """
events:
  - id: test.zapped
    kind: AgreementSigning
    defaults: {participant: ["last:Talks.participant", "last:Meeting.participant"]}
    patterns:
      - [{lower: pact}, {lower: was}, {lower: zapped, trigger: true}]
"""


def test_a_rules_list_of_default_sources_takes_the_first_that_gives(tmp_path, layer):
    """A rule's `defaults` may list sources, as its schema says: no talks came before, so the
    parties are those of the last meeting."""
    rules = load_rules(_folder(tmp_path, LISTED_DEFAULTS, "listed.yaml"), ontology_file(ROOT))
    text = "Abiy Ahmed met William Ruto in Nairobi on Monday. The pact was zapped on Tuesday."
    article = article_from_text(Path("t.txt"), text, date(2024, 12, 3), rules)
    graph = extract_article(article, rules, layer[1])
    signings = list(graph.subjects(RDF.type, DIP.AgreementSigning))
    assert [
        sorted(str(p).removeprefix(str(ID)) for p in graph.objects(e, DIP.participant))
        for e in signings
    ] == [["person/abiy-ahmed", "person/william-ruto"]]


FIRST_WORD_LISTS = """
events:
  - id: test.short-list
    kind: Meeting
    patterns:
      - [{lemma: [greet, hug], trigger: true}, {ent: agent, role: participant}]
  - id: test.long-list
    kind: Visit
    patterns:
      - [{lemma: [tour, inspect, survey, view, visit], trigger: true}, {ent: place, role: place}]
"""


def _first_tokens(rules, rule_id: str) -> list[tuple[str, list]]:
    """Per matcher key of a rule, the LEMMA test of the first token of each spaCy pattern."""
    return [
        (key, [variant[0]["LEMMA"] for variant in variants])
        for key, variants in rules.rule(rule_id).specs
    ]


def test_a_short_first_word_list_is_one_pattern_a_word_and_a_long_one_a_set(tmp_path):
    """The Matcher starts a state for every pattern at every token: a first-token list of up to
    three words is one pattern a word, a longer one a single pattern testing the set."""
    rules = load_rules(_folder(tmp_path, FIRST_WORD_LISTS, "lists.yaml"))
    assert _first_tokens(rules, "test.short-list") == [("test.short-list#0.0", ["greet", "hug"])]
    assert _first_tokens(rules, "test.long-list") == [
        ("test.long-list#0.0", [{"IN": ["tour", "inspect", "survey", "view", "visit"]}])
    ]


COMMON_FIRST = """
events:
  - id: test.the-visit
    kind: Visit
    patterns:
      - [{lower: the}, {ent: agent, role: traveller}, {lemma: tour, trigger: true}]
"""


def test_a_rule_is_tried_on_the_sentences_with_its_least_likely_word(tmp_path):
    """A pattern is filed in the index under its least likely word ("tour", not "the" nor an
    entity), and its needs list that word first: most sentences are turned away at once."""
    from diplograph.extract.matcher import _pattern_index

    rules = load_rules(_folder(tmp_path, COMMON_FIRST, "common.yaml"))
    number = [r.id for r in rules.rules["events"]].index("test.the-visit")
    _, index, table = _pattern_index(rules, "events")
    mine = {f for f, (rule, *_) in enumerate(table) if rule == number}
    filed = sorted(word for word, patterns in index.items() if mine & set(patterns))
    assert filed == ["tour"]
    needs = rules.rule("test.the-visit").needs
    assert needs[0][:2] == [frozenset(["tour"]), frozenset(["the"])]
    assert len(needs[0]) == 3 and "agent" in needs[0][2]


TWO_PATTERNS = """
events:
  - id: test.two-ways
    kind: Visit
    patterns:
      - [{ent: agent, role: traveller}, {lemma: tour, trigger: true}, {ent: place, role: place}]
      - [{ent: agent, role: traveller}, {lemma: inspect, trigger: true}, {lower: the},
         {ent: place, role: place}]
"""


def test_a_rule_runs_only_the_patterns_a_sentence_can_match(tmp_path, monkeypatch):
    """The Matcher tries every pattern it holds at every token: for a sentence that meets the
    needs of the first pattern only (matcher.find, by the pattern index), the rule's Matcher
    holds that pattern's key alone; one is made per set of patterns (at most SUBSETS_KEPT a
    rule) and none is pickled."""
    import pickle

    from diplograph.extract import rules as rules_module

    rules = load_rules(_folder(tmp_path, TWO_PATTERNS, "two.yaml"))
    rule = rules.rule("test.two-ways")
    first = rule.matcher_of((0,))
    assert [rules.nlp.vocab.strings[key] for key in first._patterns] == ["test.two-ways#0.0"]
    assert rule.matcher_of((0,)) is first
    assert rule.matcher_of((0, 1)) is rule.matcher
    assert len(rule.matcher) == 2
    monkeypatch.setattr(rules_module, "SUBSETS_KEPT", 1)
    second = rule.matcher_of((1,))
    assert list(rule.subsets) == [(1,)] and len(second) == 1
    assert pickle.loads(pickle.dumps(rule)).subsets == {}


ORDERED = """
modality:
  - id: test.zorp-then-blick
    modality: Claimed
    window: 4
    patterns:
      - [{lower: zorp, trigger: true}, {lower: and, op: "?"}, {lower: blick}, {lemma: glim}]
      - [{lower: blick, trigger: true}, {lower: zorp, digit: true}]
"""


def test_a_pattern_s_needs_are_its_required_tokens_in_order(tmp_path):
    """`steps`: the needs of each token a match cannot skip, in the pattern's order (an
    optional token has none; a token with two tests has two); `needs` stays their flat list."""
    rules = load_rules(_folder(tmp_path, ORDERED, "ordered.yaml"))
    rule = rules.rule("test.zorp-then-blick")
    assert rule.steps == [
        ((frozenset({"zorp"}),), (frozenset({"blick"}),), (frozenset({"glim"}),)),
        ((frozenset({"blick"}),), (frozenset({"zorp"}), frozenset({"#digit"}))),
    ]
    assert sorted(map(sorted, rule.needs[0])) == [["blick"], ["glim"], ["zorp"]]
    assert rule.spacing == [(None, None, 1), (None, 1)]  # "glim" right after "blick"


@pytest.mark.parametrize(
    ("text", "matchers", "expected"),
    [
        ("They zorp and blick glim.", [(0,)], ["test.zorp-then-blick"]),
        ("They blick, glim and zorp.", [], []),  # every word, none in its order: no Matcher
        ("They glim, zorp and blick.", [], []),  # "glim" only before "blick"
        ("They zorp blick glim and blick zorp.", [(0,)], ["test.zorp-then-blick"]),
        ("They zorp, blick and glim.", [], []),  # in order, "glim" not right after "blick"
    ],
)
def test_a_rule_s_matcher_runs_only_where_its_words_come_in_order(
    tmp_path, monkeypatch, text, matchers, expected
):
    """A pattern whose words a sentence has, but not in the order of its tokens, cannot match:
    its Matcher is not run ("zorp" as a digit never occurs, so the second pattern never is)."""
    rules = load_rules(_folder(tmp_path, ORDERED, "ordered.yaml"))
    assert _matchers_run(monkeypatch, rules, "test.zorp-then-blick", text) == (matchers, expected)


def _matchers_run(monkeypatch, rules, rule_id: str, text: str) -> tuple[list, list[str]]:
    """The pattern sets a rule made Matchers of on a sentence, and the test rules that matched."""
    from diplograph.extract.rules import Rule

    asked = []
    made = Rule.matcher_of

    def matcher_of(self, patterns):
        if self.id == rule_id:
            asked.append(patterns)
        return made(self, patterns)

    monkeypatch.setattr(Rule, "matcher_of", matcher_of)
    units, _ = tokenize(Sentence(1, 0, len(text), text), rules)
    found = [m.rule.id for m in find("modality", units, rules) if m.rule.id.startswith("test.")]
    return asked, found


TWO_WORDS = """
modality:
  - id: test.zorp-or-blick
    modality: Claimed
    window: 4
    patterns:
      - [{lower: zorp, trigger: true}, {lower: they}]
      - [{lower: blick, trigger: true}, {lower: they}]
"""


def test_a_pattern_is_tried_only_on_a_sentence_with_its_own_least_likely_word(
    tmp_path, monkeypatch
):
    """The pattern index files each pattern, not its whole rule, under its least likely word:
    a sentence with "zorp" has the first pattern's order tested, never the second's."""
    from diplograph.extract.matcher import Places, _pattern_index

    rules = load_rules(_folder(tmp_path, TWO_WORDS, "two-words.yaml"))
    number = [r.id for r in rules.rules["modality"]].index("test.zorp-or-blick")
    words, index, table = _pattern_index(rules, "modality")
    assert {"zorp", "blick"} <= words
    assert [table[i][:2] for i in index["zorp"]] == [(number, 0)]
    assert [table[i][:2] for i in index["blick"]] == [(number, 1)]
    asked = []
    in_order = Places.in_order

    def recorded(self, steps, spacing=()):
        asked.append(steps)
        return in_order(self, steps, spacing)

    monkeypatch.setattr(Places, "in_order", recorded)
    assert _matchers_run(monkeypatch, rules, "test.zorp-or-blick", "Zorp they.") == (
        [(0,)],
        ["test.zorp-or-blick"],
    )
    assert rules.rule("test.zorp-or-blick").steps[0] in asked
    assert rules.rule("test.zorp-or-blick").steps[1] not in asked


REACHED = """
modality:
  - id: test.reach
    modality: Claimed
    window: 4
    patterns:
      - [{lower: the, op: "?"}, {lower: zorp, trigger: true}, {lower: blick}, {lower: now, op: "?"}]
      - [{lower: zorp, trigger: true}, {lower: and, op: "*"}, {lower: glim},
         {lower: again, op: "*"}]
"""


def test_a_rule_s_matcher_sees_only_the_units_its_patterns_can_reach(tmp_path, monkeypatch):
    """`reach`: how many units a match can hold before its first step's unit and after its
    last step's (None: no bound); the Matcher runs on the units from that many before the
    first unit that meets the first step to that many after the last that meets the last step,
    and finds the same matches at the same units."""
    rules = load_rules(_folder(tmp_path, REACHED, "reached.yaml"))
    assert rules.rule("test.reach").reach == [(1, 1), (0, None)]
    seen = []
    made = Rule.matcher_of

    def matcher_of(self, patterns):
        matcher = made(self, patterns)

        def run(doclike, **options):
            seen.append((patterns, doclike.text))
            return matcher(doclike, **options)

        return run if self.id == "test.reach" else matcher

    monkeypatch.setattr(Rule, "matcher_of", matcher_of)
    text = "They say that in the end the zorp blick now and then, as ever."
    units, _ = tokenize(Sentence(1, 0, len(text), text), rules)
    found = [(m.rule.id, m.trigger) for m in find("modality", units, rules)]
    assert seen == [((0,), "the zorp blick now")]
    assert ("test.reach", 7) in found  # "zorp", the sentence's eighth unit
    seen.clear()
    text = "Zorp, and glim, they say."
    units, _ = tokenize(Sentence(1, 0, len(text), text), rules)
    find("modality", units, rules)
    assert seen == [((1,), text)]  # no bound after "glim": every unit


CAPITALISED = """
modality:
  - id: test.zorp-then-capital
    modality: Claimed
    window: 4
    patterns:
      - [{lower: zorp, trigger: true}, {capital: true, mention: false}]
"""


@pytest.mark.parametrize(
    ("text", "matchers", "expected"),
    [
        ("They zorp Blick.", [(0,)], ["test.zorp-then-capital"]),
        ("They zorp blick.", [], []),  # no capital after "zorp": no Matcher
        ("Blick, they zorp.", [], []),  # a capital only before it
    ],
)
def test_a_capital_token_needs_a_capital_word_after_the_one_before(
    tmp_path, monkeypatch, text, matchers, expected
):
    """A `capital: true` token needs a unit whose word begins with a capital (the pseudo-word
    CAPITAL, beside the plain tag of `mention: false`): without one after "zorp" the rule's
    Matcher is not run (it ran on every sentence with "zorp" and a plain word after it)."""
    from diplograph.extract.rules import CAPITAL, PLAIN_TAG

    rules = load_rules(_folder(tmp_path, CAPITALISED, "capitalised.yaml"))
    rule = rules.rule("test.zorp-then-capital")
    assert rule.steps == [((frozenset({"zorp"}),), (frozenset({PLAIN_TAG}), frozenset({CAPITAL})))]
    assert _matchers_run(monkeypatch, rules, "test.zorp-then-capital", text) == (
        matchers,
        expected,
    )


def test_places_find_each_step_after_the_one_before():
    """Places: a bit mask of positions per word; `in_order` takes, for each step, the first unit
    after the last one found that has a word of every need of the step."""
    from diplograph.extract.matcher import Places
    from diplograph.extract.rules import CAPITAL, DIGIT, PLAIN_TAG
    from diplograph.extract.sentences import Unit

    units = [Unit(w, w.lower(), w.lower(), 0, 0, True) for w in ["a", "B", "7", "a", "b"]]
    places = Places(units)
    masks = {"a": 0b01001, "b": 0b10010, "7": 0b00100, PLAIN_TAG: 0b11111, DIGIT: 4, CAPITAL: 2}
    assert places.masks == masks
    assert places.words == frozenset({"a", "b", "7", PLAIN_TAG, DIGIT, CAPITAL})
    a, b, seven, digit = (frozenset([w]) for w in ("a", "b", "7", DIGIT))
    assert places.in_order(((a,), (b,), (a,), (b,)))
    assert not places.in_order(((b,), (b,), (b,)))
    assert places.in_order(((b,), (seven, digit), (b,)))
    assert not places.in_order(((a,), (b, digit)))  # no unit is both
    assert places.in_order(((a,), (b,)), (None, 1))  # "a" right before "B"
    assert not places.in_order(((b,), (a,)), (None, 1))  # no "a" right after a "b"
    assert not places.in_order(((a,), (seven,), (b,)), (None, 1, None))  # no "7" after an "a"
    assert places.of(a | seven) == 0b01101


def test_a_copy_of_a_units_list_reuses_its_doc_until_a_unit_has_a_new_mention():
    """A stage that changes nothing may return a new list of the same units: the Doc made for
    the first is the copy's; once a unit gets a new mention (the coreference stage sets one in
    place), the same units make a new Doc."""
    from diplograph.extract import matcher
    from diplograph.extract.sentences import Mention

    rules = load_rules(RULES)
    text = "Putin met Xi in Beijing."
    units, _ = tokenize(Sentence(1, 0, len(text), text), rules)
    doc = matcher._doc(units, rules)
    assert matcher._doc(list(units), rules) is doc
    assert matcher._places(list(units)) is matcher._places(units)
    copy = list(units)
    copy[0].mention = Mention(frozenset({"person", "agent"}))
    again = matcher._doc(copy, rules)
    assert again is not doc and [t.tag_ for t in again][:2] == ["person", "-"]
    assert matcher._doc(copy[:-1], rules) is not again


def test_a_word_class_is_one_set_per_rule_set():
    """RuleSet.word_class and RuleSet.listed: the lexicon's word classes and the gazetteer
    section's lists as sets, made on first use and kept (stages test words in every sentence)."""
    rules = load_rules(RULES)
    prepositions = rules.word_class("relative_word")
    assert prepositions == frozenset(rules.classes["relative_word"])
    assert rules.word_class("relative_word") is prepositions
    assert rules.word_class("no_such_class") == frozenset()
    bodies = rules.listed("dateline_bodies")
    assert bodies == frozenset(str(w) for w in rules.gazetteer["dateline_bodies"])
    assert rules.listed("dateline_bodies") is bodies


def test_the_word_chances_read_from_the_tables_head_are_the_whole_tables():
    """# guard: passes before the head reading too (the whole table then); kept because the
    head must give the same chances. spacy-lookups-data's lexeme_prob is written most likely
    word first: its head (the words above COMMON_LOG_PROB) gives the same chances, to the last
    digit, as reading all of it."""
    from diplograph.extract.rules import _read_chances, word_chances

    assert word_chances() == _read_chances()


def test_a_chance_table_not_in_falling_order_is_not_read_by_its_head(tmp_path):
    """A table whose head is not in falling order, or not one entry a line, gives None (the
    whole table is read instead); one in order stops at its first rare word."""
    import gzip

    from diplograph.extract.rules import _head_chances

    def table(text: str) -> Path:
        path = tmp_path / "prob.json.gz"
        path.write_bytes(gzip.compress(text.encode("utf-8")))
        return path

    ordered = table('{\n  "the":-3.5,\n  "a:b":-4.0,\n  "rare":-20.0,\n  "late":-2.0\n}\n')
    assert _head_chances(ordered) == pytest.approx({"the": 0.0301973834, "a:b": 0.0183156389})
    assert _head_chances(table('{\n  "the":-3.5,\n  "of":-2.0\n}\n')) is None
    assert _head_chances(table('{"the":-3.5, "of":-4.0}')) is None
    assert _head_chances(tmp_path / "missing.json.gz") is None


def test_spacy_checks_each_distinct_pattern_token_once(tmp_path):
    """spaCy's check of the compiled patterns (its schema and its Matcher's reading) sees each
    distinct token once a rule set: ten thousand tokens are some 1,200 distinct ones."""
    from diplograph.extract.rules import PatternChecker, Rule, compile_rule
    from diplograph.extract.spacyparts import English

    vocab = English([]).vocab
    checker = PatternChecker(vocab)
    visit = [{"ent": "agent", "role": "traveller"}, {"lemma": "visit", "trigger": True}]
    roles = frozenset({"traveller"})
    for name in ("a", "b"):
        rule = Rule(f"test.{name}", "events", "x.yaml", 1, {"patterns": [visit, visit[1:]]})
        compile_rule(rule, {}, vocab, roles, None, checker)
    assert len(checker.seen) == 2


MORE_LISTED = """
gazetteer:
  office_followers: [amid]
  single_guests: [invitee]
  materiel_counts: [roughly]
  inner_words: [und]
"""


def test_the_word_lists_moved_out_of_python_are_read_from_the_rule_files(tmp_path):
    """owners._took_office, coref._national_guest, candidates.new_materiel and the names stage
    read their words from the rule files (entities.yaml, sanctions-military.yaml, names.yaml): a
    word another file adds joins them."""
    project = load_rules(RULES)
    assert names_vocabulary(project).inner == {"of", "the", "for", "on"}
    assert {"on", "during", "last"} <= project.listed("office_followers")
    assert project.listed("single_guests") == {"guest", "visitor"}
    assert {"about", "nearly", "than"} <= project.listed("materiel_counts")
    rules = load_rules(_folder(tmp_path, MORE_LISTED, "more.yaml"))
    assert rules.listed("office_followers") == project.listed("office_followers") | {"amid"}
    assert rules.listed("single_guests") == {"guest", "visitor", "invitee"}
    assert rules.listed("materiel_counts") == project.listed("materiel_counts") | {"roughly"}
    assert names_vocabulary(rules).inner == {"of", "the", "for", "on", "und"}


def test_a_misspelt_word_list_names_its_file_and_line(tmp_path):
    folder = _folder(tmp_path, "gazetteer:\n  single_guest: [invitee]\n", "more.yaml")
    with pytest.raises(InputError, match=r"more\.yaml:2: .*'single_guest'.*'single_guests'"):
        load_rules(folder)


def test_a_rule_file_read_again_in_a_process_is_parsed_once(tmp_path, monkeypatch):
    """A rule file's text read and checked before in this process is a copy of that reading
    (rulefiles.READ), wherever the file is: compiling a copy of the rules plus one file parses
    only that file. The copy is a reader's own; an edited text, or caching off, parses again."""
    from diplograph.extract import rulefiles

    parsed = []
    parse = rulefiles._load
    monkeypatch.setattr(rulefiles, "_load", lambda text: parsed.append(text) or parse(text))
    monkeypatch.setattr(rulefiles, "READ", {}, raising=False)
    first, second = tmp_path / "a" / "extra.yaml", tmp_path / "b" / "extra.yaml"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(GOOD_EVENT, encoding="utf-8")
    data = rulefiles.read_rule_file(first)
    again = rulefiles.read_rule_file(second)
    assert len(parsed) == 1
    assert again == data and again is not data
    assert again["events"].line == data["events"].line == 3
    assert (
        again["events"][0].key_lines
        == data["events"][0].key_lines
        == {"id": 3, "kind": 4, "patterns": 5}
    )
    second.write_text(GOOD_EVENT.replace("visit, trigger", "tour, trigger"), encoding="utf-8")
    assert rulefiles.read_rule_file(second)["events"][0]["patterns"][0][1]["lemma"] == "tour"
    assert len(parsed) == 2
    monkeypatch.setenv("DIPLOGRAPH_CACHE", "off")
    assert rulefiles.read_rule_file(first) == data
    assert len(parsed) == 3


def test_spacy_checks_a_pattern_token_once_per_process(tmp_path, monkeypatch):
    """A token spaCy passed for one rule set is not given to spaCy again for the next (its
    check reads the token alone): the second checker's own Matcher stays empty, though it
    counts the tokens as seen; with caching off each rule set checks its own."""
    from diplograph.extract import rules as rules_module
    from diplograph.extract.rules import PatternChecker, Rule, compile_rule
    from diplograph.extract.spacyparts import English

    monkeypatch.setattr(rules_module, "CHECKED", set(), raising=False)
    vocab = English([]).vocab
    visit = [{"ent": "agent", "role": "traveller"}, {"lemma": "visit", "trigger": True}]
    checkers = []
    for cache_setting in ("", "", "off"):
        monkeypatch.setenv("DIPLOGRAPH_CACHE", cache_setting or str(tmp_path / "cache"))
        checker = PatternChecker(vocab)
        rule = Rule("test.a", "events", "x.yaml", 1, {"patterns": [visit]})
        compile_rule(rule, {}, vocab, frozenset({"traveller"}), None, checker)
        checkers.append(checker)
    assert [len(c.seen) for c in checkers] == [2, 2, 2]
    assert [len(c.matcher) for c in checkers] == [1, 0, 1]
