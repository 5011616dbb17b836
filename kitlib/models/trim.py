"""Vocabulary trimming: keep only the embedding rows a run's text can reach.

Why: the multilingual word embedding is most of the model (82% of multilingual-e5-small's
118M parameters), and dominates CPU time and memory. A run only ever feeds the pieces its data
tokenizes to, so we keep those rows (plus every special token) and drop the rest. Outputs on
the run's data are unchanged; text outside it maps pieces that were dropped to the unknown token.

The trimmed tokenizer is a thin wrapper around the original fast tokenizer that remaps ids
(``TrimmedTokenizer``); it is used exactly like a Hugging Face fast tokenizer for the calls the
kit makes (``tok(texts, truncation=True, max_length=L)``, ``tok(word_lists,
is_split_into_words=True, ...)``, ``["input_ids"]``, ``.word_ids(i)``, the ``*_token_id``
attributes, ``len(tok)``).

Saving and loading (e.g. to cache a fine-tuned teacher): ``tok.save_pretrained(folder)`` writes
the original tokenizer into ``folder/untrimmed_tokenizer/`` and the id map into
``folder/kitlib_vocab_map.json``; ``load_trimmed_tokenizer(folder)`` (or
``kitlib.models.load_tokenizer(folder)``) reads it back. The original tokenizer is deliberately
*not* written at the top of ``folder``, so ``AutoTokenizer.from_pretrained(folder)`` cannot
silently return untrimmed ids for a trimmed model.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from kitlib.errors import KitError, bad_value
from kitlib.paths import atomic_write_text

MAP_FILE = "kitlib_vocab_map.json"
BASE_DIR = "untrimmed_tokenizer"


@dataclass(frozen=True)
class VocabMap:
    """``kept[new_id] = old_id`` (ascending old ids); ``old_size``: embedding rows before."""

    kept: tuple[int, ...]
    old_size: int
    unk_old: int

    def __len__(self) -> int:
        return len(self.kept)

    def old_to_new(self) -> np.ndarray:
        """Array over old ids: the new id, or the new unk id for pieces that were dropped."""
        table = np.full(self.old_size, self.new_id(self.unk_old), dtype=np.int64)
        table[np.asarray(self.kept, dtype=np.int64)] = np.arange(len(self.kept))
        return table

    def new_id(self, old_id: int) -> int:
        idx = int(np.searchsorted(self.kept, old_id))
        if idx >= len(self.kept) or self.kept[idx] != old_id:
            raise KitError(f"id {old_id} was not kept by vocabulary trimming")
        return idx

    def to_json(self) -> dict:
        return {"kept": list(self.kept), "old_size": self.old_size, "unk_old": self.unk_old}

    @classmethod
    def from_json(cls, obj: dict) -> "VocabMap":
        return cls(tuple(int(i) for i in obj["kept"]), int(obj["old_size"]), int(obj["unk_old"]))


@dataclass
class TrimResult:
    model: Any
    tokenizer: "TrimmedTokenizer"
    vocab_map: VocabMap
    params_before: int
    params_after: int


def _count(model) -> int:
    return sum(p.numel() for p in model.parameters())


class TrimmedTokenizer:
    """A fast tokenizer whose ids are remapped to a trimmed vocabulary (dropped pieces -> unk).

    Calls return ordinary ``BatchEncoding`` objects (so ``.word_ids(i)`` and offsets work);
    only the ids differ from the untrimmed tokenizer.
    """

    is_fast = True

    def __init__(self, base, vocab_map: VocabMap):
        if not getattr(base, "is_fast", False):
            raise bad_value("tokenizer", type(base).__name__, "a Hugging Face fast tokenizer")
        self.base = base
        self.vocab_map = vocab_map
        table = vocab_map.old_to_new()
        if len(base) > len(table):  # ids beyond the embedding rows cannot occur; map them to unk
            table = np.concatenate([table, np.full(len(base) - len(table), table[vocab_map.unk_old])])
        self._old_to_new = table
        self._new_to_old = np.asarray(vocab_map.kept, dtype=np.int64)

    # -- ids ---------------------------------------------------------------------------------
    def _map(self, ids):
        if isinstance(ids, int):
            return int(self._old_to_new[ids])
        if len(ids) and not isinstance(ids[0], (int, np.integer)):
            return [self._map(x) for x in ids]
        return self._old_to_new[np.asarray(ids, dtype=np.int64)].tolist()

    def _unmap(self, ids):
        if hasattr(ids, "tolist"):
            ids = ids.tolist()
        if isinstance(ids, int):
            return int(self._new_to_old[ids])
        if len(ids) and not isinstance(ids[0], (int, np.integer)):
            return [self._unmap(x) for x in ids]
        return self._new_to_old[np.asarray(ids, dtype=np.int64)].tolist()

    def __call__(self, *args, return_tensors=None, **kwargs):
        from transformers import BatchEncoding

        enc = self.base(*args, **kwargs)
        data = dict(enc)
        data["input_ids"] = self._map(data["input_ids"])
        return BatchEncoding(data, encoding=enc.encodings, tensor_type=return_tensors)

    def encode(self, *args, **kwargs) -> list[int]:
        return self._map(self.base.encode(*args, **kwargs))

    def decode(self, ids, **kwargs) -> str:
        return self.base.decode(self._unmap(ids), **kwargs)

    def batch_decode(self, sequences, **kwargs) -> list[str]:
        return [self.decode(s, **kwargs) for s in sequences]

    def convert_ids_to_tokens(self, ids, **kwargs):
        return self.base.convert_ids_to_tokens(self._unmap(ids), **kwargs)

    def convert_tokens_to_ids(self, tokens):
        return self._map(self.base.convert_tokens_to_ids(tokens))

    def tokenize(self, *args, **kwargs) -> list[str]:
        """Pieces of the untrimmed tokenizer, with dropped pieces shown as the unk token."""
        pieces = self.base.tokenize(*args, **kwargs)
        return self.convert_ids_to_tokens(self.convert_tokens_to_ids(pieces))

    def get_vocab(self) -> dict[str, int]:
        return dict(zip(self.base.convert_ids_to_tokens(list(self.vocab_map.kept)), range(len(self))))

    def __len__(self) -> int:
        return len(self.vocab_map)

    @property
    def vocab_size(self) -> int:
        return len(self.vocab_map)

    # -- special tokens ----------------------------------------------------------------------
    def _special(self, name: str):
        old = getattr(self.base, name)
        return None if old is None else self._map(old)

    pad_token_id = property(lambda self: self._special("pad_token_id"))
    cls_token_id = property(lambda self: self._special("cls_token_id"))
    sep_token_id = property(lambda self: self._special("sep_token_id"))
    unk_token_id = property(lambda self: self._special("unk_token_id"))
    mask_token_id = property(lambda self: self._special("mask_token_id"))
    bos_token_id = property(lambda self: self._special("bos_token_id"))
    eos_token_id = property(lambda self: self._special("eos_token_id"))
    all_special_ids = property(lambda self: self._map(list(self.base.all_special_ids)))

    def __getattr__(self, name: str):
        # Only id-free attributes are passed through (token strings, lengths, padding side...).
        if name in {"pad_token", "cls_token", "sep_token", "unk_token", "mask_token", "bos_token",
                    "eos_token", "all_special_tokens", "model_max_length", "padding_side",
                    "truncation_side", "name_or_path", "model_input_names", "backend_tokenizer"}:
            return getattr(self.base, name)
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r} (only the calls "
                             f"listed in kitlib.models.trim are supported on trimmed tokenizers)")

    def __repr__(self) -> str:
        return f"TrimmedTokenizer({type(self.base).__name__}, {len(self)} of {len(self.base)} pieces)"

    # -- persistence -------------------------------------------------------------------------
    def save_pretrained(self, folder: str | os.PathLike) -> Path:
        """Write ``folder/untrimmed_tokenizer/`` (the base tokenizer) and ``folder/kitlib_vocab_map.json``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.base.save_pretrained(folder / BASE_DIR)
        atomic_write_text(folder / MAP_FILE, json.dumps(self.vocab_map.to_json()))
        return folder


