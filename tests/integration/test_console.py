"""The web console in a real browser: Debian's chromium driven by Playwright (never a
downloaded browser), against a real server's HTTP edge. Takes the screenshots the README
shows; with KEYTURN_UPDATE_SCREENSHOTS=1 they replace docs/screenshots/ (otherwise they go to
a temporary folder, so a test run leaves the committed images alone)."""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

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


def _principal(url: str, admin: str, org: str, *roles: str) -> tuple[dict[str, Any], str]:
    """(principal, its token) of a new principal with `roles` in `org`."""
    headers = {"Authorization": f"Bearer {admin}"}
    principal = httpx.post(
        url + "/v1/principals",
        json={
            "name": f"console-{uuid.uuid4().hex[:6]}",
            "roles": [{"role": role, "organization_id": org} for role in roles],
        },
        headers=headers,
    ).json()
    token = httpx.post(url + f"/v1/principals/{principal['id']}/tokens", json={}, headers=headers).json()
    return principal, str(token["plaintext"])


def _validator_token(url: str, admin: str, org: str) -> str:
    return _principal(url, admin, org, "ROLE_VALIDATOR")[1]


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
    expect(page.locator("#key-events")).to_contain_text("REVOKED")  # the key-event log
    expect(page.locator("#key-children")).to_be_hidden()  # no child keys: no section
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


MARKUP = '<img src=x onerror="document.title=1">'


def _sign_in(page: Any, url: str, token: str) -> None:
    from playwright.sync_api import expect

    if page.locator("#signout").is_visible():
        page.click("#signout")
    else:
        page.goto(url + "/console/")
    page.fill("#token", token)
    page.click("#signin")
    expect(page).to_have_url(re.compile("#/orgs$"))  # signed in, on the landing page


def _open(page: Any, hash_route: str) -> None:
    page.evaluate("(route) => { location.hash = route; }", hash_route)


