using MsoManager.Web.Features.History;

namespace MsoManager.Web.Tests;

public sealed class AuditCsvTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 14, 5, 9, 123, TimeSpan.Zero);

    [Fact]
    public async Task Write_AnEventWithTwoFields_IsTwoRows_AndOneWithoutFieldsIsOneRow()
    {
        var fee = new AuditEntry(7, At, "dana@x.test", "Agreement “Glow MSA”", "Changed",
            [new AuditLine("Fee", "45% of collections", "$25,000 a month"), new AuditLine("Version", "1", "2")], new string('a', 64));
        var archived = new AuditEntry(8, At, "dana@x.test", "Practice Glow Spa", "Archived", [], new string('b', 64));
        using var writer = new StringWriter();

        await AuditCsv.WriteHeaderAsync(writer);
        await AuditCsv.WriteAsync(writer, fee);
        await AuditCsv.WriteAsync(writer, archived);

        Assert.Equal(
            "sequence,time_utc,who,record,action,field,before,after,hash\r\n" +
            $"7,2026-03-01T14:05:09.123Z,dana@x.test,Agreement “Glow MSA”,Changed,Fee,45% of collections,\"$25,000 a month\",{new string('a', 64)}\r\n" +
            $"7,2026-03-01T14:05:09.123Z,dana@x.test,Agreement “Glow MSA”,Changed,Version,1,2,{new string('a', 64)}\r\n" +
            $"8,2026-03-01T14:05:09.123Z,dana@x.test,Practice Glow Spa,Archived,,,,{new string('b', 64)}\r\n",
            writer.ToString());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Reyes, MD", "\"Reyes, MD\"")]
    [InlineData("the \"Agreement\"", "\"the \"\"Agreement\"\"\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    public void Field_QuotesWhatRfc4180Requires(string value, string written) => Assert.Equal(written, AuditCsv.Field(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.test\")", "\"'=HYPERLINK(\"\"http://x.test\"\")\"")]
    [InlineData("+1 555 0100", "'+1 555 0100")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    public void Field_ThatASpreadsheetWouldRun_StartsWithAnApostrophe(string value, string written) => Assert.Equal(written, AuditCsv.Field(value));
}
