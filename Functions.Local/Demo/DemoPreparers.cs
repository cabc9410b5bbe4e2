using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace NetworkFunctions.Local.Demo;

/// <summary>
/// The simulated facilitator: opens the personal links of the preparers' mail as the facilitator would. For odd
/// meetings the facilitator retitles the first theme of the draft agenda and approves it, so members get exactly that
/// agenda; even meetings are left unapproved, so the draft goes out and both preparers are told. After each meeting the
/// facilitator writes and sends the minutes with the register as prefilled — for meeting 2 only after the reminder.
/// </summary>
public sealed partial class DemoPreparers(HttpClient http, DemoYearPlan plan, Action<string> say)
{
    readonly List<(DateTimeOffset Due, int Meeting, string Link, bool Minutes)> pending = [];

    /// <summary>Takes a mail to the facilitator with a workspace or minutes link; false for any other mail.</summary>
    public bool Read(string to, string subject, string text, int meeting, DateTimeOffset now)
    {
        if (plan.Facilitator is not { } facilitator || !facilitator.Email.Equals(to, StringComparison.OrdinalIgnoreCase) || meeting == 0)
        {
            return false;
        }

        if (subject.StartsWith("Dagsorden til møde", StringComparison.Ordinal) && WorkspaceLink().Match(text) is { Success: true } workspace)
        {
            if (meeting % 2 == 1)
            {
                pending.Add((now.AddSeconds(3), meeting, workspace.Value, false));
            }
            else
            {
                say($"{facilitator.Name} (facilitator) leaves the draft agenda of meeting {meeting} unapproved.");
            }

            return true;
        }

        if (MinutesLink().Match(text) is { Success: true } minutes)
        {
            bool reminder = subject.StartsWith("Påmindelse", StringComparison.Ordinal);
            if (meeting != 2 || reminder)
            {
                pending.Add((now.AddSeconds(4), meeting, minutes.Value, true));
            }
            else
            {
                say($"{facilitator.Name} (facilitator) puts off the minutes of meeting {meeting}.");
            }

            return true;
        }

        return false;
    }

    /// <summary>Does what is due: approves an agenda or sends minutes, through the same pages a preparer uses.</summary>
    public async Task ActAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach ((DateTimeOffset due, int meeting, string link, bool minutes) in pending.Where(p => p.Due <= now).ToList())
        {
            pending.Remove((due, meeting, link, minutes));
            string page = await http.GetStringAsync(link, cancellationToken);
            (List<KeyValuePair<string, string>> fields, string what) = minutes ? Minutes(page, meeting) : Agenda(page, meeting);
            using HttpResponseMessage response = await http.PostAsync(link, new FormUrlEncodedContent(fields), cancellationToken);
            say(response.StatusCode == HttpStatusCode.OK ? what : $"{what} — refused ({(int)response.StatusCode} {response.StatusCode})");
        }
    }

    (List<KeyValuePair<string, string>>, string) Agenda(string page, int meeting)
    {
        List<KeyValuePair<string, string>> fields = [new("revision", Revision(page)), new("action", "approve")];
        string what = $"{plan.Facilitator!.Name} (facilitator) approves the agenda of meeting {meeting}";
        if (TitleField().Match(page) is { Success: true } title)
        {
            string retitled = "Fokus: " + WebUtility.HtmlDecode(title.Groups["value"].Value);
            fields.Add(new(title.Groups["name"].Value, retitled));
            what += $" after retitling a block \"{retitled}\"";
        }

        return (fields, what);
    }

    (List<KeyValuePair<string, string>>, string) Minutes(string page, int meeting)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("revision", Revision(page)),
            new("keyPoints0", "Godt fremmøde og en livlig runde."),
            new("decisions0", "Vi afprøver idéen i to centre inden næste møde."),
            new("followUps0", "Facilitatoren samler erfaringerne til næste møde."),
            new("action", "send"),
        ];
        List<string> came = [.. Came().Matches(page).Select(m => m.Groups[1].Value)];
        fields.AddRange(came.Select(id => new KeyValuePair<string, string>("came", id)));
        return (fields, $"{plan.Facilitator!.Name} (facilitator) sends the minutes of meeting {meeting} with {came.Count.ToString(CultureInfo.InvariantCulture)} on the register");
    }

    static string Revision(string page) => RevisionField().Match(page) is { Success: true } m ? m.Groups[1].Value : "0";

    [GeneratedRegex(@"https?://\S+/api/agenda/[A-Za-z0-9_.\-]+")]
    private static partial Regex WorkspaceLink();

    [GeneratedRegex(@"https?://\S+/api/minutes/[A-Za-z0-9_.\-]+")]
    private static partial Regex MinutesLink();

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();

    [GeneratedRegex("name=\"(?<name>title\\d+)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TitleField();

    [GeneratedRegex("name=\"came\" value=\"([^\"]+)\" checked")]
    private static partial Regex Came();
}
