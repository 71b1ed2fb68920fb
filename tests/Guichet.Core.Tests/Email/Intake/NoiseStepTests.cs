using Guichet.Core.Email;

namespace Guichet.Core.Tests.Email.Intake;

/// <summary>The noise step alone: which corpus messages are auto-replies, bounces, bulk or list mail, and which only look like it.</summary>
public sealed class NoiseStepTests
{
    [Theory]
    [InlineData("040-auto-submitted-auto-replied-en.eml", MailNoise.AutoReply)]
    [InlineData("041-x-autoreply-yes-fr.eml", MailNoise.AutoReply)]
    [InlineData("042-x-autorespond.eml", MailNoise.AutoReply)]
    [InlineData("043-outlook-automatic-reply.eml", MailNoise.AutoReply)]
    [InlineData("044-outlook-reponse-automatique.eml", MailNoise.AutoReply)]
    [InlineData("045-ooo-french-auto-submitted.eml", MailNoise.AutoReply)]
    [InlineData("057-auto-submitted-auto-generated.eml", MailNoise.AutoReply)]
    [InlineData("058-auto-submitted-auto-notified.eml", MailNoise.AutoReply)]
    [InlineData("059-auto-submitted-mixed-case-params.eml", MailNoise.AutoReply)]
    [InlineData("062-exchange-out-of-office-old-subject.eml", MailNoise.AutoReply)]
    [InlineData("046-dsn-report-with-message.eml", MailNoise.Bounce)]
    [InlineData("047-dsn-rfc822-headers-not-daemon.eml", MailNoise.Bounce)]
    [InlineData("048-dsn-delayed-postmaster.eml", MailNoise.Bounce)]
    [InlineData("049-mailer-daemon-plain-failed-permanently.eml", MailNoise.Bounce)]
    [InlineData("050-postmaster-french-non-remis.eml", MailNoise.Bounce)]
    [InlineData("051-qmail-send-bounce.eml", MailNoise.Bounce)]
    [InlineData("060-exchange-ndr-uppercase-postmaster.eml", MailNoise.Bounce)]
    [InlineData("054-precedence-bulk-newsletter.eml", MailNoise.Bulk)]
    [InlineData("055-precedence-junk.eml", MailNoise.Bulk)]
    [InlineData("052-list-id.eml", MailNoise.MailingList)]
    [InlineData("053-list-unsubscribe-only.eml", MailNoise.MailingList)]
    [InlineData("056-precedence-list.eml", MailNoise.MailingList)]
    [InlineData("061-mailman-list-human-member.eml", MailNoise.MailingList)]
    [InlineData("063-near-miss-back-from-holiday-fr.eml", MailNoise.None)]
    [InlineData("064-near-miss-back-from-holiday-en.eml", MailNoise.None)]
    [InlineData("065-near-miss-auto-submitted-no.eml", MailNoise.None)]
    [InlineData("066-near-miss-suppress-header-human.eml", MailNoise.None)]
    public void Each_message_is_the_noise_it_is(string file, MailNoise noise) =>
        Assert.Equal(noise, IncomingMail.Read(IntakeCorpus.Named(file).Raw(), 1 << 20).Noise);

    [Fact]
    public void A_bounce_without_a_report_part_still_names_the_case_it_returns()
    {
        var mail = IncomingMail.Read(IntakeCorpus.Named("049-mailer-daemon-plain-failed-permanently.eml").Raw(), 1 << 20);
        Assert.Equal("G-2026-904049", mail.BouncedReference);
    }
}
