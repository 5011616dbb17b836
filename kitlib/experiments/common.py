"""The pipeline every notebook shares: data -> backbone -> teacher -> students -> records.

Why one module: the four experiments differ only in *which* students they train and how
they summarize them; loading data, getting the (cached, shared) teacher, building students,
training with or without KD and writing records must be identical everywhere, so that a
difference between notebooks is never a difference in plumbing.

Heavy libraries (torch, transformers) are imported only inside the functions that need
them, after the parameters were validated.
"""
from __future__ import annotations

import contextlib
import math
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

import pandas as pd

from kitlib.params import RunParams
from kitlib.paths import stable_hash
from kitlib.results import ResultStore, load, run_meta

# Grid parameters: they choose WHICH runs a notebook does, not how one run is done, so they
# are not part of a run's key (adding a seed must not redo the other seeds).
_GRID_KEYS = {"out_dir", "redo", "progress", "inits", "kd", "kd_ablation", "seeds", "subset",
              "train_languages", "layer_maps", "target_fraction", "num_layers", "layer_map",
              "teacher_data"}


def main_metric(task: str) -> str:
    """The metric tables and plots lead with: accuracy, or strict entity F1 for tagging."""
    return "accuracy" if task == "classification" else "f1_strict"


def kd_label(kd: bool) -> str:
    return "KD" if kd else "no KD"


@dataclass
class Teacher:
    """A fine-tuned teacher with the data it was trained on (cached by content key)."""

    model: Any
    tokenizer: Any
    teacher_id: str
    data: Any
    ref: Any


@dataclass
class Setting:
    """What one experiment needs: params, store, backbone reference, and caches in memory."""

    P: RunParams
    store: ResultStore
    ref: Any = None
    teachers: dict = field(default_factory=dict)
    bases: dict = field(default_factory=dict)
    datasets: dict = field(default_factory=dict)

    @property
    def progress(self) -> bool:
        return bool(self.P.progress)

    def log(self, msg: str) -> None:
        """Progress lines on stdout (papermill --log-output shows them)."""
        print(f"[kitlib {time.strftime('%H:%M:%S')}] {msg}", flush=True)


@contextlib.contextmanager
def text_progress() -> Iterator[None]:
    """Inside this block ``tqdm.auto`` draws plain-text bars on stderr, also in a kernel.

    Why: notebook (widget) bars are invisible in ``papermill --log-output`` and leave
    dozens of widget outputs in executed notebooks; we also saw nbclient stall at the end
    of a run whose kernel had drawn many of them. Text bars on stderr show in the log and
    in the notebook alike. The previous class is restored on exit.
    """
    import tqdm.auto
    import tqdm.std

    from transformers.utils import logging as hf_logging

    saved = tqdm.auto.tqdm
    hf_bars = hf_logging.is_progress_bar_enabled()
    tqdm.auto.tqdm = tqdm.std.tqdm
    hf_logging.disable_progress_bar()  # "Loading weights" bars: widgets, imported early
    try:
        yield
    finally:
        tqdm.auto.tqdm = saved
        if hf_bars:
            hf_logging.enable_progress_bar()


def setting(P: RunParams, out_dir: str | None = None) -> Setting:
    """Open the results store and resolve the backbone (converting it offline once)."""
    from kitlib import models

    store = ResultStore(out_dir or P.out_dir)
    s = Setting(P, store)
    s.log(f"{P.notebook}: backbone {P.backbone!r} (source {P.backbone_source}), "
          f"dataset {P.dataset!r}, results in {store.root}")
    with text_progress():
        s.ref = models.resolve_backbone(P.backbone, source=P.backbone_source,
                                        progress=P.progress)
    return s


