// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ValidateKeyRequest__Input as _keyturn_v1_ValidateKeyRequest__Input, ValidateKeyRequest as _keyturn_v1_ValidateKeyRequest } from '../../keyturn/v1/ValidateKeyRequest';
/**
 * One validation on a KeyService.ValidateKeys stream.
 */
export interface ValidateKeysRequest__Input {
    /**
     * Required. Chosen by the caller and echoed in the answer, so answers can be matched
     * to requests; 1..128 characters. Should be unique among the requests in flight on the
     * stream (the server does not check).
     */
    'request_id'?: (string);
    /**
     * Required. The validation, exactly as ValidateKey takes it.
     */
    'validation'?: (_keyturn_v1_ValidateKeyRequest__Input | null);
}
/**
 * One validation on a KeyService.ValidateKeys stream.
 */
export interface ValidateKeysRequest {
    /**
     * Required. Chosen by the caller and echoed in the answer, so answers can be matched
     * to requests; 1..128 characters. Should be unique among the requests in flight on the
     * stream (the server does not check).
     */
    'request_id': (string);
    /**
     * Required. The validation, exactly as ValidateKey takes it.
     */
    'validation': (_keyturn_v1_ValidateKeyRequest | null);
}
