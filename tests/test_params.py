"""kitlib.params: every bad parameter stops the run with one KitError naming key, value and
what is allowed -- before any work (nothing is imported from torch, nothing is cached)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from kitlib import params
from kitlib.errors import KitError

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = list(params.NOTEBOOKS)


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))


def _error(notebook="04_learning_speed", **overrides) -> str:
    with pytest.raises(KitError) as info:
        params.load_params(notebook, **overrides)
    return str(info.value)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_pocket_preset_equals_schema_defaults(notebook):
    P = params.load_params(notebook, "pocket")
    assert P.values == params.defaults(notebook)
    assert P.notebook == notebook


def test_pocket_yaml_lists_every_parameter():
    data = yaml.safe_load((ROOT / "params" / "pocket.yaml").read_text())
    assert set(data) == set(params.SCHEMA)


@pytest.mark.parametrize("preset", ["smoke", "paper-xlmr", "paper-mdeberta"])
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_preset_is_valid_for_every_notebook(preset, notebook):
    params.load_params(notebook, preset)


def test_unknown_key_names_it_and_suggests():
    msg = _error(subsets=[0.05])
    assert "subsets" in msg and "'subset'" in msg


def test_unknown_key_injected_by_papermill_is_caught():
    namespace = {**params.defaults("02_kd_ablation"), "lr_teacher": 1e-4, "In": [], "_": 1,
                 "kitlib": params}
    with pytest.raises(KitError, match="lr_teacher"):
        params.from_notebook("02_kd_ablation", namespace)


def test_key_of_another_notebook_is_ignored(capsys):
    P = params.from_notebook("02_kd_ablation", {"subset": [0.5], "seeds": [1, 2]})
    assert P.seeds == [1, 2]
    assert "subset" in P.ignored and "subset" not in P.values
    assert "ignored" in capsys.readouterr().out


@pytest.mark.parametrize("key,value,allowed", [
    ("num_layers", "six", "integer"),
    ("batch_size", 3.5, "integer"),
    ("trim_vocab", "yes", "true or false"),
    ("seeds", ["a"], "seeds"),
    ("lr", "fast", "number"),
])
def test_wrong_type(key, value, allowed):
    msg = _error(**{key: value})
    assert msg.startswith(f"{key}=") and repr(value) in msg and allowed in msg


@pytest.mark.parametrize("key,value", [
    ("lr", 0.0), ("lr", 2.0), ("batch_size", 0), ("warmup_ratio", 1.0),
    ("target_fraction", 1.5), ("max_length", 2), ("kd_temperature", -1.0),
    ("mixed_precision", "fp16"), ("teacher_data", "half"), ("kd_stages", 3),
])
def test_out_of_range(key, value):
    msg = _error(**{key: value})
    assert msg.startswith(f"{key}={value!r}") and "allowed" in msg


@pytest.mark.parametrize("value", [0, 0.0, -0.1, 1.5, [0.05, 0], "abc"])
def test_subset_outside_unit_interval(value):
    msg = _error(subset=value)
    assert "subset=" in msg and "(0, 1]" in msg


def test_subset_scalar_runs_only_that_one():
    assert params.load_params("04", subset=0.05).subset == [0.05]
    # papermill -p passes some values as strings; lists survive as YAML text
    assert params.load_params("04", subset="[0.01, 0.2]").subset == [0.01, 0.2]


def test_inits_take_the_papers_names_only():
    """One spelling (kitlib.vocab): "teacher" is a role, never an init; no short aliases."""
    assert params.load_params("02", inits=["from-teacher", "from-scratch"]).inits == [
        "from-teacher", "from-scratch"]
    assert "from-teacher" in _error("02", inits=["copy"])
    assert "role" in _error("02", inits=["teacher"])
    assert "from-scratch" in _error("02", inits=["scratch"])


def test_num_layers_list_only_in_anatomy():
    assert params.load_params("01", num_layers=[4, 6]).num_layers == [4, 6]
    assert "num_layers" in _error("02", num_layers=[4, 6])


def test_layer_map_list_must_match_depth():
    assert params.load_params("02", layer_map=[0, 3, 6, 9, 10, 11]).layer_map == [
        0, 3, 6, 9, 10, 11]
    assert "layer_map" in _error("02", layer_map=[0, 1])
    assert "layer_map='every_third'" in _error("02", layer_map="every_third")


def test_kd_layer_map_is_separate_from_the_copy_map():
    P = params.load_params("04")
    assert (P.layer_map, P.kd_layer_map) == ("alternate", "last_of_block")
    assert "kd_layer_map=[1, 3]" in _error("02", kd_layer_map=[1, 3])


def test_kd_weights_must_name_every_term():
    assert "ce" in _error("02", kd_weights={"pred": 1.0})
    assert "kd_weights" in _error("02", kd_weights={"pred": -1, "hidden": 1, "attn": 1,
                                                     "embed": 1, "ce": 1})


def test_unknown_preset_lists_presets():
    msg = _error(preset="pocketz")
    assert "preset='pocketz'" in msg and "'pocket'" in msg and "'smoke'" in msg


def test_unknown_notebook():
    with pytest.raises(KitError, match="notebook='06'"):
        params.load_params("06")


def test_bad_dataset_name():
    msg = _error(dataset="pocket-intents")
    assert "dataset='pocket-intents'" in msg and "pocket-intent" in msg


def test_bad_language_name():
    msg = _error(languages=["en", "xx"])
    assert "languages=" in msg and "'xx'" in msg


def test_bad_train_language_scenario():
    msg = _error("03", train_languages=["en", "klingon"])
    assert "train_languages=" in msg and "klingon" in msg


def test_bad_backbone_name():
    msg = _error(backbone="xlm-roberta-bigger")
    assert "backbone='xlm-roberta-bigger'" in msg and "me5-small-q4" in msg


def test_validation_does_no_work(tmp_path):
    """Validation must not load torch or write caches (it runs before anything)."""
    import subprocess

    code = ("import sys, kitlib.params as p\n"
            "p.load_params('04', subset=0.05)\n"
            "try:\n    p.load_params('04', subset=0)\nexcept Exception as e: print(type(e).__name__)\n"
            "print('torch' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"KITLIB_CACHE": str(tmp_path / "c"), "PATH": "/usr/bin:/bin"},
                         cwd=ROOT, check=True).stdout.split()
    assert out == ["KitError", "False"]
    assert not (tmp_path / "c").exists() or not any((tmp_path / "c").rglob("*"))


def test_replace_revalidates():
    P = params.load_params("04")
    assert P.replace(subset=[0.1]).subset == [0.1]
    with pytest.raises(KitError, match="subset"):
        P.replace(subset=[2.0])


def test_hash_changes_with_values():
    a = params.load_params("04")
    assert a.hash() == params.load_params("04").hash()
    assert a.hash() != params.load_params("04", seeds=[1]).hash()


def test_a_changed_parameter_the_notebook_ignores_warns_naming_it():
    """Issue 12: subset given to notebook 02 (only 04 uses it) was only listed in a note."""
    ns = dict(params.defaults("02"), subset=[0.5], train_languages=["en", "seen"])
    with pytest.warns(UserWarning, match=r"subset=\[0.5\] is ignored by 02_kd_ablation.*04_learning_speed"):
        P = params.from_notebook("02", ns)
    assert "subset" in P.ignored
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the preset's own values of other notebooks: quiet
        params.from_notebook("02", dict(params.defaults("02"), subset=[0.01, 0.05, 0.1, 0.2]))


def test_executor_names_the_allowed_ones():
    msg = _error(executor="dask")
    assert "executor" in msg and "'local'" in msg and "'ray'" in msg


def test_ray_address_without_the_ray_executor_is_refused():
    msg = _error(ray_address="auto")
    assert "ray_address" in msg and "executor" in msg
    assert params.load_params("04_learning_speed", executor="ray",
                              ray_address="auto").ray_address == "auto"


@pytest.mark.parametrize("key,value", [("cpus_per_run", 0), ("cpus_per_run", 1.5),
                                       ("gpus_per_run", -1), ("gpus_per_run", "one")])
def test_resources_per_run_must_be_counts(key, value):
    msg = _error(executor="ray", **{key: value})
    assert key in msg and (repr(value) in msg or str(value) in msg)


def test_executor_keys_do_not_change_run_ids():
    """The executor decides how the runs are done, not which runs: a grid done on Ray is
    the same runs as done locally (and resumes either way)."""
    from kitlib.experiments.runs import run_id

    local = params.load_params("02_kd_ablation")
    ray = params.load_params("02_kd_ablation", executor="ray", ray_address="auto",
                             cpus_per_run=4, gpus_per_run=1)
    assert run_id(local, "x", seed=1) == run_id(ray, "x", seed=1)
