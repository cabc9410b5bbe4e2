// The function app on the Flex Consumption plan (FC1), running the isolated worker on .NET 10.
// It has no secrets in its configuration: storage, Application Insights and Key Vault are all reached
// with the user-assigned managed identity.

// A form-signing key the app no longer signs with but still accepts, until validUntil, on links it signed
// (Forms:PreviousSigningKeys:{id}). Its secret is the Key Vault secret FormSigningKey-<id>.
@export()
@description('A previous form-signing key: its id and the instant until which the app still accepts it.')
type previousSigningKey = {
  @description('The id written into the links the key signed: 1 to 16 letters and digits.')
  @minLength(1)
  @maxLength(16)
  id: string

  @description('ISO 8601 instant (e.g. 2027-03-31T00:00:00Z) after which the app refuses links signed with this key.')
  @minLength(1)
  validUntil: string
}

@description('Name of the function app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object = {}

@description('azd service name the app is tagged with (azure.yaml services key).')
param serviceName string = 'api'

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityResourceId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Name of the storage account (host storage, task hub, documents).')
param storageAccountName string

@description('Blob endpoint of the storage account.')
param blobEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Blob container holding the network documents (Network__DocumentsContainer).')
param documentsContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('URI of the Key Vault, ending with a slash (https://<name>.vault.azure.net/).')
param keyVaultUri string

@description('Name of the Key Vault secret holding the SendGrid API key.')
param sendGridApiKeySecretName string

@description('Name of the Key Vault secret holding the form-signing key.')
param formSigningKeySecretName string

@description('Name of the Key Vault secret holding the password SendGrid Inbound Parse sends.')
param inboundSecretSecretName string

@description('Name of the Key Vault secret holding the client secret of the console\'s app registration.')
param consoleClientSecretSecretName string

@description('Durable task hub name (app setting TaskHubName, read by host.json).')
param taskHubName string

@description('Public base URL for links in emails; empty for https://<default host name>.')
param publicBaseUrl string = ''

@description('Days personal data is kept after a network-year ends.')
param retentionDays int

@description('Sender address of outgoing mail (a SendGrid verified sender).')
param emailSenderAddress string

@description('Sender display name of outgoing mail.')
param emailSenderName string

@description('Id of the current form-signing key (written into tokens, for key rotation).')
param formSigningKeyId string

@description('Verification key of SendGrid\'s signed event webhook; empty turns the webhook off.')
param sendGridEventWebhookPublicKey string = ''

@description('Previous form-signing keys the app still accepts, each until its validUntil; empty for none.')
param previousFormSigningKeys previousSigningKey[] = []

@description('Host name whose MX points at SendGrid Inbound Parse (Inbound__ReplyDomain); empty turns calendar replies off.')
param inboundReplyDomain string = ''

@description('Client id of the Entra ID app registration the console signs in with (App Service authentication); empty turns built-in authentication and the Console__ settings off.')
param consoleClientId string = ''

@description('Object id of the Entra ID group whose members see every network (Console__AdminGroup); empty for none.')
param consoleAdminGroup string = ''

@description('Resource id of the subnet the app joins (Flex Consumption VNet integration); null for none.')
param virtualNetworkSubnetId string?

@description('Memory size of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Maximum number of instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityResourceId
    virtualNetworkSubnetId: virtualNetworkSubnetId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }

  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }
}

// Key Vault references without a version resolve to the latest version of the secret.
var sendGridApiKeyReference = '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${sendGridApiKeySecretName}/)'
var formSigningKeyReference = '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${formSigningKeySecretName}/)'
var inboundSecretReference = '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${inboundSecretSecretName}/)'
var consoleClientSecretReference = '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${consoleClientSecretSecretName}/)'

