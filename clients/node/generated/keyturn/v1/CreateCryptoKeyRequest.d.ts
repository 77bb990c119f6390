// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { CryptoKey__Input as _keyturn_v1_CryptoKey__Input, CryptoKey as _keyturn_v1_CryptoKey } from '../../keyturn/v1/CryptoKey';
/**
 * Request for CryptoService.CreateCryptoKey.
 */
export interface CreateCryptoKeyRequest__Input {
    /**
     * Required. The key: organization_id, name, purpose, algorithm, and optionally
     * project_id, labels, rotation_period, next_rotation_time, destroy_scheduled_duration,
     * import_only.
     */
    'crypto_key'?: (_keyturn_v1_CryptoKey__Input | null);
}
/**
 * Request for CryptoService.CreateCryptoKey.
 */
export interface CreateCryptoKeyRequest {
    /**
     * Required. The key: organization_id, name, purpose, algorithm, and optionally
     * project_id, labels, rotation_period, next_rotation_time, destroy_scheduled_duration,
     * import_only.
     */
    'crypto_key': (_keyturn_v1_CryptoKey | null);
}
