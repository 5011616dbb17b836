"""The one example shape shared by every task, and the bundle a loader returns.

Why one shape: notebooks, training and evaluation never branch on the dataset, only on
``TaskData.task`` ("classification" uses ``text``/``label``; "tagging" uses ``tokens``/``tags``).
Labels are integer indices into ``TaskData.label_names`` (for tagging, BIO2 tag names such
as ``"B-PER"``), so every dataset reaches the model in the same form.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Literal

Task = Literal["classification", "tagging"]
LangGroup = Literal["seen", "unseen"]


@dataclass(frozen=True)
class Example:
    """One item: ``id`` unique within its dataset, ``lang`` an ISO 639-1 code (e.g. "en", "zh").

    Classification: ``text`` and ``label``. Tagging: ``tokens`` (pre-split words) and
    ``tags`` (one label index per word).
    """

    id: str
    lang: str
    text: str | None = None
    tokens: tuple[str, ...] | None = None
    label: int | None = None
    tags: tuple[int, ...] | None = None


@dataclass
class TaskData:
    """What ``kitlib.data.load`` returns: three splits plus the language bookkeeping.

    ``languages`` are all evaluation languages (seen + unseen); ``train_languages`` are the
    seen ones (the languages ``train`` was restricted to). ``selection`` holds the resolved
    selection parameters so that results can record exactly what was loaded. ``clusters``
    maps dev/test example ids to their template where the data have templates (see
    ``cluster``); it is not part of the fingerprint.
    """

    name: str
    task: Task
    label_names: list[str]
    train: list[Example]
    dev: list[Example]
    test: list[Example]
    languages: list[str]
    train_languages: list[str]
    selection: dict = field(default_factory=dict)
    clusters: dict[str, str] = field(default_factory=dict)

    def cluster(self, example_id: str) -> str:
        """The unit a bootstrap over evaluation examples resamples: the template an example
        was filled from (pocket datasets, where examples of one template are not
        independent), else the example itself (hub and local data)."""
        return self.clusters.get(example_id, example_id)

    @property
    def unseen_languages(self) -> list[str]:
        return [lang for lang in self.languages if lang not in self.train_languages]

    def lang_group(self, lang: str) -> LangGroup:
        return "seen" if lang in self.train_languages else "unseen"

    def split(self, name: str) -> list[Example]:
        if name not in ("train", "dev", "test"):
            from kitlib.errors import bad_value

            raise bad_value("split", name, ["train", "dev", "test"])
        return getattr(self, name)

    def texts(self) -> list[str]:
        """Every text (or word) in all splits: what vocabulary trimming must keep."""
        out: list[str] = []
        for ex in (*self.train, *self.dev, *self.test):
            if ex.text is not None:
                out.append(ex.text)
            if ex.tokens is not None:
                out.extend(ex.tokens)
        return out

    def fingerprint(self) -> str:
        """Content hash of labels and every example of every split (cache keys use it)."""
        h = hashlib.sha256()
        h.update(json.dumps([self.name, self.task, self.label_names]).encode())
        for split in ("train", "dev", "test"):
            h.update(split.encode())
            for ex in getattr(self, split):
                h.update(json.dumps([ex.id, ex.lang, ex.text, ex.tokens, ex.label, ex.tags],
                                    ensure_ascii=False).encode())
        return h.hexdigest()[:16]
