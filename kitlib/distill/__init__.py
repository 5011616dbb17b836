"""Knowledge distillation (KD): loss terms, their weights, and the teacher-output cache."""
from __future__ import annotations

from kitlib._lazy import lazy_exports

_EXPORTS = {
    "config": ["KDConfig", "TERMS", "PRED_LOSSES"],
    "losses": ["embedding_loss", "hidden_loss", "attention_loss", "prediction_loss", "hard_ce",
               "masked_mse", "select_teacher_hidden", "check_compatible", "kd_losses"],
    "cache": ["TeacherCache", "weights_hash", "tokenizer_hash"],
}
__getattr__, __all__ = lazy_exports("kitlib.distill", _EXPORTS)
