using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Email;

/// <summary>Turns a <see cref="MessageView"/> into an email: HTML in the layout and a plain-text part.</summary>
public sealed class EmailComposer(TemplateRenderer renderer)
{
    public TemplateRenderer Renderer => renderer;

    public EmailMessage Compose(Person to, MessageView view, Language language, MailKey key, params EmailAttachment[] attachments) =>
        new(
            to,
            OneLine(view.Title),
            renderer.RenderHtml("message", view, language),
            renderer.RenderText("message", view, language),
            attachments,
            key);

    /// <summary>
    /// An operations notice to the internal consultant (the one who gets the support calls): the texts
    /// <c>{kind}_subject</c>, <c>{kind}_intro</c> and <c>{kind}_action</c> around one row per thing to look at.
    /// </summary>
    public EmailMessage ConsultantNotice(Network network, string kind, IReadOnlyList<DetailRow> rows, MailKey key)
    {
        Language language = network.Language;
        var view = new MessageView(
            Text(language, $"{kind}_subject", ("network", network.Name)),
            network.Name,
            network.Organisation,
            Text(language, "greeting", ("name", network.Consultant.Name)),
            [Text(language, $"{kind}_intro")],
            rows,
            null,
            [Text(language, $"{kind}_action")]);
        return Compose(network.Consultant, view, language, key);
    }

    /// <summary>A subject is one header line: a control character (validation lets none through) becomes a space.</summary>
    static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));

    public string Text(Language language, string key, params (string Name, object Value)[] values) =>
        renderer.Text(language, key, values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, Formats.Culture(language))!));
}
