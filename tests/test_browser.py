"""Browser tests: JupyterLab on loopback driven by headless Chromium (tests/browser.py).

- the explorer, twice in one kernel; every control once: the figure's data changes, exactly
  one figure is on screen, no console errors (the time of each update is printed);
- the layer picker: a hand-picked selection is what gets built;
- a standalone HTML figure opened via file://: renders offline, its dropdown keeps the title.

Skipped (with the reason printed) without Chromium/ChromeDriver/Selenium, unless
KITLIB_REQUIRE_BROWSER=1 (set by .ci/run), which makes that a failure.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import browser as B
import records as R

pytestmark = [pytest.mark.slow, pytest.mark.browser]

#: Console messages that are not the kit's: JupyterLab asks the (closed) network for news
#: and the server for a favicon/translations it may not have. Nothing else is ignored.
IGNORED_CONSOLE = ("favicon.ico", "api/translations", "jupyter.org/assets", "newsfeed")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    B.require_browser()
    root = tmp_path_factory.mktemp("lab")
    env = dict(os.environ, KITLIB_CACHE=str(root / "cache"), HF_HUB_OFFLINE="1",
               TRANSFORMERS_OFFLINE="1", TRANSFORMERS_VERBOSITY="error")
    server = B.Lab(root, env)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def driver(lab):
    chromium, chromedriver = B.require_browser()
    d = B.chrome(chromium, chromedriver)
    yield d
    d.quit()


def _shots(lab) -> Path:
    """Where screenshots go: ``$KITLIB_SCREENSHOTS`` (to look at them), else the lab folder."""
    folder = Path(os.environ.get("KITLIB_SCREENSHOTS") or lab.root)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def control(driver, scope, description: str):
    """The widget element (dropdown, toggle buttons, checkbox) labelled ``description``."""
    for widget in scope.find_elements(
            "css selector", ".widget-inline-hbox, .widget-checkbox, .widget-toggle-buttons"):
        labels = widget.find_elements("css selector", ".widget-label")
        if labels and labels[0].text.strip() == description:
            return widget
        if widget.text.strip() == description:  # a checkbox's label is its own text
            return widget
    raise AssertionError(f"no control {description!r}")


def choose(driver, scope, description: str, option: str) -> None:
    from selenium.webdriver.support.ui import Select

    widget = control(driver, scope, description)
    selects = widget.find_elements("css selector", "select")
    if selects:
        Select(selects[0]).select_by_visible_text(option)
        return
    buttons = [b for b in widget.find_elements("css selector", "button") if b.text == option]
    if buttons:
        buttons[0].click()
        return
    widget.find_element("css selector", "input[type=checkbox]").click()


def current(driver, scope, description: str) -> str:
    from selenium.webdriver.support.ui import Select

    widget = control(driver, scope, description)
    selects = widget.find_elements("css selector", "select")
    if selects:
        return Select(selects[0]).first_selected_option.text
    pressed = widget.find_elements("css selector", "button.mod-active")
    if pressed:
        return pressed[0].text
    return "on" if widget.find_element("css selector", "input").is_selected() else "off"


def shown(driver, scope) -> str:
    """The one figure's data as JSON text, or "message: ..." when the area shows a message."""
    figures = B.figures_in(scope)
    assert len(figures) <= 1, f"{len(figures)} figures on screen in one explorer"
    if not figures:
        areas = scope.find_elements("css selector", ".widget-output")
        text = areas[-1].text.strip() if areas else ""
        return "message: " + text if text else ""  # "": between two drawings
    return B.figure_json(driver, scope) or ""


# (control, new option): each changes what the figure shows in the fixture's folder
EXPLORER_CHANGES = [
    ("notebook", "04_learning_speed"), ("dataset", "pocket-ner"), ("task", "tagging"),
    ("split", "dev"), ("subset", "subset 0.05"), ("init", "from-teacher"), ("KD", "no KD"),
    ("show the teacher", "off"), ("languages", "unseen"), ("language", "de"),
    ("compare", "init"), ("view", "curves over steps"),
]


