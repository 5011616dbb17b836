"""The typed schema of every notebook parameter, and the one place that validates them.

Why: a notebook run with papermill only *warns* about parameters it does not know, and a
typo such as ``-p subset 0`` would otherwise surface minutes later as a stack trace deep
inside torch. Every notebook therefore calls :func:`from_notebook` right after its
``parameters`` cell; it rejects an unknown key, a wrong type or an out-of-range value with
one :class:`kitlib.errors.KitError` naming the key, the value and what is allowed -- before
anything is downloaded, converted or trained.

One flat schema covers all five notebooks because the presets in ``params/`` are shared by
all of them (``papermill -f params/pocket.yaml`` injects every key of the file into every
notebook). A key that belongs to another notebook is therefore accepted and ignored (a note
says so); a key that no notebook knows is an error.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

import yaml

from kitlib import vocab
from kitlib.distill.config import default_weights
from kitlib.distill.terms import DISTILLATION_TERMS, TERMS
from kitlib.errors import KitError, bad_value

# Notebook name -> short experiment name; "01", "anatomy" and the full stem are all accepted.
NOTEBOOKS: dict[str, str] = vocab.NOTEBOOKS
ALL = tuple(NOTEBOOKS)
STUDENTS = ("02_kd_ablation", "03_zero_shot_transfer", "04_learning_speed", "05_open_questions")
OPEN_QUESTIONS = ("05_open_questions",)

INIT_NAMES = vocab.INITS
KD_TERMS = DISTILLATION_TERMS  # from the KD term registry (kitlib.distill.terms)
KD_WEIGHT_KEYS = tuple(TERMS)

PARAMS_DIR = Path(__file__).resolve().parents[1] / "params"


# --------------------------------------------------------------------------- value checks
def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_num(v: Any) -> bool:
    return (isinstance(v, (int, float)) and not isinstance(v, bool)
            and math.isfinite(float(v)))


def _maybe_yaml(v: Any) -> Any:
    """papermill ``-p`` passes lists and dicts as strings; parse those with YAML."""
    if isinstance(v, str):
        try:
            return yaml.safe_load(v)
        except yaml.YAMLError:
            return v
    return v


def _int(lo: int | None = None, hi: int | None = None, optional: bool = False):
    rng = ("an integer" + (f" >= {lo}" if lo is not None else "")
           + (f" and <= {hi}" if hi is not None else "")) + (" or null" if optional else "")

    def check(key: str, v: Any) -> Any:
        v = _maybe_yaml(v)
        if v is None and optional:
            return None
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if not _is_int(v) or (lo is not None and v < lo) or (hi is not None and v > hi):
            raise bad_value(key, v, rng)
        return v
    return check


def _float(lo: float, hi: float | None = None, lo_open: bool = False, hi_open: bool = False,
           optional: bool = False):
    left = ">" if lo_open else ">="
    right = "<" if hi_open else "<="
    rng = f"a number {left} {lo}" + (f" and {right} {hi}" if hi is not None else "") + \
        (" or null" if optional else "")

    def check(key: str, v: Any) -> Any:
        v = _maybe_yaml(v)
        if v is None and optional:
            return None
        if not _is_num(v):
            raise bad_value(key, v, rng)
        v = float(v)
        if v < lo or (lo_open and v == lo) or (hi is not None and (v > hi or (hi_open and v == hi))):
            raise bad_value(key, v, rng)
        return v
    return check


def _bool(key: str, v: Any) -> bool:
    if isinstance(v, str) and v.strip().lower() in ("true", "false"):
        v = v.strip().lower() == "true"
    if not isinstance(v, bool):
        raise bad_value(key, v, "true or false")
    return v


def _choice(*allowed: str):
    def check(key: str, v: Any) -> str:
        if v not in allowed:
            raise bad_value(key, v, list(allowed))
        return v
    return check


def _str(optional: bool = False):
    def check(key: str, v: Any) -> Any:
        if v is None and optional:
            return None
        if not isinstance(v, str) or not v.strip():
            raise bad_value(key, v, "a non-empty string" + (" or null" if optional else ""))
        return v
    return check


def _list(item: Callable[[str, Any], Any], what: str, allow_scalar: bool = True,
          allow_empty: bool = False):
    def check(key: str, v: Any) -> list:
        v = _maybe_yaml(v)
        if isinstance(v, tuple):
            v = list(v)
        if not isinstance(v, list):
            if not allow_scalar:
                raise bad_value(key, v, f"a list of {what}")
            return [item(key, v)]  # a scalar: its own error names the scalar value
        if not v and not allow_empty:
            raise bad_value(key, v, f"a non-empty list of {what}")
        out = []
        for i, x in enumerate(v):
            try:
                out.append(item(key, x))
            except KitError as err:
                raise bad_value(key, v, f"a list of {what}",
                                hint=f"Item {i} ({x!r}) is not one."
                                + (f" {err.hint}" if err.hint else "")) from None
        if len(set(map(repr, out))) != len(out):
            raise bad_value(key, v, f"a list of {what} without repeats")
        return out
    return check


def _writable_folder(key: str, v: Any) -> str:
    """A folder that exists or can be created, and can be written: proved by creating (and
    removing) a temporary folder in it or in its nearest existing parent -- nothing stays."""
    import tempfile

    v = _str()(key, v)
    path = Path(v).expanduser()
    if path.exists() and not path.is_dir():
        raise bad_value(key, v, "a folder (this is a file)")
    probe = path
    while not probe.exists():
        probe = probe.parent
    try:
        tempfile.TemporaryDirectory(dir=probe).cleanup()
    except OSError as err:
        raise bad_value(key, v, "a folder the kit can create and write",
                        hint=f"{probe} cannot be written ({err.strerror or err}).") from None
    return v


def _is_fraction(v: Any) -> bool:
    return _is_num(v) and 0 < float(v) <= 1


def _subset_item(key: str, v: Any) -> float:
    if not _is_fraction(v):
        raise bad_value(key, v, "a fraction of the training data in (0, 1], e.g. 0.05 for 5%")
    return float(v)


def _teacher_subset(key: str, v: Any) -> Any:
    if v == "auto":
        return v
    if not _is_fraction(v):
        raise bad_value(key, v, '"auto" (train_subset for classification, all the data for '
                                'tagging) or a fraction of the training data in (0, 1]')
    return float(v)


def _layer_map(key: str, v: Any) -> Any:
    """A layer-map name or an explicit list of teacher layer indices (0-based)."""
    v = _maybe_yaml(v)
    if isinstance(v, tuple):
        v = list(v)
    if isinstance(v, str):
        names = vocab.LAYER_MAPS
        if v not in names:
            raise bad_value(key, v, f"one of {', '.join(map(repr, names))}, "
                                    "or a list of teacher layer indices such as [0, 5, 11]")
        return v
    if isinstance(v, list) and v and all(_is_int(i) and i >= 0 for i in v) \
            and len(set(v)) == len(v):
        return v
    raise bad_value(key, v, f"one of {', '.join(map(repr, vocab.LAYER_MAPS))}, "
                            "or a list of distinct teacher layer indices >= 0 such as [0, 5, 11]")


def _pred_loss_setting(key: str, v: Any) -> str:
    """"kl:<T>" (T > 0) or "mse": one KD prediction loss of notebook 05's question 3."""
    what = '"kl:<temperature>" such as "kl:2" (KL at temperature T), or "mse" (on logits)'
    if v == vocab.MSE:
        return v
    if isinstance(v, str) and v.startswith(vocab.KL + ":"):
        try:
            temperature = float(v.split(":", 1)[1])
        except ValueError:
            raise bad_value(key, v, what) from None
        if math.isfinite(temperature) and temperature > 0:
            return f"{vocab.KL}:{temperature:g}"
    raise bad_value(key, v, what)


