"""The training loop: determinism, KD learning, NaN stop, exception propagation, bad input."""
from __future__ import annotations

import math
from types import SimpleNamespace

import pytest
import torch
from transformers import AutoModelForSequenceClassification, AutoModelForTokenClassification, AutoTokenizer

from kitlib.distill import KDConfig
from kitlib.distill.cache import TeacherCache
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
    key = lambda rs: [(r["step"], r["lang"], r["metric"], r["value"], r["stderr"]) for r in rs
                      if r["metric"] != "step_s"]  # a wall-clock figure, not a result
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
          kd=KDConfig(terms={"pred": 1, "hidden": 1, "embed": 1, "ce": 1}, stages=2),
          teacher_cache=cache, on_records=recs.extend, progress=False, eval_split=None)
    assert len([r for r in recs if r["metric"] == "train_loss"]) == 8
    terms_at = {}
    for r in recs:
        if r["metric"].startswith("train_loss_"):
            terms_at.setdefault(r["step"], set()).add(r["metric"].removeprefix("train_loss_"))
    assert terms_at == {**{s: {"hidden", "embed"} for s in range(1, 5)},   # stage 1
                        **{s: {"pred", "ce"} for s in range(5, 9)}}        # stage 2
    with pytest.raises(KitError, match="max_length"):
        train(student, tok, data, TrainConfig(epochs=1, max_length=32), kd=KDConfig(terms={"pred": 1}),
              teacher_cache=cache, progress=False)
    with pytest.raises(KitError, match="same data"):
        train(student, tok, tiny_task_data("classification", n_train=7),
              TrainConfig(epochs=1, max_length=64), kd=KDConfig(terms={"pred": 1}),
              teacher_cache=cache, progress=False)


def test_kd_rejects_another_tokenizer(folder):
    data = tiny_task_data("classification", n_train=8)
    teacher = _model(folder, "classification", 3)
    tok = AutoTokenizer.from_pretrained(folder)
    cache = TeacherCache(teacher, tok, data, max_length=64, layer_map=[0, 2], need_hidden=False,
                         need_attn=False, progress=False)
    other = AutoTokenizer.from_pretrained(folder)
    other.add_tokens(["zzqx"])
    student = _model(folder, "classification", 3, layers=2)
    with pytest.raises(KitError, match="tokenizer") as err:
        train(student, other, data, TrainConfig(epochs=1, max_length=64),
              kd=KDConfig(terms={"pred": 1}), teacher_cache=cache, progress=False)
    assert cache.key_parts["tokenizer"] in str(err.value)
    assert cache.uses_tokenizer(tok) and cache.uses_tokenizer(AutoTokenizer.from_pretrained(folder))
    assert not cache.uses_tokenizer(other)


def test_kd_emits_one_loss_record_per_term(folder):
    data = tiny_task_data("classification", n_train=16)
    teacher, tok, _ = _run(folder, data, eval_split=None)
    cache = TeacherCache(teacher, tok, data, max_length=64, layer_map=[1, 3], need_hidden=True,
                         need_attn=True, progress=False)
    student = _model(folder, "classification", 3, layers=2)
    recs: list[dict] = []
    kd = KDConfig(terms={"pred": 1, "hidden": 2, "attn": 1, "ce": 0.5})
    train(student, tok, data, TrainConfig(epochs=1, batch_size=4, log_every=2, max_length=64),
          kd=kd, teacher_cache=cache, on_records=recs.extend, progress=False, eval_split=None)
    by_metric: dict[str, list[dict]] = {}
    for r in recs:
        by_metric.setdefault(r["metric"], []).append(r)
    assert by_metric.pop("step_s")[0]["value"] > 0  # one timing record at the end
    assert set(by_metric) == {"train_loss", "train_loss_pred", "train_loss_hidden",
                              "train_loss_attn", "train_loss_ce"}
    total = by_metric["train_loss"]
    for metric, rows in by_metric.items():
        assert [(r["step"], r["n"], r["split"], r["lang"]) for r in rows] == \
            [(r["step"], r["n"], r["split"], r["lang"]) for r in total]  # same shape
        assert all(r["value"] >= 0 for r in rows)
    for i, r in enumerate(total):  # the total is the weighted sum of the (unweighted) terms
        weighted = sum(kd.weight(t) * by_metric[f"train_loss_{t}"][i]["value"]
                       for t in ("pred", "hidden", "attn", "ce"))
        assert r["value"] == pytest.approx(weighted, rel=1e-5)


