"""The incremental build's state (incremental/state.py): written and read back whole, the
inferred graph's statement index packed and unpacked, and read with the cyclic garbage
collector paused (at 3,000 articles it walked the build's objects again and again while the
state's half-million objects were made: read_state 0.55 -> 0.34 CPU s). Speed is measured by
benchmarks, never here."""

from __future__ import annotations

import gc
import pickle

from rdflib import URIRef

from diplograph.incremental.state import Ledger, State, read_state, write_state
from diplograph.statementindex import IndexBuilder, index_of

GRAPH = URIRef("https://w3id.org/diplograph/id/graph/inferred")
INDEX = index_of(
    [
        ("https://w3id.org/diplograph/id/country/de", 1, 80, ("dip:",)),
        ("https://w3id.org/diplograph/id/country/fr", 3, 120, ("dip:", "rdfs:")),
    ]
)


def _state() -> State:
    """A small state whose layout holds a statement index."""
    return State("env", {"seeds/a.txt": "0" * 64}, Ledger(), (), {GRAPH: (10, 202, (), INDEX)})


def test_the_state_is_read_back_as_written(tmp_path) -> None:
    write_state(tmp_path, _state())
    back = read_state(tmp_path)
    assert back is not None
    assert back.layout == {GRAPH: (10, 202, (), INDEX)}
    assert back.inputs == {"seeds/a.txt": "0" * 64}
    assert list(back.layout[GRAPH][3].items()) == [
        ("https://w3id.org/diplograph/id/country/de", (1, 0, 80, ("dip:",))),
        ("https://w3id.org/diplograph/id/country/fr", (3, 82, 120, ("dip:", "rdfs:"))),
    ]


def test_the_state_is_read_with_the_collector_paused(tmp_path, monkeypatch) -> None:
    write_state(tmp_path, _state())
    seen = []
    load = pickle.load

    def watched(stream):  # noqa: ANN001, ANN202
        seen.append(gc.isenabled())
        return load(stream)

    monkeypatch.setattr(pickle, "load", watched)
    assert gc.isenabled()
    assert read_state(tmp_path) is not None
    assert seen == [False]
    assert gc.isenabled()  # enabled again after
    gc.disable()
    try:
        assert read_state(tmp_path) is not None
        assert not gc.isenabled()  # a collector paused by the caller stays paused
    finally:
        gc.enable()
    (tmp_path / "state.pickle").write_bytes(b"not a pickle")
    assert read_state(tmp_path) is None and gc.isenabled()


def test_an_index_is_equal_whatever_its_table_order() -> None:
    """Two indexes of the same statements are equal though their prefix lines' tables were
    filled in another order (a splice appends a tuple a full build meets earlier)."""
    built = IndexBuilder(index_of([("urn:b", 0, 5, ("p:",))]), ["urn:b"])
    built.one("urn:a", 0, 3, ("q:",))
    built.run(0, 1)
    spliced = built.index()
    whole = index_of([("urn:a", 0, 3, ("q:",)), ("urn:b", 0, 5, ("p:",))])
    assert spliced.table != whole.table
    assert spliced == whole
    assert spliced != index_of([("urn:a", 0, 3, ("p:",)), ("urn:b", 0, 5, ("p:",))])
    assert list(spliced.items()) == [("urn:a", (0, 0, 3, ("q:",))), ("urn:b", (0, 5, 5, ("p:",)))]


def test_equal_descriptions_of_minted_entities_are_written_once(tmp_path) -> None:
    """The minted entities' descriptions are read back equal, each distinct one as one object
    (pickle wrote it once), a label of another language's case kept apart."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    half = Literal("0.5", datatype=XSD.decimal)
    entity = URIRef("https://w3id.org/diplograph/id/organization/x")
    rules = [URIRef(f"https://w3id.org/diplograph/id/graph/rules/{n}") for n in range(3)]
    minted = {
        entity: {
            rules[0]: ((Literal("X", lang="en"),), (half,)),
            rules[1]: ((Literal("X", lang="en"),), (Literal("0.5", datatype=XSD.decimal),)),
            rules[2]: ((Literal("X", lang="EN"),), (half,)),
        }
    }
    state = _state()
    state.ledger = Ledger(minted=minted)
    write_state(tmp_path, state)
    back = read_state(tmp_path).ledger.minted
    assert back == minted
    assert back[entity][rules[0]] is back[entity][rules[1]]
    assert back[entity][rules[2]] is not back[entity][rules[0]]
    assert back[entity][rules[2]][0][0].language == "EN"
