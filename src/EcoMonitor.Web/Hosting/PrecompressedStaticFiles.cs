using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// Static files of the portal and console served compressed without compressing per request: the build writes a
/// Brotli (<c>.br</c>) and a gzip (<c>.gz</c>) copy beside each page, script, style sheet and JSON file of wwwroot
/// (FrontEnd/precompress.mjs); a GET or HEAD of such a file from a browser that accepts <c>br</c> (else <c>gzip</c>) is
/// answered with the copy, its <c>Content-Encoding</c> and the original's <c>Content-Type</c>, when the copy is not
/// older than the file (an edited file is served as it is until the next build). Every such response says
/// <c>Vary: Accept-Encoding</c>. The copies are not addressable themselves (404), so that no path bypasses a check
/// made on the original's name (the console's sign-in guard).
/// </summary>
internal static class PrecompressedStaticFiles
{
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>Rewrites the request to the best precompressed copy; call between UseDefaultFiles and UseStaticFiles.</summary>
    public static IApplicationBuilder UsePrecompressedCopies(this IApplicationBuilder app, IFileProvider files) =>
        app.Use((context, next) =>
        {
            string? path = context.Request.Path.Value;
            if (path is null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                return next(context);
            }

            if (IsCopy(path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            if (!IsCompressible(path))
            {
                return next(context);
            }

            IFileInfo original = files.GetFileInfo(path);
            if (!original.Exists)
            {
                return next(context);
            }

            IList<StringWithQualityHeaderValue> accepted = context.Request.GetTypedHeaders().AcceptEncoding;
            foreach ((string encoding, string suffix) in Encodings)
            {
                IFileInfo copy = files.GetFileInfo(path + suffix);
                if (Accepts(accepted, encoding) && copy.Exists && copy.LastModified >= original.LastModified)
                {
                    context.Request.Path = path + suffix;
                    break;
                }
            }

            return next(context);
        });

    /// <summary>Static file options serving <paramref name="files"/> that give a copy its original's content type and encoding.</summary>
    public static StaticFileOptions Options(IFileProvider files)
    {
        var types = new FileExtensionContentTypeProvider();
        return new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new CopyContentTypeProvider(types),
            OnPrepareResponse = context =>
            {
                string name = context.File.Name;
                foreach ((string encoding, string suffix) in Encodings)
                {
                    if (name.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        context.Context.Response.Headers.ContentEncoding = encoding;
                    }
                }

                if (IsCompressible(name) || IsCopy(name))
                {
                    context.Context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                }
            },
        };
    }

    /// <summary>The name of the file a copy was made of (<c>name.js.br</c> → <c>name.js</c>); any other name as it is.</summary>
    public static string OriginalName(string name) => IsCopy(name) ? name[..^3] : name;

    private static bool IsCompressible(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".js", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".css", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);

    private static bool IsCopy(string path) =>
        path.EndsWith(".br", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string encoding)
    {
        foreach (StringWithQualityHeaderValue value in accepted)
        {
            if (string.Equals(value.Value.Value, encoding, StringComparison.OrdinalIgnoreCase) && value.Quality is not 0)
            {
                return true;
            }
        }

        return false;
    }

    // A copy (name.js.br) has the content type of its original (name.js).
    private sealed class CopyContentTypeProvider(FileExtensionContentTypeProvider types) : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType) =>
            types.TryGetContentType(OriginalName(subpath), out contentType!);
    }
}
