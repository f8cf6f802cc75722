"""The parts of spaCy the rule layer uses: its tokenizer, vocabulary, Doc and matchers.

Reads nothing; imports spaCy's modules and makes a blank English tokenizer. spaCy's package
`__init__` imports its whole API on the way to any submodule: the command line (with HTTP
clients), the config schemas, the model registry; `spacy.pipeline`'s imports every pipeline
component, and `spacy.lang.en`'s the lemmatizer component, hence all of them. Together about
four tenths of spaCy's import time, none of which the rule layer uses. `import_parts()` puts
these three packages in sys.modules unexecuted and imports only the submodules needed; a
package's own `__init__` runs the first time anything asks it for a name it defines
(`spacy.blank`, `spacy.lang.en.English`), so other code in the process still sees all of spaCy.
`English` makes what `spacy.blank("en")` makes for the rule layer (the same vocabulary and
tokenizer) without resolving spaCy's config.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from collections.abc import Iterable
from operator import add
from types import ModuleType
from typing import Any

# Packages whose `__init__` imports far more than the rule layer uses, parents first.
PACKAGES = ("spacy", "spacy.pipeline", "spacy.lang.en")
HEAD = 3  # a waiting special case is filed under its first characters, this many
# After this many texts the cases still waiting are all added: a long run (a corpus) then
# stops paying to look for the ones each text can use (3% of extraction), at 60 ms once.
ADMIT_ALL_AFTER = 500
# The modules the rule layer uses: errors first, as in spaCy's `__init__` (its warning filters).
PARTS = (
    "spacy.errors",
    "spacy.tokens",
    "spacy.vocab",
    "spacy.tokenizer",
    "spacy.matcher",
    "spacy.language",
    "spacy.about",
    "spacy.attrs",
    "spacy.parts_of_speech",
    "spacy.lang.en.lex_attrs",
    "spacy.lang.en.punctuation",
    "spacy.lang.en.stop_words",
    "spacy.lang.en.syntax_iterators",
    "spacy.lang.en.tokenizer_exceptions",
)


def import_parts() -> None:
    """Import the parts of spaCy the rule layer uses, without the `__init__` of PACKAGES unless
    spaCy is already imported; each package completes itself when asked for one of its names."""
    if "spacy" in sys.modules:
        return
    packages = [_unexecuted(name) for name in PACKAGES]
    try:
        for name in PARTS:
            importlib.import_module(name)
        from spacy.errors import setup_default_warnings

        setup_default_warnings()  # as spaCy's `__init__` does first
    except BaseException:
        for package in packages:
            complete(package)  # spaCy's own import order, and its own error if it fails
        raise


def _unexecuted(name: str) -> ModuleType:
    """A package put in sys.modules (and on its parent) without running its `__init__`."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        raise ModuleNotFoundError(f"{name} is not installed", name=name)
    package = importlib.util.module_from_spec(spec)
    package.__getattr__ = _completing(package)  # type: ignore[attr-defined]
    sys.modules[name] = package
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, package)
    return package


def _completing(package: ModuleType) -> Any:
    """The package's `__getattr__`: a submodule is imported; any other name runs the package's
    `__init__` first (once)."""

    def getattr_(name: str) -> Any:
        submodule = f"{package.__name__}.{name}"
        if importlib.machinery.PathFinder.find_spec(submodule, package.__path__) is not None:
            return importlib.import_module(submodule)
        complete(package)
        return getattr(package, name)

    return getattr_


def complete(package: ModuleType) -> None:
    """Run a package's own `__init__` in its module (a no-op once it has run)."""
    if "__getattr__" not in package.__dict__:
        return
    del package.__getattr__
    spec = package.__spec__
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(package)


