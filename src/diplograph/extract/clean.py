"""Cleaning stage: finds page boilerplate in raw article text by the `boilerplate` rules.

Reads the article text and the rules; returns the spans to cut (bylines and author bios, "Must
read", "More articles", comment forms, "Latest article", a leading `date YYYY-MM-DD` marker,
agency credits, photo captions repeated in the body), each with the id of the rule that found
it, so that what was dropped is recorded. Works on articles without metadata (input_article
makes an Article of any text file, dated by its .meta.yaml, --date or a leading marker); for
seeds whose metadata already lists boilerplate it finds the same lines and nothing the hand
layer maps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from diplograph.errors import InputError
from diplograph.extract.rules import Rule, RuleSet
from diplograph.seeds import Article, Sentence, load_article, meta_path, read_text, segment

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, order=True)
class Cut:
    """A span of page noise: offsets into the article text, the rule that found it, its text."""

    begin: int
    end: int
    rule: str
    text: str


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Non-empty lines as (begin, end, stripped text), offsets of the stripped text."""
    found = []
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            begin = match.start() + raw.index(stripped)
            found.append((begin, begin + len(stripped), stripped))
    return found


def _compiled(rule: Rule, key: str) -> re.Pattern[str]:
    """A rule's regex, compiled; a bad one is an error naming the rule file and line."""
    try:
        return re.compile(rule.get(key), re.IGNORECASE)
    except (re.error, TypeError) as exc:
        raise InputError(f"{rule.where}: rule {rule.id!r}: bad `{key}`: {exc}") from exc


def _is_name_line(line: str, max_words: int) -> bool:
    """A short line of capitalised words, as a byline is."""
    words = line.split()
    return 2 <= len(words) <= max_words and all(w[:1].isupper() and w.isalpha() for w in words)


def _apply(rule: Rule, text: str, lines: list[tuple[int, int, str]]) -> list[Cut]:
    """The cuts one boilerplate rule finds."""
    cuts: list[Cut] = []
    if "line" in rule.data:
        wanted = {str(w).lower() for w in rule.get("line")}
        cuts += [Cut(b, e, rule.id, s) for b, e, s in lines if s.lower().rstrip(":") in wanted]
    if "line_regex" in rule.data:
        pattern = _compiled(rule, "line_regex")
        cuts += [Cut(b, e, rule.id, s) for b, e, s in lines if pattern.fullmatch(s)]
    if "leading_regex" in rule.data:
        match = _compiled(rule, "leading_regex").match(text)
        if match:
            cuts.append(Cut(match.start(), match.end(), rule.id, match.group()))
    if "repeated_line" in rule.data:
        min_chars = int(rule.get("repeated_line").get("min_chars", 20))
        seen: set[str] = set()
        for begin, end, line in lines:
            if len(line) >= min_chars and line in seen:
                cuts.append(Cut(begin, end, rule.id, line))
            seen.add(line)
    if "byline" in rule.data:
        cuts += _bylines(rule, lines)
    return cuts


def _bylines(rule: Rule, lines: list[tuple[int, int, str]]) -> list[Cut]:
    """Repeated short name lines (bylines) and the author bio that starts with the name."""
    max_words = int(rule.get("byline").get("max_words", 4))
    counts: dict[str, int] = {}
    for _, _, line in lines:
        counts[line] = counts.get(line, 0) + 1
    names = {line for line, n in counts.items() if n > 1 and _is_name_line(line, max_words)}
    cuts = [Cut(b, e, rule.id, s) for b, e, s in lines if s in names]
    bio = re.compile(str(rule.get("byline").get("bio", r"(has|is|was)\b")), re.IGNORECASE)
    for begin, end, line in lines:
        for name in names:
            rest = line[len(name) :].strip()
            if line.startswith(name) and line != name and bio.match(rest):
                cuts.append(Cut(begin, end, rule.id, line))
    return cuts


def find_boilerplate(text: str, rules: RuleSet) -> list[Cut]:
    """Every boilerplate span of a text, sorted, overlaps removed (the earlier span wins)."""
    lines = _lines(text)
    found = sorted(cut for rule in rules.boilerplate for cut in _apply(rule, text, lines))
    kept: list[Cut] = []
    for cut in found:
        if not kept or cut.begin >= kept[-1].end:
            kept.append(cut)
    return kept


def marker_date(text: str, rules: RuleSet) -> date | None:
    """The date of a leading `date YYYY-MM-DD` marker, if a boilerplate rule names one."""
    for rule in rules.boilerplate:
        if "leading_regex" in rule.data:
            match = _compiled(rule, "leading_regex").match(text)
            if match and match.groupdict().get("date"):
                try:
                    return date.fromisoformat(match.group("date"))
                except ValueError:
                    return None
    return None


def mappable_sentences(article: Article, cuts: list[Cut]) -> list[Sentence]:
    """The article's sentences that do not overlap any boilerplate span."""
    return [
        s for s in article.sentences if not any(c.begin < s.end and s.begin < c.end for c in cuts)
    ]


def article_from_text(path: Path, text: str, published: date | None, rules: RuleSet) -> Article:
    """An Article for a text without metadata: date from the argument or a leading marker."""
    if not text.strip():
        raise InputError(f"{path}: the article is empty")
    cuts = find_boilerplate(text, rules)
    marker = marker_date(text, rules)
    when = published or marker
    if when is None:
        raise InputError(
            f"{path}: no publication date: give --date YYYY-MM-DD, add a .meta.yaml, "
            "or start the text with a `date YYYY-MM-DD` marker"
        )
    evidence = "given on the command line" if published else "the leading `date` marker"
    meta = {
        "outlet": None,
        "date_published": when,
        "date_evidence": evidence,
        "language": "en",
        "boilerplate": [c.text for c in cuts],
    }
    sentences = segment(text, [(c.begin, c.end) for c in cuts])
    return Article(path.stem, path, text, meta, sentences, tuple(c.text for c in cuts))


def input_article(path: Path, published: date | None, rules: RuleSet) -> Article:
    """An article to map: a seed with metadata, or a plain text dated by --date or a marker."""
    if meta_path(path).is_file():
        article = load_article(path)
        if published is not None:
            article = replace(article, meta={**article.meta, "date_published": published})
        return article
    return article_from_text(path, read_text(path), published, rules)  # as stored, as seeds