def _init(key: str, v: Any) -> str:
    if v not in vocab.INITS:
        raise bad_value(key, v, list(vocab.INITS),
                        hint="The teacher is a role, not an init: it is always trained."
                        if v == vocab.TEACHER else None)
    return v


def _kd_term(key: str, v: Any) -> str:
    if v not in KD_TERMS:
        raise bad_value(key, v, list(KD_TERMS))
    return v


def _kd_weights(key: str, v: Any) -> dict:
    v = _maybe_yaml(v)
    if not isinstance(v, Mapping):
        raise bad_value(key, v, f"a mapping from {', '.join(KD_WEIGHT_KEYS)} to weights >= 0")
    out = {}
    for k, w in v.items():
        if k not in KD_WEIGHT_KEYS or not _is_num(w) or w < 0:
            raise bad_value(key, dict(v), f"a mapping from {', '.join(KD_WEIGHT_KEYS)} "
                                          "to weights >= 0", hint=f"Entry {k!r}: {w!r} is not.")
        out[k] = float(w)
    missing = [k for k in KD_WEIGHT_KEYS if k not in out]
    if missing:
        raise bad_value(key, dict(v), f"a weight for each of {', '.join(KD_WEIGHT_KEYS)}",
                        hint=f"Missing: {', '.join(missing)}.")
    return out