# --------------------------------------------------------------------------- data
def load_data(s: Setting, **selection: Any):
    """``kitlib.data.load`` with the notebook's selection, memoized per selection."""
    from kitlib import data as kdata

    P = s.P
    sel = {"languages": P.languages, "max_eval_per_lang": P.max_eval_per_lang, **selection}
    if "subset" not in sel and P.values.get("train_subset", 1.0) < 1.0:
        sel["subset"] = P.train_subset
    if sel.get("subset") == 1.0:
        del sel["subset"]
    if P.dataset.startswith("pocket-"):
        sel["size"] = P.size
    if P.data_dir is not None:
        sel["data_dir"] = P.data_dir
    key = stable_hash(sel)
    if key not in s.datasets:
        s.datasets[key] = kdata.load(P.dataset, **sel)
    return s.datasets[key]


# --------------------------------------------------------------------------- configs
def _step_budget(P: RunParams, epochs: int, n_train: int | None, max_steps: int | None):
    """``max_steps`` raised to ``min_steps`` when ``epochs`` over ``n_train`` examples would
    give fewer optimizer steps (else unchanged, so the run's key stays the same).

    Why: with epochs alone, a teacher fine-tuned on English only (108 pocket examples) got
    8 steps and stayed at chance, which says nothing about zero-shot transfer."""
    if max_steps is not None or n_train is None or not P.values.get("min_steps"):
        return max_steps
    steps = math.ceil(epochs * math.ceil(n_train / P.batch_size) / P.grad_accum)
    return P.min_steps if steps < P.min_steps else None


def teacher_config(P: RunParams, n_train: int | None = None):
    from kitlib.train import TrainConfig

    return TrainConfig(epochs=P.teacher_epochs, lr=P.teacher_lr, batch_size=P.batch_size,
                       warmup_ratio=P.warmup_ratio, weight_decay=P.weight_decay,
                       max_length=P.max_length, seed=P.teacher_seed, eval_every=0,
                       grad_accum=P.grad_accum, mixed_precision=P.mixed_precision,
                       max_steps=_step_budget(P, P.teacher_epochs, n_train, P.teacher_max_steps))


def student_config(P: RunParams, seed: int, n_train: int):
    """Student hyperparameters; ``eval_every`` null = one dev evaluation per epoch."""
    from kitlib.train import TrainConfig

    steps_per_epoch = max(1, math.ceil(n_train / P.batch_size / P.grad_accum))
    every = P.eval_every or steps_per_epoch
    return TrainConfig(epochs=P.student_epochs, lr=P.lr, batch_size=P.batch_size,
                       warmup_ratio=P.warmup_ratio, weight_decay=P.weight_decay,
                       max_length=P.max_length, seed=seed, eval_every=every,
                       grad_accum=P.grad_accum, mixed_precision=P.mixed_precision,
                       max_steps=_step_budget(P, P.student_epochs, n_train, P.max_steps),
                       log_every=max(1, min(10, every)))


def kd_config(P: RunParams, terms: Iterable[str]):
    """KD with ``terms`` (weights from ``kd_weights``) plus cross-entropy on gold labels."""
    from kitlib.distill import KDConfig

    weights = {t: P.kd_weights[t] for t in terms}
    weights["ce"] = P.kd_weights["ce"]
    return KDConfig(terms=weights, temperature=P.kd_temperature, pred_loss=P.kd_pred_loss,
                    stages=P.kd_stages)


# --------------------------------------------------------------------------- teacher / base
def get_teacher(s: Setting, data) -> Teacher:
    """The fine-tuned teacher for ``data`` (fine-tuned once per content key, then cached on
    disk and shared by every notebook)."""
    from kitlib import train

    key = data.fingerprint()
    if key not in s.teachers:
        t0 = time.perf_counter()
        s.log(f"teacher: fine-tuning or loading from cache ({len(data.train)} training examples)")
        with text_progress():
            model, tok, teacher_id = train.get_teacher(s.ref, data, teacher_config(s.P, len(data.train)),
                                                       trim=s.P.trim_vocab,
                                                       progress=s.progress)
        s.log(f"teacher {teacher_id} ready in {time.perf_counter() - t0:.1f}s")
        s.teachers[key] = Teacher(model, tok, teacher_id, data, s.ref)
    return s.teachers[key]


