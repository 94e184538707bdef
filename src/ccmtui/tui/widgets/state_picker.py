"""Pick states by typing any part of a name, an alias or an ISO3 code (case and accents ignored)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

MATCHES = 6


class PickerInput(Input):
    """An Input where Backspace on empty text removes the last picked state, and Enter on a name
    picks its best match.

    Enter is handled here, as the key arrives after the letters before it, rather than as a
    binding: a binding is looked up once the key has passed up through the screen, when a
    Tab pressed right after may already have moved the focus to another field.
    """

    @dataclass
    class RemoveLast(Message):
        pass

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and not self.has_focus and self.app.focused is not None:
            # Typed after a key that left the picker, before that key was handled here.
            event.stop()
            event.prevent_default()
            self.app.focused._forward_event(events.Key(event.key, event.character))
        elif event.key == "backspace" and not self.value:
            event.stop()
            event.prevent_default()
            self.post_message(self.RemoveLast())
        elif event.key == "enter":
            event.stop()
            event.prevent_default()
            if self.value.strip():
                self.parent.pick_best(self.value)
            else:
                self.screen.focus_next()  # nothing typed: on to the next field


class Matches(OptionList, can_focus=False):
    """The matches under the input: moved through from the input (Up, Down), never focused, so
    Tab from the input goes to the next field even while they show."""


class StatePicker(Widget, can_focus=False):
    """Picked states show as chips above the input; matches show below it while typing.

    Enter picks the highlighted match (Up/Down move through them); Backspace on an empty
    input removes the last chip; clicking a chip removes it.
    """

    HELP = (
        "States: type any part of a name, an alias or an ISO3 code (accents and case ignored); "
        "Enter picks the highlighted match, ↑ ↓ move through the matches, Backspace on an empty "
        "field removes the last state picked."
    )

    DEFAULT_CSS = """
    StatePicker { height: auto; }
    StatePicker #chips { height: auto; color: $text; }
    StatePicker #chips.-empty { display: none; }
    StatePicker OptionList { height: auto; max-height: 7; display: none; border: none; padding: 0; }
    StatePicker OptionList.-open { display: block; }
    """

    BINDINGS = [
        Binding("down", "move(1)", "Next match", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Previous match", show=False, id="picker.up"),
    ]

    @dataclass
    class Changed(Message):
        picker: StatePicker
        value: list[str]

        @property
        def control(self) -> StatePicker:
            return self.picker

    def __init__(
        self, *, multiple: bool = True, placeholder: str = "Type a name, alias or ISO3", id: str | None = None
    ):
        super().__init__(id=id)
        self.multiple = multiple
        self.placeholder = placeholder
        self._picked: list[str] = []
        self._matched = ""  # the text the matches shown were found for

    def compose(self) -> ComposeResult:
        yield Static(id="chips", classes="-empty")
        yield PickerInput(placeholder=self.placeholder, id="picker-input", compact=True)
        yield Matches(id="matches", compact=True)

    @property
    def value(self) -> list[str]:
        return list(self._picked)

    @property
    def pending_text(self) -> str:
        """What is typed but not yet picked."""
        return self.query_one(PickerInput).value.strip()

    def set_value(self, codes: list[str]) -> None:
        self._picked = list(dict.fromkeys(codes)) if self.multiple else list(codes[:1])
        self._render_chips()

    def clear(self) -> None:
        self.query_one(PickerInput).value = ""
        self.set_value([])

    def focus(self, scroll_visible: bool = True):
        self.query_one(PickerInput).focus(scroll_visible)
        return self

    def state_name(self, iso3: str) -> str:
        index = self.app.index
        return index.name(iso3) if index is not None and iso3 in index else iso3

    def _render_chips(self) -> None:
        chips = self.query_one("#chips", Static)
        parts = [
            Content.from_markup(f"[reverse] $name [/reverse][@click=remove('{c}')] ✕ [/]", name=self.state_name(c))
            for c in self._picked
        ]
        chips.update(Content(" ").join(parts))
        chips.set_class(not self._picked, "-empty")
        self.post_message(self.Changed(self, self.value))

    def pick(self, iso3: str) -> None:
        if self.multiple:
            if iso3 not in self._picked:
                self._picked.append(iso3)
        else:
            self._picked = [iso3]
        self.query_one(PickerInput).value = ""
        self._render_chips()

    def action_remove(self, iso3: str) -> None:
        if iso3 in self._picked:
            self._picked.remove(iso3)
            self._render_chips()

    def action_move(self, step: int) -> None:
        matches = self.query_one("#matches", OptionList)
        if not matches.has_class("-open") or not matches.option_count:
            return
        current = matches.highlighted if matches.highlighted is not None else -1
        matches.highlighted = max(0, min(matches.option_count - 1, current + step))

    @on(PickerInput.RemoveLast)
    def remove_last(self) -> None:
        if self._picked:
            self._picked.pop()
            self._render_chips()

    @on(Input.Changed, "#picker-input")
    def show_matches(self, event: Input.Changed) -> None:
        event.stop()
        matches = self.query_one("#matches", OptionList)
        matches.clear_options()
        index = self.app.index
        found = index.search(event.value, MATCHES) if index is not None and event.value.strip() else []
        for iso3 in found:
            matches.add_option(Option(f"{index.name(iso3)} ({iso3})", id=iso3))
        matches.set_class(bool(found), "-open")
        self._matched = event.value
        if found:
            matches.highlighted = 0

    def pick_best(self, text: str) -> None:
        """Enter on a name: the match highlighted for it, or its best match when the list shown
        is not yet the one for the name typed (Enter came straight after the letters)."""
        matches = self.query_one("#matches", OptionList)
        if text == self._matched and matches.has_class("-open") and matches.highlighted is not None:
            chosen = matches.get_option_at_index(matches.highlighted).id
        else:
            index = self.app.index
            found = index.search(text, 1) if index is not None else []
            chosen = found[0] if found else None
        if chosen is None:
            return  # no match: the text stays, and is read as a name when the form is saved
        self.pick(chosen)
        matches.clear_options()
        matches.remove_class("-open")

    @on(Input.Submitted, "#picker-input")
    def pick_highlighted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return  # let the form see Enter on an empty picker
        event.stop()
        self.pick_best(event.value)

    @on(OptionList.OptionSelected, "#matches")
    def pick_clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.pick(event.option.id)
        event.option_list.clear_options()
        event.option_list.remove_class("-open")
        self.query_one(PickerInput).focus()
