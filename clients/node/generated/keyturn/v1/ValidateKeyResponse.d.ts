// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ApiKey__Input as _keyturn_v1_ApiKey__Input, ApiKey as _keyturn_v1_ApiKey } from '../../keyturn/v1/ApiKey';
import type { RateLimitStatus__Input as _keyturn_v1_RateLimitStatus__Input, RateLimitStatus as _keyturn_v1_RateLimitStatus } from '../../keyturn/v1/RateLimitStatus';
/**
 * Response of KeyService.ValidateKey (only on success; failures are error statuses).
 */
export interface ValidateKeyResponse__Input {
    /**
     * The validated key, including metadata.custom.
     */
    'key'?: (_keyturn_v1_ApiKey__Input | null);
    /**
     * Quota state; unset when the key has no rate limit or skip_rate_limit
     * was true.
     */
    'rate_limit'?: (_keyturn_v1_RateLimitStatus__Input | null);
}
/**
 * Response of KeyService.ValidateKey (only on success; failures are error statuses).
 */
export interface ValidateKeyResponse {
    /**
     * The validated key, including metadata.custom.
     */
    'key': (_keyturn_v1_ApiKey | null);
    /**
     * Quota state; unset when the key has no rate limit or skip_rate_limit
     * was true.
     */
    'rate_limit': (_keyturn_v1_RateLimitStatus | null);
}
