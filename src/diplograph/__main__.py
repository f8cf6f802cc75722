"""Entry point for `python -m diplograph` and the `diplograph` console script.

Imports the CLI inside `main`, so that an interrupt while it loads is one line and exit 130,
not a KeyboardInterrupt traceback; once the CLI runs, its command group reports interrupts.
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130


def main() -> None:
    """Run the CLI; an interrupt during start-up prints one line and exits 130."""
    try:
        from diplograph.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        raise SystemExit(EXIT_INTERRUPTED) from None
    run()


if __name__ == "__main__":
    main()
