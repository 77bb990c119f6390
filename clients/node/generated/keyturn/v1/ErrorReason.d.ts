// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * ErrorReason is the closed set of values Keyturn puts in `google.rpc.ErrorInfo.reason`.
 *
 * Every error status a Keyturn server returns carries exactly one `google.rpc.ErrorInfo`
 * with `domain = "keyturn.dev"` and `reason` set to the name of one of these values, so a
 * client can switch on the reason instead of parsing messages. The comment of each value
 * shows an example of the status it comes with.
 *
 * The values carry no `ERROR_REASON_` prefix because the value name IS the wire string
 * (`reason: "KEY_INVALID"`); see the lint exception in buf.yaml.
 */
export declare const ErrorReason: {
    /**
     * Never sent; the proto3 default.
     */
    readonly ERROR_REASON_UNSPECIFIED: 'ERROR_REASON_UNSPECIFIED';
    /**
     * The presented API key is malformed, fails its checksum, or is unknown. Unknown and
     * malformed keys get the same answer, so a caller cannot probe which keys exist.
     *
     * code: UNAUTHENTICATED, reason: "KEY_INVALID"
     */
    readonly KEY_INVALID: 'KEY_INVALID';
    /**
     * The key exists but its expire_time has passed.
     *
     * code: UNAUTHENTICATED, reason: "KEY_EXPIRED",
     * metadata: {"expireTime": "2026-11-23T10:00:00Z"}
     */
    readonly KEY_EXPIRED: 'KEY_EXPIRED';
    /**
     * The key was revoked.
     *
     * code: PERMISSION_DENIED, reason: "KEY_REVOKED"
     */
    readonly KEY_REVOKED: 'KEY_REVOKED';
    /**
     * The key lacks a scope the caller required.
     *
     * code: PERMISSION_DENIED, reason: "INSUFFICIENT_SCOPE",
     * metadata: {"missingScopes": "write,admin"}
     */
    readonly INSUFFICIENT_SCOPE: 'INSUFFICIENT_SCOPE';
    /**
     * The key is bound to a different product or organization than the one validated for.
     *
     * code: PERMISSION_DENIED, reason: "WRONG_PRODUCT"
     */
    readonly WRONG_PRODUCT: 'WRONG_PRODUCT';
    /**
     * The client address is outside the key's allowed_cidrs.
     *
     * code: PERMISSION_DENIED, reason: "IP_NOT_ALLOWED"
     */
    readonly IP_NOT_ALLOWED: 'IP_NOT_ALLOWED';
    /**
     * The key's rate limit is used up for the current window. Comes with
     * `google.rpc.RetryInfo.retry_delay` and a `google.rpc.QuotaFailure`.
     *
     * code: RESOURCE_EXHAUSTED, reason: "RATE_LIMITED",
     * metadata: {"limit": "100", "window": "MINUTE", "resetTime": "..."}
     */
    readonly RATE_LIMITED: 'RATE_LIMITED';
    /**
     * A Create* call collided with an existing name.
     *
     * code: ALREADY_EXISTS, reason: "ALREADY_EXISTS", metadata: {"existingId": "..."}
     */
    readonly ALREADY_EXISTS: 'ALREADY_EXISTS';
    /**
     * A request field is missing or invalid. Comes with `google.rpc.BadRequest` whose
     * field_violations name each offending field.
     *
     * code: INVALID_ARGUMENT, reason: "INVALID_ARGUMENT"
     */
    readonly INVALID_ARGUMENT: 'INVALID_ARGUMENT';
    /**
     * AES-256-GCM authentication failed: tampered data, wrong key, wrong password or wrong
     * associated data. Deliberately says nothing about which.
     *
     * code: INVALID_ARGUMENT, reason: "DECRYPTION_FAILED"
     */
    readonly DECRYPTION_FAILED: 'DECRYPTION_FAILED';
    /**
     * The caller presented no credentials, or credentials that are not valid.
     *
     * code: UNAUTHENTICATED, reason: "CALLER_UNAUTHENTICATED"
     */
    readonly CALLER_UNAUTHENTICATED: 'CALLER_UNAUTHENTICATED';
    /**
     * The caller is authenticated but its roles do not allow this call.
     *
     * code: PERMISSION_DENIED, reason: "CALLER_FORBIDDEN",
     * metadata: {"permission": "keys.create"}
     */
    readonly CALLER_FORBIDDEN: 'CALLER_FORBIDDEN';
    /**
     * The named resource does not exist, or exists in an organization the caller cannot see.
     *
     * code: NOT_FOUND, reason: "NOT_FOUND", metadata: {"resourceType": "ApiKey"}
     */
    readonly NOT_FOUND: 'NOT_FOUND';
    /**
     * The request is well formed but the resource is in a state that forbids it, such as
     * updating a revoked key.
     *
     * code: FAILED_PRECONDITION, reason: "FAILED_PRECONDITION"
     */
    readonly FAILED_PRECONDITION: 'FAILED_PRECONDITION';
    /**
     * A request or payload exceeds a server limit (for example the Encrypt payload limit).
     *
     * code: INVALID_ARGUMENT, reason: "PAYLOAD_TOO_LARGE", metadata: {"limitBytes": "4194304"}
     */
    readonly PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE';
    /**
     * The RPC is part of the contract but not served by this server build.
     *
     * code: UNIMPLEMENTED, reason: "NOT_IMPLEMENTED"
     */
    readonly NOT_IMPLEMENTED: 'NOT_IMPLEMENTED';
    /**
     * The server failed in a way the caller cannot fix. Carries no further detail; the
     * server logs the cause under the request id.
     *
     * code: INTERNAL, reason: "INTERNAL"
     */
    readonly INTERNAL: 'INTERNAL';
    /**
     * A dependency (the database) is temporarily unavailable; retrying may succeed.
     *
     * code: UNAVAILABLE, reason: "UNAVAILABLE"
     */
    readonly UNAVAILABLE: 'UNAVAILABLE';
    /**
     * A managed key's version is DISABLED or DESTROY_SCHEDULED, or below the key's
     * min_decryption_version, so it may not be used. Enabling (or restoring) it helps.
     *
     * code: FAILED_PRECONDITION, reason: "CRYPTO_KEY_VERSION_DISABLED",
     * metadata: {"cryptoKeyId": "...", "version": "2", "state": "DISABLED"}
     */
    readonly CRYPTO_KEY_VERSION_DISABLED: 'CRYPTO_KEY_VERSION_DISABLED';
    /**
     * A managed key's version is DESTROYED: its material is gone for good.
     *
     * code: FAILED_PRECONDITION, reason: "CRYPTO_KEY_VERSION_DESTROYED",
     * metadata: {"cryptoKeyId": "...", "version": "1"}
     */
    readonly CRYPTO_KEY_VERSION_DESTROYED: 'CRYPTO_KEY_VERSION_DESTROYED';
    /**
     * The managed key's purpose does not allow this operation (for example Sign with an
     * ENCRYPT_DECRYPT key).
     *
     * code: FAILED_PRECONDITION, reason: "WRONG_KEY_PURPOSE",
     * metadata: {"purpose": "ENCRYPT_DECRYPT", "required": "ASYMMETRIC_SIGN"}
     */
    readonly WRONG_KEY_PURPOSE: 'WRONG_KEY_PURPOSE';
    /**
     * A concurrent transaction conflicted with this one (a serialization failure or a
     * deadlock in the database) and was rolled back; nothing was applied. Retrying the whole
     * call may succeed. Comes with `google.rpc.RetryInfo`.
     *
     * code: ABORTED, reason: "ABORTED"
     */
    readonly ABORTED: 'ABORTED';
    /**
     * ImportKeys: a key with this hash is already stored (imported earlier, possibly into
     * another organization, or earlier in the same request). Names no existing key.
     *
     * code: ALREADY_EXISTS, reason: "KEY_HASH_EXISTS"
     */
    readonly KEY_HASH_EXISTS: 'KEY_HASH_EXISTS';
    /**
     * ImportKeys with `atomic`: this key was fine but nothing was imported because another
     * key of the batch failed. Fix the failing keys and send the batch again.
     *
     * code: ABORTED, reason: "BATCH_ITEM_ABORTED"
     */
    readonly BATCH_ITEM_ABORTED: 'BATCH_ITEM_ABORTED';
    /**
     * RevealKey on a key that is not recoverable (its plaintext was never kept).
     *
     * code: FAILED_PRECONDITION, reason: "KEY_NOT_RECOVERABLE", metadata: {"keyId": "..."}
     */
    readonly KEY_NOT_RECOVERABLE: 'KEY_NOT_RECOVERABLE';
    /**
     * The key's credits do not cover this call's cost. Nothing was taken: no credits and no
     * rate-limit quota. A refill (if the key has one) or UpdateKey helps.
     *
     * code: RESOURCE_EXHAUSTED, reason: "CREDITS_EXHAUSTED",
     * metadata: {"remaining": "3", "cost": "5"}
     */
    readonly CREDITS_EXHAUSTED: 'CREDITS_EXHAUSTED';
    /**
     * A ListKeyEvents / WatchKeyEvents cursor (after_sequence) lies before the oldest retained
     * key event: the events after it were pruned (KEYTURN_KEY_EVENT_RETENTION), so resuming
     * there would silently miss them. Start again from 0 (the oldest retained event) knowingly.
     *
     * code: FAILED_PRECONDITION, reason: "KEY_EVENT_CURSOR_EXPIRED",
     * metadata: {"afterSequence": "12", "oldestSequence": "40"}
     */
    readonly KEY_EVENT_CURSOR_EXPIRED: 'KEY_EVENT_CURSOR_EXPIRED';
    /**
     * Data the server stored cannot be read back: a recoverable key's ciphertext, a managed
     * key version's wrapped material or a signing key does not decrypt (a corrupted or altered
     * row, or a root-key version no longer configured). Retrying does not help; the operator
     * restores the row or the root-key version. Names the resource, never its content.
     *
     * code: DATA_LOSS, reason: "DATA_LOSS",
     * metadata: {"resourceType": "CryptoKeyVersion", "resourceId": "<crypto key id>/2"}
     */
    readonly DATA_LOSS: 'DATA_LOSS';
};
/**
 * ErrorReason is the closed set of values Keyturn puts in `google.rpc.ErrorInfo.reason`.
 *
 * Every error status a Keyturn server returns carries exactly one `google.rpc.ErrorInfo`
 * with `domain = "keyturn.dev"` and `reason` set to the name of one of these values, so a
 * client can switch on the reason instead of parsing messages. The comment of each value
 * shows an example of the status it comes with.
 *
 * The values carry no `ERROR_REASON_` prefix because the value name IS the wire string
 * (`reason: "KEY_INVALID"`); see the lint exception in buf.yaml.
 */
