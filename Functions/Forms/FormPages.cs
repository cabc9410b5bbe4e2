using NetworkFunctions.Email;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Forms;

public sealed record ContributionRow(int Number, string Type, string Title, string Description, string? TypeError, string? TitleError, string? DescriptionError);

/// <summary>One line of the error summary at the top of a form: what is wrong, linked to the field (by its id).</summary>
public sealed record ErrorLink(string Target, string Text);

public sealed record InvitationFormView(
    string Title, string NetworkName, string Organisation, string Intro, string When, string Location, string Deadline, string Action,
    string? Attendance, string? AttendanceError, IReadOnlyList<ContributionRow> Rows, IReadOnlyList<ErrorLink> Errors,
    string? Commitment = null, string? Tried = null, string? TriedNote = null, string? TriedError = null, string? TriedNoteError = null,
    IReadOnlyList<ReceivedRow>? Earlier = null);

public sealed record QuestionView(string Name, string Label, string? Value, string? Error);

public sealed record SurveyFormView(
    string Title, string NetworkName, string Organisation, string Intro, string Action,
    IReadOnlyList<QuestionView> Ratings, IReadOnlyList<QuestionView> Texts, IReadOnlyList<string> Scale, IReadOnlyList<ErrorLink> Errors);

public sealed record ReceivedRow(string Label, string Value);

public sealed record MessagePageView(string Title, string NetworkName, string Organisation, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReceivedRow> Received, string? Link, string? LinkLabel);

/// <summary>The member-facing pages: the two forms, the thank-you page and the friendly errors. Member text is encoded by the template.</summary>
public sealed class FormPages(TemplateRenderer renderer)
{
    /// <param name="followUp">
    /// The member's commitment from the previous meeting's survey, with what they answered about it (stored or posted);
    /// null when they made none, and the form asks nothing about it.
    /// </param>
    /// <param name="earlier">What became of the member's contributions to earlier meetings (<see cref="IContributionHistory"/>).</param>
    public string Invitation(MeetingContext c, string action, InvitationAnswer? current, IReadOnlyList<Contribution>? posted, string? postedAttendance, FieldErrors? errors,
        CommitmentFollowUp? followUp = null, IReadOnlyList<ReceivedRow>? earlier = null)
    {
        Language l = c.Language;
        IReadOnlyList<Contribution> contributions = posted ?? current?.Contributions ?? [];
        var rows = Enumerable.Range(0, FormAnswers.MaxContributions).Select(i =>
        {
            Contribution? x = i < contributions.Count ? contributions[i] : null;
            return new ContributionRow(
                i + 1,
                (x?.Type ?? ContributionType.Theme).ToString().ToLowerInvariant(),
                x?.Title ?? "",
                x?.Description ?? "",
                errors?.Has($"type[{i}]") == true ? T(l, "form_error_type") : null,
                errors?.Has($"title[{i}]") == true ? T(l, "form_error_title") : i == 0 && errors?.Has("title") == true ? T(l, "form_error_count") : null,
                errors?.Has($"description[{i}]") == true ? T(l, "form_error_description") : null);
        }).ToList();
        string? attendanceError = errors?.Has("attendance") == true ? T(l, "form_error_attendance") : null;
        // The summary lists the errors in the order of the fields, each linked to its field (the first radio of a group).
        List<ErrorLink> summary = [];
        if (attendanceError is not null)
        {
            summary.Add(new("attendance-yes", $"{T(l, "form_attendance")} {attendanceError}"));
        }

        string? triedError = errors?.Has("tried") == true ? T(l, "form_error_tried") : null;
        string? triedNoteError = errors?.Has("triedNote") == true ? T(l, "form_error_text") : null;
        if (triedError is not null)
        {
            summary.Add(new("tried-yes", $"{T(l, "form_followup_tried")} {triedError}"));
        }

        if (triedNoteError is not null)
        {
            summary.Add(new("triedNote", $"{T(l, "form_followup_how")}: {triedNoteError}"));
        }

        foreach (ContributionRow row in rows)
        {
            string field(string name) => $"{T(l, "form_contribution")} {row.Number}, {T(l, name).ToLowerInvariant()}:";
            summary.AddRange(new[] { ("type", "form_type", row.TypeError), ("title", "form_title", row.TitleError), ("description", "form_description", row.DescriptionError) }
                .Where(f => f.Item3 is not null)
                .Select(f => new ErrorLink($"{f.Item1}{row.Number}", $"{field(f.Item2)} {f.Item3}")));
        }

        var view = new InvitationFormView(
            T(l, "form_invitation_title", ("n", c.Meeting.Number)),
            c.Network.Name,
            c.Network.Organisation,
            T(l, "form_invitation_intro", ("n", c.Meeting.Number), ("network", c.Network.Name)),
            Formats.Span(c.Meeting.Start, c.Meeting.End, c.Zone, l),
            c.Meeting.Location,
            Formats.Moment(c.Timeline.DeadlineAt, c.Zone, l),
            action,
            postedAttendance ?? current?.Attendance.ToString().ToLowerInvariant(),
            attendanceError,
            rows,
            summary,
            followUp?.Commitment,
            followUp?.Tried?.ToString().ToLowerInvariant(),
            followUp?.Note,
            triedError,
            triedNoteError,
            earlier ?? []);
        return renderer.RenderHtml("form-invitation", view, l, "page");
    }

