"""Worker: runs one function, call after call, in a forked process under a time limit per call
and a memory limit.

The build maps each article by the rules in a worker (build.py, issue 12): a call that runs past
its limit is stopped by killing the worker, which takes the memory it grew with it; the next call
forks a fresh one. A signal in the build's own process would not do: the rule layer can spend
minutes inside one call of compiled code (spaCy's Matcher on a 100,000-character sentence), where
no Python signal handler runs. One worker serves every call until it is killed, so the rule
layer's caches warm once, as in a single process (build.py warms them before the first fork, so
a worker that replaces a killed one starts warm too). Arguments, results and exceptions cross
the pipes pickled. The worker ignores SIGINT and SIGTERM (the build handles them and kills it) and,
on Linux, dies with the build (PR_SET_PDEATHSIG). The memory limit bounds the worker's address
space (RLIMIT_AS) to what it had when forked plus the given MiB: a call that needs more gets a
MemoryError, reported as CallOutOfMemory, and the worker is replaced. Without fork(), or with no
limit, the function runs in the calling process, unbounded.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import select
import signal
import struct
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, NoReturn

from diplograph.errors import InputError

_STOPS = {signal.SIGINT, signal.SIGTERM}
_SIZE = struct.Struct("!Q")


class CallTimeout(Exception):
    """A call ran past its time limit; the worker was killed."""


class CallOutOfMemory(Exception):
    """A call needed more memory than the worker's limit; the worker was killed."""


class Worker:
    """Calls `func` in a forked process, each call within `seconds`, the worker within `memory`
    MiB more than it had when forked (None: no limit; no limit at all: no fork).

    Use as a context manager: leaving it ends the worker.
    """

    def __init__(
        self,
        func: Callable[..., Any],
        seconds: float | None,
        memory: int | None = None,
        fork: bool = False,
    ) -> None:
        """Remember the function and the limits; the worker is forked on the first call (also
        without limits when `fork`: a pool of workers, parallel.py)."""
        self.func = func
        self.seconds = seconds or None
        self.memory = memory or None
        self.forked = hasattr(os, "fork") and (fork or (self.seconds, self.memory) != (None, None))
        self.pid: int | None = None
        self.requests = self.answers = -1
        self.deadline: float | None = None

    def __enter__(self) -> Worker:
        """The worker, ready for calls."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """End the worker, whatever happened."""
        self.close()

    def __call__(self, *args: Any) -> Any:
        """func(*args) in the worker, or CallTimeout, or CallOutOfMemory; the worker's exception
        is raised here, and a worker that dies without answering is a ChildProcessError."""
        if not self.forked:
            return self.func(*args)
        self.send(*args)
        return self.receive()

    def send(self, *args: Any) -> None:
        """Hand one call to the worker (forked if need be); its time limit starts now."""
        if self.pid is None:
            self._start()
        self.deadline = None if self.seconds is None else time.monotonic() + self.seconds
        with contextlib.suppress(BrokenPipeError):  # a dead worker: receive() says so
            _send(self.requests, pickle.dumps(args, pickle.HIGHEST_PROTOCOL))

    def receive(self) -> Any:
        """The answer to the call sent last, as __call__ returns or raises it."""
        try:
            data = _receive(self.answers, self.deadline)
        except (BrokenPipeError, ConnectionResetError):
            data = b""
        if data is None:
            self.close()
            raise CallTimeout(f"took longer than {self.seconds:g} s")
        if not data:
            self.close()
            raise ChildProcessError("the worker process died before it answered")
        status, value = pickle.loads(data)
        if status == "error" and isinstance(value, MemoryError) and self.memory:
            self.close()  # a worker that ran out of memory may be left in any state
            raise CallOutOfMemory(f"ran out of memory (limit {self.memory} MiB)") from None
        if status == "error":
            raise value
        return value

    def close(self) -> None:
        """Kill the worker, if there is one, and wait for it (no zombie is left)."""
        if self.pid is None:
            return
        for fd in (self.requests, self.answers):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        self.pid = None

    def _start(self) -> None:
        """Fork the worker, with SIGINT and SIGTERM held until it ignores them."""
        down_read, down_write = os.pipe()
        up_read, up_write = os.pipe()
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
        try:
            pid = os.fork()
            if pid == 0:  # the worker never returns from here, whatever happens
                try:
                    os.close(down_write)
                    os.close(up_read)
                    _serve(self.func, down_read, up_write, self.memory)
                finally:
                    os._exit(1)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        os.close(down_read)
        os.close(up_write)
        self.pid, self.requests, self.answers = pid, down_write, up_read


def _limit_memory(mib: int) -> None:
    """Bound this process's address space to its present size plus `mib` MiB (Linux reads the
    present size from /proc; elsewhere the bound is `mib` MiB)."""
    import resource

    present = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        with open("/proc/self/statm", encoding="ascii") as statm:
            present = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = present + (mib << 20)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _serve(func: Callable[..., Any], requests: int, answers: int, memory: int | None) -> NoReturn:
    """The worker's life: answer each request with the pickled outcome; exit at end of input."""
    code = 1
    try:
        if memory:
            _limit_memory(memory)
        for stop in _STOPS:
            signal.signal(stop, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        with contextlib.suppress(OSError, AttributeError):  # Linux: die with the parent
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        while (request := _receive(requests, None)) is not None and request:
            try:
                outcome: tuple[str, object] = ("ok", func(*pickle.loads(request)))
            except Exception as exc:  # handed to the caller
                outcome = ("error", exc)
            try:
                data = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
            except Exception:  # an exception that does not pickle: its text
                data = pickle.dumps(("error", RuntimeError(repr(outcome[1]))))
            _send(answers, data)
        code = 0
    finally:
        os._exit(code)


def _send(fd: int, data: bytes) -> None:
    """Write one message: its length, then its bytes."""
    view = memoryview(_SIZE.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _receive(fd: int, deadline: float | None) -> bytes | None:
    """Read one message; b"" at end of input, None if the deadline passes first."""
    head = _read(fd, _SIZE.size, deadline)
    if not head:
        return head
    (size,) = _SIZE.unpack(head)
    return _read(fd, size, deadline) if size else b""


def _read(fd: int, size: int, deadline: float | None) -> bytes | None:
    """Exactly `size` bytes (fewer at end of input), or None if the deadline passes first."""
    chunks, got = [], 0
    while got < size:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
        chunk = os.read(fd, min(size - got, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def limit(
    value: float | None, variable: str, default: float, what: str, whole: bool = False
) -> float | None:
    """A worker's limit: the argument, else $VARIABLE, else the default; 0 means none (seconds,
    or whole MiB when `whole`).

    >>> limit(2.5, "X", 60, "article time"), limit(0, "X", 60, "article time")
    (2.5, None)
    """
    if value is None:
        text = os.environ.get(variable, "").strip()
        try:
            value = (int(text) if whole else float(text)) if text else default
        except ValueError as exc:
            noun = "a whole number of MiB" if whole else "a number of seconds"
            raise InputError(f"{variable}={text!r}: not {noun}") from exc
    if value < 0:
        unit = "MiB" if whole else "s"
        raise InputError(f"the {what} limit {value:g} {unit} is negative; 0 means none")
    return value or None
