using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CommunityPartner.EndToEndTests.Infrastructure;

/// <summary>
/// Waits for the page to be at an address and done loading, by looking (the address, then <c>document.readyState</c>)
/// instead of by events. Playwright's <c>WaitForURLAsync</c> waits for the load event when the address already matches,
/// and under a loaded CI machine it missed that event now and then when the navigation committed just before it looked
/// (a 90 s timeout in two runs, "NetworkIdle event fired" but no load). Looking again every 50 ms cannot miss it.
/// </summary>
public static class Addresses
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>A full address, or a Playwright-style glob: <c>**</c> any characters, <c>*</c> any but <c>/</c>.</summary>
    public static Task WaitForAddressAsync(this IPage page, string address)
    {
        var glob = Glob(address);
        return page.WaitForAddressAsync(url => url == address || glob.IsMatch(url));
    }

    public static Task WaitForAddressAsync(this IPage page, Regex address) =>
        page.WaitForAddressAsync(address.IsMatch);

    public static async Task WaitForAddressAsync(this IPage page, Func<string, bool> address)
    {
        var until = DateTime.UtcNow + Limit;
        while (true)
        {
            if (address(page.Url) && await LoadedAsync(page))
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The page did not reach the expected address and finish loading in {Limit.TotalSeconds} s; it is at {page.Url}.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<bool> LoadedAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>("document.readyState") == "complete";
        }
        catch (PlaywrightException)
        {
            // The document was replaced while it was asked (a navigation in progress): look again.
            return false;
        }
    }

    private static Regex Glob(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");
}
