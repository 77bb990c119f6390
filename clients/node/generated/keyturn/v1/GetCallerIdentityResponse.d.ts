// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Principal__Input as _keyturn_v1_Principal__Input, Principal as _keyturn_v1_Principal } from '../../keyturn/v1/Principal';
/**
 * Response of AccessService.GetCallerIdentity.
 */
export interface GetCallerIdentityResponse__Input {
    /**
     * The calling principal.
     */
    'principal'?: (_keyturn_v1_Principal__Input | null);
    /**
     * How the caller authenticated: `token` or `certificate`.
     */
    'authentication_method'?: (string);
}
/**
 * Response of AccessService.GetCallerIdentity.
 */
export interface GetCallerIdentityResponse {
    /**
     * The calling principal.
     */
    'principal': (_keyturn_v1_Principal | null);
    /**
     * How the caller authenticated: `token` or `certificate`.
     */
    'authentication_method': (string);
}
