// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyEvent__Input as _keyturn_v1_KeyEvent__Input, KeyEvent as _keyturn_v1_KeyEvent } from '../../keyturn/v1/KeyEvent';
/**
 * One message of WatchKeyEvents.
 */
export interface WatchKeyEventsResponse__Input {
    /**
     * Output only. The next event after the previous one (in sequence order).
     */
    'event'?: (_keyturn_v1_KeyEvent__Input | null);
}
/**
 * One message of WatchKeyEvents.
 */
export interface WatchKeyEventsResponse {
    /**
     * Output only. The next event after the previous one (in sequence order).
     */
    'event': (_keyturn_v1_KeyEvent | null);
}