def _languages(key: str, v: Any) -> Any:
    """A language group name ("all", "seen", ...), one code, or a list of codes."""
    v = _maybe_yaml(v)
    if isinstance(v, str) and v.strip():
        return v
    if isinstance(v, (list, tuple)) and v and all(isinstance(x, str) and x for x in v):
        return list(v)
    raise bad_value(key, v, "a language group name such as 'all', one language code, "
                            "or a list of codes")


def _train_scenarios(key: str, v: Any) -> list:
    v = _maybe_yaml(v)
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, (list, tuple)) or not v:
        raise bad_value(key, v, "a list of training-language scenarios, each 'en' (English "
                                "only), 'seen' (the dataset's seen languages), 'all', "
                                "a code or a list of codes")
    return [_languages(key, x) for x in v]


def _num_layers(key: str, v: Any) -> Any:
    v = _maybe_yaml(v)
    if isinstance(v, (list, tuple)):
        return _list(_int(1, 48), "student depths (integers >= 1)")(key, v)
    return _int(1, 48)(key, v)


# --------------------------------------------------------------------------- the schema
@dataclass(frozen=True)
class Spec:
    """One parameter: its default (the pocket preset), check, notebooks and meaning."""

    default: Any
    check: Callable[[str, Any], Any]
    notebooks: tuple[str, ...]
    doc: str


