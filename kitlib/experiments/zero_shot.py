"""Notebook 03: do students keep the teacher's zero-shot transfer to unseen languages?

For each training scenario (``train_languages``: "en" = English only, "seen" = the
dataset's seen languages) a teacher is fine-tuned on those languages only and students of
every init are distilled (KD) on the same data; everything is evaluated on all languages.
The transfer gap of a language is its score minus the score on the training language(s)
(English for "en"; the mean over the seen languages otherwise).
"""
from __future__ import annotations

import pandas as pd

from kitlib.experiments.common import (ExperimentResult, execute, final_scores, get_teacher,
                                       load_data, main_metric, results_of, setting,
                                       student_plan, teacher_plan)
from kitlib.params import RunParams

GROUPS = ("all", "seen", "unseen", "all_but_en")


def scenario_name(scenario) -> str:
    return scenario if isinstance(scenario, str) else "+".join(scenario)


def run(P: RunParams, out_dir: str | None = None) -> ExperimentResult:
    """Every run notebook 03 promises; tables ``scores``, ``transfer_gap``,
    ``seen_unseen``, ``summary``."""
    s = setting(P, out_dir)
    plans = []
    for scenario in P.train_languages:
        name = scenario_name(scenario)
        data = load_data(s, train_languages=scenario)
        s.log(f"scenario {name!r}: train on {', '.join(data.train_languages)}; "
              f"unseen: {', '.join(data.unseen_languages) or '-'}")
        teacher = get_teacher(s, data)
        plans.append(teacher_plan(s, teacher, scenario=name))
        for seed in P.seeds:
            for init in P.inits:
                plans.append(student_plan(s, teacher, data, init=init, seed=seed,
                                          kd_terms=list(P.kd_terms), scenario=name))
    done, skipped = execute(s, plans, "03 zero-shot")
    ids = [p.run_id for p in plans]
    df = results_of(s, ids)
    return ExperimentResult(df, tables(df), ids, done, skipped)


def tables(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    if df.empty:
        return {}
    metric = main_metric(df.task.iloc[0])
    final = final_scores(df, "test")
    final = final[final.metric == metric]
    langs = final[~final.lang.isin(GROUPS)]
    scores = langs.groupby(["scenario", "init", "lang"]).value.mean().unstack("lang")
    gaps = []
    for (scenario, init), g in langs.groupby(["scenario", "init"]):
        seen = g[g.lang_group == "seen"]
        ref = g[g.lang == "en"].value.mean() if scenario == "en" else \
            seen.groupby("lang").value.mean().mean()
        for lang, h in g.groupby("lang"):
            gaps.append({"scenario": scenario, "init": init, "lang": lang,
                         "lang_group": h.lang_group.iloc[0], "gap": h.value.mean() - ref})
    gap = pd.DataFrame(gaps)
    gap_table = gap.pivot_table(index=["scenario", "init"], columns="lang", values="gap")
    groups = final[final.lang.isin(("seen", "unseen"))]
    seen_unseen = groups.groupby(["scenario", "init", "lang"]).value.mean().unstack("lang")
    if {"seen", "unseen"} <= set(seen_unseen.columns):
        seen_unseen["unseen - seen"] = seen_unseen["unseen"] - seen_unseen["seen"]
    return {"scores": scores, "transfer_gap": gap_table, "gap_long": gap,
            "seen_unseen": seen_unseen, "summary": seen_unseen}
