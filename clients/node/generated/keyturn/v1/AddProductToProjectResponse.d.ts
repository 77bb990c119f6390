// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Project__Input as _keyturn_v1_Project__Input, Project as _keyturn_v1_Project } from '../../keyturn/v1/Project';
/**
 * Response of KeyService.AddProductToProject.
 */
export interface AddProductToProjectResponse__Input {
    /**
     * The project with its updated product_ids.
     */
    'project'?: (_keyturn_v1_Project__Input | null);
    /**
     * True when this call created the link; false when it already existed.
     */
    'created'?: (boolean);
}
/**
 * Response of KeyService.AddProductToProject.
 */
export interface AddProductToProjectResponse {
    /**
     * The project with its updated product_ids.
     */
    'project': (_keyturn_v1_Project | null);
    /**
     * True when this call created the link; false when it already existed.
     */
    'created': (boolean);
}
