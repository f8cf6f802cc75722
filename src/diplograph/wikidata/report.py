"""Wikidata stage, the measure: the linker's precision and recall against a reference list.

Reads the reference CSV (columns entity, qid, label, aliases, type, description, status,
sources; status `verified`, `single-source` or `unverified`) and the linker's decisions. The
truth for an entity is its hand link if it has one (hand links are copied from verified rows),
else the reference row its names match: a verified row gives its QID; a single-source row is
not scored; an unverified row, or no row at all, means "no known identifier", so the entity is
right only when left unlinked. What is measured is the linker's own proposal, also for entities
whose hand link wins in the files.

precision = right proposals / proposals; recall = right proposals / entities with a QID.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from diplograph.errors import InputError
from diplograph.wikidata.candidates import Entity
from diplograph.wikidata.link import Decision
from diplograph.wikidata.rank import normalise


@dataclass(frozen=True)
class ReferenceRow:
    """One row of the reference list: its name, QID (or None), status and every spelling."""

    entity: str
    qid: str | None
    status: str
    primary: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class Measure:
    """Precision and recall of the linker's proposals, with the cases that went wrong."""

    proposed: int
    correct: int
    with_qid: int
    wrong: tuple[tuple[URIRef, str, str | None], ...]
    missed: tuple[tuple[URIRef, str], ...]
    unscored: tuple[URIRef, ...]

    @property
    def precision(self) -> float | None:
        """Right proposals over proposals (None when nothing was proposed)."""
        return self.correct / self.proposed if self.proposed else None

    @property
    def recall(self) -> float | None:
        """Right proposals over entities that have a QID (None when none has)."""
        return self.correct / self.with_qid if self.with_qid else None


def _strip(text: str) -> str:
    """A name without its parenthetical remark: 'Soviet Union (extra: …)' -> 'Soviet Union'."""
    return re.sub(r"\s*\(.*?\)\s*", " ", text).strip()


def load_reference(path: Path) -> list[ReferenceRow]:
    """The rows of the reference CSV."""
    if not path.is_file():
        raise InputError(f"{path}: no reference list there (give one with --reference)")
    rows = []
    with path.open(encoding="utf-8", newline="") as stream:
        for number, row in enumerate(csv.DictReader(stream), start=2):
            try:
                primary = tuple(n for n in (_strip(row["entity"]), row["label"]) if n)
                aliases = [a.strip() for a in row["aliases"].split(";")]
                names = primary + tuple(a for a in aliases if a and "(" not in a)
                rows.append(
                    ReferenceRow(row["entity"], row["qid"] or None, row["status"], primary, names)
                )
            except (KeyError, AttributeError) as exc:
                raise InputError(f"{path}:{number}: missing column {exc}") from exc
    return rows


def reference_row(entity: Entity, rows: list[ReferenceRow]) -> ReferenceRow | None:
    """The row whose names match the entity's: by a primary name first, then by any name."""
    ours = {normalise(n) for n in entity.names}
    for field in ("primary", "names"):
        found = [r for r in rows if ours & {normalise(n) for n in getattr(r, field)}]
        if found:
            return found[0]
    return None


def measure(
    decisions: list[Decision],
    entities: list[Entity],
    rows: list[ReferenceRow],
    hand: dict[URIRef, str],
) -> Measure:
    """Score the linker's proposals against the truth described in the module docstring."""
    by_iri = {e.iri: e for e in entities}
    proposed = correct = with_qid = 0
    wrong, missed, unscored = [], [], []
    for d in decisions:
        row = reference_row(by_iri[d.entity], rows) if d.entity in by_iri else None
        if d.entity in hand:
            truth = hand[d.entity]
        elif row is not None and row.status == "single-source":
            unscored.append(d.entity)
            continue
        else:
            truth = row.qid if row is not None and row.status == "verified" else None
        with_qid += truth is not None
        if d.proposal is not None:
            proposed += 1
            if d.proposal == truth:
                correct += 1
            else:
                wrong.append((d.entity, d.proposal, truth))
        elif truth is not None:
            missed.append((d.entity, truth))
    return Measure(proposed, correct, with_qid, tuple(wrong), tuple(missed), tuple(unscored))


def _ratio(value: float | None) -> str:
    """A ratio with two decimals, or n/a."""
    return "n/a" if value is None else f"{value:.2f}"


def format_measure(result: Measure, reference: Path) -> str:
    """The report printed by `diplograph link --report`."""
    lines = [
        f"linker against {reference}",
        f"  links proposed   {result.proposed} ({result.correct} right)",
        f"  precision        {_ratio(result.precision)}",
        f"  recall           {_ratio(result.recall)} "
        f"({result.correct} of {result.with_qid} entities with a known QID)",
        f"  not scored       {len(result.unscored)} (single-source reference rows)",
    ]
    for entity, got, truth in result.wrong:
        lines.append(f"  wrong   {entity}: linked {got}, expected {truth or 'no link'}")
    for entity, truth in result.missed:
        lines.append(f"  missed  {entity}: expected {truth}")
    return "\n".join(lines)
