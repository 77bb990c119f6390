// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Project__Input as _keyturn_v1_Project__Input, Project as _keyturn_v1_Project } from '../../keyturn/v1/Project';
/**
 * Response of KeyService.ListProjects.
 */
export interface ListProjectsResponse__Input {
    /**
     * One page of projects.
     */
    'projects'?: (_keyturn_v1_Project__Input)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Response of KeyService.ListProjects.
 */
export interface ListProjectsResponse {
    /**
     * One page of projects.
     */
    'projects': (_keyturn_v1_Project)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token': (string);
}
