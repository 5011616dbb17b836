"""Build a smaller student from a teacher by copying weights, and say where each weight came from.

Why: the paper's claim is about initialization. A student is the teacher's own class with fewer
layers (same width, heads and vocabulary), freshly initialized with a seed, then filled:
- from-scratch (``init="from-scratch"``): nothing copied;
- from-base (``init="from-base"``): embeddings and the chosen layers copied from the
  pretrained, not fine-tuned, backbone (``base``);
- from-teacher (``init="from-teacher"``): the same copied from the fine-tuned teacher.
Which teacher layers feed which student layers is the ``layer_map``; whether the task head
(classifier, and the pooler / head dense layer) is copied is the ``head`` policy. The returned
``provenance`` maps every student parameter to its source so that notebooks can show (and
tests can prove) exactly what was copied.
"""
from __future__ import annotations

import copy
import numbers
import re
import warnings
from typing import TYPE_CHECKING, Any, Sequence

from kitlib import vocab
from kitlib.errors import KitError, bad_value

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import torch

INITS = vocab.INITS
HEADS = ("auto", "copy", "reinit")
LAYER_MAPS = vocab.LAYER_MAPS
FAMILIES = ("bert", "xlm-roberta", "deberta-v2")

_LAYER_RE = re.compile(r"^((?:[A-Za-z_]+\.)?encoder\.layer\.)(\d+)\.(.+)$")


