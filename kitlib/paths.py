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
import re
import shutil
import socket
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


_HOST = socket.gethostname().replace(".", "_").replace("-", "_") or "host"


def _temp_prefix(path: Path) -> str:
    """``.<name>.<host>-<pid>.``: the temporary siblings say who writes them, so that a
    later process can tell those of a killed writer from those of a running one."""
    return f".{path.name}.{_HOST}-{os.getpid()}."


def _writer_gone(name: str, now: float, mtime: float, older_than_s: float) -> bool:
    m = _TEMP.match(name)
    if m is None or m["host"] != _HOST:
        return now - mtime > older_than_s  # someone else's (or an old-style) temporary
    try:
        os.kill(int(m["pid"]), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, ValueError):
        return False
    return False


_TEMP = re.compile(r"^\..+\.(?P<host>[A-Za-z0-9_]+)-(?P<pid>\d+)\..*\.tmp$")


def sweep_stale_temps(folder: str | os.PathLike, older_than_s: float = 3600.0) -> list[Path]:
    """Remove temporary files and folders that ``atomic_write_*`` / ``atomic_dir`` left in
    ``folder`` when their process was killed (SIGKILL skips every cleanup): any
    ``.<name>.<host>-<pid>.*.tmp`` whose writer on this host is gone, and anything else of the
    form ``.*.tmp`` / ``.*.old-*`` older than ``older_than_s`` (another host's, or an
    older kit's). Returns what was removed."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    now = time.time()
    removed = []
    for entry in folder.iterdir():
        name = entry.name
        if not name.startswith(".") or not (name.endswith(".tmp") or ".old-" in name):
            continue
        try:
            mtime = entry.lstat().st_mtime
        except FileNotFoundError:
            continue
        if ".old-" in name and not name.endswith(".tmp"):
            gone = now - mtime > older_than_s
        else:
            gone = _writer_gone(name, now, mtime, older_than_s)
        if gone:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):
                    entry.unlink()
            removed.append(entry)
    return removed


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write to a temp file in the same folder, fsync, then rename over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_temps(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_temp_prefix(path), suffix=".tmp")
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
    """The stale temporaries next to ``path`` (see ``sweep_stale_temps``)."""
    return sweep_stale_temps(Path(path).parent, older_than_s)


@contextlib.contextmanager
def atomic_dir(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary sibling folder; on success it replaces ``path`` in one rename.

    On any exception the temporary folder is removed and ``path`` is untouched. Temporary
    siblings left by a killed process are swept first (``sweep_stale_temps``).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_temps(path.parent)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=_temp_prefix(path), suffix=".tmp"))
    try:
        yield tmp
        if path.exists():
            old = path.with_name(f".{path.name}.old-{_HOST}-{os.getpid()}.tmp")
            os.replace(path, old)
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


@contextlib.contextmanager
def build_lock(path: str | os.PathLike) -> Iterator[None]:
    """Hold the exclusive lock on building the cache entry ``path`` (a sibling file
    ``<name>.lock``, an OS file lock, so also across the nodes of a shared filesystem that
    supports locking).

    Why: under ``executor: ray`` several runs that need the same entry (the KD runs of one
    teacher share its output cache) start at once. Checking for the entry and building it
    inside this lock makes the first run build it and the others wait and then open it,
    instead of each computing it and swapping the folder under the others' feet."""
    from filelock import FileLock

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path.parent / f"{path.name}.lock")):
        yield


MANIFEST = "kitlib_manifest.json"


def write_manifest(folder: str | os.PathLike, **extra: Any) -> Path:
    """Record the sha256 and size of every file below ``folder`` (and ``extra`` fields) in
    ``folder/kitlib_manifest.json``, written last, so that a later open can prove that
    nothing was changed, truncated or removed since (``verify_manifest``)."""
    folder = Path(folder)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)
    manifest = {**extra, "files": {p.relative_to(folder).as_posix():
                                   {"sha256": sha256_file(p), "bytes": p.stat().st_size}
                                   for p in files}}
    atomic_write_text(folder / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
    return folder / MANIFEST


_VERIFIED: dict[tuple, bool] = {}


def verify_manifest(folder: str | os.PathLike, **expected: Any) -> dict:
    """Raise ``CacheError`` naming the file unless every file of the manifest is there with
    its size and hash, no file was added, and the manifest's fields equal ``expected``.
    Returns the manifest. Verified folders are remembered per process (keyed by every
    file's size and modification time), so a folder opened again is not hashed again."""
    from kitlib.errors import CacheError

    folder = Path(folder)
    mpath = folder / MANIFEST
    if not mpath.is_file():
        raise CacheError(f"{folder}: no {MANIFEST} (interrupted, written by an older kit, or "
                         "not the kit's)")
    try:
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
        files = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CacheError(f"{mpath}: unreadable manifest ({exc})") from None
    for key, value in expected.items():
        if manifest.get(key) != value:
            raise CacheError(f"{folder}: written with {key}={manifest.get(key)!r}, this kit "
                             f"expects {value!r}")
    present = {p.relative_to(folder).as_posix(): p for p in folder.rglob("*")
               if p.is_file() and p.name != MANIFEST}
    missing = sorted(set(files) - set(present))
    if missing:
        raise CacheError(f"{folder}: {missing[0]} is missing")
    added = sorted(set(present) - set(files))
    if added:
        raise CacheError(f"{folder}: {added[0]} was added after it was written")
    stamp = (str(folder.resolve()),) + tuple(
        (name, p.stat().st_size, p.stat().st_mtime_ns) for name, p in sorted(present.items()))
    if _VERIFIED.get(stamp):
        return manifest
    for name, meta in files.items():
        p = present[name]
        if p.stat().st_size != meta["bytes"]:
            raise CacheError(f"{folder}: {name} has {p.stat().st_size} bytes, expected "
                             f"{meta['bytes']} (truncated?)")
        if sha256_file(p) != meta["sha256"]:
            raise CacheError(f"{folder}: {name} does not match its sha256 (changed or corrupt)")
    _VERIFIED[stamp] = True
    return manifest
