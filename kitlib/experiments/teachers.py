"""Where an experiment's models come from: the shared fine-tuned teacher, the pretrained
base, and students built from them in the paper's vocabulary.

Why one place: every notebook must use the *same* cached teacher for the same data (so that
01-04 talk about one model), and a from-base student must be trimmed exactly like the
teacher so that both read the same token ids. The names here say what they return
(``shared_teacher``, ``pretrained_base``, ``student_from``) and do not shadow the library
functions they call (``kitlib.train.get_teacher``, ``kitlib.models.build_student``).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from kitlib import vocab
from kitlib.experiments.setting import Setting, teacher_config, text_progress


@dataclass
class Teacher:
    """A fine-tuned teacher with the data it was trained on (cached by content key)."""

    model: Any
    tokenizer: Any
    teacher_id: str
    data: Any
    ref: Any


def shared_teacher(s: Setting, data: Any) -> Teacher:
    """The fine-tuned teacher for ``data``: fine-tuned once per content key, then cached on
    disk and shared by every notebook (and held in memory for this experiment)."""
    from kitlib import train

    key = data.fingerprint()
    if key not in s.teachers:
        t0 = time.perf_counter()
        s.log(f"teacher: fine-tuning or loading from cache ({len(data.train)} training examples)")
        with text_progress():
            model, tok, teacher_id = train.get_teacher(
                s.ref, data, teacher_config(s.P, len(data.train)), trim=s.P.trim_vocab,
                progress=s.progress)
        s.log(f"teacher {teacher_id} ready in {time.perf_counter() - t0:.1f}s")
        s.teachers[key] = Teacher(model, tok, teacher_id, data, s.ref)
    return s.teachers[key]


def pretrained_base(s: Setting, teacher: Teacher) -> Any:
    """The pretrained (not fine-tuned) backbone with a fresh task head, trimmed to the
    teacher's vocabulary so that from-base students share the teacher's tokenizer."""
    from kitlib import models, train

    if teacher.teacher_id not in s.bases:
        data = teacher.data
        base = models.load_task_model(s.ref, data.task, len(data.label_names))
        vocab_map = getattr(teacher.model, "kit_vocab_map", None)
        if vocab_map is None and s.P.trim_vocab:
            vocab_map = train.teacher_vocab_map(teacher.teacher_id)
        if vocab_map is not None:
            base = models.apply_vocab_map(base, vocab_map)
        s.bases[teacher.teacher_id] = base
    return s.bases[teacher.teacher_id]


def student_from(s: Setting, teacher: Teacher, init: str, layer_map: Any, num_layers: int,
                 seed: int) -> tuple[Any, dict, list[int]]:
    """``(student, provenance, teacher layer indices)`` for ``init`` in
    :data:`kitlib.vocab.INITS`, copied through ``layer_map``."""
    from kitlib import models

    base = pretrained_base(s, teacher) if init == vocab.FROM_BASE else None
    n_teacher = teacher.model.config.num_hidden_layers
    layer_ids = models.resolve_layer_map(layer_map, n_teacher, num_layers)
    student, provenance = models.build_student(teacher.model, init=init, layer_map=layer_ids,
                                               num_layers=num_layers, base=base, seed=seed)
    return student, provenance, list(layer_ids)
