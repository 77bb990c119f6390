"""Which permission each RPC needs: the coarse check every edge makes before a use case runs.

The table is keyed by full gRPC method name, so it lives here at the edge; domain/access.py
knows permissions and roles but no method paths. Every RPC of every keyturn.v1 service is
listed, and so is Envoy's ext_authz Check (tests/test_auth.py checks the table against the service descriptors), and an RPC
missing from it is refused. None means any authenticated caller.

The coarse check only asks whether one of the caller's roles grants the permission
somewhere; the use case then authorizes against the tenant of what it loaded.
"""

from __future__ import annotations

from collections.abc import Mapping

from keyturn_server.domain.access import Permission

P = Permission
_KEYS = "/keyturn.v1.KeyService/"
_AUDIT = "/keyturn.v1.AuditService/"
_CRYPTO = "/keyturn.v1.CryptoService/"
_ACCESS = "/keyturn.v1.AccessService/"
_TOKENS = "/keyturn.v1.TokenService/"
_POLICIES = "/keyturn.v1.KeyPolicyService/"
_KEY_EVENTS = "/keyturn.v1.KeyEventService/"
_WEBHOOKS = "/keyturn.v1.WebhookService/"

METHOD_PERMISSIONS: Mapping[str, Permission | None] = {
    _KEYS + "CreateOrganization": P.ORGANIZATIONS_CREATE,
    _KEYS + "GetOrCreateOrganization": P.ORGANIZATIONS_CREATE,
    _KEYS + "GetOrganization": P.ORGANIZATIONS_GET,
    _KEYS + "ListOrganizations": P.ORGANIZATIONS_LIST,
    _KEYS + "CreateProject": P.PROJECTS_CREATE,
    _KEYS + "GetOrCreateProject": P.PROJECTS_CREATE,
    _KEYS + "GetProject": P.PROJECTS_GET,
    _KEYS + "ListProjects": P.PROJECTS_LIST,
    _KEYS + "CreateProduct": P.PRODUCTS_CREATE,
    _KEYS + "GetOrCreateProduct": P.PRODUCTS_CREATE,
    _KEYS + "GetProduct": P.PRODUCTS_GET,
    _KEYS + "ListProducts": P.PRODUCTS_LIST,
    _KEYS + "AddProductToProject": P.PROJECTS_UPDATE,
    _KEYS + "CreateKey": P.KEYS_CREATE,
    _KEYS + "ValidateKey": P.KEYS_VALIDATE,
    _KEYS + "ValidateKeys": P.KEYS_VALIDATE,
    _KEYS + "GetKey": P.KEYS_GET,
    _KEYS + "ListKeys": P.KEYS_LIST,
    _KEYS + "UpdateKey": P.KEYS_UPDATE,
    _KEYS + "RotateKey": P.KEYS_ROTATE,
    _KEYS + "RevokeKey": P.KEYS_REVOKE,
    _KEYS + "DeleteKey": P.KEYS_DELETE,
    _KEYS + "ReportLeakedKeys": P.KEYS_REPORT_LEAKED,
    _KEYS + "ImportKeys": P.KEYS_IMPORT,
    _POLICIES + "GetKeyPolicy": P.KEY_POLICIES_GET,
    _POLICIES + "UpdateKeyPolicy": P.KEY_POLICIES_UPDATE,
    _KEYS + "RevealKey": P.KEYS_REVEAL,
    _AUDIT + "ListAuditEvents": P.AUDIT_READ,
    _AUDIT + "StreamAuditEvents": P.AUDIT_READ,
    _AUDIT + "VerifyAuditChain": P.AUDIT_VERIFY,
    _AUDIT + "GetUsageReport": P.USAGE_READ,
    _CRYPTO + "GenerateKey": P.CRYPTO_USE,
    _CRYPTO + "GenerateKeyPair": P.CRYPTO_USE,
    _CRYPTO + "Encrypt": P.CRYPTO_USE,
    _CRYPTO + "Decrypt": P.CRYPTO_USE,
    _CRYPTO + "CreateCryptoKey": P.CRYPTO_KEYS_CREATE,
    _CRYPTO + "GetCryptoKey": P.CRYPTO_KEYS_GET,
    _CRYPTO + "ListCryptoKeys": P.CRYPTO_KEYS_LIST,
    _CRYPTO + "UpdateCryptoKey": P.CRYPTO_KEYS_UPDATE,
    _CRYPTO + "RotateCryptoKey": P.CRYPTO_KEYS_ROTATE,
    _CRYPTO + "ListCryptoKeyVersions": P.CRYPTO_KEYS_GET,
    _CRYPTO + "GetCryptoKeyVersion": P.CRYPTO_KEYS_GET,
    _CRYPTO + "DisableCryptoKeyVersion": P.CRYPTO_KEYS_MANAGE_VERSIONS,
    _CRYPTO + "EnableCryptoKeyVersion": P.CRYPTO_KEYS_MANAGE_VERSIONS,
    _CRYPTO + "DestroyCryptoKeyVersion": P.CRYPTO_KEYS_MANAGE_VERSIONS,
    _CRYPTO + "RestoreCryptoKeyVersion": P.CRYPTO_KEYS_MANAGE_VERSIONS,
    _CRYPTO + "EncryptWithKey": P.CRYPTO_KEYS_ENCRYPT,
    _CRYPTO + "DecryptWithKey": P.CRYPTO_KEYS_DECRYPT,
    # ReEncrypt needs decrypt on the source too; the use case checks it after loading.
    _CRYPTO + "ReEncrypt": P.CRYPTO_KEYS_ENCRYPT,
    _CRYPTO + "GenerateDataKey": P.CRYPTO_KEYS_ENCRYPT,
    _CRYPTO + "Sign": P.CRYPTO_KEYS_SIGN,
    _CRYPTO + "Verify": P.CRYPTO_KEYS_VERIFY,
    _CRYPTO + "GetPublicKey": P.CRYPTO_KEYS_VERIFY,
    _CRYPTO + "Mac": P.CRYPTO_KEYS_MAC,
    _CRYPTO + "VerifyMac": P.CRYPTO_KEYS_MAC,
    _CRYPTO + "BatchEncrypt": P.CRYPTO_KEYS_ENCRYPT,
    _CRYPTO + "BatchDecrypt": P.CRYPTO_KEYS_DECRYPT,
    _CRYPTO + "CreateImportJob": P.CRYPTO_KEYS_IMPORT,
    _CRYPTO + "GetImportJob": P.CRYPTO_KEYS_IMPORT,
    _CRYPTO + "ImportCryptoKeyVersion": P.CRYPTO_KEYS_IMPORT,
    _ACCESS + "GetCallerIdentity": None,
    _ACCESS + "CreatePrincipal": P.PRINCIPALS_MANAGE,
    _ACCESS + "GetPrincipal": P.PRINCIPALS_GET,
    _ACCESS + "ListPrincipals": P.PRINCIPALS_LIST,
    _ACCESS + "UpdatePrincipal": P.PRINCIPALS_MANAGE,
    _ACCESS + "CreatePrincipalToken": P.PRINCIPALS_MANAGE,
    _ACCESS + "ListPrincipalTokens": P.PRINCIPALS_GET,
    _ACCESS + "RevokePrincipalToken": P.PRINCIPALS_MANAGE,
    # ExchangeKey: the callers of ValidateKey. GetJwks is public (PUBLIC_METHOD_PREFIXES).
    _TOKENS + "ExchangeKey": P.KEYS_VALIDATE,
    _TOKENS + "GetJwks": None,
    _KEY_EVENTS + "ListKeyEvents": P.KEY_EVENTS_READ,
    _KEY_EVENTS + "WatchKeyEvents": P.KEY_EVENTS_READ,
    _WEBHOOKS + "CreateWebhook": P.WEBHOOKS_MANAGE,
    _WEBHOOKS + "GetWebhook": P.WEBHOOKS_GET,
    _WEBHOOKS + "ListWebhooks": P.WEBHOOKS_GET,
    _WEBHOOKS + "UpdateWebhook": P.WEBHOOKS_MANAGE,
    _WEBHOOKS + "DeleteWebhook": P.WEBHOOKS_MANAGE,
    _WEBHOOKS + "RotateWebhookSecret": P.WEBHOOKS_MANAGE,
    _WEBHOOKS + "ListWebhookDeliveries": P.WEBHOOKS_GET,
    _WEBHOOKS + "RedeliverWebhookDelivery": P.WEBHOOKS_MANAGE,
    # Envoy's ext_authz filter, calling as a VALIDATOR principal (api/envoy_authz.py).
    "/envoy.service.auth.v3.Authorization/Check": P.KEYS_VALIDATE,
}

# Methods that need no caller at all.
PUBLIC_METHOD_PREFIXES = ("/grpc.health.v1.Health/", "/grpc.reflection.", _TOKENS + "GetJwks")

__all__ = ["METHOD_PERMISSIONS", "PUBLIC_METHOD_PREFIXES"]
