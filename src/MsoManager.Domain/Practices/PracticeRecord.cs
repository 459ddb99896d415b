using MsoManager.Domain.Common;

namespace MsoManager.Domain.Practices;

/// <summary>
/// What every record inside a practice has: an id, the practice and workspace it belongs to, and a
/// key unique in its list. Records are created and changed only through <see cref="Practice"/>.
/// </summary>
public abstract class PracticeRecord : IPracticeOwned
{
    protected PracticeRecord()
    {
        Key = "";
    }

    protected PracticeRecord(Practice practice, string key)
    {
        Id = Guid.CreateVersion7();
        WorkspaceId = practice.WorkspaceId;
        PracticeId = practice.Id;
        Key = key;
    }

    public Guid Id { get; private set; }

    public Guid WorkspaceId { get; private set; }

    public Guid PracticeId { get; private set; }

    public string Key { get; private set; }
}
