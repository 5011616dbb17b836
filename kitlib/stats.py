"""Intervals for the paper's comparisons: over seeds when there are several, over test
examples (clustered by template) when there is one.

Why: a reader can tell an effect from noise only if every effect comes with an interval
that says what it is. Every comparison in the claims tables is a *contrast*: a weighted sum
of runs' scores (from-teacher minus from-base is +1, -1; "init gain minus KD gain" is
2 x from-teacher no KD - from-scratch no KD - from-teacher KD), computed on the same data.

- **Two or more seeds**: the contrast is computed per seed (runs with the same seed, the
  same data and, for students, the same teacher: a *paired* difference) and the interval is
  the 95% Student-t interval of its mean over seeds.
- **One seed**: a bootstrap over test examples, resampling whole clusters within each
  language (pocket data: the template an example was filled from, because examples of one
  template are not independent; hub data: the example itself). All runs of the contrast are
  resampled together (they are scored on the same examples), 2,000 resamples, 95%
  percentile interval.

``Interval.kind`` names which one it is, in words that go into the tables.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

CONFIDENCE = 0.95
BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 0

# two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom
_T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
         2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
         2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def t_quantile(df: int) -> float:
    """The 97.5% quantile of Student's t with ``df`` degrees of freedom (95% two-sided)."""
    if df < 1:
        raise ValueError("at least one degree of freedom")
    return _T975[df - 1] if df <= len(_T975) else 1.960 + 2.4 / df


@dataclass(frozen=True)
class Interval:
    """An estimate with its 95% interval and what the interval is."""

    estimate: float
    low: float
    high: float
    kind: str
    n: int

    def text(self, digits: int = 3) -> str:
        if math.isnan(self.estimate):
            return "n/a"
        if math.isnan(self.low):
            return f"{self.estimate:+.{digits}f} (no interval: {self.kind})"
        return f"{self.estimate:+.{digits}f} [{self.low:+.{digits}f}, {self.high:+.{digits}f}]"

    def shifted(self, by: float) -> "Interval":
        return Interval(self.estimate + by, self.low + by, self.high + by, self.kind, self.n)


def no_interval(estimate: float, why: str, n: int = 1) -> Interval:
    return Interval(float(estimate), math.nan, math.nan, why, n)


def over_seeds(values: Sequence[float]) -> Interval:
    """Mean of per-seed contrasts and its 95% t interval (paired: same seed, same data)."""
    v = np.asarray([x for x in values], dtype=float)
    k = len(v)
    if k == 0:
        return no_interval(math.nan, "no run", 0)
    if k == 1:
        return no_interval(v[0], "one seed", 1)
    mean = float(v.mean())
    half = t_quantile(k - 1) * float(v.std(ddof=1)) / math.sqrt(k)
    return Interval(mean, mean - half, mean + half,
                    f"paired over {k} seeds, 95% t interval", k)


