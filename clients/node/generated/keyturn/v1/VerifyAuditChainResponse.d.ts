// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Long } from '@grpc/proto-loader';
/**
 * Response of AuditService.VerifyAuditChain.
 */
export interface VerifyAuditChainResponse__Input {
    /**
     * True when every checked event's hash and link match.
     */
    'ok'?: (boolean);
    /**
     * How many events were checked.
     */
    'events_checked'?: (number | string | Long);
    /**
     * The first sequence whose hash or link does not match; 0 when ok.
     */
    'first_bad_sequence'?: (number | string | Long);
    /**
     * What is wrong there: `hash_mismatch`, `link_mismatch` or
     * `sequence_gap`; empty when ok.
     */
    'problem'?: (string);
    /**
     * The hash of the last checked event (a checkpoint to keep elsewhere).
     */
    'head_hash'?: (string);
}
/**
 * Response of AuditService.VerifyAuditChain.
 */
export interface VerifyAuditChainResponse {
    /**
     * True when every checked event's hash and link match.
     */
    'ok': (boolean);
    /**
     * How many events were checked.
     */
    'events_checked': (string);
    /**
     * The first sequence whose hash or link does not match; 0 when ok.
     */
    'first_bad_sequence': (string);
    /**
     * What is wrong there: `hash_mismatch`, `link_mismatch` or
     * `sequence_gap`; empty when ok.
     */
    'problem': (string);
    /**
     * The hash of the last checked event (a checkpoint to keep elsewhere).
     */
    'head_hash': (string);
}
