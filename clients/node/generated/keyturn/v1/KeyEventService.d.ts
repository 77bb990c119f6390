// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { ListKeyEventsRequest__Input as _keyturn_v1_ListKeyEventsRequest__Input, ListKeyEventsRequest as _keyturn_v1_ListKeyEventsRequest } from '../../keyturn/v1/ListKeyEventsRequest';
import type { ListKeyEventsResponse__Input as _keyturn_v1_ListKeyEventsResponse__Input, ListKeyEventsResponse as _keyturn_v1_ListKeyEventsResponse } from '../../keyturn/v1/ListKeyEventsResponse';
import type { WatchKeyEventsRequest__Input as _keyturn_v1_WatchKeyEventsRequest__Input, WatchKeyEventsRequest as _keyturn_v1_WatchKeyEventsRequest } from '../../keyturn/v1/WatchKeyEventsRequest';
import type { WatchKeyEventsResponse__Input as _keyturn_v1_WatchKeyEventsResponse__Input, WatchKeyEventsResponse as _keyturn_v1_WatchKeyEventsResponse } from '../../keyturn/v1/WatchKeyEventsResponse';
/**
 * KeyEventService reads the key-event log: a listing for catching up, and a watch that
 * replays the backlog after a cursor and then follows new events live (also those written by
 * other server processes on the same database), at least once and in sequence order.
 */
export interface KeyEventServiceClient extends grpc.Client {
    /**
     * Lists events matching the filter, oldest first (sequence order), after a cursor.
     */
    ListKeyEvents(argument: _keyturn_v1_ListKeyEventsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListKeyEventsResponse>): grpc.ClientUnaryCall;
    ListKeyEvents(argument: _keyturn_v1_ListKeyEventsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListKeyEventsResponse>): grpc.ClientUnaryCall;
    ListKeyEvents(argument: _keyturn_v1_ListKeyEventsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListKeyEventsResponse>): grpc.ClientUnaryCall;
    ListKeyEvents(argument: _keyturn_v1_ListKeyEventsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListKeyEventsResponse>): grpc.ClientUnaryCall;
    /**
     * Lists events matching the filter, oldest first (sequence order), after a cursor.
     */
    listKeyEvents(argument: _keyturn_v1_ListKeyEventsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListKeyEventsResponse>): grpc.ClientUnaryCall;
    listKeyEvents(argument: _keyturn_v1_ListKeyEventsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListKeyEventsResponse>): grpc.ClientUnaryCall;
    listKeyEvents(argument: _keyturn_v1_ListKeyEventsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListKeyEventsResponse>): grpc.ClientUnaryCall;
    listKeyEvents(argument: _keyturn_v1_ListKeyEventsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListKeyEventsResponse>): grpc.ClientUnaryCall;
    /**
     * Replays events with a sequence greater than after_sequence, then follows new ones until
     * the client cancels. Resume after a disconnect with the last sequence received.
     */
    WatchKeyEvents(argument: _keyturn_v1_WatchKeyEventsRequest__Input, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_keyturn_v1_WatchKeyEventsResponse>;
    WatchKeyEvents(argument: _keyturn_v1_WatchKeyEventsRequest__Input, options?: grpc.CallOptions): grpc.ClientReadableStream<_keyturn_v1_WatchKeyEventsResponse>;
    /**
     * Replays events with a sequence greater than after_sequence, then follows new ones until
     * the client cancels. Resume after a disconnect with the last sequence received.
     */
    watchKeyEvents(argument: _keyturn_v1_WatchKeyEventsRequest__Input, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_keyturn_v1_WatchKeyEventsResponse>;
    watchKeyEvents(argument: _keyturn_v1_WatchKeyEventsRequest__Input, options?: grpc.CallOptions): grpc.ClientReadableStream<_keyturn_v1_WatchKeyEventsResponse>;
}
/**
 * KeyEventService reads the key-event log: a listing for catching up, and a watch that
 * replays the backlog after a cursor and then follows new events live (also those written by
 * other server processes on the same database), at least once and in sequence order.
 */
export interface KeyEventServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Lists events matching the filter, oldest first (sequence order), after a cursor.
     */
    ListKeyEvents: grpc.handleUnaryCall<_keyturn_v1_ListKeyEventsRequest, _keyturn_v1_ListKeyEventsResponse__Input>;
    /**
     * Replays events with a sequence greater than after_sequence, then follows new ones until
     * the client cancels. Resume after a disconnect with the last sequence received.
     */
    WatchKeyEvents: grpc.handleServerStreamingCall<_keyturn_v1_WatchKeyEventsRequest, _keyturn_v1_WatchKeyEventsResponse__Input>;
}
export interface KeyEventServiceDefinition extends grpc.ServiceDefinition {
    ListKeyEvents: MethodDefinition<_keyturn_v1_ListKeyEventsRequest__Input, _keyturn_v1_ListKeyEventsResponse__Input, _keyturn_v1_ListKeyEventsRequest, _keyturn_v1_ListKeyEventsResponse>;
    WatchKeyEvents: MethodDefinition<_keyturn_v1_WatchKeyEventsRequest__Input, _keyturn_v1_WatchKeyEventsResponse__Input, _keyturn_v1_WatchKeyEventsRequest, _keyturn_v1_WatchKeyEventsResponse>;
}
