"""TeacherCache: computed once per key, a hit never runs the teacher, any key change misses."""
from __future__ import annotations

import copy
import dataclasses

import pytest
import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from kitlib.distill.cache import TeacherCache
from kitlib.errors import KitError
from kitlib.testing import make_tiny_backbone, tiny_task_data
from kitlib.train import encode, make_batches


@pytest.fixture()
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    folder = make_tiny_backbone("xlmr", tmp_path_factory.mktemp("xlmr"), num_layers=4)
    data = tiny_task_data("tagging", n_train=6)
    torch.manual_seed(0)
    teacher = AutoModelForTokenClassification.from_pretrained(
        folder, num_labels=len(data.label_names), attn_implementation="eager")
    return teacher, AutoTokenizer.from_pretrained(folder), data


def _counter(model):
    calls = {"n": 0}

    def hook(module, args, output):
        calls["n"] += 1
    handle = model.register_forward_hook(hook)
    return calls, handle


def _cache(teacher, tok, data, **kw):
    # float32: the tests compare cached outputs with the teacher run in float32
    args = dict(max_length=64, layer_map=[1, 3], need_hidden=True, need_attn=True, progress=False,
                mixed_precision="no")
    return TeacherCache(teacher, tok, data, **{**args, **kw})


def test_hit_skips_teacher_forward(setup, private_cache):
    teacher, tok, data = setup
    calls, handle = _counter(teacher)
    try:
        first = _cache(teacher, tok, data)
        assert not first.hit and calls["n"] > 0
        calls["n"] = 0
        second = _cache(teacher, tok, data)
        assert second.hit and calls["n"] == 0
        assert second.key == first.key
    finally:
        handle.remove()


def test_lookup_matches_teacher_on_a_batch(setup, private_cache):
    teacher, tok, data = setup
    cache = _cache(teacher, tok, data, dtype="float32")
    enc = encode(data.train, tok, "tagging", 64)
    batch = next(make_batches(enc, 5, shuffle=True, seed=1, pad_id=tok.pad_token_id))
    got = cache.lookup(batch["index"])
    B, T = batch["input_ids"].shape
    teacher.eval()
    with torch.inference_mode():
        out = teacher(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"],
                      output_hidden_states=True, output_attentions=True)
    m = batch["attention_mask"].bool()
    assert got["logits"].shape == out.logits.shape
    assert torch.allclose(got["logits"][m], out.logits[m], atol=1e-4)
    assert len(got["hidden"]) == 3 and got["hidden"][0].shape == (B, T, teacher.config.hidden_size)
    for mine, j in zip(got["hidden"], [None, 1, 3]):
        ref = out.hidden_states[0 if j is None else j + 1]
        assert torch.allclose(mine[m], ref[m], atol=1e-4)
    assert len(got["attn"]) == 2
    pair = m[:, None, :, None] & m[:, None, None, :]
    pair = pair.expand_as(out.attentions[3])
    assert torch.allclose(got["attn"][1][pair], out.attentions[3][pair], atol=1e-4)


def test_changed_key_parts_make_new_entries(setup, private_cache):
    teacher, tok, data = setup
    base = _cache(teacher, tok, data)
    keys = {base.key}
    keys.add(_cache(teacher, tok, data, max_length=32).key)
    smaller = dataclasses.replace(data, train=data.train[:-1])
    keys.add(_cache(teacher, tok, smaller).key)
    keys.add(_cache(teacher, tok, data, need_attn=False).key)
    keys.add(_cache(teacher, tok, data, layer_map=[0, 3]).key)
    changed = AutoModelForTokenClassification.from_config(teacher.config)
    changed.load_state_dict(teacher.state_dict())
    with torch.no_grad():
        changed.classifier.bias.add_(0.01)
    calls, handle = _counter(changed)
    try:
        other = _cache(changed, tok, data)
    finally:
        handle.remove()
    assert not other.hit and calls["n"] > 0
    keys.add(other.key)
    assert len(keys) == 6
    assert _cache(teacher, tok, data).hit


def test_bad_layer_map(setup, private_cache):
    teacher, tok, data = setup
    with pytest.raises(KitError, match="layer_map"):
        _cache(teacher, tok, data, layer_map=[1, 9])


