"""A small WordprocessingML (.docx) writer: styled paragraphs, tables with repeated header rows,
native charts, comments and a page-number footer — what the 自评报告 needs, and nothing else.

Written here rather than with python-docx: that library's import and object model alone took
longer than the whole report may (issue: ≤ 100 ms), and the report needs none of its reading or
editing. The parts follow ECMA-376; Word, WPS and LibreOffice open them (a test converts every
sample's report to PDF with LibreOffice).

Fonts are those of Chinese official documents (GB/T 9704): each is declared in the font table
with the common substitute a machine without it uses (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 黑体).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..text import shown, xml_safe

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (f'xmlns:w="{W}" xmlns:r="{R}" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
EMU_PER_CM = 360000
TWIPS_PER_CM = 567

# The fonts of Chinese official documents, each with the substitute a machine without it uses.
TITLE_FONT, BODY_FONT, HEADING_FONT, KAI_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"
FONT_SUBSTITUTES = {TITLE_FONT: "黑体", BODY_FONT: "仿宋", KAI_FONT: "楷体", HEADING_FONT: "SimHei"}

# Page: A4, margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
PAGE = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" ' \
       'w:header="851" w:footer="992" w:gutter="0"/>'
TEXT_WIDTH_CM = (11906 - 1474 - 1588) / TWIPS_PER_CM
KEEP_TOGETHER = 12  # rows: a table this short is kept on one page


def _fonts(name: str) -> str:
    return f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{name}" w:cs="Times New Roman"/>'


def _style(style_id: str, name: str, font: str, size_pt: float, *, bold: bool = False, centered: bool = False,
           right: bool = False, indent: bool = False, outline: int | None = None, keep: bool = False, spacing: str = 'w:line="560" w:lineRule="exact"',
           kind: str = "paragraph") -> str:
    ppr = (f'<w:pPr><w:keepNext w:val="{1 if outline is not None or keep else 0}"/><w:spacing {spacing}/>'
           + ('<w:jc w:val="center"/>' if centered else '<w:jc w:val="right"/>' if right else "")
           + ('<w:ind w:firstLineChars="200" w:firstLine="640"/>' if indent else '<w:ind w:firstLineChars="0" w:firstLine="0"/>')
           + (f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else "") + "</w:pPr>")
    rpr = f'<w:rPr>{_fonts(font)}{"<w:b/>" if bold else ""}<w:sz w:val="{round(size_pt * 2)}"/>' \
          f'<w:szCs w:val="{round(size_pt * 2)}"/></w:rPr>'
    based = "" if style_id == "Normal" else '<w:basedOn w:val="Normal"/>'
    return f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{based}<w:qFormat/>{ppr}{rpr}</w:style>'


# 三号 (16 pt) body at a fixed 28 pt line, as official documents are set; tables in 五号 (10.5 pt).
STYLES = (HEAD + f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>{_fonts(BODY_FONT)}'
          '<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
          '<w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
          + _style("Normal", "Normal", BODY_FONT, 16, indent=True)
          + _style("Title", "Title", TITLE_FONT, 22, centered=True, spacing='w:before="240" w:after="240" w:line="700" '
                   'w:lineRule="exact"')
          + _style("Subtitle", "Subtitle", BODY_FONT, 16, centered=True)
          + _style("Heading1", "heading 1", HEADING_FONT, 16, indent=True, outline=0)
          + _style("Heading2", "heading 2", KAI_FONT, 16, indent=True, outline=1)
          + _style("Heading3", "heading 3", BODY_FONT, 16, bold=True, indent=True, outline=2)
          + _style("Heading4", "heading 4", BODY_FONT, 16, bold=True, indent=True, outline=3)
          + _style("TableText", "Table Text", BODY_FONT, 10.5, centered=True, spacing='w:line="240" w:lineRule="auto"')
          + _style("TableLeft", "Table Text Left", BODY_FONT, 10.5, spacing='w:line="240" w:lineRule="auto"')
          + _style("Caption", "caption", HEADING_FONT, 12, centered=True, keep=True, spacing='w:before="120" w:after="60"')
          + _style("Notice", "Draft Notice", KAI_FONT, 12, spacing='w:line="360" w:lineRule="auto"')
          + _style("Figure", "Figure", BODY_FONT, 10.5, centered=True, keep=True,
                   spacing='w:before="160" w:line="240" w:lineRule="auto"')
          + _style("Signature", "Signature", BODY_FONT, 16, right=True, keep=True)  # the unit, kept with its date
          + _style("SignatureDate", "Signature Date", BODY_FONT, 16, right=True)
          # 摘要: one page, so set smaller (四号 at a 19 pt line)
          + _style("AbstractText", "Abstract Text", BODY_FONT, 14, indent=True, spacing='w:line="380" w:lineRule="exact"')
          + _style("AbstractHeading", "Abstract Heading", HEADING_FONT, 14, bold=True, indent=True, keep=True,
                   spacing='w:line="380" w:lineRule="exact"')
          + _style("AnnexTitle", "Annex Title", HEADING_FONT, 16, centered=True, outline=0)
          + _style("AbstractTitle", "Abstract Title", HEADING_FONT, 22, centered=True, outline=0,
                   spacing='w:before="0" w:after="120" w:line="600" w:lineRule="exact"')
          + _style("CommentText", "annotation text", BODY_FONT, 10.5, spacing='w:line="240" w:lineRule="auto"')
          + '</w:styles>')

FONT_TABLE = (HEAD + f'<w:fonts xmlns:w="{W}">'
              + "".join(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
                        '<w:family w:val="auto"/></w:font>' for name, alt in FONT_SUBSTITUTES.items())
              + '<w:font w:name="Times New Roman"><w:family w:val="roman"/></w:font></w:fonts>')

FOOTER = (HEAD + f'<w:ftr {NAMESPACES}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
          '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr>'
          '<w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:rFonts w:ascii="宋体" '
          'w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'
          '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr>'
          '<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>')

SETTINGS = (HEAD + f'<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="420"/>'
            '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>')

BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


@dataclass(eq=False, repr=False)
class Run:
    """A stretch of text: `mark` highlights it (a placeholder to fill in); `comment` anchors a Word
    comment on it."""

    text: str
    bold: bool = False
    mark: bool = False
    comment: str = ""


@dataclass(eq=False, repr=False)
class Document:
    """Body parts in order; `save` packs them with the fixed styles, footer and fonts."""

    title: str = ""
    author: str = "excel-eval"
    body: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)
    new_page: bool = False  # the next paragraph starts a new page

    def paragraph(self, *runs: Run | str, style: str = "Normal") -> None:
        brk = "<w:pageBreakBefore/>" if self.new_page else ""
        self.new_page = False
        self.body.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{brk}</w:pPr>{self._runs(runs)}</w:p>')

    def heading(self, text: str, level: int) -> None:
        self.paragraph(text, style=f"Heading{level}")

    def table(self, rows: list[list[Run | str]], widths_cm: list[float], *, header_rows: int = 1,
              left: tuple[int, ...] = ()) -> None:
        """A bordered table across the text width; the first `header_rows` repeat on every page;
        columns in `left` are left-aligned (text), the others centred (figures)."""
        scale = TEXT_WIDTH_CM / sum(widths_cm)
        twips = [round(w * scale * TWIPS_PER_CM) for w in widths_cm]
        grid = "".join(f'<w:gridCol w:w="{t}"/>' for t in twips)
        out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:jc w:val="center"/>'
               f'<w:tblBorders>{BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
               '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
               f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
        # A short table stays on one page; a long one never leaves its last row (合计) alone on the next.
        together = len(rows) <= KEEP_TOGETHER
        for i, row in enumerate(rows):
            head = i < header_rows
            keep = i < len(rows) - 1 and (together or head or i == len(rows) - 2)
            out.append("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if head else "") + "</w:trPr>")
            for c, (value, width) in enumerate(zip(row, twips)):
                style = "TableLeft" if c in left and not head else "TableText"
                runs = [Run(value.text, bold=value.bold or head, mark=value.mark, comment=value.comment)
                        if isinstance(value, Run) else Run(str(value), bold=head)]
                shade = '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>' if head else ""
                short = "<w:noWrap/>" if len(runs[0].text) <= 2 else ""  # 合计, 序号: never one character a line
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}{short}<w:vAlign w:val="center"/>'
                           f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/>{"<w:keepNext/>" if keep else ""}</w:pPr>'
                           f'{self._runs(runs)}</w:p></w:tc>')
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.body.append("".join(out))

    def chart(self, xml: str, width_cm: float, height_cm: float, name: str) -> None:
        """A native chart (a DrawingML chart part, see report_charts), centred, `width_cm` × `height_cm`."""
        self.charts.append(xml)
        n = len(self.charts)
        cx, cy = round(width_cm * EMU_PER_CM), round(height_cm * EMU_PER_CM)
        self.body.append(
            '<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:drawing>'
            f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{n}" name="{escape(name)}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="{CHART}"><c:chart xmlns:c="{CHART}" r:id="rIdChart{n}"/></a:graphicData>'
            '</a:graphic></wp:inline></w:drawing></w:r></w:p>')

    def page_break(self) -> None:
        """The next paragraph starts a page (a break of its own, not an empty paragraph holding a
        break: that one, landing on a full page's last line, would leave a blank page)."""
        self.new_page = True

    def _runs(self, runs) -> str:
        out = []
        for run in runs:
            run = Run(run) if isinstance(run, str) else run
            props = ("<w:b/>" if run.bold else "") + ('<w:highlight w:val="yellow"/>' if run.mark else "")
            xml = f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{_text(run.text)}</w:t></w:r>'
            if run.comment:
                k = len(self.comments)
                self.comments.append(run.comment)
                xml = (f'<w:commentRangeStart w:id="{k}"/>{xml}<w:commentRangeEnd w:id="{k}"/>'
                       f'<w:r><w:commentReference w:id="{k}"/></w:r>')
            out.append(xml)
        return "".join(out)

    def save(self, path: Path) -> None:
        now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        document = (HEAD + f'<w:document {NAMESPACES}><w:body>{"".join(self.body)}<w:sectPr>'
                    f'<w:footerReference w:type="default" r:id="rIdFooter"/>{PAGE}</w:sectPr></w:body></w:document>')
        rels = [("rIdStyles", "styles", "styles.xml"), ("rIdSettings", "settings", "settings.xml"),
                ("rIdFonts", "fontTable", "fontTable.xml"), ("rIdFooter", "footer", "footer1.xml"),
                *((f"rIdChart{i}", "chart", f"charts/chart{i}.xml") for i in range(1, len(self.charts) + 1)),
                *([("rIdComments", "comments", "comments.xml")] if self.comments else [])]
        overrides = {"/word/document.xml": "wordprocessingml.document.main", "/word/styles.xml": "wordprocessingml.styles",
                     "/word/settings.xml": "wordprocessingml.settings", "/word/fontTable.xml": "wordprocessingml.fontTable",
                     "/word/footer1.xml": "wordprocessingml.footer",
                     **({"/word/comments.xml": "wordprocessingml.comments"} if self.comments else {}),
                     **{f"/word/charts/chart{i}.xml": "drawingml.chart" for i in range(1, len(self.charts) + 1)}}
        types = (HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 + "".join(f'<Override PartName="{part}" ContentType="application/vnd.openxmlformats-officedocument.'
                           f'{kind}+xml"/>' for part, kind in overrides.items())
                 + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
                 'core-properties+xml"/></Types>')
        package_rels = (HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
                        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                        'metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
        document_rels = (HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         + "".join(f'<Relationship Id="{i}" Type="{REL}/{kind}" Target="{target}"/>'
                                   for i, kind, target in rels) + "</Relationships>")
        core = (HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f'<dc:title>{_text(self.title)}</dc:title><dc:creator>{_text(self.author)}</dc:creator>'
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created></cp:coreProperties>')
        comments = (HEAD + f'<w:comments {NAMESPACES}>'
                    + "".join(f'<w:comment w:id="{k}" w:author="{_text(self.author)}" w:date="{now}" w:initials="EE">'
                              f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:t xml:space="preserve">'
                              f'{_text(text)}</w:t></w:r></w:p></w:comment>' for k, text in enumerate(self.comments))
                    + "</w:comments>")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", types)
            z.writestr("_rels/.rels", package_rels)
            z.writestr("docProps/core.xml", core)
            z.writestr("word/document.xml", document)
            z.writestr("word/_rels/document.xml.rels", document_rels)
            z.writestr("word/styles.xml", STYLES)
            z.writestr("word/settings.xml", SETTINGS)
            z.writestr("word/fontTable.xml", FONT_TABLE)
            z.writestr("word/footer1.xml", FOOTER)
            if self.comments:
                z.writestr("word/comments.xml", comments)
            for i, xml in enumerate(self.charts, start=1):
                z.writestr(f"word/charts/chart{i}.xml", xml)


def escape(text: str) -> str:
    """XML-escaped for an element or a double-quoted attribute, what XML 1.0 forbids dropped
    (xml.sax.saxutils would pull in urllib, http and ssl: a quarter of the report's time budget)."""
    return xml_safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _text(text: str) -> str:
    """Text for a w:t element: XML-escaped, with the control characters XML 1.0 forbids dropped."""
    return escape(shown(str(text)))


__all__ = ["Document", "Run"]
