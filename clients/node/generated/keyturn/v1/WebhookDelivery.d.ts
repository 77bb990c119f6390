// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyEventType__Input as _keyturn_v1_KeyEventType__Input, KeyEventType as _keyturn_v1_KeyEventType } from '../../keyturn/v1/KeyEventType';
import type { WebhookDeliveryState__Input as _keyturn_v1_WebhookDeliveryState__Input, WebhookDeliveryState as _keyturn_v1_WebhookDeliveryState } from '../../keyturn/v1/WebhookDeliveryState';
import type { WebhookDeliveryAttempt__Input as _keyturn_v1_WebhookDeliveryAttempt__Input, WebhookDeliveryAttempt as _keyturn_v1_WebhookDeliveryAttempt } from '../../keyturn/v1/WebhookDeliveryAttempt';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';
/**
 * One key event to be delivered to one subscription.
 */
export interface WebhookDelivery__Input {
    /**
     * Output only. Server-assigned UUID; sent as the Keyturn-Delivery-Id header.
     */
    'id'?: (string);
    /**
     * Output only. The subscription.
     */
    'webhook_id'?: (string);
    /**
     * Output only. The key event's sequence in the log.
     */
    'event_sequence'?: (number | string | Long);
    /**
     * Output only. The key event's type.
     */
    'event_type'?: (_keyturn_v1_KeyEventType__Input);
    /**
     * Output only. The delivery's state.
     */
    'state'?: (_keyturn_v1_WebhookDeliveryState__Input);
    /**
     * Output only. The attempts so far, oldest first (the latest 20).
     */
    'attempts'?: (_keyturn_v1_WebhookDeliveryAttempt__Input)[];
    /**
     * Output only. When the next attempt is due (PENDING and FAILED only).
     */
    'next_attempt_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. When the delivery was created.
     */
    'create_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. How many attempts were made in all.
     */
    'attempt_count'?: (number);
}
/**
 * One key event to be delivered to one subscription.
 */
export interface WebhookDelivery {
    /**
     * Output only. Server-assigned UUID; sent as the Keyturn-Delivery-Id header.
     */
    'id': (string);
    /**
     * Output only. The subscription.
     */
    'webhook_id': (string);
    /**
     * Output only. The key event's sequence in the log.
     */
    'event_sequence': (string);
    /**
     * Output only. The key event's type.
     */
    'event_type': (_keyturn_v1_KeyEventType);
    /**
     * Output only. The delivery's state.
     */
    'state': (_keyturn_v1_WebhookDeliveryState);
    /**
     * Output only. The attempts so far, oldest first (the latest 20).
     */
    'attempts': (_keyturn_v1_WebhookDeliveryAttempt)[];
    /**
     * Output only. When the next attempt is due (PENDING and FAILED only).
     */
    'next_attempt_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. When the delivery was created.
     */
    'create_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. How many attempts were made in all.
     */
    'attempt_count': (number);
}