SCHEMA: dict[str, Spec] = {
    # where results go
    "out_dir": Spec("runs", _writable_folder, ALL,
                    "results folder: records, run metadata, HTML figures"),
    "redo": Spec(False, _bool, ALL, "rerun runs whose records are already complete"),
    "progress": Spec(True, _bool, ALL, "show tqdm progress bars"),
    # how the grid's runs are executed (README "Scale out")
    "executor": Spec("local", _choice("local", "ray"), ALL,
                     "local: the runs one after another in this process; ray: each run a Ray "
                     "task (out_dir and KITLIB_CACHE on a filesystem every node sees)"),
    "ray_address": Spec(None, _str(optional=True), ALL,
                        "executor ray: null starts a local Ray instance, 'auto' or "
                        "'host:port' / 'ray://host:port' joins a running cluster"),
    "cpus_per_run": Spec(1, _int(1), ALL,
                         "executor ray: CPU cores Ray reserves for each run (= its torch threads)"),
    "gpus_per_run": Spec(0.0, _float(0), ALL,
                         "executor ray: GPUs Ray reserves for each run (0: CPU runs; 1 on a "
                         "GPU cluster)"),
    # data
    "dataset": Spec("pocket-intent", _str(), ALL, "dataset registry name (kitlib.data.DATASETS)"),
    "languages": Spec("all", _languages, ALL, "evaluation languages: group name or codes"),
    "size": Spec(1, _int(1), ALL, "pocket datasets only: scale of the generated data"),
    "max_eval_per_lang": Spec(64, _int(1, optional=True), ALL,
                              "cap dev/test examples per language (None: all)"),
    "data_dir": Spec(None, _str(optional=True), ALL, "hub datasets read from local files"),
    "train_subset": Spec(0.2, _subset_item, ALL,
                         "fraction of the training data the students learn from (1.0: all); "
                         "the teacher's is teacher_train_subset"),
    "teacher_train_subset": Spec("auto", _teacher_subset, ALL,
                                 "fraction of the training data the teacher is fine-tuned on; "
                                 "auto: train_subset for classification, 1.0 (all) for tagging, "
                                 "whose teacher does not learn from a fifth (README)"),
    # model
    "backbone": Spec("me5-small-q4", _str(), ALL, "backbone registry name, hub id or folder"),
    "backbone_source": Spec("auto", _choice("auto", "hub", "offline"), ALL,
                            "where the backbone comes from"),
    "trim_vocab": Spec(True, _bool, ALL, "trim the vocabulary to the pieces the data uses"),
    "num_layers": Spec(6, _num_layers, ALL, "student depth (01 also takes a list of depths)"),
    "layer_map": Spec("alternate", _layer_map, STUDENTS,
                      "which teacher layers the student copies: name or list of indices"),
    "kd_layer_map": Spec("last_of_block", _layer_map, STUDENTS,
                         "which teacher layer's output each student layer is matched to by the "
                         "hidden/attention KD terms (TinyBERT: the last of each block)"),
    "layer_map_seed": Spec(0, _int(0), ALL,
                           "seed of the 'random' layer map (a seeded set of teacher layers)"),
    # training
    "max_length": Spec(64, _int(8, 4096), ALL, "tokens per example after truncation"),
    "batch_size": Spec(32, _int(1), ALL, "examples per optimizer step"),
    "teacher_lr": Spec(2e-4, _float(0, 1, lo_open=True, hi_open=True), ALL, "teacher learning rate"),
    "teacher_epochs": Spec(10, _int(1), ALL,
                           "teacher fine-tuning epochs (the budget; early stopping may end sooner)"),
    "teacher_patience": Spec(2, _int(1, optional=True), ALL,
                             "early stopping of the teacher: dev evaluations without a better "
                             "score before it stops, best weights restored (None: whole budget)"),
    "teacher_eval_every": Spec(None, _int(1, optional=True), ALL,
                               "teacher dev evaluation every N steps (None: once per epoch)"),
    "teacher_min_score": Spec(None, _float(0, 1, optional=True), ALL,
                              "teacher gate: lowest dev score (main metric, all languages) a "
                              "teacher may teach with (None: 0.5 accuracy, 0.3 entity F1)"),
    "allow_weak_teacher": Spec(False, _bool, ALL,
                               "let a teacher that fails the gate teach anyway (its students' "
                               "records and the claims carry a warning)"),
    "teacher_max_steps": Spec(None, _int(1, optional=True), ALL,
                              "stop the teacher after this many steps (None: run all epochs)"),
    "teacher_seed": Spec(44, _int(0), ALL, "seed of the teacher fine-tuning"),
    "lr": Spec(2e-4, _float(0, 1, lo_open=True, hi_open=True), STUDENTS, "student learning rate"),
    "student_epochs": Spec(6, _int(1), STUDENTS, "student training epochs"),
    "min_steps": Spec(60, _int(0), ALL,
                      "train teachers and students at least this many optimizer steps, adding "
                      "epochs on small data (English-only, 1% subsets); 0: epochs only"),
    "max_steps": Spec(None, _int(1, optional=True), STUDENTS,
                      "stop each student after this many steps (None: run all epochs)"),
    "warmup_ratio": Spec(0.1, _float(0, 1, hi_open=True), ALL, "linear warm-up share"),
    "weight_decay": Spec(0.0, _float(0), ALL, "AdamW weight decay"),
    "eval_every": Spec(None, _int(1, optional=True), STUDENTS,
                       "evaluate on dev every N steps (None: once per epoch)"),
    "grad_accum": Spec(1, _int(1), ALL, "gradient accumulation steps"),
    "mixed_precision": Spec("auto", _choice("auto", "no", "bf16"), ALL,
                            "auto: bf16 on GPU, none on CPU; never fp16 (mDeBERTa overflows)"),
    "seeds": Spec([44, 55, 66], _list(_int(0), "seeds (integers >= 0)"), STUDENTS,
                  "student seeds (only seeds are pooled; effects are paired by seed)"),
    # initialization and KD
    "inits": Spec(list(INIT_NAMES), _list(_init, f"inits ({', '.join(INIT_NAMES)})"), STUDENTS,
                  "student initializations compared"),
    "kd_terms": Spec(list(KD_TERMS), _list(_kd_term, f"KD terms ({', '.join(KD_TERMS)})"),
                     STUDENTS, "the loss terms of KD (cross-entropy ce is always added)"),
    "kd_weights": Spec(default_weights(), _kd_weights, STUDENTS, "weight of each KD term and of cross-entropy"),
    "kd_temperature": Spec(1.0, _float(0, lo_open=True), STUDENTS, "soft-label temperature"),
    "kd_pred_loss": Spec("soft_ce", _choice("soft_ce", "mse"), STUDENTS, "prediction-loss form"),
    "kd_stages": Spec(1, _int(1, 2), STUDENTS,
                      "1: all KD terms together; 2: TinyBERT two stages (intermediate, then prediction)"),
    # 01 anatomy
    "layer_maps": Spec(["alternate", "last_of_block", "first_k", "last_k", "first_last"],
                       _list(_layer_map, "layer maps (names or index lists)"),
                       ("01_copy_weight_anatomy",), "layer maps compared before training"),
    "similarity_examples": Spec(32, _int(2), ("01_copy_weight_anatomy",),
                                "dev examples per language for layer similarity (CKA)"),
    # 02 KD ablation
    "kd": Spec([False, True], _list(_bool, "true/false (KD / no KD)"), ("02_kd_ablation",),
               "train each init without KD (false) and with KD (true)"),
    "kd_ablation_seeds": Spec(1, _int(1), ("02_kd_ablation",),
                              "how many of the seeds the KD-term ablation runs (the first ones)"),
    "kd_ablation": Spec([list(KD_TERMS[:i + 1]) for i in range(len(KD_TERMS))],
                        _list(_list(_kd_term, f"KD terms ({', '.join(KD_TERMS)})",
                                    allow_scalar=False), "lists of KD terms",
                              allow_scalar=False, allow_empty=True),
                        ("02_kd_ablation",), "KD-term sets tried for from-teacher (empty list: skip)"),
    # 03 zero-shot
    "train_languages": Spec(["en", "seen"], _train_scenarios, ("03_zero_shot_transfer",),
                            "training scenarios: en (English only), seen (the seen languages)"),
    # 04 learning speed
    "subset": Spec([0.01, 0.05, 0.1, 0.2], _list(_subset_item, "fractions in (0, 1]"),
                   ("04_learning_speed",), "training-data fractions compared"),
    "teacher_data": Spec("full", _choice("full", "subset"), ("04_learning_speed",),
                         "full: the teacher of notebooks 01-03 (teacher_train_subset of the data); "
                         "subset: a teacher fine-tuned on each subset"),
    "target_fraction": Spec(0.9, _float(0, 1, lo_open=True), ("04_learning_speed",),
                            "reached: dev score at least this fraction of the teacher dev score"),
    # 05 open questions
    "question_seeds": Spec(1, _int(1), OPEN_QUESTIONS,
                           "how many of the seeds notebook 05 trains (the first ones; 1: "
                           "intervals are a bootstrap over test templates)"),
    "depths": Spec([6, 4, 3, 2], _list(_int(1, 48), "student depths (integers >= 1)"),
                   OPEN_QUESTIONS, "question 1: student depths (12 -> 6, 4, 3, 2 = reduction "
                   "factors 2, 3, 4, 6)"),
    "strategy_depth": Spec(3, _int(1, 48), OPEN_QUESTIONS,
                           "question 2: the depth at which the layer strategies are compared"),
    "strategies": Spec(list(vocab.LAYER_MAPS), _list(_layer_map, "layer maps (names or index "
                                                                  "lists)"),
                       OPEN_QUESTIONS, "question 2: which teacher layers a from-teacher student "
                       "copies (trained with KD; zero-training score too)"),
    "pred_losses": Spec(["kl:1", "kl:2", "kl:4", "mse"],
                        _list(_pred_loss_setting, '"kl:<temperature>" (e.g. "kl:2") or "mse"'), OPEN_QUESTIONS,
                        "question 3: KD prediction losses (KL at temperature T, or MSE on logits)"),
    "trim_choices": Spec([True, False], _list(_bool, "true/false (trimmed / full vocabulary)"),
                         OPEN_QUESTIONS, "question 4: from-teacher vs from-base with the trimmed "
                         "(true) and the full (false) vocabulary"),
}


