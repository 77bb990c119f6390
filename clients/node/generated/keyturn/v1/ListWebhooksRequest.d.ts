// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request of ListWebhooks.
 */
export interface ListWebhooksRequest__Input {
    /**
     * Required. The organization.
     */
    'organization_id'?: (string);
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
 * Request of ListWebhooks.
 */
export interface ListWebhooksRequest {
    /**
     * Required. The organization.
     */
    'organization_id': (string);
    /**
     * Optional. At most this many (default 50, at most 1000).
     */
    'page_size': (number);
    /**
     * Optional. next_page_token of the previous page, with the same filters.
     */
    'page_token': (string);
}
