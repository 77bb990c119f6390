// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration';
import type { RateLimit__Input as _keyturn_v1_RateLimit__Input, RateLimit as _keyturn_v1_RateLimit } from '../../keyturn/v1/RateLimit';
import type { Environment__Input as _keyturn_v1_Environment__Input, Environment as _keyturn_v1_Environment } from '../../keyturn/v1/Environment';
import type { KeyRotationPolicy__Input as _keyturn_v1_KeyRotationPolicy__Input, KeyRotationPolicy as _keyturn_v1_KeyRotationPolicy } from '../../keyturn/v1/KeyRotationPolicy';
import type { LeakedKeyAction__Input as _keyturn_v1_LeakedKeyAction__Input, LeakedKeyAction as _keyturn_v1_LeakedKeyAction } from '../../keyturn/v1/LeakedKeyAction';
import type { TokenPolicy__Input as _keyturn_v1_TokenPolicy__Input, TokenPolicy as _keyturn_v1_TokenPolicy } from '../../keyturn/v1/TokenPolicy';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * Defaults and bounds for the keys of an organization or a project. Unset fields inherit
 * (a project from its organization; an organization from the server's defaults: no bound).
 */
export interface KeyPolicy__Input {
    /**
     * Output only. The organization the policy belongs to (or the project's organization).
     */
    'organization_id'?: (string);
    /**
     * Output only. The project; empty for an organization's policy.
     */
    'project_id'?: (string);
    /**
     * Optional. Lifetime of a key created without expire_time or ttl.
     */
    'default_ttl'?: (_google_protobuf_Duration__Input | null);
    /**
     * Optional. The longest lifetime a key may have; keys must then expire.
     */
    'max_ttl'?: (_google_protobuf_Duration__Input | null);
    /**
     * Optional. Scopes a key may carry; empty allows any.
     */
    'allowed_scopes'?: (string)[];
    /**
     * Optional. Scopes of a key created without scopes.
     */
    'default_scopes'?: (string)[];
    /**
     * Optional. Rate limit of a key created without one.
     */
    'default_rate_limit'?: (_keyturn_v1_RateLimit__Input | null);
    /**
     * Optional. The highest rate limit a key may have; keys must then have one.
     */
    'max_rate_limit'?: (_keyturn_v1_RateLimit__Input | null);
    /**
     * Optional. CIDRs of a key created without allowed_cidrs.
     */
    'default_allowed_cidrs'?: (string)[];
    /**
     * Optional. Environments keys may be issued in; empty allows both.
     */
    'allowed_environments'?: (_keyturn_v1_Environment__Input)[];
    /**
     * Optional. Rotation policy of a key created without one.
     */
    'rotation'?: (_keyturn_v1_KeyRotationPolicy__Input | null);
    /**
     * Optional. Whether keys are recoverable (RevealKey) unless they say otherwise.
     */
    'recoverable'?: (boolean);
    /**
     * Optional. What ReportLeakedKeys does with a found key (default REVOKE).
     */
    'leaked_key_action'?: (_keyturn_v1_LeakedKeyAction__Input);
    /**
     * Optional. Access-token settings (ExchangeKey).
     */
    'token'?: (_keyturn_v1_TokenPolicy__Input | null);
    /**
     * Output only. When the policy last changed; unset if it was never set.
     */
    'update_time'?: (_google_protobuf_Timestamp__Input | null);
    '_recoverable'?: "recoverable";
}
/**
 * Defaults and bounds for the keys of an organization or a project. Unset fields inherit
 * (a project from its organization; an organization from the server's defaults: no bound).
 */
export interface KeyPolicy {
    /**
     * Output only. The organization the policy belongs to (or the project's organization).
     */
    'organization_id': (string);
    /**
     * Output only. The project; empty for an organization's policy.
     */
    'project_id': (string);
    /**
     * Optional. Lifetime of a key created without expire_time or ttl.
     */
    'default_ttl': (_google_protobuf_Duration | null);
    /**
     * Optional. The longest lifetime a key may have; keys must then expire.
     */
    'max_ttl': (_google_protobuf_Duration | null);
    /**
     * Optional. Scopes a key may carry; empty allows any.
     */
    'allowed_scopes': (string)[];
    /**
     * Optional. Scopes of a key created without scopes.
     */
    'default_scopes': (string)[];
    /**
     * Optional. Rate limit of a key created without one.
     */
    'default_rate_limit': (_keyturn_v1_RateLimit | null);
    /**
     * Optional. The highest rate limit a key may have; keys must then have one.
     */
    'max_rate_limit': (_keyturn_v1_RateLimit | null);
    /**
     * Optional. CIDRs of a key created without allowed_cidrs.
     */
    'default_allowed_cidrs': (string)[];
    /**
     * Optional. Environments keys may be issued in; empty allows both.
     */
    'allowed_environments': (_keyturn_v1_Environment)[];
    /**
     * Optional. Rotation policy of a key created without one.
     */
    'rotation': (_keyturn_v1_KeyRotationPolicy | null);
    /**
     * Optional. Whether keys are recoverable (RevealKey) unless they say otherwise.
     */
    'recoverable'?: (boolean);
    /**
     * Optional. What ReportLeakedKeys does with a found key (default REVOKE).
     */
    'leaked_key_action': (_keyturn_v1_LeakedKeyAction);
    /**
     * Optional. Access-token settings (ExchangeKey).
     */
    'token': (_keyturn_v1_TokenPolicy | null);
    /**
     * Output only. When the policy last changed; unset if it was never set.
     */
    'update_time': (_google_protobuf_Timestamp | null);
    '_recoverable'?: "recoverable";
}
