using MsoManager.Domain.Practices;

namespace MsoManager.Domain.Deadlines.Sources;

/// <summary>LICENSE_EXPIRES: an Active license with an expiry date expires on it.</summary>
internal sealed class LicenseExpiresSource : IDeadlineSource
{
    public string Kind => DeadlineKinds.LicenseExpires;

    public IEnumerable<Deadline> Find(Practice practice, DeadlineWindow window) =>
        from person in practice.People
        from license in person.Licenses
        where license.Status == LicenseStatus.Active && license.ExpiresOn is { } expires && window.Contains(expires)
        select new Deadline(Kind, license.ExpiresOn!.Value, DeadlineSubject.License, $"{person.Key}/{license.Key}", license.Id,
            $"{person.Name}'s {license.Type} license {license.State} {license.Number} expires");
}
