// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
import type { CustomHttpPattern__Input as _google_api_CustomHttpPattern__Input, CustomHttpPattern as _google_api_CustomHttpPattern } from './google/api/CustomHttpPattern';
import type { Http__Input as _google_api_Http__Input, Http as _google_api_Http } from './google/api/Http';
import type { HttpRule__Input as _google_api_HttpRule__Input, HttpRule as _google_api_HttpRule } from './google/api/HttpRule';
import type { DescriptorProto__Input as _google_protobuf_DescriptorProto__Input, DescriptorProto as _google_protobuf_DescriptorProto } from './google/protobuf/DescriptorProto';
import type { EnumDescriptorProto__Input as _google_protobuf_EnumDescriptorProto__Input, EnumDescriptorProto as _google_protobuf_EnumDescriptorProto } from './google/protobuf/EnumDescriptorProto';
import type { EnumOptions__Input as _google_protobuf_EnumOptions__Input, EnumOptions as _google_protobuf_EnumOptions } from './google/protobuf/EnumOptions';
import type { EnumValueDescriptorProto__Input as _google_protobuf_EnumValueDescriptorProto__Input, EnumValueDescriptorProto as _google_protobuf_EnumValueDescriptorProto } from './google/protobuf/EnumValueDescriptorProto';
import type { EnumValueOptions__Input as _google_protobuf_EnumValueOptions__Input, EnumValueOptions as _google_protobuf_EnumValueOptions } from './google/protobuf/EnumValueOptions';
import type { ExtensionRangeOptions__Input as _google_protobuf_ExtensionRangeOptions__Input, ExtensionRangeOptions as _google_protobuf_ExtensionRangeOptions } from './google/protobuf/ExtensionRangeOptions';
import type { FeatureSet__Input as _google_protobuf_FeatureSet__Input, FeatureSet as _google_protobuf_FeatureSet } from './google/protobuf/FeatureSet';
import type { FeatureSetDefaults__Input as _google_protobuf_FeatureSetDefaults__Input, FeatureSetDefaults as _google_protobuf_FeatureSetDefaults } from './google/protobuf/FeatureSetDefaults';
import type { FieldDescriptorProto__Input as _google_protobuf_FieldDescriptorProto__Input, FieldDescriptorProto as _google_protobuf_FieldDescriptorProto } from './google/protobuf/FieldDescriptorProto';
import type { FieldOptions__Input as _google_protobuf_FieldOptions__Input, FieldOptions as _google_protobuf_FieldOptions } from './google/protobuf/FieldOptions';
import type { FileDescriptorProto__Input as _google_protobuf_FileDescriptorProto__Input, FileDescriptorProto as _google_protobuf_FileDescriptorProto } from './google/protobuf/FileDescriptorProto';
import type { FileDescriptorSet__Input as _google_protobuf_FileDescriptorSet__Input, FileDescriptorSet as _google_protobuf_FileDescriptorSet } from './google/protobuf/FileDescriptorSet';
import type { FileOptions__Input as _google_protobuf_FileOptions__Input, FileOptions as _google_protobuf_FileOptions } from './google/protobuf/FileOptions';
import type { GeneratedCodeInfo__Input as _google_protobuf_GeneratedCodeInfo__Input, GeneratedCodeInfo as _google_protobuf_GeneratedCodeInfo } from './google/protobuf/GeneratedCodeInfo';
import type { MessageOptions__Input as _google_protobuf_MessageOptions__Input, MessageOptions as _google_protobuf_MessageOptions } from './google/protobuf/MessageOptions';
import type { MethodDescriptorProto__Input as _google_protobuf_MethodDescriptorProto__Input, MethodDescriptorProto as _google_protobuf_MethodDescriptorProto } from './google/protobuf/MethodDescriptorProto';
import type { MethodOptions__Input as _google_protobuf_MethodOptions__Input, MethodOptions as _google_protobuf_MethodOptions } from './google/protobuf/MethodOptions';
import type { OneofDescriptorProto__Input as _google_protobuf_OneofDescriptorProto__Input, OneofDescriptorProto as _google_protobuf_OneofDescriptorProto } from './google/protobuf/OneofDescriptorProto';
import type { OneofOptions__Input as _google_protobuf_OneofOptions__Input, OneofOptions as _google_protobuf_OneofOptions } from './google/protobuf/OneofOptions';
import type { ServiceDescriptorProto__Input as _google_protobuf_ServiceDescriptorProto__Input, ServiceDescriptorProto as _google_protobuf_ServiceDescriptorProto } from './google/protobuf/ServiceDescriptorProto';
import type { ServiceOptions__Input as _google_protobuf_ServiceOptions__Input, ServiceOptions as _google_protobuf_ServiceOptions } from './google/protobuf/ServiceOptions';
import type { SourceCodeInfo__Input as _google_protobuf_SourceCodeInfo__Input, SourceCodeInfo as _google_protobuf_SourceCodeInfo } from './google/protobuf/SourceCodeInfo';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from './google/protobuf/Timestamp';
import type { UninterpretedOption__Input as _google_protobuf_UninterpretedOption__Input, UninterpretedOption as _google_protobuf_UninterpretedOption } from './google/protobuf/UninterpretedOption';
import type { AccessServiceClient as _keyturn_v1_AccessServiceClient, AccessServiceDefinition as _keyturn_v1_AccessServiceDefinition } from './keyturn/v1/AccessService';
import type { CreatePrincipalRequest__Input as _keyturn_v1_CreatePrincipalRequest__Input, CreatePrincipalRequest as _keyturn_v1_CreatePrincipalRequest } from './keyturn/v1/CreatePrincipalRequest';
import type { CreatePrincipalTokenRequest__Input as _keyturn_v1_CreatePrincipalTokenRequest__Input, CreatePrincipalTokenRequest as _keyturn_v1_CreatePrincipalTokenRequest } from './keyturn/v1/CreatePrincipalTokenRequest';
import type { CreatePrincipalTokenResponse__Input as _keyturn_v1_CreatePrincipalTokenResponse__Input, CreatePrincipalTokenResponse as _keyturn_v1_CreatePrincipalTokenResponse } from './keyturn/v1/CreatePrincipalTokenResponse';
import type { GetCallerIdentityRequest__Input as _keyturn_v1_GetCallerIdentityRequest__Input, GetCallerIdentityRequest as _keyturn_v1_GetCallerIdentityRequest } from './keyturn/v1/GetCallerIdentityRequest';
import type { GetCallerIdentityResponse__Input as _keyturn_v1_GetCallerIdentityResponse__Input, GetCallerIdentityResponse as _keyturn_v1_GetCallerIdentityResponse } from './keyturn/v1/GetCallerIdentityResponse';
import type { GetPrincipalRequest__Input as _keyturn_v1_GetPrincipalRequest__Input, GetPrincipalRequest as _keyturn_v1_GetPrincipalRequest } from './keyturn/v1/GetPrincipalRequest';
import type { ListPrincipalTokensRequest__Input as _keyturn_v1_ListPrincipalTokensRequest__Input, ListPrincipalTokensRequest as _keyturn_v1_ListPrincipalTokensRequest } from './keyturn/v1/ListPrincipalTokensRequest';
import type { ListPrincipalTokensResponse__Input as _keyturn_v1_ListPrincipalTokensResponse__Input, ListPrincipalTokensResponse as _keyturn_v1_ListPrincipalTokensResponse } from './keyturn/v1/ListPrincipalTokensResponse';
import type { ListPrincipalsRequest__Input as _keyturn_v1_ListPrincipalsRequest__Input, ListPrincipalsRequest as _keyturn_v1_ListPrincipalsRequest } from './keyturn/v1/ListPrincipalsRequest';
import type { ListPrincipalsResponse__Input as _keyturn_v1_ListPrincipalsResponse__Input, ListPrincipalsResponse as _keyturn_v1_ListPrincipalsResponse } from './keyturn/v1/ListPrincipalsResponse';
import type { Principal__Input as _keyturn_v1_Principal__Input, Principal as _keyturn_v1_Principal } from './keyturn/v1/Principal';
import type { PrincipalToken__Input as _keyturn_v1_PrincipalToken__Input, PrincipalToken as _keyturn_v1_PrincipalToken } from './keyturn/v1/PrincipalToken';
import type { RevokePrincipalTokenRequest__Input as _keyturn_v1_RevokePrincipalTokenRequest__Input, RevokePrincipalTokenRequest as _keyturn_v1_RevokePrincipalTokenRequest } from './keyturn/v1/RevokePrincipalTokenRequest';
import type { RoleBinding__Input as _keyturn_v1_RoleBinding__Input, RoleBinding as _keyturn_v1_RoleBinding } from './keyturn/v1/RoleBinding';
import type { UpdatePrincipalRequest__Input as _keyturn_v1_UpdatePrincipalRequest__Input, UpdatePrincipalRequest as _keyturn_v1_UpdatePrincipalRequest } from './keyturn/v1/UpdatePrincipalRequest';
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
            DescriptorProto: MessageTypeDefinition<_google_protobuf_DescriptorProto__Input, _google_protobuf_DescriptorProto>;
            Edition: EnumTypeDefinition;
            EnumDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumDescriptorProto__Input, _google_protobuf_EnumDescriptorProto>;
            EnumOptions: MessageTypeDefinition<_google_protobuf_EnumOptions__Input, _google_protobuf_EnumOptions>;
            EnumValueDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumValueDescriptorProto__Input, _google_protobuf_EnumValueDescriptorProto>;
            EnumValueOptions: MessageTypeDefinition<_google_protobuf_EnumValueOptions__Input, _google_protobuf_EnumValueOptions>;
            ExtensionRangeOptions: MessageTypeDefinition<_google_protobuf_ExtensionRangeOptions__Input, _google_protobuf_ExtensionRangeOptions>;
            FeatureSet: MessageTypeDefinition<_google_protobuf_FeatureSet__Input, _google_protobuf_FeatureSet>;
            FeatureSetDefaults: MessageTypeDefinition<_google_protobuf_FeatureSetDefaults__Input, _google_protobuf_FeatureSetDefaults>;
            FieldDescriptorProto: MessageTypeDefinition<_google_protobuf_FieldDescriptorProto__Input, _google_protobuf_FieldDescriptorProto>;
            FieldOptions: MessageTypeDefinition<_google_protobuf_FieldOptions__Input, _google_protobuf_FieldOptions>;
            FileDescriptorProto: MessageTypeDefinition<_google_protobuf_FileDescriptorProto__Input, _google_protobuf_FileDescriptorProto>;
            FileDescriptorSet: MessageTypeDefinition<_google_protobuf_FileDescriptorSet__Input, _google_protobuf_FileDescriptorSet>;
            FileOptions: MessageTypeDefinition<_google_protobuf_FileOptions__Input, _google_protobuf_FileOptions>;
            GeneratedCodeInfo: MessageTypeDefinition<_google_protobuf_GeneratedCodeInfo__Input, _google_protobuf_GeneratedCodeInfo>;
            MessageOptions: MessageTypeDefinition<_google_protobuf_MessageOptions__Input, _google_protobuf_MessageOptions>;
            MethodDescriptorProto: MessageTypeDefinition<_google_protobuf_MethodDescriptorProto__Input, _google_protobuf_MethodDescriptorProto>;
            MethodOptions: MessageTypeDefinition<_google_protobuf_MethodOptions__Input, _google_protobuf_MethodOptions>;
            OneofDescriptorProto: MessageTypeDefinition<_google_protobuf_OneofDescriptorProto__Input, _google_protobuf_OneofDescriptorProto>;
            OneofOptions: MessageTypeDefinition<_google_protobuf_OneofOptions__Input, _google_protobuf_OneofOptions>;
            ServiceDescriptorProto: MessageTypeDefinition<_google_protobuf_ServiceDescriptorProto__Input, _google_protobuf_ServiceDescriptorProto>;
            ServiceOptions: MessageTypeDefinition<_google_protobuf_ServiceOptions__Input, _google_protobuf_ServiceOptions>;
            SourceCodeInfo: MessageTypeDefinition<_google_protobuf_SourceCodeInfo__Input, _google_protobuf_SourceCodeInfo>;
            SymbolVisibility: EnumTypeDefinition;
            Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp__Input, _google_protobuf_Timestamp>;
            UninterpretedOption: MessageTypeDefinition<_google_protobuf_UninterpretedOption__Input, _google_protobuf_UninterpretedOption>;
        };
    };
    keyturn: {
        v1: {
            /**
             * AccessService manages who may call Keyturn: principals, their roles and their tokens.
             *
             * Every RPC of every Keyturn service (except health checking and reflection) requires an
             * authenticated caller: `authorization: Bearer <token>` metadata carrying a principal
             * token (`kta_...`), or a TLS client certificate mapped to a principal.
             */
            AccessService: SubtypeConstructor<typeof grpc.Client, _keyturn_v1_AccessServiceClient> & {
                service: _keyturn_v1_AccessServiceDefinition;
            };
            CreatePrincipalRequest: MessageTypeDefinition<_keyturn_v1_CreatePrincipalRequest__Input, _keyturn_v1_CreatePrincipalRequest>;
            CreatePrincipalTokenRequest: MessageTypeDefinition<_keyturn_v1_CreatePrincipalTokenRequest__Input, _keyturn_v1_CreatePrincipalTokenRequest>;
            CreatePrincipalTokenResponse: MessageTypeDefinition<_keyturn_v1_CreatePrincipalTokenResponse__Input, _keyturn_v1_CreatePrincipalTokenResponse>;
            GetCallerIdentityRequest: MessageTypeDefinition<_keyturn_v1_GetCallerIdentityRequest__Input, _keyturn_v1_GetCallerIdentityRequest>;
            GetCallerIdentityResponse: MessageTypeDefinition<_keyturn_v1_GetCallerIdentityResponse__Input, _keyturn_v1_GetCallerIdentityResponse>;
            GetPrincipalRequest: MessageTypeDefinition<_keyturn_v1_GetPrincipalRequest__Input, _keyturn_v1_GetPrincipalRequest>;
            ListPrincipalTokensRequest: MessageTypeDefinition<_keyturn_v1_ListPrincipalTokensRequest__Input, _keyturn_v1_ListPrincipalTokensRequest>;
            ListPrincipalTokensResponse: MessageTypeDefinition<_keyturn_v1_ListPrincipalTokensResponse__Input, _keyturn_v1_ListPrincipalTokensResponse>;
            ListPrincipalsRequest: MessageTypeDefinition<_keyturn_v1_ListPrincipalsRequest__Input, _keyturn_v1_ListPrincipalsRequest>;
            ListPrincipalsResponse: MessageTypeDefinition<_keyturn_v1_ListPrincipalsResponse__Input, _keyturn_v1_ListPrincipalsResponse>;
            Principal: MessageTypeDefinition<_keyturn_v1_Principal__Input, _keyturn_v1_Principal>;
            PrincipalToken: MessageTypeDefinition<_keyturn_v1_PrincipalToken__Input, _keyturn_v1_PrincipalToken>;
            RevokePrincipalTokenRequest: MessageTypeDefinition<_keyturn_v1_RevokePrincipalTokenRequest__Input, _keyturn_v1_RevokePrincipalTokenRequest>;
            Role: EnumTypeDefinition;
            RoleBinding: MessageTypeDefinition<_keyturn_v1_RoleBinding__Input, _keyturn_v1_RoleBinding>;
            UpdatePrincipalRequest: MessageTypeDefinition<_keyturn_v1_UpdatePrincipalRequest__Input, _keyturn_v1_UpdatePrincipalRequest>;
        };
    };
}
export {};
