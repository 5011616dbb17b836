"""Generator of ``pocket-sentiment``: short multilingual reviews labelled negative / neutral / positive.

Why generated from templates that combine parts: a student must learn the sentence, not the
keyword. The same opinion word ("great", "bad") appears under all three labels: plainly,
negated ("not great" -> negative, "not bad at all" -> positive), inside a contrast, and in
questions or hedged statements (neutral). Train, dev and test use disjoint templates, so a
model that memorised train phrasings gains nothing on test.

Label rules (the same in every language):
- negation flips the opinion phrase it scopes over ("not great" is negative, "not bad at
  all, loved it" is positive);
- contrast: the clause after "but" (or its equivalent) decides, and the templates make it
  the overall verdict ("the breakfast was bad, but overall the hotel was great" -> positive);
- neutral = no overall verdict: questions, plans, facts, "neither good nor bad", or a mixed
  "X was good and Y was bad, so it evens out".

Per-language data format (``kitlib/data/pocket/sentiment/<lang>.py``):

``DOMAINS: list[dict]``
    one dict per domain (hotel, film, restaurant, phone, ...): ``"t"`` the reviewed targets
    and ``"a"`` at least two of their aspects, each a noun phrase as it stands in a sentence
    (with its article). Prefix ``"f:"`` marks a feminine noun (default masculine).
``GOOD``, ``BAD: list[str]``
    opinion words or phrases that fit every domain; ``"masc|fem"`` where the form agrees
    with the noun's gender.
``WORDS: dict[str, str]`` (optional)
    other words that agree with a noun, ``"masc|fem"`` (e.g. Hindi ``"था|थी"``).
``TEMPLATES: dict[str, list[str]]``
    label -> templates, with slots ``{t}`` (a target), ``{a}`` and ``{a2}`` (two different
    aspects of the same domain), ``{good}``, ``{bad}`` and any ``WORDS`` key. ``{good@a}``
    agrees with ``{a}`` (default: with ``{t}``); ``{good@m}`` / ``{good@f}`` forces the
    masculine / feminine form (French "c'était génial"). Order matters: within each label the last
    templates go to test, the one(s) before to dev, the rest to train (see ``split_sizes``).
"""
from __future__ import annotations

import importlib
import math
import random
import re
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from kitlib.data.pocket import PocketData
from kitlib.data.types import Example
from kitlib.errors import bad_value

NAME = "pocket-sentiment"
LABEL_NAMES: list[str] = ["negative", "neutral", "positive"]
LANGUAGES: tuple[str, ...] = ("en", "es", "de", "fr", "pt", "it", "ar", "hi", "zh")
SEEN: list[str] = ["en", "es", "ar", "fr"]
SPLITS: tuple[str, ...] = ("train", "dev", "test")
# examples per label, per language and split, at size=1
PER_LABEL: dict[str, int] = {"train": 100, "dev": 30, "test": 60}

_SLOT = re.compile(r"\{(\w+)(?:@(\w+))?\}")
_SENTENCE_START = re.compile(r"(^|[.!?]\s+)([¿¡\"«]?)(\w)")
_NOUN_SLOTS = ("t", "a", "a2")


def split_sizes(n: int) -> dict[str, int]:
    """How many of a label's ``n`` templates go to each split (test last, dev before it)."""
    test = max(2, round(n * 0.2))
    dev = max(1, round(n * 0.1))
    return {"train": n - test - dev, "dev": dev, "test": test}


def split_of(position: int, n: int) -> str:
    """The split of the template at ``position`` among ``n`` templates of one label."""
    sizes = split_sizes(n)
    if position < sizes["train"]:
        return "train"
    return "dev" if position < sizes["train"] + sizes["dev"] else "test"


def load_language(lang: str):
    """The data module of one language (see the module docstring for its format)."""
    return importlib.import_module(f"kitlib.data.pocket.sentiment.{lang}")


def _noun(entry: str) -> tuple[str, int]:
    """``"f:la película"`` -> ("la película", 1); gender index 0 = masculine, 1 = feminine."""
    return (entry[2:], 1) if entry.startswith("f:") else (entry, 0)


def _form(entry: str, gender: int) -> str:
    forms = entry.split("|")
    return forms[min(gender, len(forms) - 1)]


