"""The web console in a real browser: Debian's chromium driven by Playwright (never a
downloaded browser), against a real server's HTTP edge. Takes the screenshots the README
shows; with KEYTURN_UPDATE_SCREENSHOTS=1 they replace docs/screenshots/ (otherwise they go to
a temporary folder, so a test run leaves the committed images alone)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests import http_support
from tests.http_support import base_url
from tests.support import ServerThread

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (CI installs it)"
)
http_server = http_support.http_server


@pytest.fixture(scope="module")
def backend() -> str:
    return "sqlite"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


def _validator_token(url: str, admin: str, org: str) -> str:
    headers = {"Authorization": f"Bearer {admin}"}
    principal = httpx.post(
        url + "/v1/principals",
        json={
            "name": f"gateway-{uuid.uuid4().hex[:6]}",
            "roles": [{"role": "ROLE_VALIDATOR", "organization_id": org}],
        },
        headers=headers,
    ).json()
    token = httpx.post(url + f"/v1/principals/{principal['id']}/tokens", json={}, headers=headers).json()
    return str(token["plaintext"])


def test_console_flow(browser: object, http_server: ServerThread, tmp_path: Path) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    url = base_url(http_server)
    shots = SHOTS if os.environ.get("KEYTURN_UPDATE_SCREENSHOTS") == "1" else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1200, "height": 820})
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: violations.append(str(e)))

    page.goto(url + "/console/")
    page.fill("#token", http_server.admin_token)
    page.screenshot(path=str(shots / "signin.png"))
    page.click("#signin")
    expect(page.locator("h1")).to_have_text("Organizations")

    org_name = f"Acme {uuid.uuid4().hex[:6]}"
    page.fill("input[name=name]", org_name)
    page.click("text=Create organization")
    page.click(f"text={org_name}")
    expect(page.locator("h1")).to_have_text(org_name)
    page.screenshot(path=str(shots / "organization.png"), full_page=True)

    # Create a key: the plaintext is shown once, and is in no browser storage.
    page.fill("input[name=name] >> nth=0", "checkout")
    page.fill("input[name=scopes]", "orders:read")
    page.click("text=Create key")
    plaintext = page.locator("#plaintext").inner_text().strip()
    assert plaintext.startswith("kt_live_")
    expect(page.locator("#copy")).to_be_visible()
    stored = page.evaluate("() => JSON.stringify({...sessionStorage}) + JSON.stringify({...localStorage})")
    assert plaintext not in stored
    page.screenshot(path=str(shots / "new-key.png"), full_page=True)

    # The key works over the REST API...
    admin = {"Authorization": f"Bearer {http_server.admin_token}"}
    assert (
        httpx.post(url + "/v1/keys:validate", json={"plaintext": plaintext}, headers=admin).status_code == 200
    )

    # ...until it is revoked in the console.
    page.click("text=checkout")
    expect(page.locator("#key-status")).to_have_text("ACTIVE")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#action-revoke")
    expect(page.locator("#key-status")).to_have_text("REVOKED")
    expect(page.locator("#key-audit")).to_contain_text("key.revoke")
    expect(page.locator("#action-rotate")).to_have_count(0)
    page.screenshot(path=str(shots / "key.png"), full_page=True)
    refused = httpx.post(url + "/v1/keys:validate", json={"plaintext": plaintext}, headers=admin)
    assert refused.status_code == 403

    # The audit trail: chain verified, live tail shows a new event.
    page.click("text=Audit trail")
    expect(page.locator("#chain-status")).to_contain_text("Chain intact")
    page.click("#tail")
    expect(page.locator("#tail-status")).to_have_text("Live tail: on")
    httpx.post(url + "/v1/organizations", json={"name": f"tail-{uuid.uuid4().hex[:6]}"}, headers=admin)
    expect(page.locator("#live-events")).to_contain_text("organization.create")
    page.screenshot(path=str(shots / "audit.png"), full_page=True)

    # A VALIDATOR is offered no management action.
    orgs = httpx.get(url + "/v1/organizations", params={"page_size": 1000}, headers=admin).json()[
        "organizations"
    ]
    org_id = next(o["id"] for o in orgs if o["name"] == org_name)
    validator = _validator_token(url, http_server.admin_token, org_id)
    page.click("#signout")
    page.fill("#token", validator)
    page.click("#signin")
    expect(page.locator("#no-actions")).to_be_visible()
    for label in ("Create organization", "Create key", "Create project", "Rotate", "Revoke", "Delete"):
        expect(page.get_by_text(label, exact=True)).to_have_count(0)
    assert page.locator("#nav a[href='#/audit']").is_hidden()
    page.screenshot(path=str(shots / "validator.png"))
    assert not violations, violations
    context.close()
