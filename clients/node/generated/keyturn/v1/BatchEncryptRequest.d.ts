// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { EncryptWithKeyRequest__Input as _keyturn_v1_EncryptWithKeyRequest__Input, EncryptWithKeyRequest as _keyturn_v1_EncryptWithKeyRequest } from '../../keyturn/v1/EncryptWithKeyRequest';
/**
 * Request for CryptoService.BatchEncrypt.
 */
export interface BatchEncryptRequest__Input {
    /**
     * Required. 1..1000 encryptions, each as EncryptWithKey takes it (keys may differ). The
     * total size is bounded by the server's payload limit.
     */
    'requests'?: (_keyturn_v1_EncryptWithKeyRequest__Input)[];
}
/**
 * Request for CryptoService.BatchEncrypt.
 */
export interface BatchEncryptRequest {
    /**
     * Required. 1..1000 encryptions, each as EncryptWithKey takes it (keys may differ). The
     * total size is bounded by the server's payload limit.
     */
    'requests': (_keyturn_v1_EncryptWithKeyRequest)[];
}
