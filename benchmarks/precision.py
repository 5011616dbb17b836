"""float32 vs bf16 autocast on this CPU: training step and evaluation time, interleaved.

Usage: .venv/bin/python benchmarks/precision.py [--rounds 3] [--steps 12]

Why: ``mixed_precision: auto`` uses bf16 autocast on CPUs with AMX tiles or AVX512-BF16
(``kitlib.train.precision``); this measures whether that pays on the machine at hand. Both
precisions run in one process, alternating, on the trimmed ``me5-small-q4`` (pocket-intent,
a quarter of the training data, 64 dev examples per language): an AdamW step of the 6-layer
from-teacher student and of the 12-layer teacher at batch 32, and a full dev evaluation of
the student (batch 64). It prints seconds for both and the ratio fp32 / bf16 per round; the
last line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time

import torch


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--steps", type=int, default=12)
    args = ap.parse_args()
    from kitlib.data import load
    from kitlib.models import (build_student, load_task_model, load_tokenizer,
                               resolve_backbone, trim_vocabulary)
    from kitlib.train import encode, make_batches
    from kitlib.train.precision import cpu_has_amx, cpu_has_fast_bf16

    torch.manual_seed(0)
    data = load("pocket-intent", subset=0.25, max_eval_per_lang=64)
    ref = resolve_backbone("me5-small-q4", progress=False)
    teacher = load_task_model(ref, data.task, len(data.label_names))
    trimmed = trim_vocabulary(teacher, load_tokenizer(ref), data.texts())
    teacher, tok = trimmed.model, trimmed.tokenizer
    student, _ = build_student(teacher, init="from-teacher", layer_map="alternate", num_layers=6)
    enc = encode(data.train, tok, data.task, 64)
    batches = list(make_batches(enc, 32, shuffle=True, seed=0, pad_id=tok.pad_token_id))
    batches = batches[: args.steps]
    dev = encode(data.dev, tok, data.task, 64)

    def step_time(model, bf16: bool) -> float:
        opt = torch.optim.AdamW(model.parameters(), lr=1e-6)
        model.train()
        t0 = time.perf_counter()
        for b in batches:
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                logits = model(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits
            torch.nn.functional.cross_entropy(logits.float(), b["labels"]).backward()
            opt.step()
            opt.zero_grad()
        return (time.perf_counter() - t0) / len(batches)

    def eval_time(model, bf16: bool) -> float:
        model.eval()
        t0 = time.perf_counter()
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            for b in make_batches(dev, 64, shuffle=False, seed=0, pad_id=tok.pad_token_id):
                model(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits.argmax(-1)
        return time.perf_counter() - t0

    print(f"AMX tiles: {cpu_has_amx()}; native bf16 (AMX or AVX512-BF16): {cpu_has_fast_bf16()}; torch threads: {torch.get_num_threads()}")
    rows = []
    print(f"{'round':>5} {'what':>22} {'fp32 s':>8} {'bf16 s':>8} {'fp32/bf16':>10}")
    for r in range(args.rounds):
        for what, fn, model in (("student step (6L)", step_time, student),
                                ("teacher step (12L)", step_time, teacher),
                                ("student dev eval", eval_time, student)):
            order = (False, True) if r % 2 == 0 else (True, False)
            got = {bf16: fn(model, bf16) for bf16 in order}
            ratio = got[False] / got[True]
            rows.append({"round": r, "what": what, "fp32_s": got[False], "bf16_s": got[True],
                         "ratio": ratio})
            print(f"{r:>5} {what:>22} {got[False]:>8.3f} {got[True]:>8.3f} {ratio:>10.2f}",
                  flush=True)
    medians = {w: statistics.median(x["ratio"] for x in rows if x["what"] == w)
               for w in dict.fromkeys(x["what"] for x in rows)}
    print(json.dumps({"median_fp32_over_bf16": medians, "rows": rows}))


if __name__ == "__main__":
    main()
