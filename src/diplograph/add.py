"""Adding articles: a folder of .txt files, a CSV or a JSONL file of articles into seeds/.

Reads the source (each record's text, date, outlet, dateline, title, url, language, author and
optional name) and the seeds folder; writes, for each new article, `seeds/STEM.txt` (the text
byte for byte, UTF-8) and `seeds/STEM.meta.yaml` (its metadata, in the format meta.py reads),
all of them or none (writing.write_all). A file name is deterministic: the record's `name`, or
`DATE_SLUG-OF-TITLE` (of the file name for a .txt, of the first words without a title); a name
already taken by another text gets `-2`, `-3`, ...; an article whose text is already in seeds/
under that name is left alone, so adding the same source twice adds nothing. A bad record is an
InputError naming the file, the line and the record; then nothing is written.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from diplograph.errors import InputError
from diplograph.meta import read_utf8, url_problem

log = logging.getLogger(__name__)

FIELDS = ("text", "date", "outlet", "dateline", "title", "url", "name", "language", "author")
ALIASES = {"published": "date", "date_published": "date", "stem": "name", "headline": "title"}
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?")
_MARKER = re.compile(r"\s*date (?P<date>\d{4}-\d{2}-\d{2})\s")  # mappings/rules/boilerplate.yaml
_STEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")  # seeds.py: a stem becomes part of IRIs
SLUG_CHARS = 60


@dataclass(frozen=True)
class Record:
    """One article of a source: where it was read (file, line, record number) and its fields."""

    source: Path
    line: int
    number: int
    fields: dict[str, str | None]

    @property
    def where(self) -> str:
        """The record's place for an error: file, line and record number."""
        return f"{self.source}:{self.line}: record {self.number}"


@dataclass(frozen=True)
class Planned:
    """An article to write (or already in seeds/): its stem, text, metadata text and record."""

    stem: str
    text: str
    meta: str
    record: Record
    present: bool = False

    @property
    def title(self) -> str:
        """The article's title, or its first words."""
        return self.record.fields.get("title") or " ".join(self.text.split()[:8])


def slug(text: str, limit: int = SLUG_CHARS) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a hyphen within `limit` characters.

    >>> slug("Kim Jong Un meets Sergei Shoigu in Pyongyang — “talks”")
    'kim-jong-un-meets-sergei-shoigu-in-pyongyang-talks'
    >>> slug("Ким Чен Ын"), slug("a " * 40, 10)
    ('', 'a-a-a-a-a')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) > limit:
        words = words[: limit + 1].rsplit("-", 1)[0] if "-" in words[:limit] else words[:limit]
    return words


def _fields(raw: dict, where: str) -> dict[str, str | None]:
    """A record's known fields under their canonical names; a warning for an unknown one, an
    InputError for a value that is not text or a field given twice under two names."""
    found: dict[str, str | None] = {}
    for key, value in raw.items():
        name = ALIASES.get(str(key).strip().lower(), str(key).strip().lower())
        if name not in FIELDS:
            close = difflib.get_close_matches(name, [*FIELDS, *ALIASES], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            log.warning("%s: unknown field %r ignored%s", where, key, hint)
            continue
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: field {key!r} must be text, not {value!r}")
        if name in found and (found[name] or None) != (value or None):
            raise InputError(f"{where}: field {name!r} given twice (as {key!r} too)")
        found[name] = value if value != "" else None
    return found


def _jsonl(path: Path) -> Iterator[Record]:
    """The records of a JSON Lines file: one JSON object per non-empty line."""
    number = 0
    for line_number, line in enumerate(read_utf8(path).splitlines(), start=1):
        if not line.strip():
            continue
        number += 1
        where = f"{path}:{line_number}: record {number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: malformed JSON: {exc.msg} (column {exc.colno})") from exc
        if not isinstance(raw, dict):
            raise InputError(f"{where}: a record is a JSON object, not {type(raw).__name__}")
        yield Record(path, line_number, number, _fields(raw, where))


