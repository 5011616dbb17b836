"""What verifying a cache entry on open costs, next to what opening it costs anyway.

Usage: KITLIB_CACHE=<a cache with a fine-tuned teacher> .venv/bin/python benchmarks/cache_verify.py

For every teacher in ``$KITLIB_CACHE/teachers`` and the offline backbone: the time of
``kitlib.paths.verify_manifest`` (sha256 of every file; the first check in a process) next to
the time of loading the same model with ``from_pretrained``, interleaved ``--repeats`` times
(page cache warm after the first round). Prints one line per entry and a JSON object last.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    import kitlib.paths as kp
    from transformers import AutoModel

    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    root = kp.cache_dir("teachers").parent
    entries = [(p, p / "model") for p in sorted((root / "teachers").glob("*"))
               if (p / kp.MANIFEST).exists()][:2]
    backbone = root / "backbones" / "me5-small-q4"
    if (backbone / kp.MANIFEST).exists():
        entries.append((backbone, backbone))
    out = {}
    for folder, model_dir in entries:
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        verify, load = [], []
        for _ in range(args.repeats):
            kp._VERIFIED.clear()  # the first check of a process, not the remembered one
            verify.append(_time(lambda: kp.verify_manifest(folder)))
            load.append(_time(lambda: AutoModel.from_pretrained(model_dir)))
        v, l = statistics.median(verify), statistics.median(load)
        out[folder.name] = {"mb": round(size / 2**20), "verify_s": round(v, 3),
                            "load_s": round(l, 3), "ratio": round(v / l, 2)}
        print(f"{folder.parent.name}/{folder.name}: {size / 2**20:.0f} MB; verify {v:.3f} s, "
              f"from_pretrained {l:.3f} s (median of {args.repeats}); verify/load {v / l:.2f}",
              flush=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
