"""Personal data in outputs: 负责人 and 联系电话 are masked unless the user keeps them."""

from __future__ import annotations

PERSONAL_COLUMNS = ("contact", "phone")  # allocation columns that hold personal data


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
