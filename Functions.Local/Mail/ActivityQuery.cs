using System.Text.RegularExpressions;

namespace NetworkFunctions.Local.Mail;

/// <summary>One message of SendGrid's Email Activity feed (<c>GET /v3/messages</c>), as far as the sink knows it.</summary>
public sealed record ActivityMessage(string FromEmail, string MsgId, string Subject, string ToEmail, string Status, int OpensCount, int ClicksCount, DateTimeOffset LastEventTime);

public sealed record ActivityFeed(IReadOnlyList<ActivityMessage> Messages);

/// <summary>
/// The part of SendGrid's activity query language the app uses: <c>unique_args['name']="value"</c> and
/// <c>msg_id="value"</c>, joined with <c>AND</c>. Anything else is refused (null), as SendGrid refuses what it cannot parse.
/// </summary>
public static partial class ActivityQuery
{
    public static Func<MailboxEntry, bool>? Parse(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var conditions = new List<Func<MailboxEntry, bool>>();
        foreach (string part in AndSeparator().Split(query.Trim()))
        {
            if (UniqueArg().Match(part) is { Success: true } arg)
            {
                string name = arg.Groups["name"].Value, value = arg.Groups["value"].Value;
                conditions.Add(e => e.CustomArgs.TryGetValue(name, out string? v) && v == value);
            }
            else if (MessageId().Match(part) is { Success: true } id)
            {
                string value = id.Groups["value"].Value;
                conditions.Add(e => e.MessageId == value);
            }
            else
            {
                return null;
            }
        }

        return e => conditions.All(c => c(e));
    }

    [GeneratedRegex("""\s+AND\s+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndSeparator();

    [GeneratedRegex("""^\s*unique_args\['(?<name>[^']+)'\]\s*=\s*"(?<value>[^"]*)"\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex UniqueArg();

    [GeneratedRegex("""^\s*msg_id\s*=\s*"(?<value>[^"]*)"\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex MessageId();
}
