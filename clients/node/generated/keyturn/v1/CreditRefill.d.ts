// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { CreditRefillInterval__Input as _keyturn_v1_CreditRefillInterval__Input, CreditRefillInterval as _keyturn_v1_CreditRefillInterval } from '../../keyturn/v1/CreditRefillInterval';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';
/**
 * A periodic refill of a key's credits: at each refill time `remaining` is set to `amount`.
 */
export interface CreditRefill__Input {
    /**
     * Required. DAILY or MONTHLY.
     */
    'interval'?: (_keyturn_v1_CreditRefillInterval__Input);
    /**
     * Required. The balance after a refill, at least 1.
     */
    'amount'?: (number | string | Long);
    /**
     * Optional. MONTHLY only: the day of the month, 1..28 (default 1). Must be 0 for DAILY.
     */
    'day_of_month'?: (number);
    /**
     * Output only. The refill time the balance was last refilled at; unset before the first.
     */
    'last_refill_time'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * A periodic refill of a key's credits: at each refill time `remaining` is set to `amount`.
 */
export interface CreditRefill {
    /**
     * Required. DAILY or MONTHLY.
     */
    'interval': (_keyturn_v1_CreditRefillInterval);
    /**
     * Required. The balance after a refill, at least 1.
     */
    'amount': (string);
    /**
     * Optional. MONTHLY only: the day of the month, 1..28 (default 1). Must be 0 for DAILY.
     */
    'day_of_month': (number);
    /**
     * Output only. The refill time the balance was last refilled at; unset before the first.
     */
    'last_refill_time': (_google_protobuf_Timestamp | null);
}
