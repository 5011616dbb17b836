"""The user's own data: ``kitlib.data.load("local", path=...)`` (or ``data_dir=...``).

Why: a reading group may want to rerun the study on its own language or task; any
JSONL / CSV / parquet file in this schema goes through the same selection, subsets and
training code as the paper's datasets.

Schema (one row per example; field names are exact):

- classification: ``id, lang, text, label`` -- ``label`` is the class NAME (a string;
  numbers are read as their string form, so ``1``, ``1.0`` and ``"1"`` are the class
  ``"1"``). Label names are the sorted distinct labels.
- tagging: ``id, lang, tokens, tags`` -- ``tokens`` the words, ``tags`` one BIO2 tag name
  per word (``O``, ``B-PER``, ``I-PER``, ...). In JSONL / parquet these are lists; in CSV
  a JSON list (``["Ana", "lives"]``) or a space-separated string. Label names are ``O``
  then ``B-``/``I-`` of every entity type, sorted by type.
- ``id`` is unique within the dataset; ``lang`` a language code such as ``en``.

Splits: ``path`` is either a folder with ``train.<ext>``, ``dev.<ext>`` (or
``validation.<ext>``) and ``test.<ext>`` (``<ext>`` one of jsonl, json (JSON lines, or
one JSON array of objects), csv, parquet; any case), or one file with an extra ``split``
column (train / dev / test) -- given directly or as the only data file of a folder.
``data_dir`` is accepted as another name for ``path`` (notebooks pass their ``data_dir``
parameter for every dataset). The languages present in train are the "seen" group, and
the default training languages.

What real files contain, and what happens to it (the same rules as the hub datasets):

- Encoding UTF-8, with or without a BOM at file start; CRLF, LF or CR line ends; blank
  lines are skipped. A UTF-16 file (Excel's "Unicode text") or bytes that are not UTF-8
  give an error naming the file (and the line) -- save as "CSV UTF-8".
- Texts are kept exactly as written: emoji, URLs, ``@user``, inner whitespace. A very
  long text is kept whole: truncation happens at tokenization (``max_length``).
- An empty or whitespace-only text (tagging: a row without tokens) is DROPPED, with one
  warning per file naming the file, the count and the lines; the counts are recorded in
  ``TaskData.selection["dropped_empty"]``. Why not an error: an empty text is a real,
  if useless, row (a tweet that was only a deleted image); it teaches nothing and would
  be scored on nothing, and one such row should not stop a run. A file whose every row
  is empty is an error.
- A MISSING value is an error naming the file, the line (parquet: the row) and the
  field: a row without ``label``, ``text: null``, an empty ``label`` / ``id`` / ``lang``
  cell. (pandas would silently turn these into the class or the text ``"nan"``.)
- A label (tagging: an entity type) that occurs in dev or test but not in train is an
  error naming the label, the split and the first line with it: the model could never
  learn it, and its scores would say nothing.
- An empty file (no rows; a CSV with only a header) is an error naming the file.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import math
import os
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from kitlib.data.types import Example, Task
from kitlib.errors import KitError, bad_value

EXTENSIONS = (".jsonl", ".json", ".csv", ".parquet")
SPLIT_NAMES = {"train": "train", "dev": "dev", "validation": "dev", "test": "test"}
REQUIRED: dict[str, tuple[str, ...]] = {
    "classification": ("id", "lang", "text", "label"),
    "tagging": ("id", "lang", "tokens", "tags"),
}
_REQUIRED_TEXT = ("id, lang, text, label (classification) or id, lang, tokens, tags (tagging)")

Row = tuple[str, dict]
"""(where in the file -- ``"line 3"``, ``"row 3"`` (parquet), ``"item 3"`` (JSON array) --,
the record)."""


# ------------------------------------------------------------------ reading files
# Shared with kitlib.data.hub: every loader reads text files through these, so BOMs,
# line ends, encodings and empty files are handled (and reported) the same way.
def read_text(path: Path) -> str:
    """A whole text file: UTF-8, a BOM at its start removed; a KitError otherwise."""
    raw = path.read_bytes()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise KitError(f"{path}: is UTF-16 (or UTF-32) text, e.g. Excel's 'Unicode text'; "
                       "save it as UTF-8 (in Excel: 'CSV UTF-8').")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise KitError(f"{path}, line {line}: not UTF-8 (byte 0x{raw[e.start]:02x}); "
                       "save the file as UTF-8.") from e


def text_lines(text: str) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` split at ``\\n``, ``\\r\\n`` and ``\\r`` only.

    Why not ``str.splitlines``: it also splits at U+2028, U+0085 and form feeds, which a
    JSON string may hold unescaped (tweets do); that would cut one JSON line in two.
    """
    for n, line in enumerate(io.StringIO(text, newline=None), 1):
        yield n, line.rstrip("\n")


