"""One training loop for teachers and students, per-language evaluation, teacher cache.

Names load lazily from their submodules so that ``import kitlib.train`` stays cheap.
"""
from __future__ import annotations

from kitlib._lazy import lazy_exports

_EXPORTS = {
    "encoding": ["encode", "IGNORE_INDEX"],
    "batching": ["make_batches", "batch_indices", "collate"],
    "config": ["TrainConfig"],
    "loop": ["train"],
    "evaluation": ["evaluate", "predict"],
    "teacher": ["get_teacher", "teacher_vocab_map", "teacher_records"],
}
__getattr__, __all__ = lazy_exports("kitlib.train", _EXPORTS)
