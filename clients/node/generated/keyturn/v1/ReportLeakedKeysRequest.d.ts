// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { LeakedKeyCandidate__Input as _keyturn_v1_LeakedKeyCandidate__Input, LeakedKeyCandidate as _keyturn_v1_LeakedKeyCandidate } from '../../keyturn/v1/LeakedKeyCandidate';
/**
 * Request for KeyService.ReportLeakedKeys.
 */
export interface ReportLeakedKeysRequest__Input {
    /**
     * Required. 1..1000 candidates.
     */
    'candidates'?: (_keyturn_v1_LeakedKeyCandidate__Input)[];
}
/**
 * Request for KeyService.ReportLeakedKeys.
 */
export interface ReportLeakedKeysRequest {
    /**
     * Required. 1..1000 candidates.
     */
    'candidates': (_keyturn_v1_LeakedKeyCandidate)[];
}
