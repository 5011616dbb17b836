"""Generate ``pocket-intent``: template x slot-value fills, split by template, deterministic.

Why split by template: a test example must not be a re-fill of a training template, or a
model could score well by memorising sentence frames. Within each (language, intent) the
templates are taken in file order: the last 2 go to test, the 2 before to dev, the rest to
train, so the three splits never share a template (and the tests check that no dev/test
template is a near-copy of a train template of the same intent, ``frames.near_copies``).

Why typed fills: a slot value may carry tags (``"seven am #part=morning"``,
``"Domino's #cuisine=pizza"``) and a template may require one (``{time:part=morning}``);
only coherent combinations are drawn, so "get up at seven am tonight" or "a burrito from
Pizza Hut" are never generated (see ``kitlib.data.pocket.frames``).

Why MASSIVE style by default: MASSIVE writes utterances lowercase, unpunctuated, with
numbers in words; ``cased=True`` keeps the templates' own casing and punctuation instead.

Why this sampling: each (language, intent, split) draws from its own ``random.Random``
seeded with a stable string (never ``hash()``), going round-robin over the split's
templates and skipping repeated fills and repeated texts. The stream does not depend on
``size``, so a larger ``size`` keeps the smaller one's examples and appends new ones (up to
the rare text that an earlier intent of the same split already produced, which is dropped).
"""
from __future__ import annotations

import functools
import itertools
import random
from typing import Mapping, Sequence

from kitlib.data.pocket import PocketData
from kitlib.data.pocket.frames import Value, coherent, fits, massive_style
from kitlib.data.pocket.intent import LanguageTemplates, load_language, render, slot_fields
from kitlib.data.pocket.intent_schema import INTENTS, LANGUAGES
from kitlib.data.types import Example
from kitlib.errors import bad_value

NAME = "pocket-intent"
SEEN: tuple[str, ...] = ("en", "es", "ru", "zh", "ar", "hi")
"""Default seen (training) languages of the seen/unseen scenario: one per script family
among the high-resource ones; the other six are unseen."""
SPLITS: tuple[str, ...] = ("train", "dev", "test")
N_DEV_TEMPLATES = 2
N_TEST_TEMPLATES = 2
PER_INTENT: dict[str, int] = {"train": 18, "dev": 8, "test": 10}
"""Examples per (language, intent) at size=1; multiplied by ``size``. Fewer only when a
split's templates run out of distinct fills."""


def split_templates(templates: Sequence[str]) -> dict[str, list[tuple[int, str]]]:
    """(index, template) pairs of each split: last 2 -> test, 2 before -> dev, rest -> train."""
    n = len(templates)
    cut_dev, cut_test = n - N_DEV_TEMPLATES - N_TEST_TEMPLATES, n - N_TEST_TEMPLATES
    indexed = list(enumerate(templates))
    return {"train": indexed[:cut_dev], "dev": indexed[cut_dev:cut_test],
            "test": indexed[cut_test:]}


def combos(template: str, slots: Mapping[str, tuple[Value, ...]]
           ) -> tuple[tuple[str, ...], list[tuple[int, ...]]]:
    """Slot names of ``template`` and every coherent combination of value indices (in
    product order): values agree on every tag dimension they share and fit the template's
    own requirements."""
    required: dict[str, dict[str, frozenset[str]]] = {}
    for name, _, req in slot_fields(template):
        mine = required.setdefault(name, {})
        for dim, tags in req.items():
            mine[dim] = mine[dim] & tags if dim in mine else tags
    names = tuple(required)
    candidates = [[i for i, v in enumerate(slots[n]) if fits(v, required[n])] for n in names]
    found = [pick for pick in itertools.product(*candidates)
             if coherent(slots[n][i] for n, i in zip(names, pick))]
    return names, found


@functools.lru_cache(maxsize=None)
def _language_combos(code: str) -> dict[str, tuple[tuple[str, ...], list[tuple[int, ...]]]]:
    loaded = load_language(code)
    return {t: combos(t, loaded.slots) for items in loaded.templates.values() for t in items}


class _TemplateFiller:
    """Distinct coherent fills of one template, drawn from a shared RNG until all are used."""

    def __init__(self, index: int, template: str, lang: LanguageTemplates):
        self.index = index
        self.template = template
        if lang is load_language(lang.lang):
            self.names, self.combos = _language_combos(lang.lang)[template]
        else:
            self.names, self.combos = combos(template, lang.slots)
        self.values = [lang.slots[name] for name in self.names]
        self.capacity = len(self.combos)
        self.used: set[int] = set()
        self.exhausted = self.capacity == 0

    def draw(self, rng: random.Random) -> tuple[str, dict[str, str]]:
        """A fill not drawn before: (text, slot -> value); call only while not ``exhausted``."""
        rand = rng.random
        while True:
            pick = int(rand() * self.capacity)
            if pick not in self.used:
                break
        self.used.add(pick)
        self.exhausted = len(self.used) >= self.capacity
        chosen = {name: values[i] for name, values, i in
                  zip(self.names, self.values, self.combos[pick])}
        return render(self.template, chosen), {name: v.text for name, v in chosen.items()}


