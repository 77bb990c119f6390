// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ImportKeyResult__Input as _keyturn_v1_ImportKeyResult__Input, ImportKeyResult as _keyturn_v1_ImportKeyResult } from '../../keyturn/v1/ImportKeyResult';
/**
 * Response of KeyService.ImportKeys.
 */
export interface ImportKeysResponse__Input {
    /**
     * Output only. One result per requested key, in request order.
     */
    'results'?: (_keyturn_v1_ImportKeyResult__Input)[];
    /**
     * Output only. How many keys were imported (0 with validate_only).
     */
    'imported_count'?: (number);
    /**
     * Output only. How many keys failed.
     */
    'failed_count'?: (number);
}
/**
 * Response of KeyService.ImportKeys.
 */
export interface ImportKeysResponse {
    /**
     * Output only. One result per requested key, in request order.
     */
    'results': (_keyturn_v1_ImportKeyResult)[];
    /**
     * Output only. How many keys were imported (0 with validate_only).
     */
    'imported_count': (number);
    /**
     * Output only. How many keys failed.
     */
    'failed_count': (number);
}
