// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { AuditEventFilter__Input as _keyturn_v1_AuditEventFilter__Input, AuditEventFilter as _keyturn_v1_AuditEventFilter } from '../../keyturn/v1/AuditEventFilter';
import type { AuditOrder__Input as _keyturn_v1_AuditOrder__Input, AuditOrder as _keyturn_v1_AuditOrder } from '../../keyturn/v1/AuditOrder';
/**
 * Request for AuditService.ListAuditEvents.
 */
export interface ListAuditEventsRequest__Input {
    /**
     * Optional. Which events.
     */
    'filter'?: (_keyturn_v1_AuditEventFilter__Input | null);
    /**
     * Optional. Order (default newest first).
     */
    'order'?: (_keyturn_v1_AuditOrder__Input);
    /**
     * Optional. Maximum results per page, 1..1000 (default 100).
     */
    'page_size'?: (number);
    /**
     * Optional. The next_page_token of a previous call with the same filter and order.
     */
    'page_token'?: (string);
}
/**
 * Request for AuditService.ListAuditEvents.
 */
export interface ListAuditEventsRequest {
    /**
     * Optional. Which events.
     */
    'filter': (_keyturn_v1_AuditEventFilter | null);
    /**
     * Optional. Order (default newest first).
     */
    'order': (_keyturn_v1_AuditOrder);
    /**
     * Optional. Maximum results per page, 1..1000 (default 100).
     */
    'page_size': (number);
    /**
     * Optional. The next_page_token of a previous call with the same filter and order.
     */
    'page_token': (string);
}