export type ErrorReason__Input = 
/**
 * Never sent; the proto3 default.
 */
'ERROR_REASON_UNSPECIFIED' | 0
/**
 * The presented API key is malformed, fails its checksum, or is unknown. Unknown and
 * malformed keys get the same answer, so a caller cannot probe which keys exist.
 *
 * code: UNAUTHENTICATED, reason: "KEY_INVALID"
 */
 | 'KEY_INVALID' | 1
/**
 * The key exists but its expire_time has passed.
 *
 * code: UNAUTHENTICATED, reason: "KEY_EXPIRED",
 * metadata: {"expireTime": "2026-11-23T10:00:00Z"}
 */
 | 'KEY_EXPIRED' | 2
/**
 * The key was revoked.
 *
 * code: PERMISSION_DENIED, reason: "KEY_REVOKED"
 */
 | 'KEY_REVOKED' | 3
/**
 * The key lacks a scope the caller required.
 *
 * code: PERMISSION_DENIED, reason: "INSUFFICIENT_SCOPE",
 * metadata: {"missingScopes": "write,admin"}
 */
 | 'INSUFFICIENT_SCOPE' | 4
/**
 * The key is bound to a different product or organization than the one validated for.
 *
 * code: PERMISSION_DENIED, reason: "WRONG_PRODUCT"
 */
 | 'WRONG_PRODUCT' | 5
