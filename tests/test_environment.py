"""environment.yml (conda) and pyproject.toml (pip) must install the same environment."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["dev"]
    return {_name(r): r.replace(" ", "") for r in reqs}


def _conda_pip_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    reqs = [r for r in pip_section if not r.startswith("-e")]
    return {_name(r): r.replace(" ", "") for r in reqs}


def test_environment_and_pyproject_name_the_same_dependencies_and_versions():
    assert _conda_pip_requirements() == _pyproject_requirements()


def test_environment_installs_this_package_and_python_311():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    assert "-e .[dev]" in pip_section
    assert "python=3.11" in env["dependencies"]


def test_torch_is_pinned_to_the_local_cpu_wheel():
    # an open range would let pip pull a multi-GB CUDA build
    assert _pyproject_requirements()["torch"] == "torch==2.13.0"
