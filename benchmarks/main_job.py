"""Time the kit's main job: notebook 04 on 5% of the data, cold and warm, then run-all.

    .venv/bin/python benchmarks/main_job.py [--preset pocket] [--skip-run-all]

1. cold: ``papermill notebooks/04_learning_speed.ipynb out.ipynb -p subset 0.05`` with an
   empty ``KITLIB_CACHE`` (offline backbone conversion + teacher fine-tuning included);
2. warm: the same command again with the caches filled (backbone, teacher, teacher
   outputs) but a fresh results folder, so every student is trained again;
3. ``python -m kitlib run-all --params <preset>`` cold (empty cache, fresh results folder).

Prints each figure and ends with one JSON line. Targets (2-core CPU, pocket): main job at
most 10 min cold and 4 min warm; run-all at most 30 min cold. Never used in tests.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(cmd: list[str], env: dict, log: Path) -> float:
    """Run ``cmd`` (output to ``log``); seconds of wall time; exits on failure."""
    print(f"$ {' '.join(cmd)}", flush=True)
    t0 = time.perf_counter()
    with open(log, "w") as f:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=f, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        print(f"FAILED ({proc.returncode}) after {wall:.1f}s; log: {log}", flush=True)
        sys.exit(proc.returncode)
    print(f"  {wall:.1f}s (log: {log})", flush=True)
    return wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", default="pocket")
    ap.add_argument("--skip-run-all", action="store_true")
    ap.add_argument("--keep", default=None, help="folder for logs and outputs (default: temp)")
    args = ap.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="kitlib-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "KITLIB_CACHE": str(work / "cache"), "TRANSFORMERS_VERBOSITY": "error"}
    preset = ["-f", str(ROOT / "params" / f"{args.preset}.yaml")] \
        if (ROOT / "params" / f"{args.preset}.yaml").exists() else ["-f", args.preset]
    main_job = [str(BIN / "papermill"), "notebooks/04_learning_speed.ipynb", None, *preset,
                "-p", "subset", "0.05", "--log-output"]
    result = {"preset": args.preset, "cpu": platform.processor() or platform.machine(),
              "cores": os.cpu_count()}

    cmd = list(main_job)
    cmd[2] = str(work / "out_cold.ipynb")
    result["main_job_cold_s"] = round(timed(cmd + ["-p", "out_dir", str(work / "runs_cold")],
                                            env, work / "main_cold.log"), 1)
    cmd[2] = str(work / "out_warm.ipynb")
    result["main_job_warm_s"] = round(timed(cmd + ["-p", "out_dir", str(work / "runs_warm")],
                                            env, work / "main_warm.log"), 1)
    if not args.skip_run_all:
        env_cold = {**env, "KITLIB_CACHE": str(work / "cache_run_all")}
        result["run_all_cold_s"] = round(timed(
            [str(BIN / "python"), "-m", "kitlib", "run-all", "--params", args.preset, "--out",
             str(work / "runs_all")], env_cold, work / "run_all.log"), 1)
    print()
    for key, value in result.items():
        print(f"{key:>18}: {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