def test_wrong_file_contents_are_reported_and_recomputed(setup, private_cache):
    from safetensors.torch import load_file, save_file

    teacher, tok, data = setup
    first = _cache(teacher, tok, data)
    reference = first.lookup(torch.arange(3))
    file = first.path / "train.safetensors"
    del first  # release the memory map before rewriting the file
    tensors = load_file(str(file))
    for broken in ({k: v for k, v in tensors.items() if k != "attn"},  # a tensor missing
                   {**tensors, "hidden": tensors["hidden"][:-1]}):  # a wrong shape
        save_file(broken, str(file))
        calls, handle = _counter(teacher)
        try:
            with pytest.warns(UserWarning, match="Recomputing"):
                again = _cache(teacher, tok, data)
        finally:
            handle.remove()
        assert not again.hit and calls["n"] > 0
        got = again.lookup(torch.arange(3))
        assert torch.equal(got["logits"], reference["logits"])
        assert all(torch.equal(a, b) for a, b in zip(got["attn"], reference["attn"]))
        del again
    file.write_bytes(b"not a safetensors file")
    with pytest.warns(UserWarning, match="unreadable|truncated|sha256|missing"):
        assert not _cache(teacher, tok, data).hit
    assert _cache(teacher, tok, data).hit


def test_key_has_format_and_teacher_config(setup, private_cache):
    from kitlib.distill.cache import FORMAT

    teacher, tok, data = setup
    base = _cache(teacher, tok, data)
    assert base.key_parts["format"] == FORMAT and base.key_parts["teacher_config"]
    changed = AutoModelForTokenClassification.from_config(copy.deepcopy(teacher.config))
    changed.load_state_dict(teacher.state_dict())
    eps = changed.config.layer_norm_eps
    changed.config.layer_norm_eps = 1e-3  # same weights, other computation
    assert _cache(changed, tok, data).key != base.key
    changed.config.layer_norm_eps = eps
    changed.config._name_or_path = "/elsewhere"  # origin only: same entry
    assert _cache(changed, tok, data).key == base.key


def test_compute_restores_attention_implementation_and_mode(setup, private_cache):
    teacher, tok, data = setup
    sdpa = AutoModelForTokenClassification.from_config(copy.deepcopy(teacher.config),
                                                       attn_implementation="sdpa")
    sdpa.load_state_dict(teacher.state_dict())
    sdpa.train()
    _cache(sdpa, tok, data)
    assert sdpa.config._attn_implementation == "sdpa" and sdpa.training

    def boom(*args, **kwargs):
        raise RuntimeError("out of memory")

    hook = sdpa.register_forward_pre_hook(boom)
    try:
        with pytest.raises(RuntimeError, match="out of memory"):
            _cache(sdpa, tok, data, layer_map=[0, 2])
    finally:
        hook.remove()
    assert sdpa.config._attn_implementation == "sdpa" and sdpa.training


def test_classification_lookup_matches_teacher(private_cache, tmp_path):
    from transformers import AutoModelForSequenceClassification

    folder = make_tiny_backbone("bert", tmp_path / "bert", num_layers=2)
    data = tiny_task_data("classification", n_train=10)
    torch.manual_seed(0)
    teacher = AutoModelForSequenceClassification.from_pretrained(
        folder, num_labels=len(data.label_names), attn_implementation="eager")
    tok = AutoTokenizer.from_pretrained(folder)
    cache = TeacherCache(teacher, tok, data, max_length=64, layer_map=[1], need_hidden=True,
                         need_attn=False, dtype="float32", progress=False, mixed_precision="no")
    enc = encode(data.train, tok, "classification", 64)
    batch = next(make_batches(enc, 4, shuffle=True, seed=3, pad_id=tok.pad_token_id))
    got = cache.lookup(batch["index"])
    teacher.eval()
    with torch.inference_mode():
        out = teacher(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"],
                      output_hidden_states=True)
    assert got["logits"].shape == (4, len(data.label_names)) and "attn" not in got
    assert torch.allclose(got["logits"], out.logits, atol=1e-5)
    m = batch["attention_mask"].bool()
    assert torch.allclose(got["hidden"][1][m], out.hidden_states[2][m], atol=1e-5)
    with pytest.raises(KitError, match="split"):
        cache.lookup(batch["index"], split="dev")
