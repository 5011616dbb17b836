"""Look inside students before and after training: sizes, layer similarity, zero-training scores.

Why: the paper's argument is that a from-teacher student starts out *already close* to the
teacher. These tools make that visible: how many parameters a student keeps (and how much of
it is the multilingual embedding matrix), how similar each student layer's representations are
to each teacher layer's (linear CKA, Kornblith et al. 2019), and how well a student scores with
no training at all.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Sequence

from kitlib.errors import KitError, bad_value

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import torch

    from kitlib.data.types import Example, TaskData


def count_parameters(model: "torch.nn.Module") -> dict[str, int]:
    """``{"total", "embeddings", "non_embedding"}`` parameter counts (shared tensors once).

    ``embeddings`` is everything in the encoder's ``embeddings`` module: word, position and
    token-type embeddings and their LayerNorm -- dominated by the vocabulary matrix, which is
    why vocabulary trimming matters. DeBERTa-v2's relative-position table
    (``encoder.rel_embeddings``) sits in the encoder and counts as ``non_embedding``.
    """
    base = getattr(model, "base_model", model)
    emb_module = getattr(base, "embeddings", None)
    if emb_module is None:
        raise bad_value("model", type(model).__name__,
                        "a Hugging Face encoder (or task model) with an `embeddings` module")
    total = sum(p.numel() for p in model.parameters())
    emb = sum(p.numel() for p in emb_module.parameters())
    return {"total": total, "embeddings": emb, "non_embedding": total - emb}


def _as64(a: Any, name: str) -> "torch.Tensor":
    import torch

    t = a.detach() if isinstance(a, torch.Tensor) else torch.as_tensor(a)
    t = t.to(device="cpu", dtype=torch.float64)
    if t.dim() != 2:
        raise bad_value(name, f"an array of shape {tuple(t.shape)}", "a 2-d (n, features) array")
    return t


class _CkaSide:
    """One representation prepared for linear CKA: centered columns (float64) and the
    Frobenius norm of its Gram matrix ``||X^T X||_F``. ``layer_similarity`` prepares each
    layer once per language and reuses it for every pair it takes part in."""

    def __init__(self, x: Any, name: str = "x") -> None:
        import torch

        t = _as64(x, name)
        self.n = t.shape[0]
        self.centered = t - t.mean(0, keepdim=True)
        self.norm = float(torch.linalg.matrix_norm(self.centered.T @ self.centered))


def _cka(a: _CkaSide, b: _CkaSide) -> float:
    import torch

    denom = a.norm * b.norm
    if denom == 0.0:
        return math.nan
    return float(torch.linalg.matrix_norm(b.centered.T @ a.centered) ** 2 / denom)


def linear_cka(x: Any, y: Any) -> float:
    """Linear CKA between two representations of the same ``n`` items (Kornblith et al. 2019).

    ``x``: (n, d1), ``y``: (n, d2) -- rows are items (tokens), features are columns; numpy
    arrays or torch tensors. Columns are centered, everything in float64:
    ``CKA = ||Y^T X||_F^2 / (||X^T X||_F * ||Y^T Y||_F)``. 1 for identical inputs; invariant
    to orthogonal transforms and isotropic scaling of either side; in [0, 1]. Returns NaN when
    one side is constant (no variance to compare).
    """
    xt, yt = _as64(x, "x"), _as64(y, "y")
    if xt.shape[0] != yt.shape[0]:
        raise bad_value("y", f"{yt.shape[0]} rows", f"{xt.shape[0]} rows (as many as x)")
    if xt.shape[0] < 2:
        raise bad_value("x", f"{xt.shape[0]} rows", "at least 2 rows (items)")
    return _cka(_CkaSide(xt, "x"), _CkaSide(yt, "y"))


def _hidden_states(model: Any, batches: list[dict]) -> list["torch.Tensor"]:
    """Per hidden-state index, the (tokens, hidden) matrix of all non-padding tokens."""
    import torch

    device = next(model.parameters()).device
    per_layer: list[list[torch.Tensor]] = []
    for batch in batches:
        mask = batch["attention_mask"].bool()
        out = model(input_ids=batch["input_ids"].to(device),
                    attention_mask=batch["attention_mask"].to(device), output_hidden_states=True)
        states = out.hidden_states
        if not per_layer:
            per_layer = [[] for _ in states]
        for k, h in enumerate(states):
            per_layer[k].append(h.float().cpu()[mask])
    return [torch.cat(chunks) for chunks in per_layer]


#: Layer number of the embedding output in :func:`layer_similarity` (layer k = output of
#: transformer layer k, as in layer maps).
EMBEDDINGS = -1


def layer_similarity(teacher: "torch.nn.Module", student: "torch.nn.Module", tokenizer: Any,
                     examples: "Sequence[Example]", *, layer_map: Any = None,
                     max_examples: int = 64, batch_size: int = 16, max_length: int = 64,
                     progress: bool = True) -> "pd.DataFrame":
    """Linear CKA between teacher and student layers, per language, on the same tokens.

    Layer numbering is the kit's one numbering, the same as in layer maps: layer ``k`` is
    the output of transformer layer k (0-based), and ``-1`` (:data:`EMBEDDINGS`) is the
    embedding output (Hugging Face's ``hidden_states[k + 1]`` and ``hidden_states[0]``), so a
    12-layer teacher has -1..11. Both models
    see the same inputs (the first ``max_examples`` examples of each language, texts or
    pre-split words, truncated to ``max_length``); representations of every non-padding token
    (special tokens included) are compared. ``layer_map=None``: every teacher layer against
    every student layer; otherwise (a name or list, as for ``build_student``) only the pairs
    it aligns: the embeddings (-1, -1) and (layer_map[i], i).

    Returns a DataFrame with columns ``lang, teacher_layer, student_layer, cka, n_tokens``.
    Runs under ``torch.inference_mode`` with both models in eval mode (restored afterwards).
    """
    import pandas as pd
    import torch
    from tqdm.auto import tqdm

    from kitlib.models.student import resolve_layer_map

    for name, value in (("max_examples", max_examples), ("batch_size", batch_size),
                        ("max_length", max_length)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise bad_value(name, value, "an int >= 1")
    examples = list(examples)
    if not examples:
        raise bad_value("examples", examples, "a non-empty list of kitlib Examples")
    t_layers = int(teacher.config.num_hidden_layers)
    s_layers = int(student.config.num_hidden_layers)
    if layer_map is None:
        pairs = [(t, s) for t in range(t_layers + 1) for s in range(s_layers + 1)]
    else:
        resolved = resolve_layer_map(layer_map, t_layers, s_layers)
        pairs = [(0, 0)] + [(t + 1, i + 1) for i, t in enumerate(resolved)]

    by_lang: dict[str, list] = {}
    for ex in examples:
        bucket = by_lang.setdefault(ex.lang, [])
        if len(bucket) < max_examples:
            bucket.append(ex)

    modes = (teacher.training, student.training)
    teacher.eval()
    student.eval()
    rows = []
    try:
        with torch.inference_mode():
            for lang in tqdm(sorted(by_lang), desc="layer similarity", disable=not progress,
                             leave=False):
                batches = _encode_batches(by_lang[lang], tokenizer, batch_size, max_length)
                # centered states and Gram norms once per layer, not once per pair
                t_states = _hidden_states(teacher, batches)
                s_states = _hidden_states(student, batches)
                t_sides = {t: _CkaSide(t_states[t]) for t in sorted({t for t, _ in pairs})}
                s_sides = {s: _CkaSide(s_states[s]) for s in sorted({s for _, s in pairs})}
                for t, s in pairs:
                    rows.append({"lang": lang, "teacher_layer": t - 1, "student_layer": s - 1,
                                 "cka": _cka(t_sides[t], s_sides[s]),
                                 "n_tokens": int(t_sides[t].n)})
    finally:
        teacher.train(modes[0])
        student.train(modes[1])
    return pd.DataFrame(rows, columns=["lang", "teacher_layer", "student_layer", "cka", "n_tokens"])


def _encode_batches(examples: list, tokenizer: Any, batch_size: int, max_length: int) -> list[dict]:
    batches = []
    for start in range(0, len(examples), batch_size):
        chunk = examples[start:start + batch_size]
        if all(ex.tokens is not None for ex in chunk):
            enc = tokenizer([list(ex.tokens) for ex in chunk], is_split_into_words=True,
                            truncation=True, max_length=max_length, padding=True,
                            return_tensors="pt")
        elif all(ex.text is not None for ex in chunk):
            enc = tokenizer([ex.text for ex in chunk], truncation=True, max_length=max_length,
                            padding=True, return_tensors="pt")
        else:
            raise KitError("examples must all have text (classification) or all have tokens "
                           "(tagging).")
        batches.append({"input_ids": enc["input_ids"], "attention_mask": enc["attention_mask"]})
    return batches


def zero_training_eval(student: "torch.nn.Module", tokenizer: Any, data: "TaskData",
                       split: str = "dev", **kw: Any) -> list[dict]:
    """Score a freshly built student with no training at all (the copy alone).

    Delegates to ``kitlib.train.evaluate`` (same metrics, per language and group averages;
    ``kw`` goes to it, e.g. ``batch_size``, ``max_length``); records get ``step = 0`` and
    ``epoch = 0`` ("before training") where evaluate left them empty.
    """
    from kitlib.train import evaluate  # lazy: the package re-exports it from its submodule

    records = evaluate(student, tokenizer, data, split=split, **kw)
    for rec in records:
        for key in ("step", "epoch"):
            if rec.get(key) is None:
                rec[key] = 0
    return records
