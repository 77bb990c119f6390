// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Principal__Input as _keyturn_v1_Principal__Input, Principal as _keyturn_v1_Principal } from '../../keyturn/v1/Principal';
/**
 * Request for AccessService.CreatePrincipal.
 */
export interface CreatePrincipalRequest__Input {
    /**
     * Required. The principal to create (name, roles, optional certificate identity).
     */
    'principal'?: (_keyturn_v1_Principal__Input | null);
}
/**
 * Request for AccessService.CreatePrincipal.
 */
export interface CreatePrincipalRequest {
    /**
     * Required. The principal to create (name, roles, optional certificate identity).
     */
    'principal': (_keyturn_v1_Principal | null);
}
