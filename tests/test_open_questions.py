"""Notebook 05's machinery: every layer strategy's teacher layers, reversed and random maps
wherever KD takes a map, the prediction-loss settings, the full-vocabulary twin of a trimmed
teacher, the step-time record, and the claims' choice of best and worst on dev."""
from __future__ import annotations

import copy
import warnings

import pandas as pd
import pytest
import torch

from kitlib import params, vocab
from kitlib.errors import KitError
from kitlib.models import (build_student, full_vocabulary, load_task_model, load_tokenizer,
                           resolve_backbone, resolve_layer_map, trim_vocabulary)
from kitlib.testing import tiny_task_data

# Each strategy at 12 -> 6, 4, 3, 2 and on a tiny 4-layer teacher (4 -> 2), written out by
# hand from the strategies' definitions (kitlib.models.student._named_map's docstring).
EXPECTED = {
    "alternate": {(12, 6): [0, 2, 4, 6, 8, 10], (12, 4): [0, 3, 6, 9], (12, 3): [0, 4, 8],
                  (12, 2): [0, 6], (4, 2): [0, 2]},
    "last_of_block": {(12, 6): [1, 3, 5, 7, 9, 11], (12, 4): [2, 5, 8, 11], (12, 3): [3, 7, 11],
                      (12, 2): [5, 11], (4, 2): [1, 3]},
    "first_k": {(12, 6): [0, 1, 2, 3, 4, 5], (12, 4): [0, 1, 2, 3], (12, 3): [0, 1, 2],
                (12, 2): [0, 1], (4, 2): [0, 1]},
    "last_k": {(12, 6): [6, 7, 8, 9, 10, 11], (12, 4): [8, 9, 10, 11], (12, 3): [9, 10, 11],
               (12, 2): [10, 11], (4, 2): [2, 3]},
    "first_last": {(12, 6): [0, 1, 2, 9, 10, 11], (12, 4): [0, 1, 10, 11], (12, 3): [0, 1, 11],
                   (12, 2): [0, 11], (4, 2): [0, 3]},
    "distilbert": {(12, 6): [0, 2, 4, 7, 9, 11], (12, 4): [0, 3, 8, 11], (12, 3): [0, 4, 11],
                   (12, 2): [0, 11], (4, 2): [0, 3]},
    "reversed": {(12, 6): [11, 9, 7, 5, 3, 1], (12, 4): [11, 8, 5, 2], (12, 3): [11, 7, 3],
                 (12, 2): [11, 5], (4, 2): [3, 1]},
}


