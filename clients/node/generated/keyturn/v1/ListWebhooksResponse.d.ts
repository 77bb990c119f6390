// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Webhook__Input as _keyturn_v1_Webhook__Input, Webhook as _keyturn_v1_Webhook } from '../../keyturn/v1/Webhook';
/**
 * Answer of ListWebhooks.
 */
export interface ListWebhooksResponse__Input {
    /**
     * Output only. The subscriptions, oldest first.
     */
    'webhooks'?: (_keyturn_v1_Webhook__Input)[];
    /**
     * Output only. The next page's token; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Answer of ListWebhooks.
 */
export interface ListWebhooksResponse {
    /**
     * Output only. The subscriptions, oldest first.
     */
    'webhooks': (_keyturn_v1_Webhook)[];
    /**
     * Output only. The next page's token; empty on the last page.
     */
    'next_page_token': (string);
}
