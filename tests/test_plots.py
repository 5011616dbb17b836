"""Figures and the explorer over a synthetic tidy records table (the DESIGN.md format)."""
from __future__ import annotations

import itertools

import pandas as pd
import pytest

from kitlib import plots
from kitlib.errors import KitError
from kitlib.explore import ALL, Explorer


def make_records() -> pd.DataFrame:
    rows = []
    langs = {"en": "seen", "de": "unseen", "seen": "seen", "unseen": "unseen", "all": "all"}
    for run, (init, kd, seed) in enumerate(itertools.product(["scratch", "teacher"], [False, True], [44, 55])):
        for step in (10, 20):
            for split in ("dev", "test"):
                for lang, group in langs.items():
                    value = 0.5 + 0.3 * (init == "teacher") + 0.05 * kd + 0.01 * (seed == 55) + 0.001 * step
                    rows.append(dict(run_id=f"r{run}", notebook="02_kd_ablation", dataset="pocket-intent",
                                     init=init, kd=kd, seed=seed, subset=1.0, step=step, split=split,
                                     lang=lang, lang_group=group, metric="accuracy", value=value,
                                     n=100, stderr=0.05))
            rows.append(dict(run_id=f"r{run}", notebook="02_kd_ablation", dataset="pocket-intent", init=init,
                             kd=kd, seed=seed, subset=1.0, step=step, split="train", lang="all",
                             lang_group="all", metric="train_loss", value=1.0 / step, n=32, stderr=float("nan")))
    return pd.DataFrame(rows)


def test_bars_average_seeds_of_the_last_step_with_seed_error_bars():
    fig = plots.per_language_bars(make_records(), metric="accuracy", color=("init", "kd"))
    names = {t.name for t in fig.data}
    assert names == {"from-scratch / no KD", "from-scratch / KD", "from-teacher / no KD", "from-teacher / KD"}
    # 4 conditions x 2 splits, only the first split visible
    assert len(fig.data) == 8 and sum(bool(t.visible) for t in fig.data) == 4
    trace = next(t for t in fig.data if t.name == "from-teacher / KD" and t.visible)
    assert list(trace.x) == ["de", "en", "seen", "unseen", "all"]
    # last step (20): mean over seeds 44/55 of 0.5+0.3+0.05+0.02 (+0.01 for 55)
    assert trace.y[0] == pytest.approx(0.875)
    # two seeds -> error bar is the standard error across seeds: std([0.87, 0.88]) / sqrt(2)
    assert trace.error_y.array[0] == pytest.approx(0.005)
    assert [b.label for b in fig.layout.updatemenus[0].buttons] == ["dev", "test"]


def test_curves_one_line_per_condition_and_language_dropdown():
    fig = plots.curves(make_records(), metric="accuracy", color="init")
    labels = [b.label for b in fig.layout.updatemenus[0].buttons]
    assert labels == ["de", "en", "seen", "unseen", "all"]
    visible = [t for t in fig.data if t.visible]
    assert {t.name for t in visible} == {"from-scratch", "from-teacher"}
    assert list(visible[0].x) == [10, 20]


def test_heatmap_per_language_and_bad_columns():
    sim = pd.DataFrame([dict(lang=l, teacher_layer=t, student_layer=s, cka=0.1 * t + 0.01 * s)
                        for l in ("en", "zh") for t in range(3) for s in range(2)])
    fig = plots.heatmaps(sim)
    assert len(fig.data) == 2 and fig.data[0].z.shape == (3, 2)
    assert fig.data[0].z[2][1] == pytest.approx(0.21)
    with pytest.raises(KitError, match="similarity table columns"):
        plots.heatmaps(sim.drop(columns="cka"))


def test_unknown_metric_names_the_allowed_ones():
    with pytest.raises(KitError, match=r"metric='f9'.*accuracy.*train_loss"):
        plots.per_language_bars(make_records(), metric="f9")


def test_save_html_is_standalone_with_plotly_beside(tmp_path):
    fig = plots.per_language_bars(make_records(), metric="accuracy")
    page = plots.save_html(fig, tmp_path / "fig.html")
    html = page.read_text()
    assert 'src="plotly.min.js"' in html and "updatemenus" in html
    assert (tmp_path / "plotly.min.js").stat().st_size > 1_000_000


def test_explorer_filters_and_redraws():
    ex = Explorer(make_records())
    assert ex.controls["metric"].value == "accuracy"
    fig = ex.figure()
    assert len({t.name for t in fig.data}) == 4
    ex.controls["init"].value = "teacher"
    fig = ex.figure()
    assert {t.name for t in fig.data} == {"from-teacher / no KD", "from-teacher / KD"}
    ex.controls["view"].value = "curves over steps"
    assert ex.figure().data[0].mode == "lines+markers"
    ex.controls["kd"].value = ALL
    ex.controls["subset"].value = ALL
    ex.controls["metric"].value = "train_loss"
    assert ex.figure() is not None
    ex.controls["lang_group"].value = "unseen"  # train_loss has none
    assert ex.figure() is None and "No records" in ex.message.value
