"""Which autocast a forward pass without gradients runs under (evaluation, teacher outputs).

Why one helper: evaluation and the teacher-output cache must compute in the same precision
(bf16 on GPU, float32 on CPU), or cached teacher outputs and evaluated scores would differ
from what the training loop sees.
"""
from __future__ import annotations

import contextlib
from typing import ContextManager

import torch


def compute_precision(device: torch.device) -> str:
    """"bf16" on CUDA, "fp32" elsewhere (the teacher-output cache key records it)."""
    return "bf16" if device.type == "cuda" else "fp32"


def inference_autocast(device: torch.device) -> ContextManager:
    """bf16 autocast on CUDA, nothing on CPU."""
    if compute_precision(device) == "bf16":
        return torch.autocast("cuda", dtype=torch.bfloat16)
    return contextlib.nullcontext()
