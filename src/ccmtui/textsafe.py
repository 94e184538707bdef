"""Stored text reaches the terminal as text: never read as markup, control characters made visible.

Every value that comes from the database (a summary, a note, a file name, a name in the change
log) may have been typed by someone else, on another laptop, or imported from a hand-edited file.
`visible` is the plain-text form (for `typer.echo` and the like); `literal` is a Rich `Text` for
tables and pages, so `[/]`, `[link=…]` or `[draft]` print as they are written.
"""

from __future__ import annotations

import functools
import re

# C0 controls, DEL and the C1 controls (0x9B is the one-byte CSI); newline and tab stay where asked.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NO_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Characters that reorder how a line reads (bidirectional overrides and isolates).
_REORDERING = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, so ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def visible(value, *, lines: bool = True) -> str:
    """`value` as text with every control character shown as a visible placeholder.

    With `lines`, newlines and tabs are kept (notes run over several lines); otherwise they
    too become placeholders, for values that must stay on one line.
    """
    if value is None:
        return ""
    text = str(value)
    if lines:
        text = _CONTROLS.sub(lambda m: m.group() if m.group() in "\n\t" else _picture(m), text)
    else:
        text = _NO_LINE_BREAKS.sub(
            lambda m: _picture(m) if len(m.group()) == 1 and ord(m.group()) < 0xA0 else " ", text
        )
    return _REORDERING.sub("\ufffd", text)


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_safe(text: str) -> str:
    """JSON text in which the characters `json.dumps` leaves raw but a terminal acts on (DEL, C1 controls,
    bidirectional overrides) are written as escapes, e.g. `\\u009b`."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def literal(value, style: str = "", *, lines: bool = True):
    """A stored value as a Rich `Text`: printed exactly as written, never parsed as markup."""
    from rich.text import Text

    return Text(visible(value, lines=lines), style=style)


@functools.cache
def _literal_console_class():
    from rich.console import Console
    from rich.text import Text

    class LiteralConsole(Console):
        def render_str(self, text, **kwargs):
            return super().render_str(visible(text), **kwargs)

        def render(self, renderable, options=None):
            # A Text built anywhere from a stored value: its control characters are shown too.
            # `visible` maps one character to one, so the styled spans stay where they were.
            if isinstance(renderable, Text):
                renderable = literal_text(renderable)
            return super().render(renderable, options)

    return LiteralConsole


def make_literal(console) -> None:
    """Turn an existing console (the app's) into one on which plain strings are literal text."""
    console.__class__ = _literal_console_class()
    console._markup = False
    console._emoji = False


def safe_console(**options):
    """A Rich console on which a plain string is always literal text, its control characters visible.

    Markup is off: the program's own styling is given as `Text` or with `markup=True` on a string
    that holds no stored value.
    """
    return _literal_console_class()(markup=False, emoji=False, **options)


def literal_text(text):
    """A Rich `Text` with its control characters shown (its styles kept: the mapping is one to one)."""
    if not _CONTROLS.search(text.plain.replace("\n", "").replace("\t", "")) and not _REORDERING.search(text.plain):
        return text
    copy = text.copy()
    copy.plain = visible(text.plain)
    return copy