def is_trimmed_folder(folder: str | os.PathLike) -> bool:
    """True for a folder written by ``TrimmedTokenizer.save_pretrained``."""
    try:
        return (Path(folder) / MAP_FILE).is_file()
    except (TypeError, OSError):
        return False


def load_trimmed_tokenizer(folder: str | os.PathLike) -> TrimmedTokenizer:
    """Read back what ``TrimmedTokenizer.save_pretrained(folder)`` wrote."""
    from transformers import AutoTokenizer

    folder = Path(folder)
    if not is_trimmed_folder(folder):
        raise bad_value("folder", str(folder), f"a folder holding {MAP_FILE} (written by "
                        "TrimmedTokenizer.save_pretrained)")
    vocab_map = VocabMap.from_json(json.loads((folder / MAP_FILE).read_text()))
    return TrimmedTokenizer(AutoTokenizer.from_pretrained(folder / BASE_DIR), vocab_map)


def _used_ids(tokenizer, texts: Sequence[str | Sequence[str]]) -> set[int]:
    """Every id the texts tokenize to; word lists are tokenized as ``is_split_into_words``."""
    strings = [t for t in texts if isinstance(t, str)]
    word_lists = [list(t) for t in texts if not isinstance(t, str)]
    used: set[int] = set()
    if strings:
        for ids in tokenizer(strings, add_special_tokens=False)["input_ids"]:
            used.update(ids)
    if word_lists:
        for ids in tokenizer(word_lists, is_split_into_words=True, add_special_tokens=False)["input_ids"]:
            used.update(ids)
    return used


