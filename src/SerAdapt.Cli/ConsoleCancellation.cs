namespace SerAdapt.Cli;

/// <summary>
/// Ctrl-C as a <see cref="CancellationToken"/>: the first Ctrl-C cancels the token and keeps the
/// process alive, so that the work stops at a safe point and keeps what it has (finished runs,
/// the best model so far); a second Ctrl-C ends the process at once.
/// </summary>
internal sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly ConsoleCancelEventHandler _handler;

    public ConsoleCancellation()
    {
        _handler = (_, e) =>
        {
            if (_source.IsCancellationRequested) return;
            e.Cancel = true;
            Console.Error.WriteLine("seradapt: stopping at the next safe point (Ctrl-C again to stop at once)");
            _source.Cancel();
        };
        Console.CancelKeyPress += _handler;
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= _handler;
        _source.Dispose();
    }
}
