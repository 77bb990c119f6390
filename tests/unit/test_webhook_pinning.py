"""The sender's SSRF guard at send time (usecases/webhooks.py `_pin`): every address a name
resolves to is checked, the request goes to the checked address with the name kept for the
Host header and TLS; literals are not resolved; resolution failures are a refusal."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import pytest
from keyturn_server.usecases.webhooks import Webhooks, _Refused


def sender(answers: dict[str, list[str]], *, allow_private: bool = False) -> tuple[Webhooks, list[str]]:
    asked: list[str] = []

    async def resolver(host: str, port: int) -> list[str]:
        asked.append(f"{host}:{port}")
        if host not in answers:
            raise OSError("no such host")
        return answers[host]

    none = cast(Any, None)  # _pin touches neither the database nor the root keys
    return Webhooks(none, none, none, allow_private=allow_private, resolver=resolver), asked


def pin(webhooks: Webhooks, url: str) -> tuple[str, dict[str, str], dict[str, Any]]:
    target, headers, extensions = asyncio.run(webhooks._pin(url))
    return str(target), headers, extensions


def test_a_public_name_is_pinned_to_its_checked_address() -> None:
    webhooks, asked = sender(
        {"hooks.example.com": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]}
    )
    target, headers, extensions = pin(webhooks, "https://hooks.example.com/k?x=1")
    assert target == "https://93.184.215.14/k?x=1"
    assert headers == {"Host": "hooks.example.com"}
    assert extensions == {"sni_hostname": "hooks.example.com"}
    assert asked == ["hooks.example.com:443"]
    target, headers, extensions = pin(webhooks, "http://hooks.example.com:8080/k")
    assert (target, headers, extensions) == (
        "http://93.184.215.14:8080/k",
        {"Host": "hooks.example.com:8080"},
        {},
    )


@pytest.mark.parametrize(
    "addresses",
    [
        ["127.0.0.1"],
        ["93.184.215.14", "10.0.0.7"],
        ["169.254.169.254"],
        ["::1"],
        ["::ffff:192.168.1.1"],
        ["100.64.3.4"],
    ],
)
def test_any_private_answer_refuses(addresses: list[str]) -> None:
    webhooks, _ = sender({"rebind.example.com": addresses})
    with pytest.raises(_Refused, match=r"resolves to .* address.*no request sent"):
        pin(webhooks, "https://rebind.example.com/")


def test_allowed_private_networks_still_pin() -> None:
    webhooks, _ = sender({"onprem.internal": ["10.0.0.7"]}, allow_private=True)
    assert pin(webhooks, "https://onprem.internal/x")[0] == "https://10.0.0.7/x"


def test_literals_are_not_resolved_and_names_that_do_not_resolve_are_refused() -> None:
    webhooks, asked = sender({}, allow_private=True)
    assert pin(webhooks, "http://[::1]:9/x") == ("http://[::1]:9/x", {}, {})
    assert asked == []
    with pytest.raises(_Refused, match=r"cannot resolve nowhere\.example"):
        pin(webhooks, "https://nowhere.example/")
    guarded, _ = sender({})
    with pytest.raises(_Refused, match=r"127\.0\.0\.1, a loopback address"):
        pin(guarded, "http://127.0.0.1:9/x")  # a literal stored before the guard existed


def test_idn_names_are_resolved_and_sent_encoded() -> None:
    webhooks, asked = sender({"xn--bcher-kva.example": ["93.184.215.14"]})
    _, headers, extensions = pin(webhooks, "https://bücher.example/")
    assert asked == ["xn--bcher-kva.example:443"]
    assert headers == {"Host": "xn--bcher-kva.example"} and extensions == {
        "sni_hostname": "xn--bcher-kva.example"
    }
