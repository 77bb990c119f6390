// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
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
     * Optional. When true, the key's rate limit is not enforced and no quota is taken
     * (default false: the limit applies).
     */
    'skip_rate_limit'?: (boolean);
    /**
     * Optional. When true, this validation is not counted in use_count and
     * last_used_time (default false: it is counted).
     */
    'skip_usage'?: (boolean);
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
     * Optional. When true, the key's rate limit is not enforced and no quota is taken
     * (default false: the limit applies).
     */
    'skip_rate_limit': (boolean);
    /**
     * Optional. When true, this validation is not counted in use_count and
     * last_used_time (default false: it is counted).
     */
    'skip_usage': (boolean);
}
