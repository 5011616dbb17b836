"""pocket-sentiment: sizes, balance, disjoint templates, determinism, and that keywords alone
do not decide the label (negation, contrast and hedging move opinion words across labels)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from kitlib.data.pocket import generate
from kitlib.data.pocket import sentiment_gen
from kitlib.errors import KitError

REQUIRED = {"en", "es", "de", "fr", "pt", "it", "ar", "hi"}


@pytest.fixture(scope="module")
def data():
    return generate("pocket-sentiment")


def by_lang(examples):
    out = defaultdict(list)
    for ex in examples:
        out[ex.lang].append(ex)
    return out


def test_shape_languages_and_labels(data):
    assert data.name == "pocket-sentiment"
    assert data.task == "classification"
    assert data.label_names == ["negative", "neutral", "positive"]
    assert REQUIRED <= set(data.languages)
    assert data.seen == ["en", "es", "ar", "fr"]
    assert set(data.seen) <= set(data.languages)
    for split in ("train", "dev", "test"):
        assert {ex.lang for ex in data.splits[split]} == set(data.languages)


def test_sizes_and_label_balance_per_language(data):
    for split, minimum in (("train", 200), ("dev", 30), ("test", 150)):
        for lang, examples in by_lang(data.splits[split]).items():
            assert len(examples) >= minimum, (split, lang, len(examples))
            counts = Counter(ex.label for ex in examples)
            assert set(counts) == {0, 1, 2}, (split, lang, counts)
            assert max(counts.values()) <= 2 * min(counts.values()), (split, lang, counts)


def test_examples_are_well_formed(data):
    ids = [ex.id for split in data.splits.values() for ex in split]
    assert len(ids) == len(set(ids))
    for split, examples in data.splits.items():
        for ex in examples:
            assert re.fullmatch(rf"sentiment-{ex.lang}-{split}-\d{{5}}", ex.id), ex.id
            assert ex.text and ex.text == ex.text.strip()
            assert "{" not in ex.text and "}" not in ex.text and "  " not in ex.text, ex.text
            assert ex.label in (0, 1, 2) and ex.tokens is None and ex.tags is None
            assert data.sources[ex.id]["template"].startswith(f"{ex.lang}/")


def test_no_template_or_text_shared_between_splits(data):
    templates = {s: {data.sources[ex.id]["template"] for ex in exs} for s, exs in data.splits.items()}
    texts = {s: {(ex.lang, ex.text) for ex in exs} for s, exs in data.splits.items()}
    for a, b in (("train", "test"), ("train", "dev"), ("dev", "test")):
        assert not templates[a] & templates[b], (a, b)
        assert not texts[a] & texts[b], (a, b)


def test_test_templates_are_the_last_of_each_label(data):
    for lang in data.languages:
        flat = sentiment_gen.template_index(sentiment_gen.load_language(lang))
        for split, examples in data.splits.items():
            for ex in examples:
                if ex.lang != lang:
                    continue
                label, _, pos = flat[int(data.sources[ex.id]["template"].split("/")[1])]
                assert data.label_names.index(label) == ex.label
                assert sentiment_gen.split_of(pos, len(sentiment_gen.load_language(lang).TEMPLATES[label])) == split


def test_deterministic(data):
    again = sentiment_gen.generate()
    assert again.splits == data.splits
    assert again.sources == data.sources


def test_size_scales_fills():
    small = generate("pocket-sentiment", size=1)
    big = generate("pocket-sentiment", size=2)
    for split in ("train", "test"):
        assert len(big.splits[split]) > len(small.splits[split])
    # nested: a larger size keeps every example of the smaller one (ids aside)
    def content(ex):
        return (ex.lang, ex.text, ex.tokens, ex.label, ex.tags)

    for split in ("train", "dev", "test"):
        assert {content(ex) for ex in small.splits[split]} <= {content(ex) for ex in big.splits[split]}


@pytest.mark.parametrize("size", [0, -1, 1.5, "2", True])
def test_bad_size_is_a_kit_error(size):
    with pytest.raises(KitError, match="size"):
        sentiment_gen.generate(size=size)
    with pytest.raises(KitError, match="size"):
        generate("pocket-sentiment", size=size)


def test_same_opinion_word_under_several_labels(data):
    en = sentiment_gen.load_language("en")
    labels_of = defaultdict(set)
    for examples in data.splits.values():
        for ex in examples:
            if ex.lang == "en":
                for word in en.GOOD + en.BAD:
                    if re.search(rf"\b{re.escape(word)}\b", ex.text, flags=re.I):
                        labels_of[word].add(ex.label)
    assert all(len(labels_of[w]) >= 2 for w in en.GOOD + en.BAD), dict(labels_of)
    assert any(len(labels) == 3 for labels in labels_of.values())
    # in every language: each opinion word under >= 2 labels, some under all three
    for lang in data.languages:
        module = sentiment_gen.load_language(lang)
        texts = [(ex.text, ex.label) for s in data.splits.values() for ex in s if ex.lang == lang]
        labels = {entry: {label for text, label in texts if any(f in text for f in entry.split("|"))}
                  for entry in module.GOOD + module.BAD}
        assert all(len(found) >= 2 for found in labels.values()), (lang, labels)
        assert any(len(found) == 3 for found in labels.values()), (lang, labels)


def test_bag_of_words_cannot_solve_english(data):
    """A keyword model trained on English train must stay clearly below perfect on test."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    train = [ex for ex in data.splits["train"] if ex.lang == "en"]
    test = [ex for ex in data.splits["test"] if ex.lang == "en"]
    vectorizer = CountVectorizer(ngram_range=(1, 1), binary=True)
    x_train = vectorizer.fit_transform([ex.text for ex in train])
    model = LogisticRegression(max_iter=2000).fit(x_train, [ex.label for ex in train])
    accuracy = model.score(vectorizer.transform([ex.text for ex in test]), [ex.label for ex in test])
    assert accuracy < 0.9, accuracy
