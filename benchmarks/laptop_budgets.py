"""How the laptop presets' budgets were chosen: step times, teacher dev curves, students.

Usage (``--data-dir``: a local copy of the dataset's files in its hub layout; without it the
dataset is downloaded from the hub on first use):
  python benchmarks/laptop_budgets.py steps    --preset laptop-tsm --data-dir DIR [--steps 30]
  python benchmarks/laptop_budgets.py teacher  --preset laptop-tsm --data-dir DIR
        [--subsets 0.25] [--lrs 1e-4 2e-4] [--epochs 4] [--evals-per-epoch 2]
  python benchmarks/laptop_budgets.py students --preset laptop-tsm --data-dir DIR
        [--inits from-base from-teacher] [--set student_epochs=3 lr=1e-4]

``steps``: the optimizer step time of the 12-layer teacher and of a 6-layer student without
and with KD at the preset's batch size and ``max_length`` on the real texts (the mean over
steps 11..N, after the first window), the evaluation time per 100 examples, and the trimmed
vocabulary size. These numbers are what the presets' budgets are computed from.

``teacher``: for each training subset x teacher learning rate, one teacher fine-tuned for a
fixed budget of ``--epochs`` (no early stopping), evaluated on dev ``--evals-per-epoch``
times per epoch; prints its dev curve, where the preset's early stopping would have stopped
(patience counted in per-epoch evaluations), the wall time and whether it passes the kit's
teacher gate.

``students``: the preset's teacher (fine-tuned as the notebooks do, cached), then one seed of
each init x {no KD, KD}; prints dev and test accuracy next to the teacher's, and wall time.

Everything goes through the kit's own pipeline (``kitlib.experiments``: same data selection,
same trimming, same loop) into a temporary results folder; teachers go to the kit's cache
(``$KITLIB_CACHE``). The last line printed is one JSON object.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import math
import tempfile
import time
from typing import Any

import yaml


def _overrides(pairs: list[str]) -> dict[str, Any]:
    """``key=value`` pairs, values read as YAML (``lr=1e-4``, ``inits=[from-base]``)."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"--set {pair!r}: expected key=value")
        out[key.strip()] = yaml.safe_load(value)
    return out


def _setting(args, out: str, **overrides: Any):
    """Validated parameters of notebook 02 (preset < --set < ``overrides``), the setting and
    the data, exactly as the notebook would build them."""
    from kitlib import params
    from kitlib.experiments.setting import load_data, open_setting

    values = {"out_dir": out, "progress": False, **_overrides(args.set), **overrides}
    if args.data_dir is not None:
        values["data_dir"] = args.data_dir
    P = params.load_params("02", args.preset, **values)
    s = open_setting(P, out)
    return P, s, load_data(s)


def _step_time(records: list[dict], skip: int = 10) -> float | None:
    """Seconds per optimizer step between the train_loss records at step ``skip`` and the
    last but one, over windows without a dev evaluation. Why these windows: the first one
    holds one-off work (encoding, first allocations) and the last one the final evaluation;
    a window with an evaluation inside measures the evaluation too."""
    loss = sorted((r["step"], r["wall_s"]) for r in records if r.get("metric") == "train_loss")
    evals = {r["step"] for r in records if r.get("split") == "dev" and r.get("step")}
    loss = [(st, w) for st, w in loss[:-1] if st >= skip]
    pairs = [(a, b) for a, b in zip(loss, loss[1:]) if not any(a[0] <= e <= b[0] for e in evals)]
    if not pairs:
        return None
    return sum(b[1] - a[1] for a, b in pairs) / sum(b[0] - a[0] for a, b in pairs)


def _teacher_info(teacher_id: str) -> dict:
    from kitlib.train.teacher import teacher_dir

    return json.loads((teacher_dir(teacher_id) / "teacher.json").read_text())


def _gate(rec: dict, floor: float) -> str:
    """The teacher gate's verdict on one dev record (``kitlib.experiments.teachers.gate``)."""
    ok = rec["value"] - 1.96 * rec["stderr"] > rec["baseline"] and rec["value"] >= floor
    return "passes" if ok else "fails"


