"""Lifetime of compiled rules (extract/lifetime.py): the collector paused while they are made."""

from __future__ import annotations

import gc

from diplograph.extract.lifetime import paused


def test_the_collector_is_off_while_paused_and_on_again_after():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_error_inside_turns_the_collector_on_again():
    try:
        with paused():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.isenabled()