def _csv(path: Path) -> Iterator[Record]:
    """The records of a CSV file with a header row naming the fields."""
    reader = csv.reader(io.StringIO(read_utf8(path), newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(f"{path}: empty CSV file (a header row naming the fields comes first)")
        if "text" not in {ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header}:
            raise InputError(f"{path}:1: the header names no `text` column: {header!r}")
        line, number = reader.line_num + 1, 0
        for row in reader:
            if not any(cell.strip() for cell in row):
                line = reader.line_num + 1
                continue
            number += 1
            where = f"{path}:{line}: record {number}"
            if len(row) != len(header):
                raise InputError(f"{where}: {len(row)} field(s), the header names {len(header)}")
            yield Record(path, line, number, _fields(dict(zip(header, row, strict=True)), where))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: malformed CSV: {exc}") from exc


def _folder(path: Path) -> Iterator[Record]:
    """One record per .txt file of a folder, by name; the file name is its title's stand-in."""
    files = sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
    if not files:
        raise InputError(f"{path}: no .txt articles in the folder")
    for number, file in enumerate(files, start=1):
        fields: dict[str, str | None] = {"text": read_utf8(file), "name_hint": file.stem}
        yield Record(file, 1, number, fields)


def read_records(source: Path) -> list[Record]:
    """Every record of a source: a folder of .txt files, a .csv or a .jsonl file."""
    if source.is_dir():
        return list(_folder(source))
    suffix = source.suffix.lower()
    if suffix == ".csv":
        return list(_csv(source))
    if suffix in (".jsonl", ".ndjson"):
        return list(_jsonl(source))
    if suffix == ".txt":
        return [Record(source, 1, 1, {"text": read_utf8(source), "name_hint": source.stem})]
    raise InputError(f"{source}: not a folder of .txt files, a .csv or a .jsonl file")


def _marker(record: Record) -> str | None:
    """A leading `date YYYY-MM-DD` line of the text, to be cut as boilerplate."""
    found = _MARKER.match(record.fields.get("text") or "")
    return found.group().strip() if found else None


def _day(record: Record, value: str, what: str) -> date:
    """A YYYY-MM-DD date (a date and time keeps its date as written); an InputError naming the
    record when it is no date or no day of the calendar."""
    match = _DATE.fullmatch(value.strip())
    if match is None:
        raise InputError(f"{record.where}: {what} {value!r} is not a YYYY-MM-DD date")
    try:
        return date.fromisoformat(match.group(1))
    except ValueError as exc:
        raise InputError(f"{record.where}: {what} {value!r} is not a valid date ({exc})") from exc


def _date(record: Record, default: date | None) -> tuple[date, str]:
    """The record's publication date and how it was established: its `date` field, --date, or
    a leading `date YYYY-MM-DD` marker."""
    value = record.fields.get("date")
    if value:
        evidence = f"the `date` field of {record.source.name}, record {record.number}"
        return _day(record, value, "date"), evidence
    if default is not None:
        return default, "given with `diplograph add --date`"
    marker = _marker(record)
    if marker:
        return _day(
            record, marker.split()[1], "the `date` marker's date"
        ), "the leading `date` marker"
    raise InputError(
        f"{record.where}: no publication date: give a `date` field, --date YYYY-MM-DD, or start "
        "the text with a `date YYYY-MM-DD` line"
    )


def _checked(record: Record) -> None:
    """A record's text, name and url are usable, or an InputError naming the record."""
    text = record.fields.get("text")
    if not text or not text.strip():
        raise InputError(f"{record.where}: no text (the `text` field is missing or empty)")
    name = record.fields.get("name")
    if name and not _STEM.match(name):
        raise InputError(
            f"{record.where}: name {name!r} may hold only ASCII letters, digits and '_', '-', "
            "'.', '~' (it becomes part of IRIs)"
        )
    url = record.fields.get("url")
    if url and (problem := url_problem(url)):
        raise InputError(f"{record.where}: url {url!r}: {problem}")


def meta_text(stem: str, record: Record, published: date, evidence: str, cut: str | None) -> str:
    """The .meta.yaml of an added article, in a fixed field order."""
    import yaml

    fields = record.fields
    meta = {
        "headline": fields.get("title"),
        "outlet": fields.get("outlet"),
        "author": fields.get("author"),
        "date_published": published,
        "date_evidence": evidence,
        "dateline": fields.get("dateline"),
        "language": fields.get("language") or "en",
        "url": fields.get("url"),
        "boilerplate": [cut] if cut else [],
    }
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, where PyYAML has it
    body = yaml.dump(meta, Dumper=dumper, sort_keys=False, allow_unicode=True, width=10_000)
    origin = f"{record.source.name}, record {record.number} (line {record.line})"
    return f"# Metadata of seed {stem}.txt, added by `diplograph add` from {origin}.\n{body}"


def _base_stem(record: Record, published: date) -> str:
    """The name the record asks for, or the date and a slug of its title (or first words)."""
    fields = record.fields
    if fields.get("name"):
        return str(fields["name"])
    words = (
        fields.get("title")
        or fields.get("name_hint")
        or " ".join((fields["text"] or "").split()[:8])
    )
    return f"{published.isoformat()}_{slug(str(words)) or 'article'}"


def _existing_text(seeds: Path, stem: str) -> str | None:
    """The text of a seed already in the folder under that stem, if any."""
    path = seeds / f"{stem}.txt"
    if not path.exists():
        return None
    with path.open(encoding="utf-8-sig", newline="", errors="replace") as stream:
        return stream.read()


def plan(records: list[Record], seeds: Path, default_date: date | None = None) -> list[Planned]:
    """The articles to write (and those already present), every record checked first."""
    texts: dict[str, str | None] = {}  # stem -> the text under it: planned, or in seeds/

    def text_of(stem: str) -> str | None:
        """The text a stem holds so far."""
        if stem not in texts:
            texts[stem] = _existing_text(seeds, stem)
        return texts[stem]

    planned: list[Planned] = []
    for record in records:
        _checked(record)
        published, evidence = _date(record, default_date)
        text = str(record.fields["text"])
        base = stem = _base_stem(record, published)
        suffix = 1
        while text_of(stem) not in (None, text):
            if record.fields.get("name"):
                raise InputError(
                    f"{record.where}: name {stem!r} is taken by another article in {seeds}"
                )
            suffix += 1
            stem = f"{base}-{suffix}"
        present = text_of(stem) == text
        texts[stem] = text
        meta = meta_text(stem, record, published, evidence, _marker(record))
        planned.append(Planned(stem, text, meta, record, present))
    return planned


def write_planned(planned: list[Planned], seeds: Path) -> None:
    """Write the new articles' text and metadata files, all or none."""
    from diplograph.writing import write_all

    outputs: list[tuple[Path, bytes]] = []
    for item in planned:
        if not item.present:
            outputs.append((seeds / f"{item.stem}.txt", item.text.encode("utf-8")))
            outputs.append((seeds / f"{item.stem}.meta.yaml", item.meta.encode("utf-8")))
    write_all(outputs)


def add_articles(
    sources: Path | list[Path],
    seeds: Path,
    default_date: date | None = None,
    dry_run: bool = False,
) -> list[Planned]:
    """Read one or more sources of articles and write the new ones into the seeds folder, all
    or none (nothing when `dry_run`); return every article read, new or already present, in
    source order."""
    if not seeds.is_dir():
        raise InputError(f"{seeds}: no seeds folder (is this a diplograph project?)")
    records = [
        r
        for source in ([sources] if isinstance(sources, Path) else sources)
        for r in read_records(source)
    ]
    planned = plan(records, seeds, default_date)
    if not dry_run:
        write_planned(planned, seeds)
    return planned
