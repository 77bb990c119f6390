// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { AuditEvent__Input as _keyturn_v1_AuditEvent__Input, AuditEvent as _keyturn_v1_AuditEvent } from '../../keyturn/v1/AuditEvent';
/**
 * Response of AuditService.ListAuditEvents.
 */
export interface ListAuditEventsResponse__Input {
    /**
     * One page of events.
     */
    'events'?: (_keyturn_v1_AuditEvent__Input)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Response of AuditService.ListAuditEvents.
 */
export interface ListAuditEventsResponse {
    /**
     * One page of events.
     */
    'events': (_keyturn_v1_AuditEvent)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token': (string);
}
