// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { BatchDecryptResult__Input as _keyturn_v1_BatchDecryptResult__Input, BatchDecryptResult as _keyturn_v1_BatchDecryptResult } from '../../keyturn/v1/BatchDecryptResult';
/**
 * Response of CryptoService.BatchDecrypt.
 */
export interface BatchDecryptResponse__Input {
    /**
     * One result per request, in request order.
     */
    'results'?: (_keyturn_v1_BatchDecryptResult__Input)[];
}
/**
 * Response of CryptoService.BatchDecrypt.
 */
export interface BatchDecryptResponse {
    /**
     * One result per request, in request order.
     */
    'results': (_keyturn_v1_BatchDecryptResult)[];
}
