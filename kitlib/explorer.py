"""An ipywidgets explorer over a results folder: pick what to compare, see it per language.

Why: a reading group wants to ask its own questions of the runs ("does from-teacher still
win on the unseen languages at subset 0.01?") without writing pandas. The explorer filters
the tidy records of ``kitlib.results.load`` and redraws a ``kitlib.plots`` figure in one
figure area (``kitlib.figure_area``) on every change: one figure on screen at any time, a
message instead of a stale figure when nothing matches, and any number of explorers per
kernel. Figures follow the pooling rule of ``kitlib.plots`` (only seeds are averaged), so a
filter left at "(all)" splits series instead of mixing configurations.

``Explorer`` holds the controls and the logic so that tests can drive it without a browser;
``explore(results_dir)`` builds one over a folder (it displays itself in JupyterLab).
"""
from __future__ import annotations

import time
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from kitlib import plots, vocab
from kitlib.errors import bad_value
from kitlib.figure_area import FigureArea

ALL = "(all)"
BARS, CURVES = "per-language bars", "curves over steps"
VIEWS = (BARS, CURVES)
#: Metric kinds (``vocab.metric_kind``) each view can show: bars of final scores, curves of
#: scores and training losses. CKA and parameter counts are not bar or curve metrics.
VIEW_METRICS = {BARS: ("score",), CURVES: ("score", "loss")}
COLOR_CHOICES = {
    "init + KD": ("init", "kd"),
    "init": "init",
    "KD": "kd",
    "KD terms": "kd_terms",
    "subset": "subset",
    "layer map": "layer_map",
    "student layers": "num_layers",
    "KD prediction loss": "pred_loss",
    "vocabulary": "vocabulary",
    "seed (no pooling)": "seed",
}
#: Filter controls: record column -> control label. The teacher is not an init: it is kept
#: (as the reference series) whatever the init / KD filters say, unless "teacher" is off.
FILTERS = {"notebook": "notebook", "dataset": "dataset", "task": "task", "split": "split",
           "init": "init", "kd": "KD", "lang_group": "languages", "lang": "language",
           "subset": "subset"}
STUDENT_ONLY = ("init", "kd")


def _options(df: pd.DataFrame, column: str) -> list[tuple[str, str]]:
    """(label, value) pairs of a filter: the values as a reader reads them ("KD", "no KD",
    "subset 0.05"), and the record's value as text for filtering."""
    if column not in df.columns:
        return [(ALL, ALL)]
    values = df[column].dropna().unique()
    if column == "lang":
        ordered = vocab.language_order(str(v) for v in values)
    else:
        ordered = sorted({str(v) for v in values})
    return [(ALL, ALL)] + [(vocab.value_label(column, v), v) for v in ordered]


