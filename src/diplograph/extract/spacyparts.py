"""The parts of spaCy the rule layer uses: its tokenizer, vocabulary, Doc and matchers.

Reads nothing; imports spaCy's modules and makes a blank English tokenizer. spaCy's package
`__init__` imports its whole API on the way to any submodule: the command line (with HTTP
clients), the config schemas, the model registry; about a third of spaCy's import time, none of
which the rule layer uses. `import_parts()` puts an unexecuted `spacy` package in sys.modules
and imports only the submodules needed; the package's own `__init__` runs the first time
anything asks the package for a name it defines (`spacy.blank`, `spacy.load`), so other code in
the process still sees all of spaCy. `english()` makes what `spacy.blank("en")` makes for the
rule layer (the same vocabulary and tokenizer) without resolving spaCy's config.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import Any

# In spaCy's own import order: errors first (warning filters), then the pipeline package, which
# imports the language, tokenizer, vocabulary and Doc modules; the rest are then cheap.
PARTS = (
    "spacy.errors",
    "spacy.pipeline",
    "spacy.about",
    "spacy.attrs",
    "spacy.parts_of_speech",
    "spacy.tokens",
    "spacy.tokenizer",
    "spacy.vocab",
    "spacy.matcher",
    "spacy.lang.en",
)


def import_parts() -> None:
    """Import the parts of spaCy the rule layer uses, without spaCy's package `__init__` unless
    spaCy is already imported; the package completes itself when asked for one of its names."""
    if "spacy" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        raise ModuleNotFoundError("spaCy is not installed", name="spacy")
    package = importlib.util.module_from_spec(spec)
    package.__getattr__ = _completing(package)  # type: ignore[attr-defined]
    sys.modules["spacy"] = package
    try:
        for name in PARTS:
            importlib.import_module(name)
        from spacy.errors import setup_default_warnings

        setup_default_warnings()  # as spaCy's `__init__` does first
    except BaseException:
        complete(package)  # spaCy's own import order, and its own error if it fails
        raise


def _completing(package: ModuleType) -> Any:
    """The package's `__getattr__`: a submodule is imported; any other name runs the package's
    `__init__` first (once)."""

    def getattr_(name: str) -> Any:
        if name.startswith("__") and name != "__version__":  # the import system's probes
            raise AttributeError(name)
        path = package.__path__
        if importlib.machinery.PathFinder.find_spec(f"spacy.{name}", path) is not None:
            return importlib.import_module(f"spacy.{name}")
        complete(package)
        return getattr(package, name)

    return getattr_


def complete(package: ModuleType) -> None:
    """Run spaCy's package `__init__` in the package module (a no-op once it has run)."""
    if "__getattr__" not in package.__dict__:
        return
    del package.__getattr__
    spec = package.__spec__
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(package)


class English:
    """A blank English pipeline with only its tokenizer: what the rule layer uses of
    `spacy.blank("en")` (its `vocab`, `tokenizer` and `make_doc`), with the same settings.

    The tokenizer's special cases (1,347 exceptions such as "don't" and "a.m.", which cost
    about 60 ms to add) are added as the texts given to `make_doc` can use them: spaCy looks a
    special case up only by the hash of a substring of the text, or (for one with affixes)
    matches its tokens and then looks up the text they cover, so a case whose characters,
    whitespace aside, do not occur in a text cannot change how that text is split. Each case is
    added once, in spaCy's order among those added together; adding one empties the
    tokenizer's cache, as spaCy does.
    """

    def __init__(self) -> None:
        from spacy.lang.en import English as Language
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
        from spacy.vocab import create_vocab

        defaults = Language.Defaults
        self.vocab = create_vocab("en", defaults)
        self.tokenizer = Tokenizer(
            self.vocab,
            rules=None,
            prefix_search=compile_prefix_regex(defaults.prefixes).search,
            suffix_search=compile_suffix_regex(defaults.suffixes).search,
            infix_finditer=compile_infix_regex(defaults.infixes).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
        self._cases: dict[str, Any] = dict(defaults.tokenizer_exceptions)
        # the cases not added yet, by the first two characters of their text without whitespace
        self._waiting: dict[str, list[tuple[str, str]]] = {}
        for chunk in sorted(self._cases):
            squeezed = _squeezed(chunk)
            self._waiting.setdefault(squeezed[:2], []).append((squeezed, chunk))
        self._add_cases([chunk for _, chunk in self._waiting.pop("", [])])  # whitespace

    def make_doc(self, text: str) -> Any:
        """The Doc of a text: its tokens, nothing else."""
        if self._waiting:
            self._admit(text)
        return self.tokenizer(text)

    def _admit(self, text: str) -> None:
        """Add the special cases the text can use that are not added yet."""
        squeezed = _squeezed(text)
        heads = {squeezed[i : i + 2] for i in range(len(squeezed))}.union(squeezed)
        usable = []
        for head in [head for head in heads if head in self._waiting]:
            cases = self._waiting.pop(head)
            usable += [chunk for case, chunk in cases if case in squeezed]
            left = [(case, chunk) for case, chunk in cases if case not in squeezed]
            if left:
                self._waiting[head] = left
        if usable:
            self._add_cases(sorted(usable))

    def _add_cases(self, chunks: list[str]) -> None:
        """Add special cases to the tokenizer, in the order given."""
        for chunk in chunks:
            self.tokenizer.add_special_case(chunk, self._cases[chunk])


def _squeezed(text: str) -> str:
    """A text without its whitespace."""
    return "".join(text.split())
