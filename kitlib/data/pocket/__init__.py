"""Pocket datasets: small multilingual tasks written by us and generated, not downloaded.

Each generator module (``intent_gen``, ``sentiment_gen``, ``ner_gen``) exposes
``generate(size: int = 1, ...) -> PocketData`` (pocket-intent also takes ``cased``);
generation is deterministic (no global RNG, no
hash-order dependence), so the same ``size`` always yields the same examples.
The datasheet is ``README.md`` beside this file.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from kitlib.data.types import Example, Task
from kitlib.errors import bad_value

POCKET_DATASETS: dict[str, str] = {
    "pocket-intent": "intent_gen",
    "pocket-sentiment": "sentiment_gen",
    "pocket-ner": "ner_gen",
}


@dataclass
class PocketData:
    """One generated pocket dataset.

    ``seen`` is the default group of seen (training) languages for the seen/unseen
    scenario; ``sources`` maps each example id to what it was made from (template id and,
    for NER, the entity names) so tests can prove that splits share neither.
    """

    name: str
    task: Task
    label_names: list[str]
    languages: list[str]
    seen: list[str]
    splits: dict[str, list[Example]]
    sources: dict[str, dict] = field(default_factory=dict)


OPTIONS: dict[str, tuple[str, ...]] = {
    "pocket-intent": ("cased",),
    "pocket-sentiment": (),
    "pocket-ner": (),
}
"""Generation options each dataset takes besides ``size``: ``cased`` (pocket-intent only):
False (default) = MASSIVE style (lowercase, unpunctuated), True = the templates' casing and
punctuation. Sentiment and NER texts are always cased, as tweets and UNER are."""


def generate(name: str, size: int = 1, **options) -> PocketData:
    """Generate pocket dataset ``name`` at scale ``size`` (an int >= 1), with the dataset's
    ``OPTIONS`` (e.g. ``generate("pocket-intent", cased=True)``)."""
    if name not in POCKET_DATASETS:
        raise bad_value("dataset", name, sorted(POCKET_DATASETS))
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise bad_value("size", size, "an integer >= 1 (1 = default size)")
    for key in options:
        if key not in OPTIONS[name]:
            raise bad_value("option", key, OPTIONS[name] or "none besides size",
                            hint=f"(generation options of {name!r})")
    module = importlib.import_module(f"kitlib.data.pocket.{POCKET_DATASETS[name]}")
    return module.generate(size=size, **options)
