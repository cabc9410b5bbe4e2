namespace NetworkFunctions.Local.Durable;

/// <summary>Which storage the Durable Task engine keeps orchestration state in.</summary>
public enum DurableBackend
{
    /// <summary>The Azure Storage provider Durable Functions uses in Azure, on Azurite: state survives restarts.</summary>
    AzureStorage,

    /// <summary>In process memory: fast, for tests that do not restart the host.</summary>
    InMemory,
}
