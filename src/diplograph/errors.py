"""Errors: the exception hierarchy and the exit code each one maps to (pySHACL's contract, and 4
for a build that went on without the rule layer of some articles)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NONCONFORMING = 1
EXIT_INPUT = 2
EXIT_REMOTE = 3
EXIT_WARNINGS = 4  # built with warnings: some articles' rule layers were quarantined


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
