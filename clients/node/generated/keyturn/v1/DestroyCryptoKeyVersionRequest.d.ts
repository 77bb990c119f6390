// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.DestroyCryptoKeyVersion.
 */
export interface DestroyCryptoKeyVersionRequest__Input {
    /**
     * Required. The key.
     */
    'crypto_key_id'?: (string);
    /**
     * Required. The version number; must not be the primary. Its material is destroyed
     * after the key's destroy_scheduled_duration.
     */
    'number'?: (number);
}
/**
 * Request for CryptoService.DestroyCryptoKeyVersion.
 */
export interface DestroyCryptoKeyVersionRequest {
    /**
     * Required. The key.
     */
    'crypto_key_id': (string);
    /**
     * Required. The version number; must not be the primary. Its material is destroyed
     * after the key's destroy_scheduled_duration.
     */
    'number': (number);
}
