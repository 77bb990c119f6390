// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ApiKey__Input as _keyturn_v1_ApiKey__Input, ApiKey as _keyturn_v1_ApiKey } from '../../keyturn/v1/ApiKey';
/**
 * Response of KeyService.ListKeys.
 */
export interface ListKeysResponse__Input {
    /**
     * One page of keys, newest first.
     */
    'keys'?: (_keyturn_v1_ApiKey__Input)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Response of KeyService.ListKeys.
 */
export interface ListKeysResponse {
    /**
     * One page of keys, newest first.
     */
    'keys': (_keyturn_v1_ApiKey)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token': (string);
}
