"""The command palette (ctrl+p): sections, actions that fit the current screen, and states by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ccmtui.tui.sections import SECTIONS


class CCMCommands(Provider):
    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.app
        commands = [(f"Go to {s.title}", s.help, partial(app.action_go, s.mode)) for s in SECTIONS]
        commands += [
            ("Log an engagement", "Open the log form", partial(app.action_go, "log")),
            ("Classify a state…", "Record a Category I / II / III assessment", app.action_classify),
            ("Undo the last change…", "Revert the last change set, after confirmation", app.action_undo),
            (
                "Treaty records",
                "Obligations, extensions, retention, Art. 7 reports and forms, measures, cooperation, meetings",
                app.action_treaty_records,
            ),
            ("Conflicts", "Records a sync found edited on both sides: keep mine or theirs (C)", app.action_conflicts),
            (
                "Frozen reports",
                "Reports kept as sent: each figure explained, the diff with today, the corrigendum (D on Summary)",
                app.action_frozen_reports,
            ),
            ("Sync or merge…", "With the team's server or a colleague's file (S)", app.action_sync),
            ("Export or report…", "Quarter summary, calendar or progress report, to a file (X)", app.action_export),
            ("Who you are…", "Your name, state and thematic area, kept in config.toml", app._ask_who),
            ("Keys", "Every key that works here", app.action_help),
            (
                "Light or dark theme",
                "Switch between the light and the dark theme (T); kept for next time",
                app.action_switch_theme,
            ),
        ]
        screen = self.screen
        reload = getattr(screen, "action_reload", None)
        if reload is not None:
            commands.append(("Refresh", "Read this screen's data again", reload))
        commands += self._screen_keys(screen, {title for title, _, _ in commands})
        iso3 = getattr(screen, "selected_state", lambda: None)()
        if iso3 and app.index is not None and iso3 in app.index:
            name = app.index.name(iso3)
            commands.append(
                (f"Log an engagement with {name}", "Open the log form with this state", partial(app.log_with, [iso3]))
            )
            commands.append(
                (f"Classify {name}…", "Record a category for this state", partial(app.action_classify, iso3))
            )
        return commands

    def _screen_keys(self, screen, taken: set[str]) -> list[tuple[str, str, object]]:
        """What the screen's own keys do (the footer's), so the palette reaches every binding."""
        found = []
        for node, binding, enabled, _tooltip in screen.active_bindings.values():
            action = binding.action
            if not enabled or not binding.description or action.startswith(("app.go", "app.", "leave_field", "reload")):
                continue
            title = binding.description.rstrip("…")
            if title in taken:
                continue
            taken.add(title)
            shown = self.app.get_key_display(binding)
            found.append((title, f"Here: the {shown} key", partial(self.app.run_action, action, node)))
        return found

    async def discover(self) -> Hits:
        for title, help_text, command in self._commands():
            yield DiscoveryHit(title, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, command in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, help=help_text)
        index = self.app.index
        if index is not None and len(query.strip()) >= 2:
            for rank, iso3 in enumerate(index.search(query, limit=5)):
                title = f"State: {index.name(iso3)} ({iso3})"
                yield Hit(
                    0.9 - rank * 0.05, title, partial(self.app.open_state, iso3), help="Treaty dates and timeline"
                )
