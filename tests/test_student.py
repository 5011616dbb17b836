"""build_student: every copy exact, every fresh tensor really fresh, provenance complete.

Teachers are tiny random backbones saved to disk and loaded with ``from_pretrained`` (the
path real models take), then perturbed with seeded noise to stand in for fine-tuning, so that
teacher, base and fresh initialization all differ from each other.
"""
from __future__ import annotations

import warnings

import pytest
import torch
from transformers import AutoModel, AutoModelForSequenceClassification, AutoModelForTokenClassification

from kitlib.errors import KitError
from kitlib.vocab import INIT_SOURCE
from kitlib.models.student import (INITS, LAYER_MAPS, build_student, provenance_table,
                                   resolve_layer_map)
from kitlib.testing import FAMILIES, make_tiny_backbone

TEACHER_LAYERS = 6


def _finetune_noise(model, seed):
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.05 * torch.randn(p.shape, generator=gen))
    return model.eval()


@pytest.fixture(scope="module")
def zoo(tmp_path_factory):
    out = {}
    for fam in FAMILIES:
        folder = make_tiny_backbone(fam, tmp_path_factory.mktemp(fam), num_layers=TEACHER_LAYERS)
        out[fam] = {
            "folder": folder,
            "teacher": _finetune_noise(
                AutoModelForSequenceClassification.from_pretrained(folder, num_labels=3), 1),
            "tagger": _finetune_noise(
                AutoModelForTokenClassification.from_pretrained(folder, num_labels=7), 2),
            "base_bare": AutoModel.from_pretrained(folder).eval(),
            "base_task": AutoModelForSequenceClassification.from_pretrained(folder, num_labels=3).eval(),
        }
    return out


def _inputs():
    ids = torch.tensor([[2, 10, 11, 12, 13, 3], [2, 20, 21, 3, 0, 0]])
    return {"input_ids": ids, "attention_mask": (torch.arange(6) < torch.tensor([[6], [4]])).long()}


def _check(student, provenance, sources, layer_map, fresh_vs=None):
    """Copies bit-identical and from the right place; fresh tensors unlike any tensor of the
    teacher and base (or of the models in ``fresh_vs``)."""
    params = dict(student.named_parameters())
    assert set(provenance) == set(params)
    all_source_tensors = [t for m in (fresh_vs or sources.values()) for t in m.parameters()]
    for name, param in params.items():
        src = provenance[name]
        if src is None:
            for t in all_source_tensors:
                if t.shape == param.shape:
                    assert not torch.equal(t, param), name
            continue
        origin, src_name = src.split(":", 1)
        src_tensor = dict(sources[origin].named_parameters())[src_name]
        assert torch.equal(src_tensor, param), name
        if ".layer." in name:
            s_layer = int(name.split(".layer.")[1].split(".")[0])
            t_layer = int(src_name.split(".layer.")[1].split(".")[0])
            assert t_layer == layer_map[s_layer]
            assert name.split(".layer.")[1].split(".", 1)[1] == src_name.split(".layer.")[1].split(".", 1)[1]
        else:
            assert src_name.split(".")[-2:] == name.split(".")[-2:]


CASES = [(2, "alternate"), (3, "last_of_block"), (4, "first_last"), (3, "distilbert"),
         (2, "last_k"), (4, [0, 2, 3, 5]), (TEACHER_LAYERS, "first_k")]


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("init", INITS)
@pytest.mark.parametrize("num_layers, layer_map", CASES)
def test_copies_and_provenance(zoo, family, init, num_layers, layer_map):
    z = zoo[family]
    teacher = z["teacher"]
    base = z["base_bare"] if init == "from-base" else None
    student, prov = build_student(teacher, init=init, layer_map=layer_map,
                                  num_layers=num_layers, base=base, seed=3)
    assert type(student) is type(teacher)
    assert student.config.num_hidden_layers == num_layers
    assert student.config.hidden_size == teacher.config.hidden_size
    assert teacher.config.num_hidden_layers == TEACHER_LAYERS  # teacher untouched
    resolved = resolve_layer_map(layer_map, TEACHER_LAYERS, num_layers)
    _check(student, prov, {"teacher": teacher, "base": z["base_bare"]}, resolved)
    table = provenance_table(prov, student)
    counts = table["source"].value_counts().to_dict()
    source = INIT_SOURCE[init]  # "teacher", "base" or None: the model copied from
    if source is None:
        assert counts == {"init": len(prov)}
    else:
        assert counts.get(source, 0) > 0 and set(counts) <= {source, "init"}
        layer_rows = table[table["part"] == "layer"]
        assert (layer_rows["source"] == source).all()
        assert sorted(set(layer_rows["source_layer"])) == sorted(resolved)
        assert (table[table["part"] == "embeddings"]["source"] == source).all()
        head = table[table["part"] == "head"]
        assert len(head) > 0
        assert (head["source"] == ("teacher" if init == "from-teacher" else "init")).all()
    logits = student.eval()(**_inputs()).logits
    assert logits.shape == (2, 3) and torch.isfinite(logits).all()


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("kind", ["teacher", "tagger"])
def test_full_copy_reproduces_teacher_exactly(zoo, family, kind):
    teacher = zoo[family][kind]
    student, prov = build_student(teacher, init="from-teacher", layer_map="first_k",
                                  num_layers=TEACHER_LAYERS, head="copy")
    assert all(v is not None for v in prov.values())
    student.eval()
    with torch.no_grad():
        assert torch.equal(student(**_inputs()).logits, teacher(**_inputs()).logits)
    # the reinit head changes the output: the test above can fail
    other, _ = build_student(teacher, init="from-teacher", layer_map="first_k",
                             num_layers=TEACHER_LAYERS, head="reinit")
    with torch.no_grad():
        assert not torch.equal(other.eval()(**_inputs()).logits, teacher(**_inputs()).logits)


