using System.Text;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

public sealed partial class StoreContractTests
{
    private static readonly Interval Always = new(null, null);

    [Theory, StoreProviders]
    public async Task CommitAsync_Batch_ArchivesEveryFrameIncludingRejected(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        RawFrame accepted = Some.Frame(station, receivedAt: Some.Hour(0));
        RawFrame rejected = Some.Frame(station, RawFrameOutcome.Rejected, "CrcMismatch", Some.Hour(1)) with
        {
            Bytes = Encoding.ASCII.GetBytes("##0042garbage\r\n"),
        };
        RawFrame unreadable = Some.Frame(null, RawFrameOutcome.Rejected, "MissingHeader", Some.Hour(2)) with { CommandCode = null, RequestNumber = null };
        var batch = new IngestBatch();
        batch.Frames.AddRange([accepted, rejected, unreadable]);

        await stores.Ingest.CommitAsync(batch, Ct);

        IReadOnlyList<RawFrame> ofStation = await stores.Frames.QueryAsync(station.Value, Always, 10, Ct);
        Assert.Equal([rejected.Reason, accepted.Reason], ofStation.Select(f => f.Reason));
        Assert.Equal(rejected.Bytes.ToArray(), ofStation[0].Bytes.ToArray());
        Assert.Equal(rejected with { Id = ofStation[0].Id, Bytes = ofStation[0].Bytes }, ofStation[0]);
        Assert.NotEqual(0, ofStation[0].Id);
        IReadOnlyList<RawFrame> all = await stores.Frames.QueryAsync(null, Always, 10, Ct);
        Assert.Equal(3, all.Count);
        Assert.Null(all[0].StationId);
        IReadOnlyDictionary<RawFrameOutcome, long> counts = await stores.Frames.CountByOutcomeAsync(Ct);
        Assert.Equal(1, counts[RawFrameOutcome.Accepted]);
        Assert.Equal(0, counts[RawFrameOutcome.Duplicate]);
        Assert.Equal(2, counts[RawFrameOutcome.Rejected]);
    }

    [Theory, StoreProviders]
    public async Task FramesQueryAsync_ReceivedRange_IncludesStartExcludesEndNewestFirstWithLimit(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        var batch = new IngestBatch();
        batch.Frames.AddRange(Enumerable.Range(0, 5).Select(h => Some.Frame(station, receivedAt: Some.Hour(h))));
        await stores.Ingest.CommitAsync(batch, Ct);

        IReadOnlyList<RawFrame> inRange = await stores.Frames.QueryAsync(station.Value, new Interval(Some.Hour(1), Some.Hour(4)), 10, Ct);
        IReadOnlyList<RawFrame> limited = await stores.Frames.QueryAsync(station.Value, Always, 2, Ct);

        Assert.Equal([Some.Hour(3), Some.Hour(2), Some.Hour(1)], inRange.Select(f => f.ReceivedAt));
        Assert.Equal([Some.Hour(4), Some.Hour(3)], limited.Select(f => f.ReceivedAt));
    }

    [Theory, StoreProviders]
    public async Task FindKnownPacketsAsync_AfterCommit_RecognisesOnlyCommittedPackets(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        PacketId committed = Some.Packet(station);
        PacketId otherPart = committed with { PacketNumber = 2 };
        PacketId unknown = Some.Packet(station);
        var batch = new IngestBatch();
        batch.Frames.Add(Some.Frame(station));
        batch.Packets.Add(committed);
        await stores.Ingest.CommitAsync(batch, Ct);

        IReadOnlySet<PacketId> known = await stores.Ingest.FindKnownPacketsAsync([committed, otherPart, unknown], Ct);

        Assert.Equal([committed], known);
    }

    [Theory, StoreProviders]
    public async Task CommitAsync_Observations_ReportsEachOutcomeInOrder(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        Observation existing = Some.Observation(station, "a34004", value: 10m);
        Observation same = Some.Observation(station, "a21026", value: 5m);
        await stores.Observations.AppendAsync([existing, same], Ct);
        var batch = new IngestBatch();
        batch.Observations.AddRange([Some.Observation(station, "a21004"), same, existing with { Value = 11m }]);

        AppendResult result = await stores.Ingest.CommitAsync(batch, Ct);

        Assert.Equal(new AppendResult(1, 1, 1), result);
        Assert.Equal([AppendOutcome.Inserted, AppendOutcome.Unchanged, AppendOutcome.Revised], batch.Outcomes);
    }

    [Theory, StoreProviders]
    public async Task CommitAsync_FailingMidBatch_LeavesNothingOfTheBatch(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        var batch = new IngestBatch();
        batch.Observations.Add(Some.Observation(station));
        batch.Packets.Add(Some.Packet(station));
        // The store refuses a frame without a peer (a broken invariant): the failure comes after other rows of the batch.
        batch.Frames.AddRange([Some.Frame(station), Some.Frame(station) with { Peer = null! }]);

        await Assert.ThrowsAnyAsync<Exception>(() => stores.Ingest.CommitAsync(batch, Ct));

        Assert.Empty(await stores.Observations.QueryAsync(HourQuery(station), Ct));
        Assert.Empty(await stores.Frames.QueryAsync(null, Always, 10, Ct));
        Assert.Empty(await stores.Ingest.FindKnownPacketsAsync(batch.Packets, Ct));
        Assert.Empty(batch.Outcomes);

        batch.Frames.RemoveAt(1);
        Assert.Equal(new AppendResult(1, 0, 0), await stores.Ingest.CommitAsync(batch, Ct));
        Assert.Single(await stores.Observations.QueryAsync(HourQuery(station), Ct));
    }

    [Theory, StoreProviders]
    public async Task CommittedData_SurviveClosingAndReopening(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        Station registered = Some.Station(station);
        Observation observation = Some.Observation(station, value: 0.09055002m);
        PacketId packet = Some.Packet(station);
        var batch = new IngestBatch();
        batch.Frames.Add(Some.Frame(station));
        batch.Packets.Add(packet);
        batch.Observations.Add(observation);
        await stores.Stations.UpsertAsync([registered], Ct);
        await stores.Ingest.CommitAsync(batch, Ct);

        await stores.ReopenAsync();

        Assert.Equal(registered, await stores.Stations.GetAsync(station, Ct));
        Assert.Equal([observation], await stores.Observations.QueryAsync(HourQuery(station), Ct));
        Assert.Single(await stores.Frames.QueryAsync(station.Value, Always, 10, Ct));
        Assert.Equal([packet], await stores.Ingest.FindKnownPacketsAsync([packet], Ct));
    }

    [Theory, StoreProviders]
    public async Task CommitAsync_Returned_DataVisibleToAnotherStoreInstance(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IObservationStore second = stores.OpenSecondObservationStore();
        Observation observation = Some.Observation();
        var batch = new IngestBatch();
        batch.Observations.Add(observation);

        await stores.Ingest.CommitAsync(batch, Ct);

        Assert.Equal([observation], await second.QueryAsync(HourQuery(observation.Station), Ct));
    }
}
