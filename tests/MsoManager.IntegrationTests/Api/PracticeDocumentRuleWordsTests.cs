using System.Net;
using System.Text.Json.Nodes;
using FluentValidation;
using MsoManager.Domain.Practices;
using MsoManager.Web.Features.Practices;

namespace MsoManager.IntegrationTests.Api;

/// <summary>
/// One rule, one set of words: the API refuses a document with the domain's own message at the JSON
/// path, and the form's validator refuses the same value with the same message at its field.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PracticeDocumentRuleWordsTests(PostgresFixture postgres) : ApiTestApp(postgres)
{
    public static TheoryData<string> Rules => ["zip", "fmv order", "phone", "annual report month"];

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Post_DocumentBreakingARule_NamesItInTheDomainsWordsAsTheFormDoes(string rule)
    {
        var (workspace, client) = await OwnerOfNewWorkspaceAsync();
        var document = Example("example-clean-tx");
        var (path, domainMessage, formMessages) = Break(rule, document);

        var problem = await ProblemAsync(await ImportAsync(client, workspace.Id, document), HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal([path], errors.Select(e => e.Key));
        Assert.Equal([domainMessage], errors[path]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal([domainMessage], formMessages);
    }

    /// <summary>Breaks <paramref name="rule"/> in the document, and asks the form's validator about the same value.</summary>
    private static (string Path, string DomainMessage, string[] FormMessages) Break(string rule, JsonObject document)
    {
        switch (rule)
        {
            case "zip":
                document["locations"]![0]!["zip"] = "7870";
                return ("locations[0].zip", Location.ZipMessage,
                    FormMessages(new LocationFormValidator(), new LocationForm { Street = "1 Main St", City = "Austin", State = "TX", Zip = "7870" }, nameof(LocationForm.Zip)));
            case "fmv order":
                // The example's FMV high is 360,000.
                document["agreements"]![0]!["fmv"]!["low"] = 400_000;
                return ("agreements[0].fmv.high", MsaTerms.FmvOrderMessage,
                    FormMessages(new AgreementFormValidator(), new AgreementForm { Title = "MSA", FmvLow = 400_000m, FmvHigh = 360_000m }, nameof(AgreementForm.FmvHigh)));
            case "phone":
                document["people"]![0]!["phone"] = "abc";
                return ("people[0].phone", Person.PhoneMessage,
                    FormMessages(new PersonFormValidator(), new PersonForm { Name = "Dana Smith", Phone = "abc" }, nameof(PersonForm.Phone)));
            default:
                document["entities"]![0]!["annualReportDueMonth"] = 13;
                document["entities"]![0]!["annualReportDueDay"] = 1;
                return ("entities[0].annualReportDueMonth", LegalEntity.ValidateAnnualReportDueMonth(13, 1)!,
                    FormMessages(new LegalEntityFormValidator(), new LegalEntityForm { LegalName = "Glow Medical PLLC", StateOfFormation = "TX", AnnualReportDueMonth = 13, AnnualReportDueDay = 1 },
                        nameof(LegalEntityForm.AnnualReportDueMonth)));
        }
    }

    private static string[] FormMessages<T>(IValidator<T> validator, T form, string field) =>
        [.. validator.Validate(form).Errors.Where(e => e.PropertyName == field).Select(e => e.ErrorMessage)];
}