@pytest.mark.parametrize("family", FAMILIES)
def test_base_as_bare_or_task_model_gives_same_copies(zoo, family):
    z = zoo[family]
    a, pa = build_student(z["teacher"], init="from-base", layer_map="alternate", num_layers=3,
                          base=z["base_bare"])
    b, pb = build_student(z["teacher"], init="from-base", layer_map="alternate", num_layers=3,
                          base=z["base_task"])
    # (the task-model base's own head is freshly initialized too, so fresh student tensors
    # are compared with the teacher and the pretrained base only)
    _check(b, pb, {"teacher": z["teacher"], "base": z["base_task"]}, [0, 2, 4],
           fresh_vs=[z["teacher"], z["base_bare"]])
    prefix = z["teacher"].base_model_prefix
    for name, src in pa.items():
        if src is not None:
            assert pb[name].startswith(f"base:{prefix}.")
            assert src == "base:" + pb[name][len(f"base:{prefix}."):]  # bare: prefix stripped
            assert torch.equal(dict(a.named_parameters())[name], dict(b.named_parameters())[name])


def test_head_copy_from_base(zoo):
    z = zoo["bert"]
    student, prov = build_student(z["teacher"], init="from-base", layer_map="first_k", num_layers=2,
                                  base=z["base_bare"], head="copy")
    # BERT's pooler is pretrained and lives in the bare encoder; the classifier does not.
    assert prov["bert.pooler.dense.weight"] == "base:pooler.dense.weight"
    assert prov["classifier.weight"] is None
    auto, prov_auto = build_student(z["teacher"], init="from-base", layer_map="first_k", num_layers=2,
                                    base=z["base_bare"])
    assert prov_auto["bert.pooler.dense.weight"] is None


def test_seed_controls_fresh_init(zoo):
    t = zoo["xlmr"]["teacher"]
    a, _ = build_student(t, init="from-scratch", layer_map="alternate", num_layers=2, seed=0)
    b, _ = build_student(t, init="from-scratch", layer_map="alternate", num_layers=2, seed=0)
    c, _ = build_student(t, init="from-scratch", layer_map="alternate", num_layers=2, seed=1)
    wa, wb, wc = (m.get_input_embeddings().weight for m in (a, b, c))
    assert torch.equal(wa, wb) and not torch.equal(wa, wc)
    state = torch.random.get_rng_state()
    build_student(t, init="from-scratch", layer_map="alternate", num_layers=2, seed=5)
    assert torch.equal(state, torch.random.get_rng_state())  # global RNG untouched


def test_named_layer_maps_12_to_6():
    expected = {"alternate": [0, 2, 4, 6, 8, 10], "last_of_block": [1, 3, 5, 7, 9, 11],
                "first_k": [0, 1, 2, 3, 4, 5], "last_k": [6, 7, 8, 9, 10, 11],
                "first_last": [0, 1, 2, 9, 10, 11], "distilbert": [0, 2, 4, 7, 9, 11],
                "reversed": [11, 9, 7, 5, 3, 1]}
    assert set(expected) | {"random"} == set(LAYER_MAPS)  # random: tests/test_open_questions.py
    for name, layers in expected.items():
        assert resolve_layer_map(name, 12, 6) == layers, name
    assert resolve_layer_map("last_of_block", 12, 4) == [2, 5, 8, 11]
    assert resolve_layer_map("alternate", 12, 4) == [0, 3, 6, 9]


@pytest.mark.parametrize("name", LAYER_MAPS)
def test_named_layer_maps_all_sizes(name):
    for t in range(1, 25):
        for s in range(1, t + 1):
            layers = resolve_layer_map(name, t, s)
            assert len(layers) == s and len(set(layers)) == s
            assert min(layers) >= 0 and max(layers) < t
            if name == "reversed":  # the one named map that runs top-down on purpose
                assert layers == sorted(layers, reverse=True)
                layers = layers[::-1]
            assert layers == sorted(layers)
            if s == t:
                assert layers == list(range(t))