var baseSettings = {
  // Host storage and the Durable task hub (Azure Storage backend), by managed identity.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  TaskHubName: taskHubName

  // Telemetry, by managed identity (local auth is disabled on the component).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  // DefaultAzureCredential / ManagedIdentityCredential in the app pick the user-assigned identity.
  AZURE_CLIENT_ID: identityClientId

  // Application options.
  Network__PublicBaseUrl: !empty(publicBaseUrl) ? publicBaseUrl : 'https://${functionApp.properties.defaultHostName}'
  Network__DocumentsContainer: documentsContainerName
  Network__RetentionDays: string(retentionDays)
  Email__SenderAddress: emailSenderAddress
  Email__SenderName: emailSenderName
  Email__SendGridApiKey: sendGridApiKeyReference
  Email__EventWebhookPublicKey: sendGridEventWebhookPublicKey
  Forms__SigningKey: formSigningKeyReference
  Forms__SigningKeyId: formSigningKeyId
  Inbound__ReplyDomain: inboundReplyDomain
}

// Calendar replies: the secret SendGrid sends is referenced only while they are on. Off, the endpoint answers 404;
// a reference to a secret that was never written would turn that into 503 and an unresolved setting in the portal.
// On, the reference is set whether or not the secret is in the vault yet: if it is not, the app's health says
// `inbound` degraded and the endpoint answers 503, so SendGrid posts the reply again once the secret is set.
var inboundSettings = !empty(inboundReplyDomain)
  ? {
      Inbound__Secret: inboundSecretReference
    }
  : {}

// Console sign-in: App Service authentication reads the client secret from this app setting (a Key Vault reference,
// resolved by the identity like the others). The app trusts X-MS-CLIENT-PRINCIPAL only with Console__SignIn=AppService
// and only for a principal of this tenant; off, none of these settings exist and the console says sign-in is not configured.
var consoleSecretSettingName = 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
var consoleTenantId = tenant().tenantId
var consoleSettings = !empty(consoleClientId)
  ? {
      Console__SignIn: 'AppService'
      Console__TenantId: consoleTenantId
      Console__AdminGroup: consoleAdminGroup
      MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: consoleClientSecretReference
    }
  : {}

// A previous key's id becomes part of a Key Vault secret name (letters, digits and '-') and of two app setting
// names (letters, digits, '.' and '_'), so only letters and digits fit both, although the app's own rule also
// allows '-' and '_'. Anything else stops the deployment here rather than leaving a setting that cannot resolve.
var keyIdCharacters = split('A B C D E F G H I J K L M N O P Q R S T U V W X Y Z a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9', ' ')
var previousKeySettingList = [
  for key in previousFormSigningKeys: empty(join(split(key.id, keyIdCharacters), ''))
    ? {
        'Forms__PreviousSigningKeys__${key.id}__Key': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${formSigningKeySecretName}-${key.id}/)'
        'Forms__PreviousSigningKeys__${key.id}__ValidUntil': key.validUntil
      }
    : fail('Previous form-signing key id \'${key.id}\': use letters and digits only; Key Vault secret names and app setting names cannot both carry other characters.')
]

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(baseSettings, inboundSettings, consoleSettings, shallowMerge(previousKeySettingList))
}

// Built-in authentication (Easy Auth) with Microsoft Entra ID, for the console only. It stops nobody: the app itself
// sends an unsigned visitor of /api/console/... to /.auth/login/aad, and every other route (member forms, the inbound
// mail and SendGrid event webhooks, health, the function-key API) is answered exactly as without it. Allowing anonymous
// callers everywhere avoids excludedPaths, a list every new public route would have to join. What the platform adds for
// every request is the guarantee the app relies on: it injects X-MS-CLIENT-PRINCIPAL for a signed-in caller and never
// passes one a client sent. No token store: the app reads only that header, never the provider's tokens, and Flex
// Consumption has no shared file system for the store (its blob alternative needs a SAS URL, and shared keys are off).
resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(consoleClientId)) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: consoleClientId
          clientSecretSettingName: consoleSecretSettingName
          // https://login.microsoftonline.com/<tenant>/v2.0 in the public cloud.
          openIdIssuer: '${environment().authentication.loginEndpoint}${consoleTenantId}/v2.0'
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
    httpSettings: {
      requireHttps: true
    }
  }
  // The secret's setting exists before the provider that names it; two config writes on one site also must not race.
  dependsOn: [
    appSettings
  ]
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output uri string = 'https://${functionApp.properties.defaultHostName}'
