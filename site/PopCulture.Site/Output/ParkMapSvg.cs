using System.Globalization;
using System.Net;
using System.Text;
using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Output;

/// <summary>
/// Draws the park map as inline SVG at build time: a labelled dot at each district's approximate centre and a marker
/// per park that is a real link to its page (keyboard focusable, named by the park's title). No tiles, no other host.
/// </summary>
public static class ParkMapSvg
{
    /// <summary>A park to mark: its title, page link and position.</summary>
    public sealed record Marker(string Title, string Url, Coordinates At);

    private const double MarkerRadius = 7;

    /// <summary>The width of one Chinese character of a district name at the theme's 14px label size, in SVG units.</summary>
    private const double LabelCharWidth = 14;

    private const double DistrictRadius = 14;

    /// <summary>How far apart markers at one position are fanned out, in SVG units.</summary>
    private const double FanStep = 11;

    public static string Write(IReadOnlyList<District> districts, IReadOnlyList<Marker> markers, string titleId)
    {
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(markers);
        var points = districts.Select(d => d.Centre).Concat(markers.Select(m => m.At)).ToList();
        if (points.Count == 0)
        {
            return "";
        }

        var projection = MapProjection.Fit(points);
        var svg = new StringBuilder(512 + (markers.Count * 220));
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"park-map\" viewBox=\"0 0 {MapProjection.Width} {projection.Height}\" role=\"group\" aria-labelledby=\"{titleId}\">");
        svg.Append("<rect class=\"map-ground\" x=\"0\" y=\"0\" width=\"100%\" height=\"100%\"/>");
        svg.Append("<g class=\"map-districts\" aria-hidden=\"true\">");
        foreach (var district in districts)
        {
            var (x, y) = projection.Project(district.Centre);
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"map-district\" cx=\"{x}\" cy=\"{y}\" r=\"{DistrictRadius}\"/>");
        }

        // Names after every dot, so no dot covers a neighbour's name.
        foreach (var district in districts)
        {
            var (x, y) = projection.Project(district.Centre);
            // Names go right of the dot, or left of it where they would run off the drawing.
            var offset = DistrictRadius + 4;
            var leftward = x + offset + (district.Name.Length * LabelCharWidth) > MapProjection.Width;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"map-district-name\" x=\"{(leftward ? x - offset : x + offset)}\" y=\"{y + 5}\"{(leftward ? " text-anchor=\"end\"" : "")}>{WebUtility.HtmlEncode(district.Name)}</text>");
        }

        svg.Append("</g><g class=\"map-parks\">");
        // Sample parks share their district's centre: fan markers at one spot out on a sunflower spiral so each stays
        // visible and clickable; the first stays on the spot.
        var placed = new Dictionary<(double, double), int>();
        foreach (var marker in markers)
        {
            var (x, y) = projection.Project(marker.At);
            var nth = placed.GetValueOrDefault((x, y));
            placed[(x, y)] = nth + 1;
            var angle = nth * 2.399963; // the golden angle, in radians
            var radius = FanStep * Math.Sqrt(nth);
            var mx = Math.Round(x + (radius * Math.Cos(angle)), 1);
            var my = Math.Round(y + (radius * Math.Sin(angle)), 1);
            var title = WebUtility.HtmlEncode(marker.Title);
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{WebUtility.HtmlEncode(marker.Url)}\" aria-label=\"{title}\" class=\"map-park\">");
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"map-halo\" cx=\"{mx}\" cy=\"{my}\" r=\"{MarkerRadius + 6}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"map-marker\" cx=\"{mx}\" cy=\"{my}\" r=\"{MarkerRadius}\"/>");
            svg.Append("</a>");
            // The name shown on hover and focus sits beside the link, not in it, so the link's box is just the dot.
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"map-tip\" x=\"{mx}\" y=\"{my - 16}\" text-anchor=\"middle\" aria-hidden=\"true\">{title}</text>");
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }
}
