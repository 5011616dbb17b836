"""Generator of ``pocket-sentiment``: short multilingual reviews and posts labelled
negative / neutral / positive.

Why generated from templates that combine parts: a student must learn the sentence, not the
keyword. The same opinion word ("great", "bad") appears under all three labels: plainly,
negated ("not great" -> negative, "not bad at all" -> positive), inside a contrast, and in
questions or mixed statements (neutral). Train, dev and test use disjoint templates, so a
model that memorised train phrasings gains nothing on test, and no dev/test template is a
near-copy of a train template of the same label (``frames.near_copies``, tested).

Why each language has its own frames: the templates of one language are not a translation
of the English ones. Every template carries a *frame key*; a key that the English file also
uses marks a counterpart of an English frame (written in that language's own words), any
other key a frame of that language's own (its genre habits: German "Fazit:", Chinese 踩雷,
Brazilian "nota 10", Arabic والله...). At least a third of every language's frames are its
own (tested).

Label rules (the same in every language):
- negation flips the opinion phrase it scopes over ("not great" is negative, "not bad at
  all, loved it" is positive);
- contrast: the clause after "but" (or its equivalent) decides, and the templates make it
  the overall verdict ("the breakfast was bad, but overall the hotel was great" -> positive);
- neutral = no overall verdict: facts and news (opening days, prices, release dates),
  questions, plans, "neither good nor bad", or a mixed "X was good and Y was bad, so it
  evens out".

Per-language data format (``kitlib/data/pocket/sentiment/<lang>.py``):

``DOMAINS: dict[str, dict]``
    domain name (hotel, film, restaurant, phone, laptop, delivery, airline, match) ->
    ``"t"``: the reviewed targets (``"my:"`` marks a personal one, "our room", "my new
    laptop", which a template flagged ``generic`` never takes), ``"a"``: at least three
    aspects that fit *every* target
    of the domain (a phone has no keyboard, a delivery service no check-in), each a noun
    phrase as it stands in a sentence (with its article). Prefix ``"f:"`` marks a feminine
    noun (default masculine).
    A noun may list case forms ``"der Film|den Film|dem Film"`` (German), picked by
    ``{t:acc}`` / ``{t:dat}`` with ``CASES = ("nom", "acc", "dat")``.
``GOOD``, ``BAD: list[str]``
    opinion words or phrases that fit every domain; ``"masc|fem"`` where the form agrees
    with the noun's gender. With ``CASES = ("nom", "acc")`` (Arabic) an entry lists
    ``"masc|fem|masc acc|fem acc"`` and ``{bad:acc}`` picks the accusative.
``WORDS: dict[str, str]`` (optional)
    other words that agree with a noun, ``"masc|fem"`` (e.g. Hindi ``"था|थी"``).
``FILL: dict[str, list[str]]`` (optional)
    fillers without agreement (days, numbers), used as ``{day}`` etc.
``TEMPLATES: dict[str, list[tuple[str, str, str]]]``
    label -> ``(frame key, domains, text)``; ``domains`` is ``"*"`` or the names of the
    domains the text fits ("hotel restaurant"), plus the flag ``generic`` where a personal
    target would be odd ("has anyone tried {t}?"). Slots: ``{t}`` (a target), ``{a}`` and
    ``{a2}`` (two different aspects of the same domain), ``{good}``, ``{bad}``, any
    ``WORDS`` or ``FILL`` key, and ``{=masc|fem}`` (an inline agreeing word). ``@a`` makes a
    word agree with ``{a}`` (default: with ``{t}``), ``@m`` / ``@f`` forces a gender, ``:acc``
    the accusative, and ``{^t}`` capitalizes (a sentence after a colon in German); the first
    letter of each sentence is capitalized anyway. Order matters: within each label the last templates go to test, the
    ones before to dev, the rest to train (see ``split_sizes``).
"""
from __future__ import annotations

import importlib
import random
import re
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from kitlib.data.pocket import PocketData
from kitlib.data.types import Example
from kitlib.errors import KitError, bad_value

