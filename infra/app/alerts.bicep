// The operator's alert: the app logs what waits on a fault or was missed with stable event ids
// (docs/operations.md): 3101 SendGrid refuses the key or sender, 3110 a step waits on a fault, 3111 a step
// was missed. The rule looks for them every 15 minutes, so an operator hears of it even when mail is what broke.

@description('Name of the alert rule.')
param name string

@description('Azure region of the alert rule.')
param location string

@description('Tags applied to the alert resources.')
param tags object = {}

@description('Resource id of the Application Insights component the app logs to.')
param applicationInsightsId string

@description('Address the alert is mailed to (an action group is made for it); empty: the alert shows in Azure Monitor only.')
param alertEmail string = ''

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-${name}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'netfunc'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource faults 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: name
  location: location
  tags: tags
  properties: {
    displayName: 'NetworkFunctions: mail or steps wait on a fault'
    description: 'SendGrid refuses the app\'s key or sender (3101), a step waits on a fault (3110) or a step was missed (3111). See docs/operations.md: resume with POST /api/networks/{id}/resume once the fault is fixed.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'traces | extend EventId = toint(customDimensions["EventId"]) | where EventId in (3101, 3110, 3111) or tostring(customDimensions["EventName"]) in ("SendGridConfiguration", "StepWaiting", "StepMissed")'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: empty(alertEmail) ? [] : [
        actionGroup.id
      ]
    }
  }
}

output alertRuleName string = faults.name
