"""kitlib/ARCHITECTURE.md names the public contracts; every ``kitlib....`` name it writes in
backticks must exist (so the document cannot drift behind the code), and the documents of
the repository point only inside it."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "kitlib" / "ARCHITECTURE.md"


def documented_names() -> list[str]:
    spans = re.findall(r"`([^`]+)`", DOC.read_text(encoding="utf-8"))
    names = {m for span in spans for m in re.findall(r"\bkitlib(?:\.[A-Za-z_]\w*)+", span)}
    return sorted(names)


def resolve(name: str):
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(name)


def test_the_document_names_many_contracts():
    assert len(documented_names()) > 60


@pytest.mark.parametrize("name", documented_names())
def test_documented_public_name_exists(name):
    assert resolve(name) is not None


def test_nothing_in_the_repository_points_outside_it():
    """A person who clones the project has no ../shared: code, docs, notebooks and presets
    must not refer to it."""
    bad = re.compile(r"\.\./shared|\bshared/(notes|data|DESIGN)|\bnotes/paper\.md|DESIGN\.md")
    offenders = []
    for folder in ("kitlib", "notebooks", "params", "docs", "benchmarks", "tests"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".md", ".ipynb", ".yaml", ".yml") and path.is_file():
                if path.name == "test_architecture.py":
                    continue
                if bad.search(path.read_text(encoding="utf-8", errors="ignore")):
                    offenders.append(str(path.relative_to(ROOT)))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not bad.search(readme)
    assert offenders == []
