// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { CreditRefill__Input as _keyturn_v1_CreditRefill__Input, CreditRefill as _keyturn_v1_CreditRefill } from '../../keyturn/v1/CreditRefill';
import type { Long } from '@grpc/proto-loader';
/**
 * Usage credits of a key: each successful validation takes `cost` credits (default 1); a
 * validation that would take the balance below zero fails with CREDITS_EXHAUSTED.
 */
export interface KeyCredits__Input {
    /**
     * Required. The balance, at least 0 (ValidateKey: the balance after this call).
     */
    'remaining'?: (number | string | Long);
    /**
     * Optional. Periodic refill; unset means never refilled.
     */
    'refill'?: (_keyturn_v1_CreditRefill__Input | null);
    /**
     * Optional. A CREDITS_LOW key event is emitted once when the balance falls from above
     * this value to it or below; 0 means no event.
     */
    'low_threshold'?: (number | string | Long);
}
/**
 * Usage credits of a key: each successful validation takes `cost` credits (default 1); a
 * validation that would take the balance below zero fails with CREDITS_EXHAUSTED.
 */
export interface KeyCredits {
    /**
     * Required. The balance, at least 0 (ValidateKey: the balance after this call).
     */
    'remaining': (string);
    /**
     * Optional. Periodic refill; unset means never refilled.
     */
    'refill': (_keyturn_v1_CreditRefill | null);
    /**
     * Optional. A CREDITS_LOW key event is emitted once when the balance falls from above
     * this value to it or below; 0 means no event.
     */
    'low_threshold': (string);
}
