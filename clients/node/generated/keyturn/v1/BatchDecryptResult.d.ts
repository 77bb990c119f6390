// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Status__Input as _google_rpc_Status__Input, Status as _google_rpc_Status } from '../../google/rpc/Status';
import type { DecryptWithKeyResponse__Input as _keyturn_v1_DecryptWithKeyResponse__Input, DecryptWithKeyResponse as _keyturn_v1_DecryptWithKeyResponse } from '../../keyturn/v1/DecryptWithKeyResponse';
/**
 * One item of BatchDecryptResponse, in request order.
 */
export interface BatchDecryptResult__Input {
    /**
     * OK, or this item's error (with its ErrorInfo, as DecryptWithKey would answer). One
     * bad item never fails the others.
     */
    'status'?: (_google_rpc_Status__Input | null);
    /**
     * The result when status is OK.
     */
    'response'?: (_keyturn_v1_DecryptWithKeyResponse__Input | null);
}
/**
 * One item of BatchDecryptResponse, in request order.
 */
export interface BatchDecryptResult {
    /**
     * OK, or this item's error (with its ErrorInfo, as DecryptWithKey would answer). One
     * bad item never fails the others.
     */
    'status': (_google_rpc_Status | null);
    /**
     * The result when status is OK.
     */
    'response': (_keyturn_v1_DecryptWithKeyResponse | null);
}
