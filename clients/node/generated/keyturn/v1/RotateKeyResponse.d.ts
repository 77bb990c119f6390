// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ApiKey__Input as _keyturn_v1_ApiKey__Input, ApiKey as _keyturn_v1_ApiKey } from '../../keyturn/v1/ApiKey';
/**
 * Response of KeyService.RotateKey.
 */
export interface RotateKeyResponse__Input {
    /**
     * The successor key, with the old key's settings and expire_time.
     */
    'key'?: (_keyturn_v1_ApiKey__Input | null);
    /**
     * The successor's plaintext. Shown once.
     */
    'plaintext'?: (string);
    /**
     * The old key with its new expire_time.
     */
    'previous_key'?: (_keyturn_v1_ApiKey__Input | null);
}
/**
 * Response of KeyService.RotateKey.
 */
export interface RotateKeyResponse {
    /**
     * The successor key, with the old key's settings and expire_time.
     */
    'key': (_keyturn_v1_ApiKey | null);
    /**
     * The successor's plaintext. Shown once.
     */
    'plaintext': (string);
    /**
     * The old key with its new expire_time.
     */
    'previous_key': (_keyturn_v1_ApiKey | null);
}
