// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.RestoreCryptoKeyVersion.
 */
export interface RestoreCryptoKeyVersionRequest__Input {
    /**
     * Required. The key.
     */
    'crypto_key_id'?: (string);
    /**
     * Required. The version number; must be DESTROY_SCHEDULED. It becomes DISABLED.
     */
    'number'?: (number);
}
/**
 * Request for CryptoService.RestoreCryptoKeyVersion.
 */
export interface RestoreCryptoKeyVersionRequest {
    /**
     * Required. The key.
     */
    'crypto_key_id': (string);
    /**
     * Required. The version number; must be DESTROY_SCHEDULED. It becomes DISABLED.
     */
    'number': (number);
}
