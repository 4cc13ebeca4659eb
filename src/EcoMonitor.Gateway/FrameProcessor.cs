using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Security;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Protocol.Hj212;
using NodaTime;
using NodaTime.Extensions;

namespace EcoMonitor.Gateway;

/// <summary>
/// Decides, for one whole frame, what is archived, what is stored and what is answered (ADR 0004): decode; refuse
/// an unknown MN (after the registry was read again, rate-limited: <see cref="UnknownStationRefresh"/>), an inactive station or a wrong PW with the HJ 212-2017 return code (QnRtn 4, 2, 3), a password check
/// first waiting its turn when its source or MN has failed before (<see cref="StationPasswordGuard"/>) and every wrong
/// password reported to <see cref="ISecurityEventSink"/>; refuse a data frame whose DataTime cannot be true
/// (<see cref="DataTimeWindow"/>); map data commands to observations; acknowledge with 9014 when the station asked for it.
/// Every frame is archived, except rejected frames of a source beyond its rate (<see cref="RejectedFrameSampler"/>). Stateless apart from the sub-packet tracker and the password guard; thread-safe.
/// </summary>
internal sealed class FrameProcessor(
    StationRegistry registry,
    UnknownStationRefresh unknownStations,
    ParameterCatalog catalog,
    SubPacketTracker subPackets,
    StationPasswordVerifier verifier,
    StationPasswordGuard passwords,
    DataTimeWindow dataTimes,
    RejectedFrameSampler rejectedFrames,
    ISecurityEventSink securityEvents,
    TimeProvider time,
    GatewayStats stats,
    ILogger<FrameProcessor> logger)
{
    // A connection's endpoint formatted once, not per frame; entries go with their connection's endpoint object.
    private readonly ConditionalWeakTable<EndPoint, PeerNames> _peers = [];

    /// <summary>The gateway's logger, shared with the connection loops.</summary>
    public ILogger Logger => logger;

    /// <summary>
    /// Archives bytes the scanner rejected (bad length, too long, cut off) with the reason; never answered. Masks any
    /// password in <paramref name="bytes"/> in place (<see cref="FramePassword"/>).
    /// </summary>
    public FrameDecision Unframed(byte[] bytes, Hj212Error error, EndPoint? peer)
    {
        FramePassword.MaskInPlace(bytes);
        GatewayLog.FrameUndecodable(logger, peer, null, error, 0);
        RawFrame raw = new()
        {
            ReceivedAt = time.GetUtcNow().ToInstant(),
            Peer = Names(peer).Text,
            Bytes = bytes,
            Outcome = RawFrameOutcome.Rejected,
        };
        return Reject(raw, peer, error.ToString(), null);
    }

    /// <summary>
    /// Decides what to do with a frame the scanner delimited (## … CRLF): a decision, or a deferral when the password
    /// check must wait its turn — then decide the frame again, after the wait, with the deferral's <see cref="FrameDecision.Turn"/> —
    /// or when the MN is unknown and the registry is to be read again — then decide it again, once
    /// <see cref="FrameDecision.RegistryRefresh"/> completed, with <paramref name="isRegistryRefreshed"/> true.
    /// Once decided, the passwords in <paramref name="bytes"/> (the bytes archived) are masked in place
    /// (<see cref="FramePassword"/>): after decoding, after the password check, after the replies that echo PW were written.
    /// </summary>
    public FrameDecision Process(byte[] bytes, EndPoint? peer, PasswordTurn turn = PasswordTurn.None, bool isRegistryRefreshed = false)
    {
        FrameDecision decision = Decide(bytes, peer, turn, isRegistryRefreshed);
        if (!decision.IsDeferred)
        {
            FramePassword.MaskInPlace(bytes);
        }

        return decision;
    }

    private FrameDecision Decide(byte[] bytes, EndPoint? peer, PasswordTurn turn, bool isRegistryRefreshed)
    {
        var receivedAt = time.GetUtcNow().ToInstant();
        PeerNames names = Names(peer);
        string peerText = names.Text;
        if (turn == PasswordTurn.None)
        {
            GatewayLog.RawFrame(logger, peer, new EscapedFrame(bytes));
        }

        Hj212ParseResult parsed = Hj212Parser.Parse(bytes);
        Hj212Frame frame = parsed.Frame;
        string? mn = Text(frame.Mn);
        string? qn = Text(frame.Qn);
        RawFrame raw = new()
        {
            ReceivedAt = receivedAt,
            Peer = peerText,
            StationId = mn,
            CommandCode = Text(frame.Cn),
            RequestNumber = qn,
            Bytes = bytes,
            Outcome = RawFrameOutcome.Accepted,
        };

        if (!parsed.IsSuccess)
        {
            GatewayLog.FrameUndecodable(logger, peer, mn, parsed.Error, parsed.Position);
            byte[]? reply = parsed.Error == Hj212Error.CrcMismatch && frame.IsAckRequested && !frame.Mn.IsEmpty
                ? RequestResponse(frame, Hj212ReturnCode.CrcError)
                : null;
            return Reject(raw, peer, parsed.Error.ToString(), reply);
        }

        if (!StationId.TryParse(mn, out StationId id) || !registry.TryGet(id, out Station station))
        {
            if (id.Value is { } unknown)
            {
                // A station registered through another node may not have reached this registry yet: read it again first.
                if (!isRegistryRefreshed && unknownStations.Request(unknown) is { } refresh)
                {
                    return FrameDecision.AfterRegistryRefresh(refresh);
                }

                if (isRegistryRefreshed)
                {
                    unknownStations.NotFound(unknown);
                }
            }

            return RejectStation(raw, peer, mn, FrameRejection.UnknownStation, RequestResponse(frame, Hj212ReturnCode.MnError));
        }

        if (!station.IsActive)
        {
            return RejectStation(raw, peer, mn, FrameRejection.StationInactive, RequestResponse(frame, Hj212ReturnCode.Rejected));
        }

        if (!passwords.IsOwnAddress(station.Id.Value, names.Source) && NextTurn(station.Id.Value, names.Source, turn) is { } deferred)
        {
            return deferred;
        }

        if (!PasswordMatches(station, frame.Pw))
        {
            passwords.Failed(station.Id.Value, names.Source);
            securityEvents.Record(new SecurityEvent(SecurityEventKind.StationPasswordRejected, station.Id.Value, names.Address, receivedAt, "wrong password"));
            return RejectStation(raw, peer, mn, FrameRejection.WrongPassword, RequestResponse(frame, Hj212ReturnCode.PasswordError));
        }

        passwords.Succeeded(station.Id.Value, names.Source);

        return FrameObservationMapper.TryGetInterval(frame.CommandCode, out ObservationInterval interval)
            ? Data(frame, raw, station, interval, peer)
            : Other(frame, raw, receivedAt);
    }

    /// <summary>The next turn to wait for before the password of <paramref name="mn"/> from <paramref name="source"/> is compared, or null to compare it now.</summary>
    /// <summary>
    /// The wait before this frame's password may be compared, or null when it may be now. When a key's turns are
    /// already taken a whole delay ahead, the frame takes none and asks again after that delay, so that waiting
    /// frames never queue a key's turns further out (a station at a new address would otherwise wait for hours).
    /// </summary>
    private FrameDecision? NextTurn(string mn, string source, PasswordTurn turn)
    {
        if (turn == PasswordTurn.None)
        {
            TimeSpan? addressWait = passwords.ReserveAddressTurn(source);
            if (addressWait != TimeSpan.Zero)
            {
                stats.PasswordCheckDelayed();
                return addressWait is { } wait ? FrameDecision.Deferred(wait, PasswordTurn.Address) : FrameDecision.Deferred(passwords.MaxDelay, PasswordTurn.None);
            }
        }

        if (turn != PasswordTurn.Station)
        {
            TimeSpan? stationWait = passwords.ReserveStationTurn(mn);
            if (stationWait != TimeSpan.Zero)
            {
                stats.PasswordCheckDelayed();
                return stationWait is { } wait ? FrameDecision.Deferred(wait, PasswordTurn.Station) : FrameDecision.Deferred(passwords.MaxDelay, PasswordTurn.Address);
            }
        }

        return null;
    }

    private FrameDecision Data(in Hj212Frame frame, RawFrame raw, Station station, ObservationInterval interval, EndPoint? peer)
    {
        LocalDateTime? dataTime = frame.TryGetDataTime(out LocalDateTime sent) ? sent : null;
        if (frame.PacketCount > 1 && raw.RequestNumber is not null)
        {
            LocalDateTime? inherited = subPackets.Track(station.Id.Value, raw.RequestNumber, frame.PacketCount, frame.PacketNumber, dataTime);
            dataTime ??= inherited;
        }

        if (dataTime is null)
        {
            GatewayLog.FrameRejected(logger, peer, raw.StationId, FrameRejection.MissingDataTime.Reason(), 0);
            return Reject(raw, peer, FrameRejection.MissingDataTime.Reason(), frame.IsAckRequested ? RequestResponse(frame, Hj212ReturnCode.UnknownError) : null, isAuthenticated: true);
        }

        if (dataTimes.Problem(ChinaTime.ToInstant(dataTime.Value), raw.ReceivedAt) is not null)
        {
            // Refused at the door (ADR 0004): a logger whose clock says 9999 or 0001 must not reach the store, nor be acknowledged.
            GatewayLog.DataTimeOutOfRange(logger, peer, raw.StationId, raw.RequestNumber, dataTime.Value);
            return Reject(raw, peer, FrameRejection.DataTimeOutOfRange.Reason(), frame.IsAckRequested ? RequestResponse(frame, Hj212ReturnCode.Rejected) : null, isAuthenticated: true);
        }

        List<Observation> observations = [];
        Instant periodStart = FrameObservationMapper.PeriodStart(dataTime.Value, interval, station.PeriodLabel);
        FrameObservationMapper.MapResult mapped = FrameObservationMapper.Map(frame, station, catalog, interval, periodStart, raw.ReceivedAt, observations);
        if (mapped.BadFields > 0)
        {
            GatewayLog.FrameRejected(logger, peer, raw.StationId, $"{mapped.BadFields} unreadable field(s) skipped", 0);
        }

        PacketId? packet = raw.RequestNumber is null ? null : new PacketId(station.Id.Value, raw.RequestNumber, Math.Max(frame.PacketNumber, 1));
        stats.Frame("accepted");
        byte[]? reply = frame.IsAckRequested ? DataAck(frame) : null;
        return new FrameDecision(new IngestItem(raw, observations, packet), reply, reply is not null);
    }

    private FrameDecision Other(in Hj212Frame frame, RawFrame raw, Instant now)
    {
        stats.Frame("accepted");
        byte[]? reply = frame.CommandCode switch
        {
            Hj212CommandCodes.TimeCalibrationRequest => TimeCalibration.SetTimeCommand(frame, now),
            Hj212CommandCodes.RequestResponse or Hj212CommandCodes.ExecutionResult
                or Hj212CommandCodes.NoticeResponse or Hj212CommandCodes.DataResponse => null,
            _ => frame.IsAckRequested ? DataAck(frame) : null,
        };
        return new FrameDecision(new IngestItem(raw, [], null), reply, reply is not null && frame.CommandCode != Hj212CommandCodes.TimeCalibrationRequest);
    }

    private FrameDecision RejectStation(RawFrame raw, EndPoint? peer, string? mn, FrameRejection rejection, byte[] reply)
    {
        string reason = rejection.Reason();
        GatewayLog.StationRejected(logger, peer, mn, reason);
        return Reject(raw, peer, reason, reply);
    }

    /// <summary>
    /// Refuses a frame with <paramref name="reason"/>. It is archived unless it did not authenticate and its source has
    /// exceeded its rate of rejected frames (<see cref="RejectedFrameSampler"/>); the reply goes out either way.
    /// </summary>
    private FrameDecision Reject(RawFrame raw, EndPoint? peer, string reason, byte[]? reply, bool isAuthenticated = false)
    {
        stats.Frame(reason);
        if (!isAuthenticated && !rejectedFrames.ShouldArchive(Names(peer).Source))
        {
            stats.RejectedFrameNotArchived(reason);
            return new FrameDecision(null, reply, false);
        }

        return new FrameDecision(new IngestItem(raw with { Outcome = RawFrameOutcome.Rejected, Reason = reason }, [], null), reply, false);
    }

    private PeerNames Names(EndPoint? peer) => peer is null ? PeerNames.Unknown : _peers.GetValue(peer, static p => new PeerNames(p));

    private static byte[] DataAck(in Hj212Frame frame)
    {
        // Written on the stack, copied once at its exact length (a reply is a few hundred bytes).
        int maxLength = Hj212Responses.GetMaxLength(frame);
        Span<byte> buffer = maxLength <= 1024 ? stackalloc byte[1024] : new byte[maxLength];
        return buffer[..Hj212Responses.WriteDataAck(frame, buffer)].ToArray();
    }

    private static byte[] RequestResponse(in Hj212Frame frame, Hj212ReturnCode code)
    {
        byte[] buffer = new byte[Hj212Responses.GetMaxLength(frame)];
        return buffer[..Hj212Responses.WriteRequestResponse(frame, code, buffer)];
    }

    /// <summary>
    /// Whether the frame's PW is the station's password (the one place passwords are compared, through the hashed
    /// form's verifier). Called only after the backoff's turns.
    /// </summary>
    private bool PasswordMatches(Station station, ReadOnlySpan<byte> sent) => verifier.Matches(station, sent);

    private static string? Text(ReadOnlySpan<byte> field) => field.IsEmpty ? null : Encoding.Latin1.GetString(field);
}