def notebook_keys(notebook: str) -> list[str]:
    """The parameters a notebook uses (the keys of its ``parameters`` cell)."""
    nb = notebook_name(notebook)
    return [k for k, s in SCHEMA.items() if nb in s.notebooks]


def defaults(notebook: str) -> dict[str, Any]:
    """The schema defaults of a notebook's parameters (= the pocket preset)."""
    import copy

    return {k: copy.deepcopy(SCHEMA[k].default) for k in notebook_keys(notebook)}


def notebook_name(notebook: str) -> str:
    """Full notebook stem from "02", "kd_ablation", "02_kd_ablation" or a path to it."""
    stem = Path(str(notebook)).stem
    for full, short in NOTEBOOKS.items():
        if stem in (full, short, full[:2]):
            return full
    raise bad_value("notebook", notebook, list(NOTEBOOKS))


# --------------------------------------------------------------------------- RunParams
@dataclass(frozen=True)
class RunParams:
    """Validated parameters of one notebook run; ``values`` holds this notebook's keys."""

    notebook: str
    values: dict[str, Any] = field(default_factory=dict)
    preset: str | None = None
    ignored: tuple[str, ...] = ()

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "values")
        if name in values:
            return values[name]
        raise AttributeError(f"RunParams of {object.__getattribute__(self, 'notebook')} "
                             f"has no parameter {name!r}")

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def short(self) -> str:
        """Short experiment name ("anatomy", "kd_ablation", ...)."""
        return NOTEBOOKS[self.notebook]

    def to_dict(self) -> dict[str, Any]:
        return {"notebook": self.notebook, **self.values}

    def hash(self) -> str:
        from kitlib.paths import stable_hash

        return stable_hash(self.to_dict())

    def replace(self, **changes: Any) -> "RunParams":
        """A copy with some parameters changed, validated like the originals."""
        return load_params(self.notebook, {**self.values, **changes})


