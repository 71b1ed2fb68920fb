using Guichet.Core.Customers;

namespace Guichet.Core.Tests.Customers;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+33 6 12 34 56 78", null, "+33612345678")]
    [InlineData("06 12 34 56 78", "Europe/Paris", "+33612345678")]
    [InlineData("0033612345678", "Europe/Paris", "+33612345678")]
    [InlineData("(514) 398-4455", "America/Montreal", "+15143984455")]
    [InlineData("030 1234567", "Europe/Berlin", "+49301234567")]
    [InlineData("+49 30 1234567", "Europe/Paris", "+49301234567")]
    public void Numbers_written_any_way_become_one_E164_identity(string written, string? zone, string expected) =>
        Assert.Equal(expected, PhoneNumber.ToE164(written, zone));

    [Theory]
    [InlineData("12")]
    [InlineData("not a number")]
    [InlineData("+33 1")]
    public void What_is_not_a_valid_number_is_refused(string written) => Assert.Null(PhoneNumber.ToE164(written, "Europe/Paris"));
}
