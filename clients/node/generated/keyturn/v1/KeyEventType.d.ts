// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * What happened to a key.
 */
export declare const KeyEventType: {
    /**
     * Not given. As a filter: every type.
     */
    readonly KEY_EVENT_TYPE_UNSPECIFIED: 'KEY_EVENT_TYPE_UNSPECIFIED';
    /**
     * The key was issued (CreateKey, ImportKeys, or as the successor of a rotation).
     */
    readonly KEY_EVENT_TYPE_CREATED: 'KEY_EVENT_TYPE_CREATED';
    /**
     * The key's settings changed (UpdateKey). data.fields lists the changed field paths.
     */
    readonly KEY_EVENT_TYPE_UPDATED: 'KEY_EVENT_TYPE_UPDATED';
    /**
     * The key was replaced by a successor (RotateKey or automatic rotation); key_id is the old
     * key, data.successor_key_id the new one, data.old_expire_time when the old one stops.
     */
    readonly KEY_EVENT_TYPE_ROTATED: 'KEY_EVENT_TYPE_ROTATED';
    /**
     * The key's rotation policy says it is due (REMIND mode), or its grace is ending.
     */
    readonly KEY_EVENT_TYPE_ROTATION_DUE: 'KEY_EVENT_TYPE_ROTATION_DUE';
    /**
     * The key expires within a configured lead time (data.expire_time, data.lead).
     */
    readonly KEY_EVENT_TYPE_EXPIRING: 'KEY_EVENT_TYPE_EXPIRING';
    /**
     * The key has expired.
     */
    readonly KEY_EVENT_TYPE_EXPIRED: 'KEY_EVENT_TYPE_EXPIRED';
    /**
     * The key was revoked (data.reason).
     */
    readonly KEY_EVENT_TYPE_REVOKED: 'KEY_EVENT_TYPE_REVOKED';
    /**
     * The key was deleted.
     */
    readonly KEY_EVENT_TYPE_DELETED: 'KEY_EVENT_TYPE_DELETED';
    /**
     * The key was reported as leaked (data.source, data.url).
     */
    readonly KEY_EVENT_TYPE_LEAKED: 'KEY_EVENT_TYPE_LEAKED';
    /**
     * The key's rate limit refused a validation: the first refusal per key, limit and window.
     */
    readonly KEY_EVENT_TYPE_RATE_LIMIT_EXCEEDED: 'KEY_EVENT_TYPE_RATE_LIMIT_EXCEEDED';
    /**
     * The key's remaining credits fell to or below its low threshold.
     */
    readonly KEY_EVENT_TYPE_CREDITS_LOW: 'KEY_EVENT_TYPE_CREDITS_LOW';
};
/**
 * What happened to a key.
 */
export type KeyEventType__Input = 
/**
 * Not given. As a filter: every type.
 */
'KEY_EVENT_TYPE_UNSPECIFIED' | 0
/**
 * The key was issued (CreateKey, ImportKeys, or as the successor of a rotation).
 */
 | 'KEY_EVENT_TYPE_CREATED' | 1
/**
 * The key's settings changed (UpdateKey). data.fields lists the changed field paths.
 */
 | 'KEY_EVENT_TYPE_UPDATED' | 2
/**
 * The key was replaced by a successor (RotateKey or automatic rotation); key_id is the old
 * key, data.successor_key_id the new one, data.old_expire_time when the old one stops.
 */
 | 'KEY_EVENT_TYPE_ROTATED' | 3
/**
 * The key's rotation policy says it is due (REMIND mode), or its grace is ending.
 */
 | 'KEY_EVENT_TYPE_ROTATION_DUE' | 4
/**
 * The key expires within a configured lead time (data.expire_time, data.lead).
 */
 | 'KEY_EVENT_TYPE_EXPIRING' | 5
/**
 * The key has expired.
 */
 | 'KEY_EVENT_TYPE_EXPIRED' | 6
/**
 * The key was revoked (data.reason).
 */
 | 'KEY_EVENT_TYPE_REVOKED' | 7
/**
 * The key was deleted.
 */
 | 'KEY_EVENT_TYPE_DELETED' | 8
/**
 * The key was reported as leaked (data.source, data.url).
 */
 | 'KEY_EVENT_TYPE_LEAKED' | 9
/**
 * The key's rate limit refused a validation: the first refusal per key, limit and window.
 */
 | 'KEY_EVENT_TYPE_RATE_LIMIT_EXCEEDED' | 10
/**
 * The key's remaining credits fell to or below its low threshold.
 */
 | 'KEY_EVENT_TYPE_CREDITS_LOW' | 11;
/**
 * What happened to a key.
 */
export type KeyEventType = typeof KeyEventType[keyof typeof KeyEventType];
