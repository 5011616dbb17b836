"""Generator of ``pocket-ner``: PER / ORG / LOC in BIO2 over pre-tokenized sentences.

Why templates plus partitioned name lists: the test split must measure recognising entities,
not remembering them. Train, dev and test use disjoint sentence templates AND disjoint
entity names (each name list is cut by position, like the templates), so no test sentence
shape or name was ever seen in training. Multi-word names (first + last name, "New York",
"Goldman Sachs") give I- tags; some templates have no entity at all.

Per-language data format (``kitlib/data/pocket/ner/<lang>.py``):

``PER``, ``ORG``, ``LOC: list[str]``
    names, words separated by single spaces (zh/ja: segmented into words as Universal NER
    does). Where a language inflects names, an entry lists its forms ``"nom|form1|..."``
    and a template picks one with ``{LOC:1}``; the first form is the name's identity.
    Order matters: the last names go to test, the ones before to dev (``split_sizes``).
``FILL: dict[str, list[str]]`` (optional)
    non-entity fillers (days, objects...), used as ``{DAY}`` etc. and tagged ``O``.
``TEMPLATES: list[str]``
    sentences with slots ``{PER}``, ``{PER2}``, ``{ORG}``, ``{ORG2}``, ``{LOC}``,
    ``{LOC2}`` (a ``2`` slot is a different name of the same type) and ``FILL`` keys.
    Text is cut into tokens by ``tokenize`` (words, and each punctuation mark alone), so
    zh/ja templates are written with spaces between words. Last templates go to test.
"""
from __future__ import annotations

import importlib
import math
import random
import re

from kitlib.data.pocket import PocketData
from kitlib.data.pocket.sentiment_gen import (build, round_robin, split_of, split_sizes,
                                               unique_draws)
from kitlib.data.types import Example

NAME = "pocket-ner"
LABEL_NAMES: list[str] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
LANGUAGES: tuple[str, ...] = ("en", "de", "es", "pt", "sv", "ru", "zh", "ja")
SEEN: list[str] = ["en", "de", "ru", "zh"]
SPLITS: tuple[str, ...] = ("train", "dev", "test")
ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC")
# sentences per language and split at size=1
PER_SPLIT: dict[str, int] = {"train": 300, "dev": 80, "test": 160}

_TOKEN = re.compile(r"\{[A-Z]+\d?(?::\d)?\}|\w+(?:['’\-]\w+)*|[^\w\s]")
_SLOT = re.compile(r"\{([A-Z]+?)(2?)(?::(\d))?\}")
_TAG = {name: i for i, name in enumerate(LABEL_NAMES)}

__all__ = ["LABEL_NAMES", "LANGUAGES", "SEEN", "generate", "generate_language", "name_split",
           "tokenize", "split_sizes"]


def tokenize(template: str) -> list[str]:
    """Words, slots and single punctuation marks of a template, in order."""
    return _TOKEN.findall(template)


def load_language(lang: str):
    """The data module of one language (see the module docstring for its format)."""
    return importlib.import_module(f"kitlib.data.pocket.ner.{lang}")


def name_split(names: list[str], split: str) -> list[str]:
    """The entries of a name list that belong to ``split`` (cut by position like templates)."""
    return [entry for pos, entry in enumerate(names) if split_of(pos, len(names)) == split]


def _parse(template: str) -> list[tuple[str, str | None, bool, int]]:
    """Tokens of a template as (word, slot kind or None, second name?, form index)."""
    parsed = []
    for token in tokenize(template):
        slot = _SLOT.fullmatch(token)
        if slot is None:
            parsed.append((token, None, False, 0))
        else:
            parsed.append((token, slot.group(1), bool(slot.group(2)), int(slot.group(3) or 0)))
    return parsed


def _fill(parsed: list[tuple[str, str | None, bool, int]], names: dict[str, list[str]],
          fillers: dict[str, list[str]], rng: random.Random
          ) -> tuple[tuple[str, ...], tuple[int, ...], list[str]]:
    """Words, tag indices and entity names of one sentence."""
    picked: dict[str, list[str]] = {}
    words: list[str] = []
    tags: list[int] = []
    entities: list[str] = []
    for token, kind, second, form in parsed:
        if kind is None:
            words.append(token)
            tags.append(0)
        elif kind in fillers:
            value = rng.choice(fillers[kind]).split()
            words.extend(value)
            tags.extend([0] * len(value))
        elif kind in ENTITY_TYPES:
            if kind not in picked:
                picked[kind] = rng.sample(names[kind], 2)
            forms = picked[kind][1 if second else 0].split("|")
            value = forms[min(form, len(forms) - 1)].split()
            entities.append(forms[0])
            words.extend(value)
            tags.extend([_TAG[f"B-{kind}"]] + [_TAG[f"I-{kind}"]] * (len(value) - 1))
        else:
            raise ValueError(f"unknown slot {token} in NER template {' '.join(t[0] for t in parsed)!r}")
    return tuple(words), tuple(tags), entities


def _drawer(parsed, names, fillers, rng: random.Random):
    return lambda: _fill(parsed, names, fillers, rng)


def generate_language(lang: str, size: int = 1) -> tuple[dict[str, list[Example]], dict[str, dict]]:
    """Splits and sources of one language."""
    data = load_language(lang)
    fillers = getattr(data, "FILL", {})
    n = len(data.TEMPLATES)
    splits: dict[str, list[Example]] = {s: [] for s in SPLITS}
    sources: dict[str, dict] = {}
    for split in SPLITS:
        names = {kind: name_split(getattr(data, kind), split) for kind in ENTITY_TYPES}
        chosen = [(i, t) for i, t in enumerate(data.TEMPLATES) if split_of(i, n) == split]
        total = PER_SPLIT[split] * size
        want = math.ceil(total / len(chosen)) + 10
        pools = [
            [(i, fill) for fill in unique_draws(_drawer(_parse(t), names, fillers, random.Random(f"{NAME}/{lang}/{i}")),
                                                key=lambda fill: fill[0], want=want)]
            for i, t in chosen
        ]
        for i, (words, tags, entities) in round_robin(pools, total):
            ex_id = f"ner-{lang}-{split}-{len(splits[split]):05d}"
            splits[split].append(Example(id=ex_id, lang=lang, tokens=words, tags=tags))
            sources[ex_id] = {"template": f"{lang}/{i}", "entities": entities}
    return splits, sources


def generate(size: int = 1) -> PocketData:
    """Generate ``pocket-ner`` at scale ``size`` (fills per template grow with it)."""
    return build(NAME, "tagging", LABEL_NAMES, LANGUAGES, SEEN, generate_language, size)