def steps(args) -> dict:
    from kitlib import train
    from kitlib.experiments.runs import execute, student_plan
    from kitlib.experiments.setting import teacher_config
    from kitlib.experiments.tables import results_of
    from kitlib.experiments.teachers import shared_teacher
    from kitlib.train import teacher_records

    n = args.steps
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        P, s, data = _setting(args, tmp, teacher_max_steps=n, teacher_patience=None,
                              allow_weak_teacher=True, max_steps=n, eval_every=10 * n,
                              seeds=[44])
        teacher = shared_teacher(s)
        info = _teacher_info(teacher.teacher_id)
        out["train_examples"] = len(data.train)
        out["vocab_rows"] = info["vocab_size"]
        out["params_before_after"] = [info["trim_info"]["params_before"],
                                      info["trim_info"]["params_after"]] if info["trim_info"] else None
        out["teacher_s_per_step"] = _step_time(teacher_records(teacher.teacher_id))
        cfg = teacher_config(P)
        for split in ("dev",):
            t0 = time.perf_counter()
            train.evaluate(teacher.model, teacher.tokenizer, data, split,
                           batch_size=cfg.eval_batch_size, max_length=cfg.max_length,
                           mixed_precision=cfg.mixed_precision)
            n_eval = len(data.split(split))
            out["teacher_eval_s_per_100"] = 100 * (time.perf_counter() - t0) / n_eval
        for init, kd in (("from-teacher", False), ("from-teacher", True)):
            plan = student_plan(s, teacher, data, init=init, seed=44,
                                kd_terms=list(P.kd_terms) if kd else None)
            t0 = time.perf_counter()
            execute(s, [plan], "steps")
            wall = time.perf_counter() - t0
            recs = results_of(s, [plan.run_id]).to_dict("records")
            key = "student_kd" if kd else "student_no_kd"
            out[f"{key}_s_per_step"] = _step_time(recs)
            out[f"{key}_run_wall_s"] = round(wall, 1)
    print(f"{out['train_examples']} training examples; trimmed vocabulary {out['vocab_rows']} rows "
          f"(parameters before/after trimming {out['params_before_after']})")
    for key in ("teacher_s_per_step", "student_no_kd_s_per_step", "student_kd_s_per_step"):
        v = out[key]
        print(f"  {key:<26} {v:.3f} s" if v is not None else f"  {key:<26} -")
    print(f"  teacher evaluation: {out['teacher_eval_s_per_100']:.2f} s per 100 examples")
    return out


def _early_stop(curve: list[tuple[int, float, float]], per_epoch: int, patience: int | None):
    """(epoch, dev) the preset's early stopping would keep: evaluations once per epoch
    (every ``per_epoch``-th point of ``curve``), stop after ``patience`` without a better one."""
    points = [c for i, c in enumerate(curve, 1) if i % per_epoch == 0]
    best, since = None, 0
    for _, epoch, value in points:
        if best is None or value > best[1]:
            best, since = (epoch, value), 0
        else:
            since += 1
            if patience is not None and since >= patience:
                break
    return best