def empty_file(path: Path, what: str = "no rows") -> KitError:
    return KitError(f"{path}: the file is empty ({what}).")


def jsonl_rows(path: Path) -> list[Row]:
    """Objects of a JSON-lines file (a ``.json`` file may also be one JSON array)."""
    text = read_text(path)
    if path.suffix.lower() == ".json" and text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as e:
            raise KitError(f"{path}, line {e.lineno}: not valid JSON ({e.msg}).") from e
        rows = [(f"item {i}", obj) for i, obj in enumerate(items, 1)]
    else:
        rows = []
        for n, line in text_lines(text):
            line = line.lstrip("\ufeff")  # a BOM left mid-file by concatenating files
            if not line.strip():
                continue
            try:
                rows.append((f"line {n}", json.loads(line)))
            except json.JSONDecodeError as e:
                raise KitError(f"{path}, line {n}: not valid JSON ({e.msg}); a JSONL file holds "
                               "one JSON object per line.") from e
    for where, obj in rows:
        if not isinstance(obj, dict):
            raise KitError(f"{path}, {where}: expected a JSON object ({{\"field\": value, ...}}), "
                           f"got a {type(obj).__name__}.")
    if not rows:
        raise empty_file(path)
    return rows


def _raise_csv_field_limit() -> None:
    # the csv module refuses fields over 128 KiB by default; a long document is data, not
    # an error (process-wide setting, only ever raised)
    limit = min(sys.maxsize, 2**31 - 1)
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def csv_rows(path: Path) -> tuple[list[str], list[Row]]:
    """Header and rows of a CSV file; every value a string ("" for an empty cell)."""
    text = read_text(path)
    if not text.strip():
        raise empty_file(path)
    _raise_csv_field_limit()
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    try:
        header = [h.strip() for h in next(reader)]
        doubled = sorted({h for h in header if h and header.count(h) > 1})
        if doubled:
            raise KitError(f"{path}, line 1: the header names {doubled[0]!r} twice.")
        start = reader.line_num + 1
        for record in reader:
            if record:  # [] is a blank line
                if len(record) != len(header):
                    raise KitError(f"{path}, line {start}: {len(record)} fields but the header has "
                                   f"{len(header)} ({', '.join(header)}); a text with commas or line "
                                   "breaks must be in double quotes.")
                rows.append((f"line {start}", {h: v for h, v in zip(header, record) if h}))
            start = reader.line_num + 1
    except csv.Error as e:
        raise KitError(f"{path}, line {reader.line_num}: not valid CSV ({e}).") from e
    if not rows:
        raise empty_file(path, "a header but no rows")
    return [h for h in header if h], rows


