// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyEvent__Input as _keyturn_v1_KeyEvent__Input, KeyEvent as _keyturn_v1_KeyEvent } from '../../keyturn/v1/KeyEvent';
/**
 * Response of ListKeyEvents.
 */
export interface ListKeyEventsResponse__Input {
    /**
     * Output only. The events, in sequence order.
     */
    'events'?: (_keyturn_v1_KeyEvent__Input)[];
    /**
     * Output only. Token for the next page; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Response of ListKeyEvents.
 */
export interface ListKeyEventsResponse {
    /**
     * Output only. The events, in sequence order.
     */
    'events': (_keyturn_v1_KeyEvent)[];
    /**
     * Output only. Token for the next page; empty on the last page.
     */
    'next_page_token': (string);
}
