"""Tests that catch broken mechanisms, not only broken shapes: each one fails when the
mechanism it names is planted with a bug (see docs/testing.md for the planted bugs and which
test caught each).

- the attention loss masks padding on the *key* axis too (asymmetric numbers);
- KD matches layers through ``kd_layer_map``, not the copy map ``layer_map``;
- teacher hidden state of layer j is ``hidden_states[j + 1]`` (index 0 = embeddings);
- the prediction loss softens *both* distributions by T and scales by T^2;
- a from-base student's head is fresh, never the teacher's (values, not only provenance).
"""
from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from kitlib import params
from kitlib.distill import attention_loss, prediction_loss, select_teacher_hidden
from kitlib.models import build_student
from kitlib.testing import make_tiny_backbone, tiny_task_data


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = make_tiny_backbone("bert", tmp_path_factory.mktemp("bert"), num_layers=4)
    tok = AutoTokenizer.from_pretrained(folder)
    torch.manual_seed(0)
    teacher = AutoModelForSequenceClassification.from_pretrained(
        folder, num_labels=3, attn_implementation="eager")
    return folder, tok, teacher


def test_attention_loss_masks_the_key_axis():
    # 3 tokens, the last one padding. Rows are real softmax rows (they sum to 1), and the
    # differences on the padded key are NOT the same as on the real keys: if padding were
    # masked on the query axis only, the (real query, padded key) pairs would change the mean.
    s = torch.tensor([[[[0.5, 0.3, 0.2], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4]]]])
    t = torch.tensor([[[[0.2, 0.2, 0.6], [0.1, 0.3, 0.6], [0.9, 0.05, 0.05]]]])
    mask = torch.tensor([[1, 1, 0]])
    real = [(0.5 - 0.2) ** 2, (0.3 - 0.2) ** 2, (0.1 - 0.1) ** 2, (0.1 - 0.3) ** 2]
    assert attention_loss([s], [t], mask).item() == pytest.approx(sum(real) / 4)
    query_only = real + [(0.2 - 0.6) ** 2, (0.8 - 0.6) ** 2]
    assert abs(sum(real) / 4 - sum(query_only) / 6) > 0.01  # the test can tell them apart


def test_teacher_hidden_state_of_layer_j_is_index_j_plus_one():
    states = [torch.full((1, 1, 1), float(i)) for i in range(5)]  # index i holds value i
    picked = select_teacher_hidden(states, [0, 3])
    assert [float(p) for p in picked] == [0.0, 1.0, 4.0]  # embeddings, layer 0, layer 3


def test_prediction_loss_softens_both_sides_by_temperature():
    s = torch.tensor([[2.0, 0.0, -1.0]])
    t = torch.tensor([[0.5, 1.5, 0.0]])
    T = 3.0
    p = torch.softmax(t / T, -1)
    logq = torch.log_softmax(s / T, -1)
    want = float(-(p * logq).sum()) * T * T
    assert prediction_loss(s, t, temperature=T).item() == pytest.approx(want, rel=1e-6)
    # not softening the student (or the teacher), or not scaling, gives other numbers
    assert abs(want - float(-(p * torch.log_softmax(s, -1)).sum()) * T * T) > 0.1
    assert abs(want - float(-(torch.softmax(t, -1) * logq).sum()) * T * T) > 0.1


def test_from_base_head_is_fresh_not_the_teachers(tiny):
    folder, _, teacher = tiny
    teacher = copy.deepcopy(teacher)
    with torch.no_grad():  # a "fine-tuned" head: nothing like a fresh one
        for p in teacher.classifier.parameters():
            p.add_(0.5)
    torch.manual_seed(1)
    base = AutoModelForSequenceClassification.from_pretrained(folder, num_labels=3)
    student, prov = build_student(teacher, init="from-base", layer_map="alternate",
                                  num_layers=2, base=base, seed=5)
    fresh, _ = build_student(teacher, init="from-scratch", layer_map="alternate",
                             num_layers=2, seed=5)
    head = [n for n in prov if n.startswith("classifier.")]
    assert head
    for name in head:
        got = dict(student.named_parameters())[name]
        assert not torch.equal(got, dict(teacher.named_parameters())[name])
        assert torch.equal(got, dict(fresh.named_parameters())[name])  # the seed's fresh init
        assert prov[name] is None


def test_kd_matches_layers_through_kd_layer_map_not_the_copy_map(tiny, monkeypatch):
    """The cache and the loop get ``kd_layer_map`` (last_of_block: 1, 3), while the student
    was copied through ``layer_map`` (alternate: 0, 2)."""
    from kitlib import train as train_module
    from kitlib.experiments import runs
    from kitlib.experiments.teachers import Teacher
    from kitlib.models import resolve_layer_map

    _, tok, teacher = tiny
    data = tiny_task_data("classification", languages=("en", "de"), n_train=8, n_eval=4)
    P = params.load_params("02", "smoke", layer_map="alternate", kd_layer_map="last_of_block")
    s = SimpleNamespace(P=P, progress=False)
    copy_ids = resolve_layer_map("alternate", 4, 2)
    student, _ = build_student(teacher, init="from-teacher", layer_map=copy_ids, num_layers=2)
    seen = {}

    def fake_train(model, tokenizer, data, cfg, *, kd, teacher_cache, layer_map, **kw):
        seen.update(cache=list(teacher_cache.layer_map), loop=list(layer_map))
        return model

    monkeypatch.setattr(train_module, "train", fake_train)
    monkeypatch.setattr(runs, "evaluate_at", lambda *a, **k: [])
    from kitlib.experiments.setting import kd_config, student_config

    runs.train_and_test(s, student, Teacher(teacher, tok, "t", data, None), data,
                        student_config(P, 44, len(data.train)), kd_config(P, P.kd_terms),
                        copy_ids, lambda recs: None)
    assert copy_ids == [0, 2]
    assert seen == {"cache": [1, 3], "loop": [1, 3]}
