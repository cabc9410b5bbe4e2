using NetworkFunctions.Agenda;
using NetworkFunctions.Minutes;
using NetworkFunctions.Networks;
using NetworkFunctions.Reports;
using NetworkFunctions.Storage;
using NetworkFunctions.Surveys;

namespace NetworkFunctions.Changes;

public sealed record MemberExport(Member Member, string NetworkId, IReadOnlyList<InvitationAnswer> Answers, IReadOnlyList<SurveyAnswer> Surveys)
{
    /// <summary>The member's contributions carried over from last year by the kickoff document (<c>carriedOver</c>).</summary>
    public IReadOnlyList<Contribution> CarriedOver { get; init; } = [];
}

/// <summary>Everything the product keeps about one member: exported on request, erased when they leave.</summary>
public sealed class MemberData(NetworkStore store, AgendaDocuments agendas, MinutesDocuments minutes, SurveySummaryDocuments summaries, YearReportDocuments reports)
{
    public async Task<MemberExport> ExportAsync(Network network, Member member, CancellationToken cancellationToken)
    {
        var answers = new List<InvitationAnswer>();
        var surveys = new List<SurveyAnswer>();
        foreach (Meeting meeting in network.Meetings)
        {
            if (await store.LoadInvitationAnswerAsync(network.Id, meeting.Number, member.Id, cancellationToken) is { } answer)
            {
                answers.Add(answer);
            }

            if (await store.LoadSurveyAnswerAsync(network.Id, meeting.Number, member.Id, cancellationToken) is { } survey)
            {
                surveys.Add(survey);
            }
        }

        return new MemberExport(member, network.Id, answers, surveys)
        {
            CarriedOver = [.. network.CarriedOver.Where(c => c.MemberId == member.Id).Select(c => c.Contribution)],
        };
    }

    /// <summary>
    /// Erases a member who has left <paramref name="network"/> (already without them): their answers and survey
    /// answers, and every document built from them — agendas and carry-overs lose their contributions, minutes their
    /// register entry, survey
    /// summaries and the year-end report are computed again without their answers. Returns the documents touched.
    /// </summary>
    public async Task<int> EraseAsync(Network network, string memberId, CancellationToken cancellationToken)
    {
        int touched = 0;
        foreach (Meeting meeting in network.Meetings)
        {
            touched += await store.DeleteMemberAnswersAsync(network.Id, meeting.Number, memberId, cancellationToken);
        }

        foreach (Meeting meeting in network.Meetings)
        {
            MeetingContext c = MeetingContext.Of(network, meeting.Number);
            if (await agendas.RewriteAsync(c, agenda => AgendaDocuments.Without(agenda, memberId), cancellationToken))
            {
                touched++;
            }

            if (await minutes.RewriteWithoutAsync(c, memberId, cancellationToken))
            {
                touched++;
            }

            if (await store.MeetingDocumentExistsAsync(network.Id, meeting.Number, MeetingDocument.SurveySummaryPage, cancellationToken))
            {
                await summaries.WriteAsync(c, cancellationToken);
                touched++;
            }
        }

        if (await store.ReportDocumentExistsAsync(network.Id, ReportDocument.Page, cancellationToken))
        {
            await reports.WriteAsync(network, cancellationToken);
            touched++;
        }

        return touched;
    }
}
