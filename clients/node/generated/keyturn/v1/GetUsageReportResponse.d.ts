// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { UsageBucket__Input as _keyturn_v1_UsageBucket__Input, UsageBucket as _keyturn_v1_UsageBucket } from '../../keyturn/v1/UsageBucket';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { ApiKey__Input as _keyturn_v1_ApiKey__Input, ApiKey as _keyturn_v1_ApiKey } from '../../keyturn/v1/ApiKey';
import type { Long } from '@grpc/proto-loader';
/**
 * Response of AuditService.GetUsageReport.
 */
export interface GetUsageReportResponse__Input {
    /**
     * Buckets in time order; empty buckets included.
     */
    'buckets'?: (_keyturn_v1_UsageBucket__Input)[];
    /**
     * Successful validations over the whole range.
     */
    'total_success'?: (number | string | Long);
    /**
     * Failed validations over the whole range.
     */
    'total_failure'?: (number | string | Long);
    /**
     * Failed validations over the whole range by ErrorReason name.
     */
    'failures_by_reason'?: ({
        [key: string]: number | string | Long;
    });
    /**
     * The latest successful use of any key in the subject.
     */
    'last_used_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Active keys expiring within expiring_within, soonest first.
     */
    'expiring_keys'?: (_keyturn_v1_ApiKey__Input)[];
    /**
     * Active keys not used since unused_since.
     */
    'unused_keys'?: (_keyturn_v1_ApiKey__Input)[];
}
/**
 * Response of AuditService.GetUsageReport.
 */
export interface GetUsageReportResponse {
    /**
     * Buckets in time order; empty buckets included.
     */
    'buckets': (_keyturn_v1_UsageBucket)[];
    /**
     * Successful validations over the whole range.
     */
    'total_success': (string);
    /**
     * Failed validations over the whole range.
     */
    'total_failure': (string);
    /**
     * Failed validations over the whole range by ErrorReason name.
     */
    'failures_by_reason': ({
        [key: string]: string;
    });
    /**
     * The latest successful use of any key in the subject.
     */
    'last_used_time': (_google_protobuf_Timestamp | null);
    /**
     * Active keys expiring within expiring_within, soonest first.
     */
    'expiring_keys': (_keyturn_v1_ApiKey)[];
    /**
     * Active keys not used since unused_since.
     */
    'unused_keys': (_keyturn_v1_ApiKey)[];
}
