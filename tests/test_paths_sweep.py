"""atomic_dir sweeps the temporary siblings a killed process left behind (older than 1 h)."""
from __future__ import annotations

import os
import time

from kitlib.paths import atomic_dir


def _age(folder, seconds):
    past = time.time() - seconds
    os.utime(folder, (past, past))


def test_atomic_dir_sweeps_only_old_siblings_of_its_own_path(tmp_path):
    target = tmp_path / "entry"
    old_tmp = tmp_path / ".entry.abc123.tmp"
    old_swap = tmp_path / ".entry.old-4242"
    young_tmp = tmp_path / ".entry.def456.tmp"  # may belong to a build running right now
    other = tmp_path / ".other.abc123.tmp"  # another entry's: not ours to judge
    for folder in (old_tmp, old_swap, young_tmp, other):
        folder.mkdir()
        (folder / "partial.bin").write_bytes(b"x")
    for folder in (old_tmp, old_swap, other):
        _age(folder, 2 * 3600)
    with atomic_dir(target) as tmp:
        (tmp / "done.txt").write_text("ok")
    assert (target / "done.txt").read_text() == "ok"
    assert not old_tmp.exists() and not old_swap.exists()
    assert young_tmp.exists() and other.exists()
