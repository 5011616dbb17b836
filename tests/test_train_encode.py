"""encode / make_batches: true lengths, first-sub-word labels, dynamic padding, seeded order."""
from __future__ import annotations

import pytest
import torch
from transformers import AutoTokenizer

from kitlib.data.types import Example
from kitlib.errors import KitError
from kitlib.testing import make_tiny_backbone, tiny_task_data
from kitlib.train import encode, make_batches
from kitlib.train.batching import batch_indices


@pytest.fixture(scope="module")
def tok(tmp_path_factory):
    folder = make_tiny_backbone("xlmr", tmp_path_factory.mktemp("xlmr"), num_layers=1)
    return AutoTokenizer.from_pretrained(folder)


def test_classification_encode_keeps_true_length(tok):
    data = tiny_task_data("classification")
    enc = encode(data.train, tok, "classification", max_length=128)
    assert [e["index"] for e in enc] == list(range(len(data.train)))
    assert enc[3]["input_ids"] == tok(data.train[3].text)["input_ids"]
    assert enc[3]["labels"] == data.train[3].label
    short = encode(data.train, tok, "classification", max_length=5)
    assert max(len(e["input_ids"]) for e in short) == 5


def test_tagging_labels_on_first_subword_only(tok):
    ex = Example("x", "en", tokens=("Anna", "Smithsonianish", "works"), tags=(1, 2, 0))
    enc = encode([ex], tok, "tagging")[0]
    words = tok([list(ex.tokens)], is_split_into_words=True).word_ids(0)
    assert len(enc["labels"]) == len(enc["input_ids"]) == len(words)
    expect, prev = [], None
    for w in words:
        expect.append(-100 if w is None or w == prev else ex.tags[w])
        prev = w
    assert enc["labels"] == expect
    assert len([w for w in words if w == 1]) > 1  # the long word really is split
    assert enc["words"] == [0, 1, 2]
    assert [enc["labels"][p] for p in enc["starts"]] == [1, 2, 0]


def test_bad_encode_inputs(tok):
    with pytest.raises(KitError, match="task"):
        encode([], tok, "ner")
    with pytest.raises(KitError, match="tokens"):
        encode([Example("a", "en", text="hi", label=0)], tok, "tagging")


def test_batches_dynamic_padding_int64_and_index():
    items = [{"input_ids": list(range(1, n + 1)), "labels": 0, "index": i}
             for i, n in enumerate([3, 9, 4, 9, 2, 5, 7, 8])]
    batches = list(make_batches(items, 3, shuffle=True, seed=1, pad_id=0))
    seen = sorted(i for b in batches for i in b["index"].tolist())
    assert seen == list(range(8))
    for b in batches:
        assert b["input_ids"].dtype == torch.int64
        lengths = [len(items[i]["input_ids"]) for i in b["index"].tolist()]
        assert b["input_ids"].shape[1] == max(lengths)  # padded to its own longest only
        assert b["attention_mask"].sum(1).tolist() == lengths


def test_large_ids_survive():
    items = [{"input_ids": [0, 250001, 2], "labels": [-100, 3, -100], "index": 0}]
    b = next(make_batches(items, 4, shuffle=False, pad_id=1))
    assert b["input_ids"][0, 1].item() == 250001
    assert b["labels"].tolist() == [[-100, 3, -100]]


def test_length_grouping_is_seeded_and_grouped():
    lengths = [((i * 37) % 50) + 1 for i in range(400)]
    a = batch_indices(lengths, 8, shuffle=True, seed=3)
    assert a == batch_indices(lengths, 8, shuffle=True, seed=3)
    assert a != batch_indices(lengths, 8, shuffle=True, seed=4)
    # sorted within a bucket: the spread of lengths within a batch is small
    spread = sum(max(lengths[i] for i in b) - min(lengths[i] for i in b) for b in a) / len(a)
    assert spread < 5


def test_bad_batch_size():
    with pytest.raises(KitError, match="batch_size"):
        batch_indices([1, 2], 0, shuffle=False, seed=0)
