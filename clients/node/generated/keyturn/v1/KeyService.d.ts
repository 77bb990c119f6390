// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { AddProductToProjectRequest__Input as _keyturn_v1_AddProductToProjectRequest__Input, AddProductToProjectRequest as _keyturn_v1_AddProductToProjectRequest } from '../../keyturn/v1/AddProductToProjectRequest';
import type { AddProductToProjectResponse__Input as _keyturn_v1_AddProductToProjectResponse__Input, AddProductToProjectResponse as _keyturn_v1_AddProductToProjectResponse } from '../../keyturn/v1/AddProductToProjectResponse';
import type { ApiKey__Input as _keyturn_v1_ApiKey__Input, ApiKey as _keyturn_v1_ApiKey } from '../../keyturn/v1/ApiKey';
import type { CreateKeyRequest__Input as _keyturn_v1_CreateKeyRequest__Input, CreateKeyRequest as _keyturn_v1_CreateKeyRequest } from '../../keyturn/v1/CreateKeyRequest';
import type { CreateKeyResponse__Input as _keyturn_v1_CreateKeyResponse__Input, CreateKeyResponse as _keyturn_v1_CreateKeyResponse } from '../../keyturn/v1/CreateKeyResponse';
import type { CreateOrganizationRequest__Input as _keyturn_v1_CreateOrganizationRequest__Input, CreateOrganizationRequest as _keyturn_v1_CreateOrganizationRequest } from '../../keyturn/v1/CreateOrganizationRequest';
import type { CreateProductRequest__Input as _keyturn_v1_CreateProductRequest__Input, CreateProductRequest as _keyturn_v1_CreateProductRequest } from '../../keyturn/v1/CreateProductRequest';
import type { CreateProjectRequest__Input as _keyturn_v1_CreateProjectRequest__Input, CreateProjectRequest as _keyturn_v1_CreateProjectRequest } from '../../keyturn/v1/CreateProjectRequest';
import type { DeleteKeyRequest__Input as _keyturn_v1_DeleteKeyRequest__Input, DeleteKeyRequest as _keyturn_v1_DeleteKeyRequest } from '../../keyturn/v1/DeleteKeyRequest';
import type { DeleteKeyResponse__Input as _keyturn_v1_DeleteKeyResponse__Input, DeleteKeyResponse as _keyturn_v1_DeleteKeyResponse } from '../../keyturn/v1/DeleteKeyResponse';
import type { GetKeyRequest__Input as _keyturn_v1_GetKeyRequest__Input, GetKeyRequest as _keyturn_v1_GetKeyRequest } from '../../keyturn/v1/GetKeyRequest';
import type { GetOrCreateOrganizationRequest__Input as _keyturn_v1_GetOrCreateOrganizationRequest__Input, GetOrCreateOrganizationRequest as _keyturn_v1_GetOrCreateOrganizationRequest } from '../../keyturn/v1/GetOrCreateOrganizationRequest';
import type { GetOrCreateOrganizationResponse__Input as _keyturn_v1_GetOrCreateOrganizationResponse__Input, GetOrCreateOrganizationResponse as _keyturn_v1_GetOrCreateOrganizationResponse } from '../../keyturn/v1/GetOrCreateOrganizationResponse';
import type { GetOrCreateProductRequest__Input as _keyturn_v1_GetOrCreateProductRequest__Input, GetOrCreateProductRequest as _keyturn_v1_GetOrCreateProductRequest } from '../../keyturn/v1/GetOrCreateProductRequest';
import type { GetOrCreateProductResponse__Input as _keyturn_v1_GetOrCreateProductResponse__Input, GetOrCreateProductResponse as _keyturn_v1_GetOrCreateProductResponse } from '../../keyturn/v1/GetOrCreateProductResponse';
import type { GetOrCreateProjectRequest__Input as _keyturn_v1_GetOrCreateProjectRequest__Input, GetOrCreateProjectRequest as _keyturn_v1_GetOrCreateProjectRequest } from '../../keyturn/v1/GetOrCreateProjectRequest';
import type { GetOrCreateProjectResponse__Input as _keyturn_v1_GetOrCreateProjectResponse__Input, GetOrCreateProjectResponse as _keyturn_v1_GetOrCreateProjectResponse } from '../../keyturn/v1/GetOrCreateProjectResponse';
import type { GetOrganizationRequest__Input as _keyturn_v1_GetOrganizationRequest__Input, GetOrganizationRequest as _keyturn_v1_GetOrganizationRequest } from '../../keyturn/v1/GetOrganizationRequest';
import type { GetProductRequest__Input as _keyturn_v1_GetProductRequest__Input, GetProductRequest as _keyturn_v1_GetProductRequest } from '../../keyturn/v1/GetProductRequest';
import type { GetProjectRequest__Input as _keyturn_v1_GetProjectRequest__Input, GetProjectRequest as _keyturn_v1_GetProjectRequest } from '../../keyturn/v1/GetProjectRequest';
import type { ImportKeysRequest__Input as _keyturn_v1_ImportKeysRequest__Input, ImportKeysRequest as _keyturn_v1_ImportKeysRequest } from '../../keyturn/v1/ImportKeysRequest';
import type { ImportKeysResponse__Input as _keyturn_v1_ImportKeysResponse__Input, ImportKeysResponse as _keyturn_v1_ImportKeysResponse } from '../../keyturn/v1/ImportKeysResponse';
import type { ListKeysRequest__Input as _keyturn_v1_ListKeysRequest__Input, ListKeysRequest as _keyturn_v1_ListKeysRequest } from '../../keyturn/v1/ListKeysRequest';
import type { ListKeysResponse__Input as _keyturn_v1_ListKeysResponse__Input, ListKeysResponse as _keyturn_v1_ListKeysResponse } from '../../keyturn/v1/ListKeysResponse';
import type { ListOrganizationsRequest__Input as _keyturn_v1_ListOrganizationsRequest__Input, ListOrganizationsRequest as _keyturn_v1_ListOrganizationsRequest } from '../../keyturn/v1/ListOrganizationsRequest';
import type { ListOrganizationsResponse__Input as _keyturn_v1_ListOrganizationsResponse__Input, ListOrganizationsResponse as _keyturn_v1_ListOrganizationsResponse } from '../../keyturn/v1/ListOrganizationsResponse';
import type { ListProductsRequest__Input as _keyturn_v1_ListProductsRequest__Input, ListProductsRequest as _keyturn_v1_ListProductsRequest } from '../../keyturn/v1/ListProductsRequest';
import type { ListProductsResponse__Input as _keyturn_v1_ListProductsResponse__Input, ListProductsResponse as _keyturn_v1_ListProductsResponse } from '../../keyturn/v1/ListProductsResponse';
import type { ListProjectsRequest__Input as _keyturn_v1_ListProjectsRequest__Input, ListProjectsRequest as _keyturn_v1_ListProjectsRequest } from '../../keyturn/v1/ListProjectsRequest';
import type { ListProjectsResponse__Input as _keyturn_v1_ListProjectsResponse__Input, ListProjectsResponse as _keyturn_v1_ListProjectsResponse } from '../../keyturn/v1/ListProjectsResponse';
import type { Organization__Input as _keyturn_v1_Organization__Input, Organization as _keyturn_v1_Organization } from '../../keyturn/v1/Organization';
import type { Product__Input as _keyturn_v1_Product__Input, Product as _keyturn_v1_Product } from '../../keyturn/v1/Product';
import type { Project__Input as _keyturn_v1_Project__Input, Project as _keyturn_v1_Project } from '../../keyturn/v1/Project';
import type { ReportLeakedKeysRequest__Input as _keyturn_v1_ReportLeakedKeysRequest__Input, ReportLeakedKeysRequest as _keyturn_v1_ReportLeakedKeysRequest } from '../../keyturn/v1/ReportLeakedKeysRequest';
import type { ReportLeakedKeysResponse__Input as _keyturn_v1_ReportLeakedKeysResponse__Input, ReportLeakedKeysResponse as _keyturn_v1_ReportLeakedKeysResponse } from '../../keyturn/v1/ReportLeakedKeysResponse';
import type { RevealKeyRequest__Input as _keyturn_v1_RevealKeyRequest__Input, RevealKeyRequest as _keyturn_v1_RevealKeyRequest } from '../../keyturn/v1/RevealKeyRequest';
import type { RevealKeyResponse__Input as _keyturn_v1_RevealKeyResponse__Input, RevealKeyResponse as _keyturn_v1_RevealKeyResponse } from '../../keyturn/v1/RevealKeyResponse';
import type { RevokeKeyRequest__Input as _keyturn_v1_RevokeKeyRequest__Input, RevokeKeyRequest as _keyturn_v1_RevokeKeyRequest } from '../../keyturn/v1/RevokeKeyRequest';
import type { RotateKeyRequest__Input as _keyturn_v1_RotateKeyRequest__Input, RotateKeyRequest as _keyturn_v1_RotateKeyRequest } from '../../keyturn/v1/RotateKeyRequest';
import type { RotateKeyResponse__Input as _keyturn_v1_RotateKeyResponse__Input, RotateKeyResponse as _keyturn_v1_RotateKeyResponse } from '../../keyturn/v1/RotateKeyResponse';
import type { UpdateKeyRequest__Input as _keyturn_v1_UpdateKeyRequest__Input, UpdateKeyRequest as _keyturn_v1_UpdateKeyRequest } from '../../keyturn/v1/UpdateKeyRequest';
import type { ValidateKeyRequest__Input as _keyturn_v1_ValidateKeyRequest__Input, ValidateKeyRequest as _keyturn_v1_ValidateKeyRequest } from '../../keyturn/v1/ValidateKeyRequest';
import type { ValidateKeyResponse__Input as _keyturn_v1_ValidateKeyResponse__Input, ValidateKeyResponse as _keyturn_v1_ValidateKeyResponse } from '../../keyturn/v1/ValidateKeyResponse';
import type { ValidateKeysRequest__Input as _keyturn_v1_ValidateKeysRequest__Input, ValidateKeysRequest as _keyturn_v1_ValidateKeysRequest } from '../../keyturn/v1/ValidateKeysRequest';
import type { ValidateKeysResponse__Input as _keyturn_v1_ValidateKeysResponse__Input, ValidateKeysResponse as _keyturn_v1_ValidateKeysResponse } from '../../keyturn/v1/ValidateKeysResponse';
/**
 * KeyService manages tenants (organizations, projects, products) and the API keys issued
 * to them, and validates keys on the hot path.
 *
 * Keys are scoped broad to narrow: organization-wide, project-scoped, product-scoped.
 * Plaintext keys are returned once, by CreateKey and RotateKey, and never stored.
 */
