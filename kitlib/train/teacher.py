"""Fine-tuned teachers, trained once per content key and shared by every notebook.

Why: a teacher fine-tune is the most expensive step of a grid and is identical for every
student. ``get_teacher`` keys it by (backbone path + weights/manifest hash, data
fingerprint, training config, trim flag, seed) and stores model, (trimmed) tokenizer,
vocabulary map and evaluation records under ``cache_dir("teachers", key)``, built with
``atomic_dir`` so that an interrupted fine-tune leaves nothing behind. A cached entry that
cannot be read (truncated weights, bad JSON, vocabulary sizes that disagree) is never used:
it is reported (warning) and fine-tuned again, like a miss.

The vocabulary map is stored (``vocab_map.json``) and exposed through ``teacher_vocab_map``
(and as ``teacher.kit_vocab_map``) so that the experiment layer trims the base model
identically for from-base students (``kitlib.models.apply_vocab_map``).
"""
from __future__ import annotations

import json
import time
import warnings
from pathlib import Path
from typing import Any

import torch

from kitlib.data.types import TaskData
from kitlib.errors import CacheError, bad_value
from kitlib.paths import (MANIFEST, atomic_write_text, build_lock, cache_dir, sha256_file,
                          stable_hash, verify_manifest, write_manifest)

from .config import TrainConfig

_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt")


def backbone_fingerprint(ref: Any) -> dict:
    """Identity of a backbone by content: a hash of its manifest (offline rebuild, tiny
    test models) or of its weight and config files (any other folder); a hub id that is
    not downloaded yet by its name. Never its folder path: the same backbone in two cache
    folders (moved, or shared by two machines) is the same backbone, and its teachers are
    found again."""
    path = Path(str(getattr(ref, "path", ref)))
    if not path.is_dir():
        return {"hub_id": str(path), "files": None}
    manifest = path / MANIFEST
    if manifest.exists():
        return {"files": sha256_file(manifest)}
    return {"files": {p.name: sha256_file(p) for p in sorted(path.iterdir())
                      if p.suffix in _WEIGHT_SUFFIXES or p.name == "config.json"}}


# TrainConfig fields that change only logging/evaluation, never the teacher's weights
# (eval_every does when early stopping picks the best evaluation)
_LOG_ONLY = ("log_every", "eval_batch_size")
# 2: task head built under its own seed (cfg.seed), so weights no longer depend on the
# caller's global random state; logging-only fields left out of the key.
# 3: early stopping fields; the precision actually used (bf16 on CPUs with AMX or AVX512-BF16) instead of "auto".
# 4: keyed by the backbone's content only (no folder path: caches can move); a manifest of
# file hashes, verified on open.
TEACHER_FORMAT = 4


def teacher_key(ref: Any, data: TaskData, cfg: TrainConfig, trim: bool) -> str:
    """Content key of a teacher: what determines its weights, and nothing else (changing
    ``log_every``/``eval_batch_size``, or ``eval_every`` without early stopping, reuses the
    cached teacher). The precision is recorded as resolved on this machine, so a teacher
    trained in bf16 on an AMX or AVX512-BF16 CPU is not reused where "auto" means float32."""
    from .precision import resolve_precision

    train_cfg = {k: v for k, v in cfg.to_dict().items() if k not in _LOG_ONLY}
    if cfg.early_stopping_patience is None:
        train_cfg.pop("eval_every")
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_cfg["mixed_precision"] = resolve_precision(cfg.mixed_precision, device)
    return stable_hash({"backbone": backbone_fingerprint(ref), "data": data.fingerprint(),
                        "cfg": train_cfg, "trim": bool(trim), "seed": cfg.seed,
                        "format": TEACHER_FORMAT})


def teacher_dir(teacher_id: str) -> Path:
    return cache_dir("teachers") / teacher_id


def teacher_vocab_map(teacher_id: str) -> Any:
    """The vocabulary map of a cached teacher (None when it was not trimmed)."""
    path = teacher_dir(teacher_id) / "vocab_map.json"
    if not (teacher_dir(teacher_id) / "teacher.json").exists():
        raise bad_value("teacher_id", teacher_id, "the id of a teacher in the cache",
                        "get_teacher returns it.")
    if not path.exists():
        return None
    from kitlib.models.trim import VocabMap

    return VocabMap.from_json(json.loads(path.read_text()))


def teacher_records(teacher_id: str) -> list[dict]:
    """The evaluation records written when the teacher was fine-tuned."""
    return json.loads((teacher_dir(teacher_id) / "records.json").read_text())


