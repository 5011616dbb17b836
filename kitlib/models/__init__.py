"""Backbones, vocabulary trimming, student construction and anatomy tools.

Names are imported lazily from their submodules so that ``import kitlib.models`` stays cheap
(torch and transformers load only when a model is actually needed).
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "backbones": ["BACKBONES", "BackboneRef", "resolve_backbone", "load_backbone",
                  "load_tokenizer", "load_task_model"],
    "trim": ["trim_vocabulary", "apply_vocab_map", "TrimResult", "VocabMap"],
    "student": ["build_student", "resolve_layer_map", "provenance_table", "LAYER_MAPS", "INITS"],
    "anatomy": ["count_parameters", "linear_cka", "layer_similarity", "zero_training_eval"],
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        module = importlib.import_module(f"kitlib.models.{_WHERE[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'kitlib.models' has no attribute {name!r}")
