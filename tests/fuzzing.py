"""Shared parts of the property-based tests (tests/test_fuzz_*.py): inputs, mutations, the
per-input time guard, the count of inputs tried, and the hypothesis profiles.

Inputs are the real seed articles (seeds/*.txt) and the development corpus
(tests/data/corpus/*.txt), their metadata, hand mappings, rule files and stored queries, mutated
as a careless editor, a broken scraper or a hostile sender would: chunks deleted, duplicated or
swapped, Unicode and control characters inserted, line breaks removed (one very long line),
punctuation stripped, line ends changed, a byte-order mark, bytes that are not UTF-8. Every text
stays under MAX_CHARS and a passage is repeated at most four times, so that no test waits on the
known super-linear cost of event anaphora (many sentences that refer back to "the talks").

Profiles (hypothesis settings, chosen by `DIPLOGRAPH_FUZZ`, else by `CI`): `dev` (the default),
`ci` (when CI is set to true: fewer inputs, no example database) and `deep` (ten times the
inputs, for a long local run). Each test asks for `examples(n)`: n inputs under `dev`, scaled for
the others. conftest.py prints how many inputs were tried, per test, at the end of the run.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CORPUS = sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))
MAX_CHARS = 5_000

# -- profiles ---------------------------------------------------------------------------------

SCALE = {"dev": 1.0, "ci": 0.6, "deep": 10.0}
_common = {
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
settings.register_profile("dev", **_common)
settings.register_profile("ci", database=None, **_common)
settings.register_profile("deep", **_common)


def profile_name() -> str:
    """The profile this run uses: $DIPLOGRAPH_FUZZ, else `ci` when $CI is true, else `dev`."""
    chosen = os.environ.get("DIPLOGRAPH_FUZZ", "")
    if chosen in SCALE:
        return chosen
    return "ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev"


PROFILE = profile_name()
settings.load_profile(PROFILE)


def examples(n: int) -> int:
    """The number of inputs for a test that tries n under the dev profile (at least 5).

    >>> examples(100) >= 5
    True
    """
    return max(5, round(n * SCALE[PROFILE]))


def fuzz_settings(n: int, deadline_s: float) -> settings:
    """Settings of one property test: n inputs (scaled), a generous deadline per input."""
    return settings(max_examples=examples(n), deadline=timedelta(seconds=deadline_s))


# -- counting and the time guard --------------------------------------------------------------

TRIED: Counter[str] = Counter()  # inputs tried, per test
SECONDS: Counter[str] = Counter()  # time spent on them, per test


class _TookTooLong(BaseException):
    """Raised by the alarm inside the code under test; a BaseException, so that no
    `except Exception` there can mistake it for the input's own error."""


