"""The layer picker of notebook 01: choose which teacher layers a from-teacher student
copies, build it, and see its zero-training dev score per language and its CKA against the
teacher, in seconds.

Why these rules: the selection on screen is what gets built. Choosing a named layer map
(with the depth slider) fills in the teacher layers it stands for; picking layers by hand
switches the map to "custom" and sets the depth to the number of layers picked (the slider
follows and is disabled, since a hand-picked set has its own depth). One layer numbering is
used in the list, the text and the heatmap: layer k is the output of transformer layer k
(0-based, as in layer maps), "emb" is the embedding output.

Everything is drawn into one figure area (``kitlib.figure_area``): the previous student's
figure is replaced, never left above or below the new one.
"""
from __future__ import annotations

from typing import Any

import ipywidgets as W
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from kitlib import plots, vocab
from kitlib.errors import KitError
from kitlib.figure_area import FigureArea

CUSTOM = "custom"


def student_figure(report: dict) -> go.Figure:
    """Zero-training dev score per language (bars, next to the teacher's dev score when
    given) and the full teacher-layer x student-layer CKA heatmap, one language at a time
    (dropdown), in one figure."""
    zero: pd.DataFrame = report["zero_training"]
    metric = vocab.main_metric(zero.task.iloc[0])
    scores = zero[zero.metric == metric]
    teacher = report.get("teacher_dev")
    sim: pd.DataFrame = report["similarity"]
    langs = vocab.language_order(sim.lang.unique())
    fig = make_subplots(rows=1, cols=2, column_widths=[0.45, 0.55],
                        subplot_titles=(f"dev {metric} with zero training",
                                        "CKA: teacher layer x student layer"))
    order = vocab.language_order(scores.lang)
    by_lang = scores.set_index("lang").reindex(order)
    fig.add_trace(go.Bar(name=f"student: teacher layers {report['layers']}", x=order,
                         y=by_lang["value"], error_y=dict(type="data", array=by_lang["stderr"]),
                         hovertemplate="%{x}: %{y:.3f} ± %{error_y.array:.3f} "
                                       "(per-example SE)<extra>student</extra>"), row=1, col=1)
    n_fixed = 1
    if teacher is not None and len(teacher):
        t = teacher[teacher.metric == metric].set_index("lang").reindex(order)
        fig.add_trace(go.Bar(name=vocab.TEACHER, x=order, y=t["value"],
                             marker_color="lightgray",
                             hovertemplate="%{x}: %{y:.3f}<extra>teacher</extra>"), row=1, col=1)
        n_fixed = 2
    for lang in langs:
        grid = sim[sim.lang == lang].pivot(index="teacher_layer", columns="student_layer",
                                           values="value")
        fig.add_trace(go.Heatmap(
            z=grid.values, x=[plots.layer_label(c, "S") for c in grid.columns],
            y=[plots.layer_label(r, "T") for r in grid.index], zmin=0, zmax=1,
            colorscale="Viridis", colorbar=dict(title=dict(text="CKA"), x=1.02),
            visible=lang == langs[0], name=f"CKA {lang}", showlegend=False,
            hovertemplate="teacher %{y} / student %{x}: CKA %{z:.3f}<extra>" + lang
                          + "</extra>"), row=1, col=2)
    title = (f"from-teacher student copied from teacher layers {report['layers']} "
             f"({len(report['layers'])} layers, {report['params']['total']:,} parameters)")
    fig.update_layout(title=dict(text=f"{title} · {langs[0]}"), barmode="group",
                      showlegend=True, legend=dict(orientation="h", y=-0.2))
    fig.update_xaxes(title_text="language", row=1, col=1)
    fig.update_xaxes(title_text="student layer", row=1, col=2)
    fig.update_yaxes(title_text="teacher layer", row=1, col=2)
    if len(langs) > 1:
        buttons = [dict(label=lang, method="update",
                        args=[{"visible": [True] * n_fixed + [l == lang for l in langs]},
                              {"title.text": f"{title} · {lang}"}]) for lang in langs]
        fig.update_layout(updatemenus=[dict(buttons=buttons, direction="down", x=1.0,
                                            xanchor="right", y=1.2, yanchor="top")])
    return fig


