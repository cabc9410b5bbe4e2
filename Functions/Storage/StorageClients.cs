using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace NetworkFunctions.Storage;

/// <summary>
/// Builds the Blob client from the same settings the Functions host reads for <c>AzureWebJobsStorage</c>:
/// a connection string (Azurite locally), or identity-based settings in Azure
/// (<c>AzureWebJobsStorage__blobServiceUri</c> or <c>__accountName</c>, with <c>__clientId</c> for a user-assigned identity).
/// </summary>
public static class StorageClients
{
    public const string ConnectionName = "AzureWebJobsStorage";

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration)
    {
        string? connectionString = configuration[ConnectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new BlobServiceClient(connectionString);
        }

        IConfigurationSection section = configuration.GetSection(ConnectionName);
        string? serviceUri = section["blobServiceUri"];
        string? accountName = section["accountName"];
        if (string.IsNullOrWhiteSpace(serviceUri) && string.IsNullOrWhiteSpace(accountName))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{ConnectionName}' to a connection string, or '{ConnectionName}__blobServiceUri' / '{ConnectionName}__accountName' for a managed identity.");
        }

        Uri uri = !string.IsNullOrWhiteSpace(serviceUri)
            ? new Uri(serviceUri)
            : new Uri($"https://{accountName}.blob.core.windows.net");
        return new BlobServiceClient(uri, CreateCredential(section["clientId"]));
    }

    static TokenCredential CreateCredential(string? clientId) =>
        string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}
