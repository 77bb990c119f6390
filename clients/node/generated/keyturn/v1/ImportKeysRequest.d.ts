// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { ImportedKey__Input as _keyturn_v1_ImportedKey__Input, ImportedKey as _keyturn_v1_ImportedKey } from '../../keyturn/v1/ImportedKey';
/**
 * Request for KeyService.ImportKeys.
 */
export interface ImportKeysRequest__Input {
    /**
     * Required. The keys, 1..1000.
     */
    'keys'?: (_keyturn_v1_ImportedKey__Input)[];
    /**
     * Required when any key is HMAC_SHA256 (16..1024 bytes), empty otherwise: the old
     * system's HMAC secret (the reference SDK's `signing_secret`). Stored encrypted under
     * the root key until the last key using it is re-hashed; never returned or logged.
     */
    'hmac_secret'?: (Buffer | Uint8Array | string);
    /**
     * Optional. When true, all keys are imported or none: if any key fails, the others are
     * answered BATCH_ITEM_ABORTED and nothing is stored.
     */
    'atomic'?: (boolean);
    /**
     * Optional. When true, every key is checked (including against stored hashes and
     * external ids) but nothing is stored; successful results carry the key as it would be,
     * without an id.
     */
    'validate_only'?: (boolean);
}
/**
 * Request for KeyService.ImportKeys.
 */
export interface ImportKeysRequest {
    /**
     * Required. The keys, 1..1000.
     */
    'keys': (_keyturn_v1_ImportedKey)[];
    /**
     * Required when any key is HMAC_SHA256 (16..1024 bytes), empty otherwise: the old
     * system's HMAC secret (the reference SDK's `signing_secret`). Stored encrypted under
     * the root key until the last key using it is re-hashed; never returned or logged.
     */
    'hmac_secret': (Buffer);
    /**
     * Optional. When true, all keys are imported or none: if any key fails, the others are
     * answered BATCH_ITEM_ABORTED and nothing is stored.
     */
    'atomic': (boolean);
    /**
     * Optional. When true, every key is checked (including against stored hashes and
     * external ids) but nothing is stored; successful results carry the key as it would be,
     * without an id.
     */
    'validate_only': (boolean);
}
