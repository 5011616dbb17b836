"""Training hyperparameters, validated before anything is loaded or trained.

Why a dataclass: the same config drives teachers and students and is part of the teacher
cache key (``asdict``), so every field must be plain data.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from kitlib.errors import bad_value

MIXED_PRECISION = ("auto", "no", "bf16")  # kitlib.train.precision.CHOICES


def _int(name: str, value, lo: int, allow_none: bool = False) -> None:
    if allow_none and value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < lo:
        raise bad_value(name, value, f"an int >= {lo}" + (" or None" if allow_none else ""))


@dataclass(frozen=True)
class TrainConfig:
    """Hyperparameters of one fine-tuning or KD run (defaults: the paper's, see notes).

    ``eval_every``: evaluate every N optimizer steps (0 = only at the end).
    ``log_every``: emit a ``train_loss`` record every N optimizer steps (mean since last).
    ``mixed_precision``: "auto" = bf16 on GPU and on CPUs with AMX or AVX512-BF16, else "no"; "bf16" or
    "no" to force (``kitlib.train.precision``).
    ``max_steps``: number of optimizer steps; replaces ``epochs`` when set.
    ``max_grad_norm``: gradient clipping (None = off; 1.0 as in the HF Trainer).
    ``eval_batch_size``: batch size of evaluation (no gradients, so larger).
    ``early_stopping_patience``: stop after this many evaluations (every ``eval_every``
    steps, on the evaluation split) without a better ``early_stopping_metric`` on the "all"
    language average, and restore the weights of the best evaluation (None: train the whole
    budget). ``early_stopping_metric``: None = the task's main metric (accuracy, or strict
    entity F1 for tagging).
    """

    epochs: float = 5
    lr: float = 5e-5
    batch_size: int = 32
    warmup_ratio: float = 0.0
    weight_decay: float = 0.0
    max_length: int = 128
    seed: int = 0
    eval_every: int = 0
    grad_accum: int = 1
    mixed_precision: str = "auto"
    max_steps: int | None = None
    log_every: int = 10
    eval_batch_size: int = 64
    max_grad_norm: float | None = 1.0
    early_stopping_patience: int | None = None
    early_stopping_metric: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.epochs, (int, float)) or isinstance(self.epochs, bool) or self.epochs <= 0:
            raise bad_value("epochs", self.epochs, "a number > 0")
        if not isinstance(self.lr, (int, float)) or isinstance(self.lr, bool) or not 0 < self.lr < 1:
            raise bad_value("lr", self.lr, "a float in (0, 1)")
        _int("batch_size", self.batch_size, 1)
        if not isinstance(self.warmup_ratio, (int, float)) or not 0 <= self.warmup_ratio < 1:
            raise bad_value("warmup_ratio", self.warmup_ratio, "a float in [0, 1)")
        if not isinstance(self.weight_decay, (int, float)) or self.weight_decay < 0:
            raise bad_value("weight_decay", self.weight_decay, "a float >= 0")
        _int("max_length", self.max_length, 4)
        _int("seed", self.seed, 0)
        _int("eval_every", self.eval_every, 0)
        _int("grad_accum", self.grad_accum, 1)
        if self.mixed_precision not in MIXED_PRECISION:
            raise bad_value("mixed_precision", self.mixed_precision, MIXED_PRECISION,
                            "fp16 is not offered: mDeBERTa-v3 overflows in fp16.")
        _int("max_steps", self.max_steps, 1, allow_none=True)
        _int("log_every", self.log_every, 1)
        _int("eval_batch_size", self.eval_batch_size, 1)
        if self.max_grad_norm is not None and (not isinstance(self.max_grad_norm, (int, float))
                                               or self.max_grad_norm <= 0):
            raise bad_value("max_grad_norm", self.max_grad_norm, "a number > 0 or None")
        _int("early_stopping_patience", self.early_stopping_patience, 1, allow_none=True)
        if self.early_stopping_patience is not None and not self.eval_every:
            raise bad_value("eval_every", self.eval_every, "an int >= 1 with early stopping",
                            "Early stopping compares evaluations every eval_every steps.")

    def to_dict(self) -> dict:
        return asdict(self)
