using System.Collections.Immutable;

namespace EcoMonitor.Web.Errors;

/// <summary>
/// Every kind of error of the HTTP API (docs/api-errors.md, the OpenAPI document's <c>Problem</c> schema). An answer
/// with a status that has no kind of its own here is <c>about:blank</c> with the status's reason phrase (RFC 9457 §4.2.1).
/// </summary>
internal static class ProblemTypes
{
    public static readonly ProblemType MalformedRequest = new("malformed-request", StatusCodes.Status400BadRequest, "请求格式错误 / Malformed request",
        "The request cannot be read as sent: a body that is not JSON or not of the expected shape, a parameter that is not of its type (`limit=abc`), a required one missing, a content type the endpoint does not read.");

    public static readonly ProblemType InvalidParameter = new("invalid-parameter", StatusCodes.Status400BadRequest, "参数无效 / Invalid parameter",
        "A query or path parameter is readable but not acceptable: its format, its range, its combination with others, or a station of another type than the endpoint serves. `detail` names the parameter.");

    public static readonly ProblemType InvalidBody = new("invalid-body", StatusCodes.Status400BadRequest, "请求内容无效 / Invalid request body",
        "The body was read but its content is refused; nothing was stored. `errors` maps each place in the body (`$`, `$.region`, `$[3].mn`) to its reasons.");

    public static readonly ProblemType DomainRule = new("domain-rule", StatusCodes.Status400BadRequest, "违反业务规则 / Domain rule violated",
        "The request breaks a rule of the domain; `code` is the rule's stable code.");

    public static readonly ProblemType Unauthorized = new("unauthorized", StatusCodes.Status401Unauthorized, "需要登录或密钥 / Authentication required",
        "The operation is for staff and the request carries no valid credentials.",
        "Sign in to the console (POST /api/v1/console/login).");

    public static readonly ProblemType SignInFailed = new("sign-in-failed", StatusCodes.Status401Unauthorized, "用户名或密码错误 / Wrong user name or password",
        "A console sign-in with a wrong user name, password or code, or of a locked or disabled account (one answer for all).");

    public static readonly ProblemType SecondFactorRequired = new("second-factor-required", StatusCodes.Status401Unauthorized, "需要动态口令 / Second factor required",
        "The user name and password are right and the account signs in with two factors: send the sign-in again with `code`, the authenticator's current code or a recovery code.");

    public static readonly ProblemType LocalPasswordsDisabled = new("local-passwords-disabled", StatusCodes.Status403Forbidden, "本地密码登录已关闭 / Local passwords disabled",
        "This platform signs people in through the identity provider only (Identity:Oidc:LocalPasswords=false): use the console's 统一身份认证登录 (GET /api/v1/console/login/oidc).");

    public static readonly ProblemType ExternalSignInRefused = new("external-sign-in-refused", StatusCodes.Status403Forbidden, "统一身份认证登录被拒绝 / External sign-in refused",
        "The identity provider's answer was not accepted: no account is linked to the person it proved (accounts are never created from it: ask the security administrator to link yours), the account is disabled or locked, the answer could not be checked (state, nonce, code), or the provider refused.");

    public static readonly ProblemType IdentityProviderUnavailable = new("identity-provider-unavailable", StatusCodes.Status503ServiceUnavailable, "统一身份认证平台不可用 / Identity provider unavailable",
        "The identity provider (Identity:Oidc:Authority) cannot be reached or its discovery document cannot be read, so no sign-in through it can start; try again later, or sign in with a password where local passwords are allowed.");

    public static readonly ProblemType SetUpRefused = new("set-up-refused", StatusCodes.Status403Forbidden, "初始化被拒绝 / Set-up refused",
        "The first-run set-up token is wrong, used or expired (restart a node to print a new one), or set-up is done: a system administrator exists.");

    public static readonly ProblemType Forbidden = new("forbidden", StatusCodes.Status403Forbidden, "无权访问 / Forbidden",
        "The caller is signed in but its role may not do this.",
        "Your role may not use this operation.");

    public static readonly ProblemType NotFound = new("not-found", StatusCodes.Status404NotFound, "未找到 / Not found",
        "Nothing is served at this path (no such endpoint or file).",
        "Nothing is served at this path.");

    public static readonly ProblemType UnknownStation = new("unknown-station", StatusCodes.Status404NotFound, "未登记的站点 / Unknown station",
        "No station with the MN in the path (or the `station` parameter) is registered.");

    public static readonly ProblemType UnknownRegion = new("unknown-region", StatusCodes.Status404NotFound, "未知的城市或区县 / Unknown city or county",
        "No air-quality station is registered in the city or county of the path.");

    public static readonly ProblemType UnknownReport = new("unknown-report", StatusCodes.Status404NotFound, "未知的报告 / Unknown report",
        "No archived report the caller may read has the id of the path.");

    public static readonly ProblemType UnknownAlarm = new("unknown-alarm", StatusCodes.Status404NotFound, "未知的报警 / Unknown alarm",
        "No alarm has the id of the path.");

