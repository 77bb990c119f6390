// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Webhook__Input as _keyturn_v1_Webhook__Input, Webhook as _keyturn_v1_Webhook } from '../../keyturn/v1/Webhook';
/**
 * Request of CreateWebhook.
 */
export interface CreateWebhookRequest__Input {
    /**
     * Required. The subscription: organization_id, url, and optionally event_types and
     * description (enabled is ignored: a new subscription is enabled).
     */
    'webhook'?: (_keyturn_v1_Webhook__Input | null);
}
/**
 * Request of CreateWebhook.
 */
export interface CreateWebhookRequest {
    /**
     * Required. The subscription: organization_id, url, and optionally event_types and
     * description (enabled is ignored: a new subscription is enabled).
     */
    'webhook': (_keyturn_v1_Webhook | null);
}
