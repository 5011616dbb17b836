"""Teacher outputs computed once per content key and reused by every student of a grid.

Why: in KD the teacher's forward pass is pure overhead that is identical for every student
(from-scratch, from-base, from-teacher, each term ablation). Running it once and storing
its outputs makes a KD step cost about as much as a plain fine-tuning step.

Key = (teacher weights hash, tokenizer hash, data fingerprint, max_length, layer_map,
which outputs, storage dtype, compute precision, splits). Any change gives a new entry; an
entry is written with ``atomic_dir`` so that an interrupted run leaves no partial entry.

Stored per split, in one safetensors file, at each example's true length (no padding):
``input_ids`` (int64, to verify the entry matches the tokenization), ``lengths``,
``logits`` (float32), and when needed ``hidden`` = teacher [embeddings] + [hidden_states[j+1]
for j in layer_map] and ``attn`` = teacher attentions[j] for j in layer_map (post-softmax,
eager attention). Hidden states and attention maps are stored in float16 by default
(``dtype``): plenty for MSE targets, half the disk and memory.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any, Sequence

import torch

from kitlib.data.types import TaskData
from kitlib.errors import CacheError, KitError, bad_value
from kitlib.paths import atomic_dir, atomic_write_text, cache_dir, stable_hash

SPLITS = ("train", "dev", "test")
_DTYPES = {"float16": torch.float16, "bfloat16": torch.bfloat16, "float32": torch.float32}


def weights_hash(model: torch.nn.Module) -> str:
    """sha256 over every parameter and buffer (name, dtype, shape, bytes)."""
    h = hashlib.sha256()
    for name, t in sorted(model.state_dict().items()):
        t = t.detach().cpu().contiguous()
        h.update(f"{name}|{t.dtype}|{tuple(t.shape)}".encode())
        h.update(t.reshape(-1).view(torch.uint8).numpy().tobytes())
    return h.hexdigest()[:16]


def tokenizer_hash(tokenizer: Any) -> str:
    """Hash of the whole fast-tokenizer definition (vocab, normalizer, post-processor),
    without the truncation/padding state that each call of the tokenizer rewrites."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is not None:
        spec = json.loads(backend.to_str())
        spec.pop("truncation", None)  # per-call settings the HF wrapper changes on every call
        spec.pop("padding", None)
        blob = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    else:
        blob = json.dumps(sorted(tokenizer.get_vocab().items()), ensure_ascii=False)
    vocab_map = getattr(tokenizer, "vocab_map", None)  # kitlib.models.trim.TrimmedTokenizer
    vm = vocab_map.to_json() if hasattr(vocab_map, "to_json") else None
    extra = [type(tokenizer).__name__, stable_hash(vm), tokenizer.pad_token_id, tokenizer.cls_token_id,
             tokenizer.sep_token_id, tokenizer.unk_token_id]
    return hashlib.sha256((blob + json.dumps(extra, default=str)).encode()).hexdigest()[:16]


def teacher_info(model: torch.nn.Module) -> dict:
    c = model.config
    return {"hidden_size": c.hidden_size, "num_attention_heads": c.num_attention_heads,
            "num_hidden_layers": c.num_hidden_layers, "num_labels": c.num_labels}


def _offsets(lengths: torch.Tensor, power: int = 1) -> torch.Tensor:
    return torch.cat([torch.zeros(1, dtype=torch.long), torch.cumsum(lengths ** power, 0)])


