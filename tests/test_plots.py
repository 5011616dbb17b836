"""Figures over records with the store's own field names (tests/records.py): the pooling
rule (only seeds are averaged; the teacher is its own series), error bars that say what
they are, dropdowns that keep the title, and labels in the paper's words."""
from __future__ import annotations

import math

import pandas as pd
import pytest

import records as R
from kitlib import plots
from kitlib.errors import KitError


def bars(fig, visible_only=True):
    return {t.name: dict(zip(t.x, t.y)) for t in fig.data if t.visible or not visible_only}


def test_teacher_is_its_own_series_never_pooled_into_from_teacher():
    """Issue 8 item 1: the teacher (0.9) and a from-teacher student (0.5) gave one bar 0.70."""
    df = R.frame(("T", R.teacher(), R.eval_rows(R.teacher(), {"en": 0.9, "de": 0.8})),
                 ("S", R.student(init="from-teacher", kd=False),
                  R.eval_rows(R.student(init="from-teacher", kd=False), {"en": 0.5, "de": 0.4})))
    got = bars(plots.per_language_bars(df, metric="accuracy", color=["init", "kd"]))
    assert set(got) == {"teacher", "from-teacher / no KD"}
    assert got["teacher"]["en"] == pytest.approx(0.9)
    assert got["from-teacher / no KD"]["en"] == pytest.approx(0.5)


def _kd_term_runs():
    runs = []
    for i, terms in enumerate([["pred"], ["pred", "hidden"], ["pred", "hidden", "attn"]]):
        f = R.student(init="from-teacher", kd=True, kd_terms=terms)
        runs.append((f"K{i}", f, R.eval_rows(f, {"en": 0.5 + 0.1 * i, "de": 0.4})))
    return R.frame(*runs)


def test_kd_term_configurations_are_series_not_seeds():
    """Issue 8 item 2: three KD-term runs of one seed became one bar with n_seeds=3."""
    fig = plots.per_language_bars(_kd_term_runs(), metric="accuracy", color=["init", "kd"])
    got = bars(fig)
    assert len(got) == 3
    assert {round(v["en"], 3) for v in got.values()} == {0.5, 0.6, 0.7}
    assert all("KD terms" in name for name in got)
    assert "KD terms" in fig.layout.legend.title.text.split("<br>")[0]
    # one seed each: the error bar is the per-example SE, and says so
    trace = fig.data[0]
    assert trace.error_y.array[0] == pytest.approx(0.02)
    assert set(trace.customdata) == {"per-example SE (1 seed)"}
    assert "error bars: per-example SE (1 seed)" in fig.layout.legend.title.text


def test_only_seeds_are_pooled_with_the_seed_standard_error():
    runs = []
    for seed, v in ((44, 0.6), (55, 0.7), (66, 0.8)):
        f = R.student(init="from-base", kd=True, seed=seed)
        runs.append((f"s{seed}", f, R.eval_rows(f, {"en": v, "de": 0.5})))
    fig = plots.per_language_bars(R.frame(*runs), metric="accuracy", color=["init", "kd"])
    (trace,) = [t for t in fig.data if t.visible]
    assert trace.name == "from-base / KD"
    assert trace.y[list(trace.x).index("en")] == pytest.approx(0.7)
    assert trace.error_y.array[list(trace.x).index("en")] == pytest.approx(0.1 / math.sqrt(3))
    assert set(trace.customdata) == {"SE over 3 seeds"}
    assert "error bars: SE over 3 seeds" in fig.layout.legend.title.text


