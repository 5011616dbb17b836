"""Lazy package namespaces: ``kitlib.models``, ``kitlib.train`` and ``kitlib.distill`` export
names from their submodules without importing torch/transformers until a name is used.

Why one helper: the three packages need the same module-level ``__getattr__``; keeping one
copy means one place to fix how a missing name is reported.
"""
from __future__ import annotations

import importlib
from typing import Any, Callable


def lazy_exports(package: str, exports: dict[str, list[str]]) -> tuple[Callable[[str], Any], list[str]]:
    """``(__getattr__, __all__)`` for ``package``: ``exports`` maps submodule -> names."""
    where = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> Any:
        if name in where:
            return getattr(importlib.import_module(f"{package}.{where[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__, sorted(where)
