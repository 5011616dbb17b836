"""The training loop: determinism, KD learning, NaN stop, exception propagation, bad input."""
from __future__ import annotations

import math

import pytest
import torch
from transformers import AutoModelForSequenceClassification, AutoModelForTokenClassification, AutoTokenizer

from kitlib.distill import KDConfig, TeacherCache
from kitlib.errors import KitError
from kitlib.testing import make_tiny_backbone, tiny_task_data
from kitlib.train import TrainConfig, evaluate, train

CFG = TrainConfig(epochs=2, lr=1e-3, batch_size=8, log_every=1, eval_every=4, seed=7)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return make_tiny_backbone("bert", tmp_path_factory.mktemp("bert"), num_layers=4)


def _model(folder, task, n_labels, layers=None, seed=0):
    cls = AutoModelForSequenceClassification if task == "classification" else AutoModelForTokenClassification
    torch.manual_seed(seed)
    extra = {"num_hidden_layers": layers} if layers else {}
    return cls.from_pretrained(folder, num_labels=n_labels, attn_implementation="eager", **extra)


def _run(folder, data, cfg=CFG, **kw):
    model = _model(folder, data.task, len(data.label_names))
    tok = AutoTokenizer.from_pretrained(folder)
    records: list[dict] = []
    model = train(model, tok, data, cfg, on_records=records.extend, progress=False, **kw)
    return model, tok, records


def test_same_seed_twice_gives_identical_metrics(folder):
    data = tiny_task_data("classification", train_languages=["en", "de"])
    _, _, a = _run(folder, data)
    _, _, b = _run(folder, data)
    key = lambda rs: [(r["step"], r["lang"], r["metric"], r["value"], r["stderr"]) for r in rs]
    assert key(a) == key(b)
    _, _, c = _run(folder, data, TrainConfig(**{**CFG.to_dict(), "seed": 8}))
    assert [r["value"] for r in c if r["metric"] == "train_loss"] != \
        [r["value"] for r in a if r["metric"] == "train_loss"]


def test_records_shape_and_groups(folder):
    data = tiny_task_data("classification", train_languages=["en", "de"])
    _, _, recs = _run(folder, data)
    losses = [r for r in recs if r["metric"] == "train_loss"]
    assert losses and all(r["lang"] == "all" and r["split"] == "train" for r in losses)
    evals = [r for r in recs if r["split"] == "dev"]
    steps = sorted({r["step"] for r in evals})
    assert steps == [4, 8, 12]  # every 4 steps and at the end (2 epochs x 48 examples / 8)
    last = [r for r in evals if r["step"] == 12]
    langs = {(r["lang"], r["lang_group"]) for r in last}
    assert {("en", "seen"), ("ru", "unseen"), ("seen", "seen"), ("unseen", "unseen"),
            ("all", "all"), ("all_but_en", "all_but_en")} <= langs
    for r in recs:
        assert set(r) >= {"step", "epoch", "split", "lang", "lang_group", "metric", "value", "n",
                          "stderr", "wall_s"}


def test_kd_run_loss_goes_down(folder):
    data = tiny_task_data("tagging", n_train=24)
    teacher, tok, _ = _run(folder, data, eval_split=None)
    cache = TeacherCache(teacher, tok, data, max_length=64, layer_map=[1, 3], need_hidden=True,
                         need_attn=True, progress=False)
    student = _model(folder, "tagging", len(data.label_names), layers=2, seed=1)
    recs: list[dict] = []
    cfg = TrainConfig(epochs=4, lr=2e-3, batch_size=8, log_every=1, max_length=64)  # = cache's
    train(student, tok, data, cfg, kd=KDConfig(terms={"pred": 1, "hidden": 1, "attn": 1, "embed": 1, "ce": 1}),
          teacher_cache=cache, on_records=recs.extend, progress=False, eval_split=None)
    losses = [r["value"] for r in recs if r["metric"] == "train_loss"]
    assert len(losses) == 48
    assert sum(losses[-8:]) / 8 < 0.8 * sum(losses[:8]) / 8


