using System.Diagnostics;

namespace EcoMonitor.Protocol.Hj212.Tests;

[Trait("Area", "Spine")]
public sealed class Hj212FuzzTests
{
    [Fact]
    public void Fuzz_100000MutatedAndRandomFrames_NeverThrows()
    {
        byte[][] seeds = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "frames"), "*.hj212")
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        Random random = new(212);
        int runs = 0;
        for (int i = 0; i < 100_000; i++)
        {
            byte[] input = i % 10 == 9 ? RandomBytes(random) : Mutate(seeds[random.Next(seeds.Length)], random);
            Hj212Fuzz.Fuzz(input);
            runs++;
        }

        Assert.Equal(100_000, runs);
    }

    private static byte[] RandomBytes(Random random)
    {
        byte[] bytes = new byte[random.Next(0, 200)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        List<byte> bytes = [.. seed];
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = "#;,=&-\r\n0"u8[random.Next(9)];
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        Debug.Assert(bytes.Count <= seed.Length + edits, "Mutations add at most one byte each.");
        return [.. bytes];
    }
}
