// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Long } from '@grpc/proto-loader';
/**
 * One rate limit a ValidateKey call applies, and how many units it takes.
 */
export interface LimitCost__Input {
    /**
     * Required. "default" or the name of one of the key's named_limits.
     */
    'name'?: (string);
    /**
     * Optional. Units to take, 0..1000000; 0 means 1.
     */
    'cost'?: (number | string | Long);
}
/**
 * One rate limit a ValidateKey call applies, and how many units it takes.
 */
export interface LimitCost {
    /**
     * Required. "default" or the name of one of the key's named_limits.
     */
    'name': (string);
    /**
     * Optional. Units to take, 0..1000000; 0 means 1.
     */
    'cost': (string);
}
