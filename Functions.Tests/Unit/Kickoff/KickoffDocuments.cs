using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using NetworkFunctions.Validation;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Kickoff;

/// <summary>A complete, valid kickoff document (SPEC section 4) that tests change one field at a time.</summary>
internal static class KickoffDocuments
{
    public static JsonObject Valid() => new()
    {
        ["networkId"] = "slagelse-samskabelse-2027",
        ["name"] = "Læringsnetværk for samskabelse",
        ["organisation"] = "Slagelse Kommune",
        ["language"] = "da",
        ["timeZone"] = "Europe/Copenhagen",
        ["director"] = new JsonObject { ["name"] = "Dorthe Direktør", ["email"] = "dorthe@slagelse.dk" },
        ["facilitator"] = new JsonObject { ["name"] = "Frida Facilitator", ["email"] = "frida@borgerdialog.dk", ["organisation"] = "Center for Borgerdialog" },
        ["consultant"] = new JsonObject { ["name"] = "Karl Konsulent", ["email"] = "karl@slagelse.dk" },
        ["departments"] = new JsonArray(Teknik, Born, Sundhed, Okonomi),
        ["members"] = new JsonArray(
            Person("Anne Andersen", "anne@slagelse.dk", Teknik),
            Person("Bo Berg", "bo@slagelse.dk", Born),
            Person("Cecilie Clausen", "cecilie@slagelse.dk", Sundhed),
            Person("Dan Dam", "dan@slagelse.dk", Teknik)),
        ["meetings"] = new JsonArray(
            MeetingAt("2027-02-03T09:00:00+01:00", "2027-02-03T12:30:00+01:00", "Rådhuset, mødelokale 1", "Opstart"),
            MeetingAt("2027-04-07T09:00:00+02:00", "2027-04-07T12:30:00+02:00", "Skælskør Bibliotek"),
            MeetingAt("2027-06-09T13:00:00+02:00", "2027-06-09T16:30:00+02:00", "Korsør Kulturhus")),
        ["schedule"] = new JsonObject
        {
            ["invitationLead"] = "P28D",
            ["contributionDeadlineLead"] = "P10D",
            ["reminderLeads"] = new JsonArray("P5D", "P1D"),
            ["finalAgendaLead"] = "P3D",
            ["surveyDelay"] = "PT1H",
            ["surveyOpenFor"] = "P7D",
            ["surveyReminderAfter"] = "P3D",
        },
    };

    public static JsonObject Person(string name, string email, string department) =>
        new() { ["name"] = name, ["email"] = email, ["department"] = department };

    public static JsonObject MeetingAt(string start, string end, string location = "Rådhuset", string? title = null)
    {
        var meeting = new JsonObject { ["start"] = start, ["end"] = end, ["location"] = location };
        if (title is not null)
        {
            meeting["title"] = title;
        }

        return meeting;
    }

    public static (Network? Network, FieldErrors Errors) Parse(JsonNode? document)
    {
        int member = 0;
        return KickoffParser.Parse(JsonSerializer.SerializeToElement(document), Now, () => $"m{++member:D3}", () => "k3f9q2");
    }

    public static (Network? Network, FieldErrors Errors) Parse(string json) => Parse(JsonNode.Parse(json));

    public static string[] Keys(FieldErrors errors) => errors.ToDictionary().Keys.ToArray();
}
