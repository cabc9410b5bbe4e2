using NetworkFunctions.Rendering;

namespace NetworkFunctions.Overview;

/// <summary>The dashboard page: <see cref="DashboardBuilder"/>'s view rendered in the <c>page</c> layout (no script, mobile first).</summary>
public static class DashboardPage
{
    public const string Template = "dashboard";

    public static string Render(TemplateRenderer renderer, DashboardInput input, Func<DepartmentAttendance, Networks.Language, byte[]?>? chart = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(input);
        DashboardView view = new DashboardBuilder(renderer).Build(input, chart);
        return renderer.RenderHtml(Template, view, input.Network.Language, "page");
    }

    /// <summary>The dashboard without the page around it: for the console, which puts its forms below it.</summary>
    public static string RenderBody(TemplateRenderer renderer, DashboardInput input, Func<DepartmentAttendance, Networks.Language, byte[]?>? chart = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(input);
        return renderer.RenderHtml(Template, new DashboardBuilder(renderer).Build(input, chart), input.Network.Language, layout: null);
    }
}