@contextlib.contextmanager
def one_input(test: str, limit: float) -> Iterator[None]:
    """Count one input of a test and fail it if it runs longer than `limit` seconds (a hard
    guard, SIGALRM, beside hypothesis's deadline: a hang ends as a failure, not a stuck run)."""

    def alarm(signum: int, frame: object) -> None:
        raise _TookTooLong

    TRIED[test] += 1
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    except _TookTooLong:
        raise AssertionError(f"{test}: one input ran longer than {limit} s (a hang)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        SECONDS[test] += time.monotonic() - started


def summary_lines() -> list[str]:
    """The lines conftest.py prints at the end of a run that tried any input."""
    if not TRIED:
        return []
    total, seconds = sum(TRIED.values()), sum(SECONDS.values())
    lines = [
        f"property tests: {total} inputs tried in {len(TRIED)} tests, {seconds:.1f} s "
        f"(hypothesis profile {PROFILE!r})"
    ]
    for test in sorted(TRIED):
        lines.append(f"  {TRIED[test]:5d} inputs  {SECONDS[test]:6.1f} s  {test}")
    return lines


def assert_clear(exc: Exception, *names: str) -> None:
    """An error a user sees is one line, not empty, and names the file (one of `names`)."""
    message = str(exc)
    assert message.strip(), f"{type(exc).__name__} with an empty message"
    assert "\n" not in message and "\r" not in message, f"not one line: {message!r}"
    assert "Traceback" not in message, message
    if names:
        assert any(n in message for n in names), f"names none of {names}: {message!r}"


# -- mutations --------------------------------------------------------------------------------

CONTROL = "".join(map(chr, range(0x20))) + "\x7f\x85\u2028\u2029\ufeff\u200b\u200e\u202e\ufffe"
PUNCTUATION = ".,;:!?\"'“”‘’()-–—"
EXOTIC = st.characters(exclude_categories=("Cs",))  # any code point but lone surrogates
OPERATIONS = (
    "delete",
    "duplicate",
    "swap",
    "unicode",
    "control",
    "one-long-line",
    "no-punctuation",
    "upper",
    "crlf",
    "cr",
    "bom",
    "truncate",
    "repeat",
)


def _span(draw: st.DrawFn, size: int) -> tuple[int, int]:
    """A span [begin, end) of a sequence of `size` items."""
    begin = draw(st.integers(0, size))
    end = draw(st.integers(begin, min(size, begin + 800)))
    return begin, end


def mutate_text(draw: st.DrawFn, text: str, operation: str) -> str:
    """One mutation of a text."""
    if operation == "delete":
        begin, end = _span(draw, len(text))
        return text[:begin] + text[end:]
    if operation == "duplicate":
        begin, end = _span(draw, len(text))
        at = draw(st.integers(0, len(text)))
        return text[:at] + text[begin:end] + text[at:]
    if operation == "swap":
        begin, middle = _span(draw, len(text))
        end = draw(st.integers(middle, min(len(text), middle + 800)))
        return text[:begin] + text[middle:end] + text[begin:middle] + text[end:]
    if operation in ("unicode", "control"):
        alphabet = EXOTIC if operation == "unicode" else st.sampled_from(CONTROL)
        insert = draw(st.text(alphabet, min_size=1, max_size=40))
        at = draw(st.integers(0, len(text)))
        return text[:at] + insert + text[at:]
    if operation == "one-long-line":
        return " ".join(text.split())
    if operation == "no-punctuation":
        return text.translate({ord(c): None for c in PUNCTUATION})
    if operation == "upper":
        return text.upper()
    if operation == "crlf":
        return text.replace("\n", "\r\n")
    if operation == "cr":
        return text.replace("\n", "\r")
    if operation == "bom":
        return "\ufeff" + text
    if operation == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    if operation == "repeat":  # a passage a few times over (not more: event anaphora's cost
        begin, end = _span(draw, len(text))  # grows faster than the number of references)
        return text[:end] + text[begin:end] * draw(st.integers(2, 4)) + text[end:]
    raise ValueError(operation)


@st.composite
def mutated(draw: st.DrawFn, sources: list[Path], max_steps: int = 4) -> tuple[str, str]:
    """A source file's text with 0 to max_steps mutations, at most MAX_CHARS long; returns the
    source's name (for the failure report) and the text."""
    path = draw(st.sampled_from(sources))
    text = read(path)
    for operation in draw(st.lists(st.sampled_from(OPERATIONS), max_size=max_steps)):
        text = mutate_text(draw, text, operation)[:MAX_CHARS]
    return path.name, text


@functools.cache
def read(path: Path) -> str:
    """A source file's text (read once)."""
    return path.read_text(encoding="utf-8")


@functools.cache
def _words(paths: tuple[Path, ...]) -> list[str]:
    """The distinct words of some texts, sorted (the vocabulary of a word salad)."""
    return sorted({w for p in paths for w in read(p).split()})


@st.composite
def word_salad(draw: st.DrawFn, sources: list[Path]) -> str:
    """Sentences of real words from the sources in random order: names, titles, event words
    and dates meet in combinations no article has."""
    vocabulary = _words(tuple(sources))
    sentence = st.lists(st.sampled_from(vocabulary), min_size=1, max_size=30).map(" ".join)
    ends = st.sampled_from([".", ". ", ".\n\n", "?", "!", "", "\n", ' "', '."\n'])
    parts = draw(st.lists(st.tuples(sentence, ends), min_size=1, max_size=25))
    return "".join(s + e for s, e in parts)[:MAX_CHARS]


@st.composite
def mutated_bytes(draw: st.DrawFn, data: bytes, max_steps: int = 4) -> bytes:
    """Some bytes with 0 to max_steps byte-level mutations (delete, duplicate, swap, insert
    random bytes or text, truncate)."""
    for _ in range(draw(st.integers(0, max_steps))):
        operation = draw(st.sampled_from(("delete", "duplicate", "swap", "bytes", "text", "cut")))
        if operation == "bytes":
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.binary(min_size=1, max_size=20)) + data[at:]
        elif operation == "text":
            at = draw(st.integers(0, len(data)))
            insert = draw(st.text(st.one_of(EXOTIC, st.sampled_from(CONTROL)), max_size=20))
            data = data[:at] + insert.encode("utf-8") + data[at:]
        elif operation == "cut":
            data = data[: draw(st.integers(0, len(data)))]
        else:
            text = data.decode("latin-1")  # one character per byte: the text operations apply
            data = mutate_text(draw, text, operation).encode("latin-1")
    return data[: MAX_CHARS * 4]
