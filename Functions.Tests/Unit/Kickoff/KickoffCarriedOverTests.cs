using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkFunctions.Kickoff;
using NetworkFunctions.Networks;
using static NetworkFunctions.Tests.Support.DomainFixtures;
using static NetworkFunctions.Tests.Unit.Kickoff.KickoffDocuments;

namespace NetworkFunctions.Tests.Unit.Kickoff;

/// <summary>The kickoff document's optional <c>carriedOver</c>: last year's waiting contributions for the first agenda.</summary>
public sealed class KickoffCarriedOverTests
{
    static JsonObject Carried(string email, string type, string title, string? description = null)
    {
        var item = new JsonObject { ["memberEmail"] = email, ["type"] = type, ["title"] = title };
        if (description is not null)
        {
            item["description"] = description;
        }

        return item;
    }

    static JsonObject WithCarried(params JsonNode[] items)
    {
        JsonObject document = Valid();
        document["carriedOver"] = new JsonArray(items);
        return document;
    }

    [Fact]
    public void Reads_each_contribution_by_the_member_with_that_address()
    {
        var (network, errors) = Parse(WithCarried(
            Carried("BO@slagelse.dk ", "theme", " Frivillige <i> foreninger ", "Hvordan\r\nfår vi dem med?\t"),
            Carried("anne@slagelse.dk", "case", "Havnen"),
            Carried("anne@slagelse.dk", "experience", "Borgerpanel", ""),
            Carried("dan@slagelse.dk", "challenge", "Ingen tid")));

        Assert.True(errors.IsEmpty, string.Join(", ", Keys(errors)));
        Assert.Equal(
            [
                new CarriedOverContribution("m002", new Contribution(ContributionType.Theme, "Frivillige <i> foreninger", "Hvordan\nfår vi dem med?")),
                new CarriedOverContribution("m001", new Contribution(ContributionType.Case, "Havnen", "")),
                new CarriedOverContribution("m001", new Contribution(ContributionType.Experience, "Borgerpanel", "")),
                new CarriedOverContribution("m004", new Contribution(ContributionType.Challenge, "Ingen tid", "")),
            ],
            network!.CarriedOver);
    }

    [Fact]
    public void Is_optional_and_empty_when_absent_null_or_an_empty_list()
    {
        JsonObject absent = Valid();
        JsonObject none = Valid();
        none["carriedOver"] = null;

        Assert.Empty(Parse(absent).Network!.CarriedOver);
        Assert.Empty(Parse(none).Network!.CarriedOver);
        Assert.Empty(Parse(WithCarried()).Network!.CarriedOver);
    }

    [Fact]
    public void Reports_every_field_error_of_every_contribution()
    {
        var (network, errors) = Parse(WithCarried(
            Carried("nobody@slagelse.dk", "idea", ""),
            new JsonObject { ["type"] = "theme", ["title"] = new string('x', 121), ["description"] = new string('y', 2001), ["author"] = "Anne" },
            "just a title",
            Carried("anne@slagelse.dk", "theme", "Med\u0007klokke", "Linje\u0000nul"),
            new JsonObject { ["memberEmail"] = 7, ["type"] = JsonValue.Create(true), ["title"] = "Ok", ["description"] = new JsonArray() }));

        Assert.Null(network);
        Assert.Equal(
            new[]
            {
                "carriedOver[0].memberEmail", "carriedOver[0].type", "carriedOver[0].title",
                "carriedOver[1].author", "carriedOver[1].memberEmail", "carriedOver[1].title", "carriedOver[1].description",
                "carriedOver[2]",
                "carriedOver[3].title", "carriedOver[3].description",
                "carriedOver[4].memberEmail", "carriedOver[4].type", "carriedOver[4].description",
            }.Order(StringComparer.Ordinal),
            Keys(errors));
    }

    [Fact]
    public void Reports_its_errors_together_with_those_of_the_rest_of_the_document()
    {
        JsonObject document = WithCarried(Carried("anne@slagelse.dk", "theme", ""));
        document["language"] = "fr";

        Assert.Equal(["carriedOver[0].title", "language"], Keys(Parse(document).Errors));
    }

    [Fact]
    public void Refuses_a_field_that_is_not_a_list_or_holds_too_many()
    {
        JsonObject notAList = Valid();
        notAList["carriedOver"] = "Frivillige";
        JsonObject tooMany = WithCarried([.. Enumerable.Range(0, KickoffParser.MaxCarriedOver + 1).Select(i => (JsonNode)Carried("anne@slagelse.dk", "theme", $"Tema {i}"))]);

        Assert.Equal(["carriedOver"], Keys(Parse(notAList).Errors));
        Assert.Equal(["carriedOver"], Keys(Parse(tooMany).Errors));
        Assert.True(Parse(WithCarried([.. Enumerable.Range(0, KickoffParser.MaxCarriedOver).Select(i => (JsonNode)Carried("anne@slagelse.dk", "theme", $"Tema {i}"))])).Errors.IsEmpty);
    }

    [Fact]
    public void Survives_the_network_document_round_trip_and_reads_old_documents_without_it()
    {
        Network network = Parse(WithCarried(Carried("bo@slagelse.dk", "theme", "Frivillige"))).Network!;
        var options = NetworkFunctions.Storage.DocumentJson.Options;

        Network stored = JsonSerializer.Deserialize<Network>(JsonSerializer.Serialize(network, options), options)!;
        JsonObject old = JsonNode.Parse(JsonSerializer.Serialize(network, options))!.AsObject();
        old.Remove("carriedOver");

        Assert.Equal(network.CarriedOver, stored.CarriedOver);
        Assert.Empty(JsonSerializer.Deserialize<Network>(old.ToJsonString(), options)!.CarriedOver);
    }

    [Fact]
    public void Writes_a_network_back_as_the_document_that_starts_it()
    {
        Network network = Parse(WithCarried(Carried("bo@slagelse.dk", "case", "Havnen", "To\nlinjer"))).Network!;

        JsonElement written = JsonSerializer.SerializeToElement(KickoffDocument.Of(network), KickoffDocument.JsonOptions);
        var (again, errors) = KickoffParser.Parse(written, Now, () => "m" + Guid.NewGuid().ToString("N")[..6], () => "x");

        Assert.True(errors.IsEmpty, string.Join(", ", Keys(errors)));
        Assert.Equal(network.Id, again!.Id);
        Assert.Equal(network.Meetings.Select(m => (m.Start, m.End, m.Location, m.Title)), again.Meetings.Select(m => (m.Start, m.End, m.Location, m.Title)));
        Assert.Equal(network.CarriedOver.Single().Contribution, again.CarriedOver.Single().Contribution);
        Assert.Equal("bo@slagelse.dk", again.FindMember(again.CarriedOver.Single().MemberId)!.Email);
    }
}
