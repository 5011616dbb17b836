"""pocket-intent: sizes, balance, template-disjoint splits, determinism, and a check that the
languages really differ (an English bag-of-words model must not transfer)."""
from __future__ import annotations

import pytest

from kitlib.data.pocket import generate as pocket_generate
from kitlib.data.pocket.intent import available_languages, load_language, validate
from kitlib.data.pocket.intent_gen import SEEN, generate
from kitlib.data.pocket.intent_schema import INTENTS, LANGUAGES
from kitlib.errors import KitError

PRESENT = available_languages()
"""Languages whose template file exists; test_all_schema_languages_present demands all 12."""
OTHERS = [lang for lang in PRESENT if lang != "en"]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def data():
    return generate(languages=PRESENT)


def _by_lang(examples, lang):
    return [ex for ex in examples if ex.lang == lang]


def test_all_schema_languages_present():
    assert PRESENT == list(LANGUAGES), f"missing template files: {sorted(set(LANGUAGES) - set(PRESENT))}"
    full = pocket_generate("pocket-intent")
    assert full.languages == list(LANGUAGES)
    assert full.seen == ["en", "es", "ru", "zh", "ar", "hi"]


def test_shape(data):
    assert data.name == "pocket-intent"
    assert data.task == "classification"
    assert data.label_names == list(INTENTS)
    assert data.languages == PRESENT
    assert data.seen == [lang for lang in SEEN if lang in PRESENT]
    ids = [ex.id for split in data.splits.values() for ex in split]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(data.sources)
    for split, examples in data.splits.items():
        for ex in examples:
            assert ex.id.startswith(f"intent-{ex.lang}-{split}-")
            assert isinstance(ex.label, int) and 0 <= ex.label < len(INTENTS)


@pytest.mark.parametrize("lang", PRESENT)
def test_language_file_valid(lang):
    loaded = load_language(lang)
    assert list(loaded.templates) == list(INTENTS)
    assert all(len(t) >= 8 for t in loaded.templates.values())


@pytest.mark.parametrize("lang", PRESENT)
def test_sizes_and_balance(data, lang):
    for split, examples in data.splits.items():
        mine = _by_lang(examples, lang)
        counts = {intent: 0 for intent in INTENTS}
        for ex in mine:
            counts[data.label_names[ex.label]] += 1
        assert min(counts.values()) > 0, (split, [k for k, v in counts.items() if v == 0])
        assert max(counts.values()) <= 2 * min(counts.values()), (split, counts)
        if split == "test":
            assert len(mine) >= 200
    train, test = (len(_by_lang(data.splits[s], lang)) for s in ("train", "test"))
    assert train > test


@pytest.mark.parametrize("lang", PRESENT)
def test_splits_share_no_template_or_text(data, lang):
    templates = {split: {data.sources[ex.id]["template"] for ex in _by_lang(exs, lang)}
                 for split, exs in data.splits.items()}
    texts = {split: [ex.text for ex in _by_lang(exs, lang)] for split, exs in data.splits.items()}
    assert not templates["train"] & templates["dev"]
    assert not templates["train"] & templates["test"]
    assert not templates["dev"] & templates["test"]
    for split, items in texts.items():
        assert len(items) == len(set(items)), f"duplicate texts in {lang}/{split}"
    assert not set(texts["train"]) & set(texts["test"])
    for ex in _by_lang(data.splits["train"], lang):
        assert data.sources[ex.id]["template"].startswith(f"{lang}/{data.label_names[ex.label]}/")


@pytest.mark.parametrize("lang", PRESENT)
def test_every_placeholder_filled(data, lang):
    for examples in data.splits.values():
        for ex in _by_lang(examples, lang):
            assert "{" not in ex.text and "}" not in ex.text, ex.text
            assert ex.text.strip() == ex.text and ex.text


def test_deterministic_and_growing():
    first, second = generate(languages=PRESENT), generate(languages=PRESENT)
    assert first == second
    bigger = generate(size=2, languages=PRESENT)
    for split in first.splits:
        assert len(bigger.splits[split]) > len(first.splits[split])
        small = {(ex.lang, ex.text, ex.label) for ex in first.splits[split]}
        big = {(ex.lang, ex.text, ex.label) for ex in bigger.splits[split]}
        assert len(small - big) <= 0.02 * len(small)  # size=1 is (almost) a prefix of size=2


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_bad_size_rejected(bad):
    with pytest.raises(KitError, match="size"):
        generate(size=bad)


