"""Parallel rule layer: maps the articles of a build by the rules, from the article cache where it
can, on all cores where it must (issue 10); and `map_calls`, any function of an index on all
cores (validation by article and by rule graph, build.py, validate_articles.py).

Reads the articles the build loaded and the function that maps one (build.py); returns, in the
articles' order, each one's rule triples or the one line saying why it has none. An article whose
inputs are unchanged since a build that mapped it comes from the article cache (articlecache.py).
The others are mapped by `jobs` forked workers (worker.py, each within the time and memory limit
per article), fed one article at a time as they come free; one job maps them in one worker, as
builds always have; `scheduler` sends them to a Dask cluster instead (cluster.py). The results are
put back in the articles' order, so the graph does not depend on the number of jobs.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import select
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from diplograph import progress
from diplograph.articlecache import project_cache
from diplograph.errors import DiplographError, InputError
from diplograph.seeds import Article
from diplograph.worker import CallOutOfMemory, CallTimeout, Worker

log = logging.getLogger(__name__)

Outcome = tuple[list | None, str | None]  # the rule triples, or why there are none
T = TypeVar("T")


@dataclass(frozen=True)
class Plan:
    """How to map the articles: the function of one article, a warm-up run before forking, the
    limits per article (seconds, MiB), the worker processes, a Dask scheduler and the compiled
    rule layer it is sent (rules, gazetteer)."""

    func: Callable[[Article], list]
    warm_up: Callable[[], None]
    seconds: float | None = None
    memory: int | None = None
    jobs: int = 1
    scheduler: str | None = None
    layer: Any = None


def jobs_from(value: int | None) -> int:
    """The number of worker processes: the argument, else $DIPLOGRAPH_JOBS, else 1.

    >>> jobs_from(3)
    3
    """
    if value is None:
        text = os.environ.get("DIPLOGRAPH_JOBS", "").strip() or "1"
        try:
            value = int(text)
        except ValueError as exc:
            raise InputError(f"DIPLOGRAPH_JOBS={text!r}: not a whole number of processes") from exc
    if value < 1:
        raise InputError(f"--jobs {value}: at least one process maps the articles")
    return value


def source_of(root: Path, article: Article) -> str:
    """An article's file relative to the project, as reports name it."""
    return article.path.relative_to(root).as_posix()


def outcome(source: str, call: Callable[[], list], seconds: float | None, memory: int | None):
    """The outcome of one article's rule layer: its triples, or why there are none. An error in
    the project's files (a rule file) is not the article's: it is raised."""
    try:
        return call(), None
    except CallTimeout:
        limit = f"{seconds:g}" if seconds else "?"
        return None, (
            f"{source}: the rule layer took longer than the time limit of {limit} s per "
            "article (--article-timeout); nothing of it is kept"
        )
    except CallOutOfMemory as exc:
        return None, (
            f"{source}: the rule layer {exc} and was stopped (--article-memory); nothing of it "
            "is kept"
        )
    except DiplographError:
        raise
    except Exception as exc:
        log.debug("%s: the rule layer failed", source, exc_info=True)
        return None, f"{source}: the rule layer failed: {type(exc).__name__}: {exc}"


def map_articles(
    root: Path, articles: Sequence[Article], plan: Plan | Callable[[], Plan]
) -> list[Outcome]:
    """Every article's outcome, in order: from the cache, else mapped as the plan says (a plan
    given as a function is made only when an article is not in the cache)."""
    cache = project_cache(root)
    keys = [cache.key(a) if cache else None for a in articles]
    found: list[Outcome | None] = [None] * len(articles)
    for i, key in enumerate(keys):
        if cache is not None and (triples := cache.load(key)) is not None:
            found[i] = (triples, None)
    todo = [i for i, hit in enumerate(found) if hit is None]
    log.info(
        "rule layer: %d of %d article(s) from the cache, %d to map",
        len(articles) - len(todo),
        len(articles),
        len(todo),
    )
    progress.stage("rule layer", len(articles))
    progress.advance(len(articles) - len(todo))
    if todo and not isinstance(plan, Plan):
        plan = plan()
    for i, result in _run([articles[i] for i in todo], root, plan):
        index = todo[i]
        found[index] = result
        if cache is not None and result[0] is not None:
            cache.store(keys[index], result[0])
        progress.advance()
    return [item for item in found if item is not None]


