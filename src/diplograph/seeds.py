"""Seeds stage: reads a seed article (text + .meta.yaml) and yields its metadata and sentences.

Sentences carry exact character offsets (Unicode code points, end exclusive) into the seed file
as stored: decoded as UTF-8 with its line ends untouched (CRLF counts two), after a leading
byte-order mark, which is dropped (docs/decisions/20261123-offsets-and-dates.md), so every
assertion can point at the words that support it. Boilerplate spans
named in the metadata (bylines, "Must read", comment forms, a leading `date ...` marker) are cut
out before segmentation and recorded, never mapped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from diplograph.errors import InputError
from diplograph.meta import load_meta

log = logging.getLogger(__name__)

_STEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")
_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Pvt Gen Lt Col Sgt Cpl Cmdr Msgr St No vs Gov Sen Rep Prof Maj Capt Adm Brig Amb "
    "Hon Rev "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_INITIALS = re.compile(r"^(?:[A-Z]\.)*[A-Z]$")  # "K.P. Sharma Oli", "J. Smith": no sentence end
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its number (from 1), offsets into the seed text, and its exact text."""

    number: int
    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """A seed article: its file stem, full text, metadata, sentences and boilerplate lines."""

    stem: str
    path: Path
    text: str
    meta: dict
    sentences: tuple[Sentence, ...] = field(default=())
    boilerplate: tuple[str, ...] = field(default=())

    @property
    def date_published(self) -> date:
        """The article's publication date, against which relative dates are resolved."""
        return self.meta["date_published"]

    def sentence_at(self, begin: int, end: int) -> Sentence | None:
        """The sentence that contains the span [begin, end), if one does."""
        for sentence in self.sentences:
            if sentence.begin <= begin and end <= sentence.end:
                return sentence
        return None


def meta_path(text_path: Path) -> Path:
    """The metadata file that sits beside a seed text."""
    return text_path.with_name(text_path.stem + ".meta.yaml")


def read_text(path: Path) -> str:
    """An article's text as stored: UTF-8, line ends untouched, a leading byte-order mark dropped.

    An InputError names the file when it cannot be read or is not UTF-8.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read article as UTF-8 text: {exc}") from exc


def _line_pattern(line: str) -> str:
    """A regex for a boilerplate string whose line breaks match LF or CRLF.

    >>> bool(re.fullmatch(_line_pattern("a\\nb"), "a\\r\\nb"))
    True
    """
    return r"\r?\n".join(re.escape(part) for part in line.split("\n"))


def boilerplate_spans(text: str, lines: list[str], source: Path) -> list[tuple[int, int]]:
    """Offsets of every occurrence of each boilerplate string; each must occur at least once."""
    spans = []
    for line in lines:
        found = [m.span() for m in re.finditer(_line_pattern(line), text)]
        if not found:
            raise InputError(f"{source}: boilerplate text not found in the article: {line!r}")
        spans.extend(found)
    return sorted(spans)


def _kept_regions(text: str, cut: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The stretches of text between boilerplate spans, split further at line breaks (LF, CR)."""
    position = 0
    for begin, end in [*cut, (len(text), len(text))]:
        if begin > position:
            for line in re.finditer(r"[^\r\n]+", text[position:begin]):
                yield position + line.start(), position + line.end()
        position = max(position, end)


def _split(text: str, begin: int, end: int) -> Iterator[tuple[int, int]]:
    """Split one line into sentence spans, trimming white space, not splitting abbreviations;
    a span longer than MAX_SENTENCE is cut into pieces (`_pieces`)."""
    start = begin
    for match in _SENTENCE_END.finditer(text, begin, end):
        before = text[start : match.start()].rsplit(None, 1)
        if before and (
            before[-1].rstrip(".") in _ABBREVIATIONS or _INITIALS.match(before[-1].rstrip("."))
        ):
            continue
        yield from _pieces(text, start, match.start() + len(match.group().rstrip()))
        start = match.end()
    yield from _pieces(text, start, end)


MAX_SENTENCE = 1000  # characters; the longest sentence of the seeds and corpus has 548


def _pieces(text: str, begin: int, end: int) -> Iterator[tuple[int, int]]:
    """A sentence span, or pieces of at most MAX_SENTENCE characters cut after the last comma,
    semicolon or space before the limit: no real sentence is that long, and the rule matcher's
    work grows faster than a sentence's length (a 100,000-character line)."""
    while end - begin > MAX_SENTENCE:
        window = text[begin : begin + MAX_SENTENCE]
        cut = max(window.rfind(", "), window.rfind("; "))
        cut = cut + 1 if cut > MAX_SENTENCE // 2 else window.rfind(" ")
        cut = cut if cut > 0 else MAX_SENTENCE
        yield begin, begin + cut
        begin += cut
        while begin < end and text[begin].isspace():
            begin += 1
    if end > begin:
        yield begin, end


def segment(text: str, cut: list[tuple[int, int]] | None = None) -> tuple[Sentence, ...]:
    """Sentences of a text, skipping the cut spans.

    >>> [s.text for s in segment("Pvt King ran. He was seen.\\n\\nMore articles", [(28, 41)])]
    ['Pvt King ran.', 'He was seen.']
    """
    spans = []
    for begin, end in _kept_regions(text, cut or []):
        for s_begin, s_end in _split(text, begin, end):
            while s_begin < s_end and text[s_begin].isspace():
                s_begin += 1
            while s_end > s_begin and text[s_end - 1].isspace():
                s_end -= 1
            if s_end > s_begin:
                spans.append((s_begin, s_end))
    return tuple(Sentence(n, b, e, text[b:e]) for n, (b, e) in enumerate(spans, start=1))


def load_article(path: Path) -> Article:
    """Read one seed article with its metadata and sentences."""
    text = read_text(path)
    if not text.strip():
        raise InputError(f"{path}: the article is empty")
    meta = load_meta(meta_path(path))
    lines = list(meta.get("boilerplate") or [])
    cut = boilerplate_spans(text, lines, meta_path(path))
    return Article(path.stem, path, text, meta, segment(text, cut), tuple(lines))


def _usable(path: Path) -> bool:
    """Whether a file of the seeds folder is a seed article; a warning for one that looks like
    it but is not read; an InputError for a seed whose name cannot become an IRI."""
    if path.suffix.lower() != ".txt" or path.name.startswith("."):
        return False
    if path.suffix != ".txt":
        log.warning("%s: not read: seed articles end in lower-case .txt", path)
        return False
    if path.is_symlink() and not path.exists():
        log.warning("%s: not read: a symbolic link to a missing file", path)
        return False
    if not path.is_file():
        return False
    if not _STEM.match(path.stem):
        raise InputError(
            f"{path}: a seed's file name may hold only ASCII letters, digits and '_', '-', '.', "
            "'~' (its name becomes part of IRIs); rename the file and its .meta.yaml"
        )
    return True


def seed_paths(folder: Path, refused: list[tuple[Path, Exception]] | None = None) -> list[Path]:
    """The seed article files of a folder, sorted by name, with their names checked: a name that
    cannot become an IRI is an InputError, or, given a list, goes into it with its error."""
    found = []
    for path in sorted(folder.iterdir()):
        try:
            if _usable(path):
                found.append(path)
        except InputError as exc:
            if refused is None:
                raise
            refused.append((path, exc))
    return found


def load_articles(folder: Path) -> list[Article]:
    """Every seed article of a folder, sorted by file name."""
    return [load_article(path) for path in seed_paths(folder)]
