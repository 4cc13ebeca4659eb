using System.Text;

namespace EcoMonitor.Cli.Hj212;

/// <summary>The station text encodings the CLI offers: UTF-8 and GBK (code page 936).</summary>
internal static class Hj212TextEncodings
{
    public static Encoding Get(string name) => name switch
    {
        "gbk" => CodePagesEncodingProvider.Instance.GetEncoding(936)
            ?? throw new InvalidOperationException("Code page 936 (GBK) is not available."),
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };
}
