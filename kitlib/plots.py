"""Plotly figures over the tidy results records (see DESIGN.md "The record").

Why here and not in the notebooks: every notebook and the explorer draw the same few kinds
of figure (per-language bars, curves against steps, layer-similarity heatmaps), and they must
behave the same way everywhere: one colour per condition (init, KD, subset...), error bars,
a dropdown instead of one figure per language, and HTML files that keep working without a
kernel or a network connection.

Error bars: with two or more seeds, the standard error of the mean across seeds; with one
seed, the record's own ``stderr`` (binomial for accuracy, bootstrap for F1 as computed by
``kitlib.train.evaluate``).
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from kitlib.errors import bad_value

GROUP_ORDER = ("seen", "unseen", "all", "all_but_en")
INIT_LABELS = {
    "scratch": "from-scratch",
    "base": "from-base",
    "teacher": "from-teacher",
}


def _label_value(column: str, value) -> str:
    if column == "kd":
        if isinstance(value, str):
            return value
        return "KD" if bool(value) else "no KD"
    if column == "init":
        return INIT_LABELS.get(str(value), str(value))
    if column == "subset":
        try:
            return f"subset {float(value):g}"
        except (TypeError, ValueError):
            return f"subset {value}"
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return str(value)


def condition_labels(df: pd.DataFrame, color: str | Sequence[str]) -> pd.Series:
    """One readable label per row from one or several columns, e.g. "from-teacher / KD"."""
    columns = [color] if isinstance(color, str) else list(color)
    for col in columns:
        if col not in df.columns:
            raise bad_value("color", col, sorted(df.columns))
    parts = [df[col].map(lambda v, c=col: _label_value(c, v)) for col in columns]
    out = parts[0]
    for part in parts[1:]:
        out = out + " / " + part
    return out


def _language_order(langs: Iterable[str]) -> list[str]:
    langs = list(dict.fromkeys(langs))
    plain = sorted(lang for lang in langs if lang not in GROUP_ORDER)
    groups = [g for g in GROUP_ORDER if g in langs]
    return plain + groups


def _require(df: pd.DataFrame, metric: str) -> pd.DataFrame:
    if df.empty:
        raise bad_value("records", "an empty table", "a results table with at least one record")
    metrics = sorted(df["metric"].dropna().unique())
    if metric not in metrics:
        raise bad_value("metric", metric, metrics)
    return df[df["metric"] == metric]


def final_step(df: pd.DataFrame) -> pd.DataFrame:
    """Keep each run's last evaluation (the highest step per run and split)."""
    if df.empty:
        return df
    last = df.groupby(["run_id", "split"])["step"].transform("max")
    return df[df["step"] == last]