def test_lr_schedule_restarts_for_stage_two():
    from kitlib.train.loop import lr_factor, stage_bounds

    one = stage_bounds(8)
    assert one == [(0, 8)]
    assert [lr_factor(k, one, 0.0) for k in range(8)] == [1.0, 7 / 8, 6 / 8, 5 / 8, 4 / 8, 3 / 8, 2 / 8, 1 / 8]
    two = stage_bounds(8, KDConfig(terms={"pred": 1, "hidden": 1}, stages=2))
    assert two == [(0, 4), (4, 8)]
    assert [lr_factor(k, two, 0.25) for k in range(8)] == [0.0, 1.0, 2 / 3, 1 / 3] * 2


def test_eval_split_is_encoded_once_per_train_call(folder, monkeypatch):
    import kitlib.train.evaluation as evaluation
    import kitlib.train.loop as loop

    calls = []
    real = loop.encode

    def counting(examples, *args, **kwargs):
        calls.append(len(examples))
        return real(examples, *args, **kwargs)

    monkeypatch.setattr(loop, "encode", counting)
    monkeypatch.setattr(evaluation, "encode", counting)
    data = tiny_task_data("classification", train_languages=["en", "de"])
    _, _, recs = _run(folder, data)
    assert sorted({r["step"] for r in recs if r["split"] == "dev"}) == [4, 8, 12]  # 3 evaluations
    assert calls == [len(data.train), len(data.dev)]


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
    assert [r["step"] for r in recs if r["metric"] == "train_loss"] == [1, 2, 3]
    assert [(r["step"], r["n"]) for r in recs if r["metric"] == "step_s"] == [(3, 3)]


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


class _GoldTagger(torch.nn.Module):
    """Stub tagger: its logits put all weight on the gold tag of every first sub-word (looked
    up by the token ids), so evaluation must score it perfectly wherever nothing was cut."""

    def __init__(self, encoded: list[dict], n_labels: int):
        super().__init__()
        self.anchor = torch.nn.Parameter(torch.zeros(1))
        self.gold = {tuple(it["input_ids"]): it["labels"] for it in encoded}
        self.n_labels = n_labels

    def forward(self, input_ids, attention_mask):
        logits = torch.zeros(*input_ids.shape, self.n_labels)
        logits[..., 0] = 1.0  # "O" elsewhere
        for row, (ids, m) in enumerate(zip(input_ids.tolist(), attention_mask.tolist())):
            labels = self.gold[tuple(ids[: sum(m)])]
            for pos, lab in enumerate(labels):
                if lab != -100:
                    logits[row, pos] = 0.0
                    logits[row, pos, lab] = 1.0
        return SimpleNamespace(logits=logits)


def test_tagging_evaluation_end_to_end_with_truncation(folder):
    from kitlib.data.types import Example, TaskData
    from kitlib.train import encode

    names = ["O", "B-PER", "I-PER"]
    tok = AutoTokenizer.from_pretrained(folder)
    long_words = ("Bob", "and", "then", "Carl", "Dan")
    # max_length that keeps [CLS] Bob and then [SEP] and cuts "Carl Dan" (a gold PER entity)
    full = encode([Example(id="x", lang="en", tokens=long_words, tags=(1, 0, 0, 1, 2))], tok,
                  "tagging", 64)[0]
    max_length = full["starts"][3] + 1
    dev = [Example(id="en-0", lang="en", tokens=("Anna", "runs"), tags=(1, 0)),
           Example(id="en-1", lang="en", tokens=long_words, tags=(1, 0, 0, 1, 2)),
           Example(id="de-0", lang="de", tokens=("Anna", "und", "Bob"), tags=(1, 0, 1))]
    data = TaskData(name="stub", task="tagging", label_names=names, train=dev, dev=dev, test=dev,
                    languages=["en", "de"], train_languages=["en", "de"])
    encoded = encode(dev, tok, "tagging", max_length)
    assert len(encoded[1]["words"]) == 3  # "Carl Dan" really cut
    recs = evaluate(_GoldTagger(encoded, len(names)), tok, data, "dev", batch_size=2,
                    max_length=max_length)
    f1 = {r["lang"]: r["value"] for r in recs if r["metric"] == "f1_strict"}
    assert f1["de"] == 1.0
    # en: gold PER x3, predicted PER x2 (the cut entity counts as "O"): P = 1, R = 2/3
    assert f1["en"] == pytest.approx(0.8)
    assert f1["all"] == pytest.approx(0.9)


