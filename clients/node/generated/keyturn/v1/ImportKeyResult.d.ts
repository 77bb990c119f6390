// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ApiKey__Input as _keyturn_v1_ApiKey__Input, ApiKey as _keyturn_v1_ApiKey } from '../../keyturn/v1/ApiKey';
import type { Status__Input as _google_rpc_Status__Input, Status as _google_rpc_Status } from '../../google/rpc/Status';
/**
 * The outcome for one ImportedKey.
 */
export interface ImportKeyResult__Input {
    /**
     * Output only. The key's position in ImportKeysRequest.keys.
     */
    'index'?: (number);
    /**
     * Output only. The request's external_id, echoed.
     */
    'external_id'?: (string);
    /**
     * Output only. The imported key.
     */
    'key'?: (_keyturn_v1_ApiKey__Input | null);
    /**
     * Output only. Why this key was not imported (exactly one ErrorInfo whose reason is an
     * ErrorReason, plus BadRequest where it fits; field paths name `keys[i]....`).
     */
    'error'?: (_google_rpc_Status__Input | null);
    /**
     * Output only. Exactly one of the two.
     */
    'result'?: "key" | "error";
}
/**
 * The outcome for one ImportedKey.
 */
export interface ImportKeyResult {
    /**
     * Output only. The key's position in ImportKeysRequest.keys.
     */
    'index': (number);
    /**
     * Output only. The request's external_id, echoed.
     */
    'external_id': (string);
    /**
     * Output only. The imported key.
     */
    'key'?: (_keyturn_v1_ApiKey | null);
    /**
     * Output only. Why this key was not imported (exactly one ErrorInfo whose reason is an
     * ErrorReason, plus BadRequest where it fits; field paths name `keys[i]....`).
     */
    'error'?: (_google_rpc_Status | null);
    /**
     * Output only. Exactly one of the two.
     */
    'result'?: "key" | "error";
}
