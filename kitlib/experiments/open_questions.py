"""Notebook 05: the questions the paper leaves open -- how small, which layers, which
prediction loss, and whether vocabulary trimming changes the answer.

Why one grid: the paper fixes a reduction factor of 2, one layer choice and one KD loss. A
reader who ran 01-04 asks next what happens beyond them; each answer must come from the
same teacher, the same data and the same evidence rules as the paper's own claims, so that
a difference is the question's and never the plumbing's. Every run is a student of the one
shared teacher, trained with the first ``question_seeds`` of ``seeds``:

1. **depth**: from-base and from-teacher, no KD and KD, at each of ``depths`` (12 -> 6, 4,
   3, 2 are reduction factors 2, 3, 4, 6); each student's size and measured inference speed.
2. **layers**: from-teacher + KD at ``strategy_depth``, copied through each of
   ``strategies`` (the KD matching map stays ``kd_layer_map``, so only the copy changes),
   plus the zero-training score of each copy (the copy alone, before any training).
3. **pred_loss**: from-teacher + KD at ``num_layers`` with each of ``pred_losses``: KL at
   temperature T ("kl:T"; the kit's soft cross-entropy, which is the KL divergence plus the
   teacher's entropy, a constant: the same gradients, so the same student) or MSE on logits.
4. **trimming**: from-base and from-teacher + KD at ``num_layers`` with the trimmed and the
   full vocabulary (the shared teacher and its twin with the other vocabulary,
   ``kitlib.experiments.teachers.vocabulary_twin``); size, step time and score.

A run that answers two questions is one run (with the pocket preset, depth 3 from-teacher
KD with "alternate" is question 1's and question 2's; depth 6 from-teacher KD is question
1's, question 3's "kl:1" and question 4's trimmed one): plans are deduplicated by run id.
Student records carry three fields of this notebook: ``stage`` ("trained" or
"zero-training"), ``pred_loss`` ("kl:T" / "mse"; "" without KD) and ``vocabulary``
("trimmed" / "full").
"""
from __future__ import annotations

import dataclasses
from typing import Any

import pandas as pd

from kitlib import claims, stats, vocab
from kitlib.experiments.runs import (Plan, evaluate_at, execute, run_fields, run_id,
                                     student_plan, teacher_plan)
from kitlib.experiments.setting import Setting, load_data, open_setting, student_config
from kitlib.experiments.tables import (ExperimentResult, final_scores, mean_table, results_of,
                                       with_claims)
from kitlib.experiments.teachers import Teacher, shared_teacher, student_from, vocabulary_twin
from kitlib.params import RunParams
from kitlib.results import load_outcomes

TRAINED, ZERO_TRAINING = "trained", "zero-training"
TRIMMED, FULL = "trimmed", "full"
#: The two inits question 1 and question 4 compare (from-scratch is notebook 02's question).
COMPARED_INITS = (vocab.FROM_BASE, vocab.FROM_TEACHER)


# --------------------------------------------------------------------------- settings
def pred_loss_of(P: RunParams) -> str:
    """The prediction-loss setting of the parameters as question 3 names it."""
    return vocab.MSE if P.kd_pred_loss == "mse" else f"{vocab.KL}:{P.kd_temperature:g}"


def with_pred_loss(s: Setting, setting: str) -> Setting:
    """The same setting (same store, teachers and data in memory) with KD's prediction loss
    set to ``setting`` ("kl:T" or "mse"); ``s`` itself when that is already its loss."""
    if setting == pred_loss_of(s.P):
        return s
    if setting == vocab.MSE:
        P = s.P.replace(kd_pred_loss="mse")
    else:
        P = s.P.replace(kd_pred_loss="soft_ce", kd_temperature=float(setting.split(":", 1)[1]))
    return dataclasses.replace(s, P=P)


