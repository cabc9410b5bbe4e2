namespace NetworkFunctions.Email;

/// <summary>A stored document inserted into an email: its HTML body (built by this code) and its plain text.</summary>
public sealed record DocumentParts(string Html, string Text);
