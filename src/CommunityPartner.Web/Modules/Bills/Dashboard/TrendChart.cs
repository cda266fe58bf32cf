using System.Globalization;
using System.Net;
using System.Text;

namespace CommunityPartner.Web.Modules.Bills.Dashboard;

/// <summary>One line of a chart: its name, values in percent (null: nothing to divide, a gap) and how it is drawn.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, string Colour, string Dash, string Marker);

/// <summary>
/// A hand-written SVG line chart of percentages over months, drawn on the server: no script, no library. It scales
/// to its container's width; screen readers get its title and description (the page also shows the same numbers
/// as a table).
/// </summary>
public static class TrendChart
{
    private const int Width = 640;
    private const int Height = 300;
    private const int Left = 44;
    private const int Right = 36;
    private const int Top = 14;
    private const int Bottom = 44;

    /// <summary>Axis labels are drawn larger than the grid's: the chart shrinks to about half on a 360 px phone.</summary>
    private const int AxisFont = 18;

    /// <summary>At most this many month labels, so "2025-07" labels never touch, even on a phone.</summary>
    private const int MaxLabels = 4;

    public static string Svg(string id, string title, string description, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series)
    {
        var svg = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        svg.Append(inv, $"<svg class=\"trend-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(inv, $"<title id=\"{id}-t\">{Esc(title)}</title><desc id=\"{id}-d\">{Esc(description)}</desc>");
        for (var p = 0; p <= 100; p += 25)
        {
            var y = Y(p);
            svg.Append(inv, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#d9d4cc\" stroke-width=\"1\"/>");
            svg.Append(inv, $"<text x=\"{Left - 6}\" y=\"{y + 5:0.#}\" text-anchor=\"end\" font-size=\"14\" fill=\"#54504b\">{p}%</text>");
        }

        foreach (var i in LabelledIndexes(labels.Count))
        {
            svg.Append(inv, $"<text x=\"{X(i, labels.Count):0.#}\" y=\"{Height - Bottom + 26}\" text-anchor=\"middle\" font-size=\"{AxisFont}\" fill=\"#54504b\">{Esc(labels[i])}</text>");
        }

        foreach (var s in series)
        {
            var segment = new List<string>();
            void Flush()
            {
                if (segment.Count > 1)
                {
                    svg.Append(inv, $"<polyline fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"3\" stroke-dasharray=\"{s.Dash}\" points=\"{string.Join(' ', segment)}\"/>");
                }

                segment.Clear();
            }

            for (var i = 0; i < s.Values.Count; i++)
            {
                if (s.Values[i] is not { } v)
                {
                    Flush();
                    continue;
                }

                var (x, y) = (X(i, s.Values.Count), Y((double)v));
                segment.Add(string.Create(inv, $"{x:0.#},{y:0.#}"));
                svg.Append(Marker(s.Marker, x, y, s.Colour));
            }

            Flush();
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// Which x positions get a label: every one for six or fewer; otherwise evenly thinned to at most
    /// <see cref="MaxLabels"/>, counted back from the latest month so it is always labelled.
    /// </summary>
    public static IReadOnlyList<int> LabelledIndexes(int count)
    {
        var step = count <= 6 ? 1 : (int)Math.Ceiling(count / (double)MaxLabels);
        return [.. Enumerable.Range(0, count).Where(i => (count - 1 - i) % step == 0)];
    }

    private static string Marker(string shape, double x, double y, string colour) => shape switch
    {
        "square" => string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x - 4:0.#}\" y=\"{y - 4:0.#}\" width=\"8\" height=\"8\" fill=\"{colour}\"/>"),
        "diamond" => string.Create(CultureInfo.InvariantCulture, $"<polygon points=\"{x:0.#},{y - 6:0.#} {x + 6:0.#},{y:0.#} {x:0.#},{y + 6:0.#} {x - 6:0.#},{y:0.#}\" fill=\"{colour}\"/>"),
        _ => string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4.5\" fill=\"{colour}\"/>"),
    };

    private static double X(int i, int count) => count <= 1 ? Left : Left + ((Width - Left - Right) * (double)i / (count - 1));

    private static double Y(double percent) => Top + ((Height - Top - Bottom) * (1 - (percent / 100)));

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
