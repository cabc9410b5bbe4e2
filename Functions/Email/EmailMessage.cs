using NetworkFunctions.Networks;

namespace NetworkFunctions.Email;

/// <summary>An attachment; with a <see cref="ContentId"/> it is inline, for <c>cid:</c> images in the HTML.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content, string? ContentId = null);

/// <summary>
/// One email to one person. <see cref="Key"/> names the (network, meeting, kind, recipient, revision) it stands for:
/// once a send of that key has been recorded, the same email is never sent again.
/// </summary>
public sealed record EmailMessage(
    Person To,
    string Subject,
    string Html,
    string Text,
    IReadOnlyList<EmailAttachment> Attachments,
    MailKey Key);
