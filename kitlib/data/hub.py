"""The paper's hub datasets: MASSIVE, tweet sentiment multilingual, Universal NER.

Why not ``datasets.load_dataset("<repo>")``: the hub copies of MASSIVE and Universal NER
are loading scripts, which ``datasets`` >= 4 refuses to run. We read the data FILES
instead, through one code path whether they come from the hub (``huggingface_hub``
snapshot download, cached by the hub client, respecting ``HF_HUB_OFFLINE``) or from a
local folder / file list with the same layout (``data_dir`` / ``data_files``). The tests
run this same code on small fixture files in the hub formats.

File layouts understood (matched anywhere below ``data_dir``; ``<split>`` is ``train``,
``validation`` or ``test``):

- every dataset: the hub's parquet conversion (branch ``refs/convert/parquet``),
  ``<config>/<split>/NNNN.parquet``, where ``<config>`` is a MASSIVE locale (``en-US``),
  a tweet-sentiment language name (``english``) or a UNER treebank (``en_ewt``);
  integer label columns are named through the ``ClassLabel`` stored in the file.
- ``massive``: the MASSIVE 1.1 release tarball (``amazon-massive-dataset-1.1.tar.gz``,
  what the hub's script downloads), extracted: ``1.1/data/<locale>.jsonl``, one JSON
  object per line with ``id, locale, partition (train|dev|test), intent, utt, ...``.
  Downloads use the parquet conversion of ``AmazonScience/massive``.
- ``tsm``: ``cardiffnlp/tweet_sentiment_multilingual`` main branch,
  ``data/<language>/<split>.jsonl`` with ``text`` and ``label`` (0 negative,
  1 neutral, 2 positive).
- ``uner``: Universal NER v1 as released on github.com/UniversalNER (what the hub's
  script downloads): ``<treebank>-ud-<train|dev|test>.iob2``, CoNLL-U-like lines
  ``index<TAB>word<TAB>BIO2 tag<TAB>...``, ``#`` comments, a blank line between
  sentences. Downloads use the parquet conversion of ``universalner/universal_ner``.
  Tags outside PER/ORG/LOC (e.g. ``B-OTH``) become ``O``.

Ids keep the source unit: ``en-US/1234`` (MASSIVE), ``english/train/17`` (tsm),
``en_ewt/test/42`` (UNER); the number is the row's position in its file (0-based), also
when rows before it were dropped.

What real files contain, and what happens to it (the same rules as ``kitlib.data.local``;
the reading helpers are shared):

- UTF-8 with or without a BOM at file start (also a stray BOM mid-file, left by
  concatenating files); LF, CRLF or CR line ends; blank lines skipped. U+2028 inside a
  JSON string does not end the line.
- Texts are kept exactly as written: emoji, URLs, ``@user``, outer spaces, and even the
  literal ``\\u2019`` sequences some tweet files carry. A very long text is kept whole;
  truncation happens at tokenization (``max_length``).
- An empty or whitespace-only text (UNER parquet: a sentence without tokens) is dropped
  with one warning per file naming the file, the count and the lines / rows, and counted
  in ``TaskData.selection["dropped_empty"]``: it carries nothing to learn or to score,
  and a user cannot fix the hub's files. A file whose every row is empty, or with no rows
  at all, is an error.
- Labels: integers (also ``"2"`` or ``2.0``) are indices into the file's ClassLabel
  names (parquet) or the order documented here; strings must be one of the dataset's
  label names (outer spaces ignored). Anything else -- an unknown name, an index out of
  range, null, a boolean -- is an error naming the file, the line, the value and the
  allowed names and indices.
- A null text, words or label, a missing field, a MASSIVE ``partition`` other than
  train/dev(validation)/test are errors naming the file and the line (parquet: the row).
"""
from __future__ import annotations

import difflib
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from kitlib.data.local import (empty_file, is_missing, jsonl_rows, read_parquet_table, read_text,
                               report_dropped, text_lines)
from kitlib.data.types import Example, Task
from kitlib.errors import KitError

SPLITS = ("train", "dev", "test")
_SPLIT_DIRS = {"train": "train", "validation": "dev", "dev": "dev", "test": "test"}

