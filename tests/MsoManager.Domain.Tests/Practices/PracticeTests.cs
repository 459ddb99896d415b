using MsoManager.Domain.Common;
using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Tests.Practices;

public sealed class PracticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_TrimsNameAndBlankNotes()
    {
        var practice = Practice.Create(Guid.NewGuid(), "  Glow  ", StateCode.From("TX"), PracticeStatus.Planning, "   ", Now);

        Assert.Equal("Glow", practice.Name);
        Assert.Null(practice.Notes);
    }

    [Fact]
    public void Create_NotesOver4000Characters_IsRefusedNamingNotes()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Practice.Create(Guid.NewGuid(), "Glow", StateCode.From("TX"), PracticeStatus.Planning, new string('n', Text.FreeTextMaxLength + 1), Now));

        Assert.Equal("Notes", error.Field);
    }
}