def test_console_key_lifecycle_and_webhooks(
    browser: object, http_server: ServerThread, tmp_path: Path
) -> None:
    """The views of key lifecycle and webhooks: a recoverable key's rotation policy, credits,
    named limits, child keys and key events; Reveal only for KEY_REVEALER (and the server's
    refusal shown when the role is gone); the organization's key policy and webhooks, a new
    webhook's signing secret shown once, and its deliveries."""
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    url = base_url(http_server)
    shots = SHOTS if os.environ.get("KEYTURN_UPDATE_SCREENSHOTS") == "1" else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    admin_token = http_server.admin_token
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {admin_token}"}, timeout=30) as rest:
        admin_id = rest.get("/v1/callerIdentity").json()["principal"]["id"]
        org = rest.post("/v1/organizations", json={"name": f"Lifecycle {uuid.uuid4().hex[:6]}"}).json()["id"]
        policy = rest.patch(
            "/v1/keyPolicy",
            json={
                "organization_id": org,
                "policy": {"default_scopes": ["orders:read"], "leaked_key_action": "LEAKED_KEY_ACTION_FLAG"},
                "update_mask": "defaultScopes,leakedKeyAction",  # a FieldMask: lowerCamel in JSON
            },
        )
        assert policy.status_code == 200, policy.text
        created = rest.post(
            "/v1/keys",
            json={
                "organization_id": org,
                "recoverable": True,
                "rotation": {
                    "mode": "ROTATION_MODE_REMIND",
                    "rotation_period": "2592000s",
                    "grace_period": "7200s",
                },
                "credits": {"remaining": "1000", "low_threshold": "100"},
                "metadata": {
                    "name": "billing",
                    "scopes": ["orders:read"],
                    "named_limits": [
                        {"name": "search", "requests": "10", "window": "RATE_LIMIT_WINDOW_MINUTE"}
                    ],
                },
            },
        )
        assert created.status_code == 200, created.text
        key, plaintext = created.json()["key"], created.json()["plaintext"]
        assert key["recoverable"] and key["next_rotation_time"]
        child = rest.post(
            "/v1/keys",
            json={"organization_id": org, "parent_key_id": key["id"], "metadata": {"name": "billing-child"}},
        )
        assert child.status_code == 200, child.text
        revoked = rest.post(f"/v1/keys/{child.json()['key']['id']}:revoke", json={"reason": f"test {MARKUP}"})
        assert revoked.status_code == 200, revoked.text

        context = browser.new_context(viewport={"width": 1200, "height": 820})
        page = context.new_page()
        violations: list[str] = []
        page.on(
            "console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None
        )
        page.on("pageerror", lambda e: violations.append(str(e)))

        # A KEY_MANAGER sees the key's lifecycle, but is offered no Reveal.
        _, manager_token = _principal(url, admin_token, org, "ROLE_KEY_MANAGER")
        _sign_in(page, url, manager_token)
        _open(page, f"#/key/{key['id']}")
        expect(page.locator("#key-rotation")).to_have_text("REMIND every 30 d, grace 2 h")
        next_rotation = page.evaluate("(t) => new Date(t).toLocaleString()", key["next_rotation_time"])
        expect(page.locator("#key-next-rotation")).to_have_text(next_rotation)
        expect(page.locator("#key-recoverable")).to_contain_text("Yes")
        expect(page.locator("#key-credits")).to_have_text("1000 remaining, low at 100")
        expect(page.locator("#key-named-limits")).to_have_text("search: 10 per minute")
        expect(page.locator("#key-children")).to_contain_text("billing-child")
        expect(page.locator("#key-events tbody")).to_contain_text("CREATED")
        expect(page.locator("#key-events tbody")).to_contain_text(admin_id)  # the actor
        expect(page.locator("#action-rotate")).to_be_visible()
        expect(page.locator("#action-reveal")).to_have_count(0)

        # The child links back to its parent.
        page.locator("#key-children a", has_text="billing-child").click()
        expect(page.locator("h1")).to_have_text("billing-child")
        # The revoke reason, with markup in it, is shown as text in the key events.
        expect(page.locator("#key-events tbody")).to_contain_text(f"reason: test {MARKUP}")
        expect(page.locator("img")).to_have_count(0)
        page.click(f"a[href='#/key/{key['id']}']")
        expect(page.locator("h1")).to_have_text("billing")

        # A KEY_REVEALER alone lists nothing: it opens the key by its id and reveals it.
        _, lone_revealer = _principal(url, admin_token, org, "ROLE_KEY_REVEALER")
        _sign_in(page, url, lone_revealer)
        page.fill("input[name=key_id]", key["id"])
        page.click("text=Open key")
        expect(page.locator("#key-rotation")).to_have_text("REMIND every 30 d, grace 2 h")
        expect(page.locator("#key-events")).to_have_count(0)  # ListKeyEvents is not its to call
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#action-reveal")
        expect(page.locator("#plaintext")).to_have_text(plaintext)

        # A KEY_REVEALER (with KEY_MANAGER to browse) reveals the plaintext once.
        revealer, revealer_token = _principal(url, admin_token, org, "ROLE_KEY_MANAGER", "ROLE_KEY_REVEALER")
        _sign_in(page, url, revealer_token)
        _open(page, f"#/key/{key['id']}")
        expect(page.locator("#key-rotation")).to_be_visible()
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#action-reveal")
        expect(page.locator("#plaintext")).to_have_text(plaintext)
        expect(page.get_by_role("heading", name="Key plaintext — shown once")).to_be_visible()
        stored = page.evaluate(
            "() => JSON.stringify({...sessionStorage}) + JSON.stringify({...localStorage})"
        )
        assert plaintext not in stored
        expect(page.locator("#key-events tbody")).to_contain_text("CREATED")
        page.screenshot(path=str(shots / "key-lifecycle.png"), full_page=True)

        # Its KEY_REVEALER binding is taken away while the page is open: the server's refusal shows.
        demoted = rest.patch(
            f"/v1/principals/{revealer['id']}",
            json={"name": revealer["name"], "roles": [{"role": "ROLE_KEY_MANAGER", "organization_id": org}]},
        )
        assert demoted.status_code == 200, demoted.text
        page.click("text=Done")
        expect(page.locator("#plaintext")).to_have_count(0)
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#action-reveal")
        expect(page.get_by_role("alert")).to_contain_text("CALLER_FORBIDDEN")
        expect(page.locator("#plaintext")).to_have_count(0)

        # The organization: its key policy (read-only) and its webhooks.
        _sign_in(page, url, admin_token)
        _open(page, f"#/org/{org}")
        expect(page.locator("#key-policy")).to_contain_text("Default scopes")
        expect(page.locator("#key-policy")).to_contain_text("orders:read")
        expect(page.locator("#key-policy")).to_contain_text("FLAG")
        expect(page.locator("#webhooks tbody")).to_contain_text("No webhooks.")
        # A loopback receiver: the test server allows private networks (tests/support.py
        # make_settings: webhook_allow_private_networks=True, KEYTURN_WEBHOOK_ALLOW_PRIVATE_NETWORKS).
        hook_url = f"http://127.0.0.1:9/keyturn-{uuid.uuid4().hex[:6]}"
        page.fill("#create-webhook input[name=url]", hook_url)
        page.fill("#create-webhook input[name=description]", "billing alerts")
        page.get_by_label("created", exact=True).check()
        page.get_by_label("revoked", exact=True).check()
        page.click("text=Create webhook")
        secret = page.locator("#webhook-secret-value").inner_text().strip()
        assert secret.startswith("whsec_")
        expect(page.locator("#webhooks tbody")).to_contain_text(hook_url)
        expect(page.locator("#webhooks tbody")).to_contain_text("CREATED, REVOKED")
        expect(page.locator("#webhooks tbody")).to_contain_text("Enabled")
        hooks = rest.get("/v1/webhooks", params={"organization_id": org}).json()["webhooks"]
        assert [(h["url"], h["event_types"]) for h in hooks] == [
            (hook_url, ["KEY_EVENT_TYPE_CREATED", "KEY_EVENT_TYPE_REVOKED"])
        ]

        # A key event after the subscription becomes a delivery (to a closed port: it fails).
        assert (
            rest.post("/v1/keys", json={"organization_id": org, "metadata": {"name": "later"}}).status_code
            == 200
        )
        webhooks = http_server.container.webhooks
        http_server.call(webhooks.dispatch(datetime.now(UTC)))
        # The server's own sender runs on the scheduler's clock: held still here, it sends
        # nothing the test does not send itself (a retry or a redelivery is due after it).
        scheduler = http_server.container.scheduler
        real_clock, held = scheduler.clock, datetime.now(UTC)
        scheduler.clock = lambda: held
        try:
            http_server.call(webhooks.send_due(held))  # the first attempt (if not sent already)
            page.get_by_role("button", name=f"Deliveries to {hook_url}").click()
            expect(page.locator("#webhook-deliveries")).to_contain_text(f"Recent deliveries to {hook_url}")
            expect(page.locator("#webhook-deliveries tbody")).to_contain_text("CREATED")
            page.screenshot(path=str(shots / "webhooks.png"), full_page=True)
            _manage_webhook(page, http_server, rest, hook_url, hooks[0]["id"], secret)
        finally:
            scheduler.clock = real_clock

        # The key policy edited in place: the fields of the form are replaced, the rest kept.
        page.click("#edit-policy")
        expect(page.locator("#policy-form input[name=default_scopes]")).to_have_value("orders:read")
        page.fill("#policy-form input[name=max_ttl]", "a year")
        page.click("text=Save policy")
        expect(page.locator("#key-policy [role=alert]")).to_contain_text("Longest lifetime: write a duration")
        page.fill("#policy-form input[name=max_ttl]", "365d")
        page.select_option("#policy-form select[name=rotation_mode]", "ROTATION_MODE_REMIND")
        page.fill("#policy-form input[name=rotation_period]", "90d")
        page.click("text=Save policy")
        expect(page.locator("#key-policy")).to_contain_text("Longest lifetime365 d")
        expect(page.locator("#key-policy")).to_contain_text("REMIND every 90 d")
        saved = rest.get("/v1/keyPolicy", params={"organization_id": org}).json()
        assert saved["max_ttl"] == "31536000s" and saved["rotation"]["rotation_period"] == "7776000s", saved
        assert (
            saved["default_scopes"] == ["orders:read"]
            and saved["leaked_key_action"] == "LEAKED_KEY_ACTION_FLAG"
        )
        assert "default_rate_limit" not in saved and "recoverable" not in saved, saved
        assert not violations, violations
        context.close()