def test_explorer_twice_in_one_kernel_every_control_one_figure_no_console_errors(lab, driver):
    runs = R.write_results_folder(lab.root / "runs", tagging=True, seeds=(44, 55),
                                  subsets=True)
    B.write_notebook(lab.root / "explore.ipynb", [
        f"import kitlib\nkitlib.explore({str(runs)!r})",
        f"kitlib.explore({str(runs)!r}, notebook='02_kd_ablation')",
    ])
    B.open_and_run(driver, lab, "explore.ipynb", 2)
    assert not B.errors_in_outputs(driver)
    first, second = B.cell(driver, 0), B.cell(driver, 1)
    B.wait_for(lambda: len(B.figures_in(first)) == 1 and len(B.figures_in(second)) == 1,
               what="one figure in each explorer")
    B.console_errors(driver, IGNORED_CONSOLE)  # start the console log from here
    driver.save_screenshot(str(_shots(lab) / "explorer-default.png"))
    timings = {}
    start_metric = current(driver, second, "metric")
    for description, option in EXPLORER_CHANGES:
        before_value = current(driver, second, description)
        before = shown(driver, second)
        t0 = time.perf_counter()
        choose(driver, second, description, option)
        after = B.wait_for(lambda: (lambda s: s if s and s != before else None)(
            shown(driver, second)), timeout=30, what=f"the figure to change after {description}")
        timings[description] = time.perf_counter() - t0
        assert len(B.figures_in(second)) == 1 or after.startswith("message: No records")
        assert len(B.figures_in(first)) == 1  # the other explorer is untouched
        errors = B.console_errors(driver, IGNORED_CONSOLE)
        assert not errors, f"console errors after {description}: {errors}"
        choose(driver, second, description, before_value)  # back to where it was
        if current(driver, second, "metric") != start_metric:  # a dataset/task change moved it
            choose(driver, second, "metric", start_metric)
        B.wait_for(lambda: shown(driver, second) == before, timeout=30,
                   what=f"the figure to come back after {description}")
    # the metric control (curves: accuracy and train_loss)
    bars = shown(driver, second)
    choose(driver, second, "view", "curves over steps")
    B.wait_for(lambda: shown(driver, second) != bars, what="the curves")
    before = shown(driver, second)
    choose(driver, second, "metric", "train_loss")
    B.wait_for(lambda: shown(driver, second) != before, what="the metric to change the figure")
    assert "train_loss" in json.loads(shown(driver, second))["title"]
    driver.save_screenshot(str(_shots(lab) / "explorer-curves-train-loss.png"))
    assert not B.console_errors(driver, IGNORED_CONSOLE)
    # nothing matches: the figure goes, a message comes
    choose(driver, second, "view", "per-language bars")
    choose(driver, second, "notebook", "01_copy_weight_anatomy")
    choose(driver, second, "split", "test")
    B.wait_for(lambda: shown(driver, second).startswith("message: No records"),
               what="the no-match message")
    assert not B.figures_in(second)
    driver.save_screenshot(str(_shots(lab) / "explorer-no-match.png"))
    print("\n[kitlib] explorer update times in the browser (s): "
          + ", ".join(f"{k} {v:.2f}" for k, v in timings.items()))


def test_layer_picker_builds_the_hand_picked_layers(lab, driver):
    from selenium.webdriver.support.ui import Select

    out = lab.root / "picker-runs"
    B.write_notebook(lab.root / "picker.ipynb", [
        "from kitlib import params\nfrom kitlib.experiments import anatomy\n"
        "import kitlib.layer_picker\n"
        f"P = params.load_params('01', 'smoke', out_dir={str(out)!r}, progress=False)\n"
        "result = anatomy.run(P)",
        "kitlib.layer_picker.layer_picker(result.extra['lab'])",
    ])
    B.open_and_run(driver, lab, "picker.ipynb", 2, timeout=300)
    assert not B.errors_in_outputs(driver)
    picker = B.cell(driver, 1)
    B.wait_for(lambda: len(B.figures_in(picker)) == 1, what="the picker's figure")
    B.console_errors(driver, IGNORED_CONSOLE)
    layers = Select(picker.find_element("css selector", ".widget-select-multiple select"))
    layers.deselect_all()
    n = len(layers.options)
    layers.select_by_visible_text("layer 0")
    layers.select_by_visible_text(f"layer {n - 1}")
    B.wait_for(lambda: current(driver, picker, "layer map") == "custom",
               what="the map to switch to custom")
    next(b for b in picker.find_elements("css selector", "button")
         if b.text == "Build student").click()
    want = f"teacher layers [0, {n - 1}]"
    B.wait_for(lambda: want in json.loads(B.figure_json(driver, picker))["title"],
               timeout=60, what="the hand-picked student")
    assert len(B.figures_in(picker)) == 1
    slider = control(driver, picker, "depth")
    assert "2" in slider.text  # the depth follows the number of layers picked
    heat = driver.execute_script(
        "const gd = arguments[0].querySelector('div.js-plotly-plot');"
        "const h = gd.data.find(t => t.type === 'heatmap');"
        "return [Array.from(h.y), Array.from(h.x), h.colorbar.title.text];", picker)
    assert heat[0] == ["emb"] + [f"T{k}" for k in range(n)]
    assert heat[1] == ["emb", "S0", "S1"] and heat[2] == "CKA"
    assert not B.console_errors(driver, IGNORED_CONSOLE)
    driver.save_screenshot(str(_shots(lab) / "layer-picker.png"))


