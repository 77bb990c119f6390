// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { ReportGranularity__Input as _keyturn_v1_ReportGranularity__Input, ReportGranularity as _keyturn_v1_ReportGranularity } from '../../keyturn/v1/ReportGranularity';
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration';
/**
 * Request for AuditService.GetUsageReport. Exactly one of key_id, project_id and
 * organization_id is the subject.
 */
export interface GetUsageReportRequest__Input {
    /**
     * Optional. Report on this key.
     */
    'key_id'?: (string);
    /**
     * Optional. Report on the keys of this project.
     */
    'project_id'?: (string);
    /**
     * Optional. Report on the keys of this organization.
     */
    'organization_id'?: (string);
    /**
     * Required. Start of the range (inclusive).
     */
    'start_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Optional. End of the range (exclusive; default now).
     */
    'end_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Optional. Bucket width (default DAY).
     */
    'granularity'?: (_keyturn_v1_ReportGranularity__Input);
    /**
     * Optional. Also list active keys expiring within this horizon from now.
     */
    'expiring_within'?: (_google_protobuf_Duration__Input | null);
    /**
     * Optional. Also list active keys not used since this time.
     */
    'unused_since'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * Request for AuditService.GetUsageReport. Exactly one of key_id, project_id and
 * organization_id is the subject.
 */
export interface GetUsageReportRequest {
    /**
     * Optional. Report on this key.
     */
    'key_id': (string);
    /**
     * Optional. Report on the keys of this project.
     */
    'project_id': (string);
    /**
     * Optional. Report on the keys of this organization.
     */
    'organization_id': (string);
    /**
     * Required. Start of the range (inclusive).
     */
    'start_time': (_google_protobuf_Timestamp | null);
    /**
     * Optional. End of the range (exclusive; default now).
     */
    'end_time': (_google_protobuf_Timestamp | null);
    /**
     * Optional. Bucket width (default DAY).
     */
    'granularity': (_keyturn_v1_ReportGranularity);
    /**
     * Optional. Also list active keys expiring within this horizon from now.
     */
    'expiring_within': (_google_protobuf_Duration | null);
    /**
     * Optional. Also list active keys not used since this time.
     */
    'unused_since': (_google_protobuf_Timestamp | null);
}