def map_text(layer_map: Any) -> str:
    """A layer map as records hold it: its name, or "0,4,8"."""
    return layer_map if isinstance(layer_map, str) else ",".join(map(str, layer_map))


# --------------------------------------------------------------------------- plans
def trained_plan(s: Setting, teacher: Teacher, data: Any, *, init: str, kd: bool, seed: int,
                 depth: int, layer_map: Any, vocabulary: str = TRIMMED) -> Plan:
    """One trained student of this notebook, with its size and speed measured."""
    P = s.P
    pred = pred_loss_of(P) if kd else ""
    label = (f"{init}-{'KD' if kd else 'noKD'}-{depth}L-{map_text(layer_map)}"
             + (f"-{pred}" if kd else "") + f"-{vocabulary}-s{seed}")
    return student_plan(s, teacher, data, init=init, kd_terms=list(P.kd_terms) if kd else None,
                        seed=seed, layer_map=layer_map, num_layers=depth, label=label,
                        measure=True, stage=TRAINED, pred_loss=pred, vocabulary=vocabulary)


def zero_training_plan(s: Setting, teacher: Teacher, data: Any, *, layer_map: Any,
                       depth: int, seed: int) -> Plan:
    """The from-teacher copy through ``layer_map`` scored on dev and test before any
    training (everything is copied, so the seed changes nothing and is not in the key)."""
    P = s.P
    fields = run_fields(P, teacher, role=vocab.STUDENT, init=vocab.FROM_TEACHER, kd=False,
                        kd_terms=(), layer_map=layer_map, num_layers=depth,
                        subset=P.train_subset, seed=seed, stage=ZERO_TRAINING, pred_loss="",
                        vocabulary=TRIMMED)
    label = f"zero-training-{depth}L-{map_text(layer_map)}"

    def do(emit):
        student, _, layer_ids = student_from(s, teacher, vocab.FROM_TEACHER, layer_map, depth,
                                             seed)
        cfg = student_config(P, seed, len(data.train))
        emit = emit.with_fields(layer_ids=",".join(map(str, layer_ids)))
        emit(evaluate_at(student, teacher.tokenizer, data, "dev", cfg))
        emit(evaluate_at(student, teacher.tokenizer, data, "test", cfg, sink=emit))

    spec = dict(role="student", stage=ZERO_TRAINING, teacher_id=teacher.teacher_id,
                data=data.fingerprint(), init=vocab.FROM_TEACHER, layer_map=layer_map,
                num_layers=depth)
    return Plan(run_id(P, label, **spec), label, fields, do)


def plans_of(s: Setting) -> list[Plan]:
    """Every run the four questions promise, in order, each run once. Builds (or loads) the
    shared teacher and its vocabulary twins first."""
    P = s.P
    data = load_data(s)
    teacher = shared_teacher(s)
    seeds = list(P.seeds[:P.question_seeds])
    plans = [teacher_plan(s, teacher)]
    for seed in seeds:  # 1. depth
        for depth in P.depths:
            for init in COMPARED_INITS:
                for kd in (False, True):
                    plans.append(trained_plan(s, teacher, data, init=init, kd=kd, seed=seed,
                                              depth=depth, layer_map=P.layer_map))
    for strategy in P.strategies:  # 2. layers
        plans.append(zero_training_plan(s, teacher, data, layer_map=strategy,
                                        depth=P.strategy_depth, seed=seeds[0]))
    for seed in seeds:
        for strategy in P.strategies:
            plans.append(trained_plan(s, teacher, data, init=vocab.FROM_TEACHER, kd=True,
                                      seed=seed, depth=P.strategy_depth, layer_map=strategy))
    for seed in seeds:  # 3. prediction loss
        for setting in P.pred_losses:
            plans.append(trained_plan(with_pred_loss(s, setting), teacher, data,
                                      init=vocab.FROM_TEACHER, kd=True, seed=seed,
                                      depth=P.num_layers, layer_map=P.layer_map))
    twins = {t: vocabulary_twin(s, teacher, trimmed=t) for t in P.trim_choices}  # 4. trimming
    for seed in seeds:
        for init in COMPARED_INITS:
            for trimmed in P.trim_choices:
                plans.append(trained_plan(s, twins[trimmed], data, init=init,
                                          kd=True, seed=seed, depth=P.num_layers,
                                          layer_map=P.layer_map,
                                          vocabulary=TRIMMED if trimmed else FULL))
    return list({p.run_id: p for p in plans}.values())  # first occurrence, in order


