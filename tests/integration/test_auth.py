"""Who may call what: authentication, the role x RPC matrix, tenant isolation, tokens, TLS/mTLS.

The matrix runs every RPC of every keyturn.v1 service as every role over a real server
(SQLite, to save time); the isolation, revocation and disabled-principal tests run on SQLite
and PostgreSQL. Expected permissions are written out by hand below, not derived from the
server's own table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import logging
import os
import re
import stat
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import field_mask_pb2, timestamp_pb2
from keyturn.v1 import (
    access_pb2,
    access_pb2_grpc,
    audit_pb2,
    audit_pb2_grpc,
    crypto_pb2,
    crypto_pb2_grpc,
    key_events_pb2,
    key_events_pb2_grpc,
    key_policies_pb2,
    key_policies_pb2_grpc,
    keys_pb2,
    keys_pb2_grpc,
    policies_pb2,
    tokens_pb2,
    tokens_pb2_grpc,
    webhooks_pb2,
)
from keyturn_server.api.permissions import METHOD_PERMISSIONS

from tests.support import (
    AddMetadata,
    ServerProcess,
    ServerThread,
    bootstrap_cli,
    decode_error,
    expect_error,
    make_settings,
    wait_serving,
    with_token,
)

UNAUTHENTICATED = grpc.StatusCode.UNAUTHENTICATED
FORBIDDEN = grpc.StatusCode.PERMISSION_DENIED
NOT_FOUND = grpc.StatusCode.NOT_FOUND
SECRET_PATTERN = re.compile(r"\bkta?_(live|test)_[0-9A-Za-z]{20,}")

ROLES = (
    "ADMIN",
    "ORG_ADMIN",
    "KEY_MANAGER",
    "AUDITOR",
    "VALIDATOR",
    "CRYPTO",
    "LEAK_REPORTER",
    "KEY_REVEALER",
    "NONE",
)


def unique(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:10]}"


# ---- a world: two organizations, their tenancy and keys, a principal per role ---------------


@dataclass
class Org:
    id: str
    project: str
    product: str
    key_id: str
    key: str


@dataclass
class World:
    server: ServerThread
    a: Org
    b: Org
    tokens: dict[str, str] = field(default_factory=dict)
    principal_ids: dict[str, str] = field(default_factory=dict)
    channels: list[grpc.Channel] = field(default_factory=list)

    def channel(self, token: str) -> grpc.Channel:
        ch = grpc.insecure_channel(self.server.address)
        self.channels.append(ch)
        return with_token(ch, token) if token else ch

    def as_role(self, role: str) -> grpc.Channel:
        return self.channel(self.tokens[role])

    @property
    def admin(self) -> grpc.Channel:
        return self.as_role("ADMIN")


def keys(ch: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(ch)


def access(ch: grpc.Channel) -> access_pb2_grpc.AccessServiceStub:
    return access_pb2_grpc.AccessServiceStub(ch)


def audit(ch: grpc.Channel) -> audit_pb2_grpc.AuditServiceStub:
    return audit_pb2_grpc.AuditServiceStub(ch)


def crypto(ch: grpc.Channel) -> crypto_pb2_grpc.CryptoServiceStub:
    return crypto_pb2_grpc.CryptoServiceStub(ch)


def key_policies(ch: grpc.Channel) -> key_policies_pb2_grpc.KeyPolicyServiceStub:
    return key_policies_pb2_grpc.KeyPolicyServiceStub(ch)


def make_org(admin: grpc.Channel) -> Org:
    stub = keys(admin)
    org = stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=unique("org")), timeout=10).id
    project = stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="p"), timeout=10).id
    product = stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org, name="q"), timeout=10).id
    stub.AddProductToProject(
        keys_pb2.AddProductToProjectRequest(product_id=product, project_id=project), timeout=10
    )
    key = new_key(admin, org, project=project)
    return Org(org, project, product, key.key.id, key.plaintext)


def new_key(
    admin: grpc.Channel, org: str, project: str = "", product: str = ""
) -> keys_pb2.CreateKeyResponse:
    return keys(admin).CreateKey(
        keys_pb2.CreateKeyRequest(
            organization_id=org,
            project_id=project,
            product_id=product,
            metadata=keys_pb2.KeyMetadata(name="k", scopes=["read"]),
        ),
        timeout=10,
    )


def binding(role: str, org: str = "", project: str = "", product: str = "") -> access_pb2.RoleBinding:
    return access_pb2.RoleBinding(
        role=access_pb2.Role.Value(f"ROLE_{role}"),
        organization_id=org,
        project_id=project,
        product_id=product,
    )


def new_principal(
    admin: grpc.Channel, *bindings: access_pb2.RoleBinding, identity: str = ""
) -> tuple[str, str]:
    """(principal id, token) of a new principal with these bindings."""
    stub = access(admin)
    principal = stub.CreatePrincipal(
        access_pb2.CreatePrincipalRequest(
            principal=access_pb2.Principal(
                name=unique("p"), roles=list(bindings), certificate_identity=identity
            )
        ),
        timeout=10,
    )
    token = stub.CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=principal.id), timeout=10
    )
    return principal.id, token.plaintext


def build_world(server: ServerThread) -> World:
    world = World(server, a=None, b=None)  # type: ignore[arg-type]
    world.tokens["ADMIN"] = server.admin_token
    admin = world.admin
    world.a, world.b = make_org(admin), make_org(admin)
    a = world.a.id
    for role, bindings in {
        "ORG_ADMIN": [binding("ORG_ADMIN", a)],
        "KEY_MANAGER": [binding("KEY_MANAGER", a)],
        "AUDITOR": [binding("AUDITOR", a)],
        "VALIDATOR": [binding("VALIDATOR", a)],
        "CRYPTO": [binding("CRYPTO")],
        "LEAK_REPORTER": [binding("LEAK_REPORTER")],
        "KEY_REVEALER": [binding("KEY_REVEALER", a)],
        "NONE": [],
    }.items():
        world.principal_ids[role], world.tokens[role] = new_principal(admin, *bindings)
    return world


@pytest.fixture(scope="module")
def sqlite_server(new_database_url, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerThread]:  # type: ignore[no-untyped-def]
    url = new_database_url("sqlite")
    running = ServerThread(make_settings(url, tmp_path_factory.mktemp("auth"))).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def matrix_world(sqlite_server: ServerThread) -> Iterator[World]:
    world = build_world(sqlite_server)
    yield world
    for ch in world.channels:
        ch.close()


@pytest.fixture(scope="module")
def auth_server(
    backend: str, new_database_url, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerThread]:  # type: ignore[no-untyped-def]
    url = new_database_url(backend)
    running = ServerThread(make_settings(url, tmp_path_factory.mktemp("auth"))).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def world(auth_server: ServerThread) -> Iterator[World]:
    built = build_world(auth_server)
    yield built
    for ch in built.channels:
        ch.close()


# ---- the matrix ---------------------------------------------------------------------------

Call = Callable[[World, grpc.Channel], Any]
TENANT_READERS = {"ADMIN", "ORG_ADMIN", "KEY_MANAGER", "AUDITOR"}
KEY_MANAGERS = {"ADMIN", "ORG_ADMIN", "KEY_MANAGER"}
ORG_ADMINS = {"ADMIN", "ORG_ADMIN"}
AUDITORS = {"ADMIN", "ORG_ADMIN", "AUDITOR"}
CRYPTO_USERS = {"ADMIN", "CRYPTO"}
EVERYONE = set(ROLES)


def _fresh_key(w: World) -> str:
    return str(new_key(w.admin, w.a.id, project=w.a.project).key.id)


def _recoverable_key(w: World) -> str:
    request = keys_pb2.CreateKeyRequest(organization_id=w.a.id, project_id=w.a.project, recoverable=True)
    return str(keys(w.admin).CreateKey(request, timeout=10).key.id)


def _principal_in_a(w: World) -> str:
    return new_principal(w.admin, binding("VALIDATOR", w.a.id))[0]


def _token_in_a(w: World) -> str:
    principal_id = _principal_in_a(w)
    response = access(w.admin).CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=principal_id), timeout=10
    )
    return str(response.token.id)


ENVOY_CHECK = "/envoy.service.auth.v3.Authorization/Check"


def _envoy_check(w: World, ch: grpc.Channel) -> Any:
    from envoy.service.auth.v3 import external_auth_pb2, external_auth_pb2_grpc

    request = external_auth_pb2.CheckRequest()
    request.attributes.request.http.headers["x-api-key"] = w.a.key
    return external_auth_pb2_grpc.AuthorizationStub(ch).Check(request, timeout=10)


def _stream_first(w: World, ch: grpc.Channel) -> Any:
    stream = audit(ch).StreamAuditEvents(audit_pb2.StreamAuditEventsRequest(after_sequence=0), timeout=10)
    try:
        return next(iter(stream))
    finally:
        stream.cancel()


def _watch_first(w: World, ch: grpc.Channel) -> Any:
    stub = key_events_pb2_grpc.KeyEventServiceStub(ch)
    request = key_events_pb2.WatchKeyEventsRequest(
        filter=key_events_pb2.KeyEventFilter(organization_id=w.a.id)
    )
    stream = stub.WatchKeyEvents(request, timeout=10)
    try:
        return next(iter(stream))  # org a's key was created: its CREATED event
    finally:
        stream.cancel()


def _validate_stream(w: World, ch: grpc.Channel) -> Any:
    request = keys_pb2.ValidateKeysRequest(
        request_id="1", validation=keys_pb2.ValidateKeyRequest(plaintext=w.a.key)
    )
    answers = keys(ch).ValidateKeys(iter([request]), timeout=10)
    first = next(iter(answers))
    assert first.request_id == "1" and first.WhichOneof("result") == "validation", first
    return first


def _encrypt(w: World, ch: grpc.Channel) -> Any:
    return crypto(ch).Encrypt(crypto_pb2.EncryptRequest(plaintext=b"hello", key="ab" * 32), timeout=10)


def _decrypt(w: World, ch: grpc.Channel) -> Any:
    sealed = _encrypt(w, w.admin)
    return crypto(ch).Decrypt(
        crypto_pb2.DecryptRequest(ciphertext=sealed.ciphertext, iv=sealed.iv, tag=sealed.tag, key="ab" * 32),
        timeout=10,
    )


def _week_ago() -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(dt.datetime.now(dt.UTC) - dt.timedelta(days=7))
    return stamp


# Managed keys: only ADMIN among the roles above holds crypto_keys.* permissions; the three
# crypto-key roles (admin, encrypter/decrypter, signer/verifier) are covered per RPC in
# tests/test_crypto_keys.py.
CRYPTO_KEY_CALLERS = {"ADMIN"}
_MANAGED: dict[tuple[int, str], Any] = {}


def _managed_key(w: World, kind: str = "aes") -> Any:
    """A managed key of organization A (one per kind and world, created by the ADMIN)."""
    from keyturn.v1 import crypto_keys_pb2 as ck

    found = _MANAGED.get((id(w), kind))
    if found is None:
        purpose, algorithm = {
            "aes": (ck.CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT, ck.CRYPTO_KEY_ALGORITHM_AES_256_GCM),
            "sign": (ck.CRYPTO_KEY_PURPOSE_ASYMMETRIC_SIGN, ck.CRYPTO_KEY_ALGORITHM_ED25519),
            "mac": (ck.CRYPTO_KEY_PURPOSE_MAC, ck.CRYPTO_KEY_ALGORITHM_HMAC_SHA256),
        }[kind]
        key = ck.CryptoKey(organization_id=w.a.id, name=unique("ck"), purpose=purpose, algorithm=algorithm)
        found = crypto(w.admin).CreateCryptoKey(ck.CreateCryptoKeyRequest(crypto_key=key), timeout=10)
        _MANAGED[(id(w), kind)] = found
    return found


def _fresh_managed_version(w: World) -> tuple[str, int]:
    """A key of organization A with a second version, so version 1 may change state."""
    from keyturn.v1 import crypto_keys_pb2 as ck

    key = ck.CryptoKey(
        organization_id=w.a.id,
        name=unique("ck"),
        purpose=ck.CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT,
        algorithm=ck.CRYPTO_KEY_ALGORITHM_AES_256_GCM,
    )
    created = crypto(w.admin).CreateCryptoKey(ck.CreateCryptoKeyRequest(crypto_key=key), timeout=10)
    crypto(w.admin).RotateCryptoKey(ck.RotateCryptoKeyRequest(id=created.id), timeout=10)
    return created.id, 1


def _scheduled_version(w: World) -> tuple[str, int]:
    from keyturn.v1 import crypto_keys_pb2 as ck

    key_id, number = _fresh_managed_version(w)
    crypto(w.admin).DestroyCryptoKeyVersion(
        ck.DestroyCryptoKeyVersionRequest(crypto_key_id=key_id, number=number), timeout=10
    )
    return key_id, number


def _ciphertext(w: World) -> bytes:
    from keyturn.v1 import crypto_keys_pb2 as ck

    sealed = crypto(w.admin).EncryptWithKey(
        ck.EncryptWithKeyRequest(crypto_key_id=_managed_key(w).id, plaintext=b"x"), timeout=10
    )
    return bytes(sealed.ciphertext)


def _import_job(w: World) -> Any:
    from keyturn.v1 import crypto_keys_pb2 as ck

    found = _MANAGED.get((id(w), "job"))
    if found is None:
        job = ck.ImportJob(organization_id=w.a.id, import_method=ck.IMPORT_METHOD_RSA_OAEP_3072_SHA256)
        found = crypto(w.admin).CreateImportJob(ck.CreateImportJobRequest(import_job=job), timeout=60)
        _MANAGED[(id(w), "job")] = found
    return found


def _managed_matrix() -> dict[str, tuple[set[str], Call]]:
    from keyturn.v1 import crypto_keys_pb2 as ck
    from keyturn_server.domain import managed_keys as mk

    def version_call(method: str, request: type, make: Callable[[World], tuple[str, int]]) -> Call:
        def call(w: World, ch: grpc.Channel) -> Any:
            key_id, number = make(w)
            return getattr(crypto(ch), method)(request(crypto_key_id=key_id, number=number), timeout=10)

        return call

    def signature(w: World) -> bytes:
        key = _managed_key(w, "sign")
        signed = crypto(w.admin).Sign(ck.SignRequest(crypto_key_id=key.id, data=b"m"), timeout=10)
        return bytes(signed.signature)

    def imported(w: World, ch: grpc.Channel) -> Any:
        job = _import_job(w)
        key = _managed_key(w)
        blob = mk.wrap_for_import(mk.ImportMethod.RSA_OAEP_3072_SHA256, job.public_key_pem, os.urandom(32))
        return crypto(ch).ImportCryptoKeyVersion(
            ck.ImportCryptoKeyVersionRequest(
                crypto_key_id=key.id, import_job_id=job.id, wrapped_key_material=blob
            ),
            timeout=30,
        )

    return {
        C + "CreateCryptoKey": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).CreateCryptoKey(
                ck.CreateCryptoKeyRequest(
                    crypto_key=ck.CryptoKey(
                        organization_id=w.a.id,
                        name=unique("ck"),
                        purpose=ck.CRYPTO_KEY_PURPOSE_MAC,
                        algorithm=ck.CRYPTO_KEY_ALGORITHM_HMAC_SHA256,
                    )
                ),
                timeout=10,
            ),
        ),
        C + "GetCryptoKey": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).GetCryptoKey(ck.GetCryptoKeyRequest(id=_managed_key(w).id), timeout=10),
        ),
        C + "ListCryptoKeys": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).ListCryptoKeys(
                ck.ListCryptoKeysRequest(organization_id=w.a.id), timeout=10
            ),
        ),
        C + "UpdateCryptoKey": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).UpdateCryptoKey(
                ck.UpdateCryptoKeyRequest(
                    crypto_key=ck.CryptoKey(id=_managed_key(w).id, labels={"team": "a"}),
                    update_mask=field_mask_pb2.FieldMask(paths=["labels"]),
                ),
                timeout=10,
            ),
        ),
        C + "RotateCryptoKey": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).RotateCryptoKey(
                ck.RotateCryptoKeyRequest(id=_managed_key(w).id), timeout=10
            ),
        ),
        C + "ListCryptoKeyVersions": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).ListCryptoKeyVersions(
                ck.ListCryptoKeyVersionsRequest(crypto_key_id=_managed_key(w).id), timeout=10
            ),
        ),
        C + "GetCryptoKeyVersion": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).GetCryptoKeyVersion(
                ck.GetCryptoKeyVersionRequest(crypto_key_id=_managed_key(w).id, number=1), timeout=10
            ),
        ),
        C + "DisableCryptoKeyVersion": (
            CRYPTO_KEY_CALLERS,
            version_call(
                "DisableCryptoKeyVersion", ck.DisableCryptoKeyVersionRequest, _fresh_managed_version
            ),
        ),
        C + "EnableCryptoKeyVersion": (
            CRYPTO_KEY_CALLERS,
            version_call("EnableCryptoKeyVersion", ck.EnableCryptoKeyVersionRequest, _fresh_managed_version),
        ),
        C + "DestroyCryptoKeyVersion": (
            CRYPTO_KEY_CALLERS,
            version_call(
                "DestroyCryptoKeyVersion", ck.DestroyCryptoKeyVersionRequest, _fresh_managed_version
            ),
        ),
        C + "RestoreCryptoKeyVersion": (
            CRYPTO_KEY_CALLERS,
            version_call("RestoreCryptoKeyVersion", ck.RestoreCryptoKeyVersionRequest, _scheduled_version),
        ),
        C + "EncryptWithKey": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).EncryptWithKey(
                ck.EncryptWithKeyRequest(crypto_key_id=_managed_key(w).id, plaintext=b"x"), timeout=10
            ),
        ),
        C + "DecryptWithKey": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).DecryptWithKey(
                ck.DecryptWithKeyRequest(ciphertext=_ciphertext(w)), timeout=10
            ),
        ),
        C + "ReEncrypt": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).ReEncrypt(ck.ReEncryptRequest(ciphertext=_ciphertext(w)), timeout=10),
        ),
        C + "GenerateDataKey": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).GenerateDataKey(
                ck.GenerateDataKeyRequest(crypto_key_id=_managed_key(w).id), timeout=10
            ),
        ),
        C + "Sign": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).Sign(
                ck.SignRequest(crypto_key_id=_managed_key(w, "sign").id, data=b"m"), timeout=10
            ),
        ),
        C + "Verify": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).Verify(
                ck.VerifyRequest(crypto_key_id=_managed_key(w, "sign").id, data=b"m", signature=signature(w)),
                timeout=10,
            ),
        ),
        C + "GetPublicKey": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).GetPublicKey(
                ck.GetPublicKeyRequest(crypto_key_id=_managed_key(w, "sign").id), timeout=10
            ),
        ),
        C + "Mac": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).Mac(
                ck.MacRequest(crypto_key_id=_managed_key(w, "mac").id, data=b"m"), timeout=10
            ),
        ),
        C + "VerifyMac": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).VerifyMac(
                ck.VerifyMacRequest(crypto_key_id=_managed_key(w, "mac").id, data=b"m", mac=b"\x00" * 32),
                timeout=10,
            ),
        ),
        C + "BatchEncrypt": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).BatchEncrypt(
                ck.BatchEncryptRequest(
                    requests=[ck.EncryptWithKeyRequest(crypto_key_id=_managed_key(w).id, plaintext=b"x")]
                ),
                timeout=10,
            ),
        ),
        C + "BatchDecrypt": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).BatchDecrypt(
                ck.BatchDecryptRequest(requests=[ck.DecryptWithKeyRequest(ciphertext=_ciphertext(w))]),
                timeout=10,
            ),
        ),
        C + "CreateImportJob": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).CreateImportJob(
                ck.CreateImportJobRequest(
                    import_job=ck.ImportJob(
                        organization_id=w.a.id, import_method=ck.IMPORT_METHOD_RSA_OAEP_3072_SHA256
                    )
                ),
                timeout=60,
            ),
        ),
        C + "GetImportJob": (
            CRYPTO_KEY_CALLERS,
            lambda w, ch: crypto(ch).GetImportJob(ck.GetImportJobRequest(id=_import_job(w).id), timeout=10),
        ),
        C + "ImportCryptoKeyVersion": (CRYPTO_KEY_CALLERS, imported),
    }


def _import_one(w: World, ch: grpc.Channel) -> keys_pb2.ImportKeysResponse:
    """ImportKeys of one SHA-256-hashed key into organization A; fails unless it imported."""
    digest = hashlib.sha256(unique("legacy").encode()).hexdigest()
    response = keys(ch).ImportKeys(
        keys_pb2.ImportKeysRequest(
            keys=[
                keys_pb2.ImportedKey(
                    organization_id=w.a.id,
                    algorithm=keys_pb2.IMPORTED_HASH_ALGORITHM_SHA256,
                    hash=digest,
                )
            ]
        ),
        timeout=10,
    )
    assert response.imported_count == 1, response
    return response


K = "/keyturn.v1.KeyService/"
A = "/keyturn.v1.AuditService/"
C = "/keyturn.v1.CryptoService/"
X = "/keyturn.v1.AccessService/"
T = "/keyturn.v1.TokenService/"
KP = "/keyturn.v1.KeyPolicyService/"
KE = "/keyturn.v1.KeyEventService/"

# method -> (who may call it, a call that succeeds for them, on organization A's resources)
MATRIX: dict[str, tuple[set[str], Call]] = {
    K + "CreateOrganization": (
        {"ADMIN"},
        lambda w, ch: keys(ch).CreateOrganization(
            keys_pb2.CreateOrganizationRequest(name=unique("o")), timeout=10
        ),
    ),
    K + "GetOrCreateOrganization": (
        {"ADMIN"},
        lambda w, ch: keys(ch).GetOrCreateOrganization(
            keys_pb2.GetOrCreateOrganizationRequest(name=unique("o")), timeout=10
        ),
    ),
    K + "GetOrganization": (
        TENANT_READERS,
        lambda w, ch: keys(ch).GetOrganization(keys_pb2.GetOrganizationRequest(id=w.a.id), timeout=10),
    ),
    K + "ListOrganizations": (
        TENANT_READERS,
        lambda w, ch: keys(ch).ListOrganizations(keys_pb2.ListOrganizationsRequest(), timeout=10),
    ),
    K + "CreateProject": (
        ORG_ADMINS,
        lambda w, ch: keys(ch).CreateProject(
            keys_pb2.CreateProjectRequest(organization_id=w.a.id, name=unique("p")), timeout=10
        ),
    ),
    K + "GetOrCreateProject": (
        ORG_ADMINS,
        lambda w, ch: keys(ch).GetOrCreateProject(
            keys_pb2.GetOrCreateProjectRequest(organization_id=w.a.id, name=unique("p")), timeout=10
        ),
    ),
    K + "GetProject": (
        KEY_MANAGERS,
        lambda w, ch: keys(ch).GetProject(keys_pb2.GetProjectRequest(id=w.a.project), timeout=10),
    ),
    K + "ListProjects": (
        KEY_MANAGERS,
        lambda w, ch: keys(ch).ListProjects(keys_pb2.ListProjectsRequest(organization_id=w.a.id), timeout=10),
    ),
    K + "CreateProduct": (
        ORG_ADMINS,
        lambda w, ch: keys(ch).CreateProduct(
            keys_pb2.CreateProductRequest(organization_id=w.a.id, name=unique("q")), timeout=10
        ),
    ),
    K + "GetOrCreateProduct": (
        ORG_ADMINS,
        lambda w, ch: keys(ch).GetOrCreateProduct(
            keys_pb2.GetOrCreateProductRequest(organization_id=w.a.id, name=unique("q")), timeout=10
        ),
    ),
    K + "GetProduct": (
        KEY_MANAGERS,
        lambda w, ch: keys(ch).GetProduct(keys_pb2.GetProductRequest(id=w.a.product), timeout=10),
    ),
    K + "ListProducts": (
        KEY_MANAGERS,
        lambda w, ch: keys(ch).ListProducts(keys_pb2.ListProductsRequest(organization_id=w.a.id), timeout=10),
    ),
    K + "AddProductToProject": (
        ORG_ADMINS,
        lambda w, ch: keys(ch).AddProductToProject(
            keys_pb2.AddProductToProjectRequest(product_id=w.a.product, project_id=w.a.project), timeout=10
        ),
    ),
    K + "CreateKey": (
        KEY_MANAGERS,
        lambda w, ch: keys(ch).CreateKey(keys_pb2.CreateKeyRequest(organization_id=w.a.id), timeout=10),
    ),
    K + "ValidateKey": (
        {"ADMIN", "ORG_ADMIN", "VALIDATOR"},
        lambda w, ch: keys(ch).ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=w.a.key), timeout=10),
    ),
    K + "ValidateKeys": ({"ADMIN", "ORG_ADMIN", "VALIDATOR"}, _validate_stream),
    K + "GetKey": (
        KEY_MANAGERS | {"KEY_REVEALER"},
        lambda w, ch: keys(ch).GetKey(keys_pb2.GetKeyRequest(id=w.a.key_id), timeout=10),
    ),
    K + "ListKeys": (
        KEY_MANAGERS,
        lambda w, ch: keys(ch).ListKeys(keys_pb2.ListKeysRequest(organization_id=w.a.id), timeout=10),
    ),
    K + "UpdateKey": (
        KEY_MANAGERS,
        lambda w, ch: keys(ch).UpdateKey(
            keys_pb2.UpdateKeyRequest(
                key=keys_pb2.ApiKey(id=w.a.key_id, metadata=keys_pb2.KeyMetadata(name="renamed")),
                update_mask=field_mask_pb2.FieldMask(paths=["metadata.name"]),
            ),
            timeout=10,
        ),
    ),
    K + "RotateKey": (
        KEY_MANAGERS,
        lambda w, ch: keys(ch).RotateKey(keys_pb2.RotateKeyRequest(id=_fresh_key(w)), timeout=10),
    ),
    K + "RevokeKey": (
        KEY_MANAGERS,
        lambda w, ch: keys(ch).RevokeKey(keys_pb2.RevokeKeyRequest(id=_fresh_key(w)), timeout=10),
    ),
    K + "DeleteKey": (
        KEY_MANAGERS,
        lambda w, ch: keys(ch).DeleteKey(keys_pb2.DeleteKeyRequest(id=_fresh_key(w)), timeout=10),
    ),
    K + "ReportLeakedKeys": (
        KEY_MANAGERS | {"LEAK_REPORTER"},
        lambda w, ch: keys(ch).ReportLeakedKeys(
            keys_pb2.ReportLeakedKeysRequest(candidates=[keys_pb2.LeakedKeyCandidate(token="kt_live_x")]),
            timeout=10,
        ),
    ),
    K + "ImportKeys": (KEY_MANAGERS, lambda w, ch: _import_one(w, ch)),
    # Key policies: ORG_ADMIN reads and sets them, KEY_MANAGER reads them.
    KP + "GetKeyPolicy": (
        KEY_MANAGERS,
        lambda w, ch: key_policies(ch).GetKeyPolicy(
            key_policies_pb2.GetKeyPolicyRequest(project_id=w.a.project, effective=True), timeout=10
        ),
    ),
    KP + "UpdateKeyPolicy": (
        ORG_ADMINS,
        lambda w, ch: key_policies(ch).UpdateKeyPolicy(
            key_policies_pb2.UpdateKeyPolicyRequest(
                project_id=w.a.project,
                policy=policies_pb2.KeyPolicy(leaked_key_action=policies_pb2.LEAKED_KEY_ACTION_FLAG),
                update_mask=field_mask_pb2.FieldMask(paths=["leaked_key_action"]),
            ),
            timeout=10,
        ),
    ),
    # Not implied by KEY_MANAGER or ORG_ADMIN: only ADMIN and KEY_REVEALER read plaintexts.
    K + "RevealKey": (
        {"ADMIN", "KEY_REVEALER"},
        lambda w, ch: keys(ch).RevealKey(keys_pb2.RevealKeyRequest(id=_recoverable_key(w)), timeout=10),
    ),
    A + "ListAuditEvents": (
        AUDITORS,
        lambda w, ch: audit(ch).ListAuditEvents(audit_pb2.ListAuditEventsRequest(), timeout=10),
    ),
    A + "StreamAuditEvents": (AUDITORS, _stream_first),
    A + "VerifyAuditChain": (
        {"ADMIN"},
        lambda w, ch: audit(ch).VerifyAuditChain(audit_pb2.VerifyAuditChainRequest(), timeout=30),
    ),
    A + "GetUsageReport": (
        AUDITORS,
        lambda w, ch: audit(ch).GetUsageReport(
            audit_pb2.GetUsageReportRequest(organization_id=w.a.id, start_time=_week_ago()), timeout=10
        ),
    ),
    C + "GenerateKey": (
        CRYPTO_USERS,
        lambda w, ch: crypto(ch).GenerateKey(
            crypto_pb2.GenerateKeyRequest(type=crypto_pb2.TOKEN_TYPE_UUID_V4), timeout=10
        ),
    ),
    C + "GenerateKeyPair": (
        CRYPTO_USERS,
        lambda w, ch: crypto(ch).GenerateKeyPair(
            crypto_pb2.GenerateKeyPairRequest(algorithm=crypto_pb2.KEY_PAIR_ALGORITHM_ED25519), timeout=30
        ),
    ),
    C + "Encrypt": (CRYPTO_USERS, _encrypt),
    C + "Decrypt": (CRYPTO_USERS, _decrypt),
    X + "GetCallerIdentity": (
        EVERYONE,
        lambda w, ch: access(ch).GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10),
    ),
    X + "CreatePrincipal": (
        ORG_ADMINS,
        lambda w, ch: access(ch).CreatePrincipal(
            access_pb2.CreatePrincipalRequest(
                principal=access_pb2.Principal(name=unique("n"), roles=[binding("AUDITOR", w.a.id)])
            ),
            timeout=10,
        ),
    ),
    X + "GetPrincipal": (
        ORG_ADMINS,
        lambda w, ch: access(ch).GetPrincipal(
            access_pb2.GetPrincipalRequest(id=_principal_in_a(w)), timeout=10
        ),
    ),
    X + "ListPrincipals": (
        ORG_ADMINS,
        lambda w, ch: access(ch).ListPrincipals(access_pb2.ListPrincipalsRequest(), timeout=10),
    ),
    X + "UpdatePrincipal": (
        ORG_ADMINS,
        lambda w, ch: access(ch).UpdatePrincipal(
            access_pb2.UpdatePrincipalRequest(
                principal=access_pb2.Principal(
                    id=_principal_in_a(w), name=unique("renamed"), roles=[binding("KEY_MANAGER", w.a.id)]
                )
            ),
            timeout=10,
        ),
    ),
    X + "CreatePrincipalToken": (
        ORG_ADMINS,
        lambda w, ch: access(ch).CreatePrincipalToken(
            access_pb2.CreatePrincipalTokenRequest(principal_id=_principal_in_a(w)), timeout=10
        ),
    ),
    X + "ListPrincipalTokens": (
        ORG_ADMINS,
        lambda w, ch: access(ch).ListPrincipalTokens(
            access_pb2.ListPrincipalTokensRequest(principal_id=_principal_in_a(w)), timeout=10
        ),
    ),
    X + "RevokePrincipalToken": (
        ORG_ADMINS,
        lambda w, ch: access(ch).RevokePrincipalToken(
            access_pb2.RevokePrincipalTokenRequest(id=_token_in_a(w)), timeout=10
        ),
    ),
    KE + "ListKeyEvents": (
        TENANT_READERS,
        lambda w, ch: key_events_pb2_grpc.KeyEventServiceStub(ch).ListKeyEvents(
            key_events_pb2.ListKeyEventsRequest(filter=key_events_pb2.KeyEventFilter(organization_id=w.a.id)),
            timeout=10,
        ),
    ),
    KE + "WatchKeyEvents": (TENANT_READERS, _watch_first),
    # Envoy's ext_authz (api/envoy_authz.py): the same permission as ValidateKey.
    ENVOY_CHECK: (
        {"ADMIN", "ORG_ADMIN", "VALIDATOR"},
        lambda w, ch: _envoy_check(w, ch),
    ),
}


MATRIX.update(_managed_matrix())
# TokenService: ExchangeKey for ValidateKey's callers; GetJwks public (no caller at all).
MATRIX.update(
    {
        T + "ExchangeKey": (
            {"ADMIN", "ORG_ADMIN", "VALIDATOR"},
            lambda w, ch: tokens_pb2_grpc.TokenServiceStub(ch).ExchangeKey(
                tokens_pb2.ExchangeKeyRequest(plaintext=w.a.key), timeout=10
            ),
        ),
        T + "GetJwks": (
            EVERYONE,
            lambda w, ch: tokens_pb2_grpc.TokenServiceStub(ch).GetJwks(
                tokens_pb2.GetJwksRequest(organization_id=w.a.id), timeout=10
            ),
        ),
    }
)
PUBLIC_RPCS = {T + "GetJwks"}


# ---- webhooks: ORG_ADMIN manages and reads them (WEBHOOKS_MANAGE, WEBHOOKS_GET) -------------


def _webhook_matrix() -> dict[str, tuple[set[str], Call]]:
    from google.protobuf import field_mask_pb2
    from keyturn.v1 import webhooks_pb2 as wh
    from keyturn.v1 import webhooks_pb2_grpc as wh_grpc

    def stub(ch: grpc.Channel) -> wh_grpc.WebhookServiceStub:
        return wh_grpc.WebhookServiceStub(ch)

    def fresh(w: World) -> str:
        # Port 9 (discard) on loopback: deliveries fail fast, which is all the matrix needs.
        hook = wh.Webhook(organization_id=w.a.id, url="http://127.0.0.1:9/hook")
        return str(stub(w.admin).CreateWebhook(wh.CreateWebhookRequest(webhook=hook), timeout=10).webhook.id)

    def delivery(w: World) -> str:
        found = _MANAGED.get((id(w), "delivery"))
        if found is None:
            webhook_id = fresh(w)
            new_key(w.admin, w.a.id)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                listed = stub(w.admin).ListWebhookDeliveries(
                    wh.ListWebhookDeliveriesRequest(webhook_id=webhook_id), timeout=10
                )
                if listed.deliveries:
                    found = listed.deliveries[0].id
                    break
                time.sleep(0.1)
            assert found, "no delivery appeared"
            _MANAGED[(id(w), "delivery")] = found
        return str(found)

    H = "/keyturn.v1.WebhookService/"
    return {
        H + "CreateWebhook": (ORG_ADMINS, lambda w, ch: fresh_as(w, ch)),
        H + "GetWebhook": (
            ORG_ADMINS,
            lambda w, ch: stub(ch).GetWebhook(wh.GetWebhookRequest(id=fresh(w)), timeout=10),
        ),
        H + "ListWebhooks": (
            ORG_ADMINS,
            lambda w, ch: stub(ch).ListWebhooks(wh.ListWebhooksRequest(organization_id=w.a.id), timeout=10),
        ),
        H + "UpdateWebhook": (
            ORG_ADMINS,
            lambda w, ch: stub(ch).UpdateWebhook(
                wh.UpdateWebhookRequest(
                    webhook=wh.Webhook(id=fresh(w), description="d"),
                    update_mask=field_mask_pb2.FieldMask(paths=["description"]),
                ),
                timeout=10,
            ),
        ),
        H + "DeleteWebhook": (
            ORG_ADMINS,
            lambda w, ch: stub(ch).DeleteWebhook(wh.DeleteWebhookRequest(id=fresh(w)), timeout=10),
        ),
        H + "RotateWebhookSecret": (
            ORG_ADMINS,
            lambda w, ch: stub(ch).RotateWebhookSecret(
                wh.RotateWebhookSecretRequest(id=fresh(w)), timeout=10
            ),
        ),
        H + "ListWebhookDeliveries": (
            ORG_ADMINS,
            lambda w, ch: stub(ch).ListWebhookDeliveries(
                wh.ListWebhookDeliveriesRequest(webhook_id=fresh(w)), timeout=10
            ),
        ),
        H + "RedeliverWebhookDelivery": (
            ORG_ADMINS,
            lambda w, ch: stub(ch).RedeliverWebhookDelivery(
                wh.RedeliverWebhookDeliveryRequest(id=delivery(w)), timeout=10
            ),
        ),
    }


def fresh_as(w: World, ch: grpc.Channel) -> Any:
    from keyturn.v1 import webhooks_pb2 as wh
    from keyturn.v1 import webhooks_pb2_grpc as wh_grpc

    hook = wh.Webhook(organization_id=w.a.id, url="http://127.0.0.1:9/hook")
    return wh_grpc.WebhookServiceStub(ch).CreateWebhook(wh.CreateWebhookRequest(webhook=hook), timeout=10)


MATRIX.update(_webhook_matrix())


def all_rpcs() -> set[str]:
    names = set()
    for module, service in (
        (keys_pb2, "KeyService"),
        (audit_pb2, "AuditService"),
        (crypto_pb2, "CryptoService"),
        (access_pb2, "AccessService"),
        (tokens_pb2, "TokenService"),
        (key_policies_pb2, "KeyPolicyService"),
        (key_events_pb2, "KeyEventService"),
        (webhooks_pb2, "WebhookService"),
    ):
        descriptor = module.DESCRIPTOR.services_by_name[service]
        names |= {f"/{descriptor.full_name}/{m.name}" for m in descriptor.methods}
    return names | {ENVOY_CHECK}


def test_matrix_and_policy_cover_every_rpc() -> None:
    assert set(MATRIX) == all_rpcs()
    assert set(METHOD_PERMISSIONS) == all_rpcs()


@pytest.mark.parametrize(("method", "role"), [(m, r) for m in sorted(MATRIX) for r in ROLES])
def test_role_matrix(matrix_world: World, method: str, role: str) -> None:
    allowed, call = MATRIX[method]
    ch = matrix_world.as_role(role)
    if role in allowed:
        call(matrix_world, ch)  # succeeds
        return
    decoded = expect_error(lambda: call(matrix_world, ch), FORBIDDEN, "CALLER_FORBIDDEN")
    assert decoded.metadata["permission"] == METHOD_PERMISSIONS[method]


@pytest.mark.parametrize("method", sorted(set(MATRIX) - PUBLIC_RPCS))
@pytest.mark.parametrize("credential", ["none", "unknown", "malformed", "api-key", "basic"])
def test_unauthenticated_callers_are_refused(matrix_world: World, method: str, credential: str) -> None:
    token = {
        "none": "",
        "unknown": "kta_live_" + "A" * 43 + "000000",
        "malformed": "not-a-token",
        "api-key": matrix_world.a.key,  # an API key is not a principal token
        "basic": "",
    }[credential]
    ch = matrix_world.channel(token)
    _, call = MATRIX[method]
    if credential == "unknown":
        # A well-formed token with a valid checksum that was never issued.
        from keyturn_server.domain import keyformat

        ch = matrix_world.channel(keyformat.generate("kta", "live"))
    if credential == "basic":
        plain = grpc.insecure_channel(matrix_world.server.address)
        matrix_world.channels.append(plain)
        ch = grpc.intercept_channel(plain, AddMetadata(("authorization", "Basic YWRtaW46YWRtaW4=")))
    expect_error(lambda: call(matrix_world, ch), UNAUTHENTICATED, "CALLER_UNAUTHENTICATED")


def test_health_and_reflection_need_no_caller(matrix_world: World) -> None:
    from grpc_health.v1 import health_pb2, health_pb2_grpc
    from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

    ch = matrix_world.channel("")
    response = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(), timeout=5)
    assert response.status == health_pb2.HealthCheckResponse.SERVING
    reflected = next(
        iter(
            reflection_pb2_grpc.ServerReflectionStub(ch).ServerReflectionInfo(
                iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=5
            )
        )
    )
    assert "keyturn.v1.AccessService" in {s.name for s in reflected.list_services_response.service}


# ---- tenant isolation (SQLite and PostgreSQL) -------------------------------------------------


def not_found(call: Callable[[], Any]) -> None:
    expect_error(call, NOT_FOUND, "NOT_FOUND")


@pytest.mark.parametrize("role", ["ORG_ADMIN", "KEY_MANAGER"])
def test_other_organizations_tenancy_is_not_found(world: World, role: str) -> None:
    stub, b = keys(world.as_role(role)), world.b
    not_found(lambda: stub.GetOrganization(keys_pb2.GetOrganizationRequest(id=b.id), timeout=10))
    not_found(lambda: stub.GetProject(keys_pb2.GetProjectRequest(id=b.project), timeout=10))
    not_found(lambda: stub.ListProjects(keys_pb2.ListProjectsRequest(organization_id=b.id), timeout=10))
    not_found(lambda: stub.GetProduct(keys_pb2.GetProductRequest(id=b.product), timeout=10))
    not_found(lambda: stub.ListProducts(keys_pb2.ListProductsRequest(organization_id=b.id), timeout=10))
    not_found(
        lambda: stub.ListProducts(
            keys_pb2.ListProductsRequest(organization_id=world.a.id, project_id=b.project), timeout=10
        )
    )
    orgs = stub.ListOrganizations(keys_pb2.ListOrganizationsRequest(page_size=1000), timeout=10).organizations
    assert [o.id for o in orgs] == [world.a.id]
    # An unknown id and another organization's id look the same.
    not_found(lambda: stub.GetOrganization(keys_pb2.GetOrganizationRequest(id=str(uuid.uuid4())), timeout=10))


def test_org_admin_cannot_create_in_another_organization(world: World) -> None:
    stub, a, b = keys(world.as_role("ORG_ADMIN")), world.a, world.b
    not_found(
        lambda: stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=b.id, name="x"), timeout=10)
    )
    not_found(
        lambda: stub.GetOrCreateProject(
            keys_pb2.GetOrCreateProjectRequest(organization_id=b.id, name="x"), timeout=10
        )
    )
    not_found(
        lambda: stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=b.id, name="x"), timeout=10)
    )
    not_found(
        lambda: stub.AddProductToProject(
            keys_pb2.AddProductToProjectRequest(product_id=b.product, project_id=a.project), timeout=10
        )
    )
    not_found(
        lambda: stub.AddProductToProject(
            keys_pb2.AddProductToProjectRequest(product_id=a.product, project_id=b.project), timeout=10
        )
    )


@pytest.mark.parametrize("role", ["ORG_ADMIN", "KEY_MANAGER"])
def test_other_organizations_keys_are_not_found(world: World, role: str) -> None:
    stub, a, b = keys(world.as_role(role)), world.a, world.b
    not_found(lambda: stub.GetKey(keys_pb2.GetKeyRequest(id=b.key_id), timeout=10))
    not_found(
        lambda: stub.UpdateKey(
            keys_pb2.UpdateKeyRequest(
                key=keys_pb2.ApiKey(id=b.key_id, metadata=keys_pb2.KeyMetadata(name="x")),
                update_mask=field_mask_pb2.FieldMask(paths=["metadata.name"]),
            ),
            timeout=10,
        )
    )
    not_found(lambda: stub.RotateKey(keys_pb2.RotateKeyRequest(id=b.key_id), timeout=10))
    not_found(lambda: stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=b.key_id), timeout=10))
    not_found(lambda: stub.DeleteKey(keys_pb2.DeleteKeyRequest(id=b.key_id), timeout=10))
    not_found(lambda: stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=b.id), timeout=10))
    not_found(
        lambda: stub.CreateKey(
            keys_pb2.CreateKeyRequest(organization_id=a.id, project_id=b.project), timeout=10
        )
    )
    not_found(
        lambda: stub.CreateKey(
            keys_pb2.CreateKeyRequest(organization_id=a.id, product_id=b.product), timeout=10
        )
    )
    not_found(lambda: stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=b.id), timeout=10))
    not_found(lambda: stub.ListKeys(keys_pb2.ListKeysRequest(project_id=b.project), timeout=10))
    listed = stub.ListKeys(keys_pb2.ListKeysRequest(page_size=1000), timeout=10).keys
    assert listed and {k.organization_id for k in listed} == {a.id}
    # B's key is untouched.
    assert keys(world.admin).GetKey(keys_pb2.GetKeyRequest(id=b.key_id), timeout=10).revoke_time.seconds == 0


def test_other_organizations_audit_events_are_invisible(world: World) -> None:
    stub, a, b = audit(world.as_role("AUDITOR")), world.a, world.b
    events = stub.ListAuditEvents(audit_pb2.ListAuditEventsRequest(page_size=1000), timeout=10).events
    assert events and {e.organization_id for e in events} == {a.id}
    for request in (
        audit_pb2.ListAuditEventsRequest(filter=audit_pb2.AuditEventFilter(organization_id=b.id)),
        audit_pb2.ListAuditEventsRequest(filter=audit_pb2.AuditEventFilter(key_id=b.key_id)),
        audit_pb2.ListAuditEventsRequest(filter=audit_pb2.AuditEventFilter(project_id=b.project)),
    ):
        not_found(lambda request=request: stub.ListAuditEvents(request, timeout=10))
    not_found(
        lambda: stub.GetUsageReport(
            audit_pb2.GetUsageReportRequest(organization_id=b.id, start_time=_week_ago()), timeout=10
        )
    )
    not_found(
        lambda: stub.GetUsageReport(
            audit_pb2.GetUsageReportRequest(key_id=b.key_id, start_time=_week_ago()), timeout=10
        )
    )
    streamed = stub.StreamAuditEvents(audit_pb2.StreamAuditEventsRequest(after_sequence=0), timeout=3)
    seen: set[str] = set()
    try:
        for item in streamed:
            seen.add(item.event.organization_id)
            if len(seen) > 1:
                break
    except grpc.RpcError as err:
        assert err.code() in (grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.CANCELLED)
    assert seen == {a.id}
    stream_b = stub.StreamAuditEvents(
        audit_pb2.StreamAuditEventsRequest(filter=audit_pb2.AuditEventFilter(organization_id=b.id)),
        timeout=10,
    )
    not_found(lambda: next(iter(stream_b)))


def test_other_organizations_principals_are_invisible(world: World) -> None:
    admin = world.admin
    b_id, b_token = new_principal(admin, binding("KEY_MANAGER", world.b.id))
    b_token_id = (
        access(admin)
        .ListPrincipalTokens(access_pb2.ListPrincipalTokensRequest(principal_id=b_id), timeout=10)
        .tokens[0]
        .id
    )
    stub = access(world.as_role("ORG_ADMIN"))
    not_found(lambda: stub.GetPrincipal(access_pb2.GetPrincipalRequest(id=b_id), timeout=10))
    not_found(
        lambda: stub.ListPrincipalTokens(access_pb2.ListPrincipalTokensRequest(principal_id=b_id), timeout=10)
    )
    not_found(
        lambda: stub.CreatePrincipalToken(
            access_pb2.CreatePrincipalTokenRequest(principal_id=b_id), timeout=10
        )
    )
    not_found(
        lambda: stub.RevokePrincipalToken(access_pb2.RevokePrincipalTokenRequest(id=b_token_id), timeout=10)
    )
    not_found(
        lambda: stub.UpdatePrincipal(
            access_pb2.UpdatePrincipalRequest(principal=access_pb2.Principal(id=b_id, name="mine")),
            timeout=10,
        )
    )
    not_found(
        lambda: stub.CreatePrincipal(
            access_pb2.CreatePrincipalRequest(
                principal=access_pb2.Principal(name=unique("x"), roles=[binding("VALIDATOR", world.b.id)])
            ),
            timeout=10,
        )
    )
    not_found(
        lambda: stub.ListPrincipals(access_pb2.ListPrincipalsRequest(organization_id=world.b.id), timeout=10)
    )
    listed = stub.ListPrincipals(access_pb2.ListPrincipalsRequest(page_size=1000), timeout=10).principals
    ids = {p.id for p in listed}
    assert b_id not in ids and world.principal_ids["KEY_MANAGER"] in ids
    assert world.principal_ids["CRYPTO"] not in ids  # global roles are ADMIN's business
    # Only ADMIN grants ADMIN or CRYPTO.
    for role in ("ADMIN", "CRYPTO"):
        expect_error(
            lambda role=role: stub.CreatePrincipal(
                access_pb2.CreatePrincipalRequest(
                    principal=access_pb2.Principal(name=unique("x"), roles=[binding(role)])
                ),
                timeout=10,
            ),
            FORBIDDEN,
            "CALLER_FORBIDDEN",
        )
    # B's token still works.
    assert access(world.channel(b_token)).GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10)


def test_validator_gets_key_invalid_for_other_organizations_keys(world: World) -> None:
    stub = keys(world.as_role("VALIDATOR"))
    assert (
        stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=world.a.key), timeout=10).key.id
        == world.a.key_id
    )
    before = keys(world.admin).GetKey(keys_pb2.GetKeyRequest(id=world.b.key_id), timeout=10).use_count
    expect_error(
        lambda: stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=world.b.key), timeout=10),
        UNAUTHENTICATED,
        "KEY_INVALID",
    )
    expect_error(
        lambda: stub.ValidateKey(
            keys_pb2.ValidateKeyRequest(plaintext=world.b.key, product_id=world.b.product), timeout=10
        ),
        UNAUTHENTICATED,
        "KEY_INVALID",
    )
    time.sleep(0.5)  # usage is flushed in the background
    assert keys(world.admin).GetKey(keys_pb2.GetKeyRequest(id=world.b.key_id), timeout=10).use_count == before


def test_product_bound_validator(world: World) -> None:
    admin, a = world.admin, world.a
    other_product = (
        keys(admin)
        .CreateProduct(keys_pb2.CreateProductRequest(organization_id=a.id, name=unique("q")), timeout=10)
        .id
    )
    _, token = new_principal(admin, binding("VALIDATOR", a.id, product=a.product))
    stub = keys(world.channel(token))
    mine = new_key(admin, a.id, product=a.product)
    theirs = new_key(admin, a.id, product=other_product)
    assert (
        stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=mine.plaintext), timeout=10).key.id
        == mine.key.id
    )
    expect_error(
        lambda: stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=theirs.plaintext), timeout=10),
        FORBIDDEN,
        "WRONG_PRODUCT",
    )
    expect_error(
        lambda: stub.ValidateKey(
            keys_pb2.ValidateKeyRequest(plaintext=theirs.plaintext, product_id=other_product), timeout=10
        ),
        FORBIDDEN,
        "CALLER_FORBIDDEN",
    )


def test_project_bound_key_manager(world: World) -> None:
    admin, a = world.admin, world.a
    _, token = new_principal(admin, binding("KEY_MANAGER", a.id, project=a.project))
    stub = keys(world.channel(token))
    org_wide = new_key(admin, a.id)
    listed = stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=a.id, page_size=1000), timeout=10).keys
    assert listed and {k.project_id for k in listed} == {a.project}
    assert stub.GetKey(keys_pb2.GetKeyRequest(id=a.key_id), timeout=10).id == a.key_id
    expect_error(
        lambda: stub.GetKey(keys_pb2.GetKeyRequest(id=org_wide.key.id), timeout=10),
        FORBIDDEN,
        "CALLER_FORBIDDEN",
    )
    expect_error(
        lambda: stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=a.id), timeout=10),
        FORBIDDEN,
        "CALLER_FORBIDDEN",
    )
    created = stub.CreateKey(
        keys_pb2.CreateKeyRequest(organization_id=a.id, project_id=a.project), timeout=10
    )
    assert created.key.project_id == a.project


# ---- principals and tokens ----------------------------------------------------------------


def test_caller_identity_and_audited_changes(world: World) -> None:
    admin = access(world.admin)
    me = admin.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10)
    assert me.authentication_method == "token"
    assert [b.role for b in me.principal.roles] == [access_pb2.ROLE_ADMIN]
    principal_id, _ = new_principal(world.admin, binding("AUDITOR", world.a.id))
    listed = (
        audit(world.admin)
        .ListAuditEvents(
            audit_pb2.ListAuditEventsRequest(
                filter=audit_pb2.AuditEventFilter(actions=["principal.create", "principal.token.create"]),
                page_size=1000,
            ),
            timeout=10,
        )
        .events
    )
    mine = [e for e in listed if e.resource_id == principal_id or principal_id in str(e.changes)]
    assert {e.action for e in mine} == {"principal.create", "principal.token.create"}
    assert {e.actor for e in mine} == {me.principal.id}
    assert all(e.organization_id == world.a.id for e in mine)


def test_binding_validation(world: World) -> None:
    stub = access(world.admin)

    def create(*bindings: access_pb2.RoleBinding) -> Any:
        return stub.CreatePrincipal(
            access_pb2.CreatePrincipalRequest(
                principal=access_pb2.Principal(name=unique("v"), roles=list(bindings))
            ),
            timeout=10,
        )

    for bad in (
        binding("ORG_ADMIN"),
        binding("VALIDATOR"),
        binding("ADMIN", world.a.id),
        binding("CRYPTO", world.a.id),
        binding("AUDITOR", world.a.id, project=world.a.project),
        access_pb2.RoleBinding(),
    ):
        expect_error(lambda bad=bad: create(bad), grpc.StatusCode.INVALID_ARGUMENT, "INVALID_ARGUMENT")
    not_found(lambda: create(binding("ORG_ADMIN", str(uuid.uuid4()))))
    not_found(lambda: create(binding("KEY_MANAGER", world.a.id, project=world.b.project)))
    name = unique("dup")
    stub.CreatePrincipal(
        access_pb2.CreatePrincipalRequest(principal=access_pb2.Principal(name=name)), timeout=10
    )
    expect_error(
        lambda: stub.CreatePrincipal(
            access_pb2.CreatePrincipalRequest(principal=access_pb2.Principal(name=name)), timeout=10
        ),
        grpc.StatusCode.ALREADY_EXISTS,
        "ALREADY_EXISTS",
    )


def test_token_revocation_takes_effect_at_once(world: World) -> None:
    principal_id, token = new_principal(world.admin, binding("AUDITOR", world.a.id))
    mine = access(world.channel(token))
    for _ in range(3):  # warm the principal cache
        mine.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10)
    admin = access(world.admin)
    listed = admin.ListPrincipalTokens(
        access_pb2.ListPrincipalTokensRequest(principal_id=principal_id), timeout=10
    )
    (record,) = listed.tokens
    assert record.start and token.startswith(record.start) and not record.HasField("revoke_time")
    revoked = admin.RevokePrincipalToken(access_pb2.RevokePrincipalTokenRequest(id=record.id), timeout=10)
    assert revoked.HasField("revoke_time")
    expect_error(
        lambda: mine.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10),
        UNAUTHENTICATED,
        "CALLER_UNAUTHENTICATED",
    )
    again = admin.RevokePrincipalToken(access_pb2.RevokePrincipalTokenRequest(id=record.id), timeout=10)
    assert again.revoke_time == revoked.revoke_time  # idempotent


def test_disabled_principal_cannot_authenticate(world: World) -> None:
    principal_id, token = new_principal(world.admin, binding("AUDITOR", world.a.id))
    mine = access(world.channel(token))
    principal = mine.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10).principal
    admin = access(world.admin)
    principal.disabled = True
    admin.UpdatePrincipal(access_pb2.UpdatePrincipalRequest(principal=principal), timeout=10)
    expect_error(
        lambda: mine.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10),
        UNAUTHENTICATED,
        "CALLER_UNAUTHENTICATED",
    )
    principal.disabled = False
    admin.UpdatePrincipal(access_pb2.UpdatePrincipalRequest(principal=principal), timeout=10)
    assert (
        mine.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10).principal.id == principal_id
    )


def test_role_changes_take_effect_at_once(world: World) -> None:
    principal_id, token = new_principal(world.admin, binding("AUDITOR", world.a.id))
    stub = keys(world.channel(token))
    expect_error(
        lambda: stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=world.a.id), timeout=10),
        FORBIDDEN,
        "CALLER_FORBIDDEN",
    )
    admin = access(world.admin)
    principal = admin.GetPrincipal(access_pb2.GetPrincipalRequest(id=principal_id), timeout=10)
    del principal.roles[:]
    principal.roles.append(binding("KEY_MANAGER", world.a.id))
    admin.UpdatePrincipal(access_pb2.UpdatePrincipalRequest(principal=principal), timeout=10)
    assert stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=world.a.id), timeout=10).keys


def test_expired_token(world: World) -> None:
    principal_id, _ = new_principal(world.admin, binding("AUDITOR", world.a.id))
    expire = timestamp_pb2.Timestamp()
    expire.FromDatetime(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1))
    issued = access(world.admin).CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=principal_id, expire_time=expire), timeout=10
    )
    mine = access(world.channel(issued.plaintext))
    mine.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10)
    time.sleep(1.2)
    expect_error(
        lambda: mine.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10),
        UNAUTHENTICATED,
        "CALLER_UNAUTHENTICATED",
    )


def test_last_admin_cannot_be_demoted(world: World) -> None:
    admin = access(world.admin)
    me = admin.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10).principal
    others = [
        p
        for p in admin.ListPrincipals(access_pb2.ListPrincipalsRequest(page_size=1000), timeout=10).principals
        if p.id != me.id and any(b.role == access_pb2.ROLE_ADMIN for b in p.roles) and not p.disabled
    ]
    if others:
        pytest.skip("another ADMIN exists")
    me.disabled = True
    expect_error(
        lambda: admin.UpdatePrincipal(access_pb2.UpdatePrincipalRequest(principal=me), timeout=10),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FAILED_PRECONDITION",
    )


def test_no_token_or_key_in_log_lines(world: World, log_records: pytest.LogCaptureFixture) -> None:
    principal_id, token = new_principal(world.admin, binding("VALIDATOR", world.a.id))
    stub = keys(world.channel(token))
    stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=world.a.key), timeout=10)
    for bad in (token[:-1] + ("A" if token[-1] != "A" else "B"), "kta_live_nonsense"):
        with pytest.raises(grpc.RpcError):
            keys(world.channel(bad)).ValidateKey(
                keys_pb2.ValidateKeyRequest(plaintext=world.b.key), timeout=10
            )
    issued = access(world.admin).CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=principal_id), timeout=10
    )
    logging.getLogger().handlers[0].flush() if logging.getLogger().handlers else None
    text = "\n".join(r.getMessage() + " " + str(getattr(r, "fields", "")) for r in log_records.records)
    assert "rpc" in text  # the server did log
    for secret in (token, issued.plaintext, world.a.key, world.b.key):
        assert secret not in text
    assert not SECRET_PATTERN.search(text)


# ---- bootstrap and the embedded default ---------------------------------------------------


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("KEYTURN_")}
    return {**env, "KEYTURN_DATA_DIR": str(tmp / "data"), **extra}


def test_bootstrap_cli_refuses_a_second_admin_unless_forced(tmp_path: Path) -> None:
    env = _env(tmp_path)
    command = [sys.executable, "-m", "keyturn_server.cli", "bootstrap"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    token = first.stdout.strip().splitlines()[-1]
    assert token.startswith("kta_live_")
    assert first.stdout.count(token) == 1
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert second.returncode == 1 and "already exists" in second.stderr
    assert not SECRET_PATTERN.search(second.stdout + second.stderr)
    forced = bootstrap_cli(env)
    assert forced.startswith("kta_live_") and forced != token


def test_first_serve_on_the_embedded_default_writes_the_admin_token(tmp_path: Path) -> None:
    process = ServerProcess(env=_env(tmp_path), bootstrap=False).start()
    try:
        path = tmp_path / "data" / "admin-token"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        token = path.read_text().strip()
        assert str(path.resolve()) in process.log()
        with grpc.insecure_channel(process.address) as ch:
            me = access(with_token(ch, token)).GetCallerIdentity(
                access_pb2.GetCallerIdentityRequest(), timeout=10
            )
            assert me.principal.name == "admin"
            expect_error(
                lambda: access(ch).GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10),
                UNAUTHENTICATED,
                "CALLER_UNAUTHENTICATED",
            )
    finally:
        process.stop()
    assert token not in process.log() and not SECRET_PATTERN.search(process.log())
    # A restart keeps the existing admin and its token.
    again = ServerProcess(env=_env(tmp_path), bootstrap=False).start()
    again.stop()
    assert path.read_text().strip() == token


# ---- TLS and mTLS -----------------------------------------------------------------------------


@dataclass
class Pki:
    ca: bytes
    server_cert: Path
    server_key: Path
    ca_path: Path
    client_cert: bytes
    client_key: bytes
    stranger_cert: bytes
    stranger_key: bytes


def _pki(tmp: Path) -> Pki:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)

    def key() -> ec.EllipticCurvePrivateKey:
        return ec.generate_private_key(ec.SECP256R1())

    def pem_key(k: ec.EllipticCurvePrivateKey) -> bytes:
        return k.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    def cert(
        subject: str,
        k: ec.EllipticCurvePrivateKey,
        issuer: x509.Name | None,
        signer: Any,
        sans: list[Any],
        ca: bool,
    ) -> x509.Certificate:
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
        builder = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(issuer or name)
            .public_key(k.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if sans:
            builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
        return builder.sign(signer, hashes.SHA256())

    ca_key = key()
    ca_cert = cert("keyturn test CA", ca_key, None, ca_key, [], True)
    server_key = key()
    server_cert = cert(
        "localhost",
        server_key,
        ca_cert.subject,
        ca_key,
        [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))],
        False,
    )
    client_key = key()
    client_cert = cert(
        "svc-validator", client_key, ca_cert.subject, ca_key, [x509.DNSName("svc-validator.internal")], False
    )
    stranger_key = key()
    stranger_cert = cert("stranger", stranger_key, ca_cert.subject, ca_key, [], False)

    def pem(c: x509.Certificate) -> bytes:
        return c.public_bytes(serialization.Encoding.PEM)

    paths = {name: tmp / name for name in ("ca.pem", "server.pem", "server.key")}
    paths["ca.pem"].write_bytes(pem(ca_cert))
    paths["server.pem"].write_bytes(pem(server_cert))
    paths["server.key"].write_bytes(pem_key(server_key))
    return Pki(
        ca=pem(ca_cert),
        server_cert=paths["server.pem"],
        server_key=paths["server.key"],
        ca_path=paths["ca.pem"],
        client_cert=pem(client_cert),
        client_key=pem_key(client_key),
        stranger_cert=pem(stranger_cert),
        stranger_key=pem_key(stranger_key),
    )


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return _pki(tmp_path_factory.mktemp("pki"))


def _tls_server(new_database_url: Any, tmp: Path, pki: Pki, mtls: bool) -> ServerThread:
    url = new_database_url("sqlite")
    settings = make_settings(
        url,
        tmp,
        tls_cert=pki.server_cert,
        tls_key=pki.server_key,
        tls_client_ca=pki.ca_path if mtls else None,
    )
    return ServerThread(settings).start()


def _identity(ch: grpc.Channel) -> access_pb2.GetCallerIdentityResponse:
    return access(ch).GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10)


def test_tls_server(new_database_url: Any, tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch) -> None:
    server = _tls_server(new_database_url, tmp_path, pki, mtls=False)
    try:
        assert wait_serving(server.address, 1) is False  # plaintext health check cannot connect
        with grpc.secure_channel(
            server.address, grpc.ssl_channel_credentials(root_certificates=pki.ca)
        ) as ch:
            assert _identity(with_token(ch, server.admin_token)).principal.name == "admin"
            expect_error(lambda: _identity(ch), UNAUTHENTICATED, "CALLER_UNAUTHENTICATED")
        with grpc.insecure_channel(server.address) as plain:
            with pytest.raises(grpc.RpcError) as info:
                _identity(with_token(plain, server.admin_token))
            assert info.value.code() == grpc.StatusCode.UNAVAILABLE
        # The Dockerfile's HEALTHCHECK command works against a TLS listener too.
        from keyturn_server import cli

        assert cli.main(["health", "--addr", server.address, "--timeout", "2"]) == 1
        assert cli.main(["health", "--addr", server.address, "--tls-ca", str(pki.ca_path)]) == 0
        tls_and_token = [
            "--addr",
            server.address,
            "--tls-ca",
            str(pki.ca_path),
            "--token",
            server.admin_token,
        ]
        assert cli.main(["audit", "verify", *tls_and_token]) == 0
        assert cli.main(["audit", "tail", "-n", "3", *tls_and_token]) == 0
        # The image's HEALTHCHECK (`keyturn health`, no flags) follows the server's own
        # settings: its listen address, and TLS because KEYTURN_TLS_CERT is set.
        for name in [n for n in os.environ if n.startswith("KEYTURN_")]:
            monkeypatch.delenv(name)
        monkeypatch.setenv("KEYTURN_LISTEN", f"0.0.0.0:{server.port}")
        assert cli.main(["health"]) == 1  # plaintext against a TLS listener
        monkeypatch.setenv("KEYTURN_TLS_CERT", str(pki.server_cert))
        monkeypatch.setenv("KEYTURN_TLS_CA", str(pki.ca_path))
        assert cli.main(["health"]) == 0
    finally:
        server.stop()


def test_mtls_maps_client_certificates_to_principals(new_database_url: Any, tmp_path: Path, pki: Pki) -> None:
    server = _tls_server(new_database_url, tmp_path, pki, mtls=True)
    try:
        client = grpc.ssl_channel_credentials(
            root_certificates=pki.ca, private_key=pki.client_key, certificate_chain=pki.client_cert
        )
        with grpc.secure_channel(server.address, client) as ch:
            admin = with_token(ch, server.admin_token)
            org = (
                keys(admin)
                .CreateOrganization(keys_pb2.CreateOrganizationRequest(name=unique("o")), timeout=10)
                .id
            )
            created = keys(admin).CreateKey(keys_pb2.CreateKeyRequest(organization_id=org), timeout=10)
            principal = access(admin).CreatePrincipal(
                access_pb2.CreatePrincipalRequest(
                    principal=access_pb2.Principal(
                        name="svc-validator",
                        roles=[binding("VALIDATOR", org)],
                        certificate_identity="svc-validator.internal",
                    )
                ),
                timeout=10,
            )
            me = _identity(ch)  # no token: the certificate authenticates
            assert me.principal.id == principal.id and me.authentication_method == "certificate"
            assert (
                keys(ch)
                .ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext), timeout=10)
                .key.id
            )
            expect_error(
                lambda: keys(ch).ListKeys(keys_pb2.ListKeysRequest(organization_id=org), timeout=10),
                FORBIDDEN,
                "CALLER_FORBIDDEN",
            )
        stranger = grpc.ssl_channel_credentials(
            root_certificates=pki.ca, private_key=pki.stranger_key, certificate_chain=pki.stranger_cert
        )
        with grpc.secure_channel(server.address, stranger) as ch:
            expect_error(lambda: _identity(ch), UNAUTHENTICATED, "CALLER_UNAUTHENTICATED")
        with grpc.secure_channel(
            server.address, grpc.ssl_channel_credentials(root_certificates=pki.ca)
        ) as ch:
            with pytest.raises(grpc.RpcError) as info:
                _identity(with_token(ch, server.admin_token))
            assert info.value.code() == grpc.StatusCode.UNAVAILABLE  # no client certificate: no handshake
    finally:
        server.stop()


def test_decode_error_helper_is_used(world: World) -> None:
    # Denials carry exactly one ErrorInfo naming the permission.
    try:
        crypto(world.as_role("AUDITOR")).GenerateKey(crypto_pb2.GenerateKeyRequest(), timeout=10)
    except grpc.RpcError as err:
        decoded = decode_error(err)
        assert decoded.reason == "CALLER_FORBIDDEN" and decoded.metadata == {"permission": "crypto.use"}
    else:
        raise AssertionError("AUDITOR used CryptoService")


def test_tokens_survive_a_secret_rotation(new_database_url: Any, tmp_path: Path) -> None:
    from keyturn_server import config

    old, new = "1:" + "o" * 40, "2:" + "n" * 40
    url = new_database_url("sqlite")

    def serve(secret: str) -> ServerThread:
        return ServerThread(make_settings(url, tmp_path, secrets=config.parse_secrets(secret))).start()

    first = serve(old)
    try:
        with grpc.insecure_channel(first.address) as ch:
            _, token = new_principal(with_token(ch, first.admin_token), binding("CRYPTO"))
    finally:
        first.stop()
    rotated = serve(f"{new},{old}")
    try:
        with grpc.insecure_channel(rotated.address) as ch:
            assert access(with_token(ch, token)).GetCallerIdentity(
                access_pb2.GetCallerIdentityRequest(), timeout=10
            )
    finally:
        rotated.stop()
    only_new = serve(new)  # the token was re-hashed under version 2 on its first use
    try:
        with grpc.insecure_channel(only_new.address) as ch:
            assert access(with_token(ch, token)).GetCallerIdentity(
                access_pb2.GetCallerIdentityRequest(), timeout=10
            )
    finally:
        only_new.stop()
