namespace NetworkFunctions.Email;

public sealed record DetailRow(string Label, string Value);

public sealed record ButtonView(string Url, string Label);

/// <summary>
/// The content of one email in the shared <c>message</c> template: every value is text and is encoded by the
/// template; <see cref="Html"/> is HTML this code built (an agenda, a report) and is inserted as it is.
/// </summary>
public sealed record MessageView(
    string Title,
    string NetworkName,
    string Organisation,
    string Greeting,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<DetailRow> Details,
    ButtonView? Button,
    IReadOnlyList<string> Closing,
    string? Html = null,
    string? Text = null);
