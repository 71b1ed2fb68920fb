namespace Guichet.Features.Customers;

/// <summary>Names the words of Customers's pages: CustomersWords.resx (French) and CustomersWords.en.resx (English), read through IStringLocalizer&lt;CustomersWords&gt;.</summary>
public sealed class CustomersWords;
