"""Notebook 02: does KD or the initialization make the student?

Grid: init {from-scratch, from-base, from-teacher} x {no KD, KD} x seeds, plus the KD-term
ablation for from-teacher (pred only; + hidden; + attn; + embed), all students built from the
same cached teacher and trained on the same data. The "init vs KD" attribution compares the
gain of from-teacher over from-scratch without KD with the gain KD brings at each init.
"""
from __future__ import annotations

import pandas as pd

from kitlib import claims, vocab
from kitlib.experiments.runs import Plan, execute, student_plan, teacher_plan
from kitlib.experiments.setting import Setting, load_data, open_setting
from kitlib.experiments.tables import (ExperimentResult, final_scores, mean_table, model_label,
                                       results_of, with_claims)
from kitlib.experiments.teachers import shared_teacher
from kitlib.params import RunParams
from kitlib.results import load_outcomes


def plans_of(s: Setting) -> list[Plan]:
    """The runs of notebook 02, in order: the teacher, init x {no KD, KD} x seeds, and the
    KD-term ablation of from-teacher. Builds (or loads) the shared teacher first."""
    P = s.P
    data = load_data(s)
    teacher = shared_teacher(s)
    plans = [teacher_plan(s, teacher)]
    for seed in P.seeds:
        for init in P.inits:
            for kd in P.kd:
                plans.append(student_plan(s, teacher, data, init=init, seed=seed,
                                          kd_terms=list(P.kd_terms) if kd else None))
        if vocab.FROM_TEACHER in P.inits and seed in P.seeds[:P.kd_ablation_seeds]:
            for terms in P.kd_ablation:
                if True in P.kd and list(terms) == list(P.kd_terms):
                    continue  # the same run as the main grid's from-teacher + KD
                plans.append(student_plan(s, teacher, data, init=vocab.FROM_TEACHER,
                                          seed=seed, kd_terms=list(terms)))
    return plans


def run(P: RunParams, out_dir: str | None = None) -> ExperimentResult:
    """Every run notebook 02 promises; returns its records and tables
    (``main``, ``ablation_runs``, ``per_language``, ``attribution``, ``ablation``,
    ``summary``)."""
    s = open_setting(P, out_dir)
    plans = plans_of(s)
    done, skipped = execute(s, plans, "02 KD ablation")
    ids = [p.run_id for p in plans]
    df = results_of(s, ids)
    result = ExperimentResult(df, tables(df, P), ids, done, skipped)
    rows = claims_of(df, load_outcomes(s.store.root, ids), P)
    return with_claims(result, rows, s.store.root, P, "Claims of notebook 02 (init vs KD)")


def main_grid(df: pd.DataFrame, P: RunParams) -> pd.DataFrame:
    """The teacher and the init x {no KD, KD with every ``kd_terms``} students: the records
    the main comparison is drawn from (the KD-term ablation runs are left out)."""
    full_terms = "+".join(P.kd_terms)
    keep = (df.role == vocab.TEACHER) | ~df.kd.astype(bool) | (df.kd_terms == full_terms)
    return df[keep].reset_index(drop=True)


def ablation_runs(df: pd.DataFrame) -> pd.DataFrame:
    """The from-teacher students (no KD and every KD-term set): the ablation's records."""
    return df[(df.role == vocab.STUDENT) & (df.init == vocab.FROM_TEACHER)].reset_index(drop=True)


def tables(df: pd.DataFrame, P: RunParams) -> dict[str, pd.DataFrame]:
    """Summary tables from the records of notebook 02 (test split, main metric), plus the
    plot-ready record frames ``main`` and ``ablation_runs``."""
    if df.empty:
        return {}
    metric = vocab.main_metric(df.task.iloc[0])
    main = main_grid(df, P)
    final = final_scores(main, "test")
    final = final[final.metric == metric].assign(model=lambda d: model_label(d))
    per_language = mean_table(final, ["model"])

    students = final[final.role == vocab.STUDENT]
    means = students.groupby(["init", "kd", "lang"]).value.mean()
    rows = []
    for lang in per_language.columns:
        def get(init, kd):
            return means.get((init, kd, lang), float("nan"))
        row = {"lang": lang,
               "init gain (from-teacher vs from-scratch, no KD)":
                   get(vocab.FROM_TEACHER, False) - get(vocab.FROM_SCRATCH, False)}
        for init in P.inits:
            row[f"KD gain at {init}"] = get(init, True) - get(init, False)
        rows.append(row)
    attribution = pd.DataFrame(rows).set_index("lang")

    abl = final_scores(ablation_runs(df), "test")
    abl = abl[abl.metric == metric].copy()
    abl["KD terms"] = [vocab.kd_terms_label(k, t) for k, t in zip(abl.kd, abl.kd_terms)]
    ablation = mean_table(abl, ["KD terms"]) if not abl.empty else pd.DataFrame()

    summary = _with_error(final, metric)
    return {"main": main, "ablation_runs": ablation_runs(df), "per_language": per_language,
            "attribution": attribution, "ablation": ablation, "summary": summary}


