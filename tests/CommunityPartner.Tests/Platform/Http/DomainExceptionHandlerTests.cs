using System.Globalization;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Platform.Localization;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Tests.Platform.Http;

/// <summary>An entity's refusal becomes a 409 problem with its message; other exceptions are left to the 500 path.</summary>
[Collection(SqliteLane.Name)]
public sealed class DomainExceptionHandlerTests(SqliteAppFactory factory)
{
    [Fact]
    public async Task TryHandle_DomainException_WritesConflictProblemWithFormattedMessage()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var http = NewContext(scope.ServiceProvider);

        var handled = await InCultureAsync(LocalizationServices.Chinese, () =>
            NewHandler(scope.ServiceProvider).TryHandleAsync(http, new DomainException("该账户已是{0}的社区工作者，请先在该社区解除", "上马社区"), default).AsTask());

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status409Conflict, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        http.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(409, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("操作与当前状态冲突", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("该账户已是上马社区的社区工作者，请先在该社区解除", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TryHandle_DomainExceptionInEnglishRequest_WritesEnglishMessage()
    {
        const string key = "该账户已是{0}的社区工作者，请先在该社区解除";
        var expected = string.Format(CultureInfo.InvariantCulture, factory.English(key), "Shangma");
        Assert.NotEqual(key, factory.English(key));
        await using var scope = factory.Services.CreateAsyncScope();
        var http = NewContext(scope.ServiceProvider);

        await InCultureAsync(LocalizationServices.English, () => NewHandler(scope.ServiceProvider).TryHandleAsync(http, new DomainException(key, "Shangma"), default).AsTask());

        http.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(expected, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(factory.English("操作与当前状态冲突"), problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TryHandle_OtherException_LeavesTheResponseAlone()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var http = NewContext(scope.ServiceProvider);

        var handled = await NewHandler(scope.ServiceProvider).TryHandleAsync(http, new InvalidOperationException("boom"), default);

        Assert.False(handled);
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        Assert.Equal(0, http.Response.Body.Length);
    }

    /// <summary>The request localization middleware sets the UI culture per request; here the test sets it.</summary>
    private static async Task<T> InCultureAsync<T>(CultureInfo culture, Func<Task<T>> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static DomainExceptionHandler NewHandler(IServiceProvider services) =>
        new(services.GetRequiredService<IProblemDetailsService>(), services.GetRequiredService<IStringLocalizer<SharedResource>>());

    private static DefaultHttpContext NewContext(IServiceProvider services)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Path = "/api/v1/test";
        http.Response.Body = new MemoryStream();
        return http;
    }
}
