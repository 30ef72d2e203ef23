package io.github.ndfilters.core;

/**
 * Lets the caller follow and stop a running filter. All methods may be called
 * from worker threads.
 */
public interface FilterMonitor
{
	/** A monitor that ignores everything and never cancels. */
	FilterMonitor NONE = new FilterMonitor()
	{};

	/**
	 * @param fraction
	 *            the share of the work done so far, from 0 to 1
	 */
	default void progress( final double fraction )
	{}

	/**
	 * Polled between blocks of work; once it returns {@code true} the filter
	 * stops with a {@link java.util.concurrent.CancellationException} and
	 * returns no result.
	 */
	default boolean isCanceled()
	{
		return false;
	}

	/** Receives a notice the user should see, such as a kernel summing to zero. */
	default void warn( final String message )
	{}

	/**
	 * Sees each row of results right after it was stored into a target that
	 * keeps its samples in {@code float} arrays, on the worker thread that
	 * stored it, while the row is still in that core's cache: the cheap moment
	 * to gather a statistic of the result, such as its range. The row's
	 * {@code length} samples, exactly as stored, start at {@code values[ from ]};
	 * the array must not be changed or kept. Not called for other targets.
	 */
	default void floatRowStored( final float[] values, final int from, final int length )
	{}
}
