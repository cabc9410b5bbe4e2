using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkFunctions.Email;
using NetworkFunctions.Hosting;
using NetworkFunctions.Networks;
using NetworkFunctions.Storage;

namespace NetworkFunctions.Tests.Unit.Networks;

/// <summary>The <c>Network</c> settings as the app validates them at start.</summary>
public sealed class NetworkOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("365")]
    [InlineData("3650")]
    public void Accepts_a_retention_period_from_none_to_ten_years(string days)
    {
        Assert.Equal(int.Parse(days, System.Globalization.CultureInfo.InvariantCulture), Resolve(days).RetentionDays);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("3651")]
    public void Refuses_a_negative_or_longer_retention_period(string days)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(days));

        Assert.Contains(nameof(NetworkOptions.RetentionDays), error.Message);
    }

    [Fact]
    public void Keeps_a_year_by_default()
    {
        Assert.Equal(365, Resolve(days: null).RetentionDays);
    }

    [Fact]
    public void Refuses_an_empty_setting_rather_than_reading_it_as_no_retention()
    {
        Assert.Throws<InvalidOperationException>(() => Resolve(days: ""));
    }

    static NetworkOptions Resolve(string? days)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{NetworkOptions.Section}:{nameof(NetworkOptions.PublicBaseUrl)}"] = "https://network.example.org",
        };
        if (days is not null)
        {
            settings[$"{NetworkOptions.Section}:{nameof(NetworkOptions.RetentionDays)}"] = days;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using ServiceProvider services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddNetworkFunctions(configuration)
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<NetworkOptions>>().Value;
    }
}