/**
 * The client address is outside the key's allowed_cidrs.
 *
 * code: PERMISSION_DENIED, reason: "IP_NOT_ALLOWED"
 */
 | 'IP_NOT_ALLOWED' | 6
/**
 * The key's rate limit is used up for the current window. Comes with
 * `google.rpc.RetryInfo.retry_delay` and a `google.rpc.QuotaFailure`.
 *
 * code: RESOURCE_EXHAUSTED, reason: "RATE_LIMITED",
 * metadata: {"limit": "100", "window": "MINUTE", "resetTime": "..."}
 */
 | 'RATE_LIMITED' | 7
/**
 * A Create* call collided with an existing name.
 *
 * code: ALREADY_EXISTS, reason: "ALREADY_EXISTS", metadata: {"existingId": "..."}
 */
 | 'ALREADY_EXISTS' | 8
/**
 * A request field is missing or invalid. Comes with `google.rpc.BadRequest` whose
 * field_violations name each offending field.
 *
 * code: INVALID_ARGUMENT, reason: "INVALID_ARGUMENT"
 */
 | 'INVALID_ARGUMENT' | 9
/**
 * AES-256-GCM authentication failed: tampered data, wrong key, wrong password or wrong
 * associated data. Deliberately says nothing about which.
 *
 * code: INVALID_ARGUMENT, reason: "DECRYPTION_FAILED"
 */
 | 'DECRYPTION_FAILED' | 10
