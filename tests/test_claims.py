"""The claims logic on synthetic records where the answer is known: a clear win, a tie
inside the interval, a reversal; the paired interval against a hand computation; the
template-clustered bootstrap; at-chance flags."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import records as R
from kitlib import claims, stats

FT = {"role": "student", "init": "from-teacher", "kd": True}
FB = {"role": "student", "init": "from-base", "kd": True}


def finals(scores: dict[tuple[str, int], float], teacher: float | None = None,
           stderr: float = 0.01, baseline: float = 0.05) -> pd.DataFrame:
    """Final test records: ``scores[(init, seed)]`` is the "all" score; en/de equal to it."""
    rows = []
    for (init, seed), v in scores.items():
        f = R.student(init=init, kd=True, seed=seed)
        rows += [{**r, "run_id": f"{init}-{seed}", "baseline": baseline}
                 for r in R.eval_rows(f, {"en": v, "de": v}, stderr=stderr)]
    if teacher is not None:
        f = R.teacher()
        rows += [{**r, "run_id": "teacher", "baseline": baseline}
                 for r in R.eval_rows(f, {"en": teacher, "de": teacher}, stderr=stderr)]
    return pd.DataFrame(rows)


def test_paired_interval_equals_the_hand_computation():
    df = finals({("from-teacher", 44): 0.8, ("from-teacher", 55): 0.9, ("from-teacher", 66): 0.7,
                 ("from-base", 44): 0.7, ("from-base", 55): 0.7, ("from-base", 66): 0.4})
    got = claims.contrast(df, None, [(1, FT), (-1, FB)], metric="accuracy")
    diffs = [0.1, 0.2, 0.3]
    half = 4.303 * np.std(diffs, ddof=1) / math.sqrt(3)
    assert got.estimate == pytest.approx(0.2)
    assert (got.low, got.high) == (pytest.approx(0.2 - half, abs=1e-9), pytest.approx(0.2 + half, abs=1e-9))
    assert got.kind == "paired over 3 seeds, 95% t interval"


@pytest.mark.parametrize("ft, fb, expected", [
    ((0.80, 0.82, 0.81), (0.60, 0.61, 0.59), claims.HOLDS),      # a clear win
    ((0.80, 0.70, 0.75), (0.74, 0.76, 0.75), claims.NOT_SHOWN),  # a tie inside the interval
    ((0.50, 0.52, 0.51), (0.70, 0.69, 0.71), claims.REVERSED),   # a reversal
])
def test_verdicts(ft, fb, expected):
    scores = {("from-teacher", s): v for s, v in zip((44, 55, 66), ft)}
    scores.update({("from-base", s): v for s, v in zip((44, 55, 66), fb)})
    effect = claims.contrast(finals(scores), None, [(1, FT), (-1, FB)], metric="accuracy")
    assert claims.Claim("from-teacher > from-base", "test accuracy", effect).verdict == expected


def test_pairing_is_by_seed_not_by_order():
    # same values as a clear win, but the seeds of one init are listed in another order
    df = finals({("from-teacher", 66): 0.81, ("from-teacher", 44): 0.80, ("from-teacher", 55): 0.82,
                 ("from-base", 44): 0.70, ("from-base", 55): 0.72, ("from-base", 66): 0.71})
    got = claims.contrast(df, None, [(1, FT), (-1, FB)], metric="accuracy")
    assert got.low == pytest.approx(got.high, abs=1e-9)  # every per-seed difference is 0.10
    assert got.estimate == pytest.approx(0.10)


def test_teacher_pairs_with_every_seed_and_two_runs_of_one_seed_are_refused():
    df = finals({("from-teacher", 44): 0.8, ("from-teacher", 55): 0.7}, teacher=0.9)
    got = claims.contrast(df, None, [(1, FT), (-1, {"role": "teacher"})], metric="accuracy")
    assert got.estimate == pytest.approx(-0.15) and got.n == 2
    dup = pd.concat([df, df.assign(run_id=lambda d: d.run_id + "-again")])
    with pytest.raises(ValueError, match="only seeds are pooled"):
        claims.contrast(dup, None, [(1, FT), (-1, {"role": "teacher"})], metric="accuracy")


def outcomes(run: str, correct_templates: set[int], n_templates: int = 10, per: int = 5,
             langs=("en", "de"), clustered: bool = True) -> pd.DataFrame:
    rows = []
    for lang in langs:
        for t in range(n_templates):
            for k in range(per):
                ex = f"{lang}-{t}-{k}"
                rows.append({"run_id": run, "id": ex, "lang": lang,
                             "cluster": f"{lang}/{t}" if clustered else ex,
                             "gold": 1, "pred": 1 if t in correct_templates else 0})
    return pd.DataFrame(rows)


def test_one_seed_uses_a_bootstrap_clustered_by_template():
    df = finals({("from-teacher", 44): 0.8, ("from-base", 44): 0.5})
    out = pd.concat([outcomes("from-teacher-44", set(range(8))),
                     outcomes("from-base-44", set(range(5)))])
    got = claims.contrast(df, out, [(1, FT), (-1, FB)], metric="accuracy")
    assert got.estimate == pytest.approx(0.3)  # from the outcomes: 8/10 - 5/10 per language
    assert "bootstrap over 20 test templates" in got.kind and got.low < 0.3 < got.high
    flat = pd.concat([outcomes("from-teacher-44", set(range(8)), clustered=False),
                      outcomes("from-base-44", set(range(5)), clustered=False)])
    by_example = claims.contrast(df, flat, [(1, FT), (-1, FB)], metric="accuracy")
    assert "test examples" in by_example.kind
    # examples of one template are not independent: clustering widens the interval
    assert (got.high - got.low) > 1.5 * (by_example.high - by_example.low)
    again = claims.contrast(df, out, [(1, FT), (-1, FB)], metric="accuracy")
    assert (again.low, again.high) == (got.low, got.high)  # seeded


def test_bootstrap_of_entity_f1_from_sentence_counts():
    rows = []
    for run, tp in (("a", 2), ("b", 1)):
        for lang in ("en", "de"):
            for t in range(6):
                rows.append({"run_id": run, "id": f"{lang}{t}", "lang": lang, "cluster": f"{lang}{t}",
                             "tp_strict": tp, "pred_strict": 2, "gold_strict": 2})
    got = stats.bootstrap_contrast({r: g for r, g in pd.DataFrame(rows).groupby("run_id")},
                                   [("a", 1.0, ["en", "de"]), ("b", -1.0, ["en", "de"])],
                                   "f1_strict")
    assert got.estimate == pytest.approx(0.5) and got.low == pytest.approx(0.5)


def test_students_at_chance_are_flagged():
    df = finals({("from-teacher", 44): 0.8, ("from-scratch", 44): 0.06}, baseline=0.05)
    chance = claims.at_chance(df, "accuracy")
    assert chance == ["from-scratch KD (seed 44)"]
    assert claims.chance_note(chance, "from-scratch") == ["at chance: from-scratch KD (seed 44)"]
    assert claims.chance_note(chance, "from-teacher", "from-base") == []


def test_markdown_and_html_tables(tmp_path):
    effect = stats.over_seeds([0.1, 0.12, 0.11])
    rows = [claims.Claim("from-teacher > from-base (KD)", "test accuracy, all", effect,
                         paper="+0.009 (MASSIVE)", notes=["at chance: x"])]
    md, page = claims.write(rows, tmp_path, "02_kd_ablation", "Claims of 02")
    text = md.read_text()
    assert "| from-teacher > from-base (KD) |" in text and "holds" in text
    assert "paired over 3 seeds" in text and "+0.009 (MASSIVE)" in text
    assert "<table" in page.read_text() and "at chance: x" in page.read_text()


def test_transfer_gap_contrast_mixes_language_groups():
    """(student unseen - student en) - (teacher unseen - teacher en): terms on different
    language sets, paired by seed, the teacher with every seed."""
    rows = []
    for run, role, seed, en, de in (("s44", "student", 44, 0.9, 0.6), ("s55", "student", 55, 0.8, 0.6),
                                    ("t", "teacher", 44, 0.95, 0.75)):
        f = R.student(init="from-teacher", kd=True, seed=seed) if role == "student" else R.teacher()
        rows += [{**r, "run_id": run} for r in R.eval_rows(f, {"en": en, "de": de})]
    df = pd.DataFrame(rows)
    T = {"role": "teacher"}
    got = claims.contrast(df, None, [(1, FT, "unseen"), (-1, FT, "en"), (-1, T, "unseen"),
                                     (1, T, "en")], metric="accuracy")
    # seed 44: (0.6 - 0.9) - (0.75 - 0.95) = -0.1; seed 55: (0.6 - 0.8) + 0.2 = 0.0
    assert got.estimate == pytest.approx(-0.05) and got.n == 2
