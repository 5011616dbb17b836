"""Which precision training and forward passes without gradients run in.

Why one helper: training, evaluation and the teacher-output cache must agree on what
"auto" means, and the caches must record what was actually used, or cached teachers,
cached teacher outputs and evaluated scores would differ from what the loop sees.

"auto" is bf16 autocast on CUDA and on CPUs with native bf16 matrix products: AMX tiles
(measured on this project's Xeon, benchmarks/precision.py: a 6-layer student's KD step about
1.4x and evaluation about 2x faster than float32) or AVX512-BF16 (measured on a 2-core AMD
EPYC without AMX on 2026-12-02: student step 1.7x, teacher step 2.0x, evaluation 2.5x
faster); float32 elsewhere, where bf16 is emulated and slower. Never fp16 (mDeBERTa-v3 overflows). Weights
stay float32 either way; only matrix products run in bf16.
"""
from __future__ import annotations

import contextlib
from typing import ContextManager

import torch

CHOICES = ("auto", "no", "bf16")


def cpu_has_amx() -> bool:
    """True on CPUs with AMX tile instructions (fast bf16 matrix products)."""
    check = getattr(torch.cpu, "_is_amx_tile_supported", None)
    try:
        return bool(check()) if check is not None else False
    except RuntimeError:  # pragma: no cover - very old CPUs / builds
        return False


def cpu_has_fast_bf16() -> bool:
    """True on CPUs that multiply bf16 matrices natively: AMX tiles or AVX512-BF16."""
    check = getattr(torch.cpu, "_is_avx512_bf16_supported", None)
    try:
        return cpu_has_amx() or (bool(check()) if check is not None else False)
    except RuntimeError:  # pragma: no cover - very old CPUs / builds
        return False


def resolve_precision(requested: str, device: torch.device | str) -> str:
    """"bf16" or "no" for a requested ``mixed_precision`` ("auto", "no", "bf16")."""
    if requested in ("no", "bf16"):
        return requested
    kind = torch.device(device).type
    if kind == "cuda" or (kind == "cpu" and cpu_has_fast_bf16()):
        return "bf16"
    return "no"


def compute_precision(device: torch.device | str, requested: str = "auto") -> str:
    """"bf16" or "fp32": what a forward pass computes in (cache keys record it)."""
    return "bf16" if resolve_precision(requested, device) == "bf16" else "fp32"


def inference_autocast(device: torch.device | str, requested: str = "auto") -> ContextManager:
    """bf16 autocast where ``resolve_precision`` says bf16, nothing otherwise."""
    if compute_precision(device, requested) == "bf16":
        return torch.autocast(torch.device(device).type, dtype=torch.bfloat16)
    return contextlib.nullcontext()