# ---------------------------------------------------------------------------------------------
# Layer maps
# ---------------------------------------------------------------------------------------------
def _named_map(name: str, teacher_layers: int, num_layers: int, seed: int = 0) -> list[int]:
    """Teacher layer indices for a named map (T teacher layers -> S student layers).

    alternate:      floor(i*T/S)            12->6: 0,2,4,6,8,10 (a stride; TinyBERT-style)
    last_of_block:  floor((i+1)*T/S) - 1    12->6: 1,3,5,7,9,11 (last layer of each block,
                                            bistil; TinyBERT's KD map 2i+1)
    first_k / last_k: the bottom / top S layers           12->6: 0..5 / 6..11
    first_last:     the bottom ceil(S/2) and the top floor(S/2) layers   12->6: 0,1,2,9,10,11
    distilbert:     alternate from the bottom for ceil(S/2), alternate down from the top for
                    the rest (DistilBERT's choice)                       12->6: 0,2,4,7,9,11
    reversed:       last_of_block in reverse order: student layer 0 <- the teacher's top
                    layer               12->6: 11,9,7,5,3,1 ("reverse matching", Yu et al.
                                        2025, arXiv 2502.04499: a nonsensical order that
                                        still distils well)
    random:         S distinct teacher layers drawn with ``seed`` (the parameter
                    ``layer_map_seed``), in teacher order ("in-order random matching").
                    The draw ranks layers by a SHA-256 of (seed, layer), so it is the same
                    on every machine and Python version.
    """
    t, s = teacher_layers, num_layers
    if name == "alternate":
        return [i * t // s for i in range(s)]
    if name == "last_of_block":
        return [(i + 1) * t // s - 1 for i in range(s)]
    if name == "first_k":
        return list(range(s))
    if name == "last_k":
        return list(range(t - s, t))
    half = (s + 1) // 2
    if name == "first_last":
        return list(range(half)) + list(range(t - (s - half), t))
    if name == "distilbert":
        bottom = [i * t // s for i in range(half)]
        top = sorted(t - 1 - j * t // s for j in range(s - half))
        return bottom + top
    if name == "reversed":
        return _named_map("last_of_block", t, s)[::-1]
    if name == "random":
        import hashlib

        rank = sorted(range(t), key=lambda j: hashlib.sha256(f"{seed}:{j}".encode()).hexdigest())
        return sorted(rank[:s])
    raise bad_value("layer_map", name, list(LAYER_MAPS) + ["a list of teacher layer indices"],
                    hint=RENAMED.get(name))


#: Names of earlier versions, so that an old preset gets a pointer instead of a puzzle.
RENAMED = {"first": "It is called 'first_k' now.", "last": "It is called 'last_k' now."}


def _check_int(param: str, value: Any, low: int, high: int | None = None) -> None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= low
    if ok and high is not None:
        ok = value <= high
    if not ok:
        rng = f"an int in [{low}, {high}]" if high is not None else f"an int >= {low}"
        raise bad_value(param, value, rng)


def resolve_layer_map(layer_map: str | Sequence[int], teacher_layers: int,
                      num_layers: int, *, seed: int = 0, warn_unsorted: bool = True) -> list[int]:
    """The list of teacher layer indices (0-based) copied into student layers 0..num_layers-1.

    ``layer_map`` is a name in ``LAYER_MAPS`` or an explicit list. Explicit lists must have
    ``num_layers`` entries, each an int in [0, teacher_layers), no repeats. An unsorted list
    is allowed (reordering layers is a legitimate experiment) but warns, since it is usually
    a typo (the named map "reversed" is unsorted on purpose and does not warn). ``seed``
    draws the "random" map (``layer_map_seed``); ``warn_unsorted=False`` checks an already
    resolved map (e.g. "reversed", passed on as a list) without warning again. Raises ``KitError`` naming the parameter
    for anything else.
    """
    _check_int("teacher_layers", teacher_layers, 1)
    _check_int("num_layers", num_layers, 1, teacher_layers)
    allowed = list(LAYER_MAPS) + [f"a list of {num_layers} distinct ints in [0, {teacher_layers})"]
    if isinstance(layer_map, str):
        if layer_map not in LAYER_MAPS:
            raise bad_value("layer_map", layer_map, allowed, hint=RENAMED.get(layer_map))
        _check_int("layer_map_seed", seed, 0)
        result = _named_map(layer_map, teacher_layers, num_layers, seed)
        if len(set(result)) != len(result):  # cannot happen for S <= T; guard the formulas
            raise KitError(f"layer_map={layer_map!r} gives repeated layers {result} for "
                           f"{teacher_layers} -> {num_layers} layers; pass an explicit list.")
        return result
    if not isinstance(layer_map, (list, tuple)):
        raise bad_value("layer_map", layer_map, allowed)
    result = [int(i) if isinstance(i, numbers.Integral) and not isinstance(i, bool) else i
              for i in layer_map]  # numpy integers are layer indices too
    if len(result) != num_layers:
        raise bad_value("layer_map", layer_map, allowed,
                        f"It has {len(result)} entries but num_layers={num_layers}.")
    for idx in result:
        if not isinstance(idx, int) or isinstance(idx, bool) or not 0 <= idx < teacher_layers:
            raise bad_value("layer_map", layer_map, allowed,
                            f"Entry {idx!r} is not a teacher layer index.")
    if len(set(result)) != len(result):
        raise bad_value("layer_map", layer_map, allowed, "Each teacher layer may appear once.")
    if result != sorted(result) and warn_unsorted:
        warnings.warn(f"layer_map={result} is not sorted: student layers will see teacher "
                      "layers in a different order than the teacher did.", UserWarning,
                      stacklevel=2)
    return result


# ---------------------------------------------------------------------------------------------
# Parameter name bookkeeping
# ---------------------------------------------------------------------------------------------
def _family(model: Any, param: str) -> str:
    config = getattr(model, "config", None)
    family = getattr(config, "model_type", None)
    if family not in FAMILIES:
        raise bad_value(param, f"{type(model).__name__} (model_type={family!r})",
                        [f"a Hugging Face model with model_type {f!r}" for f in FAMILIES])
    return family


def _is_bare(model: Any) -> bool:
    """True for a bare encoder (BertModel, ...), False for a task model wrapping one."""
    return getattr(model, "base_model", model) is model


def _part(name: str, prefix: str) -> tuple[str, int | None]:
    """Classify a parameter: ("layer", i), ("embeddings", None) or ("head", None).

    Embeddings: everything in ``<prefix>.embeddings`` plus encoder-level parameters outside
    the layers (DeBERTa-v2's ``encoder.rel_embeddings`` and ``encoder.LayerNorm``). Head: the
    rest (classifier, pooler, head dense layer).
    """
    m = _LAYER_RE.match(name)
    if m:
        return "layer", int(m.group(2))
    body = name[len(prefix) + 1:] if name.startswith(prefix + ".") else name
    if body.startswith("embeddings.") or body.startswith("encoder."):
        return "embeddings", None
    return "head", None


def _source_name(name: str, student_prefix: str, source_bare: bool, student_bare: bool) -> str:
    """Name of ``name`` (a student parameter) inside a source model, adding/stripping the
    base-model prefix when one of them is a bare encoder and the other a task model."""
    if student_bare == source_bare:
        return name
    if source_bare:  # student "bert.encoder..." -> source "encoder..."
        return name[len(student_prefix) + 1:] if name.startswith(student_prefix + ".") else name
    return f"{student_prefix}.{name}"


def _with_layer(name: str, layer: int) -> str:
    m = _LAYER_RE.match(name)
    assert m is not None
    return f"{m.group(1)}{layer}.{m.group(3)}"


def _num_layers_of(model: Any) -> int:
    return int(model.config.num_hidden_layers)


# ---------------------------------------------------------------------------------------------
# Student construction
# ---------------------------------------------------------------------------------------------
def _validate(teacher, init, layer_map, num_layers, head, base,
              layer_map_seed: int = 0) -> tuple[str, str, list[int]]:
    if not isinstance(init, str) or init not in INITS:
        raise bad_value("init", init, list(INITS))
    if head not in HEADS:
        raise bad_value("head", head, HEADS)
    family = _family(teacher, "teacher")
    teacher_layers = _num_layers_of(teacher)
    _check_int("num_layers", num_layers, 1, teacher_layers)
    if init == vocab.FROM_BASE:
        if base is None:
            raise bad_value("base", None, "the pretrained backbone (bare encoder or task model)"
                            " of the teacher's family", "init='from-base' needs it.")
        base_family = _family(base, "base")
        if base_family != family:
            raise bad_value("base", base_family, [family], "base and teacher must be one family.")
        for key in ("hidden_size", "num_attention_heads", "intermediate_size"):
            if getattr(base.config, key) != getattr(teacher.config, key):
                raise bad_value("base", f"{key}={getattr(base.config, key)}",
                                f"{key}={getattr(teacher.config, key)} (the teacher's)")
        base_vocab = base.get_input_embeddings().weight.shape[0]
        teacher_vocab = teacher.get_input_embeddings().weight.shape[0]
        if base_vocab != teacher_vocab:
            raise bad_value("base", f"a model with vocabulary size {base_vocab}",
                            f"vocabulary size {teacher_vocab} (the teacher's)",
                            "Trim both with the same vocab map "
                            "(kitlib.models.apply_vocab_map(base, vocab_map)) first.")
        source_layers = _num_layers_of(base)
    else:
        if base is not None:
            warnings.warn(f"base is ignored for init={init!r}.", UserWarning, stacklevel=3)
        source_layers = teacher_layers
    if init == vocab.FROM_SCRATCH and head == "copy":
        raise bad_value("head", head, ["auto", "reinit"],
                        "init='from-scratch' copies nothing.")
    _check_int("num_layers", num_layers, 1, source_layers)
    resolved = resolve_layer_map(layer_map, source_layers, num_layers, seed=layer_map_seed)
    return init, head, resolved


def build_student(teacher: "torch.nn.Module", *, init: str, layer_map: str | Sequence[int],
                  num_layers: int, head: str = "auto", base: "torch.nn.Module | None" = None,
                  seed: int = 0, layer_map_seed: int = 0
                  ) -> tuple["torch.nn.Module", dict[str, str | None]]:
    """A ``num_layers``-layer copy of the teacher's architecture, initialized per ``init``.

    ``teacher``: a Hugging Face model of family bert / xlm-roberta / deberta-v2 (task model or
    bare encoder). ``init``: "from-scratch" | "from-base" | "from-teacher"
    (:data:`kitlib.vocab.INITS`).
    ``layer_map``: a name in ``LAYER_MAPS`` or a list of source layer indices (see
    ``resolve_layer_map``); student layer i is copied from source layer ``layer_map[i]``.
    ``head``: "auto" (copy for from-teacher, reinit otherwise), "copy" (from-teacher: the
    teacher's head; from-base: the base's parameters of the same name and shape, e.g. BERT's
    pretrained pooler, the rest reinit), "reinit". ``base``: the pretrained backbone for
    from-base, as a bare encoder or as a task model; same vocabulary size as the teacher.
    ``seed`` seeds the fresh initialization (every parameter not copied);
    ``layer_map_seed`` draws the "random" layer map.

    Returns ``(student, provenance)`` with ``provenance[param] = "teacher:<name>"``,
    ``"base:<name>"`` or ``None`` for every name in ``student.named_parameters()``. The student
    has the teacher's dtype, device and train/eval mode. Copies are exact (bit-identical).
    """
    import torch

    init, head, resolved = _validate(teacher, init, layer_map, num_layers, head, base,
                                     layer_map_seed)
    _check_int("seed", seed, 0)

    config = copy.deepcopy(teacher.config)
    config.num_hidden_layers = num_layers
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        student = type(teacher)(config)
    ref = next(teacher.parameters())
    student.to(dtype=ref.dtype, device=ref.device)
    student.train(teacher.training)

    source_name = vocab.INIT_SOURCE[init]
    source = {"teacher": teacher, "base": base}.get(source_name)
    copy_head = head == "copy" or (head == "auto" and init == vocab.FROM_TEACHER)
    prefix = getattr(teacher, "base_model_prefix", "")
    student_bare = _is_bare(student)
    provenance: dict[str, str | None] = {}
    if source is None:
        return student, {name: None for name, _ in student.named_parameters()}

    source_params = dict(source.named_parameters())
    source_bare = _is_bare(source)
    with torch.no_grad():
        for name, param in student.named_parameters():
            part, layer = _part(name, prefix)
            src = _source_name(name, prefix, source_bare, student_bare)
            if part == "layer":
                src = _with_layer(src, resolved[layer])
            if part == "head" and not copy_head:
                provenance[name] = None
                continue
            tensor = source_params.get(src)
            if tensor is None or tensor.shape != param.shape:
                if part == "head":  # e.g. a bare base has no classifier: stays fresh
                    provenance[name] = None
                    continue
                raise KitError(f"{source_name} model has no parameter {src!r} of shape "
                               f"{tuple(param.shape)} to copy into the student's {name!r}; "
                               f"is it the same architecture as the teacher?")
            param.copy_(tensor)
            provenance[name] = f"{source_name}:{src}"
    return student, provenance


def provenance_table(provenance: dict[str, str | None], student: "torch.nn.Module") -> "pd.DataFrame":
    """One row per student parameter: where it came from, in a form notebooks can show.

    Columns: ``name``, ``part`` ("embeddings" | "layer" | "head"), ``student_layer`` (int or
    None), ``source`` ("teacher" | "base" | "init"), ``source_name``, ``source_layer``,
    ``shape``, ``numel``. Raises ``KitError`` if ``provenance`` does not cover exactly the
    student's parameters.
    """
    import pandas as pd

    params = dict(student.named_parameters())
    if set(params) != set(provenance):
        missing = sorted(set(params) - set(provenance))[:5]
        extra = sorted(set(provenance) - set(params))[:5]
        raise KitError(f"provenance does not match the student's parameters (missing: "
                       f"{missing}, unknown: {extra}); pass the pair build_student returned.")
    prefix = getattr(student, "base_model_prefix", "")
    rows = []
    for name, param in params.items():
        part, layer = _part(name, prefix)
        src = provenance[name]
        origin, src_name = (src.split(":", 1) if src else ("init", None))
        src_match = _LAYER_RE.match(src_name) if src_name else None
        rows.append({"name": name, "part": part, "student_layer": layer, "source": origin,
                     "source_name": src_name,
                     "source_layer": int(src_match.group(2)) if src_match else None,
                     "shape": tuple(param.shape), "numel": param.numel()})
    df = pd.DataFrame(rows)
    for col in ("student_layer", "source_layer"):
        df[col] = df[col].astype("Int64")
    return df
