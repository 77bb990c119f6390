// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * What a candidate turned out to be.
 */
export declare const LeakedKeyResult: {
    /**
     * Never returned.
     */
    readonly LEAKED_KEY_RESULT_UNSPECIFIED: 'LEAKED_KEY_RESULT_UNSPECIFIED';
    /**
     * A key the caller may see: acted upon as its policy says.
     */
    readonly LEAKED_KEY_RESULT_FOUND: 'LEAKED_KEY_RESULT_FOUND';
    /**
     * Shaped like a key of this server (prefix and checksum) but no key the caller may see.
     */
    readonly LEAKED_KEY_RESULT_NOT_FOUND: 'LEAKED_KEY_RESULT_NOT_FOUND';
    /**
     * Not a key of this server: wrong shape, prefix or checksum (no database lookup).
     */
    readonly LEAKED_KEY_RESULT_NOT_A_KEY: 'LEAKED_KEY_RESULT_NOT_A_KEY';
};
/**
 * What a candidate turned out to be.
 */
export type LeakedKeyResult__Input = 
/**
 * Never returned.
 */
'LEAKED_KEY_RESULT_UNSPECIFIED' | 0
/**
 * A key the caller may see: acted upon as its policy says.
 */
 | 'LEAKED_KEY_RESULT_FOUND' | 1
/**
 * Shaped like a key of this server (prefix and checksum) but no key the caller may see.
 */
 | 'LEAKED_KEY_RESULT_NOT_FOUND' | 2
/**
 * Not a key of this server: wrong shape, prefix or checksum (no database lookup).
 */
 | 'LEAKED_KEY_RESULT_NOT_A_KEY' | 3;
/**
 * What a candidate turned out to be.
 */
export type LeakedKeyResult = typeof LeakedKeyResult[keyof typeof LeakedKeyResult];
