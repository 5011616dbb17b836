"""Runs: what one run of a notebook's grid is (its key, id and record fields), how a grid
of runs is executed against the results store, and the two kinds of run every notebook
has (the teacher's scores, and a student trained with or without KD).

Why: a run must be skipped exactly when its records are complete and redone exactly when
anything that determines them changed. Its id is therefore a hash of everything but the
grid lists (adding a seed must not redo the other seeds), and its records are written only
when it finishes (``ResultStore.run``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from kitlib import vocab
from kitlib.experiments.setting import (Setting, kd_config, student_config, teacher_config,
                                        text_progress)
from kitlib.experiments.teachers import Teacher, student_from
from kitlib.params import RunParams
from kitlib.paths import stable_hash
from kitlib.results import run_meta

# Grid parameters: they choose WHICH runs a notebook does, not how one run is done, so they
# are not part of a run's key (adding a seed must not redo the other seeds).
_GRID_KEYS = {"out_dir", "redo", "progress", "executor", "ray_address", "cpus_per_run",
              "gpus_per_run", "inits", "kd", "kd_ablation", "seeds", "subset",
              "train_languages", "layer_maps", "target_fraction", "num_layers", "layer_map",
              "teacher_data", "question_seeds", "depths", "strategy_depth", "strategies",
              "pred_losses", "trim_choices"}


def run_key(P: RunParams, **spec: Any) -> dict:
    """Everything that determines one run's records: the setting minus grid keys + spec."""
    setting_values = {k: v for k, v in P.values.items() if k not in _GRID_KEYS}
    return {"notebook": P.notebook, **setting_values, **spec}


def run_id(P: RunParams, label: str, **spec: Any) -> str:
    """Readable and unique: ``02-from-teacher-KD-s44-<hash>``."""
    safe = "".join(c if c.isalnum() or c in "._+=-" else "-" for c in label)
    return f"{P.notebook[:2]}-{safe}-{stable_hash(run_key(P, **spec), 10)}"


def run_fields(P: RunParams, teacher: Teacher, *, role: str, init: str | None, kd: bool,
               kd_terms: Iterable[str], layer_map: Any, num_layers: int, subset: float,
               seed: int, **extra: Any) -> dict:
    """The run-level columns every record gets (the record format of ``kitlib.results``).

    ``role`` is :data:`vocab.TEACHER` or :data:`vocab.STUDENT`; a teacher has no ``init``
    (None): it is its own series in every figure, never one of the inits."""
    if role not in vocab.ROLES:
        raise ValueError(f"role={role!r}; allowed: {vocab.ROLES}")
    if (role == vocab.TEACHER) != (init is None) or (init is not None and init not in vocab.INITS):
        raise ValueError(f"init={init!r} with role={role!r}: a student has one of "
                         f"{vocab.INITS}, the teacher none")
    data = teacher.data
    extra.setdefault("model", vocab.run_label(role, init, kd))
    extra.setdefault("weak_teacher", bool(getattr(teacher, "weak", False)))
    return {"notebook": P.notebook, "task": data.task, "dataset": P.dataset,
            "backbone": P.backbone, "backbone_source": getattr(teacher.ref, "source", None),
            "teacher_id": teacher.teacher_id, "role": role, "init": init, "kd": bool(kd),
            "kd_terms": "+".join(kd_terms) if kd else "",
            "layer_map": layer_map if isinstance(layer_map, str)
            else ",".join(map(str, layer_map)),
            "num_layers": int(num_layers), "subset": float(subset), "seed": int(seed), **extra}


class Sink:
    """Where a run sends what it measured: records (call it) and per-example outcomes.

    Records get the run's fields (and ``extra`` fields, see ``with_fields``); everything is
    kept in the run's buffer and written only when the run completes."""

    def __init__(self, run: Any, fields: dict, extra: dict | None = None) -> None:
        self.run, self.fields, self.extra = run, fields, dict(extra or {})

    def __call__(self, records: list[dict]) -> None:
        self.run.add([dict(r, **self.extra) for r in records], **self.fields)

    def outcomes(self, split: str, rows: list[dict]) -> None:
        self.run.add_outcomes(split, rows)

    def with_fields(self, **extra: Any) -> "Sink":
        return Sink(self.run, self.fields, {**self.extra, **extra})


@dataclass
class Plan:
    """One run of a grid: its id, label, record fields and what it does (``do(sink)``)."""

    run_id: str
    label: str
    fields: dict
    do: Callable[[Sink], None]
    meta: dict = field(default_factory=dict)


