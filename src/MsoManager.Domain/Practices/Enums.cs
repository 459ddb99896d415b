namespace MsoManager.Domain.Practices;

public enum EntityKind
{
    ProfessionalEntity,
    ManagementCompany,
}

/// <summary>Legal forms; PC covers the professional corporation family (PSC, professional medical corporation).</summary>
public enum EntityForm
{
    PC,
    PLLC,
    PA,
    LLC,
    LLP,
    CORP,
}

public enum EntityStatus
{
    Planned,
    Filed,
    Active,
    Dissolved,
}

public enum LicenseType
{
    MD,
    DO,
    NP,
    PA,
    RN,
    DPM,
    DC,
    OTHER,
}

public enum LicenseStatus
{
    Active,
    Inactive,
    Suspended,
    Revoked,
}

public enum OrganizationKind
{
    Company,
    InvestmentFund,
    Trust,
    Other,
}

public enum EntityRoleKind
{
    Manager,
    Officer,
    Director,
    MedicalDirector,
    Employee,
    Contractor,
}

public enum SetupTaskStatus
{
    Todo,
    InProgress,
    Done,
    NotApplicable,
}

/// <summary>The stages a med spa goes through to set its structure up, in order.</summary>
public enum SetupPhase
{
    ProfessionalEntity,
    ManagementCompany,
    Agreements,
    Banking,
    Operations,
}