def read_parquet_table(path: Path):
    """A parquet file as a pyarrow Table; a KitError if it is empty or unreadable."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if path.stat().st_size == 0:
        raise empty_file(path, "0 bytes")
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as e:
        raise KitError(f"{path}: cannot be read as parquet ({e}).") from e
    if table.num_rows == 0:
        raise empty_file(path)
    return table


def parquet_rows(path: Path) -> tuple[list[str], list[Row]]:
    table = read_parquet_table(path)
    return table.column_names, [(f"row {i}", r) for i, r in enumerate(table.to_pylist(), 1)]


def table_rows(path: Path) -> tuple[list[str], list[Row]]:
    """Field names and rows of a JSONL / JSON / CSV / parquet file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return csv_rows(path)
    if suffix == ".parquet":
        return parquet_rows(path)
    rows = jsonl_rows(path)
    columns: list[str] = []
    for _, r in rows:
        columns.extend(k for k in r if k not in columns)
    return columns, rows


def is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def report_dropped(path: Path, wheres: list[str], n_rows: int,
                   what: str = "an empty text") -> int:
    """Warn once for the rows of ``path`` dropped for ``what``; an error if all were."""
    if not wheres:
        return 0
    if len(wheres) == n_rows:
        raise KitError(f"{path}: every row has {what}; there is nothing to read.")
    kind = wheres[0].split()[0]
    numbers = [w.split()[-1] for w in wheres[:10]] + (["..."] if len(wheres) > 10 else [])
    n = len(wheres)
    warnings.warn(f"{path}: {n} row{'s' if n > 1 else ''} with {what} dropped "
                  f"({kind}{'s' if n > 1 else ''} {', '.join(numbers)}); such rows carry nothing to "
                  "learn or to score. Fill them in or remove them to silence this warning.",
                  UserWarning, stacklevel=_caller_level())
    return n


_KITLIB = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _caller_level() -> int:
    """``stacklevel`` of the first frame outside kitlib, so that a warning names the
    user's ``load(...)`` line (and is shown once per line and file, not once ever)."""
    frame, level = sys._getframe(1), 1  # frame 1 = the function calling warnings.warn
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_KITLIB + os.sep):
        frame, level = frame.f_back, level + 1
    return level


# ------------------------------------------------------------------ the local dataset
@dataclass
class LocalData:
    task: Task
    label_names: list[str]
    splits: dict[str, list[Example]]
    files: list[str]
    dropped: dict[str, int] = field(default_factory=dict)
    """file -> number of rows dropped for an empty text (or no tokens)."""

    @property
    def languages(self) -> list[str]:
        return sorted({ex.lang for exs in self.splits.values() for ex in exs})

    @property
    def trainable(self) -> list[str]:
        return sorted({ex.lang for ex in self.splits["train"]})


def find_files(path: Path) -> dict[str | None, Path]:
    """``{split: file}`` of a folder, or ``{None: file}`` for one file with a split column.

    A folder without train/dev/test files but with exactly one data file is read as that
    one file (with a split column), so ``data_dir`` may point at the folder holding it.
    """
    if not path.exists():
        raise bad_value("path", str(path), "an existing folder or file",
                        hint="A folder holds train/dev/test.<jsonl|csv|parquet>.")
    if path.is_file():
        if path.suffix.lower() not in EXTENSIONS:
            raise bad_value("path", str(path), f"a file ending in {', '.join(EXTENSIONS)}")
        return {None: path}
    files: dict[str | None, Path] = {}
    data_files: list[Path] = []
    for child in sorted(path.iterdir()):
        if not child.is_file() or child.name.startswith(".") or child.suffix.lower() not in EXTENSIONS:
            continue
        data_files.append(child)
        split = SPLIT_NAMES.get(child.stem.lower())
        if split:
            if split in files:
                raise KitError(f"path={str(path)!r}: two files for split {split!r}: "
                               f"{files[split].name} and {child.name}; keep one.")
            files[split] = child
    if not files and len(data_files) == 1:
        return {None: data_files[0]}
    if not files and data_files:
        raise bad_value("path", str(path), "a folder with train, dev and test files, or one file "
                        "with a split column", hint=f"It holds {', '.join(f.name for f in data_files)} "
                        "and none is named train/dev/test.")
    missing = [s for s in ("train", "dev", "test") if s not in files]
    if missing:
        found = f" (found: {', '.join(f.name for f in data_files)})" if data_files else ""
        raise bad_value("path", str(path), "a folder with train, dev and test files "
                        f"({'/'.join(e[1:] for e in EXTENSIONS)})",
                        hint=f"No {missing[0]} file found there{found}.")
    return files


