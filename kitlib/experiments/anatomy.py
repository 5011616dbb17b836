"""Notebook 01: what does a student copied from the teacher look like before any training?

For each layer map (which teacher layers are copied) and student depth: parameter counts
(teacher vs student, with and without the embedding matrix), the provenance of every
student weight, per-language layer similarity (linear CKA) between teacher and student
layers, and the per-language dev score with zero training. :class:`AnatomyLab` rebuilds a
student for any chosen list of teacher layers in seconds (the notebook's layer picker).
"""
from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from typing import Any, Sequence

import pandas as pd

from kitlib.experiments.common import (ExperimentResult, Plan, Setting, Teacher, build_student,
                                       evaluate, execute, get_teacher, load_data, main_metric,
                                       results_of, run_fields, run_id, setting, teacher_config,
                                       text_progress)
from kitlib.errors import KitError
from kitlib.params import RunParams


def _param_records(model) -> list[dict]:
    from kitlib import models

    counts = models.count_parameters(model)
    return [{"step": 0, "epoch": 0.0, "split": "model", "lang": "all", "lang_group": "all",
             "metric": f"params_{k}", "value": float(v), "n": None, "stderr": None,
             "wall_s": 0.0} for k, v in counts.items()]


def _similarity_records(teacher: Teacher, student, layer_ids: Sequence[int],
                        max_examples: int, max_length: int = 64) -> list[dict]:
    from kitlib import models

    t0 = time.perf_counter()
    sim = models.layer_similarity(teacher.model, student, teacher.tokenizer, teacher.data.dev,
                                  layer_map=list(layer_ids), max_examples=max_examples,
                                  max_length=max_length, progress=False)
    wall = time.perf_counter() - t0
    return [{"step": 0, "epoch": 0.0, "split": "dev", "lang": r.lang,
             "lang_group": "all" if r.lang == "all" else teacher.data.lang_group(r.lang),
             "metric": "cka", "value": float(r.cka), "n": None, "stderr": None, "wall_s": wall,
             "teacher_layer": int(r.teacher_layer), "student_layer": int(r.student_layer)}
            for r in sim.itertuples()]


def _zero_training_records(teacher: Teacher, student, cfg) -> list[dict]:
    """Dev scores of a student with no training (what ``models.zero_training_eval`` does,
    through ``kitlib.train.evaluate`` directly, with the run's batch size and max length)."""
    return evaluate(student, teacher.tokenizer, teacher.data, "dev", cfg, step=0, epoch=0.0)


def _depths(P: RunParams) -> list[int]:
    return P.num_layers if isinstance(P.num_layers, list) else [P.num_layers]


def run(P: RunParams, out_dir: str | None = None) -> ExperimentResult:
    """Every run notebook 01 promises; tables ``params``, ``provenance``, ``zero_training``,
    ``summary``; ``extra["lab"]`` is the :class:`AnatomyLab` for the layer picker."""
    s = setting(P, out_dir)
    data = load_data(s)
    teacher = get_teacher(s, data)
    n_teacher = teacher.model.config.num_hidden_layers
    plans = [_teacher_plan(s, teacher)]
    for depth in _depths(P):
        for layer_map in P.layer_maps:
            plans.append(_student_plan(s, teacher, layer_map, depth))
    done, skipped = execute(s, plans, "01 anatomy")
    ids = [p.run_id for p in plans]
    df = results_of(s, ids)
    lab = AnatomyLab(s, teacher)
    first = P.layer_maps[0]
    provenance = lab.provenance(first, _depths(P)[0])
    result = ExperimentResult(df, tables(df), ids, done, skipped,
                              extra={"lab": lab, "teacher_layers": n_teacher})
    result.tables["provenance"] = provenance
    return result