# ---------------------------------------------------------------------------- MASSIVE
MASSIVE_LOCALES: tuple[str, ...] = (
    "af-ZA", "am-ET", "ar-SA", "az-AZ", "bn-BD", "ca-ES", "cy-GB", "da-DK", "de-DE", "el-GR",
    "en-US", "es-ES", "fa-IR", "fi-FI", "fr-FR", "he-IL", "hi-IN", "hu-HU", "hy-AM", "id-ID",
    "is-IS", "it-IT", "ja-JP", "jv-ID", "ka-GE", "km-KH", "kn-IN", "ko-KR", "lv-LV", "ml-IN",
    "mn-MN", "ms-MY", "my-MM", "nb-NO", "nl-NL", "pl-PL", "pt-PT", "ro-RO", "ru-RU", "sl-SL",
    "sq-AL", "sv-SE", "sw-KE", "ta-IN", "te-IN", "th-TH", "tl-PH", "tr-TR", "ur-PK", "vi-VN",
    "zh-CN", "zh-TW",
)
"""The 52 locales of MASSIVE 1.1 (1.0's 51 plus ca-ES)."""

MASSIVE_INTENTS: tuple[str, ...] = (
    "datetime_query", "iot_hue_lightchange", "transport_ticket", "takeaway_query", "qa_stock",
    "general_greet", "recommendation_events", "music_dislikeness", "iot_wemo_off",
    "cooking_recipe", "qa_currency", "transport_traffic", "general_quirky", "weather_query",
    "audio_volume_up", "email_addcontact", "takeaway_order", "email_querycontact",
    "iot_hue_lightup", "recommendation_locations", "play_audiobook", "lists_createoradd",
    "news_query", "alarm_query", "iot_wemo_on", "general_joke", "qa_definition", "social_query",
    "music_settings", "audio_volume_other", "calendar_remove", "iot_hue_lightdim",
    "calendar_query", "email_sendemail", "iot_cleaning", "audio_volume_down", "play_radio",
    "cooking_query", "datetime_convert", "qa_maths", "iot_hue_lightoff", "iot_hue_lighton",
    "transport_query", "music_likeness", "email_query", "play_music", "audio_volume_mute",
    "social_post", "alarm_set", "qa_factoid", "calendar_set", "play_game", "alarm_remove",
    "lists_remove", "transport_taxi", "recommendation_movies", "iot_coffee", "music_query",
    "play_podcasts", "lists_query",
)
"""The 60 intents, in the ClassLabel order of the hub's loader (its parquet's integers)."""


def massive_language(locale: str) -> str:
    """Locale -> language code: the ISO 639-1 part, except zh-TW (kept apart from zh-CN)."""
    return "zh-TW" if locale == "zh-TW" else locale.split("-")[0]


MASSIVE_SEEN: tuple[str, ...] = (
    "en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "zh", "ja", "ko", "ar",
    "hi", "tr", "vi", "th", "id", "fa", "he", "sv", "da", "fi", "hu", "el", "ro",
)
"""Kit's default seen group for MASSIVE (26 high-resource languages; the other 26,
lower-resource ones are unseen). The paper used about 25 seen locales but did not list
them; this is our choice, documented, not the paper's list."""

# ------------------------------------------------------------------ tweet sentiment
TSM_LANGUAGES: dict[str, str] = {
    "arabic": "ar", "english": "en", "french": "fr", "german": "de",
    "hindi": "hi", "italian": "it", "portuguese": "pt", "spanish": "es",
}
TSM_LABELS: tuple[str, ...] = ("negative", "neutral", "positive")
TSM_SEEN: tuple[str, ...] = ("en", "ar", "fr", "de")
"""Kit's default seen group (one per script/branch among the high-resource languages);
es, it, pt (close relatives of seen ones) and hi (a new script) are unseen."""

