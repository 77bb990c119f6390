// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { AuditEventFilter__Input as _keyturn_v1_AuditEventFilter__Input, AuditEventFilter as _keyturn_v1_AuditEventFilter } from '../../keyturn/v1/AuditEventFilter';
import type { Long } from '@grpc/proto-loader';
/**
 * Request for AuditService.StreamAuditEvents.
 */
export interface StreamAuditEventsRequest__Input {
    /**
     * Optional. Which events.
     */
    'filter'?: (_keyturn_v1_AuditEventFilter__Input | null);
    /**
     * Optional. Replay events with a sequence greater than this first (0 = from the
     * beginning), then follow live.
     */
    'after_sequence'?: (number | string | Long);
    /**
     * Optional. Skip the replay and start with events written after the call began.
     */
    'live_only'?: (boolean);
}
/**
 * Request for AuditService.StreamAuditEvents.
 */
export interface StreamAuditEventsRequest {
    /**
     * Optional. Which events.
     */
    'filter': (_keyturn_v1_AuditEventFilter | null);
    /**
     * Optional. Replay events with a sequence greater than this first (0 = from the
     * beginning), then follow live.
     */
    'after_sequence': (string);
    /**
     * Optional. Skip the replay and start with events written after the call began.
     */
    'live_only': (boolean);
}
