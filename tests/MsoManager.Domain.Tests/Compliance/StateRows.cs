using MsoManager.Domain.Common;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Compliance;

/// <summary>The engine-relevant fields of the shipped state-rules.csv rows for TX, CA and NY (as compiled 2026-11-29), written out by hand.</summary>
internal static class StateRows
{
    public static readonly StateRule Texas = new()
    {
        State = StateCode.From("TX"),
        StateName = "Texas",
        Cpom = CpomStrength.Strict,
        CpomConfidence = Confidence.High,
        PcOwnerCategory = PcOwnerCategory.MdDoOnly,
        PcOwnerLicenses = [LicenseType.MD, LicenseType.DO],
        PhysicianMinPercent = null,
        PcOwnersConfidence = Confidence.Medium,
        ProfessionalForms = [EntityForm.PA, EntityForm.PLLC],
        ProfessionalFormsConfidence = Confidence.High,
        FeeSplitting = FeeSplittingStance.Restricted,
        FeeSplittingConfidence = Confidence.Low,
        Sources = ["https://zivianhealth.com/blog/corporate-practice-of-medicine-cpom-guide-texas", "https://texashealthlaw.com/med-spa-faq/"],
    };

    public static readonly StateRule California = new()
    {
        State = StateCode.From("CA"),
        StateName = "California",
        Cpom = CpomStrength.Strict,
        CpomConfidence = Confidence.High,
        PcOwnerCategory = PcOwnerCategory.MdDoMajority,
        PcOwnerLicenses = [LicenseType.MD, LicenseType.DO, LicenseType.NP, LicenseType.PA, LicenseType.RN, LicenseType.DPM, LicenseType.DC],
        PhysicianMinPercent = 51m,
        PcOwnersConfidence = Confidence.High,
        ProfessionalForms = [EntityForm.PC],
        ProfessionalFormsConfidence = Confidence.High,
        FeeSplitting = FeeSplittingStance.AllowedAtFmv,
        FeeSplittingConfidence = Confidence.High,
        Sources = ["https://permithealth.com/post/california-corporate-practice-of-medicine-cpom-guide"],
    };

    public static readonly StateRule NewYork = new()
    {
        State = StateCode.From("NY"),
        StateName = "New York",
        Cpom = CpomStrength.Strict,
        CpomConfidence = Confidence.High,
        PcOwnerCategory = PcOwnerCategory.MdDoOnly,
        PcOwnerLicenses = [LicenseType.MD, LicenseType.DO],
        PhysicianMinPercent = null,
        PcOwnersConfidence = Confidence.High,
        ProfessionalForms = [EntityForm.PC, EntityForm.PLLC],
        ProfessionalFormsConfidence = Confidence.High,
        FeeSplitting = FeeSplittingStance.Prohibited,
        FeeSplittingConfidence = Confidence.Medium,
        Sources = ["https://permithealth.com/post/new-york-corporate-practice-of-medicine-cpom-guide", "https://www.law360.com/articles/1397543/navigating-new-york-laws-on-corporate-practice-of-medicine"],
    };

    public static StateRuleBook Book(params StateRule[] rows) => new(rows.Length == 0 ? [Texas, California, NewYork] : rows);
}
