using System.Text.Json;
using System.Text.Json.Serialization;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.Practices;
using Fields = MsoManager.Domain.Practices.AgreementComparison.Fields;

namespace MsoManager.Web.Features.History;

/// <summary>
/// An agreement's terms, stored whole as one JSON value, read term by term: one line per term that
/// changed ("Fee: 45% of collections → $25,000 a month"), services and reserved clinical authority
/// as what was added and removed, and for a new or removed agreement the terms it had.
/// </summary>
public static class TermsChanges
{
    // As the terms column stores them (ValueObjectConversions): property names as declared, enums as names.
    private static readonly JsonSerializerOptions Stored = new() { Converters = { new JsonStringEnumConverter() } };

    public static IEnumerable<AuditLine> Describe(AuditValues? before, AuditValues? after, AuditContext context)
    {
        var from = Read(before);
        var to = Read(after);
        if ((before?.Has("Terms") == true && from is null) || (after?.Has("Terms") == true && to is null))
        {
            // Terms written in a shape this version cannot read (hand-edited, or from a newer version): said, not guessed.
            return context.Action == AuditAction.Changed ? [new AuditLine("Terms", null, "changed (not readable here)", IsChange: false)] : [];
        }

        return Lines(from ?? MsaTerms.Empty, to ?? MsaTerms.Empty, context);
    }

    /// <summary>The fee in words: "45% of collections", "$25,000 a month", "cost plus 10%"; null without a fee method.</summary>
    public static string? Fee(MsaTerms terms)
    {
        if (terms.FeeMethod is not { } method)
        {
            return null;
        }

        if (!terms.HasCompleteFee)
        {
            return $"{AgreementLabels.Of(method)}, amount not set";
        }

        return method switch
        {
            FeeMethod.FlatMonthly => $"{AuditFormat.Money(terms.FlatMonthly!.Value)} a month",
            FeeMethod.PercentOfCollections => $"{AuditFormat.Percent(terms.RatePercent!.Value)} of collections",
            FeeMethod.CostPlus => $"cost plus {AuditFormat.Percent(terms.MarkupPercent!.Value)}",
            FeeMethod.Hybrid => $"{AuditFormat.Money(terms.FlatMonthly!.Value)} a month plus {AuditFormat.Percent(terms.RatePercent!.Value)} of collections",
            _ => AgreementLabels.Of(method),
        };
    }

    /// <summary>The fair market value range in words: "$200,000 to $300,000 a year".</summary>
    public static string? FmvRange(MsaTerms terms) => (terms.FmvLow, terms.FmvHigh) switch
    {
        ({ } low, { } high) => $"{AuditFormat.Money(low)} to {AuditFormat.Money(high)} a year",
        ({ } low, null) => $"at least {AuditFormat.Money(low)} a year",
        (null, { } high) => $"up to {AuditFormat.Money(high)} a year",
        _ => null,
    };

    /// <summary>
    /// Every term in words, in the form's order, each with the practice document fields it covers: the
    /// history's lines and the version compare's rows are these. A list term also gives its items.
    /// </summary>
    public static IReadOnlyList<TermWords> Terms { get; } =
    [
        new("Effective date", [Fields.EffectiveOn], t => Date(t.EffectiveOn)),
        new("Initial term", [Fields.TermMonths], t => Months(t.InitialTermMonths)),
        new("Renews automatically", [Fields.AutoRenew], t => t.AutoRenew ? "Yes" : "No"),
        new("Renewal term", [Fields.RenewalTermMonths], t => Months(t.RenewalTermMonths)),
        new("Without-cause notice", [Fields.WithoutCauseNoticeDays], t => t.WithoutCauseNoticeDays is { } days ? AuditFormat.Count(days, "day", "days") : null),
        new("For-cause provisions", [Fields.ForCauseProvisions], t => t.ForCauseProvisions),
        TermWords.List("Services in scope", "Services", Fields.Services, t => t.Services.Select(AgreementLabels.Of)),
        TermWords.List("Custom services", "Custom services", Fields.CustomServices, t => t.CustomServices),
        new("Fee", [Fields.FeeMethod, Fields.FlatMonthly, Fields.RatePercent, Fields.MarkupPercent], Fee),
        new("Payment terms", [Fields.PaymentTerms], t => t.PaymentTerms),
        new("FMV range", [Fields.FmvLow, Fields.FmvHigh], FmvRange),
        new("FMV valued on", [Fields.FmvValuedOn], t => Date(t.FmvValuedOn)),
        new("Valuator", [Fields.Valuator], t => t.Valuator),
        TermWords.List("Reserved clinical authority", "Reserved clinical authority", Fields.ReservedClinicalAuthority, t => t.ReservedAuthority.Select(AgreementLabels.Of)),
    ];

    private static IEnumerable<AuditLine> Lines(MsaTerms from, MsaTerms to, AuditContext context)
    {
        // "No" (renews automatically) is a change worth a line, but not a term a new agreement has.
        string? Words(TermWords term, MsaTerms terms) => term.Words(terms) is var words && (context.Action == AuditAction.Changed || words != "No") ? words : null;

        return Terms.SelectMany(term => term.Items is { } items
            ? Set(context, term.Label, term.ChangedLabel!, items(from), items(to))
            : context.Line(term.Label, Words(term, from), Words(term, to)));
    }

    private static string? Date(DateOnly? date) => date is { } value ? AuditFormat.Date(value) : null;

    private static string? Months(int? months) => months is { } value ? AuditFormat.Count(value, "month", "months") : null;

    /// <summary>A list term: what was added and what removed; for a new or removed agreement, the whole list.</summary>
    private static IEnumerable<AuditLine> Set(AuditContext context, string whole, string changed, IEnumerable<string> from, IEnumerable<string> to)
    {
        var before = from.ToList();
        var after = to.ToList();
        if (context.Action != AuditAction.Changed)
        {
            return context.Line(whole, Joined(before), Joined(after));
        }

        var added = Joined(after.Except(before, StringComparer.Ordinal));
        var removed = Joined(before.Except(after, StringComparer.Ordinal));
        return
        [
            .. added is null ? [] : new[] { new AuditLine($"{changed} added", null, added, IsChange: false) },
            .. removed is null ? [] : new[] { new AuditLine($"{changed} removed", removed, null, IsChange: false) },
        ];
    }

    internal static string? Joined(IEnumerable<string> items) => items.ToList() is { Count: > 0 } list ? string.Join(", ", list) : null;

    private static MsaTerms? Read(AuditValues? values)
    {
        if (values?.Text("Terms") is not { } json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<MsaTerms>(json, Stored);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}

/// <summary>
/// One term of an agreement in words: its label, the practice document fields it covers (as
/// <see cref="AgreementComparison"/> names them) and how a version's terms read; a list term also gives
/// its items and the label its additions and removals take ("Services added").
/// </summary>
public sealed record TermWords(string Label, IReadOnlyList<string> Fields, Func<MsaTerms, string?> Words)
{
    public Func<MsaTerms, IEnumerable<string>>? Items { get; private init; }

    public string? ChangedLabel { get; private init; }

    public static TermWords List(string label, string changedLabel, string field, Func<MsaTerms, IEnumerable<string>> items) =>
        new(label, [field], t => TermsChanges.Joined(items(t))) { Items = items, ChangedLabel = changedLabel };
}