def run(P: RunParams, out_dir: str | None = None) -> ExperimentResult:
    """Every run notebook 05 promises; returns its records, tables and claims rows
    (``depth``, ``layers``, ``layer_winners``, ``pred_loss``, ``trimming`` and the
    plot-ready ``*_runs`` frames)."""
    s = open_setting(P, out_dir)
    plans = plans_of(s)
    done, skipped = execute(s, plans, "05 open questions")
    ids = [p.run_id for p in plans]
    df = results_of(s, ids)
    result = ExperimentResult(df, tables(df, P), ids, done, skipped)
    rows = claims_of(df, load_outcomes(s.store.root, ids), P)
    result.tables["summary"] = answers(rows)
    return with_claims(result, rows, s.store.root, P, "Claims of notebook 05 (open questions)",
                       seeds=list(P.seeds[:P.question_seeds]))


def answers(rows: list[claims.Claim]) -> pd.DataFrame:
    """The plain answers, one line per claims row, under its question."""
    return pd.DataFrame([{"question": r.claim.split(" \u2014 ")[0],
                          "hypothesis": r.claim.split(" \u2014 ")[-1],
                          "effect (95% interval)": r.effect.text(), "answer": r.answer}
                         for r in rows], columns=["question", "hypothesis",
                                                  "effect (95% interval)", "answer"])


# --------------------------------------------------------------------------- selections
def _cells(df: pd.DataFrame) -> pd.DataFrame:
    """Records with text columns to select question cells by (``depth``, ``kd`` as text)."""
    df = df.copy()
    df["depth"] = df["num_layers"].map(lambda n: str(int(n)) if pd.notna(n) else "")
    for col in ("stage", "pred_loss", "vocabulary"):
        if col not in df.columns:
            df[col] = ""
        df[col] = df[col].fillna("").astype(str)
    df["layer_map"] = df["layer_map"].astype(str)
    return df


def _cell(P: RunParams, question: str, **values: Any) -> dict:
    """The selector of one cell of a question (the fields its runs share)."""
    base = {"role": vocab.STUDENT, "stage": TRAINED}
    if question == "depth":
        base.update(vocabulary=TRIMMED, layer_map=map_text(P.layer_map))
    elif question == "layers":
        base.update(init=vocab.FROM_TEACHER, kd=True, depth=str(P.strategy_depth),
                    vocabulary=TRIMMED, pred_loss=pred_loss_of(P))
    elif question == "pred_loss":
        base.update(init=vocab.FROM_TEACHER, kd=True, depth=str(P.num_layers),
                    vocabulary=TRIMMED, layer_map=map_text(P.layer_map))
    elif question == "trimming":
        base.update(kd=True, depth=str(P.num_layers), layer_map=map_text(P.layer_map),
                    pred_loss=pred_loss_of(P))
    base.update(values)
    if question == "depth":  # a depth cell is with or without KD: no KD has no loss setting
        base.setdefault("pred_loss", pred_loss_of(P) if base.get("kd") else "")
    return base


def select(df: pd.DataFrame, selector: dict) -> pd.DataFrame:
    """The records of ``df`` (with :func:`_cells` columns) that match ``selector``, by the
    claims' own rule (``kitlib.claims.matches``)."""
    return claims.matches(df, selector)


