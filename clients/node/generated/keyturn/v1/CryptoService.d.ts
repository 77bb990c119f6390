// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { BatchDecryptRequest__Input as _keyturn_v1_BatchDecryptRequest__Input, BatchDecryptRequest as _keyturn_v1_BatchDecryptRequest } from '../../keyturn/v1/BatchDecryptRequest';
import type { BatchDecryptResponse__Input as _keyturn_v1_BatchDecryptResponse__Input, BatchDecryptResponse as _keyturn_v1_BatchDecryptResponse } from '../../keyturn/v1/BatchDecryptResponse';
import type { BatchEncryptRequest__Input as _keyturn_v1_BatchEncryptRequest__Input, BatchEncryptRequest as _keyturn_v1_BatchEncryptRequest } from '../../keyturn/v1/BatchEncryptRequest';
import type { BatchEncryptResponse__Input as _keyturn_v1_BatchEncryptResponse__Input, BatchEncryptResponse as _keyturn_v1_BatchEncryptResponse } from '../../keyturn/v1/BatchEncryptResponse';
import type { CreateCryptoKeyRequest__Input as _keyturn_v1_CreateCryptoKeyRequest__Input, CreateCryptoKeyRequest as _keyturn_v1_CreateCryptoKeyRequest } from '../../keyturn/v1/CreateCryptoKeyRequest';
import type { CreateImportJobRequest__Input as _keyturn_v1_CreateImportJobRequest__Input, CreateImportJobRequest as _keyturn_v1_CreateImportJobRequest } from '../../keyturn/v1/CreateImportJobRequest';
import type { CryptoKey__Input as _keyturn_v1_CryptoKey__Input, CryptoKey as _keyturn_v1_CryptoKey } from '../../keyturn/v1/CryptoKey';
import type { CryptoKeyVersion__Input as _keyturn_v1_CryptoKeyVersion__Input, CryptoKeyVersion as _keyturn_v1_CryptoKeyVersion } from '../../keyturn/v1/CryptoKeyVersion';
import type { DecryptRequest__Input as _keyturn_v1_DecryptRequest__Input, DecryptRequest as _keyturn_v1_DecryptRequest } from '../../keyturn/v1/DecryptRequest';
import type { DecryptResponse__Input as _keyturn_v1_DecryptResponse__Input, DecryptResponse as _keyturn_v1_DecryptResponse } from '../../keyturn/v1/DecryptResponse';
import type { DecryptWithKeyRequest__Input as _keyturn_v1_DecryptWithKeyRequest__Input, DecryptWithKeyRequest as _keyturn_v1_DecryptWithKeyRequest } from '../../keyturn/v1/DecryptWithKeyRequest';
import type { DecryptWithKeyResponse__Input as _keyturn_v1_DecryptWithKeyResponse__Input, DecryptWithKeyResponse as _keyturn_v1_DecryptWithKeyResponse } from '../../keyturn/v1/DecryptWithKeyResponse';
import type { DestroyCryptoKeyVersionRequest__Input as _keyturn_v1_DestroyCryptoKeyVersionRequest__Input, DestroyCryptoKeyVersionRequest as _keyturn_v1_DestroyCryptoKeyVersionRequest } from '../../keyturn/v1/DestroyCryptoKeyVersionRequest';
import type { DisableCryptoKeyVersionRequest__Input as _keyturn_v1_DisableCryptoKeyVersionRequest__Input, DisableCryptoKeyVersionRequest as _keyturn_v1_DisableCryptoKeyVersionRequest } from '../../keyturn/v1/DisableCryptoKeyVersionRequest';
import type { EnableCryptoKeyVersionRequest__Input as _keyturn_v1_EnableCryptoKeyVersionRequest__Input, EnableCryptoKeyVersionRequest as _keyturn_v1_EnableCryptoKeyVersionRequest } from '../../keyturn/v1/EnableCryptoKeyVersionRequest';
import type { EncryptRequest__Input as _keyturn_v1_EncryptRequest__Input, EncryptRequest as _keyturn_v1_EncryptRequest } from '../../keyturn/v1/EncryptRequest';
import type { EncryptResponse__Input as _keyturn_v1_EncryptResponse__Input, EncryptResponse as _keyturn_v1_EncryptResponse } from '../../keyturn/v1/EncryptResponse';
import type { EncryptWithKeyRequest__Input as _keyturn_v1_EncryptWithKeyRequest__Input, EncryptWithKeyRequest as _keyturn_v1_EncryptWithKeyRequest } from '../../keyturn/v1/EncryptWithKeyRequest';
import type { EncryptWithKeyResponse__Input as _keyturn_v1_EncryptWithKeyResponse__Input, EncryptWithKeyResponse as _keyturn_v1_EncryptWithKeyResponse } from '../../keyturn/v1/EncryptWithKeyResponse';
import type { GenerateDataKeyRequest__Input as _keyturn_v1_GenerateDataKeyRequest__Input, GenerateDataKeyRequest as _keyturn_v1_GenerateDataKeyRequest } from '../../keyturn/v1/GenerateDataKeyRequest';
import type { GenerateDataKeyResponse__Input as _keyturn_v1_GenerateDataKeyResponse__Input, GenerateDataKeyResponse as _keyturn_v1_GenerateDataKeyResponse } from '../../keyturn/v1/GenerateDataKeyResponse';
import type { GenerateKeyPairRequest__Input as _keyturn_v1_GenerateKeyPairRequest__Input, GenerateKeyPairRequest as _keyturn_v1_GenerateKeyPairRequest } from '../../keyturn/v1/GenerateKeyPairRequest';
import type { GenerateKeyPairResponse__Input as _keyturn_v1_GenerateKeyPairResponse__Input, GenerateKeyPairResponse as _keyturn_v1_GenerateKeyPairResponse } from '../../keyturn/v1/GenerateKeyPairResponse';
import type { GenerateKeyRequest__Input as _keyturn_v1_GenerateKeyRequest__Input, GenerateKeyRequest as _keyturn_v1_GenerateKeyRequest } from '../../keyturn/v1/GenerateKeyRequest';
import type { GenerateKeyResponse__Input as _keyturn_v1_GenerateKeyResponse__Input, GenerateKeyResponse as _keyturn_v1_GenerateKeyResponse } from '../../keyturn/v1/GenerateKeyResponse';
import type { GetCryptoKeyRequest__Input as _keyturn_v1_GetCryptoKeyRequest__Input, GetCryptoKeyRequest as _keyturn_v1_GetCryptoKeyRequest } from '../../keyturn/v1/GetCryptoKeyRequest';
import type { GetCryptoKeyVersionRequest__Input as _keyturn_v1_GetCryptoKeyVersionRequest__Input, GetCryptoKeyVersionRequest as _keyturn_v1_GetCryptoKeyVersionRequest } from '../../keyturn/v1/GetCryptoKeyVersionRequest';
import type { GetImportJobRequest__Input as _keyturn_v1_GetImportJobRequest__Input, GetImportJobRequest as _keyturn_v1_GetImportJobRequest } from '../../keyturn/v1/GetImportJobRequest';
import type { GetPublicKeyRequest__Input as _keyturn_v1_GetPublicKeyRequest__Input, GetPublicKeyRequest as _keyturn_v1_GetPublicKeyRequest } from '../../keyturn/v1/GetPublicKeyRequest';
import type { ImportCryptoKeyVersionRequest__Input as _keyturn_v1_ImportCryptoKeyVersionRequest__Input, ImportCryptoKeyVersionRequest as _keyturn_v1_ImportCryptoKeyVersionRequest } from '../../keyturn/v1/ImportCryptoKeyVersionRequest';
import type { ImportJob__Input as _keyturn_v1_ImportJob__Input, ImportJob as _keyturn_v1_ImportJob } from '../../keyturn/v1/ImportJob';
import type { ListCryptoKeyVersionsRequest__Input as _keyturn_v1_ListCryptoKeyVersionsRequest__Input, ListCryptoKeyVersionsRequest as _keyturn_v1_ListCryptoKeyVersionsRequest } from '../../keyturn/v1/ListCryptoKeyVersionsRequest';
import type { ListCryptoKeyVersionsResponse__Input as _keyturn_v1_ListCryptoKeyVersionsResponse__Input, ListCryptoKeyVersionsResponse as _keyturn_v1_ListCryptoKeyVersionsResponse } from '../../keyturn/v1/ListCryptoKeyVersionsResponse';
import type { ListCryptoKeysRequest__Input as _keyturn_v1_ListCryptoKeysRequest__Input, ListCryptoKeysRequest as _keyturn_v1_ListCryptoKeysRequest } from '../../keyturn/v1/ListCryptoKeysRequest';
import type { ListCryptoKeysResponse__Input as _keyturn_v1_ListCryptoKeysResponse__Input, ListCryptoKeysResponse as _keyturn_v1_ListCryptoKeysResponse } from '../../keyturn/v1/ListCryptoKeysResponse';
import type { MacRequest__Input as _keyturn_v1_MacRequest__Input, MacRequest as _keyturn_v1_MacRequest } from '../../keyturn/v1/MacRequest';
import type { MacResponse__Input as _keyturn_v1_MacResponse__Input, MacResponse as _keyturn_v1_MacResponse } from '../../keyturn/v1/MacResponse';
import type { PublicKey__Input as _keyturn_v1_PublicKey__Input, PublicKey as _keyturn_v1_PublicKey } from '../../keyturn/v1/PublicKey';
import type { ReEncryptRequest__Input as _keyturn_v1_ReEncryptRequest__Input, ReEncryptRequest as _keyturn_v1_ReEncryptRequest } from '../../keyturn/v1/ReEncryptRequest';
import type { ReEncryptResponse__Input as _keyturn_v1_ReEncryptResponse__Input, ReEncryptResponse as _keyturn_v1_ReEncryptResponse } from '../../keyturn/v1/ReEncryptResponse';
import type { RestoreCryptoKeyVersionRequest__Input as _keyturn_v1_RestoreCryptoKeyVersionRequest__Input, RestoreCryptoKeyVersionRequest as _keyturn_v1_RestoreCryptoKeyVersionRequest } from '../../keyturn/v1/RestoreCryptoKeyVersionRequest';
import type { RotateCryptoKeyRequest__Input as _keyturn_v1_RotateCryptoKeyRequest__Input, RotateCryptoKeyRequest as _keyturn_v1_RotateCryptoKeyRequest } from '../../keyturn/v1/RotateCryptoKeyRequest';
import type { RotateCryptoKeyResponse__Input as _keyturn_v1_RotateCryptoKeyResponse__Input, RotateCryptoKeyResponse as _keyturn_v1_RotateCryptoKeyResponse } from '../../keyturn/v1/RotateCryptoKeyResponse';
import type { SignRequest__Input as _keyturn_v1_SignRequest__Input, SignRequest as _keyturn_v1_SignRequest } from '../../keyturn/v1/SignRequest';
import type { SignResponse__Input as _keyturn_v1_SignResponse__Input, SignResponse as _keyturn_v1_SignResponse } from '../../keyturn/v1/SignResponse';
import type { UpdateCryptoKeyRequest__Input as _keyturn_v1_UpdateCryptoKeyRequest__Input, UpdateCryptoKeyRequest as _keyturn_v1_UpdateCryptoKeyRequest } from '../../keyturn/v1/UpdateCryptoKeyRequest';
import type { VerifyMacRequest__Input as _keyturn_v1_VerifyMacRequest__Input, VerifyMacRequest as _keyturn_v1_VerifyMacRequest } from '../../keyturn/v1/VerifyMacRequest';
import type { VerifyMacResponse__Input as _keyturn_v1_VerifyMacResponse__Input, VerifyMacResponse as _keyturn_v1_VerifyMacResponse } from '../../keyturn/v1/VerifyMacResponse';
import type { VerifyRequest__Input as _keyturn_v1_VerifyRequest__Input, VerifyRequest as _keyturn_v1_VerifyRequest } from '../../keyturn/v1/VerifyRequest';
import type { VerifyResponse__Input as _keyturn_v1_VerifyResponse__Input, VerifyResponse as _keyturn_v1_VerifyResponse } from '../../keyturn/v1/VerifyResponse';
/**
 * CryptoService generates secure tokens and key pairs and performs authenticated
 * encryption.
 *
 * GenerateKey, GenerateKeyPair, Encrypt and Decrypt are stateless: nothing a caller sends
 * to them is stored or logged. The other RPCs work with managed keys (crypto_keys.proto):
 * named, versioned keys Keyturn keeps for an organization, whose material never leaves
 * the server.
 */
