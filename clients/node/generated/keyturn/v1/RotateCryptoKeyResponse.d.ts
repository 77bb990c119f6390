// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { CryptoKey__Input as _keyturn_v1_CryptoKey__Input, CryptoKey as _keyturn_v1_CryptoKey } from '../../keyturn/v1/CryptoKey';
import type { CryptoKeyVersion__Input as _keyturn_v1_CryptoKeyVersion__Input, CryptoKeyVersion as _keyturn_v1_CryptoKeyVersion } from '../../keyturn/v1/CryptoKeyVersion';
/**
 * Response of CryptoService.RotateCryptoKey.
 */
export interface RotateCryptoKeyResponse__Input {
    /**
     * The key with its new primary_version (and next_rotation_time moved on).
     */
    'crypto_key'?: (_keyturn_v1_CryptoKey__Input | null);
    /**
     * The new version, ENABLED and primary.
     */
    'version'?: (_keyturn_v1_CryptoKeyVersion__Input | null);
}
/**
 * Response of CryptoService.RotateCryptoKey.
 */
export interface RotateCryptoKeyResponse {
    /**
     * The key with its new primary_version (and next_rotation_time moved on).
     */
    'crypto_key': (_keyturn_v1_CryptoKey | null);
    /**
     * The new version, ENABLED and primary.
     */
    'version': (_keyturn_v1_CryptoKeyVersion | null);
}
