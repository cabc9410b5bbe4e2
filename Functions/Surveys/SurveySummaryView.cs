namespace NetworkFunctions.Surveys;

// The survey summary as the templates see it: every number already formatted in the network's language.

internal sealed record SurveySummaryView(
    string Title,
    string NetworkName,
    string Organisation,
    string ResponseLine,
    bool HasResponses,
    IReadOnlyList<RatingRow> Ratings,
    IReadOnlyList<FreeTextSection> FreeTexts);

internal sealed record RatingRow(string Label, string Average, string Count, IReadOnlyList<string> Distribution);

internal sealed record FreeTextSection(string Heading, IReadOnlyList<string> Answers);
