"""Anatomy tools: parameter counts, linear CKA properties, layer similarity, zero-training eval."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from transformers import AutoModel, AutoModelForSequenceClassification, AutoModelForTokenClassification, AutoTokenizer

from kitlib.errors import KitError
from kitlib.models.anatomy import count_parameters, layer_similarity, linear_cka, zero_training_eval
from kitlib.models.student import build_student
from kitlib.testing import make_tiny_backbone, tiny_task_data


# ----------------------------------------------------------------------------- linear CKA
def _features(n=200, d=16, seed=0):
    return torch.randn(n, d, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def test_cka_identical_is_one():
    x = _features()
    assert linear_cka(x, x) == pytest.approx(1.0, abs=1e-12)
    assert linear_cka(x.numpy(), x.float()) == pytest.approx(1.0, abs=1e-6)


def test_cka_invariances():
    x = _features(d=16)
    y = x @ _features(n=16, d=8, seed=5) + 0.5 * _features(d=8, seed=6)  # related, not equal
    base = linear_cka(x, y)
    assert 0.05 < base < 0.999
    q, _ = torch.linalg.qr(_features(n=16, d=16, seed=1))
    assert linear_cka(x @ q, y) == pytest.approx(base, abs=1e-10)           # rotation
    assert linear_cka(7.5 * x, 0.01 * y) == pytest.approx(base, abs=1e-10)  # isotropic scaling
    assert linear_cka(x + 3.0, y - 2.0) == pytest.approx(base, abs=1e-10)   # centering
    assert linear_cka(x, y) == pytest.approx(linear_cka(y, x), abs=1e-12)   # symmetric
    # not invariant to anisotropic scaling: the test above can fail
    scale = torch.linspace(0.1, 10, 16, dtype=torch.float64)
    assert abs(linear_cka(x * scale, y) - base) > 1e-3


def test_cka_independent_is_small():
    x, y = _features(n=2000, seed=2), _features(n=2000, seed=3)
    value = linear_cka(x, y)
    assert 0 <= value < 0.1


def test_cka_matches_kernel_formula():
    # HSIC form with centered Gram matrices (Kornblith et al. 2019, eq. for linear kernels)
    x, y = _features(n=50, d=6, seed=7), _features(n=50, d=4, seed=8)
    h = torch.eye(50, dtype=torch.float64) - 1.0 / 50
    k, l = h @ x @ x.T @ h, h @ y @ y.T @ h
    expected = (k * l).sum() / (torch.linalg.norm(k) * torch.linalg.norm(l))
    assert linear_cka(x, y + 1.0) == pytest.approx(float(expected), abs=1e-10)


def test_cka_errors_and_constant():
    x = _features(n=10)
    with pytest.raises(KitError, match="y"):
        linear_cka(x, _features(n=9))
    with pytest.raises(KitError, match="x"):
        linear_cka(torch.ones(10), x)
    with pytest.raises(KitError, match="x"):
        linear_cka(x[:1], x[:1])
    assert math.isnan(linear_cka(torch.ones(10, 3), x))


# ----------------------------------------------------------------------------- models
@pytest.fixture(scope="module")
def models(tmp_path_factory):
    out = {}
    for fam in ("bert", "deberta"):
        folder = make_tiny_backbone(fam, tmp_path_factory.mktemp(fam), num_layers=4)
        out[fam] = (AutoModelForSequenceClassification.from_pretrained(folder, num_labels=3).eval(),
                    AutoTokenizer.from_pretrained(folder), folder)
    return out


def test_count_parameters(models):
    teacher, tok, folder = models["bert"]
    counts = count_parameters(teacher)
    assert counts["total"] == sum(p.numel() for p in teacher.parameters())
    emb = teacher.bert.embeddings
    expected_emb = (emb.word_embeddings.weight.numel() + emb.position_embeddings.weight.numel()
                    + emb.token_type_embeddings.weight.numel() + 2 * 32)
    assert counts["embeddings"] == expected_emb
    assert counts["non_embedding"] == counts["total"] - expected_emb
    student, _ = build_student(teacher, init="from-teacher", layer_map="alternate", num_layers=2)
    small = count_parameters(student)
    assert small["embeddings"] == counts["embeddings"]
    per_layer = sum(p.numel() for p in teacher.bert.encoder.layer[0].parameters())
    assert counts["non_embedding"] - small["non_embedding"] == 2 * per_layer
    bare = count_parameters(AutoModel.from_pretrained(folder))
    assert bare["embeddings"] == counts["embeddings"]
    with pytest.raises(KitError, match="model"):
        count_parameters(torch.nn.Linear(3, 3))


@pytest.mark.parametrize("family", ["bert", "deberta"])
def test_layer_similarity(models, family):
    teacher, tok, _ = models[family]
    data = tiny_task_data("classification", languages=("en", "ru", "zh"), n_train=2, n_eval=5)
    copy, _ = build_student(teacher, init="from-teacher", layer_map="alternate", num_layers=2)
    scratch, _ = build_student(teacher, init="from-scratch", layer_map="alternate", num_layers=2)
    copy.train()
    df = layer_similarity(teacher, copy, tok, data.dev, max_examples=4, batch_size=3,
                          progress=False)
    assert copy.training and not teacher.training  # modes restored
    assert list(df.columns) == ["lang", "teacher_layer", "student_layer", "cka", "n_tokens"]
    assert sorted(df["lang"].unique()) == ["en", "ru", "zh"]
    assert len(df) == 3 * 5 * 3  # (4+1) teacher x (2+1) student states per language
    assert df["cka"].between(0, 1 + 1e-9).all()
    # copied layers give identical representations: embeddings (-1, -1) and teacher layer 0
    # -> student layer 0; the student's layer 1 is teacher layer 2 but sees teacher layer 0's
    # output instead of layer 1's, so (2, 1) is close but not exact.
    lookup = df.set_index(["lang", "teacher_layer", "student_layer"])["cka"]
    assert df.teacher_layer.min() == -1 and df.teacher_layer.max() == 3
    for lang in ("en", "ru", "zh"):
        assert lookup[(lang, -1, -1)] == pytest.approx(1.0, abs=1e-9)
        assert lookup[(lang, 0, 0)] == pytest.approx(1.0, abs=1e-9)
    fresh = layer_similarity(teacher, scratch, tok, data.dev, max_examples=4, layer_map="alternate",
                             progress=False)
    assert len(fresh) == 3 * 3  # only the aligned pairs (-1,-1), (0,0), (2,1)
    assert set(zip(fresh.teacher_layer, fresh.student_layer)) == {(-1, -1), (0, 0), (2, 1)}
    assert (fresh["cka"] < 0.99).all()
    # max_examples caps tokens: fewer examples, fewer tokens
    n_small = df[df.lang == "en"]["n_tokens"].iloc[0]
    bigger = layer_similarity(teacher, copy, tok, data.dev, max_examples=5, layer_map="first_k",
                              progress=False)
    assert bigger[bigger.lang == "en"]["n_tokens"].iloc[0] > n_small


def test_layer_similarity_tagging_and_errors(models):
    teacher, tok, _ = models["bert"]
    data = tiny_task_data("tagging", languages=("en", "de"), n_train=2, n_eval=3)
    student, _ = build_student(teacher, init="from-teacher", layer_map="first_k", num_layers=4)
    df = layer_similarity(teacher, student, tok, data.dev, layer_map="first_k", progress=False)
    assert np.allclose(df["cka"], 1.0)
    with pytest.raises(KitError, match="max_examples"):
        layer_similarity(teacher, student, tok, data.dev, max_examples=0)
    with pytest.raises(KitError, match="examples"):
        layer_similarity(teacher, student, tok, [])
    with pytest.raises(KitError, match="layer_map"):
        layer_similarity(teacher, student, tok, data.dev, layer_map="bogus")


def test_zero_training_eval(models, tmp_path):
    teacher, tok, folder = models["bert"]
    data = tiny_task_data("classification", languages=("en", "de"), n_train=2, n_eval=6)
    student, _ = build_student(teacher, init="from-teacher", layer_map="first_k", num_layers=4)
    records = zero_training_eval(student, tok, data, split="dev", batch_size=4)
    from kitlib.train import evaluate

    direct = evaluate(teacher, tok, data, split="dev", batch_size=4)
    assert len(records) == len(direct) > 0
    for got, want in zip(records, direct):  # identical copy -> identical scores
        assert (got["lang"], got["metric"], got["value"]) == (want["lang"], want["metric"], want["value"])
        assert got["step"] == 0 and got["split"] == "dev"
    assert {r["lang"] for r in records} >= {"en", "de"}
    tagger = AutoModelForTokenClassification.from_pretrained(folder, num_labels=7)
    tag_data = tiny_task_data("tagging", languages=("en",), n_train=2, n_eval=4)
    tag_records = zero_training_eval(tagger, tok, tag_data, split="test")
    assert {r["metric"] for r in tag_records} >= {"f1_strict"}
    with pytest.raises(KitError, match="split"):
        zero_training_eval(student, tok, data, split="validation")


def test_layer_similarity_equals_pairwise_linear_cka(models):
    """The per-layer precomputation gives exactly linear_cka of every pair."""
    from kitlib.models.anatomy import _encode_batches, _hidden_states

    teacher, tok, _ = models["bert"]
    data = tiny_task_data("classification", languages=("en",), n_train=2, n_eval=4)
    student, _ = build_student(teacher, init="from-scratch", layer_map="alternate", num_layers=2)
    student.eval()
    df = layer_similarity(teacher, student, tok, data.dev, max_examples=4, batch_size=2,
                          progress=False)
    with torch.inference_mode():
        batches = _encode_batches(data.dev[:4], tok, 2, 64)
        t_states, s_states = _hidden_states(teacher, batches), _hidden_states(student, batches)
    for row in df.itertuples():
        assert row.cka == pytest.approx(linear_cka(t_states[row.teacher_layer + 1],
                                                   s_states[row.student_layer + 1]), abs=1e-12)
