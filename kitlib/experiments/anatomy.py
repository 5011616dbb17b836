"""Notebook 01: what does a student copied from the teacher look like before any training?

For each layer map (which teacher layers are copied) and student depth: parameter counts
(teacher vs student, with and without the embedding matrix), the provenance of every
student weight, per-language layer similarity (linear CKA) between every teacher layer and
every student layer, and the per-language dev score with zero training.
:class:`AnatomyLab` rebuilds a student for any chosen list of teacher layers in seconds (the
notebook's layer picker, ``kitlib.layer_picker``).

Layer numbering (everywhere: text, records, heatmaps): teacher or student layer ``k`` is
the output of transformer layer k, 0-based as in layer maps; ``-1`` is the embedding output.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Sequence

import pandas as pd

from kitlib import vocab
from kitlib.experiments.runs import Plan, evaluate_at, execute, run_fields, run_id
from kitlib.experiments.setting import Setting, open_setting, teacher_config
from kitlib.experiments.tables import ExperimentResult, results_of
from kitlib.experiments.teachers import Teacher, shared_teacher, student_from
from kitlib.params import RunParams

ZERO_TRAINING = "zero-training"
FINE_TUNED = "fine-tuned"
FINE_TUNING = "fine-tuning"  # the teacher's training curve


def _param_records(model) -> list[dict]:
    from kitlib import models

    counts = models.count_parameters(model)
    return [{"step": 0, "epoch": 0.0, "split": "model", "lang": vocab.ALL,
             "lang_group": vocab.ALL, "metric": f"{vocab.PARAMS_PREFIX}{k}", "value": float(v),
             "n": None, "stderr": None, "wall_s": 0.0} for k, v in counts.items()]


def _similarity_records(teacher: Teacher, student, max_examples: int,
                        max_length: int = 64) -> list[dict]:
    """CKA of every teacher layer against every student layer, per language (records with
    ``teacher_layer`` / ``student_layer`` in the kit's numbering)."""
    from kitlib import models

    t0 = time.perf_counter()
    sim = models.layer_similarity(teacher.model, student, teacher.tokenizer, teacher.data.dev,
                                  layer_map=None, max_examples=max_examples,
                                  max_length=max_length, progress=False)
    wall = time.perf_counter() - t0
    return [{"step": 0, "epoch": 0.0, "split": "dev", "lang": r.lang,
             "lang_group": teacher.data.lang_group(r.lang), "metric": vocab.CKA,
             "value": float(r.cka), "n": int(r.n_tokens), "stderr": None, "wall_s": wall,
             "teacher_layer": int(r.teacher_layer), "student_layer": int(r.student_layer)}
            for r in sim.itertuples()]


def _zero_training_records(teacher: Teacher, student, cfg) -> list[dict]:
    """Dev scores of a student with no training (what ``models.zero_training_eval`` does,
    through ``kitlib.train.evaluate`` directly, with the run's batch size and max length)."""
    return evaluate_at(student, teacher.tokenizer, teacher.data, "dev", cfg, step=0, epoch=0.0)


def _depths(P: RunParams) -> list[int]:
    return P.num_layers if isinstance(P.num_layers, list) else [P.num_layers]


def plans_of(s: Setting) -> list[Plan]:
    """The runs of notebook 01, in order: the teacher (dev scores and curve) and one
    zero-training student per depth x layer map. Builds (or loads) the teacher first."""
    teacher = shared_teacher(s)
    plans = [_teacher_plan(s, teacher), _teacher_curve_plan(s, teacher)]
    for depth in _depths(s.P):
        for layer_map in s.P.layer_maps:
            plans.append(_student_plan(s, teacher, layer_map, depth))
    return plans


def run(P: RunParams, out_dir: str | None = None) -> ExperimentResult:
    """Every run notebook 01 promises; tables ``params``, ``provenance``, ``zero_training``,
    ``zero_training_records``, ``similarity``, ``summary``; ``extra["lab"]`` is the
    :class:`AnatomyLab` for the layer picker."""
    s = open_setting(P, out_dir)
    plans = plans_of(s)
    teacher = shared_teacher(s)  # held in memory by plans_of
    n_teacher = teacher.model.config.num_hidden_layers
    done, skipped = execute(s, plans, "01 anatomy")
    ids = [p.run_id for p in plans]
    df = results_of(s, ids)
    t = tables(df)
    lab = AnatomyLab(s, teacher, teacher_dev=t["zero_training_records"].query("role == 'teacher'"))
    provenance = lab.provenance(P.layer_maps[0], _depths(P)[0])
    result = ExperimentResult(df, t, ids, done, skipped,
                              extra={"lab": lab, "teacher_layers": n_teacher})
    result.tables["provenance"] = provenance
    return result


def _teacher_plan(s: Setting, teacher: Teacher) -> Plan:
    P = s.P
    n = teacher.model.config.num_hidden_layers
    fields = run_fields(P, teacher, role=vocab.TEACHER, init=None, kd=False, kd_terms=(),
                        layer_map="all", num_layers=n, subset=teacher.subset,
                        seed=P.teacher_seed, stage=FINE_TUNED)

    def do(emit):
        emit(_param_records(teacher.model))
        emit(evaluate_at(teacher.model, teacher.tokenizer, teacher.data, "dev",
                         teacher_config(P)))

    return Plan(run_id(P, "teacher", role="teacher", teacher_id=teacher.teacher_id),
                "teacher", fields, do)


def _teacher_curve_plan(s: Setting, teacher: Teacher) -> Plan:
    """The teacher's fine-tuning curve (training loss and dev score per step, and where
    early stopping found its best point), as the fine-tune recorded it in the cache."""
    from kitlib import train

    P = s.P
    fields = run_fields(P, teacher, role=vocab.TEACHER, init=None, kd=False, kd_terms=(),
                        layer_map="all", num_layers=teacher.model.config.num_hidden_layers,
                        subset=teacher.subset, seed=P.teacher_seed, stage=FINE_TUNING)

    def do(emit):
        emit(train.teacher_records(teacher.teacher_id))

    return Plan(run_id(P, "teacher-curve", role="teacher-curve", teacher_id=teacher.teacher_id),
                "teacher fine-tuning curve", fields, do)


def _student_plan(s: Setting, teacher: Teacher, layer_map: Any, depth: int) -> Plan:
    P = s.P
    name = layer_map if isinstance(layer_map, str) else ",".join(map(str, layer_map))
    fields = run_fields(P, teacher, role=vocab.STUDENT, init=vocab.FROM_TEACHER, kd=False,
                        kd_terms=(), layer_map=layer_map, num_layers=depth,
                        subset=P.train_subset, seed=P.teacher_seed, stage=ZERO_TRAINING,
                        model=f"{name} ({depth} layers)")

    def do(emit):
        student, _, layer_ids = student_from(s, teacher, vocab.FROM_TEACHER, layer_map, depth,
                                             P.teacher_seed)
        extra = {"layer_ids": ",".join(map(str, layer_ids))}
        emit([dict(r, **extra) for r in _param_records(student)])
        emit([dict(r, **extra) for r in _zero_training_records(teacher, student,
                                                                  teacher_config(P))])
        emit([dict(r, **extra) for r in _similarity_records(
            teacher, student, P.similarity_examples, P.max_length)])

    label = f"from-teacher-{name}-{depth}L"
    return Plan(run_id(P, label, role="zero-training", teacher_id=teacher.teacher_id,
                       layer_map=layer_map, num_layers=depth),
                label, fields, do)


def tables(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """``params`` (counts per model), ``zero_training`` (dev score per model and language),
    plot-ready ``zero_training_records`` (the teacher and the untrained students, main metric)
    and ``similarity`` (CKA records), and ``summary``."""
    if df.empty:
        return {}
    metric = vocab.main_metric(df.task.iloc[0])
    df = df.copy()
    df["model"] = [vocab.TEACHER if r == vocab.TEACHER else f"{m} ({int(n)} layers)"
                   for r, m, n in zip(df.role, df.layer_map, df.num_layers)]
    params = df[df.split == "model"].pivot_table(index="model", columns="metric",
                                                  values="value", aggfunc="first")
    params = params.rename(columns=lambda c: c.removeprefix(vocab.PARAMS_PREFIX)).astype("int64")
    curve = df[df.stage == FINE_TUNING] if "stage" in df.columns else df.iloc[:0]
    df = df.drop(curve.index)
    zero = df[(df.split == "dev") & (df.metric == metric)]
    zero_table = zero.pivot_table(index="model", columns="lang", values="value")
    zero_table = zero_table[vocab.language_order(zero_table.columns)]
    groups = [g for g in vocab.LANG_GROUPS if g in zero_table.columns]
    summary = params.join(zero_table[groups].add_prefix(f"dev {metric} "), how="left")
    return {"params": params, "zero_training": zero_table,
            "teacher_curve": curve.reset_index(drop=True),
            "zero_training_records": zero.reset_index(drop=True),
            "similarity": df[df.metric == vocab.CKA].reset_index(drop=True),
            "summary": summary}


@dataclass
class AnatomyLab:
    """Rebuild a from-teacher student for any layer choice, in seconds, without training.

    ``teacher_dev``: the teacher's own dev records (shown next to each student's)."""

    setting: Setting
    teacher: Teacher
    teacher_dev: pd.DataFrame | None = None

    @property
    def teacher_layers(self) -> int:
        return self.teacher.model.config.num_hidden_layers

    def provenance(self, layer_map: Any, depth: int) -> pd.DataFrame:
        from kitlib import models

        student, provenance, _ = student_from(self.setting, self.teacher, vocab.FROM_TEACHER,
                                              layer_map, depth, self.setting.P.teacher_seed)
        return models.provenance_table(provenance, student)

    def resolve(self, layers: Sequence[int] | str, depth: int | None = None) -> list[int]:
        """The teacher layers a choice copies: a layer-map name at ``depth``, or the given
        layers exactly (as chosen, in increasing order)."""
        from kitlib import models

        if isinstance(layers, str):
            return models.resolve_layer_map(layers, self.teacher_layers, int(depth),
                                            seed=self.setting.P.values.get("layer_map_seed", 0))
        chosen = sorted(int(i) for i in layers)
        return models.resolve_layer_map(chosen, self.teacher_layers, len(chosen))

    def try_layers(self, layers: Sequence[int] | str, depth: int | None = None,
                   max_examples: int | None = None) -> dict[str, Any]:
        """Student copied from teacher ``layers`` (a list, or a layer-map name with
        ``depth``): its zero-training dev records, CKA records (every teacher layer x every
        student layer) and sizes."""
        from kitlib import models

        P = self.setting.P
        if isinstance(layers, str) and depth is None:
            depth = _depths(P)[0]
        layer_ids = self.resolve(layers, depth)
        t0 = time.perf_counter()
        student, _, layer_ids = student_from(self.setting, self.teacher, vocab.FROM_TEACHER,
                                             layer_ids, len(layer_ids), P.teacher_seed)
        fields = run_fields(P, self.teacher, role=vocab.STUDENT, init=vocab.FROM_TEACHER,
                            kd=False, kd_terms=(), layer_map=layer_ids,
                            num_layers=len(layer_ids), subset=P.train_subset,
                            seed=P.teacher_seed, stage=ZERO_TRAINING, run_id="layer-picker",
                            model=f"layers {','.join(map(str, layer_ids))}")
        zero = pd.DataFrame([{**r, **fields} for r in _zero_training_records(
            self.teacher, student, teacher_config(P))])
        sim = pd.DataFrame([{**r, **fields} for r in _similarity_records(
            self.teacher, student, max_examples or P.similarity_examples, P.max_length)])
        return {"layers": layer_ids, "zero_training": zero, "similarity": sim,
                "params": models.count_parameters(student),
                "seconds": time.perf_counter() - t0}
