"""What an experiment hands back to its notebook: the tidy records of its runs, summary
tables in the paper's words, and the notebook's standalone HTML figures.

Why here: the tables of 02-04 share the same few steps (each run's final score, means over
seeds, the teacher as its own row); keeping them in one module keeps their conventions the
same -- only seeds are pooled, and a table that shows a mean says over how many seeds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from kitlib import vocab
from kitlib.experiments.setting import Setting
from kitlib.params import RunParams
from kitlib.results import load


def results_of(s: Setting, run_ids: Iterable[str]) -> pd.DataFrame:
    """The tidy records of the given runs (read back from the store)."""
    ids = set(run_ids)
    df = load(s.store.root)
    return df[df.run_id.isin(ids)].reset_index(drop=True)


def final_scores(df: pd.DataFrame, split: str = "test") -> pd.DataFrame:
    """Each run's last evaluation on ``split`` (the end-of-training scores)."""
    ev = df[(df.split == split) & (df.metric.map(vocab.metric_kind) == "score")]
    if ev.empty:
        return ev
    last = ev.groupby("run_id").step.transform("max")
    return ev[ev.step == last].reset_index(drop=True)


def mean_table(df: pd.DataFrame, index: list[str], columns: str = "lang",
               metric: str | None = None) -> pd.DataFrame:
    """Mean over seeds as a wide table (``index`` rows x ``columns``), languages first and
    group averages last. Only the mean: intervals are in the claims and summary tables.
    A missing value in any seed (NaN, e.g. a target never reached) makes the mean missing
    rather than the mean of the other seeds."""
    if metric is not None:
        df = df[df.metric == metric]
    table = (df.groupby(index + [columns]).value.agg(lambda v: v.mean(skipna=False))
             .unstack(columns))
    if columns == "lang":
        table = table[vocab.language_order(table.columns)]
    return table


def model_label(df: pd.DataFrame) -> pd.Series:
    """"teacher" for the teacher's rows, "from-teacher, KD" (init, KD) for a student's."""
    return pd.Series([vocab.run_label(r, i, k) for r, i, k in zip(df.role, df.init, df.kd)],
                     index=df.index, dtype=object)


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


def with_claims(result: ExperimentResult, rows: list, out_dir: str | Path, P: RunParams,
                title: str, seeds: list | None = None) -> ExperimentResult:
    """Attach a notebook's claims rows to its result (``tables["claims"]``,
    ``extra["claims"]``), write ``<out_dir>/claims/<notebook>.md`` and ``.html``, and print
    the table (so a headless run shows it in its log). ``seeds``: the seeds the runs used,
    for the preamble, when they are not all of the parameter ``seeds`` (notebook 05)."""
    from kitlib import claims

    seeds = P.values.get("seeds") if seeds is None else seeds
    preamble = (f"{P.notebook}, dataset {P.dataset}, backbone {P.backbone}, seeds "
                f"{seeds}; {len(result.run_ids)} runs.")
    result.tables["claims"] = claims.table(rows)
    result.extra["claims"] = rows
    md, page = claims.write(rows, out_dir, P.notebook, title, preamble)
    print(claims.markdown(rows, title, preamble))
    print(f"[kitlib] claims written to {md} and {page}")
    return result


def figure_dir(P: RunParams, out_dir: str | None = None) -> Path:
    """Where a notebook writes its standalone HTML figures."""
    path = Path(out_dir or P.out_dir) / "figures" / P.notebook
    path.mkdir(parents=True, exist_ok=True)
    return path


def save_figures(P: RunParams, figures: dict, out_dir: str | None = None) -> list[Path]:
    """Write each figure as a standalone HTML page under ``<out_dir>/figures/<notebook>/``."""
    from kitlib import plots

    folder = figure_dir(P, out_dir)
    paths = [plots.save_html(fig, folder / f"{name}.html") for name, fig in figures.items()]
    print(f"[kitlib] {len(paths)} figures written to {folder}")
    return paths
