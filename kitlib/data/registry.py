"""Dataset registry and ``load``: one entry point for pocket, hub and local datasets.

Why one function: notebooks name a dataset and a selection (languages, seen languages,
subset, caps) in their parameters; ``load`` checks all of it against the dataset BEFORE
reading or downloading anything, and returns a ``TaskData`` whose ``selection`` records
exactly what was chosen, so results can be traced back.

Order of work in ``load``: dataset name -> unknown keywords (a keyword of another kind
of dataset is explained: whose it is and what this dataset is) -> value of every keyword
(types and ranges) -> the dataset's catalog (languages, groups, which languages have
training data; static for hub datasets, a directory listing for ``data_dir``, the
generated data for pocket datasets, the files for ``local``) -> languages and
train_languages -> only then read / download -> restrict train to train_languages ->
nested subset of train -> per-language cap of dev/test.
"""
from __future__ import annotations

import functools

import difflib
import numbers
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from kitlib.data import selection as _sel
from kitlib.data.types import Example, Task, TaskData
from kitlib.errors import KitError, bad_value

COMMON_KEYWORDS = ("languages", "train_languages", "subset", "subset_seed", "max_eval_per_lang")
EVAL_CAP_SEED = 0
"""Seed of the per-language dev/test cap: fixed (not ``subset_seed``) so that runs with
different seeds are scored on the same examples."""


