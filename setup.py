"""Packaging hook: the wheel carries the data a project needs to build outside a checkout.

setuptools reads everything else from pyproject.toml. The ontology and shapes (with the QA
checks), the stored queries, the rules and the reference gazetteer live at the top of the
repository, where people review them; `build_py` copies them into the package as
`diplograph/data/{ontology,queries,rules,gazetteer}` (see src/diplograph/paths.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
PACKAGE_DATA = {
    "ontology": ("ontology", ("*.ttl", "checks/*.rq")),
    "queries": ("queries", ("*.rq", "federated/*.rq", "view/*.rq")),
    "rules": ("mappings/rules", ("*.yaml",)),
    "gazetteer": ("mappings/gazetteer", ("*.ttl",)),
}


class BuildWithData(build_py):
    """build_py that also copies the project's data folders into diplograph/data/."""

    def run(self) -> None:
        """Build the package, then copy the data files beside it."""
        super().run()
        target = Path(self.build_lib) / "diplograph" / "data"
        shutil.rmtree(target, ignore_errors=True)  # a file removed since the last build goes
        for name, (source, patterns) in PACKAGE_DATA.items():
            for pattern in patterns:
                for path in sorted((HERE / source).glob(pattern)):
                    copy = target / name / path.relative_to(HERE / source)
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, copy)


setup(cmdclass={"build_py": BuildWithData})
