// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyMetadata__Input as _keyturn_v1_KeyMetadata__Input, KeyMetadata as _keyturn_v1_KeyMetadata } from '../../keyturn/v1/KeyMetadata';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration';
import type { Environment__Input as _keyturn_v1_Environment__Input, Environment as _keyturn_v1_Environment } from '../../keyturn/v1/Environment';
import type { KeyCredits__Input as _keyturn_v1_KeyCredits__Input, KeyCredits as _keyturn_v1_KeyCredits } from '../../keyturn/v1/KeyCredits';
import type { KeyRotationPolicy__Input as _keyturn_v1_KeyRotationPolicy__Input, KeyRotationPolicy as _keyturn_v1_KeyRotationPolicy } from '../../keyturn/v1/KeyRotationPolicy';
/**
 * Request for KeyService.CreateKey.
 */
export interface CreateKeyRequest__Input {
    /**
     * Required. The owning organization.
     */
    'organization_id'?: (string);
    /**
     * Optional. Scope the key to this project of the organization.
     */
    'project_id'?: (string);
    /**
     * Optional. Scope the key to this product of the organization. With project_id, the
     * product must be linked to the project.
     */
    'product_id'?: (string);
    /**
     * Optional. Name, scopes, rate limit and custom data.
     */
    'metadata'?: (_keyturn_v1_KeyMetadata__Input | null);
    /**
     * Optional. When the key expires; must be in the future. Not together with ttl.
     */
    'expire_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Optional. Time to live from now, positive. Not together with expire_time.
     */
    'ttl'?: (_google_protobuf_Duration__Input | null);
    /**
     * Optional. IPv4/IPv6 CIDR networks the key may be used from; at most 64.
     */
    'allowed_cidrs'?: (string)[];
    /**
     * Optional. The key's environment (default LIVE; with parent_key_id, the parent's).
     */
    'environment'?: (_keyturn_v1_Environment__Input);
    /**
     * Optional. Derive a restricted child key from this key of the same organization (the
     * caller must be able to read it). The child is at least as narrow as the parent: same
     * environment, same project/product if the parent has one, scopes a subset of the
     * parent's, expire_time no later (a child without one gets the parent's), every network
     * of allowed_cidrs inside one of the parent's (a parent without CIDRs allows any), and a
     * rate limit no higher per second (a limited parent requires a limited child). Violations
     * are INVALID_ARGUMENT naming the field, ErrorInfo metadata `parentKeyId`. The parent
     * must be active (FAILED_PRECONDITION otherwise). Revoking or deleting the parent revokes
     * the child.
     */
    'parent_key_id'?: (string);
    /**
     * Optional. Usage credits (remaining at most 10^15); unset means unlimited.
     */
    'credits'?: (_keyturn_v1_KeyCredits__Input | null);
    /**
     * Optional. The key's rotation policy; unset = the effective key policy's `rotation`
     * (if any). AUTOMATIC needs a recoverable key.
     */
    'rotation'?: (_keyturn_v1_KeyRotationPolicy__Input | null);
    /**
     * Optional. Keep the plaintext, encrypted, for RevealKey; unset = the effective key
     * policy's `recoverable` (default false).
     */
    'recoverable'?: (boolean);
    '_recoverable'?: "recoverable";
}
/**
 * Request for KeyService.CreateKey.
 */
export interface CreateKeyRequest {
    /**
     * Required. The owning organization.
     */
    'organization_id': (string);
    /**
     * Optional. Scope the key to this project of the organization.
     */
    'project_id': (string);
    /**
     * Optional. Scope the key to this product of the organization. With project_id, the
     * product must be linked to the project.
     */
    'product_id': (string);
    /**
     * Optional. Name, scopes, rate limit and custom data.
     */
    'metadata': (_keyturn_v1_KeyMetadata | null);
    /**
     * Optional. When the key expires; must be in the future. Not together with ttl.
     */
    'expire_time': (_google_protobuf_Timestamp | null);
    /**
     * Optional. Time to live from now, positive. Not together with expire_time.
     */
    'ttl': (_google_protobuf_Duration | null);
    /**
     * Optional. IPv4/IPv6 CIDR networks the key may be used from; at most 64.
     */
    'allowed_cidrs': (string)[];
    /**
     * Optional. The key's environment (default LIVE; with parent_key_id, the parent's).
     */
    'environment': (_keyturn_v1_Environment);
    /**
     * Optional. Derive a restricted child key from this key of the same organization (the
     * caller must be able to read it). The child is at least as narrow as the parent: same
     * environment, same project/product if the parent has one, scopes a subset of the
     * parent's, expire_time no later (a child without one gets the parent's), every network
     * of allowed_cidrs inside one of the parent's (a parent without CIDRs allows any), and a
     * rate limit no higher per second (a limited parent requires a limited child). Violations
     * are INVALID_ARGUMENT naming the field, ErrorInfo metadata `parentKeyId`. The parent
     * must be active (FAILED_PRECONDITION otherwise). Revoking or deleting the parent revokes
     * the child.
     */
    'parent_key_id': (string);
    /**
     * Optional. Usage credits (remaining at most 10^15); unset means unlimited.
     */
    'credits': (_keyturn_v1_KeyCredits | null);
    /**
     * Optional. The key's rotation policy; unset = the effective key policy's `rotation`
     * (if any). AUTOMATIC needs a recoverable key.
     */
    'rotation': (_keyturn_v1_KeyRotationPolicy | null);
    /**
     * Optional. Keep the plaintext, encrypted, for RevealKey; unset = the effective key
     * policy's `recoverable` (default false).
     */
    'recoverable'?: (boolean);
    '_recoverable'?: "recoverable";
}
