"""Cluster: maps articles by the rules on a Dask cluster (dask.distributed), for a build past one
machine (issue 10; docs/scaling.md).

Reads the articles to map and the compiled rule layer (rules, gazetteer); sends the rule layer to
every worker once (scattered, pickled) and each article as one task; yields each article's outcome
as it comes back (parallel.py puts them in order). `--scheduler ADDRESS` connects to a running
scheduler (tcp://host:8786); `--scheduler local:N` starts a LocalCluster of N worker processes
on this machine for the build's length. The workers need diplograph (the same version) installed;
they read no project file. The time and memory limits per article (worker.py) do not apply on a
cluster: Dask's own worker memory limit does. Needs the `dask` extra: pip install
"diplograph[dask]".
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from diplograph.errors import InputError, RemoteError
from diplograph.seeds import Article

log = logging.getLogger(__name__)

LOCAL = "local:"
_LAYERS: dict[str, Any] = {}  # in a worker: the rule layer, unpickled once per process


def local_workers(scheduler: str) -> int | None:
    """The number of worker processes of a `local:N` scheduler, None for an address.

    >>> local_workers("local:2"), local_workers("tcp://10.0.0.5:8786")
    (2, None)
    """
    if not scheduler.startswith(LOCAL):
        return None
    text = scheduler.removeprefix(LOCAL)
    if not text.isdigit() or int(text) < 1:
        raise InputError(f"--scheduler {scheduler}: local:N needs N, a number of processes >= 1")
    return int(text)


@contextlib.contextmanager
def _client(scheduler: str) -> Iterator[Any]:
    """A Dask client of the scheduler (and the local cluster it names, for the build's length)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise InputError(
            f'--scheduler {scheduler}: Dask is not installed (pip install "diplograph[dask]")'
        ) from exc
    count = local_workers(scheduler)
    if count is not None:
        options = {"threads_per_worker": 1, "processes": True, "dashboard_address": None}
        with LocalCluster(n_workers=count, silence_logs=logging.WARNING, **options) as cluster:
            with Client(cluster) as client:
                yield client
        return
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError, ValueError) as exc:
        raise RemoteError(f"--scheduler {scheduler}: no Dask scheduler answers ({exc})") from exc
    with client:
        yield client


def map_remote(article: Article, key: str, layer: bytes) -> list:
    """In a Dask worker: the rule layer of one article (the rule layer unpickled once)."""
    found = _LAYERS.get(key)
    if found is None:
        from diplograph.extract.rules import ready

        rules, gazetteer = pickle.loads(layer)  # noqa: S301 (sent by the build itself)
        found = _LAYERS[key] = (ready(rules, rules.folder), gazetteer)
    from diplograph.extract.pipeline import extract_triples

    return extract_triples(article, *found)


def map_on_cluster(
    scheduler: str, articles: list[Article], layer: tuple, root: Path
) -> Iterator[tuple[int, tuple[list | None, str | None]]]:
    """(position, outcome) of each article, mapped on the cluster, in the order they are done."""
    from dask.distributed import as_completed

    from diplograph.parallel import outcome, source_of

    blob = pickle.dumps(layer, pickle.HIGHEST_PROTOCOL)
    key = hashlib.sha256(blob).hexdigest()
    with _client(scheduler) as client:
        shared = client.scatter(blob, broadcast=True, hash=False)
        futures = [client.submit(map_remote, a, key, shared, pure=False) for a in articles]
        position = {future.key: i for i, future in enumerate(futures)}
        log.info("rule layer: %d article(s) sent to %s", len(articles), scheduler)
        for future in as_completed(futures):
            i = position[future.key]
            yield i, outcome(source_of(root, articles[i]), future.result, None, None)
