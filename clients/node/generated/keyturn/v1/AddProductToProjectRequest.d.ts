// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for KeyService.AddProductToProject.
 */
export interface AddProductToProjectRequest__Input {
    /**
     * Required. The product to link.
     */
    'product_id'?: (string);
    /**
     * Required. The project to link it to; must belong to the product's organization.
     */
    'project_id'?: (string);
}
/**
 * Request for KeyService.AddProductToProject.
 */
export interface AddProductToProjectRequest {
    /**
     * Required. The product to link.
     */
    'product_id': (string);
    /**
     * Required. The project to link it to; must belong to the product's organization.
     */
    'project_id': (string);
}
