using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace NetworkFunctions.Benchmarks;

/// <summary>
/// <c>form-submissions</c>: concurrent members POSTing valid invitation forms to the local host, against the floor of
/// the same number of concurrent raw blob uploads to the same Azurite (a submission must store at least one blob).
/// The baseline is measured before and after the submissions and averaged, so drift on a shared machine shows less.
/// </summary>
public static class FormSubmissionsBenchmark
{
    public static async Task<Figure> RunAsync(LocalSystem system, Sizes sizes, CancellationToken cancellationToken)
    {
        string tag = $"{system.RunId.ToLowerInvariant()}f";
        string networkId = $"{tag}-forms";
        await system.KickoffAsync(Kickoffs.InvitedNow(networkId, tag, sizes.FormMembers, DateTimeOffset.UtcNow), cancellationToken);
        await system.WaitForInvitationsAsync([networkId], sizes.FormMembers, TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(250), cancellationToken);
        IReadOnlyList<Uri> links = await system.FormLinksAsync(tag, cancellationToken);
        if (links.Count < sizes.FormMembers)
        {
            throw new InvalidOperationException($"Found {links.Count} form links in the mailbox, expected {sizes.FormMembers}.");
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = sizes.FormClients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

        async Task<bool> Submit(int client, long i, CancellationToken ct)
        {
            // Each client works through its own members; a member re-submitting replaces the earlier answer (SPEC 2.2).
            Uri link = links[(int)((client + (i * sizes.FormClients)) % links.Count)];
            using var form = new FormUrlEncodedContent(
            [
                new("attendance", "yes"),
                new("type", "theme"),
                new("title", $"Borgerinddragelse i landdistrikterne {i}"),
                new("description", "Hvordan får vi de unge med, når vi samskaber med lokalsamfundet? Erfaringer fra tre landsbyer."),
            ]);
            using HttpResponseMessage response = await http.PostAsync(link, form, ct);
            return response.StatusCode == HttpStatusCode.OK;
        }

        BlobContainerClient container = system.Blobs.GetBlobContainerClient($"{system.RunId.ToLowerInvariant()}-baseline");
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        BinaryData answer = BinaryData.FromString(
            """{"memberId":"m0000000000000000","meeting":1,"attendance":"yes","contributions":[{"type":"theme","title":"Borgerinddragelse i landdistrikterne","description":"Hvordan får vi de unge med, når vi samskaber med lokalsamfundet? Erfaringer fra tre landsbyer."}],"submittedAt":"2027-01-20T08:00:00+00:00"}""");

        async Task<bool> Upload(int client, long i, CancellationToken ct)
        {
            await container.GetBlobClient($"answers/{client}-{i % sizes.FormMembers}.json").UploadAsync(answer, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            }, ct);
            return true;
        }

        // Warm-up: connections, JIT, the store's container check.
        TimeSpan warmUp = TimeSpan.FromSeconds(sizes.Quick ? 2 : 5);
        await ClosedLoop.RunAsync(sizes.FormClients, warmUp, Submit, cancellationToken);
        await ClosedLoop.RunAsync(sizes.FormClients, warmUp, Upload, cancellationToken);

        LoopResult before = await ClosedLoop.RunAsync(sizes.FormClients, sizes.FormDuration, Upload, cancellationToken);
        LoopResult submissions = await ClosedLoop.RunAsync(sizes.FormClients, sizes.FormDuration, Submit, cancellationToken);
        LoopResult after = await ClosedLoop.RunAsync(sizes.FormClients, sizes.FormDuration, Upload, cancellationToken);
        double baseline = (before.PerSecond + after.PerSecond) / 2;

        double p50 = submissions.Percentile(50), p99 = submissions.Percentile(99);
        var figure = new Figure("form-submissions", Math.Round(submissions.PerSecond, 1), "submissions/s", Math.Round(baseline, 1),
            $"raw blob uploads/s to the same Azurite, {sizes.FormClients} concurrent (mean of before and after)", "higher",
            "ratio >= 0.35, p99 < 250 ms, 0 errors")
        {
            Extra =
            {
                ["p50Ms"] = Math.Round(p50, 1),
                ["p99Ms"] = Math.Round(p99, 1),
                ["errors"] = submissions.Errors,
                ["submissions"] = submissions.Succeeded,
                ["clients"] = sizes.FormClients,
                ["members"] = links.Count,
                ["seconds"] = Math.Round(submissions.Elapsed.TotalSeconds, 1),
                ["baselineBefore"] = Math.Round(before.PerSecond, 1),
                ["baselineAfter"] = Math.Round(after.PerSecond, 1),
                ["baselineP50Ms"] = Math.Round(before.Percentile(50), 1),
                ["baselineP99Ms"] = Math.Round(before.Percentile(99), 1),
            },
        };
        if (submissions.FirstError is { } error)
        {
            figure.Extra["firstError"] = error;
        }

        return figure with { MeetsTarget = figure.Ratio >= 0.35 && p99 < 250 && submissions.Errors == 0 };
    }
}
