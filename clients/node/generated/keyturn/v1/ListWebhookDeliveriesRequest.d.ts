// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { WebhookDeliveryState__Input as _keyturn_v1_WebhookDeliveryState__Input, WebhookDeliveryState as _keyturn_v1_WebhookDeliveryState } from '../../keyturn/v1/WebhookDeliveryState';
/**
 * Request of ListWebhookDeliveries.
 */
export interface ListWebhookDeliveriesRequest__Input {
    /**
     * Required. The subscription's id.
     */
    'webhook_id'?: (string);
    /**
     * Optional. Only deliveries in this state (UNSPECIFIED: every state).
     */
    'state'?: (_keyturn_v1_WebhookDeliveryState__Input);
    /**
     * Optional. At most this many (default 50, at most 1000).
     */
    'page_size'?: (number);
    /**
     * Optional. next_page_token of the previous page, with the same filters.
     */
    'page_token'?: (string);
}
/**
 * Request of ListWebhookDeliveries.
 */
export interface ListWebhookDeliveriesRequest {
    /**
     * Required. The subscription's id.
     */
    'webhook_id': (string);
    /**
     * Optional. Only deliveries in this state (UNSPECIFIED: every state).
     */
    'state': (_keyturn_v1_WebhookDeliveryState);
    /**
     * Optional. At most this many (default 50, at most 1000).
     */
    'page_size': (number);
    /**
     * Optional. next_page_token of the previous page, with the same filters.
     */
    'page_token': (string);
}