def question_runs(df: pd.DataFrame, P: RunParams, question: str) -> pd.DataFrame:
    """The records (every split and metric) of one question's runs, plus the teacher's;
    ``df`` holds the selection columns of :func:`_cells`."""
    parts = [df[df.role == vocab.TEACHER]]
    if question == "depth":
        for init in COMPARED_INITS:
            for kd in (False, True):
                parts.append(select(df, _cell(P, "depth", init=init, kd=kd)))
        out = pd.concat(parts)
        out = out[(out.role == vocab.TEACHER) | out.depth.isin([str(d) for d in P.depths])]
    elif question == "layers":
        names = [map_text(m) for m in P.strategies]
        chosen = select(df, _cell(P, "layers"))
        parts.append(chosen[chosen.layer_map.isin(names)])
        out = pd.concat(parts)
    elif question == "zero_training":
        names = [map_text(m) for m in P.strategies]
        zero = df[(df.stage == ZERO_TRAINING) & (df.depth == str(P.strategy_depth))]
        out = pd.concat(parts + [zero[zero.layer_map.isin(names)]])
    elif question == "pred_loss":
        chosen = select(df, _cell(P, "pred_loss"))
        parts.append(chosen[chosen.pred_loss.isin(list(P.pred_losses))])
        out = pd.concat(parts)
    elif question == "trimming":
        kept = [TRIMMED if t else FULL for t in P.trim_choices]
        for init in COMPARED_INITS:
            chosen = select(df, _cell(P, "trimming", init=init))
            parts.append(chosen[chosen.vocabulary.isin(kept)])
        out = pd.concat(parts)
    else:
        raise ValueError(f"question={question!r}; allowed: {list(vocab.QUESTIONS)} or "
                         "'zero_training'")
    return out.drop_duplicates().reset_index(drop=True)


MEASURED = [f"{vocab.PARAMS_PREFIX}total", f"{vocab.PARAMS_PREFIX}non_embedding",
            vocab.INFERENCE_SPEED, vocab.STEP_TIME]


def measured_per_run(df: pd.DataFrame) -> pd.DataFrame:
    """One row per run: its size, inference speed and step time (:data:`MEASURED`)."""
    per_run = df[df.metric.isin(MEASURED)].pivot_table(index="run_id", columns="metric",
                                                       values="value", aggfunc="first")
    return per_run.reindex(columns=MEASURED)


# --------------------------------------------------------------------------- tables
def tables(df: pd.DataFrame, P: RunParams) -> dict[str, pd.DataFrame]:
    """Summary tables of the four questions (test split, main metric, mean over seeds) and
    the plot-ready record frames ``depth_runs``, ``layers_runs``, ``zero_training_runs``,
    ``pred_loss_runs`` and ``trimming_runs``."""
    if df.empty:
        return {}
    metric = vocab.main_metric(df.task.iloc[0])
    cells, sizes = _cells(df), measured_per_run(df)
    out: dict[str, pd.DataFrame] = {}
    for q in (*vocab.QUESTIONS, "zero_training"):
        out[f"{q}_runs"] = question_runs(cells, P, q)

    def final_of(q: str) -> pd.DataFrame:
        f = final_scores(out[f"{q}_runs"], "test")
        f = f[f.metric == metric] if not f.empty else f
        return f.merge(sizes, left_on="run_id", right_index=True, how="left")

    depth = final_of("depth")
    out["depth_runs"] = _depth_plot_records(depth)
    students = depth[depth.role == vocab.STUDENT].copy()
    if not students.empty:
        students["KD"] = students.kd.map(vocab.kd_label)
        students["layers"] = students.num_layers.astype(int)
        table = mean_table(students, ["init", "KD", "layers"])
        size = students.groupby(["init", "KD", "layers"])[
            [f"{vocab.PARAMS_PREFIX}non_embedding", vocab.INFERENCE_SPEED]].mean()
        size.columns = ["non-embedding params", "test examples/s"]
        out["depth"] = size.join(table[[c for c in vocab.LANG_GROUPS if c in table.columns]])
    out["layers"], out["layer_winners"] = _layers_tables(final_of("layers"),
                                                         final_of("zero_training"), P)
    loss = final_of("pred_loss")
    loss = loss[loss.role == vocab.STUDENT].copy()
    if not loss.empty:
        loss["prediction loss"] = loss.pred_loss.map(vocab.pred_loss_label)
        out["pred_loss"] = mean_table(loss, ["prediction loss"])
    trim = final_of("trimming")
    trim = trim[trim.role == vocab.STUDENT].copy()
    if not trim.empty:
        by = ["vocabulary", "init"]
        sizes = trim.groupby(by)[[f"{vocab.PARAMS_PREFIX}total", vocab.STEP_TIME]].mean()
        sizes.columns = ["params", "seconds per step"]
        scores = mean_table(trim, by)
        out["trimming"] = sizes.join(scores[[c for c in vocab.LANG_GROUPS if c in scores]])
    return out


