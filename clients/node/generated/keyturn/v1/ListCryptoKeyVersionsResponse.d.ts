// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { CryptoKeyVersion__Input as _keyturn_v1_CryptoKeyVersion__Input, CryptoKeyVersion as _keyturn_v1_CryptoKeyVersion } from '../../keyturn/v1/CryptoKeyVersion';
/**
 * Response of CryptoService.ListCryptoKeyVersions.
 */
export interface ListCryptoKeyVersionsResponse__Input {
    /**
     * One page of versions, lowest number first.
     */
    'versions'?: (_keyturn_v1_CryptoKeyVersion__Input)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Response of CryptoService.ListCryptoKeyVersions.
 */
export interface ListCryptoKeyVersionsResponse {
    /**
     * One page of versions, lowest number first.
     */
    'versions': (_keyturn_v1_CryptoKeyVersion)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token': (string);
}
