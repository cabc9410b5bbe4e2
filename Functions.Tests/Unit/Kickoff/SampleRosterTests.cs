using System.Text.Json;
using NetworkFunctions.Kickoff;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Kickoff;

/// <summary>The sample roster files a newcomer uploads in the console hold the sample network's members, read without a problem.</summary>
public sealed class SampleRosterTests
{
    [Theory]
    [InlineData("slagelse-2027-roster.xlsx", RosterFileKind.Xlsx)]
    [InlineData("slagelse-2027-roster.csv", RosterFileKind.Csv)]
    public void The_sample_roster_is_the_sample_networks_members(string file, RosterFileKind kind)
    {
        using JsonDocument sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "samples", "slagelse-2027.json")));
        string[] departments = [.. sample.RootElement.GetProperty("departments").EnumerateArray().Select(d => d.GetString()!)];
        KickoffMember[] expected = [.. sample.RootElement.GetProperty("members").EnumerateArray()
            .Select(m => new KickoffMember(m.GetProperty("name").GetString()!, m.GetProperty("email").GetString()!, m.GetProperty("department").GetString()!))];

        RosterResult roster = RosterImport.Read(File.ReadAllBytes(Path.Combine(RepositoryRoot, "samples", file)), kind, departments);

        Assert.Empty(roster.Problems);
        Assert.Equal(expected, roster.Members);
    }
}
