"""Synthetic result records with exactly the fields and names the results store writes.

Why: a figure test over hand-written names ("scratch", "teacher" as an init) passed while
the real records ("from-teacher" students next to a teacher) were pooled into one bar. The
run-level fields here come from the same function the experiments use
(``kitlib.experiments.runs.run_fields``), so a renamed or re-spelled field breaks these
tests too.
"""
from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace
from typing import Iterable

import pandas as pd

from kitlib import params
from kitlib.experiments.runs import run_fields

LANGS = {"en": "seen", "de": "unseen"}


def teacher_stub(task: str = "classification", teacher_id: str = "t-abc") -> SimpleNamespace:
    """What ``run_fields`` reads of a teacher: its id, its data's task, its backbone source."""
    return SimpleNamespace(teacher_id=teacher_id, data=SimpleNamespace(task=task),
                           ref=SimpleNamespace(source="offline"))


def eval_rows(fields: dict, values: dict[str, float], *, split: str = "test", step: int = 10,
              metric: str = "accuracy", stderr: float = 0.02, n: int = 64) -> list[dict]:
    """Per-language records plus the "seen"/"unseen"/"all" averages, as ``evaluate`` emits."""
    rows = []
    for lang, value in values.items():
        rows.append({**fields, "step": step, "epoch": 1.0, "split": split, "lang": lang,
                     "lang_group": LANGS.get(lang, "seen"), "metric": metric, "value": value,
                     "n": n, "stderr": stderr, "wall_s": 0.1})
    mean = sum(values.values()) / len(values)
    for group in ("seen", "unseen", "all"):
        members = [v for lang, v in values.items() if group == "all" or LANGS.get(lang) == group]
        if members:
            rows.append({**fields, "step": step, "epoch": 1.0, "split": split, "lang": group,
                         "lang_group": group, "metric": metric,
                         "value": sum(members) / len(members) if group != "all" else mean,
                         "n": n * len(members), "stderr": stderr / len(members) ** 0.5,
                         "wall_s": 0.1})
    return rows


@lru_cache(maxsize=None)
def smoke_params(notebook: str):
    return params.load_params(notebook, "smoke")


def student(notebook: str = "02", *, init: str, kd: bool, seed: int = 44,
            kd_terms: Iterable[str] = ("pred", "hidden", "attn", "embed"), **extra) -> dict:
    return run_fields(smoke_params(notebook), teacher_stub(), role="student", init=init, kd=kd,
                      kd_terms=list(kd_terms) if kd else [], layer_map="alternate",
                      num_layers=2, subset=extra.pop("subset", 1.0), seed=seed, **extra)


def teacher(notebook: str = "02", **extra) -> dict:
    return run_fields(smoke_params(notebook), teacher_stub(), role="teacher", init=None, kd=False, kd_terms=[],
                      layer_map="all", num_layers=12, subset=1.0, seed=44, **extra)


def frame(*runs: tuple[str, dict, list[dict]]) -> pd.DataFrame:
    """``(run_id, fields, rows)`` triples -> one tidy frame (run_id set on every row)."""
    out = []
    for run_id, _fields, rows in runs:
        out += [{**r, "run_id": run_id} for r in rows]
    return pd.DataFrame(out)


def loss_row(fields: dict, step: int, value: float) -> dict:
    return {**fields, "step": step, "epoch": 1.0, "split": "train", "lang": "all",
            "lang_group": "all", "metric": "train_loss", "value": value, "n": 5,
            "stderr": None, "wall_s": 1.0}


def write_results_folder(root, *, tagging: bool = False, seeds=(44,), subsets: bool = False):
    """A results folder as ``run-all`` leaves it, written through the real ``ResultStore``:
    01's teacher and untrained student (with CKA records), 02's teacher and four students
    (from-teacher / from-scratch x no KD / KD, each seed) with dev curves, training losses
    and test scores; optionally a tagging dataset's 02 runs and 04's subset runs."""
    from kitlib.results import ResultStore

    store = ResultStore(root)
    t1 = teacher("01", stage="fine-tuned")
    store.write_run("01-teacher", eval_rows(t1, {"en": 0.9, "de": 0.8}, split="dev", step=0))
    z = student("01", init="from-teacher", kd=False, stage="zero-training")
    cka = [{**z, "step": 0, "split": "dev", "lang": "en", "lang_group": "seen", "metric": "cka",
            "value": 0.5, "teacher_layer": t, "student_layer": 0} for t in (-1, 0, 1)]
    store.write_run("01-zero", eval_rows(z, {"en": 0.3, "de": 0.2}, split="dev", step=0) + cka)
    t2 = teacher("02")
    store.write_run("02-teacher", eval_rows(t2, {"en": 0.91, "de": 0.81}, split="dev", step=0)
                    + eval_rows(t2, {"en": 0.9, "de": 0.8}, split="test", step=0))
    for seed in seeds:
        for init, base in (("from-teacher", 0.7), ("from-scratch", 0.2)):
            for kd in (False, True):
                f = student("02", init=init, kd=kd, seed=seed)
                rows = []
                for step in (5, 10):
                    rows += eval_rows(f, {"en": base + 0.01 * step + 0.05 * kd + 0.001 * seed,
                                          "de": base}, split="dev", step=step)
                    rows.append(loss_row(f, step, 1 / step))
                rows += eval_rows(f, {"en": base + 0.1 + 0.05 * kd + 0.001 * seed, "de": base},
                                  split="test", step=10)
                store.write_run(f"02-{init}-{kd}-{seed}", rows)
    if tagging:
        for role, init, v in (("teacher", None, 0.8), ("student", "from-teacher", 0.6)):
            f = (teacher("02") if role == "teacher" else student("02", init=init, kd=True))
            f = {**f, "dataset": "pocket-ner", "task": "tagging"}
            rows = eval_rows(f, {"en": v, "de": v - 0.1}, split="test", step=10,
                             metric="f1_strict")
            rows += eval_rows(f, {"en": v, "de": v - 0.1}, split="dev", step=10,
                              metric="f1_strict")
            store.write_run(f"02-ner-{role}", rows)
    if subsets:
        for subset in (0.05, 0.1):
            for init in ("from-teacher", "from-base"):
                f = student("04", init=init, kd=True, subset=subset)
                rows = eval_rows(f, {"en": 0.5 + subset + (init == "from-teacher") * 0.2,
                                     "de": 0.4}, split="test", step=10)
                rows += eval_rows(f, {"en": 0.4 + subset, "de": 0.3}, split="dev", step=10)
                store.write_run(f"04-{init}-{subset}", rows)
    return root
