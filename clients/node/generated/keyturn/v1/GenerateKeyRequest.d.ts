// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { TokenType__Input as _keyturn_v1_TokenType__Input, TokenType as _keyturn_v1_TokenType } from '../../keyturn/v1/TokenType';
/**
 * Request for CryptoService.GenerateKey.
 */
export interface GenerateKeyRequest__Input {
    /**
     * Required. The kind of token to generate.
     */
    'type'?: (_keyturn_v1_TokenType__Input);
    /**
     * Optional. Length in characters for NANOID (default 21) and SECRET (default 64), in
     * 8..256. Must be 0 (unset) for API_KEY and UUID_V4, whose length is fixed.
     */
    'length'?: (number);
    /**
     * Optional. Prefix for API_KEY, matching `[a-z0-9]{1,16}` (default `kt`). Must be empty
     * for the other types.
     */
    'prefix'?: (string);
}
/**
 * Request for CryptoService.GenerateKey.
 */
export interface GenerateKeyRequest {
    /**
     * Required. The kind of token to generate.
     */
    'type': (_keyturn_v1_TokenType);
    /**
     * Optional. Length in characters for NANOID (default 21) and SECRET (default 64), in
     * 8..256. Must be 0 (unset) for API_KEY and UUID_V4, whose length is fixed.
     */
    'length': (number);
    /**
     * Optional. Prefix for API_KEY, matching `[a-z0-9]{1,16}` (default `kt`). Must be empty
     * for the other types.
     */
    'prefix': (string);
}
