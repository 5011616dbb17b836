"""A notebook's grid of runs as Ray tasks (``executor: ray``).

Why this shape: a :class:`~kitlib.experiments.runs.Plan` closes over models in memory, which
are neither cheap nor safe to ship to another process. A task therefore gets only what
identifies its run -- the notebook, its validated parameter values, the results folder, the
run id and the cache folder -- and the worker rebuilds the notebook's plans from the same
parameters (``plans_of``, memoized per worker), then runs the one with that id through
:func:`kitlib.experiments.runs.run_plan`, exactly as the local executor does. The shared
teacher(s) were fine-tuned by the driver before the fan-out (building the plans does it), so
the workers load them from ``KITLIB_CACHE``; caches that runs build themselves (the
teacher-output cache of KD) are built once under a lock (:func:`kitlib.paths.build_lock`).
Records land in the same atomic per-run files as with ``local``, so resuming and skipping
complete runs work the same; a run that fails (an exception, or its worker dying) is reported
with its id after the others have finished.

On a cluster ``out_dir`` and ``KITLIB_CACHE`` must be on a filesystem every node mounts at
the same path (README "Scale out").
"""
from __future__ import annotations

import os
from typing import Any

from kitlib.errors import KitError, bad_value
from kitlib.experiments import runs
from kitlib.experiments.runs import Plan
from kitlib.experiments.setting import Setting
from kitlib.paths import cache_dir, stable_hash

# per worker process: the setting and plans of the grid it last ran a run of
_WORKER_GRID: dict[str, tuple[Setting, dict[str, Plan]]] = {}


def connect(P: Any) -> bool:
    """Join Ray and check that one run fits: a Ray instance this process already joined is
    used as it is (a test's or the user's own ``ray.init``; returns False); else
    ``ray_address`` null starts a local instance and ``auto`` / an address joins a running
    cluster (returns True: the grid disconnects when it is done). ``cpus_per_run`` /
    ``gpus_per_run`` above what the whole cluster has would leave every task waiting
    forever, so they stop here with an error naming the parameter."""
    import ray

    started = not ray.is_initialized()
    if started:
        try:
            ray.init(address=P.ray_address, include_dashboard=False, log_to_driver=True)
        except (ConnectionError, RuntimeError, ValueError) as err:
            raise KitError(f"ray_address={P.ray_address!r}: could not start or join Ray "
                           f"({type(err).__name__}: {err}). Allowed: null (a local Ray "
                           "instance), 'auto' (the cluster this node belongs to) or "
                           "'host:port' / 'ray://host:port' of a running cluster.") from err
    have = ray.cluster_resources()
    for key, resource in (("cpus_per_run", "CPU"), ("gpus_per_run", "GPU")):
        if P.values[key] > have.get(resource, 0.0):
            if started:
                ray.shutdown()
            raise bad_value(key, P.values[key], f"at most {have.get(resource, 0.0):g}, the "
                            f"{resource}s of the whole Ray cluster",
                            hint="A run that needs more would wait forever. Lower it, or join "
                                 "a cluster that has them (ray_address).")
    return started


def execute_on_ray(s: Setting, plans: list[Plan], desc: str) -> list[str]:
    """Run ``plans`` as Ray tasks (``cpus_per_run`` / ``gpus_per_run`` each, no retries);
    returns the ids done, in plan order. Progress: runs done / total. When any failed, the
    others still finish, and then one :class:`KitError` lists every failed run id with its
    error (rerunning does only those: the completed runs are in the store)."""
    import ray

    if not ray.is_initialized():  # a setting opened without joining Ray (or Ray stopped)
        s.ray_started = connect(s.P)
    try:
        return _run_tasks(s, plans, desc) if plans else []
    finally:
        # Ray started or joined for this grid stops with it (else its processes outlive the
        # notebook's work, and a kernel shut down by papermill is killed mid-exit); a Ray
        # instance the caller joined itself stays, with its warm workers
        if s.ray_started:
            ray.shutdown()
            s.ray_started = False