def read_preset(preset: str | Path | Mapping | None) -> tuple[dict, str | None]:
    """(raw values, path) of a preset: a name in params/, a YAML path, or a dict."""
    if preset is None:
        preset = "pocket"
    if isinstance(preset, Mapping):
        return dict(preset), None
    path = Path(preset)
    if not path.suffix and not path.exists():
        path = PARAMS_DIR / f"{preset}.yaml"
    if not path.is_file():
        names = sorted(p.stem for p in PARAMS_DIR.glob("*.yaml"))
        raise bad_value("preset", str(preset), names + ["a path to a YAML file"])
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise KitError(f"preset={str(path)!r} is not valid YAML: {e}") from None
    if not isinstance(data, dict):
        raise bad_value("preset", str(path), "a YAML file holding a mapping of parameters")
    return data, str(path)


def load_params(notebook: str, preset: str | Path | Mapping | None = None,
                **overrides: Any) -> RunParams:
    """Validate a notebook's parameters: schema defaults < preset (name, path or dict) <
    overrides (as papermill passes them). Raises one KitError for the first bad key."""
    nb = notebook_name(notebook)
    base, preset_name = read_preset(preset)
    raw = {**base, **overrides}
    check_known(raw, notebook=nb)
    values = defaults(nb)
    ignored = []
    for k, v in raw.items():
        if nb not in SCHEMA[k].notebooks:
            ignored.append(k)
            continue
        values[k] = SCHEMA[k].check(k, v)
    _check_cross(nb, values)
    _check_names(values)
    return RunParams(nb, values, preset_name, tuple(ignored))


def check_known(values: Mapping[str, Any], notebook: str | None = None,
                where: str | None = None) -> None:
    """One KitError for the first key that is no parameter of any notebook (papermill and
    run-all would otherwise drop it in silence and run with the default)."""
    unknown = [k for k in values if k not in SCHEMA]
    if not unknown:
        return
    k = unknown[0]
    close = _close_names(k)
    allowed = notebook_keys(notebook) if notebook else list(SCHEMA)
    raise KitError(f"{k}={values[k]!r} is not allowed" + (f" (in {where})" if where else "")
                   + f": {k!r} is not a parameter of any notebook; allowed parameters"
                   + (f" of {notebook}" if notebook else "") + f": {', '.join(allowed)}."
                   + (f" Did you mean {close}?" if close else ""))


def _close_names(key: str) -> str:
    import difflib

    return ", ".join(repr(c) for c in difflib.get_close_matches(key, list(SCHEMA), n=3))


