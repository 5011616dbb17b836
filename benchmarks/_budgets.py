"""What both budget scripts (pocket_budgets.py, laptop_budgets.py) measure for one student:
train it through the kit's own grid code and read its final dev and test scores."""
from __future__ import annotations

import time
from typing import Any


def student_row(s: Any, teacher: Any, data: Any, *, init: str, kd: bool, seed: int) -> tuple[dict, Any]:
    """Train one student (``init``, KD with the preset's terms or none) and return
    ``({"init", "kd", "wall_s", "dev", "test", "baseline"}, its records)``: main metric,
    all languages, at the last step."""
    from kitlib import vocab
    from kitlib.experiments.runs import execute, student_plan
    from kitlib.experiments.tables import final_scores, results_of

    plan = student_plan(s, teacher, data, init=init, seed=seed,
                        kd_terms=list(s.P.kd_terms) if kd else None)
    t0 = time.perf_counter()
    execute(s, [plan], "budget")
    wall = time.perf_counter() - t0
    df = results_of(s, [plan.run_id])
    metric = vocab.main_metric(data.task)
    row = {"init": init, "kd": kd, "wall_s": round(wall, 1)}
    for split in ("dev", "test"):
        f = final_scores(df, split)
        f = f[(f.metric == metric) & (f.lang == "all")].iloc[0]
        row[split] = round(float(f.value), 3)
        row["baseline"] = round(float(f.baseline), 3)
    return row, df
