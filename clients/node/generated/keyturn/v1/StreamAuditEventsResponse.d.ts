// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { AuditEvent__Input as _keyturn_v1_AuditEvent__Input, AuditEvent as _keyturn_v1_AuditEvent } from '../../keyturn/v1/AuditEvent';
/**
 * One message of AuditService.StreamAuditEvents.
 */
export interface StreamAuditEventsResponse__Input {
    /**
     * The next event, in sequence order.
     */
    'event'?: (_keyturn_v1_AuditEvent__Input | null);
}
/**
 * One message of AuditService.StreamAuditEvents.
 */
export interface StreamAuditEventsResponse {
    /**
     * The next event, in sequence order.
     */
    'event': (_keyturn_v1_AuditEvent | null);
}
