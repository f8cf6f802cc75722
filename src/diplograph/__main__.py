"""Entry point for `python -m diplograph` and the `diplograph` console script.

Makes SIGTERM behave like SIGINT (it raises errors.Terminated, a KeyboardInterrupt, so that the
same clean-up runs) and imports the CLI inside `main`, so that an interrupt while it loads is
one line and exit 130 (143 for SIGTERM), not a traceback; once the CLI runs, its command group
reports interrupts.
"""

from __future__ import annotations

import signal
import sys

from diplograph.errors import EXIT_INTERRUPTED, EXIT_TERMINATED, Terminated
from diplograph.startup import run_once


def _terminate(signum: int, frame: object) -> None:
    """The SIGTERM handler: raise Terminated where the program is."""
    raise Terminated


def main() -> None:
    """Run the CLI; an interrupt during start-up prints one line and exits 130 (143)."""
    signal.signal(signal.SIGTERM, _terminate)
    run_once()  # this process runs one command and exits (startup.py)
    try:
        from diplograph.cli import main as run
    except KeyboardInterrupt as exc:
        terminated = isinstance(exc, Terminated)
        sys.stderr.write(f"error: {'terminated' if terminated else 'interrupted'}\n")
        raise SystemExit(EXIT_TERMINATED if terminated else EXIT_INTERRUPTED) from None
    run()


if __name__ == "__main__":
    main()
