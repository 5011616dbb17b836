"""The paper's vocabulary: the one home of every name a reader sees in records, tables,
figures, parameters and notebooks.

Why one module: the same words (from-scratch / from-base / from-teacher, the teacher, KD /
no KD, seen / unseen, subset, layer map) used to be spelled in five alias tables (plots,
params, the student builder, metrics, the experiments). One of them mapped the teacher's
records onto the label "from-teacher", so figures averaged the teacher into the from-teacher
students. Every other module imports its names from here; a second table is a bug.

Two ideas the paper keeps apart, and so does the kit:

- **init** says where a *student's* weights come from: ``from-scratch`` (random),
  ``from-base`` (copied from the pretrained, not fine-tuned, backbone) or ``from-teacher``
  (copied from the fine-tuned teacher).
- **role** says what a run *is*: the ``teacher`` (the fine-tuned 12-layer model every
  student learns from) or a ``student``. The teacher has no init; it is always its own
  series in a figure and its own row in a table.
"""
from __future__ import annotations

import math
from typing import Any

# --------------------------------------------------------------------------- roles
TEACHER = "teacher"
STUDENT = "student"
ROLES = (TEACHER, STUDENT)

# --------------------------------------------------------------------------- inits
FROM_SCRATCH = "from-scratch"
FROM_BASE = "from-base"
FROM_TEACHER = "from-teacher"
INITS = (FROM_SCRATCH, FROM_BASE, FROM_TEACHER)
#: Which model an init copies its weights from (the prefix of provenance entries).
INIT_SOURCE = {FROM_SCRATCH: None, FROM_BASE: "base", FROM_TEACHER: "teacher"}

# --------------------------------------------------------------------------- KD
KD = "KD"
NO_KD = "no KD"


def kd_label(kd: Any) -> str:
    """"KD" or "no KD" for a record's ``kd`` flag (a bool, or its text form in a table)."""
    if isinstance(kd, str):
        lowered = kd.strip().lower()
        if lowered in ("kd", "true"):
            return KD
        if lowered in ("no kd", "false", ""):
            return NO_KD
        return kd
    return KD if bool(kd) else NO_KD


def kd_terms_label(kd: Any, kd_terms: Any) -> str:
    """The KD terms of a run as a reader should see them: "pred+hidden", or "no KD"."""
    if kd_label(kd) == NO_KD or kd_terms in (None, "") or _is_nan(kd_terms):
        return NO_KD
    return str(kd_terms)


# --------------------------------------------------------------------------- languages
SEEN = "seen"
UNSEEN = "unseen"
ALL = "all"
ALL_BUT_EN = "all_but_en"
#: Averages over languages that evaluation adds after the per-language records, in the
#: order figures and tables show them (after the languages themselves).
LANG_GROUPS = (SEEN, UNSEEN, ALL, ALL_BUT_EN)


def is_language_group(lang: Any) -> bool:
    return lang in LANG_GROUPS


def language_order(langs: Any) -> list[str]:
    """Languages sorted by code, then the group averages in :data:`LANG_GROUPS` order."""
    langs = list(dict.fromkeys(langs))
    plain = sorted(str(lang) for lang in langs if lang not in LANG_GROUPS)
    return plain + [g for g in LANG_GROUPS if g in langs]


# --------------------------------------------------------------------------- layer maps
#: Named choices of teacher layers to copy into (or to match against) the student layers;
#: their formulas live in ``kitlib.models.student``.
LAYER_MAPS = ("alternate", "last_of_block", "first_k", "last_k", "first_last", "distilbert",
              "reversed", "random")

# --------------------------------------------------------------------------- notebooks
NOTEBOOKS: dict[str, str] = {
    "01_copy_weight_anatomy": "anatomy",
    "02_kd_ablation": "kd_ablation",
    "03_zero_shot_transfer": "zero_shot",
    "04_learning_speed": "learning_speed",
    "05_open_questions": "open_questions",
}

