"""pocket-intent v2: MASSIVE style by default (cased form as an option), coherent typed fills,
no near-copies of train frames in dev/test, and the grammar rules a native-speaker review
found broken (one test per rule)."""
from __future__ import annotations

import re
import unicodedata

import pytest

from kitlib.data import load
from kitlib.data.pocket import generate
from kitlib.data.pocket.frames import coherent, fits, near_copies, parse_value
from kitlib.data.pocket.intent import load_language, slot_fields
from kitlib.data.pocket.intent_gen import split_templates
from kitlib.data.pocket.intent_schema import INTENTS, LANGUAGES
from kitlib.errors import KitError

NAME_SLOTS = ("artist", "station", "podcast", "restaurant", "item")
"""Slots whose values are names that may contain digits ("BBC Radio 2", "«Брат 2»")."""


@pytest.fixture(scope="module")
def lower():
    return generate("pocket-intent")


@pytest.fixture(scope="module")
def cased():
    return generate("pocket-intent", cased=True)


def _examples(data, lang=None):
    return [ex for split in data.splits.values() for ex in split if lang is None or ex.lang == lang]


def _template(data, ex) -> str:
    lang, intent, index = data.sources[ex.id]["template"].split("/")
    return load_language(lang).templates[intent][int(index)]


# ------------------------------------------------------------------ MASSIVE style
def test_default_is_massive_style(lower):
    from kitlib.data.pocket.frames import massive_style
    for ex in _examples(lower):
        assert ex.text == ex.text.lower(), ex.text
        assert not re.search(r"[?!.,;:¿¡«»\"“”？！。，、：؟،।]", ex.text), ex.text
        assert ex.text == " ".join(ex.text.split()), ex.text
        bare = ex.text
        for slot in NAME_SLOTS:
            value = lower.sources[ex.id]["slots"].get(slot)
            if value:
                bare = bare.replace(massive_style(value, ex.lang), " ")
        assert not re.search(r"\d", bare), (ex.text, "numbers are written in words")


def test_massive_style_example_reads_like_massive(lower):
    from kitlib.data.pocket.frames import massive_style

    assert massive_style("Wake me up at nine am on Friday!", "en") == "wake me up at nine am on friday"
    assert massive_style("¿Me pones la alarma a las siete?", "es") == "me pones la alarma a las siete"
    assert massive_style("qu'est-ce qu'il y a sur la liste ?", "fr") == "qu'est-ce qu'il y a sur la liste"
    assert massive_style("设个闹钟，七点半", "zh") == "设个闹钟七点半"
    texts = {ex.text for ex in _examples(lower, "en")}
    assert any(re.fullmatch(r"wake me up at \w+( \w+)* am( .*)?", t) for t in texts)
    assert any(text.startswith("what's the weather like in ") for text in texts)


def test_cased_option_keeps_examples_and_changes_only_the_text(lower, cased):
    from kitlib.data.pocket.frames import massive_style

    assert cased.sources == lower.sources
    for split in lower.splits:
        assert [(e.id, e.lang, e.label) for e in cased.splits[split]] == \
               [(e.id, e.lang, e.label) for e in lower.splits[split]]
        for c, low in zip(cased.splits[split], lower.splits[split]):
            assert massive_style(c.text, c.lang) == low.text
    assert any(re.search(r"[A-Z]", ex.text) for ex in _examples(cased, "en"))
    assert any("?" in ex.text for ex in _examples(cased, "es"))


def test_cased_through_load():
    lowered = load("pocket-intent", languages="en", max_eval_per_lang=20)
    kept = load("pocket-intent", languages="en", max_eval_per_lang=20, cased=True)
    assert [e.id for e in kept.test] == [e.id for e in lowered.test]
    assert any(e.text != l.text for e, l in zip(kept.test, lowered.test))
    assert kept.selection["cased"] is True
    with pytest.raises(KitError, match="cased"):
        load("pocket-intent", cased="yes")
    with pytest.raises(KitError, match="cased"):
        load("pocket-sentiment", cased=True)
    with pytest.raises(KitError, match="cased"):
        generate("pocket-ner", cased=True)


# ------------------------------------------------------------------ coherent fills
def test_coherence_check_can_fail():
    seven_am, tonight = parse_value("seven am #part=morning"), parse_value("tonight #part=evening,night")
    tomorrow = parse_value("tomorrow")
    assert not coherent([seven_am, tonight])
    assert coherent([seven_am, tomorrow]) and coherent([parse_value("ten pm #part=evening,night"), tonight])
    assert not coherent([parse_value("a burrito #cuisine=mexican"), parse_value("Pizza Hut #cuisine=pizza")])
    assert not coherent([parse_value("milk #list=shopping"), parse_value("Christmas #list=gifts")])
    assert not fits(parse_value("ten pm #part=evening"), {"part": frozenset({"morning"})})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_fill_is_coherent_and_meets_its_template(lower, lang):
    slots = load_language(lang).slots
    by_text = {name: {v.text: v for v in values} for name, values in slots.items()}
    for ex in _examples(lower, lang):
        used = {name: by_text[name][text] for name, text in lower.sources[ex.id]["slots"].items()}
        assert coherent(used.values()), (ex.text, lower.sources[ex.id])
        for name, _, required in slot_fields(_template(lower, ex)):
            assert fits(used[name], required), (ex.text, name, required)


