namespace Guichet.Core.Knowledge;

public static class ArticleQueries
{
    /// <summary>What customers may read: published and public.</summary>
    public static IQueryable<Article> VisibleToCustomers(this IQueryable<Article> articles) =>
        articles.Where(a => a.IsPublic && a.Status == ArticleStatus.Published);
}
