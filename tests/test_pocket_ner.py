"""pocket-ner: sizes, BIO2 validity, and that test (and dev) share neither sentence
templates nor entity names with train."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from kitlib.data.pocket import generate
from kitlib.data.pocket import ner_gen
from kitlib.errors import KitError

REQUIRED = {"en", "de", "es", "pt", "sv", "ru", "zh", "ja"}


@pytest.fixture(scope="module")
def data():
    return generate("pocket-ner")


def by_lang(examples):
    out = defaultdict(list)
    for ex in examples:
        out[ex.lang].append(ex)
    return out


def bio2_errors(tags: list[str]) -> list[int]:
    """Positions of I-X tags not preceded by B-X or I-X (what BIO2 forbids)."""
    bad = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-"):
            prev = tags[i - 1] if i else "O"
            if prev == "O" or prev[2:] != tag[2:]:
                bad.append(i)
    return bad


def test_bio2_checker_can_fail():
    assert bio2_errors(["O", "I-PER"]) == [1]
    assert bio2_errors(["B-ORG", "I-PER"]) == [1]
    assert bio2_errors(["B-PER", "I-PER", "O", "B-LOC"]) == []


def test_shape_languages_and_labels(data):
    assert data.name == "pocket-ner"
    assert data.task == "tagging"
    assert data.label_names == ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
    assert REQUIRED <= set(data.languages)
    assert data.seen == ["en", "de", "ru", "zh"]
    for split in ("train", "dev", "test"):
        assert {ex.lang for ex in data.splits[split]} == set(data.languages)


def test_sizes_per_language(data):
    for split, minimum in (("train", 200), ("dev", 50), ("test", 150)):
        for lang, examples in by_lang(data.splits[split]).items():
            assert len(examples) >= minimum, (split, lang, len(examples))


def test_tokens_tags_and_bio2(data):
    names = data.label_names
    ids = [ex.id for split in data.splits.values() for ex in split]
    assert len(ids) == len(set(ids))
    for split, examples in data.splits.items():
        for ex in examples:
            assert re.fullmatch(rf"ner-{ex.lang}-{split}-\d{{5}}", ex.id), ex.id
            assert ex.text is None and ex.label is None
            assert isinstance(ex.tokens, tuple) and isinstance(ex.tags, tuple)
            assert len(ex.tokens) == len(ex.tags) > 0
            assert all(tok and not re.search(r"\s|[{}]", tok) for tok in ex.tokens), ex.tokens
            assert all(0 <= t < len(names) for t in ex.tags)
            tags = [names[t] for t in ex.tags]
            assert not bio2_errors(tags), (ex.tokens, tags)
            # one B- tag per recorded entity
            assert sum(t.startswith("B-") for t in tags) == len(data.sources[ex.id]["entities"])


def test_every_tag_occurs_and_some_sentences_have_no_entity(data):
    for lang, examples in by_lang(data.splits["train"]).items():
        assert any(set(ex.tags) == {0} for ex in examples), lang
        assert {1, 3, 5} <= {t for ex in examples for t in ex.tags}, lang
    for split in ("train", "test"):
        used = {data.label_names[t] for ex in data.splits[split] for t in ex.tags}
        assert used == set(data.label_names), (split, used)


def test_no_template_or_entity_shared_between_splits(data):
    templates = {s: {data.sources[ex.id]["template"] for ex in exs} for s, exs in data.splits.items()}
    entities = {s: {(ex.lang, name) for ex in exs for name in data.sources[ex.id]["entities"]}
                for s, exs in data.splits.items()}
    for a, b in (("train", "test"), ("train", "dev"), ("dev", "test")):
        assert not templates[a] & templates[b], (a, b)
        assert not entities[a] & entities[b], (a, b, sorted(entities[a] & entities[b])[:5])
    for split in ("dev", "test"):
        assert entities[split], split


def test_entity_words_of_test_never_tagged_in_train(data):
    """Stronger than names: no test entity string (as tokens) appears as an entity in train."""
    def spans(ex):
        out, current = [], []
        for tok, tag in zip(ex.tokens, (data.label_names[t] for t in ex.tags)):
            if tag.startswith("B-"):
                if current:
                    out.append(" ".join(current))
                current = [tok]
            elif tag.startswith("I-"):
                current.append(tok)
            elif current:
                out.append(" ".join(current))
                current = []
        if current:
            out.append(" ".join(current))
        return out

    train = {(ex.lang, s) for ex in data.splits["train"] for s in spans(ex)}
    test = {(ex.lang, s) for ex in data.splits["test"] for s in spans(ex)}
    assert test and not train & test, sorted(train & test)[:5]


def test_deterministic(data):
    again = ner_gen.generate()
    assert again.splits == data.splits
    assert again.sources == data.sources


def test_size_scales_fills():
    small = generate("pocket-ner", size=1)
    big = generate("pocket-ner", size=2)
    for split in ("train", "test"):
        assert len(big.splits[split]) > len(small.splits[split])
    # nested: a larger size keeps every example of the smaller one (ids aside)
    def content(ex):
        return (ex.lang, ex.text, ex.tokens, ex.label, ex.tags)

    for split in ("train", "dev", "test"):
        assert {content(ex) for ex in small.splits[split]} <= {content(ex) for ex in big.splits[split]}


@pytest.mark.parametrize("size", [0, -3, 2.0, None])
def test_bad_size_is_a_kit_error(size):
    with pytest.raises(KitError, match="size"):
        ner_gen.generate(size=size)