def test_early_stopping_restores_the_best_evaluation(folder):
    """Stop after ``patience`` evaluations without a better dev score and return the weights
    of the best one: the returned model scores exactly the best recorded dev accuracy."""
    data = tiny_task_data("classification", train_languages=["en", "de"])
    cfg = TrainConfig(epochs=20, lr=3e-3, batch_size=8, log_every=1, eval_every=3, seed=3,
                      early_stopping_patience=6, mixed_precision="no")
    model, tok, records = _run(folder, data, cfg)
    dev = [r for r in records if r["metric"] == "accuracy" and r["lang"] == "all"]
    best = max(dev, key=lambda r: r["value"])
    marks = {r["metric"]: r["value"] for r in records if r["metric"] in ("best_step", "stopped_step")}
    assert marks["best_step"] == min(r["step"] for r in dev if r["value"] == best["value"])
    assert marks["stopped_step"] == dev[-1]["step"] < 20 * 6  # stopped early
    assert marks["stopped_step"] - marks["best_step"] == 6 * 3  # six evaluations not better
    assert dev[-1]["value"] < best["value"]  # so restoring the best weights matters
    again = evaluate(model, tok, data, "dev", mixed_precision="no")
    assert next(r["value"] for r in again if r["lang"] == "all" and r["metric"] == "accuracy") \
        == pytest.approx(best["value"])


def test_early_stopping_needs_evaluations():
    with pytest.raises(KitError, match="eval_every"):
        TrainConfig(early_stopping_patience=2, eval_every=0)


def _dev_record(value: float, baseline: float) -> list[dict]:
    return [{"lang": "all", "metric": "f1_strict", "value": value, "baseline": baseline}]


def test_early_stopping_waits_while_the_score_is_at_the_trivial_baseline():
    """Issue 14: a tagging teacher first tags every word "O" (entity F1 0 = the all-O
    baseline) for a few evaluations; counting those as a plateau stopped it at F1 0.000
    after `patience` evaluations. Evaluations at the baseline do not count; once the score
    is above it, `patience` evaluations without a better score do."""
    from kitlib.train.loop import EarlyStopping

    model = torch.nn.Linear(2, 2)
    stop = EarlyStopping(TrainConfig(early_stopping_patience=2, eval_every=1), "tagging")
    for step in range(1, 6):  # five evaluations at F1 0: not started, not a plateau
        assert not stop.should_stop(_dev_record(0.0, 0.0), step, model)
    assert not stop.should_stop(_dev_record(0.4, 0.0), 6, model)
    assert stop.best_step == 6
    assert not stop.should_stop(_dev_record(0.3, 0.0), 7, model)
    assert stop.should_stop(_dev_record(0.4, 0.0), 8, model)  # two not better: stop


def test_early_stopping_counts_a_fall_back_to_the_baseline():
    """A model that learned and then collapsed to the baseline has a best point to keep:
    the evaluations after it count, wherever they are."""
    from kitlib.train.loop import EarlyStopping

    model = torch.nn.Linear(2, 2)
    stop = EarlyStopping(TrainConfig(early_stopping_patience=2, eval_every=1), "tagging")
    assert not stop.should_stop(_dev_record(0.5, 0.0), 1, model)
    assert not stop.should_stop(_dev_record(0.0, 0.0), 2, model)
    assert stop.should_stop(_dev_record(0.0, 0.0), 3, model)
