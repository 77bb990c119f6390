// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.ListCryptoKeyVersions.
 */
export interface ListCryptoKeyVersionsRequest__Input {
    /**
     * Required. The key.
     */
    'crypto_key_id'?: (string);
    /**
     * Optional. Maximum results per page, 1..1000 (default 100).
     */
    'page_size'?: (number);
    /**
     * Optional. The next_page_token of a previous call with the same filters.
     */
    'page_token'?: (string);
}
/**
 * Request for CryptoService.ListCryptoKeyVersions.
 */
export interface ListCryptoKeyVersionsRequest {
    /**
     * Required. The key.
     */
    'crypto_key_id': (string);
    /**
     * Optional. Maximum results per page, 1..1000 (default 100).
     */
    'page_size': (number);
    /**
     * Optional. The next_page_token of a previous call with the same filters.
     */
    'page_token': (string);
}
