namespace CommunityPartner.Web.Modules.Notifications.Contracts;

/// <summary>
/// Tells people about changes that concern them. Notifications join the caller's unit of work: they are saved with
/// the change that caused them, or not at all.
/// </summary>
public interface INotifier
{
    /// <param name="recipients">Each is told once, however often listed.</param>
    /// <param name="textKey">Chinese text used as localization key, with {0}… placeholders.</param>
    /// <param name="link">Local path the message opens.</param>
    /// <param name="args">Values for the placeholders.</param>
    /// <param name="except">Usually the person who made the change; they are not told of their own act.</param>
    void Notify(IEnumerable<Guid> recipients, string textKey, string link, IReadOnlyList<string> args, Guid? except = null);
}
