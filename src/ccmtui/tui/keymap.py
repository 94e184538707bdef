"""The binding ids a `[keymap]` in config.toml can rebind, and a word on those no binding has."""

from __future__ import annotations

import pkgutil
from difflib import get_close_matches
from importlib import import_module


def binding_ids() -> set[str]:
    """Every binding id of the app, its screens, dialogs and widgets (their modules imported)."""
    import ccmtui.tui as package
    from ccmtui.tui.app import CCMApp

    ids = {binding.id for binding in CCMApp.BINDINGS if binding.id}
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        module = import_module(info.name)
        for value in vars(module).values():
            for binding in getattr(value, "BINDINGS", None) or () if isinstance(value, type) else ():
                if getattr(binding, "id", None):
                    ids.add(binding.id)
    return ids


def unknown_ids(given: list[str]) -> list[str]:
    """One notice per keymap id no binding has, with the ids it may have meant."""
    known = binding_ids()
    notices = []
    for name in given:
        if name in known:
            continue
        close = get_close_matches(name, sorted(known), n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (the ids are listed with ?)"
        notices.append(f"No key has the id {name!r}: its keymap line is ignored{hint}.")
    return notices
