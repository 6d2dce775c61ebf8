"""The default codebook's colours: distinct hues within each group, contrast on white,
and the migration that brings existing workbenches to them."""

import importlib
import itertools
import json
import math
from pathlib import Path

from django.apps import apps

from annotations.models import Code, CodingScheme

FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "codebook.json"
palette_migration = importlib.import_module("annotations.migrations.0005_workspace_palette")


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> list[int]:
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


def contrast_on_white(colour: str) -> float:
    r, g, b = (_linear(c) for c in _rgb(colour))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def lab(colour: str) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in _rgb(colour))
    x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047
    y = r * 0.2126 + g * 0.7152 + b * 0.0722
    z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def fixture_codes() -> list[dict]:
    objects = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [o["fields"] for o in objects if o["model"] == "annotations.code"]


def test_every_colour_carries_white_label_text_and_shows_on_white():
    for code in fixture_codes():
        assert contrast_on_white(code["colour"]) >= 4.5, code["slug"]


def test_the_codes_of_a_group_are_far_apart_in_colour():
    by_group: dict[str, list[dict]] = {}
    for code in fixture_codes():
        by_group.setdefault(code["group"], []).append(code)
    for group, codes in by_group.items():
        for a, b in itertools.combinations(codes, 2):
            distance = math.dist(lab(a["colour"]), lab(b["colour"]))
            assert distance >= 30, f"{group}: {a['slug']} and {b['slug']} look alike"


def test_survivor_testimony_and_participation_differ_as_do_the_four_ps():
    colours = {code["slug"]: code["colour"] for code in fixture_codes()}
    assert colours["survivor-testimony"] != colours["survivor-participation"]
    four = [colours[s] for s in ("prevention", "protection", "prosecution", "partnership")]
    assert len(set(four)) == 4


def test_the_migration_recolours_only_codes_still_in_the_old_defaults(db):
    scheme = CodingScheme.objects.create(name="Default", slug="default", is_default=True)
    other = CodingScheme.objects.create(name="Other", slug="other")
    kept_old = Code.objects.create(scheme=scheme, group="four-ps", slug="prevention", name="P",
                                   colour="#15803d")  # fmt: skip
    chosen = Code.objects.create(scheme=scheme, group="four-ps", slug="protection", name="P",
                                 colour="#123456")  # fmt: skip
    foreign = Code.objects.create(scheme=other, group="four-ps", slug="prosecution", name="P",
                                  colour="#4d7c0f")  # fmt: skip
    palette_migration._recolour(apps, forward=True)
    new_prevention = palette_migration.OLD_TO_NEW["prevention"][1]
    assert Code.objects.get(pk=kept_old.pk).colour == new_prevention
    assert Code.objects.get(pk=chosen.pk).colour == "#123456"
    assert Code.objects.get(pk=foreign.pk).colour == "#4d7c0f"
    palette_migration._recolour(apps, forward=False)
    assert Code.objects.get(pk=kept_old.pk).colour == "#15803d"


def test_the_migration_names_the_fixtures_colours():
    colours = {code["slug"]: code["colour"] for code in fixture_codes()}
    assert {slug: new for slug, (_, new) in palette_migration.OLD_TO_NEW.items()} == colours
