// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * One public signing key as a JSON Web Key (RFC 7517, RFC 8037 for OKP).
 */
export interface Jwk__Input {
    /**
     * Output only. `OKP` (Ed25519) or `EC` (P-256).
     */
    'kty'?: (string);
    /**
     * Output only. `Ed25519` or `P-256`.
     */
    'crv'?: (string);
    /**
     * Output only. The public key (OKP) or its x coordinate (EC), base64url without padding.
     */
    'x'?: (string);
    /**
     * Output only. EC only: the y coordinate, base64url without padding.
     */
    'y'?: (string);
    /**
     * Output only. The key id tokens name in their header: `<crypto key id>.<version>`.
     */
    'kid'?: (string);
    /**
     * Output only. Always `sig`.
     */
    'use'?: (string);
    /**
     * Output only. `EdDSA` or `ES256`.
     */
    'alg'?: (string);
}
/**
 * One public signing key as a JSON Web Key (RFC 7517, RFC 8037 for OKP).
 */
export interface Jwk {
    /**
     * Output only. `OKP` (Ed25519) or `EC` (P-256).
     */
    'kty': (string);
    /**
     * Output only. `Ed25519` or `P-256`.
     */
    'crv': (string);
    /**
     * Output only. The public key (OKP) or its x coordinate (EC), base64url without padding.
     */
    'x': (string);
    /**
     * Output only. EC only: the y coordinate, base64url without padding.
     */
    'y': (string);
    /**
     * Output only. The key id tokens name in their header: `<crypto key id>.<version>`.
     */
    'kid': (string);
    /**
     * Output only. Always `sig`.
     */
    'use': (string);
    /**
     * Output only. `EdDSA` or `ES256`.
     */
    'alg': (string);
}