def get_base(s: Setting, teacher: Teacher):
    """The pretrained (not fine-tuned) backbone with a fresh task head, trimmed to the
    teacher's vocabulary so that from-base students share the teacher's tokenizer."""
    from kitlib import models, train

    if teacher.teacher_id not in s.bases:
        data = teacher.data
        base = models.load_task_model(s.ref, data.task, len(data.label_names))
        vocab_map = getattr(teacher.model, "kit_vocab_map", None)
        if vocab_map is None and s.P.trim_vocab:
            vocab_map = train.teacher_vocab_map(teacher.teacher_id)
        if vocab_map is not None:
            base = models.apply_vocab_map(base, vocab_map)
        s.bases[teacher.teacher_id] = base
    return s.bases[teacher.teacher_id]


def build_student(s: Setting, teacher: Teacher, init: str, layer_map: Any, num_layers: int,
                  seed: int):
    """(student, provenance, teacher layer indices) for an init in the paper's vocabulary."""
    from kitlib import models

    base = get_base(s, teacher) if init == "from-base" else None
    n_teacher = teacher.model.config.num_hidden_layers
    layer_ids = models.resolve_layer_map(layer_map, n_teacher, num_layers)
    student, provenance = models.build_student(
        teacher.model, init=init.removeprefix("from-"), layer_map=layer_ids,
        num_layers=num_layers, base=base, seed=seed)
    return student, provenance, list(layer_ids)


# --------------------------------------------------------------------------- runs
def run_key(P: RunParams, **spec: Any) -> dict:
    """Everything that determines one run's records: the setting minus grid keys + spec."""
    setting_values = {k: v for k, v in P.values.items() if k not in _GRID_KEYS}
    return {"notebook": P.notebook, **setting_values, **spec}


def run_id(P: RunParams, label: str, **spec: Any) -> str:
    """Readable and unique: ``02-from-teacher-KD-s44-<hash>``."""
    safe = "".join(c if c.isalnum() or c in "._+=-" else "-" for c in label)
    return f"{P.notebook[:2]}-{safe}-{stable_hash(run_key(P, **spec), 10)}"


def run_fields(P: RunParams, teacher: Teacher, *, init: str, kd: bool, kd_terms: Iterable[str],
               layer_map: Any, num_layers: int, subset: float, seed: int, **extra: Any) -> dict:
    """The run-level columns every record gets (DESIGN.md, "The record")."""
    data = teacher.data
    extra.setdefault("model", "teacher" if init == "teacher" else f"{init}, {kd_label(kd)}")
    return {"notebook": P.notebook, "task": data.task, "dataset": P.dataset,
            "backbone": P.backbone, "backbone_source": getattr(teacher.ref, "source", None),
            "teacher_id": teacher.teacher_id, "init": init, "kd": bool(kd),
            "kd_terms": "+".join(kd_terms) if kd else "",
            "layer_map": layer_map if isinstance(layer_map, str)
            else ",".join(map(str, layer_map)),
            "num_layers": int(num_layers), "subset": float(subset), "seed": int(seed), **extra}


@dataclass
class Plan:
    """One run of a grid: its id, label, spec (for the key) and what it does."""

    run_id: str
    label: str
    fields: dict
    do: Callable[[Callable[[list[dict]], None]], None]
    meta: dict = field(default_factory=dict)


