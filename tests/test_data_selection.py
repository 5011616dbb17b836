"""Nested, stratified, seeded subsets and per-language caps (kitlib.data.selection)."""
from __future__ import annotations

import math
from collections import Counter

import pytest

from kitlib.data.selection import (cap_per_language, main_entity_type, nested_subset, stratum,
                                   take_count)
from kitlib.data.types import Example

LABELS = ["a", "b", "c"]
TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]


def make_examples() -> list[Example]:
    """Unbalanced strata: en a=50, en b=30, en c=7, de a=20, de b=3, de c=1."""
    sizes = {("en", 0): 50, ("en", 1): 30, ("en", 2): 7, ("de", 0): 20, ("de", 1): 3, ("de", 2): 1}
    out = []
    for (lang, label), n in sizes.items():
        out += [Example(id=f"{lang}-{label}-{i}", lang=lang, text=f"t{i}", label=label) for i in range(n)]
    return out


def counts(examples):
    return Counter((ex.lang, LABELS[ex.label]) for ex in examples)


def test_take_count_is_ceil_with_floor_of_one():
    assert take_count(0.07, 100) == 7  # 0.07 * 100 = 7.000000000000001 in floats
    assert take_count(0.01, 50) == 1
    assert take_count(0.1, 31) == 4
    assert take_count(0.5, 1) == 1


@pytest.mark.parametrize("fraction", [0.01, 0.05, 0.1, 0.2, 0.5])
def test_subset_has_the_requested_size_and_is_proportional(fraction):
    examples = make_examples()
    sub = nested_subset(examples, fraction, seed=0, label_names=LABELS)
    full, got = counts(examples), counts(sub)
    k = math.ceil(fraction * len(examples))
    assert k <= len(sub) <= k + 1  # + at most (languages - 1) kept so no language vanishes
    for key, n in full.items():
        assert abs(got[key] - fraction * n) <= 1, (key, got[key], fraction * n)
    assert {lang for lang, _ in got} == {"en", "de"}  # every seen language stays present


def test_subset_size_is_exact_when_every_language_is_reached():
    examples = make_examples()
    for fraction in (0.1, 0.2, 0.5):  # >= 1 de item anyway: no minimum needed
        assert len(nested_subset(examples, fraction, 0, LABELS)) == math.ceil(fraction * len(examples))


def test_a_language_that_would_vanish_keeps_one_item():
    examples = make_examples() + [Example(id="xx-0-0", lang="xx", text="t", label=0)]
    sub = nested_subset(examples, 0.01, seed=0, label_names=LABELS)
    # ceil(0.01 * 112) = 2 lowest ranks are both en; de and xx keep one item each
    assert Counter(ex.lang for ex in sub) == {"en": 2, "de": 1, "xx": 1}


def test_pocket_intent_small_subsets_differ_and_are_nested():
    from kitlib.data import load

    full = load("pocket-intent")
    one, five = load("pocket-intent", subset=0.01), load("pocket-intent", subset=0.05)
    n = len(full.train)
    assert len(one.train) == math.ceil(0.01 * n) and len(five.train) == math.ceil(0.05 * n)
    assert {e.id for e in one.train} < {e.id for e in five.train}
    assert {e.lang for e in one.train} == set(full.train_languages)


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_subsets_are_nested(seed):
    examples = make_examples()
    ids = {f: {ex.id for ex in nested_subset(examples, f, seed, LABELS)} for f in (0.01, 0.05, 0.1, 0.2, 1.0)}
    assert ids[0.01] <= ids[0.05] <= ids[0.1] <= ids[0.2] <= ids[1.0]
    assert len(ids[0.01]) < len(ids[0.2]) < len(ids[1.0]) == len(examples)


def test_subset_depends_on_seed_not_on_input_order():
    examples = make_examples()
    a = [ex.id for ex in nested_subset(examples, 0.2, 3, LABELS)]
    shuffled = list(reversed(examples))
    b = [ex.id for ex in nested_subset(shuffled, 0.2, 3, LABELS)]
    assert sorted(a) == sorted(b)
    assert b == [ex.id for ex in shuffled if ex.id in set(b)]  # original order kept
    other = {ex.id for ex in nested_subset(examples, 0.2, 4, LABELS)}
    assert other != set(a)


def test_cap_per_language_is_stratified_and_nested():
    examples = make_examples()
    capped = cap_per_language(examples, 10, seed=0, label_names=LABELS)
    per_lang = Counter(ex.lang for ex in capped)
    assert per_lang == {"en": 10, "de": 10}
    got = counts(capped)
    # proportional: en is 50/30/7 -> about 6/3/1; every label of en represented
    assert got[("en", "a")] > got[("en", "b")] >= got[("en", "c")] >= 1
    small = {ex.id for ex in cap_per_language(examples, 4, 0, LABELS)}
    assert small <= {ex.id for ex in capped}
    assert cap_per_language(examples, None, 0, LABELS) == examples
    assert len(cap_per_language(examples, 1000, 0, LABELS)) == len(examples)


def test_tagging_strata_use_the_main_entity_type():
    def ex(i, lang, tags):
        return Example(id=str(i), lang=lang, tokens=tuple("w" * len(tags)), tags=tuple(TAGS.index(t) for t in tags))

    assert main_entity_type([TAGS.index(t) for t in ["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]], TAGS) == "LOC"
    assert main_entity_type([TAGS.index(t) for t in ["B-PER", "B-ORG"]], TAGS) == "ORG"  # tie: alphabetical
    assert stratum(ex(0, "en", ["O", "O"]), TAGS) == ("en", "none")
    examples = ([ex(i, "en", ["B-PER", "O"]) for i in range(40)] + [ex(100 + i, "en", ["O"]) for i in range(40)]
                + [ex(200, "en", ["B-LOC"])])
    sub = nested_subset(examples, 0.05, 0, TAGS)
    kinds = Counter(stratum(e, TAGS)[1] for e in sub)
    # ceil(0.05 * 81) = 5, proportional: PER and none 2 each (+1 for one of them), LOC
    # (1 item, share 0.05) none
    assert sorted(kinds.values()) == [2, 3] and set(kinds) == {"PER", "none"}