def _teacher_plan(s: Setting, teacher: Teacher) -> Plan:
    P = s.P
    n = teacher.model.config.num_hidden_layers
    fields = run_fields(P, teacher, init="teacher", kd=False, kd_terms=(), layer_map="all",
                        num_layers=n, subset=P.train_subset, seed=P.teacher_seed,
                        stage="fine-tuned")

    def do(emit):
        emit(_param_records(teacher.model))
        emit(evaluate(teacher.model, teacher.tokenizer, teacher.data, "dev",
                      teacher_config(P)))

    return Plan(run_id(P, "teacher", role="teacher", teacher_id=teacher.teacher_id),
                "teacher", fields, do)


def _student_plan(s: Setting, teacher: Teacher, layer_map: Any, depth: int) -> Plan:
    P = s.P
    name = layer_map if isinstance(layer_map, str) else ",".join(map(str, layer_map))
    fields = run_fields(P, teacher, init="from-teacher", kd=False, kd_terms=(),
                        layer_map=layer_map, num_layers=depth, subset=P.train_subset,
                        seed=P.teacher_seed, stage="zero-training", model=f"{name} ({depth} layers)")

    def do(emit):
        student, _, layer_ids = build_student(s, teacher, "from-teacher", layer_map, depth,
                                              P.teacher_seed)
        extra = {"layer_ids": ",".join(map(str, layer_ids))}
        emit([dict(r, **extra) for r in _param_records(student)])
        emit([dict(r, **extra) for r in _zero_training_records(teacher, student,
                                                                  teacher_config(P))])
        emit([dict(r, **extra) for r in _similarity_records(
            teacher, student, layer_ids, P.similarity_examples, P.max_length)])

    label = f"from-teacher-{name}-{depth}L"
    return Plan(run_id(P, label, role="zero-training", teacher_id=teacher.teacher_id,
                       layer_map=layer_map, num_layers=depth), label, fields, do)


