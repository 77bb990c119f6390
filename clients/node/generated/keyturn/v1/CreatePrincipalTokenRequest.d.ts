// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * Request for AccessService.CreatePrincipalToken.
 */
export interface CreatePrincipalTokenRequest__Input {
    /**
     * Required. The principal the token authenticates as.
     */
    'principal_id'?: (string);
    /**
     * Optional. What the token is for, at most 200 characters.
     */
    'description'?: (string);
    /**
     * Optional. When the token expires; must be in the future.
     */
    'expire_time'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * Request for AccessService.CreatePrincipalToken.
 */
export interface CreatePrincipalTokenRequest {
    /**
     * Required. The principal the token authenticates as.
     */
    'principal_id': (string);
    /**
     * Optional. What the token is for, at most 200 characters.
     */
    'description': (string);
    /**
     * Optional. When the token expires; must be in the future.
     */
    'expire_time': (_google_protobuf_Timestamp | null);
}
