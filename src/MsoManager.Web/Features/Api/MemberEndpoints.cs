using FluentValidation;
using Microsoft.AspNetCore.Http.Extensions;
using MsoManager.Domain.Workspaces;
using MsoManager.Web.Features.Workspaces;

namespace MsoManager.Web.Features.Api;

/// <summary>
/// A workspace's members, for its Owners only (404 for everyone else): listed, added or invited, changed
/// and removed through <see cref="MembersService"/>, so the API meets the members page's checks and words.
/// A member is named by their account's email, in any case.
/// </summary>
internal static class MemberEndpoints
{
    /// <summary>The API's own rule: an Owner sees every practice, so a scope sent with the role would mean nothing.</summary>
    public const string OwnerSeesEveryPractice = "An Owner sees every practice: send practices as null.";

    /// <summary>A member: their account's email and name, role, and the practices they see (null: all, always so for an Owner).</summary>
    public sealed record MemberItem(string Email, string Name, MemberRole Role, IReadOnlyList<Guid>? Practices);

    // Role as text, as in the practice document: a bad one is reported with the other fields' problems.

    /// <summary>
    /// Someone to add: the email of an account (added at once) or of anyone (invited), a role (Owner, Consultant,
    /// Attorney, Client or Viewer) and the ids of the practices they see (null: all; an Owner's must be null).
    /// </summary>
    public sealed record NewMember(string? Email, string? Role, IReadOnlyList<Guid>? Practices);

    /// <summary>A member's new role and the ids of the practices they see (null: all; an Owner's must be null).</summary>
    public sealed record MemberChange(string? Role, IReadOnlyList<Guid>? Practices);

    /// <summary>The one-time link to pass on to someone without an account, and when it stops working.</summary>
    public sealed record InvitationCreated(string InvitationUrl, DateTimeOffset ExpiresAt);

    public static void MapMemberEndpoints(this IEndpointRouteBuilder api)
    {
        var members = api.MapGroup("/workspaces/{workspaceId:guid}/members").WithTags("Members")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        members.MapGet("", ListAsync)
            .WithSummary("The workspace's members (Owners only)")
            .Produces<IReadOnlyList<MemberItem>>();
        members.MapGet("/{email}", GetAsync)
            .WithSummary("One member, by their account's email (URL-encoded)")
            .Produces<MemberItem>();
        members.MapPost("", AddAsync)
            .WithSummary("Add an account as a member (201), or invite an email without one (202, a one-time link valid for 7 days)")
            .Produces<MemberItem>(StatusCodes.Status201Created)
            .Produces<InvitationCreated>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        members.MapPut("/{email}", ChangeAsync)
            .WithSummary("Change a member's role and scope; 400 when it would leave the workspace without an Owner")
            .Produces<MemberItem>()
            .ProducesValidationProblem();
        members.MapDelete("/{email}", RemoveAsync)
            .WithSummary("Remove a member from the workspace (their account stays); 400 for the last Owner")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem();
    }

    private static IResult WorkspaceNotFound => ApiProblems.NotFound("That workspace");

    private static IResult MemberNotFound => ApiProblems.NotFound("That member");

    /// <summary>Enters the workspace when the caller is one of its Owners; false (404) for everyone else, to whom its members do not exist.</summary>
    private static bool EnterAsOwner(ApiCaller caller, Guid workspaceId) =>
        // The role alone here: an Owner the workspace's two-step requirement keeps out is told so by the service (403).
        caller.EnterWorkspace(workspaceId) && caller.Session.Current!.Role.Allows(Permission.ManageWorkspace);

    private static async Task<IResult> ListAsync(Guid workspaceId, ApiCaller caller, MembersService members, CancellationToken cancellationToken)
    {
        if (!EnterAsOwner(caller, workspaceId))
        {
            return WorkspaceNotFound;
        }

        var page = await members.ListAsync(0, int.MaxValue, cancellationToken);
        return TypedResults.Ok(page.Items.Select(Item).ToList());
    }

    private static async Task<IResult> GetAsync(Guid workspaceId, string email, ApiCaller caller, MembersService members, CancellationToken cancellationToken) =>
        !EnterAsOwner(caller, workspaceId) ? WorkspaceNotFound
        : await members.FindAsync(email, cancellationToken) is { } member ? TypedResults.Ok(Item(member))
        : MemberNotFound;

