"""Teacher outputs computed once per content key and reused by every student of a grid.

Why: in KD the teacher's forward pass is pure overhead that is identical for every student
(from-scratch, from-base, from-teacher, each term ablation). Running it once and storing
its outputs makes a KD step cost about as much as a plain fine-tuning step.

Key = (format, teacher weights hash, teacher config hash, tokenizer hash, data fingerprint,
max_length, layer_map, which outputs, storage dtype, compute precision, splits). Any change
gives a new entry; an entry is written with ``atomic_dir`` so that an interrupted run leaves
no partial entry.

Stored per split, in one safetensors file, at each example's true length (no padding):
``input_ids`` (int64, to verify the entry matches the tokenization), ``lengths``,
``logits`` (float32: [n, C], or [sum L, C] for tagging), and when needed ``hidden`` =
teacher [embeddings] + [hidden_states[j+1] for j in layer_map], [sum L, 1 + K, H], and
``attn`` = teacher attentions[j] for j in layer_map (post-softmax, eager attention), stored
query-key-major as [sum L*L, K, heads] so that one example is one contiguous block. Hidden
states and attention maps are stored in float16 by default (``dtype``): plenty for MSE
targets, half the disk.

Memory: ``lookup`` reads each batch's rows from the memory-mapped file
(``safetensors.safe_open``), so RAM holds only one batch of teacher outputs, not the whole
entry (attention maps of full MASSIVE are ~19 GB). Validation: on open, the tensor names,
dtypes and shapes are checked against the stored lengths and the current tokenization; an
entry that fails is never used: a warning is issued and it is recomputed.
"""
from __future__ import annotations

import hashlib
import json
import warnings
from typing import Any, Sequence

import torch

from kitlib.data.types import TaskData
from kitlib.errors import CacheError, KitError, bad_value
from kitlib.paths import (atomic_dir, atomic_write_text, build_lock, cache_dir, stable_hash,
                          verify_manifest, write_manifest)

SPLITS = ("train", "dev", "test")
_DTYPES = {"float16": torch.float16, "bfloat16": torch.bfloat16, "float32": torch.float32}
# 2: format and teacher config in the key; attention stored [sum L*L, K, heads]
FORMAT = 3  # 3: a manifest of file hashes, verified on open
_CONFIG_NOISE = ("_name_or_path", "_attn_implementation", "attn_implementation",
                 "_attn_implementation_internal", "_attn_implementation_autoset")


def weights_hash(model: torch.nn.Module) -> str:
    """sha256 over every parameter and buffer (name, dtype, shape, bytes)."""
    h = hashlib.sha256()
    for name, t in sorted(model.state_dict().items()):
        t = t.detach().cpu().contiguous()
        h.update(f"{name}|{t.dtype}|{tuple(t.shape)}".encode())
        h.update(t.reshape(-1).view(torch.uint8).numpy().tobytes())
    return h.hexdigest()[:16]