def teacher(args) -> dict:
    from kitlib import train, vocab
    from kitlib.experiments.setting import teacher_config
    from kitlib.experiments.teachers import TEACHER_MIN_SCORE
    from kitlib.train import teacher_records

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for subset in args.subsets:
            for lr in args.lrs:
                P, s, data = _setting(args, tmp, train_subset=subset, teacher_lr=lr,
                                      teacher_epochs=args.epochs, teacher_patience=None,
                                      allow_weak_teacher=True)
                cfg = teacher_config(P, len(data.train))
                per_epoch = max(1, math.ceil(len(data.train) / P.batch_size / P.grad_accum))
                every = max(1, per_epoch // args.evals_per_epoch)
                cfg = dataclasses.replace(cfg, eval_every=every, early_stopping_patience=None)
                t0 = time.perf_counter()
                _, _, tid = train.get_teacher(s.ref, data, cfg, trim=P.trim_vocab, progress=False)
                wall = time.perf_counter() - t0
                recs = teacher_records(tid)
                metric = vocab.main_metric(data.task)
                dev = [r for r in recs if r["metric"] == metric and r["lang"] == "all"
                       and r["split"] == "dev"]
                curve = [(r["step"], round(r["step"] / per_epoch, 2), round(r["value"], 3))
                         for r in dev]
                best = max(dev, key=lambda r: r["value"])
                patience = _overrides(args.set).get("teacher_patience", 2)
                stop = _early_stop(curve, args.evals_per_epoch, patience)
                floor = TEACHER_MIN_SCORE[data.task]
                row = {"train_subset": subset, "teacher_lr": lr, "train_examples": len(data.train),
                       "steps_per_epoch": per_epoch, "epochs": args.epochs,
                       "best_dev": round(best["value"], 3), "best_epoch": round(best["step"] / per_epoch, 2),
                       "best_dev_stderr": round(best["stderr"], 3),
                       "baseline": round(best["baseline"], 3), "gate_at_best": _gate(best, floor),
                       "early_stopping_keeps": stop, "curve": curve,
                       "s_per_step": _step_time(recs), "wall_s": round(wall, 1),
                       "steps": max(r["step"] for r in dev),
                       "vocab_rows": _teacher_info(tid)["vocab_size"]}
                rows.append(row)
                print(f"subset {subset:g} ({len(data.train)} ex, {per_epoch} steps/epoch), "
                      f"teacher_lr {lr:g}: best dev {row['best_dev']:.3f} ± "
                      f"{1.96 * row['best_dev_stderr']:.3f} at epoch {row['best_epoch']}, "
                      f"gate {row['gate_at_best']}; early stopping (patience {patience}) keeps "
                      f"{stop}; {row['steps']} steps, {row['s_per_step'] or float('nan'):.2f} s/step, "
                      f"{wall:.0f} s in all", flush=True)
                print(f"    curve (step, epoch, dev): {curve}", flush=True)
    return {"teachers": rows}


def students(args) -> dict:
    from kitlib import vocab
    from kitlib.experiments.teachers import shared_teacher

    from _budgets import student_row

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        P, s, data = _setting(args, tmp)
        t0 = time.perf_counter()
        teacher = shared_teacher(s)
        metric = vocab.main_metric(data.task)
        dev = next(r for r in teacher.dev_records if r["lang"] == "all" and r["metric"] == metric)
        print(f"teacher: dev {dev['value']:.3f} (ready in {time.perf_counter() - t0:.0f} s)",
              flush=True)
        for init in args.inits:
            for kd in (False, True):
                row, df = student_row(s, teacher, data, init=init, kd=kd, seed=args.seed)
                row.update(s_per_step=_step_time(df.to_dict("records")),
                           teacher_dev=round(dev["value"], 3))
                rows.append(row)
                print(json.dumps(row), flush=True)
    return {"students": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["steps", "teacher", "students"])
    ap.add_argument("--preset", default="laptop-tsm", help="a name in params/ or a YAML path")
    ap.add_argument("--data-dir", default=None,
                    help="local copy of the dataset's files (hub layout); default: the hub")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE",
                    help="override preset parameters (values read as YAML)")
    ap.add_argument("--steps", type=int, default=40, help="steps: optimizer steps timed")
    ap.add_argument("--subsets", type=float, nargs="+", default=[0.25])
    ap.add_argument("--lrs", type=float, nargs="+", default=[1e-4, 2e-4])
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--evals-per-epoch", type=int, default=2)
    ap.add_argument("--inits", nargs="+", default=["from-base", "from-teacher"])
    ap.add_argument("--seed", type=int, default=44)
    args = ap.parse_args()
    result = {"steps": steps, "teacher": teacher, "students": students}[args.what](args)
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
