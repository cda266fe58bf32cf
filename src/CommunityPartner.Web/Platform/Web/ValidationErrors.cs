namespace CommunityPartner.Web.Platform.Web;

/// <summary>A field-keyed list of validation messages (localization keys plus arguments), shared by page and API.</summary>
public sealed class ValidationErrors
{
    private readonly List<FieldError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyList<FieldError> Items => _errors;

    public ValidationErrors Add(string field, string messageKey, params object[] args)
    {
        _errors.Add(new FieldError(field, messageKey, args));
        return this;
    }

    /// <summary>A free-text field: refused when empty (if <paramref name="emptyKey"/> is given) or longer than <paramref name="max"/>.</summary>
    public ValidationErrors Text(string field, string value, int max, string? emptyKey, string tooLongKey)
    {
        if (value.Length == 0 && emptyKey is not null)
        {
            Add(field, emptyKey);
        }
        else if (value.Length > max)
        {
            Add(field, tooLongKey, max);
        }

        return this;
    }

    public static ValidationErrors Of(string field, string messageKey, params object[] args) =>
        new ValidationErrors().Add(field, messageKey, args);
}

public sealed record FieldError(string Field, string MessageKey, object[] Args);