/**
 * The caller presented no credentials, or credentials that are not valid.
 *
 * code: UNAUTHENTICATED, reason: "CALLER_UNAUTHENTICATED"
 */
 | 'CALLER_UNAUTHENTICATED' | 11
/**
 * The caller is authenticated but its roles do not allow this call.
 *
 * code: PERMISSION_DENIED, reason: "CALLER_FORBIDDEN",
 * metadata: {"permission": "keys.create"}
 */
 | 'CALLER_FORBIDDEN' | 12
/**
 * The named resource does not exist, or exists in an organization the caller cannot see.
 *
 * code: NOT_FOUND, reason: "NOT_FOUND", metadata: {"resourceType": "ApiKey"}
 */
 | 'NOT_FOUND' | 13
/**
 * The request is well formed but the resource is in a state that forbids it, such as
 * updating a revoked key.
 *
 * code: FAILED_PRECONDITION, reason: "FAILED_PRECONDITION"
 */
 | 'FAILED_PRECONDITION' | 14
/**
 * A request or payload exceeds a server limit (for example the Encrypt payload limit).
 *
 * code: INVALID_ARGUMENT, reason: "PAYLOAD_TOO_LARGE", metadata: {"limitBytes": "4194304"}
 */
 | 'PAYLOAD_TOO_LARGE' | 15
/**
 * The RPC is part of the contract but not served by this server build.
 *
 * code: UNIMPLEMENTED, reason: "NOT_IMPLEMENTED"
 */
 | 'NOT_IMPLEMENTED' | 16
/**
 * The server failed in a way the caller cannot fix. Carries no further detail; the
 * server logs the cause under the request id.
 *
 * code: INTERNAL, reason: "INTERNAL"
 */
 | 'INTERNAL' | 17
/**
 * A dependency (the database) is temporarily unavailable; retrying may succeed.
 *
 * code: UNAVAILABLE, reason: "UNAVAILABLE"
 */
 | 'UNAVAILABLE' | 18
/**
 * A managed key's version is DISABLED or DESTROY_SCHEDULED, or below the key's
 * min_decryption_version, so it may not be used. Enabling (or restoring) it helps.
 *
 * code: FAILED_PRECONDITION, reason: "CRYPTO_KEY_VERSION_DISABLED",
 * metadata: {"cryptoKeyId": "...", "version": "2", "state": "DISABLED"}
 */
 | 'CRYPTO_KEY_VERSION_DISABLED' | 19
