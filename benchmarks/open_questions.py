"""Wall time and peak memory of notebook 05 on a preset, the shared teacher from the cache.

Usage: .venv/bin/python benchmarks/open_questions.py [--params pocket] [--keep DIR]

The issue's budget: the whole of ``05_open_questions`` with the pocket preset in at most 15
minutes cold on this project's 2-core CPU, the teacher of 01-04 reused from the cache. So
this runs ``python -m kitlib run-all --notebooks 05`` into a fresh results folder (no student
record exists: every run is trained) with the ``KITLIB_CACHE`` of the environment, after
making sure that cache holds the backbone and the shared teacher (fine-tuned first if it
does not, and not timed). It prints the notebook's wall time and peak memory next to the
target, and the claims table; the last line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 15 * 60


def warm_teacher(preset: str) -> float:
    """Fine-tune (or load) the shared teacher exactly as 05 will ask for it; seconds."""
    from kitlib import params
    from kitlib.experiments.setting import open_setting
    from kitlib.experiments.teachers import shared_teacher

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        P = params.load_params("05", preset, out_dir=tmp, progress=False)
        shared_teacher(open_setting(P, tmp))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--params", default="pocket")
    ap.add_argument("--keep", default=None, help="copy the results folder here afterwards")
    args = ap.parse_args()
    warm_s = warm_teacher(args.params)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "runs"
        env = dict(os.environ, TRANSFORMERS_VERBOSITY="error")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "kitlib", "run-all", "--params", args.params,
                               "--out", str(out), "--notebooks", "05", "--quiet"],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        peak_gib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20
        if proc.returncode != 0:
            print(proc.stdout[-3000:], proc.stderr[-3000:])
            raise SystemExit(f"run-all failed with exit code {proc.returncode}")
        claims = (out / "claims" / "05_open_questions.md").read_text()
        runs = len(list((out / "runs").glob("*.parquet")))
        if args.keep:
            shutil.copytree(out, args.keep, dirs_exist_ok=True)
    print(f"teacher ready (not timed): {warm_s:.0f} s")
    print(f"05_open_questions with {args.params}: {wall:.0f} s ({wall / 60:.1f} min) for {runs} "
          f"runs, peak memory {peak_gib:.1f} GiB; target {TARGET_S / 60:.0f} min: "
          f"{'met' if wall <= TARGET_S else 'NOT met'}")
    print(claims)
    print(json.dumps({"preset": args.params, "wall_s": wall, "target_s": TARGET_S, "runs": runs,
                      "peak_gib": peak_gib, "teacher_warm_s": warm_s}))


if __name__ == "__main__":
    main()
