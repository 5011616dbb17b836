"""One training loop for teachers and students, per-language evaluation, teacher cache.

Names load lazily from their submodules so that ``import kitlib.train`` stays cheap.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "encoding": ["encode", "IGNORE_INDEX"],
    "batching": ["make_batches", "batch_indices", "collate"],
    "config": ["TrainConfig"],
    "loop": ["train"],
    "evaluation": ["evaluate", "predict"],
    "teacher": ["get_teacher", "teacher_vocab_map", "teacher_records"],
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        module = importlib.import_module(f"kitlib.train.{_WHERE[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'kitlib.train' has no attribute {name!r}")
