using System.Buffers.Binary;

namespace SerAdapt.Features;

/// <summary>
/// The samples of one WAV data chunk, decoded piece by piece (mono, scaled as <see cref="WavReader"/>
/// describes), so that a long file never has to be in memory whole. Made by <see cref="WavReader.Open"/>.
/// </summary>
public sealed class WavSampleReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly uint _dataSize;
    private readonly WavReader.Format _format;
    private readonly bool _bigEndian;
    private readonly string _sourceName;
    private readonly byte[] _bytes;
    private long _done;

    internal WavSampleReader(Stream stream, bool ownsStream, uint dataSize, WavReader.Format format, bool bigEndian, string sourceName)
    {
        // Checked before anything is allocated, so a corrupt size cannot ask for gigabytes.
        if (stream.CanSeek && stream.Position + dataSize > stream.Length)
            throw new WavFormatException(sourceName, $"truncated: the data chunk declares {dataSize} bytes but the file ends after {stream.Length - stream.Position} of them");
        FrameCount = dataSize / format.BlockAlign;
        if (FrameCount > Array.MaxLength) throw new WavFormatException(sourceName, $"data chunk of {dataSize} bytes is too large");
        _stream = stream;
        _ownsStream = ownsStream;
        _dataSize = dataSize;
        _format = format;
        _bigEndian = bigEndian;
        _sourceName = sourceName;
        _bytes = new byte[Math.Max(1, (1 << 16) / format.BlockAlign) * format.BlockAlign];
    }

    public int SampleRate => _format.SampleRate;
    public int Channels => _format.Channels;
    /// <summary>Sample encoding, e.g. "PCM 16-bit" or "IEEE float 32-bit".</summary>
    public string Encoding => _format.Name;
    /// <summary>Mono samples in the file (sample frames of the data chunk).</summary>
    public long FrameCount { get; }
    public double DurationSeconds => (double)FrameCount / SampleRate;

    /// <summary>Decodes the next samples into <paramref name="destination"/>; returns how many (0 at the end).</summary>
    public int Read(Span<float> destination)
    {
        int blockAlign = _format.BlockAlign;
        int n = (int)Math.Min(Math.Min(destination.Length, _bytes.Length / blockAlign), FrameCount - _done);
        int bytes = n * blockAlign;
        int read = WavReader.ReadFully(_stream, _bytes.AsSpan(0, bytes));
        if (read < bytes)
            throw new WavFormatException(_sourceName, $"truncated: the data chunk declares {_dataSize} bytes but the file ends after {_done * blockAlign + read} of them");
        int bytesPerSample = _format.Bits / 8;
        float inverseChannels = 1f / _format.Channels;
        for (int i = 0; i < n; i++)
        {
            var frame = _bytes.AsSpan(i * blockAlign, blockAlign);
            float sum = 0;
            for (int ch = 0; ch < _format.Channels; ch++)
                sum += DecodeSample(frame.Slice(ch * bytesPerSample, bytesPerSample));
            destination[i] = _format.Channels == 1 ? sum : sum * inverseChannels;
        }
        _done += n;
        return n;
    }

    /// <summary>The remaining samples as one <see cref="WavAudio"/>.</summary>
    public WavAudio ReadAll()
    {
        var samples = new float[FrameCount - _done];
        for (int at = 0; at < samples.Length;) at += Read(samples.AsSpan(at));
        return new WavAudio(samples, SampleRate, Channels, Encoding);
    }

    public void Dispose()
    {
        if (_ownsStream) _stream.Dispose();
    }

    private float DecodeSample(ReadOnlySpan<byte> s)
    {
        bool bigEndian = _bigEndian;
        if (_format.Tag == WavReader.FormatFloat)
        {
            return _format.Bits == 32
                ? (bigEndian ? BinaryPrimitives.ReadSingleBigEndian(s) : BinaryPrimitives.ReadSingleLittleEndian(s))
                : (float)(bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s));
        }
        switch (_format.Bits)
        {
            case 8:
                return (s[0] - 128) / 127f;
            case 16:
                return (bigEndian ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s)) / 32767f;
            case 24:
                int v = bigEndian ? (s[0] << 24) | (s[1] << 16) | (s[2] << 8) : (s[2] << 24) | (s[1] << 16) | (s[0] << 8);
                return (v >> 8) / 8388607f;
            default:
                return (float)((bigEndian ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s)) / 2147483647.0);
        }
    }
}
