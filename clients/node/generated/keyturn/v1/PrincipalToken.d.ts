// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * A bearer token of a principal. Never carries the plaintext or its hash.
 */
export interface PrincipalToken__Input {
    /**
     * Output only. Server-assigned UUID.
     */
    'id'?: (string);
    /**
     * Output only. The principal the token authenticates as.
     */
    'principal_id'?: (string);
    /**
     * Output only. A short, non-secret display form (`kta_live_AbCd`).
     */
    'start'?: (string);
    /**
     * Optional. What the token is for.
     */
    'description'?: (string);
    /**
     * Output only. When the token was issued.
     */
    'create_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Optional. When the token stops working; unset means never.
     */
    'expire_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. When the token was revoked; unset while not revoked.
     */
    'revoke_time'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * A bearer token of a principal. Never carries the plaintext or its hash.
 */
export interface PrincipalToken {
    /**
     * Output only. Server-assigned UUID.
     */
    'id': (string);
    /**
     * Output only. The principal the token authenticates as.
     */
    'principal_id': (string);
    /**
     * Output only. A short, non-secret display form (`kta_live_AbCd`).
     */
    'start': (string);
    /**
     * Optional. What the token is for.
     */
    'description': (string);
    /**
     * Output only. When the token was issued.
     */
    'create_time': (_google_protobuf_Timestamp | null);
    /**
     * Optional. When the token stops working; unset means never.
     */
    'expire_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. When the token was revoked; unset while not revoked.
     */
    'revoke_time': (_google_protobuf_Timestamp | null);
}
