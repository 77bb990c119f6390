// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyEventType__Input as _keyturn_v1_KeyEventType__Input, KeyEventType as _keyturn_v1_KeyEventType } from '../../keyturn/v1/KeyEventType';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { Struct__Input as _google_protobuf_Struct__Input, Struct as _google_protobuf_Struct } from '../../google/protobuf/Struct';
import type { Long } from '@grpc/proto-loader';
/**
 * One entry of the key-event log.
 */
export interface KeyEvent__Input {
    /**
     * Output only. Position in the log: strictly increasing in commit order. Resume a watch or
     * a listing after the last sequence seen.
     */
    'sequence'?: (number | string | Long);
    /**
     * Output only. What happened.
     */
    'type'?: (_keyturn_v1_KeyEventType__Input);
    /**
     * Output only. The key's organization.
     */
    'organization_id'?: (string);
    /**
     * Output only. The key's project; empty for an organization-wide key.
     */
    'project_id'?: (string);
    /**
     * Output only. The key's product; empty when not product-scoped.
     */
    'product_id'?: (string);
    /**
     * Output only. The key.
     */
    'key_id'?: (string);
    /**
     * Output only. When it happened.
     */
    'event_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. Who caused it: the calling principal's id, or "system" for the scheduler and
     * the validation path.
     */
    'actor'?: (string);
    /**
     * Output only. Type-specific details (see KeyEventType). Never a plaintext or a hash.
     */
    'data'?: (_google_protobuf_Struct__Input | null);
}
/**
 * One entry of the key-event log.
 */
export interface KeyEvent {
    /**
     * Output only. Position in the log: strictly increasing in commit order. Resume a watch or
     * a listing after the last sequence seen.
     */
    'sequence': (string);
    /**
     * Output only. What happened.
     */
    'type': (_keyturn_v1_KeyEventType);
    /**
     * Output only. The key's organization.
     */
    'organization_id': (string);
    /**
     * Output only. The key's project; empty for an organization-wide key.
     */
    'project_id': (string);
    /**
     * Output only. The key's product; empty when not product-scoped.
     */
    'product_id': (string);
    /**
     * Output only. The key.
     */
    'key_id': (string);
    /**
     * Output only. When it happened.
     */
    'event_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. Who caused it: the calling principal's id, or "system" for the scheduler and
     * the validation path.
     */
    'actor': (string);
    /**
     * Output only. Type-specific details (see KeyEventType). Never a plaintext or a hash.
     */
    'data': (_google_protobuf_Struct | null);
}
