"""Third-party files shipped as package data (src/diplograph/vendor/, see VENDORED.md there):
their names in the site, the version pinned and the SHA-256 of each, and their text for the web
view's site (pages.py copies them into its `vendor/` folder)."""

from __future__ import annotations

import hashlib
from importlib import resources

CYTOSCAPE_VERSION = "3.35.0"
CYTOSCAPE = f"vendor/cytoscape-{CYTOSCAPE_VERSION}.min.js"  # its path in the site
DIGESTS = {
    f"cytoscape-{CYTOSCAPE_VERSION}.min.js": (
        "71fa9ebec21a7ca2c40cff6aacc30d1f6464e363662ad4b2c197e1adc770cd94"
    ),
    "LICENSE-cytoscape.txt": "eb319c6e6f233607f71e8e2f450391751883cfc0eeb3ca7ef574c13d1d9c2203",
}


def vendored_bytes(name: str) -> bytes:
    """The bytes of one vendored file, as the package holds it."""
    return resources.files("diplograph").joinpath("vendor", name).read_bytes()


def digest(data: bytes) -> str:
    """The SHA-256 of some bytes, in hex.

    >>> digest(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def vendored_files() -> dict[str, str]:
    """Every vendored file by its path in the site (`vendor/NAME`), as text (they are UTF-8)."""
    return {f"vendor/{name}": vendored_bytes(name).decode("utf-8") for name in sorted(DIGESTS)}