def _check_cross(nb: str, v: dict) -> None:
    """Rules between parameters (still before any work)."""
    if nb != "01_copy_weight_anatomy" and isinstance(v["num_layers"], list):
        raise bad_value("num_layers", v["num_layers"], "one integer >= 1 in this notebook "
                        "(only 01_copy_weight_anatomy compares several depths)")
    for key in ("layer_map", "kd_layer_map"):
        if isinstance(v.get(key), list) and isinstance(v["num_layers"], int) \
                and len(v[key]) != v["num_layers"]:
            raise bad_value(key, v[key], f"a list of {v['num_layers']} teacher layer indices "
                            f"(num_layers={v['num_layers']}), or a layer-map name")
    if v["executor"] != "ray" and v["ray_address"] is not None:
        raise bad_value("ray_address", v["ray_address"], "null with executor 'local'",
                        hint="Set executor: ray to run the grid on Ray.")
    if nb == "05_open_questions":
        if v["question_seeds"] > len(v["seeds"]):
            raise bad_value("question_seeds", v["question_seeds"],
                            f"at most {len(v['seeds'])} (the number of seeds: {v['seeds']})")
    if nb == "02_kd_ablation" and "from-teacher" not in v["inits"] and v["kd_ablation"]:
        raise bad_value("kd_ablation", v["kd_ablation"], "[] when 'from-teacher' is not in inits",
                        hint="The KD-term ablation is run for from-teacher students.")


# --------------------------------------------------------------------------- registries
def _check_names(v: dict) -> None:
    """Dataset, language and backbone names through the owners' registries (no loading)."""
    _check_dataset(v)
    _check_backbone(v["backbone"])
    _check_against_teacher(v)


def _check_against_teacher(v: dict) -> None:
    """Depths, layer maps and ``max_length`` against the backbone's own shape (read from the
    registry or the folder's config.json, nothing loaded): an impossible student must be
    refused before the teacher is fine-tuned, not after."""
    from kitlib.models.backbones import backbone_shape
    from kitlib.models.student import resolve_layer_map

    shape = backbone_shape(v["backbone"])  # None: a folder without config.json (checked later)
    if shape is None:
        return
    layers, max_tokens = shape
    depths = v["num_layers"] if isinstance(v["num_layers"], list) else [v["num_layers"]]
    for depth in depths:
        if depth > layers:
            raise bad_value("num_layers", v["num_layers"],
                            f"at most {layers} (the teacher, {v['backbone']}, has {layers} layers)")
    for key in ("depths", "strategy_depth"):
        for depth in (v[key] if isinstance(v.get(key), list) else [v.get(key)]):
            if depth is not None and depth > layers:
                raise bad_value(key, v[key], f"depths of at most {layers} (the teacher, "
                                f"{v['backbone']}, has {layers} layers)")
    maps = [(k, v[k]) for k in ("layer_map", "kd_layer_map") if k in v]
    maps += [("layer_maps", m) for m in v.get("layer_maps", [])]
    maps += [("strategies", m) for m in v.get("strategies", [])]
    for key, layer_map in maps:
        if key == "strategies":
            depths_of_key = [v["strategy_depth"]]
        else:
            depths_of_key = depths if key == "layer_maps" else depths[:1]
        for depth in depths_of_key:
            if isinstance(layer_map, list) and len(layer_map) != depth and key == "layer_maps":
                continue  # an explicit map of another depth in 01's list: checked by its length
            if isinstance(layer_map, list) and len(layer_map) != depth and key == "strategies":
                raise bad_value(key, layer_map, f"a layer map of strategy_depth={depth} layers "
                                "(a name, or a list of that many teacher layers)")
            try:
                resolve_layer_map(layer_map, layers, len(layer_map) if isinstance(layer_map, list)
                                  else depth)
            except KitError as err:
                raise bad_value(key, layer_map, f"a layer map of the teacher's {layers} layers "
                                f"(indices 0 to {layers - 1})",
                                hint=err.hint) from None
    if v["max_length"] > max_tokens:
        raise bad_value("max_length", v["max_length"],
                        f"at most {max_tokens} (the position embeddings of {v['backbone']})")