def summarize(df: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """Mean over seeds (runs) of ``value`` per ``by`` group, with its error bar.

    Returns columns ``by + [value, err, n_seeds]``.
    """
    rows = []
    for key, group in df.groupby(list(by), dropna=False, sort=False):
        values = group["value"].astype(float)
        k = len(values)
        if k >= 2:
            err = float(values.std(ddof=1) / math.sqrt(k))
        else:
            err = float(group["stderr"].iloc[0]) if "stderr" in group and pd.notna(group["stderr"].iloc[0]) else 0.0
        key = key if isinstance(key, tuple) else (key,)
        rows.append({**dict(zip(by, key)), "value": float(values.mean()), "err": err, "n_seeds": k})
    return pd.DataFrame(rows, columns=[*by, "value", "err", "n_seeds"])


def _dropdown(labels: list[str], visibility: list[list[bool]], title: str) -> dict:
    return dict(
        buttons=[
            dict(label=label, method="update", args=[{"visible": vis}, {"title": f"{title} ({label})" if title else label}])
            for label, vis in zip(labels, visibility)
        ],
        direction="down",
        x=1.0,
        xanchor="right",
        y=1.15,
        yanchor="top",
        showactive=True,
    )


def per_language_bars(
    df: pd.DataFrame,
    *,
    metric: str,
    color: str | Sequence[str] = "init",
    facet: str = "split",
    title: str = "",
) -> go.Figure:
    """Grouped bars: one group per language (then the seen/unseen/all averages), one bar per
    condition (``color``), error bars; a dropdown switches ``facet`` values (default the split).
    """
    data = final_step(_require(df, metric)).copy()
    data["condition"] = condition_labels(data, color)
    facet_values = sorted(data[facet].dropna().unique()) if facet in data.columns else [None]
    fig = go.Figure()
    visibility: list[list[bool]] = []
    trace_facets: list = []
    for fv in facet_values:
        part = data if fv is None else data[data[facet] == fv]
        table = summarize(part, ["condition", "lang"])
        order = _language_order(table["lang"])
        for cond in dict.fromkeys(part["condition"]):
            rows = table[table["condition"] == cond].set_index("lang").reindex(order)
            fig.add_trace(
                go.Bar(
                    name=cond,
                    x=order,
                    y=rows["value"],
                    error_y=dict(type="data", array=rows["err"], visible=True),
                    visible=fv == facet_values[0],
                    hovertemplate="%{x}: %{y:.3f} ± %{error_y.array:.3f}<extra>" + cond + "</extra>",
                )
            )
            trace_facets.append(fv)
    for fv in facet_values:
        visibility.append([tf == fv for tf in trace_facets])
    fig.update_layout(
        barmode="group",
        title=f"{title} ({facet_values[0]})" if title and facet_values[0] is not None else title,
        yaxis_title=metric,
        xaxis_title="language",
        legend_title=" / ".join([color] if isinstance(color, str) else color),
    )
    if len(facet_values) > 1:
        fig.update_layout(updatemenus=[_dropdown([str(v) for v in facet_values], visibility, title)])
    return fig


def curves(
    df: pd.DataFrame,
    *,
    metric: str,
    x: str = "step",
    color: str | Sequence[str] = "init",
    title: str = "",
) -> go.Figure:
    """Lines of ``metric`` against ``x`` (mean over seeds, shaded error band), one per
    condition; a dropdown picks the language (or group average)."""
    data = _require(df, metric).copy()
    data["condition"] = condition_labels(data, color)
    langs = _language_order(data["lang"].dropna().unique())
    fig = go.Figure()
    trace_langs: list[str] = []
    for lang in langs:
        part = data[data["lang"] == lang]
        table = summarize(part, ["condition", x]).sort_values(["condition", x])
        for cond in dict.fromkeys(part["condition"]):
            rows = table[table["condition"] == cond]
            fig.add_trace(
                go.Scatter(
                    name=cond,
                    x=rows[x],
                    y=rows["value"],
                    error_y=dict(type="data", array=rows["err"], visible=bool((rows["err"] > 0).any())),
                    mode="lines+markers",
                    visible=lang == langs[0],
                    legendgroup=cond,
                )
            )
            trace_langs.append(lang)
    fig.update_layout(
        title=f"{title} ({langs[0]})" if title else langs[0],
        xaxis_title=x,
        yaxis_title=metric,
        legend_title=" / ".join([color] if isinstance(color, str) else color),
    )
    if len(langs) > 1:
        visibility = [[tl == lang for tl in trace_langs] for lang in langs]
        fig.update_layout(updatemenus=[_dropdown(langs, visibility, title)])
    return fig


def heatmaps(sim_df: pd.DataFrame, *, title: str = "", value: str = "cka") -> go.Figure:
    """Teacher layer (y) x student layer (x) similarity, one heatmap per language in a dropdown.

    ``sim_df`` has columns ``lang, teacher_layer, student_layer`` and ``value`` (default "cka"),
    as returned by ``kitlib.models.layer_similarity``.
    """
    needed = {"lang", "teacher_layer", "student_layer", value}
    missing = needed - set(sim_df.columns)
    if missing:
        raise bad_value("similarity table columns", sorted(sim_df.columns), sorted(needed))
    langs = _language_order(sim_df["lang"].unique())
    fig = go.Figure()
    for lang in langs:
        grid = sim_df[sim_df["lang"] == lang].pivot_table(
            index="teacher_layer", columns="student_layer", values=value, aggfunc="mean"
        )
        fig.add_trace(
            go.Heatmap(
                z=grid.values,
                x=[f"S{c}" for c in grid.columns],
                y=[f"T{r}" for r in grid.index],
                zmin=0,
                zmax=1,
                colorscale="Viridis",
                colorbar=dict(title=value),
                visible=lang == langs[0],
                name=lang,
                hovertemplate="teacher %{y} / student %{x}: %{z:.3f}<extra>" + lang + "</extra>",
            )
        )
    fig.update_layout(
        title=f"{title} ({langs[0]})" if title else langs[0],
        xaxis_title="student layer",
        yaxis_title="teacher layer",
    )
    if len(langs) > 1:
        visibility = [[i == j for i in range(len(langs))] for j in range(len(langs))]
        fig.update_layout(updatemenus=[_dropdown(langs, visibility, title)])
    return fig


def save_html(fig: go.Figure, path: str | Path) -> Path:
    """Write ``fig`` as an HTML page that works offline and without a kernel.

    plotly.js is written once as ``plotly.min.js`` beside the page (``include_plotlyjs=
    "directory"``) instead of being inlined (4.6 MB) into every page: keep the folder
    together. Dropdowns are plain plotly.js, so they keep working in the saved page.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.write_html(path, include_plotlyjs="directory", full_html=True)
    return path