def run_plan(s: Setting, plan: Plan) -> None:
    """Run one plan and write its records to the store when it finishes (nothing of it is
    written if it raises). The one way a run is done, by every executor."""
    meta = run_meta(s.P.to_dict(), label=plan.label, **plan.meta)
    with s.store.run(plan.run_id, meta) as run, text_progress():
        plan.do(Sink(run, plan.fields))


def execute(s: Setting, plans: list[Plan], desc: str) -> tuple[list[str], list[str]]:
    """Run every plan not already complete (unless ``redo``); records go to the store.

    ``executor`` says how: ``local`` runs them one after another here, and a plan that
    raises writes nothing and the exception propagates (rerunning resumes from it); ``ray``
    runs each as a Ray task (:mod:`kitlib.experiments.ray_grid`), lets the others finish
    when one fails, and then raises one error naming every failed run.

    Returns (run ids done now, run ids skipped as complete).
    """
    from tqdm.std import tqdm

    todo = [p for p in plans if s.P.redo or not s.store.is_complete(p.run_id)]
    skipped = [p.run_id for p in plans if p not in todo]
    if skipped:
        s.log(f"{desc}: {len(skipped)} of {len(plans)} runs already complete in "
              f"{s.store.root} (set redo=True to rerun them)")
    if s.P.executor == "ray":
        from kitlib.experiments import ray_grid

        return ray_grid.execute_on_ray(s, todo, desc), skipped
    done = []
    bar = tqdm(todo, desc=desc, unit="run", disable=not s.progress)
    for plan in bar:
        bar.set_postfix_str(plan.label)
        s.log(f"run {plan.run_id}: {plan.label}")
        run_plan(s, plan)
        done.append(plan.run_id)
    return done, skipped


def evaluate_at(model: Any, tokenizer: Any, data: Any, split: str, cfg: Any, step: int = 0,
                epoch: float | None = 0.0, sink: Sink | None = None) -> list[dict]:
    """``kitlib.train.evaluate`` records stamped with the step they belong to; with a
    ``sink``, the per-example outcomes go to it too (for the claims' bootstrap)."""
    from kitlib import train

    outcomes: list[dict] | None = [] if sink is not None else None
    recs = train.evaluate(model, tokenizer, data, split, batch_size=cfg.eval_batch_size,
                          max_length=cfg.max_length, mixed_precision=cfg.mixed_precision,
                          outcomes=outcomes)
    if sink is not None and hasattr(sink, "outcomes"):
        sink.outcomes(split, outcomes)
    for r in recs:
        r["step"], r["epoch"] = step, epoch
    return recs


def train_and_test(s: Setting, student: Any, teacher: Teacher, data: Any, cfg: Any, kd: Any,
                   layer_ids: list[int], emit: Sink) -> Any:
    """Train a student (fine-tune or KD) with dev curves, then evaluate it on test; returns
    the trained student.

    ``layer_ids`` are the teacher layers the student was copied from; KD matches hidden
    states and attentions through ``kd_layer_map`` instead (see below)."""
    from kitlib import models, train
    from kitlib.distill.cache import TeacherCache

    cache = None
    if kd is not None:
        # The KD map is separate from the copy map: with the default copy map "alternate"
        # (0,2,..,10) matching layer i to teacher layer 2i would pull the student's top
        # layer toward teacher layer 10 while its copied head reads layer 11. TinyBERT matches
        # each student layer to the last teacher layer of its block ("last_of_block").
        layer_ids = models.resolve_layer_map(s.P.values.get("kd_layer_map", layer_ids),
                                             teacher.model.config.num_hidden_layers,
                                             student.config.num_hidden_layers,
                                             seed=s.P.values.get("layer_map_seed", 0),
                                             warn_unsorted=False)
        cache = TeacherCache(teacher.model, teacher.tokenizer, data,
                                     max_length=s.P.max_length, layer_map=layer_ids,
                                     need_hidden=kd.need_hidden, need_attn=kd.need_attn,
                                     progress=s.progress, mixed_precision=s.P.mixed_precision)
    last = {"step": 0, "epoch": 0.0}

    def on_records(recs: list[dict]) -> None:
        for r in recs:
            if r.get("step") is not None:
                last["step"], last["epoch"] = r["step"], r.get("epoch")
        emit(recs)

    model = train.train(student, teacher.tokenizer, data, cfg, kd=kd, teacher_cache=cache,
                        layer_map=layer_ids if kd is not None else None, eval_split="dev",
                        on_records=on_records, progress=s.progress)
    emit(evaluate_at(model, teacher.tokenizer, data, "test", cfg, **last, sink=emit))
    return model


