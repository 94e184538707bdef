"""Chaser letters: one Word letter per target that has not answered, from a template's merge fields.

A template is a .docx whose text holds `{{field}}` placeholders, any of `FIELDS`; a field it names
that is not one of them is refused before anything is written. Without a template, `default_template()`
is used: a short letter recalling the first démarche.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ccmtui.domain.errors import InputError
from ccmtui.files import require_word

FIELDS = {
    "state": "the state's name",
    "mission": "its mission: 'Permanent Mission of STATE' (people's records name them better)",
    "counterpart": "the person addressed; empty until one is recorded",
    "demarche_date": "the first démarche's date, YYYY-MM-DD",
    "demarche_title": "the first démarche's title",
    "today": "the letter's date, YYYY-MM-DD",
}
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


@dataclass(frozen=True)
class Letter:
    iso3: str
    values: dict[str, str]


def default_template() -> bytes:
    """The shipped letter: date, addressee, a reminder of the first démarche, a request to reply."""
    require_word()
    from docx import Document

    document = Document()
    document.add_paragraph("{{today}}")
    document.add_paragraph("{{counterpart}}")
    document.add_paragraph("{{mission}}")
    document.add_paragraph("Convention on Cluster Munitions: {{demarche_title}}")
    document.add_paragraph(
        "We refer to our communication of {{demarche_date}} on the position of {{state}} regarding the "
        "Convention on Cluster Munitions, to which we have not yet received a reply."
    )
    document.add_paragraph(
        "We would be grateful to learn of the steps {{state}} is considering towards joining the "
        "Convention, and of any assistance that would help it do so."
    )
    document.add_paragraph("Please accept the assurances of our highest consideration.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in document.sections:
        for part in (section.header, section.footer):
            yield from part.paragraphs


def read_template(data: bytes, name: str) -> bytes:
    """The template's bytes, once its merge fields are checked."""
    require_word()
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception:
        raise InputError(f"{name}: not a Word document (.docx)") from None
    unknown = sorted({m for p in _paragraphs(document) for m in PLACEHOLDER.findall(p.text)} - set(FIELDS))
    if unknown:
        fields = ", ".join("{{" + f + "}}" for f in unknown)
        raise InputError(f"{name}: unknown merge field {fields}; known: {', '.join(FIELDS)}")
    return data


def _merge_paragraph(paragraph, values: dict[str, str]) -> None:
    text = paragraph.text
    if "{{" not in text:
        return
    merged = PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), text)
    runs = paragraph.runs
    if not runs:
        paragraph.add_run(merged)
        return
    # The placeholders may be split across runs: the first run takes the text, with its style.
    runs[0].text = merged
    for run in runs[1:]:
        run.text = ""


def merged(template: bytes, values: dict[str, str]):
    """A fresh copy of the template with its fields filled in."""
    from docx import Document

    document = Document(io.BytesIO(template))
    for paragraph in _paragraphs(document):
        _merge_paragraph(paragraph, values)
    return document


def write_letters(template: bytes, letters: list[Letter], folder: Path, *, merge: bool) -> list[Path]:
    """One .docx per letter in `folder` (or, with `merge`, one document with a page between each)."""
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn

    folder.mkdir(parents=True, exist_ok=True)
    if merge:
        combined = None
        for letter in letters:
            document = merged(template, letter.values)
            if combined is None:
                combined = document
                continue
            combined.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
            body = combined.element.body
            # The body's section properties stay last: the next letter goes before them.
            last = body.find(qn("w:sectPr"))
            for element in document.element.body:
                if element.tag == qn("w:sectPr"):
                    continue
                if last is not None:
                    last.addprevious(copy.deepcopy(element))
                else:
                    body.append(copy.deepcopy(element))
        path = folder / "chaser-letters.docx"
        combined.save(path)
        return [path]
    paths = []
    for number, letter in enumerate(letters, start=1):
        path = folder / f"{number:03d}-{letter.iso3}.docx"
        merged(template, letter.values).save(path)
        paths.append(path)
    return paths