# ------------------------------------------------------------------ Universal NER
UNER_LABELS: tuple[str, ...] = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
UNER_TREEBANKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "da_ddt": ("da", SPLITS), "en_ewt": ("en", SPLITS), "hr_set": ("hr", SPLITS),
    "pt_bosque": ("pt", SPLITS), "sk_snk": ("sk", SPLITS), "sr_set": ("sr", SPLITS),
    "sv_talbanken": ("sv", SPLITS), "zh_gsd": ("zh", SPLITS), "zh_gsdsimp": ("zh", SPLITS),
    "ceb_gja": ("ceb", ("test",)), "de_pud": ("de", ("test",)), "en_pud": ("en", ("test",)),
    "pt_pud": ("pt", ("test",)), "ru_pud": ("ru", ("test",)), "sv_pud": ("sv", ("test",)),
    "tl_trg": ("tl", ("test",)), "tl_ugnayan": ("tl", ("test",)), "zh_pud": ("zh", ("test",)),
}
"""Treebank -> (language code, splits it has). Training treebanks have train/dev/test;
the PUD and the Cebuano/Tagalog sets are test-only (ceb has no ISO 639-1 code)."""


@dataclass(frozen=True)
class HubDataset:
    """Everything the generic file reader needs to know about one hub dataset.

    ``units`` are the dataset's own file units (locale, language folder, treebank) mapped
    to language codes; several units may share a language (zh_gsd, zh_gsdsimp, zh_pud).
    """

    name: str
    task: Task
    repo_id: str
    revision: str | None
    label_names: tuple[str, ...]
    units: Mapping[str, str]
    unit_splits: Mapping[str, tuple[str, ...]]
    seen: tuple[str, ...]
    default_train: str
    pocket: str
    text_column: str
    label_column: str
    download_patterns: Callable[[str], list[str]]
    native: Callable[[Path], tuple[str, str | None] | None]
    manual: str
    aliases: Mapping[str, str] = field(default_factory=dict)

    @property
    def languages(self) -> list[str]:
        out: list[str] = []
        for lang in self.units.values():
            if lang not in out:
                out.append(lang)
        return out

    def units_for(self, languages: Iterable[str]) -> list[str]:
        wanted = set(languages)
        return [u for u, lang in self.units.items() if lang in wanted]

    def trainable(self) -> list[str]:
        """Languages with training data."""
        return [lang for lang in self.languages
                if any("train" in self.unit_splits[u] for u in self.units_for([lang]))]


def _massive_native(path: Path) -> tuple[str, str | None] | None:
    if path.suffix == ".jsonl" and path.stem in MASSIVE_LOCALES:
        return path.stem, None  # one file holds all partitions
    return None


def _tsm_native(path: Path) -> tuple[str, str | None] | None:
    if path.suffix == ".jsonl" and path.parent.name in TSM_LANGUAGES and path.stem in _SPLIT_DIRS:
        return path.parent.name, _SPLIT_DIRS[path.stem]
    return None


_IOB2_NAME = re.compile(r"^(?P<unit>[a-z]+_[a-z]+)-ud-(?P<split>train|dev|test)\.iob2$")


def _uner_native(path: Path) -> tuple[str, str | None] | None:
    m = _IOB2_NAME.match(path.name)
    if m and m["unit"] in UNER_TREEBANKS:
        return m["unit"], m["split"]
    return None


HUB_DATASETS: dict[str, HubDataset] = {
    "massive": HubDataset(
        name="massive", task="classification", repo_id="AmazonScience/massive",
        revision="refs/convert/parquet", label_names=MASSIVE_INTENTS,
        units={loc: massive_language(loc) for loc in MASSIVE_LOCALES},
        unit_splits={loc: SPLITS for loc in MASSIVE_LOCALES},
        seen=MASSIVE_SEEN, default_train="all", pocket="pocket-intent",
        text_column="utt", label_column="intent",
        download_patterns=lambda unit: [f"{unit}/*/*.parquet"],
        native=_massive_native,
        manual=("the MASSIVE 1.1 tarball from https://amazon-massive-nlu-dataset.s3.amazonaws.com/"
                "amazon-massive-dataset-1.1.tar.gz, extracted (1.1/data/<locale>.jsonl)"),
        aliases={loc: massive_language(loc) for loc in MASSIVE_LOCALES},
    ),
    "tsm": HubDataset(
        name="tsm", task="classification", repo_id="cardiffnlp/tweet_sentiment_multilingual",
        revision=None, label_names=TSM_LABELS, units=dict(TSM_LANGUAGES),
        unit_splits={u: SPLITS for u in TSM_LANGUAGES},
        seen=TSM_SEEN, default_train="all", pocket="pocket-sentiment",
        text_column="text", label_column="label",
        download_patterns=lambda unit: [f"data/{unit}/*.jsonl"],
        native=_tsm_native,
        manual=("the files data/<language>/{train,validation,test}.jsonl of "
                "https://huggingface.co/datasets/cardiffnlp/tweet_sentiment_multilingual"),
        aliases={name: code for name, code in TSM_LANGUAGES.items()},
    ),
    "uner": HubDataset(
        name="uner", task="tagging", repo_id="universalner/universal_ner",
        revision="refs/convert/parquet", label_names=UNER_LABELS,
        units={tb: lang for tb, (lang, _) in UNER_TREEBANKS.items()},
        unit_splits={tb: splits for tb, (_, splits) in UNER_TREEBANKS.items()},
        seen=("da", "en", "hr", "pt", "sk", "sr", "sv", "zh"), default_train="seen",
        pocket="pocket-ner", text_column="tokens", label_column="ner_tags",
        download_patterns=lambda unit: [f"{unit}/*/*.parquet"],
        native=_uner_native,
        manual=("the .iob2 files of the UNER v1 release, e.g. "
                "https://github.com/UniversalNER/UNER_English-EWT (en_ewt-ud-train.iob2, ...)"),
    ),
}

