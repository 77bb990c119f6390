// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { CryptoKey__Input as _keyturn_v1_CryptoKey__Input, CryptoKey as _keyturn_v1_CryptoKey } from '../../keyturn/v1/CryptoKey';
import type { FieldMask__Input as _google_protobuf_FieldMask__Input, FieldMask as _google_protobuf_FieldMask } from '../../google/protobuf/FieldMask';
/**
 * Request for CryptoService.UpdateCryptoKey.
 */
export interface UpdateCryptoKeyRequest__Input {
    /**
     * Required. The key with `id` set and the new values of the fields in update_mask.
     */
    'crypto_key'?: (_keyturn_v1_CryptoKey__Input | null);
    /**
     * Required. Fields to replace: `labels`, `primary_version`, `rotation_period`,
     * `next_rotation_time`, `min_decryption_version`. A listed field left empty clears it
     * (rotation_period: no automatic rotation).
     */
    'update_mask'?: (_google_protobuf_FieldMask__Input | null);
}
/**
 * Request for CryptoService.UpdateCryptoKey.
 */
export interface UpdateCryptoKeyRequest {
    /**
     * Required. The key with `id` set and the new values of the fields in update_mask.
     */
    'crypto_key': (_keyturn_v1_CryptoKey | null);
    /**
     * Required. Fields to replace: `labels`, `primary_version`, `rotation_period`,
     * `next_rotation_time`, `min_decryption_version`. A listed field left empty clears it
     * (rotation_period: no automatic rotation).
     */
    'update_mask': (_google_protobuf_FieldMask | null);
}
