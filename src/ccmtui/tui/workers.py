"""Helpers for thread workers: hand results to the UI thread, turn user errors into notices."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from textual.worker import get_current_worker

from ccmtui.domain.errors import CCMError


def deliver(node, callback: Callable, *args, **kwargs) -> bool:
    """Run `callback` on the UI thread, unless a newer request cancelled this worker."""
    try:
        if get_current_worker().is_cancelled:
            return False
    except Exception:  # not inside a worker (a direct call in a test)
        pass
    try:
        node.app.call_from_thread(callback, *args, **kwargs)
    except RuntimeError:  # the app closed while the worker ran
        return False
    return True


@contextmanager
def reporting(node, title: str = "Error") -> Iterator[None]:
    """A CCMError inside becomes a notification: one line, as the CLI prints it."""
    try:
        yield
    except CCMError as error:
        deliver(node, node.app.notify, str(error), title=title, severity="error", timeout=8)
        deliver(node, _stop_loading, node)


def _stop_loading(node) -> None:
    """Nothing more is coming: take the loading indicators down."""
    for widget in node.query("*"):
        if widget.loading:
            widget.loading = False
