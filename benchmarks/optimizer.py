"""AdamW step time on this machine: the for-loop, foreach and fused implementations.

Usage: .venv/bin/python benchmarks/optimizer.py [--rounds 5]

Why: ``kitlib.train`` uses ``torch.optim.AdamW(fused=True)``. On a CPU the default is the
per-parameter loop, and the optimizer step is a large share of a small student's step.
The parameters mimic the pocket 6-layer student (hidden 384, trimmed 5k-piece vocabulary,
about 14M parameters); each implementation is timed in turn, several rounds interleaved.
The last line printed is one JSON object (ms per step, median over rounds).
"""
from __future__ import annotations

import argparse
import json
import statistics
import time

import torch


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    shapes = [(384, 384)] * 24 + [(1536, 384), (384, 1536)] * 6 + [(5000, 384), (512, 384)] + [(384,)] * 100
    params = [torch.nn.Parameter(torch.randn(*s)) for s in shapes]
    for p in params:
        p.grad = torch.randn_like(p)
    kinds = {"loop": {"foreach": False}, "foreach": {"foreach": True}, "fused": {"fused": True}}
    times: dict[str, list[float]] = {k: [] for k in kinds}
    opts = {k: torch.optim.AdamW(params, lr=1e-4, **kw) for k, kw in kinds.items()}
    for opt in opts.values():
        opt.step()  # warm-up: state allocated
    print(f"{sum(p.numel() for p in params) / 1e6:.1f}M parameters")
    for r in range(args.rounds):
        for k, opt in opts.items():
            t0 = time.perf_counter()
            for _ in range(10):
                opt.step()
            times[k].append((time.perf_counter() - t0) / 10 * 1000)
        print(f"round {r}: " + ", ".join(f"{k} {v[-1]:.1f} ms" for k, v in times.items()), flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(json.dumps({"median_ms_per_step": med, "loop_over_fused": med["loop"] / med["fused"]}))


if __name__ == "__main__":
    main()
