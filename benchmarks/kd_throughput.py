"""KD throughput on the pocket preset: plain fine-tuning vs kitlib KD (teacher cache) vs a
naive KD reference (teacher forward every step, fixed padding to 128).

Usage: .venv/bin/python benchmarks/kd_throughput.py [--backbone me5-small-q4]
       [--dataset pocket-intent] [--examples 1024] [--steps 24] [--batch-size 32]

What is measured (all three on the same trimmed backbone and the same training examples):
(a) plain: ``kitlib.train.train`` fine-tuning the 6-layer student (from-teacher copy);
(b) kd_cached: ``train`` with ``KDConfig(pred + hidden + attn)`` and a ``TeacherCache``
    (its one-off build time is reported separately, not counted per step);
(c) kd_naive: a textbook KD loop: pad every batch to 128 tokens, run the 12-layer teacher
    (no_grad) at every step, same loss terms.
Throughput (training examples per second) of the three is measured in this ONE process,
one after the other, after one untimed warm-up run (the first run pays one-off costs). Peak memory: each case is rerun for a few steps in a FRESH subprocess
(``--case``): after setup (load + trim, whose peak ``ru_maxrss`` is reported apart), the
Linux high-water mark is reset (``/proc/self/clear_refs`` = 5) and ``VmHWM`` read after the run,
so the figure is the peak RSS of the training phase itself (teacher and student both resident). The teacher is the backbone with a fresh head (not
fine-tuned): its weights do not change the cost. The last line printed is one JSON object.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import time

import torch

TERMS = {"pred": 1.0, "hidden": 1.0, "attn": 1.0}


def setup(backbone: str, dataset: str, n_examples: int):
    from kitlib.data import load
    from kitlib.models import build_student, load_task_model, resolve_backbone, trim_vocabulary

    data = load(dataset)
    data = dataclasses.replace(data, train=data.train[:n_examples])
    ref = resolve_backbone(backbone)
    teacher = load_task_model(ref, data.task, len(data.label_names))
    from kitlib.models import load_tokenizer

    trimmed = trim_vocabulary(teacher, load_tokenizer(ref), data.texts())
    teacher, tok = trimmed.model, trimmed.tokenizer
    teacher.eval()
    return data, teacher, tok, build_student


def fresh_student(teacher, build_student):
    student, _ = build_student(teacher, init="from-teacher", layer_map="alternate", num_layers=6)
    student.train()
    return student


def run_plain(data, teacher, tok, build_student, steps, bs) -> float:
    from kitlib.train import TrainConfig, train

    cfg = TrainConfig(epochs=100, batch_size=bs, max_steps=steps, lr=5e-5, log_every=steps)
    student = fresh_student(teacher, build_student)
    t = time.perf_counter()
    train(student, tok, data, cfg, eval_split=None, progress=False)
    return steps * bs / (time.perf_counter() - t)


def build_cache(data, teacher, tok):
    from kitlib.distill.cache import TeacherCache

    t = time.perf_counter()
    cache = TeacherCache(teacher, tok, data, max_length=128, layer_map=[0, 2, 4, 6, 8, 10],
                         need_hidden=True, need_attn=True, progress=False)
    return cache, time.perf_counter() - t


def run_kd(data, teacher, tok, build_student, steps, bs, cache) -> float:
    from kitlib.distill import KDConfig
    from kitlib.train import TrainConfig, train

    cfg = TrainConfig(epochs=100, batch_size=bs, max_steps=steps, lr=5e-5, log_every=steps)
    student = fresh_student(teacher, build_student)
    t = time.perf_counter()
    train(student, tok, data, cfg, kd=KDConfig(terms=TERMS), teacher_cache=cache,
          eval_split=None, progress=False)
    return steps * bs / (time.perf_counter() - t)


def run_naive(data, teacher, tok, build_student, steps, bs) -> float:
    """The reference a first KD implementation tends to be: fixed padding, live teacher."""
    from kitlib.distill.losses import attention_loss, hidden_loss, prediction_loss

    torch.manual_seed(0)
    student = fresh_student(teacher, build_student)
    opt = torch.optim.AdamW(student.parameters(), lr=5e-5, betas=(0.9, 0.999), eps=1e-8)
    texts = [ex.text for ex in data.train]
    layer_map = [0, 2, 4, 6, 8, 10]
    t = time.perf_counter()
    for step in range(steps):
        start = (step * bs) % len(texts)
        enc = tok(texts[start:start + bs], truncation=True, max_length=128,
                  padding="max_length", return_tensors="pt")
        with torch.no_grad():
            tout = teacher(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"],
                           output_hidden_states=True, output_attentions=True)
        sout = student(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"],
                       output_hidden_states=True, output_attentions=True)
        mask = enc["attention_mask"]
        loss = (prediction_loss(sout.logits, tout.logits)
                + hidden_loss(sout.hidden_states, [tout.hidden_states[j + 1] for j in layer_map], mask)
                + attention_loss(sout.attentions, [tout.attentions[j] for j in layer_map], mask))
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)
    return steps * bs / (time.perf_counter() - t)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _vm(field: str) -> float:
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def one_case(args) -> None:
    import gc

    data, teacher, tok, bs_fn = setup(args.backbone, args.dataset, args.examples)
    setup_peak = peak_rss_mb()
    gc.collect()
    with open("/proc/self/clear_refs", "w") as f:  # Linux: reset the VmHWM high-water mark
        f.write("5")
    steps = args.mem_steps
    if args.case == "plain":
        run_plain(data, teacher, tok, bs_fn, steps, args.batch_size)
    elif args.case == "kd_cached":
        cache, _ = build_cache(data, teacher, tok)
        run_kd(data, teacher, tok, bs_fn, steps, args.batch_size, cache)
    else:
        run_naive(data, teacher, tok, bs_fn, steps, args.batch_size)
    print(json.dumps({"case": args.case, "peak_rss_mb": _vm("VmHWM"), "setup_peak_mb": setup_peak}))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--backbone", default="me5-small-q4")
    p.add_argument("--dataset", default="pocket-intent")
    p.add_argument("--examples", type=int, default=1024)
    p.add_argument("--steps", type=int, default=24)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--mem-steps", type=int, default=4)
    p.add_argument("--case", choices=["plain", "kd_cached", "kd_naive"])
    p.add_argument("--no-memory", action="store_true", help="skip the peak-RSS subprocesses")
    args = p.parse_args()
    if args.case:
        return one_case(args)

    print(f"torch threads: {torch.get_num_threads()}; cpus: {os.cpu_count()}; "
          f"load average: {os.getloadavg()}")
    t = time.perf_counter()
    data, teacher, tok, bs_fn = setup(args.backbone, args.dataset, args.examples)
    print(f"setup (backbone {args.backbone}, trimmed to {len(tok)} pieces; {len(data.train)} "
          f"{args.dataset} training examples): {time.perf_counter() - t:.1f} s")
    cache, cache_s = build_cache(data, teacher, tok)
    print(f"teacher cache build (one-off, {len(data.train)} examples, hit={cache.hit}): {cache_s:.1f} s")
    steps, bs = args.steps, args.batch_size
    # Warm-up: the first run in a process pays one-off costs (kernel selection for every new
    # batch shape, lazy initialization); an untimed run over the same batches removes them.
    run_plain(data, teacher, tok, bs_fn, steps, bs)
    plain = run_plain(data, teacher, tok, bs_fn, steps, bs)
    print(f"(a) plain fine-tuning, 6-layer student: {plain:.1f} examples/s")
    kd = run_kd(data, teacher, tok, bs_fn, steps, bs, cache)
    print(f"(b) kitlib KD with teacher cache (pred+hidden+attn): {kd:.1f} examples/s")
    naive = run_naive(data, teacher, tok, bs_fn, steps, bs)
    print(f"(c) naive KD (live 12-layer teacher, pad to 128): {naive:.1f} examples/s")
    print(f"KD step cost vs plain: {plain / kd:.2f}x (target <= 1.25x); "
          f"naive slower than kitlib KD by {kd / naive:.2f}x (target >= 2x)")
    result = {"plain_eps": round(plain, 2), "kd_cached_eps": round(kd, 2),
              "kd_naive_eps": round(naive, 2), "kd_over_plain": round(plain / kd, 3),
              "naive_over_kd": round(kd / naive, 3)}
    if not args.no_memory:
        for case in ("plain", "kd_cached", "kd_naive"):
            out = subprocess.run([sys.executable, __file__, "--case", case, "--backbone", args.backbone,
                                  "--dataset", args.dataset, "--examples", str(args.examples),
                                  "--batch-size", str(bs), "--mem-steps", str(args.mem_steps)],
                                 capture_output=True, text=True, check=True)
            got = json.loads(out.stdout.strip().splitlines()[-1])
            mb = got["peak_rss_mb"]
            print(f"peak RSS while training, fresh subprocess, {case}: {mb:.0f} MB (VmHWM reset "
                  f"after setup; setup itself peaked at {got['setup_peak_mb']:.0f} MB: loading "
                  "and trimming the 12-layer model)")
            result[f"{case}_peak_rss_mb"] = round(mb)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
