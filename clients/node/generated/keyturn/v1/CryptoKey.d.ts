// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { CryptoKeyPurpose__Input as _keyturn_v1_CryptoKeyPurpose__Input, CryptoKeyPurpose as _keyturn_v1_CryptoKeyPurpose } from '../../keyturn/v1/CryptoKeyPurpose';
import type { CryptoKeyAlgorithm__Input as _keyturn_v1_CryptoKeyAlgorithm__Input, CryptoKeyAlgorithm as _keyturn_v1_CryptoKeyAlgorithm } from '../../keyturn/v1/CryptoKeyAlgorithm';
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * A named key kept by Keyturn, with numbered versions. Operations use the primary version;
 * decryption and verification use the version a ciphertext or the caller names.
 */
export interface CryptoKey__Input {
    /**
     * Output only. Server-assigned UUID.
     */
    'id'?: (string);
    /**
     * Immutable. The owning organization. Required on create.
     */
    'organization_id'?: (string);
    /**
     * Immutable. The project of the organization the key belongs to; empty for an
     * organization-wide key.
     */
    'project_id'?: (string);
    /**
     * Required. Name, unique within the organization, 1..200 characters of
     * `[A-Za-z0-9_.-]`. Immutable once created.
     */
    'name'?: (string);
    /**
     * Required. What the key is for. Immutable once created.
     */
    'purpose'?: (_keyturn_v1_CryptoKeyPurpose__Input);
    /**
     * Required. The algorithm, one of the purpose's. Immutable once created.
     */
    'algorithm'?: (_keyturn_v1_CryptoKeyAlgorithm__Input);
    /**
     * Optional. Labels: at most 64, keys matching `[a-z][a-z0-9_-]{0,62}`, values at most
     * 63 characters of `[a-z0-9_-]`. Not a place for secrets.
     */
    'labels'?: ({
        [key: string]: string;
    });
    /**
     * Optional. The version new operations use; output only on create (version 1, or 0 for
     * an import_only key until its first import). UpdateCryptoKey may move it to another
     * ENABLED version (a rollback).
     */
    'primary_version'?: (number);
    /**
     * Optional. When set, the scheduler creates a new primary version every
     * rotation_period, at least one hour. Unset: rotation only by RotateCryptoKey. Not
     * allowed for import_only keys.
     */
    'rotation_period'?: (_google_protobuf_Duration__Input | null);
    /**
     * Optional. When the scheduler next rotates the key; defaults to create_time (or the
     * update) plus rotation_period, and moves on by rotation_period at each rotation. Must
     * be in the future when set.
     */
    'next_rotation_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Optional. Versions below this number no longer decrypt, verify or MAC-verify
     * (CRYPTO_KEY_VERSION_DISABLED); at most primary_version. 0 or 1: every version.
     */
    'min_decryption_version'?: (number);
    /**
     * Immutable. How long DestroyCryptoKeyVersion waits before the material is destroyed
     * (default 24 hours; within the server's configured bounds).
     */
    'destroy_scheduled_duration'?: (_google_protobuf_Duration__Input | null);
    /**
     * Output only. When the key was created.
     */
    'create_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. When the key's settings or primary version last changed.
     */
    'update_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Immutable. When true, versions come only from ImportCryptoKeyVersion: the key is
     * created without a version and RotateCryptoKey answers FAILED_PRECONDITION.
     */
    'import_only'?: (boolean);
}
/**
 * A named key kept by Keyturn, with numbered versions. Operations use the primary version;
 * decryption and verification use the version a ciphertext or the caller names.
 */
export interface CryptoKey {
    /**
     * Output only. Server-assigned UUID.
     */
    'id': (string);
    /**
     * Immutable. The owning organization. Required on create.
     */
    'organization_id': (string);
    /**
     * Immutable. The project of the organization the key belongs to; empty for an
     * organization-wide key.
     */
    'project_id': (string);
    /**
     * Required. Name, unique within the organization, 1..200 characters of
     * `[A-Za-z0-9_.-]`. Immutable once created.
     */
    'name': (string);
    /**
     * Required. What the key is for. Immutable once created.
     */
    'purpose': (_keyturn_v1_CryptoKeyPurpose);
    /**
     * Required. The algorithm, one of the purpose's. Immutable once created.
     */
    'algorithm': (_keyturn_v1_CryptoKeyAlgorithm);
    /**
     * Optional. Labels: at most 64, keys matching `[a-z][a-z0-9_-]{0,62}`, values at most
     * 63 characters of `[a-z0-9_-]`. Not a place for secrets.
     */
    'labels': ({
        [key: string]: string;
    });
    /**
     * Optional. The version new operations use; output only on create (version 1, or 0 for
     * an import_only key until its first import). UpdateCryptoKey may move it to another
     * ENABLED version (a rollback).
     */
    'primary_version': (number);
    /**
     * Optional. When set, the scheduler creates a new primary version every
     * rotation_period, at least one hour. Unset: rotation only by RotateCryptoKey. Not
     * allowed for import_only keys.
     */
    'rotation_period': (_google_protobuf_Duration | null);
    /**
     * Optional. When the scheduler next rotates the key; defaults to create_time (or the
     * update) plus rotation_period, and moves on by rotation_period at each rotation. Must
     * be in the future when set.
     */
    'next_rotation_time': (_google_protobuf_Timestamp | null);
    /**
     * Optional. Versions below this number no longer decrypt, verify or MAC-verify
     * (CRYPTO_KEY_VERSION_DISABLED); at most primary_version. 0 or 1: every version.
     */
    'min_decryption_version': (number);
    /**
     * Immutable. How long DestroyCryptoKeyVersion waits before the material is destroyed
     * (default 24 hours; within the server's configured bounds).
     */
    'destroy_scheduled_duration': (_google_protobuf_Duration | null);
    /**
     * Output only. When the key was created.
     */
    'create_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. When the key's settings or primary version last changed.
     */
    'update_time': (_google_protobuf_Timestamp | null);
    /**
     * Immutable. When true, versions come only from ImportCryptoKeyVersion: the key is
     * created without a version and RotateCryptoKey answers FAILED_PRECONDITION.
     */
    'import_only': (boolean);
}
