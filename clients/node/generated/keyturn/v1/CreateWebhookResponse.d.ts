// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Webhook__Input as _keyturn_v1_Webhook__Input, Webhook as _keyturn_v1_Webhook } from '../../keyturn/v1/Webhook';
/**
 * Answer of CreateWebhook.
 */
export interface CreateWebhookResponse__Input {
    /**
     * Output only. The new subscription.
     */
    'webhook'?: (_keyturn_v1_Webhook__Input | null);
    /**
     * Output only. The signing secret (`whsec_...`), shown only here: Keyturn keeps it
     * encrypted and never shows it again.
     */
    'secret'?: (string);
}
/**
 * Answer of CreateWebhook.
 */
export interface CreateWebhookResponse {
    /**
     * Output only. The new subscription.
     */
    'webhook': (_keyturn_v1_Webhook | null);
    /**
     * Output only. The signing secret (`whsec_...`), shown only here: Keyturn keeps it
     * encrypted and never shows it again.
     */
    'secret': (string);
}
