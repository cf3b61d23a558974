using System.Diagnostics;
using PolicyCheck.Core.Engine;
using PolicyCheck.Reporting.Formats;

namespace PolicyCheck.Cli;

/// <summary>
/// Shows long work on stderr as one rewritten line, only when stderr is a terminal and the work has already taken
/// a moment (so quick runs stay silent); at most ten updates a second. Clears its line when disposed.
/// </summary>
internal sealed class ProgressPrinter : IProgress<AnalysisProgress>, IDisposable
{
    /// <summary>For tests: a printer whose start lies <paramref name="elapsed"/> in the past.</summary>
    internal ProgressPrinter(Terminal terminal, TimeSpan elapsed)
        : this(terminal) => _offset = elapsed;

    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _error;
    private readonly bool _enabled;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly TimeSpan _offset;
    private TimeSpan? _last;
    private bool _shown;

    public ProgressPrinter(Terminal terminal)
    {
        _error = terminal.Error;
        _enabled = terminal.ErrorIsTerminal;
    }

    public void Report(AnalysisProgress value)
    {
        if (!_enabled)
            return;
        lock (_gate)
        {
            var now = _clock.Elapsed + _offset;
            if (now < Delay || (_last is { } last && now - last < Interval))
                return;
            _last = now;
            var percent = value.Total > 0 ? $" {100 * value.Done / value.Total,3}%" : string.Empty;
            _error.Write($"\r\u001b[2K{TerminalText.Clean(value.Stage)}…{percent} ({value.Done:N0}/{value.Total:N0})");
            _shown = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_shown)
                _error.Write("\r\u001b[2K");
            _shown = false;
        }
    }
}
