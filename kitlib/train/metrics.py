"""Per-language metrics with standard errors, and averages over language groups.

Why these choices (state them in results):
- ``accuracy``: stderr = binomial sqrt(p(1-p)/n).
- ``macro_f1``: unweighted mean of per-class F1 over the classes present in gold or
  predictions (scikit-learn's default label set); stderr from a seeded bootstrap over examples
  (all resamples at once with ``np.bincount``; same resamples and values as one loop per
  resample).
- Tagging: seqeval entity F1 (micro) in two modes, ``f1_strict`` (mode="strict",
  scheme=IOB2) and ``f1_default`` (seqeval's lenient default). Values come from
  ``seqeval.metrics.f1_score``; stderr from a seeded bootstrap over sentences (resampling
  per-sentence true-positive / predicted / gold entity counts).
- Group averages: mean of the per-language values (each language weighs the same, as in
  the paper's per-language tables); stderr = sqrt(sum stderr^2) / k; n = sum of n.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from kitlib import vocab

BOOTSTRAP = 200
BOOTSTRAP_SEED = 0
GROUPS = vocab.LANG_GROUPS


def accuracy(gold: Sequence[int], pred: Sequence[int]) -> tuple[float, float]:
    """(accuracy, binomial stderr)."""
    n = len(gold)
    p = sum(int(g == q) for g, q in zip(gold, pred)) / n
    return p, math.sqrt(p * (1 - p) / n)


def _macro_f1_arrays(gold: np.ndarray, pred: np.ndarray) -> float:
    labels = np.union1d(gold, pred)
    f1s = []
    for c in labels:
        tp = np.sum((gold == c) & (pred == c))
        denom = np.sum(gold == c) + np.sum(pred == c)
        f1s.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f1s))


def _bootstrap_macro_f1(gold: np.ndarray, pred: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """Macro F1 of every resample at once: ``idx`` [S, n] holds the resampled positions.

    Per-(sample, class) counts come from one ``np.bincount`` each over ``sample * K + class``;
    a class counts in a sample when it occurs in that sample's gold or predictions -- the
    same label set as ``_macro_f1_arrays`` on the resample, so the values are identical."""
    labels, codes = np.unique(np.concatenate([gold, pred]), return_inverse=True)
    K, n = len(labels), len(gold)
    g, p = codes[:n][idx], codes[n:][idx]
    row = np.arange(idx.shape[0])[:, None] * K
    size = idx.shape[0] * K
    n_gold = np.bincount((row + g).ravel(), minlength=size).reshape(-1, K)
    n_pred = np.bincount((row + p).ravel(), minlength=size).reshape(-1, K)
    tp = np.bincount((row + g)[g == p], minlength=size).reshape(-1, K)
    denom = n_gold + n_pred
    present = denom > 0
    f1 = np.where(present, 2 * tp / np.maximum(denom, 1), 0.0)
    return f1.sum(axis=1) / present.sum(axis=1)


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> tuple[float, float]:
    """(macro F1, bootstrap stderr over examples; all resamples computed at once)."""
    g, p = np.asarray(gold), np.asarray(pred)
    value = _macro_f1_arrays(g, p)
    if len(g) < 2:
        return value, 0.0
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    samples = _bootstrap_macro_f1(g, p, rng.integers(0, len(g), size=(BOOTSTRAP, len(g))))
    return value, float(np.std(samples, ddof=1))


def majority_baselines(gold: Sequence[int]) -> dict[str, float]:
    """Accuracy and macro F1 of always predicting the most frequent gold class (the best
    constant prediction on these examples, so an upper bound of any trivial baseline)."""
    counts = np.bincount(np.asarray(gold))
    p = counts.max() / counts.sum()
    present = int((counts > 0).sum())
    return {"accuracy": float(p), "macro_f1": float(2 * p / (1 + p) / present)}


def entity_counts(gold: list[list[str]], pred: list[list[str]], strict: bool) -> np.ndarray:
    """Per sentence: [true positive, predicted, gold] entity counts (seqeval's entities)."""
    return _entity_counts(gold, pred, strict)


def _entity_counts(gold: list[list[str]], pred: list[list[str]], strict: bool) -> np.ndarray:
    """Per sentence: [true positives, predicted entities, gold entities]."""
    if strict:
        from seqeval.scheme import IOB2, Entities

        gs = [{e.to_tuple()[1:] for e in s} for s in Entities(gold, IOB2).entities]
        ps = [{e.to_tuple()[1:] for e in s} for s in Entities(pred, IOB2).entities]
    else:
        from seqeval.metrics.sequence_labeling import get_entities

        gs = [set(get_entities(s)) for s in gold]
        ps = [set(get_entities(s)) for s in pred]
    return np.array([[len(a & b), len(b), len(a)] for a, b in zip(gs, ps)], dtype=np.int64)


def _f1_from_counts(counts: np.ndarray) -> float:
    tp, npred, ngold = counts.sum(axis=0)
    if npred == 0 or ngold == 0 or tp == 0:
        return 0.0
    prec, rec = tp / npred, tp / ngold
    return float(2 * prec * rec / (prec + rec))


def entity_f1(gold: list[list[str]], pred: list[list[str]], strict: bool) -> tuple[float, float]:
    """(seqeval micro entity F1, bootstrap stderr over sentences)."""
    from seqeval.metrics import f1_score

    if strict:
        from seqeval.scheme import IOB2

        value = f1_score(gold, pred, mode="strict", scheme=IOB2, zero_division=0)
    else:
        value = f1_score(gold, pred, zero_division=0)
    counts = _entity_counts(gold, pred, strict)
    if len(counts) < 2:
        return float(value), 0.0
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    idx = rng.integers(0, len(counts), size=(BOOTSTRAP, len(counts)))
    tp, npred, ngold = np.moveaxis(counts[idx].sum(axis=1), 1, 0).astype(float)  # [S] each
    ok = (tp > 0) & (npred > 0) & (ngold > 0)
    prec = np.divide(tp, npred, out=np.zeros_like(tp), where=ok)
    rec = np.divide(tp, ngold, out=np.zeros_like(tp), where=ok)
    samples = np.divide(2 * prec * rec, prec + rec, out=np.zeros_like(tp), where=ok)
    return float(value), float(np.std(samples, ddof=1))


def group_records(per_lang: list[dict], lang_group) -> list[dict]:
    """Average per-language records into "seen", "unseen", "all", "all_but_en" records
    (one per metric; groups without languages are skipped). ``lang_group(lang)`` gives a
    language's group."""
    out = []
    metrics = list(dict.fromkeys(r["metric"] for r in per_lang))
    for group in GROUPS:
        for metric in metrics:
            rows = [r for r in per_lang if r["metric"] == metric and (
                group == "all" or (group == "all_but_en" and r["lang"] != "en")
                or lang_group(r["lang"]) == group)]
            if not rows:
                continue
            k = len(rows)
            rec = {**rows[0], "lang": group, "lang_group": group,
                   "value": float(sum(r["value"] for r in rows) / k),
                   "n": int(sum(r["n"] for r in rows)),
                   "stderr": float(math.sqrt(sum(r["stderr"] ** 2 for r in rows)) / k)}
            if all("baseline" in r for r in rows):
                rec["baseline"] = float(sum(r["baseline"] for r in rows) / k)
            out.append(rec)
    return out