def trim_vocabulary(model, tokenizer, texts: Sequence[str | Sequence[str]]) -> TrimResult:
    """Keep the pieces ``texts`` tokenize to (plus every special token); trim ``model`` in place.

    ``texts``: strings (e.g. ``TaskData.texts()``: every text and every word of every split and
    language) and/or word lists (tokenized as with ``is_split_into_words=True``). Returns the
    trimmed model, a ``TrimmedTokenizer``, the ``VocabMap`` (apply it to another model of the
    same vocabulary with ``apply_vocab_map``) and the parameter counts before and after.
    """
    if isinstance(tokenizer, TrimmedTokenizer):
        raise bad_value("tokenizer", repr(tokenizer), "an untrimmed fast tokenizer",
                        "Trim the original model and tokenizer once.")
    if not getattr(tokenizer, "is_fast", False):
        raise bad_value("tokenizer", type(tokenizer).__name__, "a Hugging Face fast tokenizer")
    if isinstance(texts, str) or not isinstance(texts, Sequence) or len(texts) == 0:
        raise bad_value("texts", texts if isinstance(texts, str) else type(texts).__name__,
                        "a non-empty list of strings and/or word lists (e.g. TaskData.texts())")
    bad = next((t for t in texts if not isinstance(t, str) and not (
        isinstance(t, Sequence) and all(isinstance(w, str) for w in t))), None)
    if bad is not None:
        raise bad_value("texts", bad, "strings or lists of strings")
    rows = model.get_input_embeddings().num_embeddings
    if tokenizer.unk_token_id is None:
        raise bad_value("tokenizer", type(tokenizer).__name__, "a tokenizer with an unk token")
    kept = _used_ids(tokenizer, texts) | set(tokenizer.all_special_ids) | {tokenizer.unk_token_id}
    if max(kept) >= rows:
        raise KitError(f"the tokenizer produced id {max(kept)} but the model has only {rows} "
                       f"embedding rows: model and tokenizer do not belong together.")
    vocab_map = VocabMap(tuple(sorted(kept)), rows, int(tokenizer.unk_token_id))
    before = _count(model)
    apply_vocab_map(model, vocab_map)
    return TrimResult(model, TrimmedTokenizer(tokenizer, vocab_map), vocab_map, before, _count(model))


def _take_rows(weight, index):
    import torch

    return torch.nn.Parameter(weight.detach()[index].clone(), requires_grad=weight.requires_grad)


def apply_vocab_map(model, vocab_map: VocabMap):
    """Trim ``model`` (in place, also returned) to ``vocab_map``: word-embedding rows, a tied or
    untied output layer and its bias if the model has one, ``config.vocab_size`` and the special
    token ids of the config. Works for BERT, XLM-R and DeBERTa-v2 models, bare or with a head."""
    import torch

    if not isinstance(vocab_map, VocabMap):
        raise bad_value("vocab_map", type(vocab_map).__name__, "a VocabMap from trim_vocabulary")
    emb = model.get_input_embeddings()
    if emb is None or emb.num_embeddings != vocab_map.old_size:
        got = None if emb is None else emb.num_embeddings
        raise bad_value("vocab_map", f"<{len(vocab_map)} of {vocab_map.old_size} rows>",
                        f"a map made for a vocabulary of {got} rows",
                        "The model has another vocabulary, or is already trimmed.")
    index = torch.as_tensor(vocab_map.kept, dtype=torch.long, device=emb.weight.device)
    out = model.get_output_embeddings()
    tied = out is not None and out.weight is emb.weight

    pad_old = getattr(model.config, "pad_token_id", None)
    new_pad = None
    if pad_old is not None and pad_old in vocab_map.kept:
        new_pad = vocab_map.new_id(pad_old)
    new_emb = torch.nn.Embedding(len(vocab_map), emb.embedding_dim, padding_idx=new_pad,
                                 device=emb.weight.device, dtype=emb.weight.dtype)
    new_emb.weight = _take_rows(emb.weight, index)
    model.set_input_embeddings(new_emb)

    if out is not None:
        if tied:
            out.weight = new_emb.weight
        else:
            out.weight = _take_rows(out.weight, index)
        if getattr(out, "bias", None) is not None and out.bias.shape[0] == vocab_map.old_size:
            out.bias = _take_rows(out.bias, index)
        if hasattr(out, "out_features"):
            out.out_features = len(vocab_map)
    for module in model.modules():  # e.g. BertLMPredictionHead keeps its own bias parameter
        bias = getattr(module, "bias", None)
        if (module is not out and isinstance(bias, torch.nn.Parameter) and bias.dim() == 1
                and bias.shape[0] == vocab_map.old_size and not isinstance(module, torch.nn.Linear)):
            module.bias = _take_rows(bias, index)

    config = model.config
    config.vocab_size = len(vocab_map)
    for attr in ("pad_token_id", "bos_token_id", "eos_token_id", "sep_token_id", "cls_token_id"):
        old = getattr(config, attr, None)
        if isinstance(old, int) and old in vocab_map.kept:
            setattr(config, attr, vocab_map.new_id(old))
    embeddings = getattr(getattr(model, model.base_model_prefix, model), "embeddings", None)
    if embeddings is not None and hasattr(embeddings, "padding_idx") and new_pad is not None:
        embeddings.padding_idx = new_pad  # RoBERTa-style position ids are computed from it
    return model


