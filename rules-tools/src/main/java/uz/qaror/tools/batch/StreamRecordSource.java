package uz.qaror.tools.batch;

/** A record source over one byte stream, whose progress is the bytes read of its known (or unknown) size. */
abstract class StreamRecordSource implements RecordSource {

    private final CountingInputStream counting;
    private final long size;

    StreamRecordSource(CountingInputStream counting, long size) {
        this.counting = counting;
        this.size = size;
    }

    @Override
    public final long bytesRead() {
        return counting.count();
    }

    @Override
    public final long size() {
        return size;
    }
}
