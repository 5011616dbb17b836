"""Plotly figures over the tidy results records (the record format of ``kitlib.results``).

Why here and not in the notebooks: every notebook and the explorer draw the same few kinds
of figure (per-language bars, curves against steps, layer-similarity heatmaps), and they must
behave the same way everywhere: one series per condition, honest error bars, a dropdown
instead of one figure per language, and HTML files that keep working without a kernel or a
network connection.

**The pooling rule.** Only seeds are averaged. Records are grouped by series (``color``),
facet and x position; inside a group every run must have the same configuration -- every
field except the seed and the measurement itself (value, stderr, n, timing, run metadata).
A field on which the selected runs still differ (KD terms, layer map, depth, subset, split,
notebook, stage, scenario, the teacher's id...) becomes part of the series label instead of
being averaged in silence, and the legend title says which fields were added. The teacher is
a role, not an init: its records are always their own series "teacher" (a dashed reference
line in curves), never part of a student's bar. Two runs with the same configuration and the
same seed in one group are an error (nothing to pool them by).

**Error bars** say what they are, in the hover text and the legend: with two or more
seeds, the standard error of the mean across seeds ("SE over N seeds"); with one seed, the
record's own per-example standard error (binomial for accuracy, bootstrap for F1, as
computed by ``kitlib.train.evaluate``).
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Sequence

import pandas as pd
import plotly.graph_objects as go

from kitlib import vocab
from kitlib.errors import KitError, bad_value

#: Fields that are not part of a run's configuration: the seed (the only field pooled over),
#: the measurement, the position inside a run, and run metadata.
NOT_CONFIGURATION = frozenset({
    "run_id", "seed", "value", "stderr", "n", "wall_s", "epoch", "step", "lang", "lang_group",
    "metric", "layer_ids", "model", "params_hash", "kit_version", "git_commit", "device",
    "run_wall_s", "finished_at", "series", "target", "max_step", "steps", "baseline",
})
BASELINE = "trivial baseline"
#: Columns named in a series label by their value alone (their values say what they are);
#: the ``color`` columns are too (the legend title names them).
_PLAIN = {"init", "kd", "role", "subset", "split"}
LEGEND_NAMES = {"init": "init", "kd": "KD", "kd_terms": "KD terms", "layer_map": "layer map",
                "num_layers": "layers", "subset": "subset", "seed": "seed", "split": "split",
                "role": "role", "notebook": "notebook", "scenario": "scenario",
                "stage": "stage", "pred_loss": "prediction loss", "vocabulary": "vocabulary"}


# --------------------------------------------------------------------------- series labels
def _columns(color: str | Sequence[str]) -> list[str]:
    return [color] if isinstance(color, str) else list(color)


def _is_teacher(df: pd.DataFrame) -> pd.Series:
    if "role" not in df.columns:
        return pd.Series(False, index=df.index)
    return df["role"] == vocab.TEACHER


def _part(column: str, value: Any, plain: bool = False) -> str:
    text = vocab.value_label(column, value)
    if plain or column in _PLAIN:
        return text
    return f"{LEGEND_NAMES.get(column, column)} {text}"


def configuration_columns(df: pd.DataFrame) -> list[str]:
    """Columns of ``df`` that describe a run's configuration (see the pooling rule)."""
    return [c for c in df.columns if c not in NOT_CONFIGURATION]


def series_labels(df: pd.DataFrame, color: str | Sequence[str],
                  within: Sequence[str] = ()) -> tuple[pd.Series, list[str]]:
    """One series label per row, and the configuration columns that had to be added.

    The label is the ``color`` columns' values in the paper's words ("from-teacher / KD"),
    or "teacher" for the teacher's rows. Then, inside each (``within`` values, label) group,
    every configuration column that still varies is appended ("from-teacher / KD / KD terms
    pred+hidden"), so that only seeds are left to pool.
    """
    columns = _columns(color)
    for col in columns:
        if col not in df.columns:
            raise bad_value("color", col, sorted(df.columns))
    teacher = _is_teacher(df)
    parts = [df[col].map(lambda v, c=col: _part(c, v, plain=True)) for col in columns]
    label = parts[0].astype(str)
    for part in parts[1:]:
        label = label + " / " + part
    label = label.where(~teacher, vocab.TEACHER)
    candidates = [c for c in configuration_columns(df) if c not in columns and c not in within]
    # compare values as a reader sees them: None and NaN are both "-", 1 and 1.0 both "1"
    shown = pd.DataFrame({c: df[c].map(lambda v, c=c: _part(c, v)) for c in candidates},
                         index=df.index)
    added: list[str] = []
    keys = [df[c].astype(str) for c in within] + [label]
    out = label.copy()
    for _, rows in shown.groupby(keys, sort=False, dropna=False):
        index, group = rows.index, rows
        varying = [c for c in candidates if group[c].nunique() > 1]
        if not varying:
            continue
        added += [c for c in varying if c not in added]
        out.loc[index] = out.loc[index] + " / " + group[varying].agg(" / ".join, axis=1)
    return out, added


