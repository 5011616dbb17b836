"""GPU readiness check: do the kit's GPU paths (bf16 autocast training, inference-mode
evaluation) run, stay finite and agree with the CPU, and how fast are they?

Usage: .venv/bin/python benchmarks/gpu_check.py [--device cuda|cpu] [--tiny-only]

Why: every session so far ran on CPUs; the CUDA paths of ``kitlib.train`` (bf16 autocast on
the GPU, ``torch.inference_mode`` for evaluation and the teacher cache) had never run. This
runs, through the kit's own code, in about five minutes on one GPU:

1. tiny BERT, XLM-R and DeBERTa-v2 (random, built locally): 20 fine-tuning steps each;
2. the ``me5-small-q4`` teacher on pocket-intent (at most 120 steps) and a 6-layer
   from-teacher student trained with KD (all four terms, 60 steps) from its teacher cache.

For each model it asserts finite training losses, then evaluates the trained model on the
device (bf16 autocast where the kit would use it) and on the CPU in float32, and asserts
that the accuracies agree within ``TOLERANCE`` (absolute; bf16 rounds logits to 8 bits of
mantissa, so a few near-tied predictions may flip -- on 64+ examples per model a gap larger
than 0.05 would be a bug, not rounding). It prints examples per second of the evaluation
(best of three passes) and of training. Without CUDA it says so and exits 0; ``--device
cpu`` runs the same checks on the CPU (what the test of this script does, with
``--tiny-only``). The last line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time

TOLERANCE = 0.05
TINY = ("tiny-bert", "tiny-xlmr", "tiny-deberta")


def _evaluate_both(model, tokenizer, data, device: str, max_length: int) -> dict:
    """Accuracy on test on ``device`` (the kit's precision there) and on the CPU (float32),
    and the device's examples per second."""
    from kitlib import train

    model.to(device)
    on_device = train.evaluate(model, tokenizer, data, "test", batch_size=64,
                               max_length=max_length, mixed_precision="auto")
    speed = train.inference_speed(model, tokenizer, data, "test", batch_size=64,
                                  max_length=max_length, mixed_precision="auto")
    model.to("cpu")
    on_cpu = train.evaluate(model, tokenizer, data, "test", batch_size=64,
                            max_length=max_length, mixed_precision="no")
    pick = lambda recs: next(r["value"] for r in recs  # noqa: E731
                             if r["lang"] == "all" and r["metric"] == "accuracy")
    return {"device_accuracy": pick(on_device), "cpu_accuracy": pick(on_cpu),
            "eval_examples_per_s": speed["examples_per_s"]}


def _train(model, tokenizer, data, cfg, **kw) -> tuple[object, list[float], float]:
    from kitlib import train

    records: list[dict] = []
    t0 = time.perf_counter()
    model = train.train(model, tokenizer, data, cfg, eval_split=None, on_records=records.extend,
                        progress=False, **kw)
    seconds = time.perf_counter() - t0
    losses = [r["value"] for r in records if r["metric"] == "train_loss"]
    return model, losses, seconds


def check_tiny(name: str, device: str) -> dict:
    from kitlib.models import load_task_model, load_tokenizer, resolve_backbone
    from kitlib.testing import tiny_task_data
    from kitlib.train import TrainConfig

    ref = resolve_backbone(name)
    data = tiny_task_data("classification", languages=("en", "de", "ru", "zh"))
    model = load_task_model(ref, "classification", len(data.label_names))
    cfg = TrainConfig(epochs=1, batch_size=8, lr=1e-3, max_steps=20, eval_every=0,
                      max_length=32, log_every=5)
    model, losses, seconds = _train(model, load_tokenizer(ref), data, cfg)
    row = {"model": name, "steps": 20, "train_s": seconds, "losses": losses}
    row.update(_evaluate_both(model, load_tokenizer(ref), data, device, 32))
    return row


def check_pocket_kd(device: str) -> list[dict]:
    """The me5-small-q4 teacher and a KD student, through the experiments' own code."""
    from kitlib import params, vocab
    from kitlib.distill.cache import TeacherCache
    from kitlib.experiments.setting import (kd_config, load_data, open_setting,
                                            student_config, teacher_config)
    from kitlib.experiments.teachers import Teacher, student_from
    from kitlib.models import resolve_layer_map
    from kitlib.train import get_teacher

    rows = []
    with tempfile.TemporaryDirectory() as out:
        P = params.load_params("02", "pocket", out_dir=out, progress=False,
                               teacher_max_steps=120, max_steps=60, allow_weak_teacher=True)
        s = open_setting(P, out)
        data = load_data(s)
        t0 = time.perf_counter()
        teacher, tok, _ = get_teacher(s.ref, data, teacher_config(P, len(data.train)),
                                      trim=P.trim_vocab, progress=False)
        rows.append({"model": "me5-small-q4 teacher", "steps": 120,
                     "train_s": time.perf_counter() - t0, "losses": []})
        rows[-1].update(_evaluate_both(teacher, tok, data, device, P.max_length))
        teacher.to(device)
        shared = Teacher(teacher, tok, "gpu-check", data, s.ref)
        student, _, _ = student_from(s, shared, vocab.FROM_TEACHER, P.layer_map, P.num_layers,
                                     P.seeds[0])
        layers = resolve_layer_map(P.kd_layer_map, teacher.config.num_hidden_layers,
                                   P.num_layers)
        cache = TeacherCache(teacher, tok, data, max_length=P.max_length, layer_map=layers,
                             need_hidden=True, need_attn=True, progress=False)
        cfg = student_config(P, P.seeds[0], len(data.train))
        student, losses, seconds = _train(student, tok, data, cfg, kd=kd_config(P, P.kd_terms),
                                          teacher_cache=cache, layer_map=layers)
        row = {"model": "me5-small-q4 6-layer from-teacher student, KD", "steps": cfg.max_steps,
               "train_s": seconds, "losses": losses}
        row.update(_evaluate_both(student, tok, data, device, P.max_length))
        rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default="cuda", choices=("cuda", "cpu"))
    ap.add_argument("--tiny-only", action="store_true", help="skip the me5-small-q4 part")
    args = ap.parse_args()
    import torch

    if args.device == "cuda" and not torch.cuda.is_available():
        print("SKIP: no CUDA device here (torch.cuda.is_available() is False); run this on a "
              "GPU machine, or pass --device cpu to run the same checks on the CPU.")
        print(json.dumps({"skipped": True, "reason": "no CUDA device"}))
        return 0
    if args.device == "cpu":
        os.environ["ACCELERATE_USE_CPU"] = "1"  # train on the CPU even where a GPU exists
    t0 = time.perf_counter()
    rows = [check_tiny(name, args.device) for name in TINY]
    if not args.tiny_only:
        rows += check_pocket_kd(args.device)
    failures = []
    for r in rows:
        if not all(math.isfinite(v) for v in r["losses"]):
            failures.append(f"{r['model']}: non-finite training loss {r['losses']}")
        gap = abs(r["device_accuracy"] - r["cpu_accuracy"])
        r["accuracy_gap"] = gap
        if gap > TOLERANCE:
            failures.append(f"{r['model']}: {args.device} accuracy {r['device_accuracy']:.3f} vs "
                            f"CPU float32 {r['cpu_accuracy']:.3f} (tolerance {TOLERANCE})")
        print(f"{r['model']:48} train {r['steps']} steps {r['train_s']:6.1f} s | test accuracy "
              f"{args.device} {r['device_accuracy']:.3f}, CPU fp32 {r['cpu_accuracy']:.3f} | "
              f"eval {r['eval_examples_per_s']:8.0f} examples/s")
    wall = time.perf_counter() - t0
    print(f"{len(rows)} models in {wall:.0f} s on {args.device}: "
          + ("all checks passed" if not failures else "FAILED: " + "; ".join(failures)))
    print(json.dumps({"device": args.device, "wall_s": wall, "rows": rows,
                      "failures": failures, "tolerance": TOLERANCE}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
