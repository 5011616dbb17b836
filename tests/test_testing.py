"""kitlib.testing: tiny backbones load like hub models, are deterministic; tiny data is sane."""
from __future__ import annotations

import pytest
import torch
from transformers import (AutoModel, AutoModelForSequenceClassification,
                          AutoModelForTokenClassification, AutoTokenizer)

from kitlib.errors import KitError
from kitlib.testing import (FAMILIES, TINY_LANGUAGES, make_tiny_backbone, sample_text,
                            tiny_task_data)

EXPECTED = {
    "bert": ("BertModel", "bert"),
    "xlmr": ("XLMRobertaModel", "xlm-roberta"),
    "deberta": ("DebertaV2Model", "deberta-v2"),
}


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    return {fam: make_tiny_backbone(fam, tmp_path_factory.mktemp(fam)) for fam in FAMILIES}


@pytest.mark.parametrize("family", FAMILIES)
def test_loads_like_a_hub_model(folders, family):
    folder = folders[family]
    model = AutoModel.from_pretrained(folder)
    tok = AutoTokenizer.from_pretrained(folder)
    cls_name, model_type = EXPECTED[family]
    assert type(model).__name__ == cls_name
    assert model.config.model_type == model_type
    assert model.config.num_hidden_layers == 4 and model.config.hidden_size == 32
    assert model.config.vocab_size == len(tok)
    assert tok.is_fast
    for attr in ("pad_token_id", "cls_token_id", "sep_token_id", "unk_token_id"):
        assert isinstance(getattr(tok, attr), int)
    enc = tok(["Anna works in Москва", "张伟 在 北京"], padding=True, return_tensors="pt")
    out = model(**enc)
    assert out.last_hidden_state.shape[-1] == 32
    seq = AutoModelForSequenceClassification.from_pretrained(folder, num_labels=3)
    assert seq(**enc).logits.shape == (2, 3)
    tagger = AutoModelForTokenClassification.from_pretrained(folder, num_labels=7)
    assert tagger(**enc).logits.shape[-1] == 7


def test_deberta_is_mdeberta_like(folders):
    cfg = AutoModel.from_pretrained(folders["deberta"]).config
    assert cfg.relative_attention and not cfg.position_biased_input
    assert list(cfg.pos_att_type) == ["p2c", "c2p"]
    assert cfg.norm_rel_ebd == "layer_norm" and cfg.position_buckets > 0


@pytest.mark.parametrize("family", FAMILIES)
def test_tokenizer_covers_every_script(folders, family):
    tok = AutoTokenizer.from_pretrained(folders[family])
    for lang in TINY_LANGUAGES:
        data = tiny_task_data("tagging", languages=[lang], n_train=4, n_eval=2)
        for ex in data.train:
            enc = tok([list(ex.tokens)], is_split_into_words=True)
            ids = enc["input_ids"][0]
            assert tok.unk_token_id not in ids, (lang, ex.tokens)
            # every word starts with a sub-word: word_ids cover 0..n-1
            assert {w for w in enc.word_ids(0) if w is not None} == set(range(len(ex.tokens)))


@pytest.mark.parametrize("family", FAMILIES)
def test_deterministic(tmp_path, family):
    a = make_tiny_backbone(family, tmp_path / "a", num_layers=2)
    b = make_tiny_backbone(family, tmp_path / "b", num_layers=2)
    c = make_tiny_backbone(family, tmp_path / "c", num_layers=2, seed=1)
    files = sorted(p.name for p in a.iterdir())
    assert "tokenizer.json" in files and "model.safetensors" in files
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    wa = AutoModel.from_pretrained(a).get_input_embeddings().weight
    wc = AutoModel.from_pretrained(c).get_input_embeddings().weight
    assert not torch.equal(wa, wc)


def test_backbone_options_and_errors(tmp_path):
    folder = make_tiny_backbone("bert", tmp_path / "m", num_layers=3, hidden=16, heads=2,
                                intermediate=24)
    cfg = AutoModel.from_pretrained(folder).config
    assert (cfg.num_hidden_layers, cfg.hidden_size, cfg.num_attention_heads,
            cfg.intermediate_size) == (3, 16, 2, 24)
    with pytest.raises(KitError, match="family"):
        make_tiny_backbone("gpt2", tmp_path / "x")
    with pytest.raises(KitError, match="heads"):
        make_tiny_backbone("bert", tmp_path / "x", hidden=30, heads=4)
    with pytest.raises(KitError, match="num_layers"):
        make_tiny_backbone("bert", tmp_path / "x", num_layers=0)


def test_sample_text_has_all_scripts():
    text = " ".join(sample_text())
    ranges = {"latin": ("a", "z"), "cyrillic": ("\u0400", "\u04ff"), "arabic": ("\u0600", "\u06ff"),
              "devanagari": ("\u0900", "\u097f"), "cjk": ("\u4e00", "\u9fff")}
    for script, (lo, hi) in ranges.items():
        assert any(lo <= ch <= hi for ch in text), script


@pytest.mark.parametrize("task", ["classification", "tagging"])
def test_tiny_task_data(task):
    data = tiny_task_data(task, languages=("en", "ru", "zh"), n_train=6, n_eval=3,
                          train_languages=["en", "ru"])
    assert data.task == task
    assert [ex.lang for ex in data.train].count("en") == 6 and len(data.train) == 12
    assert len(data.dev) == 9 and len(data.test) == 9
    assert data.unseen_languages == ["zh"]
    ids = [ex.id for ex in (*data.train, *data.dev, *data.test)]
    assert len(ids) == len(set(ids))
    for ex in (*data.train, *data.dev, *data.test):
        if task == "classification":
            assert ex.text and 0 <= ex.label < len(data.label_names)
        else:
            assert len(ex.tokens) == len(ex.tags)
            names = [data.label_names[t] for t in ex.tags]
            for prev, cur in zip(["O"] + names, names):  # valid BIO2
                if cur.startswith("I-"):
                    assert prev[2:] == cur[2:], names
    if task == "tagging":
        all_tags = {data.label_names[t] for ex in data.train for t in ex.tags}
        assert {"B-PER", "B-ORG", "B-LOC", "O"} <= all_tags
    else:
        assert {ex.label for ex in data.train} == set(range(len(data.label_names)))
    again = tiny_task_data(task, languages=("en", "ru", "zh"), n_train=6, n_eval=3,
                           train_languages=["en", "ru"])
    assert again.fingerprint() == data.fingerprint()
    other = tiny_task_data(task, languages=("en", "ru", "zh"), n_train=6, n_eval=3,
                           train_languages=["en", "ru"], seed=1)
    assert other.fingerprint() != data.fingerprint()


@pytest.mark.parametrize("kwargs, param", [
    ({"task": "qa"}, "task"),
    ({"languages": ["xx"]}, "languages"),
    ({"languages": []}, "languages"),
    ({"n_train": 0}, "n_train"),
    ({"train_languages": ["ar"]}, "train_languages"),
])
def test_tiny_task_data_errors(kwargs, param):
    with pytest.raises(KitError, match=param):
        tiny_task_data(**kwargs)
