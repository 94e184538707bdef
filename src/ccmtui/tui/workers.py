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
def reporting(node, title: str = "Error", words: dict[str, str] | None = None) -> Iterator[None]:
    """A CCMError inside becomes a notification: one line, as the CLI prints it, in the app's
    words: `words` renames what only the command line says, then options lose their dashes."""
    try:
        yield
    except CCMError as error:
        from ccmtui.tui.words import in_app_words

        message = str(error)
        for said, meant in (words or {}).items():
            message = message.replace(said, meant)
        deliver(node, node.app.notify, in_app_words(message), title=title, severity="error", timeout=8)
        deliver(node, _stop_loading, node)


def _stop_loading(node) -> None:
    """Nothing more is coming: take the loading indicators down."""
    for widget in node.query("*"):
        if widget.loading:
            widget.loading = False
