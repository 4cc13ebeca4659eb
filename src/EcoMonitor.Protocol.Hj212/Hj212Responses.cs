using System.Diagnostics.CodeAnalysis;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// Writes the platform's responses to a station's frame, allocation-free, into a caller's buffer (size it with
/// <see cref="GetMaxLength"/>). HJ 212-2017/2025 form (request has Flag with version bits 1 or 2):
/// <c>QN=&lt;request QN&gt;;ST=91;CN=90xx;PW=…;MN=…;Flag=&lt;request Flag with A and D cleared&gt;;CP=&amp;&amp;…&amp;&amp;</c>
/// (HJ 212-2017 §6.6 and appendix C examples). HJ/T 212-2005 form (no Flag, or version bits 0): the request's QN and
/// CN travel inside CP, e.g. <c>ST=91;CN=9014;PW=…;MN=…;CP=&amp;&amp;QN=…;CN=2011&amp;&amp;</c>; Flag is written only if the
/// request had one. See docs/protocol/hj212.md for the policy.
/// </summary>
public static class Hj212Responses
{
    private const int FixedBytes = 96;

    /// <summary>An upper bound of the bytes any response to <paramref name="request"/> takes.</summary>
    public static int GetMaxLength(in Hj212Frame request) =>
        FixedBytes + (2 * request.Qn.Length) + request.Pw.Length + request.Mn.Length + request.Cn.Length;

    /// <summary>Data response (CN 9014) acknowledging an uploaded data frame; returns the bytes written.</summary>
    public static int WriteDataAck(in Hj212Frame request, Span<byte> destination) =>
        Write(request, Hj212CommandCodes.DataResponse, Body.DataAck, 0, destination);

    /// <summary>Request response (CN 9011) with <c>QnRtn</c>; returns the bytes written.</summary>
    public static int WriteRequestResponse(in Hj212Frame request, Hj212ReturnCode returnCode, Span<byte> destination) =>
        Write(request, Hj212CommandCodes.RequestResponse, Body.QnRtn, (int)returnCode, destination);

    /// <summary>Execution result (CN 9012) with <c>ExeRtn</c>; returns the bytes written.</summary>
    public static int WriteExecutionResult(in Hj212Frame request, Hj212ExecutionResult result, Span<byte> destination) =>
        Write(request, Hj212CommandCodes.ExecutionResult, Body.ExeRtn, (int)result, destination);

    /// <summary>Notice response (CN 9013); returns the bytes written.</summary>
    public static int WriteNoticeResponse(in Hj212Frame request, Span<byte> destination) =>
        Write(request, Hj212CommandCodes.NoticeResponse, Body.Empty, 0, destination);

    private enum Body
    {
        Empty,
        DataAck,
        QnRtn,
        ExeRtn,
    }

    private static int Write(in Hj212Frame request, int command, Body body, int code, Span<byte> destination)
    {
        if (destination.Length < GetMaxLength(request))
        {
            ThrowTooSmall();
        }

        bool is2005 = request.Version == Hj212Version.Hj2005;
        SpanWriter w = new(destination[6..]);
        if (!is2005 && !request.Qn.IsEmpty)
        {
            w.Field("QN="u8, request.Qn);
        }

        w.Text("ST=91;CN="u8);
        w.Number(command);
        w.Text(";PW="u8);
        w.Text(request.Pw);
        w.Text(";MN="u8);
        w.Text(request.Mn);
        if (request.Flag >= 0)
        {
            w.Text(";Flag="u8);
            w.Number(request.Flag & ~3);
        }

        w.Text(";CP=&&"u8);
        WriteBody(ref w, request, body, code, is2005);
        w.Text("&&"u8);
        return Hj212Formatter.CompleteFrame(destination, w.Written);
    }

    private static void WriteBody(ref SpanWriter w, in Hj212Frame request, Body body, int code, bool is2005)
    {
        bool separate = false;
        if (is2005 && !request.Qn.IsEmpty)
        {
            w.Text("QN="u8);
            w.Text(request.Qn);
            separate = true;
        }

        switch (body)
        {
            case Body.DataAck when is2005:
                w.Text(separate ? ";CN="u8 : "CN="u8);
                w.Text(request.Cn);
                break;
            case Body.QnRtn:
                w.Text(separate ? ";QnRtn="u8 : "QnRtn="u8);
                w.Number(code);
                break;
            case Body.ExeRtn:
                w.Text(separate ? ";ExeRtn="u8 : "ExeRtn="u8);
                w.Number(code);
                break;
            case Body.DataAck:
            case Body.Empty:
                break;
        }
    }

    [DoesNotReturn]
    private static void ThrowTooSmall() =>
        throw new ArgumentException("The destination is smaller than Hj212Responses.GetMaxLength(request).", "destination");

    private ref struct SpanWriter(Span<byte> destination)
    {
        private readonly Span<byte> _destination = destination;

        public int Written { get; private set; }

        public void Text(ReadOnlySpan<byte> text)
        {
            text.CopyTo(_destination[Written..]);
            Written += text.Length;
        }

        public void Field(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
            Text(key);
            Text(value);
            Text(";"u8);
        }

        public void Number(int value) => Written += Hj212Ascii.WriteDigits(value, 1, _destination[Written..]);
    }
}
