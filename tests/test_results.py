"""kitlib.results: atomic runs, resume, tidy loading, format-version check."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from kitlib.errors import CacheError, KitError
from kitlib.results import FORMAT_VERSION, RECORD_COLUMNS, RUN_COLUMNS, ResultStore, load, run_meta


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))


def _records(run: str, n: int = 3) -> list[dict]:
    return [{"notebook": "02_kd_ablation", "task": "classification", "dataset": "d",
             "init": "from-teacher", "kd": True, "kd_terms": "pred+hidden", "seed": 44,
             "step": i, "epoch": 0, "split": "dev", "lang": lang, "lang_group": "seen",
             "metric": "accuracy", "value": 0.5 + i / 10, "n": 10, "stderr": 0.1,
             "wall_s": 1.0}
            for i in range(n) for lang in ("en", "de")]


def test_run_written_with_meta_and_records(tmp_path):
    store = ResultStore(tmp_path / "out")
    with store.run("r1", run_meta({"a": 1}, device="cpu")) as run:
        run.add(_records("r1"), teacher_id="t1")
    assert store.is_complete("r1")
    meta = json.loads((tmp_path / "out" / "meta" / "r1.json").read_text())
    assert meta["params"] == {"a": 1} and meta["device"] == "cpu" and meta["n_records"] == 6
    assert meta["params_hash"] and meta["kit_version"] and "torch" in meta["packages"]
    assert meta["run_wall_s"] >= 0
    df = store.records("r1")
    assert list(df.columns[:len(RECORD_COLUMNS)]) == RECORD_COLUMNS
    assert set(df.run_id) == {"r1"} and set(df.teacher_id) == {"t1"}
    assert (tmp_path / "out" / "FORMAT_VERSION").read_text().strip() == FORMAT_VERSION


def test_exception_midway_leaves_no_partial_run(tmp_path):
    store = ResultStore(tmp_path / "out")
    with pytest.raises(RuntimeError):
        with store.run("r1", {}) as run:
            run.add(_records("r1"))
            raise RuntimeError("killed during training")
    assert not store.is_complete("r1")
    assert list((tmp_path / "out" / "runs").iterdir()) == []
    assert list((tmp_path / "out" / "meta").iterdir()) == []
    assert load(tmp_path / "out").empty


def test_failed_parquet_write_leaves_no_marker(tmp_path, monkeypatch):
    store = ResultStore(tmp_path / "out")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", boom)
    with pytest.raises(OSError):
        store.write_run("r1", _records("r1"), {})
    assert not store.is_complete("r1")
    assert not any(p.name.endswith(".parquet") for p in (tmp_path / "out").rglob("*"))


def test_rerun_completes_only_what_is_missing(tmp_path):
    """The pattern every experiment uses: skip complete runs unless redo."""
    done = []

    def experiment(store, runs, fail_on=None, redo=False):
        for r in runs:
            if store.is_complete(r) and not redo:
                continue
            with store.run(r, {}) as run:
                if r == fail_on:
                    raise RuntimeError("interrupted")
                done.append(r)
                run.add(_records(r, 1))

    store = ResultStore(tmp_path / "out")
    with pytest.raises(RuntimeError):
        experiment(store, ["a", "b", "c"], fail_on="b")
    assert store.complete_runs() == ["a"]
    experiment(ResultStore(tmp_path / "out"), ["a", "b", "c"])
    assert done == ["a", "b", "c"]
    experiment(store, ["a", "b", "c"], redo=True)
    assert done == ["a", "b", "c", "a", "b", "c"]


def test_load_returns_tidy_frame_with_run_columns(tmp_path):
    store = ResultStore(tmp_path / "out")
    store.write_run("r1", _records("r1", 2), run_meta({"x": 1}, device="cpu"))
    extra = [dict(r, teacher_layer=3, student_layer=1, metric="cka") for r in _records("r2", 1)]
    store.write_run("r2", extra, run_meta({"x": 2}, device="cpu"))
    df = load(tmp_path / "out")
    assert len(df) == 4 + 2
    assert list(df.columns[:len(RECORD_COLUMNS)]) == RECORD_COLUMNS
    assert list(df.columns[-len(RUN_COLUMNS):]) == RUN_COLUMNS
    assert set(df.run_id) == {"r1", "r2"} and set(df.device) == {"cpu"}
    assert df.groupby("run_id").params_hash.nunique().eq(1).all()
    assert df.params_hash.nunique() == 2
    assert df.loc[df.run_id == "r2", "teacher_layer"].eq(3).all()
    assert df.value.dtype == "float64"
    # tidy: one row per run x step x split x lang x metric
    assert not df.duplicated(["run_id", "step", "split", "lang", "metric"]).any()


def test_list_values_are_stored_as_json_text(tmp_path):
    store = ResultStore(tmp_path / "out")
    store.write_run("r1", [dict(r, layer_map=[0, 2, 4]) for r in _records("r1", 1)], {})
    assert json.loads(load(tmp_path / "out").layer_map.iloc[0]) == [0, 2, 4]


def test_incompatible_version_is_refused(tmp_path):
    ResultStore(tmp_path / "out")
    (tmp_path / "out" / "FORMAT_VERSION").write_text("0\n")
    with pytest.raises(CacheError, match="new out_dir"):
        ResultStore(tmp_path / "out")
    with pytest.raises(CacheError, match="format"):
        load(tmp_path / "out")


def test_foreign_folder_with_runs_is_refused(tmp_path):
    (tmp_path / "out" / "runs").mkdir(parents=True)
    pd.DataFrame({"a": [1]}).to_parquet(tmp_path / "out" / "runs" / "x.parquet")
    with pytest.raises(CacheError, match="FORMAT_VERSION"):
        ResultStore(tmp_path / "out")


def test_bad_run_id_and_missing_folder(tmp_path):
    store = ResultStore(tmp_path / "out")
    with pytest.raises(KitError, match="run_id"):
        store.is_complete("../escape")
    with pytest.raises(KitError, match="results_dir"):
        load(tmp_path / "nope")
    with pytest.raises(KitError, match="no records"):
        store.write_run("r1", [], {})
