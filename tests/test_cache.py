"""On-disk cache (cache.py) of the compiled rules and the gazetteer: a hit extracts exactly what
a fresh compilation does, a changed input is a miss, a corrupt or unwritable cache is rebuilt
or skipped, never an error."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from diplograph import cache
from diplograph.extract import figures, rules
from diplograph.extract.gazetteer import lexicon
from diplograph.extract.pipeline import extract_triples
from diplograph.extract.workspace import project_gazetteer, rules_dir
from diplograph.seeds import load_article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "004_1b385efb04788e90.txt"


@pytest.fixture
def compiled(monkeypatch) -> list[Path]:
    """The rule files compile_rules was called with, call by call (a miss each)."""
    calls: list[Path] = []
    real = rules.compile_rules

    def counting(files, ontology):
        calls.append(files[0].parent)
        return real(files, ontology)

    monkeypatch.setattr(rules, "compile_rules", counting)
    return calls


def _copy_rules(tmp_path: Path) -> Path:
    """A copy of the project's rule folder."""
    return Path(shutil.copytree(rules_dir(ROOT), tmp_path / "rules"))


def _entries(cache_folder: Path, name: str) -> list[Path]:
    """The cache entries of one name."""
    return sorted(cache_folder.glob(f"{name}-*.pickle"))


def test_a_cache_hit_extracts_the_same_triples(cache_folder, compiled):
    fresh_rules = rules.load_rules(rules_dir(ROOT))
    fresh_gazetteer = project_gazetteer(ROOT)
    assert (
        len(compiled) == 1
        and _entries(cache_folder, "rules")
        and _entries(cache_folder, "gazetteer")
    )
    cached_rules = rules.load_rules(rules_dir(ROOT))
    cached_gazetteer = project_gazetteer(ROOT)
    assert len(compiled) == 1  # the second load compiled nothing
    assert cached_rules is not fresh_rules and cached_gazetteer is not fresh_gazetteer
    assert cached_rules.nlp is not None and cached_rules.lemmas == fresh_rules.lemmas
    article = load_article(SEED)
    expected = extract_triples(article, fresh_rules, fresh_gazetteer)
    found = extract_triples(load_article(SEED), cached_rules, cached_gazetteer)
    assert len(expected) > 300
    assert sorted(found) == sorted(expected)


@pytest.fixture
def rules_cache_folder(warm_cache_folder) -> Path:
    """A cache folder of this test's own holding the checkout's compiled rules and gazetteer
    (conftest's `warm_cache_folder`) and nothing made of both (no lexicon, no public figures):
    for the tests of those entries, which need not compile the rules again."""
    for name in ("lexicon", "figures"):
        for entry in _entries(warm_cache_folder, name):
            entry.unlink()
    assert _entries(warm_cache_folder, "rules") and _entries(warm_cache_folder, "gazetteer")
    return warm_cache_folder


def test_the_compiled_names_are_cached_with_the_rules_and_the_gazetteer(rules_cache_folder):
    """The gazetteer's phrase tables under a rule set are a cache entry of their own, keyed by
    both: a later process reads them instead of tokenizing every name."""
    cache_folder = rules_cache_folder
    made = lexicon(project_gazetteer(ROOT), rules.load_rules(rules_dir(ROOT)))
    assert len(_entries(cache_folder, "lexicon")) == 1
    read = lexicon(project_gazetteer(ROOT), rules.load_rules(rules_dir(ROOT)))
    assert read is not made and len(_entries(cache_folder, "lexicon")) == 1
    assert (read.lower, read.exact, read.entries) == (made.lower, made.exact, made.entries)
    assert len(read.lower.names) + len(read.exact.names) > 2000


