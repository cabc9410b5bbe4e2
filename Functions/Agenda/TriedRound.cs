using System.Globalization;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;

namespace NetworkFunctions.Agenda;

/// <summary>
/// The check-in's round "what have we tried since last time": from the members' answers about their commitments, how
/// many tried what they meant to (fully or partly) of those who answered, and what they wrote about how it went —
/// without names, in alphabetical order so the order gives nobody away. Null when nobody answered about a commitment.
/// </summary>
public static class TriedRound
{
    public static string? Of(IEnumerable<InvitationAnswer> answers, TemplateRenderer renderer, Language language)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(renderer);
        List<CommitmentFollowUp> followUps = [.. answers.Select(a => a.FollowUp).OfType<CommitmentFollowUp>()];
        if (followUps.Count == 0)
        {
            return null;
        }

        CultureInfo culture = Formats.Culture(language);
        int tried = followUps.Count(f => f.Tried is Tried.Yes or Tried.Partly);
        string heading = renderer.Text(language, "agenda_tried_round", new Dictionary<string, string>
        {
            ["tried"] = tried.ToString(culture),
            ["answered"] = followUps.Count.ToString(culture),
        });
        IEnumerable<string> notes = followUps
            .Select(f => f.Note.Trim())
            .Where(n => n.Length > 0)
            .Order(StringComparer.Create(culture, ignoreCase: true))
            .Select(n => "– " + n.ReplaceLineEndings(" "));
        return string.Join("\n", [heading, .. notes]);
    }
}
