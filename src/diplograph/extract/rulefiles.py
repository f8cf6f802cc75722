"""Rule files: reads one mappings/rules/*.yaml file into plain data that remembers, for every
mapping and list, the line it starts on, so that errors can name the file and line.

A rule file is a YAML mapping with any of these sections, merged across files: ``words`` (lists
named with YAML anchors for reuse), ``classes`` (word classes), ``boilerplate``, ``gazetteer``,
``dates``, ``titles``, ``delegations``, ``delegation_refs``, ``anaphors``, ``attribution``,
``modality``, ``event_anaphora``, ``events`` and ``kinds``. Only true/false are booleans: words
such as "off" or "no" stay words.
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import yaml

from diplograph import cache
from diplograph.errors import InputError, syntax_error
from diplograph.extract.schema import check_file, hint
from diplograph.vocabulary import Vocabulary, vocabulary

SECTIONS = (
    "words",
    "classes",
    "boilerplate",
    "gazetteer",
    "dates",
    "titles",
    "delegations",
    "delegation_refs",
    "anaphors",
    "companions",
    "records",
    "attribution",
    "modality",
    "event_anaphora",
    "events",
    "kinds",
    "frames",
)


class _Located(dict):
    """A YAML mapping that remembers the line it starts on, and the line of each key."""

    line = 0
    key_lines: dict[str, int] = {}  # noqa: RUF012


class _LocatedList(list):
    """A YAML sequence that remembers the line it starts on."""

    line = 0


class _Loader(yaml.SafeLoader):
    """A safe YAML loader whose mappings and sequences carry their line numbers."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> _Located:
    value = _Located(loader.construct_mapping(node, deep=True))
    value.line = node.start_mark.line + 1
    value.key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
    return value


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> _LocatedList:
    value = _LocatedList(loader.construct_sequence(node, deep=True))
    value.line = node.start_mark.line + 1
    return value


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(  # only true/false are booleans: "off", "no", "on" stay words
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


class _FastLoader(getattr(yaml, "CSafeLoader", _Loader)):  # type: ignore[misc]
    """`_Loader` on libyaml's parser (ten times faster) where PyYAML was built with it."""


_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_FastLoader.yaml_constructors = dict(_Loader.yaml_constructors)


def _load(text: str) -> Any:
    """The YAML data of a text, lines remembered; a text libyaml refuses is read again by
    PyYAML's own parser, whose error (with its marks) is the one raised."""
    try:
        return yaml.load(text, Loader=_FastLoader)  # noqa: S506
    except yaml.YAMLError:
        return yaml.load(text, Loader=_Loader)  # noqa: S506


# The rule files this process has read and checked, by text: the vocabulary each was checked
# against and its data, pickled (each reader unpickles a copy of its own). A rule set compiled
# again after one file changed (an edit, a test's copy of the rules plus one file) reads the
# others from here instead of parsing their YAML again (about half of compiling).
READ: dict[str, list[tuple[Vocabulary, bytes]]] = {}
READ_KEEP = 64  # texts kept, the least recently read dropped first (a mutated file is one more)


def read_rule_file(path: Path, vocab: Vocabulary | None = None) -> dict[str, Any]:
    """Parse one rule file and check it against the schema (schema.py) and the ontology's
    vocabulary (default: the project's); malformed YAML, an unknown section, key or event kind,
    or a value of the wrong type is an error naming the line. A text read and checked before
    in this process is a copy of that reading (READ; not with caching off)."""
    vocab = vocab or vocabulary()
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as exc:
        raise syntax_error(path, exc, "YAML") from exc
    keep = cache.folder() is not None
    for checked, data in READ.get(text, []) if keep else []:
        if checked == vocab:
            READ[text] = READ.pop(text)  # the newest again: kept longest
            return pickle.loads(data)
    data = _read_text(path, text, vocab)
    if keep:
        READ.setdefault(text, []).append((vocab, pickle.dumps(data, pickle.HIGHEST_PROTOCOL)))
        while len(READ) > READ_KEEP:
            del READ[next(iter(READ))]
    return data


def _read_text(path: Path, text: str, vocab: Vocabulary) -> dict[str, Any]:
    """The checked data of a rule file's text (read_rule_file without the memory)."""
    try:
        data = _load(text)
    except yaml.YAMLError as exc:
        raise syntax_error(path, exc, "YAML") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}:1: a rule file is a mapping of sections ({', '.join(SECTIONS)})")
    for key in data:
        if key not in SECTIONS:
            line = getattr(data, "key_lines", {}).get(key, 1)
            raise InputError(f"{path}:{line}: unknown section {key!r}{hint(key, SECTIONS)}")
    check_file(path, data, vocab)
    return data


def read_data_file(path: Path) -> Any:
    """Parse a YAML data file that is no rule file (date-words.yaml), lines remembered for its
    schema's errors; malformed YAML is an error naming the line."""
    try:
        return _load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        raise syntax_error(path, exc, "YAML") from exc
