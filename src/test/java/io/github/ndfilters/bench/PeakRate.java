package io.github.ndfilters.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the multiply-add rate this machine reaches from Java, on every
 * thread at once, with two loops the JIT vectorises, and keeps the faster:
 * <ul>
 * <li>rows: four rows scaled and added into a fifth, all small enough for
 * the first-level cache (four multiply-adds per element, the shape of the
 * direct path's summing loops);</li>
 * <li>Horner: a degree-16 polynomial per element of a small array (sixteen
 * multiply-adds per element, each waiting on the one before).</li>
 * </ul>
 * Java computes {@code a * b + c} as a multiply and a separate add, so a
 * multiply-add here is that pair. The Horner loop alone underrates the
 * machine: its chain keeps the vector units waiting on each result, and on
 * the build machine it reached 89 G/s where the rows loop reached about
 * 150 G/s.
 */
final class PeakRate
{
	private static final int DEGREE = 16;

	private static final int LENGTH = 2048;

	private static final int HORNER_PASSES = 40000;

	/** Elements per row of the rows loop: five rows of 4 KiB fit the first-level cache. */
	private static final int ROW = 1036;

	private static final int ROWS_PASSES = 320000;

	/** The rates found by {@link #measure}. */
	static final class Rates
	{
		/** Multiply-adds per second on all threads, of each loop. */
		final double rows, horner;

		Rates( final double rows, final double horner )
		{
			this.rows = rows;
			this.horner = horner;
		}

		/** @return the faster loop's rate, the peak that shares are taken of */
		double best()
		{
			return Math.max( rows, horner );
		}
	}

	private PeakRate()
	{}

	/** @return multiply-adds per second on all threads together, of each loop */
	static Rates measure( final int threads ) throws Exception
	{
		final ExecutorService pool = Executors.newFixedThreadPool( threads );
		try
		{
			final double rows = best( pool, threads, PeakRate::rows,
					( double ) ROW * ROWS_PASSES * 4 );
			final double horner = best( pool, threads, PeakRate::horner,
					( double ) LENGTH * HORNER_PASSES * DEGREE );
			return new Rates( rows, horner );
		}
		finally
		{
			pool.shutdown();
		}
	}

	/** @return the best rate of five rounds of the loop on every thread at once */
	private static double best( final ExecutorService pool, final int threads,
			final Callable< Float > loop, final double multiplyAddsPerThread ) throws Exception
	{
		double best = 0;
		for ( int round = 0; round < 5; round++ )
		{
			final List< Future< Float > > futures = new ArrayList<>();
			final long start = System.nanoTime();
			for ( int t = 0; t < threads; t++ )
				futures.add( pool.submit( loop ) );
			float sink = 0;
			for ( final Future< Float > f : futures )
				sink += f.get();
			final double seconds = ( System.nanoTime() - start ) * 1e-9;
			if ( sink != 12345 ) // keeps the work alive
				best = Math.max( best, threads * multiplyAddsPerThread / seconds );
		}
		return best;
	}

	private static float rows()
	{
		final float[][] rows = new float[ 5 ][ ROW ];
		for ( int r = 0; r < 5; r++ )
			for ( int i = 0; i < ROW; i++ )
				rows[ r ][ i ] = ( r + i ) * 1e-6f;
		for ( int p = 0; p < ROWS_PASSES; p++ )
			addFourRows( rows[ 0 ], rows[ 1 ], rows[ 2 ], rows[ 3 ], rows[ 4 ] );
		return rows[ 0 ][ 7 ];
	}

	private static void addFourRows( final float[] a, final float[] s0, final float[] s1,
			final float[] s2, final float[] s3 )
	{
		// NB: weights that sum to about 0 keep the sums from growing without bound.
		for ( int i = 0; i < a.length; i++ )
			a[ i ] += 0.5f * s0[ i ] - 0.25f * s1[ i ] - 0.125f * s2[ i ] - 0.125f * s3[ i ];
	}

	private static float horner()
	{
		final float[] a = new float[ LENGTH ];
		for ( int i = 0; i < LENGTH; i++ )
			a[ i ] = i * 1e-4f;
		final float c = 0.999f, d = 1e-3f;
		for ( int p = 0; p < HORNER_PASSES; p++ )
			horner( a, c, d );
		return a[ 7 ];
	}

	private static void horner( final float[] a, final float c, final float d )
	{
		for ( int i = 0; i < a.length; i++ )
		{
			final float x = a[ i ];
			// NB: written out, as the JIT vectorises straight-line bodies most reliably.
			float v = c * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			v = v * x + d;
			a[ i ] = v * 1e-3f;
		}
	}
}
