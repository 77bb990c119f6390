// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Product__Input as _keyturn_v1_Product__Input, Product as _keyturn_v1_Product } from '../../keyturn/v1/Product';
/**
 * Response of KeyService.ListProducts.
 */
export interface ListProductsResponse__Input {
    /**
     * One page of products.
     */
    'products'?: (_keyturn_v1_Product__Input)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Response of KeyService.ListProducts.
 */
export interface ListProductsResponse {
    /**
     * One page of products.
     */
    'products': (_keyturn_v1_Product)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token': (string);
}
