"""The explorer in Python (its browser behaviour is in test_browser.py): one figure area
updated in place, callable any number of times per kernel, controls in the paper's words,
metrics that make sense for the view, titles that state the filters."""
from __future__ import annotations

import pytest

import kitlib
import records as R
from kitlib.explorer import ALL, BARS, CURVES, Explorer
from kitlib.figure_area import PLOTLY_MIME
from kitlib.results import load


@pytest.fixture()
def folder(tmp_path):
    """A results folder as run-all leaves it (see records.write_results_folder)."""
    return R.write_results_folder(tmp_path / "runs")


def shown(ex: Explorer) -> dict | None:
    outputs = ex.area.widget.outputs
    assert len(outputs) == 1, "exactly one thing in the figure area"
    return outputs[0]["data"].get(PLOTLY_MIME)


def names(fig_json: dict) -> set[str]:
    return {t["name"] for t in fig_json["data"] if t.get("visible", True) is not False}


def test_explore_can_be_called_again_in_the_same_kernel(folder):
    """Issue 8 item 3: the second call raised "'module' object is not callable"."""
    first = kitlib.explore(folder)
    second = kitlib.explore(folder, notebook="02_kd_ablation")
    assert isinstance(first, Explorer) and isinstance(second, Explorer)
    assert callable(kitlib.explore)


def test_one_figure_area_updated_in_place_and_cleared_when_nothing_matches(folder):
    """Issue 8 item 4: the first figure was drawn above the controls and updates below, so an
    old figure stayed on screen; "No records match" left the previous figure up."""
    ex = kitlib.explore(folder, notebook="02_kd_ablation")
    assert ex.area.widget in ex.widget.children  # the figure area is inside the widget
    before = shown(ex)
    assert names(before) == {"teacher", "from-teacher / no KD", "from-teacher / KD",
                             "from-scratch / no KD", "from-scratch / KD"}
    ex.controls["init"].value = "from-teacher"
    after = shown(ex)
    assert names(after) == {"teacher", "from-teacher / no KD", "from-teacher / KD"}
    ex.controls["lang"].value = "de"
    assert {x for t in shown(ex)["data"] for x in t["x"]} == {"de"}
    ex.controls["notebook"].value = "01_copy_weight_anatomy"
    ex.controls["split"].value = "test"  # 01 has no test records
    assert shown(ex) is None
    assert "No records match" in ex.area.widget.outputs[0]["data"]["text/plain"]


def test_runs_of_other_notebooks_stay_apart_with_all_notebooks(folder):
    ex = Explorer(load(folder))
    ex.controls["split"].value = "dev"
    got = names(shown(ex))
    # 01's untrained student, two teachers, 02's four students: seven series
    assert len(got) == 7 and sum(n.startswith("teacher") for n in got) == 2


def test_controls_speak_the_papers_words_and_metrics_fit_the_view(folder):
    """Issue 8 items 2 and 7: KD showed as True/False; cka and params were bar metrics."""
    ex = kitlib.explore(folder)
    assert [label for label, _ in ex.controls["kd"].options] == [ALL, "no KD", "KD"]
    assert "cka" not in ex.controls["metric"].options
    assert set(ex.controls["metric"].options) == {"accuracy"}
    ex.controls["view"].value = CURVES
    assert set(ex.controls["metric"].options) == {"accuracy", "train_loss"}
    ex.controls["metric"].value = "train_loss"
    fig = shown(ex)
    assert fig is not None and all(t["name"] != "teacher" for t in fig["data"])
    ex.controls["view"].value = BARS
    assert ex.controls["metric"].value == "accuracy"


def test_title_states_the_filters_and_the_teacher_survives_student_filters(folder):
    ex = kitlib.explore(folder, notebook="02_kd_ablation")
    ex.controls["kd"].value = "True"
    ex.controls["lang_group"].value = "unseen"
    fig = shown(ex)
    title = fig["layout"]["title"]["text"]
    for words in ("accuracy", "notebook 02_kd_ablation", "split test", "KD KD", "languages unseen"):
        assert words in title
    assert "teacher" in names(fig)
    ex.controls["teacher"].value = False
    assert "teacher" not in names(shown(ex))
