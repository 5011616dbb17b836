"""Where the kit keeps caches, and how it writes files so that nothing is ever half-written.

Why: caches (offline backbone, fine-tuned teachers, teacher outputs) are shared by every
notebook and must survive interruptions; a killed process must leave either the old file or
the new one, never a truncated one.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

import platformdirs


def cache_dir(*parts: str) -> Path:
    """Root of the kit's caches: ``$KITLIB_CACHE`` or the user cache dir; subfolders created."""
    root = os.environ.get("KITLIB_CACHE") or platformdirs.user_cache_dir("kitlib")
    path = Path(root).expanduser().joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def sha256_file(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def stable_hash(obj: Any, length: int = 16) -> str:
    """Content key of any JSON-serializable object (keys sorted), as hex."""
    blob = json.dumps(obj, sort_keys=True, default=str, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()[:length]


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync, then rename over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


STALE_AFTER_S = 3600.0


def sweep_stale_siblings(path: str | os.PathLike, older_than_s: float = STALE_AFTER_S) -> list[Path]:
    """Remove the temporary siblings ``atomic_dir`` left for ``path`` when its process was
    killed (SIGKILL skips every cleanup): ``.name.*.tmp`` and ``.name.old-*`` folders not
    modified for ``older_than_s`` seconds (younger ones may belong to a running build).
    Returns the folders removed."""
    path = Path(path)
    if not path.parent.is_dir():
        return []
    now = time.time()
    removed = []
    for pattern in (f".{path.name}.*.tmp", f".{path.name}.old-*"):
        for stale in path.parent.glob(pattern):
            with contextlib.suppress(FileNotFoundError):
                if stale.is_dir() and now - stale.stat().st_mtime > older_than_s:
                    shutil.rmtree(stale, ignore_errors=True)
                    removed.append(stale)
    return removed


@contextlib.contextmanager
def atomic_dir(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary sibling folder; on success it replaces ``path`` in one rename.

    On any exception the temporary folder is removed and ``path`` is untouched. Temporary
    siblings older than an hour (left by a killed process) are swept first.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_siblings(path)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    try:
        yield tmp
        if path.exists():
            old = path.with_name(f".{path.name}.old-{os.getpid()}")
            os.replace(path, old)
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
