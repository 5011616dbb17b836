"""get_teacher: fine-tuned once per content key, reloaded (with its vocabulary map) after."""
from __future__ import annotations

import pytest

from kitlib.errors import KitError
from kitlib.models import resolve_backbone
from kitlib.testing import tiny_task_data
from kitlib.train import TrainConfig, get_teacher, teacher_records, teacher_vocab_map
import kitlib.train.loop as loop


@pytest.fixture()
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))


def test_teacher_trained_once_then_loaded(private_cache, monkeypatch):
    data = tiny_task_data("classification", n_train=6, n_eval=4)
    cfg = TrainConfig(epochs=1, batch_size=8, lr=1e-3)
    ref = resolve_backbone("tiny-bert")
    calls = {"n": 0}
    real_train = loop.train

    def counting_train(*args, **kwargs):
        calls["n"] += 1
        return real_train(*args, **kwargs)

    monkeypatch.setattr(loop, "train", counting_train)
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
