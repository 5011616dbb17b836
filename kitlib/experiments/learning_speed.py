"""Notebook 04: how fast does each initialization learn, and how does it depend on data size?

For each training-data ``subset`` (nested: the 1% subset lies inside the 5% one) every init
is trained with KD, recording the training loss and the dev score against optimizer steps.
"Steps to target" is the first step at which a student's dev score reaches
``target_fraction`` (default 90%) of the teacher's dev score, per language.

``teacher_data``: "full" (default) uses the teacher of notebooks 01-03 (fine-tuned on
``teacher_train_subset`` of the training data; the same cached teacher), so the subsets
measure how fast a *student* learns from a good teacher, which is the paper's question;
"subset" fine-tunes a teacher on each subset (the low-resource setting where the teacher is
limited too).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from kitlib import claims, vocab
from kitlib.experiments.runs import Plan, execute, student_plan, teacher_plan
from kitlib.experiments.setting import Setting, load_data, open_setting
from kitlib.experiments.tables import (ExperimentResult, final_scores, mean_table, results_of,
                                       with_claims)
from kitlib.experiments.teachers import shared_teacher
from kitlib.params import RunParams
from kitlib.results import load_outcomes

STEPS_TO_TARGET = "steps_to_target"


def plans_of(s: Setting) -> list[Plan]:
    """The runs of notebook 04, in order: the teacher(s) and, per subset, the students
    (init x seeds, with KD). Builds (or loads) the teacher(s) first."""
    P = s.P
    plans = []
    teacher_full = None
    if P.teacher_data == "full":
        teacher_full = shared_teacher(s)
        plans.append(teacher_plan(s, teacher_full))
    for subset in P.subset:
        data = load_data(s, subset=subset)
        s.log(f"subset {subset:g}: {len(data.train)} training examples")
        if teacher_full is None:
            teacher = shared_teacher(s, subset=subset, own_subset=True)
            plans.append(teacher_plan(s, teacher, subset=subset))
        else:
            teacher = teacher_full
        for seed in P.seeds:
            for init in P.inits:
                plans.append(student_plan(s, teacher, data, init=init, seed=seed,
                                          kd_terms=list(P.kd_terms), subset=subset))
    return plans


def run(P: RunParams, out_dir: str | None = None) -> ExperimentResult:
    """Every run notebook 04 promises; tables ``steps_to_target``, ``reach``, ``final``,
    ``summary``."""
    s = open_setting(P, out_dir)
    plans = plans_of(s)
    done, skipped = execute(s, plans, "04 learning speed")
    ids = [p.run_id for p in plans]
    df = results_of(s, ids)
    result = ExperimentResult(df, tables(df, P), ids, done, skipped)
    rows = claims_of(df, load_outcomes(s.store.root, ids), P, result.tables.get("reach"))
    return with_claims(result, rows, s.store.root, P, "Claims of notebook 04 (learning speed)")


def subset_records(df: pd.DataFrame, subset: float) -> pd.DataFrame:
    """The students trained on ``subset`` plus the teacher they learn from (with
    ``teacher_data="full"`` one teacher for every subset; else the subset's own teacher), for
    the curves of one subset: the teacher is drawn as a reference line."""
    students = df[(df.role == vocab.STUDENT) & (df.subset == subset)]
    teachers = df[(df.role == vocab.TEACHER) & df.teacher_id.isin(set(students.teacher_id))]
    return pd.concat([teachers, students], ignore_index=True)


def steps_to_target(df: pd.DataFrame, fraction: float, metric: str) -> pd.DataFrame:
    """Per student run and language: first step whose dev score >= fraction x teacher's
    dev score on that language (NaN when never reached). Teacher per teacher_id (+subset
    when the teacher was trained on the subset).

    Returns plot-ready records: the student run's own fields, ``metric =
    "steps_to_target"``, ``value`` = steps (NaN: not reached), ``target`` and ``max_step``
    (the run's budget)."""
    dev = df[(df.split == "dev") & (df.metric == metric)]
    teach = dev[dev.role == vocab.TEACHER]
    target = {(r.teacher_id, r.lang): fraction * r.value for r in teach.itertuples()}
    rows = []
    students = dev[dev.role == vocab.STUDENT]
    for (_rid, lang), g in students.groupby(["run_id", "lang"]):
        first = g.iloc[0]
        goal = target.get((first.teacher_id, lang))
        if goal is None:
            continue
        g = g.sort_values("step")
        hit = g[g.value >= goal - 1e-12]
        rec = first.to_dict()
        rec.update(metric=STEPS_TO_TARGET, split="dev", target=goal, stderr=np.nan,
                   value=float(hit.step.iloc[0]) if len(hit) else np.nan,
                   steps=float(hit.step.iloc[0]) if len(hit) else np.nan,
                   max_step=float(g.step.max()), step=float(g.step.max()))
        rows.append(rec)
    return pd.DataFrame(rows)


def tables(df: pd.DataFrame, P: RunParams) -> dict[str, pd.DataFrame]:
    if df.empty:
        return {}
    metric = vocab.main_metric(df.task.iloc[0])
    reach = steps_to_target(df, P.target_fraction, metric)
    if reach.empty:
        steps = pd.DataFrame()
    else:
        steps = mean_table(reach, ["subset", "init"])
    final = final_scores(df, "test")
    final = final[(final.metric == metric) & (final.role == vocab.STUDENT)]
    final_table = mean_table(final, ["subset", "init"])
    groups = [g for g in (vocab.ALL, vocab.SEEN, vocab.UNSEEN) if g in final_table.columns]
    summary = final_table[groups].copy()
    if not steps.empty and vocab.ALL in steps.columns:
        summary = summary.join(steps[[vocab.ALL]].rename(
            columns={vocab.ALL: f"steps to {P.target_fraction:.0%} of teacher (all)"}),
            how="left")
    return {"steps_to_target": steps, "reach": reach, "final": final_table,
            "summary": summary}


PAPER_LOW_DATA = "from-teacher + KD at 1% of MASSIVE: 0.748 (vs 0.867 with all data)"


def claims_of(df: pd.DataFrame, outcomes: pd.DataFrame, P: RunParams,
              reach: pd.DataFrame | None) -> list[claims.Claim]:
    """Per subset: from-teacher reaches ``target_fraction`` of the teacher's dev score in
    fewer steps than from-base (a run that never reaches it counts at its budget: a lower
    bound of its steps); and from-teacher's advantage over from-base on test is larger at
    the smallest subset than at the largest."""
    if df.empty or vocab.FROM_TEACHER not in P.inits or vocab.FROM_BASE not in P.inits:
        return []
    metric = vocab.main_metric(df.task.iloc[0])
    final = final_scores(df[df.role == vocab.STUDENT], "test")
    final = final[final.metric == metric]
    chance = claims.at_chance(final, metric)
    ft = {"role": vocab.STUDENT, "init": vocab.FROM_TEACHER}
    fb = {"role": vocab.STUDENT, "init": vocab.FROM_BASE}
    rows = []
    if reach is not None and len(reach):
        overall = reach[reach.lang == vocab.ALL]
        steps = {r.run_id: (r.value if not pd.isna(r.value) else r.max_step)
                 for r in overall.itertuples()}
        for subset in sorted(set(overall.subset)):
            part = final[final.subset == subset]
            effect = claims.contrast(part, None, [(-1, ft), (1, fb)], metric=metric,
                                     value_of=steps)
            notes = claims.chance_note(chance, vocab.FROM_TEACHER, vocab.FROM_BASE)
            here = overall[(overall.subset == subset)
                           & overall.init.isin([vocab.FROM_TEACHER, vocab.FROM_BASE])]
            never = here[here.value.isna()].groupby("init").size()
            if len(never):
                notes.append("never reached it, counted at the budget (a lower bound): "
                             + ", ".join(f"{init} in {n} of {here[here.init == init].shape[0]}"
                                         " seeds" for init, n in never.items()))
            rows.append(claims.Claim(
                f"from-teacher learns faster than from-base (subset {subset:g})",
                f"steps to {P.target_fraction:.0%} of the teacher's dev {metric} (all "
                "languages): from-base - from-teacher", effect, notes=notes))
    subsets = sorted(set(final.subset))
    if len(subsets) >= 2:
        small, large = subsets[0], subsets[-1]
        terms = [(1, {**ft, "subset": small}), (-1, {**fb, "subset": small}),
                 (-1, {**ft, "subset": large}), (1, {**fb, "subset": large})]
        rows.append(claims.Claim(
            "from-teacher's advantage widens as the data shrink",
            f"test {metric}, all languages: (from-teacher - from-base) at subset {small:g} "
            f"minus the same at subset {large:g}",
            claims.contrast(final, outcomes, terms, metric=metric), paper=PAPER_LOW_DATA,
            notes=claims.chance_note(chance, vocab.FROM_TEACHER, vocab.FROM_BASE)))
    return rows
