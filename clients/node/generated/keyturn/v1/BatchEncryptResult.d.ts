// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Status__Input as _google_rpc_Status__Input, Status as _google_rpc_Status } from '../../google/rpc/Status';
import type { EncryptWithKeyResponse__Input as _keyturn_v1_EncryptWithKeyResponse__Input, EncryptWithKeyResponse as _keyturn_v1_EncryptWithKeyResponse } from '../../keyturn/v1/EncryptWithKeyResponse';
/**
 * One item of BatchEncryptResponse, in request order.
 */
export interface BatchEncryptResult__Input {
    /**
     * OK, or this item's error (with its ErrorInfo, as EncryptWithKey would answer). One
     * bad item never fails the others.
     */
    'status'?: (_google_rpc_Status__Input | null);
    /**
     * The result when status is OK.
     */
    'response'?: (_keyturn_v1_EncryptWithKeyResponse__Input | null);
}
/**
 * One item of BatchEncryptResponse, in request order.
 */
export interface BatchEncryptResult {
    /**
     * OK, or this item's error (with its ErrorInfo, as EncryptWithKey would answer). One
     * bad item never fails the others.
     */
    'status': (_google_rpc_Status | null);
    /**
     * The result when status is OK.
     */
    'response': (_keyturn_v1_EncryptWithKeyResponse | null);
}