def test_two_stage_kd_runs(folder):
    data = tiny_task_data("classification", n_train=8)
    teacher, tok, _ = _run(folder, data, eval_split=None)
    cache = TeacherCache(teacher, tok, data, max_length=64, layer_map=[0, 2], need_hidden=True,
                         need_attn=False, progress=False)
    student = _model(folder, "classification", 3, layers=2)
    recs: list[dict] = []
    train(student, tok, data, TrainConfig(epochs=2, lr=1e-3, batch_size=8, log_every=1, max_length=64),
          kd=KDConfig(terms={"pred": 1, "hidden": 1}, stages=2), teacher_cache=cache,
          on_records=recs.extend, progress=False)
    assert len([r for r in recs if r["metric"] == "train_loss"]) == 8
    with pytest.raises(KitError, match="max_length"):
        train(student, tok, data, TrainConfig(epochs=1, max_length=32), kd=KDConfig(terms={"pred": 1}),
              teacher_cache=cache, progress=False)
    with pytest.raises(KitError, match="same data"):
        train(student, tok, tiny_task_data("classification", n_train=7),
              TrainConfig(epochs=1, max_length=64), kd=KDConfig(terms={"pred": 1}),
              teacher_cache=cache, progress=False)


def test_nan_loss_stops_with_step(folder):
    data = tiny_task_data("classification")
    model = _model(folder, "classification", 3)
    tok = AutoTokenizer.from_pretrained(folder)
    calls = {"n": 0}

    def poison(module, args, output):
        calls["n"] += 1
        if calls["n"] >= 3:
            output.logits = output.logits * float("nan")
        return output

    model.register_forward_hook(poison)
    recs: list[dict] = []
    with pytest.raises(KitError, match="step 3"):
        train(model, tok, data, TrainConfig(epochs=1, batch_size=8, log_every=1),
              on_records=recs.extend, progress=False)
    assert [r["step"] for r in recs] == [1, 2]  # emitted records stay emitted


def test_exception_inside_loop_propagates(folder):
    data = tiny_task_data("classification")
    model = _model(folder, "classification", 3)
    tok = AutoTokenizer.from_pretrained(folder)

    def boom(records):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        train(model, tok, data, TrainConfig(epochs=1, batch_size=8, log_every=1),
              on_records=boom, progress=False)


def test_bad_inputs_rejected_before_work(folder):
    data = tiny_task_data("classification")
    model = _model(folder, "classification", 3)
    tok = AutoTokenizer.from_pretrained(folder)
    with pytest.raises(KitError, match="teacher_cache"):
        train(model, tok, data, CFG, kd=KDConfig(), progress=False)
    with pytest.raises(KitError, match="eval_split"):
        train(model, tok, data, CFG, eval_split="validation", progress=False)
    for bad in ({"lr": 0}, {"batch_size": 0}, {"mixed_precision": "fp16"}, {"epochs": -1},
                {"grad_accum": 0}):
        with pytest.raises(KitError, match="allowed"):
            TrainConfig(**bad)


def test_grad_accum_and_max_steps(folder):
    data = tiny_task_data("classification")
    _, _, recs = _run(folder, data, TrainConfig(epochs=5, batch_size=8, grad_accum=2, max_steps=3,
                                                log_every=1), eval_split=None)
    assert [r["step"] for r in recs] == [1, 2, 3]


def test_evaluate_tagging_records(folder):
    data = tiny_task_data("tagging")
    model = _model(folder, "tagging", len(data.label_names))
    tok = AutoTokenizer.from_pretrained(folder)
    model.train()
    recs = evaluate(model, tok, data, "test", batch_size=16, max_length=64)
    metrics = {r["metric"] for r in recs}
    assert metrics == {"f1_strict", "f1_default"}
    assert all(0 <= r["value"] <= 1 and not math.isnan(r["stderr"]) for r in recs)
    assert model.training  # evaluate restores the mode it found
