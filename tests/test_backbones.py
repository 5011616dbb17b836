"""Backbone registry and sources: tiny test backbones, local folders, the hub cache, errors.

The hub is never contacted (conftest sets HF_HUB_OFFLINE=1); a fake Hugging Face cache folder
stands in for a downloaded model. The real offline rebuild is tested in test_offline_e5.py.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kitlib.errors import KitError
from kitlib.models import BACKBONES, BackboneRef, load_backbone, load_task_model, resolve_backbone
from kitlib.models import backbones as bb
from kitlib.models import load_tokenizer

TINY = {"tiny-bert": "bert", "tiny-xlmr": "xlm-roberta", "tiny-deberta": "deberta-v2"}


@pytest.fixture
def no_hub_cache(monkeypatch, tmp_path):
    """An empty Hugging Face cache, whatever the machine has."""
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-hf-cache"))


def fake_hub_cache(root: Path, hub_id: str, source: Path) -> Path:
    """Lay out ``source``'s files like huggingface_hub's cache does for ``hub_id``."""
    repo = root / ("models--" + hub_id.replace("/", "--"))
    snap = repo / "snapshots" / ("a" * 40)
    snap.mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("a" * 40)
    for f in source.iterdir():
        shutil.copy(f, snap / f.name)
    return snap


def test_registry_names_and_hub_ids():
    assert {"xlm-roberta-base", "mdeberta-v3-base", "mbert", "me5-small", "me5-small-q4",
            *TINY} <= set(BACKBONES)
    assert BACKBONES["xlm-roberta-base"].hub_id == "FacebookAI/xlm-roberta-base"
    assert BACKBONES["mdeberta-v3-base"].family == "deberta-v2"
    assert BACKBONES["me5-small"].hub_id == "intfloat/multilingual-e5-small"
    assert BACKBONES["me5-small"].offline == "me5-small-q4"


@pytest.mark.parametrize("name,family", sorted(TINY.items()))
def test_tiny_backbones_generated_once(name, family):
    ref = resolve_backbone(name)
    assert isinstance(ref, BackboneRef)
    assert (ref.name, ref.source, ref.family) == (name, "offline", family)
    config = Path(ref.path) / "config.json"
    stamp = config.stat().st_mtime_ns
    again = resolve_backbone(name, "offline")
    assert again == ref and config.stat().st_mtime_ns == stamp  # reused, not regenerated


@pytest.mark.parametrize("name", sorted(TINY))
def test_load_backbone_and_task_models(name):
    encoder, tok = load_backbone(name)
    assert not hasattr(encoder, "classifier")
    assert encoder.config.model_type == TINY[name]
    assert encoder.config._attn_implementation == "eager"
    out = encoder(**tok(["Anna Smith works in Berlin."], return_tensors="pt"))
    assert out.last_hidden_state.shape[-1] == encoder.config.hidden_size
    ref = resolve_backbone(name)
    cls = load_task_model(ref, "classification", 3)
    tag = load_task_model(ref, "tagging", 7)
    assert type(cls).__name__.endswith("ForSequenceClassification") and cls.config.num_labels == 3
    assert type(tag).__name__.endswith("ForTokenClassification") and tag.config.num_labels == 7
    assert cls.config._attn_implementation == "eager"


def test_local_folder_is_a_backbone(tmp_path):
    src = Path(resolve_backbone("tiny-xlmr").path)
    folder = tmp_path / "my-model"
    shutil.copytree(src, folder)
    ref = resolve_backbone(str(folder))
    assert (ref.source, ref.path, ref.family) == ("local", str(folder), "xlm-roberta")
    assert len(load_tokenizer(ref)) == len(load_tokenizer("tiny-xlmr"))
    with pytest.raises(KitError, match="source='hub'"):
        resolve_backbone(str(folder), "hub")


def test_unsupported_family_is_refused(tmp_path):
    folder = tmp_path / "gpt"
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"model_type": "gpt2"}))
    (folder / "model.safetensors").write_bytes(b"")
    with pytest.raises(KitError, match="gpt2"):
        resolve_backbone(str(folder))


def test_hub_cache_is_used_and_aliases_resolve(monkeypatch, tmp_path):
    root = tmp_path / "hf-cache"
    snap = fake_hub_cache(root, "FacebookAI/xlm-roberta-base", Path(resolve_backbone("tiny-xlmr").path))
    monkeypatch.setenv("HF_HUB_CACHE", str(root))
    for name in ("xlm-roberta-base", "FacebookAI/xlm-roberta-base", "XLM-RoBERTa-base"):
        for source in ("auto", "hub"):
            ref = resolve_backbone(name, source)
            assert (ref.name, ref.source, ref.path) == ("xlm-roberta-base", "hub", str(snap))
            assert ref.hub_id == "FacebookAI/xlm-roberta-base"
    encoder, _ = load_backbone("xlm-roberta-base")
    assert encoder.config.model_type == "xlm-roberta"


@pytest.mark.parametrize("name", ["xlm-roberta-base", "mdeberta-v3-base", "mbert",
                                  "bert-base-multilingual-cased", "microsoft/mdeberta-v3-base"])
@pytest.mark.parametrize("source", ["auto", "hub"])
def test_hub_only_backbone_offline_suggests_rebuild(no_hub_cache, name, source):
    with pytest.raises(KitError, match="me5-small-q4") as err:
        resolve_backbone(name, source)
    assert "cache" in str(err.value)


@pytest.mark.parametrize("name", ["xlm-roberta-base", "mbert"])
def test_offline_source_without_rebuild_is_refused(name):
    with pytest.raises(KitError, match="source='offline'.*me5-small-q4"):
        resolve_backbone(name, "offline")


def test_hub_source_for_offline_only_backbones_is_refused():
    for name in ("me5-small-q4", "tiny-bert"):
        with pytest.raises(KitError, match="source='hub'"):
            resolve_backbone(name, "hub")


@pytest.mark.parametrize("source", ["cache", "", None, "HUB"])
def test_bad_source(source):
    with pytest.raises(KitError, match=r"source=.*allowed: 'auto', 'hub', 'offline'"):
        resolve_backbone("tiny-bert", source)


@pytest.mark.parametrize("name", ["xlmr-large", "", "   ", None, 3])
def test_unknown_backbone(name):
    with pytest.raises(KitError, match=r"backbone=.*allowed: .*me5-small-q4"):
        resolve_backbone(name)


def test_load_task_model_validates_before_loading():
    ref = BackboneRef("x", "local", "/nonexistent/folder", "bert")
    with pytest.raises(KitError, match="task='ner'"):
        load_task_model(ref, "ner", 3)
    for bad in (0, -1, 2.0, True, "3"):
        with pytest.raises(KitError, match="num_labels"):
            load_task_model(ref, "classification", bad)


def test_hub_offline_flag(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "")
    assert not bb.hub_offline()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert bb.hub_offline()
