"""Word pages fit to circulate: the paper size, tables whose columns fit their content, and bar charts
drawn as Word tables (no plotting library).

python-docx is imported inside the functions, when a .docx is asked for. Column widths are worked out
from an estimate of each text's printed width in Arial (Liberation Sans where Arial is missing, with
the same metrics): every column is at least as wide as its longest word, so no word is broken inside
a cell, and the room left goes to the columns with the longest texts.
"""

from __future__ import annotations

from collections.abc import Sequence

PAPERS = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}  # width, height in millimetres
PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}
MARGIN_MM = 25.0
FONT = "Arial"
BODY_PT = 11
TABLE_PT = 9
SMALLEST_TABLE_PT = 7
CELL_PADDING_PT = 11.0  # Word's and LibreOffice's left and right cell margins together, and a little more
BAR = "█"
BAR_COLOUR = "2B6C9E"

# Advance widths in ems, rounded up from Arial's: an estimate that errs on the wide side.
_NARROW = set("iljIft.,;:!'|()[] /-")
_WIDE = set("mwMW@%—")


def parse_paper(text: str | None) -> str:
    """'a4' (the default) or 'letter', from config.toml's `paper`."""
    from ccmtui.domain.errors import one_of

    if text is None or not str(text).strip():
        return "a4"
    value = str(text).strip().lower().replace(" ", "")
    value = {"usletter": "letter", "us-letter": "letter"}.get(value, value)
    if value not in PAPERS:
        raise one_of("paper", str(text), list(PAPERS))
    return value


def text_width_pt(text: str, size: float, bold: bool = False) -> float:
    """How wide `text` prints at `size` points, estimated generously."""
    ems = 0.0
    for char in text:
        if char in _NARROW:
            ems += 0.34
        elif char in _WIDE:
            ems += 0.95
        elif char.isupper() or char.isdigit():
            ems += 0.72 if char.isupper() else 0.56
        elif char == " ":
            ems += 0.28
        else:
            ems += 0.58
    return ems * size * (1.08 if bold else 1.0)


def longest_word_pt(text: str, size: float, bold: bool = False) -> float:
    return max((text_width_pt(word, size, bold) for word in text.split()), default=0.0)


def new_document(paper: str = "a4", title: str = "", author: str = ""):
    """An empty document on the paper asked for, in Arial."""
    from ccmtui.files import require_word

    require_word()
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    width, height = PAPERS[paper]
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Mm(MARGIN_MM)
        section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
    for style in document.styles:
        if style.type == 1 and style.font is not None:  # paragraph styles: one family throughout
            style.font.name = FONT
            fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attribute), FONT)
            for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                fonts.attrib.pop(qn(theme), None)
    document.styles["Normal"].font.size = Pt(BODY_PT)
    document.core_properties.title = title
    document.core_properties.author = author
    return document


def usable_width_pt(document) -> float:
    section = document.sections[-1]
    return (section.page_width - section.left_margin - section.right_margin) / 12700


def column_widths(
    headings: Sequence[str], rows: Sequence[Sequence[str]], available: float, size: float
) -> list[float] | None:
    """Widths in points that keep every word whole, or None when the words do not fit at this size."""
    count = len(headings)
    least = [longest_word_pt(h, size, bold=True) + CELL_PADDING_PT for h in headings]
    wanted = [text_width_pt(h, size, bold=True) + CELL_PADDING_PT for h in headings]
    for row in rows:
        for i, value in enumerate(row[:count]):
            text = str(value)
            least[i] = max(least[i], longest_word_pt(text, size) + CELL_PADDING_PT)
            wanted[i] = max(wanted[i], text_width_pt(text, size) + CELL_PADDING_PT)
    if sum(least) > available:
        return None
    if sum(wanted) <= available:
        spare = available - sum(wanted)
        return [w + spare * w / sum(wanted) for w in wanted]
    spare = available - sum(least)
    extra = [w - m for w, m in zip(wanted, least)]
    return [m + spare * e / sum(extra) for m, e in zip(least, extra)]


def _fix_widths(table, widths: list[float]) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    table.autofit = False
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    for column, width in zip(table.columns, widths):
        column.width = Pt(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Pt(width)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _cell_text(cell, text: str, size, bold: bool = False, align=None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = 0
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(text)
    run.font.size = size
    run.bold = bold or None


def fitted_table(document, headings: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = ()):
    """A grid table whose columns fit their content; the header row repeats on each page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    texts = [[str(value) for value in row] for row in rows]
    available = usable_width_pt(document)
    size = TABLE_PT
    widths = column_widths(headings, texts, available, size)
    while widths is None and size > SMALLEST_TABLE_PT:
        size -= 0.5
        widths = column_widths(headings, texts, available, size)
    if widths is None:  # words longer than a page's share: equal columns, as Word would
        widths = [available / len(headings)] * len(headings)
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    _repeat_header(table.rows[0])
    for cell, heading in zip(table.rows[0].cells, headings):
        _cell_text(cell, heading, Pt(size), bold=True)
    for row in texts:
        cells = table.add_row().cells
        for i, (cell, value) in enumerate(zip(cells, row)):
            _cell_text(cell, value, Pt(size), align=WD_ALIGN_PARAGRAPH.RIGHT if i in numeric else None)
    _fix_widths(table, widths)
    return table


def bar_chart(document, title: str, items: Sequence[tuple[str, float]], note: str = "") -> None:
    """A horizontal bar chart as a borderless table: label, value, and a bar of █ scaled to the page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    heading = document.add_paragraph()
    heading.paragraph_format.keep_with_next = True
    heading.add_run(title).bold = True
    if not items:
        document.add_paragraph().add_run("No data.").italic = True
        return
    size = TABLE_PT
    labels = [label.strip() for label, _ in items]
    values = [f"{value:,}" for _, value in items]
    label_width = max(text_width_pt(label, size) for label in labels) + CELL_PADDING_PT
    value_width = max(text_width_pt(value, size) for value in values) + CELL_PADDING_PT
    available = usable_width_pt(document)
    label_width = min(label_width, available * 0.45)
    bar_width = available - label_width - value_width
    bar_size = size
    most = max(1, int((bar_width - CELL_PADDING_PT) / (bar_size * 0.8)))  # █ is about 0.71 em wide
    scale = max((value for _, value in items), default=0) or 1
    table = document.add_table(rows=0, cols=3)
    for label, value, (_, number) in zip(labels, values, items):
        cells = table.add_row().cells
        _cell_text(cells[0], label, Pt(size))
        _cell_text(cells[1], value, Pt(size), align=WD_ALIGN_PARAGRAPH.RIGHT)
        length = round(number / scale * most) if number > 0 else 0
        if number > 0:
            length = max(length, 1)
        run = cells[2].paragraphs[0].add_run(BAR * length or "\u00a0")  # a row of the same height at zero
        cells[2].paragraphs[0].paragraph_format.space_after = 0
        run.font.size = Pt(bar_size)
        run.font.color.rgb = RGBColor.from_string(BAR_COLOUR)
    _fix_widths(table, [label_width, value_width, bar_width])
    after = document.add_paragraph()
    if note:
        after.add_run(note).italic = True
