"""Writing files safely: a temporary name in the same folder, then one rename."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

TEMP_PREFIX = ".~"
MAX_ALTERNATES = 20


class OutputLocked(OSError):
    """Every name tried for an output was held by another program."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_umask()  # what an ordinary new file gets; mkstemp's own is private (0o600)


def alternates(path: Path) -> list[Path]:
    """`结果.xlsx` → `结果(1).xlsx`, `结果(2).xlsx`, …: names for when the file is open elsewhere."""
    return [path.with_name(f"{path.stem}({i}){path.suffix}") for i in range(1, MAX_ALTERNATES + 1)]


def write_atomic(path: Path, write: Callable[[Path], object], fallback: bool = False) -> Path:
    """Call `write(tmp)` on a temporary file beside `path`, then rename it into place in one step.

    No half-written file is ever left under the real name: on any failure the temporary file is
    removed. When `path` is locked (Windows: open in Excel) and `fallback` is set, the next free
    alternate name is used; the name actually written is returned."""
    import tempfile  # (not at import: a check writes nothing)

    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX + path.stem[:40], suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, FILE_MODE)
        for candidate in [path, *(alternates(path) if fallback else [])]:
            try:
                os.replace(tmp, candidate)
                return candidate
            except PermissionError:
                if not fallback:
                    raise
        raise OutputLocked(f"{path} 及备用文件名都被占用")
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def internal_log() -> Path | None:
    """The traceback, in a log file for the maintainers; None when not even that can be written."""
    import datetime as dt
    import sys
    import tempfile
    import traceback

    from ._version import __version__

    text = f"excel-eval {__version__}\n{' '.join(sys.argv)}\n\n{traceback.format_exc()}"
    stamp = f"{dt.datetime.now():%Y%m%d_%H%M%S}"
    for name in (f"excel-eval-错误-{stamp}.log", f"excel-eval-error-{stamp}.log"):  # the second for an ASCII locale
        path = Path(tempfile.gettempdir()) / name
        try:
            path.write_text(text, encoding="utf-8", errors="replace")
            return path
        except (OSError, UnicodeError):
            continue
    return None
