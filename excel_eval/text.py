"""Text as staff type it and as a terminal or a cell shows it."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
MAX_CELL_TEXT = 32767  # what Excel holds in one cell
CUT_NOTE = "……（原文过长，已截断）"


def fold(text: object) -> str:
    """Width-fold (NFKC: full-width digits and brackets) and drop every kind of space."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", str(text)))


def display_width(text: str) -> int:
    """Columns a string takes in a terminal or a cell: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, n: int = 40) -> str:
    """A cell's text for a message: at most `n` characters."""
    return text if len(text) <= n else text[: n - 1] + "…"


def cell_text(text: str) -> str:
    """Text for an output cell: cut where Excel would refuse it, saying so."""
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 20] + CUT_NOTE