@dataclass
class Catalog:
    """What a dataset offers, known before its examples are read."""

    languages: list[str]
    seen: list[str]
    trainable: list[str]
    groups: dict[str, list[str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    default_train: str = "all"

    def all_groups(self) -> dict[str, list[str]]:
        seen = [lang for lang in self.languages if lang in self.seen]
        out = {"all": list(self.languages), "seen": seen,
               "unseen": [lang for lang in self.languages if lang not in seen]}
        for name, members in self.groups.items():
            out.setdefault(name, [lang for lang in self.languages if lang in members])
        return out


@dataclass
class Raw:
    task: Task
    label_names: list[str]
    splits: dict[str, list[Example]]
    dropped: dict[str, int] = field(default_factory=dict)
    """file -> rows dropped for an empty text (recorded in ``selection["dropped_empty"]``)."""
    clusters: dict[str, str] = field(default_factory=dict)
    """example id -> the unit test examples are resampled by (pocket: the template)."""


Reader = Callable[[list[str], list[str]], Raw]
"""(evaluation languages, train languages) -> every split's examples for them."""


@dataclass(frozen=True)
class DatasetSpec:
    """One registry entry: its kind, the keywords it takes, and how to open it."""

    name: str
    kind: str  # "pocket" | "hub" | "local"
    keywords: tuple[str, ...]
    summary: str
    open: Callable[[dict], tuple[Catalog, Reader]]


# ------------------------------------------------------------------ pocket
@functools.lru_cache(maxsize=8)
def _generated(name: str, size: int, options: tuple) -> Any:
    """Pocket data are generated deterministically, so one process generates each variant
    once (validation, language groups and loading all ask for it); the examples are frozen
    and every reader copies the lists it hands out."""
    from kitlib.data import pocket

    return pocket.generate(name, size, **dict(options))


def _open_pocket(name: str) -> Callable[[dict], tuple[Catalog, Reader]]:
    def open_(options: dict) -> tuple[Catalog, Reader]:
        extra = {"cased": options["cased"]} if options.get("cased") is not None else {}
        data = _generated(name, options["size"], tuple(sorted(extra.items())))
        train_langs = {ex.lang for ex in data.splits.get("train", [])}
        catalog = Catalog(languages=list(data.languages), seen=list(data.seen),
                          trainable=[lang for lang in data.languages if lang in train_langs],
                          groups=dict(getattr(data, "groups", None) or {}))

        def read(_eval: list[str], _train: list[str]) -> Raw:
            return Raw(data.task, list(data.label_names),
                       {s: list(data.splits.get(s, [])) for s in ("train", "dev", "test")},
                       clusters={i: src["template"] for i, src in data.sources.items()
                                 if "template" in src})
        return catalog, read
    return open_


# ------------------------------------------------------------------ hub
def _open_hub(name: str) -> Callable[[dict], tuple[Catalog, Reader]]:
    def open_(options: dict) -> tuple[Catalog, Reader]:
        from kitlib.data import hub

        ds = hub.HUB_DATASETS[name]
        found = None
        where = ""
        if options.get("data_dir") is not None:
            found = hub.scan_dir(ds, Path(options["data_dir"]))
            where = f"data_dir={options['data_dir']!r}"
        elif options.get("data_files") is not None:
            found = hub.discover(ds, [Path(p) for p in options["data_files"]])
            where = "data_files"
        if found is not None:
            if not found:
                key = "data_dir" if options.get("data_dir") is not None else "data_files"
                raise bad_value(key, options[key], f"files in a {name} layout: {ds.manual}, "
                                "or the hub's parquet conversion (<config>/<split>/0000.parquet)",
                                hint=f"None was found. Offline alternative: {ds.pocket!r}.")
            languages = hub.found_languages(ds, found)
            trainable = hub.found_trainable(ds, found)
        else:
            languages, trainable = ds.languages, ds.trainable()
        catalog = Catalog(languages=languages, seen=[l for l in ds.seen if l in languages],
                          trainable=trainable, aliases=dict(ds.aliases),
                          default_train=ds.default_train)

        def read(eval_langs: list[str], train_langs: list[str]) -> Raw:
            eval_units = ds.units_for(eval_langs)
            train_units = ds.units_for(train_langs)
            files, place, partial = found, where, True
            if files is None:
                partial = False
                root = hub.fetch(ds, sorted(set(eval_units) | set(train_units)))
                files, place = hub.scan_dir(ds, root), f"the {ds.repo_id} download"
            dropped: dict[str, int] = {}
            splits = hub.read_units(ds, files, eval_units, train_units, where=place,
                                    partial_ok=partial, dropped=dropped)
            return Raw(ds.task, list(ds.label_names), splits, dropped)
        return catalog, read
    return open_


# ------------------------------------------------------------------ local
def _open_local(options: dict) -> tuple[Catalog, Reader]:
    from kitlib.data.local import read_local

    data = read_local(options["path"])
    catalog = Catalog(languages=data.languages, seen=data.trainable, trainable=data.trainable)

    def read(_eval: list[str], _train: list[str]) -> Raw:
        return Raw(data.task, data.label_names, data.splits, dict(data.dropped))
    return catalog, read


_POCKET_KEYS = COMMON_KEYWORDS + ("size",)
_POCKET_INTENT_KEYS = _POCKET_KEYS + ("cased",)  # cased: see kitlib.data.pocket.OPTIONS
_HUB_KEYS = COMMON_KEYWORDS + ("data_dir", "data_files")
_LOCAL_KEYS = COMMON_KEYWORDS + ("path", "data_dir")
"""``data_dir`` is a synonym of ``path`` for ``local``: notebooks pass their ``data_dir``
parameter whatever the dataset, and for the user's own files it means the same place."""

DATASETS: dict[str, DatasetSpec] = {
    "pocket-intent": DatasetSpec("pocket-intent", "pocket", _POCKET_INTENT_KEYS,
                                 "bundled MASSIVE-like intent classification, offline",
                                 _open_pocket("pocket-intent")),
    "pocket-sentiment": DatasetSpec("pocket-sentiment", "pocket", _POCKET_KEYS,
                                    "bundled 3-class sentiment, offline",
                                    _open_pocket("pocket-sentiment")),
    "pocket-ner": DatasetSpec("pocket-ner", "pocket", _POCKET_KEYS,
                              "bundled PER/ORG/LOC tagging, offline", _open_pocket("pocket-ner")),
    "massive": DatasetSpec("massive", "hub", _HUB_KEYS,
                           "AmazonScience/massive 1.1: 52 locales, 60 intents", _open_hub("massive")),
    "tsm": DatasetSpec("tsm", "hub", _HUB_KEYS,
                       "cardiffnlp/tweet_sentiment_multilingual: 8 languages, 3 labels",
                       _open_hub("tsm")),
    "uner": DatasetSpec("uner", "hub", _HUB_KEYS,
                        "Universal NER v1: PER/ORG/LOC, BIO2", _open_hub("uner")),
    "local": DatasetSpec("local", "local", _LOCAL_KEYS,
                         "your own JSONL / CSV / parquet files (see kitlib.data.local)",
                         _open_local),
}


# ------------------------------------------------------------------ validation
def _spec(name: Any) -> DatasetSpec:
    if not isinstance(name, str) or name not in DATASETS:
        raise bad_value("dataset", name, list(DATASETS))
    return DATASETS[name]


def _is_int(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


_NATURE = {"pocket": "is generated, not read from files",
           "hub": "is read from the Hugging Face hub or from files in its own layout",
           "local": "reads your own files"}
_KEYWORD_HINTS = {
    ("path", "hub"): "Pass the folder as data_dir=... (or single files as data_files=[...]).",
    ("data_files", "local"): "Pass the folder or the one file as path=... (or data_dir=...).",
    ("size", "hub"): "size scales the generated pocket data; subset=... takes a fraction of train.",
    ("size", "local"): "size scales the generated pocket data; subset=... takes a fraction of train.",
}


def _keyword_error(spec: DatasetSpec, key: str) -> KitError:
    """Why ``key`` is refused, in the user's terms: whose keyword it is and what this
    dataset is, or -- for a keyword of no dataset -- the allowed ones and a close match."""
    takers: dict[str, list[str]] = {}
    for other in DATASETS.values():
        if key in other.keywords:
            takers.setdefault(other.kind, []).append(other.name)
    if not takers:
        close = difflib.get_close_matches(str(key), spec.keywords, n=1)
        hint = f"(selection keywords of dataset {spec.name!r})"
        return bad_value("keyword", key, spec.keywords,
                         hint=hint + (f" Did you mean {close[0]!r}?" if close else ""))
    whose = " and ".join("local" if kind == "local" else f"the {kind} datasets ({', '.join(names)})"
                         for kind, names in takers.items())
    msg = f"{key} is for {whose}; {spec.name!r} {_NATURE[spec.kind]}."
    if (key, spec.kind) in _KEYWORD_HINTS:
        msg += " " + _KEYWORD_HINTS[(key, spec.kind)]
    return KitError(msg + f" Keywords of {spec.name!r}: {', '.join(spec.keywords)}.")


def _place(key: str, value: Any, what: str) -> Path:
    """A folder / file argument: a str or path, not empty (``""`` would be the current folder)."""
    if not isinstance(value, (str, os.PathLike)):
        raise bad_value(key, value, what)
    if not str(value).strip():
        raise bad_value(key, value, what, hint="An empty string would read the current folder; "
                        "pass None (the default) to leave it unset.")
    return Path(value).expanduser()


def _check_options(spec: DatasetSpec, selection: dict) -> dict:
    """Types and ranges of every keyword, with defaults filled in; nothing is read."""
    for key in selection:
        if key not in spec.keywords:
            raise _keyword_error(spec, key)
    opts = dict(selection)
    subset = opts.get("subset", 1.0)
    if subset is None:
        subset = 1.0
    if (isinstance(subset, bool) or not isinstance(subset, numbers.Real)
            or not (0 < float(subset) <= 1)):
        raise bad_value("subset", subset, "a number in (0, 1], e.g. 0.01, 0.05, 0.1, 1.0")
    opts["subset"] = float(subset)
    seed = opts.get("subset_seed", 0)
    if not _is_int(seed):
        raise bad_value("subset_seed", seed, "an integer")
    opts["subset_seed"] = int(seed)
    cap = opts.get("max_eval_per_lang")
    if cap is not None and (not _is_int(cap) or cap < 1):
        raise bad_value("max_eval_per_lang", cap, "None (no cap) or an integer >= 1")
    opts["max_eval_per_lang"] = None if cap is None else int(cap)
    if spec.kind == "pocket":
        size = opts.get("size", 1)
        if not _is_int(size) or size < 1:
            raise bad_value("size", size, "an integer >= 1 (1 = default size)")
        opts["size"] = int(size)
        if opts.get("cased") is not None and not isinstance(opts["cased"], bool):
            raise bad_value("cased", opts["cased"], "True or False (pocket-intent: False = "
                            "MASSIVE style, lowercase and unpunctuated, the default)")
    if spec.kind == "hub":
        data_dir, data_files = opts.get("data_dir"), opts.get("data_files")
        if data_dir is not None and data_files is not None:
            raise bad_value("data_files", data_files, "None when data_dir is given",
                            hint="Pass either data_dir (a folder) or data_files (a list of files).")
        if data_dir is not None:
            folder = _place("data_dir", data_dir, "an existing folder with the dataset's files")
            if not folder.is_dir():
                hint = ("It is a file: data_dir takes a folder; pass files as data_files=[...]."
                        if folder.is_file() else None)
                raise bad_value("data_dir", data_dir, "an existing folder with the dataset's files",
                                hint=hint)
            opts["data_dir"] = str(folder)
        if data_files is not None:
            files = [data_files] if isinstance(data_files, (str, os.PathLike)) else data_files
            if not isinstance(files, (list, tuple)) or not files:
                raise bad_value("data_files", data_files, "a file path or a non-empty list of file paths")
            for f in files:
                if not isinstance(f, (str, os.PathLike)) or not Path(f).expanduser().is_file():
                    raise bad_value("data_files", f, "existing files in the dataset's format")
            opts["data_files"] = [str(Path(f).expanduser()) for f in files]
    if spec.kind == "local":
        path, data_dir = opts.pop("path", None), opts.pop("data_dir", None)
        what = "a folder with train/dev/test files or one file with a split column"
        places = {key: _place(key, value, what)
                  for key, value in (("path", path), ("data_dir", data_dir)) if value is not None}
        if not places:
            raise bad_value("path", None, what, hint="load('local') needs path=... "
                            "(or data_dir=..., the same thing).")
        if len(places) == 2 and places["path"].resolve() != places["data_dir"].resolve():
            raise bad_value("data_dir", data_dir, f"None or the same place as path={str(path)!r}",
                            hint="For dataset 'local', data_dir is another name for path; "
                                 "pass one of them.")
        opts["path"] = str(places.get("path", places.get("data_dir")))
    return opts


def _codes(param: str, value: Any, catalog: Catalog, groups: dict[str, list[str]]) -> list[str]:
    """A list of language codes (aliases resolved, catalog order), each one checked."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not value:
        raise bad_value(param, value, f"a group ({', '.join(groups)}), a language code or a "
                        "non-empty list of codes")
    chosen: set[str] = set()
    for code in value:
        resolved = catalog.aliases.get(code, code) if isinstance(code, str) else code
        if resolved not in catalog.languages:
            raise bad_value(param, code, catalog.languages, hint=f"Groups: {', '.join(groups)}.")
        chosen.add(resolved)
    return [lang for lang in catalog.languages if lang in chosen]


def resolve_languages(value: Any, catalog: Catalog) -> list[str]:
    groups = catalog.all_groups()
    if value is None:
        value = "all"
    if isinstance(value, str) and value in groups:
        if not groups[value]:
            raise bad_value("languages", value, [g for g, m in groups.items() if m],
                            hint=f"Group {value!r} is empty for this dataset.")
        return list(groups[value])
    return _codes("languages", value, catalog, groups)


def resolve_train_languages(value: Any, languages: list[str], catalog: Catalog, name: str) -> list[str]:
    groups = catalog.all_groups()
    if value is None:
        value = catalog.default_train
    usable = [lang for lang in languages if lang in catalog.trainable]
    if isinstance(value, str) and value in groups:
        chosen = [lang for lang in groups[value] if lang in usable]
        if not chosen:
            raise bad_value("train_languages", value,
                            [g for g, m in groups.items() if any(l in usable for l in m)] or usable,
                            hint=f"It leaves the train split empty: none of the selected languages "
                                 f"({', '.join(languages)}) in group {value!r} has training data in "
                                 f"{name!r}.")
        return chosen
    codes = _codes("train_languages", value, catalog, groups)
    for code in codes:
        if code not in languages:
            raise bad_value("train_languages", code, languages,
                            hint="Training languages must be among the selected `languages`.")
        if code not in catalog.trainable:
            raise bad_value("train_languages", code, usable,
                            hint=f"{code!r} has no training data in {name!r} (test only).")
    return codes


# ------------------------------------------------------------------ load
def load(name: str, **selection: Any) -> TaskData:
    """Load dataset ``name`` with a validated selection; see ``kitlib.data`` for the keywords."""
    spec = _spec(name)
    opts = _check_options(spec, selection)
    catalog, read = spec.open(opts)
    languages = resolve_languages(opts.get("languages"), catalog)
    train_languages = resolve_train_languages(opts.get("train_languages"), languages, catalog, name)

    raw = read(languages, train_languages)
    keep_eval, keep_train = set(languages), set(train_languages)
    train = [ex for ex in raw.splits["train"] if ex.lang in keep_train]
    dev = [ex for ex in raw.splits["dev"] if ex.lang in keep_eval]
    test = [ex for ex in raw.splits["test"] if ex.lang in keep_eval]
    for split, examples in (("train", train), ("dev", dev), ("test", test)):
        if not examples:
            raise KitError(f"load({name!r}): the selection leaves the {split} split empty "
                           f"(languages={languages}, train_languages={train_languages}).")
    n_train_full = len(train)
    train = _sel.nested_subset(train, opts["subset"], opts["subset_seed"], raw.label_names)
    cap = opts["max_eval_per_lang"]
    dev = _sel.cap_per_language(dev, cap, EVAL_CAP_SEED, raw.label_names)
    test = _sel.cap_per_language(test, cap, EVAL_CAP_SEED, raw.label_names)

    resolved: dict[str, Any] = {
        "languages": languages, "train_languages": train_languages, "subset": opts["subset"],
        "subset_seed": opts["subset_seed"], "max_eval_per_lang": cap,
        # what the subset achieved: ceil(subset * N), plus at most one item for a language
        # that would otherwise vanish (see selection.nested_subset)
        "n_train": len(train), "n_train_full": n_train_full,
    }
    for key in ("size", "cased", "data_dir", "data_files", "path"):
        if opts.get(key) is not None:
            resolved[key] = opts[key]
    if spec.kind == "hub":
        resolved["source"] = "files" if "data_dir" in resolved or "data_files" in resolved else "hub"
    if raw.dropped:  # rows with an empty text, per file (each also warned about)
        resolved["dropped_empty"] = dict(raw.dropped)
    kept = {ex.id for ex in (*dev, *test)}
    return TaskData(name=name, task=raw.task, label_names=list(raw.label_names), train=train,
                    dev=dev, test=test, languages=languages, train_languages=train_languages,
                    selection=resolved,
                    clusters={i: c for i, c in raw.clusters.items() if i in kept})


def language_groups(name: str, **selection: Any) -> dict[str, list[str]]:
    """``{"all", "seen", "unseen", plus named groups}`` of dataset ``name``.

    Hub datasets answer from their static catalog (no download); ``data_dir`` /
    ``data_files`` restrict it to the files present; pocket datasets generate their data
    (``size``); ``local`` reads ``path`` (or ``data_dir``) -- without it, its languages
    are unknown and every group is empty.
    """
    spec = _spec(name)
    if spec.kind == "local" and selection.get("path") is None and selection.get("data_dir") is None:
        return {"all": [], "seen": [], "unseen": []}
    opts = _check_options(spec, selection)
    catalog, _ = spec.open(opts)
    return catalog.all_groups()
