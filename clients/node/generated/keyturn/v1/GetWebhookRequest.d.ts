// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request of GetWebhook.
 */
export interface GetWebhookRequest__Input {
    /**
     * Required. The subscription's id.
     */
    'id'?: (string);
}
/**
 * Request of GetWebhook.
 */
export interface GetWebhookRequest {
    /**
     * Required. The subscription's id.
     */
    'id': (string);
}