def test_unsorted_list_warns_but_works(zoo):
    with pytest.warns(UserWarning, match="not sorted"):
        assert resolve_layer_map([3, 1], 6, 2) == [3, 1]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert resolve_layer_map([1, 3], 6, 2) == [1, 3]
    with pytest.warns(UserWarning):
        student, prov = build_student(zoo["bert"]["teacher"], init="from-teacher", layer_map=[4, 0],
                                      num_layers=2)
    assert prov["bert.encoder.layer.0.output.dense.weight"] == "teacher:bert.encoder.layer.4.output.dense.weight"


@pytest.mark.parametrize("kwargs, param", [
    ({"init": "pretrained"}, "init"),
    ({"init": None}, "init"),
    ({"head": "keep"}, "head"),
    ({"init": "from-scratch", "head": "copy"}, "head"),
    ({"layer_map": "every_other"}, "layer_map"),
    ({"layer_map": [0, 6]}, "layer_map"),          # index out of range
    ({"layer_map": [-1, 2]}, "layer_map"),         # negative index
    ({"layer_map": [1, 1]}, "layer_map"),          # repeated
    ({"layer_map": [0, 1, 2]}, "layer_map"),       # length != num_layers
    ({"layer_map": []}, "layer_map"),              # empty
    ({"layer_map": [0.0, 1.0]}, "layer_map"),
    ({"layer_map": 3}, "layer_map"),
    ({"num_layers": 7}, "num_layers"),             # more than the teacher has
    ({"num_layers": 0}, "num_layers"),
    ({"num_layers": 2.0}, "num_layers"),
    ({"init": "from-base"}, "base"),               # base missing
    ({"init": "from-base", "base": "xlm-roberta-base"}, "base"),
    ({"init": "teacher"}, "init"),                 # the teacher is a role, not an init
    ({"seed": -1}, "seed"),
])
def test_bad_input(zoo, kwargs, param):
    args = {"init": "from-teacher", "layer_map": "alternate", "num_layers": 2, **kwargs}
    with pytest.raises(KitError, match=param):
        build_student(zoo["bert"]["teacher"], **args)


def test_base_must_match_teacher(zoo):
    teacher = zoo["bert"]["teacher"]
    other_family = zoo["xlmr"]["base_bare"]
    with pytest.raises(KitError, match="base"):
        build_student(teacher, init="from-base", base=other_family, layer_map="first_k", num_layers=2)
    bigger = AutoModel.from_pretrained(zoo["bert"]["folder"])
    bigger.resize_token_embeddings(bigger.config.vocab_size + 5)
    with pytest.raises(KitError, match="apply_vocab_map"):
        build_student(teacher, init="from-base", base=bigger, layer_map="first_k", num_layers=2)


def test_unsupported_family(tmp_path):
    from transformers import DistilBertConfig, DistilBertForSequenceClassification

    model = DistilBertForSequenceClassification(DistilBertConfig(
        vocab_size=50, dim=16, n_layers=2, n_heads=2, hidden_dim=32, max_position_embeddings=32))
    with pytest.raises(KitError, match="teacher"):
        build_student(model, init="from-teacher", layer_map="first_k", num_layers=1)
    with pytest.raises(KitError, match="teacher"):
        build_student(torch.nn.Linear(2, 2), init="from-teacher", layer_map="first_k", num_layers=1)


def test_provenance_table_rejects_foreign_provenance(zoo):
    s, prov = build_student(zoo["bert"]["teacher"], init="from-teacher", layer_map="first_k", num_layers=2)
    broken = dict(prov)
    broken.pop(next(iter(broken)))
    with pytest.raises(KitError, match="provenance"):
        provenance_table(broken, s)
    table = provenance_table(prov, s)
    assert list(table.columns) == ["name", "part", "student_layer", "source", "source_name",
                                   "source_layer", "shape", "numel"]
    assert table["numel"].sum() == sum(p.numel() for p in s.parameters())


def test_dtype_mode_and_attention_follow_teacher(zoo):
    folder = zoo["deberta"]["folder"]
    teacher = AutoModelForSequenceClassification.from_pretrained(
        folder, num_labels=3, dtype=torch.bfloat16, attn_implementation="eager").train()
    student, prov = build_student(teacher, init="from-teacher", layer_map="last_k", num_layers=2)
    assert student.dtype == torch.bfloat16 and student.training
    assert student.config._attn_implementation == "eager"
    src = dict(teacher.named_parameters())
    for name, p in student.named_parameters():
        assert torch.equal(p, src[prov[name].split(":", 1)[1]])
    out = student.eval()(**_inputs(), output_attentions=True)
    assert len(out.attentions) == 2


def test_bare_encoder_teacher(zoo):
    teacher = _finetune_noise(AutoModel.from_pretrained(zoo["xlmr"]["folder"]), 4)
    student, prov = build_student(teacher, init="from-base", base=zoo["xlmr"]["base_task"],
                                  layer_map="first_last", num_layers=2)
    assert prov["encoder.layer.1.output.dense.weight"] == "base:roberta.encoder.layer.5.output.dense.weight"
    _check(student, prov, {"teacher": teacher, "base": zoo["xlmr"]["base_task"]}, [0, 5],
           fresh_vs=[teacher, zoo["xlmr"]["base_bare"]])
