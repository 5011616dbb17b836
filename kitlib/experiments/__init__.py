"""One experiment per notebook: each function does every run its notebook promises.

``anatomy.run`` (01), ``kd_ablation.run`` (02), ``zero_shot.run`` (03) and
``learning_speed.run`` (04) take validated :class:`kitlib.params.RunParams` (and optionally
an output folder), skip runs already complete in the results store, and return an
:class:`~kitlib.experiments.common.ExperimentResult` (records + summary tables).
"""
from __future__ import annotations

import importlib
from typing import Any

RUNNERS = {
    "01_copy_weight_anatomy": "anatomy",
    "02_kd_ablation": "kd_ablation",
    "03_zero_shot_transfer": "zero_shot",
    "04_learning_speed": "learning_speed",
}


def run(P, out_dir: str | None = None) -> Any:
    """Run the experiment of ``P.notebook`` (what its notebook calls)."""
    module = importlib.import_module(f"kitlib.experiments.{RUNNERS[P.notebook]}")
    return module.run(P, out_dir)


def __getattr__(name: str) -> Any:
    if name in RUNNERS.values() or name == "common":
        return importlib.import_module(f"kitlib.experiments.{name}")
    raise AttributeError(f"module 'kitlib.experiments' has no attribute {name!r}")


__all__ = ["run", "RUNNERS", "anatomy", "kd_ablation", "zero_shot", "learning_speed", "common"]
