using System.Text.Json;
using System.Text.Json.Serialization;
using MsoManager.Domain.Auditing;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.Practices;

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

    private static IEnumerable<AuditLine> Lines(MsaTerms from, MsaTerms to, AuditContext context)
    {
        string? Date(DateOnly? date) => date is { } value ? AuditFormat.Date(value) : null;
        string? Months(int? months) => months is { } value ? AuditFormat.Count(value, "month", "months") : null;

        // "No" is a change worth a line, but not a term a new agreement has.
        string? Renews(MsaTerms terms) => terms.AutoRenew ? "Yes" : context.Action == AuditAction.Changed ? "No" : null;

        return
        [
            .. context.Line("Effective date", Date(from.EffectiveOn), Date(to.EffectiveOn)),
            .. context.Line("Initial term", Months(from.InitialTermMonths), Months(to.InitialTermMonths)),
            .. context.Line("Renews automatically", Renews(from), Renews(to)),
            .. context.Line("Renewal term", Months(from.RenewalTermMonths), Months(to.RenewalTermMonths)),
            .. context.Line("Without-cause notice", Days(from.WithoutCauseNoticeDays), Days(to.WithoutCauseNoticeDays)),
            .. context.Line("For-cause provisions", from.ForCauseProvisions, to.ForCauseProvisions),
            .. Set(context, "Services in scope", "Services", from.Services.Select(AgreementLabels.Of), to.Services.Select(AgreementLabels.Of)),
            .. Set(context, "Custom services", "Custom services", from.CustomServices, to.CustomServices),
            .. context.Line("Fee", Fee(from), Fee(to)),
            .. context.Line("Payment terms", from.PaymentTerms, to.PaymentTerms),
            .. context.Line("FMV range", FmvRange(from), FmvRange(to)),
            .. context.Line("FMV valued on", Date(from.FmvValuedOn), Date(to.FmvValuedOn)),
            .. context.Line("Valuator", from.Valuator, to.Valuator),
            .. Set(context, "Reserved clinical authority", "Reserved clinical authority", from.ReservedAuthority.Select(AgreementLabels.Of), to.ReservedAuthority.Select(AgreementLabels.Of)),
        ];
    }

    private static string? Days(int? days) => days is { } value ? AuditFormat.Count(value, "day", "days") : null;

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

    private static string? Joined(IEnumerable<string> items) => items.ToList() is { Count: > 0 } list ? string.Join(", ", list) : null;

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
