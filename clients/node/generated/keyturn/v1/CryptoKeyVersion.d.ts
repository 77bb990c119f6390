// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { CryptoKeyVersionState__Input as _keyturn_v1_CryptoKeyVersionState__Input, CryptoKeyVersionState as _keyturn_v1_CryptoKeyVersionState } from '../../keyturn/v1/CryptoKeyVersionState';
import type { CryptoKeyAlgorithm__Input as _keyturn_v1_CryptoKeyAlgorithm__Input, CryptoKeyAlgorithm as _keyturn_v1_CryptoKeyAlgorithm } from '../../keyturn/v1/CryptoKeyAlgorithm';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * One version of a CryptoKey: its own key material and lifecycle state.
 */
export interface CryptoKeyVersion__Input {
    /**
     * Output only. The key this version belongs to.
     */
    'crypto_key_id'?: (string);
    /**
     * Output only. The version number, 1, 2, ... in creation order.
     */
    'number'?: (number);
    /**
     * Output only. The state; changed by Enable/Disable/Destroy/RestoreCryptoKeyVersion and
     * by the destroy schedule.
     */
    'state'?: (_keyturn_v1_CryptoKeyVersionState__Input);
    /**
     * Output only. The algorithm (the key's).
     */
    'algorithm'?: (_keyturn_v1_CryptoKeyAlgorithm__Input);
    /**
     * Output only. When the version was created or imported.
     */
    'create_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. For DESTROY_SCHEDULED: when the material will be destroyed.
     */
    'destroy_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. For DESTROYED: when the material was destroyed.
     */
    'destroy_event_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. The import job the material came through; empty for generated material.
     */
    'import_job_id'?: (string);
    /**
     * Output only. When the material was imported; unset for generated material.
     */
    'import_time'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * One version of a CryptoKey: its own key material and lifecycle state.
 */
export interface CryptoKeyVersion {
    /**
     * Output only. The key this version belongs to.
     */
    'crypto_key_id': (string);
    /**
     * Output only. The version number, 1, 2, ... in creation order.
     */
    'number': (number);
    /**
     * Output only. The state; changed by Enable/Disable/Destroy/RestoreCryptoKeyVersion and
     * by the destroy schedule.
     */
    'state': (_keyturn_v1_CryptoKeyVersionState);
    /**
     * Output only. The algorithm (the key's).
     */
    'algorithm': (_keyturn_v1_CryptoKeyAlgorithm);
    /**
     * Output only. When the version was created or imported.
     */
    'create_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. For DESTROY_SCHEDULED: when the material will be destroyed.
     */
    'destroy_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. For DESTROYED: when the material was destroyed.
     */
    'destroy_event_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. The import job the material came through; empty for generated material.
     */
    'import_job_id': (string);
    /**
     * Output only. When the material was imported; unset for generated material.
     */
    'import_time': (_google_protobuf_Timestamp | null);
}
