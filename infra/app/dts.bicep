// Durable Task Scheduler (optional backend for Durable Functions, selected with
// useDurableTaskScheduler in main.bicep). The function app reaches it with its user-assigned
// identity, which gets Durable Task Data Contributor on the scheduler.

@description('Name of the Durable Task Scheduler.')
param name string

@description('Name of the task hub inside the scheduler (the app setting TaskHubName uses the same name).')
param taskHubName string

@description('Azure region of the scheduler.')
param location string

@description('Tags applied to the scheduler.')
param tags object = {}

@description('Scheduler SKU: Consumption (pay per action) or Dedicated.')
@allowed([
  'Consumption'
  'Dedicated'
])
param skuName string = 'Consumption'

@description('IP ranges (CIDR) allowed to reach the scheduler endpoint.')
param ipAllowlist array = [
  '0.0.0.0/0'
]

@description('Principal (object) id of the function app\'s user-assigned managed identity.')
param identityPrincipalId string

@description('Principal (object) id of the user or service principal running the deployment (dashboard access); empty for none.')
param deployerPrincipalId string = ''

@description('Kind of the deploying principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

// Durable Task Data Contributor (built-in role).
var durableTaskDataContributor = '0ad04412-c4d5-4796-b79c-f76d14c8d402'

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    ipAllowlist: ipAllowlist
    sku: {
      name: skuName
    }
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: taskHubName
}

resource identityRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(scheduler.id, identityPrincipalId, durableTaskDataContributor)
  scope: scheduler
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', durableTaskDataContributor)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(scheduler.id, deployerPrincipalId, durableTaskDataContributor)
  scope: scheduler
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', durableTaskDataContributor)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

output name string = scheduler.name
output endpoint string = scheduler.properties.endpoint
output taskHubName string = taskHub.name
