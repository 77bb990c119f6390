// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { LeakedKeyReport__Input as _keyturn_v1_LeakedKeyReport__Input, LeakedKeyReport as _keyturn_v1_LeakedKeyReport } from '../../keyturn/v1/LeakedKeyReport';
/**
 * Response of KeyService.ReportLeakedKeys.
 */
export interface ReportLeakedKeysResponse__Input {
    /**
     * One report per candidate, in request order.
     */
    'reports'?: (_keyturn_v1_LeakedKeyReport__Input)[];
}
/**
 * Response of KeyService.ReportLeakedKeys.
 */
export interface ReportLeakedKeysResponse {
    /**
     * One report per candidate, in request order.
     */
    'reports': (_keyturn_v1_LeakedKeyReport)[];
}
