// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ImportMethod__Input as _keyturn_v1_ImportMethod__Input, ImportMethod as _keyturn_v1_ImportMethod } from '../../keyturn/v1/ImportMethod';
import type { ImportJobState__Input as _keyturn_v1_ImportJobState__Input, ImportJobState as _keyturn_v1_ImportJobState } from '../../keyturn/v1/ImportJobState';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * A wrapping key for bringing your own key material: Keyturn generates an RSA-3072 key
 * pair, keeps the private key (wrapped at rest like all material) and publishes the public
 * key. The job expires three days after creation.
 */
export interface ImportJob__Input {
    /**
     * Output only. Server-assigned UUID.
     */
    'id'?: (string);
    /**
     * Immutable. The owning organization; only its keys may import through the job.
     * Required on create.
     */
    'organization_id'?: (string);
    /**
     * Required. How material is wrapped. Immutable once created.
     */
    'import_method'?: (_keyturn_v1_ImportMethod__Input);
    /**
     * Output only. The RSA-3072 wrapping public key, SubjectPublicKeyInfo PEM.
     */
    'public_key_pem'?: (string);
    /**
     * Output only. The job's state as of the response.
     */
    'state'?: (_keyturn_v1_ImportJobState__Input);
    /**
     * Output only. When the job was created.
     */
    'create_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. When the job stops accepting imports.
     */
    'expire_time'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * A wrapping key for bringing your own key material: Keyturn generates an RSA-3072 key
 * pair, keeps the private key (wrapped at rest like all material) and publishes the public
 * key. The job expires three days after creation.
 */
export interface ImportJob {
    /**
     * Output only. Server-assigned UUID.
     */
    'id': (string);
    /**
     * Immutable. The owning organization; only its keys may import through the job.
     * Required on create.
     */
    'organization_id': (string);
    /**
     * Required. How material is wrapped. Immutable once created.
     */
    'import_method': (_keyturn_v1_ImportMethod);
    /**
     * Output only. The RSA-3072 wrapping public key, SubjectPublicKeyInfo PEM.
     */
    'public_key_pem': (string);
    /**
     * Output only. The job's state as of the response.
     */
    'state': (_keyturn_v1_ImportJobState);
    /**
     * Output only. When the job was created.
     */
    'create_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. When the job stops accepting imports.
     */
    'expire_time': (_google_protobuf_Timestamp | null);
}
