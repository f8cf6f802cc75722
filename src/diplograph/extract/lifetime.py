"""Lifetime of compiled rules: takes what lives as long as the process out of the collector's way.

The compiled rules, the gazetteer and spaCy's vocabulary are some 130,000 objects that live
until the process ends. Python's cyclic garbage collector walks all of them at every full
collection, and extraction allocates enough short-lived objects to trigger one every few
articles: about a fifth of extraction time on this project's seeds (benchmarks/extract_speed.py).
`settle()` collects once and then freezes what is alive (gc.freeze, Python >= 3.7), so later
collections only look at objects made afterwards. Reference counting still frees frozen
objects that are dropped; only cycles among them stay until the process ends.
While they are made the collector is kept off (`memory.collector_paused`, in
`workspace.rule_layer`): a cold start's compilation triggered full collections that walked the
growing heap again and again (0.4 s of a 3.6 s cold build). A process that runs one command
and exits (startup.run_once) freezes rules read from the cache without collecting first: the
collection would walk every object of the process (0.05 s of an `extract`) and find none.
"""

from __future__ import annotations

import gc

from diplograph.startup import runs_once


def settle(read: bool = False) -> None:
    """Collect garbage once, then exempt every live object from later collections. `read`:
    what lives on was read from the cache, not made (a compilation leaves its rdflib graphs
    in cycles, 20 MiB); then a process that runs one command does not collect."""
    if not (read and runs_once()):
        gc.collect()
    gc.freeze()
