using MudBlazor;

namespace MsoManager.Web.Components.Layout;

/// <summary>The product's colours, light and dark; contrast checked against WCAG AA for text.</summary>
internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#6b4c9a",
            AppbarBackground = "#1f5f8b",
            Background = "#f6f8fa",
            // Darker than MudBlazor's defaults so white text on them, and they on white, reach 4.5:1.
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#9a5800",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7cb8e4",
            Secondary = "#b79be0",
            AppbarBackground = "#1b2733",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