def _fill_split(lang: LanguageTemplates, intent: str, split: str,
                templates: list[tuple[int, str]], target: int,
                seen_texts: set[str]) -> list[tuple[str, int, dict[str, str]]]:
    """Up to ``target`` (cased text, template index, slot values), round-robin over
    ``templates``. A text whose MASSIVE-style form is already in ``seen_texts`` is skipped,
    so the cased and the MASSIVE-style datasets hold the same examples."""
    rng = random.Random(f"{NAME}/{lang.lang}/{intent}/{split}")
    fillers = [_TemplateFiller(i, t, lang) for i, t in templates]
    out: list[tuple[str, int, dict[str, str]]] = []
    while len(out) < target:
        live = [f for f in fillers if not f.exhausted]
        if not live:
            break
        for filler in live:
            if len(out) >= target or filler.exhausted:
                continue
            text, values = filler.draw(rng)
            key = massive_style(text, lang.lang)
            if key not in seen_texts:
                seen_texts.add(key)
                out.append((text, filler.index, values))
    return out


def generate(size: int = 1, languages: Sequence[str] | None = None,
             cased: bool = False) -> PocketData:
    """Generate ``pocket-intent`` at scale ``size`` (int >= 1).

    ``languages`` (default: all twelve schema languages) restricts generation to some
    languages, e.g. while a template file is being written; ``seen`` keeps only those of
    the default seen group that are generated.

    ``cased=False`` (the default) writes every text in MASSIVE style: lowercase, no
    sentence punctuation, numbers in words ("wake me up at nine am on friday");
    ``cased=True`` keeps the templates' casing and punctuation ("Wake me up at nine am on
    Friday, please."). Both have the same examples, ids, labels and sources; only the
    texts differ.

    ``sources[id]``: ``template`` ("en/alarm_set/8", the frame the example was filled
    from) and ``slots`` (slot -> the value used, in its dictionary form).
    """
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise bad_value("size", size, "an integer >= 1 (1 = default size)")
    if not isinstance(cased, bool):
        raise bad_value("cased", cased, "True (the templates' casing and punctuation) or "
                        "False (MASSIVE style, the default)")
    if languages is None:
        langs = list(LANGUAGES)
    else:
        if isinstance(languages, str) or not languages:
            raise bad_value("languages", languages, "a non-empty list of codes from "
                            + ", ".join(LANGUAGES))
        for code in languages:
            if code not in LANGUAGES:
                raise bad_value("languages", code, LANGUAGES)
        langs = [code for code in LANGUAGES if code in set(languages)]
    loaded = [load_language(code) for code in langs]  # validates every file before work

    label_names = list(INTENTS)
    splits: dict[str, list[Example]] = {split: [] for split in SPLITS}
    sources: dict[str, dict] = {}
    for lang in loaded:
        for split in SPLITS:
            seen_texts: set[str] = set()
            counter = 0
            for label, intent in enumerate(label_names):
                chosen = split_templates(lang.templates[intent])[split]
                for text, index, values in _fill_split(lang, intent, split, chosen,
                                                       PER_INTENT[split] * size, seen_texts):
                    ex_id = f"intent-{lang.lang}-{split}-{counter:05d}"
                    counter += 1
                    if not cased:
                        text = massive_style(text, lang.lang)
                    splits[split].append(Example(id=ex_id, lang=lang.lang, text=text,
                                                 label=label))
                    sources[ex_id] = {"template": f"{lang.lang}/{intent}/{index}",
                                      "slots": values}
    return PocketData(name=NAME, task="classification", label_names=label_names,
                      languages=langs, seen=[code for code in SEEN if code in langs],
                      splits=splits, sources=sources)


SCRIPTS: dict[str, str] = {
    "en": "Latin", "es": "Latin", "de": "Latin", "fr": "Latin", "pt": "Latin", "id": "Latin",
    "sw": "Latin", "ru": "Cyrillic", "ar": "Arabic", "hi": "Devanagari",
    "zh": "Han (simplified)", "ja": "Kanji + kana",
}


def summary(size: int = 1, languages: Sequence[str] | None = None) -> list[dict]:
    """Per language: script, templates per split and examples per split (the datasheet's
    table; ``summary_table`` formats it, and a test keeps README.md in step with it)."""
    data = generate(size=size, languages=languages)
    rows = []
    for code in data.languages:
        loaded = load_language(code)
        per_split = {split: sum(len(split_templates(t)[split]) for t in loaded.templates.values())
                     for split in SPLITS}
        split_counts = {split: sum(ex.lang == code for ex in data.splits[split])
                        for split in SPLITS}
        rows.append({"lang": code, "script": SCRIPTS[code], "templates": per_split,
                     "examples": split_counts})
    return rows


def summary_table(rows: list[dict]) -> str:
    """Markdown rows ``| lang | script | templates train/dev/test | train | dev | test |``."""
    lines = []
    for row in rows:
        t, e = row["templates"], row["examples"]
        lines.append(f"| {row['lang']} | {row['script']} | {t['train']} / {t['dev']} / "
                     f"{t['test']} | {e['train']} | {e['dev']} | {e['test']} |")
    return "\n".join(lines)
