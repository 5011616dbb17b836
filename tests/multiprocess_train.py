"""One KD training of a tiny student, for ``tests/test_multiprocess.py``.

Run as ``python tests/multiprocess_train.py FOLDER OUT GRAD_ACCUM`` (one process) or as
``ACCELERATE_USE_CPU=1 torchrun --nproc_per_node 2 tests/multiprocess_train.py FOLDER OUT 1``
(two processes on the CPU, gloo). Not ``accelerate launch --cpu --num_processes 2``: with
``--cpu`` accelerate 1.15 starts one plain process (its "simple launcher"), which trains alone.
``FOLDER`` holds the tiny teacher (``save_pretrained``); ``KITLIB_CACHE`` points to a cache
that already holds its teacher outputs, so every process reads the same. The main process
writes the loss records, the number of processes and the final student weights to ``OUT``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def main(folder: str, out: str, grad_accum: int) -> None:
    import torch
    from safetensors.torch import save_file
    from transformers import AutoModelForSequenceClassification

    from kitlib.distill import KDConfig
    from kitlib.distill.cache import TeacherCache
    from kitlib.models import build_student, load_tokenizer, resolve_backbone
    from kitlib.testing import tiny_task_data
    from kitlib.train import TrainConfig, train

    folder = Path(folder)
    teacher = AutoModelForSequenceClassification.from_pretrained(folder / "teacher",
                                                                 attn_implementation="eager")
    teacher.eval()
    # no dropout: the two runs must draw nothing at random after the student is built
    teacher.config.hidden_dropout_prob = teacher.config.attention_probs_dropout_prob = 0.0
    tok = load_tokenizer(resolve_backbone("tiny-bert"))
    data = tiny_task_data("classification", languages=("en", "de"))
    layers = [1, 3]
    cache = TeacherCache(teacher, tok, data, max_length=32, layer_map=layers, need_hidden=True,
                         need_attn=True, progress=False, mixed_precision="no")
    student, _ = build_student(teacher, init="from-teacher", layer_map=layers, num_layers=2,
                               seed=5)
    cfg = TrainConfig(epochs=1, batch_size=4, lr=1e-3, max_steps=6, grad_accum=grad_accum,
                      mixed_precision="no", eval_every=0, max_length=32, seed=3, log_every=1)
    kd = KDConfig(terms={"pred": 1.0, "hidden": 1.0, "attn": 1.0, "ce": 1.0})
    records: list[dict] = []
    model = train(student, tok, data, cfg, kd=kd, teacher_cache=cache, layer_map=layers,
                  eval_split=None, on_records=records.extend, progress=False)
    from accelerate import PartialState

    if PartialState().is_main_process:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / "records.json").write_text(json.dumps(
            {"records": records, "num_processes": PartialState().num_processes}))
        save_file({k: v.detach().contiguous() for k, v in model.state_dict().items()},
                  str(Path(out) / "student.safetensors"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
