"""Tidy records of every run, stored one parquet file per complete run (see ``store``).

``ResultStore(dir)`` writes runs atomically and skips complete ones on rerun;
``load(dir)`` returns every complete run as one tidy ``pandas.DataFrame``.
"""
from __future__ import annotations

from kitlib.results.store import (FORMAT_VERSION, RECORD_COLUMNS, RUN_COLUMNS, ResultStore,
                                  RunBuffer, load, load_outcomes, run_meta, to_frame)

__all__ = ["FORMAT_VERSION", "RECORD_COLUMNS", "RUN_COLUMNS", "ResultStore", "RunBuffer",
           "load", "load_outcomes", "run_meta", "to_frame"]