export interface KeyServiceClient extends grpc.Client {
    /**
     * Links a product to a project of the same organization. Idempotent.
     */
    AddProductToProject(argument: _keyturn_v1_AddProductToProjectRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_AddProductToProjectResponse>): grpc.ClientUnaryCall;
    AddProductToProject(argument: _keyturn_v1_AddProductToProjectRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_AddProductToProjectResponse>): grpc.ClientUnaryCall;
    AddProductToProject(argument: _keyturn_v1_AddProductToProjectRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_AddProductToProjectResponse>): grpc.ClientUnaryCall;
    AddProductToProject(argument: _keyturn_v1_AddProductToProjectRequest__Input, callback: grpc.requestCallback<_keyturn_v1_AddProductToProjectResponse>): grpc.ClientUnaryCall;
    /**
     * Links a product to a project of the same organization. Idempotent.
     */
    addProductToProject(argument: _keyturn_v1_AddProductToProjectRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_AddProductToProjectResponse>): grpc.ClientUnaryCall;
    addProductToProject(argument: _keyturn_v1_AddProductToProjectRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_AddProductToProjectResponse>): grpc.ClientUnaryCall;
    addProductToProject(argument: _keyturn_v1_AddProductToProjectRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_AddProductToProjectResponse>): grpc.ClientUnaryCall;
    addProductToProject(argument: _keyturn_v1_AddProductToProjectRequest__Input, callback: grpc.requestCallback<_keyturn_v1_AddProductToProjectResponse>): grpc.ClientUnaryCall;
    /**
     * Issues an API key. The plaintext is in the response once and never again.
     */
    CreateKey(argument: _keyturn_v1_CreateKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreateKeyResponse>): grpc.ClientUnaryCall;
    CreateKey(argument: _keyturn_v1_CreateKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CreateKeyResponse>): grpc.ClientUnaryCall;
    CreateKey(argument: _keyturn_v1_CreateKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreateKeyResponse>): grpc.ClientUnaryCall;
    CreateKey(argument: _keyturn_v1_CreateKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CreateKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Issues an API key. The plaintext is in the response once and never again.
     */
    createKey(argument: _keyturn_v1_CreateKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreateKeyResponse>): grpc.ClientUnaryCall;
    createKey(argument: _keyturn_v1_CreateKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CreateKeyResponse>): grpc.ClientUnaryCall;
    createKey(argument: _keyturn_v1_CreateKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreateKeyResponse>): grpc.ClientUnaryCall;
    createKey(argument: _keyturn_v1_CreateKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CreateKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Creates an organization. ALREADY_EXISTS (metadata `existingId`) on a name collision.
     */
    CreateOrganization(argument: _keyturn_v1_CreateOrganizationRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    CreateOrganization(argument: _keyturn_v1_CreateOrganizationRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    CreateOrganization(argument: _keyturn_v1_CreateOrganizationRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    CreateOrganization(argument: _keyturn_v1_CreateOrganizationRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    /**
     * Creates an organization. ALREADY_EXISTS (metadata `existingId`) on a name collision.
     */
    createOrganization(argument: _keyturn_v1_CreateOrganizationRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    createOrganization(argument: _keyturn_v1_CreateOrganizationRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    createOrganization(argument: _keyturn_v1_CreateOrganizationRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    createOrganization(argument: _keyturn_v1_CreateOrganizationRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    /**
     * Creates a product (a named API surface) in an organization.
     */
    CreateProduct(argument: _keyturn_v1_CreateProductRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    CreateProduct(argument: _keyturn_v1_CreateProductRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    CreateProduct(argument: _keyturn_v1_CreateProductRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    CreateProduct(argument: _keyturn_v1_CreateProductRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    /**
     * Creates a product (a named API surface) in an organization.
     */
    createProduct(argument: _keyturn_v1_CreateProductRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    createProduct(argument: _keyturn_v1_CreateProductRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    createProduct(argument: _keyturn_v1_CreateProductRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    createProduct(argument: _keyturn_v1_CreateProductRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    /**
     * Creates a project in an organization. Names are unique within an organization.
     */
    CreateProject(argument: _keyturn_v1_CreateProjectRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    CreateProject(argument: _keyturn_v1_CreateProjectRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    CreateProject(argument: _keyturn_v1_CreateProjectRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    CreateProject(argument: _keyturn_v1_CreateProjectRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    /**
     * Creates a project in an organization. Names are unique within an organization.
     */
    createProject(argument: _keyturn_v1_CreateProjectRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    createProject(argument: _keyturn_v1_CreateProjectRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    createProject(argument: _keyturn_v1_CreateProjectRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    createProject(argument: _keyturn_v1_CreateProjectRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    /**
     * Deletes a key and its counters for good (erasure). Audit history stays, without secrets.
     */
    DeleteKey(argument: _keyturn_v1_DeleteKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DeleteKeyResponse>): grpc.ClientUnaryCall;
    DeleteKey(argument: _keyturn_v1_DeleteKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_DeleteKeyResponse>): grpc.ClientUnaryCall;
    DeleteKey(argument: _keyturn_v1_DeleteKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DeleteKeyResponse>): grpc.ClientUnaryCall;
    DeleteKey(argument: _keyturn_v1_DeleteKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_DeleteKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Deletes a key and its counters for good (erasure). Audit history stays, without secrets.
     */
    deleteKey(argument: _keyturn_v1_DeleteKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DeleteKeyResponse>): grpc.ClientUnaryCall;
    deleteKey(argument: _keyturn_v1_DeleteKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_DeleteKeyResponse>): grpc.ClientUnaryCall;
    deleteKey(argument: _keyturn_v1_DeleteKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_DeleteKeyResponse>): grpc.ClientUnaryCall;
    deleteKey(argument: _keyturn_v1_DeleteKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_DeleteKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Gets one key by id (never its plaintext or hash).
     */
    GetKey(argument: _keyturn_v1_GetKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    GetKey(argument: _keyturn_v1_GetKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    GetKey(argument: _keyturn_v1_GetKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    GetKey(argument: _keyturn_v1_GetKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    /**
     * Gets one key by id (never its plaintext or hash).
     */
    getKey(argument: _keyturn_v1_GetKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    getKey(argument: _keyturn_v1_GetKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    getKey(argument: _keyturn_v1_GetKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    getKey(argument: _keyturn_v1_GetKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    /**
     * Returns the organization with this name, creating it when absent. Safe to call on
     * every deploy, also concurrently.
     */
    GetOrCreateOrganization(argument: _keyturn_v1_GetOrCreateOrganizationRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateOrganizationResponse>): grpc.ClientUnaryCall;
    GetOrCreateOrganization(argument: _keyturn_v1_GetOrCreateOrganizationRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateOrganizationResponse>): grpc.ClientUnaryCall;
    GetOrCreateOrganization(argument: _keyturn_v1_GetOrCreateOrganizationRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateOrganizationResponse>): grpc.ClientUnaryCall;
    GetOrCreateOrganization(argument: _keyturn_v1_GetOrCreateOrganizationRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateOrganizationResponse>): grpc.ClientUnaryCall;
    /**
     * Returns the organization with this name, creating it when absent. Safe to call on
     * every deploy, also concurrently.
     */
    getOrCreateOrganization(argument: _keyturn_v1_GetOrCreateOrganizationRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateOrganizationResponse>): grpc.ClientUnaryCall;
    getOrCreateOrganization(argument: _keyturn_v1_GetOrCreateOrganizationRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateOrganizationResponse>): grpc.ClientUnaryCall;
    getOrCreateOrganization(argument: _keyturn_v1_GetOrCreateOrganizationRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateOrganizationResponse>): grpc.ClientUnaryCall;
    getOrCreateOrganization(argument: _keyturn_v1_GetOrCreateOrganizationRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateOrganizationResponse>): grpc.ClientUnaryCall;
    /**
     * Returns the product with this name in the organization, creating it when absent.
     */
    GetOrCreateProduct(argument: _keyturn_v1_GetOrCreateProductRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProductResponse>): grpc.ClientUnaryCall;
    GetOrCreateProduct(argument: _keyturn_v1_GetOrCreateProductRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProductResponse>): grpc.ClientUnaryCall;
    GetOrCreateProduct(argument: _keyturn_v1_GetOrCreateProductRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProductResponse>): grpc.ClientUnaryCall;
    GetOrCreateProduct(argument: _keyturn_v1_GetOrCreateProductRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProductResponse>): grpc.ClientUnaryCall;
    /**
     * Returns the product with this name in the organization, creating it when absent.
     */
    getOrCreateProduct(argument: _keyturn_v1_GetOrCreateProductRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProductResponse>): grpc.ClientUnaryCall;
    getOrCreateProduct(argument: _keyturn_v1_GetOrCreateProductRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProductResponse>): grpc.ClientUnaryCall;
    getOrCreateProduct(argument: _keyturn_v1_GetOrCreateProductRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProductResponse>): grpc.ClientUnaryCall;
    getOrCreateProduct(argument: _keyturn_v1_GetOrCreateProductRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProductResponse>): grpc.ClientUnaryCall;
    /**
     * Returns the project with this name in the organization, creating it when absent.
     */
    GetOrCreateProject(argument: _keyturn_v1_GetOrCreateProjectRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProjectResponse>): grpc.ClientUnaryCall;
    GetOrCreateProject(argument: _keyturn_v1_GetOrCreateProjectRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProjectResponse>): grpc.ClientUnaryCall;
    GetOrCreateProject(argument: _keyturn_v1_GetOrCreateProjectRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProjectResponse>): grpc.ClientUnaryCall;
    GetOrCreateProject(argument: _keyturn_v1_GetOrCreateProjectRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProjectResponse>): grpc.ClientUnaryCall;
    /**
     * Returns the project with this name in the organization, creating it when absent.
     */
    getOrCreateProject(argument: _keyturn_v1_GetOrCreateProjectRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProjectResponse>): grpc.ClientUnaryCall;
    getOrCreateProject(argument: _keyturn_v1_GetOrCreateProjectRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProjectResponse>): grpc.ClientUnaryCall;
    getOrCreateProject(argument: _keyturn_v1_GetOrCreateProjectRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProjectResponse>): grpc.ClientUnaryCall;
    getOrCreateProject(argument: _keyturn_v1_GetOrCreateProjectRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GetOrCreateProjectResponse>): grpc.ClientUnaryCall;
    /**
     * Gets one organization by id.
     */
    GetOrganization(argument: _keyturn_v1_GetOrganizationRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    GetOrganization(argument: _keyturn_v1_GetOrganizationRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    GetOrganization(argument: _keyturn_v1_GetOrganizationRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    GetOrganization(argument: _keyturn_v1_GetOrganizationRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    /**
     * Gets one organization by id.
     */
    getOrganization(argument: _keyturn_v1_GetOrganizationRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    getOrganization(argument: _keyturn_v1_GetOrganizationRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    getOrganization(argument: _keyturn_v1_GetOrganizationRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    getOrganization(argument: _keyturn_v1_GetOrganizationRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Organization>): grpc.ClientUnaryCall;
    /**
     * Gets one product by id.
     */
    GetProduct(argument: _keyturn_v1_GetProductRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    GetProduct(argument: _keyturn_v1_GetProductRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    GetProduct(argument: _keyturn_v1_GetProductRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    GetProduct(argument: _keyturn_v1_GetProductRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    /**
     * Gets one product by id.
     */
    getProduct(argument: _keyturn_v1_GetProductRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    getProduct(argument: _keyturn_v1_GetProductRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    getProduct(argument: _keyturn_v1_GetProductRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    getProduct(argument: _keyturn_v1_GetProductRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Product>): grpc.ClientUnaryCall;
    /**
     * Gets one project by id.
     */
    GetProject(argument: _keyturn_v1_GetProjectRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    GetProject(argument: _keyturn_v1_GetProjectRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    GetProject(argument: _keyturn_v1_GetProjectRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    GetProject(argument: _keyturn_v1_GetProjectRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    /**
     * Gets one project by id.
     */
    getProject(argument: _keyturn_v1_GetProjectRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    getProject(argument: _keyturn_v1_GetProjectRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    getProject(argument: _keyturn_v1_GetProjectRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    getProject(argument: _keyturn_v1_GetProjectRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Project>): grpc.ClientUnaryCall;
    /**
     * Imports 1..1000 existing keys from another system by their hashes (SHA-256, SHA-512,
     * HMAC-SHA256 with the request's hmac_secret, bcrypt), each with the settings CreateKey
     * takes. An imported key validates with its old plaintext, whatever its shape, and is
     * re-hashed to Keyturn's keyed hash on its first successful validation. Answered per key,
     * in request order: the new ApiKey or a google.rpc.Status. By default each key stands
     * alone (the good ones are imported, the bad ones get their error); `atomic` imports all
     * or none; `validate_only` checks everything and imports nothing. A request-level fault
     * (no keys, more than 1000, a bad hmac_secret) fails the whole call with INVALID_ARGUMENT.
     * One audit record per imported key (`key.import`), never with a hash or a secret.
     */
    ImportKeys(argument: _keyturn_v1_ImportKeysRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportKeysResponse>): grpc.ClientUnaryCall;
    ImportKeys(argument: _keyturn_v1_ImportKeysRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ImportKeysResponse>): grpc.ClientUnaryCall;
    ImportKeys(argument: _keyturn_v1_ImportKeysRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportKeysResponse>): grpc.ClientUnaryCall;
    ImportKeys(argument: _keyturn_v1_ImportKeysRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ImportKeysResponse>): grpc.ClientUnaryCall;
    /**
     * Imports 1..1000 existing keys from another system by their hashes (SHA-256, SHA-512,
     * HMAC-SHA256 with the request's hmac_secret, bcrypt), each with the settings CreateKey
     * takes. An imported key validates with its old plaintext, whatever its shape, and is
     * re-hashed to Keyturn's keyed hash on its first successful validation. Answered per key,
     * in request order: the new ApiKey or a google.rpc.Status. By default each key stands
     * alone (the good ones are imported, the bad ones get their error); `atomic` imports all
     * or none; `validate_only` checks everything and imports nothing. A request-level fault
     * (no keys, more than 1000, a bad hmac_secret) fails the whole call with INVALID_ARGUMENT.
     * One audit record per imported key (`key.import`), never with a hash or a secret.
     */
    importKeys(argument: _keyturn_v1_ImportKeysRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportKeysResponse>): grpc.ClientUnaryCall;
    importKeys(argument: _keyturn_v1_ImportKeysRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ImportKeysResponse>): grpc.ClientUnaryCall;
    importKeys(argument: _keyturn_v1_ImportKeysRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ImportKeysResponse>): grpc.ClientUnaryCall;
    importKeys(argument: _keyturn_v1_ImportKeysRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ImportKeysResponse>): grpc.ClientUnaryCall;
    /**
     * Lists keys of an organization, project or product, newest first, with filters.
     */
    ListKeys(argument: _keyturn_v1_ListKeysRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListKeysResponse>): grpc.ClientUnaryCall;
    ListKeys(argument: _keyturn_v1_ListKeysRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListKeysResponse>): grpc.ClientUnaryCall;
    ListKeys(argument: _keyturn_v1_ListKeysRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListKeysResponse>): grpc.ClientUnaryCall;
    ListKeys(argument: _keyturn_v1_ListKeysRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListKeysResponse>): grpc.ClientUnaryCall;
    /**
     * Lists keys of an organization, project or product, newest first, with filters.
     */
    listKeys(argument: _keyturn_v1_ListKeysRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListKeysResponse>): grpc.ClientUnaryCall;
    listKeys(argument: _keyturn_v1_ListKeysRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListKeysResponse>): grpc.ClientUnaryCall;
    listKeys(argument: _keyturn_v1_ListKeysRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListKeysResponse>): grpc.ClientUnaryCall;
    listKeys(argument: _keyturn_v1_ListKeysRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListKeysResponse>): grpc.ClientUnaryCall;
    /**
     * Lists organizations visible to the caller, oldest first.
     */
    ListOrganizations(argument: _keyturn_v1_ListOrganizationsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListOrganizationsResponse>): grpc.ClientUnaryCall;
    ListOrganizations(argument: _keyturn_v1_ListOrganizationsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListOrganizationsResponse>): grpc.ClientUnaryCall;
    ListOrganizations(argument: _keyturn_v1_ListOrganizationsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListOrganizationsResponse>): grpc.ClientUnaryCall;
    ListOrganizations(argument: _keyturn_v1_ListOrganizationsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListOrganizationsResponse>): grpc.ClientUnaryCall;
    /**
     * Lists organizations visible to the caller, oldest first.
     */
    listOrganizations(argument: _keyturn_v1_ListOrganizationsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListOrganizationsResponse>): grpc.ClientUnaryCall;
    listOrganizations(argument: _keyturn_v1_ListOrganizationsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListOrganizationsResponse>): grpc.ClientUnaryCall;
    listOrganizations(argument: _keyturn_v1_ListOrganizationsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListOrganizationsResponse>): grpc.ClientUnaryCall;
    listOrganizations(argument: _keyturn_v1_ListOrganizationsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListOrganizationsResponse>): grpc.ClientUnaryCall;
    /**
     * Lists the products of an organization (optionally of one project), oldest first.
     */
    ListProducts(argument: _keyturn_v1_ListProductsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListProductsResponse>): grpc.ClientUnaryCall;
    ListProducts(argument: _keyturn_v1_ListProductsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListProductsResponse>): grpc.ClientUnaryCall;
    ListProducts(argument: _keyturn_v1_ListProductsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListProductsResponse>): grpc.ClientUnaryCall;
    ListProducts(argument: _keyturn_v1_ListProductsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListProductsResponse>): grpc.ClientUnaryCall;
    /**
     * Lists the products of an organization (optionally of one project), oldest first.
     */
    listProducts(argument: _keyturn_v1_ListProductsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListProductsResponse>): grpc.ClientUnaryCall;
    listProducts(argument: _keyturn_v1_ListProductsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListProductsResponse>): grpc.ClientUnaryCall;
    listProducts(argument: _keyturn_v1_ListProductsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListProductsResponse>): grpc.ClientUnaryCall;
    listProducts(argument: _keyturn_v1_ListProductsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListProductsResponse>): grpc.ClientUnaryCall;
    /**
     * Lists the projects of an organization, oldest first.
     */
    ListProjects(argument: _keyturn_v1_ListProjectsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListProjectsResponse>): grpc.ClientUnaryCall;
    ListProjects(argument: _keyturn_v1_ListProjectsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListProjectsResponse>): grpc.ClientUnaryCall;
    ListProjects(argument: _keyturn_v1_ListProjectsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListProjectsResponse>): grpc.ClientUnaryCall;
    ListProjects(argument: _keyturn_v1_ListProjectsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListProjectsResponse>): grpc.ClientUnaryCall;
    /**
     * Lists the projects of an organization, oldest first.
     */
    listProjects(argument: _keyturn_v1_ListProjectsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListProjectsResponse>): grpc.ClientUnaryCall;
    listProjects(argument: _keyturn_v1_ListProjectsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListProjectsResponse>): grpc.ClientUnaryCall;
    listProjects(argument: _keyturn_v1_ListProjectsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListProjectsResponse>): grpc.ClientUnaryCall;
    listProjects(argument: _keyturn_v1_ListProjectsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListProjectsResponse>): grpc.ClientUnaryCall;
    /**
     * Reports strings found where they should not be (a scanner's finds) as leaked keys. The
     * checksum sorts out strings that are not Keyturn keys offline; each key found is revoked
     * or, by its key policy's leaked_key_action, flagged (leak_time set, the key keeps
     * working), and gets a LEAKED key event and an audit record (source, url). Reporting the
     * same key and url again changes nothing. A key the caller may not see is acted upon all
     * the same but answered NOT_FOUND, exactly like a key that does not exist. The candidate
     * strings are never logged or stored.
     */
    ReportLeakedKeys(argument: _keyturn_v1_ReportLeakedKeysRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ReportLeakedKeysResponse>): grpc.ClientUnaryCall;
    ReportLeakedKeys(argument: _keyturn_v1_ReportLeakedKeysRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ReportLeakedKeysResponse>): grpc.ClientUnaryCall;
    ReportLeakedKeys(argument: _keyturn_v1_ReportLeakedKeysRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ReportLeakedKeysResponse>): grpc.ClientUnaryCall;
    ReportLeakedKeys(argument: _keyturn_v1_ReportLeakedKeysRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ReportLeakedKeysResponse>): grpc.ClientUnaryCall;
    /**
     * Reports strings found where they should not be (a scanner's finds) as leaked keys. The
     * checksum sorts out strings that are not Keyturn keys offline; each key found is revoked
     * or, by its key policy's leaked_key_action, flagged (leak_time set, the key keeps
     * working), and gets a LEAKED key event and an audit record (source, url). Reporting the
     * same key and url again changes nothing. A key the caller may not see is acted upon all
     * the same but answered NOT_FOUND, exactly like a key that does not exist. The candidate
     * strings are never logged or stored.
     */
    reportLeakedKeys(argument: _keyturn_v1_ReportLeakedKeysRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ReportLeakedKeysResponse>): grpc.ClientUnaryCall;
    reportLeakedKeys(argument: _keyturn_v1_ReportLeakedKeysRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ReportLeakedKeysResponse>): grpc.ClientUnaryCall;
    reportLeakedKeys(argument: _keyturn_v1_ReportLeakedKeysRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ReportLeakedKeysResponse>): grpc.ClientUnaryCall;
    reportLeakedKeys(argument: _keyturn_v1_ReportLeakedKeysRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ReportLeakedKeysResponse>): grpc.ClientUnaryCall;
    /**
     * Returns the plaintext of a recoverable key (KEY_NOT_RECOVERABLE for any other key).
     * Needs the keys.reveal permission (role KEY_REVEALER; KEY_MANAGER does not have it), is
     * rate-limited per caller (RATE_LIMITED with RetryInfo) and audited as `key.reveal`.
     */
    RevealKey(argument: _keyturn_v1_RevealKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RevealKeyResponse>): grpc.ClientUnaryCall;
    RevealKey(argument: _keyturn_v1_RevealKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_RevealKeyResponse>): grpc.ClientUnaryCall;
    RevealKey(argument: _keyturn_v1_RevealKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RevealKeyResponse>): grpc.ClientUnaryCall;
    RevealKey(argument: _keyturn_v1_RevealKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_RevealKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Returns the plaintext of a recoverable key (KEY_NOT_RECOVERABLE for any other key).
     * Needs the keys.reveal permission (role KEY_REVEALER; KEY_MANAGER does not have it), is
     * rate-limited per caller (RATE_LIMITED with RetryInfo) and audited as `key.reveal`.
     */
    revealKey(argument: _keyturn_v1_RevealKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RevealKeyResponse>): grpc.ClientUnaryCall;
    revealKey(argument: _keyturn_v1_RevealKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_RevealKeyResponse>): grpc.ClientUnaryCall;
    revealKey(argument: _keyturn_v1_RevealKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RevealKeyResponse>): grpc.ClientUnaryCall;
    revealKey(argument: _keyturn_v1_RevealKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_RevealKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Revokes a key (soft, idempotent; the first revoke_time is kept).
     */
    RevokeKey(argument: _keyturn_v1_RevokeKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    RevokeKey(argument: _keyturn_v1_RevokeKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    RevokeKey(argument: _keyturn_v1_RevokeKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    RevokeKey(argument: _keyturn_v1_RevokeKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    /**
     * Revokes a key (soft, idempotent; the first revoke_time is kept).
     */
    revokeKey(argument: _keyturn_v1_RevokeKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    revokeKey(argument: _keyturn_v1_RevokeKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    revokeKey(argument: _keyturn_v1_RevokeKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    revokeKey(argument: _keyturn_v1_RevokeKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    /**
     * Issues a successor key with the same settings; the old key keeps working for a grace
     * period and then expires.
     */
    RotateKey(argument: _keyturn_v1_RotateKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateKeyResponse>): grpc.ClientUnaryCall;
    RotateKey(argument: _keyturn_v1_RotateKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_RotateKeyResponse>): grpc.ClientUnaryCall;
    RotateKey(argument: _keyturn_v1_RotateKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateKeyResponse>): grpc.ClientUnaryCall;
    RotateKey(argument: _keyturn_v1_RotateKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_RotateKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Issues a successor key with the same settings; the old key keeps working for a grace
     * period and then expires.
     */
    rotateKey(argument: _keyturn_v1_RotateKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateKeyResponse>): grpc.ClientUnaryCall;
    rotateKey(argument: _keyturn_v1_RotateKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_RotateKeyResponse>): grpc.ClientUnaryCall;
    rotateKey(argument: _keyturn_v1_RotateKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_RotateKeyResponse>): grpc.ClientUnaryCall;
    rotateKey(argument: _keyturn_v1_RotateKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_RotateKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Updates a key's mutable fields named in update_mask. A revoked key cannot be updated.
     */
    UpdateKey(argument: _keyturn_v1_UpdateKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    UpdateKey(argument: _keyturn_v1_UpdateKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    UpdateKey(argument: _keyturn_v1_UpdateKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    UpdateKey(argument: _keyturn_v1_UpdateKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    /**
     * Updates a key's mutable fields named in update_mask. A revoked key cannot be updated.
     */
    updateKey(argument: _keyturn_v1_UpdateKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    updateKey(argument: _keyturn_v1_UpdateKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    updateKey(argument: _keyturn_v1_UpdateKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    updateKey(argument: _keyturn_v1_UpdateKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ApiKey>): grpc.ClientUnaryCall;
    /**
     * Validates a presented key: shape and checksum, lookup, tenancy/product, revoked,
     * expired, IP allow-list, scopes, rate limit, in that order. The hot path.
     */
    ValidateKey(argument: _keyturn_v1_ValidateKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ValidateKeyResponse>): grpc.ClientUnaryCall;
    ValidateKey(argument: _keyturn_v1_ValidateKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ValidateKeyResponse>): grpc.ClientUnaryCall;
    ValidateKey(argument: _keyturn_v1_ValidateKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ValidateKeyResponse>): grpc.ClientUnaryCall;
    ValidateKey(argument: _keyturn_v1_ValidateKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ValidateKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Validates a presented key: shape and checksum, lookup, tenancy/product, revoked,
     * expired, IP allow-list, scopes, rate limit, in that order. The hot path.
     */
    validateKey(argument: _keyturn_v1_ValidateKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ValidateKeyResponse>): grpc.ClientUnaryCall;
    validateKey(argument: _keyturn_v1_ValidateKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ValidateKeyResponse>): grpc.ClientUnaryCall;
    validateKey(argument: _keyturn_v1_ValidateKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ValidateKeyResponse>): grpc.ClientUnaryCall;
    validateKey(argument: _keyturn_v1_ValidateKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ValidateKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Validates many keys over one stream, for high-volume callers (gateways, middleware).
     * Every request is answered by exactly one response carrying its request_id, in the
     * order the validations finish (not necessarily the order sent), with the result or
     * the error status ValidateKey would give for the same request; audit, rate limits and
     * usage are exactly those of ValidateKey. The caller is authenticated and its
     * permission (keys.validate) checked once, when the stream opens. A message that is not
     * a valid encoding of ValidateKeysRequest ends the stream with INVALID_ARGUMENT. The
     * stream ends when the caller half-closes it and every answer has been sent. gRPC only:
     * a client stream has no REST mapping (use POST /v1/keys:validate there).
     */
    ValidateKeys(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyturn_v1_ValidateKeysRequest__Input, _keyturn_v1_ValidateKeysResponse>;
    ValidateKeys(options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyturn_v1_ValidateKeysRequest__Input, _keyturn_v1_ValidateKeysResponse>;
    /**
     * Validates many keys over one stream, for high-volume callers (gateways, middleware).
     * Every request is answered by exactly one response carrying its request_id, in the
     * order the validations finish (not necessarily the order sent), with the result or
     * the error status ValidateKey would give for the same request; audit, rate limits and
     * usage are exactly those of ValidateKey. The caller is authenticated and its
     * permission (keys.validate) checked once, when the stream opens. A message that is not
     * a valid encoding of ValidateKeysRequest ends the stream with INVALID_ARGUMENT. The
     * stream ends when the caller half-closes it and every answer has been sent. gRPC only:
     * a client stream has no REST mapping (use POST /v1/keys:validate there).
     */
    validateKeys(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyturn_v1_ValidateKeysRequest__Input, _keyturn_v1_ValidateKeysResponse>;
    validateKeys(options?: grpc.CallOptions): grpc.ClientDuplexStream<_keyturn_v1_ValidateKeysRequest__Input, _keyturn_v1_ValidateKeysResponse>;
}
/**
 * KeyService manages tenants (organizations, projects, products) and the API keys issued
 * to them, and validates keys on the hot path.
 *
 * Keys are scoped broad to narrow: organization-wide, project-scoped, product-scoped.
 * Plaintext keys are returned once, by CreateKey and RotateKey, and never stored.
 */
export interface KeyServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Links a product to a project of the same organization. Idempotent.
     */
    AddProductToProject: grpc.handleUnaryCall<_keyturn_v1_AddProductToProjectRequest, _keyturn_v1_AddProductToProjectResponse__Input>;
    /**
     * Issues an API key. The plaintext is in the response once and never again.
     */
    CreateKey: grpc.handleUnaryCall<_keyturn_v1_CreateKeyRequest, _keyturn_v1_CreateKeyResponse__Input>;
    /**
     * Creates an organization. ALREADY_EXISTS (metadata `existingId`) on a name collision.
     */
    CreateOrganization: grpc.handleUnaryCall<_keyturn_v1_CreateOrganizationRequest, _keyturn_v1_Organization__Input>;
    /**
     * Creates a product (a named API surface) in an organization.
     */
    CreateProduct: grpc.handleUnaryCall<_keyturn_v1_CreateProductRequest, _keyturn_v1_Product__Input>;
    /**
     * Creates a project in an organization. Names are unique within an organization.
     */
    CreateProject: grpc.handleUnaryCall<_keyturn_v1_CreateProjectRequest, _keyturn_v1_Project__Input>;
    /**
     * Deletes a key and its counters for good (erasure). Audit history stays, without secrets.
     */
    DeleteKey: grpc.handleUnaryCall<_keyturn_v1_DeleteKeyRequest, _keyturn_v1_DeleteKeyResponse__Input>;
    /**
     * Gets one key by id (never its plaintext or hash).
     */
    GetKey: grpc.handleUnaryCall<_keyturn_v1_GetKeyRequest, _keyturn_v1_ApiKey__Input>;
    /**
     * Returns the organization with this name, creating it when absent. Safe to call on
     * every deploy, also concurrently.
     */
    GetOrCreateOrganization: grpc.handleUnaryCall<_keyturn_v1_GetOrCreateOrganizationRequest, _keyturn_v1_GetOrCreateOrganizationResponse__Input>;
    /**
     * Returns the product with this name in the organization, creating it when absent.
     */
    GetOrCreateProduct: grpc.handleUnaryCall<_keyturn_v1_GetOrCreateProductRequest, _keyturn_v1_GetOrCreateProductResponse__Input>;
    /**
     * Returns the project with this name in the organization, creating it when absent.
     */
    GetOrCreateProject: grpc.handleUnaryCall<_keyturn_v1_GetOrCreateProjectRequest, _keyturn_v1_GetOrCreateProjectResponse__Input>;
    /**
     * Gets one organization by id.
     */
    GetOrganization: grpc.handleUnaryCall<_keyturn_v1_GetOrganizationRequest, _keyturn_v1_Organization__Input>;
    /**
     * Gets one product by id.
     */
    GetProduct: grpc.handleUnaryCall<_keyturn_v1_GetProductRequest, _keyturn_v1_Product__Input>;
    /**
     * Gets one project by id.
     */
    GetProject: grpc.handleUnaryCall<_keyturn_v1_GetProjectRequest, _keyturn_v1_Project__Input>;
    /**
     * Imports 1..1000 existing keys from another system by their hashes (SHA-256, SHA-512,
     * HMAC-SHA256 with the request's hmac_secret, bcrypt), each with the settings CreateKey
     * takes. An imported key validates with its old plaintext, whatever its shape, and is
     * re-hashed to Keyturn's keyed hash on its first successful validation. Answered per key,
     * in request order: the new ApiKey or a google.rpc.Status. By default each key stands
     * alone (the good ones are imported, the bad ones get their error); `atomic` imports all
     * or none; `validate_only` checks everything and imports nothing. A request-level fault
     * (no keys, more than 1000, a bad hmac_secret) fails the whole call with INVALID_ARGUMENT.
     * One audit record per imported key (`key.import`), never with a hash or a secret.
     */
    ImportKeys: grpc.handleUnaryCall<_keyturn_v1_ImportKeysRequest, _keyturn_v1_ImportKeysResponse__Input>;
    /**
     * Lists keys of an organization, project or product, newest first, with filters.
     */
    ListKeys: grpc.handleUnaryCall<_keyturn_v1_ListKeysRequest, _keyturn_v1_ListKeysResponse__Input>;
    /**
     * Lists organizations visible to the caller, oldest first.
     */
    ListOrganizations: grpc.handleUnaryCall<_keyturn_v1_ListOrganizationsRequest, _keyturn_v1_ListOrganizationsResponse__Input>;
    /**
     * Lists the products of an organization (optionally of one project), oldest first.
     */
    ListProducts: grpc.handleUnaryCall<_keyturn_v1_ListProductsRequest, _keyturn_v1_ListProductsResponse__Input>;
    /**
     * Lists the projects of an organization, oldest first.
     */
    ListProjects: grpc.handleUnaryCall<_keyturn_v1_ListProjectsRequest, _keyturn_v1_ListProjectsResponse__Input>;
    /**
     * Reports strings found where they should not be (a scanner's finds) as leaked keys. The
     * checksum sorts out strings that are not Keyturn keys offline; each key found is revoked
     * or, by its key policy's leaked_key_action, flagged (leak_time set, the key keeps
     * working), and gets a LEAKED key event and an audit record (source, url). Reporting the
     * same key and url again changes nothing. A key the caller may not see is acted upon all
     * the same but answered NOT_FOUND, exactly like a key that does not exist. The candidate
     * strings are never logged or stored.
     */
    ReportLeakedKeys: grpc.handleUnaryCall<_keyturn_v1_ReportLeakedKeysRequest, _keyturn_v1_ReportLeakedKeysResponse__Input>;
    /**
     * Returns the plaintext of a recoverable key (KEY_NOT_RECOVERABLE for any other key).
     * Needs the keys.reveal permission (role KEY_REVEALER; KEY_MANAGER does not have it), is
     * rate-limited per caller (RATE_LIMITED with RetryInfo) and audited as `key.reveal`.
     */
    RevealKey: grpc.handleUnaryCall<_keyturn_v1_RevealKeyRequest, _keyturn_v1_RevealKeyResponse__Input>;
    /**
     * Revokes a key (soft, idempotent; the first revoke_time is kept).
     */
    RevokeKey: grpc.handleUnaryCall<_keyturn_v1_RevokeKeyRequest, _keyturn_v1_ApiKey__Input>;
    /**
     * Issues a successor key with the same settings; the old key keeps working for a grace
     * period and then expires.
     */
    RotateKey: grpc.handleUnaryCall<_keyturn_v1_RotateKeyRequest, _keyturn_v1_RotateKeyResponse__Input>;
    /**
     * Updates a key's mutable fields named in update_mask. A revoked key cannot be updated.
     */
    UpdateKey: grpc.handleUnaryCall<_keyturn_v1_UpdateKeyRequest, _keyturn_v1_ApiKey__Input>;
    /**
     * Validates a presented key: shape and checksum, lookup, tenancy/product, revoked,
     * expired, IP allow-list, scopes, rate limit, in that order. The hot path.
     */
    ValidateKey: grpc.handleUnaryCall<_keyturn_v1_ValidateKeyRequest, _keyturn_v1_ValidateKeyResponse__Input>;
    /**
     * Validates many keys over one stream, for high-volume callers (gateways, middleware).
     * Every request is answered by exactly one response carrying its request_id, in the
     * order the validations finish (not necessarily the order sent), with the result or
     * the error status ValidateKey would give for the same request; audit, rate limits and
     * usage are exactly those of ValidateKey. The caller is authenticated and its
     * permission (keys.validate) checked once, when the stream opens. A message that is not
     * a valid encoding of ValidateKeysRequest ends the stream with INVALID_ARGUMENT. The
     * stream ends when the caller half-closes it and every answer has been sent. gRPC only:
     * a client stream has no REST mapping (use POST /v1/keys:validate there).
     */
    ValidateKeys: grpc.handleBidiStreamingCall<_keyturn_v1_ValidateKeysRequest, _keyturn_v1_ValidateKeysResponse__Input>;
}
export interface KeyServiceDefinition extends grpc.ServiceDefinition {
    AddProductToProject: MethodDefinition<_keyturn_v1_AddProductToProjectRequest__Input, _keyturn_v1_AddProductToProjectResponse__Input, _keyturn_v1_AddProductToProjectRequest, _keyturn_v1_AddProductToProjectResponse>;
    CreateKey: MethodDefinition<_keyturn_v1_CreateKeyRequest__Input, _keyturn_v1_CreateKeyResponse__Input, _keyturn_v1_CreateKeyRequest, _keyturn_v1_CreateKeyResponse>;
    CreateOrganization: MethodDefinition<_keyturn_v1_CreateOrganizationRequest__Input, _keyturn_v1_Organization__Input, _keyturn_v1_CreateOrganizationRequest, _keyturn_v1_Organization>;
    CreateProduct: MethodDefinition<_keyturn_v1_CreateProductRequest__Input, _keyturn_v1_Product__Input, _keyturn_v1_CreateProductRequest, _keyturn_v1_Product>;
    CreateProject: MethodDefinition<_keyturn_v1_CreateProjectRequest__Input, _keyturn_v1_Project__Input, _keyturn_v1_CreateProjectRequest, _keyturn_v1_Project>;
    DeleteKey: MethodDefinition<_keyturn_v1_DeleteKeyRequest__Input, _keyturn_v1_DeleteKeyResponse__Input, _keyturn_v1_DeleteKeyRequest, _keyturn_v1_DeleteKeyResponse>;
    GetKey: MethodDefinition<_keyturn_v1_GetKeyRequest__Input, _keyturn_v1_ApiKey__Input, _keyturn_v1_GetKeyRequest, _keyturn_v1_ApiKey>;
    GetOrCreateOrganization: MethodDefinition<_keyturn_v1_GetOrCreateOrganizationRequest__Input, _keyturn_v1_GetOrCreateOrganizationResponse__Input, _keyturn_v1_GetOrCreateOrganizationRequest, _keyturn_v1_GetOrCreateOrganizationResponse>;
    GetOrCreateProduct: MethodDefinition<_keyturn_v1_GetOrCreateProductRequest__Input, _keyturn_v1_GetOrCreateProductResponse__Input, _keyturn_v1_GetOrCreateProductRequest, _keyturn_v1_GetOrCreateProductResponse>;
    GetOrCreateProject: MethodDefinition<_keyturn_v1_GetOrCreateProjectRequest__Input, _keyturn_v1_GetOrCreateProjectResponse__Input, _keyturn_v1_GetOrCreateProjectRequest, _keyturn_v1_GetOrCreateProjectResponse>;
    GetOrganization: MethodDefinition<_keyturn_v1_GetOrganizationRequest__Input, _keyturn_v1_Organization__Input, _keyturn_v1_GetOrganizationRequest, _keyturn_v1_Organization>;
    GetProduct: MethodDefinition<_keyturn_v1_GetProductRequest__Input, _keyturn_v1_Product__Input, _keyturn_v1_GetProductRequest, _keyturn_v1_Product>;
    GetProject: MethodDefinition<_keyturn_v1_GetProjectRequest__Input, _keyturn_v1_Project__Input, _keyturn_v1_GetProjectRequest, _keyturn_v1_Project>;
    ImportKeys: MethodDefinition<_keyturn_v1_ImportKeysRequest__Input, _keyturn_v1_ImportKeysResponse__Input, _keyturn_v1_ImportKeysRequest, _keyturn_v1_ImportKeysResponse>;
    ListKeys: MethodDefinition<_keyturn_v1_ListKeysRequest__Input, _keyturn_v1_ListKeysResponse__Input, _keyturn_v1_ListKeysRequest, _keyturn_v1_ListKeysResponse>;
    ListOrganizations: MethodDefinition<_keyturn_v1_ListOrganizationsRequest__Input, _keyturn_v1_ListOrganizationsResponse__Input, _keyturn_v1_ListOrganizationsRequest, _keyturn_v1_ListOrganizationsResponse>;
    ListProducts: MethodDefinition<_keyturn_v1_ListProductsRequest__Input, _keyturn_v1_ListProductsResponse__Input, _keyturn_v1_ListProductsRequest, _keyturn_v1_ListProductsResponse>;
    ListProjects: MethodDefinition<_keyturn_v1_ListProjectsRequest__Input, _keyturn_v1_ListProjectsResponse__Input, _keyturn_v1_ListProjectsRequest, _keyturn_v1_ListProjectsResponse>;
    ReportLeakedKeys: MethodDefinition<_keyturn_v1_ReportLeakedKeysRequest__Input, _keyturn_v1_ReportLeakedKeysResponse__Input, _keyturn_v1_ReportLeakedKeysRequest, _keyturn_v1_ReportLeakedKeysResponse>;
    RevealKey: MethodDefinition<_keyturn_v1_RevealKeyRequest__Input, _keyturn_v1_RevealKeyResponse__Input, _keyturn_v1_RevealKeyRequest, _keyturn_v1_RevealKeyResponse>;
    RevokeKey: MethodDefinition<_keyturn_v1_RevokeKeyRequest__Input, _keyturn_v1_ApiKey__Input, _keyturn_v1_RevokeKeyRequest, _keyturn_v1_ApiKey>;
    RotateKey: MethodDefinition<_keyturn_v1_RotateKeyRequest__Input, _keyturn_v1_RotateKeyResponse__Input, _keyturn_v1_RotateKeyRequest, _keyturn_v1_RotateKeyResponse>;
    UpdateKey: MethodDefinition<_keyturn_v1_UpdateKeyRequest__Input, _keyturn_v1_ApiKey__Input, _keyturn_v1_UpdateKeyRequest, _keyturn_v1_ApiKey>;
    ValidateKey: MethodDefinition<_keyturn_v1_ValidateKeyRequest__Input, _keyturn_v1_ValidateKeyResponse__Input, _keyturn_v1_ValidateKeyRequest, _keyturn_v1_ValidateKeyResponse>;
    ValidateKeys: MethodDefinition<_keyturn_v1_ValidateKeysRequest__Input, _keyturn_v1_ValidateKeysResponse__Input, _keyturn_v1_ValidateKeysRequest, _keyturn_v1_ValidateKeysResponse>;
}
