// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Bucket width for GetUsageReport.
 */
export declare const ReportGranularity: {
    /**
     * Not given: DAY.
     */
    readonly REPORT_GRANULARITY_UNSPECIFIED: 'REPORT_GRANULARITY_UNSPECIFIED';
    /**
     * One bucket per UTC hour.
     */
    readonly REPORT_GRANULARITY_HOUR: 'REPORT_GRANULARITY_HOUR';
    /**
     * One bucket per UTC day.
     */
    readonly REPORT_GRANULARITY_DAY: 'REPORT_GRANULARITY_DAY';
};
/**
 * Bucket width for GetUsageReport.
 */
export type ReportGranularity__Input = 
/**
 * Not given: DAY.
 */
'REPORT_GRANULARITY_UNSPECIFIED' | 0
/**
 * One bucket per UTC hour.
 */
 | 'REPORT_GRANULARITY_HOUR' | 1
/**
 * One bucket per UTC day.
 */
 | 'REPORT_GRANULARITY_DAY' | 2;
/**
 * Bucket width for GetUsageReport.
 */
export type ReportGranularity = typeof ReportGranularity[keyof typeof ReportGranularity];