def _check_dataset(v: dict) -> None:
    try:
        from kitlib.data import DATASETS, language_groups
    except ImportError:  # the data module has not landed: nothing to check against
        return
    name = v["dataset"]
    if name not in DATASETS:
        raise bad_value("dataset", name, sorted(DATASETS))
    try:
        groups = language_groups(name)
    except KitError:
        raise
    except Exception:  # a hub dataset whose languages are only known after download
        return
    codes = set(groups.get("all", []))
    if not codes:
        return
    allowed = sorted(groups) + sorted(codes)

    def check(key: str, langs: Any, extra: tuple[str, ...] = ()) -> None:
        items = [langs] if isinstance(langs, str) else langs
        for x in items:
            if isinstance(langs, str) and x in groups:
                continue
            if x in codes or (x in extra and isinstance(langs, str)):
                continue
            raise bad_value(key, langs, allowed, hint=f"{x!r} is not a language or group of "
                                                      f"{name}.")

    check("languages", v["languages"])
    for scenario in v.get("train_languages", []):
        check("train_languages", scenario, extra=("all", "seen"))


def _check_backbone(name: str) -> None:
    """A registry name, one of its hub ids or aliases, or a save_pretrained folder."""
    try:
        from kitlib.models import BACKBONES
    except (ImportError, AttributeError):  # the models module has not landed
        return
    if Path(name).expanduser().is_dir():
        return
    known = set()
    for key, spec in BACKBONES.items():
        for alias in (key, getattr(spec, "hub_id", None), *getattr(spec, "aliases", ())):
            if alias:
                known.add(alias.lower())
                if "/" in alias:
                    known.add(alias.split("/", 1)[1].lower())
    if name.strip().lower() not in known:
        raise bad_value("backbone", name, sorted(BACKBONES),
                        hint="Full hub ids and folders written by save_pretrained work too.")


# --------------------------------------------------------------------------- notebooks
_IPYTHON_NAMES = {"In", "Out", "exit", "quit", "get_ipython", "open"}


def from_notebook(notebook: str, namespace: Mapping[str, Any], preset: Any = None) -> RunParams:
    """Validate the parameters a notebook holds in ``namespace`` (its ``globals()``).

    Call it right after the ``parameters`` cell (and papermill's injected cell). Every
    plain value (str, number, bool, None, list, dict) whose name does not start with ``_``
    is taken as a parameter, so a key papermill injected that the schema does not know is
    caught here instead of being silently ignored.
    """
    given = {k: v for k, v in namespace.items()
             if not k.startswith("_") and k not in _IPYTHON_NAMES
             and (v is None or isinstance(v, (str, int, float, bool, list, tuple, dict)))}
    P = load_params(notebook, preset if preset is not None else {}, **given)
    changed = [k for k in P.ignored if given.get(k) != SCHEMA[k].default]
    for key in changed:
        users = list(SCHEMA[key].notebooks)
        warnings.warn(f"{key}={given[key]!r} is ignored by {P.notebook}: {key!r} is used "
                      f"only by {', '.join(users)}.",
                      UserWarning, stacklevel=2)
    if P.ignored:
        print(f"[kitlib] ignored parameters of other notebooks: {', '.join(P.ignored)}")
    return P


def parameters_cell(notebook: str) -> str:
    """The source of a notebook's ``parameters`` cell: every parameter of the notebook at
    its schema default (= the pocket preset), with its meaning as a comment."""
    lines = ["# Parameters (papermill: -p name value, or -f params/<preset>.yaml).",
             "# Defaults = params/pocket.yaml. Checked by kitlib.params before anything runs."]
    for key in notebook_keys(notebook):
        lines.append(f"{key} = {SCHEMA[key].default!r}  # {SCHEMA[key].doc}")
    return "\n".join(lines)


def describe(notebook: str) -> str:
    """A plain-text table of a notebook's parameters, defaults and meanings."""
    rows = [f"{k:20} {SCHEMA[k].default!r:40} {SCHEMA[k].doc}" for k in notebook_keys(notebook)]
    return "\n".join(rows)


__all__ = ["NOTEBOOKS", "SCHEMA", "Spec", "RunParams", "load_params", "from_notebook",
           "notebook_keys", "notebook_name", "defaults", "describe", "parameters_cell", "read_preset", "INIT_NAMES", "KD_TERMS"]
