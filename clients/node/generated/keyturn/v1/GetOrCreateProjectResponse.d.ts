// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Project__Input as _keyturn_v1_Project__Input, Project as _keyturn_v1_Project } from '../../keyturn/v1/Project';
/**
 * Response of KeyService.GetOrCreateProject.
 */
export interface GetOrCreateProjectResponse__Input {
    /**
     * The existing or new project.
     */
    'project'?: (_keyturn_v1_Project__Input | null);
    /**
     * True when this call created it.
     */
    'created'?: (boolean);
}
/**
 * Response of KeyService.GetOrCreateProject.
 */
export interface GetOrCreateProjectResponse {
    /**
     * The existing or new project.
     */
    'project': (_keyturn_v1_Project | null);
    /**
     * True when this call created it.
     */
    'created': (boolean);
}
