namespace MsoManager.Domain.Practices;

public enum PracticeStatus
{
    Planning,
    Operating,
    Closed,
}
