// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyEventType__Input as _keyturn_v1_KeyEventType__Input, KeyEventType as _keyturn_v1_KeyEventType } from '../../keyturn/v1/KeyEventType';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * A webhook subscription of an organization.
 */
export interface Webhook__Input {
    /**
     * Output only. Server-assigned UUID.
     */
    'id'?: (string);
    /**
     * Immutable. The owning organization; only its key events are delivered. Required on
     * create.
     */
    'organization_id'?: (string);
    /**
     * Required. Where deliveries are POSTed: an https:// URL (http:// only to a loopback
     * host, or when the server allows it: KEYTURN_WEBHOOK_ALLOW_HTTP), at most 2048
     * characters, without user:password. Only publicly routable targets: an IP literal in a
     * loopback, private, link-local, CGNAT, multicast or reserved range is refused here, and
     * at delivery time the name is resolved, every address checked and the request sent to
     * the checked address (unless KEYTURN_WEBHOOK_ALLOW_PRIVATE_NETWORKS is set).
     */
    'url'?: (string);
    /**
     * Optional. The event types delivered; empty means every type.
     */
    'event_types'?: (_keyturn_v1_KeyEventType__Input)[];
    /**
     * Optional. Free text, at most 500 characters. Not a place for secrets.
     */
    'description'?: (string);
    /**
     * Optional. Whether events are delivered; true on create. The server sets it false when
     * the subscription keeps failing (see disabled_reason).
     */
    'enabled'?: (boolean);
    /**
     * Output only. Why the server disabled the subscription; empty when enabled or disabled
     * by a caller.
     */
    'disabled_reason'?: (string);
    /**
     * Output only. When the subscription was created.
     */
    'create_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. When its settings or secret last changed.
     */
    'update_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. When the secret was last rotated (unset: never).
     */
    'secret_rotate_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. Until when the previous secret also signs deliveries (unset: no overlap).
     */
    'previous_secret_expire_time'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * A webhook subscription of an organization.
 */
export interface Webhook {
    /**
     * Output only. Server-assigned UUID.
     */
    'id': (string);
    /**
     * Immutable. The owning organization; only its key events are delivered. Required on
     * create.
     */
    'organization_id': (string);
    /**
     * Required. Where deliveries are POSTed: an https:// URL (http:// only to a loopback
     * host, or when the server allows it: KEYTURN_WEBHOOK_ALLOW_HTTP), at most 2048
     * characters, without user:password. Only publicly routable targets: an IP literal in a
     * loopback, private, link-local, CGNAT, multicast or reserved range is refused here, and
     * at delivery time the name is resolved, every address checked and the request sent to
     * the checked address (unless KEYTURN_WEBHOOK_ALLOW_PRIVATE_NETWORKS is set).
     */
    'url': (string);
    /**
     * Optional. The event types delivered; empty means every type.
     */
    'event_types': (_keyturn_v1_KeyEventType)[];
    /**
     * Optional. Free text, at most 500 characters. Not a place for secrets.
     */
    'description': (string);
    /**
     * Optional. Whether events are delivered; true on create. The server sets it false when
     * the subscription keeps failing (see disabled_reason).
     */
    'enabled': (boolean);
    /**
     * Output only. Why the server disabled the subscription; empty when enabled or disabled
     * by a caller.
     */
    'disabled_reason': (string);
    /**
     * Output only. When the subscription was created.
     */
    'create_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. When its settings or secret last changed.
     */
    'update_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. When the secret was last rotated (unset: never).
     */
    'secret_rotate_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. Until when the previous secret also signs deliveries (unset: no overlap).
     */
    'previous_secret_expire_time': (_google_protobuf_Timestamp | null);
}
