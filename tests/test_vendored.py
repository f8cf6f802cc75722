"""Vendored third-party files (vendored.py, src/diplograph/vendor/): each file's SHA-256 is the
one recorded in vendored.py and in VENDORED.md, the version is pinned in its name, the licence
ships beside it, and the web view's site holds byte-identical copies."""

from __future__ import annotations

import re
from pathlib import Path

from diplograph.vendored import (
    CYTOSCAPE,
    CYTOSCAPE_VERSION,
    DIGESTS,
    digest,
    vendored_bytes,
    vendored_files,
)

VENDOR = Path(__file__).resolve().parents[1] / "src" / "diplograph" / "vendor"


def test_each_vendored_file_has_its_recorded_sha256():
    assert DIGESTS == {
        "cytoscape-3.35.0.min.js": (
            "71fa9ebec21a7ca2c40cff6aacc30d1f6464e363662ad4b2c197e1adc770cd94"
        ),
        "LICENSE-cytoscape.txt": (
            "eb319c6e6f233607f71e8e2f450391751883cfc0eeb3ca7ef574c13d1d9c2203"
        ),
    }
    for name, expected in DIGESTS.items():
        assert digest(vendored_bytes(name)) == expected, name
        assert digest((VENDOR / name).read_bytes()) == expected, name
    assert sorted(p.name for p in VENDOR.iterdir()) == sorted([*DIGESTS, "VENDORED.md"])


def test_the_record_names_the_same_version_digests_and_licence():
    record = (VENDOR / "VENDORED.md").read_text(encoding="utf-8")
    rows = re.findall(
        r"^\| `([^`]+)` \| .* \| ([\d.]+) \| (\w+) \| `([0-9a-f]{64})` \|$", record, re.M
    )
    assert rows == [
        ("cytoscape-3.35.0.min.js", "3.35.0", "MIT", DIGESTS["cytoscape-3.35.0.min.js"]),
        ("LICENSE-cytoscape.txt", "3.35.0", "MIT", DIGESTS["LICENSE-cytoscape.txt"]),
    ]
    assert "https://registry.npmjs.org/cytoscape/-/cytoscape-3.35.0.tgz" in record
    assert CYTOSCAPE_VERSION == "3.35.0" and CYTOSCAPE == "vendor/cytoscape-3.35.0.min.js"
    licence = vendored_bytes("LICENSE-cytoscape.txt").decode("utf-8")
    assert licence.startswith("Copyright (c) 2016-2026, The Cytoscape Consortium.")
    assert "Permission is hereby granted, free of charge" in licence
    script = vendored_bytes("cytoscape-3.35.0.min.js").decode("utf-8")
    assert script.startswith("/**\n * Copyright (c) 2016-2026, The Cytoscape Consortium.")


def test_the_site_copies_are_byte_identical():
    files = vendored_files()
    assert sorted(files) == ["vendor/LICENSE-cytoscape.txt", "vendor/cytoscape-3.35.0.min.js"]
    for name, text in files.items():
        assert digest(text.encode("utf-8")) == DIGESTS[name.removeprefix("vendor/")], name