def config_hash(model: torch.nn.Module) -> str:
    """Hash of the model config's non-default values, without its origin path and attention
    implementation (neither changes the outputs: attentions are always computed eagerly)."""
    diff = model.config.to_diff_dict()
    return stable_hash({k: v for k, v in diff.items() if k not in _CONFIG_NOISE})


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

    ``hit`` says whether the entry was read from disk (the teacher did not run).
    ``lookup(index)`` returns padded float32 tensors for a batch of ``make_batches``.
    """

    def __init__(self, teacher: torch.nn.Module, tokenizer: Any, data: TaskData, *,
                 max_length: int, layer_map: Sequence[int], need_hidden: bool, need_attn: bool,
                 splits: Sequence[str] = ("train",), batch_size: int = 64,
                 dtype: str = "float16", progress: bool = True,
                 mixed_precision: str = "auto") -> None:
        from kitlib.models.student import resolve_layer_map
        from kitlib.train.precision import compute_precision

        for s in splits:
            if s not in SPLITS:
                raise bad_value("splits", s, SPLITS)
        if dtype not in _DTYPES:
            raise bad_value("dtype", dtype, list(_DTYPES))
        if not isinstance(max_length, int) or max_length < 4:
            raise bad_value("max_length", max_length, "an int >= 4")
        info = teacher_info(teacher)
        if isinstance(layer_map, str) or not layer_map:
            raise bad_value("layer_map", layer_map,
                            f"a non-empty list of teacher layers in 0..{info['num_hidden_layers'] - 1}")
        layer_map = resolve_layer_map([int(j) for j in layer_map], info["num_hidden_layers"],
                                      len(layer_map), warn_unsorted=False)
        self.task = data.task
        self.layer_map = layer_map
        self.need_hidden, self.need_attn = bool(need_hidden), bool(need_attn)
        self.max_length = max_length
        self.teacher_info = info
        self._dtype = _DTYPES[dtype]
        self.mixed_precision = mixed_precision
        device = next(teacher.parameters()).device
        self.key_parts = {
            "format": FORMAT, "teacher": weights_hash(teacher), "teacher_config": config_hash(teacher),
            "tokenizer": tokenizer_hash(tokenizer), "data": data.fingerprint(),
            "max_length": max_length, "layer_map": layer_map, "need_hidden": self.need_hidden,
            "need_attn": self.need_attn, "dtype": dtype,
            "compute": compute_precision(device, mixed_precision),
            "splits": sorted(splits), "task": data.task,
        }
        self.key = stable_hash(self.key_parts)
        # the tokenizer object the key was computed from: ``uses_tokenizer`` recognises it
        # without re-hashing (hashing a 250k-piece vocabulary takes about a second)
        self._tokenizer, self._tokenizer_len = tokenizer, len(tokenizer)
        self.path = cache_dir("teacher_outputs") / self.key
        from kitlib.train.encoding import encode

        encoded = {s: encode(data.split(s), tokenizer, data.task, max_length) for s in splits}
        with build_lock(self.path):  # concurrent runs (executor ray): one computes, all open
            self.hit = (self.path / "meta.json").exists()
            if self.hit:
                try:
                    self._open(encoded)
                    return
                except CacheError as err:  # corrupt: never used, recomputed
                    warnings.warn(f"{err} Recomputing it.", stacklevel=2)
                    self.hit = False
            self._compute(teacher, tokenizer, encoded, batch_size, self._dtype, progress)
            self._open(encoded)

    # -- building -------------------------------------------------------------------------
    def _compute(self, teacher, tokenizer, encoded, batch_size, dtype, progress) -> None:
        """Run the teacher over every split and write the entry. The teacher's attention
        implementation and train/eval mode are restored afterwards, whatever happens."""
        attn_impl = getattr(teacher.config, "_attn_implementation", None)
        was_training = teacher.training
        try:
            if self.need_attn and attn_impl not in (None, "eager"):
                teacher.set_attn_implementation("eager")
            teacher.eval()
            self._write(teacher, tokenizer, encoded, batch_size, dtype, progress)
        finally:
            if self.need_attn and attn_impl not in (None, "eager"):
                teacher.set_attn_implementation(attn_impl)
            teacher.train(was_training)

    def _write(self, teacher, tokenizer, encoded, batch_size, dtype, progress) -> None:
        from safetensors.torch import save_file
        from tqdm.auto import tqdm

        from kitlib.train.batching import make_batches
        from kitlib.train.precision import inference_autocast

        from .losses import select_teacher_hidden

        device = next(teacher.parameters()).device
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
                with torch.inference_mode(), inference_autocast(device, self.mixed_precision):
                    for batch in bar:
                        out = teacher(input_ids=batch["input_ids"].to(device),
                                      attention_mask=batch["attention_mask"].to(device),
                                      output_hidden_states=self.need_hidden,
                                      output_attentions=self.need_attn)
                        hs = select_teacher_hidden(out.hidden_states, self.layer_map) if self.need_hidden else None
                        for row, idx in enumerate(batch["index"].tolist()):
                            L = len(items[idx]["input_ids"])
                            lg = out.logits[row]
                            logits[idx] = (lg[:L] if lg.dim() == 2 else lg).float().cpu()
                            if hs is not None:
                                hidden[idx] = torch.stack([h[row, :L] for h in hs], 1).to(dtype).cpu()
                            if self.need_attn:
                                at = torch.stack([out.attentions[j][row, :, :L, :L] for j in self.layer_map])
                                # [K, heads, L, L] -> [L*L, K, heads]: one contiguous block
                                attn[idx] = at.permute(2, 3, 0, 1).reshape(L * L, *at.shape[:2]).to(dtype).cpu()
                tensors = {
                    "lengths": torch.tensor([len(it["input_ids"]) for it in items], dtype=torch.long),
                    "input_ids": torch.tensor([t for it in items for t in it["input_ids"]], dtype=torch.long),
                    "logits": torch.cat(logits, 0) if self.task == "tagging" else torch.stack(logits),
                }
                if self.need_hidden:
                    tensors["hidden"] = torch.cat(hidden, 0).contiguous()
                if self.need_attn:
                    tensors["attn"] = torch.cat(attn, 0).contiguous()
                save_file(tensors, str(tmp / f"{split}.safetensors"))
            atomic_write_text(tmp / "meta.json", json.dumps(
                {"key": self.key, "parts": self.key_parts, "teacher_info": self.teacher_info},
                indent=1))
            write_manifest(tmp, key=self.key)  # hashes of every file, checked on open

    # -- reading --------------------------------------------------------------------------
    def _expected_shapes(self, lengths: torch.Tensor) -> dict[str, tuple[torch.dtype, tuple]]:
        n, tokens, pairs = len(lengths), int(lengths.sum()), int((lengths ** 2).sum())
        K, info = len(self.layer_map), self.teacher_info
        out = {"lengths": (torch.long, (n,)), "input_ids": (torch.long, (tokens,)),
               "logits": (torch.float32, (tokens if self.task == "tagging" else n, info["num_labels"]))}
        if self.need_hidden:
            out["hidden"] = (self._dtype, (tokens, K + 1, info["hidden_size"]))
        if self.need_attn:
            out["attn"] = (self._dtype, (pairs, K, info["num_attention_heads"]))
        return out

    def _open(self, encoded: dict[str, list[dict]]) -> None:
        """Open every split's file memory-mapped, after checking names, dtypes and shapes
        against the stored lengths, and the token ids against the current tokenization.
        Raises ``CacheError`` (naming the folder) for anything that does not match."""
        from safetensors import safe_open

        # every byte as written: finite values changed in place (sign-flipped logits, an
        # inf) keep names, dtypes and shapes, so only the hashes can tell
        verify_manifest(self.path, key=self.key)
        self._splits: dict[str, dict[str, Any]] = {}
        for split, items in encoded.items():
            file = self.path / f"{split}.safetensors"
            try:
                handle = safe_open(str(file), framework="pt")
                names = set(handle.keys())
                lengths = handle.get_tensor("lengths") if "lengths" in names else None
                stored_ids = handle.get_tensor("input_ids") if "input_ids" in names else None
            except Exception as err:  # noqa: BLE001 - any read failure means a bad entry
                raise CacheError(f"teacher-output cache entry {self.path} is unreadable "
                                 f"({type(err).__name__}: {err}).") from err
            if lengths is None or stored_ids is None:
                raise CacheError(f"teacher-output cache entry {self.path} lacks lengths/input_ids.")
            expected = self._expected_shapes(lengths)
            if names != set(expected):
                raise CacheError(f"teacher-output cache entry {self.path} ({split}) holds "
                                 f"{sorted(names)}, expected {sorted(expected)}.")
            for name, (dtype, shape) in expected.items():
                sl = handle.get_slice(name)
                got_shape, got_dtype = tuple(sl.get_shape()), sl.get_dtype()
                if got_shape != shape or got_dtype != _ST_DTYPES[dtype]:
                    raise CacheError(f"teacher-output cache entry {self.path} ({split}): "
                                     f"{name} is {got_dtype}{list(got_shape)}, expected "
                                     f"{_ST_DTYPES[dtype]}{list(shape)}.")
            ids = torch.tensor([x for it in items for x in it["input_ids"]], dtype=torch.long)
            if not torch.equal(stored_ids, ids):
                raise CacheError(f"teacher-output cache entry {self.path} does not match the "
                                 "current tokenization.")
            t: dict[str, Any] = {"lengths": lengths, "tok_off": _offsets(lengths),
                                 "att_off": _offsets(lengths, 2), "handle": handle}
            # classification logits are tiny ([n, C]): keep them in RAM; the rest stays mapped
            t["logits"] = handle.get_tensor("logits") if self.task == "classification" \
                else handle.get_slice("logits")
            for name in ("hidden", "attn"):
                if name in names:
                    t[name] = handle.get_slice(name)
            self._splits[split] = t

    def lookup(self, index: torch.Tensor, split: str = "train") -> dict[str, Any]:
        """Teacher outputs for the examples ``index`` (positions in ``data.split(split)``),
        padded to the longest of them -- the shape of the ``make_batches`` batch holding them.

        Returns float32 ``logits`` ([B, C] or [B, T, C]); ``hidden`` (list: embeddings, then
        one [B, T, H] per mapped layer) when stored; ``attn`` (list of [B, heads, T, T]).
        Only these rows are read from the (memory-mapped) file.
        """
        if split not in self._splits:
            raise bad_value("split", split, list(self._splits))
        t = self._splits[split]
        idx = index.tolist()
        lengths = t["lengths"][idx].tolist()
        B, T = len(idx), max(lengths)
        # offsets of these rows only (converting all of them per batch costs O(n))
        starts, att_starts = t["tok_off"][idx].tolist(), t["att_off"][idx].tolist()
        out: dict[str, Any] = {}
        if self.task == "tagging":
            C = self.teacher_info["num_labels"]
            logits = torch.zeros(B, T, C)
            for r, (a, L) in enumerate(zip(starts, lengths)):
                logits[r, :L] = t["logits"][a: a + L]
            out["logits"] = logits
        else:
            out["logits"] = t["logits"][idx].float()
        if "hidden" in t:
            K1, H = len(self.layer_map) + 1, self.teacher_info["hidden_size"]
            hidden = torch.zeros(B, T, K1, H)
            for r, (a, L) in enumerate(zip(starts, lengths)):
                hidden[r, :L] = t["hidden"][a: a + L]
            out["hidden"] = list(hidden.unbind(2))
        if "attn" in t:
            K, heads = len(self.layer_map), self.teacher_info["num_attention_heads"]
            attn = torch.zeros(B, K, heads, T, T)
            for r, (a, L) in enumerate(zip(att_starts, lengths)):
                block = t["attn"][a: a + L * L].reshape(L, L, K, heads)
                attn[r, :, :, :L, :L] = block.permute(2, 3, 0, 1)
            out["attn"] = list(attn.unbind(1))
        return out

    def uses_tokenizer(self, tokenizer: Any) -> bool:
        """Whether ``tokenizer`` is the one this cache was built with: the same object (and
        size), or one with the same ``tokenizer_hash``."""
        if tokenizer is self._tokenizer and len(tokenizer) == self._tokenizer_len:
            return True
        return tokenizer_hash(tokenizer) == self.key_parts["tokenizer"]

    def __len__(self) -> int:
        return sum(len(t["lengths"]) for t in self._splits.values())

    def __repr__(self) -> str:
        return (f"TeacherCache(key={self.key!r}, hit={self.hit}, layer_map={self.layer_map}, "
                f"hidden={self.need_hidden}, attn={self.need_attn}, path={str(self.path)!r})")


_ST_DTYPES = {torch.long: "I64", torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16"}

__all__ = ["TeacherCache", "weights_hash", "tokenizer_hash", "config_hash", "teacher_info",
           "FORMAT", "KitError"]
