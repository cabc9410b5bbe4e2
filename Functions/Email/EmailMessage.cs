using NetworkFunctions.Networks;

namespace NetworkFunctions.Email;

/// <summary>An attachment; with a <see cref="ContentId"/> it is inline, for <c>cid:</c> images in the HTML.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content, string? ContentId = null);

/// <summary>
/// One email to one person. <see cref="SentRecordPath"/> names the (network, meeting, recipient, kind, revision) it
/// stands for: once a send has been recorded there, the same email is never sent again.
/// </summary>
public sealed record EmailMessage(
    Person To,
    string Subject,
    string Html,
    string Text,
    IReadOnlyList<EmailAttachment> Attachments,
    string SentRecordPath);
