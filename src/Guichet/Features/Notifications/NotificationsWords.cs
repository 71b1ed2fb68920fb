namespace Guichet.Features.Notifications;

/// <summary>Names the words of Notifications's pages: NotificationsWords.resx (French) and NotificationsWords.en.resx (English), read through IStringLocalizer&lt;NotificationsWords&gt;.</summary>
public sealed class NotificationsWords;
