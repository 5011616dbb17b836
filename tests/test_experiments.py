"""kitlib.experiments: the summary logic on hand-made records, and one real smoke run that
shows the grid is resumable (a failing run writes nothing; a rerun does only what is
missing)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from kitlib import params
from kitlib.experiments import kd_ablation, learning_speed, zero_shot
from kitlib.experiments.runs import run_id
from kitlib.experiments.tables import final_scores


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("TRANSFORMERS_VERBOSITY", "error")


def rec(run, init, kd, lang, value, *, split="test", step=10, metric="accuracy", **kw):
    """A record; ``init="teacher"`` here is shorthand for the teacher's role (no init)."""
    role = "teacher" if init == "teacher" else "student"
    return {"run_id": run, "task": "classification", "role": role,
            "init": None if role == "teacher" else init, "kd": kd,
            "kd_terms": kw.pop("kd_terms", "pred+hidden+attn+embed" if kd else ""),
            "split": split, "lang": lang, "lang_group": kw.pop("lang_group", "seen"),
            "metric": metric, "value": value, "stderr": 0.01, "step": step, "seed": 44,
            "teacher_id": "t", "subset": kw.pop("subset", 1.0), **kw}


def test_attribution_separates_init_gain_from_kd_gain():
    P = params.load_params("02")
    scores = {("from-scratch", False): 0.2, ("from-scratch", True): 0.5,
              ("from-base", False): 0.6, ("from-base", True): 0.7,
              ("from-teacher", False): 0.8, ("from-teacher", True): 0.85}
    rows = [rec("teacher", "teacher", False, "en", 0.9)]
    for (init, kd), v in scores.items():
        run = f"{init}-{kd}"
        rows += [rec(run, init, kd, "en", v), rec(run, init, kd, "en", 0.0, step=5),
                 rec(run, init, kd, "all", v, lang_group="all")]
    t = kd_ablation.tables(pd.DataFrame(rows), P)
    att = t["attribution"]
    assert att.loc["en", "init gain (from-teacher vs from-scratch, no KD)"] == pytest.approx(0.6)
    assert att.loc["en", "KD gain at from-scratch"] == pytest.approx(0.3)
    assert att.loc["en", "KD gain at from-teacher"] == pytest.approx(0.05)
    assert t["per_language"].loc["from-base, KD", "en"] == pytest.approx(0.7)  # last step only
    assert t["per_language"].loc["teacher", "en"] == pytest.approx(0.9)


def test_steps_to_target_uses_each_languages_teacher_score():
    rows = [rec("T", "teacher", False, "en", 1.0, split="dev", step=0),
            rec("T", "teacher", False, "de", 0.5, split="dev", step=0)]
    for step, en, de in [(5, 0.5, 0.46), (10, 0.95, 0.4), (15, 0.99, 0.44)]:
        rows += [rec("S", "from-teacher", True, "en", en, split="dev", step=step),
                 rec("S", "from-teacher", True, "de", de, split="dev", step=step)]
    reach = learning_speed.steps_to_target(pd.DataFrame(rows), 0.9, "accuracy")
    got = dict(zip(reach.lang, reach.steps))
    assert got["en"] == 10 and got["de"] == 5


def test_steps_to_target_never_reached_is_nan():
    rows = [rec("T", "teacher", False, "en", 1.0, split="dev", step=0),
            rec("S", "from-scratch", True, "en", 0.3, split="dev", step=5)]
    reach = learning_speed.steps_to_target(pd.DataFrame(rows), 0.9, "accuracy")
    assert math.isnan(reach.steps.iloc[0])


def test_transfer_gap_is_relative_to_the_training_language():
    rows = []
    for init, en, sw in [("teacher", 0.9, 0.6), ("from-teacher", 0.8, 0.6)]:
        rows += [rec(init, init, init != "teacher", "en", en, scenario="en"),
                 rec(init, init, init != "teacher", "sw", sw, scenario="en",
                     lang_group="unseen")]
    gap = zero_shot.tables(pd.DataFrame(rows))["transfer_gap"]
    assert gap.loc[("en", "teacher"), "sw"] == pytest.approx(-0.3)
    assert gap.loc[("en", "from-teacher, KD"), "sw"] == pytest.approx(-0.2)
    assert gap.loc[("en", "from-teacher, KD"), "en"] == pytest.approx(0.0)


def test_final_scores_keep_the_last_step_of_each_run():
    df = pd.DataFrame([rec("a", "from-base", True, "en", 0.1, step=1),
                       rec("a", "from-base", True, "en", 0.7, step=9)])
    assert final_scores(df).value.tolist() == [0.7]


def test_run_id_ignores_grid_lists_but_not_the_setting():
    a = params.load_params("02", seeds=[1, 2])
    b = params.load_params("02", seeds=[1, 2, 3], inits=["from-teacher"])
    c = params.load_params("02", lr=1e-4)
    spec = dict(init="from-teacher", seed=1)
    assert run_id(a, "x", **spec) == run_id(b, "x", **spec)
    assert run_id(a, "x", **spec) != run_id(c, "x", **spec)


@pytest.mark.slow
def test_failed_run_writes_nothing_and_rerun_completes_only_the_rest(tmp_path, monkeypatch):
    """Real pipeline (smoke preset): the 3rd student raises; a rerun trains only it and
    the runs after it."""
    from kitlib import experiments
    from kitlib.experiments import runs

    P = params.load_params("04", "smoke", subset=[0.05], out_dir=str(tmp_path / "out"),
                           progress=False)
    calls = []
    real = runs.train_and_test

    def flaky(s, student, teacher, data, cfg, kd, layer_ids, emit):
        calls.append(1)
        emit([{"step": 1, "split": "dev", "lang": "en", "lang_group": "seen",
               "metric": "accuracy", "value": 0.0, "n": 1, "stderr": 0.0, "wall_s": 0.0}])
        if len(calls) == 2:
            raise RuntimeError("interrupted")
        return real(s, student, teacher, data, cfg, kd, layer_ids, emit)

    monkeypatch.setattr(runs, "train_and_test", flaky)
    with pytest.raises(RuntimeError, match="interrupted"):
        experiments.run(P)
    from kitlib.results import ResultStore

    store = ResultStore(tmp_path / "out")
    assert len(store.complete_runs()) == 2  # the teacher and the first student
    first = set(store.complete_runs())
    result = experiments.run(P)
    assert set(result.skipped) == first
    assert len(result.done) == 2 and len(result.run_ids) == 4
    df = result.records
    assert df.run_id.nunique() == 4
    assert set(df[df.role == "student"].init) == set(P.inits)
    assert df[df.role == "teacher"].init.isna().all()


def test_anatomy_parameter_counts_are_whole_numbers():
    """Issue 8 item 7: parameter counts showed as "18624.0"."""
    from kitlib.experiments import anatomy

    rows = [dict(rec("T", "teacher", False, "all", 18624.0, split="model", step=0,
                     metric="params_total", lang_group="all"), layer_map="all", num_layers=4),
            dict(rec("T", "teacher", False, "en", 0.5, split="dev", step=0),
                 layer_map="all", num_layers=4)]
    params_table = anatomy.tables(pd.DataFrame(rows))["params"]
    assert params_table.loc["teacher", "total"] == 18624
    assert str(params_table.dtypes["total"]) == "int64"
