// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';
/**
 * Validation counts for one time bucket.
 */
export interface UsageBucket__Input {
    /**
     * Output only. Start of the bucket (inclusive).
     */
    'start_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. Successful validations in the bucket.
     */
    'success_count'?: (number | string | Long);
    /**
     * Output only. Failed validations in the bucket.
     */
    'failure_count'?: (number | string | Long);
    /**
     * Output only. Failed validations by ErrorReason name.
     */
    'failures_by_reason'?: ({
        [key: string]: number | string | Long;
    });
}
/**
 * Validation counts for one time bucket.
 */
export interface UsageBucket {
    /**
     * Output only. Start of the bucket (inclusive).
     */
    'start_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. Successful validations in the bucket.
     */
    'success_count': (string);
    /**
     * Output only. Failed validations in the bucket.
     */
    'failure_count': (string);
    /**
     * Output only. Failed validations by ErrorReason name.
     */
    'failures_by_reason': ({
        [key: string]: string;
    });
}
