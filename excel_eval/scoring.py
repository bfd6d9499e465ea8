"""Scores computed from the model. Pure: no file I/O, no printing."""

from __future__ import annotations


def option_points(points: float, count: float, respondents: float, weight: float) -> float:
    """The points one option of a question contributes: 分值 × count / respondents × weight."""
    return points * count / respondents * weight if respondents else 0.0
