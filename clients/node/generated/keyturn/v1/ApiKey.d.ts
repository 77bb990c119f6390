// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Environment__Input as _keyturn_v1_Environment__Input, Environment as _keyturn_v1_Environment } from '../../keyturn/v1/Environment';
import type { KeyMetadata__Input as _keyturn_v1_KeyMetadata__Input, KeyMetadata as _keyturn_v1_KeyMetadata } from '../../keyturn/v1/KeyMetadata';
import type { KeyStatus__Input as _keyturn_v1_KeyStatus__Input, KeyStatus as _keyturn_v1_KeyStatus } from '../../keyturn/v1/KeyStatus';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { KeyCredits__Input as _keyturn_v1_KeyCredits__Input, KeyCredits as _keyturn_v1_KeyCredits } from '../../keyturn/v1/KeyCredits';
import type { KeyRotationPolicy__Input as _keyturn_v1_KeyRotationPolicy__Input, KeyRotationPolicy as _keyturn_v1_KeyRotationPolicy } from '../../keyturn/v1/KeyRotationPolicy';
import type { Long } from '@grpc/proto-loader';
/**
 * An issued API key. Never carries the plaintext or its hash.
 */
export interface ApiKey__Input {
    /**
     * Output only. Server-assigned UUID.
     */
    'id'?: (string);
    /**
     * Immutable. The owning organization.
     */
    'organization_id'?: (string);
    /**
     * Immutable. The project the key is scoped to; empty for an organization-wide key.
     */
    'project_id'?: (string);
    /**
     * Immutable. The product the key is scoped to; empty when not product-scoped.
     */
    'product_id'?: (string);
    /**
     * Output only. A short, non-secret display form: prefix, environment and the first four
     * characters of the body (`kt_live_AbCd`).
     */
    'start'?: (string);
    /**
     * Immutable. The key's environment.
     */
    'environment'?: (_keyturn_v1_Environment__Input);
    /**
     * Optional. Name, scopes, rate limit and custom data.
     */
    'metadata'?: (_keyturn_v1_KeyMetadata__Input | null);
    /**
     * Output only. Derived from revoke_time and expire_time at response time.
     */
    'status'?: (_keyturn_v1_KeyStatus__Input);
    /**
     * Output only. When the key was issued.
     */
    'create_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. When the key's settings last changed.
     */
    'update_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Optional. When the key stops working; unset means never.
     */
    'expire_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. When the key was first revoked; unset while not revoked.
     */
    'revoke_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. The reason given to the first RevokeKey.
     */
    'revoke_reason'?: (string);
    /**
     * Output only. Successful validations not marked skip_usage. May lag by up to the usage flush
     * interval (one second by default).
     */
    'use_count'?: (number | string | Long);
    /**
     * Output only. The time of the last successful validation not marked skip_usage.
     */
    'last_used_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Optional. IPv4/IPv6 networks in CIDR notation the key may be used from; empty means
     * anywhere. At most 64.
     */
    'allowed_cidrs'?: (string)[];
    /**
     * Output only. The key this one replaced through RotateKey, if any.
     */
    'rotated_from_key_id'?: (string);
    /**
     * Output only. The key that replaced this one through RotateKey, if any.
     */
    'replaced_by_key_id'?: (string);
    /**
     * Immutable. The key this restricted child key was derived from (CreateKeyRequest.parent_key_id);
     * empty for a key without a parent. A child never holds more than its parent (scopes,
     * expiry, CIDRs, product, rate limit) and is revoked with it. RotateKey of the parent
     * re-points its children to the successor.
     */
    'parent_key_id'?: (string);
    /**
     * Optional. Usage credits; unset means unlimited. `remaining` is the balance as of the
     * response.
     */
    'credits'?: (_keyturn_v1_KeyCredits__Input | null);
    /**
     * Optional. When and how the key is rotated; unset means never. AUTOMATIC needs a
     * recoverable key. Set or cleared by UpdateKey (mask path `rotation`); inherited by the
     * successor of a rotation.
     */
    'rotation'?: (_keyturn_v1_KeyRotationPolicy__Input | null);
    /**
     * Output only. When the key is next due for rotation (issue or last rotation plus the
     * rotation period); unset without a rotation policy or once the key was replaced.
     */
    'next_rotation_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Immutable. Whether the plaintext is kept, encrypted under a managed key of the
     * organization, so that RevealKey can return it. Inherited by the successor of a rotation.
     */
    'recoverable'?: (boolean);
    /**
     * Output only. When the key was first reported leaked (ReportLeakedKeys, or the GitHub
     * secret-scanning receiver); unset while never reported. A flagged key (leaked-key
     * action FLAG) keeps working with this set.
     */
    'leak_time'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * An issued API key. Never carries the plaintext or its hash.
 */
export interface ApiKey {
    /**
     * Output only. Server-assigned UUID.
     */
    'id': (string);
    /**
     * Immutable. The owning organization.
     */
    'organization_id': (string);
    /**
     * Immutable. The project the key is scoped to; empty for an organization-wide key.
     */
    'project_id': (string);
    /**
     * Immutable. The product the key is scoped to; empty when not product-scoped.
     */
    'product_id': (string);
    /**
     * Output only. A short, non-secret display form: prefix, environment and the first four
     * characters of the body (`kt_live_AbCd`).
     */
    'start': (string);
    /**
     * Immutable. The key's environment.
     */
    'environment': (_keyturn_v1_Environment);
    /**
     * Optional. Name, scopes, rate limit and custom data.
     */
    'metadata': (_keyturn_v1_KeyMetadata | null);
    /**
     * Output only. Derived from revoke_time and expire_time at response time.
     */
    'status': (_keyturn_v1_KeyStatus);
    /**
     * Output only. When the key was issued.
     */
    'create_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. When the key's settings last changed.
     */
    'update_time': (_google_protobuf_Timestamp | null);
    /**
     * Optional. When the key stops working; unset means never.
     */
    'expire_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. When the key was first revoked; unset while not revoked.
     */
    'revoke_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. The reason given to the first RevokeKey.
     */
    'revoke_reason': (string);
    /**
     * Output only. Successful validations not marked skip_usage. May lag by up to the usage flush
     * interval (one second by default).
     */
    'use_count': (string);
    /**
     * Output only. The time of the last successful validation not marked skip_usage.
     */
    'last_used_time': (_google_protobuf_Timestamp | null);
    /**
     * Optional. IPv4/IPv6 networks in CIDR notation the key may be used from; empty means
     * anywhere. At most 64.
     */
    'allowed_cidrs': (string)[];
    /**
     * Output only. The key this one replaced through RotateKey, if any.
     */
    'rotated_from_key_id': (string);
    /**
     * Output only. The key that replaced this one through RotateKey, if any.
     */
    'replaced_by_key_id': (string);
    /**
     * Immutable. The key this restricted child key was derived from (CreateKeyRequest.parent_key_id);
     * empty for a key without a parent. A child never holds more than its parent (scopes,
     * expiry, CIDRs, product, rate limit) and is revoked with it. RotateKey of the parent
     * re-points its children to the successor.
     */
    'parent_key_id': (string);
    /**
     * Optional. Usage credits; unset means unlimited. `remaining` is the balance as of the
     * response.
     */
    'credits': (_keyturn_v1_KeyCredits | null);
    /**
     * Optional. When and how the key is rotated; unset means never. AUTOMATIC needs a
     * recoverable key. Set or cleared by UpdateKey (mask path `rotation`); inherited by the
     * successor of a rotation.
     */
    'rotation': (_keyturn_v1_KeyRotationPolicy | null);
    /**
     * Output only. When the key is next due for rotation (issue or last rotation plus the
     * rotation period); unset without a rotation policy or once the key was replaced.
     */
    'next_rotation_time': (_google_protobuf_Timestamp | null);
    /**
     * Immutable. Whether the plaintext is kept, encrypted under a managed key of the
     * organization, so that RevealKey can return it. Inherited by the successor of a rotation.
     */
    'recoverable': (boolean);
    /**
     * Output only. When the key was first reported leaked (ReportLeakedKeys, or the GitHub
     * secret-scanning receiver); unset while never reported. A flagged key (leaked-key
     * action FLAG) keeps working with this set.
     */
    'leak_time': (_google_protobuf_Timestamp | null);
}
