using System.Numerics;

namespace PolicyCheck.Core.Engine;

/// <summary>A fixed-size set of small integers (equivalence classes, external groups) as 64-bit words.</summary>
internal sealed class BitSet
{
    private readonly ulong[] _words;

    public BitSet(int length)
    {
        Length = length;
        _words = new ulong[(length + 63) >> 6];
    }

    public int Length { get; }

    public BitSet Clone()
    {
        var copy = new BitSet(Length);
        _words.CopyTo(copy._words, 0);
        return copy;
    }

    public void Or(BitSet other)
    {
        for (var i = 0; i < _words.Length; i++)
            _words[i] |= other._words[i];
    }

    public void And(BitSet other)
    {
        for (var i = 0; i < _words.Length; i++)
            _words[i] &= other._words[i];
    }

    public void AndNot(BitSet other)
    {
        for (var i = 0; i < _words.Length; i++)
            _words[i] &= ~other._words[i];
    }

    public bool IsEmpty => !_words.AsSpan().ContainsAnyExcept(0UL);

    public void Set(int index) => _words[index >> 6] |= 1UL << (index & 63);

    public bool Get(int index) => (_words[index >> 6] & (1UL << (index & 63))) != 0;

    public void SetAll()
    {
        Array.Fill(_words, ulong.MaxValue);
        var tail = Length & 63;
        if (tail != 0)
            _words[^1] = (1UL << tail) - 1;
    }

    /// <summary>The members in ascending order.</summary>
    public IEnumerable<int> Ones()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var word = _words[i];
            while (word != 0)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }
}
