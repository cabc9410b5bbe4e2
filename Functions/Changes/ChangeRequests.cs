using System.Globalization;
using System.Text.Json;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;

namespace NetworkFunctions.Changes;

public sealed record NewMember(string Name, string Email, string Department);

/// <summary>A correction of a member's name, address or department; null fields stay as they are.</summary>
public sealed record MemberEdit(string? Name, string? Email, string? Department)
{
    public Member ApplyTo(Member member) =>
        member with { Name = Name ?? member.Name, Email = Email ?? member.Email, Department = Department ?? member.Department };
}

/// <summary>A meeting change: new times (and optionally place), or a cancellation.</summary>
public sealed record MeetingChange(DateTimeOffset? Start, DateTimeOffset? End, string? Location, bool Cancel);

/// <summary>Reads and validates the bodies of the change endpoints, reporting every problem by field. Pure.</summary>
public static class ChangeRequests
{
    public static (NewMember? Member, FieldErrors Errors) ReadMember(JsonElement body, Network network)
    {
        var errors = new FieldErrors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "Send an object with name, email and department.");
            return (null, errors);
        }

        Unknown(body, errors, "name", "email", "department");
        string name = Text(body, "name", 200, errors);
        string email = Text(body, "email", 254, errors);
        string department = Text(body, "department", 200, errors);
        CheckEmail(email, network, null, errors);
        string? listed = ListedDepartment(department, network, errors);
        if (network.Members.Count >= 500)
        {
            errors.Add("$", "A network has at most 500 members.");
        }

        return errors.IsEmpty ? (new NewMember(name, email, listed!), errors) : (null, errors);
    }

    /// <summary>A <c>PATCH</c> of a member: any of name, email and department, at least one; the address stays unique.</summary>
    public static (MemberEdit? Edit, FieldErrors Errors) ReadMemberEdit(JsonElement body, Network network, Member member)
    {
        var errors = new FieldErrors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "Send an object with any of name, email and department.");
            return (null, errors);
        }

        Unknown(body, errors, "name", "email", "department");
        string? name = Optional(body, "name", 200, errors);
        string? email = Optional(body, "email", 254, errors);
        string? department = Optional(body, "department", 200, errors);
        if (email is not null)
        {
            CheckEmail(email, network, member.Id, errors);
        }

        string? listed = department is null ? null : ListedDepartment(department, network, errors);
        if (errors.IsEmpty && name is null && email is null && department is null)
        {
            errors.Add("$", "Send at least one of name, email and department.");
        }

        return errors.IsEmpty ? (new MemberEdit(name, email, listed), errors) : (null, errors);
    }

    /// <summary>A valid address that no other member of the network has (in any case).</summary>
    static void CheckEmail(string email, Network network, string? memberId, FieldErrors errors)
    {
        if (email.Length > 0 && !EmailAddresses.IsValid(email))
        {
            errors.Add("email", "Not a valid email address.");
        }
        else if (email.Length > 0 && network.FindMemberByEmail(email) is { } other && other.Id != memberId)
        {
            errors.Add("email", "Already a member of this network.");
        }
    }

    /// <summary>The department as the organisation's list spells it; null (and an error) when it is not listed.</summary>
    static string? ListedDepartment(string department, Network network, FieldErrors errors)
    {
        string? listed = network.Departments.FirstOrDefault(d => string.Equals(d, department, StringComparison.OrdinalIgnoreCase));
        if (department.Length > 0 && listed is null)
        {
            errors.Add("department", "Not one of the organisation's departments.");
        }

        return listed;
    }

    public static (MeetingChange? Change, FieldErrors Errors) ReadMeetingChange(JsonElement body, Network network, int number, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "Send {start, end, location?} to move the meeting or {cancelled: true} to cancel it.");
            return (null, errors);
        }

        Unknown(body, errors, "start", "end", "location", "cancelled");
        if (body.TryGetProperty("cancelled", out JsonElement cancelled))
        {
            if (cancelled.ValueKind != JsonValueKind.True)
            {
                errors.Add("cancelled", "Only true is accepted: a cancelled meeting is not brought back.");
            }

            if (body.TryGetProperty("start", out _) || body.TryGetProperty("end", out _) || body.TryGetProperty("location", out _))
            {
                errors.Add("cancelled", "Cancel or move the meeting, not both in one request.");
            }

            return errors.IsEmpty ? (new MeetingChange(null, null, null, true), errors) : (null, errors);
        }

        DateTimeOffset? start = Instant(body, "start", errors);
        DateTimeOffset? end = Instant(body, "end", errors);
        string? location = body.TryGetProperty("location", out JsonElement place) && place.ValueKind != JsonValueKind.Null
            ? Text(body, "location", 200, errors)
            : null;
        if (start is { } s && s <= now)
        {
            errors.Add("start", "Must be in the future.");
        }

        if (start is { } s2 && end is { } e && e <= s2)
        {
            errors.Add("end", "Must be after the start.");
        }

        if (start is { } s3 && end is { } e2 && e2 - s3 > TimeSpan.FromHours(12))
        {
            errors.Add("end", "A meeting lasts at most 12 hours.");
        }

        if (start is { } s4 && end is { } e3)
        {
            foreach (Meeting other in network.Meetings.Where(m => m.Number != number && !m.Cancelled))
            {
                if (s4 < other.End && other.Start < e3)
                {
                    errors.Add("start", $"Overlaps meeting {other.Number}.");
                }
            }
        }

        return errors.IsEmpty ? (new MeetingChange(start, end, location, false), errors) : (null, errors);
    }

    static void Unknown(JsonElement body, FieldErrors errors, params string[] known)
    {
        foreach (JsonProperty property in body.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors.Add(property.Name, $"Unknown field. Known fields: {string.Join(", ", known)}.");
        }
    }

    static string Text(JsonElement body, string field, int max, FieldErrors errors)
    {
        if (!body.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(field, "Required.");
            return "";
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString()!.Trim() is not { Length: > 0 } text)
        {
            errors.Add(field, "Must be a non-empty string.");
            return "";
        }

        if (text.Length > max || text.Any(char.IsControl))
        {
            errors.Add(field, $"At most {max} characters, no control characters.");
        }

        return text;
    }

    /// <summary>A text field that may be left out (null); when present, the same rules as a required one.</summary>
    static string? Optional(JsonElement body, string field, int max, FieldErrors errors) =>
        body.TryGetProperty(field, out _) ? Text(body, field, max, errors) : null;

    static DateTimeOffset? Instant(JsonElement body, string field, FieldErrors errors)
    {
        string text = Text(body, field, 40, errors);
        if (text.Length == 0)
        {
            return null;
        }

        if (!text.Contains('T') || !(text.EndsWith('Z') || text.Length > 6 && text[^6] is '+' or '-')
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset instant))
        {
            errors.Add(field, "Use an ISO 8601 date and time with an offset, e.g. 2027-02-03T09:00:00+01:00.");
            return null;
        }

        return instant;
    }
}