def _task_of(columns, path: Path) -> Task:
    if "tokens" in columns or "tags" in columns:
        return "tagging"
    if "text" in columns or "label" in columns:
        return "classification"
    raise bad_value("path", str(path), f"files with the fields {_REQUIRED_TEXT}",
                    hint=f"{path.name} has neither text/label nor tokens/tags "
                         f"(its fields: {', '.join(map(str, columns))}).")


class _Rows:
    """Checked access to the fields of one file's rows; every error names file and line."""

    def __init__(self, file: Path, required: tuple[str, ...]):
        self.file, self.required = file, required

    def fail(self, where: str, what: str) -> KitError:
        return KitError(f"{self.file}, {where}: {what}")

    def value(self, rec: dict, where: str, name: str) -> Any:
        if name not in rec:
            raise self.fail(where, f"no field {name!r}; every row needs {', '.join(self.required)}.")
        value = rec[name]
        if is_missing(value):
            raise self.fail(where, f"field {name!r} is null (no value); every row needs a value for "
                                   f"{', '.join(self.required)}.")
        return value

    def scalar(self, rec: dict, where: str, name: str, allow_empty: bool = False) -> str:
        """A string field; numbers in their string form (1.0 -> "1")."""
        value = self.value(rec, where, name)
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(where, f"field {name!r} must be a string (or a number), got "
                                   f"{type(value).__name__} {value!r:.40}.")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value)
        if not allow_empty and not text.strip():
            raise self.fail(where, f"field {name!r} is empty; every row needs a value for "
                                   f"{', '.join(self.required)}.")
        return text

    def words(self, rec: dict, where: str, name: str) -> list[str]:
        value = self.value(rec, where, name)
        if isinstance(value, str):
            text = value.strip()
            if not text.startswith("["):
                return text.split()
            try:
                value = json.loads(text)
            except json.JSONDecodeError as e:
                raise self.fail(where, f"{name} is not a JSON list ({e.msg}).") from e
        if not isinstance(value, (list, tuple)) or any(is_missing(v) or isinstance(v, (list, dict))
                                                       for v in value):
            raise self.fail(where, f"{name} must be a list of strings (or, in CSV, a JSON list or a "
                                   f"space-separated string), got {value!r:.60}.")
        return [str(v) for v in value]


def _check_tag(tag: str, rows: _Rows, where: str) -> str:
    if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
        raise rows.fail(where, f"tag {tag!r} is not a BIO2 tag name ('O', 'B-<TYPE>' or 'I-<TYPE>').")
    return tag


def tag_names(tags: set[str]) -> list[str]:
    """``O`` then ``B-T``, ``I-T`` for every entity type ``T``, sorted by type."""
    kinds = sorted({t[2:] for t in tags if t != "O"})
    return ["O"] + [f"{p}-{k}" for k in kinds for p in ("B", "I")]


@dataclass
class _Item:
    split: str
    file: Path
    where: str
    id: str
    lang: str
    text: str | None = None
    label: str | None = None
    tokens: list[str] | None = None
    tags: list[str] | None = None


def _check_train_has_every_label(items: list[_Item], task: Task) -> None:
    """A label (entity type) of dev/test that train lacks is an error naming it."""
    def kinds(item: _Item) -> list[str]:
        if task == "classification":
            return [item.label]
        return [t[2:] for t in item.tags if t != "O"]

    trained = {k for item in items if item.split == "train" for k in kinds(item)}
    for split in ("dev", "test"):
        for item in items:
            if item.split != split:
                continue
            for kind in kinds(item):
                if kind not in trained:
                    what = (f"label {kind!r}" if task == "classification" else
                            f"entity type {kind!r} (tags B-{kind} / I-{kind})")
                    names = ", ".join(repr(k) for k in sorted(trained)) or "none"
                    raise KitError(
                        f"{what} occurs in {split} ({item.file}, {item.where}) but is missing from "
                        f"train: the model could never learn it, and scores on it would say nothing. "
                        f"{'Labels' if task == 'classification' else 'Entity types'} in train: {names}. "
                        f"Add training rows with it, or remove it from {split}.")


