"""Tweet files as real exports hold them, from the file to the token ids the model sees.

tests/test_data_realfiles.py checks what the loaders read; this file follows real tweet
content one step further, through ``kitlib.train.encode`` (what a run feeds the model): a
very long tweet is cut to ``max_length`` and still ends with the end-of-sequence token, an
emoji-only or URL-only tweet is a text (not an empty one), and files concatenated from two
exports (a BOM in the middle, CR-only line ends of old Mac exports) read like clean ones.
All texts are invented for these tests.
"""
from __future__ import annotations

import json
import warnings

import pytest
from transformers import AutoTokenizer

from kitlib.data import load
from kitlib.testing import make_tiny_backbone
from kitlib.train import encode

LONG_HINDI = "आज का मैच बहुत लंबा था और बारिश भी हुई " * 60  # ~2,300 characters
ROWS = [
    {"text": "@user @user this is 🔥🔥 https://t.co/Zz9 #matchday", "label": 2},
    {"text": "😡😡😡", "label": "negative"},
    {"text": "https://t.co/OnlyALink", "label": 1},
    {"text": LONG_HINDI, "label": "neutral"},
    {"text": " \t ", "label": 0},  # whitespace only: dropped with a warning
]


@pytest.fixture(scope="module")
def tok(tmp_path_factory):
    folder = make_tiny_backbone("xlmr", tmp_path_factory.mktemp("xlmr"), num_layers=1)
    return AutoTokenizer.from_pretrained(folder)


def _write(folder, train: bytes):
    lang = folder / "data" / "hindi"
    lang.mkdir(parents=True)
    (lang / "train.jsonl").write_bytes(train)
    for split in ("validation", "test"):
        (lang / f"{split}.jsonl").write_text('{"text": "ठीक है", "label": 1}\n', encoding="utf-8")
    return folder


def _lines(rows) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in rows]


def _load(folder):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = load("tsm", data_dir=folder)
    return data, [str(w.message) for w in caught if issubclass(w.category, UserWarning)]


def test_real_tweet_content_reaches_the_model_as_written_and_long_ones_are_cut(tmp_path, tok):
    root = _write(tmp_path, ("\n".join(_lines(ROWS)) + "\n").encode("utf-8"))
    data, warned = _load(root)
    assert [ex.text for ex in data.train] == [r["text"] for r in ROWS[:4]]
    assert [data.label_names[ex.label] for ex in data.train] == ["positive", "negative", "neutral",
                                                                 "neutral"]
    assert len(warned) == 1 and "line 5" in warned[0]
    enc = encode(data.train, tok, "classification", max_length=64)
    lengths = [len(e["input_ids"]) for e in enc]
    assert lengths[3] == 64  # the long tweet is cut at tokenization, not in the loader
    assert all(e["input_ids"][-1] == tok.eos_token_id for e in enc)  # cut texts still end with </s>
    assert all(n > 2 for n in lengths)  # emoji-only and URL-only tweets carry tokens


def test_concatenated_exports_with_a_mid_file_bom_and_cr_line_ends(tmp_path):
    """Two exports pasted together: the second starts with its own BOM; old Mac CR endings."""
    first, second = _lines(ROWS[:2]), _lines(ROWS[2:4])
    body = "\r".join(first) + "\r" + "\ufeff" + "\r".join(second) + "\r"
    root = _write(tmp_path, b"\xef\xbb\xbf" + body.encode("utf-8"))
    data, warned = _load(root)
    assert warned == []
    assert [ex.text for ex in data.train] == [r["text"] for r in ROWS[:4]]
    assert [ex.id for ex in data.train] == [f"hindi/train/{i}" for i in range(4)]
    assert all("\ufeff" not in ex.text and "\r" not in ex.text for ex in data.train)
