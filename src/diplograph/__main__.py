"""Entry point for `python -m diplograph` and the `diplograph` console script.

Makes SIGTERM behave like SIGINT (it raises errors.Terminated, a KeyboardInterrupt, so that the
same clean-up runs) and imports the CLI inside `main`, so that an interrupt while it loads is
one line and exit 130 (143 for SIGTERM), not a traceback; once the CLI runs, its command group
reports interrupts.

When the command is done, the process leaves without the interpreter's teardown, which frees
every object one by one (0.05 s of an `extract`, 0.07 s of a cold build): the output streams are
flushed and the exit handlers run (logging, temporary folders) as at any exit, then `os._exit`.
It exits the usual way when something may still need the teardown: another Python thread, an
on-disk Oxigraph store still open for writing, an exit code that is not a number, a stream that
cannot be flushed.
"""

from __future__ import annotations

import atexit
import os
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
    try:
        run()
    except SystemExit as done:
        _leave(done.code)
        raise


def _leave(code: object) -> None:
    """Exit now with `code`, without the interpreter's teardown, if nothing needs it; else
    return (the caller exits the usual way)."""
    if code is not None and not isinstance(code, int):
        return  # a message to print: SystemExit's own handling
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    engine = sys.modules.get("diplograph.store.oxigraph_engine")
    if engine is not None and len(engine.WRITING):
        return
    try:
        _flush()
    except (OSError, ValueError):
        return  # a closed or broken stream: reported the usual way
    atexit._run_exitfuncs()
    try:
        _flush()
    finally:
        os._exit(code or 0)


def _flush() -> None:
    """Flush the standard output streams."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()


if __name__ == "__main__":
    main()