class TeacherCache:
    """Teacher outputs for ``data``'s ``splits``, computed once per key (see module doc).

    ``hit`` says whether the entry was loaded from disk (the teacher did not run).
    ``lookup(index)`` returns padded float32 tensors for a batch of ``make_batches``.
    """

    def __init__(self, teacher: torch.nn.Module, tokenizer: Any, data: TaskData, *,
                 max_length: int, layer_map: Sequence[int], need_hidden: bool, need_attn: bool,
                 splits: Sequence[str] = ("train",), batch_size: int = 64,
                 dtype: str = "float16", progress: bool = True) -> None:
        for s in splits:
            if s not in SPLITS:
                raise bad_value("splits", s, SPLITS)
        if dtype not in _DTYPES:
            raise bad_value("dtype", dtype, list(_DTYPES))
        if not isinstance(max_length, int) or max_length < 4:
            raise bad_value("max_length", max_length, "an int >= 4")
        info = teacher_info(teacher)
        layer_map = [int(j) for j in layer_map]
        bad = [j for j in layer_map if not 0 <= j < info["num_hidden_layers"]]
        if bad or not layer_map:
            raise bad_value("layer_map", layer_map,
                            f"a non-empty list of teacher layers in 0..{info['num_hidden_layers'] - 1}")
        self.task = data.task
        self.layer_map = layer_map
        self.need_hidden, self.need_attn = bool(need_hidden), bool(need_attn)
        self.max_length = max_length
        self.teacher_info = info
        device = next(teacher.parameters()).device
        compute = "bf16" if device.type == "cuda" else "fp32"
        self.key_parts = {
            "teacher": weights_hash(teacher), "tokenizer": tokenizer_hash(tokenizer),
            "data": data.fingerprint(), "max_length": max_length, "layer_map": layer_map,
            "need_hidden": self.need_hidden, "need_attn": self.need_attn, "dtype": dtype,
            "compute": compute, "splits": sorted(splits), "task": data.task,
        }
        self.key = stable_hash(self.key_parts)
        self.path = cache_dir("teacher_outputs") / self.key
        from kitlib.train.encoding import encode

        encoded = {s: encode(data.split(s), tokenizer, data.task, max_length) for s in splits}
        self.hit = (self.path / "meta.json").exists()
        if not self.hit:
            self._compute(teacher, tokenizer, encoded, batch_size, _DTYPES[dtype], progress)
        self._load(encoded)

    # -- building -------------------------------------------------------------------------
    def _compute(self, teacher, tokenizer, encoded, batch_size, dtype, progress) -> None:
        from safetensors.torch import save_file
        from tqdm.auto import tqdm

        from kitlib.train.batching import make_batches

        if self.need_attn and getattr(teacher.config, "_attn_implementation", "eager") != "eager":
            teacher.set_attn_implementation("eager")
        device = next(teacher.parameters()).device
        autocast = (torch.autocast("cuda", dtype=torch.bfloat16) if device.type == "cuda"
                    else contextlib.nullcontext())
        was_training = teacher.training
        teacher.eval()
        with atomic_dir(self.path) as tmp:
            for split, items in encoded.items():
                n = len(items)
                logits: list = [None] * n
                hidden: list = [None] * n
                attn: list = [None] * n
                n_batches = (n + batch_size - 1) // batch_size
                bar = tqdm(make_batches(items, batch_size, shuffle=False, seed=0,
                                        pad_id=tokenizer.pad_token_id), total=n_batches,
                           desc=f"teacher outputs ({split})", disable=not progress, leave=False)
                with torch.inference_mode(), autocast:
                    for batch in bar:
                        out = teacher(input_ids=batch["input_ids"].to(device),
                                      attention_mask=batch["attention_mask"].to(device),
                                      output_hidden_states=self.need_hidden,
                                      output_attentions=self.need_attn)
                        for row, idx in enumerate(batch["index"].tolist()):
                            L = len(items[idx]["input_ids"])
                            lg = out.logits[row]
                            logits[idx] = (lg[:L] if lg.dim() == 2 else lg).float().cpu()
                            if self.need_hidden:
                                hs = [out.hidden_states[0]] + [out.hidden_states[j + 1] for j in self.layer_map]
                                hidden[idx] = torch.stack([h[row, :L] for h in hs], 1).to(dtype).cpu()
                            if self.need_attn:
                                at = [out.attentions[j][row, :, :L, :L] for j in self.layer_map]
                                attn[idx] = torch.stack(at, 0).reshape(len(at), at[0].shape[0], L * L).to(dtype).cpu()
                tensors = {
                    "lengths": torch.tensor([len(it["input_ids"]) for it in items], dtype=torch.long),
                    "input_ids": torch.tensor([t for it in items for t in it["input_ids"]], dtype=torch.long),
                    "logits": torch.cat(logits, 0) if self.task == "tagging" else torch.stack(logits),
                }
                if self.need_hidden:
                    tensors["hidden"] = torch.cat(hidden, 0).contiguous()
                if self.need_attn:
                    tensors["attn"] = torch.cat(attn, 2).contiguous()
                save_file(tensors, str(tmp / f"{split}.safetensors"))
            atomic_write_text(tmp / "meta.json", json.dumps(
                {"key": self.key, "parts": self.key_parts, "teacher_info": self.teacher_info},
                indent=1))
        teacher.train(was_training)

    # -- loading --------------------------------------------------------------------------
    def _load(self, encoded: dict[str, list[dict]]) -> None:
        from safetensors.torch import load_file

        self._splits: dict[str, dict[str, torch.Tensor]] = {}
        for split, items in encoded.items():
            try:
                t = load_file(str(self.path / f"{split}.safetensors"))
            except Exception as err:  # noqa: BLE001 - any read failure means a bad entry
                raise CacheError(f"teacher-output cache entry {self.path} is unreadable ({err}); "
                                 "delete that folder to recompute it.") from err
            ids = torch.tensor([x for it in items for x in it["input_ids"]], dtype=torch.long)
            if not torch.equal(t["input_ids"], ids):
                raise CacheError(f"teacher-output cache entry {self.path} does not match the "
                                 "current tokenization; delete that folder to recompute it.")
            t["tok_off"] = _offsets(t["lengths"])
            t["att_off"] = _offsets(t["lengths"], 2)
            self._splits[split] = t

    def lookup(self, index: torch.Tensor, split: str = "train") -> dict[str, Any]:
        """Teacher outputs for the examples ``index`` (positions in ``data.split(split)``),
        padded to the longest of them -- the shape of the ``make_batches`` batch holding them.

        Returns float32 ``logits`` ([B, C] or [B, T, C]); ``hidden`` (list: embeddings, then
        one [B, T, H] per mapped layer) when stored; ``attn`` (list of [B, heads, T, T]).
        """
        if split not in self._splits:
            raise bad_value("split", split, list(self._splits))
        t = self._splits[split]
        idx = index.tolist()
        lengths = t["lengths"][idx]
        B, T = len(idx), int(lengths.max())
        tok_off, att_off = t["tok_off"], t["att_off"]
        out: dict[str, Any] = {}
        if self.task == "tagging":
            C = t["logits"].shape[-1]
            logits = torch.zeros(B, T, C)
            for r, i in enumerate(idx):
                logits[r, : lengths[r]] = t["logits"][tok_off[i]: tok_off[i + 1]]
            out["logits"] = logits
        else:
            out["logits"] = t["logits"][idx].float()
        if "hidden" in t:
            K, H = t["hidden"].shape[1], t["hidden"].shape[2]
            hidden = torch.zeros(B, T, K, H)
            for r, i in enumerate(idx):
                hidden[r, : lengths[r]] = t["hidden"][tok_off[i]: tok_off[i + 1]]
            out["hidden"] = list(hidden.unbind(2))
        if "attn" in t:
            K, heads = t["attn"].shape[0], t["attn"].shape[1]
            attn = torch.zeros(B, K, heads, T, T)
            for r, i in enumerate(idx):
                L = int(lengths[r])
                attn[r, :, :, :L, :L] = t["attn"][:, :, att_off[i]: att_off[i + 1]].reshape(K, heads, L, L)
            out["attn"] = list(attn.unbind(1))
        return out

    def __len__(self) -> int:
        return sum(len(t["lengths"]) for t in self._splits.values())

    def __repr__(self) -> str:
        return (f"TeacherCache(key={self.key!r}, hit={self.hit}, layer_map={self.layer_map}, "
                f"hidden={self.need_hidden}, attn={self.need_attn}, path={str(self.path)!r})")


__all__ = ["TeacherCache", "weights_hash", "tokenizer_hash", "teacher_info", "KitError"]
