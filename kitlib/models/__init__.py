"""Backbones, vocabulary trimming, student construction and anatomy tools.

Names are imported lazily from their submodules so that ``import kitlib.models`` stays cheap
(torch and transformers load only when a model is actually needed).
"""
from __future__ import annotations

from kitlib._lazy import lazy_exports

_EXPORTS = {
    "backbones": ["BACKBONES", "BackboneRef", "resolve_backbone", "load_backbone",
                  "load_tokenizer", "load_task_model"],
    "trim": ["trim_vocabulary", "apply_vocab_map", "TrimResult", "VocabMap"],
    "student": ["build_student", "resolve_layer_map", "provenance_table", "LAYER_MAPS", "INITS"],
    "anatomy": ["count_parameters", "linear_cka", "layer_similarity", "zero_training_eval"],
}
__getattr__, __all__ = lazy_exports("kitlib.models", _EXPORTS)
