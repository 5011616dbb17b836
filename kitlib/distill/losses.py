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

from typing import Sequence

import torch
import torch.nn.functional as F

from .config import INTERMEDIATE


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
        return F.mse_loss(s, t)
    T = float(temperature)
    soft = -(F.softmax(t / T, dim=-1) * F.log_softmax(s / T, dim=-1)).sum(-1).mean()
    return soft * T * T


def hard_ce(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Cross-entropy with the gold labels (-100 ignored)."""
    return F.cross_entropy(logits.float().reshape(-1, logits.shape[-1]), labels.reshape(-1),
                           ignore_index=-100)


__all__ = ["masked_mse", "embedding_loss", "hidden_loss", "select_teacher_hidden",
           "attention_loss", "prediction_loss", "hard_ce", "INTERMEDIATE"]


def check_compatible(student_config, teacher_info: dict, kd, layer_map: Sequence[int]) -> None:
    """Raise ``KitError`` before training when the student cannot be matched to the teacher.

    ``teacher_info``: {"hidden_size", "num_attention_heads", "num_hidden_layers"}.
    """
    from kitlib.errors import bad_value
    from kitlib.models.student import resolve_layer_map

    # the one layer-map validator of the kit: one distinct teacher layer per student layer
    resolve_layer_map(list(layer_map), teacher_info["num_hidden_layers"],
                      student_config.num_hidden_layers)
    if kd.need_hidden and student_config.hidden_size != teacher_info["hidden_size"]:
        raise bad_value("student hidden_size", student_config.hidden_size,
                        f"the teacher's hidden size {teacher_info['hidden_size']}",
                        "This kit has no projection layer for the hidden/embed terms; "
                        "keep the teacher's width or drop those terms.")
    if kd.need_attn and student_config.num_attention_heads != teacher_info["num_attention_heads"]:
        raise bad_value("student num_attention_heads", student_config.num_attention_heads,
                        f"the teacher's head count {teacher_info['num_attention_heads']}",
                        "Drop the attn term from kd.terms or keep the teacher's head count.")


def kd_losses(outputs, teacher: dict, batch: dict, kd, *, stage: int = 1) -> dict[str, torch.Tensor]:
    """Unweighted loss per active term of ``kd`` in ``stage``.

    ``outputs``: the student's model output (``logits``, ``hidden_states``, ``attentions``);
    ``teacher``: ``TeacherCache.lookup`` output on the same device; ``batch``: from
    ``make_batches`` (``attention_mask``, ``labels``).
    """
    mask = batch["attention_mask"]
    labels = batch["labels"]
    out: dict[str, torch.Tensor] = {}
    for term in kd.active_terms(stage):
        if term == "ce":
            out[term] = hard_ce(outputs.logits, labels)
        elif term == "pred":
            token_mask = (labels != -100) if outputs.logits.dim() == 3 else None
            out[term] = prediction_loss(outputs.logits, teacher["logits"],
                                        temperature=kd.temperature, kind=kd.pred_loss,
                                        mask=token_mask)
        elif term == "embed":
            out[term] = embedding_loss(outputs.hidden_states, teacher["hidden"][0], mask)
        elif term == "hidden":
            out[term] = hidden_loss(outputs.hidden_states, teacher["hidden"][1:], mask)
        elif term == "attn":
            out[term] = attention_loss(outputs.attentions, teacher["attn"], mask)
    return out


__all__ += ["check_compatible", "kd_losses"]
