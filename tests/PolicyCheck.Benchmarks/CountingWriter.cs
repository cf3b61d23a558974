using System.Text;

namespace PolicyCheck.Benchmarks;

/// <summary>A writer that only counts characters, so rendering is measured without disk or memory growth.</summary>
public sealed class CountingWriter : TextWriter
{
    public long Count { get; private set; }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Count++;

    public override void Write(string? value) => Count += value?.Length ?? 0;

    public override void Write(ReadOnlySpan<char> buffer) => Count += buffer.Length;

    public override void Write(char[] buffer, int index, int count) => Count += count;
}
