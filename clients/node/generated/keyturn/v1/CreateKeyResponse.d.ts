// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ApiKey__Input as _keyturn_v1_ApiKey__Input, ApiKey as _keyturn_v1_ApiKey } from '../../keyturn/v1/ApiKey';
/**
 * Response of KeyService.CreateKey.
 */
export interface CreateKeyResponse__Input {
    /**
     * The new key.
     */
    'key'?: (_keyturn_v1_ApiKey__Input | null);
    /**
     * The plaintext key. Shown once; the server keeps only a keyed hash.
     */
    'plaintext'?: (string);
}
/**
 * Response of KeyService.CreateKey.
 */
export interface CreateKeyResponse {
    /**
     * The new key.
     */
    'key': (_keyturn_v1_ApiKey | null);
    /**
     * The plaintext key. Shown once; the server keeps only a keyed hash.
     */
    'plaintext': (string);
}
