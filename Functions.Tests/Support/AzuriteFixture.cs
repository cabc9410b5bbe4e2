using Microsoft.Extensions.Logging.Abstractions;
using NetworkFunctions.Local.Azurite;

namespace NetworkFunctions.Tests.Support;

/// <summary>Azurite on its standard ports for the whole test run: reused when running, else started from the repo's npm package.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    AzuriteServer? server;

    public string ConnectionString => server?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    public async Task InitializeAsync() =>
        server = await AzuriteServer.EnsureRunningAsync(
            new AzuriteSettings(Path.Combine(Path.GetTempPath(), "networkfunctions-tests-azurite")), NullLogger.Instance);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
