"""One training loop for teachers and students, per-language evaluation, teacher cache.

Importing this package imports torch (the loop, batching and evaluation work on tensors);
parameter validation (``kitlib.params``) never imports it.
"""
from __future__ import annotations

from kitlib.train.batching import batch_indices, collate, make_batches
from kitlib.train.config import TrainConfig
from kitlib.train.encoding import IGNORE_INDEX, encode
from kitlib.train.evaluation import evaluate, inference_speed, predict
from kitlib.train.loop import train
from kitlib.train.teacher import get_teacher, teacher_records, teacher_vocab_map

__all__ = ["inference_speed", "encode", "IGNORE_INDEX", "make_batches", "batch_indices", "collate", "TrainConfig",
           "train", "evaluate", "predict", "get_teacher", "teacher_vocab_map", "teacher_records"]
