using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using NetworkFunctions.Agenda;
using NetworkFunctions.Email;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Meetings;

public sealed partial class MeetingActivities
{
    /// <summary>Step 4: the time-boxed agenda from the answers and what the previous meeting carried over, stored as HTML.</summary>
    [Function(nameof(AssembleAgenda))]
    public async Task<StepResult> AssembleAgenda([ActivityTrigger] MeetingRef meeting)
    {
        MeetingContext c = await LoadAsync(meeting.NetworkId, meeting.Number);
        IReadOnlyList<InvitationAnswer> answers = await store.LoadInvitationAnswersAsync(meeting.NetworkId, meeting.Number);
        IReadOnlySet<string> invited = await InvitedIdsAsync(meeting.NetworkId, meeting.Number);

        var candidates = new List<AgendaCandidate>();
        foreach (InvitationAnswer answer in answers.OrderBy(a => a.MemberId, StringComparer.Ordinal))
        {
            if (c.Network.FindMember(answer.MemberId) is { } member)
            {
                candidates.AddRange(answer.Contributions.Select(x => new AgendaCandidate(member.Id, member.Name, member.Department, x, answer.SubmittedAt, meeting.Number)));
            }
        }

        candidates.AddRange((await CarriedOverAsync(c)).Where(x => c.Network.FindMember(x.MemberId) is not null));
        var byMember = answers.ToDictionary(a => a.MemberId, a => (Attendance?)a.Attendance, StringComparer.Ordinal);
        var attendance = Recipients.Invited(c.Network, invited)
            .Select(m => new AttendanceEntry(m.Department, byMember.GetValueOrDefault(m.Id)))
            .ToList();

        Agenda.Agenda agenda = AgendaAssembler.Assemble(new AgendaInput(meeting.Number, c.Meeting.Start, c.Meeting.End, meeting.Number == 1, candidates, attendance));
        await documents.WriteAgendaAsync(c, agenda);
        return new StepResult(candidates.Count);
    }

    /// <summary>Step 4, continued: the agenda to the facilitator and the internal consultant.</summary>
    [Function(nameof(SendAgenda))]
    public async Task<StepResult> SendAgenda([ActivityTrigger] MeetingRevisionRef step)
    {
        MeetingContext c = await LoadAsync(step.NetworkId, step.Number);
        string body = await store.ReadTextAsync(DocumentPaths.AgendaBody(step.NetworkId, step.Number)) ?? "";
        string text = await store.ReadTextAsync(DocumentPaths.AgendaText(step.NetworkId, step.Number)) ?? "";
        IReadOnlyList<InvitationAnswer> answers = await store.LoadInvitationAnswersAsync(step.NetworkId, step.Number);
        string final = Formats.Moment(c.Timeline.FinalAgendaAt, c.Zone, c.Language);
        var messages = c.Preparers.Select(p => composer.Compose(p.Person, new MessageView(
                composer.Text(c.Language, "mail_agenda_subject", ("network", c.Network.Name), ("n", c.Meeting.Number)),
                c.Network.Name,
                c.Network.Organisation,
                Greeting(c.Language, p.Person.Name),
                [
                    composer.Text(c.Language, "mail_agenda_intro", ("n", c.Meeting.Number), ("answers", answers.Count), ("contributions", answers.Sum(a => a.Contributions.Count))),
                    composer.Text(c.Language, "mail_agenda_note", ("final", final)),
                ],
                When(c),
                null,
                [],
                body,
                text),
            c.Language,
            DocumentPaths.SentMail(c.Network.Id, c.Meeting.Number, MailKinds.Agenda, p.Key, step.Revision)));
        return new StepResult(await SendAllAsync(c, MailKinds.Agenda, step.Revision, messages));
    }

    /// <summary>Step 5: the final agenda to every invited member.</summary>
    [Function(nameof(SendFinalAgenda))]
    public async Task<StepResult> SendFinalAgenda([ActivityTrigger] MeetingRevisionRef step)
    {
        MeetingContext c = await LoadAsync(step.NetworkId, step.Number);
        string body = await store.ReadTextAsync(DocumentPaths.AgendaBody(step.NetworkId, step.Number)) ?? "";
        string text = await store.ReadTextAsync(DocumentPaths.AgendaText(step.NetworkId, step.Number)) ?? "";
        IReadOnlySet<string> invited = await InvitedIdsAsync(step.NetworkId, step.Number);
        var messages = Recipients.Invited(c.Network, invited).Select(m => composer.Compose(new Person(m.Name, m.Email), new MessageView(
                composer.Text(c.Language, "final_subject", ("network", c.Network.Name), ("n", c.Meeting.Number), ("date", Formats.Date(c.Meeting.Start, c.Zone, c.Language))),
                c.Network.Name,
                c.Network.Organisation,
                Greeting(c.Language, m.Name),
                [composer.Text(c.Language, "final_intro", ("network", c.Network.Name), ("n", c.Meeting.Number))],
                When(c),
                null,
                [],
                body,
                text),
            c.Language,
            DocumentPaths.SentMail(c.Network.Id, c.Meeting.Number, MailKinds.FinalAgenda, m.Id, step.Revision)));
        return new StepResult(await SendAllAsync(c, MailKinds.FinalAgenda, step.Revision, messages));
    }

    /// <summary>What the nearest earlier meeting with an agenda could not fit.</summary>
    async Task<IReadOnlyList<AgendaCandidate>> CarriedOverAsync(MeetingContext c)
    {
        for (int earlier = c.Meeting.Number - 1; earlier >= 1; earlier--)
        {
            if (await store.ReadTextAsync(DocumentPaths.CarryOver(c.Network.Id, earlier)) is { } json)
            {
                return JsonSerializer.Deserialize<List<AgendaCandidate>>(json, DocumentJson.Options) ?? [];
            }
        }

        return [];
    }
}
