"""The report's charts as PNG pictures, drawn with Pillow (imported only when a report is written).

Bar charts need no more than rectangles and text, so Pillow draws them directly: matplotlib's
import alone takes several times the report's whole budget. Chinese labels need a Chinese font;
the usual ones of Windows, Linux desktops (统信UOS, 麒麟, Debian's fonts-noto-cjk) and macOS are
tried in turn, or the file named by EXCEL_EVAL_FONT. Without one, no chart is drawn and the report
says so where it would be (the tables carry the same figures).
"""

from __future__ import annotations

import functools
import os
import struct
import zlib
from pathlib import Path

from ..vocab import UNKNOWN_SCORE

WINDOWS_FONTS = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
FONT_FILES = (  # (file, face index in a collection)
    (WINDOWS_FONTS / "msyh.ttc", 0), (WINDOWS_FONTS / "simhei.ttf", 0), (WINDOWS_FONTS / "simsun.ttc", 0),
    (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), 2),  # face 2: Simplified Chinese
    (Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"), 2),
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0), (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    (Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"), 2),
    (Path("/System/Library/Fonts/PingFang.ttc"), 0), (Path("/System/Library/Fonts/STHeiti Medium.ttc"), 0),
)
NO_FONT = "（本机没有中文字体，未绘制图表；数字见上表。可用环境变量 EXCEL_EVAL_FONT 指定字体文件）"

SCALE = 2  # pixels per point: drawn at twice the size shown, so print stays sharp
WEIGHT, SCORE, TEXT, GRID = "#D9D9D9", "#2F5597", "#222222", "#BFBFBF"
OPTION_COLOURS = ("#2F5597", "#5B9BD5", "#A5A5A5", "#ED7D31", "#C00000")


@functools.cache
def font_file() -> tuple[str, int] | None:
    """A font with Chinese glyphs: EXCEL_EVAL_FONT, else the first of FONT_FILES present."""
    named = os.environ.get("EXCEL_EVAL_FONT")
    if named and Path(named).is_file():
        return named, 0
    for path, index in FONT_FILES:
        if path.is_file():
            return str(path), index
    return None


@functools.cache
def _font(size: int):
    from PIL import ImageFont

    path, index = font_file()
    return ImageFont.truetype(path, size * SCALE, index=index)


def section_chart(sections: list[tuple[str, float, float | None]]) -> bytes | None:
    """满分 and 得分 of each section, side by side: (name, weight, score) each; a score that is
    unknown (None) has no bar, only the words UNKNOWN_SCORE."""
    if font_file() is None or not sections:
        return None
    from PIL import Image, ImageDraw

    label, small = _font(11), _font(9)
    bar, gap, top, left, right = 16 * SCALE, 14 * SCALE, 34 * SCALE, 92 * SCALE, 92 * SCALE
    width = 460 * SCALE
    height = top + len(sections) * (2 * bar + gap) + 10 * SCALE
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    span = width - left - right
    most = max(w for _, w, _ in sections)
    _legend(draw, [("满分", WEIGHT), ("得分", SCORE)], left, 8 * SCALE, small)
    for i, (name, weight, score) in enumerate(sections):
        y = top + i * (2 * bar + gap)
        draw.text((left - 8 * SCALE, y + bar), name, font=label, fill=TEXT, anchor="rm")
        for k, (value, colour) in enumerate(((weight, WEIGHT), (score, SCORE))):
            if value is None:
                draw.text((left + 5 * SCALE, y + k * bar + bar // 2), UNKNOWN_SCORE, font=small, fill=TEXT, anchor="lm")
                continue
            end = left + span * _share(value, most)
            draw.rectangle((left, y + k * bar, max(end, left + 1), y + (k + 1) * bar - 2 * SCALE), fill=colour)
            figure = f"{value:.2f}" if abs(value) < 1e6 else f"{value:.4g}"  # 1e+308 fits the margin; 309 digits do not
            draw.text((end + 5 * SCALE, y + k * bar + bar // 2), figure, font=small, fill=TEXT, anchor="lm")
    draw.line((left, top - 4 * SCALE, left, height - 8 * SCALE), fill=GRID, width=SCALE)
    return _png(image)


def survey_chart(options: list[tuple[str, float]]) -> bytes | None:
    """How many answered each option, over all questions: (option name, count) each."""
    total = sum(n for _, n in options)
    if font_file() is None or not options or total <= 0:
        return None
    from PIL import Image, ImageDraw

    label, small = _font(10), _font(9)
    width, height = 460 * SCALE, 200 * SCALE
    top, bottom, left = 16 * SCALE, 34 * SCALE, 20 * SCALE
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    slot = (width - 2 * left) / len(options)
    most = max(n for _, n in options)
    base = height - bottom
    for i, ((name, count), colour) in enumerate(zip(options, OPTION_COLOURS)):
        x0 = left + i * slot + slot * 0.2
        x1 = left + (i + 1) * slot - slot * 0.2
        y = base - (base - top - 14 * SCALE) * _share(count, most)
        draw.rectangle((x0, min(y, base - 1), x1, base), fill=colour)
        draw.text(((x0 + x1) / 2, y - 3 * SCALE), f"{count:g}（{_share(count, total):.1%}）", font=small, fill=TEXT,
                  anchor="md")
        draw.text(((x0 + x1) / 2, base + 6 * SCALE), name, font=label, fill=TEXT, anchor="mt")
    draw.line((left, base, width - left, base), fill=GRID, width=SCALE)
    return _png(image)


def _share(value: float, whole: float) -> float:
    """value ÷ whole, kept between 0 and 1: a bar never leaves its chart, whatever was typed
    (a negative count, or numbers so large that their ratio overflows to infinity)."""
    if not whole > 0:
        return 0.0
    share = value / whole
    return min(max(share, 0.0), 1.0) if share == share else 0.0  # NaN (∞ ÷ ∞) draws no bar


def _legend(draw, items: list[tuple[str, str]], x: int, y: int, font) -> None:
    for text, colour in items:
        draw.rectangle((x, y, x + 10 * SCALE, y + 10 * SCALE), fill=colour)
        draw.text((x + 14 * SCALE, y + 5 * SCALE), text, font=font, fill=TEXT, anchor="lm")
        x += 60 * SCALE


def _png(image) -> bytes:
    """An RGB image as PNG bytes. Written here rather than by `Image.save`, whose first call
    imports every common format plugin (JPEG, GIF, BMP, …): about 25 ms on a cold start, more than
    drawing both charts. A PNG is a signature and three chunks; rows are stored unfiltered."""
    width, height = image.size
    raw = image.tobytes()  # RGB, 8 bits a channel
    stride = width * 3
    rows = b"".join(b"\x00" + raw[y * stride:(y + 1) * stride] for y in range(height))  # filter byte 0 per row

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))


__all__ = ["NO_FONT", "font_file", "section_chart", "survey_chart"]
