"""Turn ``Example`` objects into token ids and labels, once, without padding.

Why: padding is done per batch (dynamic padding, see ``batching``), so encoded examples keep
their true length. Token ids stay Python ints (later int64 tensors): XLM-R has 250002 ids,
which would overflow 16-bit storage. For tagging, only the first sub-word of each word carries
the word's label; special tokens and later sub-words get -100, so loss and seqeval scoring
both look at exactly one position per word.
"""
from __future__ import annotations

from typing import Any, Sequence

from kitlib.data.types import Example
from kitlib.errors import bad_value

TASKS = ("classification", "tagging")
IGNORE_INDEX = -100


def _check(examples: Sequence[Example], task: str, max_length: int) -> None:
    if task not in TASKS:
        raise bad_value("task", task, TASKS)
    if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 4:
        raise bad_value("max_length", max_length, "an int >= 4 (room for special tokens)")
    field = "text" if task == "classification" else "tokens"
    for ex in examples:
        if getattr(ex, field) is None:
            raise bad_value("examples", ex.id, f"examples with `{field}` set for task={task!r}")


def encode(examples: Sequence[Example], tokenizer: Any, task: str,
           max_length: int = 128) -> list[dict]:
    """Tokenize ``examples`` (truncated to ``max_length``) into dicts with ``input_ids``,
    ``labels``, ``lang``, ``id`` and ``index`` (the position in ``examples``).

    Classification: ``labels`` is the int label (or -100 when the example has none).
    Tagging: words are fed with ``is_split_into_words=True``; ``labels`` is one entry per
    token: the word's tag on its first sub-word, -100 on special tokens and other sub-words;
    ``starts`` lists the token position of each first sub-word and ``words`` its word index
    (evaluation maps predictions back to words with them; truncated words are absent).
    """
    examples = list(examples)
    _check(examples, task, max_length)
    if not examples:
        return []
    if task == "classification":
        enc = tokenizer([ex.text for ex in examples], truncation=True, max_length=max_length)
        return [
            {"input_ids": list(ids), "labels": IGNORE_INDEX if ex.label is None else int(ex.label),
             "lang": ex.lang, "id": ex.id, "index": i}
            for i, (ex, ids) in enumerate(zip(examples, enc["input_ids"]))
        ]
    enc = tokenizer([list(ex.tokens) for ex in examples], is_split_into_words=True,
                    truncation=True, max_length=max_length)
    out = []
    for i, ex in enumerate(examples):
        labels, words, starts, previous = [], [], [], None
        for pos, word in enumerate(enc.word_ids(i)):
            first = word is not None and word != previous
            if first:
                words.append(word)
                starts.append(pos)
            labels.append(int(ex.tags[word]) if first and ex.tags is not None else IGNORE_INDEX)
            previous = word
        out.append({"input_ids": list(enc["input_ids"][i]), "labels": labels,
                    "words": words, "starts": starts,
                    "lang": ex.lang, "id": ex.id, "index": i})
    return out
