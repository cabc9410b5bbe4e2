using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NetworkFunctions.Local.Mail;

/// <summary>
/// The local SendGrid-compatible mail sink (spec §6): the real SendGrid client is pointed at <c>/dev/sendgrid</c>,
/// and what it sends lands in the mailbox at <c>/dev/mailbox</c>.
/// </summary>
public static class MailSinkExtensions
{
    /// <summary>
    /// Registers the mailbox and the failure switch. Uses the <see cref="BlobServiceClient"/> the composition root
    /// registers; the container is <c>Local:MailboxContainer</c> (default <c>dev-mailbox</c>), created when first used.
    /// </summary>
    public static IServiceCollection AddLocalMailSink(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailSinkOptions>()
            .Bind(configuration.GetSection(MailSinkOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MailFaultSwitch>();
        services.TryAddSingleton<BouncingMail>();
        services.TryAddSingleton<Mailbox>();
        return services;
    }

    /// <summary>
    /// Maps <c>POST /dev/sendgrid/v3/mail/send</c>, <c>GET /dev/sendgrid/v3/messages</c> (the activity feed), <c>/dev/sendgrid/faults</c> (POST, GET, DELETE),
    /// <c>/dev/sendgrid/bounces</c> (POST, GET, DELETE), <c>/dev/mailbox/messages</c> (GET, DELETE), <c>GET /dev/mailbox/messages/{id}/attachments/{index}</c>
    /// the HTML page <c>GET /dev/mailbox</c>, and <c>POST /dev/inbound</c> (a member's calendar answers an invitation).
    /// </summary>
    public static IEndpointRouteBuilder MapLocalMailSink(this IEndpointRouteBuilder endpoints)
    {
        var sendGrid = endpoints.MapGroup("/dev/sendgrid").ExcludeFromDescription();
        sendGrid.MapPost("/v3/mail/send", MailSinkEndpoints.SendAsync);
        sendGrid.MapGet("/v3/messages", MailSinkEndpoints.ActivityAsync);
        sendGrid.MapPost("/faults", MailSinkEndpoints.ArmFaultAsync);
        sendGrid.MapGet("/faults", MailSinkEndpoints.ShowFault);
        sendGrid.MapDelete("/faults", MailSinkEndpoints.ClearFault);
        sendGrid.MapPost("/bounces", MailSinkEndpoints.MarkBouncingAsync);
        sendGrid.MapGet("/bounces", MailSinkEndpoints.ShowBouncing);
        sendGrid.MapDelete("/bounces", MailSinkEndpoints.ClearBouncing);

        var mailbox = endpoints.MapGroup("/dev/mailbox").ExcludeFromDescription();
        mailbox.MapGet("/", MailSinkEndpoints.PageAsync);
        mailbox.MapGet("/messages", MailSinkEndpoints.ListAsync);
        mailbox.MapDelete("/messages", MailSinkEndpoints.ClearAsync);
        mailbox.MapGet("/messages/{id}/attachments/{index:int}", MailSinkEndpoints.AttachmentAsync);

        endpoints.MapPost(InboundEndpoints.Route, InboundEndpoints.ReplyAsync).ExcludeFromDescription().DisableAntiforgery();
        return endpoints;
    }
}
