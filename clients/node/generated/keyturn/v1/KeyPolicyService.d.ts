// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { GetKeyPolicyRequest__Input as _keyturn_v1_GetKeyPolicyRequest__Input, GetKeyPolicyRequest as _keyturn_v1_GetKeyPolicyRequest } from '../../keyturn/v1/GetKeyPolicyRequest';
import type { KeyPolicy__Input as _keyturn_v1_KeyPolicy__Input, KeyPolicy as _keyturn_v1_KeyPolicy } from '../../keyturn/v1/KeyPolicy';
import type { UpdateKeyPolicyRequest__Input as _keyturn_v1_UpdateKeyPolicyRequest__Input, UpdateKeyPolicyRequest as _keyturn_v1_UpdateKeyPolicyRequest } from '../../keyturn/v1/UpdateKeyPolicyRequest';
/**
 * KeyPolicyService reads and sets the key policies of organizations and projects: the
 * defaults and bounds CreateKey and UpdateKey apply (see KeyPolicy). A service of its own
 * because policies.proto builds on keys.proto (RateLimit, Environment), so KeyService
 * cannot name KeyPolicy without an import cycle.
 */
export interface KeyPolicyServiceClient extends grpc.Client {
    /**
     * Gets the policy an organization or a project set (fields it did not set are unset), or
     * with `effective` the policy its keys get (a project's over its organization's).
     */
    GetKeyPolicy(argument: _keyturn_v1_GetKeyPolicyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    GetKeyPolicy(argument: _keyturn_v1_GetKeyPolicyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    GetKeyPolicy(argument: _keyturn_v1_GetKeyPolicyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    GetKeyPolicy(argument: _keyturn_v1_GetKeyPolicyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    /**
     * Gets the policy an organization or a project set (fields it did not set are unset), or
     * with `effective` the policy its keys get (a project's over its organization's).
     */
    getKeyPolicy(argument: _keyturn_v1_GetKeyPolicyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    getKeyPolicy(argument: _keyturn_v1_GetKeyPolicyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    getKeyPolicy(argument: _keyturn_v1_GetKeyPolicyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    getKeyPolicy(argument: _keyturn_v1_GetKeyPolicyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    /**
     * Sets the fields of update_mask in an organization's or a project's policy; a masked
     * field left unset (or empty) goes back to inheriting. Audited (`key_policy.update`).
     */
    UpdateKeyPolicy(argument: _keyturn_v1_UpdateKeyPolicyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    UpdateKeyPolicy(argument: _keyturn_v1_UpdateKeyPolicyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    UpdateKeyPolicy(argument: _keyturn_v1_UpdateKeyPolicyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    UpdateKeyPolicy(argument: _keyturn_v1_UpdateKeyPolicyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    /**
     * Sets the fields of update_mask in an organization's or a project's policy; a masked
     * field left unset (or empty) goes back to inheriting. Audited (`key_policy.update`).
     */
    updateKeyPolicy(argument: _keyturn_v1_UpdateKeyPolicyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    updateKeyPolicy(argument: _keyturn_v1_UpdateKeyPolicyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    updateKeyPolicy(argument: _keyturn_v1_UpdateKeyPolicyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
    updateKeyPolicy(argument: _keyturn_v1_UpdateKeyPolicyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_KeyPolicy>): grpc.ClientUnaryCall;
}
/**
 * KeyPolicyService reads and sets the key policies of organizations and projects: the
 * defaults and bounds CreateKey and UpdateKey apply (see KeyPolicy). A service of its own
 * because policies.proto builds on keys.proto (RateLimit, Environment), so KeyService
 * cannot name KeyPolicy without an import cycle.
 */
export interface KeyPolicyServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Gets the policy an organization or a project set (fields it did not set are unset), or
     * with `effective` the policy its keys get (a project's over its organization's).
     */
    GetKeyPolicy: grpc.handleUnaryCall<_keyturn_v1_GetKeyPolicyRequest, _keyturn_v1_KeyPolicy__Input>;
    /**
     * Sets the fields of update_mask in an organization's or a project's policy; a masked
     * field left unset (or empty) goes back to inheriting. Audited (`key_policy.update`).
     */
    UpdateKeyPolicy: grpc.handleUnaryCall<_keyturn_v1_UpdateKeyPolicyRequest, _keyturn_v1_KeyPolicy__Input>;
}
export interface KeyPolicyServiceDefinition extends grpc.ServiceDefinition {
    GetKeyPolicy: MethodDefinition<_keyturn_v1_GetKeyPolicyRequest__Input, _keyturn_v1_KeyPolicy__Input, _keyturn_v1_GetKeyPolicyRequest, _keyturn_v1_KeyPolicy>;
    UpdateKeyPolicy: MethodDefinition<_keyturn_v1_UpdateKeyPolicyRequest__Input, _keyturn_v1_KeyPolicy__Input, _keyturn_v1_UpdateKeyPolicyRequest, _keyturn_v1_KeyPolicy>;
}
