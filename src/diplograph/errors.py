"""Errors: the exception hierarchy and the exit code each one maps to (pySHACL's contract, 4 for
a build that went on without the rule layer of some articles, 5 for a query stopped at its time
limit)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NONCONFORMING = 1
EXIT_INPUT = 2
EXIT_REMOTE = 3
EXIT_WARNINGS = 4  # built with warnings: some articles' rule layers were quarantined
EXIT_QUERY_TIMEOUT = 5  # a query ran past its time limit and was stopped (querylimit.py)
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it
EXIT_TERMINATED = 143  # 128 + SIGTERM


class DiplographError(Exception):
    """Base class of every error diplograph reports to the user."""

    exit_code = EXIT_INPUT


class InputError(DiplographError):
    """Bad input: a malformed file, a missing article, an unknown query or parameter."""

    exit_code = EXIT_INPUT


class ValidationFailed(DiplographError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = EXIT_NONCONFORMING


class RemoteError(DiplographError):
    """A remote SPARQL endpoint failed, timed out or answered nonsense."""

    exit_code = EXIT_REMOTE


class QueryTimeout(DiplographError):
    """A query ran past its time limit (`query --timeout`) and was stopped."""

    exit_code = EXIT_QUERY_TIMEOUT


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised wherever the program is (`python -m diplograph` installs the handler), as
    SIGINT raises KeyboardInterrupt: the same clean-up runs (temporary files removed, previous
    outputs left whole), then one line and exit 143."""


def syntax_error(path: object, exc: BaseException, what: str) -> InputError:
    """One line for a file a parser refused: the file, the line and column where the parser
    gives them (PyYAML's marks, rdflib's BadSyntax), and the problem; a file that cannot be
    read is said to be so, not malformed.

    >>> print(syntax_error("x.ttl", FileNotFoundError(2, "No such file or directory"), "Turtle"))
    x.ttl: cannot read: No such file or directory
    >>> print(syntax_error("x.ttl", ValueError("bad\\n  thing"), "Turtle"))
    x.ttl: malformed Turtle: bad thing
    """
    if isinstance(exc, OSError):
        return InputError(f"{path}: cannot read: {exc.strerror or exc}")
    where, problem = str(path), ""
    mark = getattr(exc, "problem_mark", None)  # PyYAML
    if mark is not None:
        where += f":{mark.line + 1}:{mark.column + 1}"
        problem = str(getattr(exc, "problem", "") or "")
    text, at, lines = (getattr(exc, name, None) for name in ("_str", "_i", "lines"))  # rdflib
    if isinstance(text, bytes) and isinstance(at, int) and isinstance(lines, int):
        column = at - text.rfind(b"\n", 0, at)
        where += f":{lines + 1}" + (f":{column}" if at >= 0 else "")
        problem = str(getattr(exc, "_why", "") or "")
    if isinstance(exc, IndexError):  # rdflib's parsers on a file cut short
        problem = "the file ends in the middle of a statement"
    if isinstance(exc, SyntaxError) and exc.lineno:  # pyoxigraph's parsers
        where += f":{exc.lineno}" + (f":{exc.offset}" if exc.offset else "")
        problem = (exc.msg or "").rpartition(": ")[2]
    if isinstance(exc, UnicodeDecodeError):
        problem = f"not UTF-8 text: byte 0x{exc.object[exc.start]:02x} (save the file as UTF-8)"
    problem = " ".join((problem or str(exc) or type(exc).__name__).split())
    return InputError(f"{where}: malformed {what}: {problem[:300]}")