def execute(s: Setting, plans: list[Plan], desc: str) -> tuple[list[str], list[str]]:
    """Run every plan not already complete (unless ``redo``); records go to the store.

    Returns (run ids done now, run ids skipped as complete). A plan that raises writes
    nothing and the exception propagates (rerunning resumes from it).
    """
    from tqdm.std import tqdm

    done, skipped = [], []
    todo = [p for p in plans if s.P.redo or not s.store.is_complete(p.run_id)]
    skipped = [p.run_id for p in plans if p not in todo]
    if skipped:
        s.log(f"{desc}: {len(skipped)} of {len(plans)} runs already complete in "
              f"{s.store.root} (set redo=True to rerun them)")
    bar = tqdm(todo, desc=desc, unit="run", disable=not s.progress)
    for plan in bar:
        bar.set_postfix_str(plan.label)
        s.log(f"run {plan.run_id}: {plan.label}")
        meta = run_meta(s.P.to_dict(), label=plan.label, **plan.meta)
        with s.store.run(plan.run_id, meta) as run, text_progress():
            plan.do(lambda recs: run.add(recs, **plan.fields))
        done.append(plan.run_id)
    return done, skipped


def train_and_test(s: Setting, student, teacher: Teacher, data, cfg, kd, layer_ids,
                   emit: Callable[[list[dict]], None]) -> None:
    """Train a student (fine-tune or KD) with dev curves, then evaluate it on test.

    ``layer_ids`` are the teacher layers the student was copied from; KD matches hidden
    states and attentions through ``kd_layer_map`` instead (see below)."""
    from kitlib import distill, models, train

    cache = None
    if kd is not None:
        # The KD map is separate from the copy map: with the default copy map "alternate"
        # (0,2,..,10) matching layer i to teacher layer 2i would pull the student's top
        # layer toward teacher layer 10 while its copied head reads layer 11. TinyBERT matches
        # each student layer to the last teacher layer of its block ("last_of_block").
        layer_ids = models.resolve_layer_map(s.P.values.get("kd_layer_map", layer_ids),
                                             teacher.model.config.num_hidden_layers,
                                             student.config.num_hidden_layers)
        cache = distill.TeacherCache(teacher.model, teacher.tokenizer, data,
                                     max_length=s.P.max_length, layer_map=layer_ids,
                                     need_hidden=kd.need_hidden, need_attn=kd.need_attn,
                                     progress=s.progress)
    last = {"step": 0, "epoch": 0.0}

    def on_records(recs: list[dict]) -> None:
        for r in recs:
            if r.get("step") is not None:
                last["step"], last["epoch"] = r["step"], r.get("epoch")
        emit(recs)

    model = train.train(student, teacher.tokenizer, data, cfg, kd=kd, teacher_cache=cache,
                        layer_map=layer_ids if kd is not None else None, eval_split="dev",
                        on_records=on_records, progress=s.progress)
    emit(evaluate(model, teacher.tokenizer, data, "test", cfg, **last))


def evaluate(model, tokenizer, data, split: str, cfg, step: int = 0,
             epoch: float | None = 0.0) -> list[dict]:
    from kitlib import train

    recs = train.evaluate(model, tokenizer, data, split, batch_size=cfg.eval_batch_size,
                          max_length=cfg.max_length)
    for r in recs:
        r["step"], r["epoch"] = step, epoch
    return recs


def teacher_plan(s: Setting, teacher: Teacher, *, subset: float | None = None,
                 **extra: Any) -> Plan:
    """The teacher's dev and test scores as a run of this notebook (init = "teacher")."""
    P = s.P
    subset = P.values.get("train_subset", 1.0) if subset is None else subset
    n_layers = teacher.model.config.num_hidden_layers
    fields = run_fields(P, teacher, init="teacher", kd=False, kd_terms=(), layer_map="all",
                        num_layers=n_layers, subset=subset, seed=P.teacher_seed, **extra)
    label = "teacher" + "".join(f"-{v}" for v in extra.values()) + \
        (f"-subset{subset:g}" if subset < 1 else "")

    def do(emit):
        cfg = teacher_config(P)
        for split in ("dev", "test"):
            emit(evaluate(teacher.model, teacher.tokenizer, teacher.data, split, cfg))

    rid = run_id(P, label, role="teacher", teacher_id=teacher.teacher_id, subset=subset, **extra)
    return Plan(rid, label, fields, do)


