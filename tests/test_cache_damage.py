"""Damage to a cache that feeds results is never used in silence (issue 12): each case below
loaded and changed the results before the caches carried hashes; now each is reported with a
warning naming the file and rebuilt. Plus: caches are keyed by content, so a cache folder
can be moved and its teachers are found again."""
from __future__ import annotations

import json
import shutil

import pytest
import torch
from safetensors.torch import load_file, save_file

from kitlib.distill.cache import TeacherCache
from kitlib.models import resolve_backbone
from kitlib.testing import tiny_task_data
from kitlib.train import TrainConfig, get_teacher
from kitlib.train.teacher import teacher_dir

CFG = TrainConfig(epochs=1, batch_size=8, lr=1e-3, mixed_precision="no")


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"



def nan_weights(folder):
    path = folder / "model" / "model.safetensors"
    tensors = load_file(path)
    save_file({k: torch.full_like(v, float("nan")) if v.is_floating_point() else v
               for k, v in tensors.items()}, path, metadata={"format": "pt"})
    return "model/model.safetensors"


def delete_tokenizer_file(folder):
    victim = next(p for p in sorted((folder / "tokenizer").rglob("tokenizer.json")))
    victim.unlink()
    return victim.relative_to(folder).as_posix()


def bad_vocab_map(folder):
    (folder / "vocab_map.json").write_text("{not json")
    return "vocab_map.json"


@pytest.mark.parametrize("damage", [nan_weights, delete_tokenizer_file, bad_vocab_map])
def test_damaged_teacher_is_reported_and_fine_tuned_again(cache, trainings, damage):
    data = tiny_task_data("classification", n_train=6, n_eval=4)
    ref = resolve_backbone("tiny-bert")
    _, _, tid = get_teacher(ref, data, CFG, trim=True, progress=False)
    assert trainings["n"] == 1
    name = damage(teacher_dir(tid))
    with pytest.warns(UserWarning, match=name.split("/")[-1]):
        teacher, tok, again = get_teacher(ref, data, CFG, trim=True, progress=False)
    assert again == tid and trainings["n"] == 2  # rebuilt, not used
    assert all(torch.isfinite(p).all() for p in teacher.parameters())
    assert len(tok) == teacher.config.vocab_size > 5


def _entry(teacher, tok, data):
    return TeacherCache(teacher, tok, data, max_length=32, layer_map=[1, 3], need_hidden=True,
                        need_attn=False, dtype="float32", progress=False, mixed_precision="no")


@pytest.mark.parametrize("change", ["flip the logits' sign", "an inf in the hidden states"])
def test_changed_teacher_outputs_are_reported_and_recomputed(cache, change):
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    data = tiny_task_data("classification", n_train=6, n_eval=4)
    folder = resolve_backbone("tiny-bert").path
    torch.manual_seed(0)
    teacher = AutoModelForSequenceClassification.from_pretrained(
        folder, num_labels=len(data.label_names), attn_implementation="eager")
    tok = AutoTokenizer.from_pretrained(folder)
    first = _entry(teacher, tok, data)
    path = first.path / "train.safetensors"
    original = load_file(path)
    tensors = {k: v.clone() for k, v in original.items()}
    if change.startswith("flip"):
        tensors["logits"] = -tensors["logits"]  # finite, same size: shapes cannot tell
    else:
        tensors["hidden"][0, 0, 0] = float("inf")
    save_file(tensors, path)
    with pytest.warns(UserWarning, match="train.safetensors"):
        second = _entry(teacher, tok, data)
    assert not second.hit
    got = load_file(second.path / "train.safetensors")
    assert torch.isfinite(got["hidden"]).all()
    # recomputed from the teacher: the original outputs again, not the edited ones
    assert set(got) == set(original)
    assert all(torch.equal(got[k], original[k]) for k in original)
    assert any(not torch.equal(got[k], tensors[k]) for k in original)


def test_damaged_test_backbone_is_generated_again(cache):
    folder = resolve_backbone("tiny-bert").path
    weights = next(p for p in sorted(__import__("pathlib").Path(folder).glob("*.safetensors")))
    weights.write_bytes(weights.read_bytes()[:50])
    with pytest.warns(UserWarning, match=weights.name):
        again = resolve_backbone("tiny-bert").path
    from transformers import AutoModel

    AutoModel.from_pretrained(again)  # loads: it was generated again


def test_a_moved_cache_finds_its_teachers(cache, trainings, tmp_path, monkeypatch):
    """The teacher id does not depend on where the cache folder is (issue 12)."""
    data = tiny_task_data("classification", n_train=6, n_eval=4)
    _, _, tid = get_teacher(resolve_backbone("tiny-bert"), data, CFG, trim=True, progress=False)
    moved = tmp_path / "elsewhere"
    shutil.move(str(cache), moved)
    monkeypatch.setenv("KITLIB_CACHE", str(moved))
    _, _, again = get_teacher(resolve_backbone("tiny-bert"), data, CFG, trim=True, progress=False)
    assert again == tid and trainings["n"] == 1  # found, not fine-tuned again
    assert json.loads((moved / "teachers" / tid / "teacher.json").read_text())["teacher_id"] == tid
