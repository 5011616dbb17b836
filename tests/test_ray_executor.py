"""``executor: ray``: the smoke grid of notebook 02 on a local Ray instance with 2 workers.

What must hold: the same runs (ids) with the same records as the serial executor; a run whose
worker dies is reported by id while the others complete; a rerun does only the missing one.

Tolerance of the comparison: the serial run computes with this process's torch threads, each
Ray worker with one (``cpus_per_run: 1``), so float reductions could be summed in another
order; scores and losses must agree to 1e-6 absolute (measured here: identical). What says
how long a run took (the ``step_s`` metric, ``wall_s``, ``run_wall_s``, ``finished_at``) and
the run metadata (``params_hash`` covers ``executor``) differ by construction and are not
compared.
"""
from __future__ import annotations

import pandas as pd
import pytest

from kitlib import experiments, params, vocab
from kitlib.errors import KitError
from kitlib.results import RUN_COLUMNS, ResultStore, load

# columns that say how long or where, not what was measured
NOT_COMPARED = set(RUN_COLUMNS) | {"wall_s"}
TOLERANCE = 1e-6


@pytest.fixture()
def ray_session():
    """Shut down whatever Ray instance the test started (or the executor started for it)."""
    import ray

    yield ray
    ray.shutdown()


def _smoke_02(out, **overrides) -> params.RunParams:
    return params.load_params("02_kd_ablation", "smoke", out_dir=str(out), **overrides)


def _comparable(df: pd.DataFrame) -> pd.DataFrame:
    df = df[df.metric != vocab.STEP_TIME]
    keep = [c for c in df.columns if c not in NOT_COMPARED]
    keys = [c for c in keep if c not in ("value", "stderr")]
    return df[keep].sort_values(keys, key=lambda col: col.astype(str)).reset_index(drop=True)


@pytest.mark.slow
def test_ray_grid_records_equal_the_serial_runs(tmp_path, monkeypatch, capsys, ray_session):
    """The serial run uses the session cache; the Ray run a fresh one, so its driver
    fine-tunes the teacher again (once, before the fan-out) and its workers build the
    shared teacher-output cache of KD concurrently (once, under the lock)."""
    serial = experiments.run(_smoke_02(tmp_path / "serial"))
    assert len(serial.done) == len(serial.run_ids) >= 8

    cache = tmp_path / "ray-cache"
    monkeypatch.setenv("KITLIB_CACHE", str(cache))
    capsys.readouterr()
    on_ray = experiments.run(_smoke_02(tmp_path / "ray", executor="ray", cpus_per_run=1))
    log = capsys.readouterr().out
    # the executor started a local instance (all of this machine's cores) and stopped it after
    assert f"{len(serial.run_ids)} runs as Ray tasks (1 CPU, 0 GPU each; cluster: {{" in log
    assert not ray_session.is_initialized()

    assert on_ray.run_ids == serial.run_ids and sorted(on_ray.done) == sorted(serial.done)
    a, b = load(tmp_path / "serial"), load(tmp_path / "ray")
    assert len(a) == len(b) > 0
    a, b = _comparable(a), _comparable(b)
    pd.testing.assert_frame_equal(a.drop(columns=["value", "stderr"]),
                                  b.drop(columns=["value", "stderr"]))
    for col in ("value", "stderr"):
        diff = (a[col].astype(float) - b[col].astype(float)).abs()
        assert diff.fillna(0).max() <= TOLERANCE, f"{col}: max |serial - ray| {diff.max()}"
        assert a[col].isna().equals(b[col].isna())
    # the workers really were other processes, and the teacher was fine-tuned once
    meta = ResultStore(tmp_path / "ray").meta(on_ray.run_ids[-1])
    assert meta["params"]["executor"] == "ray"
    assert len([p for p in (cache / "teachers").iterdir() if p.is_dir()]) == 1
    assert not [p for p in (cache / "teacher_outputs").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.slow
def test_a_dead_worker_fails_its_run_only_and_a_rerun_does_just_that_one(tmp_path,
                                                                        ray_session):
    from kitlib.experiments import kd_ablation
    from kitlib.experiments.setting import open_setting
    from kitlib.testing import crash_worker_on_run

    P = _smoke_02(tmp_path / "out")
    plans = kd_ablation.plans_of(open_setting(P))  # the same runs as with executor ray
    P = P.replace(executor="ray")
    victim = next(p for p in plans if p.label.startswith("from-base-KD"))
    ray_session.init(num_cpus=2, include_dashboard=False,
                     runtime_env={"worker_process_setup_hook": crash_worker_on_run(victim.run_id)})
    # first, a run that this cluster cannot schedule stops before any work, naming why
    with pytest.raises(KitError, match=r"gpus_per_run.*at most 0, the GPUs of the whole Ray"):
        experiments.run(P.replace(gpus_per_run=1, out_dir=str(tmp_path / "no-gpu")))
    assert not (tmp_path / "no-gpu" / "runs").exists() or \
        not list((tmp_path / "no-gpu" / "runs").iterdir())
    assert ray_session.is_initialized()  # the test's own instance is kept
    with pytest.raises(KitError) as info:
        experiments.run(P)
    msg = str(info.value)
    assert f"1 of {len(plans)} runs failed" in msg
    assert victim.run_id in msg and "died" in msg.lower()
    store = ResultStore(tmp_path / "out")
    assert set(store.complete_runs()) == {p.run_id for p in plans} - {victim.run_id}

    ray_session.shutdown()  # a new instance without the injected failure
    ray_session.init(num_cpus=2, include_dashboard=False)
    result = experiments.run(P)
    assert result.done == [victim.run_id]
    assert sorted(result.skipped) == sorted(p.run_id for p in plans if p is not victim)
    assert load(tmp_path / "out").run_id.nunique() == len(plans)


@pytest.mark.parametrize("make,expected", [
    (lambda exceptions: exceptions.RayTaskError("run_in_worker", "Traceback ...\nlong",
                                                ValueError("lr=-1 is not allowed\nhint")),
     "ValueError: lr=-1 is not allowed"),
    (lambda exceptions: exceptions.WorkerCrashedError(),
     "WorkerCrashedError: The worker died unexpectedly"),
])
def test_a_failed_run_is_told_by_its_own_error_in_one_line(make, expected):
    """The run's exception, not Ray's wrapper with its traceback; a dead worker says so."""
    from ray import exceptions

    from kitlib.experiments.ray_grid import failure_text

    text = failure_text(make(exceptions))
    assert text.startswith(expected) and "\n" not in text and "Traceback" not in text
