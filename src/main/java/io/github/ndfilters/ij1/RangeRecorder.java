package io.github.ndfilters.ij1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.github.ndfilters.core.FilterMonitor;

/**
 * Passes everything on to another monitor and gathers, from the float rows
 * the filter stores, the smallest and largest value of one channel of a
 * result, for its display range.
 * <p>
 * Scanning a 2048x2048 result after the filter took a tenth as long as the
 * 7x7 filter itself, as the planes had left the cache; each stored row is
 * still in its core's cache. Each worker thread folds its rows into its own
 * per-lane minima and maxima (loops the JIT vectorises), which are merged
 * when the filter is done.
 * </p>
 */
final class RangeRecorder implements FilterMonitor
{
	/** Samples folded at once: the longest row a filter hands over in one piece. */
	private static final int LANES = 2048;

	private final FilterMonitor inner;

	private final List< Lanes > allLanes = new ArrayList<>();

	private final ThreadLocal< Lanes > threadLanes = ThreadLocal.withInitial( this::newLanes );

	private final LongAdder samples = new LongAdder();

	/** @param inner receives the progress, warnings and cancel polls */
	RangeRecorder( final FilterMonitor inner )
	{
		this.inner = inner;
	}

	@Override
	public void progress( final double fraction )
	{
		inner.progress( fraction );
	}

	@Override
	public boolean isCanceled()
	{
		return inner.isCanceled();
	}

	@Override
	public void warn( final String message )
	{
		inner.warn( message );
	}

	@Override
	public void floatRowStored( final float[] values, final int from, final int length )
	{
		threadLanes.get().fold( values, from, length );
		samples.add( length );
	}

	/**
	 * Call once the filter is done.
	 *
	 * @param expected
	 *            how many samples the channel has
	 * @return the smallest and largest value of the rows seen, or
	 *         {@code null} if they were not all of the channel's samples or
	 *         held a NaN or an infinity, which need a scan that leaves them out
	 */
	synchronized double[] range( final long expected )
	{
		if ( samples.sum() != expected )
			return null;
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		for ( final Lanes lanes : allLanes )
			for ( int j = 0; j < LANES; j++ )
			{
				min = Math.min( min, lanes.mins[ j ] );
				max = Math.max( max, lanes.maxs[ j ] );
			}
		return Float.isFinite( min ) && Float.isFinite( max ) ? new double[] { min, max }
				: null;
	}

	private synchronized Lanes newLanes()
	{
		final Lanes lanes = new Lanes();
		allLanes.add( lanes );
		return lanes;
	}

	/** One thread's minima and maxima, per lane. */
	private static final class Lanes
	{
		final float[] mins = new float[ LANES ];

		final float[] maxs = new float[ LANES ];

		/** Rows that do not start at index 0 are copied here first. */
		final float[] block = new float[ LANES ];

		Lanes()
		{
			Arrays.fill( mins, Float.POSITIVE_INFINITY );
			Arrays.fill( maxs, Float.NEGATIVE_INFINITY );
		}

		void fold( final float[] values, final int from, final int length )
		{
			// NB: the JIT vectorises these loops only over arrays that start at index 0.
			if ( from == 0 && length <= LANES )
			{
				fold( values, length );
				return;
			}
			for ( int i = 0; i < length; i += LANES )
			{
				final int piece = Math.min( LANES, length - i );
				System.arraycopy( values, from + i, block, 0, piece );
				fold( block, piece );
			}
		}

		private void fold( final float[] row, final int length )
		{
			for ( int j = 0; j < length; j++ )
				mins[ j ] = Math.min( mins[ j ], row[ j ] );
			for ( int j = 0; j < length; j++ )
				maxs[ j ] = Math.max( maxs[ j ], row[ j ] );
		}
	}
}
