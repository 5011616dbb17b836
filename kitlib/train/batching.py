"""Length-grouped, dynamically padded batches.

Why: pocket utterances are ~10-20 tokens; padding them to 128 would make CPU training several
times slower. Examples are sorted by length inside seeded buckets of about 50 batches, cut
into batches, and the batch order is shuffled (seeded), so each batch holds examples of
similar length and is padded only to its own longest example. The same ``seed`` gives the
same batches, which keeps CPU runs reproducible.
"""
from __future__ import annotations

import random
from typing import Iterator, Sequence

import torch

from kitlib.errors import bad_value

from .encoding import IGNORE_INDEX

BUCKET_BATCHES = 50


def batch_indices(lengths: Sequence[int], batch_size: int, *, shuffle: bool,
                  seed: int) -> list[list[int]]:
    """Positions of each batch. Without ``shuffle``: sorted by length (stable), in order."""
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise bad_value("batch_size", batch_size, "an int >= 1")
    order = list(range(len(lengths)))
    if not shuffle:
        order.sort(key=lambda i: lengths[i])
        return [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng = random.Random(seed)
    rng.shuffle(order)
    bucket = batch_size * BUCKET_BATCHES
    batches: list[list[int]] = []
    for start in range(0, len(order), bucket):
        chunk = sorted(order[start:start + bucket], key=lambda i: lengths[i])
        batches.extend(chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def collate(items: Sequence[dict], pad_id: int) -> dict[str, torch.Tensor]:
    """Pad ``items`` to their longest one: int64 ``input_ids``, ``attention_mask``,
    ``labels`` (per-token labels padded with -100) and ``index``."""
    width = max(len(it["input_ids"]) for it in items)
    ids = torch.full((len(items), width), int(pad_id), dtype=torch.long)
    mask = torch.zeros((len(items), width), dtype=torch.long)
    tagging = isinstance(items[0]["labels"], list)
    labels = (torch.full((len(items), width), IGNORE_INDEX, dtype=torch.long) if tagging
              else torch.empty(len(items), dtype=torch.long))
    for row, it in enumerate(items):
        n = len(it["input_ids"])
        ids[row, :n] = torch.tensor(it["input_ids"], dtype=torch.long)
        mask[row, :n] = 1
        if tagging:
            labels[row, :n] = torch.tensor(it["labels"], dtype=torch.long)
        else:
            labels[row] = it["labels"]
    index = torch.tensor([it["index"] for it in items], dtype=torch.long)
    return {"input_ids": ids, "attention_mask": mask, "labels": labels, "index": index}


def make_batches(encoded: Sequence[dict], batch_size: int, *, shuffle: bool, seed: int = 0,
                 pad_id: int) -> Iterator[dict[str, torch.Tensor]]:
    """Yield padded batches of ``encoded`` (from ``encode``); see the module docstring."""
    if pad_id is None:
        raise bad_value("pad_id", pad_id, "the tokenizer's pad_token_id (an int)")
    lengths = [len(it["input_ids"]) for it in encoded]
    for positions in batch_indices(lengths, batch_size, shuffle=shuffle, seed=seed):
        yield collate([encoded[p] for p in positions], pad_id)