FileKey = tuple[str, "str | None"]


# ------------------------------------------------------------------ file discovery
def classify_file(ds: HubDataset, path: Path) -> FileKey | None:
    """``(unit, split)`` of one file in a known layout, or None. split None = all splits."""
    if path.suffix == ".parquet" and len(path.parts) >= 3:
        unit, split_dir = path.parts[-3], path.parts[-2]
        if unit in ds.units and split_dir in _SPLIT_DIRS:
            return unit, _SPLIT_DIRS[split_dir]
    return ds.native(path)


def discover(ds: HubDataset, files: Iterable[Path]) -> dict[FileKey, list[Path]]:
    """Group files by ``(unit, split)``; files in no known layout are ignored."""
    found: dict[FileKey, list[Path]] = defaultdict(list)
    for path in sorted(files):
        key = classify_file(ds, path)
        if key is not None:
            found[key].append(path)
    return dict(found)


def scan_dir(ds: HubDataset, root: Path) -> dict[FileKey, list[Path]]:
    return discover(ds, (p for p in root.rglob("*") if p.is_file()))


def found_languages(ds: HubDataset, found: Mapping[FileKey, list[Path]]) -> list[str]:
    units = {unit for unit, _ in found}
    return [lang for lang in ds.languages if any(u in units for u in ds.units_for([lang]))]


def found_trainable(ds: HubDataset, found: Mapping[FileKey, list[Path]]) -> list[str]:
    units = {unit for unit, split in found if split in ("train", None)}
    return [lang for lang in ds.languages if any(u in units for u in ds.units_for([lang]))]


# ------------------------------------------------------------------ reading
# Every row is checked where it is read, so that a bad file gives one error naming the
# file, the line (parquet: the row) and the field -- never a raw pyarrow/JSON error and
# never silently wrong data (a null text read as the text "None"). What happens to real
# file contents (BOM, CRLF, empty texts, label forms) is described in the module doc.
def _label_index(ds: HubDataset, names: Sequence[str]) -> dict[str, int]:
    index = {name: i for i, name in enumerate(ds.label_names)}
    if ds.task == "tagging":  # tags outside the label set (B-OTH, I-MISC, ...) -> O
        return defaultdict(lambda: index["O"], index)
    return index


def _fail(path: Path, where: str, what: str) -> KitError:
    return KitError(f"{path}, {where}: {what}")


def _indices_text(names: Sequence[str]) -> str:
    if len(names) <= 10:
        return ", ".join(f"{i} ({n})" for i, n in enumerate(names))
    return f"0..{len(names) - 1} (in the dataset's ClassLabel order)"


