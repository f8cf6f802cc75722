"""Rule files: reads one mappings/rules/*.yaml file into plain data that remembers, for every
mapping and list, the line it starts on, so that errors can name the file and line.

A rule file is a YAML mapping with any of these sections, merged across files: ``words`` (lists
named with YAML anchors for reuse), ``classes`` (word classes), ``boilerplate``, ``gazetteer``,
``dates``, ``titles``, ``delegations``, ``delegation_refs``, ``anaphors``, ``attribution``,
``modality``, ``event_anaphora``, ``events`` and ``kinds``. Only true/false are booleans: words
such as "off" or "no" stay words.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from diplograph.errors import InputError

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
    "attribution",
    "modality",
    "event_anaphora",
    "events",
    "kinds",
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


def line_of(value: Any, fallback: int = 0) -> int:
    """The line a YAML value started on, if known."""
    return getattr(value, "line", fallback) or fallback


def read_rule_file(path: Path) -> dict[str, Any]:
    """Parse one rule file; malformed YAML or an unknown section is an error naming the line."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise InputError(f"{path}{line}: malformed YAML: {exc}") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read rule file: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}:1: a rule file is a mapping of sections ({', '.join(SECTIONS)})")
    for key in data:
        if key not in SECTIONS:
            line = getattr(data, "key_lines", {}).get(key, 1)
            raise InputError(f"{path}:{line}: unknown section {key!r}")
    return data
