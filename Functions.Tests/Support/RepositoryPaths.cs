using NetworkFunctions.Local.Azurite;

namespace NetworkFunctions.Tests.Support;

public static class RepositoryPaths
{
    public static string Root => NodePackages.FindRoot() ?? throw new InvalidOperationException("Run the tests inside the repository.");

    /// <summary>Debug or Release: the configuration the tests were built in.</summary>
    public static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>The Functions app's build output (where the Functions SDK writes functions.metadata).</summary>
    public static string FunctionsOutput => Path.Combine(Root, "Functions", "bin", Configuration, "net10.0");
}