NAME = "pocket-sentiment"
LABEL_NAMES: list[str] = ["negative", "neutral", "positive"]
LANGUAGES: tuple[str, ...] = ("en", "es", "de", "fr", "pt", "it", "ar", "hi", "zh")
SEEN: list[str] = ["en", "es", "ar", "fr"]
SPLITS: tuple[str, ...] = ("train", "dev", "test")
PER_TEMPLATE: dict[str, int] = {"train": 12, "dev": 20, "test": 20}
"""Fills per template at size=1 (times ``size``): with 10 / 2 / 4 templates per label this
gives 120 / 40 / 80 examples per label and 360 / 120 / 240 per language."""

GENERIC = "generic"
_SLOT = re.compile(r"\{(\^?)(=[^{}@:]+|\w+)(?:@(\w+))?(?::(\w+))?\}")
_SENTENCE_START = re.compile(r"(^|[.!?]\s+)([¿¡\"«]?)(\w)")
_NOUN_SLOTS = ("t", "a", "a2")


def split_sizes(n: int) -> dict[str, int]:
    """How many of a label's ``n`` templates go to each split (test last, dev before it)."""
    test = max(4, round(n * 0.25))
    dev = max(2, round(n * 0.125))
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
    """``"f:la película"`` -> ("la película", 1); gender index 0 = masculine, 1 = feminine
    (a leading ``"my:"``, the mark of a personal target, is dropped)."""
    entry = entry[3:] if entry.startswith("my:") else entry
    return (entry[2:], 1) if entry.startswith("f:") else (entry, 0)


def _form(entry: str, gender: int, case: int = 0) -> str:
    forms = entry.split("|")
    index = gender + 2 * case
    if index >= len(forms):
        index = min(gender, len(forms) - 1)
    return forms[index]


def template_domains(data, domains: str) -> list[str]:
    """The domain names a template's ``domains`` field allows, in file order (the flag
    ``generic`` is not a domain, see ``generic_only``)."""
    names = list(data.DOMAINS)
    wanted = [d for d in domains.split() if d != GENERIC]
    if wanted == ["*"]:
        return names
    unknown = [d for d in wanted if d not in data.DOMAINS]
    if unknown:
        raise KitError(f"pocket-sentiment: unknown domain(s) {unknown}; known: {names}.")
    return [d for d in names if d in wanted]


def generic_only(domains: str) -> bool:
    """A template whose ``domains`` field has the flag ``generic`` takes only targets that
    are not personal ("the hotel", not "our room": "has anyone tried our room?" is odd)."""
    return GENERIC in domains.split()


def fill(template: str, domains: Sequence[str], data, rng: random.Random,
         generic: bool = False) -> tuple[str, dict]:
    """One text from ``template`` (a domain drawn from ``domains``) and what filled it."""
    domain = rng.choice(list(domains))
    entry = data.DOMAINS[domain]
    aspect, aspect2 = rng.sample(entry["a"], 2)
    targets = [t for t in entry["t"] if not (generic and t.startswith("my:"))]
    target = rng.choice(targets)
    nouns = {"t": _noun(target), "a": _noun(aspect), "a2": _noun(aspect2),
             "m": ("", 0), "f": ("", 1)}
    words = {"good": data.GOOD, "bad": data.BAD}
    extra = getattr(data, "WORDS", {})
    fillers = getattr(data, "FILL", {})
    cases = getattr(data, "CASES", ("nom",))
    used: dict[str, str] = {"domain": domain}

    def slot(match: re.Match) -> str:
        text = _slot(match.group(2), match.group(3) or "t", match.group(4))
        return text[:1].upper() + text[1:] if match.group(1) else text

    def _slot(name: str, ref: str, case: str | None) -> str:
        case_index = cases.index(case) if case else 0
        if name in nouns:
            used[name] = nouns[name][0].split("|")[0]
            forms = nouns[name][0].split("|")
            return forms[min(case_index, len(forms) - 1)]
        gender = nouns[ref][1]
        if name.startswith("="):
            return _form(name[1:], gender, case_index)
        if name in words:
            return _form(rng.choice(words[name]), gender, case_index)
        if name in extra:
            return _form(extra[name], gender, case_index)
        if name in fillers:
            return rng.choice(fillers[name])
        raise KitError(f"pocket-sentiment: unknown slot {{{name}}} in template {template!r}")

    text = re.sub(r"\s+", " ", _SLOT.sub(slot, template)).strip()
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), text), used


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