def _depth_plot_records(final: pd.DataFrame) -> pd.DataFrame:
    """Question 1's final test scores with the non-embedding parameter count as the column
    "non-embedding params" (x of the score-vs-size plot). The other measured columns are
    left out: they differ between seeds, and the plots would split a line by them."""
    column = f"{vocab.PARAMS_PREFIX}non_embedding"
    return (final.drop(columns=[c for c in MEASURED if c != column])
            .rename(columns={column: "non-embedding params"}).reset_index(drop=True))


def _layers_tables(final: pd.DataFrame, zero: pd.DataFrame,
                   P: RunParams) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per strategy: the teacher layers it copies, zero-training and trained scores (mean,
    and the half-width of the 95% interval over seeds, or of the per-example one with one
    seed); per language: the winning strategy and its lead over the runner-up."""
    students = final[final.role == vocab.STUDENT] if not final.empty else final
    if students.empty:
        return pd.DataFrame(), pd.DataFrame()
    rows = []
    for name in [map_text(m) for m in P.strategies]:
        runs = students[(students.layer_map == name) & (students.lang == vocab.ALL)]
        zero_all = zero[(zero.layer_map == name) & (zero.lang == vocab.ALL)] \
            if not zero.empty else zero
        if runs.empty:
            continue
        half, what = _half_width(runs)
        rows.append({"strategy": name, "teacher layers": runs.layer_ids.iloc[0],
                     "zero-training": float(zero_all.value.mean()) if len(zero_all) else None,
                     "trained (KD)": float(runs.value.mean()), "± (95%)": half,
                     "interval": what})
    layers = pd.DataFrame(rows).set_index("strategy")
    means = students.groupby(["lang", "layer_map"]).value.mean().unstack("layer_map")
    winners = []
    for lang in vocab.language_order(means.index):
        ranked = means.loc[lang].dropna().sort_values(ascending=False)
        winners.append({"lang": lang, "best": ranked.index[0], "score": ranked.iloc[0],
                        "runner-up": ranked.index[1] if len(ranked) > 1 else None,
                        "lead": ranked.iloc[0] - ranked.iloc[1] if len(ranked) > 1 else None,
                        "worst": ranked.index[-1], "spread (best - worst)":
                            ranked.iloc[0] - ranked.iloc[-1]})
    return layers, pd.DataFrame(winners).set_index("lang")


def _half_width(runs: pd.DataFrame) -> tuple[float, str]:
    """Half-width of the 95% interval of one configuration's mean score, and what it is."""
    values = runs.value.astype(float)
    if len(values) >= 2:
        interval = stats.over_seeds(list(values))
        return float(interval.high - interval.estimate), f"t over {len(values)} seeds"
    se = float(runs.stderr.iloc[0]) if pd.notna(runs.stderr.iloc[0]) else float("nan")
    return 1.96 * se, "per-example (1 seed)"


