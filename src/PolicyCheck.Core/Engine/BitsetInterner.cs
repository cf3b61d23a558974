namespace PolicyCheck.Core.Engine;

/// <summary>
/// Gives each distinct bit set of a fixed word count a small id, without allocating per lookup: the sets live in
/// one flat array and an open-addressing table maps hashes to ids. Id 0 is the empty set.
/// </summary>
internal sealed class BitsetInterner
{
    private readonly int _words;
    private ulong[] _store;
    private int[] _table;
    private int _count;

    public BitsetInterner(int words)
    {
        _words = Math.Max(words, 1);
        _store = new ulong[_words * 16];
        _table = new int[64];
        Array.Fill(_table, -1);
        Intern(new ulong[_words]);
    }

    public int Count => _count;

    public ReadOnlySpan<ulong> this[int id] => _store.AsSpan(id * _words, _words);

    public int Intern(ReadOnlySpan<ulong> bits)
    {
        var mask = _table.Length - 1;
        var slot = (int)(Hash(bits) & (uint)mask);
        while (true)
        {
            var id = _table[slot];
            if (id < 0)
                break;
            if (this[id].SequenceEqual(bits))
                return id;
            slot = (slot + 1) & mask;
        }

        var newId = _count++;
        if (_store.Length < _count * _words)
            Array.Resize(ref _store, _store.Length * 2);
        bits.CopyTo(_store.AsSpan(newId * _words, _words));
        _table[slot] = newId;
        if (_count * 2 > _table.Length)
            Grow();
        return newId;
    }

    private void Grow()
    {
        _table = new int[_table.Length * 2];
        Array.Fill(_table, -1);
        var mask = _table.Length - 1;
        for (var id = 0; id < _count; id++)
        {
            var slot = (int)(Hash(this[id]) & (uint)mask);
            while (_table[slot] >= 0)
                slot = (slot + 1) & mask;
            _table[slot] = id;
        }
    }

    private static ulong Hash(ReadOnlySpan<ulong> bits)
    {
        var hash = 0x9E3779B97F4A7C15UL;
        foreach (var word in bits)
        {
            hash ^= word;
            hash *= 0xBF58476D1CE4E5B9UL;
            hash ^= hash >> 31;
        }

        return hash;
    }
}