def test_run_all_folder_keeps_notebooks_stages_and_teachers_apart():
    """Issue 8 item 2: 01's untrained students, both teachers and 02's students shared one
    "from-teacher / no KD" bar."""
    zero = R.student("01", init="from-teacher", kd=False, stage="zero-training")
    t1, t2 = R.teacher("01", stage="fine-tuned"), R.teacher("02")
    s2 = R.student("02", init="from-teacher", kd=False)
    df = R.frame(("Z", zero, R.eval_rows(zero, {"en": 0.3})), ("T1", t1, R.eval_rows(t1, {"en": 0.9})),
                 ("T2", t2, R.eval_rows(t2, {"en": 0.91})), ("S", s2, R.eval_rows(s2, {"en": 0.7})))
    got = bars(plots.per_language_bars(df, metric="accuracy", color=["init", "kd"]))
    assert len(got) == 4
    assert sorted(round(v["en"], 2) for v in got.values()) == [0.3, 0.7, 0.9, 0.91]
    assert sum(name.startswith("teacher") for name in got) == 2


def test_curves_keep_splits_apart_and_draw_the_teacher_as_a_reference_line():
    """Issue 8 item 2: dev and test were averaged into one line, and the teacher's step-0
    point started the from-teacher line."""
    s = R.student(init="from-teacher", kd=True)
    t = R.teacher()
    rows = R.eval_rows(s, {"en": 0.4}, split="dev", step=5) + \
        R.eval_rows(s, {"en": 0.6}, split="dev", step=10) + \
        R.eval_rows(s, {"en": 0.8}, split="test", step=10)
    df = R.frame(("S", s, rows), ("T", t, R.eval_rows(t, {"en": 0.9}, split="dev", step=0)))
    fig = plots.curves(df, metric="accuracy", color="init")
    visible = [tr for tr in fig.data if tr.visible]
    lines = {tr.name: (list(tr.x), list(tr.y)) for tr in visible}
    assert lines["from-teacher / dev"] == ([5, 10], [0.4, 0.6])
    assert lines["from-teacher / test"] == ([10], [0.8])
    teacher = next(tr for tr in visible if tr.name.startswith("teacher"))
    assert teacher.line.dash == "dash" and list(teacher.y) == [0.9, 0.9]
    assert list(teacher.x) == [5, 10]  # spans the students' steps, not a point at step 0


def test_cka_is_never_averaged_over_layer_pairs():
    """Issue 8 item 2: cka records of all layer pairs gave one averaged bar."""
    f = R.student("01", init="from-teacher", kd=False)
    rows = [{**f, "run_id": "Z", "step": 0, "split": "dev", "lang": "en", "lang_group": "seen",
             "metric": "cka", "value": v, "stderr": None, "teacher_layer": t, "student_layer": s}
            for t, s, v in [(-1, -1, 1.0), (0, 0, 0.9), (1, 0, 0.2)]]
    fig = plots.per_language_bars(pd.DataFrame(rows), metric="cka", color="init")
    assert len(fig.data) == 3  # one bar per layer pair, each labelled by it
    assert all("teacher_layer" in t.name for t in fig.data)


def test_summarize_refuses_two_runs_of_one_seed():
    f = R.student(init="from-base", kd=True)
    df = R.frame(("a", f, R.eval_rows(f, {"en": 0.6})), ("b", f, R.eval_rows(f, {"en": 0.7})))
    with pytest.raises(KitError, match="same seed"):
        plots.summarize(df[df.lang == "en"], ["init", "lang"])


def test_dropdown_sets_title_text_and_the_facet_is_named_once(tmp_path):
    """Issue 8 item 5: the dropdown relayout {"title": str} (rejected by plotly.js 3) made
    the title vanish; "(test)" was repeated."""
    f = R.student(init="from-teacher", kd=False)
    df = R.frame(("S", f, R.eval_rows(f, {"en": 0.5}, split="dev")
                  + R.eval_rows(f, {"en": 0.6}, split="test")))
    fig = plots.per_language_bars(df, metric="accuracy", title="Score per language")
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.args[1] for b in buttons] == [{"title.text": "Score per language · dev"},
                                            {"title.text": "Score per language · test"}]
    assert fig.layout.title.text == "Score per language · dev"
    html = plots.save_html(fig, tmp_path / "f.html").read_text()
    assert '"title.text"' in html and "(test)" not in html
    assert html.count("Score per language \\u00b7 test") == 1  # only in its dropdown button


