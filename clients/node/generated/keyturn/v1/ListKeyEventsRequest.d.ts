// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyEventFilter__Input as _keyturn_v1_KeyEventFilter__Input, KeyEventFilter as _keyturn_v1_KeyEventFilter } from '../../keyturn/v1/KeyEventFilter';
import type { Long } from '@grpc/proto-loader';
/**
 * Request of ListKeyEvents.
 */
export interface ListKeyEventsRequest__Input {
    /**
     * Optional. Which events.
     */
    'filter'?: (_keyturn_v1_KeyEventFilter__Input | null);
    /**
     * Optional. Only events with a greater sequence (0 = from the oldest retained event).
     */
    'after_sequence'?: (number | string | Long);
    /**
     * Optional. Maximum results per page, 1..1000 (default 100).
     */
    'page_size'?: (number);
    /**
     * Optional. The next_page_token of a previous call with the same filter and after_sequence.
     */
    'page_token'?: (string);
}
/**
 * Request of ListKeyEvents.
 */
export interface ListKeyEventsRequest {
    /**
     * Optional. Which events.
     */
    'filter': (_keyturn_v1_KeyEventFilter | null);
    /**
     * Optional. Only events with a greater sequence (0 = from the oldest retained event).
     */
    'after_sequence': (string);
    /**
     * Optional. Maximum results per page, 1..1000 (default 100).
     */
    'page_size': (number);
    /**
     * Optional. The next_page_token of a previous call with the same filter and after_sequence.
     */
    'page_token': (string);
}
