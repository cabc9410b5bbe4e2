using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkFunctions.Agenda;
using NetworkFunctions.Changes;
using NetworkFunctions.Email;
using NetworkFunctions.Exports;
using NetworkFunctions.Forms;
using NetworkFunctions.Health;
using NetworkFunctions.Housekeeping;
using NetworkFunctions.Inbound;
using NetworkFunctions.Kickoff;
using NetworkFunctions.MailEvents;
using NetworkFunctions.Minutes;
using NetworkFunctions.Networks;
using NetworkFunctions.NextYear;
using NetworkFunctions.Office;
using NetworkFunctions.Overview;
using NetworkFunctions.Rendering;
using NetworkFunctions.Reports;
using NetworkFunctions.Storage;
using NetworkFunctions.Surveys;
using SendGrid;

namespace NetworkFunctions.Hosting;

public static class ServiceCollectionExtensions
{
    public const string SendGridHttpClient = "SendGrid";

    /// <summary>
    /// The one composition root: the Functions host (<c>Program.cs</c>) and <c>Functions.Local</c> both call this,
    /// so the services the functions see cannot drift between the two.
    /// </summary>
    public static IServiceCollection AddNetworkFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddNetworkTelemetry(configuration);

        services.AddOptions<NetworkOptions>()
            .BindConfiguration(NetworkOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PatienceOptions>()
            .BindConfiguration(PatienceOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.FirstWaitSeconds <= o.LongestWaitSeconds, "Patience:FirstWaitSeconds must not exceed Patience:LongestWaitSeconds.")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<FormOptions>()
            .BindConfiguration(FormOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<InboundOptions>()
            .BindConfiguration(InboundOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<ConsoleOptions>()
            .BindConfiguration(ConsoleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(_ => StorageClients.CreateBlobServiceClient(configuration));
        services.AddSingleton<NetworkStore>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<AgendaDocuments>();
        services.AddSingleton<SurveySummaryDocuments>();
        services.AddSingleton<YearReportDocuments>();
        services.AddSingleton<NetworkExport>();
        services.AddSingleton<IContributionHistory, ContributionHistory>();
        services.AddSingleton<MemberData>();
        services.AddSingleton<MemberErasure>();
        services.AddSingleton<SnapshotReader>();
        services.AddSingleton<EmailHealth>();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(HealthChecks.Storage)
            .AddCheck<EmailHealthCheck>(HealthChecks.Email)
            .AddCheck<FormsHealthCheck>(HealthChecks.Forms)
            .AddCheck<InboundHealthCheck>(HealthChecks.Inbound);
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<MeetingMessages>();
        services.AddSingleton<NetworkMessages>();
        services.AddSingleton<Mailer>();
        services.AddSingleton<Delivery>();
        services.AddSingleton<FormTokens>();
        services.AddSingleton<CheckedAnswers>();
        services.AddSingleton<ReplyAddresses>();
        services.AddSingleton<InboundReplies>();
        services.AddSingleton<FormPages>();
        services.AddSingleton<PreparerLinks>();
        services.AddSingleton<AgendaWorkspacePage>();
        services.AddSingleton<MinutesPages>();
        services.AddSingleton<MinutesDocuments>();
        services.AddSingleton<UndeliverableMail>();
        services.AddSingleton<NetworkStarter>();
        services.AddSingleton<ConsoleTokens>();
        services.AddSingleton<ConsoleGate>();
        services.AddSingleton<ConsolePages>();

        // The console does what the API does by the API's own code: these function classes are its services too.
        services.AddSingleton<ChangeFunctions>();
        services.AddSingleton<ResumeFunction>();
        services.AddSingleton<NextYearFunctions>();
        services.AddSingleton<ExportFunctions>();

        services.AddHttpClient(SendGridHttpClient, (provider, http) =>
            http.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<EmailOptions>>().Value.SendTimeoutSeconds));
        services.AddSingleton<ISendGridClient>(provider =>
        {
            EmailOptions email = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
            HttpClient http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(SendGridHttpClient);
            var options = new SendGridClientOptions { ApiKey = email.SendGridApiKey };
            if (!string.IsNullOrWhiteSpace(email.SendGridHost))
            {
                options.Host = email.SendGridHost;
            }

            return new SendGridClient(http, options);
        });

        return services;
    }
}
