// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { CreateWebhookRequest__Input as _keyturn_v1_CreateWebhookRequest__Input, CreateWebhookRequest as _keyturn_v1_CreateWebhookRequest } from '../../keyturn/v1/CreateWebhookRequest';
import type { CreateWebhookResponse__Input as _keyturn_v1_CreateWebhookResponse__Input, CreateWebhookResponse as _keyturn_v1_CreateWebhookResponse } from '../../keyturn/v1/CreateWebhookResponse';
import type { DeleteWebhookRequest__Input as _keyturn_v1_DeleteWebhookRequest__Input, DeleteWebhookRequest as _keyturn_v1_DeleteWebhookRequest } from '../../keyturn/v1/DeleteWebhookRequest';
import type { DeleteWebhookResponse__Input as _keyturn_v1_DeleteWebhookResponse__Input, DeleteWebhookResponse as _keyturn_v1_DeleteWebhookResponse } from '../../keyturn/v1/DeleteWebhookResponse';
import type { GetWebhookRequest__Input as _keyturn_v1_GetWebhookRequest__Input, GetWebhookRequest as _keyturn_v1_GetWebhookRequest } from '../../keyturn/v1/GetWebhookRequest';
import type { ListWebhookDeliveriesRequest__Input as _keyturn_v1_ListWebhookDeliveriesRequest__Input, ListWebhookDeliveriesRequest as _keyturn_v1_ListWebhookDeliveriesRequest } from '../../keyturn/v1/ListWebhookDeliveriesRequest';
import type { ListWebhookDeliveriesResponse__Input as _keyturn_v1_ListWebhookDeliveriesResponse__Input, ListWebhookDeliveriesResponse as _keyturn_v1_ListWebhookDeliveriesResponse } from '../../keyturn/v1/ListWebhookDeliveriesResponse';
import type { ListWebhooksRequest__Input as _keyturn_v1_ListWebhooksRequest__Input, ListWebhooksRequest as _keyturn_v1_ListWebhooksRequest } from '../../keyturn/v1/ListWebhooksRequest';
import type { ListWebhooksResponse__Input as _keyturn_v1_ListWebhooksResponse__Input, ListWebhooksResponse as _keyturn_v1_ListWebhooksResponse } from '../../keyturn/v1/ListWebhooksResponse';
import type { RedeliverWebhookDeliveryRequest__Input as _keyturn_v1_RedeliverWebhookDeliveryRequest__Input, RedeliverWebhookDeliveryRequest as _keyturn_v1_RedeliverWebhookDeliveryRequest } from '../../keyturn/v1/RedeliverWebhookDeliveryRequest';
import type { RotateWebhookSecretRequest__Input as _keyturn_v1_RotateWebhookSecretRequest__Input, RotateWebhookSecretRequest as _keyturn_v1_RotateWebhookSecretRequest } from '../../keyturn/v1/RotateWebhookSecretRequest';
import type { RotateWebhookSecretResponse__Input as _keyturn_v1_RotateWebhookSecretResponse__Input, RotateWebhookSecretResponse as _keyturn_v1_RotateWebhookSecretResponse } from '../../keyturn/v1/RotateWebhookSecretResponse';
import type { UpdateWebhookRequest__Input as _keyturn_v1_UpdateWebhookRequest__Input, UpdateWebhookRequest as _keyturn_v1_UpdateWebhookRequest } from '../../keyturn/v1/UpdateWebhookRequest';
import type { Webhook__Input as _keyturn_v1_Webhook__Input, Webhook as _keyturn_v1_Webhook } from '../../keyturn/v1/Webhook';
import type { WebhookDelivery__Input as _keyturn_v1_WebhookDelivery__Input, WebhookDelivery as _keyturn_v1_WebhookDelivery } from '../../keyturn/v1/WebhookDelivery';
/**
 * WebhookService: subscriptions that receive key events (key_events.proto) as signed HTTP
 * POSTs.
 *
 * Each delivery is a JSON body `{"id", "type", "created", "data"}` (data: the key event's
 * fields; never a plaintext key or a hash) with the headers
 * `Keyturn-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (Stripe's
 * shape; during a secret's overlap two v1 values), `Keyturn-Delivery-Id` (the same on every
 * attempt of one delivery: an idempotency key) and `Keyturn-Event-Type`. A 2xx answer is
 * success; anything else (or no answer within the timeout) is retried with exponential
 * backoff and jitter for more than 24 hours, then the delivery GAVE_UP. A subscription whose
 * last 5 deliveries in a row gave up is disabled (disabled_reason says why; audited).
 * Delivery is at least once: a receiver deduplicates by Keyturn-Delivery-Id.
 */
