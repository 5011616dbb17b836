"""One experiment per notebook: each function does every run its notebook promises.

``anatomy.run`` (01), ``kd_ablation.run`` (02), ``zero_shot.run`` (03),
``learning_speed.run`` (04) and ``open_questions.run`` (05) take validated :class:`kitlib.params.RunParams` (and optionally
an output folder), skip runs already complete in the results store, and return an
:class:`~kitlib.experiments.tables.ExperimentResult` (records + summary tables).

Shared pieces, one job each: ``setting`` (parameters -> store, backbone, data, training
configs), ``teachers`` (the shared teacher, the pretrained base, students built from them),
``runs`` (run ids, record fields, executing a grid), ``tables`` (final scores, means,
figures on disk).
"""
from __future__ import annotations

from typing import Any

from kitlib.experiments import (anatomy, kd_ablation, learning_speed, open_questions,
                                zero_shot)
from kitlib.params import RunParams

RUNNERS = {
    "01_copy_weight_anatomy": anatomy,
    "02_kd_ablation": kd_ablation,
    "03_zero_shot_transfer": zero_shot,
    "04_learning_speed": learning_speed,
    "05_open_questions": open_questions,
}


def run(P: RunParams, out_dir: str | None = None) -> Any:
    """Run the experiment of ``P.notebook`` (what its notebook calls)."""
    return RUNNERS[P.notebook].run(P, out_dir)


__all__ = ["run", "RUNNERS", "anatomy", "kd_ablation", "zero_shot", "learning_speed",
           "open_questions"]
