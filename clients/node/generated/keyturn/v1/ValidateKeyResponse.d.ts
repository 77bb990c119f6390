// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ApiKey__Input as _keyturn_v1_ApiKey__Input, ApiKey as _keyturn_v1_ApiKey } from '../../keyturn/v1/ApiKey';
import type { RateLimitStatus__Input as _keyturn_v1_RateLimitStatus__Input, RateLimitStatus as _keyturn_v1_RateLimitStatus } from '../../keyturn/v1/RateLimitStatus';
import type { KeyCredits__Input as _keyturn_v1_KeyCredits__Input, KeyCredits as _keyturn_v1_KeyCredits } from '../../keyturn/v1/KeyCredits';
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
    /**
     * Output only. The key's credits after this call; unset when the key has none.
     */
    'credits'?: (_keyturn_v1_KeyCredits__Input | null);
    /**
     * Output only. The state of every limit this call applied, in request order (the
     * default limit included, also in `rate_limit`).
     */
    'limits'?: (_keyturn_v1_RateLimitStatus__Input)[];
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
    /**
     * Output only. The key's credits after this call; unset when the key has none.
     */
    'credits': (_keyturn_v1_KeyCredits | null);
    /**
     * Output only. The state of every limit this call applied, in request order (the
     * default limit included, also in `rate_limit`).
     */
    'limits': (_keyturn_v1_RateLimitStatus)[];
}
