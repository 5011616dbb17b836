"""Step time of ``kitlib.train.train`` with KD: this checkout against another one, interleaved.

Usage: .venv/bin/python benchmarks/loop_step_time.py --other /path/to/old/checkout
       [--rounds 3] [--steps 24] [--batch-size 32]

Why: the training loop was rewritten to read top to bottom and to read losses back to the
host once per logging window instead of once per micro-batch and term; this shows that the
step time did not get worse. Each round runs one worker process per checkout (this one and
``--other``, in alternating order, so both see the same machine load), each importing kitlib
from its own folder: the 6-layer from-teacher student of the trimmed ``me5-small-q4`` on
pocket-intent, KD with pred + hidden + attn from a teacher-output cache, ``--steps`` steps
after one untimed warm-up call, evaluation off. It prints ms per step for both, side by side,
the ratio per round (this / other) and the median ratio; the last line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]

WORKER = r'''
import dataclasses, json, sys, time
import torch
from kitlib.data import load
from kitlib.models import (build_student, load_task_model, load_tokenizer, resolve_backbone,
                           trim_vocabulary)
from kitlib.train import TrainConfig, train
from kitlib.distill import KDConfig
from kitlib.distill.cache import TeacherCache

steps, bs = int(sys.argv[1]), int(sys.argv[2])
torch.manual_seed(0)
data = load("pocket-intent")
data = dataclasses.replace(data, train=data.train[:steps * bs])
ref = resolve_backbone("me5-small-q4", progress=False)
teacher = load_task_model(ref, data.task, len(data.label_names))
trimmed = trim_vocabulary(teacher, load_tokenizer(ref), data.texts())
teacher, tok = trimmed.model, trimmed.tokenizer
teacher.eval()
cache = TeacherCache(teacher, tok, data, max_length=64, layer_map=[1, 3, 5, 7, 9, 11],
                     need_hidden=True, need_attn=True, progress=False)
kd = KDConfig(terms={"pred": 1.0, "hidden": 1.0, "attn": 1.0, "ce": 1.0})
cfg = TrainConfig(epochs=1, lr=1e-4, batch_size=bs, max_length=64, max_steps=steps,
                  log_every=10, eval_every=0, seed=1)

def student():
    s, _ = build_student(teacher, init="from-teacher", layer_map="alternate", num_layers=6)
    return s.train()

train(student(), tok, data, dataclasses.replace(cfg, max_steps=2), kd=kd, teacher_cache=cache,
      layer_map=cache.layer_map, eval_split=None, progress=False)  # warm-up
s = student()
t0 = time.perf_counter()
train(s, tok, data, cfg, kd=kd, teacher_cache=cache, layer_map=cache.layer_map,
      eval_split=None, progress=False)
print(json.dumps({"ms_per_step": 1000 * (time.perf_counter() - t0) / steps}))
'''


def run_worker(repo: Path, steps: int, bs: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(repo), TRANSFORMERS_VERBOSITY="error",
               HF_HUB_OFFLINE="1")
    out = subprocess.run([sys.executable, "-c", WORKER, str(steps), str(bs)], cwd=repo,
                         env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"worker in {repo} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])["ms_per_step"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--other", required=True, help="another checkout of the kit to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--steps", type=int, default=24)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    other = Path(args.other).resolve()
    ratios, this_ms, other_ms = [], [], []
    print(f"{'round':>5} {'this ms/step':>13} {'other ms/step':>14} {'this/other':>11}")
    for r in range(args.rounds):
        order = [(HERE, this_ms), (other, other_ms)]
        if r % 2:
            order.reverse()
        for repo, sink in order:
            sink.append(run_worker(repo, args.steps, args.batch_size))
        ratios.append(this_ms[-1] / other_ms[-1])
        print(f"{r:>5} {this_ms[-1]:>13.1f} {other_ms[-1]:>14.1f} {ratios[-1]:>11.3f}",
              flush=True)
    print(json.dumps({"this_ms_per_step": this_ms, "other_ms_per_step": other_ms,
                      "ratios": ratios, "median_ratio": statistics.median(ratios),
                      "this": str(HERE), "other": str(other)}))


if __name__ == "__main__":
    main()
