"""Agreement statistics against published worked examples."""

import pytest

from annotations.reports.agreement import cohen_kappa, krippendorff_alpha_nominal, percent_agreement

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
# observers, twelve units, nominal values, missing data. Published alpha: 0.743.
KRIPPENDORFF_2011_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

# Krippendorff (2011), section A: two observers, ten units, binary data. Published alpha: 0.095.
KRIPPENDORFF_2011_A = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]


def table_to_ratings(both_yes, first_only, second_only, both_no):
    """Two raters' yes/no ratings from a 2×2 agreement table."""
    cells = [(1, 1)] * both_yes + [(1, 0)] * first_only + [(0, 1)] * second_only
    cells += [(0, 0)] * both_no
    return [a for a, _ in cells], [b for _, b in cells]


def test_krippendorffs_alpha_matches_the_published_nominal_example_with_missing_data():
    assert krippendorff_alpha_nominal(KRIPPENDORFF_2011_C) == pytest.approx(0.743, abs=5e-4)


def test_krippendorffs_alpha_matches_the_published_binary_example():
    assert krippendorff_alpha_nominal(KRIPPENDORFF_2011_A) == pytest.approx(0.095, abs=5e-4)


def test_krippendorffs_alpha_takes_any_labels_not_only_numbers():
    labels = {None: None, 1: "a", 2: "b", 3: "c", 4: "d", 5: "e"}
    relabelled = [[labels[value] for value in row] for row in KRIPPENDORFF_2011_C]
    assert krippendorff_alpha_nominal(relabelled) == pytest.approx(0.7434, abs=5e-5)


def test_cohens_kappa_matches_the_textbook_example():
    # The worked example of the "Cohen's kappa" article (Wikipedia): 50 grant proposals read
    # by two readers: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no. Observed agreement 0.70,
    # chance agreement 0.50, so kappa = 0.40.
    first, second = table_to_ratings(20, 5, 10, 15)
    assert cohen_kappa(first, second) == pytest.approx(0.40)


def test_cohens_kappa_is_lower_than_percent_agreement_when_one_value_dominates():
    # The same article's second example: 45 yes/yes, 15 yes/no, 25 no/yes, 15 no/no
    # gives 60% agreement but kappa 0.1304 (observed 0.60, chance 0.54).
    first, second = table_to_ratings(45, 15, 25, 15)
    assert percent_agreement([first, second]) == pytest.approx(0.60)
    assert cohen_kappa(first, second) == pytest.approx(0.1304, abs=1e-4)


def test_cohens_kappa_ignores_units_either_analyst_left_unrated():
    first, second = table_to_ratings(20, 5, 10, 15)
    assert cohen_kappa([*first, None, 1], [*second, 0, None]) == pytest.approx(0.40)


def test_perfect_agreement_gives_one_for_every_figure():
    ratings = [[1, 0, 1, 1, 0], [1, 0, 1, 1, 0]]
    assert percent_agreement(ratings) == 1
    assert cohen_kappa(*ratings) == pytest.approx(1)
    assert krippendorff_alpha_nominal(ratings) == pytest.approx(1)


def test_percent_agreement_counts_agreeing_pairs_among_three_analysts():
    # Unit 1: all agree (3 of 3 pairs); unit 2: one differs (1 of 3); unit 3: only two
    # analysts rated it and agree (1 of 1). Five agreeing pairs out of seven.
    ratings = [[1, 1, 0], [1, 1, None], [1, 0, 0]]
    assert percent_agreement(ratings) == pytest.approx(5 / 7)


def test_figures_without_variation_are_undefined_rather_than_misleading():
    nobody_applied_it = [[0, 0, 0, 0], [0, 0, 0, 0]]
    assert percent_agreement(nobody_applied_it) == 1
    assert cohen_kappa(*nobody_applied_it) is None
    assert krippendorff_alpha_nominal(nobody_applied_it) is None


def test_figures_are_undefined_without_pairable_ratings():
    assert percent_agreement([[1, None], [None, 0]]) is None
    assert cohen_kappa([1, None], [None, 0]) is None
    assert krippendorff_alpha_nominal([[1, None], [None, 0]]) is None
    assert krippendorff_alpha_nominal([[1, 0, 1]]) is None


def test_it_refuses_ratings_of_unequal_length():
    with pytest.raises(ValueError, match="every unit"):
        percent_agreement([[1, 0], [1]])
