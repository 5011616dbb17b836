"""Backbones, vocabulary trimming, student construction and anatomy tools.

Importing this package is cheap: its modules import torch and transformers inside the
functions that load or build models, after the parameters were validated.
"""
from __future__ import annotations

from kitlib.models.anatomy import (count_parameters, layer_similarity, linear_cka,
                                   zero_training_eval)
from kitlib.models.backbones import (BACKBONES, BackboneRef, load_backbone, load_task_model,
                                     load_tokenizer, resolve_backbone)
from kitlib.models.student import (INITS, LAYER_MAPS, build_student, provenance_table,
                                   resolve_layer_map)
from kitlib.models.trim import (TrimResult, VocabMap, apply_vocab_map, full_vocabulary,
                                trim_vocabulary)

__all__ = ["BACKBONES", "BackboneRef", "resolve_backbone", "load_backbone", "load_tokenizer",
           "load_task_model", "trim_vocabulary", "apply_vocab_map", "full_vocabulary", "TrimResult", "VocabMap",
           "build_student", "resolve_layer_map", "provenance_table", "LAYER_MAPS", "INITS",
           "count_parameters", "linear_cka", "layer_similarity", "zero_training_eval"]