# --------------------------------------------------------------------------- bootstrap
def _resample_weights(clusters_by_lang: dict[str, np.ndarray], n_boot: int,
                      rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Per language: [n_boot, n_clusters] multiplicities of each cluster in a resample."""
    out = {}
    for lang, clusters in clusters_by_lang.items():
        m = len(clusters)
        draws = rng.integers(0, m, size=(n_boot, m))
        out[lang] = np.stack([np.bincount(row, minlength=m) for row in draws])
    return out


def _score(sums: np.ndarray, metric: str) -> np.ndarray:
    """Metric from per-cluster sums weighted by resample multiplicities.

    ``sums`` [n_boot or 1, ...]: accuracy from (correct, n); entity F1 from (tp, pred, gold).
    """
    if metric == "accuracy":
        return sums[..., 0] / np.maximum(sums[..., 1], 1)
    tp, pred, gold = sums[..., 0], sums[..., 1], sums[..., 2]
    prec = np.divide(tp, pred, out=np.zeros_like(tp, dtype=float), where=pred > 0)
    rec = np.divide(tp, gold, out=np.zeros_like(tp, dtype=float), where=gold > 0)
    return np.divide(2 * prec * rec, prec + rec, out=np.zeros_like(tp, dtype=float),
                     where=(prec + rec) > 0)


def _cluster_sums(outcomes: pd.DataFrame, metric: str, clusters: np.ndarray) -> np.ndarray:
    """[n_clusters, 2 or 3] sums of one run's outcomes per cluster (``clusters`` order)."""
    if metric == "accuracy":
        parts = pd.DataFrame({"cluster": outcomes["cluster"].to_numpy(),
                              "a": (outcomes["gold"] == outcomes["pred"]).astype(float),
                              "b": 1.0})
    elif metric in ("f1_strict", "f1_default"):
        mode = metric.removeprefix("f1_")
        parts = pd.DataFrame({"cluster": outcomes["cluster"].to_numpy(),
                              "a": outcomes[f"tp_{mode}"].astype(float),
                              "b": outcomes[f"pred_{mode}"].astype(float),
                              "c": outcomes[f"gold_{mode}"].astype(float)})
    else:
        raise ValueError(f"no bootstrap for metric {metric!r} (accuracy, f1_strict, f1_default)")
    table = parts.groupby("cluster").sum().reindex(clusters)
    if table.isna().any().any():
        raise ValueError("runs of one contrast were not scored on the same examples")
    return table.to_numpy()


def bootstrap_contrast(outcomes: Mapping[str, pd.DataFrame],
                       terms: Sequence[tuple[str, float, Sequence[str]]], metric: str, *,
                       cluster_name: str = "template", n_boot: int = BOOTSTRAP_RESAMPLES,
                       seed: int = BOOTSTRAP_SEED) -> Interval:
    """Σ weight x score(run over its languages), score = the mean of the per-language metric,
    with a 95% percentile interval from resampling clusters within each language, all runs
    and terms together (one resample of the test set serves every run). ``terms``:
    ``(run id, weight, languages)``; ``outcomes[run]``: that run's per-example test outcomes
    (``id, lang, cluster`` and ``gold, pred`` or entity counts)."""
    terms = [t for t in terms if t[1]]
    if not terms or any(not langs for _, _, langs in terms):
        return no_interval(math.nan, "no run or no language", 0)
    rng = np.random.default_rng(seed)
    first = outcomes[terms[0][0]]
    all_langs = sorted({lang for _, _, langs in terms for lang in langs})
    clusters_by_lang = {lang: np.asarray(sorted(first[first["lang"] == lang]["cluster"].unique()))
                        for lang in all_langs}
    if any(len(c) == 0 for c in clusters_by_lang.values()):
        return no_interval(math.nan, "a language has no test examples", 0)
    mult = _resample_weights(clusters_by_lang, n_boot, rng)
    total = np.zeros(n_boot)
    point = 0.0
    for run, weight, langs in terms:
        o = outcomes[run]
        per_lang_boot, per_lang_point = [], []
        for lang in langs:
            sums = _cluster_sums(o[o["lang"] == lang], metric, clusters_by_lang[lang])
            per_lang_point.append(float(_score(sums.sum(0)[None], metric)[0]))
            per_lang_boot.append(_score(mult[lang] @ sums, metric))
        total += weight * np.mean(per_lang_boot, axis=0)
        point += weight * float(np.mean(per_lang_point))
    low, high = np.quantile(total, [(1 - CONFIDENCE) / 2, (1 + CONFIDENCE) / 2])
    n_clusters = sum(len(c) for c in clusters_by_lang.values())
    return Interval(point, float(low), float(high),
                    f"one seed: bootstrap over {n_clusters} test {cluster_name}s "
                    f"(within language), 95% percentile", 1)


__all__ = ["Interval", "over_seeds", "bootstrap_contrast", "no_interval", "t_quantile",
           "CONFIDENCE", "BOOTSTRAP_RESAMPLES"]
