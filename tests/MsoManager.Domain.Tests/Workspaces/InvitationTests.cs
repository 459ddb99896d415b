using MsoManager.Domain.Common;
using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Tests.Workspaces;

public sealed class InvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static Invitation NewInvitation() =>
        Invitation.Create(Guid.NewGuid(), " new@x.test ", MemberRole.Client, PracticeScope.AllPractices, "hash", "owner", Now);

    [Fact]
    public void Create_TrimsEmailAndExpiresInSevenDays()
    {
        var invitation = NewInvitation();

        Assert.Equal("new@x.test", invitation.Email);
        Assert.Equal(Now.AddDays(7), invitation.ExpiresAt);
        Assert.True(invitation.IsOpen(Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    public void Create_InvalidEmail_IsRefusedNamingEmail(string email)
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Invitation.Create(Guid.NewGuid(), email, MemberRole.Client, PracticeScope.AllPractices, "hash", "owner", Now));

        Assert.Equal("Email", error.Field);
    }

    [Fact]
    public void IsOpen_AtTheExpiryInstant_IsFalse()
    {
        var invitation = NewInvitation();

        Assert.True(invitation.IsOpen(invitation.ExpiresAt.AddTicks(-1)));
        Assert.False(invitation.IsOpen(invitation.ExpiresAt));
    }

    [Fact]
    public void Accept_Twice_IsRefused()
    {
        var invitation = NewInvitation();
        invitation.Accept(Now);

        Assert.Throws<DomainRuleException>(() => invitation.Accept(Now));
    }

    [Fact]
    public void Accept_AfterRevoke_IsRefused()
    {
        var invitation = NewInvitation();
        invitation.Revoke(Now);

        Assert.False(invitation.IsOpen(Now));
        Assert.Throws<DomainRuleException>(() => invitation.Accept(Now));
    }

    [Fact]
    public void Revoke_AfterAccept_IsRefused()
    {
        var invitation = NewInvitation();
        invitation.Accept(Now);

        Assert.Throws<DomainRuleException>(() => invitation.Revoke(Now));
    }
}
