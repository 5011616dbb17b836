"""An ipywidgets explorer over a results folder: pick what to compare, see it per language.

Why: a reading group wants to ask its own questions of the runs ("does from-teacher still
win on the unseen languages at subset 0.01?") without writing pandas. The explorer filters
the tidy records of ``kitlib.results.load`` and redraws a ``kitlib.plots`` figure on every
change. It needs no extra JupyterLab extension: figures are shown in an ``Output`` widget.

``Explorer`` holds the controls and the logic so that tests can drive it without a browser;
``explore(results_dir)`` returns its widget for display.
"""
from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from kitlib import plots
from kitlib.errors import bad_value

ALL = "(all)"
VIEWS = ("per-language bars", "curves over steps")
COLOR_CHOICES = {
    "init": "init",
    "init + KD": ("init", "kd"),
    "KD": "kd",
    "KD terms": "kd_terms",
    "subset": "subset",
    "layer map": "layer_map",
    "seed": "seed",
}


def _options(df: pd.DataFrame, column: str) -> list[str]:
    if column not in df.columns:
        return [ALL]
    values = [str(v) for v in df[column].dropna().unique()]
    return [ALL, *sorted(values)]


class Explorer:
    """Controls + filtering + figure building over one tidy results table."""

    def __init__(self, df: pd.DataFrame):
        if df.empty:
            raise bad_value("results", "an empty results folder", "a folder with at least one complete run")
        self.df = df
        metrics = sorted(m for m in df["metric"].dropna().unique())
        default_metric = next((m for m in ("accuracy", "f1_strict", "macro_f1") if m in metrics), metrics[0])
        self.controls: dict[str, widgets.Widget] = {
            "notebook": widgets.Dropdown(options=_options(df, "notebook"), description="notebook"),
            "dataset": widgets.Dropdown(options=_options(df, "dataset"), description="dataset"),
            "metric": widgets.Dropdown(options=metrics, value=default_metric, description="metric"),
            "view": widgets.ToggleButtons(options=list(VIEWS), description="view"),
            "color": widgets.Dropdown(options=list(COLOR_CHOICES), value="init + KD", description="compare"),
            "init": widgets.Dropdown(options=_options(df, "init"), description="init"),
            "kd": widgets.Dropdown(options=_options(df, "kd"), description="KD"),
            "subset": widgets.Dropdown(options=_options(df, "subset"), description="subset"),
            "lang_group": widgets.Dropdown(options=_options(df, "lang_group"), description="languages"),
        }
        self.output = widgets.Output()
        self.message = widgets.HTML()
        for control in self.controls.values():
            control.observe(lambda _change: self.redraw(), names="value")
        rows = [
            widgets.HBox([self.controls["notebook"], self.controls["dataset"], self.controls["metric"]]),
            widgets.HBox([self.controls["init"], self.controls["kd"], self.controls["subset"], self.controls["lang_group"]]),
            widgets.HBox([self.controls["view"], self.controls["color"]]),
        ]
        self.widget = widgets.VBox([*rows, self.message, self.output])

    def selection(self) -> pd.DataFrame:
        """The records matching the current filters (and the chosen metric)."""
        df = self.df[self.df["metric"] == self.controls["metric"].value]
        for column in ("notebook", "dataset", "init", "kd", "subset", "lang_group"):
            value = self.controls[column].value
            if value != ALL and column in df.columns:
                df = df[df[column].astype(str) == value]
        return df

    def figure(self) -> go.Figure | None:
        """The figure for the current controls, or None (with a message) if nothing matches."""
        df = self.selection()
        if df.empty:
            self.message.value = "<i>No records match these filters.</i>"
            return None
        self.message.value = f"{df['run_id'].nunique()} runs, {len(df)} records"
        color = COLOR_CHOICES[self.controls["color"].value]
        metric = self.controls["metric"].value
        if self.controls["view"].value == VIEWS[0]:
            return plots.per_language_bars(df, metric=metric, color=color, title=metric)
        return plots.curves(df, metric=metric, color=color, title=metric)

    def redraw(self) -> None:
        fig = self.figure()
        self.output.clear_output(wait=True)
        if fig is not None:
            with self.output:
                fig.show()


def explore(results_dir: str | Path) -> widgets.Widget:
    """Explorer widget over every complete run in ``results_dir`` (display it in JupyterLab)."""
    from kitlib import results

    explorer = Explorer(results.load(results_dir))
    # The first figure goes straight into the cell's output; only later changes redraw
    # inside the Output widget. Output captured by the widget while papermill (nbclient)
    # executes the cell left it waiting forever after the cell had finished.
    first = explorer.figure()
    if first is not None:
        first.show()
    return explorer.widget
