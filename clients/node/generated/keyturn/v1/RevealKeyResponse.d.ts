// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ApiKey__Input as _keyturn_v1_ApiKey__Input, ApiKey as _keyturn_v1_ApiKey } from '../../keyturn/v1/ApiKey';
/**
 * Response of KeyService.RevealKey.
 */
export interface RevealKeyResponse__Input {
    /**
     * The key.
     */
    'key'?: (_keyturn_v1_ApiKey__Input | null);
    /**
     * The key's plaintext.
     */
    'plaintext'?: (string);
}
/**
 * Response of KeyService.RevealKey.
 */
export interface RevealKeyResponse {
    /**
     * The key.
     */
    'key': (_keyturn_v1_ApiKey | null);
    /**
     * The key's plaintext.
     */
    'plaintext': (string);
}
