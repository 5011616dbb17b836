"""The laptop presets (params/laptop-{tsm,uner,massive}.yaml): valid for every notebook, the
settings the issue asks for, and run through the smoke-sized path on hub-layout fixtures.

"Smoke-sized path": the preset is loaded as a user would load it; only the sizes (backbone,
depth, steps, seeds, evaluation caps) are replaced by those of params/smoke.yaml and
``data_dir`` points at a small corpus in the dataset's own file layout (tests/hub_layouts.py;
the hub is not reachable in tests). Everything else -- dataset, languages, seen/unseen and
English-only scenarios, inits, KD terms, subsets -- is the preset's own, so a preset whose
language selection or grid does not fit its dataset fails here.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hub_layouts import write_massive_layout, write_tsm_layout
from kitlib import params
from kitlib.testing import write_uner_like

ROOT = Path(__file__).resolve().parents[1]
LAPTOP = ["laptop-tsm", "laptop-uner", "laptop-massive"]
DATASET = {"laptop-tsm": "tsm", "laptop-uner": "uner", "laptop-massive": "massive"}
# what the smoke preset sizes; every other key stays the laptop preset's own
SIZES = ("backbone", "backbone_source", "num_layers", "max_eval_per_lang", "max_length",
         "batch_size", "teacher_lr", "teacher_epochs", "teacher_max_steps", "allow_weak_teacher",
         "lr", "student_epochs", "min_steps", "max_steps", "warmup_ratio", "eval_every", "seeds",
         "layer_maps", "similarity_examples", "kd_ablation")


def _raw(preset: str) -> dict:
    return yaml.safe_load((ROOT / "params" / f"{preset}.yaml").read_text(encoding="utf-8"))


def _header(preset: str) -> str:
    lines = (ROOT / "params" / f"{preset}.yaml").read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if line.startswith("#"))


@pytest.mark.parametrize("notebook", list(params.NOTEBOOKS))
@pytest.mark.parametrize("preset", LAPTOP)
def test_laptop_preset_is_valid_for_every_notebook(preset, notebook):
    P = params.load_params(notebook, preset)
    assert P.dataset == DATASET[preset]


@pytest.mark.parametrize("preset", LAPTOP)
def test_laptop_preset_lists_every_parameter_and_the_offline_backbone(preset):
    raw = _raw(preset)
    assert set(raw) == set(params.SCHEMA)  # one file serves all four notebooks, nothing implicit
    assert raw["backbone"] == "me5-small-q4" and raw["backbone_source"] in ("auto", "offline")
    assert raw["data_dir"] is None  # the hub on first use; data_dir is the user's override
    assert len(raw["seeds"]) >= 3 and {"from-base", "from-teacher"} <= set(raw["inits"])
    assert "en" in raw["train_languages"]  # English-only zero-shot scenario


@pytest.mark.parametrize("preset", LAPTOP)
def test_laptop_preset_header_says_how_budgets_were_chosen(preset):
    head = _header(preset)
    assert "backbone: me5-small" in head and "backbone_source: hub" in head  # the one-line switch
    assert "2026-12-02" in head and "2-core Xeon with AMX, bf16 autocast" in head
    assert "benchmarks/laptop_budgets.py" in head
    # (that no preset names a folder a clone lacks is tests/test_architecture.py's check)


def test_massive_preset_names_about_twelve_locales_across_scripts():
    from kitlib.data import language_groups

    langs = _raw("laptop-massive")["languages"]
    groups = language_groups("massive")
    assert 10 <= len(langs) <= 14
    seen = [lang for lang in langs if lang in groups["seen"]]
    assert seen and len(seen) < len(langs)  # the seen scenario leaves unseen languages


def _fixture(preset: str, folder: Path) -> Path:
    if preset == "laptop-tsm":
        return write_tsm_layout(folder)
    if preset == "laptop-uner":
        return write_uner_like(folder, train_sentences=40)
    langs = _raw(preset)["languages"]
    return write_massive_layout(folder, langs if isinstance(langs, list) else ["en", "de"])


def _smoke_sized(preset: str, notebook: str, data_dir: Path, out: Path) -> params.RunParams:
    smoke = _raw("smoke")
    keys = params.notebook_keys(notebook)
    over = {k: smoke[k] for k in SIZES if k in keys}
    return params.load_params(notebook, preset, data_dir=str(data_dir), out_dir=str(out),
                              progress=False, **over)


@pytest.mark.parametrize("preset", LAPTOP)
def test_laptop_preset_selection_loads_from_hub_layout_files(preset, tmp_path):
    """Every scenario of notebook 03 and the data of 02 resolve on files in the hub layout:
    English-only trains on en alone, "seen" on the dataset's seen group, the rest unseen."""
    import warnings

    from kitlib.data import language_groups, load

    folder = _fixture(preset, tmp_path / "data")
    P = _smoke_sized(preset, "03", folder, tmp_path / "out")
    groups = language_groups(P.dataset)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tweet fixture's empty row is warned about
        for scenario in P.train_languages:
            data = load(P.dataset, languages=P.languages, train_languages=scenario,
                        data_dir=str(folder), max_eval_per_lang=P.max_eval_per_lang)
            if scenario == "en":
                assert data.train_languages == ["en"]
            elif scenario == "seen":
                assert set(data.train_languages) <= set(groups["seen"])
            assert data.unseen_languages, f"{preset}: scenario {scenario!r} leaves nothing unseen"
            assert {ex.lang for ex in data.train} == set(data.train_languages)


@pytest.mark.slow
@pytest.mark.parametrize("preset", LAPTOP)
def test_laptop_preset_runs_notebooks_02_to_04_smoke_sized(preset, tmp_path, monkeypatch):
    """02, 03 and 04 through their experiment functions (what the notebooks call) with the
    preset's data selection and grid: every promised run is written, students are scored on
    every language, and 03 reports seen and unseen groups."""
    import warnings

    from kitlib import experiments
    from kitlib.results import load

    from test_notebooks import expected_runs

    monkeypatch.setenv("TRANSFORMERS_VERBOSITY", "error")
    folder = _fixture(preset, tmp_path / "data")
    for notebook in ("02", "03", "04"):
        out = tmp_path / f"out-{notebook}"
        P = _smoke_sized(preset, notebook, folder, out)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            experiments.run(P)
        df = load(out)
        assert df.run_id.nunique() == expected_runs(P), notebook
        assert set(df.dataset) == {DATASET[preset]}
        students = df[(df.role == "student") & (df.split == "test")]
        langs = set(df[df.role == "teacher"].lang) - {"all", "seen", "unseen", "all_but_en"}
        assert langs and langs <= set(students.lang)
        if notebook == "03":
            assert {"seen", "unseen"} <= set(students.lang)
        assert (out / "claims" / f"{params.notebook_name(notebook)}.md").exists()
