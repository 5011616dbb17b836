"""Temporary files and folders a killed writer left behind are swept, of any cache key, as
soon as their writer is gone; a running writer's are kept (issue 12)."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from kitlib.paths import _HOST, atomic_dir, atomic_write_text, sweep_stale_temps


def _age(path, seconds):
    past = time.time() - seconds
    os.utime(path, (past, past))


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_temporaries_of_a_killed_writer_are_swept_whatever_their_key(tmp_path):
    dead = _dead_pid()
    killed_dir = tmp_path / f".teacher-abc.{_HOST}-{dead}.x1.tmp"       # atomic_dir, another key
    killed_file = tmp_path / f".run.parquet.{_HOST}-{dead}.x2.tmp"      # atomic_write_bytes
    running = tmp_path / f".entry.{_HOST}-{os.getpid()}.x3.tmp"         # this process: alive
    elsewhere_young = tmp_path / ".entry.otherhost-1.x4.tmp"            # another machine's
    elsewhere_old = tmp_path / ".entry.otherhost-2.x5.tmp"
    old_style = tmp_path / ".entry.abc123.tmp"                          # an older kit's, old
    killed_dir.mkdir()
    (killed_dir / "partial.bin").write_bytes(b"x")
    for f in (killed_file, elsewhere_young, elsewhere_old, old_style):
        f.write_bytes(b"x")
    running.mkdir()
    _age(elsewhere_old, 2 * 3600)
    _age(old_style, 2 * 3600)
    removed = set(sweep_stale_temps(tmp_path))
    assert removed == {killed_dir, killed_file, elsewhere_old, old_style}
    assert running.exists() and elsewhere_young.exists()


def test_atomic_writers_sweep_before_writing(tmp_path):
    dead = _dead_pid()
    left = tmp_path / f".x.json.{_HOST}-{dead}.zz.tmp"
    left.write_text("half")
    atomic_write_text(tmp_path / "y.json", "{}")
    assert not left.exists()
    left_dir = tmp_path / f".entry.{_HOST}-{dead}.zz.tmp"
    left_dir.mkdir()
    with atomic_dir(tmp_path / "entry") as tmp:
        (tmp / "done.txt").write_text("ok")
        assert tmp.name.startswith(f".entry.{_HOST}-{os.getpid()}.")
    assert (tmp_path / "entry" / "done.txt").read_text() == "ok" and not left_dir.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_build_lock_makes_a_second_builder_wait_for_the_first(tmp_path):
    """Another process holds the lock on an entry: this one gets it only after that one has
    finished building (what the concurrent Ray runs of a grid rely on). Checked by order of
    events in a log file, not by timing."""
    from kitlib.paths import build_lock

    entry, log = tmp_path / "cache" / "entry", tmp_path / "log.txt"
    child = subprocess.Popen([sys.executable, "-c", f"""
import time
from pathlib import Path
from kitlib.paths import build_lock
log = Path({str(log)!r})
with build_lock({str(entry)!r}):
    log.write_text("child in\\n")
    time.sleep(1.0)
    log.write_text(log.read_text() + "child out\\n")
"""])
    try:
        while not log.exists() and child.poll() is None:
            time.sleep(0.02)
        assert log.exists(), "the child never took the lock"
        with build_lock(entry):
            seen = log.read_text()
            log.write_text(seen + "parent in\n")
    finally:
        child.wait(timeout=60)
    assert log.read_text().splitlines() == ["child in", "child out", "parent in"]
    assert child.returncode == 0
    assert (tmp_path / "cache" / "entry.lock").exists()  # a sibling; the entry is untouched
    assert not entry.exists()
