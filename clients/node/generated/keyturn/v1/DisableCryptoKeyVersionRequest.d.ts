// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.DisableCryptoKeyVersion.
 */
export interface DisableCryptoKeyVersionRequest__Input {
    /**
     * Required. The key.
     */
    'crypto_key_id'?: (string);
    /**
     * Required. The version number; must be ENABLED or DISABLED, and not the primary.
     */
    'number'?: (number);
}
/**
 * Request for CryptoService.DisableCryptoKeyVersion.
 */
export interface DisableCryptoKeyVersionRequest {
    /**
     * Required. The key.
     */
    'crypto_key_id': (string);
    /**
     * Required. The version number; must be ENABLED or DISABLED, and not the primary.
     */
    'number': (number);
}