def _with_error(final: pd.DataFrame, metric: str) -> pd.DataFrame:
    """Group scores as "mean ± stderr" text (stderr over seeds, or the evaluation's own
    per-example stderr with a single seed)."""
    rows = []
    for model, g in final[final.lang.isin(vocab.LANG_GROUPS)].groupby("model"):
        row = {"model": model}
        for lang, h in g.groupby("lang"):
            se = h.value.std(ddof=1) / len(h) ** 0.5 if len(h) > 1 else h.stderr.iloc[0]
            what = f"SE over {len(h)} seeds" if len(h) > 1 else "per-example SE"
            row[f"{metric} ({lang})"] = f"{h.value.mean():.3f} ± {se:.3f} ({what})"
        rows.append(row)
    return pd.DataFrame(rows).set_index("model")


# The authors' MASSIVE runs (docs/paper.md): mDeBERTa-v3, 6-layer students, single runs.
PAPER = {"ft_fb_kd": "+0.009 (0.867 vs 0.858, MASSIVE)",
         "fb_fs_kd": "+0.262 (0.858 vs 0.596, MASSIVE)",
         "kd_at_ft": "KD adds +0.012 at from-teacher (0.867 vs 0.855, MASSIVE)"}


def claims_of(df: pd.DataFrame, outcomes: pd.DataFrame, P: RunParams) -> list[claims.Claim]:
    """The paper's claims that notebook 02 measures (test split, main metric, all languages):
    from-teacher > from-base > from-scratch, with and without KD, and the share of the gain
    due to the initialization vs due to KD."""
    if df.empty:
        return []
    metric = vocab.main_metric(df.task.iloc[0])
    final = final_scores(main_grid(df, P), "test")
    final = final[final.metric == metric]
    full = "+".join(P.kd_terms)

    def sel(init: str, kd: bool) -> dict:
        return {"role": vocab.STUDENT, "init": init, "kd": kd, "kd_terms": full if kd else ""}

    chance = claims.at_chance(final, metric)
    weak = ["the teacher failed the teacher gate (allow_weak_teacher)"] \
        if final.get("weak_teacher", pd.Series(False)).astype(bool).any() else []
    what = f"test {metric}, mean over languages"
    rows = []
    pairs = [(vocab.FROM_TEACHER, vocab.FROM_BASE), (vocab.FROM_BASE, vocab.FROM_SCRATCH)]
    for better, worse in pairs:
        for kd in P.kd:
            if better not in P.inits or worse not in P.inits:
                continue
            effect = claims.contrast(final, outcomes, [(1, sel(better, kd)), (-1, sel(worse, kd))],
                                     metric=metric)
            paper = PAPER.get(("ft_fb" if better == vocab.FROM_TEACHER else "fb_fs") + "_kd", "") \
                if kd else ""
            rows.append(claims.Claim(f"{better} beats {worse}, {vocab.kd_label(kd)}",
                                     f"{what}: {better} - {worse}", effect, paper=paper,
                                     notes=claims.chance_note(chance, better, worse, kd=kd)
                                     + weak))
    if {vocab.FROM_TEACHER, vocab.FROM_SCRATCH} <= set(P.inits) and set(P.kd) == {False, True}:
        ft, ft_kd, fs = sel(vocab.FROM_TEACHER, False), sel(vocab.FROM_TEACHER, True), \
            sel(vocab.FROM_SCRATCH, False)
        effect = claims.contrast(final, outcomes, [(2, ft), (-1, fs), (-1, ft_kd)], metric=metric)
        rows.append(claims.Claim(
            "more of the gain is due to the initialization than to KD",
            f"{what}: (from-teacher - from-scratch, no KD) - (from-teacher KD - no KD)",
            effect, paper=PAPER["kd_at_ft"],
            notes=claims.chance_note(chance, vocab.FROM_SCRATCH, kd=False)
            + claims.chance_note(chance, vocab.FROM_TEACHER) + weak))
    return rows
