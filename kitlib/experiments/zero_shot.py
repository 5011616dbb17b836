"""Notebook 03: do students keep the teacher's zero-shot transfer to unseen languages?

For each training scenario (``train_languages``: "en" = English only, "seen" = the
dataset's seen languages) a teacher is fine-tuned on those languages only and students of
every init are distilled (KD) on the same data; everything is evaluated on all languages.
The transfer gap of a language is its score minus the score on the training language(s)
(English for "en"; the mean over the seen languages otherwise), computed per run, so that
seeds can be pooled like any score.
"""
from __future__ import annotations

import math

import pandas as pd

from kitlib import claims, vocab
from kitlib.experiments.runs import Plan, execute, student_plan, teacher_plan
from kitlib.experiments.setting import Setting, load_data, open_setting
from kitlib.experiments.tables import (ExperimentResult, final_scores, model_label, results_of,
                                       with_claims)
from kitlib.experiments.teachers import shared_teacher
from kitlib.params import RunParams
from kitlib.results import load_outcomes

TRANSFER_GAP = "transfer_gap"


def scenario_name(scenario) -> str:
    return scenario if isinstance(scenario, str) else "+".join(scenario)


def plans_of(s: Setting) -> list[Plan]:
    """The runs of notebook 03, in order: per training scenario, its teacher and the
    students (init x seeds, with KD). Builds (or loads) each scenario's teacher first."""
    P = s.P
    plans = []
    for scenario in P.train_languages:
        name = scenario_name(scenario)
        data = load_data(s, train_languages=scenario)
        s.log(f"scenario {name!r}: train on {', '.join(data.train_languages)}; "
              f"unseen: {', '.join(data.unseen_languages) or '-'}")
        teacher = shared_teacher(s, train_languages=scenario)
        plans.append(teacher_plan(s, teacher, scenario=name))
        for seed in P.seeds:
            for init in P.inits:
                plans.append(student_plan(s, teacher, data, init=init, seed=seed,
                                          kd_terms=list(P.kd_terms), scenario=name))
    return plans


def run(P: RunParams, out_dir: str | None = None) -> ExperimentResult:
    """Every run notebook 03 promises; tables ``scores``, ``transfer_gap``,
    ``gap_records``, ``seen_unseen``, ``summary``."""
    s = open_setting(P, out_dir)
    plans = plans_of(s)
    done, skipped = execute(s, plans, "03 zero-shot")
    ids = [p.run_id for p in plans]
    df = results_of(s, ids)
    result = ExperimentResult(df, tables(df), ids, done, skipped)
    rows = claims_of(df, load_outcomes(s.store.root, ids), P)
    return with_claims(result, rows, s.store.root, P, "Claims of notebook 03 (zero-shot transfer)")


def gap_records(final: pd.DataFrame) -> pd.DataFrame:
    """Per run and language: score minus the run's own score on its training language(s)
    (English in the "en" scenario, else the mean over its seen languages). One record per
    (run, language) with the run's fields, ``metric = "transfer_gap"`` and a per-example
    standard error sqrt(se_lang^2 + se_ref^2) (different test sentences)."""
    rows = []
    langs = final[~final.lang.isin(vocab.LANG_GROUPS)]
    for _, run in langs.groupby("run_id"):
        if run.scenario.iloc[0] == "en":
            ref_rows = run[run.lang == "en"]
        else:
            ref_rows = run[run.lang_group == vocab.SEEN]
        if ref_rows.empty:
            continue
        ref = ref_rows.value.mean()
        ref_se = math.sqrt((ref_rows.stderr.fillna(0) ** 2).sum()) / len(ref_rows)
        for r in run.itertuples(index=False):
            rec = r._asdict()
            rec.update(metric=TRANSFER_GAP, value=r.value - ref,
                       stderr=math.sqrt((0 if pd.isna(r.stderr) else r.stderr) ** 2
                                        + ref_se ** 2))
            rows.append(rec)
    return pd.DataFrame(rows, columns=list(final.columns))


