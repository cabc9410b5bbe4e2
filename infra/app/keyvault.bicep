// Key Vault for the application secrets. Access is by Azure RBAC only (no access policies):
// the function app's identity gets Key Vault Secrets User in rbac.bicep and resolves the
// @Microsoft.KeyVault(...) references in its app settings.
//
// A secret is written only when its parameter is non-empty. An empty value leaves the vault as it
// is, so a value set later with `az keyvault secret set` survives the next `azd provision`.

@description('Name of the Key Vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the Key Vault.')
param location string

@description('Tags applied to the Key Vault.')
param tags object = {}

@description('Name of the secret that holds the SendGrid API key.')
param sendGridApiKeySecretName string

@description('Name of the secret that holds the form-signing (HMAC) key.')
param formSigningKeySecretName string

@description('Name of the secret that holds the password SendGrid Inbound Parse sends.')
param inboundSecretSecretName string

@description('SendGrid API key. Empty: the secret is not written (set it afterwards with az keyvault secret set).')
@secure()
param sendGridApiKey string

@description('Form-signing key. Empty: the secret is not written (set it afterwards with az keyvault secret set).')
@secure()
param formSigningKey string

@description('Password SendGrid Inbound Parse sends, at least 16 characters. Empty: the secret is not written (set it afterwards with az keyvault secret set).')
@secure()
param inboundSecret string

@description('Name of the secret that holds the client secret of the console\'s app registration (App Service authentication).')
param consoleClientSecretSecretName string

@description('Client secret of the console\'s app registration. Empty: the secret is not written.')
@secure()
param consoleClientSecret string = ''

// The app refuses a shorter secret (InboundOptions.MinimumSecretLength) and with it every calendar reply.
var inboundSecretMinimumLength = 16

// The template still writes the secrets when this is Disabled: ARM writes them through Key Vault's control
// plane, which the vault's network rules do not cover. `az keyvault secret set` from outside the network does not.
@description('Enabled: reachable over the internet (with Entra ID only). Disabled: only through the private endpoint of network.bicep (vnetEnabled).')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Enabled'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: publicNetworkAccess == 'Disabled' ? 'Deny' : 'Allow'
    }
  }
}

resource sendGridApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridApiKeySecretName
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource formSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(formSigningKey)) {
  parent: vault
  name: formSigningKeySecretName
  properties: {
    value: formSigningKey
    contentType: 'text/plain'
  }
}

resource inboundSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(inboundSecret)) {
  parent: vault
  name: inboundSecretSecretName
  properties: {
    // The length test sits inside the value, not beside the condition: ARM evaluates only the branch of if() it takes.
    value: !empty(inboundSecret) && length(inboundSecret) < inboundSecretMinimumLength
      ? fail('inboundSecret (INBOUND_SECRET) is shorter than ${inboundSecretMinimumLength} characters, which the app refuses: use e.g. openssl rand -hex 24.')
      : inboundSecret
    contentType: 'text/plain'
  }
}

resource consoleClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(consoleClientSecret)) {
  parent: vault
  name: consoleClientSecretSecretName
  properties: {
    value: consoleClientSecret
    contentType: 'text/plain'
  }
}

output name string = vault.name
output resourceId string = vault.id
output vaultUri string = vault.properties.vaultUri
