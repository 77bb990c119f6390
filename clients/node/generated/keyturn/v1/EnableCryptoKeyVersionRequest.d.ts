// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.EnableCryptoKeyVersion.
 */
export interface EnableCryptoKeyVersionRequest__Input {
    /**
     * Required. The key.
     */
    'crypto_key_id'?: (string);
    /**
     * Required. The version number; must be ENABLED or DISABLED.
     */
    'number'?: (number);
}
/**
 * Request for CryptoService.EnableCryptoKeyVersion.
 */
export interface EnableCryptoKeyVersionRequest {
    /**
     * Required. The key.
     */
    'crypto_key_id': (string);
    /**
     * Required. The version number; must be ENABLED or DISABLED.
     */
    'number': (number);
}
