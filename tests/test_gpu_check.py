"""benchmarks/gpu_check.py: it skips with a reason where there is no CUDA, and its checks
(training, evaluation on the device and on the CPU, finite losses, agreement) run -- here
on the CPU (``--device cpu``) with the tiny models."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "gpu_check.py"


def _run(*args: str) -> tuple[int, dict, str]:
    proc = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          timeout=600)
    return proc.returncode, json.loads(proc.stdout.strip().splitlines()[-1]), proc.stdout


@pytest.mark.skipif(torch.cuda.is_available(), reason="a CUDA device is here: nothing to skip")
def test_without_cuda_it_says_why_and_exits_zero():
    code, result, out = _run()
    assert code == 0 and result == {"skipped": True, "reason": "no CUDA device"}
    assert "SKIP: no CUDA device" in out


def test_its_checks_run_on_the_cpu_with_the_tiny_models():
    code, result, out = _run("--device", "cpu", "--tiny-only")
    assert code == 0, out
    assert [r["model"] for r in result["rows"]] == ["tiny-bert", "tiny-xlmr", "tiny-deberta"]
    for row in result["rows"]:
        assert row["losses"] and all(v == v for v in row["losses"])
        assert row["accuracy_gap"] <= result["tolerance"]
        assert row["eval_examples_per_s"] > 0
    assert result["failures"] == [] and "all checks passed" in out
