// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Answer of DeleteWebhook.
 */
export interface DeleteWebhookResponse__Input {
}
/**
 * Answer of DeleteWebhook.
 */
export interface DeleteWebhookResponse {
}
