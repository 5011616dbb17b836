"""Test-wide settings: never touch the network or the user's cache.

Every test session gets its own ``KITLIB_CACHE`` (shared by the tests of that session, so an
expensive artefact such as the offline backbone is built once per run); a test that needs an
empty cache sets its own with ``monkeypatch.setenv``.
"""
from __future__ import annotations

import os

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(autouse=True, scope="session")
def _session_cache(tmp_path_factory):
    previous = os.environ.get("KITLIB_CACHE")
    os.environ["KITLIB_CACHE"] = str(tmp_path_factory.mktemp("kitlib-cache"))
    yield
    if previous is None:
        os.environ.pop("KITLIB_CACHE", None)
    else:
        os.environ["KITLIB_CACHE"] = previous


@pytest.fixture()
def trainings(monkeypatch):
    """Counts calls of ``kitlib.train.loop.train`` (``trainings["n"]``): a test can tell a
    teacher fine-tuned from one loaded from the cache."""
    import kitlib.train.loop as loop

    calls = {"n": 0}
    real = loop.train

    def counting(*args, **kwargs):
        calls["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(loop, "train", counting)
    return calls
