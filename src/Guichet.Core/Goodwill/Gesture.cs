namespace Guichet.Core.Goodwill;

/// <summary>What a company gives to make up for a failure (SPEC G1). A refund is the default money; a voucher only when the customer asks for one.</summary>
public enum GestureKind
{
    Apology,
    Refund,
    RefundShare,
    Credit,
    Points,
    CallReimbursement,
    Voucher,
}
