using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Guichet.Core.Cases;

/// <summary>The operations of cases: opening, replies, notes, assignment, transfer, status, merge, ceiling approval, retention, as the web, the workers and the CLI call them.</summary>
public static class CasesFeature
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.TryAddSingleton<Live.CaseChanges>();
        services.AddScoped<OpenCase>();
        services.AddScoped<PostMessage>();
        services.AddScoped<Files.UploadFiles>();
        services.AddScoped<SplitCase>();
        services.AddScoped<SideConversation>();
        services.AddScoped<Tags.TagCase>();
        services.AddScoped<Tags.RenameTag>();
        services.AddScoped<Finding.FindCases>();
        services.AddScoped<Views.SaveView>();
        services.AddScoped<Bulk.ActOnCases>();
        services.AddScoped<Bulk.StartBulkJob>();
        services.AddScoped<Bulk.RunBulkJobs>();
        services.AddScoped<Macros.SaveMacro>();
        services.AddScoped<Macros.ApplyMacro>();
        services.AddScoped<Fields.SetCaseFields>();
        services.AddScoped<Fields.DefineField>();
        services.AddScoped<AddNote>();
        services.AddScoped<AssignCase>();
        services.AddScoped<ChangeCaseStatus>();
        services.AddScoped<ChangeCasePriority>();
        services.AddScoped<TransferCase>();
        services.AddScoped<CaseRetention>();
        services.AddScoped<MergeCases>();
        services.AddScoped<NotSameMatter>();
        return services;
    }
}
