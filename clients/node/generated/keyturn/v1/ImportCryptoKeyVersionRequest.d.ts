// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.ImportCryptoKeyVersion (bring your own key).
 */
export interface ImportCryptoKeyVersionRequest__Input {
    /**
     * Required. The key to add a version to; the new version becomes primary when the key
     * has none yet (an import_only key's first import), else it is added as ENABLED.
     */
    'crypto_key_id'?: (string);
    /**
     * Required. An ACTIVE import job of the key's organization.
     */
    'import_job_id'?: (string);
    /**
     * Required. The material wrapped as the job's import_method says. The material is: raw
     * bytes for AES-256-GCM and ChaCha20-Poly1305 (32), HMAC-SHA256 (32) and HMAC-SHA512
     * (64); a PKCS#8 DER private key for Ed25519 (or its raw 32-byte seed), ECDSA and RSA-PSS,
     * matching the key's curve or modulus size.
     */
    'wrapped_key_material'?: (Buffer | Uint8Array | string);
}
/**
 * Request for CryptoService.ImportCryptoKeyVersion (bring your own key).
 */
export interface ImportCryptoKeyVersionRequest {
    /**
     * Required. The key to add a version to; the new version becomes primary when the key
     * has none yet (an import_only key's first import), else it is added as ENABLED.
     */
    'crypto_key_id': (string);
    /**
     * Required. An ACTIVE import job of the key's organization.
     */
    'import_job_id': (string);
    /**
     * Required. The material wrapped as the job's import_method says. The material is: raw
     * bytes for AES-256-GCM and ChaCha20-Poly1305 (32), HMAC-SHA256 (32) and HMAC-SHA512
     * (64); a PKCS#8 DER private key for Ed25519 (or its raw 32-byte seed), ECDSA and RSA-PSS,
     * matching the key's curve or modulus size.
     */
    'wrapped_key_material': (Buffer);
}
