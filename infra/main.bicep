// NetworkFunctions on Azure: `azd up` provisions this template, then deploys ./Functions to the
// function app tagged azd-service-name=api. One resource group per azd environment; one module per
// concern under app/. No secret is a default value, an output or an app setting value: the application
// secrets live in Key Vault and the app settings reference them.
targetScope = 'subscription'

import { previousSigningKey } from 'app/functionapp.bicep'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it names the resource group and seeds the unique resource token.')
param environmentName string

@minLength(1)
@description('Azure region for all resources (Flex Consumption must be available there).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Name of the resource group to create; empty for rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the user or service principal running azd (AZURE_PRINCIPAL_ID). It gets Key Vault Secrets Officer so it can set the secrets; empty for none.')
param principalId string = ''

@description('Kind of the principal in principalId: User for a person, ServicePrincipal for a pipeline.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Durable task hub name (app setting TaskHubName, read by host.json as %TaskHubName%).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'NetworkFunctions'

@description('Public base URL used in links in emails (Network__PublicBaseUrl); empty for the function app\'s https default host name.')
param publicBaseUrl string = ''

@description('Days personal data is kept after a network-year ends (Network__RetentionDays).')
@minValue(1)
@maxValue(3650)
param retentionDays int = 365

@description('Sender address of outgoing mail, a SendGrid verified sender (Email__SenderAddress).')
@minLength(3)
param emailSenderAddress string

@description('Sender display name of outgoing mail (Email__SenderName).')
param emailSenderName string = 'NetworkFunctions'

@description('Address the operator\'s alert (mail or steps waiting on a fault, steps missed) is mailed to; empty: the alert shows in Azure Monitor only.')
param alertEmail string = ''

@description('Id of the current form-signing key, written into form tokens (Forms__SigningKeyId).')
param formSigningKeyId string = 'k1'

@description('Verification key of SendGrid\'s signed event webhook (base64, as SendGrid shows it; public, not a secret). Empty: the webhook POST /api/sendgrid/events answers 404.')
param sendGridEventWebhookPublicKey string = ''

@description('Form-signing keys replaced by a rotation that the app still accepts until their validUntil (Forms__PreviousSigningKeys__<id>__*); each key\'s secret is the Key Vault secret FormSigningKey-<id>. See infra/README.md.')
param previousFormSigningKeys previousSigningKey[] = []

@description('Host name whose MX points at SendGrid Inbound Parse, e.g. svar.kommune.dk (Inbound__ReplyDomain): invitations then name a signed reply address there as organizer, so an answer by calendar counts. Empty: off, and the app gets no Inbound__Secret. See infra/README.md, Answers by calendar reply.')
param inboundReplyDomain string = ''

@description('Client id (application id) of the Entra ID app registration the console signs in with, through App Service authentication (authsettingsV2). Empty: no built-in authentication, no Console__ settings, and the console answers that sign-in is not configured. See infra/README.md, Sign-in for the console.')
param consoleClientId string = ''

@description('Object id of the Entra ID group whose members see every network in the console (Console__AdminGroup). Empty: nobody sees every network; each person sees the networks that name them.')
param consoleAdminGroup string = ''

@description('Put the app in a virtual network and reach storage and Key Vault only through private endpoints; both then refuse public network access. See infra/README.md, Network isolation.')
param vnetEnabled bool = false

@description('SendGrid API key, stored as the Key Vault secret SendGridApiKey. Empty: the secret is left as it is in the vault.')
@secure()
param sendGridApiKey string = ''

@description('Form-signing (HMAC) key, stored as the Key Vault secret FormSigningKey. Empty: the secret is left as it is in the vault.')
@secure()
param formSigningKey string = ''

@description('The password SendGrid Inbound Parse sends with each post (at least 16 characters), stored as the Key Vault secret InboundSecret. Empty: the secret is left as it is in the vault.')
@secure()
param inboundSecret string = ''

@description('Client secret of the console\'s app registration, stored as the Key Vault secret ConsoleClientSecret. Required while consoleClientId is set; empty otherwise.')
@secure()
param consoleClientSecret string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

var functionAppName = 'func-api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'
var documentsContainerName = 'network-documents'
var sendGridApiKeySecretName = 'SendGridApiKey'
var formSigningKeySecretName = 'FormSigningKey'
var inboundSecretSecretName = 'InboundSecret'
var consoleClientSecretSecretName = 'ConsoleClientSecret'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    documentsContainerName: documentsContainerName
    publicNetworkAccess: vnetEnabled ? 'Disabled' : 'Enabled'
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    name: 'alert-faults-${resourceToken}'
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsResourceId
    alertEmail: alertEmail
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    sendGridApiKeySecretName: sendGridApiKeySecretName
    formSigningKeySecretName: formSigningKeySecretName
    inboundSecretSecretName: inboundSecretSecretName
    sendGridApiKey: sendGridApiKey
    formSigningKey: formSigningKey
    inboundSecret: inboundSecret
    consoleClientSecretSecretName: consoleClientSecretSecretName
    // Sign-in cannot work without the secret, so a client id without one stops the provision here. The secret is required
    // rather than left to the vault (as the others may be): App Service authentication only reads it at sign-in, so a
    // missing one would show first as a failed sign-in of the director, not in GET /api/health.
    consoleClientSecret: !empty(consoleClientId) && empty(consoleClientSecret)
      ? fail('consoleClientId (CONSOLE_CLIENT_ID) is set but consoleClientSecret (CONSOLE_CLIENT_SECRET) is empty: give the client secret of the app registration, or leave CONSOLE_CLIENT_ID empty to turn console sign-in off. See infra/README.md, Sign-in for the console.')
      : consoleClientSecret
    publicNetworkAccess: vnetEnabled ? 'Disabled' : 'Enabled'
  }
}

module network 'app/network.bicep' = if (vnetEnabled) {
  name: 'network'
  scope: rg
  params: {
    name: 'vnet-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    identityPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module functionApp 'app/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    documentsContainerName: documentsContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultUri: keyVault.outputs.vaultUri
    sendGridApiKeySecretName: sendGridApiKeySecretName
    formSigningKeySecretName: formSigningKeySecretName
    inboundSecretSecretName: inboundSecretSecretName
    consoleClientSecretSecretName: consoleClientSecretSecretName
    taskHubName: taskHubName
    publicBaseUrl: publicBaseUrl
    retentionDays: retentionDays
    emailSenderAddress: emailSenderAddress
    emailSenderName: emailSenderName
    formSigningKeyId: formSigningKeyId
    sendGridEventWebhookPublicKey: sendGridEventWebhookPublicKey
    previousFormSigningKeys: previousFormSigningKeys
    inboundReplyDomain: inboundReplyDomain
    consoleClientId: consoleClientId
    consoleAdminGroup: consoleAdminGroup
    virtualNetworkSubnetId: network.?outputs.appSubnetId
  }
  // The identity must hold its roles before the app first starts and resolves its settings.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.vaultUri
output TASK_HUB_NAME string = taskHubName
output NETWORK_DOCUMENTS_CONTAINER string = documentsContainerName
