'use strict';
// How the client loads the keyturn.v1 protos: index.js passes these to @grpc/proto-loader at
// run time, and scripts/generate-types.js passes the same to proto-loader-gen-types, so the
// generated types (./generated) describe the objects the client returns.
const PROTO_FILES = ['keys', 'crypto', 'audit', 'access', 'tokens', 'key_policies', 'key_events', 'webhooks', 'errors'].map(
  (n) => `keyturn/v1/${n}.proto`,
);

const LOADER_OPTIONS = Object.freeze({
  keepCase: true, // field names as in the .proto files (snake_case)
  longs: String, // int64 and uint64 as decimal strings
  enums: String, // enum values by name
  defaults: true, // unset scalars as their zero value, unset messages as null
  oneofs: true, // a virtual field per oneof naming the field that is set
});

module.exports = { LOADER_OPTIONS, PROTO_FILES };