/**
 * A managed key's version is DESTROYED: its material is gone for good.
 *
 * code: FAILED_PRECONDITION, reason: "CRYPTO_KEY_VERSION_DESTROYED",
 * metadata: {"cryptoKeyId": "...", "version": "1"}
 */
 | 'CRYPTO_KEY_VERSION_DESTROYED' | 20
/**
 * The managed key's purpose does not allow this operation (for example Sign with an
 * ENCRYPT_DECRYPT key).
 *
 * code: FAILED_PRECONDITION, reason: "WRONG_KEY_PURPOSE",
 * metadata: {"purpose": "ENCRYPT_DECRYPT", "required": "ASYMMETRIC_SIGN"}
 */
 | 'WRONG_KEY_PURPOSE' | 21
/**
 * A concurrent transaction conflicted with this one (a serialization failure or a
 * deadlock in the database) and was rolled back; nothing was applied. Retrying the whole
 * call may succeed. Comes with `google.rpc.RetryInfo`.
 *
 * code: ABORTED, reason: "ABORTED"
 */
 | 'ABORTED' | 22
/**
 * ImportKeys: a key with this hash is already stored (imported earlier, possibly into
 * another organization, or earlier in the same request). Names no existing key.
 *
 * code: ALREADY_EXISTS, reason: "KEY_HASH_EXISTS"
 */
 | 'KEY_HASH_EXISTS' | 27
/**
 * ImportKeys with `atomic`: this key was fine but nothing was imported because another
 * key of the batch failed. Fix the failing keys and send the batch again.
 *
 * code: ABORTED, reason: "BATCH_ITEM_ABORTED"
 */
 | 'BATCH_ITEM_ABORTED' | 28
/**
 * RevealKey on a key that is not recoverable (its plaintext was never kept).
 *
 * code: FAILED_PRECONDITION, reason: "KEY_NOT_RECOVERABLE", metadata: {"keyId": "..."}
 */
 | 'KEY_NOT_RECOVERABLE' | 36
/**
 * The key's credits do not cover this call's cost. Nothing was taken: no credits and no
 * rate-limit quota. A refill (if the key has one) or UpdateKey helps.
 *
 * code: RESOURCE_EXHAUSTED, reason: "CREDITS_EXHAUSTED",
 * metadata: {"remaining": "3", "cost": "5"}
 */
 | 'CREDITS_EXHAUSTED' | 25
/**
 * A ListKeyEvents / WatchKeyEvents cursor (after_sequence) lies before the oldest retained
 * key event: the events after it were pruned (KEYTURN_KEY_EVENT_RETENTION), so resuming
 * there would silently miss them. Start again from 0 (the oldest retained event) knowingly.
 *
 * code: FAILED_PRECONDITION, reason: "KEY_EVENT_CURSOR_EXPIRED",
 * metadata: {"afterSequence": "12", "oldestSequence": "40"}
 */
 | 'KEY_EVENT_CURSOR_EXPIRED' | 32
/**
 * Data the server stored cannot be read back: a recoverable key's ciphertext, a managed
 * key version's wrapped material or a signing key does not decrypt (a corrupted or altered
 * row, or a root-key version no longer configured). Retrying does not help; the operator
 * restores the row or the root-key version. Names the resource, never its content.
 *
 * code: DATA_LOSS, reason: "DATA_LOSS",
 * metadata: {"resourceType": "CryptoKeyVersion", "resourceId": "<crypto key id>/2"}
 */
 | 'DATA_LOSS' | 37;
/**
 * ErrorReason is the closed set of values Keyturn puts in `google.rpc.ErrorInfo.reason`.
 *
 * Every error status a Keyturn server returns carries exactly one `google.rpc.ErrorInfo`
 * with `domain = "keyturn.dev"` and `reason` set to the name of one of these values, so a
 * client can switch on the reason instead of parsing messages. The comment of each value
 * shows an example of the status it comes with.
 *
 * The values carry no `ERROR_REASON_` prefix because the value name IS the wire string
 * (`reason: "KEY_INVALID"`); see the lint exception in buf.yaml.
 */
export type ErrorReason = typeof ErrorReason[keyof typeof ErrorReason];