def _manage_webhook(
    page: Any, http_server: ServerThread, rest: httpx.Client, hook_url: str, hook_id: str, secret: str
) -> None:
    """Redeliver a failed delivery, edit, disable, rotate the secret of and delete a webhook."""
    from playwright.sync_api import expect

    webhooks = http_server.container.webhooks
    delivery = page.locator("#webhook-deliveries tbody tr")
    expect(delivery).to_have_count(1)
    attempts = delivery.locator("td").nth(3)
    expect(delivery).to_contain_text("FAILED")
    expect(attempts).to_have_text("1")

    # Redeliver: PENDING again; the next send makes a second attempt.
    page.get_by_role("button", name=re.compile(r"^Redeliver event #\d+ to ")).click()
    expect(delivery).to_contain_text("PENDING")
    expect(attempts).to_have_text("1")
    assert http_server.call(webhooks.send_due(datetime.now(UTC))) == 1
    page.get_by_role("button", name=f"Refresh the deliveries to {hook_url}", exact=True).click()
    expect(delivery).to_contain_text("FAILED")
    expect(attempts).to_have_text("2")
    (listed,) = rest.get(f"/v1/webhooks/{hook_id}/deliveries").json()["deliveries"]
    assert listed["attempt_count"] == 2, listed

    # Edit: the description and one more event type; the mask names just those two.
    hooks = page.locator("#webhooks > div > table tbody")
    page.get_by_role("button", name=f"Edit webhook {hook_url}", exact=True).click()
    form = page.locator("#edit-webhook")
    expect(form.locator("input[name=description]")).to_have_value("billing alerts")
    expect(form.get_by_label("created", exact=True)).to_be_checked()
    form.locator("input[name=description]").fill("billing and leak alerts")
    form.get_by_label("leaked", exact=True).check()
    with page.expect_response(lambda r: r.request.method == "PATCH") as patch:
        page.click("text=Save webhook")
    assert patch.value.status == 200, patch.value.text()
    assert parse_qs(urlsplit(patch.value.url).query)["update_mask"] == ["description,eventTypes"]
    expect(page.locator("#webhook-manage [role=alert]")).to_have_count(0)
    expect(hooks).to_contain_text("billing and leak alerts")
    expect(hooks).to_contain_text("LEAKED")
    got = rest.get(f"/v1/webhooks/{hook_id}").json()
    assert got["description"] == "billing and leak alerts", got
    assert sorted(got["event_types"]) == [
        "KEY_EVENT_TYPE_CREATED",
        "KEY_EVENT_TYPE_LEAKED",
        "KEY_EVENT_TYPE_REVOKED",
    ], got
    assert got["url"] == hook_url and got["enabled"] is True, got

    # Disable: shown disabled, and so over REST; a redelivery is then refused, shown as an error.
    with page.expect_response(lambda r: r.request.method == "PATCH") as patch:
        page.get_by_role("button", name=f"Disable webhook {hook_url}", exact=True).click()
    assert patch.value.status == 200, patch.value.text()
    assert parse_qs(urlsplit(patch.value.url).query)["update_mask"] == ["enabled"]
    expect(hooks).to_contain_text("Disabled")
    expect(hooks).not_to_contain_text("Enabled")
    expect(page.get_by_role("button", name=f"Enable webhook {hook_url}", exact=True)).to_be_visible()
    assert rest.get(f"/v1/webhooks/{hook_id}").json().get("enabled", False) is False
    page.get_by_role("button", name=re.compile(r"^Redeliver event #\d+ to ")).click()
    expect(page.locator("#webhook-deliveries [role=alert]")).to_contain_text("disabled")

    # Rotate the signing secret (the previous one signs for another hour): shown once.
    page.get_by_role("button", name=f"Rotate the signing secret of {hook_url}", exact=True).click()
    page.select_option("#rotate-webhook-secret select[name=overlap]", "3600s")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#rotate-webhook-secret button[type=submit]")
    expect(page.get_by_role("heading", name="New signing secret — shown once")).to_be_visible()
    rotated = page.locator("#webhook-secret-value").inner_text().strip()
    assert rotated.startswith("whsec_") and rotated != secret
    expect(page.locator("#webhook-secret")).to_contain_text("keeps signing alongside until")
    got = rest.get(f"/v1/webhooks/{hook_id}").json()
    assert got["previous_secret_expire_time"] and rotated not in str(got), got
    stored = page.evaluate("() => JSON.stringify({...sessionStorage}) + JSON.stringify({...localStorage})")
    assert rotated not in stored
    page.locator("#webhook-secret").get_by_role("button", name="Done").click()
    expect(page.locator("#webhook-secret-value")).to_have_count(0)
    assert rotated not in page.content()

    # Delete, after a confirm: gone from the list, its deliveries' view and REST.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=f"Delete webhook {hook_url}", exact=True).click()
    expect(hooks).to_contain_text("No webhooks.")
    expect(page.locator("#webhook-deliveries")).to_be_empty()
    assert rest.get(f"/v1/webhooks/{hook_id}").status_code == 404
    assert (
        rest.get("/v1/webhooks", params={"organization_id": got["organization_id"]})
        .json()
        .get("webhooks", [])
        == []
    )
