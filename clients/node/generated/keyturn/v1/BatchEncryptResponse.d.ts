// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { BatchEncryptResult__Input as _keyturn_v1_BatchEncryptResult__Input, BatchEncryptResult as _keyturn_v1_BatchEncryptResult } from '../../keyturn/v1/BatchEncryptResult';
/**
 * Response of CryptoService.BatchEncrypt.
 */
export interface BatchEncryptResponse__Input {
    /**
     * One result per request, in request order.
     */
    'results'?: (_keyturn_v1_BatchEncryptResult__Input)[];
}
/**
 * Response of CryptoService.BatchEncrypt.
 */
export interface BatchEncryptResponse {
    /**
     * One result per request, in request order.
     */
    'results': (_keyturn_v1_BatchEncryptResult)[];
}
