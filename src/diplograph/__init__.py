"""diplograph: news about diplomacy, mapped into a validated, inferred RDF knowledge graph."""

from __future__ import annotations

__version__ = "0.1.0"
