"""pocket-intent language files: each one complete, fillable and written in its own script.

Why a separate file from ``test_pocket_intent.py``: these checks read the raw ``TEMPLATES`` /
``SLOTS`` dicts of every ``kitlib/data/pocket/intent/<lang>.py`` directly, so a broken file is
reported with its language, intent and template even before the loader or generator run.
"""
from __future__ import annotations

import importlib
import itertools
import re
import unicodedata
from pathlib import Path

import pytest

from kitlib.data.pocket.intent_schema import INTENTS, LANGUAGES, SLOT_NAMES

INTENT_DIR = Path(__file__).resolve().parents[1] / "kitlib" / "data" / "pocket" / "intent"
REQUIRED = ["ru", "ar", "hi", "zh", "ja", "sw"]
"""The six files this test was written with (ru, ar, hi, zh, ja, sw); they must exist."""
PRESENT = sorted(p.stem for p in INTENT_DIR.glob("*.py") if p.stem != "__init__")
LANGS = sorted(set(REQUIRED) | set(PRESENT))

MIN_TEMPLATES = 8
MIN_SLOT_VALUES = 6
MIN_SCRIPT_SHARE = 0.6
N_DEV, N_TEST = 2, 2  # the generator's split rule: last 2 test, 2 before dev, rest train


def _cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _arabic(ch: str) -> bool:
    return ("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"
            or "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff")


def _devanagari(ch: str) -> bool:
    return "\u0900" <= ch <= "\u097f"


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _kana(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff"


def _latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


SCRIPTS = {"ru": _cyrillic, "ar": _arabic, "hi": _devanagari, "zh": _han,
           "ja": lambda ch: _kana(ch) or _han(ch)}
"""Expected script per language; every other schema language is written in Latin script."""


def _script(lang: str):
    return SCRIPTS.get(lang, _latin)


def _module(lang: str):
    return importlib.import_module(f"kitlib.data.pocket.intent.{lang}")


def _placeholders(template: str) -> list[str]:
    """Slot names of ``{slot}`` / ``{slot:spec}`` fields (spec: form number, required tags)."""
    return [body.partition(":")[0] for body in re.findall(r"\{([^{}]*)\}", template)]


def _values(slots: dict[str, list[str]], name: str) -> list[str]:
    """Every surface form of every value of a slot, tags (" #dim=...") removed."""
    out = []
    for raw in slots[name]:
        out.extend(form.strip() for form in re.sub(r"\s+#\w+=\S+", "", raw).split("|"))
    return list(dict.fromkeys(out))


def _fills(templates: list[str], slots: dict[str, list[str]]):
    """Each template filled once per slot value form (cycling shorter slots), so every value
    is used; tag constraints are ignored here (the generator tests check coherence)."""
    for template in templates:
        names = sorted(set(_placeholders(template)))
        rounds = max((len(_values(slots, n)) for n in names), default=1)
        for i in range(rounds):
            pick = {n: _values(slots, n)[i % len(_values(slots, n))] for n in names}
            yield template, re.sub(r"\{([^{}:]*)(:[^{}]*)?\}", lambda m: pick[m.group(1)],
                                   template)


def _share(text: str, in_script) -> tuple[int, int]:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(1 for ch in letters if in_script(ch)), len(letters)


def test_required_languages_present_and_in_schema():
    missing = [lang for lang in REQUIRED if lang not in PRESENT]
    assert not missing, f"missing template files: {missing}"
    assert set(PRESENT) <= set(LANGUAGES), set(PRESENT) - set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGS)
def test_every_intent_has_enough_distinct_templates(lang):
    templates = _module(lang).TEMPLATES
    assert list(templates) == list(INTENTS), "TEMPLATES keys must be the schema intents, in order"
    for intent, items in templates.items():
        assert isinstance(items, list) and all(isinstance(t, str) and t.strip() for t in items)
        distinct = {" ".join(t.split()) for t in items}
        assert len(distinct) == len(items), (intent, "repeated template")
        assert len(distinct) >= MIN_TEMPLATES, (intent, len(distinct))