    public static readonly ProblemType UnknownAlarmRule = new("unknown-alarm-rule", StatusCodes.Status404NotFound, "未知的报警规则 / Unknown alarm rule",
        "No alarm rule has the id of the path.");

    public static readonly ProblemType UnknownAccount = new("unknown-account", StatusCodes.Status404NotFound, "未知的账号 / Unknown account",
        "No account has the name of the path.");

    public static readonly ProblemType UnknownClient = new("unknown-client", StatusCodes.Status404NotFound, "未知的接口客户端 / Unknown API client",
        "No API client has the id of the path.");

    public static readonly ProblemType UnknownSetAsideWork = new("unknown-set-aside-work", StatusCodes.Status404NotFound, "未知的搁置任务 / Unknown set-aside work",
        "No set-aside background work has the id of the path.");

    public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", StatusCodes.Status405MethodNotAllowed, "不支持的方法 / Method not allowed",
        "The path exists but not with this HTTP method; `Allow` lists the methods it has.",
        "This path does not answer this method; see the Allow header.");

    public static readonly ProblemType ActionNotAllowed = new("action-not-allowed", StatusCodes.Status409Conflict, "当前状态不允许此操作 / Action not allowed in this state",
        "A workflow action the alarm's present state does not allow; `detail` says why.");

    public static readonly ProblemType AccountConflict = new("account-conflict", StatusCodes.Status409Conflict, "账号冲突 / Account conflict",
        "The account name is taken (names are compared without regard to case), or the account kept changing meanwhile; `detail` says which.");

    public static readonly ProblemType ClientConflict = new("client-conflict", StatusCodes.Status409Conflict, "接口客户端冲突 / API client conflict",
        "Another API client has this name already.");

    public static readonly ProblemType PayloadTooLarge = new("payload-too-large", StatusCodes.Status413PayloadTooLarge, "请求体过大 / Request body too large",
        "The body is larger than the server accepts.",
        "The request body is larger than the server accepts.");

    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", StatusCodes.Status415UnsupportedMediaType, "不支持的内容类型 / Unsupported media type",
        "The body's `Content-Type` is not one the endpoint reads (JSON endpoints: `application/json`).",
        "Send the body as application/json.");

    public static readonly ProblemType RateLimited = new("rate-limited", StatusCodes.Status429TooManyRequests, "请求过于频繁 / Too many requests",
        "The client (its address, or a staff member) made more requests than its rate limit allows; `Retry-After` says when to try again.");

    public static readonly ProblemType TooManyAttempts = new("too-many-attempts", StatusCodes.Status429TooManyRequests, "尝试次数过多 / Too many attempts",
        "Too many wrong API keys or console passwords from this client (or for this user); `Retry-After` says when the next attempt is considered.");

    public static readonly ProblemType InternalError = new("internal-error", StatusCodes.Status500InternalServerError, "内部错误 / Internal error",
        "A fault of the platform; it has been logged (quote `traceId`).",
        "An internal error occurred; it has been logged.");

    public static readonly ProblemType StoreUnavailable = new("store-unavailable", StatusCodes.Status503ServiceUnavailable, "数据库暂不可用 / The database is unavailable",
        "The platform cannot reach its database for the moment; `Retry-After` says when to try again.",
        "The platform cannot reach its database for the moment. Try again after the Retry-After interval.");

    /// <summary>Every kind, in the order of their status codes.</summary>
    public static ImmutableArray<ProblemType> All { get; } =
    [
        MalformedRequest, InvalidParameter, InvalidBody, DomainRule, Unauthorized, SignInFailed, SecondFactorRequired, LocalPasswordsDisabled, ExternalSignInRefused, IdentityProviderUnavailable, SetUpRefused, Forbidden,
        NotFound, UnknownStation, UnknownRegion, UnknownReport, UnknownAlarm, UnknownAlarmRule, UnknownAccount, UnknownClient, UnknownSetAsideWork, MethodNotAllowed,
        ActionNotAllowed, AccountConflict, ClientConflict, PayloadTooLarge,
        UnsupportedMediaType, RateLimited, TooManyAttempts, InternalError, StoreUnavailable,
    ];

    /// <summary>
    /// The kind of an answer that came with a status only (the framework's: routing, authentication, status code
    /// pages, a <see cref="BadHttpRequestException"/>), or null when the status has no kind of its own.
    /// </summary>
    public static ProblemType? ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => MalformedRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => RateLimited,
        StatusCodes.Status500InternalServerError => InternalError,
        _ => null,
    };

    /// <summary>The kind whose type URI is <paramref name="uri"/>, or null.</summary>
    public static ProblemType? Find(string? uri) =>
        uri is not null && uri.StartsWith(ProblemType.UriPrefix, StringComparison.Ordinal)
            ? All.FirstOrDefault(t => string.Equals(t.Uri, uri, StringComparison.Ordinal))
            : null;
}
