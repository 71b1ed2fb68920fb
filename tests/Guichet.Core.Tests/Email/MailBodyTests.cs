using Guichet.Core.Email;

namespace Guichet.Core.Tests.Email;

public class MailBodyTests
{
    [Fact]
    public void The_html_part_says_what_the_text_says_line_for_line_and_keeps_no_link_or_markup_that_runs()
    {
        var (text, html) = MailBody.Render("Bonjour,\nvoici le [lien](javascript:alert(1)) et <img src=x onerror=alert(1)>\n\n- un\n- deux", null, "fr");
        Assert.Equal("Bonjour,\nvoici le [lien](javascript:alert(1)) et <img src=x onerror=alert(1)>\n\n- un\n- deux", text);
        Assert.Contains("Bonjour,<br>", html, StringComparison.Ordinal);
        Assert.Contains("<li>deux</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lang=\"fr\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_closes_both_parts_after_the_line_mail_clients_know_and_a_blank_one_adds_nothing()
    {
        var (text, html) = MailBody.Render("Merci.\n\n", "  L'équipe Accueil  ", "fr");
        Assert.Equal("Merci.\n\n-- \nL'équipe Accueil", text);
        Assert.Contains("<div class=\"signature\"", html, StringComparison.Ordinal);
        Assert.Contains("L'équipe Accueil", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var (plain, bare) = MailBody.Render("Merci.", " ", "en");
        Assert.Equal("Merci.", plain);
        Assert.DoesNotContain("signature", bare, StringComparison.Ordinal);
    }
}
