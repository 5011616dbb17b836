"""Seeded, stratified, nested subsets of a split.

Why nested: the learning-speed notebook compares students trained on 1%, 5%, 10%, 20% of
the training data; the comparison is only fair when each smaller subset lies inside the
larger ones. Every stratum gets ONE seeded permutation that does not depend on the
fraction; item ``j`` of a stratum of ``n`` items gets the rank ``(j + 0.5) / n``, and a
subset of fraction ``f`` of ``N`` items takes the ``ceil(f * N)`` lowest ranks overall.
That order does not depend on ``f``, so the 1% subset is a prefix of the 5% one.

Why stratified (proportional): with 60 intents and 52 locales a plain random 1% could
over- or under-sample whole languages; ranking within strata gives every (language, label)
cell its share ``f * n`` within one item. A 1% subset is really 1%: cells smaller than
``1 / f`` may get no item (taking one per cell made pocket-intent's 1% and 5% subsets
identical). Only a language that would vanish entirely keeps one item, so that every seen
language stays present.

Strata: classification uses ``(lang, label name)``; tagging uses ``(lang, main entity
type)``, where the main type is the entity type (PER, ORG, ...) that occurs most often as
an entity in the sentence (ties: alphabetical), or ``"none"`` for a sentence without
entities.

Order independence: a stratum's items are sorted by ``id`` before the permutation, so the
same examples are chosen whatever order a loader produced them in; the chosen examples
are returned in their original order.
"""
from __future__ import annotations

import hashlib
import math
import random
from collections import Counter, defaultdict
from typing import Sequence

from kitlib.data.types import Example

_EPS = 1e-9  # so that 0.07 * 100 = 7.000000000000001 takes 7, not 8


def main_entity_type(tags: Sequence[int], label_names: Sequence[str]) -> str:
    """The entity type that starts most often in ``tags`` (BIO2 indices), or ``"none"``."""
    counts = Counter(label_names[t][2:] for t in tags if label_names[t].startswith("B-"))
    if not counts:
        return "none"
    best = max(counts.values())
    return min(kind for kind, n in counts.items() if n == best)


def stratum(example: Example, label_names: Sequence[str]) -> tuple[str, str]:
    """Stratum of one example: ``(lang, label name)`` or ``(lang, main entity type)``."""
    if example.label is not None:
        return (example.lang, label_names[example.label])
    if example.tags is not None:
        return (example.lang, main_entity_type(example.tags, label_names))
    return (example.lang, "")


def _groups(examples: Sequence[Example], label_names: Sequence[str]) -> dict[tuple, list[int]]:
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, ex in enumerate(examples):
        groups[stratum(ex, label_names)].append(i)
    return groups


def _permutation(examples: Sequence[Example], indices: list[int], seed: int, key: tuple) -> list[int]:
    """One seeded permutation of a stratum; independent of input order and of the fraction."""
    ordered = sorted(indices, key=lambda i: (examples[i].id, i))
    # random.Random seeded with a str is stable across runs and platforms (sha512 based)
    random.Random(f"kitlib-subset/{seed}/{key[0]}/{key[1]}").shuffle(ordered)
    return ordered


def take_count(fraction: float, n: int) -> int:
    """How many of ``n`` items a ``fraction`` subset keeps: ``ceil(fraction * n)``, at least 1."""
    return min(n, max(1, math.ceil(fraction * n - _EPS)))


def _ranked(examples: Sequence[Example], seed: int,
            label_names: Sequence[str]) -> list[tuple[float, str, tuple, int]]:
    """Every item with its sort key ``(rank, tie, stratum, index)``, sorted.

    Each stratum is permuted once (seeded, see ``_permutation``); item ``j`` of a stratum of
    size ``n`` gets the rank ``(j + 0.5) / n``. Taking the lowest ranks of this list (all of
    it, or one language's part) gives every stratum its proportional share (within one
    item), and because the order does not depend on how many are taken, a smaller selection
    is always inside a larger one. Equal ranks (strata of the same size) are broken by a
    seeded hash of the stratum (``tie``), so no language or label is favoured by its name.
    """
    ranked = []
    for key, indices in _groups(examples, label_names).items():
        order = _permutation(examples, indices, seed, key)
        tie = hashlib.sha256(f"kitlib-tie/{seed}/{key[0]}/{key[1]}".encode()).hexdigest()
        ranked += [((j + 0.5) / len(order), tie, key, i) for j, i in enumerate(order)]
    ranked.sort()
    return ranked


def nested_subset(examples: Sequence[Example], fraction: float, seed: int,
                  label_names: Sequence[str]) -> list[Example]:
    """The ``fraction`` subset of ``examples``: stratified, seeded and nested (module doc).

    Size: ``take_count(fraction, len(examples))`` = ``ceil(fraction * N)`` items, allocated
    across strata in proportion to their size (each stratum within one item of
    ``fraction * n``; small strata may get none). Exception: a language of ``examples``
    (a seen language) that would get no item keeps its lowest-ranked one, so the subset is
    at most (number of languages - 1) items larger than ``ceil(fraction * N)``.
    """
    if fraction >= 1:
        return list(examples)
    ranked = _ranked(examples, seed, label_names)
    chosen = ranked[:take_count(fraction, len(ranked))]
    keep = {i for *_, i in chosen}
    present = {key[0] for _, _, key, _ in chosen}
    for _, _, key, i in ranked:  # first item (lowest rank) of every missing language
        if key[0] not in present:
            present.add(key[0])
            keep.add(i)
    return [ex for i, ex in enumerate(examples) if i in keep]


def cap_per_language(examples: Sequence[Example], cap: int | None, seed: int,
                     label_names: Sequence[str]) -> list[Example]:
    """At most ``cap`` examples per language, stratified by label and nested in ``cap``.

    Within a language, the ``cap`` lowest ranks of ``_ranked`` are kept: every stratum is
    represented in proportion, and a smaller cap is a subset of a larger one.
    """
    if cap is None:
        return list(examples)
    taken: Counter = Counter()
    keep: set[int] = set()
    for _, _, key, i in _ranked(examples, seed, label_names):
        if taken[key[0]] < cap:
            taken[key[0]] += 1
            keep.add(i)
    return [ex for i, ex in enumerate(examples) if i in keep]
