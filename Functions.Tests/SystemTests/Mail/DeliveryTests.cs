using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkFunctions.Email;
using NetworkFunctions.Hosting;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;
using NetworkFunctions.Local.Mail;
using NetworkFunctions.Tests.Support;

namespace NetworkFunctions.Tests.SystemTests.Mail;

/// <summary>
/// A step's batch of emails through the production composition root: the real SendGrid client, the local mail sink
/// and sent records in Azurite. Sent a few at a time, each once, across failures and retries.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeliveryTests(MailSinkHost sink) : IClassFixture<MailSinkHost>, IAsyncLifetime
{
    const int Recipients = 24;

    readonly string documents = TestNames.Container("delivery");
    ServiceProvider? services;

    Delivery Delivery => services!.GetRequiredService<Delivery>();

    NetworkStore Store => services!.GetRequiredService<NetworkStore>();

    public async Task InitializeAsync()
    {
        await sink.ResetAsync();
        services = Build(activitySettleSeconds: 0);
    }

    /// <summary>The production composition root on the local mail sink and Azurite, with the activity feed trusted after <paramref name="activitySettleSeconds"/>.</summary>
    ServiceProvider Build(int activitySettleSeconds)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageClients.ConnectionName] = "UseDevelopmentStorage=true",
            ["Network:PublicBaseUrl"] = "http://127.0.0.1:7071",
            ["Network:DocumentsContainer"] = documents,
            ["Email:SenderAddress"] = "netvaerk@example.org",
            ["Email:SendGridApiKey"] = "SG.test",
            ["Email:SendGridHost"] = sink.BaseUrl + "/dev/sendgrid",
            ["Email:SendConcurrency"] = "4",
            ["Email:SendTimeoutSeconds"] = "1",
            ["Email:ActivitySettleSeconds"] = activitySettleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Forms:SigningKey"] = new string('k', 32),
        }).Build();
        return new ServiceCollection().AddLogging().AddSingleton(configuration).AddNetworkFunctions(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient(documents).DeleteIfExistsAsync();
            await services.DisposeAsync();
        }
    }

    static Network Network { get; } = DomainFixtures.Network();

    static IReadOnlyList<EmailMessage> Batch(string kind) =>
        Enumerable.Range(1, Recipients).Select(i => new EmailMessage(
            new Person($"Medlem {i}", $"m{i}.{kind}@example.org"),
            $"Invitation {i}",
            $"<p>Hej {i}</p>",
            $"Hej {i}",
            [],
            new MailKey(Network.Id, 1, kind, $"m{i}", 0))).ToList();

    static string Kind(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];

    static MailKey Notice(string kind) => MailKey.DeliveryNotice(Network.Id, 1, kind, 0);

    async Task<IReadOnlyList<string>> RecipientsAsync(string kind) =>
        (await sink.MessagesAsync()).SelectMany(m => m.To).Where(to => to.Contains($".{kind}@", StringComparison.Ordinal)).ToList();

    async Task ArmAsync(int status, int count, int hangSeconds = 0, bool accept = false)
    {
        using HttpResponseMessage armed = await sink.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { status, count, hangSeconds, accept });
        Assert.Equal(HttpStatusCode.OK, armed.StatusCode);
    }

    [Fact]
    public async Task A_batch_goes_out_once_and_a_second_run_sends_nothing()
    {
        string kind = Kind("once");
        IReadOnlyList<EmailMessage> batch = Batch(kind);

        Assert.Equal(Recipients, await Delivery.SendAsync(Network, batch, Notice(kind)));
        Assert.Equal(0, await Delivery.SendAsync(Network, batch, Notice(kind)));

        IReadOnlyList<string> received = await RecipientsAsync(kind);
        Assert.Equal(Recipients, received.Count);
        Assert.Equal(Recipients, received.Distinct().Count());
        Assert.Equal(Recipients, await Store.CountSentAsync(Network.Id, 1, kind));
    }

    [Fact]
    public async Task A_server_error_is_thrown_after_the_sends_in_flight_are_recorded_and_the_retry_sends_only_the_rest()
    {
        string kind = Kind("retry");
        IReadOnlyList<EmailMessage> batch = Batch(kind);
        await ArmAsync(503, 3);

        var error = await Assert.ThrowsAsync<EmailSendException>(() => Delivery.SendAsync(Network, batch, Notice(kind)));
        Assert.Equal(SendFailure.Transient, error.Failure);
        int recorded = await Store.CountSentAsync(Network.Id, 1, kind);
        Assert.Equal(Recipients - 3, recorded);
        Assert.Equal(Recipients - 3, (await RecipientsAsync(kind)).Count);

        Assert.Equal(3, await Delivery.SendAsync(Network, batch, Notice(kind)));
        IReadOnlyList<string> received = await RecipientsAsync(kind);
        Assert.Equal(Recipients, received.Count);
        Assert.Equal(Recipients, received.Distinct().Count());
    }

    [Fact]
    public async Task A_send_SendGrid_does_not_answer_in_time_is_retried_not_recorded_as_refused()
    {
        string kind = Kind("timeout");
        IReadOnlyList<EmailMessage> batch = Batch(kind);
        await ArmAsync(504, 2, hangSeconds: 10);

        var error = await Assert.ThrowsAsync<EmailSendException>(() => Delivery.SendAsync(Network, batch, Notice(kind)));
        Assert.Equal(HttpStatusCode.RequestTimeout, error.Status);
        Assert.Equal(SendFailure.Transient, error.Failure);
        Assert.Equal(Recipients - 2, await Store.CountSentAsync(Network.Id, 1, kind));

        await RetriedAsync(() => Delivery.SendAsync(Network, batch, Notice(kind)));
        IReadOnlyList<string> received = await RecipientsAsync(kind);
        Assert.Equal(Recipients, received.Count);
        Assert.Equal(Recipients, received.Distinct().Count());
        Assert.Empty(await sink.MessagesAsync(Network.Consultant.Email));
    }

    [Theory]
    [InlineData(500, 0)]
    [InlineData(504, 10)]
    public async Task A_send_SendGrid_took_before_its_answer_was_lost_is_found_in_the_activity_feed_and_not_sent_again(int status, int hangSeconds)
    {
        string kind = Kind("lost");
        IReadOnlyList<EmailMessage> batch = Batch(kind);
        await ArmAsync(status, 3, hangSeconds, accept: true);

        await Assert.ThrowsAsync<EmailSendException>(() => Delivery.SendAsync(Network, batch, Notice(kind)));
        Assert.Equal(Recipients, (await RecipientsAsync(kind)).Count);
        Assert.Equal(Recipients - 3, await Store.CountSentAsync(Network.Id, 1, kind));

        await RetriedAsync(() => Delivery.SendAsync(Network, batch, Notice(kind)));
        IReadOnlyList<string> received = await RecipientsAsync(kind);
        Assert.Equal(Recipients, received.Count);
        Assert.Equal(Recipients, received.Distinct().Count());
        Assert.Equal(Recipients, await Store.CountSentAsync(Network.Id, 1, kind));
    }

    /// <summary>
    /// An activity's message delivered again while its first run is still sending (its visibility ran out): two runs
    /// of one step at once, each finding no record of the mails the other is sending. A mail is claimed by its intent
    /// record, so the run that did not claim it waits for what became of it instead of sending it too.
    /// </summary>
    [Fact]
    public async Task Two_runs_of_one_step_at_once_send_each_mail_once()
    {
        await using ServiceProvider patient = Build(activitySettleSeconds: 60);
        Delivery delivery = patient.GetRequiredService<Delivery>();
        string kind = Kind("twice");
        IReadOnlyList<EmailMessage> batch = Batch(kind);

        Task<int>[] runs = [delivery.SendAsync(Network, batch, Notice(kind)), delivery.SendAsync(Network, batch, Notice(kind))];
        foreach (Task<int> run in runs)
        {
            try
            {
                await run;
            }
            catch (EmailSendException e) when (e.Failure == SendFailure.Transient)
            {
                // The run that found a mail claimed by the other waits for the activity feed; its retry finds the sent record.
            }
        }

        await RetriedAsync(() => delivery.SendAsync(Network, batch, Notice(kind)));
        IReadOnlyList<string> received = await RecipientsAsync(kind);
        Assert.Equal(Recipients, received.Distinct().Count());
        Assert.Equal(Recipients, received.Count);
        Assert.Equal(Recipients, await Store.CountSentAsync(Network.Id, 1, kind));
    }

    /// <summary>
    /// A retry of a step as the orchestration's patience makes it: again after a transient failure. The one-second
    /// send timeout of these tests also bounds the activity-feed lookup, which a busy machine can overrun.
    /// </summary>
    static async Task RetriedAsync(Func<Task<int>> send)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await send();
                return;
            }
            catch (EmailSendException e) when (e.Failure == SendFailure.Transient && attempt < 4)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    [Fact]
    public async Task A_permanent_refusal_is_recorded_reported_once_and_not_retried()
    {
        string kind = Kind("refused");
        IReadOnlyList<EmailMessage> batch = Batch(kind);
        await ArmAsync(400, 2);

        Assert.Equal(Recipients - 2, await Delivery.SendAsync(Network, batch, Notice(kind)));
        Assert.Equal(0, await Delivery.SendAsync(Network, batch, Notice(kind)));

        Assert.Equal(Recipients - 2, (await RecipientsAsync(kind)).Count);
        var notices = (await sink.MessagesAsync(Network.Consultant.Email)).ToList();
        MailboxEntry notice = Assert.Single(notices, m => (m.Html ?? "").Contains($".{kind}@", StringComparison.Ordinal));
        Assert.Equal(2, batch.Count(m => (notice.Html ?? "").Contains(m.To.Email, StringComparison.Ordinal)));
    }
}
