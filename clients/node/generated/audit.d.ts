// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
import type { CustomHttpPattern__Input as _google_api_CustomHttpPattern__Input, CustomHttpPattern as _google_api_CustomHttpPattern } from './google/api/CustomHttpPattern';
import type { Http__Input as _google_api_Http__Input, Http as _google_api_Http } from './google/api/Http';
import type { HttpRule__Input as _google_api_HttpRule__Input, HttpRule as _google_api_HttpRule } from './google/api/HttpRule';
import type { Any__Input as _google_protobuf_Any__Input, Any as _google_protobuf_Any } from './google/protobuf/Any';
import type { DescriptorProto__Input as _google_protobuf_DescriptorProto__Input, DescriptorProto as _google_protobuf_DescriptorProto } from './google/protobuf/DescriptorProto';
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from './google/protobuf/Duration';
import type { EnumDescriptorProto__Input as _google_protobuf_EnumDescriptorProto__Input, EnumDescriptorProto as _google_protobuf_EnumDescriptorProto } from './google/protobuf/EnumDescriptorProto';
import type { EnumOptions__Input as _google_protobuf_EnumOptions__Input, EnumOptions as _google_protobuf_EnumOptions } from './google/protobuf/EnumOptions';
import type { EnumValueDescriptorProto__Input as _google_protobuf_EnumValueDescriptorProto__Input, EnumValueDescriptorProto as _google_protobuf_EnumValueDescriptorProto } from './google/protobuf/EnumValueDescriptorProto';
import type { EnumValueOptions__Input as _google_protobuf_EnumValueOptions__Input, EnumValueOptions as _google_protobuf_EnumValueOptions } from './google/protobuf/EnumValueOptions';
import type { ExtensionRangeOptions__Input as _google_protobuf_ExtensionRangeOptions__Input, ExtensionRangeOptions as _google_protobuf_ExtensionRangeOptions } from './google/protobuf/ExtensionRangeOptions';
import type { FeatureSet__Input as _google_protobuf_FeatureSet__Input, FeatureSet as _google_protobuf_FeatureSet } from './google/protobuf/FeatureSet';
import type { FeatureSetDefaults__Input as _google_protobuf_FeatureSetDefaults__Input, FeatureSetDefaults as _google_protobuf_FeatureSetDefaults } from './google/protobuf/FeatureSetDefaults';
import type { FieldDescriptorProto__Input as _google_protobuf_FieldDescriptorProto__Input, FieldDescriptorProto as _google_protobuf_FieldDescriptorProto } from './google/protobuf/FieldDescriptorProto';
import type { FieldMask__Input as _google_protobuf_FieldMask__Input, FieldMask as _google_protobuf_FieldMask } from './google/protobuf/FieldMask';
import type { FieldOptions__Input as _google_protobuf_FieldOptions__Input, FieldOptions as _google_protobuf_FieldOptions } from './google/protobuf/FieldOptions';
import type { FileDescriptorProto__Input as _google_protobuf_FileDescriptorProto__Input, FileDescriptorProto as _google_protobuf_FileDescriptorProto } from './google/protobuf/FileDescriptorProto';
import type { FileDescriptorSet__Input as _google_protobuf_FileDescriptorSet__Input, FileDescriptorSet as _google_protobuf_FileDescriptorSet } from './google/protobuf/FileDescriptorSet';
import type { FileOptions__Input as _google_protobuf_FileOptions__Input, FileOptions as _google_protobuf_FileOptions } from './google/protobuf/FileOptions';
import type { GeneratedCodeInfo__Input as _google_protobuf_GeneratedCodeInfo__Input, GeneratedCodeInfo as _google_protobuf_GeneratedCodeInfo } from './google/protobuf/GeneratedCodeInfo';
import type { ListValue__Input as _google_protobuf_ListValue__Input, ListValue as _google_protobuf_ListValue } from './google/protobuf/ListValue';
import type { MessageOptions__Input as _google_protobuf_MessageOptions__Input, MessageOptions as _google_protobuf_MessageOptions } from './google/protobuf/MessageOptions';
import type { MethodDescriptorProto__Input as _google_protobuf_MethodDescriptorProto__Input, MethodDescriptorProto as _google_protobuf_MethodDescriptorProto } from './google/protobuf/MethodDescriptorProto';
import type { MethodOptions__Input as _google_protobuf_MethodOptions__Input, MethodOptions as _google_protobuf_MethodOptions } from './google/protobuf/MethodOptions';
import type { OneofDescriptorProto__Input as _google_protobuf_OneofDescriptorProto__Input, OneofDescriptorProto as _google_protobuf_OneofDescriptorProto } from './google/protobuf/OneofDescriptorProto';
import type { OneofOptions__Input as _google_protobuf_OneofOptions__Input, OneofOptions as _google_protobuf_OneofOptions } from './google/protobuf/OneofOptions';
import type { ServiceDescriptorProto__Input as _google_protobuf_ServiceDescriptorProto__Input, ServiceDescriptorProto as _google_protobuf_ServiceDescriptorProto } from './google/protobuf/ServiceDescriptorProto';
import type { ServiceOptions__Input as _google_protobuf_ServiceOptions__Input, ServiceOptions as _google_protobuf_ServiceOptions } from './google/protobuf/ServiceOptions';
import type { SourceCodeInfo__Input as _google_protobuf_SourceCodeInfo__Input, SourceCodeInfo as _google_protobuf_SourceCodeInfo } from './google/protobuf/SourceCodeInfo';
import type { Struct__Input as _google_protobuf_Struct__Input, Struct as _google_protobuf_Struct } from './google/protobuf/Struct';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from './google/protobuf/Timestamp';
import type { UninterpretedOption__Input as _google_protobuf_UninterpretedOption__Input, UninterpretedOption as _google_protobuf_UninterpretedOption } from './google/protobuf/UninterpretedOption';
import type { Value__Input as _google_protobuf_Value__Input, Value as _google_protobuf_Value } from './google/protobuf/Value';
import type { Status__Input as _google_rpc_Status__Input, Status as _google_rpc_Status } from './google/rpc/Status';
import type { AddProductToProjectRequest__Input as _keyturn_v1_AddProductToProjectRequest__Input, AddProductToProjectRequest as _keyturn_v1_AddProductToProjectRequest } from './keyturn/v1/AddProductToProjectRequest';
import type { AddProductToProjectResponse__Input as _keyturn_v1_AddProductToProjectResponse__Input, AddProductToProjectResponse as _keyturn_v1_AddProductToProjectResponse } from './keyturn/v1/AddProductToProjectResponse';
import type { ApiKey__Input as _keyturn_v1_ApiKey__Input, ApiKey as _keyturn_v1_ApiKey } from './keyturn/v1/ApiKey';
import type { AuditEvent__Input as _keyturn_v1_AuditEvent__Input, AuditEvent as _keyturn_v1_AuditEvent } from './keyturn/v1/AuditEvent';
import type { AuditEventFilter__Input as _keyturn_v1_AuditEventFilter__Input, AuditEventFilter as _keyturn_v1_AuditEventFilter } from './keyturn/v1/AuditEventFilter';
import type { AuditServiceClient as _keyturn_v1_AuditServiceClient, AuditServiceDefinition as _keyturn_v1_AuditServiceDefinition } from './keyturn/v1/AuditService';
import type { CreateKeyRequest__Input as _keyturn_v1_CreateKeyRequest__Input, CreateKeyRequest as _keyturn_v1_CreateKeyRequest } from './keyturn/v1/CreateKeyRequest';
import type { CreateKeyResponse__Input as _keyturn_v1_CreateKeyResponse__Input, CreateKeyResponse as _keyturn_v1_CreateKeyResponse } from './keyturn/v1/CreateKeyResponse';
import type { CreateOrganizationRequest__Input as _keyturn_v1_CreateOrganizationRequest__Input, CreateOrganizationRequest as _keyturn_v1_CreateOrganizationRequest } from './keyturn/v1/CreateOrganizationRequest';
import type { CreateProductRequest__Input as _keyturn_v1_CreateProductRequest__Input, CreateProductRequest as _keyturn_v1_CreateProductRequest } from './keyturn/v1/CreateProductRequest';
import type { CreateProjectRequest__Input as _keyturn_v1_CreateProjectRequest__Input, CreateProjectRequest as _keyturn_v1_CreateProjectRequest } from './keyturn/v1/CreateProjectRequest';
import type { CreditRefill__Input as _keyturn_v1_CreditRefill__Input, CreditRefill as _keyturn_v1_CreditRefill } from './keyturn/v1/CreditRefill';
import type { DeleteKeyRequest__Input as _keyturn_v1_DeleteKeyRequest__Input, DeleteKeyRequest as _keyturn_v1_DeleteKeyRequest } from './keyturn/v1/DeleteKeyRequest';
import type { DeleteKeyResponse__Input as _keyturn_v1_DeleteKeyResponse__Input, DeleteKeyResponse as _keyturn_v1_DeleteKeyResponse } from './keyturn/v1/DeleteKeyResponse';
import type { FieldChange__Input as _keyturn_v1_FieldChange__Input, FieldChange as _keyturn_v1_FieldChange } from './keyturn/v1/FieldChange';
import type { GetKeyRequest__Input as _keyturn_v1_GetKeyRequest__Input, GetKeyRequest as _keyturn_v1_GetKeyRequest } from './keyturn/v1/GetKeyRequest';
import type { GetOrCreateOrganizationRequest__Input as _keyturn_v1_GetOrCreateOrganizationRequest__Input, GetOrCreateOrganizationRequest as _keyturn_v1_GetOrCreateOrganizationRequest } from './keyturn/v1/GetOrCreateOrganizationRequest';
import type { GetOrCreateOrganizationResponse__Input as _keyturn_v1_GetOrCreateOrganizationResponse__Input, GetOrCreateOrganizationResponse as _keyturn_v1_GetOrCreateOrganizationResponse } from './keyturn/v1/GetOrCreateOrganizationResponse';
import type { GetOrCreateProductRequest__Input as _keyturn_v1_GetOrCreateProductRequest__Input, GetOrCreateProductRequest as _keyturn_v1_GetOrCreateProductRequest } from './keyturn/v1/GetOrCreateProductRequest';
import type { GetOrCreateProductResponse__Input as _keyturn_v1_GetOrCreateProductResponse__Input, GetOrCreateProductResponse as _keyturn_v1_GetOrCreateProductResponse } from './keyturn/v1/GetOrCreateProductResponse';
import type { GetOrCreateProjectRequest__Input as _keyturn_v1_GetOrCreateProjectRequest__Input, GetOrCreateProjectRequest as _keyturn_v1_GetOrCreateProjectRequest } from './keyturn/v1/GetOrCreateProjectRequest';
import type { GetOrCreateProjectResponse__Input as _keyturn_v1_GetOrCreateProjectResponse__Input, GetOrCreateProjectResponse as _keyturn_v1_GetOrCreateProjectResponse } from './keyturn/v1/GetOrCreateProjectResponse';
import type { GetOrganizationRequest__Input as _keyturn_v1_GetOrganizationRequest__Input, GetOrganizationRequest as _keyturn_v1_GetOrganizationRequest } from './keyturn/v1/GetOrganizationRequest';
import type { GetProductRequest__Input as _keyturn_v1_GetProductRequest__Input, GetProductRequest as _keyturn_v1_GetProductRequest } from './keyturn/v1/GetProductRequest';
import type { GetProjectRequest__Input as _keyturn_v1_GetProjectRequest__Input, GetProjectRequest as _keyturn_v1_GetProjectRequest } from './keyturn/v1/GetProjectRequest';
import type { GetUsageReportRequest__Input as _keyturn_v1_GetUsageReportRequest__Input, GetUsageReportRequest as _keyturn_v1_GetUsageReportRequest } from './keyturn/v1/GetUsageReportRequest';
import type { GetUsageReportResponse__Input as _keyturn_v1_GetUsageReportResponse__Input, GetUsageReportResponse as _keyturn_v1_GetUsageReportResponse } from './keyturn/v1/GetUsageReportResponse';
import type { ImportKeyResult__Input as _keyturn_v1_ImportKeyResult__Input, ImportKeyResult as _keyturn_v1_ImportKeyResult } from './keyturn/v1/ImportKeyResult';
import type { ImportKeysRequest__Input as _keyturn_v1_ImportKeysRequest__Input, ImportKeysRequest as _keyturn_v1_ImportKeysRequest } from './keyturn/v1/ImportKeysRequest';
import type { ImportKeysResponse__Input as _keyturn_v1_ImportKeysResponse__Input, ImportKeysResponse as _keyturn_v1_ImportKeysResponse } from './keyturn/v1/ImportKeysResponse';
import type { ImportedKey__Input as _keyturn_v1_ImportedKey__Input, ImportedKey as _keyturn_v1_ImportedKey } from './keyturn/v1/ImportedKey';
import type { KeyCredits__Input as _keyturn_v1_KeyCredits__Input, KeyCredits as _keyturn_v1_KeyCredits } from './keyturn/v1/KeyCredits';
import type { KeyMetadata__Input as _keyturn_v1_KeyMetadata__Input, KeyMetadata as _keyturn_v1_KeyMetadata } from './keyturn/v1/KeyMetadata';
import type { KeyRotationPolicy__Input as _keyturn_v1_KeyRotationPolicy__Input, KeyRotationPolicy as _keyturn_v1_KeyRotationPolicy } from './keyturn/v1/KeyRotationPolicy';
import type { KeyServiceClient as _keyturn_v1_KeyServiceClient, KeyServiceDefinition as _keyturn_v1_KeyServiceDefinition } from './keyturn/v1/KeyService';
import type { LeakedKeyCandidate__Input as _keyturn_v1_LeakedKeyCandidate__Input, LeakedKeyCandidate as _keyturn_v1_LeakedKeyCandidate } from './keyturn/v1/LeakedKeyCandidate';
import type { LeakedKeyReport__Input as _keyturn_v1_LeakedKeyReport__Input, LeakedKeyReport as _keyturn_v1_LeakedKeyReport } from './keyturn/v1/LeakedKeyReport';
import type { LimitCost__Input as _keyturn_v1_LimitCost__Input, LimitCost as _keyturn_v1_LimitCost } from './keyturn/v1/LimitCost';
import type { ListAuditEventsRequest__Input as _keyturn_v1_ListAuditEventsRequest__Input, ListAuditEventsRequest as _keyturn_v1_ListAuditEventsRequest } from './keyturn/v1/ListAuditEventsRequest';
import type { ListAuditEventsResponse__Input as _keyturn_v1_ListAuditEventsResponse__Input, ListAuditEventsResponse as _keyturn_v1_ListAuditEventsResponse } from './keyturn/v1/ListAuditEventsResponse';
import type { ListKeysRequest__Input as _keyturn_v1_ListKeysRequest__Input, ListKeysRequest as _keyturn_v1_ListKeysRequest } from './keyturn/v1/ListKeysRequest';
import type { ListKeysResponse__Input as _keyturn_v1_ListKeysResponse__Input, ListKeysResponse as _keyturn_v1_ListKeysResponse } from './keyturn/v1/ListKeysResponse';
import type { ListOrganizationsRequest__Input as _keyturn_v1_ListOrganizationsRequest__Input, ListOrganizationsRequest as _keyturn_v1_ListOrganizationsRequest } from './keyturn/v1/ListOrganizationsRequest';
import type { ListOrganizationsResponse__Input as _keyturn_v1_ListOrganizationsResponse__Input, ListOrganizationsResponse as _keyturn_v1_ListOrganizationsResponse } from './keyturn/v1/ListOrganizationsResponse';
import type { ListProductsRequest__Input as _keyturn_v1_ListProductsRequest__Input, ListProductsRequest as _keyturn_v1_ListProductsRequest } from './keyturn/v1/ListProductsRequest';
import type { ListProductsResponse__Input as _keyturn_v1_ListProductsResponse__Input, ListProductsResponse as _keyturn_v1_ListProductsResponse } from './keyturn/v1/ListProductsResponse';
import type { ListProjectsRequest__Input as _keyturn_v1_ListProjectsRequest__Input, ListProjectsRequest as _keyturn_v1_ListProjectsRequest } from './keyturn/v1/ListProjectsRequest';
import type { ListProjectsResponse__Input as _keyturn_v1_ListProjectsResponse__Input, ListProjectsResponse as _keyturn_v1_ListProjectsResponse } from './keyturn/v1/ListProjectsResponse';
import type { NamedRateLimit__Input as _keyturn_v1_NamedRateLimit__Input, NamedRateLimit as _keyturn_v1_NamedRateLimit } from './keyturn/v1/NamedRateLimit';
import type { Organization__Input as _keyturn_v1_Organization__Input, Organization as _keyturn_v1_Organization } from './keyturn/v1/Organization';
import type { Product__Input as _keyturn_v1_Product__Input, Product as _keyturn_v1_Product } from './keyturn/v1/Product';
import type { Project__Input as _keyturn_v1_Project__Input, Project as _keyturn_v1_Project } from './keyturn/v1/Project';
import type { RateLimit__Input as _keyturn_v1_RateLimit__Input, RateLimit as _keyturn_v1_RateLimit } from './keyturn/v1/RateLimit';
import type { RateLimitStatus__Input as _keyturn_v1_RateLimitStatus__Input, RateLimitStatus as _keyturn_v1_RateLimitStatus } from './keyturn/v1/RateLimitStatus';
import type { ReportLeakedKeysRequest__Input as _keyturn_v1_ReportLeakedKeysRequest__Input, ReportLeakedKeysRequest as _keyturn_v1_ReportLeakedKeysRequest } from './keyturn/v1/ReportLeakedKeysRequest';
import type { ReportLeakedKeysResponse__Input as _keyturn_v1_ReportLeakedKeysResponse__Input, ReportLeakedKeysResponse as _keyturn_v1_ReportLeakedKeysResponse } from './keyturn/v1/ReportLeakedKeysResponse';
import type { RevealKeyRequest__Input as _keyturn_v1_RevealKeyRequest__Input, RevealKeyRequest as _keyturn_v1_RevealKeyRequest } from './keyturn/v1/RevealKeyRequest';
import type { RevealKeyResponse__Input as _keyturn_v1_RevealKeyResponse__Input, RevealKeyResponse as _keyturn_v1_RevealKeyResponse } from './keyturn/v1/RevealKeyResponse';
import type { RevokeKeyRequest__Input as _keyturn_v1_RevokeKeyRequest__Input, RevokeKeyRequest as _keyturn_v1_RevokeKeyRequest } from './keyturn/v1/RevokeKeyRequest';
import type { RotateKeyRequest__Input as _keyturn_v1_RotateKeyRequest__Input, RotateKeyRequest as _keyturn_v1_RotateKeyRequest } from './keyturn/v1/RotateKeyRequest';
import type { RotateKeyResponse__Input as _keyturn_v1_RotateKeyResponse__Input, RotateKeyResponse as _keyturn_v1_RotateKeyResponse } from './keyturn/v1/RotateKeyResponse';
import type { StreamAuditEventsRequest__Input as _keyturn_v1_StreamAuditEventsRequest__Input, StreamAuditEventsRequest as _keyturn_v1_StreamAuditEventsRequest } from './keyturn/v1/StreamAuditEventsRequest';
import type { StreamAuditEventsResponse__Input as _keyturn_v1_StreamAuditEventsResponse__Input, StreamAuditEventsResponse as _keyturn_v1_StreamAuditEventsResponse } from './keyturn/v1/StreamAuditEventsResponse';
import type { UpdateKeyRequest__Input as _keyturn_v1_UpdateKeyRequest__Input, UpdateKeyRequest as _keyturn_v1_UpdateKeyRequest } from './keyturn/v1/UpdateKeyRequest';
import type { UsageBucket__Input as _keyturn_v1_UsageBucket__Input, UsageBucket as _keyturn_v1_UsageBucket } from './keyturn/v1/UsageBucket';
import type { ValidateKeyRequest__Input as _keyturn_v1_ValidateKeyRequest__Input, ValidateKeyRequest as _keyturn_v1_ValidateKeyRequest } from './keyturn/v1/ValidateKeyRequest';
import type { ValidateKeyResponse__Input as _keyturn_v1_ValidateKeyResponse__Input, ValidateKeyResponse as _keyturn_v1_ValidateKeyResponse } from './keyturn/v1/ValidateKeyResponse';
import type { ValidateKeysRequest__Input as _keyturn_v1_ValidateKeysRequest__Input, ValidateKeysRequest as _keyturn_v1_ValidateKeysRequest } from './keyturn/v1/ValidateKeysRequest';
import type { ValidateKeysResponse__Input as _keyturn_v1_ValidateKeysResponse__Input, ValidateKeysResponse as _keyturn_v1_ValidateKeysResponse } from './keyturn/v1/ValidateKeysResponse';
import type { VerifyAuditChainRequest__Input as _keyturn_v1_VerifyAuditChainRequest__Input, VerifyAuditChainRequest as _keyturn_v1_VerifyAuditChainRequest } from './keyturn/v1/VerifyAuditChainRequest';
import type { VerifyAuditChainResponse__Input as _keyturn_v1_VerifyAuditChainResponse__Input, VerifyAuditChainResponse as _keyturn_v1_VerifyAuditChainResponse } from './keyturn/v1/VerifyAuditChainResponse';
type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
    new (...args: ConstructorParameters<Constructor>): Subtype;
};
export interface ProtoGrpcType {
    google: {
        api: {
            CustomHttpPattern: MessageTypeDefinition<_google_api_CustomHttpPattern__Input, _google_api_CustomHttpPattern>;
            FieldBehavior: EnumTypeDefinition;
            Http: MessageTypeDefinition<_google_api_Http__Input, _google_api_Http>;
            HttpRule: MessageTypeDefinition<_google_api_HttpRule__Input, _google_api_HttpRule>;
        };
        protobuf: {
            Any: MessageTypeDefinition<_google_protobuf_Any__Input, _google_protobuf_Any>;
            DescriptorProto: MessageTypeDefinition<_google_protobuf_DescriptorProto__Input, _google_protobuf_DescriptorProto>;
            Duration: MessageTypeDefinition<_google_protobuf_Duration__Input, _google_protobuf_Duration>;
            Edition: EnumTypeDefinition;
            EnumDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumDescriptorProto__Input, _google_protobuf_EnumDescriptorProto>;
            EnumOptions: MessageTypeDefinition<_google_protobuf_EnumOptions__Input, _google_protobuf_EnumOptions>;
            EnumValueDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumValueDescriptorProto__Input, _google_protobuf_EnumValueDescriptorProto>;
            EnumValueOptions: MessageTypeDefinition<_google_protobuf_EnumValueOptions__Input, _google_protobuf_EnumValueOptions>;
            ExtensionRangeOptions: MessageTypeDefinition<_google_protobuf_ExtensionRangeOptions__Input, _google_protobuf_ExtensionRangeOptions>;
            FeatureSet: MessageTypeDefinition<_google_protobuf_FeatureSet__Input, _google_protobuf_FeatureSet>;
            FeatureSetDefaults: MessageTypeDefinition<_google_protobuf_FeatureSetDefaults__Input, _google_protobuf_FeatureSetDefaults>;
            FieldDescriptorProto: MessageTypeDefinition<_google_protobuf_FieldDescriptorProto__Input, _google_protobuf_FieldDescriptorProto>;
            FieldMask: MessageTypeDefinition<_google_protobuf_FieldMask__Input, _google_protobuf_FieldMask>;
            FieldOptions: MessageTypeDefinition<_google_protobuf_FieldOptions__Input, _google_protobuf_FieldOptions>;
            FileDescriptorProto: MessageTypeDefinition<_google_protobuf_FileDescriptorProto__Input, _google_protobuf_FileDescriptorProto>;
            FileDescriptorSet: MessageTypeDefinition<_google_protobuf_FileDescriptorSet__Input, _google_protobuf_FileDescriptorSet>;
            FileOptions: MessageTypeDefinition<_google_protobuf_FileOptions__Input, _google_protobuf_FileOptions>;
            GeneratedCodeInfo: MessageTypeDefinition<_google_protobuf_GeneratedCodeInfo__Input, _google_protobuf_GeneratedCodeInfo>;
            ListValue: MessageTypeDefinition<_google_protobuf_ListValue__Input, _google_protobuf_ListValue>;
            MessageOptions: MessageTypeDefinition<_google_protobuf_MessageOptions__Input, _google_protobuf_MessageOptions>;
            MethodDescriptorProto: MessageTypeDefinition<_google_protobuf_MethodDescriptorProto__Input, _google_protobuf_MethodDescriptorProto>;
            MethodOptions: MessageTypeDefinition<_google_protobuf_MethodOptions__Input, _google_protobuf_MethodOptions>;
            NullValue: EnumTypeDefinition;
            OneofDescriptorProto: MessageTypeDefinition<_google_protobuf_OneofDescriptorProto__Input, _google_protobuf_OneofDescriptorProto>;
            OneofOptions: MessageTypeDefinition<_google_protobuf_OneofOptions__Input, _google_protobuf_OneofOptions>;
            ServiceDescriptorProto: MessageTypeDefinition<_google_protobuf_ServiceDescriptorProto__Input, _google_protobuf_ServiceDescriptorProto>;
            ServiceOptions: MessageTypeDefinition<_google_protobuf_ServiceOptions__Input, _google_protobuf_ServiceOptions>;
            SourceCodeInfo: MessageTypeDefinition<_google_protobuf_SourceCodeInfo__Input, _google_protobuf_SourceCodeInfo>;
            Struct: MessageTypeDefinition<_google_protobuf_Struct__Input, _google_protobuf_Struct>;
            SymbolVisibility: EnumTypeDefinition;
            Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp__Input, _google_protobuf_Timestamp>;
            UninterpretedOption: MessageTypeDefinition<_google_protobuf_UninterpretedOption__Input, _google_protobuf_UninterpretedOption>;
            Value: MessageTypeDefinition<_google_protobuf_Value__Input, _google_protobuf_Value>;
        };
        rpc: {
            Status: MessageTypeDefinition<_google_rpc_Status__Input, _google_rpc_Status>;
        };
    };
    keyturn: {
        v1: {
            AddProductToProjectRequest: MessageTypeDefinition<_keyturn_v1_AddProductToProjectRequest__Input, _keyturn_v1_AddProductToProjectRequest>;
            AddProductToProjectResponse: MessageTypeDefinition<_keyturn_v1_AddProductToProjectResponse__Input, _keyturn_v1_AddProductToProjectResponse>;
            ApiKey: MessageTypeDefinition<_keyturn_v1_ApiKey__Input, _keyturn_v1_ApiKey>;
            AuditEvent: MessageTypeDefinition<_keyturn_v1_AuditEvent__Input, _keyturn_v1_AuditEvent>;
            AuditEventFilter: MessageTypeDefinition<_keyturn_v1_AuditEventFilter__Input, _keyturn_v1_AuditEventFilter>;
            AuditOrder: EnumTypeDefinition;
            AuditOutcome: EnumTypeDefinition;
            AuditResourceType: EnumTypeDefinition;
            /**
             * AuditService reads the tamper-evident record of every key action and access attempt.
             *
             * Management actions are written in the same transaction as the change they describe;
             * access attempts (ValidateKey) are written in batches according to the server's audit
             * level. Events form a SHA-256 hash chain in sequence order.
             */
            AuditService: SubtypeConstructor<typeof grpc.Client, _keyturn_v1_AuditServiceClient> & {
                service: _keyturn_v1_AuditServiceDefinition;
            };
            CreateKeyRequest: MessageTypeDefinition<_keyturn_v1_CreateKeyRequest__Input, _keyturn_v1_CreateKeyRequest>;
            CreateKeyResponse: MessageTypeDefinition<_keyturn_v1_CreateKeyResponse__Input, _keyturn_v1_CreateKeyResponse>;
            CreateOrganizationRequest: MessageTypeDefinition<_keyturn_v1_CreateOrganizationRequest__Input, _keyturn_v1_CreateOrganizationRequest>;
            CreateProductRequest: MessageTypeDefinition<_keyturn_v1_CreateProductRequest__Input, _keyturn_v1_CreateProductRequest>;
            CreateProjectRequest: MessageTypeDefinition<_keyturn_v1_CreateProjectRequest__Input, _keyturn_v1_CreateProjectRequest>;
            CreditRefill: MessageTypeDefinition<_keyturn_v1_CreditRefill__Input, _keyturn_v1_CreditRefill>;
            CreditRefillInterval: EnumTypeDefinition;
            DeleteKeyRequest: MessageTypeDefinition<_keyturn_v1_DeleteKeyRequest__Input, _keyturn_v1_DeleteKeyRequest>;
            DeleteKeyResponse: MessageTypeDefinition<_keyturn_v1_DeleteKeyResponse__Input, _keyturn_v1_DeleteKeyResponse>;
            Environment: EnumTypeDefinition;
            FieldChange: MessageTypeDefinition<_keyturn_v1_FieldChange__Input, _keyturn_v1_FieldChange>;
            GetKeyRequest: MessageTypeDefinition<_keyturn_v1_GetKeyRequest__Input, _keyturn_v1_GetKeyRequest>;
            GetOrCreateOrganizationRequest: MessageTypeDefinition<_keyturn_v1_GetOrCreateOrganizationRequest__Input, _keyturn_v1_GetOrCreateOrganizationRequest>;
            GetOrCreateOrganizationResponse: MessageTypeDefinition<_keyturn_v1_GetOrCreateOrganizationResponse__Input, _keyturn_v1_GetOrCreateOrganizationResponse>;
            GetOrCreateProductRequest: MessageTypeDefinition<_keyturn_v1_GetOrCreateProductRequest__Input, _keyturn_v1_GetOrCreateProductRequest>;
            GetOrCreateProductResponse: MessageTypeDefinition<_keyturn_v1_GetOrCreateProductResponse__Input, _keyturn_v1_GetOrCreateProductResponse>;
            GetOrCreateProjectRequest: MessageTypeDefinition<_keyturn_v1_GetOrCreateProjectRequest__Input, _keyturn_v1_GetOrCreateProjectRequest>;
            GetOrCreateProjectResponse: MessageTypeDefinition<_keyturn_v1_GetOrCreateProjectResponse__Input, _keyturn_v1_GetOrCreateProjectResponse>;
            GetOrganizationRequest: MessageTypeDefinition<_keyturn_v1_GetOrganizationRequest__Input, _keyturn_v1_GetOrganizationRequest>;
            GetProductRequest: MessageTypeDefinition<_keyturn_v1_GetProductRequest__Input, _keyturn_v1_GetProductRequest>;
            GetProjectRequest: MessageTypeDefinition<_keyturn_v1_GetProjectRequest__Input, _keyturn_v1_GetProjectRequest>;
            GetUsageReportRequest: MessageTypeDefinition<_keyturn_v1_GetUsageReportRequest__Input, _keyturn_v1_GetUsageReportRequest>;
            GetUsageReportResponse: MessageTypeDefinition<_keyturn_v1_GetUsageReportResponse__Input, _keyturn_v1_GetUsageReportResponse>;
            ImportKeyResult: MessageTypeDefinition<_keyturn_v1_ImportKeyResult__Input, _keyturn_v1_ImportKeyResult>;
            ImportKeysRequest: MessageTypeDefinition<_keyturn_v1_ImportKeysRequest__Input, _keyturn_v1_ImportKeysRequest>;
            ImportKeysResponse: MessageTypeDefinition<_keyturn_v1_ImportKeysResponse__Input, _keyturn_v1_ImportKeysResponse>;
            ImportedHashAlgorithm: EnumTypeDefinition;
            ImportedKey: MessageTypeDefinition<_keyturn_v1_ImportedKey__Input, _keyturn_v1_ImportedKey>;
            KeyCredits: MessageTypeDefinition<_keyturn_v1_KeyCredits__Input, _keyturn_v1_KeyCredits>;
            KeyMetadata: MessageTypeDefinition<_keyturn_v1_KeyMetadata__Input, _keyturn_v1_KeyMetadata>;
            KeyRotationPolicy: MessageTypeDefinition<_keyturn_v1_KeyRotationPolicy__Input, _keyturn_v1_KeyRotationPolicy>;
            /**
             * KeyService manages tenants (organizations, projects, products) and the API keys issued
             * to them, and validates keys on the hot path.
             *
             * Keys are scoped broad to narrow: organization-wide, project-scoped, product-scoped.
             * Plaintext keys are returned once, by CreateKey and RotateKey, and never stored.
             */
            KeyService: SubtypeConstructor<typeof grpc.Client, _keyturn_v1_KeyServiceClient> & {
                service: _keyturn_v1_KeyServiceDefinition;
            };
            KeyStatus: EnumTypeDefinition;
            KeyStatusFilter: EnumTypeDefinition;
            LeakedKeyCandidate: MessageTypeDefinition<_keyturn_v1_LeakedKeyCandidate__Input, _keyturn_v1_LeakedKeyCandidate>;
            LeakedKeyOutcome: EnumTypeDefinition;
            LeakedKeyReport: MessageTypeDefinition<_keyturn_v1_LeakedKeyReport__Input, _keyturn_v1_LeakedKeyReport>;
            LeakedKeyResult: EnumTypeDefinition;
            LimitCost: MessageTypeDefinition<_keyturn_v1_LimitCost__Input, _keyturn_v1_LimitCost>;
            ListAuditEventsRequest: MessageTypeDefinition<_keyturn_v1_ListAuditEventsRequest__Input, _keyturn_v1_ListAuditEventsRequest>;
            ListAuditEventsResponse: MessageTypeDefinition<_keyturn_v1_ListAuditEventsResponse__Input, _keyturn_v1_ListAuditEventsResponse>;
            ListKeysRequest: MessageTypeDefinition<_keyturn_v1_ListKeysRequest__Input, _keyturn_v1_ListKeysRequest>;
            ListKeysResponse: MessageTypeDefinition<_keyturn_v1_ListKeysResponse__Input, _keyturn_v1_ListKeysResponse>;
            ListOrganizationsRequest: MessageTypeDefinition<_keyturn_v1_ListOrganizationsRequest__Input, _keyturn_v1_ListOrganizationsRequest>;
            ListOrganizationsResponse: MessageTypeDefinition<_keyturn_v1_ListOrganizationsResponse__Input, _keyturn_v1_ListOrganizationsResponse>;
            ListProductsRequest: MessageTypeDefinition<_keyturn_v1_ListProductsRequest__Input, _keyturn_v1_ListProductsRequest>;
            ListProductsResponse: MessageTypeDefinition<_keyturn_v1_ListProductsResponse__Input, _keyturn_v1_ListProductsResponse>;
            ListProjectsRequest: MessageTypeDefinition<_keyturn_v1_ListProjectsRequest__Input, _keyturn_v1_ListProjectsRequest>;
            ListProjectsResponse: MessageTypeDefinition<_keyturn_v1_ListProjectsResponse__Input, _keyturn_v1_ListProjectsResponse>;
            NamedRateLimit: MessageTypeDefinition<_keyturn_v1_NamedRateLimit__Input, _keyturn_v1_NamedRateLimit>;
            Organization: MessageTypeDefinition<_keyturn_v1_Organization__Input, _keyturn_v1_Organization>;
            Product: MessageTypeDefinition<_keyturn_v1_Product__Input, _keyturn_v1_Product>;
            Project: MessageTypeDefinition<_keyturn_v1_Project__Input, _keyturn_v1_Project>;
            RateLimit: MessageTypeDefinition<_keyturn_v1_RateLimit__Input, _keyturn_v1_RateLimit>;
            RateLimitStatus: MessageTypeDefinition<_keyturn_v1_RateLimitStatus__Input, _keyturn_v1_RateLimitStatus>;
            RateLimitWindow: EnumTypeDefinition;
            ReportGranularity: EnumTypeDefinition;
            ReportLeakedKeysRequest: MessageTypeDefinition<_keyturn_v1_ReportLeakedKeysRequest__Input, _keyturn_v1_ReportLeakedKeysRequest>;
            ReportLeakedKeysResponse: MessageTypeDefinition<_keyturn_v1_ReportLeakedKeysResponse__Input, _keyturn_v1_ReportLeakedKeysResponse>;
            RevealKeyRequest: MessageTypeDefinition<_keyturn_v1_RevealKeyRequest__Input, _keyturn_v1_RevealKeyRequest>;
            RevealKeyResponse: MessageTypeDefinition<_keyturn_v1_RevealKeyResponse__Input, _keyturn_v1_RevealKeyResponse>;
            RevokeKeyRequest: MessageTypeDefinition<_keyturn_v1_RevokeKeyRequest__Input, _keyturn_v1_RevokeKeyRequest>;
            RotateKeyRequest: MessageTypeDefinition<_keyturn_v1_RotateKeyRequest__Input, _keyturn_v1_RotateKeyRequest>;
            RotateKeyResponse: MessageTypeDefinition<_keyturn_v1_RotateKeyResponse__Input, _keyturn_v1_RotateKeyResponse>;
            RotationMode: EnumTypeDefinition;
            StreamAuditEventsRequest: MessageTypeDefinition<_keyturn_v1_StreamAuditEventsRequest__Input, _keyturn_v1_StreamAuditEventsRequest>;
            StreamAuditEventsResponse: MessageTypeDefinition<_keyturn_v1_StreamAuditEventsResponse__Input, _keyturn_v1_StreamAuditEventsResponse>;
            UpdateKeyRequest: MessageTypeDefinition<_keyturn_v1_UpdateKeyRequest__Input, _keyturn_v1_UpdateKeyRequest>;
            UsageBucket: MessageTypeDefinition<_keyturn_v1_UsageBucket__Input, _keyturn_v1_UsageBucket>;
            ValidateKeyRequest: MessageTypeDefinition<_keyturn_v1_ValidateKeyRequest__Input, _keyturn_v1_ValidateKeyRequest>;
            ValidateKeyResponse: MessageTypeDefinition<_keyturn_v1_ValidateKeyResponse__Input, _keyturn_v1_ValidateKeyResponse>;
            ValidateKeysRequest: MessageTypeDefinition<_keyturn_v1_ValidateKeysRequest__Input, _keyturn_v1_ValidateKeysRequest>;
            ValidateKeysResponse: MessageTypeDefinition<_keyturn_v1_ValidateKeysResponse__Input, _keyturn_v1_ValidateKeysResponse>;
            VerifyAuditChainRequest: MessageTypeDefinition<_keyturn_v1_VerifyAuditChainRequest__Input, _keyturn_v1_VerifyAuditChainRequest>;
            VerifyAuditChainResponse: MessageTypeDefinition<_keyturn_v1_VerifyAuditChainResponse__Input, _keyturn_v1_VerifyAuditChainResponse>;
        };
    };
}
export {};
