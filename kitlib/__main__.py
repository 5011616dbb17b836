"""Command line: ``python -m kitlib run-all --params params/pocket.yaml --out runs/``.

Why: the headless path of the kit is "run every notebook with one preset and keep the
executed notebooks, records and figures together"; this does exactly that with papermill,
in notebook order, and stops with a non-zero exit status at the first failure.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kitlib.errors import KitError

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"


def run_all(preset: str, out: str | Path, *, notebooks: list[str] | None = None,
            notebook_dir: str | Path = NOTEBOOK_DIR, log_output: bool = True,
            extra: dict | None = None, kernel: str | None = None) -> list[Path]:
    """Execute the notebooks in order with papermill; returns the executed notebooks.

    Every notebook gets the preset's parameters that it uses (validated here first, so a
    bad preset fails before any notebook starts), plus ``out_dir = out``; executed copies
    go to ``<out>/notebooks/``. Raises ``papermill.PapermillExecutionError`` on failure.
    """
    import papermill as pm

    from kitlib import params

    out = Path(out).expanduser().resolve()
    notebook_dir = Path(notebook_dir)
    names = [params.notebook_name(n) for n in (notebooks or list(params.NOTEBOOKS))]
    base, preset_path = params.read_preset(preset)
    params.check_known({**base, **(extra or {})}, where=f"preset {preset_path or preset}")
    plan = []
    for name in names:  # validate every notebook's parameters before running anything
        values = {k: v for k, v in {**base, **(extra or {})}.items()
                  if k in params.notebook_keys(name)}
        values["out_dir"] = str(out)
        params.load_params(name, {}, **values)
        path = notebook_dir / f"{name}.ipynb"
        if not path.is_file():
            raise KitError(f"notebook {name!r} not found at {path}; pass --notebook-dir.")
        plan.append((name, path, values))
    done, wall = [], {}
    for i, (name, path, values) in enumerate(plan, 1):
        target = out / "notebooks" / f"{name}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        print(f"[kitlib run-all] ({i}/{len(plan)}) {name} with {preset_path or preset} "
              f"-> {target}", flush=True)
        t0 = time.perf_counter()
        pm.execute_notebook(str(path), str(target), parameters=values, log_output=log_output,
                            progress_bar=False, cwd=str(ROOT), kernel_name=kernel)
        wall[name] = time.perf_counter() - t0
        print(f"[kitlib run-all] {name} done in {wall[name]:.1f}s", flush=True)
        done.append(target)
    from kitlib.report import write_report

    md, page = write_report(out, names, str(preset_path or preset),
                            {**base, **(extra or {}), "out_dir": str(out)}, wall)
    print(f"[kitlib run-all] report: {md} and {page}", flush=True)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kitlib",
                                     description="Privileged Students study kit")
    sub = parser.add_subparsers(dest="command", required=True)
    ra = sub.add_parser(
        "run-all", help="execute all five notebooks in order with papermill",
        epilog="Each notebook's grid runs as its preset's executor says: local (one run after "
               "another) or ray (each run a Ray task; ray_address, cpus_per_run, gpus_per_run). "
               "One run spread over several GPUs (Accelerate's num_processes) is not available "
               "from run-all yet; see README 'Scale out'.")
    ra.add_argument("--params", default="pocket",
                    help="preset name in params/ or a YAML path (default: pocket)")
    ra.add_argument("--out", default="runs", help="results folder (default: runs/)")
    ra.add_argument("--notebooks", nargs="*", default=None,
                    help="only these notebooks, e.g. 01 04 (default: all five)")
    ra.add_argument("--notebook-dir", default=str(NOTEBOOK_DIR))
    ra.add_argument("--kernel", default=None, help="Jupyter kernel name (default: the notebook's)")
    ra.add_argument("--quiet", action="store_true", help="do not stream the notebooks' output")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    try:
        done = run_all(args.params, args.out, notebooks=args.notebooks,
                       notebook_dir=args.notebook_dir, log_output=not args.quiet,
                       kernel=args.kernel)
    except KitError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except Exception as err:  # papermill's execution error names the failing cell
        print(f"error: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
    print(f"[kitlib run-all] {len(done)} notebooks in {time.perf_counter() - t0:.1f}s; "
          f"results in {Path(args.out).resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