def templates(data) -> list[tuple[str, int, str, str, str]]:
    """Every template of a language: (label, position within label, key, domains, text)."""
    out = []
    for label in LABEL_NAMES:
        for pos, entry in enumerate(data.TEMPLATES[label]):
            if not (isinstance(entry, tuple) and len(entry) == 3):
                raise KitError(f"pocket-sentiment template {entry!r} ({label}): expected "
                               "(frame key, domains, text).")
            key, domains, text = entry
            out.append((label, pos, key, domains, text))
    return out


def template_id(lang: str, label: str, position: int) -> str:
    """The ``sources`` template id, e.g. ``"de/neutral/12"``."""
    return f"{lang}/{label}/{position}"


def generate_language(lang: str, size: int = 1) -> tuple[dict[str, list[Example]], dict[str, dict]]:
    """Splits and sources of one language."""
    data = load_language(lang)
    entries = templates(data)
    splits: dict[str, list[Example]] = {s: [] for s in SPLITS}
    sources: dict[str, dict] = {}
    for split in SPLITS:
        for label_id, label in enumerate(LABEL_NAMES):
            n = len(data.TEMPLATES[label])
            chosen = [(pos, key, domains, text) for lab, pos, key, domains, text in entries
                      if lab == label and split_of(pos, n) == split]
            per = PER_TEMPLATE[split] * size
            pools = []
            for pos, key, domains, text in chosen:
                allowed = template_domains(data, domains)
                generic = generic_only(domains)
                rng = random.Random(f"{NAME}/{lang}/{label}/{pos}")
                draws = unique_draws(lambda: fill(text, allowed, data, rng, generic),
                                     key=lambda d: d[0], want=per + 10)
                pools.append([(pos, key, drawn) for drawn in draws[:per]])
            for pos, key, (text, used) in round_robin(pools, per * len(chosen)):
                ex_id = f"sentiment-{lang}-{split}-{len(splits[split]):05d}"
                splits[split].append(Example(id=ex_id, lang=lang, text=text, label=label_id))
                sources[ex_id] = {"template": template_id(lang, label, pos), "frame": key,
                                  "fills": used}
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
    """Generate ``pocket-sentiment`` at scale ``size`` (fills per template grow with it).

    ``sources[id]``: ``template`` ("de/neutral/12": language, label, position), ``frame``
    (the frame key) and ``fills`` (the domain and the target / aspects used).
    """
    return build(NAME, "classification", LABEL_NAMES, LANGUAGES, SEEN, generate_language, size)


SCRIPTS: dict[str, str] = {"en": "Latin", "es": "Latin", "de": "Latin", "fr": "Latin",
                           "pt": "Latin", "it": "Latin", "ar": "Arabic", "hi": "Devanagari",
                           "zh": "Han (simplified)"}


def summary(size: int = 1) -> list[dict]:
    """Per language: templates per split (all labels), examples per split and label, and
    the share of frames of the language's own (no English counterpart)."""
    data = generate(size)
    english = {key for _, _, key, _, _ in templates(load_language("en"))}
    rows = []
    for lang in LANGUAGES:
        module = load_language(lang)
        entries = templates(module)
        per_split = {s: 0 for s in SPLITS}
        for label, pos, _, _, _ in entries:
            per_split[split_of(pos, len(module.TEMPLATES[label]))] += 1
        counts = {s: [sum(1 for ex in data.splits[s] if ex.lang == lang and ex.label == i)
                      for i in range(len(LABEL_NAMES))] for s in SPLITS}
        own = sum(1 for _, _, key, _, _ in entries if key not in english)
        rows.append({"lang": lang, "script": SCRIPTS[lang], "templates": per_split,
                     "examples": counts, "own": own, "n": len(entries)})
    return rows


def summary_table(rows: list[dict]) -> str:
    """Markdown rows ``| lang | script | templates train/dev/test | own frames | train | dev | test |``."""
    lines = []
    for row in rows:
        t, e = row["templates"], row["examples"]
        own = "-" if row["lang"] == "en" else f"{row['own']} of {row['n']}"
        lines.append(f"| {row['lang']} | {row['script']} | {t['train']} / {t['dev']} / {t['test']} "
                     f"| {own} | {sum(e['train'])} ({'/'.join(map(str, e['train']))}) "
                     f"| {sum(e['dev'])} | {sum(e['test'])} |")
    return "\n".join(lines)
