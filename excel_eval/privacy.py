"""Personal data in outputs: 负责人 and 联系电话 are masked unless the user keeps them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .keys import Key

PERSONAL_COLUMNS = (Key.CONTACT, Key.PHONE)  # allocation columns that hold personal data


def mask_phone(text: str) -> str:
    """158****5103: the first three and last four digits stay, so staff can still tell numbers apart."""
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits[:3] + "****" + digits[-4:] if len(digits) >= 7 else "*" * len(text.strip())


def mask_name(text: str) -> str:
    text = text.strip()
    return text[:1] + "*" * max(len(text) - 1, 1) if text else ""


def masked(key: str, text: str) -> str:
    """A cell of column `key` as a published output shows it."""
    if key == "contact":
        return mask_name(text)
    if key == "phone":
        return mask_phone(text)
    return text


_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")  # mobile, or landline with area code


NAME_LENGTH = 20  # the longest a person's name is taken to be (the longest minority names run to about 15)


class Names:
    """The people a workbook names in its personal-data columns, found in free text in one pass.

    Each text is scanned once: at every position, the substring of each length some name has is
    looked up in the set of names. Names are short and of few lengths, so the time goes with the
    text, not with the roster: for 100,000 names, about 60 ms to take them in and 10–15 ms for 27
    narratives, where an Aho–Corasick automaton (pyahocorasick) took 140 ms to build, one `re`
    alternation over all the names 0.8–1.4 s to compile and 3–5.6 s to search, and trying every
    name on each text 1.8–3.5 s."""

    def __init__(self, names: Iterable[str] = ()):
        self.names = set(map(str.strip, names))  # stripped, as the reader gives a cell's text
        lengths = set(map(len, self.names))  # (each set below is made by looking at every name only where it must)
        if min(lengths, default=2) < 2:
            self.names = {n for n in self.names if len(n) >= 2}
            lengths = {n for n in lengths if n >= 2}
        # A longer "name" is some other text in the column: tried on each text as a whole, so that
        # the scan's lengths stay those of names (a hostile roster of every length costs no more).
        self.long = {n for n in self.names if len(n) > NAME_LENGTH} if max(lengths, default=0) > NAME_LENGTH else set()
        self.lengths = sorted(n for n in lengths if n <= NAME_LENGTH)
        # A mask keeps a name's length and first character and turns the rest into *, so the only
        # names masking can bring about hold a *: those are tried on every text.
        self.always = {n for n in self.names if "*" in n} if "*" in "".join(self.names) else set()

    def __bool__(self) -> bool:
        return bool(self.names)

    def within(self, text: str) -> list[str]:
        """The names `text` holds (every occurrence, overlapping ones too), in masking order: longest
        first, so that where one name holds another (张三丰 and 张三) the longer is masked whole, then
        by character, so that the order never depends on the process."""
        names, end = self.names, len(text)
        found = set(self.always) | {n for n in self.long if n in text}
        for start in range(end - self.lengths[0] + 1 if self.lengths else 0):
            for length in self.lengths:
                if start + length > end:
                    break
                if text[start:start + length] in names:
                    found.add(text[start:start + length])
        return sorted(found, key=lambda n: (-len(n), n))

    def mask(self, text: str) -> str:
        """Each name in `text` masked, longest first, as trying every name in turn masked it."""
        for name in self.within(text):
            text = text.replace(name, mask_name(name))
        return text


def mask_text(text: str, names: Names | None = None) -> str:
    """Free text (a report's narrative) as published: phone numbers masked, and the people named
    in the workbook's own personal-data columns (`names`) masked where they appear."""
    text = _PHONE.sub(lambda m: mask_phone(m[0]), text)
    return names.mask(text) if names else text
