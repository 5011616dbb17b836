"""The layer picker of notebook 01 over a real (tiny, smoke preset) teacher: the selection on
screen is what gets built, one layer numbering, the full CKA heatmap labelled CKA, one figure
area (issue 8 item 6)."""
from __future__ import annotations

import base64

import numpy as np
import plotly.graph_objects as go
import pytest

from kitlib import params
from kitlib.experiments import anatomy
from kitlib.figure_area import PLOTLY_MIME
from kitlib.layer_picker import CUSTOM, LayerPicker


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    out = tmp_path_factory.mktemp("picker")
    P = params.load_params("01", "smoke", out_dir=str(out), progress=False)
    return anatomy.run(P).extra["lab"]


pytestmark = pytest.mark.slow  # a tiny teacher is fine-tuned once (about 15 s)


def array(value):
    """plotly's JSON stores numpy arrays as {"dtype", "bdata" (base64), "shape"}."""
    if isinstance(value, dict) and "bdata" in value:
        shape = [int(k) for k in str(value.get("shape", "-1")).split(",")]
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).reshape(shape)
    return np.asarray(value)


def figure(picker: LayerPicker) -> go.Figure:
    (output,) = picker.area.widget.outputs
    return go.Figure(output["data"][PLOTLY_MIME])


def test_named_map_fills_in_its_layers_and_hand_picks_switch_to_custom(lab):
    picker = LayerPicker(lab, "alternate")
    n = lab.teacher_layers
    assert picker.selected() == lab.resolve("alternate", picker.depth.value)
    assert picker.report["layers"] == picker.selected()
    picker.depth.value = 1
    assert picker.selected() == lab.resolve("alternate", 1)
    picker.layers.value = (n - 1, 0)  # pick by hand
    assert picker.choice.value == CUSTOM
    assert picker.depth.value == 2 and picker.depth.disabled
    picker.button.click()
    assert picker.report["layers"] == [0, n - 1]  # exactly the hand-picked layers
    assert f"teacher layers [0, {n - 1}]" in picker.summary.value


def test_depth_slider_changes_a_named_map_and_custom_ignores_nothing(lab):
    picker = LayerPicker(lab, [1])
    assert picker.choice.value == CUSTOM and picker.report["layers"] == [1]
    picker.choice.value = "first_last"
    assert not picker.depth.disabled
    picker.depth.value = 2
    picker.button.click()
    assert picker.report["layers"] == lab.resolve("first_last", 2)


def test_full_teacher_by_student_cka_heatmap_in_one_numbering(lab):
    picker = LayerPicker(lab, [0, 2])
    fig = figure(picker)
    heat = [t for t in fig.data if t.type == "heatmap"]
    assert heat and heat[0].colorbar.title.text == "CKA"
    n = lab.teacher_layers
    assert list(heat[0].y) == ["emb"] + [f"T{k}" for k in range(n)]  # every teacher layer
    assert list(heat[0].x) == ["emb", "S0", "S1"]  # every student layer
    # copied: the embeddings and teacher layer 0 -> student layer 0 are identical (CKA 1)
    z = array(heat[0].z)
    assert z[0][0] == pytest.approx(1.0, abs=1e-6) and z[1][1] == pytest.approx(1.0, abs=1e-6)
    assert abs(z[2][1] - 1.0) > 1e-6  # teacher layer 1 was not copied: not identical
    assert "teacher layers [0, 2]" in fig.layout.title.text
    assert any(t.type == "bar" and t.name == "teacher" for t in fig.data)


def test_one_figure_area_replaced_and_cleared(lab):
    picker = LayerPicker(lab, "alternate")
    first = figure(picker).layout.title.text
    picker.layers.value = (1,)
    picker.button.click()
    assert figure(picker).layout.title.text != first
    picker.layers.value = ()
    picker.button.click()
    (output,) = picker.area.widget.outputs
    assert PLOTLY_MIME not in output["data"] and "no teacher layer" in output["data"]["text/plain"]
