// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { GetUsageReportRequest__Input as _keyturn_v1_GetUsageReportRequest__Input, GetUsageReportRequest as _keyturn_v1_GetUsageReportRequest } from '../../keyturn/v1/GetUsageReportRequest';
import type { GetUsageReportResponse__Input as _keyturn_v1_GetUsageReportResponse__Input, GetUsageReportResponse as _keyturn_v1_GetUsageReportResponse } from '../../keyturn/v1/GetUsageReportResponse';
import type { ListAuditEventsRequest__Input as _keyturn_v1_ListAuditEventsRequest__Input, ListAuditEventsRequest as _keyturn_v1_ListAuditEventsRequest } from '../../keyturn/v1/ListAuditEventsRequest';
import type { ListAuditEventsResponse__Input as _keyturn_v1_ListAuditEventsResponse__Input, ListAuditEventsResponse as _keyturn_v1_ListAuditEventsResponse } from '../../keyturn/v1/ListAuditEventsResponse';
import type { StreamAuditEventsRequest__Input as _keyturn_v1_StreamAuditEventsRequest__Input, StreamAuditEventsRequest as _keyturn_v1_StreamAuditEventsRequest } from '../../keyturn/v1/StreamAuditEventsRequest';
import type { StreamAuditEventsResponse__Input as _keyturn_v1_StreamAuditEventsResponse__Input, StreamAuditEventsResponse as _keyturn_v1_StreamAuditEventsResponse } from '../../keyturn/v1/StreamAuditEventsResponse';
import type { VerifyAuditChainRequest__Input as _keyturn_v1_VerifyAuditChainRequest__Input, VerifyAuditChainRequest as _keyturn_v1_VerifyAuditChainRequest } from '../../keyturn/v1/VerifyAuditChainRequest';
import type { VerifyAuditChainResponse__Input as _keyturn_v1_VerifyAuditChainResponse__Input, VerifyAuditChainResponse as _keyturn_v1_VerifyAuditChainResponse } from '../../keyturn/v1/VerifyAuditChainResponse';
/**
 * AuditService reads the tamper-evident record of every key action and access attempt.
 *
 * Management actions are written in the same transaction as the change they describe;
 * access attempts (ValidateKey) are written in batches according to the server's audit
 * level. Events form a SHA-256 hash chain in sequence order.
 */
