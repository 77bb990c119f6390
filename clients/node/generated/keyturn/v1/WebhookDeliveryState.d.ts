// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * The state of a delivery.
 */
export declare const WebhookDeliveryState: {
    /**
     * Not given. As a filter: every state.
     */
    readonly WEBHOOK_DELIVERY_STATE_UNSPECIFIED: 'WEBHOOK_DELIVERY_STATE_UNSPECIFIED';
    /**
     * Not attempted yet; next_attempt_time says when it is tried.
     */
    readonly WEBHOOK_DELIVERY_STATE_PENDING: 'WEBHOOK_DELIVERY_STATE_PENDING';
    /**
     * The receiver answered 2xx.
     */
    readonly WEBHOOK_DELIVERY_STATE_SUCCEEDED: 'WEBHOOK_DELIVERY_STATE_SUCCEEDED';
    /**
     * The latest attempt failed; the next one is due at next_attempt_time.
     */
    readonly WEBHOOK_DELIVERY_STATE_FAILED: 'WEBHOOK_DELIVERY_STATE_FAILED';
    /**
     * Every attempt within the retry window failed; RedeliverWebhookDelivery sends it again.
     */
    readonly WEBHOOK_DELIVERY_STATE_GAVE_UP: 'WEBHOOK_DELIVERY_STATE_GAVE_UP';
};
/**
 * The state of a delivery.
 */
export type WebhookDeliveryState__Input = 
/**
 * Not given. As a filter: every state.
 */
'WEBHOOK_DELIVERY_STATE_UNSPECIFIED' | 0
/**
 * Not attempted yet; next_attempt_time says when it is tried.
 */
 | 'WEBHOOK_DELIVERY_STATE_PENDING' | 1
/**
 * The receiver answered 2xx.
 */
 | 'WEBHOOK_DELIVERY_STATE_SUCCEEDED' | 2
/**
 * The latest attempt failed; the next one is due at next_attempt_time.
 */
 | 'WEBHOOK_DELIVERY_STATE_FAILED' | 3
/**
 * Every attempt within the retry window failed; RedeliverWebhookDelivery sends it again.
 */
 | 'WEBHOOK_DELIVERY_STATE_GAVE_UP' | 4;
/**
 * The state of a delivery.
 */
export type WebhookDeliveryState = typeof WebhookDeliveryState[keyof typeof WebhookDeliveryState];