# --------------------------------------------------------------------------- claims
def claims_of(df: pd.DataFrame, outcomes: pd.DataFrame, P: RunParams) -> list[claims.Claim]:
    """One or more rows per question (test split, main metric, all languages), each with a
    plain-language answer. Where a question picks "the best" and "the worst" of several
    configurations (strategies, losses), they are picked on **dev** and compared on
    **test**, so that the interval is not flattered by the choice."""
    if df.empty:
        return []
    metric = vocab.main_metric(df.task.iloc[0])
    recs = _cells(df)
    final = final_scores(recs, "test")
    final = final[final.metric == metric]
    dev = final_scores(recs, "dev")
    dev = dev[dev.metric == metric]
    rows: list[claims.Claim] = []
    what = f"test {metric}, mean over languages"

    def effect(terms: list) -> stats.Interval:
        return claims.contrast(final, outcomes, terms, metric=metric)

    # 1. depth
    small, large = min(P.depths), max(P.depths)
    teacher_layers = int(df[df.role == vocab.TEACHER].num_layers.iloc[0]) \
        if (df.role == vocab.TEACHER).any() else None
    factor = f", factor {teacher_layers / small:g}" if teacher_layers else ""
    for kd in (True, False):
        e = effect([(1, _cell(P, "depth", init=vocab.FROM_TEACHER, kd=kd, depth=str(small))),
                    (-1, _cell(P, "depth", init=vocab.FROM_BASE, kd=kd, depth=str(small)))])
        cells = {f"{init} {vocab.kd_label(kd)} {_layers(small)}":
                 _cell(P, "depth", init=init, kd=kd, depth=str(small)) for init in COMPARED_INITS}
        rows.append(claims.Claim(
            f"{vocab.QUESTIONS['depth']} — from-teacher still beats from-base with "
            f"{_layers(small)}{factor}, {vocab.kd_label(kd)}",
            f"{what}: from-teacher - from-base", e,
            answer=_answer(e, f"yes: copying the teacher still pays at {_layers(small)}",
                           f"no: from-base is better at {_layers(small)}",
                           f"not shown at {_layers(small)}"),
            notes=_chance_notes(final, metric, cells)))
    if large != small:
        e = effect([(1, _cell(P, "depth", init=vocab.FROM_TEACHER, kd=True, depth=str(large))),
                    (-1, _cell(P, "depth", init=vocab.FROM_TEACHER, kd=True, depth=str(small)))])
        cells = {f"from-teacher KD {_layers(d)}":
                 _cell(P, "depth", init=vocab.FROM_TEACHER, kd=True, depth=str(d))
                 for d in (large, small)}
        rows.append(claims.Claim(
            f"{vocab.QUESTIONS['depth']} — going from {large} to {_layers(small)} costs a "
            "from-teacher KD student score", f"{what}: {large} layers - {_layers(small)}", e,
            answer=_answer(e, f"yes: {_layers(small)} lose {e.estimate:.3f}",
                           f"no: {_layers(small)} score higher", "no measurable cost"),
            notes=_chance_notes(final, metric, cells)))
    # 2. layers, 3. prediction loss: best and worst picked on dev, compared on test
    for question, column, names in (
            ("layers", "layer_map", [map_text(m) for m in P.strategies]),
            ("pred_loss", "pred_loss", list(P.pred_losses))):
        best, worst = _best_and_worst(dev, P, question, column, names)
        if best is None:
            continue
        e = effect([(1, _cell(P, question, **{column: best})),
                    (-1, _cell(P, question, **{column: worst}))])
        label = vocab.pred_loss_label if question == "pred_loss" else str
        where = (f"from-teacher + KD, {P.strategy_depth} layers" if question == "layers"
                 else f"from-teacher + KD, {P.num_layers} layers")
        cells = {f"{label(name)}": _cell(P, question, **{column: name})
                 for name in (best, worst)}
        rows.append(claims.Claim(
            f"{vocab.QUESTIONS[question]} — the choice matters ({where})",
            f"{what}: best - worst of {len(names)} (picked on dev: {label(best)} and "
            f"{label(worst)})", e,
            answer=_answer(e, f"yes: {label(best)} beats {label(worst)} by {e.estimate:.3f}",
                           f"the dev ranking does not hold on test ({label(worst)} ahead)",
                           f"no measurable difference between {label(best)} and "
                           f"{label(worst)}"),
            notes=["best and worst picked on dev, compared on test"]
            + _chance_notes(final, metric, cells)))
    # 4. trimming
    if {True, False} <= set(P.trim_choices):
        gap = []
        for vocabulary, sign in ((TRIMMED, 1), (FULL, -1)):
            gap += [(sign, _cell(P, "trimming", init=vocab.FROM_TEACHER, vocabulary=vocabulary)),
                    (-sign, _cell(P, "trimming", init=vocab.FROM_BASE, vocabulary=vocabulary))]
        e = effect(gap)
        rows.append(claims.Claim(
            f"{vocab.QUESTIONS['trimming']} — trimming changes the from-teacher - from-base gap "
            "(KD)", f"{what}: (from-teacher - from-base, trimmed) - (same, full vocabulary)",
            e, answer=_answer(e, "yes: the gap is larger with trimming",
                              "yes: the gap is smaller with trimming",
                              "no: the comparison comes out the same either way"),
            notes=_trimming_notes(recs, P)))
    return rows


