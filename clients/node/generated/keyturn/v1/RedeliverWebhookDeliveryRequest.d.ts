// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request of RedeliverWebhookDelivery.
 */
export interface RedeliverWebhookDeliveryRequest__Input {
    /**
     * Required. The delivery's id.
     */
    'id'?: (string);
}
/**
 * Request of RedeliverWebhookDelivery.
 */
export interface RedeliverWebhookDeliveryRequest {
    /**
     * Required. The delivery's id.
     */
    'id': (string);
}
