"""The report of a ``run-all``: every notebook's claims table plus the run settings, as
``REPORT.md`` and ``REPORT.html`` in the results folder.

Why: a reading group that ran all the notebooks wants one page that says, per claim of
the paper, whether it held on this run, and with exactly which settings, machine and code.
"""
from __future__ import annotations

import html
import platform
import time
from pathlib import Path

import yaml

from kitlib.paths import atomic_write_text


def machine() -> str:
    import os

    cpu = platform.processor()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in
                   Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name")) or cpu
    except (OSError, StopIteration):
        pass
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs "
            f"({cpu or 'unknown CPU'}), Python {platform.python_version()}")


def write_report(out: Path, notebooks: list[str], preset: str, values: dict,
                 wall_s: dict[str, float]) -> tuple[Path, Path]:
    """``REPORT.md`` / ``REPORT.html`` in ``out`` from ``out/claims/<notebook>.md``."""
    import kitlib
    from kitlib.results.store import default_device, git_commit

    out = Path(out)
    parts = [f"# Report: the Privileged Students study kit on `{preset}`", "",
             f"- Date: {time.strftime('%Y-%m-%d %H:%M %Z')}",
             f"- Kit: {kitlib.__version__}, commit {git_commit() or 'unknown'}",
             f"- Machine: {machine()}; device {default_device()}",
             "- Wall time per notebook: "
             + ", ".join(f"{nb} {wall_s[nb]:.0f} s" for nb in notebooks if nb in wall_s)
             + f" (total {sum(wall_s.values()):.0f} s)", ""]
    for nb in notebooks:
        md = out / "claims" / f"{nb}.md"
        if md.exists():
            text = md.read_text(encoding="utf-8")
            parts += ["#" + text if text.startswith("# ") else text, ""]
    parts += ["## Settings", "", "```yaml", yaml.safe_dump(values, sort_keys=False).strip(),
              "```", ""]
    text = "\n".join(parts)
    md_path, html_path = out / "REPORT.md", out / "REPORT.html"
    atomic_write_text(md_path, text)
    atomic_write_text(html_path, _html(text, out, notebooks))
    return md_path, html_path


def _html(text: str, out: Path, notebooks: list[str]) -> str:
    """The report as a page: the claims tables as HTML, the rest as preformatted text."""
    tables = []
    for nb in notebooks:
        page = out / "claims" / f"{nb}.html"
        if page.exists():
            body = page.read_text(encoding="utf-8")
            start, end = body.find("<h1>"), body.rfind("</body>")
            tables.append(body[start:end] if start >= 0 else body)
    head = text.split("## Settings")[0].split("\n# Claims")[0]
    settings = text.split("## Settings", 1)[-1]
    return ("<!doctype html><html><head><meta charset='utf-8'><title>Report</title><style>"
            "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{"
            "border:1px solid #ccc;padding:4px 8px;vertical-align:top}h1{font-size:1.3em}"
            f"</style></head><body><pre>{html.escape(head)}</pre>{''.join(tables)}"
            f"<h2>Settings</h2><pre>{html.escape(settings)}</pre></body></html>")
