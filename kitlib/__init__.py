"""kitlib: the helper library of the Privileged Students study kit.

The notebooks in ``notebooks/`` only wire kitlib's calls together; all logic lives here.
See ``kitlib/ARCHITECTURE.md`` for the contracts between modules.
"""
from __future__ import annotations

__version__ = "0.1.0"


def explore(results_dir, **kwargs):
    """Open the ipywidgets explorer over a results folder (see ``kitlib.explore``)."""
    from kitlib.explore import explore as _explore

    return _explore(results_dir, **kwargs)
