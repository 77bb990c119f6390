// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { DecryptWithKeyRequest__Input as _keyturn_v1_DecryptWithKeyRequest__Input, DecryptWithKeyRequest as _keyturn_v1_DecryptWithKeyRequest } from '../../keyturn/v1/DecryptWithKeyRequest';
/**
 * Request for CryptoService.BatchDecrypt.
 */
export interface BatchDecryptRequest__Input {
    /**
     * Required. 1..1000 decryptions, each as DecryptWithKey takes it. The total size is
     * bounded by the server's payload limit.
     */
    'requests'?: (_keyturn_v1_DecryptWithKeyRequest__Input)[];
}
/**
 * Request for CryptoService.BatchDecrypt.
 */
export interface BatchDecryptRequest {
    /**
     * Required. 1..1000 decryptions, each as DecryptWithKey takes it. The total size is
     * bounded by the server's payload limit.
     */
    'requests': (_keyturn_v1_DecryptWithKeyRequest)[];
}