    public string Survey(MeetingContext c, string action, SurveyAnswer? current, IReadOnlyDictionary<string, string>? posted, FieldErrors? errors)
    {
        Language l = c.Language;
        string? Value(string name) => posted is not null
            ? posted.GetValueOrDefault(name)
            : current is null ? null : name switch
            {
                "usefulness" => current.Usefulness.ToString(),
                "relations" => current.Relations.ToString(),
                "courage" => current.Courage.ToString(),
                "worked" => current.Worked,
                "improve" => current.Improve,
                "nextThemes" => current.NextThemes,
                "commitment" => current.Commitment,
                _ => null,
            };
        List<QuestionView> ratings = [.. FormAnswers.SurveyRatings.Select(q => new QuestionView(q, T(l, "form_q_" + q), Value(q), errors?.Has(q) == true ? T(l, "form_error_rating") : null))];
        List<QuestionView> texts = [.. FormAnswers.SurveyTexts.Select(q => new QuestionView(q, T(l, "form_q_" + q), Value(q), errors?.Has(q) == true ? T(l, "form_error_text") : null))];
        // Each rating links to its first radio (id "{name}-1"), each text to its text area.
        List<ErrorLink> summary =
        [
            .. ratings.Where(q => q.Error is not null).Select(q => new ErrorLink(q.Name + "-1", $"{q.Label} {q.Error}")),
            .. texts.Where(q => q.Error is not null).Select(q => new ErrorLink(q.Name, $"{q.Label} {q.Error}")),
        ];
        var view = new SurveyFormView(
            T(l, "form_survey_title", ("n", c.Meeting.Number)),
            c.Network.Name,
            c.Network.Organisation,
            T(l, "form_survey_intro", ("n", c.Meeting.Number), ("network", c.Network.Name)),
            action,
            ratings,
            texts,
            ["1", "2", "3", "4", "5"],
            summary);
        return renderer.RenderHtml("form-survey", view, l, "page");
    }

    public string InvitationReceived(MeetingContext c, InvitationAnswer answer, string link)
    {
        Language l = c.Language;
        var received = new List<ReceivedRow>
        {
            new(T(l, "time_label"), Formats.Span(c.Meeting.Start, c.Meeting.End, c.Zone, l)),
            new(T(l, "place_label"), c.Meeting.Location),
            new(T(l, "form_attendance"), T(l, "attendance_" + answer.Attendance.ToString().ToLowerInvariant())),
        };
        if (answer.FollowUp is { } followUp)
        {
            received.Add(new(T(l, "form_followup_commitment"), followUp.Commitment));
            if (followUp.Tried is { } tried)
            {
                received.Add(new(T(l, "form_followup_tried"), T(l, "form_tried_" + tried.ToString().ToLowerInvariant())));
            }

            if (followUp.Note.Length > 0)
            {
                received.Add(new(T(l, "form_followup_how"), followUp.Note));
            }
        }

        received.AddRange(answer.Contributions.Select(x => new ReceivedRow(
            $"{T(l, "form_type_" + x.Type.ToString().ToLowerInvariant())}: {x.Title}", x.Description)));
        return Message(c, "form_thanks_title",
            [T(l, "form_thanks_invitation", ("n", c.Meeting.Number), ("deadline", Formats.Moment(c.Timeline.DeadlineAt, c.Zone, l)))],
            received, link);
    }

    public string SurveyReceived(MeetingContext c, SurveyAnswer answer, string link)
    {
        Language l = c.Language;
        var received = new List<ReceivedRow>
        {
            new(T(l, "form_q_usefulness"), T(l, "form_rating_of", ("value", answer.Usefulness))),
            new(T(l, "form_q_relations"), T(l, "form_rating_of", ("value", answer.Relations))),
            new(T(l, "form_q_courage"), T(l, "form_rating_of", ("value", answer.Courage))),
        };
        received.AddRange(new[] { ("worked", answer.Worked), ("improve", answer.Improve), ("nextThemes", answer.NextThemes), ("commitment", answer.Commitment ?? "") }
            .Where(x => x.Item2.Length > 0)
            .Select(x => new ReceivedRow(T(l, "form_q_" + x.Item1), x.Item2)));
        return Message(c, "form_thanks_title",
            [T(l, "form_thanks_survey", ("n", c.Meeting.Number), ("deadline", Formats.Moment(c.Timeline.SurveyCloseAt, c.Zone, l)))],
            received, link);
    }

    public string Closed(MeetingContext c, FormKind kind) =>
        Message(c, "form_closed_title", [T(c.Language, kind == FormKind.Invitation ? "form_closed_invitation" : "form_closed_survey", ("n", c.Meeting.Number))], [], null);

    /// <summary>A page for a link that does not work, when nothing is known about the network (so in Danish and English).</summary>
    public string Invalid(string key)
    {
        var view = new MessagePageView(
            $"{T(Language.Da, "form_invalid_title")} / {T(Language.En, "form_invalid_title")}",
            "NetworkFunctions",
            "",
            [T(Language.Da, key), T(Language.En, key)],
            [],
            null,
            null);
        return renderer.RenderHtml("form-message", view, Language.Da, "page");
    }

    string Message(MeetingContext c, string titleKey, IReadOnlyList<string> paragraphs, IReadOnlyList<ReceivedRow> received, string? link)
    {
        var view = new MessagePageView(T(c.Language, titleKey), c.Network.Name, c.Network.Organisation, paragraphs, received, link, link is null ? null : T(c.Language, "form_again"));
        return renderer.RenderHtml("form-message", view, c.Language, "page");
    }

    string T(Language language, string key, params (string Name, object Value)[] values) =>
        renderer.Text(language, key, values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, Formats.Culture(language))!));
}
