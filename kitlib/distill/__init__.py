"""Knowledge distillation (KD): the term registry, its weights, the loss functions.

``terms`` registers every loss term once (loss, teacher outputs needed, stage, default
weight); ``config.KDConfig`` validates a choice of terms against it; ``losses`` holds the
tensor functions. None of them imports torch when imported (they work on the tensors they
are given), so parameter validation can use the registry for free.

The teacher-output cache needs torch at import: take it from its module,
``from kitlib.distill.cache import TeacherCache``.
"""
from __future__ import annotations

from kitlib.distill import losses
from kitlib.distill.config import PRED_LOSSES, KDConfig, default_weights
from kitlib.distill.losses import (attention_loss, embedding_loss, hard_ce, hidden_loss,
                                   masked_mse, prediction_loss, select_teacher_hidden)
from kitlib.distill.terms import (DISTILLATION_TERMS, TERMS, KDTerm, check_compatible,
                                  kd_losses, register)

__all__ = ["KDConfig", "KDTerm", "TERMS", "DISTILLATION_TERMS", "PRED_LOSSES",
           "default_weights", "register", "kd_losses", "check_compatible", "losses",
           "attention_loss", "embedding_loss", "hard_ce", "hidden_loss", "masked_mse",
           "prediction_loss", "select_teacher_hidden"]
