"""The seams between layers are declared: every reader, writer, register, app source and command
context a function takes is annotated with its type."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "ccmtui"
SEAMS = {"reader", "writer", "register"}


def _unannotated() -> list[str]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        names = set(SEAMS)
        if "tui" in path.parts:
            names.add("source")
        if "cli" in path.parts:
            names.add("context")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
                found += [
                    f"{path.relative_to(SRC)}:{node.lineno} {node.name}({a.arg})"
                    for a in arguments
                    if a.arg in names and a.annotation is None
                ]
    return found


def test_every_seam_parameter_is_annotated():
    assert _unannotated() == []
