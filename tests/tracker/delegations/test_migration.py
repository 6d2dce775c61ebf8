"""Migration 0002 loads the shipped delegations from its own frozen data with
historical models, so later changes to tracker/delegations/ cannot break migrating
a fresh database."""

import ast
import importlib
import json
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tracker import models
from tracker.models import CountryGroup, Delegation, DelegationAlias

MIGRATION = Path(__file__).resolve().parents[3] / "tracker" / "migrations" / "0002_delegations.py"


def test_it_imports_nothing_of_the_project():
    tree = ast.parse(MIGRATION.read_text(encoding="utf-8"))
    modules = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in getattr(node, "names", [])
    }
    assert not {m for m in modules if m and m.split(".")[0] in ("tracker", "annotations")}


@pytest.mark.django_db
def test_a_migrated_database_has_the_frozen_delegations_and_groups():
    data = json.loads(MIGRATION.with_suffix(".json").read_text(encoding="utf-8"))
    assert Delegation.objects.count() == len(data["delegations"]) > 190
    assert CountryGroup.objects.filter(shipped=True).count() == len(data["groups"])
    assert DelegationAlias.objects.get(name="UK").delegation.slug == "united-kingdom"


@pytest.mark.django_db
def test_it_links_printed_names_with_the_historical_models():
    migration = importlib.import_module("tracker.migrations.0002_delegations")
    apps = MigrationExecutor(connection).loader.project_state(("tracker", "0002_delegations")).apps
    # The rows come from today's models (later migrations add NOT NULL columns the
    # historical ones do not know); the migration's code reads them through its own.
    meeting = models.Meeting.objects.create(symbol="GA/FROZEN-1")
    models.Statement.objects.create(
        meeting=meeting, order=1, delegation="the Côte d’Ivoire", text="x"
    )
    migration.load_shipped(apps, None)
    assert DelegationAlias.objects.get(name="the Côte d’Ivoire").delegation.name == "Côte d'Ivoire"
    assert migration._key("the  UNITED Kingdom") == migration._key("United Kingdom")
