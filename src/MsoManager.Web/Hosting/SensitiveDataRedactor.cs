using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace MsoManager.Web.Hosting;

/// <summary>
/// Keeps secrets and EINs out of the logs, whoever logs them: properties named like a secret are
/// replaced, and any EIN-shaped text (NN-NNNNNNN) in a property value is masked.
/// </summary>
public sealed partial class SensitiveDataRedactor : ILogEventEnricher
{
    public const string Redacted = "[redacted]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var cleaned = IsSecretName(name) ? new ScalarValue(Redacted) : Clean(value);
            if (!ReferenceEquals(cleaned, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, cleaned));
            }
        }
    }

    private static bool IsSecretName(string name) => SecretName().IsMatch(name);

    private static LogEventPropertyValue Clean(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when Ein().IsMatch(text) => new ScalarValue(Ein().Replace(text, "**-*******")),
        SequenceValue sequence => sequence.Elements.Select(Clean).ToList() is var elements
            && elements.Where((e, i) => !ReferenceEquals(e, sequence.Elements[i])).Any()
                ? new SequenceValue(elements)
                : sequence,
        StructureValue structure => structure.Properties.Any(p => IsSecretName(p.Name) || !ReferenceEquals(Clean(p.Value), p.Value))
            ? new StructureValue(
                structure.Properties.Select(p => new LogEventProperty(p.Name, IsSecretName(p.Name) ? new ScalarValue(Redacted) : Clean(p.Value))),
                structure.TypeTag)
            : structure,
        _ => value,
    };

    [GeneratedRegex("password|passwd|secret|token|authorization|cookie|apikey|^ein$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?<!\d)\d{2}-\d{7}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Ein();
}
