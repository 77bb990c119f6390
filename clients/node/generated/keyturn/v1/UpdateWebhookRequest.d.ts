// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Webhook__Input as _keyturn_v1_Webhook__Input, Webhook as _keyturn_v1_Webhook } from '../../keyturn/v1/Webhook';
import type { FieldMask__Input as _google_protobuf_FieldMask__Input, FieldMask as _google_protobuf_FieldMask } from '../../google/protobuf/FieldMask';
/**
 * Request of UpdateWebhook.
 */
export interface UpdateWebhookRequest__Input {
    /**
     * Required. The subscription (id) and the new values of the fields in update_mask.
     */
    'webhook'?: (_keyturn_v1_Webhook__Input | null);
    /**
     * Required. Which fields to change: url, event_types, description, enabled.
     */
    'update_mask'?: (_google_protobuf_FieldMask__Input | null);
}
/**
 * Request of UpdateWebhook.
 */
export interface UpdateWebhookRequest {
    /**
     * Required. The subscription (id) and the new values of the fields in update_mask.
     */
    'webhook': (_keyturn_v1_Webhook | null);
    /**
     * Required. Which fields to change: url, event_types, description, enabled.
     */
    'update_mask': (_google_protobuf_FieldMask | null);
}
