// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Long } from '@grpc/proto-loader';
/**
 * Request for AuditService.VerifyAuditChain.
 */
export interface VerifyAuditChainRequest__Input {
    /**
     * Optional. First sequence to check (default: the oldest kept event).
     */
    'start_sequence'?: (number | string | Long);
    /**
     * Optional. Last sequence to check (default: the newest event).
     */
    'end_sequence'?: (number | string | Long);
}
/**
 * Request for AuditService.VerifyAuditChain.
 */
export interface VerifyAuditChainRequest {
    /**
     * Optional. First sequence to check (default: the oldest kept event).
     */
    'start_sequence': (string);
    /**
     * Optional. Last sequence to check (default: the newest event).
     */
    'end_sequence': (string);
}
