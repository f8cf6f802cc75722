"""diplograph: news about diplomacy, mapped into a validated, inferred RDF knowledge graph.

In a notebook: `diplograph.build()`, `diplograph.open(path)`, `diplograph.query(name, **params)`,
`diplograph.sparql(text)`, `diplograph.events()`, `diplograph.entities()` and
`diplograph.statements()` (diplograph.api), imported on first use so
that `import diplograph` loads no heavy library.
"""

from __future__ import annotations

__version__ = "0.1.0"

NOTEBOOK = (
    "build",
    "open",
    "query",
    "sparql",
    "events",
    "entities",
    "statements",
    "current",
    "Project",
)


def __getattr__(name: str) -> object:
    """The notebook functions of diplograph.api, imported when first asked for."""
    if name in NOTEBOOK:
        from diplograph import api

        return getattr(api, name)
    raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
