"""Seeds stage, the metadata: reads and checks a seed article's `.meta.yaml`.

Reads one YAML file of `key: value` lines (UTF-8, a byte-order mark allowed) and returns them as a
dict. Every problem the build cannot work around is an InputError naming the file and, where YAML
gives one, the line and column: bad YAML, a file that is not a mapping, a byte that is not UTF-8,
an impossible date (2023-02-30), a date with a time, a field of the wrong type. What the build can
work around is a warning naming the file and line: an unknown (perhaps misspelt) field, a field
given twice (the last one counts, as in YAML), a publication date in the future.
"""

from __future__ import annotations

import difflib
import logging
import re
from datetime import date, datetime
from pathlib import Path

import yaml

from diplograph.errors import InputError

log = logging.getLogger(__name__)

REQUIRED_META = ("outlet", "date_published", "date_evidence", "language")
TEXT_FIELDS = (
    "outlet",
    "outlet_entity",
    "author",
    "author_entity",
    "date_evidence",
    "language",
    "headline",
    "headline_source",
    "dateline",
    "dateline_place",
    "reporting_chain",
    "noise",
    "url",
)
KNOWN_META = frozenset((*TEXT_FIELDS, "date_published", "boilerplate"))
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+", re.IGNORECASE)


def url_problem(value: str) -> str | None:
    """Why a text is not a usable source URL (an absolute http or https URL that can be an
    IRI), or None when it is.

    >>> url_problem("https://example.org/a?b=1"), url_problem("example.org/a")
    (None, 'not an absolute http(s) URL')
    """
    if not _URL.fullmatch(value):
        return "not an absolute http(s) URL"
    return None


class _Loader(yaml.SafeLoader):
    """A safe loader whose impossible dates are errors with a position, not a ValueError."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> date:  # type: ignore[override]
        """A date or datetime; a ConstructorError at the node when the calendar has no such day."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value} is not a valid date ({exc})", node.start_mark
            ) from exc


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def read_utf8(path: Path) -> str:
    """A file's text (UTF-8, a byte-order mark dropped); an InputError naming the file, or the
    line and the byte that is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{path}:{line}: not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start} "
            "(perhaps Latin-1 or Windows-1252; save the file as UTF-8)"
        ) from exc


def _yaml_error(path: Path, exc: yaml.YAMLError) -> InputError:
    """One line naming the file, line and column of a YAML error."""
    mark = getattr(exc, "problem_mark", None)
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return InputError(f"{where}: malformed YAML: {problem}")


def _key_lines(path: Path, text: str) -> dict[str, int]:
    """The line of each top-level key; a warning for a key given twice."""
    node = yaml.compose(text, Loader=_Loader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    lines: dict[str, int] = {}
    for key, _ in node.value:
        line = key.start_mark.line + 1
        if key.value in lines:
            log.warning(
                "%s:%d: field %r given twice (lines %d and %d); the last one counts",
                path,
                line,
                key.value,
                lines[key.value],
                line,
            )
        lines[key.value] = line
    return lines


def _parse(path: Path) -> tuple[dict, dict[str, int]]:
    """The file's mapping and the line of each key."""
    text = read_utf8(path)
    try:
        lines = _key_lines(path, text)
        meta = yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        raise _yaml_error(path, exc) from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(
            f"{path}: metadata must be a mapping of `field: value` lines, "
            f"not {type(meta).__name__} {meta!r}"
        )
    return meta, lines


def _check_date(path: Path, value: object, line: str) -> date:
    """The publication date: a day without a time; a warning when it lies in the future."""
    if isinstance(value, datetime):
        raise InputError(
            f"{path}{line}: date_published must be a date (YYYY-MM-DD), not a date and time "
            f"({value.isoformat()})"
        )
    if not isinstance(value, date):
        raise InputError(f"{path}{line}: date_published must be a YYYY-MM-DD date, not {value!r}")
    if value > date.today():
        log.warning("%s%s: date_published %s is in the future", path, line, value)
    return value


def _check_fields(path: Path, meta: dict, lines: dict[str, int]) -> None:
    """Types of the known fields; a warning for each unknown one."""

    def at(key: str) -> str:
        return f":{lines[key]}" if key in lines else ""

    for key, value in meta.items():
        if key not in KNOWN_META:
            close = difflib.get_close_matches(str(key), sorted(KNOWN_META), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            log.warning("%s%s: unknown metadata field %r%s", path, at(key), key, hint)
        elif key in TEXT_FIELDS and value is not None and not isinstance(value, str):
            raise InputError(f"{path}{at(key)}: {key} must be text, not {value!r}")
    boilerplate = meta.get("boilerplate")
    if boilerplate is not None and not (
        isinstance(boilerplate, list) and all(isinstance(b, str) for b in boilerplate)
    ):
        raise InputError(
            f"{path}{at('boilerplate')}: boilerplate must be a list of exact strings "
            f"(`- text` lines), not {boilerplate!r}"
        )
    url = meta.get("url")
    if isinstance(url, str) and (problem := url_problem(url)):
        raise InputError(f"{path}{at('url')}: url {url!r}: {problem}")
    _check_date(path, meta["date_published"], at("date_published"))


def load_meta(path: Path) -> dict:
    """Read and check an article's metadata file."""
    if not path.is_file():
        raise InputError(
            f"{path}: metadata file missing (a seed needs a .meta.yaml beside it or, in a "
            "project with rules, a first line `date YYYY-MM-DD`)"
        )
    meta, lines = _parse(path)
    missing = [key for key in REQUIRED_META if key not in meta]
    if missing:
        unknown = [str(k) for k in meta if k not in KNOWN_META]
        close = [m for key in missing for m in difflib.get_close_matches(key, unknown, n=1)]
        hint = f" (misspelt: {', '.join(map(repr, close))}?)" if close else ""
        raise InputError(f"{path}: missing metadata field(s): {', '.join(missing)}{hint}")
    _check_fields(path, meta, lines)
    return meta
