// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ValidateKeyResponse__Input as _keyturn_v1_ValidateKeyResponse__Input, ValidateKeyResponse as _keyturn_v1_ValidateKeyResponse } from '../../keyturn/v1/ValidateKeyResponse';
import type { Status__Input as _google_rpc_Status__Input, Status as _google_rpc_Status } from '../../google/rpc/Status';
/**
 * The answer to one ValidateKeysRequest.
 */
export interface ValidateKeysResponse__Input {
    /**
     * Output only. The request_id of the request this answers.
     */
    'request_id'?: (string);
    /**
     * Output only. What ValidateKey would have returned: the key was valid.
     */
    'validation'?: (_keyturn_v1_ValidateKeyResponse__Input | null);
    /**
     * Output only. The error ValidateKey would have answered, as a google.rpc.Status
     * (code, message and details: exactly one ErrorInfo whose reason is an ErrorReason,
     * plus BadRequest / RetryInfo / QuotaFailure where they fit). A request_id that is
     * empty or too long is answered with INVALID_ARGUMENT for field `request_id`.
     */
    'error'?: (_google_rpc_Status__Input | null);
    /**
     * Output only. Exactly one of the two.
     */
    'result'?: "validation" | "error";
}
/**
 * The answer to one ValidateKeysRequest.
 */
export interface ValidateKeysResponse {
    /**
     * Output only. The request_id of the request this answers.
     */
    'request_id': (string);
    /**
     * Output only. What ValidateKey would have returned: the key was valid.
     */
    'validation'?: (_keyturn_v1_ValidateKeyResponse | null);
    /**
     * Output only. The error ValidateKey would have answered, as a google.rpc.Status
     * (code, message and details: exactly one ErrorInfo whose reason is an ErrorReason,
     * plus BadRequest / RetryInfo / QuotaFailure where they fit). A request_id that is
     * empty or too long is answered with INVALID_ARGUMENT for field `request_id`.
     */
    'error'?: (_google_rpc_Status | null);
    /**
     * Output only. Exactly one of the two.
     */
    'result'?: "validation" | "error";
}
