"""kitlib: the helper library of the Privileged Students study kit.

The notebooks in ``notebooks/`` only wire kitlib's calls together; all logic lives here.
See ``docs/architecture.md`` for the modules and the contracts between them.
"""
from __future__ import annotations

__version__ = "0.2.0"


def explore(results_dir, notebook=None):
    """Open the ipywidgets explorer over a results folder (see ``kitlib.explorer``).

    The explorer lives in ``kitlib.explorer``, not in a submodule named ``explore``: a
    submodule of that name replaced this function on first import, so a second call in the
    same kernel raised "'module' object is not callable"."""
    from kitlib.explorer import explore as _explore

    return _explore(results_dir, notebook=notebook)
