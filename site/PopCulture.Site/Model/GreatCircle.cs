using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>Distances on the Earth's surface, for "nearby parks".</summary>
public static class GreatCircle
{
    /// <summary>The mean Earth radius (IUGG), in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The great-circle distance between two positions in kilometres (haversine: exact for a sphere, stable at short range).</summary>
    public static double Kilometres(Coordinates a, Coordinates b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var dLat = Radians(b.Lat - a.Lat);
        var dLng = Radians(b.Lng - a.Lng);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(a.Lat)) * Math.Cos(Radians(b.Lat)) * Math.Pow(Math.Sin(dLng / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    internal static double Radians(double degrees) => degrees * Math.PI / 180;
}
