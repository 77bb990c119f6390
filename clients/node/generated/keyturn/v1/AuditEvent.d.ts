// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { AuditOutcome__Input as _keyturn_v1_AuditOutcome__Input, AuditOutcome as _keyturn_v1_AuditOutcome } from '../../keyturn/v1/AuditOutcome';
import type { FieldChange__Input as _keyturn_v1_FieldChange__Input, FieldChange as _keyturn_v1_FieldChange } from '../../keyturn/v1/FieldChange';
import type { AuditResourceType__Input as _keyturn_v1_AuditResourceType__Input, AuditResourceType as _keyturn_v1_AuditResourceType } from '../../keyturn/v1/AuditResourceType';
import type { Long } from '@grpc/proto-loader';
/**
 * One audited action or access attempt.
 */
export interface AuditEvent__Input {
    /**
     * Output only. Position in the chain; strictly increasing, without gaps unless pruned.
     */
    'sequence'?: (number | string | Long);
    /**
     * Output only. When the action happened.
     */
    'event_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. The authenticated caller (principal id), or `anonymous`.
     */
    'actor'?: (string);
    /**
     * Output only. What happened, as `resource.verb`: `organization.create`,
     * `project.create`, `product.create`, `product.link`, `key.create`, `key.update`,
     * `key.rotate`, `key.revoke`, `key.delete`, `key.validate`, `crypto.generate_key`,
     * `crypto.generate_key_pair`, `crypto.encrypt`, `crypto.decrypt`, `principal.*`.
     */
    'action'?: (string);
    /**
     * Output only. The id of the resource acted on, when known.
     */
    'resource_id'?: (string);
    /**
     * Output only. The organization the resource belongs to, when known.
     */
    'organization_id'?: (string);
    /**
     * Output only. The project the resource belongs to, when known.
     */
    'project_id'?: (string);
    /**
     * Output only. The API key involved, when known.
     */
    'key_id'?: (string);
    /**
     * Output only. Success or failure.
     */
    'outcome'?: (_keyturn_v1_AuditOutcome__Input);
    /**
     * Output only. For failures, the ErrorReason name (e.g. `KEY_REVOKED`); for revocations,
     * the reason given.
     */
    'reason'?: (string);
    /**
     * Output only. The request id of the RPC that caused the event.
     */
    'request_id'?: (string);
    /**
     * Output only. The caller's network address as the server saw it.
     */
    'client_address'?: (string);
    /**
     * Output only. The caller's user agent.
     */
    'user_agent'?: (string);
    /**
     * Output only. Changed non-secret fields with old and new values.
     */
    'changes'?: (_keyturn_v1_FieldChange__Input)[];
    /**
     * Output only. For a failed validation of an unknown key: a keyed HMAC fingerprint of
     * what was presented (hex, 16 characters), never the text itself.
     */
    'key_fingerprint'?: (string);
    /**
     * Output only. The hash of the previous event in the chain (hex SHA-256).
     */
    'previous_hash'?: (string);
    /**
     * Output only. SHA-256 over this event's canonical encoding and previous_hash (hex).
     */
    'hash'?: (string);
    /**
     * Output only. The kind of resource acted on (UNSPECIFIED when none, e.g. a stateless
     * CryptoService call).
     */
    'resource_type'?: (_keyturn_v1_AuditResourceType__Input);
}
/**
 * One audited action or access attempt.
 */
export interface AuditEvent {
    /**
     * Output only. Position in the chain; strictly increasing, without gaps unless pruned.
     */
    'sequence': (string);
    /**
     * Output only. When the action happened.
     */
    'event_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. The authenticated caller (principal id), or `anonymous`.
     */
    'actor': (string);
    /**
     * Output only. What happened, as `resource.verb`: `organization.create`,
     * `project.create`, `product.create`, `product.link`, `key.create`, `key.update`,
     * `key.rotate`, `key.revoke`, `key.delete`, `key.validate`, `crypto.generate_key`,
     * `crypto.generate_key_pair`, `crypto.encrypt`, `crypto.decrypt`, `principal.*`.
     */
    'action': (string);
    /**
     * Output only. The id of the resource acted on, when known.
     */
    'resource_id': (string);
    /**
     * Output only. The organization the resource belongs to, when known.
     */
    'organization_id': (string);
    /**
     * Output only. The project the resource belongs to, when known.
     */
    'project_id': (string);
    /**
     * Output only. The API key involved, when known.
     */
    'key_id': (string);
    /**
     * Output only. Success or failure.
     */
    'outcome': (_keyturn_v1_AuditOutcome);
    /**
     * Output only. For failures, the ErrorReason name (e.g. `KEY_REVOKED`); for revocations,
     * the reason given.
     */
    'reason': (string);
    /**
     * Output only. The request id of the RPC that caused the event.
     */
    'request_id': (string);
    /**
     * Output only. The caller's network address as the server saw it.
     */
    'client_address': (string);
    /**
     * Output only. The caller's user agent.
     */
    'user_agent': (string);
    /**
     * Output only. Changed non-secret fields with old and new values.
     */
    'changes': (_keyturn_v1_FieldChange)[];
    /**
     * Output only. For a failed validation of an unknown key: a keyed HMAC fingerprint of
     * what was presented (hex, 16 characters), never the text itself.
     */
    'key_fingerprint': (string);
    /**
     * Output only. The hash of the previous event in the chain (hex SHA-256).
     */
    'previous_hash': (string);
    /**
     * Output only. SHA-256 over this event's canonical encoding and previous_hash (hex).
     */
    'hash': (string);
    /**
     * Output only. The kind of resource acted on (UNSPECIFIED when none, e.g. a stateless
     * CryptoService call).
     */
    'resource_type': (_keyturn_v1_AuditResourceType);
}
