// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Product__Input as _keyturn_v1_Product__Input, Product as _keyturn_v1_Product } from '../../keyturn/v1/Product';
/**
 * Response of KeyService.GetOrCreateProduct.
 */
export interface GetOrCreateProductResponse__Input {
    /**
     * The existing or new product.
     */
    'product'?: (_keyturn_v1_Product__Input | null);
    /**
     * True when this call created it.
     */
    'created'?: (boolean);
}
/**
 * Response of KeyService.GetOrCreateProduct.
 */
export interface GetOrCreateProductResponse {
    /**
     * The existing or new product.
     */
    'product': (_keyturn_v1_Product | null);
    /**
     * True when this call created it.
     */
    'created': (boolean);
}
