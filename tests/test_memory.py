"""Tests of memory.py: the build gives the pages it freed back to the operating system."""

from __future__ import annotations

import ctypes.util
import sys

import pytest

from diplograph import built as build_folder
from diplograph import memory
from diplograph.export import layer_graphs
from diplograph.store import OxigraphStore

GLIBC = sys.platform.startswith("linux") and "libc.so" in (ctypes.util.find_library("c") or "")


def resident_mib() -> float:
    """This process's resident set, in MiB."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * 4096 / 2**20


@pytest.mark.skipif(not GLIBC, reason="malloc_trim is glibc's")
def test_freed_pages_are_given_back():
    blocks = [bytearray(64 * 1024) for _ in range(3200)]  # 200 MiB of the allocator's heap
    last = blocks.pop()  # kept: the heap's top stays in use, so free() alone cannot shrink it
    del blocks
    before = resident_mib()
    assert memory.give_back() is True
    assert before - resident_mib() > 150
    del last


def test_nothing_is_given_back_without_glibc(monkeypatch):
    monkeypatch.setattr(memory, "_trim", lambda: None)
    assert memory.give_back() is False


def test_the_store_folder_is_written_with_the_freed_pages_given_back_between_loads(
    built, tmp_path, monkeypatch
):
    calls: list[str] = []
    copy, merge = OxigraphStore.copy_graphs, OxigraphStore.merge

    def copied(self, source, names):
        calls.append("copy")
        copy(self, source, names)

    def merged(self, names, source=None):
        calls.append("merge")
        merge(self, names, source)

    monkeypatch.setattr(OxigraphStore, "copy_graphs", copied)
    monkeypatch.setattr(OxigraphStore, "merge", merged)
    monkeypatch.setattr(build_folder, "give_back", lambda: calls.append("give back"))
    names = layer_graphs(built.store, "all") + layer_graphs(built.store, "candidates")
    build_folder.write_store(tmp_path / "store", built.store, names, b"")
    assert calls == ["copy", "give back", "merge", "give back", "merge", "give back"]