@pytest.mark.parametrize("pattern", [
    r"\b(seven|six|eight|nine) .*am\b.*\btonight\b",       # get up at seven am tonight
    r"tikka masala from taco bell",                       # dish and restaurant cuisine
    r"\b(milk|bread|eggs)\b.*\bchristmas list\b",           # list and item kind
    r"\bwake me up at (ten|five) pm\b",                     # wake-up calls are in the morning
    r"what day is it (tonight|tomorrow morning|this afternoon)",
])
def test_known_incoherent_english_fills_are_gone(lower, pattern):
    bad = [ex.text for ex in _examples(lower, "en") if re.search(pattern, ex.text)]
    assert not bad, bad[:3]


def test_german_part_of_day_agrees(lower):
    bad = [ex.text for ex in _examples(lower, "de")
           if re.search(r"heute abend.*morgens|morgen früh.*abends|nachmittag.*morgens", ex.text)]
    assert not bad, bad[:3]


# ------------------------------------------------------------------ near-copies
def test_near_copy_check_can_fail():
    assert near_copies([("t", "我想听{genre}")], [("x", "我想听{artist}")], "zh")
    assert near_copies([("t", "vacía la lista {list}")], [("x", "deja vacía la lista {list}")], "es")
    assert near_copies([("t", "delete my {list} list")], [("x", "Empty my {list} list!")], "en")
    assert not near_copies([("t", "delete my {list} list")],
                           [("x", "wipe everything off the {list} list, I'm starting over")], "en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_dev_or_test_frame_is_a_near_copy_of_a_train_frame(lang):
    loaded = load_language(lang)
    found = []
    for intent, templates in loaded.templates.items():
        parts = split_templates(templates)
        train = [(f"{intent}/{i}", t) for i, t in parts["train"]]
        others = [(f"{intent}/{i}", t) for split in ("dev", "test") for i, t in parts[split]]
        found += near_copies(train, others, lang)
    assert not found, found


# ------------------------------------------------------------------ grammar rules
def _templates(lang, intent=None):
    loaded = load_language(lang)
    return [t for name, items in loaded.templates.items() if intent in (None, name) for t in items]


def _definite_ar(phrase: str) -> bool:
    """An Arabic noun phrase is definite when it starts with ال or is an idafa whose last
    noun has ال (no preposition in between)."""
    words = phrase.split()
    if words[0].startswith("ال"):
        return True
    prepositions = {"مع", "في", "من", "إلى", "على", "عن", "لـ"}
    return words[-1].startswith("ال") and not prepositions & set(words)


def test_arabic_definiteness_check_can_fail():
    assert not _definite_ar("عشاء مع العائلة")
    assert _definite_ar("العشاء مع العائلة") and _definite_ar("موعد طبيب الأسنان")


def test_arabic_events_are_definite_after_mata(lower):
    """متى {event}: the event is the subject of a nominal sentence and must be definite
    ("متى العشاء مع العائلة", not "متى عشاء مع العائلة")."""
    events = [v.text for v in load_language("ar").slots["event"]]
    assert all(_definite_ar(e) for e in events), [e for e in events if not _definite_ar(e)]
    texts = [ex.text for ex in _examples(lower, "ar") if ex.text.startswith("متى ")]
    assert not [t for t in texts if "عشاء مع" in t and "العشاء" not in t]


def test_russian_alarm_for_a_day_takes_na(lower):
    """"отмени будильник на послезавтра", never "отмени будильник послезавтра / в пятницу"."""
    day = r"(завтра|послезавтра|в (понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|в эти выходные)"
    bad = [ex.text for ex in _examples(lower, "ru")
           if re.search(rf"(отмени|убери|удали|стоят|отключи) (все )?будильник(и)? {day}\b", ex.text)]
    assert not bad, bad[:3]
    assert any("будильник на послезавтра" in ex.text for ex in _examples(lower, "ru"))


def test_hindi_podcasts_are_played_not_sounded():
    """बजाना is for music (गाना बजाओ); a podcast or a radio station is चलाना / लगाना."""
    for intent in ("play_podcasts", "play_radio"):
        bad = [t for t in _templates("hi", intent) if "बजा" in t]
        assert not bad, (intent, bad)
    assert any("बजा" in t for t in _templates("hi", "play_music"))


def test_spanish_a_el_contracts():
    """"se cambia a el viernes" is wrong ("al viernes"): no template puts "a" or "de" before a
    {date} whose values start with "el"."""
    dates = [v.text for v in load_language("es").slots["date"]]
    assert any(d.startswith("el ") for d in dates)
    bad = [t for t in _templates("es") if re.search(r"\b(a|de) \{date", t)]
    assert not bad, bad


def test_no_space_before_punctuation_or_double_punctuation(cased):
    for ex in _examples(cased):
        space_before = r"\s[,.]" if ex.lang == "fr" else r"\s[,.?!]"  # French: "ça va ?"
        assert not re.search(rf"{space_before}|[?!.]{{2}}", ex.text), ex.text
        assert unicodedata.normalize("NFC", ex.text) == ex.text, ex.text
