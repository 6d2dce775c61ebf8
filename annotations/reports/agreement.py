"""Agreement between analysts: pure functions, no ORM.

Ratings come as one row per analyst and one column per unit (in the report a
unit is a statement and the value says whether the analyst applied a code
anywhere in it). ``None`` marks a missing rating: that analyst did not rate
that unit.

- Percent agreement: the share of agreeing pairs of ratings, over every pair of
  analysts who both rated a unit (for two analysts, the share of units on which
  they agree).
- Cohen's kappa: two analysts; agreement corrected for the agreement expected
  from each analyst's own distribution of values (Cohen 1960).
- Krippendorff's alpha, nominal: any number of analysts, missing ratings
  allowed; computed by the ``krippendorff`` package.

Each function returns ``None`` when its figure is undefined (no pairable
ratings, or no variation at all, where the formulas divide by zero).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import combinations

import krippendorff
import numpy as np

Ratings = Sequence[Sequence[Hashable | None]]


def _check_shape(ratings: Ratings) -> int:
    lengths = {len(row) for row in ratings}
    if len(lengths) > 1:
        raise ValueError("Every analyst needs a rating (or None) for every unit.")
    return lengths.pop() if lengths else 0


def percent_agreement(ratings: Ratings) -> float | None:
    """Share (0–1) of agreeing pairs among all pairs of ratings of the same unit."""
    units = _check_shape(ratings)
    agreeing = pairs = 0
    for unit in range(units):
        values = [row[unit] for row in ratings if row[unit] is not None]
        for first, second in combinations(values, 2):
            pairs += 1
            agreeing += first == second
    return agreeing / pairs if pairs else None


def cohen_kappa(
    first: Sequence[Hashable | None], second: Sequence[Hashable | None]
) -> float | None:
    """Cohen's kappa for two analysts over the units both rated."""
    _check_shape([first, second])
    paired = [(a, b) for a, b in zip(first, second, strict=True) if a is not None and b is not None]
    if not paired:
        return None
    n = len(paired)
    observed = sum(a == b for a, b in paired) / n
    first_counts = Counter(a for a, _ in paired)
    second_counts = Counter(b for _, b in paired)
    expected = sum(first_counts[v] * second_counts[v] for v in first_counts) / (n * n)
    if math.isclose(expected, 1.0):
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(ratings: Ratings) -> float | None:
    """Krippendorff's alpha for nominal values, missing ratings allowed."""
    units = _check_shape(ratings)
    if len(ratings) < 2 or units == 0:
        return None
    # The package wants numbers: number the distinct values (any order does for nominal data).
    numbering = {value: i for i, value in enumerate({v for row in ratings for v in row} - {None})}
    matrix = np.array(
        [[np.nan if value is None else numbering[value] for value in row] for row in ratings],
        dtype=float,
    )
    # Only units rated by two analysts or more take part in the computation.
    pairable = matrix[:, np.count_nonzero(~np.isnan(matrix), axis=0) >= 2]
    if np.unique(pairable[~np.isnan(pairable)]).size < 2:
        return None  # no variation (or nothing pairable): alpha is 0/0
    with np.errstate(invalid="ignore", divide="ignore"):
        value = float(krippendorff.alpha(reliability_data=pairable, level_of_measurement="nominal"))
    return None if math.isnan(value) else value


def krippendorff_alpha_ordinal(ratings: Sequence[Sequence[int | None]]) -> float | None:
    """Krippendorff's alpha for ordinal values (ranks such as 0 < 1 < 2), missing allowed.

    Disagreeing by two steps (none vs specific) weighs more than by one (none vs general).
    """
    units = _check_shape(ratings)
    if len(ratings) < 2 or units == 0:
        return None
    matrix = np.array([[np.nan if v is None else v for v in row] for row in ratings], dtype=float)
    pairable = matrix[:, np.count_nonzero(~np.isnan(matrix), axis=0) >= 2]
    if np.unique(pairable[~np.isnan(pairable)]).size < 2:
        return None
    with np.errstate(invalid="ignore", divide="ignore"):
        value = float(krippendorff.alpha(reliability_data=pairable, level_of_measurement="ordinal"))
    return None if math.isnan(value) else value
