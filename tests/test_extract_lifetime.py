"""The collector paused while the compiled rules are made (memory.collector_paused, used by
extract/workspace.rule_layer)."""

from __future__ import annotations

import gc

from diplograph.memory import collector_paused


def test_the_collector_is_off_while_paused_and_on_again_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_error_inside_turns_the_collector_on_again():
    try:
        with collector_paused():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.isenabled()