def test_every_named_strategy_is_tested_here():
    assert set(EXPECTED) | {"random"} == set(vocab.LAYER_MAPS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("shape", [(12, 6), (12, 4), (12, 3), (12, 2), (4, 2)])
def test_strategy_resolves_to_the_expected_teacher_layers(name, shape):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a named map never warns, "reversed" included
        assert resolve_layer_map(name, *shape) == EXPECTED[name][shape]


@pytest.mark.parametrize("shape", [(12, 6), (12, 4), (12, 3), (12, 2), (4, 2)])
def test_random_is_a_seeded_in_order_set_of_distinct_layers(shape):
    teacher, depth = shape
    draws = {seed: resolve_layer_map("random", teacher, depth, seed=seed) for seed in range(20)}
    for layers in draws.values():
        assert layers == sorted(set(layers)) and len(layers) == depth
        assert all(0 <= j < teacher for j in layers)
    assert draws[3] == resolve_layer_map("random", teacher, depth, seed=3)  # reproducible
    assert len({tuple(v) for v in draws.values()}) > 1  # the seed matters


def test_random_draw_does_not_depend_on_the_python_random_module():
    import random

    random.seed(1)
    first = resolve_layer_map("random", 12, 4, seed=7)
    random.seed(2)
    assert resolve_layer_map("random", 12, 4, seed=7) == first


def test_old_names_point_to_the_new_ones():
    with pytest.raises(KitError, match="first_k"):
        resolve_layer_map("first", 12, 6)
    with pytest.raises(KitError, match="last_k"):
        resolve_layer_map("last", 12, 6)


def test_reversed_and_random_are_accepted_for_the_kd_map_and_the_copy():
    P = params.load_params("05", "smoke", kd_layer_map="reversed", layer_map="random",
                           layer_map_seed=5)
    assert P.kd_layer_map == "reversed" and P.layer_map == "random" and P.layer_map_seed == 5
    with pytest.raises(KitError, match="layer_map_seed"):
        params.load_params("02", "smoke", layer_map_seed=-1)


@pytest.fixture(scope="module")
def tiny():
    ref = resolve_backbone("tiny-bert")
    data = tiny_task_data("classification", languages=("en", "de"))
    model = load_task_model(ref, "classification", len(data.label_names))
    return ref, data, model, load_tokenizer(ref)


def test_kd_trains_with_a_reversed_and_a_random_map(tiny):
    """The KD terms and the teacher-output cache take an unsorted map without a warning."""
    from kitlib.distill import KDConfig
    from kitlib.distill.cache import TeacherCache
    from kitlib.train import TrainConfig, train

    _, data, teacher, tok = tiny
    teacher.eval()
    cfg = TrainConfig(epochs=1, batch_size=8, lr=1e-3, max_steps=2, mixed_precision="no",
                      eval_every=0, max_length=32)
    kd = KDConfig(terms={"pred": 1.0, "hidden": 1.0, "attn": 1.0, "ce": 1.0})
    for name in ("reversed", "random"):
        layers = resolve_layer_map(name, 4, 2, seed=1)
        student, _ = build_student(teacher, init="from-teacher", layer_map=layers, num_layers=2)
        with warnings.catch_warnings():
            warnings.simplefilter("error", UserWarning)
            cache = TeacherCache(teacher, tok, data, max_length=32, layer_map=layers,
                                 need_hidden=True, need_attn=True, progress=False,
                                 mixed_precision="no")
            records = []
            train(student, tok, data, cfg, kd=kd, teacher_cache=cache, layer_map=layers,
                  eval_split=None, on_records=records.extend, progress=False)
        losses = [r["value"] for r in records if r["metric"] == "train_loss"]
        assert losses and all(torch.isfinite(torch.tensor(losses)))


def test_step_time_record_leaves_evaluation_out(tiny):
    from kitlib.train import TrainConfig, train

    _, data, teacher, tok = tiny
    cfg = TrainConfig(epochs=1, batch_size=8, lr=1e-3, max_steps=4, mixed_precision="no",
                      eval_every=1)
    student, _ = build_student(teacher, init="from-teacher", layer_map="alternate", num_layers=2)
    records = []
    train(student, tok, data, cfg, eval_split="dev", on_records=records.extend, progress=False)
    step = [r for r in records if r["metric"] == vocab.STEP_TIME]
    assert len(step) == 1 and step[0]["n"] == 4 and step[0]["split"] == "train"
    last_eval = max(r["wall_s"] for r in records if r["split"] == "dev")
    assert 0 < step[0]["value"] * 4 < last_eval  # four evaluations happened in that time


# --------------------------------------------------------------------------- prediction loss
@pytest.mark.parametrize("value,expected", [("kl:1", "kl:1"), ("kl:2.0", "kl:2"),
                                            ("kl:0.5", "kl:0.5"), ("mse", "mse")])
def test_pred_loss_settings(value, expected):
    assert params.load_params("05", "smoke", pred_losses=[value]).pred_losses == [expected]


@pytest.mark.parametrize("bad", ["kl", "kl:0", "kl:-1", "kl:x", "soft_ce", "KL:2", 2])
def test_bad_pred_loss_settings_are_refused_with_what_is_allowed(bad):
    with pytest.raises(KitError, match="kl:<temperature>"):
        params.load_params("05", "smoke", pred_losses=[bad])


def test_labels_of_pred_loss_settings():
    assert vocab.pred_loss_label("kl:2") == "KL T=2" and vocab.pred_loss_label("mse") == "MSE"


@pytest.mark.parametrize("temperature", [1.0, 2.0, 4.0])
def test_soft_cross_entropy_has_the_gradient_of_kl(temperature):
    """Question 3 calls the soft cross-entropy "KL": same gradient in the student's logits."""
    import torch.nn.functional as F

    from kitlib.distill.losses import prediction_loss

    torch.manual_seed(0)
    teacher = torch.randn(6, 5)
    s1 = torch.randn(6, 5, requires_grad=True)
    s2 = s1.detach().clone().requires_grad_(True)
    prediction_loss(s1, teacher, temperature=temperature, kind="soft_ce").backward()
    T = temperature
    kl = F.kl_div((s2 / T).log_softmax(-1), (teacher / T).softmax(-1),
                  reduction="batchmean") * T * T
    kl.backward()
    torch.testing.assert_close(s1.grad, s2.grad, rtol=1e-5, atol=1e-7)


# --------------------------------------------------------------------------- trimming
def test_full_vocabulary_twin_gives_the_trimmed_teachers_outputs(tiny):
    ref, data, model, tok = tiny
    base = load_task_model(ref, "classification", len(data.label_names))
    result = trim_vocabulary(copy.deepcopy(model), tok, data.texts())
    full = full_vocabulary(result.model, result.vocab_map, base.get_input_embeddings())
    assert full.get_input_embeddings().num_embeddings == result.vocab_map.old_size
    assert full.config.vocab_size == result.vocab_map.old_size
    texts = [ex.text for ex in data.test]
    full.eval(), result.model.eval()
    with torch.no_grad():
        a = full(**tok(texts, padding=True, return_tensors="pt")).logits
        b = result.model(**result.tokenizer(texts, padding=True, return_tensors="pt")).logits
    torch.testing.assert_close(a, b, rtol=0, atol=0)
    dropped = sorted(set(range(result.vocab_map.old_size)) - set(result.vocab_map.kept))
    assert torch.equal(full.get_input_embeddings().weight[dropped],
                       base.get_input_embeddings().weight[dropped])


def test_full_vocabulary_twin_is_what_fine_tuning_without_trimming_gives(tiny):
    """The claim of kitlib.models.full_vocabulary: fine-tune trimmed, put the rows back ==
    fine-tune untrimmed (AdamW, no weight decay). Tolerance 1e-5: the two runs add the
    same numbers through different embedding-gradient shapes."""
    from kitlib.train import TrainConfig, train

    ref, data, _, tok = tiny
    cfg = TrainConfig(epochs=1, batch_size=8, lr=1e-3, max_steps=5, mixed_precision="no",
                      eval_every=0, weight_decay=0.0, seed=3)
    fresh = load_task_model(ref, "classification", len(data.label_names))
    untrimmed = train(copy.deepcopy(fresh), tok, data, cfg, eval_split=None, progress=False)
    result = trim_vocabulary(copy.deepcopy(fresh), tok, data.texts())
    trimmed = train(result.model, result.tokenizer, data, cfg, eval_split=None, progress=False)
    twin = full_vocabulary(trimmed, result.vocab_map, fresh.get_input_embeddings())
    mine, theirs = dict(twin.named_parameters()), dict(untrimmed.named_parameters())
    assert mine.keys() == theirs.keys()
    for name in mine:
        torch.testing.assert_close(mine[name], theirs[name], rtol=1e-5, atol=1e-5, msg=name)


def test_full_vocabulary_refuses_a_model_of_another_map(tiny):
    ref, data, model, tok = tiny
    with pytest.raises(KitError, match="trimmed with this map"):
        result = trim_vocabulary(copy.deepcopy(model), tok, data.texts())
        full_vocabulary(model, result.vocab_map, model.get_input_embeddings())


# --------------------------------------------------------------------------- claims
def test_best_and_worst_are_picked_on_dev_not_on_test():
    from kitlib.experiments import open_questions as oq

    P = params.load_params("05", "smoke")
    rows = []
    for name, dev_score in (("alternate", 0.9), ("first_k", 0.5), ("last_k", 0.7)):
        rows.append({"role": vocab.STUDENT, "stage": oq.TRAINED, "init": vocab.FROM_TEACHER,
                     "kd": True, "depth": str(P.strategy_depth), "vocabulary": oq.TRIMMED,
                     "pred_loss": oq.pred_loss_of(P), "layer_map": name, "lang": vocab.ALL,
                     "value": dev_score, "metric": "accuracy", "seed": 44})
    best, worst = oq._best_and_worst(pd.DataFrame(rows), P, "layers", "layer_map",
                                     ["alternate", "first_k", "last_k"])
    assert (best, worst) == ("alternate", "first_k")


def test_a_student_copied_with_reversed_gets_no_unsorted_warning(tiny):
    """The experiments build students through ``student_from``: a named "reversed" map is
    unsorted on purpose and must not warn (an explicit unsorted list still does)."""
    from types import SimpleNamespace

    from kitlib.experiments.teachers import student_from

    _, _, model, _ = tiny
    s = SimpleNamespace(P=SimpleNamespace(values={"layer_map_seed": 0}))
    teacher = SimpleNamespace(model=model)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        _, _, layers = student_from(s, teacher, "from-teacher", "reversed", 2, 0)
    assert layers == [3, 1]
    with pytest.warns(UserWarning, match="not sorted"):
        student_from(s, teacher, "from-teacher", [3, 1], 2, 0)