export interface CryptoServiceClient extends grpc.Client {
    /**
     * DecryptWithKey for up to 1000 items; each item has its own status.
     */
    BatchDecrypt(argument: _keyturn_v1_BatchDecryptRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_BatchDecryptResponse>): grpc.ClientUnaryCall;
    BatchDecrypt(argument: _keyturn_v1_BatchDecryptRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_BatchDecryptResponse>): grpc.ClientUnaryCall;
    BatchDecrypt(argument: _keyturn_v1_BatchDecryptRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_BatchDecryptResponse>): grpc.ClientUnaryCall;
    BatchDecrypt(argument: _keyturn_v1_BatchDecryptRequest__Input, callback: grpc.requestCallback<_keyturn_v1_BatchDecryptResponse>): grpc.ClientUnaryCall;
    /**
     * DecryptWithKey for up to 1000 items; each item has its own status.
     */
    batchDecrypt(argument: _keyturn_v1_BatchDecryptRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_BatchDecryptResponse>): grpc.ClientUnaryCall;
    batchDecrypt(argument: _keyturn_v1_BatchDecryptRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_BatchDecryptResponse>): grpc.ClientUnaryCall;
    batchDecrypt(argument: _keyturn_v1_BatchDecryptRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_BatchDecryptResponse>): grpc.ClientUnaryCall;
    batchDecrypt(argument: _keyturn_v1_BatchDecryptRequest__Input, callback: grpc.requestCallback<_keyturn_v1_BatchDecryptResponse>): grpc.ClientUnaryCall;
    /**
     * EncryptWithKey for up to 1000 items; each item has its own status.
     */
    BatchEncrypt(argument: _keyturn_v1_BatchEncryptRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_BatchEncryptResponse>): grpc.ClientUnaryCall;
    BatchEncrypt(argument: _keyturn_v1_BatchEncryptRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_BatchEncryptResponse>): grpc.ClientUnaryCall;
    BatchEncrypt(argument: _keyturn_v1_BatchEncryptRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_BatchEncryptResponse>): grpc.ClientUnaryCall;
    BatchEncrypt(argument: _keyturn_v1_BatchEncryptRequest__Input, callback: grpc.requestCallback<_keyturn_v1_BatchEncryptResponse>): grpc.ClientUnaryCall;
    /**
     * EncryptWithKey for up to 1000 items; each item has its own status.
     */
    batchEncrypt(argument: _keyturn_v1_BatchEncryptRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_BatchEncryptResponse>): grpc.ClientUnaryCall;
    batchEncrypt(argument: _keyturn_v1_BatchEncryptRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_BatchEncryptResponse>): grpc.ClientUnaryCall;
    batchEncrypt(argument: _keyturn_v1_BatchEncryptRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_BatchEncryptResponse>): grpc.ClientUnaryCall;
    batchEncrypt(argument: _keyturn_v1_BatchEncryptRequest__Input, callback: grpc.requestCallback<_keyturn_v1_BatchEncryptResponse>): grpc.ClientUnaryCall;
    /**
     * Creates a managed key in an organization with its first version (none for an
     * import_only key). ALREADY_EXISTS (metadata `existingId`) on a name collision.
     */
    CreateCryptoKey(argument: _keyturn_v1_CreateCryptoKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    CreateCryptoKey(argument: _keyturn_v1_CreateCryptoKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    CreateCryptoKey(argument: _keyturn_v1_CreateCryptoKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    CreateCryptoKey(argument: _keyturn_v1_CreateCryptoKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    /**
     * Creates a managed key in an organization with its first version (none for an
     * import_only key). ALREADY_EXISTS (metadata `existingId`) on a name collision.
     */
    createCryptoKey(argument: _keyturn_v1_CreateCryptoKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    createCryptoKey(argument: _keyturn_v1_CreateCryptoKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    createCryptoKey(argument: _keyturn_v1_CreateCryptoKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    createCryptoKey(argument: _keyturn_v1_CreateCryptoKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    /**
     * Creates an import job: an RSA-3072 wrapping key for ImportCryptoKeyVersion.
     */
    CreateImportJob(argument: _keyturn_v1_CreateImportJobRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    CreateImportJob(argument: _keyturn_v1_CreateImportJobRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    CreateImportJob(argument: _keyturn_v1_CreateImportJobRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    CreateImportJob(argument: _keyturn_v1_CreateImportJobRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    /**
     * Creates an import job: an RSA-3072 wrapping key for ImportCryptoKeyVersion.
     */
    createImportJob(argument: _keyturn_v1_CreateImportJobRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    createImportJob(argument: _keyturn_v1_CreateImportJobRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    createImportJob(argument: _keyturn_v1_CreateImportJobRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    createImportJob(argument: _keyturn_v1_CreateImportJobRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
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
     * Decrypts a ciphertext of EncryptWithKey, ReEncrypt or GenerateDataKey with the key
     * and version it names.
     */
    DecryptWithKey(argument: _keyturn_v1_DecryptWithKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DecryptWithKeyResponse>): grpc.ClientUnaryCall;
    DecryptWithKey(argument: _keyturn_v1_DecryptWithKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_DecryptWithKeyResponse>): grpc.ClientUnaryCall;
    DecryptWithKey(argument: _keyturn_v1_DecryptWithKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DecryptWithKeyResponse>): grpc.ClientUnaryCall;
    DecryptWithKey(argument: _keyturn_v1_DecryptWithKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_DecryptWithKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Decrypts a ciphertext of EncryptWithKey, ReEncrypt or GenerateDataKey with the key
     * and version it names.
     */
    decryptWithKey(argument: _keyturn_v1_DecryptWithKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DecryptWithKeyResponse>): grpc.ClientUnaryCall;
    decryptWithKey(argument: _keyturn_v1_DecryptWithKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_DecryptWithKeyResponse>): grpc.ClientUnaryCall;
    decryptWithKey(argument: _keyturn_v1_DecryptWithKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DecryptWithKeyResponse>): grpc.ClientUnaryCall;
    decryptWithKey(argument: _keyturn_v1_DecryptWithKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_DecryptWithKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Schedules a version (not the primary) for destruction after the key's
     * destroy_scheduled_duration; RestoreCryptoKeyVersion may cancel it until then.
     */
    DestroyCryptoKeyVersion(argument: _keyturn_v1_DestroyCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    DestroyCryptoKeyVersion(argument: _keyturn_v1_DestroyCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    DestroyCryptoKeyVersion(argument: _keyturn_v1_DestroyCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    DestroyCryptoKeyVersion(argument: _keyturn_v1_DestroyCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    /**
     * Schedules a version (not the primary) for destruction after the key's
     * destroy_scheduled_duration; RestoreCryptoKeyVersion may cancel it until then.
     */
    destroyCryptoKeyVersion(argument: _keyturn_v1_DestroyCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    destroyCryptoKeyVersion(argument: _keyturn_v1_DestroyCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    destroyCryptoKeyVersion(argument: _keyturn_v1_DestroyCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    destroyCryptoKeyVersion(argument: _keyturn_v1_DestroyCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    /**
     * Disables a version (not the primary): it can no longer be used until enabled again.
     */
    DisableCryptoKeyVersion(argument: _keyturn_v1_DisableCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    DisableCryptoKeyVersion(argument: _keyturn_v1_DisableCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    DisableCryptoKeyVersion(argument: _keyturn_v1_DisableCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    DisableCryptoKeyVersion(argument: _keyturn_v1_DisableCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    /**
     * Disables a version (not the primary): it can no longer be used until enabled again.
     */
    disableCryptoKeyVersion(argument: _keyturn_v1_DisableCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    disableCryptoKeyVersion(argument: _keyturn_v1_DisableCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    disableCryptoKeyVersion(argument: _keyturn_v1_DisableCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    disableCryptoKeyVersion(argument: _keyturn_v1_DisableCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    /**
     * Enables a DISABLED version. Idempotent on an ENABLED one.
     */
    EnableCryptoKeyVersion(argument: _keyturn_v1_EnableCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    EnableCryptoKeyVersion(argument: _keyturn_v1_EnableCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    EnableCryptoKeyVersion(argument: _keyturn_v1_EnableCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    EnableCryptoKeyVersion(argument: _keyturn_v1_EnableCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    /**
     * Enables a DISABLED version. Idempotent on an ENABLED one.
     */
    enableCryptoKeyVersion(argument: _keyturn_v1_EnableCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    enableCryptoKeyVersion(argument: _keyturn_v1_EnableCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    enableCryptoKeyVersion(argument: _keyturn_v1_EnableCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    enableCryptoKeyVersion(argument: _keyturn_v1_EnableCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
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
     * Encrypts with the primary version of an ENCRYPT_DECRYPT key. The ciphertext names
     * the key and version.
     */
    EncryptWithKey(argument: _keyturn_v1_EncryptWithKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_EncryptWithKeyResponse>): grpc.ClientUnaryCall;
    EncryptWithKey(argument: _keyturn_v1_EncryptWithKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_EncryptWithKeyResponse>): grpc.ClientUnaryCall;
    EncryptWithKey(argument: _keyturn_v1_EncryptWithKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_EncryptWithKeyResponse>): grpc.ClientUnaryCall;
    EncryptWithKey(argument: _keyturn_v1_EncryptWithKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_EncryptWithKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Encrypts with the primary version of an ENCRYPT_DECRYPT key. The ciphertext names
     * the key and version.
     */
    encryptWithKey(argument: _keyturn_v1_EncryptWithKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_EncryptWithKeyResponse>): grpc.ClientUnaryCall;
    encryptWithKey(argument: _keyturn_v1_EncryptWithKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_EncryptWithKeyResponse>): grpc.ClientUnaryCall;
    encryptWithKey(argument: _keyturn_v1_EncryptWithKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_EncryptWithKeyResponse>): grpc.ClientUnaryCall;
    encryptWithKey(argument: _keyturn_v1_EncryptWithKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_EncryptWithKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Generates a random 256-bit data key and returns it with its wrapped form.
     */
    GenerateDataKey(argument: _keyturn_v1_GenerateDataKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateDataKeyResponse>): grpc.ClientUnaryCall;
    GenerateDataKey(argument: _keyturn_v1_GenerateDataKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GenerateDataKeyResponse>): grpc.ClientUnaryCall;
    GenerateDataKey(argument: _keyturn_v1_GenerateDataKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateDataKeyResponse>): grpc.ClientUnaryCall;
    GenerateDataKey(argument: _keyturn_v1_GenerateDataKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GenerateDataKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Generates a random 256-bit data key and returns it with its wrapped form.
     */
    generateDataKey(argument: _keyturn_v1_GenerateDataKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateDataKeyResponse>): grpc.ClientUnaryCall;
    generateDataKey(argument: _keyturn_v1_GenerateDataKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GenerateDataKeyResponse>): grpc.ClientUnaryCall;
    generateDataKey(argument: _keyturn_v1_GenerateDataKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GenerateDataKeyResponse>): grpc.ClientUnaryCall;
    generateDataKey(argument: _keyturn_v1_GenerateDataKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GenerateDataKeyResponse>): grpc.ClientUnaryCall;
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
    /**
     * Gets one managed key by id.
     */
    GetCryptoKey(argument: _keyturn_v1_GetCryptoKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    GetCryptoKey(argument: _keyturn_v1_GetCryptoKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    GetCryptoKey(argument: _keyturn_v1_GetCryptoKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    GetCryptoKey(argument: _keyturn_v1_GetCryptoKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    /**
     * Gets one managed key by id.
     */
    getCryptoKey(argument: _keyturn_v1_GetCryptoKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    getCryptoKey(argument: _keyturn_v1_GetCryptoKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    getCryptoKey(argument: _keyturn_v1_GetCryptoKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    getCryptoKey(argument: _keyturn_v1_GetCryptoKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    /**
     * Gets one version of a managed key.
     */
    GetCryptoKeyVersion(argument: _keyturn_v1_GetCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    GetCryptoKeyVersion(argument: _keyturn_v1_GetCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    GetCryptoKeyVersion(argument: _keyturn_v1_GetCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    GetCryptoKeyVersion(argument: _keyturn_v1_GetCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    /**
     * Gets one version of a managed key.
     */
    getCryptoKeyVersion(argument: _keyturn_v1_GetCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    getCryptoKeyVersion(argument: _keyturn_v1_GetCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    getCryptoKeyVersion(argument: _keyturn_v1_GetCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    getCryptoKeyVersion(argument: _keyturn_v1_GetCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    /**
     * Gets one import job by id, with its public key.
     */
    GetImportJob(argument: _keyturn_v1_GetImportJobRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    GetImportJob(argument: _keyturn_v1_GetImportJobRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    GetImportJob(argument: _keyturn_v1_GetImportJobRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    GetImportJob(argument: _keyturn_v1_GetImportJobRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    /**
     * Gets one import job by id, with its public key.
     */
    getImportJob(argument: _keyturn_v1_GetImportJobRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    getImportJob(argument: _keyturn_v1_GetImportJobRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    getImportJob(argument: _keyturn_v1_GetImportJobRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    getImportJob(argument: _keyturn_v1_GetImportJobRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ImportJob>): grpc.ClientUnaryCall;
    /**
     * Returns the public key of an ASYMMETRIC_SIGN version as PEM.
     */
    GetPublicKey(argument: _keyturn_v1_GetPublicKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_PublicKey>): grpc.ClientUnaryCall;
    GetPublicKey(argument: _keyturn_v1_GetPublicKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_PublicKey>): grpc.ClientUnaryCall;
    GetPublicKey(argument: _keyturn_v1_GetPublicKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_PublicKey>): grpc.ClientUnaryCall;
    GetPublicKey(argument: _keyturn_v1_GetPublicKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_PublicKey>): grpc.ClientUnaryCall;
    /**
     * Returns the public key of an ASYMMETRIC_SIGN version as PEM.
     */
    getPublicKey(argument: _keyturn_v1_GetPublicKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_PublicKey>): grpc.ClientUnaryCall;
    getPublicKey(argument: _keyturn_v1_GetPublicKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_PublicKey>): grpc.ClientUnaryCall;
    getPublicKey(argument: _keyturn_v1_GetPublicKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_PublicKey>): grpc.ClientUnaryCall;
    getPublicKey(argument: _keyturn_v1_GetPublicKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_PublicKey>): grpc.ClientUnaryCall;
    /**
     * Imports key material wrapped with an import job's public key as a new version.
     */
    ImportCryptoKeyVersion(argument: _keyturn_v1_ImportCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    ImportCryptoKeyVersion(argument: _keyturn_v1_ImportCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    ImportCryptoKeyVersion(argument: _keyturn_v1_ImportCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    ImportCryptoKeyVersion(argument: _keyturn_v1_ImportCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    /**
     * Imports key material wrapped with an import job's public key as a new version.
     */
    importCryptoKeyVersion(argument: _keyturn_v1_ImportCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    importCryptoKeyVersion(argument: _keyturn_v1_ImportCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    importCryptoKeyVersion(argument: _keyturn_v1_ImportCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    importCryptoKeyVersion(argument: _keyturn_v1_ImportCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    /**
     * Lists the versions of a managed key, lowest number first.
     */
    ListCryptoKeyVersions(argument: _keyturn_v1_ListCryptoKeyVersionsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeyVersionsResponse>): grpc.ClientUnaryCall;
    ListCryptoKeyVersions(argument: _keyturn_v1_ListCryptoKeyVersionsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeyVersionsResponse>): grpc.ClientUnaryCall;
    ListCryptoKeyVersions(argument: _keyturn_v1_ListCryptoKeyVersionsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeyVersionsResponse>): grpc.ClientUnaryCall;
    ListCryptoKeyVersions(argument: _keyturn_v1_ListCryptoKeyVersionsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeyVersionsResponse>): grpc.ClientUnaryCall;
    /**
     * Lists the versions of a managed key, lowest number first.
     */
    listCryptoKeyVersions(argument: _keyturn_v1_ListCryptoKeyVersionsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeyVersionsResponse>): grpc.ClientUnaryCall;
    listCryptoKeyVersions(argument: _keyturn_v1_ListCryptoKeyVersionsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeyVersionsResponse>): grpc.ClientUnaryCall;
    listCryptoKeyVersions(argument: _keyturn_v1_ListCryptoKeyVersionsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeyVersionsResponse>): grpc.ClientUnaryCall;
    listCryptoKeyVersions(argument: _keyturn_v1_ListCryptoKeyVersionsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeyVersionsResponse>): grpc.ClientUnaryCall;
    /**
     * Lists the managed keys of an organization (optionally of one project), oldest first.
     */
    ListCryptoKeys(argument: _keyturn_v1_ListCryptoKeysRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeysResponse>): grpc.ClientUnaryCall;
    ListCryptoKeys(argument: _keyturn_v1_ListCryptoKeysRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeysResponse>): grpc.ClientUnaryCall;
    ListCryptoKeys(argument: _keyturn_v1_ListCryptoKeysRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeysResponse>): grpc.ClientUnaryCall;
    ListCryptoKeys(argument: _keyturn_v1_ListCryptoKeysRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeysResponse>): grpc.ClientUnaryCall;
    /**
     * Lists the managed keys of an organization (optionally of one project), oldest first.
     */
    listCryptoKeys(argument: _keyturn_v1_ListCryptoKeysRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeysResponse>): grpc.ClientUnaryCall;
    listCryptoKeys(argument: _keyturn_v1_ListCryptoKeysRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeysResponse>): grpc.ClientUnaryCall;
    listCryptoKeys(argument: _keyturn_v1_ListCryptoKeysRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeysResponse>): grpc.ClientUnaryCall;
    listCryptoKeys(argument: _keyturn_v1_ListCryptoKeysRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListCryptoKeysResponse>): grpc.ClientUnaryCall;
    /**
     * Computes a MAC tag with a MAC key.
     */
    Mac(argument: _keyturn_v1_MacRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_MacResponse>): grpc.ClientUnaryCall;
    Mac(argument: _keyturn_v1_MacRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_MacResponse>): grpc.ClientUnaryCall;
    Mac(argument: _keyturn_v1_MacRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_MacResponse>): grpc.ClientUnaryCall;
    Mac(argument: _keyturn_v1_MacRequest__Input, callback: grpc.requestCallback<_keyturn_v1_MacResponse>): grpc.ClientUnaryCall;
    /**
     * Computes a MAC tag with a MAC key.
     */
    mac(argument: _keyturn_v1_MacRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_MacResponse>): grpc.ClientUnaryCall;
    mac(argument: _keyturn_v1_MacRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_MacResponse>): grpc.ClientUnaryCall;
    mac(argument: _keyturn_v1_MacRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_MacResponse>): grpc.ClientUnaryCall;
    mac(argument: _keyturn_v1_MacRequest__Input, callback: grpc.requestCallback<_keyturn_v1_MacResponse>): grpc.ClientUnaryCall;
    /**
     * Decrypts and encrypts again under a primary version, without the plaintext leaving
     * the server.
     */
    ReEncrypt(argument: _keyturn_v1_ReEncryptRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ReEncryptResponse>): grpc.ClientUnaryCall;
    ReEncrypt(argument: _keyturn_v1_ReEncryptRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ReEncryptResponse>): grpc.ClientUnaryCall;
    ReEncrypt(argument: _keyturn_v1_ReEncryptRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ReEncryptResponse>): grpc.ClientUnaryCall;
    ReEncrypt(argument: _keyturn_v1_ReEncryptRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ReEncryptResponse>): grpc.ClientUnaryCall;
    /**
     * Decrypts and encrypts again under a primary version, without the plaintext leaving
     * the server.
     */
    reEncrypt(argument: _keyturn_v1_ReEncryptRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ReEncryptResponse>): grpc.ClientUnaryCall;
    reEncrypt(argument: _keyturn_v1_ReEncryptRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ReEncryptResponse>): grpc.ClientUnaryCall;
    reEncrypt(argument: _keyturn_v1_ReEncryptRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ReEncryptResponse>): grpc.ClientUnaryCall;
    reEncrypt(argument: _keyturn_v1_ReEncryptRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ReEncryptResponse>): grpc.ClientUnaryCall;
    /**
     * Cancels a scheduled destruction; the version becomes DISABLED.
     */
    RestoreCryptoKeyVersion(argument: _keyturn_v1_RestoreCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    RestoreCryptoKeyVersion(argument: _keyturn_v1_RestoreCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    RestoreCryptoKeyVersion(argument: _keyturn_v1_RestoreCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    RestoreCryptoKeyVersion(argument: _keyturn_v1_RestoreCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    /**
     * Cancels a scheduled destruction; the version becomes DISABLED.
     */
    restoreCryptoKeyVersion(argument: _keyturn_v1_RestoreCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    restoreCryptoKeyVersion(argument: _keyturn_v1_RestoreCryptoKeyVersionRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    restoreCryptoKeyVersion(argument: _keyturn_v1_RestoreCryptoKeyVersionRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    restoreCryptoKeyVersion(argument: _keyturn_v1_RestoreCryptoKeyVersionRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKeyVersion>): grpc.ClientUnaryCall;
    /**
     * Creates a new version and makes it primary. Older versions keep decrypting and
     * verifying.
     */
    RotateCryptoKey(argument: _keyturn_v1_RotateCryptoKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateCryptoKeyResponse>): grpc.ClientUnaryCall;
    RotateCryptoKey(argument: _keyturn_v1_RotateCryptoKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_RotateCryptoKeyResponse>): grpc.ClientUnaryCall;
    RotateCryptoKey(argument: _keyturn_v1_RotateCryptoKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateCryptoKeyResponse>): grpc.ClientUnaryCall;
    RotateCryptoKey(argument: _keyturn_v1_RotateCryptoKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_RotateCryptoKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Creates a new version and makes it primary. Older versions keep decrypting and
     * verifying.
     */
    rotateCryptoKey(argument: _keyturn_v1_RotateCryptoKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateCryptoKeyResponse>): grpc.ClientUnaryCall;
    rotateCryptoKey(argument: _keyturn_v1_RotateCryptoKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_RotateCryptoKeyResponse>): grpc.ClientUnaryCall;
    rotateCryptoKey(argument: _keyturn_v1_RotateCryptoKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateCryptoKeyResponse>): grpc.ClientUnaryCall;
    rotateCryptoKey(argument: _keyturn_v1_RotateCryptoKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_RotateCryptoKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Signs a message with an ASYMMETRIC_SIGN key.
     */
    Sign(argument: _keyturn_v1_SignRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_SignResponse>): grpc.ClientUnaryCall;
    Sign(argument: _keyturn_v1_SignRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_SignResponse>): grpc.ClientUnaryCall;
    Sign(argument: _keyturn_v1_SignRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_SignResponse>): grpc.ClientUnaryCall;
    Sign(argument: _keyturn_v1_SignRequest__Input, callback: grpc.requestCallback<_keyturn_v1_SignResponse>): grpc.ClientUnaryCall;
    /**
     * Signs a message with an ASYMMETRIC_SIGN key.
     */
    sign(argument: _keyturn_v1_SignRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_SignResponse>): grpc.ClientUnaryCall;
    sign(argument: _keyturn_v1_SignRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_SignResponse>): grpc.ClientUnaryCall;
    sign(argument: _keyturn_v1_SignRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_SignResponse>): grpc.ClientUnaryCall;
    sign(argument: _keyturn_v1_SignRequest__Input, callback: grpc.requestCallback<_keyturn_v1_SignResponse>): grpc.ClientUnaryCall;
    /**
     * Updates the fields of a managed key named in update_mask.
     */
    UpdateCryptoKey(argument: _keyturn_v1_UpdateCryptoKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    UpdateCryptoKey(argument: _keyturn_v1_UpdateCryptoKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    UpdateCryptoKey(argument: _keyturn_v1_UpdateCryptoKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    UpdateCryptoKey(argument: _keyturn_v1_UpdateCryptoKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    /**
     * Updates the fields of a managed key named in update_mask.
     */
    updateCryptoKey(argument: _keyturn_v1_UpdateCryptoKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    updateCryptoKey(argument: _keyturn_v1_UpdateCryptoKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    updateCryptoKey(argument: _keyturn_v1_UpdateCryptoKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    updateCryptoKey(argument: _keyturn_v1_UpdateCryptoKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CryptoKey>): grpc.ClientUnaryCall;
    /**
     * Verifies a signature with an ASYMMETRIC_SIGN key's public key.
     */
    Verify(argument: _keyturn_v1_VerifyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyResponse>): grpc.ClientUnaryCall;
    Verify(argument: _keyturn_v1_VerifyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_VerifyResponse>): grpc.ClientUnaryCall;
    Verify(argument: _keyturn_v1_VerifyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyResponse>): grpc.ClientUnaryCall;
    Verify(argument: _keyturn_v1_VerifyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_VerifyResponse>): grpc.ClientUnaryCall;
    /**
     * Verifies a signature with an ASYMMETRIC_SIGN key's public key.
     */
    verify(argument: _keyturn_v1_VerifyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyResponse>): grpc.ClientUnaryCall;
    verify(argument: _keyturn_v1_VerifyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_VerifyResponse>): grpc.ClientUnaryCall;
    verify(argument: _keyturn_v1_VerifyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyResponse>): grpc.ClientUnaryCall;
    verify(argument: _keyturn_v1_VerifyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_VerifyResponse>): grpc.ClientUnaryCall;
    /**
     * Verifies a MAC tag in constant time.
     */
    VerifyMac(argument: _keyturn_v1_VerifyMacRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyMacResponse>): grpc.ClientUnaryCall;
    VerifyMac(argument: _keyturn_v1_VerifyMacRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_VerifyMacResponse>): grpc.ClientUnaryCall;
    VerifyMac(argument: _keyturn_v1_VerifyMacRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyMacResponse>): grpc.ClientUnaryCall;
    VerifyMac(argument: _keyturn_v1_VerifyMacRequest__Input, callback: grpc.requestCallback<_keyturn_v1_VerifyMacResponse>): grpc.ClientUnaryCall;
    /**
     * Verifies a MAC tag in constant time.
     */
    verifyMac(argument: _keyturn_v1_VerifyMacRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyMacResponse>): grpc.ClientUnaryCall;
    verifyMac(argument: _keyturn_v1_VerifyMacRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_VerifyMacResponse>): grpc.ClientUnaryCall;
    verifyMac(argument: _keyturn_v1_VerifyMacRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_VerifyMacResponse>): grpc.ClientUnaryCall;
    verifyMac(argument: _keyturn_v1_VerifyMacRequest__Input, callback: grpc.requestCallback<_keyturn_v1_VerifyMacResponse>): grpc.ClientUnaryCall;
}
/**
 * CryptoService generates secure tokens and key pairs and performs authenticated
 * encryption.
 *
 * GenerateKey, GenerateKeyPair, Encrypt and Decrypt are stateless: nothing a caller sends
 * to them is stored or logged. The other RPCs work with managed keys (crypto_keys.proto):
 * named, versioned keys Keyturn keeps for an organization, whose material never leaves
 * the server.
 */
export interface CryptoServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * DecryptWithKey for up to 1000 items; each item has its own status.
     */
    BatchDecrypt: grpc.handleUnaryCall<_keyturn_v1_BatchDecryptRequest, _keyturn_v1_BatchDecryptResponse__Input>;
    /**
     * EncryptWithKey for up to 1000 items; each item has its own status.
     */
    BatchEncrypt: grpc.handleUnaryCall<_keyturn_v1_BatchEncryptRequest, _keyturn_v1_BatchEncryptResponse__Input>;
    /**
     * Creates a managed key in an organization with its first version (none for an
     * import_only key). ALREADY_EXISTS (metadata `existingId`) on a name collision.
     */
    CreateCryptoKey: grpc.handleUnaryCall<_keyturn_v1_CreateCryptoKeyRequest, _keyturn_v1_CryptoKey__Input>;
    /**
     * Creates an import job: an RSA-3072 wrapping key for ImportCryptoKeyVersion.
     */
    CreateImportJob: grpc.handleUnaryCall<_keyturn_v1_CreateImportJobRequest, _keyturn_v1_ImportJob__Input>;
    /**
     * Decrypts and authenticates AES-256-GCM ciphertext produced by Encrypt (or by any
     * standard AES-GCM implementation).
     */
    Decrypt: grpc.handleUnaryCall<_keyturn_v1_DecryptRequest, _keyturn_v1_DecryptResponse__Input>;
    /**
     * Decrypts a ciphertext of EncryptWithKey, ReEncrypt or GenerateDataKey with the key
     * and version it names.
     */
    DecryptWithKey: grpc.handleUnaryCall<_keyturn_v1_DecryptWithKeyRequest, _keyturn_v1_DecryptWithKeyResponse__Input>;
    /**
     * Schedules a version (not the primary) for destruction after the key's
     * destroy_scheduled_duration; RestoreCryptoKeyVersion may cancel it until then.
     */
    DestroyCryptoKeyVersion: grpc.handleUnaryCall<_keyturn_v1_DestroyCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion__Input>;
    /**
     * Disables a version (not the primary): it can no longer be used until enabled again.
     */
    DisableCryptoKeyVersion: grpc.handleUnaryCall<_keyturn_v1_DisableCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion__Input>;
    /**
     * Enables a DISABLED version. Idempotent on an ENABLED one.
     */
    EnableCryptoKeyVersion: grpc.handleUnaryCall<_keyturn_v1_EnableCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion__Input>;
    /**
     * Encrypts with AES-256-GCM under a raw 256-bit key or a key derived from a password
     * with PBKDF2-HMAC-SHA256.
     */
    Encrypt: grpc.handleUnaryCall<_keyturn_v1_EncryptRequest, _keyturn_v1_EncryptResponse__Input>;
    /**
     * Encrypts with the primary version of an ENCRYPT_DECRYPT key. The ciphertext names
     * the key and version.
     */
    EncryptWithKey: grpc.handleUnaryCall<_keyturn_v1_EncryptWithKeyRequest, _keyturn_v1_EncryptWithKeyResponse__Input>;
    /**
     * Generates a random 256-bit data key and returns it with its wrapped form.
     */
    GenerateDataKey: grpc.handleUnaryCall<_keyturn_v1_GenerateDataKeyRequest, _keyturn_v1_GenerateDataKeyResponse__Input>;
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
    /**
     * Gets one managed key by id.
     */
    GetCryptoKey: grpc.handleUnaryCall<_keyturn_v1_GetCryptoKeyRequest, _keyturn_v1_CryptoKey__Input>;
    /**
     * Gets one version of a managed key.
     */
    GetCryptoKeyVersion: grpc.handleUnaryCall<_keyturn_v1_GetCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion__Input>;
    /**
     * Gets one import job by id, with its public key.
     */
    GetImportJob: grpc.handleUnaryCall<_keyturn_v1_GetImportJobRequest, _keyturn_v1_ImportJob__Input>;
    /**
     * Returns the public key of an ASYMMETRIC_SIGN version as PEM.
     */
    GetPublicKey: grpc.handleUnaryCall<_keyturn_v1_GetPublicKeyRequest, _keyturn_v1_PublicKey__Input>;
    /**
     * Imports key material wrapped with an import job's public key as a new version.
     */
    ImportCryptoKeyVersion: grpc.handleUnaryCall<_keyturn_v1_ImportCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion__Input>;
    /**
     * Lists the versions of a managed key, lowest number first.
     */
    ListCryptoKeyVersions: grpc.handleUnaryCall<_keyturn_v1_ListCryptoKeyVersionsRequest, _keyturn_v1_ListCryptoKeyVersionsResponse__Input>;
    /**
     * Lists the managed keys of an organization (optionally of one project), oldest first.
     */
    ListCryptoKeys: grpc.handleUnaryCall<_keyturn_v1_ListCryptoKeysRequest, _keyturn_v1_ListCryptoKeysResponse__Input>;
    /**
     * Computes a MAC tag with a MAC key.
     */
    Mac: grpc.handleUnaryCall<_keyturn_v1_MacRequest, _keyturn_v1_MacResponse__Input>;
    /**
     * Decrypts and encrypts again under a primary version, without the plaintext leaving
     * the server.
     */
    ReEncrypt: grpc.handleUnaryCall<_keyturn_v1_ReEncryptRequest, _keyturn_v1_ReEncryptResponse__Input>;
    /**
     * Cancels a scheduled destruction; the version becomes DISABLED.
     */
    RestoreCryptoKeyVersion: grpc.handleUnaryCall<_keyturn_v1_RestoreCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion__Input>;
    /**
     * Creates a new version and makes it primary. Older versions keep decrypting and
     * verifying.
     */
    RotateCryptoKey: grpc.handleUnaryCall<_keyturn_v1_RotateCryptoKeyRequest, _keyturn_v1_RotateCryptoKeyResponse__Input>;
    /**
     * Signs a message with an ASYMMETRIC_SIGN key.
     */
    Sign: grpc.handleUnaryCall<_keyturn_v1_SignRequest, _keyturn_v1_SignResponse__Input>;
    /**
     * Updates the fields of a managed key named in update_mask.
     */
    UpdateCryptoKey: grpc.handleUnaryCall<_keyturn_v1_UpdateCryptoKeyRequest, _keyturn_v1_CryptoKey__Input>;
    /**
     * Verifies a signature with an ASYMMETRIC_SIGN key's public key.
     */
    Verify: grpc.handleUnaryCall<_keyturn_v1_VerifyRequest, _keyturn_v1_VerifyResponse__Input>;
    /**
     * Verifies a MAC tag in constant time.
     */
    VerifyMac: grpc.handleUnaryCall<_keyturn_v1_VerifyMacRequest, _keyturn_v1_VerifyMacResponse__Input>;
}
export interface CryptoServiceDefinition extends grpc.ServiceDefinition {
    BatchDecrypt: MethodDefinition<_keyturn_v1_BatchDecryptRequest__Input, _keyturn_v1_BatchDecryptResponse__Input, _keyturn_v1_BatchDecryptRequest, _keyturn_v1_BatchDecryptResponse>;
    BatchEncrypt: MethodDefinition<_keyturn_v1_BatchEncryptRequest__Input, _keyturn_v1_BatchEncryptResponse__Input, _keyturn_v1_BatchEncryptRequest, _keyturn_v1_BatchEncryptResponse>;
    CreateCryptoKey: MethodDefinition<_keyturn_v1_CreateCryptoKeyRequest__Input, _keyturn_v1_CryptoKey__Input, _keyturn_v1_CreateCryptoKeyRequest, _keyturn_v1_CryptoKey>;
    CreateImportJob: MethodDefinition<_keyturn_v1_CreateImportJobRequest__Input, _keyturn_v1_ImportJob__Input, _keyturn_v1_CreateImportJobRequest, _keyturn_v1_ImportJob>;
    Decrypt: MethodDefinition<_keyturn_v1_DecryptRequest__Input, _keyturn_v1_DecryptResponse__Input, _keyturn_v1_DecryptRequest, _keyturn_v1_DecryptResponse>;
    DecryptWithKey: MethodDefinition<_keyturn_v1_DecryptWithKeyRequest__Input, _keyturn_v1_DecryptWithKeyResponse__Input, _keyturn_v1_DecryptWithKeyRequest, _keyturn_v1_DecryptWithKeyResponse>;
    DestroyCryptoKeyVersion: MethodDefinition<_keyturn_v1_DestroyCryptoKeyVersionRequest__Input, _keyturn_v1_CryptoKeyVersion__Input, _keyturn_v1_DestroyCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion>;
    DisableCryptoKeyVersion: MethodDefinition<_keyturn_v1_DisableCryptoKeyVersionRequest__Input, _keyturn_v1_CryptoKeyVersion__Input, _keyturn_v1_DisableCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion>;
    EnableCryptoKeyVersion: MethodDefinition<_keyturn_v1_EnableCryptoKeyVersionRequest__Input, _keyturn_v1_CryptoKeyVersion__Input, _keyturn_v1_EnableCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion>;
    Encrypt: MethodDefinition<_keyturn_v1_EncryptRequest__Input, _keyturn_v1_EncryptResponse__Input, _keyturn_v1_EncryptRequest, _keyturn_v1_EncryptResponse>;
    EncryptWithKey: MethodDefinition<_keyturn_v1_EncryptWithKeyRequest__Input, _keyturn_v1_EncryptWithKeyResponse__Input, _keyturn_v1_EncryptWithKeyRequest, _keyturn_v1_EncryptWithKeyResponse>;
    GenerateDataKey: MethodDefinition<_keyturn_v1_GenerateDataKeyRequest__Input, _keyturn_v1_GenerateDataKeyResponse__Input, _keyturn_v1_GenerateDataKeyRequest, _keyturn_v1_GenerateDataKeyResponse>;
    GenerateKey: MethodDefinition<_keyturn_v1_GenerateKeyRequest__Input, _keyturn_v1_GenerateKeyResponse__Input, _keyturn_v1_GenerateKeyRequest, _keyturn_v1_GenerateKeyResponse>;
    GenerateKeyPair: MethodDefinition<_keyturn_v1_GenerateKeyPairRequest__Input, _keyturn_v1_GenerateKeyPairResponse__Input, _keyturn_v1_GenerateKeyPairRequest, _keyturn_v1_GenerateKeyPairResponse>;
    GetCryptoKey: MethodDefinition<_keyturn_v1_GetCryptoKeyRequest__Input, _keyturn_v1_CryptoKey__Input, _keyturn_v1_GetCryptoKeyRequest, _keyturn_v1_CryptoKey>;
    GetCryptoKeyVersion: MethodDefinition<_keyturn_v1_GetCryptoKeyVersionRequest__Input, _keyturn_v1_CryptoKeyVersion__Input, _keyturn_v1_GetCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion>;
    GetImportJob: MethodDefinition<_keyturn_v1_GetImportJobRequest__Input, _keyturn_v1_ImportJob__Input, _keyturn_v1_GetImportJobRequest, _keyturn_v1_ImportJob>;
    GetPublicKey: MethodDefinition<_keyturn_v1_GetPublicKeyRequest__Input, _keyturn_v1_PublicKey__Input, _keyturn_v1_GetPublicKeyRequest, _keyturn_v1_PublicKey>;
    ImportCryptoKeyVersion: MethodDefinition<_keyturn_v1_ImportCryptoKeyVersionRequest__Input, _keyturn_v1_CryptoKeyVersion__Input, _keyturn_v1_ImportCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion>;
    ListCryptoKeyVersions: MethodDefinition<_keyturn_v1_ListCryptoKeyVersionsRequest__Input, _keyturn_v1_ListCryptoKeyVersionsResponse__Input, _keyturn_v1_ListCryptoKeyVersionsRequest, _keyturn_v1_ListCryptoKeyVersionsResponse>;
    ListCryptoKeys: MethodDefinition<_keyturn_v1_ListCryptoKeysRequest__Input, _keyturn_v1_ListCryptoKeysResponse__Input, _keyturn_v1_ListCryptoKeysRequest, _keyturn_v1_ListCryptoKeysResponse>;
    Mac: MethodDefinition<_keyturn_v1_MacRequest__Input, _keyturn_v1_MacResponse__Input, _keyturn_v1_MacRequest, _keyturn_v1_MacResponse>;
    ReEncrypt: MethodDefinition<_keyturn_v1_ReEncryptRequest__Input, _keyturn_v1_ReEncryptResponse__Input, _keyturn_v1_ReEncryptRequest, _keyturn_v1_ReEncryptResponse>;
    RestoreCryptoKeyVersion: MethodDefinition<_keyturn_v1_RestoreCryptoKeyVersionRequest__Input, _keyturn_v1_CryptoKeyVersion__Input, _keyturn_v1_RestoreCryptoKeyVersionRequest, _keyturn_v1_CryptoKeyVersion>;
    RotateCryptoKey: MethodDefinition<_keyturn_v1_RotateCryptoKeyRequest__Input, _keyturn_v1_RotateCryptoKeyResponse__Input, _keyturn_v1_RotateCryptoKeyRequest, _keyturn_v1_RotateCryptoKeyResponse>;
    Sign: MethodDefinition<_keyturn_v1_SignRequest__Input, _keyturn_v1_SignResponse__Input, _keyturn_v1_SignRequest, _keyturn_v1_SignResponse>;
    UpdateCryptoKey: MethodDefinition<_keyturn_v1_UpdateCryptoKeyRequest__Input, _keyturn_v1_CryptoKey__Input, _keyturn_v1_UpdateCryptoKeyRequest, _keyturn_v1_CryptoKey>;
    Verify: MethodDefinition<_keyturn_v1_VerifyRequest__Input, _keyturn_v1_VerifyResponse__Input, _keyturn_v1_VerifyRequest, _keyturn_v1_VerifyResponse>;
    VerifyMac: MethodDefinition<_keyturn_v1_VerifyMacRequest__Input, _keyturn_v1_VerifyMacResponse__Input, _keyturn_v1_VerifyMacRequest, _keyturn_v1_VerifyMacResponse>;
}
