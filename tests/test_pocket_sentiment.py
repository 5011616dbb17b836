"""pocket-sentiment: sizes, balance, template-disjoint splits, determinism, frames of each
language's own, coherent domain fills, Arabic case after كان / ليس / يرى, and that keywords
alone do not decide the label (negation, contrast and hedging move opinion words across labels)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from kitlib.data.pocket import generate
from kitlib.data.pocket import sentiment_gen
from kitlib.data.pocket.frames import near_copies
from kitlib.errors import KitError

REQUIRED = {"en", "es", "de", "fr", "pt", "it", "ar", "hi"}
LANGS = list(sentiment_gen.LANGUAGES)


@pytest.fixture(scope="module")
def data():
    return generate("pocket-sentiment")


def by_lang(examples):
    out = defaultdict(list)
    for ex in examples:
        out[ex.lang].append(ex)
    return out


def _entry(ex_source):
    lang, label, pos = ex_source["template"].split("/")
    return lang, label, int(pos)


def test_shape_languages_and_labels(data):
    assert data.name == "pocket-sentiment"
    assert data.task == "classification"
    assert data.label_names == ["negative", "neutral", "positive"]
    assert REQUIRED <= set(data.languages)
    assert data.seen == ["en", "es", "ar", "fr"]
    for split in ("train", "dev", "test"):
        assert {ex.lang for ex in data.splits[split]} == set(data.languages)


@pytest.mark.parametrize("lang", LANGS)
def test_template_counts_per_split(lang):
    module = sentiment_gen.load_language(lang)
    for label in sentiment_gen.LABEL_NAMES:
        n = len(module.TEMPLATES[label])
        sizes = {s: sum(sentiment_gen.split_of(p, n) == s for p in range(n)) for s in ("train", "dev", "test")}
        assert sizes["test"] >= 4 and sizes["dev"] >= 2 and sizes["train"] >= 8, (label, sizes)


def test_sizes_and_label_balance_per_language(data):
    for split, (low, high) in (("train", (300, 400)), ("dev", (100, 300)), ("test", (200, 300))):
        for lang, examples in by_lang(data.splits[split]).items():
            assert low <= len(examples) <= high, (split, lang, len(examples))
            counts = Counter(ex.label for ex in examples)
            assert set(counts) == {0, 1, 2}, (split, lang, counts)
            assert max(counts.values()) <= 1.2 * min(counts.values()), (split, lang, counts)
    for lang, examples in by_lang(data.splits["test"]).items():
        templates = {data.sources[ex.id]["template"] for ex in examples}
        assert len(templates) >= 12, (lang, len(templates))
        dev = {data.sources[ex.id]["template"] for ex in data.splits["dev"] if ex.lang == lang}
        assert len(dev) >= 6, (lang, len(dev))


def test_examples_are_well_formed(data):
    ids = [ex.id for split in data.splits.values() for ex in split]
    assert len(ids) == len(set(ids))
    for split, examples in data.splits.items():
        for ex in examples:
            assert re.fullmatch(rf"sentiment-{ex.lang}-{split}-\d{{5}}", ex.id), ex.id
            assert ex.text and ex.text == ex.text.strip()
            assert "{" not in ex.text and "}" not in ex.text and "  " not in ex.text, ex.text
            assert "|" not in ex.text and "my:" not in ex.text and "f:" not in ex.text, ex.text
            assert ex.label in (0, 1, 2) and ex.tokens is None and ex.tags is None
            lang, label, pos = _entry(data.sources[ex.id])
            assert lang == ex.lang and label == data.label_names[ex.label]
            n = len(sentiment_gen.load_language(lang).TEMPLATES[label])
            assert sentiment_gen.split_of(pos, n) == split


def test_no_template_or_text_shared_between_splits(data):
    templates = {s: {data.sources[ex.id]["template"] for ex in exs} for s, exs in data.splits.items()}
    texts = {s: {(ex.lang, ex.text) for ex in exs} for s, exs in data.splits.items()}
    for a, b in (("train", "test"), ("train", "dev"), ("dev", "test")):
        assert not templates[a] & templates[b], (a, b)
        assert not texts[a] & texts[b], (a, b)
    for split, exs in data.splits.items():
        assert len({(ex.lang, ex.text) for ex in exs}) == len(exs), split


@pytest.mark.parametrize("lang", LANGS)
def test_no_dev_or_test_frame_is_a_near_copy_of_train(lang):
    module = sentiment_gen.load_language(lang)
    found = []
    for label in sentiment_gen.LABEL_NAMES:
        entries = module.TEMPLATES[label]
        n = len(entries)
        train = [(f"{label}/{p}", e[2]) for p, e in enumerate(entries) if sentiment_gen.split_of(p, n) == "train"]
        other = [(f"{label}/{p}", e[2]) for p, e in enumerate(entries) if sentiment_gen.split_of(p, n) != "train"]
        found += near_copies(train, other, lang)
    assert not found, found


def test_frames_of_each_language_are_its_own():
    """A frame key that English also uses marks a counterpart of an English frame; at least
    a third of every language's frames (and of its test frames) have none."""
    english = [key for _, _, key, _, _ in sentiment_gen.templates(sentiment_gen.load_language("en"))]
    assert len(english) == len(set(english))
    for lang in LANGS:
        entries = sentiment_gen.templates(sentiment_gen.load_language(lang))
        keys = [key for _, _, key, _, _ in entries]
        assert len(keys) == len(set(keys)), (lang, "repeated frame key")
        if lang == "en":
            continue
        own = [key for key in keys if key not in english]
        assert len(own) >= len(keys) / 3, (lang, len(own), len(keys))
        test_own = [key for label, pos, key, _, _ in entries
                    if sentiment_gen.split_of(pos, len(sentiment_gen.load_language(lang).TEMPLATES[label])) == "test"
                    and key not in english]
        assert len(test_own) >= 4, (lang, test_own)


