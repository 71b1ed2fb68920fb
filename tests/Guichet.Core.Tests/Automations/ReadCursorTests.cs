using Guichet.Core.Automations;

namespace Guichet.Core.Tests.Automations;

/// <summary>The rules' cursor reads every row once, though PostgreSQL may show a smaller id after a larger one.</summary>
public class ReadCursorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ids_passed_over_are_kept_until_they_appear()
    {
        // Read 11, 12, 14 past 10: 13 is not committed yet.
        var pending = ReadCursor.Parse(null).Next(10, [11, 12, 14], Now);
        Assert.Equal([13L], ReadCursor.Parse(pending).Pending);
        // Next pass: 13 appeared, with 15 after the cursor.
        Assert.Null(ReadCursor.Parse(pending).Next(14, [13, 15], Now.AddSeconds(1)));
    }

    [Fact]
    public void An_id_that_never_appears_is_given_up_after_the_late_commit_window()
    {
        var pending = ReadCursor.Parse(null).Next(10, [12], Now);
        Assert.NotNull(ReadCursor.Parse(pending).Next(12, [], Now + ReadCursor.LateCommit));
        Assert.Null(ReadCursor.Parse(pending).Next(12, [], Now + ReadCursor.LateCommit + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Nothing_read_leaves_nothing_pending_and_bad_text_is_ignored()
    {
        Assert.Null(ReadCursor.Parse(null).Next(10, [], Now));
        Assert.Empty(ReadCursor.Parse("x;12;13:y;:").Pending);
    }
}