def size_and_speed(model: Any, tokenizer: Any, data: Any, cfg: Any) -> list[dict]:
    """Records of a model's size (``params_total`` / ``_embeddings`` / ``_non_embedding``)
    and its measured inference speed on test (``examples_per_s``, best of 3 passes), on the
    ``model`` split so that they never mix with scores."""
    from kitlib import models, train

    counts = models.count_parameters(model)
    speed = train.inference_speed(model, tokenizer, data, "test", batch_size=cfg.eval_batch_size,
                                  max_length=cfg.max_length, mixed_precision=cfg.mixed_precision)
    rows = [(f"{vocab.PARAMS_PREFIX}{k}", float(v), None) for k, v in counts.items()]
    rows.append((vocab.INFERENCE_SPEED, float(speed["examples_per_s"]), int(speed["n"])))
    return [{"step": 0, "epoch": None, "split": "model", "lang": vocab.ALL,
             "lang_group": vocab.ALL, "metric": metric, "value": value, "n": n,
             "stderr": None, "wall_s": speed["seconds"] if n else 0.0}
            for metric, value, n in rows]


def teacher_plan(s: Setting, teacher: Teacher, *, subset: float | None = None,
                 **extra: Any) -> Plan:
    """The teacher's dev and test scores as a run of this notebook (role = teacher)."""
    P = s.P
    subset = teacher.subset if subset is None else subset
    n_layers = teacher.model.config.num_hidden_layers
    fields = run_fields(P, teacher, role=vocab.TEACHER, init=None, kd=False, kd_terms=(),
                        layer_map="all", num_layers=n_layers, subset=subset,
                        seed=P.teacher_seed, **extra)
    label = "teacher" + "".join(f"-{v}" for v in extra.values()) + \
        (f"-subset{subset:g}" if subset < 1 else "")

    def do(emit):
        cfg = teacher_config(P)
        emit([dict(r) for r in teacher.dev_records] if teacher.dev_records else
             evaluate_at(teacher.model, teacher.tokenizer, teacher.data, "dev", cfg))
        emit(evaluate_at(teacher.model, teacher.tokenizer, teacher.data, "test", cfg, sink=emit))

    rid = run_id(P, label, role="teacher", teacher_id=teacher.teacher_id, subset=subset, **extra)
    return Plan(rid, label, fields, do)


def student_plan(s: Setting, teacher: Teacher, data: Any, *, init: str,
                 kd_terms: list[str] | None, seed: int, subset: float | None = None,
                 layer_map: Any = None, num_layers: int | None = None, label: str | None = None,
                 measure: bool = False, **extra: Any) -> Plan:
    """One student: build it from ``teacher`` with ``init``, train it on ``data`` with KD
    (``kd_terms``) or without (``None``), record dev curves and test scores; with
    ``measure``, also its size and inference speed (:func:`size_and_speed`). ``label``
    replaces the readable part of the run id (the hash still identifies the run)."""
    P = s.P
    subset = P.values.get("train_subset", 1.0) if subset is None else subset
    layer_map = P.layer_map if layer_map is None else layer_map
    num_layers = P.num_layers if num_layers is None else num_layers
    kd = kd_terms is not None
    terms = list(kd_terms or [])
    fields = run_fields(P, teacher, role=vocab.STUDENT, init=init, kd=kd, kd_terms=terms,
                        layer_map=layer_map, num_layers=num_layers, subset=subset, seed=seed,
                        **extra)
    default_label = f"{init}-{vocab.kd_label(kd).replace(' ', '')}" + (
        f"[{'+'.join(terms)}]" if kd and terms != list(P.kd_terms) else "") \
        + f"-s{seed}" + "".join(f"-{v}" for v in extra.values()) \
        + (f"-subset{subset:g}" if subset < 1 else "")
    label = label or default_label
    spec = dict(role="student", teacher_id=teacher.teacher_id, data=data.fingerprint(),
                init=init, kd_terms=terms if kd else None, seed=seed, subset=subset,
                layer_map=layer_map, num_layers=num_layers, **extra)
    if measure:
        spec["measure"] = True

    def do(emit):
        student, _, layer_ids = student_from(s, teacher, init, layer_map, num_layers, seed)
        cfg = student_config(P, seed, len(data.train))
        kdc = kd_config(P, terms) if kd else None
        emit = emit.with_fields(layer_ids=",".join(map(str, layer_ids)))
        model = train_and_test(s, student, teacher, data, cfg, kdc, layer_ids, emit)
        if measure:
            emit(size_and_speed(model, teacher.tokenizer, data, cfg))

    return Plan(run_id(P, label, **spec), label, fields, do)