@pytest.mark.parametrize("lang", LANGS)
def test_fills_are_coherent_with_their_domain(data, lang):
    """Target and aspects come from one domain the template allows ("the check-in" only of an
    airline, "the keyboard" only of a laptop); a template flagged generic gets no personal
    target ("has anyone tried our room?")."""
    module = sentiment_gen.load_language(lang)
    for examples in data.splits.values():
        for ex in examples:
            if ex.lang != lang:
                continue
            src = data.sources[ex.id]
            _, label, pos = _entry(src)
            _, domains, text = module.TEMPLATES[label][pos]
            fills = src["fills"]
            assert fills["domain"] in sentiment_gen.template_domains(module, domains), (ex.text, domains)
            entry = module.DOMAINS[fills["domain"]]
            targets = {sentiment_gen._noun(t)[0].split("|")[0]: t for t in entry["t"]}
            aspects = {sentiment_gen._noun(a)[0].split("|")[0] for a in entry["a"]}
            if "t" in fills:
                assert fills["t"] in targets, (ex.text, fills)
                if sentiment_gen.generic_only(domains):
                    assert not targets[fills["t"]].startswith("my:"), ex.text
            for slot in ("a", "a2"):
                if slot in fills:
                    assert fills[slot] in aspects, (ex.text, fills)


def test_domain_check_can_fail():
    en = sentiment_gen.load_language("en")
    assert "the check-in" not in en.DOMAINS["delivery"]["a"]
    assert "the keyboard" not in en.DOMAINS["phone"]["a"]
    with pytest.raises(KitError, match="unknown domain"):
        sentiment_gen.template_domains(en, "hotel spaceship")


_AR_GOVERNORS = ("كان", "كانت", "يكون", "تكون", "ليس", "ليست", "يرى", "ترى", "يراه", "يراها",
                 "وجدته", "وجدتها", "فوجدته", "فوجدتها", "ووجدته", "ووجدتها", "سيكون", "ستكون")


def arabic_case_errors(template: str) -> list[str]:
    """Opinion slots that follow, in the same clause, a word that governs the accusative
    (كان and its sisters, ليس, يرى / وجد with two objects) but are not ``:acc``."""
    errors = []
    for clause in re.split(r"[،.؟!:]", template):
        flat = re.sub(r"\{=([^{}@]*)(@\w+)?\}", lambda m: " " + m.group(1).replace("|", " ") + " ", clause)
        words = flat.split()
        governed = False
        for word in words:
            if word in ("أن", "إن", "أنه", "أنها"):  # a new clause: its predicate is nominative
                governed = False
            if any(word == g or word.endswith(g) and word.startswith("و") for g in _AR_GOVERNORS):
                governed = True
            slot = re.fullmatch(r"\{(good|bad)(@\w+)?(:\w+)?\}", word)
            if slot and governed and slot.group(3) != ":acc":
                errors.append(word)
    return errors


def test_arabic_case_check_can_fail():
    assert arabic_case_errors("أختي ترى أن {t} {good}، وأخي {=يراه|يراها} {bad}.") == ["{bad}"]
    assert arabic_case_errors("{t} {=كان|كانت} {bad}.") == ["{bad}"]
    assert not arabic_case_errors("الكل يقول إن {t} {good}، وهذا غير صحيح.")


def test_arabic_predicates_take_the_accusative(data):
    module = sentiment_gen.load_language("ar")
    bad = [text for label in sentiment_gen.LABEL_NAMES for _, _, text in module.TEMPLATES[label]
           if arabic_case_errors(text)]
    assert not bad, bad
    nominative = {form for entry in module.GOOD + module.BAD for form in entry.split("|")[:2]}
    for ex in data.splits["test"] + data.splits["train"]:
        if ex.lang == "ar":
            words = ex.text.replace("،", " ").replace(".", " ").split()
            for left, right in zip(words, words[1:]):
                assert not (left in ("يراه", "يراها", "فوجدته", "فوجدتها", "ووجدته", "ووجدتها")
                            and right in nominative), ex.text


def test_deterministic(data):
    again = sentiment_gen.generate()
    assert again.splits == data.splits
    assert again.sources == data.sources


def test_size_scales_fills():
    small = generate("pocket-sentiment", size=1)
    big = generate("pocket-sentiment", size=2)
    for split in ("train", "test"):
        assert len(big.splits[split]) > len(small.splits[split])
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
    for lang in data.languages:
        module = sentiment_gen.load_language(lang)
        texts = [(ex.text, ex.label) for s in data.splits.values() for ex in s if ex.lang == lang]
        def has(text, form):  # whole words, except in Chinese (no spaces between words)
            return form in text if lang == "zh" else bool(
                re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text))

        labels = {entry: {label for text, label in texts if any(has(text, f) for f in entry.split("|"))}
                  for entry in module.GOOD + module.BAD}
        assert all(len(found) >= 2 for found in labels.values()), (lang, labels)
        assert any(len(found) == 3 for found in labels.values()), (lang, labels)


def test_neutral_includes_factual_posts(data):
    """Real tweet-sentiment "neutral" is mostly factual; every language has factual neutral
    frames (fact_*), some of them in test."""
    for lang in data.languages:
        keys = [data.sources[ex.id]["frame"] for ex in data.splits["test"]
                if ex.lang == lang and ex.label == 1]
        facts = [k for k in keys if k.startswith("fact_")]
        assert len(facts) >= 0.2 * len(keys), (lang, Counter(keys))


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