def class_name(ds: HubDataset, value, path: Path, where: str,
               names: Sequence[str] | None = None) -> str:
    """A classification label as a file writes it -> one of ``ds.label_names``.

    Integers (also ``"2"`` and ``2.0``) index ``names`` -- the file's ClassLabel names for
    parquet, else the dataset's documented order; strings must be a label name (outer
    spaces ignored). Anything else is an error naming the value and the allowed ones.
    """
    names = list(names or ds.label_names)
    allowed = (f"the names {', '.join(repr(n) for n in ds.label_names)} or the integers "
               f"{_indices_text(names)}")
    if is_missing(value):
        raise _fail(path, where, f"field {ds.label_column!r} is null (no value); allowed: {allowed}.")
    shown = value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit():
            value = int(text)
        elif text in ds.label_names:
            return text
        else:
            close = [n for n in ds.label_names if n.lower() == text.lower()]
            close = close or difflib.get_close_matches(text, ds.label_names, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise _fail(path, where, f"label {shown!r} is not a {ds.name} label; allowed: {allowed}.{hint}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(path, where, f"label {shown!r} is neither a label name nor an integer; allowed: {allowed}.")
    if not 0 <= value < len(names):
        raise _fail(path, where, f"label {shown!r} is out of range; allowed: {allowed}.")
    name = names[value]
    if name not in ds.label_names:  # a parquet ClassLabel with names of another dataset
        raise _fail(path, where, f"label {name!r} is not a {ds.name} label; allowed: {allowed}.")
    return name


def _text(ds: HubDataset, value, path: Path, where: str, column: str) -> str:
    if is_missing(value):
        raise _fail(path, where, f"field {column!r} is null (no text); a {ds.name} row needs a text.")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _fail(path, where, f"field {column!r} must be a string, got {type(value).__name__} "
                                 f"{value!r:.40}.")
    return str(value)


def _classlabel_names(schema, column: str) -> list[str] | None:
    """Label names that ``datasets`` stored with a parquet column (its ClassLabel), if any.

    Read from the schema's ``huggingface`` metadata directly (importing ``datasets`` costs
    seconds); handles ``List`` / ``Sequence`` wrappers of old and new ``datasets``.
    """
    try:
        meta = json.loads((schema.metadata or {}).get(b"huggingface", b"{}"))
        feature = meta.get("info", {}).get("features", {}).get(column)
    except (ValueError, AttributeError):
        return None
    while isinstance(feature, (dict, list)):
        if isinstance(feature, list):
            feature = feature[0] if feature else None
        elif "names" in feature:
            return [str(n) for n in feature["names"]]
        else:
            feature = feature.get("feature")
    return None


def _note_dropped(path: Path, empty: list[str], n_rows: int, dropped: dict | None,
                  what: str = "an empty text") -> None:
    if report_dropped(path, empty, n_rows, what) and dropped is not None:
        dropped[str(path)] = len(empty)


def read_parquet(ds: HubDataset, path: Path, unit: str, split: str,
                 dropped: dict | None = None) -> list[Example]:
    table = read_parquet_table(path)
    missing = [c for c in (ds.text_column, ds.label_column) if c not in table.column_names]
    if missing:
        raise KitError(f"{path}: missing column {missing[0]!r} (has {', '.join(table.column_names)}); "
                       f"a {ds.name} parquet file needs {ds.text_column!r} and {ds.label_column!r}.")
    names = _classlabel_names(table.schema, ds.label_column) or list(ds.label_names)
    index = _label_index(ds, ds.label_names)
    texts = table.column(ds.text_column).to_pylist()
    labels = table.column(ds.label_column).to_pylist()
    ids = table.column("id").to_pylist() if "id" in table.column_names else None
    lang = ds.units[unit]
    out, empty = [], []
    for i, (text, label) in enumerate(zip(texts, labels)):
        where = f"row {i + 1}"
        uid = f"{unit}/{ids[i]}" if ids is not None and ds.name == "massive" else f"{unit}/{split}/{i}"
        if ds.task == "tagging":
            tokens, tags = _tagged_row(ds, path, where, text, label, names)
            if not tokens:
                empty.append(where)
                continue
            out.append(Example(id=uid, lang=lang, tokens=tokens, tags=tuple(index[t] for t in tags)))
        else:
            text = _text(ds, text, path, where, ds.text_column)
            name = class_name(ds, label, path, where, names)
            if not text.strip():
                empty.append(where)
                continue
            out.append(Example(id=uid, lang=lang, text=text, label=index[name]))
    _note_dropped(path, empty, len(texts), dropped, "an empty text" if ds.task != "tagging" else "no tokens")
    return out


def _tagged_row(ds: HubDataset, path: Path, where: str, tokens, tags,
                names: Sequence[str]) -> tuple[tuple[str, ...], list[str]]:
    """Words and tag names of one parquet row of a tagging dataset, checked."""
    for column, value in ((ds.text_column, tokens), (ds.label_column, tags)):
        if is_missing(value):
            raise _fail(path, where, f"field {column!r} is null (no value).")
        if not isinstance(value, (list, tuple)):
            raise _fail(path, where, f"field {column!r} must be a list, got {type(value).__name__}.")
    if len(tokens) != len(tags):
        raise _fail(path, where, f"{len(tokens)} tokens but {len(tags)} tags.")
    out = []
    for tag in tags:
        if isinstance(tag, int) and not isinstance(tag, bool):
            if not 0 <= tag < len(names):
                raise _fail(path, where, f"tag {tag} is outside the file's tag names 0..{len(names) - 1} "
                                         f"({', '.join(names)}).")
            out.append(names[tag])
        elif isinstance(tag, str):
            out.append(tag.strip() or "O")
        else:
            raise _fail(path, where, f"tag {tag!r} is neither a tag name nor an integer.")
    if any(is_missing(t) for t in tokens):
        raise _fail(path, where, f"field {ds.text_column!r} holds a null word.")
    return tuple(str(t) for t in tokens), out


def read_massive_jsonl(ds: HubDataset, path: Path, unit: str, splits: Iterable[str],
                       dropped: dict | None = None) -> dict[str, list[Example]]:
    """One locale file of the MASSIVE tarball; ``partition`` gives the split."""
    wanted = set(splits)
    index = _label_index(ds, ds.label_names)
    out: dict[str, list[Example]] = {s: [] for s in wanted}
    rows = jsonl_rows(path)
    empty = []
    for where, row in rows:
        for col in ("id", "partition", "intent", "utt"):
            if col not in row:
                raise _fail(path, where, f"missing field {col!r}; MASSIVE lines need "
                                         "id, locale, partition, intent, utt.")
        split = _SPLIT_DIRS.get(str(row["partition"]).strip())
        if split is None:
            raise _fail(path, where, f"partition={row['partition']!r} is not allowed; allowed: "
                                     "'train', 'dev', 'test'.")
        text = _text(ds, row["utt"], path, where, "utt")
        label = class_name(ds, row["intent"], path, where)
        if not text.strip():
            empty.append(where)
        elif split in wanted:
            out[split].append(Example(id=f"{unit}/{row['id']}", lang=ds.units[unit], text=text,
                                      label=index[label]))
    _note_dropped(path, empty, len(rows), dropped)
    return out


def read_tsm_jsonl(ds: HubDataset, path: Path, unit: str, split: str,
                   dropped: dict | None = None) -> list[Example]:
    index = _label_index(ds, ds.label_names)
    rows = jsonl_rows(path)
    out, empty = [], []
    for i, (where, row) in enumerate(rows):
        if "text" not in row or "label" not in row:
            raise _fail(path, where, "needs the fields 'text' and 'label'.")
        text = _text(ds, row["text"], path, where, "text")
        label = class_name(ds, row["label"], path, where)
        if not text.strip():
            empty.append(where)
            continue
        out.append(Example(id=f"{unit}/{split}/{i}", lang=ds.units[unit], text=text, label=index[label]))
    _note_dropped(path, empty, len(rows), dropped)
    return out


def parse_iob2(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a UNER ``.iob2`` file as (words, tags); comments and ranges skipped.

    A BOM (also one left mid-file by concatenation) and CRLF / CR line ends are accepted;
    a file without any sentence is an error.
    """
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for n, line in text_lines(read_text(path)):
        line = line.lstrip("\ufeff")
        if not line.strip():
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[0].isdigit():
            if len(cols) >= 1 and re.fullmatch(r"\d+[-.]\d+", cols[0]):
                continue  # multi-word token range or empty node
            raise KitError(f"{path}, line {n}: expected 'index<TAB>word<TAB>tag', got {line[:60]!r}.")
        words.append(cols[1])
        tags.append(cols[2].strip() or "O")
    if words:
        sentences.append((words, tags))
    if not sentences:
        raise empty_file(path, "no sentences")
    return sentences


def read_iob2(ds: HubDataset, path: Path, unit: str, split: str,
              dropped: dict | None = None) -> list[Example]:
    index = _label_index(ds, ds.label_names)
    return [Example(id=f"{unit}/{split}/{i}", lang=ds.units[unit], tokens=tuple(words),
                    tags=tuple(index[t] for t in tags))
            for i, (words, tags) in enumerate(parse_iob2(path))]


def read_units(ds: HubDataset, found: Mapping[FileKey, list[Path]], eval_units: Sequence[str],
               train_units: Sequence[str], where: str = "", partial_ok: bool = False,
               dropped: dict[str, int] | None = None) -> dict[str, list[Example]]:
    """Read train for ``train_units`` and dev/test for ``eval_units``; complain about gaps.

    ``partial_ok``: a unit with no file at all is skipped (a local copy may hold zh_gsd
    but not zh_pud); a unit with some files must still have every split it is read for.
    ``dropped`` collects ``{file: rows dropped for an empty text}``.
    """
    from tqdm.auto import tqdm

    need: list[tuple[str, str]] = []
    for unit in eval_units:
        for split in ("dev", "test"):
            if split in ds.unit_splits[unit]:
                need.append((unit, split))
    for unit in train_units:
        if "train" in ds.unit_splits[unit]:
            need.append((unit, "train"))
    out: dict[str, list[Example]] = {s: [] for s in SPLITS}
    combined: dict[str, dict[str, list[Example]]] = {}
    for unit, split in tqdm(need, desc=f"reading {ds.name}", disable=len(need) < 30, leave=False):
        if partial_ok and not any(u == unit for u, _ in found):
            continue
        if (unit, split) in found:
            for path in found[(unit, split)]:
                if path.suffix == ".parquet":
                    out[split].extend(read_parquet(ds, path, unit, split, dropped))
                elif path.suffix == ".iob2":
                    out[split].extend(read_iob2(ds, path, unit, split, dropped))
                else:
                    out[split].extend(read_tsm_jsonl(ds, path, unit, split, dropped))
        elif (unit, None) in found:
            if unit not in combined:
                parts: dict[str, list[Example]] = {s: [] for s in SPLITS}
                for path in found[(unit, None)]:
                    for s, exs in read_massive_jsonl(ds, path, unit, SPLITS, dropped).items():
                        parts[s].extend(exs)
                combined[unit] = parts
            out[split].extend(combined[unit][split])
        else:
            raise KitError(
                f"{ds.name}: no {split} file for {unit!r} (language {ds.units[unit]!r}) was found"
                f"{' in ' + where if where else ''}. "
                f"Expected the hub's parquet layout ({unit}/{'validation' if split == 'dev' else split}/"
                f"0000.parquet) or {ds.manual}. Offline alternative: {ds.pocket!r}.")
    return out


# ------------------------------------------------------------------ download
def _offline() -> bool:
    from huggingface_hub import constants

    env = os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")
    return env or bool(constants.is_offline_mode())


def fetch(ds: HubDataset, units: Sequence[str]) -> Path:
    """Download (or find in the hub cache) the files of ``units``; a KitError if impossible."""
    from huggingface_hub import snapshot_download

    patterns = [p for unit in units for p in ds.download_patterns(unit)]
    offline = _offline()
    try:
        folder = snapshot_download(ds.repo_id, repo_type="dataset", revision=ds.revision,
                                   allow_patterns=patterns, local_files_only=offline)
    except Exception as e:  # connection, offline mode, missing revision: one clear message
        why = "HF_HUB_OFFLINE is set and the files are not in the hub cache" if offline else \
            f"the hub could not be reached or refused ({type(e).__name__}: {str(e)[:200]})"
        # from None: the cause is summarized in the message; chained, a notebook shows
        # hundreds of lines of network-library traceback above this one message
        raise KitError(
            f"Cannot load {ds.name!r} from the Hugging Face hub ({ds.repo_id}"
            f"{'@' + ds.revision if ds.revision else ''}): {why}. Use the offline dataset "
            f"{ds.pocket!r} instead, or download {ds.manual} and pass data_dir=<folder>.") from None
    return Path(folder)