@pytest.mark.parametrize("lang", LANGS)
def test_no_template_shared_by_two_intents(lang):
    owner: dict[str, str] = {}
    for intent, items in _module(lang).TEMPLATES.items():
        for template in items:
            key = " ".join(template.split()).casefold()
            assert key not in owner, (template, owner.get(key), intent)
            owner[key] = intent


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_are_schema_slots_with_enough_values(lang):
    module = _module(lang)
    slots = module.SLOTS
    assert set(slots) <= set(SLOT_NAMES), set(slots) - set(SLOT_NAMES)
    used = set()
    for intent, items in module.TEMPLATES.items():
        for template in items:
            for name in _placeholders(template):
                assert name in SLOT_NAMES, (intent, template, name)
                assert name in slots, (intent, template, f"{{{name}}} not in SLOTS")
                used.add(name)
    for name in used:
        values = slots[name]
        assert all(isinstance(v, str) and v.strip() == v and v for v in values), (name, values)
        assert len(set(values)) >= MIN_SLOT_VALUES, (name, len(set(values)))
        assert all("{" not in v and "}" not in v for v in values), name
        assert all(form for form in _values(slots, name)), name


@pytest.mark.parametrize("lang", LANGS)
def test_every_template_formats_with_every_value(lang):
    module = _module(lang)
    count = 0
    for items in module.TEMPLATES.values():
        for template, text in _fills(items, module.SLOTS):
            assert "{" not in text and "}" not in text, (template, text)
            assert text.strip() == text and "  " not in text, (template, text)
            count += 1
    assert count >= len(INTENTS) * MIN_TEMPLATES


@pytest.mark.parametrize("lang", LANGS)
def test_each_split_has_enough_distinct_fills(lang):
    """Each (intent, split) can give the generator its quota of distinct coherent fills, and
    every template has at least one."""
    from kitlib.data.pocket.intent_gen import PER_INTENT, split_templates

    from kitlib.data.pocket.intent import load_language
    from kitlib.data.pocket.intent_gen import combos

    loaded = load_language(lang)
    for intent, items in loaded.templates.items():
        for split, chosen in split_templates(items).items():
            capacity = sum(len(combos(t, loaded.slots)[1]) for _, t in chosen)
            assert capacity >= PER_INTENT[split], (intent, split, capacity)
            assert all(combos(t, loaded.slots)[1] for _, t in chosen), (intent, split)


@pytest.mark.parametrize("lang", LANGS)
def test_text_is_mostly_in_the_expected_script(lang):
    module = _module(lang)
    in_script = _script(lang)
    total_in = total = 0
    for intent, items in module.TEMPLATES.items():
        for template in items:
            bare = re.sub(r"\{[^{}]*\}", "", template)
            hits, letters = _share(bare, in_script)
            assert letters and hits / letters >= MIN_SCRIPT_SHARE, (intent, template)
        for _, text in _fills(items, module.SLOTS):
            hits, letters = _share(text, in_script)
            total_in, total = total_in + hits, total + letters
    assert total and total_in / total >= MIN_SCRIPT_SHARE, (lang, total_in / total)


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang in ("zh", "ja")])
def test_chinese_and_japanese_have_no_spaces_between_words(lang):
    module = _module(lang)
    cjk = lambda ch: _han(ch) or _kana(ch) or ch in "、。？！「」ー"  # noqa: E731
    for items in module.TEMPLATES.values():
        for template, text in _fills(items, module.SLOTS):
            for left, right in itertools.pairwise(text.split(" ")):
                assert not (left and right and cjk(left[-1]) and cjk(right[0])), (template, text)


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang in ("zh", "ja")])
def test_kana_only_in_japanese(lang):
    module = _module(lang)
    texts = [text for items in module.TEMPLATES.values() for _, text in _fills(items, module.SLOTS)]
    with_kana = sum(1 for text in texts if any(_kana(ch) for ch in text))
    if lang == "ja":  # a few short questions ("今何時？") are all kanji, as in real Japanese
        assert with_kana >= 0.9 * len(texts), [t for t in texts if not any(_kana(ch) for ch in t)][:5]
    else:
        assert with_kana == 0, [t for t in texts if any(_kana(ch) for ch in t)][:5]
