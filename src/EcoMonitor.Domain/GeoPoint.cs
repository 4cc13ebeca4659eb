namespace EcoMonitor.Domain;

/// <summary>A WGS-84 position in decimal degrees.</summary>
public readonly record struct GeoPoint
{
    /// <summary>Creates a point; throws <see cref="DomainValidationException"/> when outside the globe.</summary>
    public GeoPoint(double longitude, double latitude)
    {
        if (!(longitude is >= -180 and <= 180) || !(latitude is >= -90 and <= 90))
        {
            throw new DomainValidationException("geo_point.invalid", $"({longitude}, {latitude}) is not a WGS-84 position.");
        }

        Longitude = longitude;
        Latitude = latitude;
    }

    /// <summary>Longitude, degrees east.</summary>
    public double Longitude { get; }

    /// <summary>Latitude, degrees north.</summary>
    public double Latitude { get; }
}
