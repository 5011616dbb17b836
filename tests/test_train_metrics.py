"""Metrics against scikit-learn / seqeval and by hand; group averages."""
from __future__ import annotations

import math

import pytest
from seqeval.metrics import f1_score
from seqeval.scheme import IOB2
from sklearn.metrics import f1_score as sk_f1

from kitlib.train.metrics import accuracy, entity_f1, group_records, macro_f1


def test_accuracy_binomial_stderr():
    value, se = accuracy([0, 1, 1, 0], [0, 1, 0, 0])
    assert value == 0.75
    assert se == pytest.approx(math.sqrt(0.75 * 0.25 / 4))


def test_macro_f1_matches_sklearn():
    gold = [0, 1, 2, 2, 1, 0, 3, 3]
    pred = [0, 2, 2, 2, 1, 1, 3, 4]
    value, se = macro_f1(gold, pred)
    assert value == pytest.approx(sk_f1(gold, pred, average="macro"))
    assert se > 0


def test_entity_f1_strict_vs_default():
    gold = [["B-PER", "I-PER", "O"], ["B-LOC", "O", "O"], ["O", "B-ORG", "O"]]
    pred = [["I-PER", "I-PER", "O"], ["B-LOC", "O", "O"], ["O", "O", "O"]]
    strict, se = entity_f1(gold, pred, strict=True)
    lenient, _ = entity_f1(gold, pred, strict=False)
    assert strict == pytest.approx(f1_score(gold, pred, mode="strict", scheme=IOB2))
    assert lenient == pytest.approx(f1_score(gold, pred))
    assert strict == pytest.approx(2 / 4)   # 1 tp, 1 pred, 3 gold -> p=1, r=1/3
    assert lenient == pytest.approx(0.8)  # 2 tp, 2 pred, 3 gold
    assert se > 0


def test_group_averages():
    per = [{"lang": lang, "metric": "accuracy", "value": v, "n": 10, "stderr": 0.1, "split": "dev",
            "lang_group": g} for lang, v, g in
           [("en", 0.9, "seen"), ("de", 0.7, "seen"), ("zh", 0.4, "unseen")]]
    groups = {r["lang"]: r for r in group_records(per, lambda l: "seen" if l in ("en", "de") else "unseen")}
    assert set(groups) == {"seen", "unseen", "all", "all_but_en"}
    assert groups["seen"]["value"] == pytest.approx(0.8)
    assert groups["all"]["value"] == pytest.approx(2.0 / 3)
    assert groups["all_but_en"]["value"] == pytest.approx(0.55)
    assert groups["all"]["n"] == 30 and groups["all"]["lang_group"] == "all"
    assert groups["seen"]["stderr"] == pytest.approx(math.sqrt(0.02) / 2)


def test_vectorized_bootstraps_equal_one_loop_per_resample():
    """The all-at-once bootstraps give the same stderr as the per-resample loop they replace
    (same seed -> same resamples -> same values)."""
    import numpy as np

    from kitlib.train import metrics as M

    rng = np.random.default_rng(5)
    gold = rng.integers(0, 60, size=300)
    pred = np.where(rng.random(300) < 0.6, gold, rng.integers(0, 62, size=300))
    draws = np.random.default_rng(M.BOOTSTRAP_SEED).integers(0, 300, size=(M.BOOTSTRAP, 300))
    loop = [M._macro_f1_arrays(gold[i], pred[i]) for i in draws]
    assert macro_f1(gold.tolist(), pred.tolist())[1] == pytest.approx(np.std(loop, ddof=1), rel=1e-12)

    tags = ["O", "B-PER", "I-PER", "B-LOC"]
    gold_s = [[tags[t] for t in rng.integers(0, 4, size=6)] for _ in range(40)]
    pred_s = [[t if rng.random() < 0.7 else "O" for t in s] for s in gold_s]
    counts = M._entity_counts(gold_s, pred_s, strict=False)
    draws = np.random.default_rng(M.BOOTSTRAP_SEED).integers(0, 40, size=(M.BOOTSTRAP, 40))
    loop = [M._f1_from_counts(counts[i]) for i in draws]
    assert entity_f1(gold_s, pred_s, strict=False)[1] == pytest.approx(np.std(loop, ddof=1), rel=1e-12)
