package io.github.ndfilters.ij1;

import java.util.Arrays;

/**
 * The smallest and largest of the {@code float} samples folded into it, kept
 * per lane: each sample goes into one of {@link #LANES} lanes (which one
 * does not matter for the extremes). The JIT vectorises an element-wise
 * minimum or maximum of arrays read at one shared index, but not a running
 * minimum, which took three times as long; a NaN or an infinity shows in the
 * extremes, so that the caller can then look closer.
 * One instance belongs to one thread.
 */
final class FloatLanes
{
	/** Samples folded at once: the longest row a filter hands over in one piece. */
	static final int LANES = 2048;

	private final float[] mins = new float[ LANES ];

	private final float[] maxs = new float[ LANES ];

	/** Runs that reach past the lanes are copied here first, a piece at a time. */
	private final float[] block = new float[ LANES ];

	/** Samples folded in so far. */
	private long samples;

	FloatLanes()
	{
		Arrays.fill( mins, Float.POSITIVE_INFINITY );
		Arrays.fill( maxs, Float.NEGATIVE_INFINITY );
	}

	/** Folds in the {@code length} samples from {@code values[ from ]} on. */
	void fold( final float[] values, final int from, final int length )
	{
		samples += length;
		// NB: a run within the first LANES indices (a row, or one part of a row that holds
		// several side by side) folds into the lanes of the same indices, with no copy.
		if ( from + length <= LANES )
		{
			foldLanes( values, from, from + length );
			return;
		}
		for ( int i = 0; i < length; i += LANES )
		{
			final int piece = Math.min( LANES, length - i );
			System.arraycopy( values, from + i, block, 0, piece );
			foldLanes( block, 0, piece );
		}
	}

	/** Folds {@code run[ j ]} into lane {@code j}, for {@code j} in {@code [start, end)}. */
	private void foldLanes( final float[] run, final int start, final int end )
	{
		for ( int j = start; j < end; j++ )
			mins[ j ] = Math.min( mins[ j ], run[ j ] );
		for ( int j = start; j < end; j++ )
			maxs[ j ] = Math.max( maxs[ j ], run[ j ] );
	}

	/** @return how many samples were folded in */
	long samples()
	{
		return samples;
	}

	/**
	 * @return the smallest and largest sample folded in, NaN if a NaN was;
	 *         +inf, -inf if none was
	 */
	float[] extremes()
	{
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		for ( int j = 0; j < LANES; j++ )
		{
			min = Math.min( min, mins[ j ] );
			max = Math.max( max, maxs[ j ] );
		}
		return new float[] { min, max };
	}
}
