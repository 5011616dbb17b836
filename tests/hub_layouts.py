"""Small corpora written in the hub datasets' own file layouts, for tests of the laptop presets.

Why: the laptop presets read the paper's datasets (tweet sentiment, MASSIVE, Universal NER)
from the hub or from ``data_dir``; the hub is not reachable in tests, so the tests write a
few rows per language in exactly the layout a user's download has and point ``data_dir``
at it. Every text comes from the kit's generated pocket data (invented, not copied from any
real dataset); the tweet files also carry what real files hold (a BOM, CRLF line ends, labels
as ints and as names, emoji, URLs, ``@user``, an empty and a very long text), so the presets
are exercised through the same loader paths real files take.
"""
from __future__ import annotations

import json
from pathlib import Path

from kitlib.data import pocket
from kitlib.data.hub import MASSIVE_INTENTS, MASSIVE_LOCALES, TSM_LABELS, TSM_LANGUAGES, massive_language

_SPLIT_FILES = {"train": "train", "dev": "validation", "test": "test"}
_POCKET_TO_MASSIVE = {"iot_lights_on": "iot_hue_lighton", "iot_lights_off": "iot_hue_lightoff",
                      "iot_lights_dim": "iot_hue_lightdim"}
LONG_TWEET = "so much to say about this match, the referee and the weather " * 120


def _per_label(examples, label_names, lang: str, per_label: int) -> list:
    """The first ``per_label`` examples of each label in ``lang`` (deterministic)."""
    out, taken = [], {}
    for ex in examples:
        if ex.lang == lang and taken.get(ex.label, 0) < per_label:
            taken[ex.label] = taken.get(ex.label, 0) + 1
            out.append(ex)
    return out


def write_tsm_layout(folder: str | Path, per_label: tuple[int, int, int] = (4, 2, 2)) -> Path:
    """``data/<language>/{train,validation,test}.jsonl`` for the 8 tweet-sentiment languages,
    ``per_label`` rows per label and split (train, dev, test), from pocket-sentiment texts.

    English train is written like a real export: UTF-8 BOM, CRLF, labels as names, an emoji /
    URL / ``@user`` tweet, an empty tweet (dropped by the loader, with a warning) and a very
    long one (kept whole, truncated at tokenization); the other files use integer labels."""
    src = pocket.generate("pocket-sentiment")
    root = Path(folder)
    for language, code in TSM_LANGUAGES.items():
        for (split, fname), n in zip(_SPLIT_FILES.items(), per_label):
            rows = [{"text": ex.text, "label": TSM_LABELS.index(src.label_names[ex.label])}
                    for ex in _per_label(src.splits[split], src.label_names, code, n)]
            path = root / "data" / language / f"{fname}.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            if code == "en" and split == "train":
                rows = [{"text": r["text"], "label": TSM_LABELS[r["label"]]} for r in rows]
                rows += [{"text": "@user @user loved it 😍🔥 https://t.co/AbC123 #win", "label": "positive"},
                         {"text": "", "label": 1},
                         {"text": LONG_TWEET, "label": "neutral"}]
                body = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\r\n"
                path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
            else:
                path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                encoding="utf-8")
    return root


def write_massive_layout(folder: str | Path, languages: list[str],
                         per_label: tuple[int, int, int] = (2, 1, 1)) -> Path:
    """``1.1/data/<locale>.jsonl`` (the MASSIVE 1.1 tarball) for the locales of ``languages``
    (codes as the kit names them: ``en``, ``zh-TW``), from pocket-intent utterances (its
    English ones for a language pocket-intent does not have)."""
    src = pocket.generate("pocket-intent")
    locales = {massive_language(loc): loc for loc in MASSIVE_LOCALES}
    root = Path(folder) / "1.1" / "data"
    root.mkdir(parents=True, exist_ok=True)
    for code in languages:
        lang = code if code in src.languages else "en"
        rows, n_id = [], 0
        for (split, partition), n in zip({"train": "train", "dev": "dev", "test": "test"}.items(),
                                         per_label):
            for ex in _per_label(src.splits[split], src.label_names, lang, n):
                name = src.label_names[ex.label]
                intent = _POCKET_TO_MASSIVE.get(name, name)
                assert intent in MASSIVE_INTENTS, intent
                n_id += 1
                rows.append({"id": str(n_id), "locale": locales[code], "partition": partition,
                             "scenario": intent.split("_")[0], "intent": intent, "utt": ex.text})
        (root / f"{locales[code]}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return Path(folder)
