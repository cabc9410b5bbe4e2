using System.Net.Http.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkFunctions.Local.Mail;
using NetworkFunctions.Tests.Support;
using SendGrid;

namespace NetworkFunctions.Tests.SystemTests.Mail;

/// <summary>
/// A real Kestrel host on a free port with only the mail sink mapped, storing into Azurite (the "azurite" collection
/// keeps it running) in a container of its own, as Functions.Local's composition root would set it up.
/// </summary>
public sealed class MailSinkHost : IAsyncLifetime
{
    private const string StorageConnectionString = "UseDevelopmentStorage=true";

    private WebApplication? app;

    public string Container { get; } = TestNames.Container("mail");

    public string BaseUrl { get; private set; } = "";

    public HttpClient Http { get; private set; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Local:MailboxContainer"] = Container });
        builder.Services.AddSingleton(new BlobServiceClient(StorageConnectionString));
        builder.Services.AddLocalMailSink(builder.Configuration);

        app = builder.Build();
        app.MapLocalMailSink();
        await app.StartAsync();

        BaseUrl = app.Urls.Single().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    /// <summary>The production client, pointed at the sink exactly as Functions.Local configures it.</summary>
    public SendGridClient SendGrid() =>
        new(new SendGridClientOptions { ApiKey = "SG.test", Host = BaseUrl + "/dev/sendgrid" });

    public async Task<IReadOnlyList<MailboxEntry>> MessagesAsync(string? to = null)
    {
        var url = to is null ? "/dev/mailbox/messages" : $"/dev/mailbox/messages?to={Uri.EscapeDataString(to)}";
        return await Http.GetFromJsonAsync<IReadOnlyList<MailboxEntry>>(url) ?? [];
    }

    public async Task ResetAsync()
    {
        (await Http.DeleteAsync("/dev/sendgrid/faults")).EnsureSuccessStatusCode();
        (await Http.DeleteAsync("/dev/mailbox/messages")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is null)
        {
            return;
        }

        await new BlobServiceClient(StorageConnectionString).DeleteBlobContainerAsync(Container);
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
