"""load() on the real pocket generators (those that have landed: pocket-sentiment)."""
from __future__ import annotations

from collections import Counter

import pytest

from kitlib.data import language_groups, load
from kitlib.data.pocket import generate


@pytest.fixture(scope="module")
def sentiment():
    return generate("pocket-sentiment", 1)


def test_pocket_sentiment_through_load(sentiment):
    data = load("pocket-sentiment")
    assert data.task == "classification" and data.label_names == sentiment.label_names
    assert data.languages == sentiment.languages
    assert len(data.train) == len(sentiment.splits["train"])
    ids = [ex.id for ex in data.train + data.dev + data.test]
    assert len(ids) == len(set(ids))
    groups = language_groups("pocket-sentiment")
    assert groups["seen"] == [lang for lang in sentiment.languages if lang in sentiment.seen]
    assert sorted(groups["seen"] + groups["unseen"]) == sorted(sentiment.languages)


def test_pocket_sentiment_seen_subset_and_cap(sentiment):
    full = load("pocket-sentiment", train_languages="seen")
    small = load("pocket-sentiment", train_languages="seen", subset=0.05, subset_seed=1, max_eval_per_lang=20)
    big = load("pocket-sentiment", train_languages="seen", subset=0.2, subset_seed=1)
    assert {ex.lang for ex in full.train} == set(sentiment.seen)
    assert {ex.id for ex in small.train} <= {ex.id for ex in big.train} < {ex.id for ex in full.train}
    cells = Counter((ex.lang, ex.label) for ex in full.train)
    assert Counter((ex.lang, ex.label) for ex in small.train).keys() == cells.keys()
    assert set(Counter(ex.lang for ex in small.test).values()) == {20}
