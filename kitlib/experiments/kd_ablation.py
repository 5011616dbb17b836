"""Notebook 02: does KD or the initialization make the student?

Grid: init {from-scratch, from-base, from-teacher} x {no KD, KD} x seeds, plus the KD-term
ablation for from-teacher (pred only; + hidden; + attn; + embed), all students built from the
same cached teacher and trained on the same data. The "init vs KD" attribution compares the
gain of from-teacher over from-scratch without KD with the gain KD brings at each init.
"""
from __future__ import annotations

import pandas as pd

from kitlib.experiments.common import (ExperimentResult, execute, final_scores, get_teacher,
                                       load_data, main_metric, mean_table, results_of,
                                       setting, student_plan, teacher_plan)
from kitlib.params import RunParams

GROUPS = ("all", "seen", "unseen", "all_but_en")


def run(P: RunParams, out_dir: str | None = None) -> ExperimentResult:
    """Every run notebook 02 promises; returns its records and tables
    (``per_language``, ``attribution``, ``ablation``, ``summary``)."""
    s = setting(P, out_dir)
    data = load_data(s)
    teacher = get_teacher(s, data)
    plans = [teacher_plan(s, teacher)]
    for seed in P.seeds:
        for init in P.inits:
            for kd in P.kd:
                plans.append(student_plan(s, teacher, data, init=init, seed=seed,
                                          kd_terms=list(P.kd_terms) if kd else None))
        if "from-teacher" in P.inits:
            for terms in P.kd_ablation:
                if True in P.kd and list(terms) == list(P.kd_terms):
                    continue  # the same run as the main grid's from-teacher + KD
                plans.append(student_plan(s, teacher, data, init="from-teacher", seed=seed,
                                          kd_terms=list(terms)))
    done, skipped = execute(s, plans, "02 KD ablation")
    ids = [p.run_id for p in plans]
    df = results_of(s, ids)
    return ExperimentResult(df, tables(df, P), ids, done, skipped)


def _model_label(row) -> str:
    return "teacher" if row.init == "teacher" else f"{row.init}, {'KD' if row.kd else 'no KD'}"


def tables(df: pd.DataFrame, P: RunParams) -> dict[str, pd.DataFrame]:
    """Summary tables from the records of notebook 02 (test split, main metric)."""
    if df.empty:
        return {}
    metric = main_metric(df.task.iloc[0])
    final = final_scores(df, "test")
    final = final[final.metric == metric].copy()
    final["model"] = final.apply(_model_label, axis=1)
    full_terms = "+".join(P.kd_terms)
    main = final[(final.init == "teacher") | ~final.kd | (final.kd_terms == full_terms)]
    per_language = mean_table(main, ["model"])
    order = [c for c in per_language.columns if c not in GROUPS] + \
        [g for g in GROUPS if g in per_language.columns]
    per_language = per_language[order]

    means = main.groupby(["init", "kd", "lang"]).value.mean()
    langs = [c for c in order]
    rows = []
    for lang in langs:
        row = {"lang": lang}

        def get(init, kd):
            return means.get((init, kd, lang), float("nan"))
        row["init gain (from-teacher vs from-scratch, no KD)"] = (
            get("from-teacher", False) - get("from-scratch", False))
        for init in P.inits:
            row[f"KD gain at {init}"] = get(init, True) - get(init, False)
        rows.append(row)
    attribution = pd.DataFrame(rows).set_index("lang")

    abl = final[(final.init == "from-teacher")].copy()
    abl["KD terms"] = abl.apply(lambda r: r.kd_terms if r.kd else "no KD", axis=1)
    ablation = mean_table(abl, ["KD terms"])[order] if not abl.empty else pd.DataFrame()

    summary = _with_error(main, metric)
    return {"per_language": per_language, "attribution": attribution, "ablation": ablation,
            "summary": summary}


def _with_error(final: pd.DataFrame, metric: str) -> pd.DataFrame:
    """Group scores as "mean ± stderr" text (stderr over seeds, or the evaluation's own
    binomial stderr with a single seed)."""
    rows = []
    for model, g in final[final.lang.isin(GROUPS)].groupby("model"):
        row = {"model": model}
        for lang, h in g.groupby("lang"):
            se = h.value.std(ddof=1) / len(h) ** 0.5 if len(h) > 1 else h.stderr.iloc[0]
            row[f"{metric} ({lang})"] = f"{h.value.mean():.3f} ± {se:.3f}"
        rows.append(row)
    return pd.DataFrame(rows).set_index("model")
