// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { CryptoKey__Input as _keyturn_v1_CryptoKey__Input, CryptoKey as _keyturn_v1_CryptoKey } from '../../keyturn/v1/CryptoKey';
/**
 * Response of CryptoService.ListCryptoKeys.
 */
export interface ListCryptoKeysResponse__Input {
    /**
     * One page of keys, oldest first.
     */
    'crypto_keys'?: (_keyturn_v1_CryptoKey__Input)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Response of CryptoService.ListCryptoKeys.
 */
export interface ListCryptoKeysResponse {
    /**
     * One page of keys, oldest first.
     */
    'crypto_keys': (_keyturn_v1_CryptoKey)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token': (string);
}
