// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * The kind of token GenerateKey produces.
 */
export declare const TokenType: {
    /**
     * Not given; GenerateKey answers INVALID_ARGUMENT.
     */
    readonly TOKEN_TYPE_UNSPECIFIED: 'TOKEN_TYPE_UNSPECIFIED';
    /**
     * `prefix_` followed by 32 random bytes as 64 lowercase hex characters (256 bits).
     */
    readonly TOKEN_TYPE_API_KEY: 'TOKEN_TYPE_API_KEY';
    /**
     * A random RFC 4122 version 4 UUID (122 random bits).
     */
    readonly TOKEN_TYPE_UUID_V4: 'TOKEN_TYPE_UUID_V4';
    /**
     * A nanoid: `length` characters from the URL-safe 64-character alphabet
     * (default 21 characters, 126 bits).
     */
    readonly TOKEN_TYPE_NANOID: 'TOKEN_TYPE_NANOID';
    /**
     * `length` lowercase hex characters (default 64 = 256 bits).
     */
    readonly TOKEN_TYPE_SECRET: 'TOKEN_TYPE_SECRET';
};
/**
 * The kind of token GenerateKey produces.
 */
export type TokenType__Input = 
/**
 * Not given; GenerateKey answers INVALID_ARGUMENT.
 */
'TOKEN_TYPE_UNSPECIFIED' | 0
/**
 * `prefix_` followed by 32 random bytes as 64 lowercase hex characters (256 bits).
 */
 | 'TOKEN_TYPE_API_KEY' | 1
/**
 * A random RFC 4122 version 4 UUID (122 random bits).
 */
 | 'TOKEN_TYPE_UUID_V4' | 2
/**
 * A nanoid: `length` characters from the URL-safe 64-character alphabet
 * (default 21 characters, 126 bits).
 */
 | 'TOKEN_TYPE_NANOID' | 3
/**
 * `length` lowercase hex characters (default 64 = 256 bits).
 */
 | 'TOKEN_TYPE_SECRET' | 4;
/**
 * The kind of token GenerateKey produces.
 */
export type TokenType = typeof TokenType[keyof typeof TokenType];
