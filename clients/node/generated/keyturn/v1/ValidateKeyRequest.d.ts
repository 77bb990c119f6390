// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { LimitCost__Input as _keyturn_v1_LimitCost__Input, LimitCost as _keyturn_v1_LimitCost } from '../../keyturn/v1/LimitCost';
import type { Long } from '@grpc/proto-loader';
/**
 * Request for KeyService.ValidateKey.
 */
export interface ValidateKeyRequest__Input {
    /**
     * Required. The plaintext API key presented by the end caller (what
     * CreateKeyResponse.plaintext returned once).
     */
    'plaintext'?: (string);
    /**
     * Optional. The product being accessed. A key scoped to another product, or a key of an
     * organization that does not own this product, fails with WRONG_PRODUCT.
     */
    'product_id'?: (string);
    /**
     * Optional. Scopes the key must all hold.
     */
    'required_scopes'?: (string)[];
    /**
     * Optional. The end caller's IP address, checked against allowed_cidrs. A key with
     * allowed_cidrs fails IP_NOT_ALLOWED when this is empty.
     */
    'client_ip'?: (string);
    /**
     * Optional. When true, the key's rate limits (the default and the named ones) are not
     * enforced and no quota is taken; credits still apply (default false: the limits apply).
     */
    'skip_rate_limit'?: (boolean);
    /**
     * Optional. When true, this validation is not counted in use_count and
     * last_used_time (default false: it is counted).
     */
    'skip_usage'?: (boolean);
    /**
     * Optional. Credits this call takes from a key with credits, 0..1000000; 0 means 1.
     * Ignored for a key without credits.
     */
    'cost'?: (number | string | Long);
    /**
     * Optional. The rate limits to apply, by name, each with its cost; at most 17, names
     * unique. "default" names metadata.rate_limit. Empty: the default limit with cost 1.
     * A name the key does not have fails with INVALID_ARGUMENT. All or nothing: a call
     * denied by one limit (or by credits) takes nothing from any other.
     */
    'limits'?: (_keyturn_v1_LimitCost__Input)[];
}
/**
 * Request for KeyService.ValidateKey.
 */
export interface ValidateKeyRequest {
    /**
     * Required. The plaintext API key presented by the end caller (what
     * CreateKeyResponse.plaintext returned once).
     */
    'plaintext': (string);
    /**
     * Optional. The product being accessed. A key scoped to another product, or a key of an
     * organization that does not own this product, fails with WRONG_PRODUCT.
     */
    'product_id': (string);
    /**
     * Optional. Scopes the key must all hold.
     */
    'required_scopes': (string)[];
    /**
     * Optional. The end caller's IP address, checked against allowed_cidrs. A key with
     * allowed_cidrs fails IP_NOT_ALLOWED when this is empty.
     */
    'client_ip': (string);
    /**
     * Optional. When true, the key's rate limits (the default and the named ones) are not
     * enforced and no quota is taken; credits still apply (default false: the limits apply).
     */
    'skip_rate_limit': (boolean);
    /**
     * Optional. When true, this validation is not counted in use_count and
     * last_used_time (default false: it is counted).
     */
    'skip_usage': (boolean);
    /**
     * Optional. Credits this call takes from a key with credits, 0..1000000; 0 means 1.
     * Ignored for a key without credits.
     */
    'cost': (string);
    /**
     * Optional. The rate limits to apply, by name, each with its cost; at most 17, names
     * unique. "default" names metadata.rate_limit. Empty: the default limit with cost 1.
     * A name the key does not have fails with INVALID_ARGUMENT. All or nothing: a call
     * denied by one limit (or by credits) takes nothing from any other.
     */
    'limits': (_keyturn_v1_LimitCost)[];
}