def fill(template: str, data, rng: random.Random) -> str:
    """One text from ``template`` with slots filled at random from the language's ``data``."""
    domain = rng.choice(data.DOMAINS)
    aspect, aspect2 = rng.sample(domain["a"], 2)
    nouns = {"t": _noun(rng.choice(domain["t"])), "a": _noun(aspect), "a2": _noun(aspect2),
             "m": ("", 0), "f": ("", 1)}
    words = {"good": data.GOOD, "bad": data.BAD}
    extra = getattr(data, "WORDS", {})

    def slot(match: re.Match) -> str:
        name, ref = match.group(1), match.group(2) or "t"
        if name in nouns:
            return nouns[name][0]
        gender = nouns[ref][1]
        if name in words:
            return _form(rng.choice(words[name]), gender)
        if name in extra:
            return _form(extra[name], gender)
        raise ValueError(f"unknown slot {{{name}}} in sentiment template {template!r}")

    text = re.sub(r"\s+", " ", _SLOT.sub(slot, template)).strip()
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), text)


def _drawer(template: str, data, rng: random.Random) -> Callable[[], str]:
    return lambda: fill(template, data, rng)


def unique_draws(draw: Callable[[], Any], key: Callable[[Any], Hashable] = lambda x: x,
                 want: int = 1, patience: int = 60) -> list:
    """Up to ``want`` results of ``draw()`` with distinct ``key``; stops after ``patience``
    duplicates in a row (a template with few possible fills gives what it has)."""
    found: dict[Hashable, Any] = {}
    misses = 0
    while len(found) < want and misses < patience:
        item = draw()
        k = key(item)
        if k in found:
            misses += 1
        else:
            found[k] = item
            misses = 0
    return list(found.values())


def round_robin(pools: Sequence[list], total: int) -> list:
    """Take items from the pools in turn until ``total`` are taken or all are empty.

    Why: balances templates, and a template with few possible fills leaves its share to
    the others instead of shrinking the split.
    """
    out: list = []
    cursors = [0] * len(pools)
    while len(out) < total:
        progressed = False
        for i, pool in enumerate(pools):
            if len(out) < total and cursors[i] < len(pool):
                out.append(pool[cursors[i]])
                cursors[i] += 1
                progressed = True
        if not progressed:
            break
    return out


def template_index(data) -> list[tuple[str, str, int]]:
    """Flat list of (label, template, position within label); its index is the template id."""
    return [(label, t, pos) for label in LABEL_NAMES for pos, t in enumerate(data.TEMPLATES[label])]


def generate_language(lang: str, size: int = 1) -> tuple[dict[str, list[Example]], dict[str, dict]]:
    """Splits and sources of one language."""
    data = load_language(lang)
    flat = template_index(data)
    splits: dict[str, list[Example]] = {s: [] for s in SPLITS}
    sources: dict[str, dict] = {}
    for split in SPLITS:
        for label_id, label in enumerate(LABEL_NAMES):
            n = len(data.TEMPLATES[label])
            chosen = [(i, t) for i, (lab, t, pos) in enumerate(flat) if lab == label and split_of(pos, n) == split]
            total = PER_LABEL[split] * size
            want = math.ceil(total / len(chosen)) + 10
            pools = [
                [(i, text) for text in unique_draws(_drawer(t, data, random.Random(f"{NAME}/{lang}/{i}")), want=want)]
                for i, t in chosen
            ]
            for i, text in round_robin(pools, total):
                ex_id = f"sentiment-{lang}-{split}-{len(splits[split]):05d}"
                splits[split].append(Example(id=ex_id, lang=lang, text=text, label=label_id))
                sources[ex_id] = {"template": f"{lang}/{i}"}
    return splits, sources


def check_size(size: object) -> None:
    """Reject anything but an int >= 1 (before any work)."""
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise bad_value("size", size, "an integer >= 1 (1 = default size)")


def collect(languages: Sequence[str], generate_language, size: int) -> tuple[dict[str, list[Example]], dict[str, dict]]:
    """Concatenate the per-language splits and sources (shared with ``ner_gen``)."""
    splits: dict[str, list[Example]] = {s: [] for s in SPLITS}
    sources: dict[str, dict] = {}
    for lang in languages:
        lang_splits, lang_sources = generate_language(lang, size)
        for split in SPLITS:
            splits[split].extend(lang_splits[split])
        sources.update(lang_sources)
    return splits, sources


def build(name: str, task: str, label_names: Sequence[str], languages: Sequence[str],
          seen: Sequence[str], generate_language, size: int) -> PocketData:
    """Check ``size``, generate every language and wrap it as ``PocketData`` (the ``generate``
    of both ``sentiment_gen`` and ``ner_gen``)."""
    check_size(size)
    splits, sources = collect(languages, generate_language, size)
    return PocketData(name=name, task=task, label_names=list(label_names),
                      languages=list(languages), seen=list(seen), splits=splits, sources=sources)


def generate(size: int = 1) -> PocketData:
    """Generate ``pocket-sentiment`` at scale ``size`` (fills per template grow with it)."""
    return build(NAME, "classification", LABEL_NAMES, LANGUAGES, SEEN, generate_language, size)
