"""The parts of spaCy the rule layer uses (extract/spacyparts.py): importing the rule layer does
not run the `__init__` of spaCy's package (its CLI, HTTP clients and config schemas), of its
pipeline components nor of its English language, which run when anything asks for their API;
the English tokenizer splits every text as `spacy.blank("en")` does, adding its special cases as
the texts can use them."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.extract import spacyparts
from diplograph.extract.spacyparts import English

ROOT = Path(__file__).resolve().parents[1]
WHITESPACE_CASES = ["\t", "\n", " ", "\xa0"]


def _python(code: str) -> str:
    """What a fresh Python prints running `code`."""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


HEAVY = ("spacy.cli", "requests", "spacy.pipeline.dep_parser", "spacy.lang.en.lemmatizer")


def test_the_rule_layer_imports_spacy_without_its_package_init():
    code = (
        f"import sys, diplograph.extract\nHEAVY = {HEAVY!r}\n"
        "print(sorted(m for m in HEAVY if m in sys.modules))"
    )
    assert _python(code) == "[]"


def test_spacy_runs_its_package_init_when_asked_for_its_api():
    code = (
        "import sys, diplograph.extract, spacy\n"
        "nlp = spacy.blank('en')\n"
        "print(spacy.__version__ == spacy.about.__version__, 'spacy.cli' in sys.modules,"
        ' [t.text for t in nlp("don\'t")])'
    )
    assert _python(code) == "True True ['do', \"n't\"]"


def test_a_submodule_asked_of_the_package_is_imported_without_its_init():
    code = (
        "import sys, diplograph.extract, spacy\n"
        "print(spacy.lookups.__name__, 'spacy.cli' in sys.modules)"
    )
    assert _python(code) == "spacy.lookups False"


def test_the_english_defaults_made_without_spacy_lang_en_are_spacys():
    code = (
        "import diplograph.extract\n"
        "from diplograph.extract.spacyparts import english_defaults\n"
        "made = english_defaults()\n"
        "from spacy.lang.en import English\n"
        "real = English.Defaults\n"
        "names = [n for n in dir(real) if not n.startswith('__')]\n"
        "differ = [n for n in names if getattr(made, n) != getattr(real, n)]\n"
        "print(made is not real, len(names), differ)"
    )
    assert _python(code) == "True 11 []"


@pytest.fixture(scope="module")
def blank():
    """spaCy's own blank English pipeline."""
    import spacy

    return spacy.blank("en")


def _tokens(doc) -> list[tuple[str, str, str, int]]:
    """What a Doc's tokens are: text, trailing space, norm and offset."""
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in doc]


def test_special_cases_are_added_as_texts_use_them():
    english = English()
    assert sorted(english.tokenizer.rules) == WHITESPACE_CASES
    assert [t.text for t in english.make_doc("They don't.")] == ["They", "do", "n't", "."]
    # every case whose characters, whitespace aside, occur in "Theydon't.": "Theyd" and "t." too
    assert sorted(english.tokenizer.rules) == sorted(
        [*WHITESPACE_CASES, "'", "Theyd", "don't", "t."]
    )


def test_the_rules_abbreviations_stay_one_token():
    english = English(["Lt.", "Col."])
    words = [t.text for t in english.make_doc("Lt. Gen. Keith Kellogg met Col. Assimi Goita.")]
    assert words == ["Lt.", "Gen.", "Keith", "Kellogg", "met", "Col.", "Assimi", "Goita", "."]


def test_every_waiting_case_is_added_once_many_texts_were_split(monkeypatch, blank):
    """A long run stops looking for the cases each text can use: after ADMIT_ALL_AFTER texts
    the cases still waiting are all added, and later texts split as spaCy's blank English."""
    monkeypatch.setattr(spacyparts, "ADMIT_ALL_AFTER", 2)
    english = English()
    english.make_doc("They don't.")
    english.make_doc("Yes.")
    assert sorted(english.tokenizer.rules) == sorted(
        [*WHITESPACE_CASES, "'", "Theyd", "don't", "s.", "t."]
    )
    assert _tokens(english.make_doc("I can't, Mr. Lee.")) == _tokens(
        blank.make_doc("I can't, Mr. Lee.")
    )
    assert english._waiting == {}
    assert sorted(english.tokenizer.rules) == sorted(blank.tokenizer.rules)


def test_english_splits_texts_as_spacy_blank_does(blank):
    """Every special case in several settings, and the corpus, in a shuffled order: a text met
    before many cases are added splits as it does with all of them."""
    cases = sorted(blank.tokenizer.rules)
    texts = [f"x {c} y" for c in cases] + [f'"({c}),"' for c in cases] + [c + c for c in cases]
    for path in sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))[:20]:
        texts += path.read_text(encoding="utf-8").splitlines()
    choose = random.Random(3)
    texts += [
        " ".join(choose.sample(cases, 3)) + choose.choice(["", ".", "'s"]) for _ in range(300)
    ]
    choose.shuffle(texts)
    english = English()
    differ = [t for t in texts if _tokens(english.make_doc(t)) != _tokens(blank.make_doc(t))]
    assert differ == []
    assert sorted(english.tokenizer.rules) == cases


def test_english_has_spacy_blank_settings_and_word_attributes(blank):
    english = English()
    english.make_doc(" ".join(blank.tokenizer.rules))
    settings = english.tokenizer.to_bytes(exclude=["vocab"])
    assert settings == blank.tokenizer.to_bytes(exclude=["vocab"])
    assert sorted(english.vocab.lex_attr_getters) == sorted(blank.vocab.lex_attr_getters)
    text = "The U.S. envoy's 3rd visit, on 12 May 2024: 1,200 troops; Kim Jong-un e-mailed x@y.org"
    attrs = ["ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "IS_STOP", "LIKE_NUM"]
    attrs += ["IS_DIGIT", "IS_ALPHA", "IS_TITLE", "IS_PUNCT", "LENGTH", "LANG"]
    found = english.make_doc(text).to_array(attrs).tolist()
    assert found == blank.make_doc(text).to_array(attrs).tolist()
