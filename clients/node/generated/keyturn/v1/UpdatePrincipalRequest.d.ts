// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Principal__Input as _keyturn_v1_Principal__Input, Principal as _keyturn_v1_Principal } from '../../keyturn/v1/Principal';
/**
 * Request for AccessService.UpdatePrincipal.
 */
export interface UpdatePrincipalRequest__Input {
    /**
     * Required. The principal with `id` and the new values. `name`, `roles`,
     * `certificate_identity` and `disabled` are replaced.
     */
    'principal'?: (_keyturn_v1_Principal__Input | null);
}
/**
 * Request for AccessService.UpdatePrincipal.
 */
export interface UpdatePrincipalRequest {
    /**
     * Required. The principal with `id` and the new values. `name`, `roles`,
     * `certificate_identity` and `disabled` are replaced.
     */
    'principal': (_keyturn_v1_Principal | null);
}
