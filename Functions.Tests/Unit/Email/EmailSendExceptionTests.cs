using System.Net;
using NetworkFunctions.Email;

namespace NetworkFunctions.Tests.Unit.Email;

/// <summary>SendGrid's answers, read as SendGrid documents them.</summary>
public sealed class EmailSendExceptionTests
{
    [Theory]
    [InlineData(400, SendFailure.Refused)]
    [InlineData(413, SendFailure.Refused)]
    [InlineData(415, SendFailure.Refused)]
    [InlineData(401, SendFailure.Configuration)]
    [InlineData(403, SendFailure.Configuration)]
    [InlineData(404, SendFailure.Configuration)]
    [InlineData(405, SendFailure.Configuration)]
    [InlineData(408, SendFailure.Transient)]
    [InlineData(429, SendFailure.Transient)]
    [InlineData(500, SendFailure.Transient)]
    [InlineData(502, SendFailure.Transient)]
    [InlineData(503, SendFailure.Transient)]
    [InlineData(504, SendFailure.Transient)]
    public void Each_answer_is_a_refusal_of_the_message_a_configuration_fault_or_passing(int status, SendFailure expected)
    {
        Assert.Equal(expected, EmailSendException.Classify((HttpStatusCode)status));
    }

    [Fact]
    public void The_message_names_the_status_only_so_no_address_reaches_the_orchestration_history()
    {
        var error = new EmailSendException(HttpStatusCode.BadRequest, "The to email anne@example.org is invalid");

        Assert.DoesNotContain("@", error.Message, StringComparison.Ordinal);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains("anne@example.org", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_answer_in_time_is_transient()
    {
        EmailSendException error = EmailSendException.NoAnswer(TimeSpan.FromSeconds(30), new TaskCanceledException());

        Assert.Equal(SendFailure.Transient, error.Failure);
        Assert.Equal(HttpStatusCode.RequestTimeout, error.Status);
    }
}
