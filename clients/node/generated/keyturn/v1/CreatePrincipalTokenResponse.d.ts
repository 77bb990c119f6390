// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { PrincipalToken__Input as _keyturn_v1_PrincipalToken__Input, PrincipalToken as _keyturn_v1_PrincipalToken } from '../../keyturn/v1/PrincipalToken';
/**
 * Response of AccessService.CreatePrincipalToken.
 */
export interface CreatePrincipalTokenResponse__Input {
    /**
     * The new token's record.
     */
    'token'?: (_keyturn_v1_PrincipalToken__Input | null);
    /**
     * The bearer token. Shown once; the server keeps only a keyed hash.
     */
    'plaintext'?: (string);
}
/**
 * Response of AccessService.CreatePrincipalToken.
 */
export interface CreatePrincipalTokenResponse {
    /**
     * The new token's record.
     */
    'token': (_keyturn_v1_PrincipalToken | null);
    /**
     * The bearer token. Shown once; the server keeps only a keyed hash.
     */
    'plaintext': (string);
}