def _legend_title(color: str | Sequence[str], added: list[str]) -> str:
    title = " / ".join(LEGEND_NAMES.get(c, c) for c in _columns(color))
    if added:
        title += " (+ " + ", ".join(LEGEND_NAMES.get(c, c) for c in added) + ", which differ)"
    return title


# --------------------------------------------------------------------------- pooling
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


def error_kind(n_seeds: int, has_stderr: bool) -> str:
    """What an error bar is, in words a reader can check."""
    if n_seeds >= 2:
        return f"SE over {n_seeds} seeds"
    return "per-example SE (1 seed)" if has_stderr else "no error bar (1 seed)"


def summarize(df: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """Mean over seeds of ``value`` per ``by`` group, with its error bar and what it is.

    Returns columns ``by + [value, err, n_seeds, err_kind]``. Raises ``KitError`` when a
    group holds two records of one run, or two runs of one seed: something other than the
    seed differs there, and ``by`` must name it (``series_labels`` does this for figures).
    A missing value (NaN) in any seed makes the mean missing.
    """
    rows = []
    for key, group in df.groupby(list(by), dropna=False, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        where = dict(zip(by, key))
        if group["run_id"].duplicated().any():
            raise KitError(f"records of one run appear twice in the group {where}: the table "
                           "has a field that tells them apart; filter on it or make it a "
                           "series (only seeds are pooled)")
        if "seed" in group and group["seed"].nunique(dropna=False) < len(group):
            raise KitError(f"two runs with the same seed in the group {where}: they differ "
                           "in a field that is not the seed; only seeds are pooled")
        values = group["value"].astype(float)
        k = len(values)
        stderr = group["stderr"].astype(float) if "stderr" in group else pd.Series([math.nan])
        if values.isna().any():
            mean, err = math.nan, math.nan
        elif k >= 2:
            mean, err = float(values.mean()), float(values.std(ddof=1) / math.sqrt(k))
        else:
            mean, err = float(values.iloc[0]), float(stderr.iloc[0])
        has_se = k >= 2 or not math.isnan(err)
        rows.append({**where, "value": mean, "err": err if has_se else 0.0, "n_seeds": k,
                     "err_kind": error_kind(k, has_se)})
    return pd.DataFrame(rows, columns=[*by, "value", "err", "n_seeds", "err_kind"])


def error_note(kinds: Sequence[str]) -> str:
    """The legend's second line: what the error bars of this figure are."""
    kinds = sorted(set(kinds))
    return f"error bars: {'; '.join(kinds)}" if kinds else ""


# --------------------------------------------------------------------------- dropdowns
def _facet_title(title: str, facet: str | None, value: Any) -> str:
    if value is None:
        return title
    what = f"{LEGEND_NAMES.get(facet, facet)} {vocab.value_label(facet, value)}" \
        if facet not in ("lang", "split") else vocab.value_label(facet, value)
    return f"{title} · {what}" if title else what


def _dropdown(labels: list[str], visibility: list[list[bool]], titles: list[str]) -> dict:
    """A dropdown that shows one facet's traces and sets the figure title (``title.text``:
    plotly.js 3 rejects a plain string for ``title`` in a relayout, and the title vanished)."""
    return dict(
        buttons=[dict(label=label, method="update", args=[{"visible": vis}, {"title.text": t}])
                 for label, vis, t in zip(labels, visibility, titles)],
        direction="down", x=1.0, xanchor="right", y=1.15, yanchor="top", showactive=True,
    )


def _layout(fig: go.Figure, *, title: str, legend: str, kinds: Sequence[str],
            **axes: Any) -> None:
    note = error_note(kinds)
    fig.update_layout(title=dict(text=title),
                      legend=dict(title=dict(text=f"{legend}<br><i>{note}</i>" if note else legend)),
                      showlegend=True, **axes)


# --------------------------------------------------------------------------- figures
def per_language_bars(df: pd.DataFrame, *, metric: str, color: str | Sequence[str] = "init",
                      facet: str | None = "split", title: str = "") -> go.Figure:
    """Grouped bars: one group per language (then the seen/unseen/all averages), one bar per
    series (``color``, plus any field that still differs; the teacher is its own series),
    error bars that say what they are; a dropdown switches ``facet`` values (default: the
    split). Each run contributes its last evaluation."""
    data = final_step(_require(df, metric)).copy()
    has_facet = facet is not None and facet in data.columns
    within = [facet] if has_facet else []
    data["series"], added = series_labels(data, color, within)
    facet_values = sorted(data[facet].dropna().unique()) if has_facet else [None]
    fig = go.Figure()
    trace_facets: list = []
    kinds: list[str] = []
    for fv in facet_values:
        part = data if fv is None else data[data[facet] == fv]
        table = summarize(part, ["series", "lang"])
        kinds += list(table["err_kind"])
        order = vocab.language_order(table["lang"])
        for series in dict.fromkeys(part["series"]):
            rows = table[table["series"] == series].set_index("lang").reindex(order)
            fig.add_trace(go.Bar(
                name=series, x=order, y=rows["value"],
                error_y=dict(type="data", array=rows["err"], visible=True),
                customdata=rows["err_kind"], visible=fv == facet_values[0],
                hovertemplate="%{x}: %{y:.3f} ± %{error_y.array:.3f} (%{customdata})"
                              "<extra>" + series + "</extra>"))
            trace_facets.append(fv)
        base = _baseline(part, "lang")
        if base is not None:
            base = base.reindex(order)
            fig.add_trace(go.Scatter(
                name=BASELINE, x=order, y=base.values, mode="markers",
                marker=dict(symbol="line-ew-open", size=40, color="black",
                            line=dict(width=2)),
                visible=fv == facet_values[0],
                hovertemplate="%{x}: trivial baseline %{y:.3f} (majority class / all-O)"
                              "<extra></extra>"))
            trace_facets.append(fv)
    titles = [_facet_title(title, facet, fv) for fv in facet_values]
    _layout(fig, title=titles[0], legend=_legend_title(color, added), kinds=kinds,
            barmode="group", yaxis_title=f"{metric} (mean)", xaxis_title="language")
    if len(facet_values) > 1:
        visibility = [[tf == fv for tf in trace_facets] for fv in facet_values]
        fig.update_layout(updatemenus=[_dropdown([vocab.value_label(facet, v)
                                                  for v in facet_values], visibility, titles)])
    return fig


def curves(df: pd.DataFrame, *, metric: str, x: str = "step",
           color: str | Sequence[str] = "init", title: str = "",
           along: Sequence[str] = (), x_title: str | None = None) -> go.Figure:
    """Lines of ``metric`` against ``x`` (mean over seeds, error bars that say what they
    are), one per series; a dropdown picks the language (or group average). The teacher is
    a dashed horizontal reference line at its (last) score, not a point of any line.

    ``along``: configuration fields that change *along* the x axis (``num_layers`` when x is
    the parameter count): they place a point on its line instead of splitting the line."""
    data = _require(df, metric).copy()
    data["series"], added = series_labels(data, color, ["lang", *along])
    teacher = _is_teacher(data)
    langs = vocab.language_order(data["lang"].dropna().unique())
    fig = go.Figure()
    trace_langs: list[str] = []
    kinds: list[str] = []
    students = data[~teacher]
    x_range = (students[x].min(), students[x].max()) if len(students) else (0, 1)
    for lang in langs:
        part = students[students["lang"] == lang]
        table = summarize(part, ["series", x]).sort_values(["series", x])
        kinds += list(table["err_kind"])
        for series in dict.fromkeys(part["series"]):
            rows = table[table["series"] == series]
            fig.add_trace(go.Scatter(
                name=series, x=rows[x], y=rows["value"], customdata=rows["err_kind"],
                error_y=dict(type="data", array=rows["err"],
                             visible=bool((rows["err"] > 0).any())),
                mode="lines+markers", visible=lang == langs[0], legendgroup=series,
                hovertemplate=f"{x} %{{x}}: %{{y:.3f}} ± %{{error_y.array:.3f}} "
                              "(%{customdata})<extra>" + series + "</extra>"))
            trace_langs.append(lang)
        ref = final_step(data[teacher & (data["lang"] == lang)])
        for series, g in ref.groupby("series", sort=False):
            row = summarize(g, ["series"]).iloc[0]
            fig.add_trace(go.Scatter(
                name=series, x=list(x_range), y=[row["value"]] * 2, mode="lines",
                line=dict(dash="dash", color="black"), visible=lang == langs[0],
                legendgroup=series,
                hovertemplate=f"{series}: %{{y:.3f}} ± {row['err']:.3f} "
                              f"({row['err_kind']})<extra></extra>"))
            trace_langs.append(lang)
        base = _baseline(data[data["lang"] == lang], "lang")
        if base is not None and len(base):
            fig.add_trace(go.Scatter(
                name=BASELINE, x=list(x_range), y=[float(base.iloc[0])] * 2, mode="lines",
                line=dict(dash="dot", color="gray"), visible=lang == langs[0],
                legendgroup=BASELINE,
                hovertemplate="trivial baseline %{y:.3f} (majority class / all-O)<extra></extra>"))
            trace_langs.append(lang)
    titles = [_facet_title(title, "lang", lang) for lang in langs]
    _layout(fig, title=titles[0], legend=_legend_title(color, added), kinds=kinds,
            xaxis_title=x_title or x, yaxis_title=f"{metric} (mean)")
    if len(langs) > 1:
        visibility = [[tl == lang for tl in trace_langs] for lang in langs]
        fig.update_layout(updatemenus=[_dropdown(langs, visibility, titles)])
    return fig


def _baseline(df: pd.DataFrame, by: str) -> pd.Series | None:
    """The trivial baseline per ``by`` value when the records carry one and it is the same
    for every run shown (one test set); None otherwise (nothing is drawn)."""
    if "baseline" not in df.columns or df["baseline"].isna().all():
        return None
    per = df.dropna(subset=["baseline"]).groupby(by)["baseline"]
    if (per.nunique() > 1).any():
        return None
    return per.first()


def layer_label(layer: Any, side: str) -> str:
    """A layer in the kit's one numbering: "emb" for the embedding output (-1), else
    "T3" / "S1" (the output of transformer layer 3 of the teacher / 1 of the student)."""
    k = int(layer)
    return "emb" if k < 0 else f"{side}{k}"


def heatmaps(sim_df: pd.DataFrame, *, title: str = "", value: str = "value") -> go.Figure:
    """Teacher layer (y) x student layer (x) CKA, one heatmap per language in a dropdown.

    ``sim_df`` has columns ``lang, teacher_layer, student_layer`` and ``value`` (the CKA
    records of notebook 01, or ``kitlib.models.layer_similarity`` with ``value="cka"``), in
    the kit's layer numbering (-1 = embeddings). One run's records only: CKA of different
    students is never averaged.
    """
    needed = {"lang", "teacher_layer", "student_layer", value}
    missing = needed - set(sim_df.columns)
    if missing:
        raise bad_value("similarity table columns", sorted(sim_df.columns), sorted(needed))
    if "run_id" in sim_df.columns and sim_df["run_id"].nunique() > 1:
        raise bad_value("similarity records", f"{sim_df['run_id'].nunique()} runs",
                        "the records of one run (one heatmap per student)")
    langs = vocab.language_order(sim_df["lang"].unique())
    fig = go.Figure()
    for lang in langs:
        grid = sim_df[sim_df["lang"] == lang].pivot(index="teacher_layer",
                                                    columns="student_layer", values=value)
        fig.add_trace(go.Heatmap(
            z=grid.values, x=[layer_label(c, "S") for c in grid.columns],
            y=[layer_label(r, "T") for r in grid.index], zmin=0, zmax=1,
            colorscale="Viridis", colorbar=dict(title=dict(text="CKA")),
            visible=lang == langs[0], name=lang,
            hovertemplate="teacher %{y} / student %{x}: CKA %{z:.3f}<extra>" + lang
                          + "</extra>"))
    titles = [_facet_title(title, "lang", lang) for lang in langs]
    fig.update_layout(title=dict(text=titles[0]), xaxis_title="student layer (emb = embeddings)",
                      yaxis_title="teacher layer (emb = embeddings)")
    if len(langs) > 1:
        visibility = [[i == j for i in range(len(langs))] for j in range(len(langs))]
        fig.update_layout(updatemenus=[_dropdown(langs, visibility, titles)])
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
