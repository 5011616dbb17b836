"""A real JupyterLab on loopback, driven by headless Chromium (Selenium), for browser tests.

Why: the explorer and the layer picker are read in a browser. Constructing their widgets in
Python proves the logic, not what a reader sees: the stale figure above the controls, the
title that vanished after a dropdown choice and the "Resize must be passed a displayed plot
div element" console error were all browser-only. These helpers start JupyterLab with the
application object exposed (``window.jupyterapp``), open a notebook, run it, and read the
rendered plotly figures (``div.js-plotly-plot`` carries ``data`` and ``layout``).

Without Chromium and ChromeDriver (Debian packages ``chromium`` and ``chromium-driver``) the
browser tests skip with a reason; ``KITLIB_REQUIRE_BROWSER=1`` (set by ``.ci/run``) turns
that skip into a failure.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMEDRIVER = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
TOKEN = "kitlib-browser-test"


def _first(paths) -> str | None:
    for p in paths:
        if Path(p).exists():
            return p
    return None


def require_browser() -> tuple[str, str]:
    """(chromium, chromedriver) paths, or skip (fail with KITLIB_REQUIRE_BROWSER=1)."""
    chromium = _first(CHROMIUM) or shutil.which("chromium")
    driver = _first(CHROMEDRIVER) or shutil.which("chromedriver")
    missing = [name for name, path in (("chromium", chromium), ("chromedriver", driver))
               if not path]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip)")
    if missing:
        reason = (f"browser tests need {', '.join(missing)}: install the Debian packages "
                  "chromium and chromium-driver (see README, Tests)")
        if os.environ.get("KITLIB_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " -- KITLIB_REQUIRE_BROWSER=1 forbids skipping")
        print(f"\n[kitlib] SKIPPING browser tests: {reason}", file=sys.stderr)
        pytest.skip(reason)
    return chromium, driver


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A JupyterLab server on 127.0.0.1 serving ``root``."""

    def __init__(self, root: Path, env: dict) -> None:
        self.root = root
        # its own runtime/config/workspace folders: nothing of the user's Jupyter is touched
        env = {**env, "JUPYTER_RUNTIME_DIR": str(root / ".jupyter-runtime"),
               "JUPYTER_CONFIG_DIR": str(root / ".jupyter-config"),
               "JUPYTERLAB_WORKSPACES_DIR": str(root / ".jupyter-workspaces"),
               "JUPYTERLAB_SETTINGS_DIR": str(root / ".jupyter-settings")}
        # no "get notified about Jupyter news?" pop-up over the widgets (the network is closed)
        news = root / ".jupyter-settings" / "@jupyterlab" / "apputils-extension"
        news.mkdir(parents=True, exist_ok=True)
        (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(root / "jupyterlab.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={self.port}",
             "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}",
             f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
             "--ServerApp.disable_check_xsrf=True", "--LabApp.news_url=",
             "--LabServerApp.extension_manager=readonly",
             "--ServerApp.terminals_enabled=False", "--allow-root"],
            cwd=root, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/api/status?token={TOKEN}", timeout=2):
                    return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("JupyterLab did not start: "
                           + (root / "jupyterlab.log").read_text()[-2000:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


def chrome(chromium: str, driver: str):
    """Headless Chromium with the flags this machine's closed network needs, console logs on."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 "--window-size=1400,1000"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    os.environ.setdefault("SE_AVOID_STATS", "true")
    return webdriver.Chrome(service=Service(driver), options=opts)


def wait_for(predicate, timeout: float = 60, every: float = 0.2, what: str = "condition"):
    """Poll ``predicate`` until it returns a truthy value; that value is returned."""
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            last = predicate()
        except Exception as err:  # noqa: BLE001 - the page may be mid-render
            last = err
        if last and not isinstance(last, Exception):
            return last
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last: {last!r})")


def write_notebook(path: Path, cells: list[str]) -> None:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nbformat.write(nb, path)


def open_and_run(driver, lab: Lab, name: str, n_cells: int, timeout: float = 240) -> None:
    """Open ``name`` in JupyterLab, run all its cells, wait until every cell has run."""
    driver.get(f"{lab.url}/lab/tree/{name}?token={TOKEN}&reset")
    wait_for(lambda: driver.execute_script(
        "return !!(window.jupyterapp && document.querySelector('.jp-Notebook'))"),
        what="JupyterLab and the notebook")
    wait_for(lambda: driver.execute_script(
        "const w = window.jupyterapp.shell.currentWidget;"
        "return !!(w && w.sessionContext && w.sessionContext.session"
        " && w.sessionContext.session.kernel"
        " && w.sessionContext.session.kernel.connectionStatus === 'connected')"),
        timeout=120, what="a connected kernel")
    driver.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells');")
    wait_for(lambda: driver.execute_script(
        "const cells = [...document.querySelectorAll('.jp-CodeCell')];"
        "const done = cells.filter(c => { const p = c.querySelector('.jp-InputPrompt');"
        " return p && /\\[\\d+\\]/.test(p.textContent); });"
        f"return done.length >= {n_cells} && "
        "!window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
        ".status.startsWith('busy');"), timeout=timeout, every=0.5, what="all cells to run")


def cell(driver, index: int):
    return driver.find_elements("css selector", ".jp-CodeCell")[index]


def errors_in_outputs(driver) -> list[str]:
    return [e.text for e in driver.find_elements(
        "css selector", ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        if "Traceback" in e.text] + [e.text for e in driver.find_elements(
            "css selector", ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']")]


def figures_in(element) -> list:
    return element.find_elements("css selector", "div.js-plotly-plot")


def figure_json(driver, element) -> dict | None:
    """The data (name, x, y of every visible trace) and title of the one figure in
    ``element``."""
    return driver.execute_script(
        "const gd = arguments[0].querySelector('div.js-plotly-plot');"
        "if (!gd || !gd.data) return null;"
        "return JSON.stringify({title: (gd.layout.title || {}).text || '',"
        " data: gd.data.filter(t => t.visible !== false).map(t => ["
        "t.name, Array.from(t.x || []), Array.from(t.y || []).map(v => v === null ? null :"
        " Number(v).toFixed(4))])});", element)


def console_errors(driver, ignore: tuple[str, ...] = ()) -> list[str]:
    """SEVERE browser console messages since the last call, minus ``ignore`` substrings."""
    logs = driver.get_log("browser")
    return [entry["message"] for entry in logs if entry["level"] == "SEVERE"
            and not any(s in entry["message"] for s in ignore)]


def dump(obj) -> str:
    return json.dumps(obj, indent=1, default=str)[:4000]
