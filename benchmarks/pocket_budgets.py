"""How the pocket preset's budgets were chosen: teacher plateau and student learning rates.

Usage:
  .venv/bin/python benchmarks/pocket_budgets.py teacher [--dataset pocket-intent]
        [--dataset uner-like --o-share 0.95 --train-sentences 600] [--no-long]
  .venv/bin/python benchmarks/pocket_budgets.py students [--lrs 2e-4 5e-4 1e-3]
        [--warmups 0 0.1] [--epochs 4] [--inits from-scratch]

``teacher``: fine-tunes the pocket teacher twice through the kit's own pipeline: with the
preset's early stopping, and with a long fixed budget (``--long-epochs``, no early stopping,
dev evaluated every epoch); prints the early-stopped teacher's dev score next to the best
dev score the long run ever reached (its plateau), the steps and the wall time of each.

``--dataset uner-like`` writes a corpus in the UNER v1 file layout (``kitlib.testing.
write_uner_like``: three training treebanks, two PUD test sets, ``--o-share`` of the tokens
"O") into the temporary folder and loads it through the kit's ``uner`` loader (``data_dir``),
the path a user's real UNER download takes.

``students``: trains students (KD and no KD) for each learning rate x warm-up share, one
seed, on the preset's teacher, and prints dev and test scores (main metric, all languages)
with the trivial baseline and the wall time per run.

Everything goes through ``kitlib.experiments`` (same data, same teacher cache, same loop),
into a temporary results folder; the last line printed is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time


def _setting(overrides: dict, out: str):
    from kitlib import params
    from kitlib.experiments.setting import load_data, open_setting

    P = params.load_params("02", "pocket", out_dir=out, progress=False, **overrides)
    s = open_setting(P, out)
    return P, s, load_data(s)


def _overrides(pairs: list[str]) -> dict:
    """``--set key=value`` (value read as YAML) -> a parameter override."""
    import yaml

    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"--set takes key=value, got {pair!r}")
        out[key] = yaml.safe_load(value)
    return out


def teacher(args) -> dict:
    from kitlib import vocab
    from kitlib.experiments.teachers import shared_teacher, teacher_data
    from kitlib.train import teacher_records

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        data_over = {"dataset": args.dataset}
        if args.dataset == "uner-like":
            from kitlib.testing import write_uner_like

            folder = write_uner_like(f"{tmp}/uner", o_share=args.o_share,
                                     train_sentences=args.train_sentences)
            data_over = {"dataset": "uner", "data_dir": str(folder)}
        data_over.update(_overrides(args.set))
        runs = [("early stopping", {**data_over, "teacher_epochs": args.budget,
                                    "teacher_lr": args.teacher_lr})]
        if args.long_epochs:
            runs.append(("long budget", {**data_over, "teacher_patience": None,
                                         "teacher_epochs": args.long_epochs,
                                         "teacher_lr": args.teacher_lr}))
        for name, over in runs:
            over = {**over, "allow_weak_teacher": True}
            P, s, data = _setting(over, tmp)
            data, _ = teacher_data(s)  # the teacher's own (teacher_train_subset), not the students'
            t0 = time.perf_counter()
            if name == "long budget":
                # a long fixed budget, evaluated every epoch so that its plateau is visible
                from kitlib import train
                from kitlib.experiments.setting import teacher_config

                cfg = teacher_config(P, len(data.train))
                import dataclasses
                steps = max(1, -(-len(data.train) // P.batch_size))
                cfg = dataclasses.replace(cfg, eval_every=steps, early_stopping_patience=None)
                _, _, tid = train.get_teacher(s.ref, data, cfg, trim=P.trim_vocab, progress=False)
            else:
                shared = shared_teacher(s)  # runs the teacher gate (allow_weak_teacher)
                tid = shared.teacher_id
            wall = time.perf_counter() - t0
            metric = vocab.main_metric(data.task)
            recs = teacher_records(tid)
            if name == "early stopping":
                out["gate"] = "fails" if shared.weak else "passes"
                out["train_examples"] = len(data.train)
                print(f"teacher gate: {out['gate']} ({len(data.train)} training examples)",
                      flush=True)
            dev = [r for r in recs if r["metric"] == metric and r["lang"] == "all"]
            marks = {r["metric"]: r["value"] for r in recs if r["metric"] in ("best_step", "stopped_step")}
            out[name] = {"best_dev": max(r["value"] for r in dev),
                         "last_dev": dev[-1]["value"], "steps": dev[-1]["step"],
                         "curve": [(r["step"], round(r["value"], 3)) for r in dev],
                         "wall_s": round(wall, 1), **marks}
            print(f"{name:>15}: best dev {out[name]['best_dev']:.3f}, last {out[name]['last_dev']:.3f}"
                  f" at step {out[name]['steps']}, {wall:.0f} s; curve {out[name]['curve']}",
                  flush=True)
    if "long budget" in out:
        gap = out["long budget"]["best_dev"] - out["early stopping"]["best_dev"]
        print(f"the long run's plateau minus the early-stopped teacher: {gap * 100:+.1f} points")
    return out


def students(args) -> dict:
    from kitlib.experiments.teachers import shared_teacher

    from _budgets import student_row

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for lr in args.lrs:
            for warmup in args.warmups:
                over = {"dataset": args.dataset, "lr": lr, "warmup_ratio": warmup,
                        "student_epochs": args.epochs}
                P, s, data = _setting(over, tmp)
                teacher = shared_teacher(s)
                for init in args.inits:
                    for kd in (False, True):
                        row, _ = student_row(s, teacher, data, init=init, kd=kd, seed=44)
                        row = {"lr": lr, "warmup": warmup, **row}
                        rows.append(row)
                        print(json.dumps(row), flush=True)
    return {"students": rows}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["teacher", "students"])
    ap.add_argument("--dataset", default="pocket-intent")
    ap.add_argument("--long-epochs", type=int, default=14, help="0: no long run")
    ap.add_argument("--o-share", type=float, default=0.95)
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE",
                    help="other parameter overrides, e.g. --set train_subset=1.0")
    ap.add_argument("--train-sentences", type=int, default=600)
    ap.add_argument("--budget", type=int, default=10, help="teacher_epochs with early stopping")
    ap.add_argument("--teacher-lr", type=float, default=2e-4)
    ap.add_argument("--lrs", type=float, nargs="+", default=[2e-4, 5e-4, 1e-3])
    ap.add_argument("--warmups", type=float, nargs="+", default=[0.0, 0.1])
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--inits", nargs="+", default=["from-scratch"])
    args = ap.parse_args()
    result = teacher(args) if args.what == "teacher" else students(args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
