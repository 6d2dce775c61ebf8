"""GA/11955 with the demo coding (fixtures/demo), and an uncoded meeting."""

from pathlib import Path

import pytest
from django.core.management import call_command

from annotations.analysis.demo import load_demo_coding
from tracker.models import Meeting

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def ga_11955(codebook) -> Meeting:
    call_command("loaddata", str(ROOT / "fixtures" / "ga-11955.json"), verbosity=0)
    return Meeting.objects.get(symbol="GA/11955")


@pytest.fixture
def demo(ga_11955) -> Meeting:
    load_demo_coding()
    return ga_11955
