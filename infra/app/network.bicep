// The virtual network behind vnetEnabled (main.bicep). The function app joins the app subnet, which is
// delegated to Microsoft.App/environments as Flex Consumption's VNet integration requires, and reaches blob,
// queue, table and Key Vault through private endpoints in the second subnet. Each endpoint registers its
// address in the matching privatelink DNS zone, and the zones are linked to the network, so the ordinary
// host names (st….blob.core.windows.net, kv-….vault.azure.net) resolve to private addresses inside it.

@description('Name of the virtual network.')
param name string

@description('Azure region of the network and the private endpoints.')
param location string

@description('Tags applied to the network resources.')
param tags object = {}

@description('Name of the storage account reached through the blob, queue and table private endpoints.')
param storageAccountName string

@description('Name of the Key Vault reached through a private endpoint.')
param keyVaultName string

@description('Address space of the virtual network.')
param addressPrefix string = '10.0.0.0/16'

@description('Address range of the subnet the function app joins (delegated to Microsoft.App/environments).')
param appSubnetPrefix string = '10.0.1.0/24'

@description('Address range of the subnet holding the private endpoints.')
param privateEndpointSubnetPrefix string = '10.0.2.0/24'

var appSubnetName = 'snet-app'
var privateEndpointSubnetName = 'snet-private-endpoints'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

// One private endpoint per service the app reaches. The zone names are Azure's privatelink zones, built
// from the cloud's own suffixes: Key Vault's zone is privatelink.vaultcore.<suffix>, not privatelink.vault.<suffix>.
var endpoints = [
  {
    service: 'blob'
    zone: 'privatelink.blob.${environment().suffixes.storage}'
  }
  {
    service: 'queue'
    zone: 'privatelink.queue.${environment().suffixes.storage}'
  }
  {
    service: 'table'
    zone: 'privatelink.table.${environment().suffixes.storage}'
  }
  {
    service: 'vault'
    zone: 'privatelink${replace(environment().suffixes.keyvaultDns, '.vault.', '.vaultcore.')}'
  }
]

resource network 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: appSubnetName
  }

  resource privateEndpointSubnet 'subnets' existing = {
    name: privateEndpointSubnetName
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2020-06-01' = [
  for endpoint in endpoints: {
    name: endpoint.zone
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = [
  for (endpoint, i) in endpoints: {
    parent: zones[i]
    name: name
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: network.id
      }
    }
  }
]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2024-01-01' = [
  for endpoint in endpoints: {
    name: 'pe-${endpoint.service}-${name}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: network::privateEndpointSubnet.id
      }
      privateLinkServiceConnections: [
        {
          name: 'pe-${endpoint.service}-${name}'
          properties: {
            privateLinkServiceId: endpoint.service == 'vault' ? vault.id : storage.id
            groupIds: [
              endpoint.service
            ]
          }
        }
      ]
    }
  }
]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-01-01' = [
  for (endpoint, i) in endpoints: {
    parent: privateEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: endpoint.service
          properties: {
            privateDnsZoneId: zones[i].id
          }
        }
      ]
    }
  }
]

output name string = network.name
output appSubnetId string = network::appSubnet.id
