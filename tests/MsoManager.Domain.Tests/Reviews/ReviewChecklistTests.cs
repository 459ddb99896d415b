using System.Globalization;
using System.Text.Json;
using MsoManager.Domain.Compliance;
using MsoManager.Domain.Reviews;
using MsoManager.Domain.Tests.Compliance;

namespace MsoManager.Domain.Tests.Reviews;

/// <summary>The checklist's suggestions for the spec's three worked examples, item by item, as review.md maps findings to items.</summary>
public sealed class ReviewChecklistTests
{
    public static TheoryData<string, string[]> Examples => new()
    {
        // No finding: every item with mapped codes is a suggested Pass.
        { "example-clean-tx.json", [] },

        // Both findings are about the PC, and both are mapped to PC_OWNERSHIP.
        { "example-ca-np-majority.json", ["PC_OWNERSHIP:PC_FORM_NOT_PERMITTED/pc,PC_PHYSICIAN_MINORITY/pc"] },

        // Two findings about the MSA and one about a stake in the PC.
        { "example-ny-lay-owner.json", ["FMV_DOCUMENTED:FEE_FMV_UNDOCUMENTED/msa", "FEE_SPLITTING:FEE_PERCENTAGE_RESTRICTED/msa", "PC_OWNERSHIP:PC_OWNER_INELIGIBLE/s1b"] },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Suggest_SpecExample_MatchesTheMapping(string file, string[] concerns)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file)));
        var practice = ExamplePractice.Build(document.RootElement.GetProperty("practice"));
        var asOf = DateOnly.Parse(document.RootElement.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);
        var msa = practice.Agreements.Single(a => a.Key == "msa");
        var findings = ComplianceEngine.Evaluate(practice, asOf, StateRows.Book()).Findings;

        var suggestions = ReviewChecklist.Suggest(practice, msa, findings);

        var expectedConcerns = concerns.Select(c => c.Split(':')).ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal);
        Assert.Equal(ReviewChecklist.Codes, suggestions.Keys.OrderBy(ReviewChecklist.Order));
        foreach (var (code, suggestion) in suggestions)
        {
            if (code == "CONTROL_AGREEMENTS")
            {
                Assert.Equal(ChecklistSuggestion.None, suggestion);
            }
            else if (expectedConcerns.TryGetValue(code, out var fired))
            {
                Assert.Equal(Assessment.Concern, suggestion.Assessment);
                Assert.Equal(fired, string.Join(",", suggestion.Findings.Select(f => $"{f.Code}/{f.SubjectKey}").Order(StringComparer.Ordinal)));
            }
            else
            {
                Assert.Equal((Assessment?)Assessment.Pass, suggestion.Assessment);
                Assert.Empty(suggestion.Findings);
            }
        }
    }

    [Fact]
    public void Suggest_AFindingAboutAnotherAgreement_IsNotAConcernOfThisOne()
    {
        var practice = Practices.TestPractice.Create();
        var msa = Practices.TestPractice.NewMsa(practice);
        var other = new Finding("MSA_INCOMPLETE", Severity.Medium, SubjectType.Agreement, "another-msa", Guid.NewGuid(), "m", "r");
        var own = other with { SubjectKey = msa.Key };

        Assert.Equal(Assessment.Pass, ReviewChecklist.Suggest(practice, msa, [other])["FEE_METHOD"].Assessment);
        Assert.Equal(Assessment.Concern, ReviewChecklist.Suggest(practice, msa, [own])["FEE_METHOD"].Assessment);
        Assert.Equal(Assessment.Concern, ReviewChecklist.Suggest(practice, msa, [own])["TERM_AND_TERMINATION"].Assessment);
    }

    [Fact]
    public void Suggest_APersonAtTheManagementCompany_IsAConcernButAtAnotherEntityIsNot()
    {
        var practice = Practices.TestPractice.Create();
        var msa = Practices.TestPractice.NewMsa(practice);
        var mso = practice.Entities.Single(e => e.Id == msa.ManagementCompanyId);
        var atMso = new Finding("PHYSICIAN_EMPLOYED_BY_MSO", Severity.High, SubjectType.PersonAtEntity, $"dr-smith/{mso.Key}", Guid.NewGuid(), "m", "r");

        Assert.Equal(Assessment.Concern, ReviewChecklist.Suggest(practice, msa, [atMso])["PHYSICIAN_INDEPENDENCE"].Assessment);
        Assert.Equal(Assessment.Pass, ReviewChecklist.Suggest(practice, msa, [atMso with { SubjectKey = "dr-smith/elsewhere" }])["PHYSICIAN_INDEPENDENCE"].Assessment);
    }
}
