"""get_teacher: fine-tuned once per content key, reloaded (with its vocabulary map) after."""
from __future__ import annotations

import pytest
import torch

from kitlib.errors import CacheError, KitError
from kitlib.models import resolve_backbone
from kitlib.testing import tiny_task_data
from kitlib.train import TrainConfig, get_teacher, teacher_records, teacher_vocab_map
from kitlib.train.teacher import _load_cached, teacher_dir, teacher_key


@pytest.fixture()
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))


def test_teacher_trained_once_then_loaded(private_cache, trainings):
    data = tiny_task_data("classification", n_train=6, n_eval=4)
    cfg = TrainConfig(epochs=1, batch_size=8, lr=1e-3)
    ref = resolve_backbone("tiny-bert")
    calls = trainings
    teacher, tok, tid = get_teacher(ref, data, cfg, trim=True, progress=False)
    assert calls["n"] == 1
    again, tok2, tid2 = get_teacher(ref, data, cfg, trim=True, progress=False)
    assert calls["n"] == 1 and tid2 == tid
    assert teacher.config._attn_implementation == "eager"
    vm = teacher_vocab_map(tid)
    assert vm is not None and len(vm) == len(tok2) == again.config.vocab_size
    assert again.kit_vocab_map == vm
    assert {r["metric"] for r in teacher_records(tid)} >= {"accuracy", "train_loss"}
    _, _, other = get_teacher(ref, data, TrainConfig(epochs=1, batch_size=8, lr=1e-3, seed=1),
                              trim=True, progress=False)
    assert other != tid and calls["n"] == 2
    _, _, untrimmed = get_teacher(ref, data, cfg, trim=False, progress=False)
    assert untrimmed != tid and teacher_vocab_map(untrimmed) is None


def test_bad_teacher_args(private_cache):
    data = tiny_task_data("classification", n_train=2, n_eval=2)
    with pytest.raises(KitError, match="cfg"):
        get_teacher(resolve_backbone("tiny-bert"), data, {"epochs": 1})
    with pytest.raises(KitError, match="teacher_id"):
        teacher_vocab_map("nope")


def test_teacher_weights_do_not_depend_on_global_random_state(tmp_path, monkeypatch):
    from kitlib.distill.cache import weights_hash

    data = tiny_task_data("classification", n_train=6, n_eval=4)
    cfg = TrainConfig(epochs=1, batch_size=8, lr=1e-3)
    ref = resolve_backbone("tiny-bert")
    hashes = []
    for global_seed in (1, 12345):  # two cold caches, different global states
        monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / f"cache{global_seed}"))
        torch.manual_seed(global_seed)
        teacher, _, _ = get_teacher(ref, data, cfg, trim=True, progress=False)
        hashes.append(weights_hash(teacher))
    assert hashes[0] == hashes[1]


def test_logging_fields_do_not_change_the_teacher_key():
    data = tiny_task_data("classification", n_train=6, n_eval=4)
    ref = resolve_backbone("tiny-bert")
    base = TrainConfig(epochs=1, batch_size=8, lr=1e-3)
    key = teacher_key(ref, data, base, True)
    for change in ({"eval_every": 3}, {"log_every": 1}, {"eval_batch_size": 7}):
        assert teacher_key(ref, data, TrainConfig(**{**base.to_dict(), **change}), True) == key
    assert teacher_key(ref, data, TrainConfig(**{**base.to_dict(), "lr": 2e-3}), True) != key


def test_corrupt_cached_teacher_is_reported_and_rebuilt(private_cache, trainings):
    data = tiny_task_data("classification", n_train=6, n_eval=4)
    cfg = TrainConfig(epochs=1, batch_size=8, lr=1e-3)
    ref = resolve_backbone("tiny-bert")
    _, _, tid = get_teacher(ref, data, cfg, trim=True, progress=False)
    weights = teacher_dir(tid) / "model" / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:100])  # truncated
    with pytest.raises(CacheError, match=str(teacher_dir(tid))):
        _load_cached(teacher_dir(tid), "classification")
    calls = trainings
    calls["n"] = 0  # count from here: the first fine-tuning above is not a rebuild
    with pytest.warns(UserWarning, match="unreadable|truncated|sha256|missing"):
        teacher, tok, again = get_teacher(ref, data, cfg, trim=True, progress=False)
    assert again == tid and calls["n"] == 1 and teacher.config.vocab_size == len(tok)
    get_teacher(ref, data, cfg, trim=True, progress=False)  # the rebuilt entry loads
    assert calls["n"] == 1


def test_cached_teacher_with_mismatched_vocabulary_is_corrupt(private_cache):
    import json

    data = tiny_task_data("classification", n_train=6, n_eval=4)
    _, _, tid = get_teacher(resolve_backbone("tiny-bert"), data,
                            TrainConfig(epochs=1, batch_size=8, lr=1e-3), trim=True, progress=False)
    meta_path = teacher_dir(tid) / "teacher.json"
    meta = json.loads(meta_path.read_text())
    meta["tokenizer_len"] += 1
    meta_path.write_text(json.dumps(meta))
    with pytest.raises(CacheError, match="teacher.json"):  # the manifest sees the change
        _load_cached(teacher_dir(tid), "classification")
    from kitlib.paths import write_manifest
    from kitlib.train.teacher import TEACHER_FORMAT

    write_manifest(teacher_dir(tid), teacher_format=TEACHER_FORMAT)  # consistent but wrong
    with pytest.raises(CacheError, match="does not fit"):
        _load_cached(teacher_dir(tid), "classification")
