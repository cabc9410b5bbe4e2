using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Durable;
using NetworkFunctions.Email;
using NetworkFunctions.Forms;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Cycle;

public sealed partial class MeetingActivities
{
    /// <summary>Step 4: the time-boxed agenda from the answers and what the previous meeting carried over, stored as HTML.</summary>
    /// <remarks>The answers are sealed first: one that arrives after is refused, never acknowledged and left out.</remarks>
    [Function(nameof(AssembleAgenda))]
    public async Task<StepResult> AssembleAgenda([ActivityTrigger] MeetingRef meeting)
    {
        // Built again if a member left (or joined) while it was built: the agenda never holds someone erased.
        return await store.BuildOnUnchangedNetworkAsync(meeting.NetworkId, async network =>
        {
            MeetingContext c = MeetingContext.Of(network, meeting.Number);
            await SealAsync(c, AnswerKind.Invitation);
            return IsCancelled(c, nameof(AssembleAgenda)) ? StepResult.Nothing : new StepResult(await agendas.AssembleAsync(c));
        });
    }

    /// <summary>
    /// Seals a meeting's answers of a kind as of when they closed and waits until answers stored before the seal can be
    /// read (<see cref="AnswerSeals"/>). Sealed once: a second call (a retry, a rebuild) finds the seal and does not wait again.
    /// </summary>
    async Task SealAsync(MeetingContext c, AnswerKind kind)
    {
        DateTimeOffset sealAt = AnswerSeals.SealAt(AnswerWindow.ClosesAt(c.Timeline, kind), clock.GetUtcNow());
        AnswerSeal seal = await store.SealAnswersAsync(c.Network.Id, c.Meeting.Number, kind, sealAt);
        TimeSpan wait = AnswerSeals.WaitBeforeReading(seal.SealedAt, clock.GetUtcNow());
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock);
        }
    }

    /// <summary>Step 4, continued: the agenda to the facilitator and the internal consultant.</summary>
    [Function(nameof(SendAgenda))]
    public Task<StepResult> SendAgenda([ActivityTrigger] MeetingRevisionRef step) =>
        UnlessCancelledAsync(step.NetworkId, step.Number, MailKinds.Agenda, async c =>
        {
            DocumentParts agenda = await AgendaPartsAsync(c);
            IReadOnlyList<InvitationAnswer> answers = await store.LoadInvitationAnswersAsync(step.NetworkId, step.Number);
            int contributions = answers.Sum(a => a.Contributions.Count);
            return await SendAllAsync(c, MailKinds.Agenda, step.Revision, c.Preparers
                .Select(p => messages.Agenda(c, p.Person, p.Key, step.Revision, answers.Count, contributions, agenda, WorkspaceLink(c, p.Key))));
        });

    /// <summary>
    /// Step 5: the final agenda — the version the preparers approved, or the draft as it stands — to every invited
    /// member; when nobody approved it, both preparers are told.
    /// </summary>
    [Function(nameof(SendFinalAgenda))]
    public Task<StepResult> SendFinalAgenda([ActivityTrigger] MeetingRevisionRef step) =>
        UnlessCancelledAsync(step.NetworkId, step.Number, MailKinds.FinalAgenda, async c =>
        {
            DocumentParts agenda = await AgendaPartsAsync(c);
            StepResult sent = await SendAllAsync(c, MailKinds.FinalAgenda, step.Revision, (await InvitedAsync(c))
                .Select(m => messages.FinalAgenda(c, m, step.Revision, agenda)));
            if (await agendas.ReadAsync(c.Network.Id, c.Meeting.Number) is { Approved: null })
            {
                await SendAllAsync(c, MailKinds.AgendaNotApproved, step.Revision, c.Preparers
                    .Select(p => messages.AgendaNotApproved(c, p.Person, p.Key, step.Revision, WorkspaceLink(c, p.Key))));
            }

            return sent;
        });

    /// <summary>The revision of the meeting's stored agenda (0 when it has none or nobody changed it).</summary>
    [Function(nameof(GetAgendaRevision))]
    public async Task<int> GetAgendaRevision([ActivityTrigger] MeetingRef meeting) =>
        (await agendas.ReadAsync(meeting.NetworkId, meeting.Number))?.Revision ?? 0;

    /// <summary>The agenda the preparers changed after the final agenda, to every invited member, under the agenda's revision.</summary>
    [Function(nameof(SendUpdatedAgenda))]
    public Task<StepResult> SendUpdatedAgenda([ActivityTrigger] MeetingRevisionRef step) =>
        UnlessCancelledAsync(step.NetworkId, step.Number, MailKinds.AgendaUpdate, async c =>
        {
            DocumentParts agenda = await AgendaPartsAsync(c);
            return await SendAllAsync(c, MailKinds.AgendaUpdate, step.Revision, (await InvitedAsync(c))
                .Select(m => messages.UpdatedAgenda(c, m, step.Revision, agenda)));
        });

    /// <summary>A preparer's link to the meeting's agenda workspace, good until the meeting ends.</summary>
    string WorkspaceLink(MeetingContext c, string preparerKey) =>
        tokens.Link(options.Value.PublicBaseUrl, new FormGrant(c.Network.Id, c.Meeting.Number, preparerKey, FormKind.Workspace, c.Meeting.End));

    async Task<DocumentParts> AgendaPartsAsync(MeetingContext c) => new(
        await store.ReadMeetingDocumentAsync(c.Network.Id, c.Meeting.Number, MeetingDocument.AgendaBody) ?? "",
        await store.ReadMeetingDocumentAsync(c.Network.Id, c.Meeting.Number, MeetingDocument.AgendaText) ?? "");
}
