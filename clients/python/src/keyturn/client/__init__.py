"""keyturn.client: the typed, hand-written facade over the keyturn.v1 gRPC stubs.

    from keyturn.client import Client, KeyMetadata, RateLimit, RateLimitWindow

    with Client("127.0.0.1:50051", token="kta_...") as keyturn:
        org, _ = keyturn.get_or_create_organization("Acme Inc")
        result = keyturn.create_key(
            org.id,
            metadata=KeyMetadata(
                name="Alice's key",
                scopes=["read", "write"],
                rate_limit=RateLimit(requests=1000, window=RateLimitWindow.minute),
                custom={"user_id": "u_alice"},
            ),
        )
        key = keyturn.validate_key(result.plaintext, required_scopes=["read"]).key

Optional integrations for services that guard their own APIs with Keyturn keys live in
`keyturn.client.interceptor` (grpc.aio server interceptor) and `keyturn.client.fastapi`
(FastAPI dependency; install `keyturn-client[fastapi]`). Neither is imported here.
`KeyValidator` (keyturn.client.streaming) multiplexes many concurrent validations over one
KeyService.ValidateKeys stream; both integrations use it with `stream=True`.
"""

from keyturn.client._options import DEFAULT_TARGET, RetryPolicy
from keyturn.client.aio import AsyncAuditEventStream, AsyncClient, AsyncKeyEventStream
from keyturn.client.errors import (
    AbortedError,
    AlreadyExistsError,
    APIKeyError,
    CallerForbiddenError,
    CallerUnauthenticatedError,
    ChecksumMismatchError,
    CreditsExhaustedError,
    CryptoKeyVersionDestroyedError,
    CryptoKeyVersionDisabledError,
    DataLossError,
    DeadlineExceededError,
    DecryptionError,
    ExpiredKeyError,
    FailedPreconditionError,
    FieldViolation,
    InsufficientScopeError,
    InternalError,
    InvalidArgumentError,
    InvalidKeyError,
    IpNotAllowedError,
    KeyEventCursorExpiredError,
    KeyNotRecoverableError,
    KeyRejectedError,
    NotFoundError,
    NotImplementedByServerError,
    PayloadTooLargeError,
    QuotaError,
    RevokedKeyError,
    UnavailableError,
    WrongKeyPurposeError,
    WrongProductError,
    from_rpc_error,
    from_status,
)
from keyturn.client.pagers import AsyncPager, Pager
from keyturn.client.sync import AuditEventStream, Client, KeyEventStream
from keyturn.client.types import (
    AuditOrder,
    AuditOutcome,
    CryptoKeyAlgorithm,
    CryptoKeyPurpose,
    EllipticCurve,
    Environment,
    ImportMethod,
    KeyEventType,
    KeyMetadata,
    KeyPairAlgorithm,
    KeyStatus,
    RateLimit,
    RateLimitWindow,
    ReportGranularity,
    Role,
    RoleBinding,
    TokenType,
)

__version__ = "0.1.0"

from keyturn.client.streaming import KeyValidator

__all__ = [
    "DEFAULT_TARGET",
    "APIKeyError",
    "AbortedError",
    "AlreadyExistsError",
    "AsyncAuditEventStream",
    "AsyncClient",
    "AsyncKeyEventStream",
    "AsyncPager",
    "AuditEventStream",
    "AuditOrder",
    "AuditOutcome",
    "CallerForbiddenError",
    "CallerUnauthenticatedError",
    "ChecksumMismatchError",
    "Client",
    "CreditsExhaustedError",
    "CryptoKeyAlgorithm",
    "CryptoKeyPurpose",
    "CryptoKeyVersionDestroyedError",
    "CryptoKeyVersionDisabledError",
    "DataLossError",
    "DeadlineExceededError",
    "DecryptionError",
    "EllipticCurve",
    "Environment",
    "ExpiredKeyError",
    "FailedPreconditionError",
    "FieldViolation",
    "ImportMethod",
    "InsufficientScopeError",
    "InternalError",
    "InvalidArgumentError",
    "InvalidKeyError",
    "IpNotAllowedError",
    "KeyEventCursorExpiredError",
    "KeyEventStream",
    "KeyEventType",
    "KeyMetadata",
    "KeyNotRecoverableError",
    "KeyPairAlgorithm",
    "KeyRejectedError",
    "KeyStatus",
    "KeyValidator",
    "NotFoundError",
    "NotImplementedByServerError",
    "Pager",
    "PayloadTooLargeError",
    "QuotaError",
    "RateLimit",
    "RateLimitWindow",
    "ReportGranularity",
    "RetryPolicy",
    "RevokedKeyError",
    "Role",
    "RoleBinding",
    "TokenType",
    "UnavailableError",
    "WrongKeyPurposeError",
    "WrongProductError",
    "__version__",
    "from_rpc_error",
    "from_status",
]
