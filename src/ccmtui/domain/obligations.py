"""What States Parties owe under the Convention beyond joining it, and where each stands on a day.

Article 3 (stockpile destruction) and Article 4 (clearance) obligations carry a
deadline that may be extended; Article 5 (victim assistance) has none. Completion
dates are kept at the precision the source gives (`2010`, `2023-06`), so whether
an obligation was complete on a day can be unknown; the standing says so rather
than guessing. Pure: no database, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ccmtui.domain import treaty
from ccmtui.domain.dates import PartialDate
from ccmtui.domain.errors import InputError, one_of
from ccmtui.domain.states import normalize

# article -> what it obliges
ARTICLES: dict[int, str] = {
    3: "stockpile destruction",
    4: "clearance",
    5: "victim assistance",
}

# Status of an obligation as last known (the `status_as_of` day).
OBLIGATION_STATUSES = ("outstanding", "completed", "no stockpile reported", "uncertain")
_STATUS_ALIASES = {
    "current": "outstanding",
    "open": "outstanding",
    "complete": "completed",
    "done": "completed",
    "fulfilled": "completed",
    "none": "no stockpile reported",
    "no stockpile": "no stockpile reported",
    "no stocks": "no stockpile reported",
    "unknown": "uncertain",
}

# Article 9 national implementation measures, as States Parties report them.
MEASURE_STATUSES: dict[str, str] = {
    "adopted": "specific legislation adopted",
    "existing-law": "existing law deemed sufficient",
    "in-progress": "measures under preparation",
    "none": "no measures reported",
}
_MEASURE_ALIASES = {
    "legislation": "adopted",
    "law": "adopted",
    "existing": "existing-law",
    "existing law": "existing-law",
    "sufficient": "existing-law",
    "drafting": "in-progress",
    "in progress": "in-progress",
    "pending": "in-progress",
    "no": "none",
}

# Article 6 international cooperation and assistance: a state reports needing it or providing it.
COOPERATION_ROLES: dict[str, str] = {
    "needs": "reported a need for cooperation and assistance",
    "provides": "reported providing cooperation and assistance",
}

REPORT_KINDS = ("initial", "annual")

# The Art. 7 reporting format adopted at the 1MSP (CCM/MSP/2010/PM/10): one form per subject.
REPORT_FORMS: dict[str, str] = {
    "A": "national implementation measures",
    "B": "stockpiles and destruction",
    "C": "technical characteristics of each type produced, owned or possessed",
    "D": "cluster munitions retained and transferred",
    "E": "status of conversion programmes",
    "F": "contaminated areas and clearance",
    "G": "warning to the population and risk education",
    "H": "victim assistance",
    "I": "national resources and international cooperation and assistance",
    "J": "other relevant matters",
}
# What a form says: filled in (an initial report), or as the annual cover page marks it.
FORM_STATUSES = ("reported", "changed", "unchanged", "not applicable")
# The forms a state's recorded obligations call for (Art. 7(1)): A always (Art. 9), B and D with
# stockpiles (Art. 3), F and G with contaminated areas (Art. 4), H with victims (Art. 5).
FORMS_FOR_ARTICLE = {3: ("B", "D"), 4: ("F", "G"), 5: ("H",)}


def parse_form(text: str) -> str:
    """A form letter of the Art. 7 reporting format, A to J."""
    letter = str(text).strip().upper().removeprefix("FORM").strip()
    if letter not in REPORT_FORMS:
        raise InputError(
            f"form {text!r} is outside A-J, the forms of the Art. 7 reporting format adopted at the 1MSP (Art. 7(1))"
        )
    return letter


def parse_form_status(text: str) -> str:
    key = normalize(text).replace("-", " ").replace("non applicable", "not applicable").replace("n/a", "not applicable")
    if key not in FORM_STATUSES:
        raise one_of("form status", text, FORM_STATUSES)
    return key


def expected_forms(articles: set[int]) -> list[str]:
    """The forms a state with obligations under `articles` is expected to fill in (Art. 7(1))."""
    return sorted({"A", *(form for article in articles for form in FORMS_FOR_ARTICLE.get(article, ()))})


# What became of an extension request (Art. 3(3)-(5), Art. 4(5)-(8)). "not recorded": the request
# is known but the sources reachable do not give the decision; never read as refused or overdue.
EXTENSION_DECISIONS = ("granted", "refused", "pending", "not recorded")


def parse_article(text: str | int) -> int:
    value = str(text).strip().lower().removeprefix("art.").removeprefix("article").strip()
    if value.isdigit() and int(value) in ARTICLES:
        return int(value)
    raise one_of("article", str(text), [f"{number} ({what})" for number, what in ARTICLES.items()])


def parse_obligation_status(text: str) -> str:
    key = normalize(text).replace("-", " ")
    if key in OBLIGATION_STATUSES:
        return key
    if key in _STATUS_ALIASES:
        return _STATUS_ALIASES[key]
    raise one_of("obligation status", text, OBLIGATION_STATUSES)


def parse_measure_status(text: str) -> str:
    key = normalize(text)
    slug = key.replace(" ", "-")
    if slug in MEASURE_STATUSES:
        return slug
    if key in _MEASURE_ALIASES:
        return _MEASURE_ALIASES[key]
    raise one_of("measure status", text, list(MEASURE_STATUSES))


def parse_role(text: str) -> str:
    key = normalize(text)
    key = {"need": "needs", "provide": "provides", "donor": "provides", "provider": "provides"}.get(key, key)
    if key not in COOPERATION_ROLES:
        raise one_of("role", text, list(COOPERATION_ROLES))
    return key


def check_count(value: int | None, what: str) -> None:
    if value is not None and value < 0:
        raise InputError(f"{what} cannot be negative ({value})")


def check_retention(retained: int | None, used: int | None, what: str) -> None:
    """Art. 3(6)-(8): counts, and no more used than the stock declared."""
    check_count(retained, f"{what} retained")
    check_count(used, f"{what} used")
    if used is not None and retained is None:
        raise InputError(f"{what} used given without the number retained")
    if not treaty.in_retention_limits(retained, used):
        raise InputError(f"{what} used ({used}) is larger than the stock retained ({retained})")


class Standing(StrEnum):
    """Where an obligation stood on a day."""

    COMPLETED = "completed"  # completion declared on or before the day
    CURRENT = "current"  # not completed on the day
    UNDETERMINED = "undetermined"  # completed, but the record does not say whether by that day
    NONE_HELD = "no stockpile reported"  # the state reported holding none (Art. 3)
    UNCERTAIN = "uncertain"  # the record itself is in doubt


@dataclass(frozen=True, slots=True)
class ObligationFacts:
    """An obligation as recorded: the inputs to its standing on a day."""

    article: int
    deadline: date | None
    extended_to: date | None
    extension_granted: PartialDate | None
    completed: PartialDate | None
    status: str
    status_as_of: date
    first_completed: PartialDate | None = None  # a reopened obligation: the end of its first period
    reopened: PartialDate | None = None  # the start of its second period


def standing_on(facts: ObligationFacts, on: date) -> Standing:
    """The obligation's standing on `on`, never more certain than the record.

    A completion dated `2023-06` is known on 30 June 2023; on 15 June 2023 it is
    undetermined. A completion recorded without a date is known from the day the
    status was recorded; before that it is undetermined. An outstanding
    obligation was not completed on any earlier day either.
    """
    if facts.status == "uncertain":
        return Standing.UNCERTAIN
    if facts.status == "no stockpile reported":
        return Standing.NONE_HELD
    if facts.reopened is not None and facts.first_completed is not None and facts.reopened.certainly_after(on):
        # First period (stocks or contamination found later, Art. 3(2), 4(1)): done by then?
        if facts.first_completed.certainly_by(on):
            return Standing.COMPLETED
        if facts.first_completed.certainly_after(on):
            return Standing.CURRENT
        return Standing.UNDETERMINED
    if facts.completed is not None:
        if facts.completed.certainly_by(on):
            return Standing.COMPLETED
        if facts.completed.certainly_after(on):
            return Standing.CURRENT
        return Standing.UNDETERMINED
    if facts.status == "completed":
        return Standing.COMPLETED if facts.status_as_of <= on else Standing.UNDETERMINED
    return Standing.CURRENT


def deadline_on(facts: ObligationFacts, on: date) -> date | None:
    """The deadline in effect on `on` (Art. 3(3)-(5), Art. 4(5)-(8))."""
    granted = facts.extension_granted.latest if facts.extension_granted else None
    return treaty.deadline_in_effect(facts.deadline, facts.extended_to, granted, on)


def original_deadline(article: int, in_force: date | None) -> date | None:
    """Art. 3(2): eight years after entry into force; Art. 4(1): ten; Art. 5: none."""
    if in_force is None:
        return None
    if article == 3:
        return treaty.stockpile_destruction_deadline(in_force)
    if article == 4:
        return treaty.clearance_deadline(in_force)
    return None


# -- Extensions and the deadline as of a day (Art. 3(3)-(5), Art. 4(5)-(8))


@dataclass(frozen=True, slots=True)
class Extension:
    """One extension request and its decision, as recorded."""

    number: int
    requested: PartialDate | None
    requested_to: date | None
    meeting: str | None
    decision: str
    granted: PartialDate | None
    extended_to: date | None
    source: str | None = None


class DeadlineStatus(StrEnum):
    ORIGINAL = "original deadline"
    EXTENDED = "extended"
    REQUESTED = "extension requested"  # a request is before the meeting that considers it
    NOT_RECORDED = "decision not recorded"  # the meeting has met; the record does not give its decision
    NEW_DATE_NOT_RECORDED = "extended, new deadline not recorded"


@dataclass(frozen=True, slots=True)
class DeadlineOn:
    """The deadline as it stood on a day: the one rule every view uses."""

    on: date
    deadline: date | None  # the original (Art. 3(2): eight years; Art. 4(1): ten)
    in_effect: date | None  # after the extensions granted by the day; None when the new date is unknown
    status: DeadlineStatus
    request: Extension | None = None  # the request pending or undecided on the day
    granted: tuple[Extension, ...] = ()

    @property
    def extended(self) -> bool:
        return bool(self.granted)

    @property
    def passed(self) -> bool:
        """The deadline in effect is behind the day and no request can still move it."""
        return (
            self.status in (DeadlineStatus.ORIGINAL, DeadlineStatus.EXTENDED)
            and self.in_effect is not None
            and self.in_effect < self.on
        )

    def describe(self) -> str:
        if self.status is DeadlineStatus.REQUESTED and self.request:
            where = f" to the {self.request.meeting}" if self.request.meeting else ""
            to = f" to {self.request.requested_to}" if self.request.requested_to else ""
            return f"extension requested{to}{where}"
        if self.status is DeadlineStatus.NOT_RECORDED and self.request:
            where = f"{self.request.meeting}: " if self.request.meeting else ""
            return f"{where}decision not recorded"
        return self.status.value


def _granted_from(extension: Extension, previous: date | None, meetings: dict[str, tuple[date, date]]) -> date | None:
    """The day a granted extension applies from.

    Its recorded grant date; else the last day of the meeting that granted it; else the
    deadline it extends (Art. 3(3), 4(5): a request is decided before the deadline expires).
    """
    if extension.granted is not None:
        return extension.granted.latest
    if extension.meeting and extension.meeting in meetings:
        return meetings[extension.meeting][1]
    return previous


def _request_known_from(extension: Extension, meetings: dict[str, tuple[date, date]]) -> date | None:
    if extension.requested is not None:
        return extension.requested.latest
    if extension.meeting and extension.meeting in meetings:
        return meetings[extension.meeting][0]
    return None


def deadline_as_of(
    deadline: date | None,
    extensions: list[Extension],
    on: date,
    meetings: dict[str, tuple[date, date]] | None = None,
) -> DeadlineOn:
    """The deadline of an Art. 3 or 4 obligation as of `on`, from the extensions granted by then.

    Art. 3(3) and 4(5): a State Party may request an extension from a Meeting of States Parties
    or a Review Conference; Art. 3(5) and 4(8) let the meeting grant it. Only extensions granted
    by `on` count. A request made by `on` whose meeting has not yet decided is "extension
    requested"; one whose meeting has met but whose decision the record does not give is
    "decision not recorded": neither is read as overdue.
    """
    meetings = meetings or {}
    in_effect = deadline
    granted: list[Extension] = []
    new_date_unknown = False
    request: Extension | None = None
    request_status: DeadlineStatus | None = None
    for extension in sorted(extensions, key=lambda e: e.number):
        if extension.decision == "granted":
            applies = _granted_from(extension, in_effect or deadline, meetings)
            if applies is not None and applies <= on:
                granted.append(extension)
                in_effect = extension.extended_to
                new_date_unknown = extension.extended_to is None
                request = request_status = None
                continue
        known = _request_known_from(extension, meetings)
        if known is None or known > on or extension.decision == "refused":
            continue
        meeting = meetings.get(extension.meeting or "")
        if extension.decision == "pending" or meeting is None or meeting[1] >= on or extension.decision == "granted":
            request, request_status = extension, DeadlineStatus.REQUESTED
        else:
            request, request_status = extension, DeadlineStatus.NOT_RECORDED
    if request_status is DeadlineStatus.NOT_RECORDED and request and request.requested_to and request.requested_to < on:
        # Even had it been granted in full, the date asked has passed: the deadline has passed either way.
        request = request_status = None
    if request_status is not None:
        status = request_status
    elif new_date_unknown:
        status = DeadlineStatus.NEW_DATE_NOT_RECORDED
    else:
        status = DeadlineStatus.EXTENDED if granted else DeadlineStatus.ORIGINAL
    return DeadlineOn(on, deadline, in_effect, status, request, tuple(granted))


def check_extension(
    article: int,
    deadline: date | None,
    requested: PartialDate | None,
    requested_to: date | None,
    meeting: tuple[str, date, date] | None,
    granted: PartialDate | None,
    extended_to: date | None,
) -> None:
    """The Convention's limits on one extension; an InputError naming the rule and its article.

    `deadline` is the deadline the request extends (the original or the last extended one).
    """
    limit = treaty.STOCKPILE_EXTENSION_MAX_YEARS if article == 3 else treaty.CLEARANCE_EXTENSION_MAX_YEARS
    cite = "Art. 3(3)" if article == 3 else "Art. 4(5)"
    if article not in (3, 4):
        raise InputError(f"extensions exist only under Articles 3 and 4 (Art. 3(3), 4(5)), not Art. {article}")
    if granted is not None and requested is not None and granted.latest < requested.earliest:
        raise InputError(f"extension granted {granted} before it was requested {requested} ({cite})")
    for what, new in (("granted", extended_to), ("requested", requested_to)):
        if new is None or deadline is None:
            continue
        if new <= deadline:
            raise InputError(f"extension {what} to {new} is not after the deadline it extends, {deadline} ({cite})")
        if new > treaty.longest_extension(deadline, article):
            raise InputError(
                f"extension {what} to {new} is longer than {limit} years after {deadline}: "
                f"{cite} allows up to {limit} years per request"
            )
    if meeting is not None and requested is not None:
        code, _start, end = meeting
        if end < requested.earliest:
            raise InputError(
                f"extension requested {requested} to the {code}, which ended on {end}: a request goes to a "
                f"later Meeting of States Parties or Review Conference ({cite})"
            )