    private static async Task<IResult> AddAsync(
        Guid workspaceId, NewMember body, HttpRequest request, ApiCaller caller, MembersService members, IValidator<AddMemberForm> validator, CancellationToken cancellationToken)
    {
        if (!EnterAsOwner(caller, workspaceId))
        {
            return WorkspaceNotFound;
        }

        var errors = new Dictionary<string, string[]>();
        var form = WithScope(new AddMemberForm { Email = body.Email ?? "", Role = ReadRole(body.Role, body.Practices, errors) }, body.Practices);
        if (await InvalidAsync(form, validator, errors, cancellationToken) is { } problem)
        {
            return problem;
        }

        var result = await members.AddOrInviteAsync(form, workspaceVersion: null, cancellationToken);
        return result switch
        {
            { Invitation: { } invitation } => TypedResults.Accepted((string?)null, new InvitationCreated(invitation.On(AppBase(request)).ToString(), invitation.ExpiresAt)),
            { Member: { } added } => TypedResults.Created($"/api/v1/workspaces/{workspaceId}/members/{Uri.EscapeDataString(added.Email)}", Item(added)),

            // Added, and removed again by another Owner before it could be read back.
            _ => TypedResults.Created(),
        };
    }

    private static async Task<IResult> ChangeAsync(
        Guid workspaceId, string email, MemberChange body, ApiCaller caller, MembersService members, IValidator<ScopeForm> validator, CancellationToken cancellationToken)
    {
        if (!EnterAsOwner(caller, workspaceId))
        {
            return WorkspaceNotFound;
        }

        var errors = new Dictionary<string, string[]>();
        var role = ReadRole(body.Role, body.Practices, errors);
        var scope = WithScope(new ScopeForm(), body.Practices);
        if (await InvalidAsync(scope, validator, errors, cancellationToken) is { } problem)
        {
            return problem;
        }

        return await members.ChangeAsync(email, role, scope, cancellationToken) is { } changed
            ? TypedResults.Ok(Item(changed))
            : MemberNotFound;
    }

    private static async Task<IResult> RemoveAsync(Guid workspaceId, string email, ApiCaller caller, MembersService members, CancellationToken cancellationToken) =>
        !EnterAsOwner(caller, workspaceId) ? WorkspaceNotFound
        : await members.RemoveAsync(email, cancellationToken) ? TypedResults.NoContent()
        : MemberNotFound;

    private static MemberItem Item(MemberRow member) =>
        new(member.Email, member.DisplayName, member.Role, member.Scope.IncludesAllPractices ? null : member.Scope.PracticeIds);

    /// <summary>The role a request names, checked with its practices; a problem goes to <paramref name="errors"/> (and Consultant, the form's default, is returned).</summary>
    private static MemberRole ReadRole(string? role, IReadOnlyList<Guid>? practices, Dictionary<string, string[]> errors)
    {
        // Names only: Enum.TryParse would take "1" too.
        if (!EnumNames<MemberRole>.Contains(role))
        {
            errors["role"] = [AddMemberFormValidator.RoleMessage];
            return MemberRole.Consultant;
        }

        var parsed = Enum.Parse<MemberRole>(role!);
        if (parsed.SeesAllPractices() && practices is not null)
        {
            errors["practices"] = [OwnerSeesEveryPractice];
        }

        return parsed;
    }

    private static TForm WithScope<TForm>(TForm form, IReadOnlyList<Guid>? practices)
        where TForm : ScopeForm
    {
        form.AllPractices = practices is null;
        form.Practices = [.. (practices ?? []).Select(id => new PracticeChoice(id, ""))];
        return form;
    }

    /// <summary>The form's own validation (the page's validator) added to the request's problems; null when there are none.</summary>
    private static async Task<IResult?> InvalidAsync<TForm>(TForm form, IValidator<TForm> validator, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        foreach (var (path, messages) in ApiProblems.ByPath(await validator.ValidateAsync(form, cancellationToken)))
        {
            errors[path] = errors.TryGetValue(path, out var earlier) ? [.. earlier, .. messages.Except(earlier)] : messages;
        }

        return errors.Count > 0 ? ApiProblems.Invalid(errors) : null;
    }

    /// <summary>The app's base address as this request reached it (behind a proxy, as the forwarded headers say), ending in '/'.</summary>
    private static Uri AppBase(HttpRequest request) => new(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, "/"));
}
