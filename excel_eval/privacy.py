"""Personal data in outputs: 负责人 and 联系电话 are masked unless the user keeps them."""

from __future__ import annotations

import re

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


def mask_text(text: str, names: list[str] = ()) -> str:
    """Free text (a report's narrative) as published: phone numbers masked, and the people named
    in the workbook's own personal-data columns (`names`, longest first) masked where they appear."""
    text = _PHONE.sub(lambda m: mask_phone(m[0]), text)
    for name in names:
        if len(name) >= 2:
            text = text.replace(name, mask_name(name))
    return text
