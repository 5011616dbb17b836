"""Vocabulary trimming on the three tiny families: same outputs on kept text, fewer parameters,
a tokenizer that behaves like the original one with remapped ids, and save/load."""
from __future__ import annotations

import copy

import pytest
import torch

from kitlib.errors import KitError
from kitlib.models import apply_vocab_map, load_backbone, load_task_model, resolve_backbone, trim_vocabulary
from kitlib.models import load_tokenizer
from kitlib.models.trim import TrimmedTokenizer, load_trimmed_tokenizer
from kitlib.testing import tiny_task_data

NAMES = ["tiny-bert", "tiny-xlmr", "tiny-deberta"]


def _data():
    cls = tiny_task_data("classification", languages=("en", "ru", "zh"))
    tag = tiny_task_data("tagging", languages=("de", "ar"))
    return cls, tag


@pytest.fixture(params=NAMES)
def trimmed(request):
    encoder, tok = load_backbone(request.param)
    reference, _ = load_backbone(request.param)
    cls, tag = _data()
    texts = cls.texts() + tag.texts()
    result = trim_vocabulary(encoder, tok, texts)
    return request.param, reference, tok, result, cls, tag


def _hidden(model, enc):
    with torch.no_grad():
        return model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state


def test_outputs_identical_on_kept_text(trimmed):
    _, reference, tok, result, cls, tag = trimmed
    texts = [ex.text for ex in cls.dev]
    words = [list(ex.tokens) for ex in tag.test]
    for args, kwargs in (((texts,), {}), ((words,), {"is_split_into_words": True})):
        old = tok(*args, padding=True, truncation=True, max_length=32, return_tensors="pt", **kwargs)
        new = result.tokenizer(*args, padding=True, truncation=True, max_length=32,
                               return_tensors="pt", **kwargs)
        assert not torch.equal(old["input_ids"], new["input_ids"])  # ids really were remapped
        assert torch.equal(old["attention_mask"], new["attention_mask"])
        torch.testing.assert_close(_hidden(result.model, new), _hidden(reference, old), rtol=0, atol=0)
        for i in range(len(args[0])):
            assert new.word_ids(i) == old.word_ids(i)


def test_parameter_counts_and_config(trimmed):
    _, reference, tok, result, _, _ = trimmed
    dim = reference.config.hidden_size
    rows = reference.get_input_embeddings().num_embeddings
    kept = len(result.vocab_map)
    assert result.params_before == sum(p.numel() for p in reference.parameters())
    assert result.params_after == result.params_before - (rows - kept) * dim
    assert result.params_after == sum(p.numel() for p in result.model.parameters())
    assert result.model.config.vocab_size == kept == len(result.tokenizer)
    assert kept < rows
    assert result.model.get_input_embeddings().weight.shape == (kept, dim)


def test_tokenizer_contract(trimmed):
    _, _, tok, result, cls, _ = trimmed
    new = result.tokenizer
    kept = result.vocab_map.kept
    for attr in ("pad_token_id", "cls_token_id", "sep_token_id", "unk_token_id"):
        old_id = getattr(tok, attr)
        assert kept[getattr(new, attr)] == old_id
    text = cls.train[0].text
    old_ids = tok(text)["input_ids"]
    new_ids = new(text, truncation=True, max_length=64)["input_ids"]
    assert [kept[i] for i in new_ids] == old_ids
    assert new.convert_ids_to_tokens(new_ids) == tok.convert_ids_to_tokens(old_ids)
    assert new.decode(new_ids, skip_special_tokens=True) == tok.decode(old_ids, skip_special_tokens=True)
    # a piece outside the kept text becomes the unknown token
    unseen = "Quixotic zephyrs jeopardize vexing wombats"
    ids = new(unseen)["input_ids"]
    dropped = [o for o in tok(unseen)["input_ids"] if o not in set(kept)]
    assert dropped and ids.count(new.unk_token_id) >= len(dropped)
    assert max(ids) < len(new)


def test_save_and_load_roundtrip(trimmed, tmp_path):
    _, _, _, result, cls, tag = trimmed
    folder = tmp_path / "teacher"
    result.tokenizer.save_pretrained(folder)
    assert not (folder / "tokenizer.json").exists()  # AutoTokenizer cannot pick untrimmed ids
    for loaded in (load_trimmed_tokenizer(folder), load_tokenizer(folder)):
        assert isinstance(loaded, TrimmedTokenizer)
        assert len(loaded) == len(result.tokenizer)
        texts = [ex.text for ex in cls.test]
        assert loaded(texts)["input_ids"] == result.tokenizer(texts)["input_ids"]
        words = [list(ex.tokens) for ex in tag.dev]
        assert (loaded(words, is_split_into_words=True)["input_ids"]
                == result.tokenizer(words, is_split_into_words=True)["input_ids"])


@pytest.mark.parametrize("name", NAMES)
def test_apply_vocab_map_to_task_model(name):
    encoder, tok = load_backbone(name)
    result = trim_vocabulary(encoder, tok, tiny_task_data("classification").texts())
    model = load_task_model(resolve_backbone(name), "classification", 3)
    assert apply_vocab_map(model, result.vocab_map) is model
    torch.testing.assert_close(model.get_input_embeddings().weight,
                               result.model.get_input_embeddings().weight, rtol=0, atol=0)
    assert model.config.vocab_size == len(result.vocab_map)
    model(**result.tokenizer(["set an alarm for six"], return_tensors="pt"))
    with pytest.raises(KitError, match="already trimmed"):
        apply_vocab_map(model, result.vocab_map)


def test_tied_output_layer_is_trimmed():
    from transformers import AutoModelForMaskedLM

    ref = resolve_backbone("tiny-bert")
    model = AutoModelForMaskedLM.from_pretrained(ref.path, tie_word_embeddings=True).eval()
    reference = copy.deepcopy(model)  # the MLM head is random: compare against the same one
    tok = load_tokenizer(ref)
    texts = ["Anna Smith works for Acme Bank in London ."]
    result = trim_vocabulary(model, tok, texts)
    assert model.get_output_embeddings().weight is model.get_input_embeddings().weight
    kept = torch.tensor(result.vocab_map.kept)
    with torch.no_grad():
        old = reference(**tok(texts, return_tensors="pt")).logits[..., kept]
        new = model(**result.tokenizer(texts, return_tensors="pt")).logits
    torch.testing.assert_close(new, old)


def test_bad_inputs():
    encoder, tok = load_backbone("tiny-bert")
    for bad in ([], "just a string", [1, 2], None):
        with pytest.raises(KitError, match="texts"):
            trim_vocabulary(encoder, tok, bad)
    result = trim_vocabulary(encoder, tok, ["hello"])
    with pytest.raises(KitError, match="tokenizer"):
        trim_vocabulary(encoder, result.tokenizer, ["hello"])
    with pytest.raises(KitError, match="vocab_map"):
        apply_vocab_map(encoder, {"kept": [0, 1]})
