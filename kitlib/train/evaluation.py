"""Evaluate a classifier or tagger per language, then average over language groups.

Why per language: the paper's claims are about which languages keep the teacher's ability
(seen vs unseen), so every number is reported per language and as group means.
Tagging is scored on the first sub-word of each word; words cut off by ``max_length``
count as predicted "O" (the gold sequence is never shortened).
"""
from __future__ import annotations

import time
from typing import Any

import torch

from kitlib.data.types import TaskData
from kitlib.errors import bad_value

from . import metrics as M
from .batching import make_batches
from .encoding import encode
from .precision import inference_autocast


def predict(model: Any, tokenizer: Any, encoded: list[dict], *, batch_size: int,
            mixed_precision: str = "auto") -> dict[int, Any]:
    """Argmax predictions per example index: an int (classification) or a list of label ids
    at the first sub-word positions (tagging)."""
    device = next(model.parameters()).device
    autocast = inference_autocast(device, mixed_precision)
    was_training = model.training
    model.eval()
    out: dict[int, Any] = {}
    try:
        with torch.inference_mode(), autocast:
            for batch in make_batches(encoded, batch_size, shuffle=False, seed=0,
                                      pad_id=tokenizer.pad_token_id):
                logits = model(input_ids=batch["input_ids"].to(device),
                               attention_mask=batch["attention_mask"].to(device)).logits
                pred = logits.argmax(-1).cpu()
                for row, idx in enumerate(batch["index"].tolist()):
                    if pred.dim() == 1:
                        out[idx] = int(pred[row])
                    else:
                        out[idx] = pred[row, encoded[idx]["starts"]].tolist()
    finally:
        model.train(was_training)
    return out


def evaluate(model: Any, tokenizer: Any, data: TaskData, split: str = "dev", *,
             batch_size: int = 64, max_length: int = 128,
             encoded: list[dict] | None = None, mixed_precision: str = "auto",
             outcomes: list[dict] | None = None) -> list[dict]:
    """Per-language records (``accuracy`` + ``macro_f1``, or ``f1_strict`` + ``f1_default``)
    followed by group averages ("seen", "unseen", "all", "all_but_en").

    Records carry ``step``/``epoch`` = None (``train`` fills them), ``split``, ``lang``,
    ``lang_group``, ``metric``, ``value``, ``n`` (examples), ``stderr`` and ``wall_s`` (seconds
    this evaluation took) and ``baseline``: the score of the best constant prediction on the
    same examples (the majority class of that language's gold labels, or all-"O" for
    tagging, which finds no entity), the trivial baseline a model must clearly beat.

    ``outcomes``: a list that receives one dict per example (``id, lang, cluster``, and
    ``gold, pred`` for classification, or per-sentence entity counts ``tp_*, pred_*, gold_*``
    in strict and default mode for tagging): what a bootstrap over examples resamples.

    ``encoded``: ``encode(data.split(split), tokenizer, data.task, max_length)`` computed
    before (``train`` evaluates many times and encodes the split once); None = encode here.
    """
    examples = data.split(split)
    if not examples:
        raise bad_value("split", split, "a split with examples", f"{data.name}/{split} is empty.")
    start = time.perf_counter()
    if encoded is None:
        encoded = encode(examples, tokenizer, data.task, max_length)
    elif len(encoded) != len(examples):
        raise bad_value("encoded", f"{len(encoded)} items", f"the encoding of {split} "
                        f"({len(examples)} examples)")
    preds = predict(model, tokenizer, encoded, batch_size=batch_size,
                    mixed_precision=mixed_precision)
    by_lang: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        by_lang.setdefault(ex.lang, []).append(i)
    records = []
    for lang in sorted(by_lang):
        idx = by_lang[lang]
        if data.task == "classification":
            gold = [examples[i].label for i in idx]
            pred = [preds[i] for i in idx]
            scores = {"accuracy": M.accuracy(gold, pred), "macro_f1": M.macro_f1(gold, pred)}
            baselines = M.majority_baselines(gold)
            if outcomes is not None:
                outcomes += [{"id": examples[i].id, "lang": lang,
                              "cluster": data.cluster(examples[i].id), "gold": g, "pred": p}
                             for i, g, p in zip(idx, gold, pred)]
        else:
            names = data.label_names
            gold, pred = [], []
            for i in idx:
                ex = examples[i]
                tags = ["O"] * len(ex.tokens)
                for word, p in zip(encoded[i]["words"], preds[i]):
                    tags[word] = names[p]
                gold.append([names[t] for t in ex.tags])
                pred.append(tags)
            scores = {"f1_strict": M.entity_f1(gold, pred, strict=True),
                      "f1_default": M.entity_f1(gold, pred, strict=False)}
            baselines = {"f1_strict": 0.0, "f1_default": 0.0}  # all-"O" finds no entity
            if outcomes is not None:
                counts = {mode: M.entity_counts(gold, pred, strict=mode == "strict")
                          for mode in ("strict", "default")}
                for k, i in enumerate(idx):
                    row = {"id": examples[i].id, "lang": lang,
                           "cluster": data.cluster(examples[i].id)}
                    for mode, c in counts.items():
                        row.update({f"tp_{mode}": int(c[k, 0]), f"pred_{mode}": int(c[k, 1]),
                                    f"gold_{mode}": int(c[k, 2])})
                    outcomes.append(row)
        for metric, (value, stderr) in scores.items():
            records.append({"step": None, "epoch": None, "split": split, "lang": lang,
                            "lang_group": data.lang_group(lang), "metric": metric,
                            "value": float(value), "n": len(idx), "stderr": float(stderr),
                            "baseline": float(baselines[metric])})
    records += M.group_records(records, data.lang_group)
    wall = time.perf_counter() - start
    for r in records:
        r["wall_s"] = wall
    return records


def inference_speed(model: Any, tokenizer: Any, data: TaskData, split: str = "test", *,
                    batch_size: int = 64, max_length: int = 128, mixed_precision: str = "auto",
                    repeats: int = 3) -> dict:
    """Examples per second of a whole evaluation pass over ``split`` (tokenized once, in
    inference mode, the precision evaluation uses): the best of ``repeats`` passes.

    Why the best: on a shared machine a pass can only be slowed down by others, never sped
    up, so the fastest pass is the closest to the model's own speed. Returns
    ``{"examples_per_s", "seconds", "n"}``."""
    examples = data.split(split)
    encoded = encode(examples, tokenizer, data.task, max_length)
    best = float("inf")
    for _ in range(max(1, int(repeats))):
        t0 = time.perf_counter()
        evaluate(model, tokenizer, data, split, batch_size=batch_size, max_length=max_length,
                 encoded=encoded, mixed_precision=mixed_precision)
        best = min(best, time.perf_counter() - t0)
    return {"examples_per_s": len(examples) / best, "seconds": best, "n": len(examples)}
