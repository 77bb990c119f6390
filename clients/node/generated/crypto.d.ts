// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
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
import type { UninterpretedOption__Input as _google_protobuf_UninterpretedOption__Input, UninterpretedOption as _google_protobuf_UninterpretedOption } from './google/protobuf/UninterpretedOption';
import type { CryptoServiceClient as _keyturn_v1_CryptoServiceClient, CryptoServiceDefinition as _keyturn_v1_CryptoServiceDefinition } from './keyturn/v1/CryptoService';
import type { DecryptRequest__Input as _keyturn_v1_DecryptRequest__Input, DecryptRequest as _keyturn_v1_DecryptRequest } from './keyturn/v1/DecryptRequest';
import type { DecryptResponse__Input as _keyturn_v1_DecryptResponse__Input, DecryptResponse as _keyturn_v1_DecryptResponse } from './keyturn/v1/DecryptResponse';
import type { EncryptRequest__Input as _keyturn_v1_EncryptRequest__Input, EncryptRequest as _keyturn_v1_EncryptRequest } from './keyturn/v1/EncryptRequest';
import type { EncryptResponse__Input as _keyturn_v1_EncryptResponse__Input, EncryptResponse as _keyturn_v1_EncryptResponse } from './keyturn/v1/EncryptResponse';
import type { GenerateKeyPairRequest__Input as _keyturn_v1_GenerateKeyPairRequest__Input, GenerateKeyPairRequest as _keyturn_v1_GenerateKeyPairRequest } from './keyturn/v1/GenerateKeyPairRequest';
import type { GenerateKeyPairResponse__Input as _keyturn_v1_GenerateKeyPairResponse__Input, GenerateKeyPairResponse as _keyturn_v1_GenerateKeyPairResponse } from './keyturn/v1/GenerateKeyPairResponse';
import type { GenerateKeyRequest__Input as _keyturn_v1_GenerateKeyRequest__Input, GenerateKeyRequest as _keyturn_v1_GenerateKeyRequest } from './keyturn/v1/GenerateKeyRequest';
import type { GenerateKeyResponse__Input as _keyturn_v1_GenerateKeyResponse__Input, GenerateKeyResponse as _keyturn_v1_GenerateKeyResponse } from './keyturn/v1/GenerateKeyResponse';
type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
    new (...args: ConstructorParameters<Constructor>): Subtype;
};
export interface ProtoGrpcType {
    google: {
        api: {
            FieldBehavior: EnumTypeDefinition;
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
            UninterpretedOption: MessageTypeDefinition<_google_protobuf_UninterpretedOption__Input, _google_protobuf_UninterpretedOption>;
        };
    };
    keyturn: {
        v1: {
            /**
             * CryptoService generates secure tokens and key pairs and performs authenticated
             * encryption. It is stateless: nothing a caller sends to it is stored or logged.
             */
            CryptoService: SubtypeConstructor<typeof grpc.Client, _keyturn_v1_CryptoServiceClient> & {
                service: _keyturn_v1_CryptoServiceDefinition;
            };
            DecryptRequest: MessageTypeDefinition<_keyturn_v1_DecryptRequest__Input, _keyturn_v1_DecryptRequest>;
            DecryptResponse: MessageTypeDefinition<_keyturn_v1_DecryptResponse__Input, _keyturn_v1_DecryptResponse>;
            EllipticCurve: EnumTypeDefinition;
            EncryptRequest: MessageTypeDefinition<_keyturn_v1_EncryptRequest__Input, _keyturn_v1_EncryptRequest>;
            EncryptResponse: MessageTypeDefinition<_keyturn_v1_EncryptResponse__Input, _keyturn_v1_EncryptResponse>;
            GenerateKeyPairRequest: MessageTypeDefinition<_keyturn_v1_GenerateKeyPairRequest__Input, _keyturn_v1_GenerateKeyPairRequest>;
            GenerateKeyPairResponse: MessageTypeDefinition<_keyturn_v1_GenerateKeyPairResponse__Input, _keyturn_v1_GenerateKeyPairResponse>;
            GenerateKeyRequest: MessageTypeDefinition<_keyturn_v1_GenerateKeyRequest__Input, _keyturn_v1_GenerateKeyRequest>;
            GenerateKeyResponse: MessageTypeDefinition<_keyturn_v1_GenerateKeyResponse__Input, _keyturn_v1_GenerateKeyResponse>;
            KeyPairAlgorithm: EnumTypeDefinition;
            TokenType: EnumTypeDefinition;
        };
    };
}
export {};