class LayerPicker:
    """Controls, the rules between them (module docstring) and the figure area."""

    def __init__(self, lab: Any, initial: Any = None) -> None:
        P = lab.setting.P
        self.lab = lab
        n = lab.teacher_layers
        depths = P.num_layers if isinstance(P.num_layers, list) else [P.num_layers]
        names = list(dict.fromkeys(m for m in P.layer_maps if isinstance(m, str)))
        self.choice = W.Dropdown(options=names + [CUSTOM], description="layer map")
        self.depth = W.IntSlider(value=depths[0], min=1, max=n, description="depth")
        self.layers = W.SelectMultiple(options=[(f"layer {i}", i) for i in range(n)],
                                       rows=min(n, 12), description="teacher layers")
        self.button = W.Button(description="Build student", button_style="primary")
        self.summary = W.HTML()
        self.area = FigureArea()
        self.report: dict | None = None
        self._syncing = False
        self.choice.observe(self._on_map, names="value")
        self.depth.observe(self._on_map, names="value")
        self.layers.observe(self._on_layers, names="value")
        self.button.on_click(lambda _b: self.build())
        if initial is None:
            initial = names[0] if names else P.layer_maps[0]
        if isinstance(initial, str):
            self.choice.value = initial
            self._on_map()
        else:
            self.layers.value = tuple(int(i) for i in initial)
        self.widget = W.VBox([W.HBox([self.choice, self.depth, self.button]), self.layers,
                              self.summary, self.area.widget])
        self.build()

    # -- the rules between the controls
    def _on_map(self, _change: Any = None) -> None:
        if self._syncing or self.choice.value == CUSTOM:
            self.depth.disabled = self.choice.value == CUSTOM
            return
        self.depth.disabled = False
        try:
            chosen = self.lab.resolve(self.choice.value, self.depth.value)
        except KitError as err:
            self.summary.value = f"<b>{err}</b>"
            return
        self._syncing = True
        try:
            self.layers.value = tuple(chosen)
        finally:
            self._syncing = False

    def _on_layers(self, _change: Any = None) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.choice.value = CUSTOM
            self.depth.disabled = True
            if self.layers.value:
                self.depth.value = len(self.layers.value)
        finally:
            self._syncing = False

    def selected(self) -> list[int]:
        """The teacher layers that will be copied: exactly the ones selected."""
        return sorted(int(i) for i in self.layers.value)

    # -- building and drawing
    def build(self) -> dict | None:
        """Build the student of the current selection and draw it (or say why not)."""
        from kitlib.experiments.setting import text_progress

        layers = self.selected()
        if not layers:
            self.summary.value = "<b>Pick at least one teacher layer.</b>"
            self.area.message("No student: no teacher layer is selected.")
            return None
        try:
            with text_progress():
                report = self.lab.try_layers(layers)
        except KitError as err:
            self.summary.value = f"<b>{err}</b>"
            self.area.message(str(err))
            return None
        report["teacher_dev"] = getattr(self.lab, "teacher_dev", None)
        zero = report["zero_training"]
        metric = vocab.main_metric(zero.task.iloc[0])
        score = float(zero[(zero.lang == vocab.ALL) & (zero.metric == metric)].value.iloc[0])
        name = self.choice.value if self.choice.value != CUSTOM else "custom"
        self.summary.value = (
            f"{name}: the student copies teacher layers {report['layers']} "
            f"({len(report['layers'])} layers, {report['params']['total']:,} parameters); "
            f"dev {metric} with zero training {score:.3f} (built in {report['seconds']:.1f} s)")
        self.area.show(student_figure(report))
        self.report = report
        return report

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def layer_picker(lab: Any, initial: Any = None) -> LayerPicker:
    """The notebook's layer picker over an ``AnatomyLab`` (``result.extra["lab"]`` of
    notebook 01). It builds the student of ``initial`` (default: the first of
    ``layer_maps``) at once, so a headless run shows what an interactive one starts with."""
    return LayerPicker(lab, initial)
