// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
import type { CustomHttpPattern__Input as _google_api_CustomHttpPattern__Input, CustomHttpPattern as _google_api_CustomHttpPattern } from './google/api/CustomHttpPattern';
import type { Http__Input as _google_api_Http__Input, Http as _google_api_Http } from './google/api/Http';
import type { HttpRule__Input as _google_api_HttpRule__Input, HttpRule as _google_api_HttpRule } from './google/api/HttpRule';
import type { DescriptorProto__Input as _google_protobuf_DescriptorProto__Input, DescriptorProto as _google_protobuf_DescriptorProto } from './google/protobuf/DescriptorProto';
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from './google/protobuf/Duration';
import type { EnumDescriptorProto__Input as _google_protobuf_EnumDescriptorProto__Input, EnumDescriptorProto as _google_protobuf_EnumDescriptorProto } from './google/protobuf/EnumDescriptorProto';
import type { EnumOptions__Input as _google_protobuf_EnumOptions__Input, EnumOptions as _google_protobuf_EnumOptions } from './google/protobuf/EnumOptions';
import type { EnumValueDescriptorProto__Input as _google_protobuf_EnumValueDescriptorProto__Input, EnumValueDescriptorProto as _google_protobuf_EnumValueDescriptorProto } from './google/protobuf/EnumValueDescriptorProto';
import type { EnumValueOptions__Input as _google_protobuf_EnumValueOptions__Input, EnumValueOptions as _google_protobuf_EnumValueOptions } from './google/protobuf/EnumValueOptions';
import type { ExtensionRangeOptions__Input as _google_protobuf_ExtensionRangeOptions__Input, ExtensionRangeOptions as _google_protobuf_ExtensionRangeOptions } from './google/protobuf/ExtensionRangeOptions';
import type { FeatureSet__Input as _google_protobuf_FeatureSet__Input, FeatureSet as _google_protobuf_FeatureSet } from './google/protobuf/FeatureSet';
import type { FeatureSetDefaults__Input as _google_protobuf_FeatureSetDefaults__Input, FeatureSetDefaults as _google_protobuf_FeatureSetDefaults } from './google/protobuf/FeatureSetDefaults';
import type { FieldDescriptorProto__Input as _google_protobuf_FieldDescriptorProto__Input, FieldDescriptorProto as _google_protobuf_FieldDescriptorProto } from './google/protobuf/FieldDescriptorProto';
import type { FieldMask__Input as _google_protobuf_FieldMask__Input, FieldMask as _google_protobuf_FieldMask } from './google/protobuf/FieldMask';
import type { FieldOptions__Input as _google_protobuf_FieldOptions__Input, FieldOptions as _google_protobuf_FieldOptions } from './google/protobuf/FieldOptions';
import type { FileDescriptorProto__Input as _google_protobuf_FileDescriptorProto__Input, FileDescriptorProto as _google_protobuf_FileDescriptorProto } from './google/protobuf/FileDescriptorProto';
import type { FileDescriptorSet__Input as _google_protobuf_FileDescriptorSet__Input, FileDescriptorSet as _google_protobuf_FileDescriptorSet } from './google/protobuf/FileDescriptorSet';
import type { FileOptions__Input as _google_protobuf_FileOptions__Input, FileOptions as _google_protobuf_FileOptions } from './google/protobuf/FileOptions';
import type { GeneratedCodeInfo__Input as _google_protobuf_GeneratedCodeInfo__Input, GeneratedCodeInfo as _google_protobuf_GeneratedCodeInfo } from './google/protobuf/GeneratedCodeInfo';
import type { ListValue__Input as _google_protobuf_ListValue__Input, ListValue as _google_protobuf_ListValue } from './google/protobuf/ListValue';
import type { MessageOptions__Input as _google_protobuf_MessageOptions__Input, MessageOptions as _google_protobuf_MessageOptions } from './google/protobuf/MessageOptions';
import type { MethodDescriptorProto__Input as _google_protobuf_MethodDescriptorProto__Input, MethodDescriptorProto as _google_protobuf_MethodDescriptorProto } from './google/protobuf/MethodDescriptorProto';
import type { MethodOptions__Input as _google_protobuf_MethodOptions__Input, MethodOptions as _google_protobuf_MethodOptions } from './google/protobuf/MethodOptions';
import type { OneofDescriptorProto__Input as _google_protobuf_OneofDescriptorProto__Input, OneofDescriptorProto as _google_protobuf_OneofDescriptorProto } from './google/protobuf/OneofDescriptorProto';
import type { OneofOptions__Input as _google_protobuf_OneofOptions__Input, OneofOptions as _google_protobuf_OneofOptions } from './google/protobuf/OneofOptions';
import type { ServiceDescriptorProto__Input as _google_protobuf_ServiceDescriptorProto__Input, ServiceDescriptorProto as _google_protobuf_ServiceDescriptorProto } from './google/protobuf/ServiceDescriptorProto';
import type { ServiceOptions__Input as _google_protobuf_ServiceOptions__Input, ServiceOptions as _google_protobuf_ServiceOptions } from './google/protobuf/ServiceOptions';
import type { SourceCodeInfo__Input as _google_protobuf_SourceCodeInfo__Input, SourceCodeInfo as _google_protobuf_SourceCodeInfo } from './google/protobuf/SourceCodeInfo';
import type { Struct__Input as _google_protobuf_Struct__Input, Struct as _google_protobuf_Struct } from './google/protobuf/Struct';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from './google/protobuf/Timestamp';
import type { UninterpretedOption__Input as _google_protobuf_UninterpretedOption__Input, UninterpretedOption as _google_protobuf_UninterpretedOption } from './google/protobuf/UninterpretedOption';
import type { Value__Input as _google_protobuf_Value__Input, Value as _google_protobuf_Value } from './google/protobuf/Value';
import type { CreateWebhookRequest__Input as _keyturn_v1_CreateWebhookRequest__Input, CreateWebhookRequest as _keyturn_v1_CreateWebhookRequest } from './keyturn/v1/CreateWebhookRequest';
import type { CreateWebhookResponse__Input as _keyturn_v1_CreateWebhookResponse__Input, CreateWebhookResponse as _keyturn_v1_CreateWebhookResponse } from './keyturn/v1/CreateWebhookResponse';
import type { DeleteWebhookRequest__Input as _keyturn_v1_DeleteWebhookRequest__Input, DeleteWebhookRequest as _keyturn_v1_DeleteWebhookRequest } from './keyturn/v1/DeleteWebhookRequest';
import type { DeleteWebhookResponse__Input as _keyturn_v1_DeleteWebhookResponse__Input, DeleteWebhookResponse as _keyturn_v1_DeleteWebhookResponse } from './keyturn/v1/DeleteWebhookResponse';
import type { GetWebhookRequest__Input as _keyturn_v1_GetWebhookRequest__Input, GetWebhookRequest as _keyturn_v1_GetWebhookRequest } from './keyturn/v1/GetWebhookRequest';
import type { KeyEvent__Input as _keyturn_v1_KeyEvent__Input, KeyEvent as _keyturn_v1_KeyEvent } from './keyturn/v1/KeyEvent';
import type { KeyEventFilter__Input as _keyturn_v1_KeyEventFilter__Input, KeyEventFilter as _keyturn_v1_KeyEventFilter } from './keyturn/v1/KeyEventFilter';
import type { KeyEventServiceClient as _keyturn_v1_KeyEventServiceClient, KeyEventServiceDefinition as _keyturn_v1_KeyEventServiceDefinition } from './keyturn/v1/KeyEventService';
import type { ListKeyEventsRequest__Input as _keyturn_v1_ListKeyEventsRequest__Input, ListKeyEventsRequest as _keyturn_v1_ListKeyEventsRequest } from './keyturn/v1/ListKeyEventsRequest';
import type { ListKeyEventsResponse__Input as _keyturn_v1_ListKeyEventsResponse__Input, ListKeyEventsResponse as _keyturn_v1_ListKeyEventsResponse } from './keyturn/v1/ListKeyEventsResponse';
import type { ListWebhookDeliveriesRequest__Input as _keyturn_v1_ListWebhookDeliveriesRequest__Input, ListWebhookDeliveriesRequest as _keyturn_v1_ListWebhookDeliveriesRequest } from './keyturn/v1/ListWebhookDeliveriesRequest';
import type { ListWebhookDeliveriesResponse__Input as _keyturn_v1_ListWebhookDeliveriesResponse__Input, ListWebhookDeliveriesResponse as _keyturn_v1_ListWebhookDeliveriesResponse } from './keyturn/v1/ListWebhookDeliveriesResponse';
import type { ListWebhooksRequest__Input as _keyturn_v1_ListWebhooksRequest__Input, ListWebhooksRequest as _keyturn_v1_ListWebhooksRequest } from './keyturn/v1/ListWebhooksRequest';
import type { ListWebhooksResponse__Input as _keyturn_v1_ListWebhooksResponse__Input, ListWebhooksResponse as _keyturn_v1_ListWebhooksResponse } from './keyturn/v1/ListWebhooksResponse';
import type { RedeliverWebhookDeliveryRequest__Input as _keyturn_v1_RedeliverWebhookDeliveryRequest__Input, RedeliverWebhookDeliveryRequest as _keyturn_v1_RedeliverWebhookDeliveryRequest } from './keyturn/v1/RedeliverWebhookDeliveryRequest';
import type { RotateWebhookSecretRequest__Input as _keyturn_v1_RotateWebhookSecretRequest__Input, RotateWebhookSecretRequest as _keyturn_v1_RotateWebhookSecretRequest } from './keyturn/v1/RotateWebhookSecretRequest';
import type { RotateWebhookSecretResponse__Input as _keyturn_v1_RotateWebhookSecretResponse__Input, RotateWebhookSecretResponse as _keyturn_v1_RotateWebhookSecretResponse } from './keyturn/v1/RotateWebhookSecretResponse';
import type { UpdateWebhookRequest__Input as _keyturn_v1_UpdateWebhookRequest__Input, UpdateWebhookRequest as _keyturn_v1_UpdateWebhookRequest } from './keyturn/v1/UpdateWebhookRequest';
import type { WatchKeyEventsRequest__Input as _keyturn_v1_WatchKeyEventsRequest__Input, WatchKeyEventsRequest as _keyturn_v1_WatchKeyEventsRequest } from './keyturn/v1/WatchKeyEventsRequest';
import type { WatchKeyEventsResponse__Input as _keyturn_v1_WatchKeyEventsResponse__Input, WatchKeyEventsResponse as _keyturn_v1_WatchKeyEventsResponse } from './keyturn/v1/WatchKeyEventsResponse';
import type { Webhook__Input as _keyturn_v1_Webhook__Input, Webhook as _keyturn_v1_Webhook } from './keyturn/v1/Webhook';
import type { WebhookDelivery__Input as _keyturn_v1_WebhookDelivery__Input, WebhookDelivery as _keyturn_v1_WebhookDelivery } from './keyturn/v1/WebhookDelivery';
import type { WebhookDeliveryAttempt__Input as _keyturn_v1_WebhookDeliveryAttempt__Input, WebhookDeliveryAttempt as _keyturn_v1_WebhookDeliveryAttempt } from './keyturn/v1/WebhookDeliveryAttempt';
import type { WebhookServiceClient as _keyturn_v1_WebhookServiceClient, WebhookServiceDefinition as _keyturn_v1_WebhookServiceDefinition } from './keyturn/v1/WebhookService';
type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
    new (...args: ConstructorParameters<Constructor>): Subtype;
};
export interface ProtoGrpcType {
    google: {
        api: {
            CustomHttpPattern: MessageTypeDefinition<_google_api_CustomHttpPattern__Input, _google_api_CustomHttpPattern>;
            FieldBehavior: EnumTypeDefinition;
            Http: MessageTypeDefinition<_google_api_Http__Input, _google_api_Http>;
            HttpRule: MessageTypeDefinition<_google_api_HttpRule__Input, _google_api_HttpRule>;
        };
        protobuf: {
            DescriptorProto: MessageTypeDefinition<_google_protobuf_DescriptorProto__Input, _google_protobuf_DescriptorProto>;
            Duration: MessageTypeDefinition<_google_protobuf_Duration__Input, _google_protobuf_Duration>;
            Edition: EnumTypeDefinition;
            EnumDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumDescriptorProto__Input, _google_protobuf_EnumDescriptorProto>;
            EnumOptions: MessageTypeDefinition<_google_protobuf_EnumOptions__Input, _google_protobuf_EnumOptions>;
            EnumValueDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumValueDescriptorProto__Input, _google_protobuf_EnumValueDescriptorProto>;
            EnumValueOptions: MessageTypeDefinition<_google_protobuf_EnumValueOptions__Input, _google_protobuf_EnumValueOptions>;
            ExtensionRangeOptions: MessageTypeDefinition<_google_protobuf_ExtensionRangeOptions__Input, _google_protobuf_ExtensionRangeOptions>;
            FeatureSet: MessageTypeDefinition<_google_protobuf_FeatureSet__Input, _google_protobuf_FeatureSet>;
            FeatureSetDefaults: MessageTypeDefinition<_google_protobuf_FeatureSetDefaults__Input, _google_protobuf_FeatureSetDefaults>;
            FieldDescriptorProto: MessageTypeDefinition<_google_protobuf_FieldDescriptorProto__Input, _google_protobuf_FieldDescriptorProto>;
            FieldMask: MessageTypeDefinition<_google_protobuf_FieldMask__Input, _google_protobuf_FieldMask>;
            FieldOptions: MessageTypeDefinition<_google_protobuf_FieldOptions__Input, _google_protobuf_FieldOptions>;
            FileDescriptorProto: MessageTypeDefinition<_google_protobuf_FileDescriptorProto__Input, _google_protobuf_FileDescriptorProto>;
            FileDescriptorSet: MessageTypeDefinition<_google_protobuf_FileDescriptorSet__Input, _google_protobuf_FileDescriptorSet>;
            FileOptions: MessageTypeDefinition<_google_protobuf_FileOptions__Input, _google_protobuf_FileOptions>;
            GeneratedCodeInfo: MessageTypeDefinition<_google_protobuf_GeneratedCodeInfo__Input, _google_protobuf_GeneratedCodeInfo>;
            ListValue: MessageTypeDefinition<_google_protobuf_ListValue__Input, _google_protobuf_ListValue>;
            MessageOptions: MessageTypeDefinition<_google_protobuf_MessageOptions__Input, _google_protobuf_MessageOptions>;
            MethodDescriptorProto: MessageTypeDefinition<_google_protobuf_MethodDescriptorProto__Input, _google_protobuf_MethodDescriptorProto>;
            MethodOptions: MessageTypeDefinition<_google_protobuf_MethodOptions__Input, _google_protobuf_MethodOptions>;
            NullValue: EnumTypeDefinition;
            OneofDescriptorProto: MessageTypeDefinition<_google_protobuf_OneofDescriptorProto__Input, _google_protobuf_OneofDescriptorProto>;
            OneofOptions: MessageTypeDefinition<_google_protobuf_OneofOptions__Input, _google_protobuf_OneofOptions>;
            ServiceDescriptorProto: MessageTypeDefinition<_google_protobuf_ServiceDescriptorProto__Input, _google_protobuf_ServiceDescriptorProto>;
            ServiceOptions: MessageTypeDefinition<_google_protobuf_ServiceOptions__Input, _google_protobuf_ServiceOptions>;
            SourceCodeInfo: MessageTypeDefinition<_google_protobuf_SourceCodeInfo__Input, _google_protobuf_SourceCodeInfo>;
            Struct: MessageTypeDefinition<_google_protobuf_Struct__Input, _google_protobuf_Struct>;
            SymbolVisibility: EnumTypeDefinition;
            Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp__Input, _google_protobuf_Timestamp>;
            UninterpretedOption: MessageTypeDefinition<_google_protobuf_UninterpretedOption__Input, _google_protobuf_UninterpretedOption>;
            Value: MessageTypeDefinition<_google_protobuf_Value__Input, _google_protobuf_Value>;
        };
    };
    keyturn: {
        v1: {
            CreateWebhookRequest: MessageTypeDefinition<_keyturn_v1_CreateWebhookRequest__Input, _keyturn_v1_CreateWebhookRequest>;
            CreateWebhookResponse: MessageTypeDefinition<_keyturn_v1_CreateWebhookResponse__Input, _keyturn_v1_CreateWebhookResponse>;
            DeleteWebhookRequest: MessageTypeDefinition<_keyturn_v1_DeleteWebhookRequest__Input, _keyturn_v1_DeleteWebhookRequest>;
            DeleteWebhookResponse: MessageTypeDefinition<_keyturn_v1_DeleteWebhookResponse__Input, _keyturn_v1_DeleteWebhookResponse>;
            GetWebhookRequest: MessageTypeDefinition<_keyturn_v1_GetWebhookRequest__Input, _keyturn_v1_GetWebhookRequest>;
            KeyEvent: MessageTypeDefinition<_keyturn_v1_KeyEvent__Input, _keyturn_v1_KeyEvent>;
            KeyEventFilter: MessageTypeDefinition<_keyturn_v1_KeyEventFilter__Input, _keyturn_v1_KeyEventFilter>;
            /**
             * KeyEventService reads the key-event log: a listing for catching up, and a watch that
             * replays the backlog after a cursor and then follows new events live (also those written by
             * other server processes on the same database), at least once and in sequence order.
             */
            KeyEventService: SubtypeConstructor<typeof grpc.Client, _keyturn_v1_KeyEventServiceClient> & {
                service: _keyturn_v1_KeyEventServiceDefinition;
            };
            KeyEventType: EnumTypeDefinition;
            ListKeyEventsRequest: MessageTypeDefinition<_keyturn_v1_ListKeyEventsRequest__Input, _keyturn_v1_ListKeyEventsRequest>;
            ListKeyEventsResponse: MessageTypeDefinition<_keyturn_v1_ListKeyEventsResponse__Input, _keyturn_v1_ListKeyEventsResponse>;
            ListWebhookDeliveriesRequest: MessageTypeDefinition<_keyturn_v1_ListWebhookDeliveriesRequest__Input, _keyturn_v1_ListWebhookDeliveriesRequest>;
            ListWebhookDeliveriesResponse: MessageTypeDefinition<_keyturn_v1_ListWebhookDeliveriesResponse__Input, _keyturn_v1_ListWebhookDeliveriesResponse>;
            ListWebhooksRequest: MessageTypeDefinition<_keyturn_v1_ListWebhooksRequest__Input, _keyturn_v1_ListWebhooksRequest>;
            ListWebhooksResponse: MessageTypeDefinition<_keyturn_v1_ListWebhooksResponse__Input, _keyturn_v1_ListWebhooksResponse>;
            RedeliverWebhookDeliveryRequest: MessageTypeDefinition<_keyturn_v1_RedeliverWebhookDeliveryRequest__Input, _keyturn_v1_RedeliverWebhookDeliveryRequest>;
            RotateWebhookSecretRequest: MessageTypeDefinition<_keyturn_v1_RotateWebhookSecretRequest__Input, _keyturn_v1_RotateWebhookSecretRequest>;
            RotateWebhookSecretResponse: MessageTypeDefinition<_keyturn_v1_RotateWebhookSecretResponse__Input, _keyturn_v1_RotateWebhookSecretResponse>;
            UpdateWebhookRequest: MessageTypeDefinition<_keyturn_v1_UpdateWebhookRequest__Input, _keyturn_v1_UpdateWebhookRequest>;
            WatchKeyEventsRequest: MessageTypeDefinition<_keyturn_v1_WatchKeyEventsRequest__Input, _keyturn_v1_WatchKeyEventsRequest>;
            WatchKeyEventsResponse: MessageTypeDefinition<_keyturn_v1_WatchKeyEventsResponse__Input, _keyturn_v1_WatchKeyEventsResponse>;
            Webhook: MessageTypeDefinition<_keyturn_v1_Webhook__Input, _keyturn_v1_Webhook>;
            WebhookDelivery: MessageTypeDefinition<_keyturn_v1_WebhookDelivery__Input, _keyturn_v1_WebhookDelivery>;
            WebhookDeliveryAttempt: MessageTypeDefinition<_keyturn_v1_WebhookDeliveryAttempt__Input, _keyturn_v1_WebhookDeliveryAttempt>;
            WebhookDeliveryState: EnumTypeDefinition;
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
            WebhookService: SubtypeConstructor<typeof grpc.Client, _keyturn_v1_WebhookServiceClient> & {
                service: _keyturn_v1_WebhookServiceDefinition;
            };
        };
    };
}
export {};