def tables(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    if df.empty:
        return {}
    metric = vocab.main_metric(df.task.iloc[0])
    final = final_scores(df, "test")
    final = final[final.metric == metric].assign(model=lambda d: model_label(d))
    langs = final[~final.lang.isin(vocab.LANG_GROUPS)]
    scores = langs.pivot_table(index=["scenario", "model"], columns="lang", values="value",
                               aggfunc="mean")
    gaps = gap_records(final)
    gaps = gaps.assign(model=model_label(gaps)) if len(gaps) else gaps
    gap_table = gaps.pivot_table(index=["scenario", "model"], columns="lang", values="value",
                                 aggfunc="mean") if len(gaps) else pd.DataFrame()
    groups = final[final.lang.isin((vocab.SEEN, vocab.UNSEEN))]
    seen_unseen = groups.pivot_table(index=["scenario", "model"], columns="lang",
                                     values="value", aggfunc="mean")
    if {vocab.SEEN, vocab.UNSEEN} <= set(seen_unseen.columns):
        seen_unseen["unseen - seen"] = seen_unseen[vocab.UNSEEN] - seen_unseen[vocab.SEEN]
    return {"test_scores": final, "scores": scores, "transfer_gap": gap_table,
            "gap_records": gaps, "seen_unseen": seen_unseen, "summary": seen_unseen}


#: How much of the teacher's transfer a student may lose and still "keep" it (a stated
#: tolerance: the paper gives no number).
KEEP_TOLERANCE = 0.05
PAPER_ALL_LOCALES = ("+0.023 on all locales (0.646 vs 0.623; teacher 0.800; MASSIVE, ~25 "
                     "seen locales)")


def claims_of(df: pd.DataFrame, outcomes: pd.DataFrame, P: RunParams) -> list[claims.Claim]:
    """Per training scenario: from-teacher beats from-base on the unseen languages, and
    from-teacher keeps the teacher's transfer (its transfer gap -- unseen score minus the
    training-language score -- is at most ``KEEP_TOLERANCE`` worse than the teacher's)."""
    if df.empty:
        return []
    metric = vocab.main_metric(df.task.iloc[0])
    final = final_scores(df, "test")
    final = final[final.metric == metric]
    rows = []
    for scenario in dict.fromkeys(final.scenario):
        part = final[final.scenario == scenario]
        chance = claims.at_chance(part, metric)
        if part[part.lang_group == vocab.UNSEEN].empty:
            continue
        ref = "en" if scenario == "en" else vocab.SEEN
        ft = {"role": vocab.STUDENT, "init": vocab.FROM_TEACHER}
        fb = {"role": vocab.STUDENT, "init": vocab.FROM_BASE}
        T = {"role": vocab.TEACHER}
        what = f"training on {scenario}: test {metric} on the unseen languages"
        weak = ["the teacher failed the teacher gate"] \
            if part.get("weak_teacher", pd.Series(False)).astype(bool).any() else []
        if vocab.FROM_BASE in P.inits and vocab.FROM_TEACHER in P.inits:
            rows.append(claims.Claim(
                f"from-teacher keeps more zero-shot ability than from-base ({scenario})",
                f"{what}: from-teacher - from-base (KD students)",
                claims.contrast(part, outcomes, [(1, ft), (-1, fb)], group=vocab.UNSEEN,
                                metric=metric),
                paper=PAPER_ALL_LOCALES if scenario != "en" else "",
                notes=claims.chance_note(chance, vocab.FROM_TEACHER, vocab.FROM_BASE) + weak))
        if vocab.FROM_TEACHER in P.inits:
            gap = claims.contrast(part, outcomes, [(1, ft, vocab.UNSEEN), (-1, ft, ref),
                                                   (-1, T, vocab.UNSEEN), (1, T, ref)],
                                  metric=metric)
            rows.append(claims.Claim(
                f"from-teacher keeps the teacher's transfer to unseen languages ({scenario})",
                f"transfer gap (unseen - {ref}) of from-teacher minus the teacher's; holds if "
                f"above -{KEEP_TOLERANCE:.2f} (a stated tolerance)",
                gap, margin=-KEEP_TOLERANCE,
                notes=claims.chance_note(chance, vocab.FROM_TEACHER) + weak
                + ["the teacher is one run; the interval is over the students' seeds"
                   if gap.n > 1 else ""]))
    for row in rows:
        row.notes = [n for n in row.notes if n]
    return rows
