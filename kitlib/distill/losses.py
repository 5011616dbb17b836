"""TinyBERT-style KD loss terms, each a small function on plain tensors.

Conventions (stated because they differ between papers and libraries):
- Hugging Face ``hidden_states`` has L+1 entries: index 0 is the embedding-layer output,
  index i+1 the output of layer i. With ``layer_map`` (student layer i <- teacher layer
  ``layer_map[i]``), student ``hidden_states[i+1]`` is matched to teacher
  ``hidden_states[layer_map[i] + 1]``, and embeddings to embeddings (index 0).
- Attention: Hugging Face (eager attention) returns POST-softmax attention probabilities;
  TinyBERT matched PRE-softmax scores. This kit matches the post-softmax probabilities.
  Padding is masked on both the query and the key axis.
- Layer terms are summed over the matched layers (as in TinyBERT); each layer's MSE is a
  mean over the real (non-padding) tokens and the feature (or head x key) dimension.
- Prediction: soft cross-entropy between softened distributions at temperature T, scaled by
  T^2 (Hinton et al.), or MSE on raw logits. For token classification only the positions in
  ``mask`` (first sub-words: labels != -100) count.
- No projection layer: student and teacher must have the same hidden size (and, for the
  attention term, the same number of heads).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # torch is imported by whoever passes tensors; importing this module is free
    import torch


def masked_mse(student: torch.Tensor, teacher: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """MSE of [B, T, H] tensors over the positions where ``mask`` [B, T] is 1."""
    m = mask.to(student.dtype).unsqueeze(-1)
    sq = (student - teacher.to(student.dtype)) ** 2 * m
    return sq.sum() / (m.sum() * student.shape[-1]).clamp_min(1)


def embedding_loss(student_hidden: Sequence[torch.Tensor], teacher_embed: torch.Tensor,
                   mask: torch.Tensor) -> torch.Tensor:
    """Embedding-layer MSE: student ``hidden_states[0]`` vs teacher ``hidden_states[0]``."""
    return masked_mse(student_hidden[0], teacher_embed, mask)


def hidden_loss(student_hidden: Sequence[torch.Tensor], teacher_mapped: Sequence[torch.Tensor],
                mask: torch.Tensor) -> torch.Tensor:
    """Sum over student layers i of MSE(student ``hidden_states[i+1]``, ``teacher_mapped[i]``),
    where ``teacher_mapped[i]`` = teacher ``hidden_states[layer_map[i] + 1]``
    (see ``select_teacher_hidden``)."""
    return sum(masked_mse(s, t, mask) for s, t in zip(student_hidden[1:], teacher_mapped, strict=True))


def select_teacher_hidden(hidden_states: Sequence[torch.Tensor], layer_map: Sequence[int]) -> list[torch.Tensor]:
    """Teacher outputs the student matches: [embeddings] + [hidden_states[j+1] for j in map]."""
    return [hidden_states[0]] + [hidden_states[j + 1] for j in layer_map]


def attention_loss(student_attn: Sequence[torch.Tensor], teacher_attn: Sequence[torch.Tensor],
                   mask: torch.Tensor) -> torch.Tensor:
    """Sum over layers of the MSE between post-softmax attention maps [B, heads, T, T],
    counting only (query, key) pairs where both are real tokens. ``teacher_attn[i]`` is the
    teacher's ``attentions[layer_map[i]]``."""
    m = mask.to(student_attn[0].dtype)
    pair = (m[:, None, :, None] * m[:, None, None, :])
    total = 0.0
    for s, t in zip(student_attn, teacher_attn, strict=True):
        sq = (s - t.to(s.dtype)) ** 2 * pair
        total = total + sq.sum() / (pair.sum() * s.shape[1]).clamp_min(1)
    return total


def prediction_loss(student_logits: torch.Tensor, teacher_logits: torch.Tensor, *,
                    temperature: float = 1.0, kind: str = "soft_ce",
                    mask: torch.Tensor | None = None) -> torch.Tensor:
    """Soft-label loss. ``kind="soft_ce"``: mean over items of
    -sum_c softmax(t/T)_c * log_softmax(s/T)_c, times T^2. ``kind="mse"``: mean squared error
    of the logits. Logits are [B, C] or [B, T, C]; ``mask`` [B, T] selects token positions."""
    s, t = student_logits.float(), teacher_logits.float()
    if mask is not None:
        keep = mask.bool()
        s, t = s[keep], t[keep]
    if s.numel() == 0:
        return student_logits.sum() * 0.0
    if kind == "mse":
        return ((s - t) ** 2).mean()
    T = float(temperature)
    soft = -((t / T).softmax(dim=-1) * (s / T).log_softmax(dim=-1)).sum(-1).mean()
    return soft * T * T


def hard_ce(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Cross-entropy with the gold labels (-100 ignored)."""
    import torch.nn.functional as F

    return F.cross_entropy(logits.float().reshape(-1, logits.shape[-1]), labels.reshape(-1),
                           ignore_index=-100)


__all__ = ["masked_mse", "embedding_loss", "hidden_loss", "select_teacher_hidden",
           "attention_loss", "prediction_loss", "hard_ce"]