def _layers(n: int) -> str:
    return f"{n} layer" + ("" if n == 1 else "s")


def _answer(effect: stats.Interval, yes: str, reversed_: str, neither: str) -> str:
    """The plain-language answer for the row's verdict (holds / reversed / not shown)."""
    verdict = claims.verdict(effect)
    text = {claims.HOLDS: yes, claims.REVERSED: reversed_}.get(verdict)
    if text is None:
        text = neither + (f" ({effect.text()})" if effect.estimate == effect.estimate else "")
    return text[:1].upper() + text[1:]


def _chance_notes(final: pd.DataFrame, metric: str, cells: dict[str, dict]) -> list[str]:
    """"at chance: ..." for the compared cells whose runs are not clearly above the trivial
    baseline (``kitlib.claims.at_chance``), named by cell and seed."""
    hits = []
    for name, selector in cells.items():
        for flagged in claims.at_chance(select(final, selector), metric):
            hits.append(f"{name} (seed {flagged.rsplit('(seed ', 1)[-1]}")
    return [f"at chance: {', '.join(hits)}"] if hits else []


def _best_and_worst(dev: pd.DataFrame, P: RunParams, question: str, column: str,
                    names: list[str]) -> tuple[str | None, str | None]:
    """The configurations with the highest and lowest mean dev score (all languages)."""
    chosen = select(dev[dev.lang == vocab.ALL], _cell(P, question))
    chosen = chosen[chosen[column].isin(names)]
    means = chosen.groupby(column).value.mean().reindex(names).dropna()
    if len(means) < 2:
        return None, None
    ranked = means.sort_values(kind="mergesort")  # ties keep the parameters' order
    return ranked.index[-1], ranked.index[0]


def _trimming_notes(recs: pd.DataFrame, P: RunParams) -> list[str]:
    """Parameters and seconds per step of the from-teacher students, trimmed vs full."""
    notes = []
    for vocabulary in (TRIMMED, FULL):
        runs = select(recs, _cell(P, "trimming", init=vocab.FROM_TEACHER, vocabulary=vocabulary))
        params = runs[runs.metric == f"{vocab.PARAMS_PREFIX}total"].value
        step = runs[runs.metric == vocab.STEP_TIME].value
        if len(params) and len(step):
            notes.append(f"{vocabulary}: {params.mean():,.0f} parameters, "
                         f"{step.mean():.3f} s per step")
    return notes