def _load_cached(folder: Path, task: str) -> tuple[Any, Any]:
    """Model and tokenizer of a cached teacher; ``CacheError`` naming ``folder`` when any
    file is unreadable or the pieces do not fit together (vocabulary sizes)."""
    from transformers import (AutoModelForSequenceClassification, AutoModelForTokenClassification,
                              AutoTokenizer)

    cls = AutoModelForSequenceClassification if task == "classification" else AutoModelForTokenClassification
    # every file as written: NaN-overwritten weights or a deleted tokenizer file keep the
    # folder loadable, so only the hashes can tell
    verify_manifest(folder, teacher_format=TEACHER_FORMAT)
    try:
        meta = json.loads((folder / "teacher.json").read_text())
        model = cls.from_pretrained(folder / "model", attn_implementation="eager")
        from kitlib.models.trim import is_trimmed_folder, load_trimmed_tokenizer

        if is_trimmed_folder(folder / "tokenizer"):
            tokenizer = load_trimmed_tokenizer(folder / "tokenizer")
        else:
            tokenizer = AutoTokenizer.from_pretrained(folder / "tokenizer")
    except Exception as err:  # noqa: BLE001 - OSError, JSON, safetensors, ValueError...: all corrupt
        raise CacheError(f"cached teacher {folder} is unreadable ({type(err).__name__}: {err}); "
                         "delete the folder to fine-tune it again.") from err
    sizes = {"vocab_size": model.config.vocab_size, "tokenizer_len": len(tokenizer)}
    expected = {k: meta.get(k) for k in sizes}
    # untrimmed mDeBERTa-v3 has more embedding rows than tokens, so compare with what was
    # saved (trimmed teachers have vocab_size == len(tokenizer) by construction)
    if sizes != expected or len(tokenizer) > model.config.vocab_size:
        raise CacheError(f"cached teacher {folder} does not fit together: {sizes}, saved as "
                         f"{expected}; delete the folder to fine-tune it again.")
    return model, tokenizer


def get_teacher(ref: Any, data: TaskData, cfg: TrainConfig, *, trim: bool = True,
                progress: bool = True) -> tuple[Any, Any, str]:
    """Fine-tuned teacher for ``data`` from backbone ``ref`` (a ``BackboneRef``): loaded from
    the cache, or fine-tuned with ``train`` (evaluated on dev) and cached.

    ``trim``: trim the vocabulary to ``data.texts()`` before fine-tuning (CPU speed).
    Returns ``(teacher, tokenizer, teacher_id)``; ``teacher.kit_vocab_map`` holds the
    vocabulary map (None when untrimmed), also available via ``teacher_vocab_map(id)``.
    """
    if not isinstance(cfg, TrainConfig):
        raise bad_value("cfg", type(cfg).__name__, "a kitlib.train.TrainConfig")
    if not isinstance(trim, bool):
        raise bad_value("trim", trim, [True, False])
    teacher_id = teacher_key(ref, data, cfg, trim)
    folder = teacher_dir(teacher_id)
    with build_lock(folder):  # fine-tuned exactly once, also by concurrent processes
        if not (folder / "teacher.json").exists():
            _fine_tune(ref, data, cfg, trim, folder, teacher_id, progress)
        try:
            model, tokenizer = _load_cached(folder, data.task)
        except CacheError as err:  # a corrupt entry is a miss: never used, rebuilt
            warnings.warn(f"{err} Fine-tuning the teacher again.", stacklevel=2)
            _fine_tune(ref, data, cfg, trim, folder, teacher_id, progress)
            model, tokenizer = _load_cached(folder, data.task)
    model.kit_vocab_map = teacher_vocab_map(teacher_id)
    return model, tokenizer, teacher_id


def _fine_tune(ref, data, cfg, trim, folder, teacher_id, progress) -> None:
    from kitlib import models
    from kitlib.paths import atomic_dir

    from .loop import train

    # the fresh task head is drawn from its own seed: the cached weights must not depend on
    # the caller's global random state, which is not part of the key
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(cfg.seed)
        model = models.load_task_model(ref, data.task, len(data.label_names))
        tokenizer = models.load_tokenizer(ref)
        vocab_map, trim_info = None, None
        if trim:
            result = models.trim_vocabulary(model, tokenizer, data.texts())
            model, tokenizer, vocab_map = result.model, result.tokenizer, result.vocab_map
            trim_info = {"params_before": result.params_before, "params_after": result.params_after}
    records: list[dict] = []
    started = time.perf_counter()
    model = train(model, tokenizer, data, cfg, on_records=records.extend, progress=progress)
    wall_s = time.perf_counter() - started
    with atomic_dir(folder) as tmp:
        model.save_pretrained(tmp / "model")
        tokenizer.save_pretrained(tmp / "tokenizer")
        if vocab_map is not None:
            atomic_write_text(tmp / "vocab_map.json", json.dumps(vocab_map.to_json()))
        atomic_write_text(tmp / "records.json", json.dumps(records, default=str))
        atomic_write_text(tmp / "teacher.json", json.dumps({
            "teacher_id": teacher_id, "backbone": backbone_fingerprint(ref),
            "data": data.fingerprint(), "dataset": data.name, "cfg": cfg.to_dict(),
            "trim": trim, "trim_info": trim_info, "vocab_size": model.config.vocab_size,
            "tokenizer_len": len(tokenizer), "fine_tune_wall_s": round(wall_s, 1),
            "format": TEACHER_FORMAT}, indent=1, default=str))
        write_manifest(tmp, teacher_format=TEACHER_FORMAT)
