// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyEventFilter__Input as _keyturn_v1_KeyEventFilter__Input, KeyEventFilter as _keyturn_v1_KeyEventFilter } from '../../keyturn/v1/KeyEventFilter';
import type { Long } from '@grpc/proto-loader';
/**
 * Request of WatchKeyEvents.
 */
export interface WatchKeyEventsRequest__Input {
    /**
     * Optional. Which events.
     */
    'filter'?: (_keyturn_v1_KeyEventFilter__Input | null);
    /**
     * Optional. Replay events with a greater sequence first (0 = from the oldest retained
     * event), then follow live. Resume with the last sequence received.
     */
    'after_sequence'?: (number | string | Long);
}
/**
 * Request of WatchKeyEvents.
 */
export interface WatchKeyEventsRequest {
    /**
     * Optional. Which events.
     */
    'filter': (_keyturn_v1_KeyEventFilter | null);
    /**
     * Optional. Replay events with a greater sequence first (0 = from the oldest retained
     * event), then follow live. Resume with the last sequence received.
     */
    'after_sequence': (string);
}
