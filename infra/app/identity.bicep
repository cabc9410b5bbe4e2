// User-assigned managed identity: the one identity the function app uses for storage, Key Vault,
// Application Insights. Roles are granted in rbac.bicep.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output name string = identity.name
output resourceId string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
