// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { AnyExtension } from '@grpc/proto-loader';
export type Any__Input = AnyExtension | {
    type_url: string;
    value: Buffer | Uint8Array | string;
};
export interface Any {
    'type_url': (string);
    'value': (Buffer);
}
