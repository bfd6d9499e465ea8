"""The few facts about the .xlsx package (OOXML) the reader and the marked-up copy need."""

from __future__ import annotations

import re
import zipfile
import zlib
from posixpath import dirname, join, normpath
from defusedxml import ElementTree  # refuses entity expansion and external entities

# What reading a damaged zip package can raise (flipped bytes reach every one of these).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError, NotImplementedError,
              RuntimeError)

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part inside the zip (`xl/worksheets/sheet1.xml`)."""
    book = ElementTree.fromstring(z.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts = {}
    for sheet in book.iter(f"{{{MAIN_NS}}}sheet"):
        target = targets.get(sheet.get(f"{{{REL_NS}}}id"), "")
        parts[sheet.get("name", "")] = resolve("xl/workbook.xml", target)
    return parts


def resolve(source: str, target: str) -> str:
    """A relationship target, relative to the part that holds it, as a path inside the zip."""
    if target.startswith("/"):
        return target.lstrip("/")
    return normpath(join(dirname(source), target))


def rels_path(part: str) -> str:
    """`xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`."""
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def unescape(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'") \
        .replace("&amp;", "&")


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(s: str) -> str:
    """Text for an XML part: markup escaped, and characters XML cannot hold written as Excel does (_x0001_)."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return _CONTROL.sub(lambda m: f"_x{ord(m[0]):04X}_", s)