def student_plan(s: Setting, teacher: Teacher, data, *, init: str, kd_terms: list[str] | None,
                 seed: int, subset: float | None = None, layer_map: Any = None,
                 num_layers: int | None = None, **extra: Any) -> Plan:
    """One student: build it from ``teacher`` with ``init``, train it on ``data`` with KD
    (``kd_terms``) or without (``None``), record dev curves and test scores."""
    P = s.P
    subset = P.values.get("train_subset", 1.0) if subset is None else subset
    layer_map = P.layer_map if layer_map is None else layer_map
    num_layers = P.num_layers if num_layers is None else num_layers
    kd = kd_terms is not None
    terms = list(kd_terms or [])
    fields = run_fields(P, teacher, init=init, kd=kd, kd_terms=terms, layer_map=layer_map,
                        num_layers=num_layers, subset=subset, seed=seed, **extra)
    label = f"{init}-{kd_label(kd).replace(' ', '')}" + (f"[{'+'.join(terms)}]" if kd and
                                                          terms != list(P.kd_terms) else "") \
        + f"-s{seed}" + "".join(f"-{v}" for v in extra.values()) \
        + (f"-subset{subset:g}" if subset < 1 else "")
    spec = dict(role="student", teacher_id=teacher.teacher_id, data=data.fingerprint(),
                init=init, kd_terms=terms if kd else None, seed=seed, subset=subset,
                layer_map=layer_map, num_layers=num_layers, **extra)

    def do(emit):
        student, _, layer_ids = build_student(s, teacher, init, layer_map, num_layers, seed)
        emit_ids = (lambda recs: emit([dict(r, layer_ids=",".join(map(str, layer_ids)))
                                       for r in recs]))
        cfg = student_config(P, seed, len(data.train))
        kdc = kd_config(P, terms) if kd else None
        train_and_test(s, student, teacher, data, cfg, kdc, layer_ids, emit_ids)

    return Plan(run_id(P, label, **spec), label, fields, do)


def results_of(s: Setting, run_ids: Iterable[str]) -> pd.DataFrame:
    """The tidy records of the given runs (read back from the store)."""
    ids = set(run_ids)
    df = load(s.store.root)
    return df[df.run_id.isin(ids)].reset_index(drop=True)


def final_scores(df: pd.DataFrame, split: str = "test") -> pd.DataFrame:
    """Each run's last evaluation on ``split`` (the end-of-training scores)."""
    ev = df[(df.split == split) & (df.metric != "train_loss")]
    if ev.empty:
        return ev
    last = ev.groupby("run_id").step.transform("max")
    return ev[ev.step == last].reset_index(drop=True)


def mean_table(df: pd.DataFrame, index: list[str], columns: str = "lang",
               metric: str | None = None) -> pd.DataFrame:
    """Mean over seeds (± standard error when there are several) as a wide table."""
    if metric is not None:
        df = df[df.metric == metric]
    g = df.groupby(index + [columns]).value
    stats = g.agg(["mean", "count", "std"]).reset_index()
    return stats.pivot_table(index=index, columns=columns, values="mean")


@dataclass
class ExperimentResult:
    """What a notebook shows: the tidy records of its runs plus named summary tables."""

    records: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    run_ids: list[str]
    done: list[str]
    skipped: list[str]
    extra: dict = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def summary(self) -> pd.DataFrame:
        return self.tables["summary"]


def figure_dir(P: RunParams, out_dir: str | None = None):
    """Where a notebook writes its standalone HTML figures."""
    from pathlib import Path

    path = Path(out_dir or P.out_dir) / "figures" / P.notebook
    path.mkdir(parents=True, exist_ok=True)
    return path


def save_figures(P: RunParams, figures: dict, out_dir: str | None = None) -> list:
    """Write each figure as a standalone HTML page under ``<out_dir>/figures/<notebook>/``."""
    from kitlib import plots

    folder = figure_dir(P, out_dir)
    paths = [plots.save_html(fig, folder / f"{name}.html") for name, fig in figures.items()]
    print(f"[kitlib] {len(paths)} figures written to {folder}")
    return paths
