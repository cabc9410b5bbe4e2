using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using NetworkFunctions.Http;

namespace NetworkFunctions.Tests.Unit.Http;

/// <summary>A multipart form with a file, as a browser posts the console's new-network form.</summary>
public sealed class MultipartFormTests
{
    static async Task<HttpRequest> RequestAsync(MultipartFormDataContent content)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = content.Headers.ContentType!.ToString();
        context.Request.Body = new MemoryStream(await content.ReadAsByteArrayAsync());
        return context.Request;
    }

    [Fact]
    public async Task Text_fields_are_read_as_text_and_a_file_as_its_name_and_bytes()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("Læringsnetværk", Encoding.UTF8), "name" },
            { new StringContent("first", Encoding.UTF8), "twice" },
            { new StringContent("second", Encoding.UTF8), "twice" },
        };
        var file = new ByteArrayContent([0xEF, 0xBB, 0xBF, (byte)'N', 0x00, 0xFF]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "roster", "C:\\Users\\sara\\Deltagere 2027.csv");

        RequestBodies.Read<RequestBodies.MultipartForm> read = await RequestBodies.ReadMultipartFormAsync(await RequestAsync(content), 1024 * 1024, 10, CancellationToken.None);

        Assert.Null(read.Problem);
        Assert.Equal("Læringsnetværk", read.Value!.Fields["name"]);
        Assert.Equal("first", read.Value.Fields["twice"]);
        Assert.False(read.Value.Fields.ContainsKey("roster"));
        Assert.Equal("Deltagere 2027.csv", read.Value.Files["roster"].FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'N', 0x00, 0xFF], read.Value.Files["roster"].Content);
    }

    [Fact]
    public async Task Too_many_parts_and_too_many_bytes_are_refused()
    {
        using var content = new MultipartFormDataContent();
        for (int i = 0; i < 5; i++)
        {
            content.Add(new StringContent(new string('x', 100)), $"f{i}");
        }

        Assert.Equal(StatusCodes.Status400BadRequest, StatusOf((await RequestBodies.ReadMultipartFormAsync(await RequestAsync(content), 1024 * 1024, 4, CancellationToken.None)).Problem));
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, StatusOf((await RequestBodies.ReadMultipartFormAsync(await RequestAsync(content), 200, 10, CancellationToken.None)).Problem));
    }

    [Fact]
    public void The_answer_of_the_api_reads_back_as_its_status_title_and_field_errors()
    {
        var errors = new NetworkFunctions.Validation.FieldErrors();
        errors.Add("email", "Already a member of this network.");

        Assert.Equal((400, "The member is not valid.", "Already a member of this network."), Flat(Problems.Describe(Problems.Validation(errors, "The member is not valid."))));
        Assert.Equal((503, "Down.", null), Flat(Problems.Describe(Problems.Unavailable("Down.", "Later."))));
        Assert.Equal((409, "Busy.", null), Flat(Problems.Describe(Problems.Conflict("Busy."))));
        Assert.Equal((204, null, null), Flat(Problems.Describe(Results.NoContent())));
        Assert.Equal((201, null, null), Flat(Problems.Describe(Results.Created("/x", new { }))));
    }

    static (int, string?, string?) Flat((int Status, string? Title, IReadOnlyDictionary<string, string[]> Errors) d) =>
        (d.Status, d.Title, d.Errors.Values.SelectMany(e => e).FirstOrDefault());

    static int? StatusOf(IResult? result) => result is null ? null : Problems.Describe(result).Status;
}
