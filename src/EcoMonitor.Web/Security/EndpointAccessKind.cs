namespace EcoMonitor.Web.Security;

/// <summary>The three kinds of <see cref="EndpointAccess"/>.</summary>
internal enum EndpointAccessKind
{
    /// <summary>Anyone, anonymous included.</summary>
    Public,

    /// <summary>Any authenticated staff principal.</summary>
    SignedIn,

    /// <summary>Principals holding the endpoint's permission.</summary>
    Permission,
}