export interface AuditServiceClient extends grpc.Client {
    /**
     * Reports validations over time for a key, project or organization, plus keys expiring
     * soon and keys unused since a given time.
     */
    GetUsageReport(argument: _keyturn_v1_GetUsageReportRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetUsageReportResponse>): grpc.ClientUnaryCall;
    GetUsageReport(argument: _keyturn_v1_GetUsageReportRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GetUsageReportResponse>): grpc.ClientUnaryCall;
    GetUsageReport(argument: _keyturn_v1_GetUsageReportRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetUsageReportResponse>): grpc.ClientUnaryCall;
    GetUsageReport(argument: _keyturn_v1_GetUsageReportRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GetUsageReportResponse>): grpc.ClientUnaryCall;
    /**
     * Reports validations over time for a key, project or organization, plus keys expiring
     * soon and keys unused since a given time.
     */
    getUsageReport(argument: _keyturn_v1_GetUsageReportRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetUsageReportResponse>): grpc.ClientUnaryCall;
    getUsageReport(argument: _keyturn_v1_GetUsageReportRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GetUsageReportResponse>): grpc.ClientUnaryCall;
    getUsageReport(argument: _keyturn_v1_GetUsageReportRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetUsageReportResponse>): grpc.ClientUnaryCall;
    getUsageReport(argument: _keyturn_v1_GetUsageReportRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GetUsageReportResponse>): grpc.ClientUnaryCall;
    /**
     * Lists events matching the filters, newest or oldest first.
     */
    ListAuditEvents(argument: _keyturn_v1_ListAuditEventsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListAuditEventsResponse>): grpc.ClientUnaryCall;
    ListAuditEvents(argument: _keyturn_v1_ListAuditEventsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListAuditEventsResponse>): grpc.ClientUnaryCall;
    ListAuditEvents(argument: _keyturn_v1_ListAuditEventsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListAuditEventsResponse>): grpc.ClientUnaryCall;
    ListAuditEvents(argument: _keyturn_v1_ListAuditEventsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListAuditEventsResponse>): grpc.ClientUnaryCall;
    /**
     * Lists events matching the filters, newest or oldest first.
     */
    listAuditEvents(argument: _keyturn_v1_ListAuditEventsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListAuditEventsResponse>): grpc.ClientUnaryCall;
    listAuditEvents(argument: _keyturn_v1_ListAuditEventsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListAuditEventsResponse>): grpc.ClientUnaryCall;
    listAuditEvents(argument: _keyturn_v1_ListAuditEventsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListAuditEventsResponse>): grpc.ClientUnaryCall;
    listAuditEvents(argument: _keyturn_v1_ListAuditEventsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListAuditEventsResponse>): grpc.ClientUnaryCall;
    /**
     * Replays events after a sequence number, then follows new ones live (also those written
     * by other server processes on the same database) until the client cancels. The response
     * headers come as soon as the stream has its starting point, before any event, with
     * `keyturn-stream-after: <n>`: every matching event with a sequence above n follows (with
     * live_only, n is the head at that moment).
     */
    StreamAuditEvents(argument: _keyturn_v1_StreamAuditEventsRequest__Input, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_keyturn_v1_StreamAuditEventsResponse>;
    StreamAuditEvents(argument: _keyturn_v1_StreamAuditEventsRequest__Input, options?: grpc.CallOptions): grpc.ClientReadableStream<_keyturn_v1_StreamAuditEventsResponse>;
    /**
     * Replays events after a sequence number, then follows new ones live (also those written
     * by other server processes on the same database) until the client cancels. The response
     * headers come as soon as the stream has its starting point, before any event, with
     * `keyturn-stream-after: <n>`: every matching event with a sequence above n follows (with
     * live_only, n is the head at that moment).
     */
    streamAuditEvents(argument: _keyturn_v1_StreamAuditEventsRequest__Input, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_keyturn_v1_StreamAuditEventsResponse>;
    streamAuditEvents(argument: _keyturn_v1_StreamAuditEventsRequest__Input, options?: grpc.CallOptions): grpc.ClientReadableStream<_keyturn_v1_StreamAuditEventsResponse>;
    /**
     * Recomputes the hash chain over a range of events and reports the first mismatch.
     */
    VerifyAuditChain(argument: _keyturn_v1_VerifyAuditChainRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyAuditChainResponse>): grpc.ClientUnaryCall;
    VerifyAuditChain(argument: _keyturn_v1_VerifyAuditChainRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_VerifyAuditChainResponse>): grpc.ClientUnaryCall;
    VerifyAuditChain(argument: _keyturn_v1_VerifyAuditChainRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyAuditChainResponse>): grpc.ClientUnaryCall;
    VerifyAuditChain(argument: _keyturn_v1_VerifyAuditChainRequest__Input, callback: grpc.requestCallback<_keyturn_v1_VerifyAuditChainResponse>): grpc.ClientUnaryCall;
    /**
     * Recomputes the hash chain over a range of events and reports the first mismatch.
     */
    verifyAuditChain(argument: _keyturn_v1_VerifyAuditChainRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyAuditChainResponse>): grpc.ClientUnaryCall;
    verifyAuditChain(argument: _keyturn_v1_VerifyAuditChainRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_VerifyAuditChainResponse>): grpc.ClientUnaryCall;
    verifyAuditChain(argument: _keyturn_v1_VerifyAuditChainRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyAuditChainResponse>): grpc.ClientUnaryCall;
    verifyAuditChain(argument: _keyturn_v1_VerifyAuditChainRequest__Input, callback: grpc.requestCallback<_keyturn_v1_VerifyAuditChainResponse>): grpc.ClientUnaryCall;
}
/**
 * AuditService reads the tamper-evident record of every key action and access attempt.
 *
 * Management actions are written in the same transaction as the change they describe;
 * access attempts (ValidateKey) are written in batches according to the server's audit
 * level. Events form a SHA-256 hash chain in sequence order.
 */
export interface AuditServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Reports validations over time for a key, project or organization, plus keys expiring
     * soon and keys unused since a given time.
     */
    GetUsageReport: grpc.handleUnaryCall<_keyturn_v1_GetUsageReportRequest, _keyturn_v1_GetUsageReportResponse__Input>;
    /**
     * Lists events matching the filters, newest or oldest first.
     */
    ListAuditEvents: grpc.handleUnaryCall<_keyturn_v1_ListAuditEventsRequest, _keyturn_v1_ListAuditEventsResponse__Input>;
    /**
     * Replays events after a sequence number, then follows new ones live (also those written
     * by other server processes on the same database) until the client cancels. The response
     * headers come as soon as the stream has its starting point, before any event, with
     * `keyturn-stream-after: <n>`: every matching event with a sequence above n follows (with
     * live_only, n is the head at that moment).
     */
    StreamAuditEvents: grpc.handleServerStreamingCall<_keyturn_v1_StreamAuditEventsRequest, _keyturn_v1_StreamAuditEventsResponse__Input>;
    /**
     * Recomputes the hash chain over a range of events and reports the first mismatch.
     */
    VerifyAuditChain: grpc.handleUnaryCall<_keyturn_v1_VerifyAuditChainRequest, _keyturn_v1_VerifyAuditChainResponse__Input>;
}
export interface AuditServiceDefinition extends grpc.ServiceDefinition {
    GetUsageReport: MethodDefinition<_keyturn_v1_GetUsageReportRequest__Input, _keyturn_v1_GetUsageReportResponse__Input, _keyturn_v1_GetUsageReportRequest, _keyturn_v1_GetUsageReportResponse>;
    ListAuditEvents: MethodDefinition<_keyturn_v1_ListAuditEventsRequest__Input, _keyturn_v1_ListAuditEventsResponse__Input, _keyturn_v1_ListAuditEventsRequest, _keyturn_v1_ListAuditEventsResponse>;
    StreamAuditEvents: MethodDefinition<_keyturn_v1_StreamAuditEventsRequest__Input, _keyturn_v1_StreamAuditEventsResponse__Input, _keyturn_v1_StreamAuditEventsRequest, _keyturn_v1_StreamAuditEventsResponse>;
    VerifyAuditChain: MethodDefinition<_keyturn_v1_VerifyAuditChainRequest__Input, _keyturn_v1_VerifyAuditChainResponse__Input, _keyturn_v1_VerifyAuditChainRequest, _keyturn_v1_VerifyAuditChainResponse>;
}