def test_the_public_figures_are_cached_with_the_rules_and_the_gazetteer(
    rules_cache_folder, monkeypatch
):
    """The public figures' names, tokenized under a rule set, are a cache entry keyed by the
    gazetteer and the rules: a later process (a new rule set) reads them, tokenizing nothing."""
    cache_folder = rules_cache_folder
    made = figures.figures(project_gazetteer(ROOT), rules.load_rules(rules_dir(ROOT)))
    assert len(_entries(cache_folder, "figures")) == 1
    monkeypatch.setattr(figures, "_figures", lambda *args: pytest.fail("figures made again"))
    read = figures.figures(project_gazetteer(ROOT), rules.load_rules(rules_dir(ROOT)))
    assert read is not made and read == made
    assert len(read.full) > 300 and len(read.short) > 300


def test_without_a_cache_the_compiled_names_are_made_each_time(monkeypatch):
    monkeypatch.setenv(cache.ENV, "off")
    ruleset, gazetteer = rules.load_rules(rules_dir(ROOT)), project_gazetteer(ROOT)
    assert ruleset.digest is None and gazetteer.digest is None
    assert lexicon(gazetteer, ruleset).lower.attr == "LOWER"


def test_a_changed_rule_file_misses_the_cache(cache_folder, compiled, tmp_path):
    rule_folder = _copy_rules(tmp_path)
    rules.load_rules(rule_folder)
    rules.load_rules(rule_folder)
    assert len(compiled) == 1
    lexicon = rule_folder / "lexicon.yaml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    rules.load_rules(rule_folder)
    assert len(compiled) == 2
    assert len(_entries(cache_folder, "rules")) == 2


def test_a_copy_of_the_rules_elsewhere_hits_the_cache_and_names_its_own_files(
    cache_folder, compiled, tmp_path
):
    """The rules' key is their files' names and bytes (and the ontology's bytes), not where
    they are: a second copy hits the first one's entry, and its rules name the second copy."""
    first = Path(shutil.copytree(rules_dir(ROOT), tmp_path / "one" / "rules"))
    second = Path(shutil.copytree(rules_dir(ROOT), tmp_path / "two" / "rules"))
    one = rules.load_rules(first)
    two = rules.load_rules(second)
    assert (len(compiled), len(_entries(cache_folder, "rules"))) == (1, 1)
    assert two.rule("visit.verb").where == f"{second / 'travel.yaml'}:{one.rule('visit.verb').line}"
    everyone = [*two.boilerplate, *(r for members in two.rules.values() for r in members)]
    everyone += [pattern.rule for pattern in two.patterns.values()]
    assert {str(Path(rule.source).parent) for rule in everyone} == {str(second)}
    assert two.folder == second


def test_a_changed_ontology_misses_the_cache(cache_folder, compiled, tmp_path):
    ontology = tmp_path / "diplo.ttl"
    ontology.write_bytes((ROOT / "ontology" / "diplo.ttl").read_bytes())
    rules.load_rules(rules_dir(ROOT), ontology)
    ontology.write_text(ontology.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    rules.load_rules(rules_dir(ROOT), ontology)
    assert len(compiled) == 2


def test_a_changed_entities_file_misses_the_gazetteer_cache(cache_folder, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "mappings", root / "mappings", ignore=shutil.ignore_patterns("gold"))
    first = project_gazetteer(root)
    entities = root / "mappings" / "entities.ttl"
    extra = (
        "\n<https://w3id.org/diplograph/id/person/test-person>\n"
        "    a <https://w3id.org/diplograph/ontology#Person> ;\n"
        '    <http://www.w3.org/2000/01/rdf-schema#label> "Test Person" .\n'
    )
    entities.write_text(entities.read_text(encoding="utf-8") + extra, encoding="utf-8")
    second = project_gazetteer(root)
    assert len(_entries(cache_folder, "gazetteer")) == 2
    assert second.by_label("Test Person") is not None and first.by_label("Test Person") is None


def test_a_copy_of_the_project_elsewhere_reads_the_gazetteer_from_the_cache(cache_folder, tmp_path):
    """The gazetteer's key is its files' names inside the project and their bytes, not where the
    project is: a second copy hits the first one's entry (the test suite's copies do)."""
    copies = [tmp_path / "one", tmp_path / "two"]
    for copy in copies:
        shutil.copytree(ROOT / "mappings", copy / "mappings", ignore=shutil.ignore_patterns("gold"))
    first = project_gazetteer(copies[0])
    second = project_gazetteer(copies[1])
    assert len(_entries(cache_folder, "gazetteer")) == 1
    assert second is not first and second.labels == first.labels and second.names == first.names


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", pickle.dumps({"a": "dict"})])
def test_a_corrupt_cache_entry_is_rebuilt(cache_folder, compiled, tmp_path, garbage):
    rule_folder = _copy_rules(tmp_path)
    rules.load_rules(rule_folder)
    (entry,) = _entries(cache_folder, "rules")
    entry.write_bytes(garbage)
    again = rules.load_rules(rule_folder)
    assert len(compiled) == 2 and again.rule("visit.verb").patterns
    assert isinstance(pickle.loads(entry.read_bytes()), rules.RuleSet)  # written anew


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch, compiled):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    assert rules.load_rules(rules_dir(ROOT)).rule("visit.verb").patterns
    assert len(compiled) == 1


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch, compiled):
    monkeypatch.setenv(cache.ENV, "off")
    rules.load_rules(rules_dir(ROOT))
    rules.load_rules(rules_dir(ROOT))
    assert len(compiled) == 2 and cache.folder() is None


