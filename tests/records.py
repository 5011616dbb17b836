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
