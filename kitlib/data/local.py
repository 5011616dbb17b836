"""The user's own data: ``kitlib.data.load("local", path=...)``.

Why: a reading group may want to rerun the study on its own language or task; any
JSONL / CSV / parquet file in this schema goes through the same selection, subsets and
training code as the paper's datasets.

Schema (one row per example; field names are exact):

- classification: ``id, lang, text, label`` -- ``label`` is the class NAME (a string;
  numbers are read as their string form). Label names are the sorted distinct labels.
- tagging: ``id, lang, tokens, tags`` -- ``tokens`` the words, ``tags`` one BIO2 tag name
  per word (``O``, ``B-PER``, ``I-PER``, ...). In JSONL / parquet these are lists; in CSV
  a JSON list (``["Ana", "lives"]``) or a space-separated string. Label names are ``O``
  then ``B-``/``I-`` of every entity type, sorted by type.
- ``id`` is unique within the dataset; ``lang`` a language code such as ``en``.

Splits: ``path`` is either a folder with ``train.<ext>``, ``dev.<ext>`` (or
``validation.<ext>``) and ``test.<ext>`` (``<ext>`` one of jsonl, json (JSON lines), csv,
parquet), or one file with an extra ``split`` column (train / dev / test). The languages
present in train are the "seen" group, and the default training languages.

A missing field gives an error naming the file, the field and the required fields.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kitlib.data.types import Example, Task
from kitlib.errors import KitError, bad_value

EXTENSIONS = (".jsonl", ".json", ".csv", ".parquet")
SPLIT_NAMES = {"train": "train", "dev": "dev", "validation": "dev", "test": "test"}
REQUIRED: dict[str, tuple[str, ...]] = {
    "classification": ("id", "lang", "text", "label"),
    "tagging": ("id", "lang", "tokens", "tags"),
}
_REQUIRED_TEXT = ("id, lang, text, label (classification) or id, lang, tokens, tags (tagging)")


@dataclass
class LocalData:
    task: Task
    label_names: list[str]
    splits: dict[str, list[Example]]
    files: list[str]

    @property
    def languages(self) -> list[str]:
        return sorted({ex.lang for exs in self.splits.values() for ex in exs})

    @property
    def trainable(self) -> list[str]:
        return sorted({ex.lang for ex in self.splits["train"]})


def find_files(path: Path) -> dict[str | None, Path]:
    """``{split: file}`` of a folder, or ``{None: file}`` for one file with a split column."""
    if not path.exists():
        raise bad_value("path", str(path), "an existing folder or file",
                        hint="A folder holds train/dev/test.<jsonl|csv|parquet>.")
    if path.is_file():
        if path.suffix not in EXTENSIONS:
            raise bad_value("path", str(path), f"a file ending in {', '.join(EXTENSIONS)}")
        return {None: path}
    files: dict[str | None, Path] = {}
    for child in sorted(path.iterdir()):
        split = SPLIT_NAMES.get(child.stem)
        if child.is_file() and child.suffix in EXTENSIONS and split:
            if split in files:
                raise KitError(f"path={str(path)!r}: two files for split {split!r}: "
                               f"{files[split].name} and {child.name}; keep one.")
            files[split] = child
    missing = [s for s in ("train", "dev", "test") if s not in files]
    if missing:
        raise bad_value("path", str(path), "a folder with train, dev and test files "
                        f"({'/'.join(e[1:] for e in EXTENSIONS)})",
                        hint=f"No {missing[0]} file found there.")
    return files


def _read_table(path: Path):
    import pandas as pd

    try:
        if path.suffix == ".csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False)
        if path.suffix == ".parquet":
            return pd.read_parquet(path)
        return pd.read_json(path, lines=True, dtype=False)
    except ValueError as e:
        raise KitError(f"{path}: cannot be read as {path.suffix[1:]} ({e}).") from e


def _task_of(columns, path: Path) -> Task:
    if "tokens" in columns or "tags" in columns:
        return "tagging"
    if "text" in columns or "label" in columns:
        return "classification"
    raise bad_value("path", str(path), f"files with the fields {_REQUIRED_TEXT}",
                    hint=f"{path.name} has neither text/label nor tokens/tags "
                         f"(its fields: {', '.join(map(str, columns))}).")


def _words(value, path: Path, row_id: str, field: str) -> list[str]:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except json.JSONDecodeError as e:
                raise KitError(f"{path}: {field} of id {row_id!r} is not a JSON list ({e.msg}).") from e
        else:
            return text.split()
    return [str(v) for v in value]


def _check_tag(tag: str, path: Path, row_id: str) -> str:
    if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
        raise KitError(f"{path}: tag {tag!r} of id {row_id!r} is not a BIO2 tag name "
                       "('O', 'B-<TYPE>' or 'I-<TYPE>').")
    return tag


def tag_names(tags: set[str]) -> list[str]:
    """``O`` then ``B-T``, ``I-T`` for every entity type ``T``, sorted by type."""
    kinds = sorted({t[2:] for t in tags if t != "O"})
    return ["O"] + [f"{p}-{k}" for k in kinds for p in ("B", "I")]


def read_local(path: str | Path) -> LocalData:
    """Read and check every file under ``path`` (see the module doc for the schema)."""
    path = Path(path).expanduser()
    files = find_files(path)
    rows: dict[str, list[tuple[Path, dict]]] = {"train": [], "dev": [], "test": []}
    task: Task | None = None
    for split, file in files.items():
        table = _read_table(file)
        this_task = _task_of(table.columns, file)
        if task is not None and this_task != task:
            raise KitError(f"{file}: holds {this_task} fields but another file holds {task} fields.")
        task = this_task
        required = REQUIRED[task] + (("split",) if split is None else ())
        for col in required:
            if col not in table.columns:
                raise bad_value("path", str(file), f"files with the fields {', '.join(required)}",
                                hint=f"{file.name} has no field {col!r} "
                                     f"(it has: {', '.join(map(str, table.columns))}).")
        for record in table.to_dict("records"):
            s = split
            if s is None:
                s = SPLIT_NAMES.get(str(record["split"]).strip())
                if s is None:
                    raise bad_value("split", record["split"], ["train", "dev", "test"],
                                    hint=f"(in {file}, id {record['id']!r})")
            rows[s].append((file, record))
    assert task is not None

    if task == "classification":
        label_names = sorted({str(r["label"]) for part in rows.values() for _, r in part})
    else:
        all_tags: set[str] = set()
        for part in rows.values():
            for file, r in part:
                all_tags.update(_check_tag(t, file, str(r["id"])) for t in _words(r["tags"], file, str(r["id"]), "tags"))
        label_names = tag_names(all_tags)
    index = {name: i for i, name in enumerate(label_names)}

    seen_ids: set[str] = set()
    splits: dict[str, list[Example]] = {s: [] for s in rows}
    for s, part in rows.items():
        for file, r in part:
            rid, lang = str(r["id"]), str(r["lang"]).strip()
            if rid in seen_ids:
                raise KitError(f"{file}: id {rid!r} appears twice; ids must be unique in the dataset.")
            seen_ids.add(rid)
            if not lang:
                raise KitError(f"{file}: id {rid!r} has an empty 'lang'.")
            if task == "classification":
                splits[s].append(Example(id=rid, lang=lang, text=str(r["text"]), label=index[str(r["label"])]))
            else:
                tokens = _words(r["tokens"], file, rid, "tokens")
                tags = _words(r["tags"], file, rid, "tags")
                if len(tokens) != len(tags):
                    raise KitError(f"{file}: id {rid!r} has {len(tokens)} tokens but {len(tags)} tags.")
                splits[s].append(Example(id=rid, lang=lang, tokens=tuple(tokens),
                                         tags=tuple(index[t] for t in tags)))
    return LocalData(task=task, label_names=label_names, splits=splits,
                     files=[str(f) for f in files.values()])
