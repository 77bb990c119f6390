// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { DecryptRequest__Input as _keyturn_v1_DecryptRequest__Input, DecryptRequest as _keyturn_v1_DecryptRequest } from '../../keyturn/v1/DecryptRequest';
import type { DecryptResponse__Input as _keyturn_v1_DecryptResponse__Input, DecryptResponse as _keyturn_v1_DecryptResponse } from '../../keyturn/v1/DecryptResponse';
import type { EncryptRequest__Input as _keyturn_v1_EncryptRequest__Input, EncryptRequest as _keyturn_v1_EncryptRequest } from '../../keyturn/v1/EncryptRequest';
import type { EncryptResponse__Input as _keyturn_v1_EncryptResponse__Input, EncryptResponse as _keyturn_v1_EncryptResponse } from '../../keyturn/v1/EncryptResponse';
import type { GenerateKeyPairRequest__Input as _keyturn_v1_GenerateKeyPairRequest__Input, GenerateKeyPairRequest as _keyturn_v1_GenerateKeyPairRequest } from '../../keyturn/v1/GenerateKeyPairRequest';
import type { GenerateKeyPairResponse__Input as _keyturn_v1_GenerateKeyPairResponse__Input, GenerateKeyPairResponse as _keyturn_v1_GenerateKeyPairResponse } from '../../keyturn/v1/GenerateKeyPairResponse';
import type { GenerateKeyRequest__Input as _keyturn_v1_GenerateKeyRequest__Input, GenerateKeyRequest as _keyturn_v1_GenerateKeyRequest } from '../../keyturn/v1/GenerateKeyRequest';
import type { GenerateKeyResponse__Input as _keyturn_v1_GenerateKeyResponse__Input, GenerateKeyResponse as _keyturn_v1_GenerateKeyResponse } from '../../keyturn/v1/GenerateKeyResponse';
/**
 * CryptoService generates secure tokens and key pairs and performs authenticated
 * encryption. It is stateless: nothing a caller sends to it is stored or logged.
 */