def test_standalone_html_renders_offline_and_the_dropdown_keeps_the_title(lab, driver):
    from kitlib import plots

    f = R.student(init="from-teacher", kd=False)
    df = R.frame(("S", f, R.eval_rows(f, {"en": 0.5, "de": 0.4}, split="dev")
                  + R.eval_rows(f, {"en": 0.6, "de": 0.5}, split="test")))
    page = plots.save_html(plots.per_language_bars(df, metric="accuracy",
                                                   title="Score per language"),
                           lab.root / "html" / "bars.html")
    driver.get(page.as_uri())
    B.wait_for(lambda: driver.execute_script(
        "return !!(window.Plotly && document.querySelector('.js-plotly-plot .main-svg'))"),
        what="the offline figure")
    title = lambda: driver.execute_script(  # noqa: E731
        "const t = document.querySelector('.gtitle'); return t ? t.textContent : null;")
    assert title() == "Score per language · dev"
    driver.find_element("css selector", ".updatemenu-header-group").click()
    B.wait_for(lambda: len(driver.find_elements("css selector",
                                                ".updatemenu-dropdown-button")) >= 2,
               what="the dropdown to open")
    next(b for b in driver.find_elements("css selector", ".updatemenu-dropdown-button")
         if b.get_attribute("textContent").strip() == "test").click()
    B.wait_for(lambda: title() == "Score per language · test", what="the title after the choice")
    assert not B.console_errors(driver, IGNORED_CONSOLE)


def test_explorer_over_notebook_05_compares_prediction_losses_and_vocabularies(lab, driver):
    """Notebook 05's own records (its experiment on the smoke preset): the explorer offers
    its fields as comparisons, and choosing one redraws the one figure with one series per
    value, named in the paper's words."""
    from kitlib import experiments, params

    runs = lab.root / "runs05"
    experiments.run(params.load_params("05", "smoke", out_dir=str(runs), progress=False))
    B.write_notebook(lab.root / "explore05.ipynb", [
        f"import kitlib\nkitlib.explore({str(runs)!r}, notebook='05_open_questions')"])
    B.open_and_run(driver, lab, "explore05.ipynb", 1)
    assert not B.errors_in_outputs(driver)
    cell = B.cell(driver, 0)
    B.wait_for(lambda: len(B.figures_in(cell)) == 1, what="the explorer's figure")
    B.console_errors(driver, IGNORED_CONSOLE)
    for option, values in (("KD prediction loss", ("kl:1", "kl:2", "mse")),
                           ("vocabulary", ("trimmed", "full"))):
        before = shown(driver, cell)
        choose(driver, cell, "compare", option)
        after = B.wait_for(lambda: (lambda s: s if s and s != before else None)(
            shown(driver, cell)), timeout=30, what=f"the figure to change for {option}")
        names = [trace[0] for trace in json.loads(after)["data"]]
        for value in values:
            assert any(name.split(" / ")[0] == value for name in names), (value, names)
        assert len(B.figures_in(cell)) == 1
        assert not B.console_errors(driver, IGNORED_CONSOLE)
    driver.save_screenshot(str(_shots(lab) / "explorer-05-vocabulary.png"))
