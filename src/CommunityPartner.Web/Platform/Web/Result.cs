namespace CommunityPartner.Web.Platform.Web;

public enum ResultKind
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,

    /// <summary>The request is well-formed but cannot be processed as sent (e.g. an idempotency key reused with another body): 422.</summary>
    Unprocessable,
}

/// <summary>What a use-case handler answers; the page and the endpoint each turn it into their own response.</summary>
public sealed class Result<T>
{
    private Result(ResultKind kind, T? value, ValidationErrors? errors, string? messageKey, object[]? args)
    {
        Kind = kind;
        Value = value;
        Errors = errors ?? new ValidationErrors();
        MessageKey = messageKey;
        Args = args ?? [];
    }

    public ResultKind Kind { get; }

    public T? Value { get; }

    public ValidationErrors Errors { get; }

    public string? MessageKey { get; }

    public object[] Args { get; }

    public bool IsOk => Kind == ResultKind.Ok;

    public static Result<T> Ok(T value) => new(ResultKind.Ok, value, null, null, null);

    public static Result<T> Invalid(ValidationErrors errors) => new(ResultKind.Invalid, default, errors, null, null);

    public static Result<T> NotFound(string messageKey = "未找到该记录") => new(ResultKind.NotFound, default, null, messageKey, null);

    public static Result<T> Forbidden(string messageKey = "无权执行此操作") => new(ResultKind.Forbidden, default, null, messageKey, null);

    public static Result<T> Conflict(string messageKey, params object[] args) => new(ResultKind.Conflict, default, null, messageKey, args);

    public static Result<T> Unprocessable(string messageKey, params object[] args) => new(ResultKind.Unprocessable, default, null, messageKey, args);

    /// <summary>This failure as the result of another type (a handler passing on what a reader refused).</summary>
    public Result<TOther> Failure<TOther>() =>
        IsOk ? throw new InvalidOperationException("Not a failure.") : new(Kind, default, Errors, MessageKey, Args);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(ValidationErrors errors) => Invalid(errors);
}
