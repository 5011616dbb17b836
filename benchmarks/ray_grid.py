"""Wall time of notebook 02's grid: serial (``executor: local``) vs 2 Ray workers
(``executor: ray``, ``cpus_per_run: 1``) on this machine, measured interleaved.

    python benchmarks/ray_grid.py                    # the smoke grid (9 tiny runs)
    python benchmarks/ray_grid.py --max-steps 200    # the same grid, longer runs

Each repetition runs the grid into a fresh results folder with the same warm cache (the teacher
and the teacher-output caches built once before timing), serial then Ray, so both time only
the grid. Ray's start (``ray.init`` of a local instance) is printed apart; the first Ray
repetition also pays for starting its worker processes (imports, loading the teacher), later
ones reuse them. The serial runs use this process's torch threads (all cores), each Ray
worker one thread.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-steps", type=int, default=None,
                    help="students' optimizer steps (default: the smoke preset's)")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)

    import ray
    import torch

    from kitlib import experiments, params

    tmp = tempfile.mkdtemp(prefix="kitlib-ray-bench-")
    os.environ.setdefault("KITLIB_CACHE", os.path.join(tmp, "cache"))
    extra = {"max_steps": args.max_steps} if args.max_steps else {}

    def grid(tag: str, **overrides) -> tuple[float, int]:
        P = params.load_params("02_kd_ablation", "smoke", out_dir=os.path.join(tmp, tag),
                               progress=False, **extra, **overrides)
        t0 = time.perf_counter()
        result = experiments.run(P)
        return time.perf_counter() - t0, len(result.done)

    grid("warm-up")  # teacher and teacher-output caches: built once, outside the timing
    t0 = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False)
    ray_start = time.perf_counter() - t0
    serial, on_ray = [], []
    for i in range(args.repeats):
        serial.append(grid(f"serial-{i}"))
        on_ray.append(grid(f"ray-{i}", executor="ray", cpus_per_run=1))
    ray.shutdown()

    n = serial[0][1]
    print(f"\nnotebook 02 smoke grid, {n} runs, students' max_steps "
          f"{args.max_steps or 'as in smoke.yaml'}; {os.cpu_count()} cores, "
          f"torch threads serial {torch.get_num_threads()}, Ray workers 2 x 1")
    print(f"ray.init (local instance, 2 CPUs): {ray_start:.1f} s (not in the times below)")
    print(f"{'repetition':>22} {'serial s':>9} {'2 Ray workers s':>16} {'ray / serial':>13}")
    for i, ((a, _), (b, _)) in enumerate(zip(serial, on_ray)):
        what = f"{i} (workers start)" if i == 0 else f"{i} (workers warm)"
        print(f"{what:>22} {a:>9.1f} {b:>16.1f} {b / a:>13.2f}")
    if len(serial) > 1:
        med_a = statistics.median(a for a, _ in serial[1:])
        med_b = statistics.median(b for b, _ in on_ray[1:])
        print(f"{'median of warm ones':>22} {med_a:>9.1f} {med_b:>16.1f} {med_b / med_a:>13.2f}")
    assert all(k == n for _, k in serial + on_ray), "every repetition did the whole grid"
    return 0


if __name__ == "__main__":
    sys.exit(main())