def test_bad_language_rejected():
    with pytest.raises(KitError, match="'xx'"):
        generate(languages=["xx"])
    with pytest.raises(KitError, match="languages"):
        generate(languages="en")


def _good_file():
    import importlib

    module = importlib.import_module("kitlib.data.pocket.intent.en")
    return ({k: list(v) for k, v in module.TEMPLATES.items()},
            {k: list(v) for k, v in module.SLOTS.items()})


def _drop_intent(templates, slots):
    del templates["alarm_query"]


def _too_few_templates(templates, slots):
    templates["play_radio"] = templates["play_radio"][:7]


def _unknown_slot(templates, slots):
    templates["play_radio"][0] = "play {chanel}"


def _too_few_values(templates, slots):
    slots["station"] = slots["station"][:5]


def _undefined_slot(templates, slots):
    del slots["dish"]


def _unknown_tag_dimension(templates, slots):
    templates["alarm_set"][0] = "set an alarm for {time:mood=happy}"


def _unsatisfiable_tag(templates, slots):
    templates["alarm_set"][0] = "set an alarm for {time:part=teatime}"


def _malformed_value_tag(templates, slots):
    slots["time"][0] = "seven am #part"


@pytest.mark.parametrize("break_it, message", [
    (_drop_intent, "'xx'.*'alarm_query'.*missing"),
    (_too_few_templates, "'play_radio'.*7 distinct"),
    (_unknown_slot, "'play_radio'.*chanel"),
    (_too_few_values, "slot 'station'.*5 distinct"),
    (_undefined_slot, "'takeaway_order'.*dish"),
    (_unknown_tag_dimension, "'alarm_set'.*dimension 'mood'"),
    (_unsatisfiable_tag, "'alarm_set'.*no value of slot 'time'"),
    (_malformed_value_tag, "slot 'time'.*malformed tag"),
])
def test_validation_names_language_intent_and_slot(break_it, message):
    templates, slots = _good_file()
    validate("xx", templates, slots)  # the unbroken file passes
    break_it(templates, slots)
    with pytest.raises(KitError, match=message):
        validate("xx", templates, slots)


@pytest.fixture(scope="module")
def english_model(data):
    from kitlib.data.pocket.baselines import fit

    return fit(data, "en")


def test_english_baseline_learns_english(data, english_model, record_property):
    from kitlib.data.pocket.baselines import score

    acc = score(english_model, data, _by_lang(data.splits["test"], "en"))
    record_property("accuracy_en", round(acc, 3))
    assert acc > 0.7, acc


@pytest.mark.parametrize("lang", OTHERS)
def test_english_baseline_does_not_transfer(data, english_model, lang, record_property):
    """The datasheet's char + word n-gram baseline trained on English stays below 0.35 on
    every other language's test set (chance is 1/24): English keywords and cognates do not
    carry the task over."""
    from kitlib.data.pocket.baselines import score

    acc = score(english_model, data, _by_lang(data.splits["test"], lang))
    record_property(f"accuracy_{lang}", round(acc, 3))
    assert acc < 0.35, (lang, acc)
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "kitlib/data/pocket/README.md").read_text()
    section = readme.split("## pocket-intent", 1)[1].split("\n## ", 1)[0]
    assert any(line.startswith(f"| {lang} |") and line.endswith(f"| {acc:.2f} |")
               for line in section.splitlines()), ("README.md English-to-other", lang, round(acc, 2))


def test_datasheet_table_matches_generator():
    from pathlib import Path

    from kitlib.data.pocket.intent_gen import summary, summary_table

    readme = (Path(__file__).resolve().parents[1] / "kitlib/data/pocket/README.md").read_text()
    section = readme.split("## pocket-intent", 1)[1].split("\n## ", 1)[0]
    for row in summary_table(summary(languages=PRESENT)).splitlines():
        assert row in section, f"README.md pocket-intent table lacks or has a stale row: {row}"
