// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { AuditOutcome__Input as _keyturn_v1_AuditOutcome__Input, AuditOutcome as _keyturn_v1_AuditOutcome } from '../../keyturn/v1/AuditOutcome';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * Filters shared by ListAuditEvents and StreamAuditEvents. Empty fields do not filter.
 */
export interface AuditEventFilter__Input {
    /**
     * Optional. Only events of this organization.
     */
    'organization_id'?: (string);
    /**
     * Optional. Only events of this project.
     */
    'project_id'?: (string);
    /**
     * Optional. Only events involving this key.
     */
    'key_id'?: (string);
    /**
     * Optional. Only events by this actor.
     */
    'actor'?: (string);
    /**
     * Optional. Only events with one of these actions (e.g. `key.revoke`).
     */
    'actions'?: (string)[];
    /**
     * Optional. Only events with this outcome.
     */
    'outcome'?: (_keyturn_v1_AuditOutcome__Input);
    /**
     * Optional. Only events at or after this time.
     */
    'start_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Optional. Only events before this time.
     */
    'end_time'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * Filters shared by ListAuditEvents and StreamAuditEvents. Empty fields do not filter.
 */
export interface AuditEventFilter {
    /**
     * Optional. Only events of this organization.
     */
    'organization_id': (string);
    /**
     * Optional. Only events of this project.
     */
    'project_id': (string);
    /**
     * Optional. Only events involving this key.
     */
    'key_id': (string);
    /**
     * Optional. Only events by this actor.
     */
    'actor': (string);
    /**
     * Optional. Only events with one of these actions (e.g. `key.revoke`).
     */
    'actions': (string)[];
    /**
     * Optional. Only events with this outcome.
     */
    'outcome': (_keyturn_v1_AuditOutcome);
    /**
     * Optional. Only events at or after this time.
     */
    'start_time': (_google_protobuf_Timestamp | null);
    /**
     * Optional. Only events before this time.
     */
    'end_time': (_google_protobuf_Timestamp | null);
}
