using PopCulture.Site.Content;

namespace PopCulture.Site.Model;

/// <summary>
/// The <c>k</c> nearest other places of every place, in one pass. Places sharing a position (sample entries sit at their
/// district's centre) are folded into one site first; sites are bucketed in a grid of <see cref="CellDegrees"/>
/// cells, and each site searches rings of cells outwards until no unvisited cell can hold anything closer. For places
/// spread over a city that is O(n·k) with a small constant; the worst case (every site in one cell) is O(sites²),
/// never O(places²): a thousand places at one position cost one site.
/// </summary>
public static class NearestPlaces
{
    /// <summary>About 5.5 km north–south, a few parks a cell in a city with one park per town.</summary>
    public const double CellDegrees = 0.05;

    /// <summary>Kilometres per degree of latitude on the mean sphere.</summary>
    private const double KmPerDegree = GreatCircle.EarthRadiusKm * Math.PI / 180;

    public static Dictionary<ContentItem, IReadOnlyList<NearbyPark>> Find(IReadOnlyList<(ContentItem Item, Coordinates At)> places, int k)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var result = new Dictionary<ContentItem, IReadOnlyList<NearbyPark>>(places.Count, ReferenceEqualityComparer.Instance);
        if (places.Count == 0)
        {
            return result;
        }

        // Sites: distinct positions, members in the order given (the caller's display order breaks ties).
        var siteOf = new Dictionary<(double, double), int>();
        var sites = new List<(Coordinates At, List<int> Members)>();
        for (var i = 0; i < places.Count; i++)
        {
            var at = places[i].At;
            if (!siteOf.TryGetValue((at.Lat, at.Lng), out var site))
            {
                siteOf[(at.Lat, at.Lng)] = site = sites.Count;
                sites.Add((at, []));
            }

            sites[site].Members.Add(i);
        }

        var grid = new Dictionary<(int, int), List<int>>();
        var minRow = int.MaxValue;
        var maxRow = int.MinValue;
        var minCol = int.MaxValue;
        var maxCol = int.MinValue;
        var maxAbsLat = 0.0;
        for (var s = 0; s < sites.Count; s++)
        {
            var cell = Cell(sites[s].At);
            if (!grid.TryGetValue(cell, out var list))
            {
                grid[cell] = list = [];
            }

            list.Add(s);
            minRow = Math.Min(minRow, cell.Row);
            maxRow = Math.Max(maxRow, cell.Row);
            minCol = Math.Min(minCol, cell.Col);
            maxCol = Math.Max(maxCol, cell.Col);
            maxAbsLat = Math.Max(maxAbsLat, Math.Abs(sites[s].At.Lat) + CellDegrees);
        }

        // A cell r rings away is at least (r - 1) whole cells off in latitude or longitude; a degree of longitude is
        // shortest at the highest latitude present, so that bounds the distance from below everywhere.
        var ringKm = CellDegrees * KmPerDegree * Math.Max(0.01, Math.Cos(GreatCircle.Radians(Math.Min(89.9, maxAbsLat))));
        var maxRing = Math.Max(maxRow - minRow, maxCol - minCol) + 1;
        for (var s = 0; s < sites.Count; s++)
        {
            var (at, members) = sites[s];
            var need = Math.Max(0, k - (members.Count - 1));
            var others = need == 0 ? [] : OtherSites(s, at, need, grid, sites, ringKm, maxRing);
            for (var m = 0; m < members.Count; m++)
            {
                var nearby = new List<NearbyPark>(k);
                // Places at the same position are all 0 km away: take the next ones in order, wrapping round.
                for (var step = 1; step < members.Count && nearby.Count < k; step++)
                {
                    nearby.Add(new NearbyPark(places[members[(m + step) % members.Count]].Item, 0));
                }

                foreach (var (km, index) in others)
                {
                    if (nearby.Count == k)
                    {
                        break;
                    }

                    nearby.Add(new NearbyPark(places[index].Item, km));
                }

                result[places[members[m]].Item] = nearby;
            }
        }

        return result;
    }

    /// <summary>The nearest places at other sites, closest first, enough to make up <paramref name="need"/>.</summary>
    private static List<(double Km, int Index)> OtherSites(
        int self, Coordinates at, int need, Dictionary<(int, int), List<int>> grid, List<(Coordinates At, List<int> Members)> sites, double ringKm, int maxRing)
    {
        var (row, col) = Cell(at);
        var found = new List<(double Km, int Index)>();
        for (var ring = 0; ring <= maxRing; ring++)
        {
            for (var r = row - ring; r <= row + ring; r++)
            {
                for (var c = col - ring; c <= col + ring; c++)
                {
                    if (Math.Max(Math.Abs(r - row), Math.Abs(c - col)) != ring || !grid.TryGetValue((r, c), out var cell))
                    {
                        continue;
                    }

                    foreach (var s in cell.Where(s => s != self))
                    {
                        var km = GreatCircle.Kilometres(at, sites[s].At);
                        // Members of one site are equally far: more than the need would only be cut off again.
                        found.AddRange(sites[s].Members.Take(need).Select(i => (km, i)));
                    }
                }
            }

            // Anything in a ring not yet searched is at least ring × one cell away.
            found.Sort();
            if (found.Count >= need && found[need - 1].Km <= ring * ringKm)
            {
                break;
            }
        }

        return found.Count > need ? found[..need] : found;
    }

    private static (int Row, int Col) Cell(Coordinates at) =>
        ((int)Math.Floor(at.Lat / CellDegrees), (int)Math.Floor(at.Lng / CellDegrees));
}
