"""Long text in the coordinator's own editor: the app suspends, `$VISUAL` or `$EDITOR` (else a
sensible default) edits a temporary file, and the text comes back into the text area."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from textual.widgets import TextArea


def editor_command() -> list[str]:
    for variable in ("VISUAL", "EDITOR"):
        chosen = os.environ.get(variable, "").strip()
        if chosen:
            return shlex.split(chosen)
    for fallback in ("sensible-editor", "nano", "vi"):
        if shutil.which(fallback):
            return [fallback]
    return ["vi"]


def edit_text_area(app, area: TextArea, name: str) -> None:
    """Open the area's text in the editor; what is saved there replaces it (kept when the
    editor fails, so no typing is lost)."""
    from textual.app import SuspendNotSupported

    with tempfile.TemporaryDirectory(prefix="ccm-") as folder:
        path = Path(folder) / f"{name}.md"
        path.write_text(area.text, encoding="utf-8")
        try:
            with app.suspend():
                result = subprocess.run([*editor_command(), str(path)], check=False)
        except SuspendNotSupported:
            app.notify("This terminal cannot hand over to an editor.", title="Editor", severity="error")
            return
        except OSError as error:
            app.notify(f"could not run the editor: {error}", title="Editor", severity="error")
            return
        if result.returncode != 0:
            app.notify(
                f"the editor exited with {result.returncode}; the notes are unchanged",
                title="Editor",
                severity="warning",
            )
            return
        text = path.read_text(encoding="utf-8")
    if text != area.text:
        area.text = text.rstrip("\n")
    area.focus()
