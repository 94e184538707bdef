"""Every work-plan, milestone and export command explains itself."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("group", ["workplan", "milestone", "export"])
def test_every_command_has_help(ccm, group):
    import typer

    from ccmtui.cli import app

    command = typer.main.get_command(app).commands[group]
    assert command.help
    for name, sub in command.commands.items():
        assert sub.help and len(sub.help) > 20, f"ccm {group} {name} has no help"
        result = ccm(group, name, "--help")
        assert result.exit_code == 0
        for parameter in sub.params:
            if parameter.name != "help" and getattr(parameter, "help", None) is not None:
                assert parameter.help.strip(), f"ccm {group} {name} {parameter.name}"
