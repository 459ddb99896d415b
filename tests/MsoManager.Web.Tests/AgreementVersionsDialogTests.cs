using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Practices;
using MudBlazor;

namespace MsoManager.Web.Tests;

public sealed class AgreementVersionsDialogTests : ComponentTest
{
    private static readonly DateTimeOffset AmendedAt = new(2025, 6, 15, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Headers_OfAnAmendedMsa_SayEachVersionAndWhenItTookEffect()
    {
        var dialogs = Open(AmendedMsa());

        Assert.Equal("Version 2 (current); effective 2025-07-01", Header(dialogs, 2));
        Assert.Equal("Version 1, superseded by amendment on 2025-06-15 09:30 UTC; effective 2025-01-01", Header(dialogs, 1));
    }

    [Fact]
    public void Versions_OfAnImportedMsa_SayTheFirstWasRecordedOnImport()
    {
        var dialogs = Open(AmendedMsa());

        Assert.Equal("Recorded on import as executed, not reviewed in MSO Manager.", dialogs.Find("#agreement-version-1-provenance").TextContent.Trim());
        Assert.Empty(dialogs.FindAll("#agreement-version-2-provenance"));
    }

    [Fact]
    public void Versions_OfAnMsaExecutedAfterAnOutsideReview_SayWhichVersionCounselReviewed()
    {
        var practice = Practice.Create(Guid.NewGuid(), "Glow Spa", StateCode.From("FL"), PracticeStatus.Operating, null, AmendedAt);
        var pc = practice.AddEntity(null, EntityKind.ProfessionalEntity, new LegalEntityDetails("Glow Medical PLLC", EntityForm.PLLC, StateCode.From("FL"), EntityStatus.Active));
        var mso = practice.AddEntity(null, EntityKind.ManagementCompany, new LegalEntityDetails("Glow Management LLC", EntityForm.LLC, StateCode.From("FL"), EntityStatus.Active));
        var msa = practice.AddAgreement(null, AgreementType.ManagementServicesAgreement, "Glow MSA", mso.Id, pc.Id, new MsaTerms { EffectiveOn = new DateOnly(2025, 1, 1) });
        msa.RecordExecutedAfterOutsideReview(new OutsideReview("Jane Roe", new DateOnly(2024, 12, 20)), MemberRole.Owner);

        var dialogs = Open(msa);

        Assert.Equal("Reviewed outside MSO Manager by Jane Roe on 2024-12-20; executed as this version.", dialogs.Find("#agreement-version-1-provenance").TextContent.Trim());
    }

    [Fact]
    public void Versions_OfAnAmendedMsa_LinkEachEarlierVersionToItsComparisonWithTheCurrent()
    {
        var msa = AmendedMsa();

        var dialogs = Open(msa);

        Assert.Equal($"practices/{msa.PracticeId}/agreements/{msa.Key}/compare?from=1&to=2", dialogs.Find("#agreement-version-1-compare").GetAttribute("href"));
        Assert.Equal("What changed since version 1", dialogs.Find("#agreement-version-current-compare").TextContent.Trim());
    }

    [Fact]
    public void Versions_OfAnUnchangedMsa_OfferNoComparison()
    {
        var dialogs = Open(TestMsa());

        Assert.Empty(dialogs.FindAll("[id$='-compare']"));
    }

    [Fact]
    public void Headers_ShowNoTemplateCode()
    {
        var dialogs = Open(AmendedMsa());

        Assert.DoesNotContain("@", dialogs.Find("#agreement-versions").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("EffectiveText", dialogs.Markup, StringComparison.Ordinal);
    }

    /// <summary>An MSA executed from 2025-01-01 and amended (at <see cref="AmendedAt"/>) from 2025-07-01.</summary>
    private static Agreement AmendedMsa()
    {
        var msa = TestMsa();
        msa.Amend(msa.Terms with { FlatMonthly = 6000m }, new DateOnly(2025, 7, 1), AmendedAt);
        return msa;
    }

    /// <summary>An MSA imported as executed from 2025-01-01, at $5,000 a month.</summary>
    private static Agreement TestMsa()
    {
        var practice = Practice.Create(Guid.NewGuid(), "Glow Spa", StateCode.From("FL"), PracticeStatus.Operating, null, AmendedAt);
        var pc = practice.AddEntity(null, EntityKind.ProfessionalEntity, new LegalEntityDetails("Glow Medical PLLC", EntityForm.PLLC, StateCode.From("FL"), EntityStatus.Active));
        var mso = practice.AddEntity(null, EntityKind.ManagementCompany, new LegalEntityDetails("Glow Management LLC", EntityForm.LLC, StateCode.From("FL"), EntityStatus.Active));
        var terms = new MsaTerms { EffectiveOn = new DateOnly(2025, 1, 1), FeeMethod = FeeMethod.FlatMonthly, FlatMonthly = 5000m };
        return practice.ImportAgreement(null, AgreementType.ManagementServicesAgreement, "Glow MSA", mso.Id, pc.Id, terms, AgreementStatus.Executed);
    }

    /// <summary>The header of one version's panel, its whitespace collapsed as a browser shows it.</summary>
    private static string Header(IRenderedComponent<MudDialogProvider> dialogs, int version) =>
        string.Join(' ', dialogs.Find($"#agreement-version-{version} .mud-expand-panel-header").TextContent
            .Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private IRenderedComponent<MudDialogProvider> Open(Agreement agreement)
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var parameters = new DialogParameters<AgreementVersionsDialog> { { d => d.Agreement, agreement } };
        _ = dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<AgreementVersionsDialog>("Versions", parameters));
        dialogs.WaitForElement("#agreement-versions");
        return dialogs;
    }
}
