namespace MsoManager.Web.Features.Practices;

/// <summary>Addresses of practice pages, in one place.</summary>
public static class PracticeLinks
{
    public static string Practice(Guid id, string? section = null) => section is null ? $"practices/{id}" : $"practices/{id}?section={section}";
}