def english_defaults() -> Any:
    """spaCy's English defaults (spacy.lang.en.EnglishDefaults); while `spacy.lang.en` is not
    executed, the same class made here from the same parts, as that package makes it."""
    package = sys.modules.get("spacy.lang.en")
    if package is None or "__getattr__" not in package.__dict__:
        from spacy.lang.en import English as Language

        return Language.Defaults
    from spacy.lang.en.lex_attrs import LEX_ATTRS
    from spacy.lang.en.punctuation import TOKENIZER_INFIXES
    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.lang.en.syntax_iterators import SYNTAX_ITERATORS
    from spacy.lang.en.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
    from spacy.language import BaseDefaults

    class EnglishDefaults(BaseDefaults):
        tokenizer_exceptions = TOKENIZER_EXCEPTIONS
        infixes = TOKENIZER_INFIXES
        lex_attr_getters = LEX_ATTRS
        syntax_iterators = SYNTAX_ITERATORS
        stop_words = STOP_WORDS

    return EnglishDefaults


class English:
    """A blank English pipeline with only its tokenizer: what the rule layer uses of
    `spacy.blank("en")` (its `vocab`, `tokenizer` and `make_doc`), with the same settings.

    The tokenizer's special cases (1,347 exceptions such as "don't" and "a.m.", which cost
    about 60 ms to add) are added as the texts given to `make_doc` can use them: spaCy looks a
    special case up only by the hash of a substring of the text, or (for one with affixes)
    matches its tokens and then looks up the text they cover, so a case whose characters,
    whitespace aside, do not occur in a text cannot change how that text is split. Each case is
    added once, in spaCy's order among those added together; adding one empties the
    tokenizer's cache, as spaCy does. After ADMIT_ALL_AFTER texts, every case left is added.
    """

    def __init__(self, abbreviations: Iterable[str] = ()) -> None:
        from spacy.attrs import ORTH
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
        from spacy.vocab import create_vocab

        defaults = english_defaults()
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
        # the rules' own abbreviations, one token each as "Gen." is ("Lt. Gen. X", "Col. X")
        self._cases.update({word: [{ORTH: word}] for word in abbreviations})
        # the cases not added yet, by the first two characters of their text without whitespace
        self._waiting: dict[str, list[tuple[str, str]]] = {}
        for chunk in sorted(self._cases):
            squeezed = _squeezed(chunk)
            self._waiting.setdefault(squeezed[:HEAD], []).append((squeezed, chunk))
        self._add_cases([chunk for _, chunk in self._waiting.pop("", [])])  # whitespace
        self._texts = 0  # texts given to make_doc while cases wait

    def make_doc(self, text: str) -> Any:
        """The Doc of a text: its tokens, nothing else."""
        if self._waiting:
            self._texts += 1
            if self._texts > ADMIT_ALL_AFTER:
                self._add_cases(sorted(c for cases in self._waiting.values() for _, c in cases))
                self._waiting.clear()
            else:
                self._admit(text)
        return self.tokenizer(text)

    def _admit(self, text: str) -> None:
        """Add the special cases the text can use that are not added yet."""
        squeezed = _squeezed(text)
        usable = []
        for head in _heads(squeezed).intersection(self._waiting):
            cases = self._waiting[head]
            found = [chunk for case, chunk in cases if case in squeezed]
            if found:  # most texts use none of a head's cases: its list stays as it is
                usable += found
                left = [(case, chunk) for case, chunk in cases if case not in squeezed]
                if left:
                    self._waiting[head] = left
                else:
                    del self._waiting[head]
        if usable:
            self._add_cases(sorted(usable))

    def _add_cases(self, chunks: list[str]) -> None:
        """Add special cases to the tokenizer, in the order given."""
        for chunk in chunks:
            self.tokenizer.add_special_case(chunk, self._cases[chunk])


def _heads(squeezed: str) -> set[str]:
    """Every run of one to HEAD characters of a text: the keys a case inside it is filed under
    (cases shorter than HEAD are filed under themselves).

    >>> sorted(_heads("don't"))
    ["'", "'t", 'd', 'do', 'don', 'n', "n'", "n't", 'o', 'on', "on'", 't']
    """
    runs = list(squeezed)
    heads = set(runs)
    for size in range(2, HEAD + 1):  # the runs one character longer
        runs = list(map(add, runs, squeezed[size - 1 :]))
        heads.update(runs)
    return heads


def _squeezed(text: str) -> str:
    """A text without its whitespace."""
    return "".join(text.split())