def full_vocabulary(model, vocab_map: VocabMap, full_embeddings):
    """A copy of a trimmed ``model`` with the whole vocabulary back: the kept rows are the
    model's own (fine-tuned) rows, every dropped row comes from ``full_embeddings`` (the
    pretrained backbone's word-embedding matrix, ``[vocab_map.old_size, hidden]``).

    Why: notebook 05 asks whether trimming changes the students' comparison. Fine-tuning the
    teacher again without trimming is not needed: on its training data a dropped row is never
    looked up, so it gets no gradient and AdamW without weight decay leaves it exactly at the
    pretrained value. The model this returns is what that fine-tuning would have produced
    (with ``weight_decay > 0`` only the dropped rows would differ, and they never touch the
    data), and it gives the trimmed model's outputs on every text the vocabulary map was
    made from -- ``tests/test_open_questions.py`` checks both. Encoder models only (no
    language-model head)."""
    import copy

    import torch

    if not isinstance(vocab_map, VocabMap):
        raise bad_value("vocab_map", type(vocab_map).__name__, "a VocabMap from trim_vocabulary")
    emb = model.get_input_embeddings()
    full = full_embeddings.weight if hasattr(full_embeddings, "weight") else full_embeddings
    if emb.num_embeddings != len(vocab_map):
        raise bad_value("model", f"a model with {emb.num_embeddings} embedding rows",
                        f"a model trimmed with this map ({len(vocab_map)} rows)")
    if tuple(full.shape) != (vocab_map.old_size, emb.embedding_dim):
        raise bad_value("full_embeddings", f"a matrix of shape {tuple(full.shape)}",
                        f"[{vocab_map.old_size}, {emb.embedding_dim}] (the untrimmed "
                        "backbone's word embeddings)")
    if model.get_output_embeddings() is not None:
        raise bad_value("model", type(model).__name__, "an encoder model without an LM head")
    out = copy.deepcopy(model)
    weight = full.detach().to(device=emb.weight.device, dtype=emb.weight.dtype).clone()
    index = torch.as_tensor(vocab_map.kept, dtype=torch.long, device=weight.device)
    weight[index] = emb.weight.detach()
    pad_new = out.config.pad_token_id
    pad_old = vocab_map.kept[pad_new] if isinstance(pad_new, int) else None
    new_emb = torch.nn.Embedding(vocab_map.old_size, emb.embedding_dim, padding_idx=pad_old,
                                 device=weight.device, dtype=weight.dtype)
    new_emb.weight = torch.nn.Parameter(weight)
    out.set_input_embeddings(new_emb)
    config = out.config
    config.vocab_size = vocab_map.old_size
    for attr in ("pad_token_id", "bos_token_id", "eos_token_id", "sep_token_id", "cls_token_id"):
        new = getattr(config, attr, None)
        if isinstance(new, int) and 0 <= new < len(vocab_map):
            setattr(config, attr, vocab_map.kept[new])
    embeddings = getattr(getattr(out, out.base_model_prefix, out), "embeddings", None)
    if embeddings is not None and hasattr(embeddings, "padding_idx") and pad_old is not None:
        embeddings.padding_idx = pad_old
    if hasattr(out, "kit_vocab_map"):
        del out.kit_vocab_map
    return out