# --------------------------------------------------------------------------- 05's questions
#: Notebook 05's four questions, in its order; claims rows and tables are keyed by them.
QUESTIONS = {
    "depth": "How small can the student be?",
    "layers": "Which teacher layers should it copy?",
    "pred_loss": "Which prediction loss should KD use?",
    "trimming": "Does vocabulary trimming change the answer?",
}
#: KD prediction-loss settings of question 3: "kl:<T>" (KL divergence of the softened
#: distributions at temperature T, times T^2) or "mse" (mean squared error on logits).
KL, MSE = "kl", "mse"


def pred_loss_label(setting: str) -> str:
    """"KL T=2" / "MSE" for a prediction-loss setting ("kl:2", "mse")."""
    if setting == MSE:
        return "MSE"
    return f"KL T={float(setting.split(':', 1)[1]):g}"

# --------------------------------------------------------------------------- metrics
#: Scores of an evaluation (per language, with a standard error), by task.
EVAL_METRICS = {"classification": ("accuracy", "macro_f1"),
                "tagging": ("f1_strict", "f1_default")}
MAIN_METRIC = {"classification": "accuracy", "tagging": "f1_strict"}
TRAIN_LOSS = "train_loss"
CKA = "cka"
PARAMS_PREFIX = "params_"
#: Speed: seconds per training step (evaluations left out) and test examples per second
#: of a trained model in inference mode (notebook 05).
STEP_TIME = "step_s"
INFERENCE_SPEED = "examples_per_s"


def main_metric(task: str) -> str:
    """The metric tables and plots lead with: accuracy, or strict entity F1 for tagging."""
    return MAIN_METRIC[task]


def metric_kind(metric: str) -> str:
    """"score" (an evaluation), "loss" (training loss curves), "similarity" (CKA between
    layers), "size" (parameter counts) or "speed" (step time, examples per second): which
    figures a metric makes sense in."""
    if any(metric in names for names in EVAL_METRICS.values()):
        return "score"
    if metric == TRAIN_LOSS or metric.startswith(TRAIN_LOSS + "_"):
        return "loss"
    if metric == CKA:
        return "similarity"
    if metric.startswith(PARAMS_PREFIX):
        return "size"
    if metric in (STEP_TIME, INFERENCE_SPEED):
        return "speed"
    return "other"


# --------------------------------------------------------------------------- labels
def run_label(role: Any, init: Any, kd: Any) -> str:
    """What a run is, in the paper's words: "teacher", or "from-teacher, KD"."""
    if role == TEACHER:
        return TEACHER
    return f"{init}, {kd_label(kd)}"


def _is_nan(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def value_label(column: str, value: Any) -> str:
    """A record's field as a reader should see it in a legend, a title or a control."""
    if column == "kd":
        return kd_label(value)
    if column == "kd_terms":
        return NO_KD if _is_nan(value) or value == "" else str(value)
    if _is_nan(value):
        return "-"
    if column == "subset":
        try:
            return f"subset {float(value):g}"
        except (TypeError, ValueError):
            return f"subset {value}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


__all__ = [
    "TEACHER", "STUDENT", "ROLES", "FROM_SCRATCH", "FROM_BASE", "FROM_TEACHER", "INITS",
    "INIT_SOURCE", "KD", "NO_KD", "kd_label", "kd_terms_label", "SEEN", "UNSEEN", "ALL",
    "ALL_BUT_EN", "LANG_GROUPS", "is_language_group", "language_order", "LAYER_MAPS",
    "NOTEBOOKS", "QUESTIONS", "KL", "MSE", "pred_loss_label", "EVAL_METRICS", "MAIN_METRIC", "TRAIN_LOSS", "CKA", "PARAMS_PREFIX",
    "STEP_TIME", "INFERENCE_SPEED",
    "main_metric", "metric_kind", "run_label", "value_label",
]
