"""Credits across rotation, on SQLite and PostgreSQL (and two replicas on PostgreSQL): the
successor of a key with credits inherits its balance, refill and low threshold, and during
the old key's grace both keys draw on ONE balance, so the grace never doubles the credits;
UpdateKey on either sets that one balance; deleting the old key keeps the successor's."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from google.protobuf import duration_pb2, field_mask_pb2
from keyturn.v1 import keys_pb2, keys_pb2_grpc

from tests.integration.test_credits import DAILY, credit_key, remaining, replica_stubs, stub, tenant
from tests.integration.test_replicas import replicas, stubs  # noqa: F401
from tests.integration.test_validate import Tenant, make_tenant, outcome, validate

__all__ = ["replica_stubs", "stub", "tenant"]  # fixtures

Stub = keys_pb2_grpc.KeyServiceStub


def _rotate(stub: Stub, key_id: str) -> keys_pb2.RotateKeyResponse:
    return stub.RotateKey(
        keys_pb2.RotateKeyRequest(id=key_id, grace_period=duration_pb2.Duration(seconds=3600))
    )


def _spend(calls: list[Callable[[], object]]) -> list[object]:
    with ThreadPoolExecutor(16) as pool:
        return list(pool.map(outcome, calls))


def test_the_successor_inherits_the_balance_and_shares_it_during_the_grace(
    stub: Stub, tenant: Tenant
) -> None:
    refill = keys_pb2.CreditRefill(interval=DAILY, amount=25)
    created = credit_key(stub, tenant.org, 10, refill=refill, low=2)
    assert validate(stub, created.plaintext).credits.remaining == 9  # the old key is cached
    rotated = _rotate(stub, created.key.id)
    successor = rotated.key
    assert successor.credits.remaining == 9 and successor.credits.low_threshold == 2
    assert successor.credits.refill.interval == DAILY and successor.credits.refill.amount == 25
    plaintexts = itertools.islice(itertools.cycle([created.plaintext, rotated.plaintext]), 40)
    calls = [functools.partial(validate, stub, plaintext) for plaintext in plaintexts]
    results = _spend(calls)
    assert results.count("OK") == 9 and results.count("CREDITS_EXHAUSTED") == 31
    assert remaining(stub, created.key.id) == 0 and remaining(stub, successor.id) == 0


def test_exactly_the_credits_through_both_keys_concurrently(stub: Stub, tenant: Tenant) -> None:
    created = credit_key(stub, tenant.org, 10)
    rotated = _rotate(stub, created.key.id)
    calls = [
        (lambda: validate(stub, created.plaintext)) if i % 2 else (lambda: validate(stub, rotated.plaintext))
        for i in range(64)
    ]
    results = _spend(calls)
    assert results.count("OK") == 10 and results.count("CREDITS_EXHAUSTED") == 54


def test_update_sets_the_one_balance_and_delete_keeps_it(stub: Stub, tenant: Tenant) -> None:
    created = credit_key(stub, tenant.org, 5)
    rotated = _rotate(stub, created.key.id)
    # A second rotation: the old key, its successor and the successor's successor share it.
    second = _rotate(stub, rotated.key.id)
    update = keys_pb2.UpdateKeyRequest(
        key=keys_pb2.ApiKey(id=rotated.key.id, credits=keys_pb2.KeyCredits(remaining=3)),
        update_mask=field_mask_pb2.FieldMask(paths=["credits"]),
    )
    assert stub.UpdateKey(update).credits.remaining == 3
    assert remaining(stub, created.key.id) == 3 and remaining(stub, second.key.id) == 3
    assert validate(stub, created.plaintext).credits.remaining == 2
    # The old key is cached now; a refill set through its successor reaches it at once.
    refill = keys_pb2.UpdateKeyRequest(
        key=keys_pb2.ApiKey(
            id=second.key.id,
            credits=keys_pb2.KeyCredits(remaining=2, refill=keys_pb2.CreditRefill(interval=DAILY, amount=9)),
        ),
        update_mask=field_mask_pb2.FieldMask(paths=["credits"]),
    )
    stub.UpdateKey(refill)
    answer = validate(stub, created.plaintext)
    assert answer.credits.remaining == 1 and answer.credits.refill.interval == DAILY
    stub.DeleteKey(keys_pb2.DeleteKeyRequest(id=created.key.id))
    stub.DeleteKey(keys_pb2.DeleteKeyRequest(id=rotated.key.id))
    assert validate(stub, second.plaintext).credits.remaining == 0  # the balance outlived them
    results = [outcome(lambda: validate(stub, second.plaintext)) for _ in range(2)]
    assert results == ["CREDITS_EXHAUSTED", "CREDITS_EXHAUSTED"]
    stub.DeleteKey(keys_pb2.DeleteKeyRequest(id=second.key.id))  # the last one: balance dropped
    # A key without credits rotates to one without credits.
    plain = stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=tenant.org))
    assert not _rotate(stub, plain.key.id).key.HasField("credits")


def test_shared_credits_are_exact_across_two_replicas(replica_stubs: tuple[Stub, Stub]) -> None:
    a, b = replica_stubs
    tenant = make_tenant(a)
    created = credit_key(a, tenant.org, 10)
    assert validate(b, created.plaintext).credits.remaining == 9  # replica b caches the old key
    rotated = _rotate(a, created.key.id)
    calls: list[Callable[[], object]] = []
    for i in range(80):
        target, plaintext = (a, b)[i % 2], (created.plaintext, rotated.plaintext)[(i // 2) % 2]
        calls.append(lambda s=target, p=plaintext: validate(s, p))
    results = _spend(calls)
    assert results.count("OK") == 9 and results.count("CREDITS_EXHAUSTED") == 71
    assert remaining(a, rotated.key.id) == 0
