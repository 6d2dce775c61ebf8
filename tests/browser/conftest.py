"""Playwright in Debian's headless Chromium against pytest-django's live server.

One browser for the whole session, a fresh context (cookies, storage) per test.
Browser tests run after every other test: Playwright's sync API keeps an asyncio
loop running in the main thread, and Django refuses ORM calls while a loop runs
unless DJANGO_ALLOW_ASYNC_UNSAFE is set, so the loop must not meet other tests.

Set WB_SCREENSHOTS=1 to have the tests save the analyst's guide's screenshots
into docs/screenshots/ (they are committed; keep them small).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tracker.models import Gender, Meeting, Speaker, SpeakerType, Statement

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ROOT = Path(__file__).resolve().parent.parent.parent
SCREENSHOTS = ROOT / "docs" / "screenshots"
SEED = ROOT.parent / "shared" / "seeds" / "002_c8db3da65464a602.txt"


def pytest_collection_modifyitems(session, config, items):
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `make chromium` installs Debian's chromium.")
    # The live server thread and the test both use the ORM while Playwright's loop runs.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1360, "height": 900}, locale="en-GB"
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page that fails the test on any script error or Content-Security-Policy refusal."""
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    assert errors == [], f"Errors on the page: {errors}"


@pytest.fixture
def sign_in(context, live_server):
    """Sign a user in by session cookie (the login form has its own test)."""

    def sign(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )

    return sign


def open_workspace(page, meeting):
    page.goto(f"/meetings/{meeting.pk}/")
    page.wait_for_selector("#workspace[data-ready=true]")


def select_text(page, statement, phrase, occurrence=0, block="center"):
    """Select `phrase` in a statement with the mouse, as an analyst drags across it.

    `block` places the statement's text in the viewport first ("end": at its foot)."""
    box = page.evaluate(
        """([id, phrase, occurrence, block]) => {
          const el = document.querySelector(`[data-statement-id="${id}"] [data-statement-text]`);
          let index = -1;
          for (let n = 0; n <= occurrence; n++) index = el.textContent.indexOf(phrase, index + 1);
          if (index < 0) throw new Error(`${phrase} not in statement ${id}`);
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const at = (i) => {
            let seen = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (i < seen + node.length) return [node, i - seen];
              seen += node.length;
            }
          };
          const rect = (i) => {
            walker.currentNode = el;
            const [node, offset] = at(i);
            const range = document.createRange();
            range.setStart(node, offset);
            range.setEnd(node, offset + 1);
            const r = range.getClientRects()[0];
            return { x: r.x, y: r.y, w: r.width, h: r.height };
          };
          el.scrollIntoView({ block });
          return { first: rect(index), last: rect(index + phrase.length - 1) };
        }""",
        [statement.pk, phrase, occurrence, block],
    )
    first, last = box["first"], box["last"]
    page.mouse.move(first["x"] + 1, first["y"] + first["h"] / 2)
    page.mouse.down()
    page.mouse.move(last["x"] + last["w"] - 1, last["y"] + last["h"] / 2, steps=4)
    page.mouse.up()
    assert page.evaluate("window.getSelection().toString()").strip() == phrase.strip()


def screenshot(target, name):
    """Save a guide picture when WB_SCREENSHOTS=1 (the tests pass either way)."""
    if os.environ.get("WB_SCREENSHOTS") != "1":
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target.screenshot(path=str(SCREENSHOTS / f"{name}.png"), type="png")


def seed_paragraph(starts_with: str) -> str:
    for paragraph in SEED.read_text(encoding="utf-8").split("\n\n"):
        if paragraph.startswith(starts_with):
            return paragraph.strip()
    raise LookupError(starts_with)


@pytest.fixture
def ga_meeting(db) -> Meeting:
    """Five real statements of GA/11955 (27 September 2017), quoted from the release."""
    meeting = Meeting.objects.create(
        symbol="GA/11955",
        body="General Assembly",
        session="Seventy-second Session",
        meeting_number="24th Meeting (AM & PM)",
        title="General Assembly Adopts Political Declaration Affirming Commitment to End "
        "Human Trafficking, Amid Calls for Victim-Centred Approaches",
        date="2017-09-27",
    )
    people = [
        ("Miroslav Lajčák", Gender.MALE, "Opening Remarks", "Slovakia",
         "President of the General Assembly", SpeakerType.PRESIDING_OFFICER,
         ["MIROSLAV LAJČÁK", "Stressing that mitigation efforts"]),
        ("Mira Sorvino", Gender.FEMALE, "Statements", "",
         "Goodwill Ambassador for the United Nations Office on Drugs and Crime",
         SpeakerType.CIVIL_SOCIETY, ["MIRA SORVINO", "She went on to call"]),
        ("Grizelda Grootboom", Gender.FEMALE, "Statements", "South Africa",
         "civil society representative and human trafficking victim", SpeakerType.SURVIVOR,
         ["GRIZELDA GROOTBOOM", "Welcoming the fact"]),
        ("Félix Braz", Gender.MALE, "Statements", "Luxembourg", "Minister for Justice",
         SpeakerType.MEMBER_STATE, ["FÉLIX BRAZ"]),
        ("Retno Lestari Priansari Marsudi", Gender.FEMALE, "Statements", "Indonesia",
         "Minister for Foreign Affairs", SpeakerType.MEMBER_STATE, ["RETNO LESTARI"]),
    ]  # fmt: skip
    for order, (name, gender, segment, delegation, role, kind, starts) in enumerate(people, 1):
        Statement.objects.create(
            meeting=meeting,
            order=order,
            segment=segment,
            speaker=Speaker.objects.create(name=name, gender=gender),
            delegation=delegation,
            role=role,
            speaker_type=kind,
            text="\n\n".join(seed_paragraph(start) for start in starts),
        )
    return meeting
