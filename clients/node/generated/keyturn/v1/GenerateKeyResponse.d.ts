// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { TokenType__Input as _keyturn_v1_TokenType__Input, TokenType as _keyturn_v1_TokenType } from '../../keyturn/v1/TokenType';
/**
 * Response of CryptoService.GenerateKey.
 */
export interface GenerateKeyResponse__Input {
    /**
     * The generated token. Shown once; the server keeps no copy.
     */
    'key'?: (string);
    /**
     * The kind of token generated.
     */
    'type'?: (_keyturn_v1_TokenType__Input);
    /**
     * The number of random bits in the token.
     */
    'entropy_bits'?: (number | string);
}
/**
 * Response of CryptoService.GenerateKey.
 */
export interface GenerateKeyResponse {
    /**
     * The generated token. Shown once; the server keeps no copy.
     */
    'key': (string);
    /**
     * The kind of token generated.
     */
    'type': (_keyturn_v1_TokenType);
    /**
     * The number of random bits in the token.
     */
    'entropy_bits': (number);
}
