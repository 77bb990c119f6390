// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration';
/**
 * Request for TokenService.ExchangeKey: the fields of ValidateKeyRequest, then the token's.
 */
export interface ExchangeKeyRequest__Input {
    /**
     * Required. The plaintext API key presented by the end caller.
     */
    'plaintext'?: (string);
    /**
     * Optional. The product being accessed, as in ValidateKeyRequest; becomes the token's
     * `product` claim (the key's own product when empty).
     */
    'product_id'?: (string);
    /**
     * Optional. Scopes the key must all hold, as in ValidateKeyRequest.
     */
    'required_scopes'?: (string)[];
    /**
     * Optional. The end caller's IP address, checked against the key's allowed_cidrs.
     */
    'client_ip'?: (string);
    /**
     * Optional. The token's `aud` claim: 1..256 printable characters. Unset: no aud.
     */
    'audience'?: (string);
    /**
     * Optional. How long the token is valid, 1 second .. 1 hour in whole seconds and at most
     * the key policy's token.max_ttl (default: the policy's token.default_ttl, else 5
     * minutes).
     */
    'ttl'?: (_google_protobuf_Duration__Input | null);
    /**
     * Optional. Top-level fields of the key's metadata.custom to copy into the token's
     * `custom` claim (at most 32 names of 1..64 characters), besides those the key policy's
     * token.custom_claims selects. Fields the key lacks are left out.
     */
    'custom_claims'?: (string)[];
}
/**
 * Request for TokenService.ExchangeKey: the fields of ValidateKeyRequest, then the token's.
 */
export interface ExchangeKeyRequest {
    /**
     * Required. The plaintext API key presented by the end caller.
     */
    'plaintext': (string);
    /**
     * Optional. The product being accessed, as in ValidateKeyRequest; becomes the token's
     * `product` claim (the key's own product when empty).
     */
    'product_id': (string);
    /**
     * Optional. Scopes the key must all hold, as in ValidateKeyRequest.
     */
    'required_scopes': (string)[];
    /**
     * Optional. The end caller's IP address, checked against the key's allowed_cidrs.
     */
    'client_ip': (string);
    /**
     * Optional. The token's `aud` claim: 1..256 printable characters. Unset: no aud.
     */
    'audience': (string);
    /**
     * Optional. How long the token is valid, 1 second .. 1 hour in whole seconds and at most
     * the key policy's token.max_ttl (default: the policy's token.default_ttl, else 5
     * minutes).
     */
    'ttl': (_google_protobuf_Duration | null);
    /**
     * Optional. Top-level fields of the key's metadata.custom to copy into the token's
     * `custom` claim (at most 32 names of 1..64 characters), besides those the key policy's
     * token.custom_claims selects. Fields the key lacks are left out.
     */
    'custom_claims': (string)[];
}
