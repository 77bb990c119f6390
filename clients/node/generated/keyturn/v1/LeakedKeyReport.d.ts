// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { LeakedKeyResult__Input as _keyturn_v1_LeakedKeyResult__Input, LeakedKeyResult as _keyturn_v1_LeakedKeyResult } from '../../keyturn/v1/LeakedKeyResult';
import type { LeakedKeyOutcome__Input as _keyturn_v1_LeakedKeyOutcome__Input, LeakedKeyOutcome as _keyturn_v1_LeakedKeyOutcome } from '../../keyturn/v1/LeakedKeyOutcome';
/**
 * The answer about one candidate, in request order.
 */
export interface LeakedKeyReport__Input {
    /**
     * Output only. The candidate's position in the request (0-based).
     */
    'index'?: (number);
    /**
     * Output only. Found, not found, or not a key.
     */
    'result'?: (_keyturn_v1_LeakedKeyResult__Input);
    /**
     * Output only. The key's id when FOUND; empty otherwise.
     */
    'key_id'?: (string);
    /**
     * Output only. What was done to the key when FOUND.
     */
    'outcome'?: (_keyturn_v1_LeakedKeyOutcome__Input);
}
/**
 * The answer about one candidate, in request order.
 */
export interface LeakedKeyReport {
    /**
     * Output only. The candidate's position in the request (0-based).
     */
    'index': (number);
    /**
     * Output only. Found, not found, or not a key.
     */
    'result': (_keyturn_v1_LeakedKeyResult);
    /**
     * Output only. The key's id when FOUND; empty otherwise.
     */
    'key_id': (string);
    /**
     * Output only. What was done to the key when FOUND.
     */
    'outcome': (_keyturn_v1_LeakedKeyOutcome);
}
