namespace NetworkFunctions.Office;

/// <summary>
/// One console page for the <c>console</c> template in the <c>page</c> layout: who is signed in, a notice or the
/// problems, and whichever parts the page has (networks, roster problems, the year's preview, the dashboard, forms,
/// links), in that order.
/// </summary>
public sealed record ConsoleView(
    string Title,
    string NetworkName,
    string? Organisation,
    string SignedIn,
    string SignOutUrl,
    string? HomeUrl)
{
    public bool Wide { get; init; } = true;

    public string? Notice { get; init; }

    public string? ProblemTitle { get; init; }

    public IReadOnlyList<ConsoleError> Errors { get; init; } = [];

    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    public IReadOnlyList<ConsoleNetworkRow> Networks { get; init; } = [];

    public IReadOnlyList<ConsoleRosterRow> RosterProblems { get; init; } = [];

    public IReadOnlyList<ConsolePreviewMeeting> Preview { get; init; } = [];

    public string? DashboardHtml { get; init; }

    public IReadOnlyList<ConsoleForm> Forms { get; init; } = [];

    public IReadOnlyList<ConsoleLink> Links { get; init; } = [];
}

/// <summary>A problem in the summary at the top; <see cref="Target"/> is the id of the field it is about, if any.</summary>
public sealed record ConsoleError(string? Target, string Text);

public sealed record ConsoleNetworkRow(string Name, string Organisation, string Role, string Url);

public sealed record ConsoleRosterRow(string Row, string Column, string Message);

public sealed record ConsolePreviewMeeting(string Heading, IReadOnlyList<ConsolePreviewStep> Steps);

public sealed record ConsolePreviewStep(string When, string Step);

public sealed record ConsoleLink(string Url, string Text);

/// <summary>
/// A console form: posted to <see cref="Action"/> with the antiforgery <see cref="Token"/>; <see cref="Folded"/> puts it
/// in a disclosure under its heading; <see cref="Confirm"/> is a checkbox that must be ticked (what cannot be undone).
/// </summary>
public sealed record ConsoleForm(string Id, string? Heading, string Action, string Submit, string Token)
{
    /// <summary>A heading put above this form for it and the forms after it (the members', the meetings').</summary>
    public string? Section { get; init; }

    public string? Intro { get; init; }

    /// <summary>A link shown with the form (a download that belongs to what the form changes).</summary>
    public ConsoleLink? Link { get; init; }

    /// <summary>Posted as <c>multipart/form-data</c>: every console handler reads only that (<c>RequestBodies.ReadMultipartFormAsync</c>), so this is the default.</summary>
    public bool Multipart { get; init; } = true;

    public bool Folded { get; init; }

    public bool Open { get; init; }

    public bool Danger { get; init; }

    public string? Confirm { get; init; }

    public IReadOnlyList<ConsoleFieldset> Fieldsets { get; init; } = [];

    public IReadOnlyList<ConsoleHidden> Hidden { get; init; } = [];
}

public sealed record ConsoleFieldset(string? Legend, IReadOnlyList<ConsoleField> Fields, string? Hint = null, bool Pair = false);

public sealed record ConsoleHidden(string Name, string Value);

/// <summary>A field: <see cref="Kind"/> is the input's type (<c>text</c>, <c>email</c>, <c>date</c>, <c>time</c>, <c>number</c>, <c>file</c>) or <c>textarea</c> or <c>select</c>.</summary>
public sealed record ConsoleField(string Name, string Id, string Label, string Kind, string Value)
{
    public string? Hint { get; init; }

    public string? Error { get; init; }

    public bool Required { get; init; }

    public string? Autocomplete { get; init; }

    public IReadOnlyList<ConsoleOption> Options { get; init; } = [];
}

public sealed record ConsoleOption(string Value, string Label);
