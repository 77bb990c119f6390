// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ImportJob__Input as _keyturn_v1_ImportJob__Input, ImportJob as _keyturn_v1_ImportJob } from '../../keyturn/v1/ImportJob';
/**
 * Request for CryptoService.CreateImportJob.
 */
export interface CreateImportJobRequest__Input {
    /**
     * Required. The job: organization_id and import_method.
     */
    'import_job'?: (_keyturn_v1_ImportJob__Input | null);
}
/**
 * Request for CryptoService.CreateImportJob.
 */
export interface CreateImportJobRequest {
    /**
     * Required. The job: organization_id and import_method.
     */
    'import_job': (_keyturn_v1_ImportJob | null);
}