def _run(articles: list[Article], root: Path, plan: Plan) -> Iterator[tuple[int, Outcome]]:
    """(position, outcome) of each article, in the order they are done."""
    if not articles:
        return
    if plan.scheduler:
        from diplograph.cluster import map_on_cluster

        yield from map_on_cluster(plan.scheduler, articles, plan.layer, root)
        return
    if plan.jobs > 1 or plan.seconds or plan.memory:
        plan.warm_up()  # what the rules set up on first use, made once before any fork
    if plan.jobs == 1:
        with Worker(plan.func, plan.seconds, plan.memory) as run:
            for i, article in enumerate(articles):
                yield i, outcome(source_of(root, article), partial(run, article), *_limits(run))
        return
    yield from _pool(articles, root, plan)


def _limits(worker: Worker) -> tuple[float | None, int | None]:
    """A worker's limits, as `outcome` names them."""
    return worker.seconds, worker.memory


def _pool(articles: list[Article], root: Path, plan: Plan) -> Iterator[tuple[int, Outcome]]:
    """Map the articles in `plan.jobs` forked workers, each given the next article when free."""
    count = min(plan.jobs, len(articles))
    waiting = list(range(len(articles)))[::-1]  # popped from the end: the articles' order
    busy: dict[int, tuple[Worker, int]] = {}  # worker's answer pipe -> (worker, position)
    with contextlib.ExitStack() as stack:
        idle = [
            stack.enter_context(Worker(plan.func, plan.seconds, plan.memory, fork=True))
            for _ in range(count)
        ]
        while waiting or busy:
            while idle and waiting:
                worker, position = idle.pop(), waiting.pop()
                worker.send(articles[position])
                busy[worker.answers] = (worker, position)
            for worker, position in _answered(list(busy.values())):
                del busy[worker.answers]
                source = source_of(root, articles[position])
                yield position, outcome(source, worker.receive, *_limits(worker))
                idle.append(worker)


def _answered(busy: list[tuple[Worker, int]]) -> list[tuple[Worker, int]]:
    """The busy workers that answered or ran out of time, waiting for at least one."""
    while True:
        now = time.monotonic()
        deadlines = [w.deadline for w, _ in busy if w.deadline is not None]
        wait = max(0.0, min(deadlines) - now) if deadlines else None
        ready, _, _ = select.select([w.answers for w, _ in busy], [], [], wait)
        now = time.monotonic()
        done = [
            (w, p)
            for w, p in busy
            if w.answers in ready or (w.deadline is not None and w.deadline <= now)
        ]
        if done:
            return done


@contextlib.contextmanager
def _frozen() -> Iterator[None]:
    """Exempt every live object from the cyclic collector while forked workers run (gc.freeze,
    as Python's documentation advises before a fork), then give them back to it if none was
    exempt before. Otherwise each full collection in a worker walks every object it
    inherited (the validation's copies of every graph), writing to each: a worker's CPU
    grew with the corpus at every collection, and copied the pages it wrote."""
    before = gc.get_freeze_count()
    gc.freeze()
    try:
        yield
    finally:
        if not before:
            gc.unfreeze()


def map_calls(func: Callable[[int], T], count: int, jobs: int) -> list[T]:
    """[func(0), ..., func(count - 1)], in that order: in this process with one job (or one
    call), else in min(jobs, count) workers forked now, each handed the next index when free.

    The workers inherit what `func` reads (the build's graphs, the shapes), so only the index
    and the result cross the pipes; an exception in a worker is raised here.

    >>> map_calls(lambda i: i * i, 4, 1)
    [0, 1, 4, 9]
    """
    if jobs <= 1 or count <= 1 or not hasattr(os, "fork"):
        return [func(i) for i in range(count)]
    found: list[Any] = [None] * count
    waiting = list(range(count))[::-1]  # popped from the end: in order
    busy: dict[int, tuple[Worker, int]] = {}  # worker's answer pipe -> (worker, index)
    with contextlib.ExitStack() as stack:
        stack.enter_context(_frozen())
        idle = [
            stack.enter_context(Worker(func, None, None, fork=True))
            for _ in range(min(jobs, count))
        ]
        while waiting or busy:
            while idle and waiting:
                worker, index = idle.pop(), waiting.pop()
                worker.send(index)
                busy[worker.answers] = (worker, index)
            for worker, index in _answered(list(busy.values())):
                del busy[worker.answers]
                found[index] = worker.receive()
                idle.append(worker)
    return found
