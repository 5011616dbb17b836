"""The setting every experiment shares: validated parameters, the results store, the
backbone, the data, and the training configurations derived from the parameters.

Why here: the four experiments differ only in *which* runs they do; how data is selected and
how a teacher or a student is configured must be identical everywhere, so that a difference
between notebooks is never a difference in plumbing. Heavy libraries (torch, transformers)
are imported only inside the functions that need them, after the parameters were validated.
"""
from __future__ import annotations

import contextlib
import math
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from kitlib.params import RunParams
from kitlib.paths import stable_hash
from kitlib.results import ResultStore


@dataclass
class Setting:
    """What one experiment needs: params, store, backbone reference, and caches in memory."""

    P: RunParams
    store: ResultStore
    ref: Any = None
    teachers: dict = field(default_factory=dict)
    bases: dict = field(default_factory=dict)
    datasets: dict = field(default_factory=dict)
    ray_started: bool = False  # executor ray: this setting started / joined Ray (stops it)

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


def open_setting(P: RunParams, out_dir: str | None = None, *, join_ray: bool = True) -> Setting:
    """Open the results store and resolve the backbone (converting it offline once).

    With ``executor: ray`` (and ``join_ray``; a Ray worker opens its setting without), Ray
    is joined first and ``cpus_per_run`` / ``gpus_per_run`` are checked against the
    cluster, so that a grid that cannot be scheduled stops before any work."""
    from kitlib import models

    store = ResultStore(out_dir or P.out_dir)
    s = Setting(P, store)
    if join_ray and P.executor == "ray":
        from kitlib.experiments import ray_grid

        s.ray_started = ray_grid.connect(P)
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
    """Teacher hyperparameters: ``teacher_epochs`` is the budget; with ``teacher_patience``
    the teacher is evaluated on dev every ``teacher_eval_every`` steps (None: once per epoch)
    and stops at its plateau, keeping its best weights (``kitlib.train.train``)."""
    from kitlib.train import TrainConfig

    patience = P.values.get("teacher_patience")
    every = 0
    if patience is not None:
        steps_per_epoch = max(1, math.ceil((n_train or P.batch_size) / P.batch_size / P.grad_accum))
        every = P.values.get("teacher_eval_every") or steps_per_epoch
    return TrainConfig(epochs=P.teacher_epochs, lr=P.teacher_lr, batch_size=P.batch_size,
                       warmup_ratio=P.warmup_ratio, weight_decay=P.weight_decay,
                       max_length=P.max_length, seed=P.teacher_seed, eval_every=every,
                       grad_accum=P.grad_accum, mixed_precision=P.mixed_precision,
                       max_steps=_step_budget(P, P.teacher_epochs, n_train, P.teacher_max_steps),
                       early_stopping_patience=patience)


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

