using PopCulture.Site.Content;
using PopCulture.Site.Model;

namespace PopCulture.Site.Tests;

/// <summary>Great-circle distances, the nearest-parks search and the map projection.</summary>
public class ParkAtlasTests
{
    private static ContentItem Park(string slug, double lat, double lng) => new()
    {
        Section = "parks",
        Slug = slug,
        Type = ContentTypes.Park,
        Title = slug,
        SourcePath = $"content/parks/{slug}.md",
        Fields = new ParkFields("姑苏区", null, null, new Coordinates(lat, lng), "全天开放", "村（社区）", []),
    };

    [Fact]
    public void Great_circle_distances_match_known_values()
    {
        // One degree of latitude on the mean sphere, and Suzhou's 姑苏 to 昆山 centres (about 34 km apart).
        Assert.Equal(111.195, GreatCircle.Kilometres(new Coordinates(31, 120), new Coordinates(32, 120)), 3);
        Assert.InRange(GreatCircle.Kilometres(new Coordinates(31.31, 120.62), new Coordinates(31.38, 120.98)), 34.5, 35.5);
        Assert.Equal(0, GreatCircle.Kilometres(new Coordinates(31.3, 120.6), new Coordinates(31.3, 120.6)));
    }

    [Fact]
    public void Nearest_parks_agree_with_a_brute_force_search()
    {
        var random = new Random(8);
        var parks = Enumerable.Range(0, 300)
            .Select(i => Park($"p{i}", 30.8 + (random.NextDouble() * 1.2), 120.2 + (random.NextDouble() * 1.1)))
            .ToList();

        var atlas = ParkAtlas.Build(parks);

        foreach (var park in parks)
        {
            var at = ((ParkFields)park.Fields!).Coordinates;
            var expected = parks.Where(p => p != park)
                .Select(p => GreatCircle.Kilometres(at, ((ParkFields)p.Fields!).Coordinates))
                .Order().Take(ParkAtlas.NearbyCount).ToList();
            var nearby = atlas.NearbyOf(park);
            Assert.Equal(expected, nearby.Select(n => n.Kilometres));
            Assert.DoesNotContain(nearby, n => n.Item == park);
        }
    }

    [Fact]
    public void Parks_at_one_position_are_each_others_neighbours_before_any_park_further_away()
    {
        var same = Enumerable.Range(0, 5).Select(i => Park($"s{i}", 31.2, 120.55)).ToList();
        var far = Park("far", 31.88, 120.55);
        var near = Park("near", 31.21, 120.55);

        var atlas = ParkAtlas.Build([.. same, far, near]);

        foreach (var park in same)
        {
            var nearby = atlas.NearbyOf(park);
            Assert.Equal(3, nearby.Count);
            Assert.All(nearby, n => Assert.Equal(0, n.Kilometres));
            Assert.Equal(3, nearby.Select(n => n.Item).Distinct().Count());
        }

        // The lone far park gets the closest site first, then the co-located ones.
        var fromFar = atlas.NearbyOf(far);
        Assert.Equal("near", fromFar[0].Item.Slug);
        Assert.InRange(fromFar[0].Kilometres, 74, 76);
        Assert.StartsWith("s", fromFar[1].Item.Slug, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_park_has_no_neighbours_and_two_parks_have_one_each()
    {
        var a = Park("a", 31.3, 120.6);
        Assert.Empty(ParkAtlas.Build([a]).NearbyOf(a));

        var b = Park("b", 31.4, 120.6);
        var atlas = ParkAtlas.Build([a, b]);
        Assert.Equal("b", Assert.Single(atlas.NearbyOf(a)).Item.Slug);
        Assert.Equal("a", Assert.Single(atlas.NearbyOf(b)).Item.Slug);
    }

    [Fact]
    public void The_projection_keeps_north_up_east_right_and_every_point_inside_the_drawing()
    {
        Coordinates[] points = [new(31.00, 120.65), new(31.88, 120.55), new(31.51, 121.13), new(31.33, 120.48)];
        var projection = MapProjection.Fit(points);

        var projected = points.Select(projection.Project).ToList();
        Assert.All(projected, p =>
        {
            Assert.InRange(p.X, 0, MapProjection.Width);
            Assert.InRange(p.Y, 0, projection.Height);
        });
        Assert.True(projected[1].Y < projected[0].Y, "north is up");
        Assert.True(projected[2].X > projected[3].X, "east is right");

        // Equal distances east and north come out nearly equal on the drawing (longitude scaled by cos(latitude)).
        var origin = projection.Project(new Coordinates(31.4, 120.8));
        var east = projection.Project(new Coordinates(31.4, 120.8 + (0.1 / Math.Cos(31.4 * Math.PI / 180))));
        var north = projection.Project(new Coordinates(31.5, 120.8));
        Assert.Equal(origin.Y - north.Y, east.X - origin.X, 0);
    }
}
