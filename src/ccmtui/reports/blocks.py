"""A document as plain blocks, written once and rendered both as Markdown and as Word.

The text of a block is plain: the Markdown renderer escapes it (a state's or a milestone's name is
shown literally), the Word renderer writes it as it is. So both versions have the same sections
in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 0: the title


@dataclass(frozen=True)
class Paragraph:
    text: str
    lead: str = ""  # printed in bold before the text
    italic: bool = False


@dataclass(frozen=True)
class Bullets:
    items: Sequence[str]
    intro: str = ""  # a line before the list ("Notes:")


@dataclass(frozen=True)
class Table:
    headings: Sequence[str]
    rows: Sequence[Sequence[str]]
    numeric: Sequence[int] = field(default=())  # right-aligned columns


Block = Heading | Paragraph | Bullets | Table


def to_markdown(blocks: Sequence[Block]) -> str:
    from ccmtui.reports.export_markdown import escape

    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out += ["#" * (block.level + 1) + " " + escape(block.text), ""]
        elif isinstance(block, Paragraph):
            text = escape(block.text)
            if block.lead:
                text = f"**{escape(block.lead)}** {text}"
            out += [f"_{text}_" if block.italic else text, ""]
        elif isinstance(block, Bullets):
            if block.intro:
                out += [escape(block.intro), ""]
            out += [f"- {escape(item)}" for item in block.items] + [""]
        else:
            out.append("| " + " | ".join(escape(h) for h in block.headings) + " |")
            out.append("|" + "|".join("---" for _ in block.headings) + "|")
            out += ["| " + " | ".join(escape(cell) or " " for cell in row) + " |" for row in block.rows]
            out.append("")
    return "\n".join(out)


def to_docx(blocks: Sequence[Block], paper: str = "a4", title: str = "", author: str = "") -> bytes:
    import io

    from ccmtui.reports.docx_layout import fitted_table, new_document

    document = new_document(paper, title=title, author=author)
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            if block.lead:
                paragraph.add_run(block.lead + " ").bold = True
            paragraph.add_run(block.text).italic = block.italic or None
        elif isinstance(block, Bullets):
            if block.intro:
                document.add_paragraph(block.intro).paragraph_format.keep_with_next = True
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        else:
            fitted_table(document, block.headings, block.rows, numeric=block.numeric)
            document.add_paragraph().paragraph_format.space_after = 0
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
