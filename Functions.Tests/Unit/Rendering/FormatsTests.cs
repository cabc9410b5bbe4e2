using NetworkFunctions.Email;
using NetworkFunctions.Networks;
using NetworkFunctions.Rendering;
using static NetworkFunctions.Tests.Support.DomainFixtures;

namespace NetworkFunctions.Tests.Unit.Rendering;

public sealed class FormatsTests
{
    [Theory]
    [InlineData("2027-02-03T09:00:00+01:00", Language.Da, "onsdag den 3. februar 2027")]
    [InlineData("2027-02-03T09:00:00+01:00", Language.En, "Wednesday 3 February 2027")]
    [InlineData("2027-07-01T07:00:00Z", Language.Da, "torsdag den 1. juli 2027")]
    [InlineData("2027-07-01T07:00:00Z", Language.En, "Thursday 1 July 2027")]
    [InlineData("2027-02-02T23:30:00Z", Language.Da, "onsdag den 3. februar 2027")]
    [InlineData("2027-10-31T22:59:59Z", Language.En, "Sunday 31 October 2027")]
    [InlineData("2027-12-24T10:00:00+01:00", Language.Da, "fredag den 24. december 2027")]
    public void WritesTheDateInCopenhagen(string instant, Language language, string expected)
    {
        Assert.Equal(expected, Formats.Date(At(instant), Copenhagen, language));
    }

    [Theory]
    [InlineData("2027-02-03T08:00:00Z", Language.Da, "09.00")]
    [InlineData("2027-02-03T08:00:00Z", Language.En, "09:00")]
    [InlineData("2027-07-01T11:30:00Z", Language.Da, "13.30")]
    [InlineData("2027-07-01T11:30:00Z", Language.En, "13:30")]
    [InlineData("2027-02-03T08:00:05Z", Language.Da, "09.00.05")]
    [InlineData("2027-02-03T08:00:05Z", Language.En, "09:00:05")]
    [InlineData("2027-03-28T01:00:00Z", Language.Da, "03.00")]
    [InlineData("2027-10-31T00:30:00Z", Language.Da, "02.30")]
    [InlineData("2027-10-31T01:30:00Z", Language.Da, "02.30")]
    [InlineData("2027-02-02T23:00:00Z", Language.En, "00:00")]
    public void WritesTheTimeInCopenhagen(string instant, Language language, string expected)
    {
        Assert.Equal(expected, Formats.Time(At(instant), Copenhagen, language));
    }

    [Theory]
    [InlineData("2027-02-03T09:00:00+01:00", "2027-02-03T12:30:00+01:00", Language.Da, "onsdag den 3. februar 2027 kl. 09.00–12.30")]
    [InlineData("2027-02-03T09:00:00+01:00", "2027-02-03T12:30:00+01:00", Language.En, "Wednesday 3 February 2027, 09:00–12:30")]
    [InlineData("2027-06-09T11:00:00Z", "2027-06-09T14:30:00Z", Language.Da, "onsdag den 9. juni 2027 kl. 13.00–16.30")]
    [InlineData("2027-06-09T11:00:00Z", "2027-06-09T14:30:00Z", Language.En, "Wednesday 9 June 2027, 13:00–16:30")]
    [InlineData("2027-02-03T09:00:00+01:00", "2027-02-03T09:01:30+01:00", Language.Da, "onsdag den 3. februar 2027 kl. 09.00–09.01.30")]
    public void WritesAMeetingsSpan(string start, string end, Language language, string expected)
    {
        Assert.Equal(expected, Formats.Span(At(start), At(end), Copenhagen, language));
    }

    [Theory]
    [InlineData("2027-01-24T08:00:00Z", Language.Da, "søndag den 24. januar 2027 kl. 09.00")]
    [InlineData("2027-01-24T08:00:00Z", Language.En, "Sunday 24 January 2027 at 09:00")]
    [InlineData("2027-03-29T07:00:00Z", Language.Da, "mandag den 29. marts 2027 kl. 09.00")]
    [InlineData("2027-10-24T07:00:00Z", Language.En, "Sunday 24 October 2027 at 09:00")]
    public void WritesAMoment(string instant, Language language, string expected)
    {
        Assert.Equal(expected, Formats.Moment(At(instant), Copenhagen, language));
    }

    [Fact]
    public void NamesEveryMonthAndDayInDanish()
    {
        string[] months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
        string[] days = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];

        for (int month = 1; month <= 12; month++)
        {
            DateTimeOffset first = ZonedTimeOf(new DateTime(2027, month, 1, 12, 0, 0));
            Assert.Equal($"{days[(int)first.DayOfWeek]} den 1. {months[month - 1]} 2027", Formats.Date(first, Copenhagen, Language.Da));
        }
    }

    [Theory]
    [InlineData(Language.Da, "da-DK")]
    [InlineData(Language.En, "en-GB")]
    public void UsesTheLanguagesCulture(Language language, string culture)
    {
        Assert.Equal(culture, Formats.Culture(language).Name);
    }

    static DateTimeOffset ZonedTimeOf(DateTime local) => ZonedTime.FromLocal(local, Copenhagen);
}