export interface CryptoServiceClient extends grpc.Client {
    /**
     * Decrypts and authenticates AES-256-GCM ciphertext produced by Encrypt (or by any
     * standard AES-GCM implementation).
     */
    Decrypt(argument: _keyturn_v1_DecryptRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DecryptResponse>): grpc.ClientUnaryCall;
    Decrypt(argument: _keyturn_v1_DecryptRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_DecryptResponse>): grpc.ClientUnaryCall;
    Decrypt(argument: _keyturn_v1_DecryptRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DecryptResponse>): grpc.ClientUnaryCall;
    Decrypt(argument: _keyturn_v1_DecryptRequest__Input, callback: grpc.requestCallback<_keyturn_v1_DecryptResponse>): grpc.ClientUnaryCall;
    /**
     * Decrypts and authenticates AES-256-GCM ciphertext produced by Encrypt (or by any
     * standard AES-GCM implementation).
     */
    decrypt(argument: _keyturn_v1_DecryptRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DecryptResponse>): grpc.ClientUnaryCall;
    decrypt(argument: _keyturn_v1_DecryptRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_DecryptResponse>): grpc.ClientUnaryCall;
    decrypt(argument: _keyturn_v1_DecryptRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DecryptResponse>): grpc.ClientUnaryCall;
    decrypt(argument: _keyturn_v1_DecryptRequest__Input, callback: grpc.requestCallback<_keyturn_v1_DecryptResponse>): grpc.ClientUnaryCall;
    /**
     * Encrypts with AES-256-GCM under a raw 256-bit key or a key derived from a password
     * with PBKDF2-HMAC-SHA256.
     */
    Encrypt(argument: _keyturn_v1_EncryptRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_EncryptResponse>): grpc.ClientUnaryCall;
    Encrypt(argument: _keyturn_v1_EncryptRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_EncryptResponse>): grpc.ClientUnaryCall;
    Encrypt(argument: _keyturn_v1_EncryptRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_EncryptResponse>): grpc.ClientUnaryCall;
    Encrypt(argument: _keyturn_v1_EncryptRequest__Input, callback: grpc.requestCallback<_keyturn_v1_EncryptResponse>): grpc.ClientUnaryCall;
    /**
     * Encrypts with AES-256-GCM under a raw 256-bit key or a key derived from a password
     * with PBKDF2-HMAC-SHA256.
     */
    encrypt(argument: _keyturn_v1_EncryptRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_EncryptResponse>): grpc.ClientUnaryCall;
    encrypt(argument: _keyturn_v1_EncryptRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_EncryptResponse>): grpc.ClientUnaryCall;
    encrypt(argument: _keyturn_v1_EncryptRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_EncryptResponse>): grpc.ClientUnaryCall;
    encrypt(argument: _keyturn_v1_EncryptRequest__Input, callback: grpc.requestCallback<_keyturn_v1_EncryptResponse>): grpc.ClientUnaryCall;
    /**
     * Generates a random API key, UUID v4, nanoid or hex secret. All randomness comes from
     * the operating system's CSPRNG.
     */
    GenerateKey(argument: _keyturn_v1_GenerateKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyResponse>): grpc.ClientUnaryCall;
    GenerateKey(argument: _keyturn_v1_GenerateKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyResponse>): grpc.ClientUnaryCall;
    GenerateKey(argument: _keyturn_v1_GenerateKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyResponse>): grpc.ClientUnaryCall;
    GenerateKey(argument: _keyturn_v1_GenerateKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Generates a random API key, UUID v4, nanoid or hex secret. All randomness comes from
     * the operating system's CSPRNG.
     */
    generateKey(argument: _keyturn_v1_GenerateKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyResponse>): grpc.ClientUnaryCall;
    generateKey(argument: _keyturn_v1_GenerateKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyResponse>): grpc.ClientUnaryCall;
    generateKey(argument: _keyturn_v1_GenerateKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyResponse>): grpc.ClientUnaryCall;
    generateKey(argument: _keyturn_v1_GenerateKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Generates an RSA, EC or Ed25519 key pair as PEM (PKCS#8 private key,
     * SubjectPublicKeyInfo public key).
     */
    GenerateKeyPair(argument: _keyturn_v1_GenerateKeyPairRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyPairResponse>): grpc.ClientUnaryCall;
    GenerateKeyPair(argument: _keyturn_v1_GenerateKeyPairRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyPairResponse>): grpc.ClientUnaryCall;
    GenerateKeyPair(argument: _keyturn_v1_GenerateKeyPairRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyPairResponse>): grpc.ClientUnaryCall;
    GenerateKeyPair(argument: _keyturn_v1_GenerateKeyPairRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyPairResponse>): grpc.ClientUnaryCall;
    /**
     * Generates an RSA, EC or Ed25519 key pair as PEM (PKCS#8 private key,
     * SubjectPublicKeyInfo public key).
     */
    generateKeyPair(argument: _keyturn_v1_GenerateKeyPairRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyPairResponse>): grpc.ClientUnaryCall;
    generateKeyPair(argument: _keyturn_v1_GenerateKeyPairRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyPairResponse>): grpc.ClientUnaryCall;
    generateKeyPair(argument: _keyturn_v1_GenerateKeyPairRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyPairResponse>): grpc.ClientUnaryCall;
    generateKeyPair(argument: _keyturn_v1_GenerateKeyPairRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GenerateKeyPairResponse>): grpc.ClientUnaryCall;
}
/**
 * CryptoService generates secure tokens and key pairs and performs authenticated
 * encryption. It is stateless: nothing a caller sends to it is stored or logged.
 */
export interface CryptoServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Decrypts and authenticates AES-256-GCM ciphertext produced by Encrypt (or by any
     * standard AES-GCM implementation).
     */
    Decrypt: grpc.handleUnaryCall<_keyturn_v1_DecryptRequest, _keyturn_v1_DecryptResponse__Input>;
    /**
     * Encrypts with AES-256-GCM under a raw 256-bit key or a key derived from a password
     * with PBKDF2-HMAC-SHA256.
     */
    Encrypt: grpc.handleUnaryCall<_keyturn_v1_EncryptRequest, _keyturn_v1_EncryptResponse__Input>;
    /**
     * Generates a random API key, UUID v4, nanoid or hex secret. All randomness comes from
     * the operating system's CSPRNG.
     */
    GenerateKey: grpc.handleUnaryCall<_keyturn_v1_GenerateKeyRequest, _keyturn_v1_GenerateKeyResponse__Input>;
    /**
     * Generates an RSA, EC or Ed25519 key pair as PEM (PKCS#8 private key,
     * SubjectPublicKeyInfo public key).
     */
    GenerateKeyPair: grpc.handleUnaryCall<_keyturn_v1_GenerateKeyPairRequest, _keyturn_v1_GenerateKeyPairResponse__Input>;
}
export interface CryptoServiceDefinition extends grpc.ServiceDefinition {
    Decrypt: MethodDefinition<_keyturn_v1_DecryptRequest__Input, _keyturn_v1_DecryptResponse__Input, _keyturn_v1_DecryptRequest, _keyturn_v1_DecryptResponse>;
    Encrypt: MethodDefinition<_keyturn_v1_EncryptRequest__Input, _keyturn_v1_EncryptResponse__Input, _keyturn_v1_EncryptRequest, _keyturn_v1_EncryptResponse>;
    GenerateKey: MethodDefinition<_keyturn_v1_GenerateKeyRequest__Input, _keyturn_v1_GenerateKeyResponse__Input, _keyturn_v1_GenerateKeyRequest, _keyturn_v1_GenerateKeyResponse>;
    GenerateKeyPair: MethodDefinition<_keyturn_v1_GenerateKeyPairRequest__Input, _keyturn_v1_GenerateKeyPairResponse__Input, _keyturn_v1_GenerateKeyPairRequest, _keyturn_v1_GenerateKeyPairResponse>;
}
