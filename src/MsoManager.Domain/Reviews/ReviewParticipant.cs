using MsoManager.Domain.Workspaces;

namespace MsoManager.Domain.Reviews;

/// <summary>
/// A member taking part in a review, as the review records them: the user, their name at the time
/// (what the record shows even after a rename), and the role they act in.
/// </summary>
public sealed record ReviewParticipant(string UserId, string Name, MemberRole Role);
