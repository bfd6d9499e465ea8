"""Text as staff type it and as a terminal or a cell shows it."""

from __future__ import annotations

import errno
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


class LazyPattern:
    """A regular expression compiled on its first use rather than at import, used as the compiled
    pattern is: the patterns of a path most runs never take (an .ods, a sheet written without cell
    references, a formula without its cached value) cost nothing to the runs that do not take it."""

    def __init__(self, pattern: str | bytes, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str):  # the first use; from then on the compiled pattern's own methods answer
        if name.startswith("_"):  # (none of a pattern's own; `_source` itself, before it is set)
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for method in ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer"):
            setattr(self, method, getattr(compiled, method))
        self.pattern = compiled.pattern
        return getattr(compiled, name)


_SURROGATES = LazyPattern("[\ud800-\udfff]")
_LINE_BREAKS = LazyPattern(r"[\r\n\u2028\u2029\x85]")


def shown(name: str) -> str:
    """A file name as it can be shown and written: bytes the file system gave that are not UTF-8
    (what unzipping a Windows archive leaves) become U+FFFD, never an error."""
    return name if name.isprintable() else _SURROGATES.sub("\ufffd", name)  # (a surrogate is never printable)


def one_line(text: str) -> str:
    """Text for a log line: a line break in a name cannot start a line of its own (`⏎`)."""
    return _LINE_BREAKS.sub("⏎", text)


def clip(text: str, n: int = 40) -> str:
    """A cell's text for a message: at most `n` characters."""
    return text if len(text) <= n else text[: n - 1] + "…"


# What XML 1.0 cannot hold, whatever the escaping: control characters but tab, newline and return,
# lone surrogates, U+FFFE and U+FFFF. A file's text reaches the tool without them (the package is
# cleaned in memory, package.py); text from elsewhere (a file name) is cleaned where it is written.
XML_FORBIDDEN = LazyPattern("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text that every XML writer can write: what XML 1.0 forbids dropped."""
    return text if text.isprintable() else XML_FORBIDDEN.sub("", text)  # (nothing XML forbids is printable)


def cell_text(text: str) -> str:
    """Text for an output cell: what XML cannot hold dropped (a name's bytes that are not UTF-8
    shown as U+FFFD first), cut where Excel would refuse it, saying so."""
    text = xml_safe(shown(text))
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 20] + CUT_NOTE


_OS_REASONS = {  # errno → what a finance officer reads (the OS's own text may be English or garbled)
    errno.ENOENT: "文件或目录不存在", errno.EEXIST: "已有同名的文件", errno.EACCES: "没有权限",
    errno.EPERM: "没有权限", errno.ENOSPC: "磁盘空间已满", errno.EROFS: "磁盘是只读的",
    errno.ENOTDIR: "路径中有一段不是目录", errno.EISDIR: "这是一个目录", errno.EBUSY: "正被其他程序占用",
    errno.ENAMETOOLONG: "文件名太长", errno.EMFILE: "打开的文件太多", errno.EIO: "读写设备出错",
}


def os_reason(exc: OSError) -> str:
    """An operating-system error as a short Chinese phrase, by its number, never the OS's text."""
    if getattr(exc, "winerror", None) in (32, 33):  # Windows: the file is open in another program
        return "正被其他程序占用（可能在 Excel 或 WPS 中打开）"
    return _OS_REASONS.get(exc.errno, f"系统错误（错误号 {exc.errno}）" if exc.errno else "系统错误")
