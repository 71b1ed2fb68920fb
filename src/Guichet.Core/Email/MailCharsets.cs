using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace Guichet.Core.Email;

/// <summary>
/// Every charset mail is written in, for every entry point (server, command line, tests): .NET
/// leaves the legacy code pages out by default (GB2312, GBK, GB18030, Big5, Shift_JIS, ISO-2022-JP,
/// EUC-KR, KOI8-R, windows-125x, ISO-8859-15…), and refuses UTF-7, which old mailers still use in
/// encoded words. Without them MimeKit falls back to Latin-1 and agents read "·¢ÏÖ×î" for "发现最"
/// (issue 22). Decoded text is only ever shown escaped, so UTF-7's old browser risk does not apply.
/// </summary>
internal static class MailCharsets
{
#pragma warning disable CA2255 // a library registering process-wide encodings once, as the assembly loads: exactly what module initializers are for
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        Encoding.RegisterProvider(new Remembered(CodePagesEncodingProvider.Instance));
        // Also set in every executable's runtimeconfig (Directory.Build.props): this covers a host that lacks it, if UTF-7 was not asked for yet.
        AppContext.SetSwitch("System.Text.Encoding.EnableUnsafeUTF7Encoding", true);
    }

    /// <summary>
    /// .NET asks the registered providers before its own encodings, on every lookup, and the code
    /// pages provider scans its table each time: MimeKit looks up every part's charset, so the
    /// answers are kept. Names and numbers come from mail headers: only a bounded number are kept.
    /// </summary>
    private sealed class Remembered(EncodingProvider inner) : EncodingProvider
    {
        private const int MaxNames = 512;
        private readonly ConcurrentDictionary<int, Encoding?> byCodePage = new();
        private readonly ConcurrentDictionary<string, Encoding?> byName = new(StringComparer.OrdinalIgnoreCase);

        public override Encoding? GetEncoding(int codepage) =>
            byCodePage.TryGetValue(codepage, out var known) ? known
            : byCodePage.Count < MaxNames ? byCodePage.GetOrAdd(codepage, inner.GetEncoding)
            : inner.GetEncoding(codepage);

        public override Encoding? GetEncoding(string name) =>
            byName.TryGetValue(name, out var known) ? known
            : byName.Count < MaxNames ? byName.GetOrAdd(name, inner.GetEncoding)
            : inner.GetEncoding(name);

        public override IEnumerable<EncodingInfo> GetEncodings() => inner.GetEncodings();
    }
}
