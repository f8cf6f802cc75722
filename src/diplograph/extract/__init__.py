"""The rule layer (issue 4): declarative rules under mappings/rules/*.yaml, interpreted here.

Reads raw article text, the rule files and the entities graph; writes, per article, an rdflib
Graph in the ontology's form with provenance on every attestation (article, sentence, offsets,
dip:rule, dip:confidence). How well it does is measured in diplograph.quality.

Public API: load_rules, build_gazetteer, extract_article.
"""

from __future__ import annotations

from diplograph.extract.spacyparts import import_parts

import_parts()  # before the modules below import spaCy: only the parts they use

from diplograph.extract.gazetteer import Gazetteer, build_gazetteer  # noqa: E402
from diplograph.extract.pipeline import extract_article  # noqa: E402
from diplograph.extract.rules import RuleSet, load_rules  # noqa: E402

__all__ = [
    "Gazetteer",
    "RuleSet",
    "build_gazetteer",
    "extract_article",
    "load_rules",
]
