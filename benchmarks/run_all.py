"""Cold wall time of ``python -m kitlib run-all`` per notebook and in total.

Usage: .venv/bin/python benchmarks/run_all.py [--params pocket] [--keep DIR]

Runs ``python -m kitlib run-all --params <preset>`` with an empty ``KITLIB_CACHE`` (so the
offline backbone is rebuilt and every teacher fine-tuned) and a fresh results folder, then
prints the wall time of each notebook and of the whole run next to the target (30 minutes
on this project's 2-core CPU for the pocket preset). ``--keep DIR`` keeps the results folder
(REPORT.md, claims, figures) there. The last line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 30 * 60


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--params", default="pocket")
    ap.add_argument("--keep", default=None, help="copy the results folder here afterwards")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, KITLIB_CACHE=str(Path(tmp) / "cache"),
                   TRANSFORMERS_VERBOSITY="error")
        out = Path(tmp) / "runs"
        log = Path(tmp) / "run-all.log"
        t0 = time.perf_counter()
        with open(log, "w") as f:
            proc = subprocess.run([sys.executable, "-m", "kitlib", "run-all", "--params",
                                   args.params, "--out", str(out)], cwd=ROOT, env=env,
                                  stdout=f, stderr=subprocess.STDOUT)
        total = time.perf_counter() - t0
        text = log.read_text(errors="replace")
        per = {m[1]: float(m[2]) for m in re.finditer(r"\[kitlib run-all\] (\S+) done in ([\d.]+)s", text)}
        if args.keep:
            shutil.copytree(out, args.keep, dirs_exist_ok=True)
            shutil.copy(log, Path(args.keep) / "run-all.log")
    print(f"run-all --params {args.params}, cold (empty cache), exit status {proc.returncode}")
    for name, s in per.items():
        print(f"  {name:<24} {s:7.0f} s")
    print(f"  {'total (process)':<24} {total:7.0f} s   target {TARGET_S} s "
          f"({'met' if total <= TARGET_S else 'NOT met'})")
    print(json.dumps({"params": args.params, "returncode": proc.returncode,
                      "per_notebook_s": per, "total_s": total, "target_s": TARGET_S}))
    if proc.returncode:
        print(text[-3000:])


if __name__ == "__main__":
    main()
