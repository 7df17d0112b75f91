using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>
/// An equirectangular projection onto SVG units, its frame fitted around the points to draw: longitude is scaled by
/// the cosine of the frame's middle latitude, so at a city's size distances and shapes are true to within a percent.
/// </summary>
public sealed class MapProjection
{
    /// <summary>The drawing's width in SVG units; the height follows from the frame.</summary>
    public const double Width = 600;

    /// <summary>Room around the outermost points for markers and labels, in degrees.</summary>
    public const double PaddingDegrees = 0.08;

    private const double MinSpanDegrees = 0.2;

    private readonly double _west;
    private readonly double _north;
    private readonly double _scale;
    private readonly double _lngFactor;

    private MapProjection(double west, double north, double scale, double lngFactor, double height)
    {
        _west = west;
        _north = north;
        _scale = scale;
        _lngFactor = lngFactor;
        Height = height;
    }

    public double Height { get; }

    /// <summary>A projection whose frame holds every point in <paramref name="points"/> (at least one).</summary>
    public static MapProjection Fit(IEnumerable<Coordinates> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double south = double.MaxValue, north = double.MinValue, west = double.MaxValue, east = double.MinValue;
        foreach (var p in points)
        {
            south = Math.Min(south, p.Lat);
            north = Math.Max(north, p.Lat);
            west = Math.Min(west, p.Lng);
            east = Math.Max(east, p.Lng);
        }

        if (south > north)
        {
            throw new ArgumentException("a map needs at least one point", nameof(points));
        }

        // Keep a minimum span so one point, or a row of them, still gets a frame of sensible shape.
        var latGrow = Math.Max(0, MinSpanDegrees - (north - south)) / 2;
        var lngGrow = Math.Max(0, MinSpanDegrees - (east - west)) / 2;
        south -= PaddingDegrees + latGrow;
        north += PaddingDegrees + latGrow;
        west -= PaddingDegrees + lngGrow;
        east += PaddingDegrees + lngGrow;
        var lngFactor = Math.Cos(GreatCircle.Radians((south + north) / 2));
        var scale = Width / ((east - west) * lngFactor);
        return new MapProjection(west, north, scale, lngFactor, Math.Round((north - south) * scale, 1));
    }

    /// <summary>SVG coordinates (x right, y down) of a position, to a tenth of a unit.</summary>
    public (double X, double Y) Project(Coordinates at)
    {
        ArgumentNullException.ThrowIfNull(at);
        return (Math.Round((at.Lng - _west) * _lngFactor * _scale, 1), Math.Round((_north - at.Lat) * _scale, 1));
    }
}