def test_labels_in_the_papers_words():
    """Issue 8 item 7: blank legend entry for no KD in "KD terms"; the legend disappeared
    with one series; KD as True/False."""
    no_kd = R.student(init="from-teacher", kd=False)
    kd = R.student(init="from-teacher", kd=True, kd_terms=["pred"])
    df = R.frame(("a", no_kd, R.eval_rows(no_kd, {"en": 0.5})), ("b", kd, R.eval_rows(kd, {"en": 0.6})))
    fig = plots.per_language_bars(df, metric="accuracy", color="kd_terms")
    assert {t.name for t in fig.data} == {"no KD", "pred"}
    fig = plots.per_language_bars(df, metric="accuracy", color="kd")
    assert {t.name for t in fig.data} == {"no KD", "KD"}
    one = plots.per_language_bars(df[df.run_id == "a"], metric="accuracy")
    assert one.layout.showlegend is True


def test_heatmap_ticks_in_the_kits_layer_numbering_labelled_cka():
    """Issue 8 item 7: ticks read "T3.0 / S1.0" and the colour bar "value"."""
    sim = pd.DataFrame([dict(run_id="Z", lang=l, teacher_layer=float(t), student_layer=float(s),
                             value=0.1 * (t + 1) + 0.01 * (s + 1))
                        for l in ("en", "zh") for t in range(-1, 3) for s in range(-1, 1)])
    fig = plots.heatmaps(sim)
    assert list(fig.data[0].y) == ["emb", "T0", "T1", "T2"]
    assert list(fig.data[0].x) == ["emb", "S0"]
    assert fig.data[0].colorbar.title.text == "CKA"
    assert fig.data[0].z[3][1] == pytest.approx(0.31)  # teacher layer 2 x student layer 0
    with pytest.raises(KitError, match="similarity table columns"):
        plots.heatmaps(sim.drop(columns="value"))
    with pytest.raises(KitError, match="one run"):
        plots.heatmaps(pd.concat([sim, sim.assign(run_id="Y")]))


def test_unknown_metric_names_the_allowed_ones():
    f = R.student(init="from-teacher", kd=False)
    with pytest.raises(KitError, match=r"metric='f9'.*accuracy"):
        plots.per_language_bars(R.frame(("a", f, R.eval_rows(f, {"en": 0.5}))), metric="f9")


def test_save_html_is_standalone_with_plotly_beside(tmp_path):
    f = R.student(init="from-teacher", kd=False)
    fig = plots.per_language_bars(R.frame(("a", f, R.eval_rows(f, {"en": 0.5}))),
                                  metric="accuracy")
    page = plots.save_html(fig, tmp_path / "fig.html")
    assert 'src="plotly.min.js"' in page.read_text()
    assert (tmp_path / "plotly.min.js").stat().st_size > 1_000_000


def test_trivial_baseline_is_drawn_as_a_reference():
    """Issue 14 item 4: the majority-class / all-O score is a reference in bars and curves."""
    f = R.student(init="from-scratch", kd=False)
    rows = [dict(r, baseline=0.25 if r["lang"] != "de" else 0.5)
            for r in R.eval_rows(f, {"en": 0.3, "de": 0.5}, split="dev", step=5)
            + R.eval_rows(f, {"en": 0.4, "de": 0.5}, split="dev", step=10)]
    df = R.frame(("S", f, rows))
    bars_fig = plots.per_language_bars(df, metric="accuracy")
    base = next(t for t in bars_fig.data if t.name == "trivial baseline")
    assert dict(zip(base.x, base.y))["en"] == pytest.approx(0.25)
    assert dict(zip(base.x, base.y))["de"] == pytest.approx(0.5)
    curve = plots.curves(df, metric="accuracy")
    line = next(t for t in curve.data if t.name == "trivial baseline" and t.visible)
    assert line.line.dash == "dot" and list(line.y) == [0.5, 0.5]  # first language: de
