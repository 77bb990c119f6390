// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ApiKey__Input as _keyturn_v1_ApiKey__Input, ApiKey as _keyturn_v1_ApiKey } from '../../keyturn/v1/ApiKey';
import type { FieldMask__Input as _google_protobuf_FieldMask__Input, FieldMask as _google_protobuf_FieldMask } from '../../google/protobuf/FieldMask';
/**
 * Request for KeyService.UpdateKey.
 */
export interface UpdateKeyRequest__Input {
    /**
     * Required. The key with `id` set and the new values of the fields in update_mask.
     */
    'key'?: (_keyturn_v1_ApiKey__Input | null);
    /**
     * Required. Fields to replace: `metadata.name`, `metadata.scopes`,
     * `metadata.rate_limit`, `metadata.custom`, `metadata.named_limits`, `expire_time`,
     * `allowed_cidrs`, `credits`, `rotation` (`metadata` replaces all five metadata fields;
     * `credits` sets the balance, refill and threshold). A listed field left empty clears it.
     */
    'update_mask'?: (_google_protobuf_FieldMask__Input | null);
}
/**
 * Request for KeyService.UpdateKey.
 */
export interface UpdateKeyRequest {
    /**
     * Required. The key with `id` set and the new values of the fields in update_mask.
     */
    'key': (_keyturn_v1_ApiKey | null);
    /**
     * Required. Fields to replace: `metadata.name`, `metadata.scopes`,
     * `metadata.rate_limit`, `metadata.custom`, `metadata.named_limits`, `expire_time`,
     * `allowed_cidrs`, `credits`, `rotation` (`metadata` replaces all five metadata fields;
     * `credits` sets the balance, refill and threshold). A listed field left empty clears it.
     */
    'update_mask': (_google_protobuf_FieldMask | null);
}