def _run_tasks(s: Setting, plans: list[Plan], desc: str) -> list[str]:
    import ray
    from tqdm.std import tqdm

    P = s.P
    task = ray.remote(run_in_worker).options(
        num_cpus=P.cpus_per_run, num_gpus=P.gpus_per_run, max_retries=0,
        name=f"kitlib {P.notebook}")
    cache = str(cache_dir())
    pending = {task.remote(P.notebook, dict(P.values), str(s.store.root), plan.run_id, cache):
               plan for plan in plans}
    s.log(f"{desc}: {len(plans)} run{'s' * (len(plans) != 1)} as Ray tasks ({P.cpus_per_run} CPU, "
          f"{P.gpus_per_run:g} GPU each; cluster: {ray.cluster_resources()})")
    ok: set[str] = set()
    failed: list[tuple[str, str]] = []
    bar = tqdm(total=len(plans), desc=f"{desc} (Ray)", unit="run", disable=not s.progress)
    waiting = list(pending)
    while waiting:
        ready, waiting = ray.wait(waiting, num_returns=1)
        for ref in ready:
            plan = pending[ref]
            try:
                ray.get(ref)
                ok.add(plan.run_id)
                s.log(f"run {plan.run_id}: {plan.label} done")
            except Exception as err:  # noqa: BLE001 - every failure is reported, none stops the rest
                failed.append((plan.run_id, failure_text(err)))
                s.log(f"run {plan.run_id}: {plan.label} FAILED ({failed[-1][1]})")
            bar.update(1)
    bar.close()
    if failed:
        lines = "\n".join(f"  {rid}: {why}" for rid, why in failed)
        raise KitError(f"{desc}: {len(failed)} of {len(plans)} runs failed on Ray; the other "
                       f"{len(ok)} completed and are in {s.store.root}. Rerun to do only the "
                       f"failed ones:\n{lines}")
    return [p.run_id for p in plans if p.run_id in ok]


def failure_text(err: BaseException) -> str:
    """One line for a failed task: the run's own exception (not Ray's wrapper and its
    traceback), or why its worker died."""
    cause = getattr(err, "cause", None)
    cause = cause if isinstance(cause, BaseException) else err
    text = str(cause).strip().splitlines()
    return f"{type(cause).__name__}: {text[0] if text else ''}".rstrip(": ")


def run_in_worker(notebook: str, values: dict, out_dir: str, run_id: str, cache: str) -> str:
    """The body of one Ray task: run ``run_id`` of the grid ``values`` describe, in this
    worker process, with ``cpus_per_run`` torch threads and the driver's cache folder."""
    import torch

    os.environ["KITLIB_CACHE"] = cache
    torch.set_num_threads(values["cpus_per_run"])
    s, plans = _worker_grid(notebook, values, out_dir)
    if run_id not in plans:
        raise KitError(f"run {run_id!r} is not in the grid this worker built from the same "
                       f"parameters ({len(plans)} runs): are the driver and the worker on the "
                       "same kit version and the same KITLIB_CACHE?")
    runs.run_plan(s, plans[run_id])
    return run_id


def _worker_grid(notebook: str, values: dict, out_dir: str) -> tuple[Setting, dict[str, Plan]]:
    """The setting and plans of a grid, built once per worker process and grid. Progress
    bars are off in workers (Ray would interleave every worker's bars in the driver's log)."""
    from kitlib.experiments import RUNNERS
    from kitlib.experiments.setting import open_setting
    from kitlib.params import RunParams

    key = stable_hash([notebook, values, out_dir, os.environ.get("KITLIB_CACHE")])
    if key not in _WORKER_GRID:
        _WORKER_GRID.clear()  # one grid at a time: the previous one's models are freed
        s = open_setting(RunParams(notebook, {**values, "progress": False}), out_dir,
                         join_ray=False)
        _WORKER_GRID[key] = (s, {p.run_id: p for p in RUNNERS[notebook].plans_of(s)})
    return _WORKER_GRID[key]
