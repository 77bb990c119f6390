// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { WebhookDelivery__Input as _keyturn_v1_WebhookDelivery__Input, WebhookDelivery as _keyturn_v1_WebhookDelivery } from '../../keyturn/v1/WebhookDelivery';
/**
 * Answer of ListWebhookDeliveries.
 */
export interface ListWebhookDeliveriesResponse__Input {
    /**
     * Output only. The deliveries, newest first.
     */
    'deliveries'?: (_keyturn_v1_WebhookDelivery__Input)[];
    /**
     * Output only. The next page's token; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Answer of ListWebhookDeliveries.
 */
export interface ListWebhookDeliveriesResponse {
    /**
     * Output only. The deliveries, newest first.
     */
    'deliveries': (_keyturn_v1_WebhookDelivery)[];
    /**
     * Output only. The next page's token; empty on the last page.
     */
    'next_page_token': (string);
}
