using System.Text;
using Guichet.Core;
using Guichet.Core.Files;

namespace Guichet.Core.Tests.Files;

/// <summary>Issue 26: a file is judged by its content, its name is the file's own, and the limit is per message.</summary>
public sealed class FileChecksTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 9, 9];
    private static readonly byte[] Pdf = "%PDF-1.7\n%%EOF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0];

    [Theory]
    [InlineData("photo.jpg", "jpeg", "image/jpeg")]
    [InlineData("facture.pdf", "jpeg", "image/jpeg")]
    [InlineData("scan", "png", "image/png")]
    [InlineData("devis.pdf", "pdf", "application/pdf")]
    [InlineData("devis.docx", "zip", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("archive.zip", "zip", "application/zip")]
    [InlineData("releve.csv", "text", "text/csv")]
    [InlineData("notes.txt", "text", "text/plain")]
    public void A_file_is_the_kind_its_content_says(string name, string content, string expected)
    {
        var (verdict, kind) = FileKinds.Of(name, Content(content));
        Assert.Equal((FileKinds.Verdict.Accepted, expected), (verdict, kind?.ContentType));
    }

    [Theory]
    [InlineData("photo.jpg", "exe")]
    [InlineData("rapport.pdf", "elf")]
    [InlineData("lisez.txt", "script")]
    [InlineData("page.txt", "html")]
    [InlineData("logo.png", "svg")]
    [InlineData("facture.exe", "pdf")]
    [InlineData("macro.docm", "zip")]
    [InlineData("image.svg", "text")]
    [InlineData("run.js", "text")]
    [InlineData("outil.xlam", "zip")]
    [InlineData("composant.wsc", "text")]
    [InlineData("requete.iqy", "text")]
    public void Programs_scripts_and_pages_are_forbidden_whatever_their_name(string name, string content) =>
        Assert.Equal(FileKinds.Verdict.Forbidden, FileKinds.Of(name, Content(content)).Verdict);

    [Theory]
    [InlineData("donnees.bin", "binary")]
    [InlineData("reglages.cfg", "text")]
    [InlineData("archive.xyz", "zip")]
    [InlineData("classeur.abc", "ole")]
    public void Content_of_no_known_kind_or_under_a_name_of_another_kind_is_not_accepted(string name, string content) =>
        Assert.Equal(FileKinds.Verdict.Unknown, FileKinds.Of(name, Content(content)).Verdict);

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("C:\\Users\\x\\a.pdf")]
    [InlineData("dossier/a.pdf")]
    [InlineData("a:b.pdf")]
    [InlineData("cloche\u0007.pdf")]
    [InlineData("ligne\n.pdf")]
    [InlineData("photo\u202Egpj.exe")]
    [InlineData("zero\u200B.pdf")]
    [InlineData("..")]
    [InlineData(" ")]
    [InlineData(" espace.pdf")]
    [InlineData("run.js.")]
    [InlineData("")]
    [InlineData(null)]
    public void A_name_with_a_path_control_or_invisible_characters_is_refused(string? name) =>
        Assert.NotNull(FileChecks.NameProblem(name));

    [Theory]
    [InlineData("Bon de livraison n°42.pdf")]
    [InlineData("photo (1).jpeg")]
    [InlineData("Überweisung.pdf")]
    [InlineData("写真.jpg")]
    public void An_ordinary_name_is_kept(string name) => Assert.Null(FileChecks.NameProblem(name));

    [Fact]
    public void Each_refusal_names_its_file_and_nothing_is_accepted_when_one_is_refused()
    {
        var errors = new ValidationErrors();
        var accepted = FileChecks.Check([new NewFile("a.jpg", Jpeg), new NewFile("vide.pdf", []), new NewFile("b.exe", Pdf)], 1_000, 1, null, DateTimeOffset.UnixEpoch, errors);
        Assert.Empty(accepted);
        var failure = errors.ToFailure();
        Assert.Equal(["files[1]", "files[2]"], failure.Errors.Keys.Order());
    }

    [Fact]
    public void The_limit_is_for_the_files_together()
    {
        var errors = new ValidationErrors();
        FileChecks.Check([new NewFile("a.jpg", [.. Jpeg, .. new byte[600]]), new NewFile("b.jpg", [.. Jpeg, .. new byte[600]])], 1_000, 1, null, DateTimeOffset.UnixEpoch, errors);
        Assert.Equal(["files"], errors.ToFailure().Errors.Keys);
        var fine = new ValidationErrors();
        var accepted = FileChecks.Check([new NewFile("a.jpg", Jpeg), new NewFile("b.png", Png)], 1_000, 7, 3, DateTimeOffset.UnixEpoch, fine);
        Assert.False(fine.Any);
        Assert.Equal([("a.jpg", "image/jpeg", 7L), ("b.png", "image/png", 7L)], accepted.Select(f => (f.FileName, f.ContentType, f.CaseId)));
        Assert.Equal(64, accepted[0].Sha256.Length);
    }

    private static byte[] Content(string kind) => kind switch
    {
        "jpeg" => Jpeg,
        "png" => Png,
        "pdf" => Pdf,
        "zip" => Zip,
        "text" => "date;montant\n2026-12-01;42\n"u8.ToArray(),
        "binary" => [0, 1, 2, 0, 4],
        "ole" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        "exe" => [.. "MZ"u8.ToArray(), 0x90, 0],
        "elf" => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1],
        "script" => "#!/bin/sh\nrm -rf /\n"u8.ToArray(),
        "html" => "\uFEFF<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(),
        "svg" => Encoding.UTF8.GetBytes("  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
