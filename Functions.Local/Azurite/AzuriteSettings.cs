namespace NetworkFunctions.Local.Azurite;

/// <summary>Where Azurite keeps its data and which ports it serves (blob, then queue, then table).</summary>
public sealed record AzuriteSettings(string DataDirectory, int BlobPort = 10000, int QueuePort = 10001, int TablePort = 10002)
{
    /// <summary>Azurite's documented, public development account key (not a secret).</summary>
    const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public bool UsesStandardPorts => BlobPort == 10000 && QueuePort == 10001 && TablePort == 10002;

    public IReadOnlyList<int> Ports => [BlobPort, QueuePort, TablePort];

    public string ConnectionString => UsesStandardPorts
        ? "UseDevelopmentStorage=true"
        : "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
          $"AccountKey={DevelopmentAccountKey};" +
          $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
          $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
          $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>Ports from a base port: blob = base, queue = base + 1, table = base + 2.</summary>
    public static AzuriteSettings FromBasePort(string dataDirectory, int basePort) =>
        new(dataDirectory, basePort, basePort + 1, basePort + 2);
}
