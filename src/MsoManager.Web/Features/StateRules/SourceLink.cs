namespace MsoManager.Web.Features.StateRules;

/// <summary>A source of state-rules.csv as a link: its http(s) URL, the host to show, and any note after the URL ("(cites …)").</summary>
public sealed record SourceLink(string Url, string Host, string? Note)
{
    /// <summary>Reads "https://… (note)"; false for anything that is not an absolute http(s) URL, which is then shown as text, never as a link.</summary>
    public static bool TryParse(string source, out SourceLink link)
    {
        var parts = source.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        if (Uri.TryCreate(parts[0], UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            link = new SourceLink(uri.AbsoluteUri, uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host, parts.Length > 1 ? parts[1] : null);
            return true;
        }

        link = null!;
        return false;
    }
}