def test_the_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "diplograph"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "diplograph"
    monkeypatch.setenv(cache.ENV, str(tmp_path / "mine"))
    assert cache.folder() == tmp_path / "mine"


def test_old_entries_are_pruned(cache_folder):
    for number in range(cache.KEEP + 3):
        cache.store("thing", f"key{number}", number)
    assert len(_entries(cache_folder, "thing")) == cache.KEEP
    assert cache.load("thing", f"key{cache.KEEP + 2}", int) == cache.KEEP + 2


def test_a_process_reads_the_rule_layer_once_while_its_cache_entries_are_unchanged(
    warm_cache_folder, compiled, tmp_path
):
    """`rule_layer` unpickles the compiled rules and the gazetteer once per process: a second
    project copy with the same files gets the same objects, its rules naming its own files;
    when an entry's file changed, both are read again; nothing is compiled."""
    import os

    from diplograph.extract.workspace import rule_layer

    one, two = tmp_path / "one", tmp_path / "two"
    for copy in (one, two):
        for folder in ("ontology", "mappings"):
            shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("gold"))
    first = rule_layer(one)
    second = rule_layer(two)
    assert second[0] is first[0] and second[1] is first[1]
    assert second[0].folder == rules_dir(two)
    where = second[0].rule("visit.verb").where
    assert where.startswith(f"{rules_dir(two) / 'travel.yaml'}:")
    entry = _entries(warm_cache_folder, "rules")[0]
    os.utime(entry, ns=(entry.stat().st_atime_ns, entry.stat().st_mtime_ns + 1_000_000))
    third = rule_layer(one)
    assert third[0] is not first[0] and third[1] is not first[1]
    assert third[0].rule("visit.verb").where == where.replace(str(two), str(one))
    assert compiled == []


def test_the_vocabulary_is_read_once_per_ontology_contents_wherever_the_file_is(
    cache_folder, tmp_path
):
    """A copy of the ontology elsewhere (a project copy) gets the vocabulary already read, not
    the file parsed again; an edited copy is read anew, with its new kind."""
    from diplograph.vocabulary import vocabulary

    original = ROOT / "ontology" / "diplo.ttl"
    copy = tmp_path / "ontology" / "diplo.ttl"
    copy.parent.mkdir()
    shutil.copy(original, copy)
    first = vocabulary(original)
    assert vocabulary(copy) is first
    extra = "\ndip:Summit\n    a owl:Class ;\n    rdfs:subClassOf dip:Meeting .\n"
    copy.write_text(original.read_text(encoding="utf-8") + extra, encoding="utf-8")
    edited = vocabulary(copy)
    assert "Summit" not in first.kinds and edited.kinds == (*first.kinds, "Summit")
    assert edited.parents == {**first.parents, "Summit": "Meeting"}
