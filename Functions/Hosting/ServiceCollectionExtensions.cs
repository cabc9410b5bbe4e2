using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkFunctions.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>The one composition root: both the Functions host and Functions.Local call this.</summary>
    public static IServiceCollection AddNetworkFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
