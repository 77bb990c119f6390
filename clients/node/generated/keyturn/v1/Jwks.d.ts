// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Jwk__Input as _keyturn_v1_Jwk__Input, Jwk as _keyturn_v1_Jwk } from '../../keyturn/v1/Jwk';
/**
 * A JSON Web Key Set (RFC 7517 section 5). Its proto3 JSON form is the standard document.
 */
export interface Jwks__Input {
    /**
     * Output only. The public signing keys, newest first.
     */
    'keys'?: (_keyturn_v1_Jwk__Input)[];
}
/**
 * A JSON Web Key Set (RFC 7517 section 5). Its proto3 JSON form is the standard document.
 */
export interface Jwks {
    /**
     * Output only. The public signing keys, newest first.
     */
    'keys': (_keyturn_v1_Jwk)[];
}
