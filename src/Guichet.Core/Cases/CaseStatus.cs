namespace Guichet.Core.Cases;

public enum CaseStatus
{
    New,
    Open,
    WaitingOnCustomer,
    Resolved,
    Closed,
}

public enum CasePriority
{
    Low,
    Normal,
    High,
    Urgent,
}
