"""The rule layer (issue 4): declarative rules under mappings/rules/*.yaml, interpreted here.

Reads raw article text, the rule files and the entities graph; writes, per article, an rdflib
Graph in the ontology's form with provenance on every attestation (article, sentence, offsets,
dip:rule, dip:confidence); measures it against the hand layer.

Public API: load_rules, build_gazetteer, extract_article, evaluate, format_evaluation,
review_candidates.
"""

from __future__ import annotations

from diplograph.extract.evaluate import Evaluation, evaluate, format_evaluation
from diplograph.extract.gazetteer import Gazetteer, build_gazetteer
from diplograph.extract.pipeline import extract_article
from diplograph.extract.review import Candidate, review_candidates
from diplograph.extract.rules import RuleSet, load_rules

__all__ = [
    "Candidate",
    "Evaluation",
    "Gazetteer",
    "RuleSet",
    "build_gazetteer",
    "evaluate",
    "extract_article",
    "format_evaluation",
    "load_rules",
    "review_candidates",
]
