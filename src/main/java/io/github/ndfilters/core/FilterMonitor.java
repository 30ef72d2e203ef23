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
}
