package io.github.ndfilters.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the multiply-add rate this machine reaches from Java: every thread
 * evaluates a degree-16 polynomial by Horner's rule over a small float array
 * (a loop the JIT vectorises, with 16 multiply-adds per element and one load
 * and one store), and the best of several rounds counts.
 */
final class PeakRate
{
	private static final int DEGREE = 16;

	private static final int LENGTH = 2048;

	private static final int PASSES = 40000;

	private PeakRate()
	{}

	/** @return multiply-adds per second on all threads together */
	static double measure( final int threads ) throws Exception
	{
		final ExecutorService pool = Executors.newFixedThreadPool( threads );
		double best = 0;
		try
		{
			for ( int round = 0; round < 5; round++ )
			{
				final List< Future< Float > > futures = new ArrayList<>();
				final long start = System.nanoTime();
				for ( int t = 0; t < threads; t++ )
					futures.add( pool.submit( PeakRate::spin ) );
				float sink = 0;
				for ( final Future< Float > f : futures )
					sink += f.get();
				final double seconds = ( System.nanoTime() - start ) * 1e-9;
				if ( sink != 12345 ) // keeps the work alive
					best = Math.max( best, ( double ) threads * LENGTH * PASSES * DEGREE
							/ seconds );
			}
		}
		finally
		{
			pool.shutdown();
		}
		return best;
	}

	private static float spin()
	{
		final float[] a = new float[ LENGTH ];
		for ( int i = 0; i < LENGTH; i++ )
			a[ i ] = i * 1e-4f;
		final float c = 0.999f, d = 1e-3f;
		for ( int p = 0; p < PASSES; p++ )
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
