// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * The kind of resource an audit event is about. The same names appear as
 * `google.rpc.ResourceInfo.resource_type` in NOT_FOUND and ALREADY_EXISTS errors
 * (`Organization`, `Project`, `Product`, `ApiKey`, `Principal`, `PrincipalToken`).
 */
export declare const AuditResourceType: {
    /**
     * No resource (or not given).
     */
    readonly AUDIT_RESOURCE_TYPE_UNSPECIFIED: 'AUDIT_RESOURCE_TYPE_UNSPECIFIED';
    /**
     * An organization (`Organization`).
     */
    readonly AUDIT_RESOURCE_TYPE_ORGANIZATION: 'AUDIT_RESOURCE_TYPE_ORGANIZATION';
    /**
     * A project (`Project`).
     */
    readonly AUDIT_RESOURCE_TYPE_PROJECT: 'AUDIT_RESOURCE_TYPE_PROJECT';
    /**
     * A product (`Product`).
     */
    readonly AUDIT_RESOURCE_TYPE_PRODUCT: 'AUDIT_RESOURCE_TYPE_PRODUCT';
    /**
     * An API key (`ApiKey`).
     */
    readonly AUDIT_RESOURCE_TYPE_API_KEY: 'AUDIT_RESOURCE_TYPE_API_KEY';
    /**
     * A principal, i.e. a caller of the management API (`Principal`).
     */
    readonly AUDIT_RESOURCE_TYPE_PRINCIPAL: 'AUDIT_RESOURCE_TYPE_PRINCIPAL';
    /**
     * A principal's bearer token (`PrincipalToken`).
     */
    readonly AUDIT_RESOURCE_TYPE_PRINCIPAL_TOKEN: 'AUDIT_RESOURCE_TYPE_PRINCIPAL_TOKEN';
    /**
     * A managed key of CryptoService (`CryptoKey`).
     */
    readonly AUDIT_RESOURCE_TYPE_CRYPTO_KEY: 'AUDIT_RESOURCE_TYPE_CRYPTO_KEY';
    /**
     * One version of a managed key (`CryptoKeyVersion`; resource id `<key id>/<number>`).
     */
    readonly AUDIT_RESOURCE_TYPE_CRYPTO_KEY_VERSION: 'AUDIT_RESOURCE_TYPE_CRYPTO_KEY_VERSION';
    /**
     * A BYOK import job (`ImportJob`).
     */
    readonly AUDIT_RESOURCE_TYPE_IMPORT_JOB: 'AUDIT_RESOURCE_TYPE_IMPORT_JOB';
    /**
     * A webhook subscription (`Webhook`).
     */
    readonly AUDIT_RESOURCE_TYPE_WEBHOOK: 'AUDIT_RESOURCE_TYPE_WEBHOOK';
    /**
     * One delivery of a webhook (`WebhookDelivery`).
     */
    readonly AUDIT_RESOURCE_TYPE_WEBHOOK_DELIVERY: 'AUDIT_RESOURCE_TYPE_WEBHOOK_DELIVERY';
};
/**
 * The kind of resource an audit event is about. The same names appear as
 * `google.rpc.ResourceInfo.resource_type` in NOT_FOUND and ALREADY_EXISTS errors
 * (`Organization`, `Project`, `Product`, `ApiKey`, `Principal`, `PrincipalToken`).
 */
export type AuditResourceType__Input = 
/**
 * No resource (or not given).
 */
'AUDIT_RESOURCE_TYPE_UNSPECIFIED' | 0
/**
 * An organization (`Organization`).
 */
 | 'AUDIT_RESOURCE_TYPE_ORGANIZATION' | 1
/**
 * A project (`Project`).
 */
 | 'AUDIT_RESOURCE_TYPE_PROJECT' | 2
/**
 * A product (`Product`).
 */
 | 'AUDIT_RESOURCE_TYPE_PRODUCT' | 3
/**
 * An API key (`ApiKey`).
 */
 | 'AUDIT_RESOURCE_TYPE_API_KEY' | 4
/**
 * A principal, i.e. a caller of the management API (`Principal`).
 */
 | 'AUDIT_RESOURCE_TYPE_PRINCIPAL' | 5
/**
 * A principal's bearer token (`PrincipalToken`).
 */
 | 'AUDIT_RESOURCE_TYPE_PRINCIPAL_TOKEN' | 6
/**
 * A managed key of CryptoService (`CryptoKey`).
 */
 | 'AUDIT_RESOURCE_TYPE_CRYPTO_KEY' | 7
/**
 * One version of a managed key (`CryptoKeyVersion`; resource id `<key id>/<number>`).
 */
 | 'AUDIT_RESOURCE_TYPE_CRYPTO_KEY_VERSION' | 8
/**
 * A BYOK import job (`ImportJob`).
 */
 | 'AUDIT_RESOURCE_TYPE_IMPORT_JOB' | 9
/**
 * A webhook subscription (`Webhook`).
 */
 | 'AUDIT_RESOURCE_TYPE_WEBHOOK' | 34
/**
 * One delivery of a webhook (`WebhookDelivery`).
 */
 | 'AUDIT_RESOURCE_TYPE_WEBHOOK_DELIVERY' | 35;
/**
 * The kind of resource an audit event is about. The same names appear as
 * `google.rpc.ResourceInfo.resource_type` in NOT_FOUND and ALREADY_EXISTS errors
 * (`Organization`, `Project`, `Product`, `ApiKey`, `Principal`, `PrincipalToken`).
 */
export type AuditResourceType = typeof AuditResourceType[keyof typeof AuditResourceType];
