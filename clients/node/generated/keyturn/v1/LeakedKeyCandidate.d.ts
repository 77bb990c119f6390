// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * One string found somewhere it should not be.
 */
export interface LeakedKeyCandidate__Input {
    /**
     * Required. The string as found. Never stored or logged. A string longer than a key can
     * be is NOT_A_KEY.
     */
    'token'?: (string);
    /**
     * Optional. Where it was found (`github`, `pastebin`, `content`, `commit`...), at most
     * 100 characters; part of the revoke reason (`leaked: <source>`).
     */
    'source'?: (string);
    /**
     * Optional. The URL or location of the find, at most 2048 characters. A key reported
     * again with the same url gets no second LEAKED event.
     */
    'url'?: (string);
}
/**
 * One string found somewhere it should not be.
 */
export interface LeakedKeyCandidate {
    /**
     * Required. The string as found. Never stored or logged. A string longer than a key can
     * be is NOT_A_KEY.
     */
    'token': (string);
    /**
     * Optional. Where it was found (`github`, `pastebin`, `content`, `commit`...), at most
     * 100 characters; part of the revoke reason (`leaked: <source>`).
     */
    'source': (string);
    /**
     * Optional. The URL or location of the find, at most 2048 characters. A key reported
     * again with the same url gets no second LEAKED event.
     */
    'url': (string);
}