def read_local(path: str | Path) -> LocalData:
    """Read and check every file under ``path`` (see the module doc for the schema and
    for what happens to empty texts, missing values and labels missing from train)."""
    path = Path(path).expanduser()
    files = find_files(path)
    items: list[_Item] = []
    task: Task | None = None
    dropped: dict[str, int] = {}
    first_seen: dict[str, tuple[Path, str]] = {}
    for split, file in files.items():
        columns, records = table_rows(file)
        this_task = _task_of(columns, file)
        if task is not None and this_task != task:
            raise KitError(f"{file}: holds {this_task} fields but another file holds {task} fields.")
        task = this_task
        required = REQUIRED[task] + (("split",) if split is None else ())
        for col in required:
            if col not in columns:
                hint = (f" To read train/dev/test files, pass its folder ({file.parent}) as path."
                        if col == "split" and file.stem.lower() in SPLIT_NAMES else "")
                raise bad_value("path", str(file), f"files with the fields {', '.join(required)}",
                                hint=f"{file.name} has no field {col!r} "
                                     f"(it has: {', '.join(map(str, columns))}).{hint}")
        rows = _Rows(file, required)
        empty: list[str] = []
        for where, rec in records:
            s = split
            if s is None:
                value = rows.scalar(rec, where, "split")
                s = SPLIT_NAMES.get(value.strip().lower())
                if s is None:
                    raise bad_value("split", value, ["train", "dev", "test", "validation"],
                                    hint=f"(in {file}, {where})")
            rid = rows.scalar(rec, where, "id")
            lang = rows.scalar(rec, where, "lang").strip()
            if rid in first_seen:
                other_file, other_where = first_seen[rid]
                raise rows.fail(where, f"id {rid!r} appears twice (also {other_file}, {other_where}); "
                                       "ids must be unique in the dataset.")
            first_seen[rid] = (file, where)
            item = _Item(split=s, file=file, where=where, id=rid, lang=lang)
            if task == "classification":
                item.text = rows.scalar(rec, where, "text", allow_empty=True)
                item.label = rows.scalar(rec, where, "label").strip()
                if not item.text.strip():
                    empty.append(where)
                    continue
            else:
                item.tokens = rows.words(rec, where, "tokens")
                item.tags = [_check_tag(t, rows, where) for t in rows.words(rec, where, "tags")]
                if len(item.tokens) != len(item.tags):
                    raise rows.fail(where, f"id {rid!r} has {len(item.tokens)} tokens but "
                                           f"{len(item.tags)} tags.")
                if not item.tokens:
                    empty.append(where)
                    continue
            items.append(item)
        what = "an empty text" if task == "classification" else "no tokens"
        if report_dropped(file, empty, len(records), what):
            dropped[str(file)] = len(empty)
    assert task is not None
    _check_train_has_every_label(items, task)

    if task == "classification":
        label_names = sorted({item.label for item in items})
    else:
        label_names = tag_names({t for item in items for t in item.tags})
    index = {name: i for i, name in enumerate(label_names)}
    splits: dict[str, list[Example]] = {"train": [], "dev": [], "test": []}
    for item in items:
        if task == "classification":
            ex = Example(id=item.id, lang=item.lang, text=item.text, label=index[item.label])
        else:
            ex = Example(id=item.id, lang=item.lang, tokens=tuple(item.tokens),
                         tags=tuple(index[t] for t in item.tags))
        splits[item.split].append(ex)
    return LocalData(task=task, label_names=label_names, splits=splits,
                     files=[str(f) for f in files.values()], dropped=dropped)
