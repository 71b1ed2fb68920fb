using System.CommandLine;

namespace Guichet.Hosting;

/// <summary>The options every verb that opens the database shares.</summary>
public static class CliOptions
{
    public static Option<string> Data() =>
        new("--data") { Description = "Folder of the embedded SQLite database.", DefaultValueFactory = _ => "data" };

    public static Option<string?> Database() =>
        new("--database") { Description = "A PostgreSQL connection string (Host=…;Database=…); switches to PostgreSQL." };

    public static Option<int> MaxMail()
    {
        var option = new Option<int>("--mail-max-mb") { Description = "Email larger than this many MB is kept whole in quarantine, not processed.", DefaultValueFactory = _ => Core.Email.MailIntakeSettings.DefaultMaxMessageBytes / (1024 * 1024) };
        option.Validators.Add(r =>
        {
            if (r.GetValue(option) is < 1 or > 1024)
            {
                r.AddError("--mail-max-mb must be between 1 and 1024.");
            }
        });
        return option;
    }
}