export interface WebhookServiceClient extends grpc.Client {
    /**
     * Creates a subscription. The answer carries the signing secret, shown only this once.
     */
    CreateWebhook(argument: _keyturn_v1_CreateWebhookRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreateWebhookResponse>): grpc.ClientUnaryCall;
    CreateWebhook(argument: _keyturn_v1_CreateWebhookRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CreateWebhookResponse>): grpc.ClientUnaryCall;
    CreateWebhook(argument: _keyturn_v1_CreateWebhookRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreateWebhookResponse>): grpc.ClientUnaryCall;
    CreateWebhook(argument: _keyturn_v1_CreateWebhookRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CreateWebhookResponse>): grpc.ClientUnaryCall;
    /**
     * Creates a subscription. The answer carries the signing secret, shown only this once.
     */
    createWebhook(argument: _keyturn_v1_CreateWebhookRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreateWebhookResponse>): grpc.ClientUnaryCall;
    createWebhook(argument: _keyturn_v1_CreateWebhookRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CreateWebhookResponse>): grpc.ClientUnaryCall;
    createWebhook(argument: _keyturn_v1_CreateWebhookRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreateWebhookResponse>): grpc.ClientUnaryCall;
    createWebhook(argument: _keyturn_v1_CreateWebhookRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CreateWebhookResponse>): grpc.ClientUnaryCall;
    /**
     * Deletes a subscription and its delivery records; nothing more is sent to it.
     */
    DeleteWebhook(argument: _keyturn_v1_DeleteWebhookRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DeleteWebhookResponse>): grpc.ClientUnaryCall;
    DeleteWebhook(argument: _keyturn_v1_DeleteWebhookRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_DeleteWebhookResponse>): grpc.ClientUnaryCall;
    DeleteWebhook(argument: _keyturn_v1_DeleteWebhookRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DeleteWebhookResponse>): grpc.ClientUnaryCall;
    DeleteWebhook(argument: _keyturn_v1_DeleteWebhookRequest__Input, callback: grpc.requestCallback<_keyturn_v1_DeleteWebhookResponse>): grpc.ClientUnaryCall;
    /**
     * Deletes a subscription and its delivery records; nothing more is sent to it.
     */
    deleteWebhook(argument: _keyturn_v1_DeleteWebhookRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DeleteWebhookResponse>): grpc.ClientUnaryCall;
    deleteWebhook(argument: _keyturn_v1_DeleteWebhookRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_DeleteWebhookResponse>): grpc.ClientUnaryCall;
    deleteWebhook(argument: _keyturn_v1_DeleteWebhookRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DeleteWebhookResponse>): grpc.ClientUnaryCall;
    deleteWebhook(argument: _keyturn_v1_DeleteWebhookRequest__Input, callback: grpc.requestCallback<_keyturn_v1_DeleteWebhookResponse>): grpc.ClientUnaryCall;
    /**
     * Gets one subscription by id (never its secret).
     */
    GetWebhook(argument: _keyturn_v1_GetWebhookRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    GetWebhook(argument: _keyturn_v1_GetWebhookRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    GetWebhook(argument: _keyturn_v1_GetWebhookRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    GetWebhook(argument: _keyturn_v1_GetWebhookRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    /**
     * Gets one subscription by id (never its secret).
     */
    getWebhook(argument: _keyturn_v1_GetWebhookRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    getWebhook(argument: _keyturn_v1_GetWebhookRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    getWebhook(argument: _keyturn_v1_GetWebhookRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    getWebhook(argument: _keyturn_v1_GetWebhookRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    /**
     * Lists a subscription's deliveries, newest first, with their attempts.
     */
    ListWebhookDeliveries(argument: _keyturn_v1_ListWebhookDeliveriesRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListWebhookDeliveriesResponse>): grpc.ClientUnaryCall;
    ListWebhookDeliveries(argument: _keyturn_v1_ListWebhookDeliveriesRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListWebhookDeliveriesResponse>): grpc.ClientUnaryCall;
    ListWebhookDeliveries(argument: _keyturn_v1_ListWebhookDeliveriesRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListWebhookDeliveriesResponse>): grpc.ClientUnaryCall;
    ListWebhookDeliveries(argument: _keyturn_v1_ListWebhookDeliveriesRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListWebhookDeliveriesResponse>): grpc.ClientUnaryCall;
    /**
     * Lists a subscription's deliveries, newest first, with their attempts.
     */
    listWebhookDeliveries(argument: _keyturn_v1_ListWebhookDeliveriesRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListWebhookDeliveriesResponse>): grpc.ClientUnaryCall;
    listWebhookDeliveries(argument: _keyturn_v1_ListWebhookDeliveriesRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListWebhookDeliveriesResponse>): grpc.ClientUnaryCall;
    listWebhookDeliveries(argument: _keyturn_v1_ListWebhookDeliveriesRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListWebhookDeliveriesResponse>): grpc.ClientUnaryCall;
    listWebhookDeliveries(argument: _keyturn_v1_ListWebhookDeliveriesRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListWebhookDeliveriesResponse>): grpc.ClientUnaryCall;
    /**
     * Lists an organization's subscriptions, oldest first.
     */
    ListWebhooks(argument: _keyturn_v1_ListWebhooksRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListWebhooksResponse>): grpc.ClientUnaryCall;
    ListWebhooks(argument: _keyturn_v1_ListWebhooksRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListWebhooksResponse>): grpc.ClientUnaryCall;
    ListWebhooks(argument: _keyturn_v1_ListWebhooksRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListWebhooksResponse>): grpc.ClientUnaryCall;
    ListWebhooks(argument: _keyturn_v1_ListWebhooksRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListWebhooksResponse>): grpc.ClientUnaryCall;
    /**
     * Lists an organization's subscriptions, oldest first.
     */
    listWebhooks(argument: _keyturn_v1_ListWebhooksRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListWebhooksResponse>): grpc.ClientUnaryCall;
    listWebhooks(argument: _keyturn_v1_ListWebhooksRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListWebhooksResponse>): grpc.ClientUnaryCall;
    listWebhooks(argument: _keyturn_v1_ListWebhooksRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListWebhooksResponse>): grpc.ClientUnaryCall;
    listWebhooks(argument: _keyturn_v1_ListWebhooksRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListWebhooksResponse>): grpc.ClientUnaryCall;
    /**
     * Sends a delivery again as soon as possible (whatever its state): it becomes PENDING with
     * its next attempt now and a fresh retry window. FAILED_PRECONDITION when the subscription
     * is disabled.
     */
    RedeliverWebhookDelivery(argument: _keyturn_v1_RedeliverWebhookDeliveryRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_WebhookDelivery>): grpc.ClientUnaryCall;
    RedeliverWebhookDelivery(argument: _keyturn_v1_RedeliverWebhookDeliveryRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_WebhookDelivery>): grpc.ClientUnaryCall;
    RedeliverWebhookDelivery(argument: _keyturn_v1_RedeliverWebhookDeliveryRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_WebhookDelivery>): grpc.ClientUnaryCall;
    RedeliverWebhookDelivery(argument: _keyturn_v1_RedeliverWebhookDeliveryRequest__Input, callback: grpc.requestCallback<_keyturn_v1_WebhookDelivery>): grpc.ClientUnaryCall;
    /**
     * Sends a delivery again as soon as possible (whatever its state): it becomes PENDING with
     * its next attempt now and a fresh retry window. FAILED_PRECONDITION when the subscription
     * is disabled.
     */
    redeliverWebhookDelivery(argument: _keyturn_v1_RedeliverWebhookDeliveryRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_WebhookDelivery>): grpc.ClientUnaryCall;
    redeliverWebhookDelivery(argument: _keyturn_v1_RedeliverWebhookDeliveryRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_WebhookDelivery>): grpc.ClientUnaryCall;
    redeliverWebhookDelivery(argument: _keyturn_v1_RedeliverWebhookDeliveryRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_WebhookDelivery>): grpc.ClientUnaryCall;
    redeliverWebhookDelivery(argument: _keyturn_v1_RedeliverWebhookDeliveryRequest__Input, callback: grpc.requestCallback<_keyturn_v1_WebhookDelivery>): grpc.ClientUnaryCall;
    /**
     * Replaces the signing secret. The new secret is shown only in this answer; the old one
     * keeps signing alongside (a second v1 value) until previous_secret_expire_time.
     */
    RotateWebhookSecret(argument: _keyturn_v1_RotateWebhookSecretRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateWebhookSecretResponse>): grpc.ClientUnaryCall;
    RotateWebhookSecret(argument: _keyturn_v1_RotateWebhookSecretRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_RotateWebhookSecretResponse>): grpc.ClientUnaryCall;
    RotateWebhookSecret(argument: _keyturn_v1_RotateWebhookSecretRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateWebhookSecretResponse>): grpc.ClientUnaryCall;
    RotateWebhookSecret(argument: _keyturn_v1_RotateWebhookSecretRequest__Input, callback: grpc.requestCallback<_keyturn_v1_RotateWebhookSecretResponse>): grpc.ClientUnaryCall;
    /**
     * Replaces the signing secret. The new secret is shown only in this answer; the old one
     * keeps signing alongside (a second v1 value) until previous_secret_expire_time.
     */
    rotateWebhookSecret(argument: _keyturn_v1_RotateWebhookSecretRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateWebhookSecretResponse>): grpc.ClientUnaryCall;
    rotateWebhookSecret(argument: _keyturn_v1_RotateWebhookSecretRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_RotateWebhookSecretResponse>): grpc.ClientUnaryCall;
    rotateWebhookSecret(argument: _keyturn_v1_RotateWebhookSecretRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateWebhookSecretResponse>): grpc.ClientUnaryCall;
    rotateWebhookSecret(argument: _keyturn_v1_RotateWebhookSecretRequest__Input, callback: grpc.requestCallback<_keyturn_v1_RotateWebhookSecretResponse>): grpc.ClientUnaryCall;
    /**
     * Updates the fields named in update_mask: url, event_types, description, enabled.
     * Enabling a disabled subscription clears disabled_reason.
     */
    UpdateWebhook(argument: _keyturn_v1_UpdateWebhookRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    UpdateWebhook(argument: _keyturn_v1_UpdateWebhookRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    UpdateWebhook(argument: _keyturn_v1_UpdateWebhookRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    UpdateWebhook(argument: _keyturn_v1_UpdateWebhookRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    /**
     * Updates the fields named in update_mask: url, event_types, description, enabled.
     * Enabling a disabled subscription clears disabled_reason.
     */
    updateWebhook(argument: _keyturn_v1_UpdateWebhookRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    updateWebhook(argument: _keyturn_v1_UpdateWebhookRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    updateWebhook(argument: _keyturn_v1_UpdateWebhookRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
    updateWebhook(argument: _keyturn_v1_UpdateWebhookRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Webhook>): grpc.ClientUnaryCall;
}
/**
 * WebhookService: subscriptions that receive key events (key_events.proto) as signed HTTP
 * POSTs.
 *
 * Each delivery is a JSON body `{"id", "type", "created", "data"}` (data: the key event's
 * fields; never a plaintext key or a hash) with the headers
 * `Keyturn-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (Stripe's
 * shape; during a secret's overlap two v1 values), `Keyturn-Delivery-Id` (the same on every
 * attempt of one delivery: an idempotency key) and `Keyturn-Event-Type`. A 2xx answer is
 * success; anything else (or no answer within the timeout) is retried with exponential
 * backoff and jitter for more than 24 hours, then the delivery GAVE_UP. A subscription whose
 * last 5 deliveries in a row gave up is disabled (disabled_reason says why; audited).
 * Delivery is at least once: a receiver deduplicates by Keyturn-Delivery-Id.
 */
export interface WebhookServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Creates a subscription. The answer carries the signing secret, shown only this once.
     */
    CreateWebhook: grpc.handleUnaryCall<_keyturn_v1_CreateWebhookRequest, _keyturn_v1_CreateWebhookResponse__Input>;
    /**
     * Deletes a subscription and its delivery records; nothing more is sent to it.
     */
    DeleteWebhook: grpc.handleUnaryCall<_keyturn_v1_DeleteWebhookRequest, _keyturn_v1_DeleteWebhookResponse__Input>;
    /**
     * Gets one subscription by id (never its secret).
     */
    GetWebhook: grpc.handleUnaryCall<_keyturn_v1_GetWebhookRequest, _keyturn_v1_Webhook__Input>;
    /**
     * Lists a subscription's deliveries, newest first, with their attempts.
     */
    ListWebhookDeliveries: grpc.handleUnaryCall<_keyturn_v1_ListWebhookDeliveriesRequest, _keyturn_v1_ListWebhookDeliveriesResponse__Input>;
    /**
     * Lists an organization's subscriptions, oldest first.
     */
    ListWebhooks: grpc.handleUnaryCall<_keyturn_v1_ListWebhooksRequest, _keyturn_v1_ListWebhooksResponse__Input>;
    /**
     * Sends a delivery again as soon as possible (whatever its state): it becomes PENDING with
     * its next attempt now and a fresh retry window. FAILED_PRECONDITION when the subscription
     * is disabled.
     */
    RedeliverWebhookDelivery: grpc.handleUnaryCall<_keyturn_v1_RedeliverWebhookDeliveryRequest, _keyturn_v1_WebhookDelivery__Input>;
    /**
     * Replaces the signing secret. The new secret is shown only in this answer; the old one
     * keeps signing alongside (a second v1 value) until previous_secret_expire_time.
     */
    RotateWebhookSecret: grpc.handleUnaryCall<_keyturn_v1_RotateWebhookSecretRequest, _keyturn_v1_RotateWebhookSecretResponse__Input>;
    /**
     * Updates the fields named in update_mask: url, event_types, description, enabled.
     * Enabling a disabled subscription clears disabled_reason.
     */
    UpdateWebhook: grpc.handleUnaryCall<_keyturn_v1_UpdateWebhookRequest, _keyturn_v1_Webhook__Input>;
}
export interface WebhookServiceDefinition extends grpc.ServiceDefinition {
    CreateWebhook: MethodDefinition<_keyturn_v1_CreateWebhookRequest__Input, _keyturn_v1_CreateWebhookResponse__Input, _keyturn_v1_CreateWebhookRequest, _keyturn_v1_CreateWebhookResponse>;
    DeleteWebhook: MethodDefinition<_keyturn_v1_DeleteWebhookRequest__Input, _keyturn_v1_DeleteWebhookResponse__Input, _keyturn_v1_DeleteWebhookRequest, _keyturn_v1_DeleteWebhookResponse>;
    GetWebhook: MethodDefinition<_keyturn_v1_GetWebhookRequest__Input, _keyturn_v1_Webhook__Input, _keyturn_v1_GetWebhookRequest, _keyturn_v1_Webhook>;
    ListWebhookDeliveries: MethodDefinition<_keyturn_v1_ListWebhookDeliveriesRequest__Input, _keyturn_v1_ListWebhookDeliveriesResponse__Input, _keyturn_v1_ListWebhookDeliveriesRequest, _keyturn_v1_ListWebhookDeliveriesResponse>;
    ListWebhooks: MethodDefinition<_keyturn_v1_ListWebhooksRequest__Input, _keyturn_v1_ListWebhooksResponse__Input, _keyturn_v1_ListWebhooksRequest, _keyturn_v1_ListWebhooksResponse>;
    RedeliverWebhookDelivery: MethodDefinition<_keyturn_v1_RedeliverWebhookDeliveryRequest__Input, _keyturn_v1_WebhookDelivery__Input, _keyturn_v1_RedeliverWebhookDeliveryRequest, _keyturn_v1_WebhookDelivery>;
    RotateWebhookSecret: MethodDefinition<_keyturn_v1_RotateWebhookSecretRequest__Input, _keyturn_v1_RotateWebhookSecretResponse__Input, _keyturn_v1_RotateWebhookSecretRequest, _keyturn_v1_RotateWebhookSecretResponse>;
    UpdateWebhook: MethodDefinition<_keyturn_v1_UpdateWebhookRequest__Input, _keyturn_v1_Webhook__Input, _keyturn_v1_UpdateWebhookRequest, _keyturn_v1_Webhook>;
}
