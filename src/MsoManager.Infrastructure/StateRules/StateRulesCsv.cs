using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Infrastructure.StateRules;

/// <summary>
/// Reads state-rules.csv (RFC 4180: quoted fields may hold commas, quotes and line breaks) into
/// <see cref="StateRule"/> rows. The file shipped with the app is an embedded resource; its SHA-256
/// tells the start-up refresh whether it changed.
/// </summary>
public static class StateRulesCsv
{
    private const string ResourceName = "MsoManager.StateRules.csv";

    /// <summary>The shipped file's text.</summary>
    public static string ShippedText()
    {
        using var stream = typeof(StateRulesCsv).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Parses the file; a row with a bad value fails with its state and column named.</summary>
    public static IReadOnlyList<StateRule> Parse(string text)
    {
        var records = ReadRecords(text);
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0];
        var index = header.Select((name, i) => (name, i)).ToDictionary(c => c.name.Trim(), c => c.i, StringComparer.Ordinal);
        return [.. records.Skip(1).Where(r => r.Count > 1 || r[0].Length > 0).Select(r => ToRule(r, index))];
    }

    private static StateRule ToRule(IReadOnlyList<string> record, Dictionary<string, int> index)
    {
        string Field(string column) => index.TryGetValue(column, out var i) && i < record.Count ? record[i].Trim() : "";
        var code = Field("state_code");
        T Enum<T>(string column)
            where T : struct, System.Enum =>
            System.Enum.TryParse<T>(Field(column).Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var value) && System.Enum.IsDefined(value)
                ? value
                : throw new FormatException($"state-rules.csv, {code}: {column} '{Field(column)}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}.");
        IReadOnlyList<T> List<T>(string column)
            where T : struct, System.Enum =>
            [.. Field(column).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => System.Enum.TryParse<T>(v, ignoreCase: true, out var value) ? value
                    : throw new FormatException($"state-rules.csv, {code}: {column} has the unknown value '{v}'."))
                .Distinct()];

        var licenses = List<LicenseType>("pc_owner_licenses");
        var minimum = Field("physician_min_percent");
        var compiled = Field("compiled_on");
        return new StateRule
        {
            State = StateCode.From(code, "state_code"),
            StateName = Field("state_name"),
            Cpom = Enum<CpomStrength>("cpom"),
            CpomConfidence = Enum<Confidence>("cpom_confidence"),
            PcOwnerCategory = Enum<PcOwnerCategory>("pc_owner_category"),
            PcOwnerLicenses = licenses.Count == 0 ? StateRuleDefaults.PcOwnerLicenses : licenses,
            PhysicianMinPercent = minimum.Length == 0 ? null : decimal.Parse(minimum, NumberStyles.Number, CultureInfo.InvariantCulture),
            PcOwnersConfidence = Enum<Confidence>("pc_owners_confidence"),
            ProfessionalForms = List<EntityForm>("professional_forms"),
            ProfessionalFormsConfidence = Enum<Confidence>("professional_forms_confidence"),
            FeeSplitting = Enum<FeeSplittingStance>("fee_splitting"),
            FeeSplittingConfidence = Enum<Confidence>("fee_splitting_confidence"),
            MedSpaNotes = Field("med_spa_notes") is { Length: > 0 } notes ? notes : null,
            MedSpaNotesConfidence = Enum<Confidence>("med_spa_notes_confidence"),
            PcOwnersDetail = Field("pc_owners_detail"),
            EntityFormsDetail = Field("entity_forms_detail"),
            Sources = SplitSources(Field("sources")),
            CompiledOn = compiled.Length == 0 ? null : DateOnly.ParseExact(compiled, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Sources are separated by " | "; a source may carry a note after its URL ("https://… (cites …)").</summary>
    private static IReadOnlyList<string> SplitSources(string value) =>
        [.. value.Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>RFC 4180 records (quoted fields, doubled quotes, CRLF or LF rows); the tests read the audit export with it too.</summary>
    internal static List<List<string>> ReadRecords(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
