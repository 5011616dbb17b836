"""One place on screen for one figure, replaced in place: what the explorer and the layer
picker draw into.

Why this way and not ``with output: fig.show()``: an ``ipywidgets.Output`` that *captures*
output while a cell executes under papermill is mirrored by nbclient, which sends the
widget's new state back to the kernel over the shell channel for every captured message;
nbclient's execution loop reads that channel at the same time, and runs that captured output
during execution could wait forever after the cell had finished (nbclient#312). Before,
the kit worked around it by drawing the first figure straight into the cell and later ones
into the widget, which left two figures on screen, the old one above the controls.

Here nothing is captured: the figure (a plotly mime bundle, rendered by JupyterLab's plotly
extension) is *assigned* to the widget's ``outputs``. That is a plain widget state update --
the same message in a live JupyterLab session, in papermill and in a test -- so the area
always holds exactly one figure or one message, and it can be redrawn any number of times.
"""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

PLOTLY_MIME = "application/vnd.plotly.v1+json"


def figure_output(fig: Any) -> dict:
    """A ``display_data`` output holding a plotly figure (what ``fig.show()`` would send)."""
    import plotly.io as pio

    data = dict(pio.renderers["plotly_mimetype"].to_mimebundle(fig))
    title = fig.layout.title.text if fig.layout.title and fig.layout.title.text else "figure"
    data["text/plain"] = f"<plotly figure: {title}>"
    return {"output_type": "display_data", "data": data, "metadata": {}}


def message_output(text: str) -> dict:
    """A ``display_data`` output holding a short message (HTML and plain text)."""
    return {"output_type": "display_data", "metadata": {},
            "data": {"text/html": f"<p><i>{html.escape(text)}</i></p>", "text/plain": text}}


class FigureArea:
    """An ``Output`` widget that always shows exactly one figure or one message."""

    def __init__(self) -> None:
        self.widget = widgets.Output(layout=widgets.Layout(min_height="420px"))

    def show(self, fig: Any) -> None:
        """Replace what is shown by ``fig`` (a plotly figure)."""
        self.widget.outputs = (figure_output(fig),)

    def message(self, text: str) -> None:
        """Replace what is shown by a message (e.g. "no records match"): no stale figure."""
        self.widget.outputs = (message_output(text),)

    @property
    def figure_json(self) -> dict | None:
        """The figure on show (plotly JSON), or None when a message is shown."""
        outputs = self.widget.outputs
        if len(outputs) != 1:
            return None
        return outputs[0]["data"].get(PLOTLY_MIME)
