"""Helpers shared by the three pocket generators: typed slot values, frame keys, MASSIVE style.

Typed slot values (why): a template filled with independent random values produces
sentences nobody would say ("get up at seven am tonight", "chicken tikka masala from Taco
Bell", "put milk on the Christmas list"). A value may therefore carry tags after its text,
``"seven am #part=morning"``, ``"Domino's #cuisine=pizza"``, ``"sunscreen #list=packing,shopping"``:
one *dimension* (part, cuisine, list...) and the set of tags it allows. A fill is coherent when,
for every dimension, the tag sets of all values that have it (and the template's own
requirement, e.g. ``{time:part=morning}``) share at least one tag. Values without a
dimension fit everything ("tomorrow" goes with any time).

Frame keys (why): a dev or test template that is a train template of the same label with one
word swapped ("delete my {list} list" / "empty my {list} list") lets a model pass by
memorising train frames. ``frame_tokens`` reduces a template to its shape (case and
punctuation dropped, every slot replaced by its slot name, words as tokens, or characters
for Chinese and Japanese) and ``near_copies`` reports pairs within ``near_limit`` token
edits; the tests require none between dev/test and train.

MASSIVE style (why): MASSIVE utterances are lowercase and unpunctuated ("wake me up at nine
am on friday"); a pocket set with "?" on every question would hand query intents a
punctuation cue that the real data does not have. ``massive_style`` lowercases and removes
sentence punctuation, keeping apostrophes, hyphens inside words, % and the like.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from kitlib.errors import KitError

SPACELESS = ("zh", "ja")
"""Languages written without spaces between words: frames are compared by characters."""


@dataclass(frozen=True)
class Value:
    """One slot value: its surface forms (``forms[0]`` is the default) and its tags."""

    forms: tuple[str, ...]
    tags: Mapping[str, frozenset[str]]

    @property
    def text(self) -> str:
        return self.forms[0]

    def form(self, index: int) -> str:
        return self.forms[min(index, len(self.forms) - 1)]


_TAG = re.compile(r"\s+#(\w+)=([\w,\-]+)")


def parse_spec(spec: str, where: str = "") -> tuple[int, dict[str, frozenset[str]]]:
    """A template slot's spec, items separated by ``;``: an integer picks a value form,
    ``dim=tag1,tag2`` requires a tag. ``"1;part=evening"`` -> (1, {"part": {"evening"}})."""
    form, required = 0, {}
    for item in (s.strip() for s in spec.split(";")):
        if not item:
            continue
        if item.isdigit():
            form = int(item)
        elif re.fullmatch(r"\w+=[\w\-]+(,[\w\-]+)*", item):
            dim, tags = item.split("=")
            required[dim] = frozenset(tags.split(","))
        else:
            raise KitError(f"{where}: slot spec {spec!r} has a malformed item {item!r}; "
                           "use a form number or dim=tag1,tag2, separated by ';'.")
    return form, required


def parse_value(raw: str, where: str = "") -> Value:
    """``"в пятницу|на пятницу #part=day"`` -> Value(forms=("в пятницу", "на пятницу"), ...)."""
    tags: dict[str, frozenset[str]] = {}
    for dim, spec in _TAG.findall(raw):
        if dim in tags:
            raise KitError(f"{where}: value {raw!r} repeats tag dimension {dim!r}.")
        tags[dim] = frozenset(spec.split(","))
    text = _TAG.sub("", raw).strip()
    if "#" in text:
        raise KitError(f"{where}: value {raw!r} has a malformed tag; write ' #dim=tag1,tag2'.")
    forms = tuple(f.strip() for f in text.split("|"))
    if not all(forms):
        raise KitError(f"{where}: value {raw!r} has an empty form.")
    return Value(forms, tags)


def coherent(values: Iterable[Value], required: Mapping[str, frozenset[str]] | None = None) -> bool:
    """True when, for every tag dimension, the values (and ``required``) share a tag."""
    allowed: dict[str, frozenset[str]] = dict(required or {})
    for value in values:
        for dim, tags in value.tags.items():
            allowed[dim] = allowed[dim] & tags if dim in allowed else tags
            if not allowed[dim]:
                return False
    return True


def fits(value: Value, required: Mapping[str, frozenset[str]]) -> bool:
    """``value`` satisfies a template's requirement (a missing dimension always does)."""
    return all(dim not in value.tags or value.tags[dim] & tags for dim, tags in required.items())


# ------------------------------------------------------------------ frame keys
_SLOT = re.compile(r"\{([A-Za-z_]+)\d?[^{}]*\}")


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS" and ch not in "\x00"


def frame_tokens(template: str, lang: str) -> list[str]:
    """The shape of a template: casefolded, punctuation dropped, each slot as one token
    named after its slot (``{LOC2:1}`` -> ``LOC``, ``{time:part=morning}`` -> ``time``),
    words as tokens (characters for zh / ja)."""
    marked = _SLOT.sub(lambda m: f" \x00{m.group(1).upper()} ", template)
    text = "".join(" " if _is_punct(ch) else ch for ch in marked.casefold())
    tokens: list[str] = []
    for word in text.split():
        if word.startswith("\x00") or lang not in SPACELESS:
            tokens.append(word)
        else:
            tokens.extend(word)
    return tokens


def edit_distance(a: Sequence[str], b: Sequence[str]) -> int:
    """Levenshtein distance between two token sequences."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def near_limit(a: Sequence[str], b: Sequence[str]) -> int:
    """Largest distance that still counts as a near-copy: 1 edit, or one per 5 tokens of
    the longer frame ("deja vacía la lista {list}" vs "vacía la lista {list}" is one)."""
    return max(1, max(len(a), len(b)) // 5)


def near_copies(train: Sequence[tuple[str, str]], others: Sequence[tuple[str, str]],
                lang: str) -> list[tuple[str, str, int]]:
    """(other id, train id, distance) for each (id, template) in ``others`` within
    ``near_limit`` of some train template."""
    train_tok = [(tid, frame_tokens(t, lang)) for tid, t in train]
    found = []
    for oid, template in others:
        a = frame_tokens(template, lang)
        for tid, b in train_tok:
            if abs(len(a) - len(b)) > near_limit(a, b):
                continue
            d = edit_distance(a, b)
            if d <= near_limit(a, b):
                found.append((oid, tid, d))
    return found


# ------------------------------------------------------------------ MASSIVE style
_KEEP = set("'’-&%/#№+@_")


def massive_style(text: str, lang: str) -> str:
    """Lowercase, no sentence punctuation, single spaces (MASSIVE's way of writing)."""
    out = []
    for i, ch in enumerate(text):
        if _is_punct(ch) and ch not in _KEEP:
            out.append("" if lang in SPACELESS else " ")
        elif ch in "-'’" and (i == 0 or i == len(text) - 1 or text[i - 1] == " " or text[i + 1] == " "):
            out.append(" ")
        else:
            out.append(ch)
    return " ".join("".join(out).lower().split())
