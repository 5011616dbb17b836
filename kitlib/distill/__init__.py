"""Knowledge distillation (KD): loss terms, their weights, and the teacher-output cache."""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "config": ["KDConfig", "TERMS", "PRED_LOSSES"],
    "losses": ["embedding_loss", "hidden_loss", "attention_loss", "prediction_loss", "hard_ce",
               "masked_mse", "select_teacher_hidden", "check_compatible", "kd_losses"],
    "cache": ["TeacherCache", "weights_hash", "tokenizer_hash"],
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        module = importlib.import_module(f"kitlib.distill.{_WHERE[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'kitlib.distill' has no attribute {name!r}")