def tables(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    if df.empty:
        return {}
    metric = main_metric(df.task.iloc[0])
    df = df.copy()
    df["model"] = df.apply(lambda r: "teacher" if r.init == "teacher"
                           else f"{r.layer_map} ({int(r.num_layers)} layers)", axis=1)
    params = df[df.split == "model"].pivot_table(index="model", columns="metric",
                                                  values="value", aggfunc="first")
    params = params.rename(columns=lambda c: c.removeprefix("params_"))
    zero = df[(df.split == "dev") & (df.metric == metric)]
    zero_table = zero.pivot_table(index="model", columns="lang", values="value")
    groups = [g for g in ("all", "seen", "unseen", "all_but_en") if g in zero_table.columns]
    zero_table = zero_table[[c for c in zero_table.columns if c not in groups] + groups]
    summary = params.join(zero_table[groups].add_prefix(f"dev {metric} "), how="left")
    return {"params": params, "zero_training": zero_table, "summary": summary}


@dataclass
class AnatomyLab:
    """Rebuild a from-teacher student for any layer choice, in seconds, without training."""

    setting: Setting
    teacher: Teacher

    @property
    def teacher_layers(self) -> int:
        return self.teacher.model.config.num_hidden_layers

    def provenance(self, layer_map: Any, depth: int) -> pd.DataFrame:
        from kitlib import models

        student, provenance, _ = build_student(self.setting, self.teacher, "from-teacher",
                                               layer_map, depth, self.setting.P.teacher_seed)
        return models.provenance_table(provenance, student)

    def try_layers(self, layers: Sequence[int] | str, depth: int | None = None,
                   max_examples: int | None = None) -> dict[str, Any]:
        """Student copied from teacher ``layers`` (a list, or a layer-map name with
        ``depth``): its zero-training dev records, CKA similarity records and sizes."""
        from kitlib import models

        if isinstance(layers, str):
            depth = depth or self.setting.P.num_layers
            if isinstance(depth, list):
                depth = depth[0]
        else:
            layers = sorted(int(i) for i in layers)
            if not layers:
                raise ValueError("choose at least one teacher layer")
            depth = len(layers)
        t0 = time.perf_counter()
        student, _, layer_ids = build_student(self.setting, self.teacher, "from-teacher",
                                              layers, depth, self.setting.P.teacher_seed)
        fields = run_fields(self.setting.P, self.teacher, init="from-teacher", kd=False,
                            kd_terms=(), layer_map=layer_ids, num_layers=depth,
                            subset=self.setting.P.train_subset,
                            seed=self.setting.P.teacher_seed, stage="zero-training",
                            run_id="layer-picker",
                            model=f"layers {','.join(map(str, layer_ids))}")
        zero = pd.DataFrame([{**r, **fields} for r in _zero_training_records(
            self.teacher, student, teacher_config(self.setting.P))])
        sim = pd.DataFrame([{**r, **fields} for r in _similarity_records(
            self.teacher, student, layer_ids,
            max_examples or self.setting.P.similarity_examples, self.setting.P.max_length)])
        return {"layers": layer_ids, "zero_training": zero, "similarity": sim,
                "params": models.count_parameters(student),
                "seconds": time.perf_counter() - t0}


def layer_picker(lab: AnatomyLab, initial: Any = None):
    """The notebook's layer picker: choose teacher layers (or a named map and a depth),
    rebuild the from-teacher student and redraw its zero-training scores and CKA heatmap.

    It draws once for ``initial`` (default: the first of ``layer_maps``) so that a headless
    run shows the same output an interactive one starts with.
    """
    import ipywidgets as W
    from IPython.display import display

    from kitlib import plots

    P = lab.setting.P
    n = lab.teacher_layers
    depths = P.num_layers if isinstance(P.num_layers, list) else [P.num_layers]
    names = list(dict.fromkeys(m for m in P.layer_maps if isinstance(m, str)))
    choice = W.Dropdown(options=names + ["custom"], description="layer map")
    depth = W.IntSlider(value=depths[0], min=1, max=n, description="depth")
    layers = W.SelectMultiple(options=list(range(n)), rows=min(n, 12),
                              description="teacher layers")
    button = W.Button(description="Build student", button_style="primary")
    out = W.Output()

    def draw(_=None, *, into_widget: bool = True) -> None:
        spec = list(layers.value) if choice.value == "custom" else choice.value
        # The first drawing goes straight into the cell's output, not through the Output
        # widget: output captured by a widget during a papermill/nbclient run left nbclient
        # waiting forever after the cell had finished. Clicks redraw inside the widget.
        target = out if into_widget else contextlib.nullcontext()
        with target:
            if into_widget:
                out.clear_output(wait=True)
            if not spec:
                print("Pick at least one teacher layer.")
                return
            try:
                with text_progress():
                    rep = lab.try_layers(spec, depth.value)
            except KitError as err:
                print(err)
                return
            zero = rep["zero_training"]
            metric = "accuracy" if "accuracy" in set(zero.metric) else "f1_strict"
            all_score = zero[(zero.lang == "all") & (zero.metric == metric)].value
            print(f"student copies teacher layers {rep['layers']} ({len(rep['layers'])} layers, "
                  f"{rep['params']['total']:,} parameters); dev {metric} with zero training: "
                  f"{float(all_score.iloc[0]):.3f} (built in {rep['seconds']:.1f}s)")
            plots.per_language_bars(zero, metric=metric, color="model",
                                    title="Zero-training dev score").show()
            plots.heatmaps(rep["similarity"], value="value",
                           title=f"CKA, teacher layers {rep['layers']}").show()

    def sync(_=None) -> None:
        if choice.value != "custom":
            from kitlib import models

            try:
                layers.value = tuple(models.resolve_layer_map(choice.value, n, depth.value))
            except KitError as err:
                with out:
                    print(err)

    choice.observe(sync, names="value")
    depth.observe(sync, names="value")
    button.on_click(draw)
    if initial is not None:
        if isinstance(initial, str):
            choice.value = initial
        else:
            choice.value = "custom"
            layers.value = tuple(initial)
    elif names:
        choice.value = names[0]
    else:
        choice.value = "custom"
        layers.value = tuple(P.layer_maps[0])
    sync()
    draw(into_widget=False)
    return W.VBox([W.HBox([choice, depth, button]), layers, out])
