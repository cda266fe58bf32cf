namespace CommunityPartner.Web.Platform.Web;

/// <summary>
/// An entity refused a move that its state does not allow. The message is a localization key (Chinese text) with
/// format arguments; the API answers 409 problem details, a page shows the message.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string messageKey, params object[] args)
        : base(messageKey)
    {
        MessageKey = messageKey;
        Args = args;
    }

    public DomainException()
        : this("操作与当前状态冲突")
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        MessageKey = message;
        Args = [];
    }

    public string MessageKey { get; } = "";

    public IReadOnlyList<object> Args { get; } = [];

    /// <summary>The guard entities use for their moves: refuses with <paramref name="messageKey"/> unless <paramref name="condition"/> holds.</summary>
    public static void Require(bool condition, string messageKey, params object[] args)
    {
        if (!condition)
        {
            throw new DomainException(messageKey, args);
        }
    }
}