class Explorer:
    """Controls + filtering + figure building over one tidy results table."""

    def __init__(self, df: pd.DataFrame, notebook: str | None = None):
        if df.empty:
            raise bad_value("results", "an empty results folder",
                            "a folder with at least one complete run")
        self.df = df.assign(**{c: df[c].astype(str) for c in FILTERS if c in df.columns},
                            _role=df["role"] if "role" in df.columns else vocab.STUDENT)
        self.controls: dict[str, widgets.Widget] = {
            column: widgets.Dropdown(options=_options(df, column), value=ALL, description=label)
            for column, label in FILTERS.items()}
        if notebook is not None and notebook in set(self.df.get("notebook", [])):
            self.controls["notebook"].value = notebook
        if "test" in set(self.df.get("split", [])):
            self.controls["split"].value = "test"
        self.controls["view"] = widgets.ToggleButtons(options=list(VIEWS), description="view")
        colors = [name for name, cols in COLOR_CHOICES.items()
                  if all(c in df.columns for c in ((cols,) if isinstance(cols, str) else cols))]
        self.controls["color"] = widgets.Dropdown(options=colors, value="init + KD",
                                                  description="compare")
        self.controls["teacher"] = widgets.Checkbox(value=True, description="show the teacher")
        self.controls["metric"] = widgets.Dropdown(description="metric")
        self._quiet = False
        self._set_metric_options()
        self.area = FigureArea()
        self.message = widgets.HTML()
        self.last_update_s = 0.0
        for name, control in self.controls.items():
            control.observe(self._on_change, names="value")
        c = self.controls
        rows = [
            widgets.HBox([c["notebook"], c["dataset"], c["task"]]),
            widgets.HBox([c["metric"], c["split"], c["subset"]]),
            widgets.HBox([c["init"], c["kd"], c["teacher"]]),
            widgets.HBox([c["lang_group"], c["lang"]]),
            widgets.HBox([c["view"], c["color"]]),
        ]
        self.widget = widgets.VBox([*rows, self.message, self.area.widget])
        self.redraw()

    # -- what is selected
    def _filtered(self, skip: tuple[str, ...] = ()) -> pd.DataFrame:
        df = self.df
        teacher = df["_role"] == vocab.TEACHER
        if not self.controls["teacher"].value:
            df, teacher = df[~teacher], teacher[~teacher]
        for column in FILTERS:
            value = self.controls[column].value
            if column in skip or value == ALL or column not in df.columns:
                continue
            keep = df[column] == str(value)
            if column in STUDENT_ONLY:
                keep = keep | teacher
            df, teacher = df[keep], teacher[keep]
        return df

    def _set_metric_options(self) -> None:
        """Metrics that make sense for the view, among the records the filters select."""
        kinds = VIEW_METRICS[self.controls["view"].value]
        present = self._filtered(skip=("split",))["metric"].dropna().unique()
        metrics = sorted(m for m in present if vocab.metric_kind(m) in kinds)
        control = self.controls["metric"]
        current = control.value
        preferred = [m for m in ("accuracy", "f1_strict", "macro_f1") if m in metrics]
        self._quiet = True
        try:
            control.options = metrics
            control.value = current if current in metrics else (
                preferred[0] if preferred else (metrics[0] if metrics else None))
        finally:
            self._quiet = False

    def selection(self) -> pd.DataFrame:
        """The records matching the current filters and metric (the loss curves of the
        "train" split are kept whatever the split filter says)."""
        metric = self.controls["metric"].value
        df = self._filtered(skip=("split",))
        df = df[df["metric"] == metric]
        split = self.controls["split"].value
        if split != ALL and vocab.metric_kind(str(metric)) != "loss":
            df = df[df["split"] == split]
        return df.drop(columns=["_role"])

    def title(self) -> str:
        """The metric and the active filters, so a figure says what it shows."""
        c = self.controls
        parts = [str(c["metric"].value)]
        for column, label in FILTERS.items():
            value = c[column].value
            if value != ALL:
                parts.append(f"{label} {vocab.value_label(column, value)}")
        if not c["teacher"].value:
            parts.append("no teacher")
        return " · ".join(parts)

    def figure(self) -> go.Figure | None:
        """The figure for the current controls, or None (with a message) if nothing matches."""
        df = self.selection()
        if df.empty:
            self.message.value = "0 runs"
            return None
        self.message.value = f"{df['run_id'].nunique()} runs, {len(df)} records"
        color = COLOR_CHOICES[self.controls["color"].value]
        metric = self.controls["metric"].value
        if self.controls["view"].value == BARS:
            # with one split chosen the title says it; with "(all)" a dropdown picks it
            facet = "split" if self.controls["split"].value == ALL else None
            return plots.per_language_bars(df, metric=metric, color=color, facet=facet,
                                           title=self.title())
        return plots.curves(df, metric=metric, color=color, title=self.title())

    # -- drawing
    def redraw(self) -> None:
        """Draw the figure for the current controls into the one figure area."""
        t0 = time.perf_counter()
        fig = self.figure() if self.controls["metric"].value is not None else None
        if fig is None:
            if self.controls["metric"].value is None:
                self.message.value = "<i>No metric of this view in the selected records.</i>"
            self.area.message("No records match these filters.")
        else:
            self.area.show(fig)
        self.last_update_s = time.perf_counter() - t0

    def _on_change(self, change: dict) -> None:
        if self._quiet:
            return
        if change["owner"] is not self.controls["metric"]:
            self._set_metric_options()
        self.redraw()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def explore(results_dir: str | Path, notebook: str | None = None) -> Explorer:
    """An explorer over every complete run in ``results_dir``; ``notebook`` preselects the
    runs of one notebook (the others stay one filter change away). Display it in JupyterLab
    (a cell that ends with ``kitlib.explore(...)`` does)."""
    from kitlib import results

    return Explorer(results.load(results_dir), notebook=notebook)
