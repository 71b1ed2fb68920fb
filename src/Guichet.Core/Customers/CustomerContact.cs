using System.Net.Mail;
using Guichet.Core.Calendars;

namespace Guichet.Core.Customers;

/// <summary>Who is writing, as a contact form or an API client states it.</summary>
public sealed record CustomerContact(
    string? Name,
    string? Email = null,
    string? Phone = null,
    string? Language = null,
    string? TimeZone = null,
    string? Salutation = null,
    string? Social = null,
    [property: System.Text.Json.Serialization.JsonIgnore] string? ChatVisitor = null,
    string? Tier = null,
    string? PostalCode = null)
{
    public const int MaxNameLength = 200;

    /// <summary>Checks every field; errors are keyed by field name without prefix.</summary>
    public void Validate(ValidationErrors errors, string prefix)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add($"{prefix}.name", "The customer's name is required.");
        }
        else if (Name.Length > MaxNameLength)
        {
            errors.Add($"{prefix}.name", $"The customer's name is longer than {MaxNameLength} characters.");
        }
        if (Email is not null && NormaliseEmail(Email) is null)
        {
            errors.Add($"{prefix}.email", $"'{Email}' is not a valid email address.");
        }
        if (Phone is not null && PhoneNumber.ToE164(Phone, TimeZone) is null)
        {
            errors.Add($"{prefix}.phone", $"'{Phone}' is not a valid phone number (write it with its country code, e.g. +33 6 12 34 56 78).");
        }
        if (Tier is not null && (Tier.Length is 0 or > 32 || !Tier.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            errors.Add($"{prefix}.tier", "A tier is 1 to 32 lowercase letters, digits and dashes (standard, gold…).");
        }
        if (PostalCode is not null && (PostalCode.Trim().Length is 0 or > 16 || !PostalCode.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-')))
        {
            errors.Add($"{prefix}.postalCode", "A postal code is at most 16 letters, digits, spaces or dashes.");
        }
        if (Language is not null && !CustomerLanguage.IsSupported(Language))
        {
            errors.Add($"{prefix}.language", $"'{Language}' is not a supported language; use one of: {string.Join(", ", CustomerLanguage.Supported)}.");
        }
        if (TimeZone is not null && CalendarText.FindZone(TimeZone) is null)
        {
            errors.Add($"{prefix}.timeZone", $"'{TimeZone}' is not a known IANA time zone (for example Europe/Paris).");
        }
        if (Social is not null && SocialHandle.Normalise(Social) is null)
        {
            errors.Add($"{prefix}.social", $"'{Social}' is not a social account; write it platform:handle (facebook:claire.b).");
        }
        if (Salutation is { Length: > 50 })
        {
            errors.Add($"{prefix}.salutation", "The salutation is longer than 50 characters.");
        }
    }

    /// <summary>A bare address, lower-cased; null when it is not one address.</summary>
    public static string? NormaliseEmail(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > 320 || !MailAddress.TryCreate(trimmed, out var address)
            || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }
        return address.Address.ToLowerInvariant();
    }
}
